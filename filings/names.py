"""Telling people from companies among a header's reporting owners."""

import re

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
