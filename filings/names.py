"""Telling people from companies in header names, and writing their names for people."""

import re

from nameparser import HumanName

# Words that only organisations carry in EDGAR conformed names.
ORGANISATION_WORDS = re.compile(
    r"\b(INC|INCORPORATED|CORP|CORPORATION|CO|COMPANY|LLC|L\.L\.C|LP|L\.P|LLP|LTD|LIMITED|PLC|"
    r"TRUST|FUND|FUNDS|PARTNERS|PARTNERSHIP|HOLDINGS?|GROUP|CAPITAL|MANAGEMENT|ADVISORS?|"
    r"ADVISERS?|BANK|BANCORP|FOUNDATION|ASSOCIATES|INVESTMENTS?|VENTURES?|SA|AG|NV|BV|GMBH|"
    r"SECURITIES|FINANCIAL|ENTERPRISES|INTERNATIONAL|SYSTEMS|TECHNOLOGIES|ESTATE|/ADV)\b\.?",
    re.IGNORECASE,
)


def is_person(party) -> bool:
    """A reporting owner is a person unless its header data or name says organisation.

    Organisations carry a SIC code, an IRS number or a state of incorporation; people
    never do, and their conformed names ("LAST FIRST MIDDLE") have no company words.
    """
    if party.sic or party.irs_number or party.state_of_incorporation:
        return False
    return not ORGANISATION_WORDS.search(party.name or "")


def display_name(raw: str) -> str:
    """'HIGGINS PATRICIA L' -> 'Patricia L. Higgins'; names already in order keep it.

    EDGAR writes individual owners as LAST FIRST MIDDLE [SUFFIX], upper case, with no
    comma; a comma or mixed case means the filer wrote the name in reading order.
    """
    raw = " ".join(raw.split())
    if not raw:
        return ""
    if "," not in raw and raw.isupper():
        parts = raw.split(" ")
        suffix = ""
        if len(parts) > 2 and parts[-1].rstrip(".") in {"JR", "SR", "II", "III", "IV", "V"}:
            suffix = parts.pop()
        raw = f"{parts[0]}, {' '.join(parts[1:])}" + (f", {suffix}" if suffix else "")
    name = HumanName(raw)
    name.capitalize(force=True)
    middle = " ".join(m + "." if len(m) == 1 else m for m in name.middle.split())
    return " ".join(p for p in (name.first, middle, name.last, name.suffix) if p)
