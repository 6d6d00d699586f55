"""Form 8-K items: header titles <-> item codes, by filing date (EDGAR.md §2).

Space-dialect headers carry the item *title* as it read on the filing date;
tag-dialect headers carry the *code*. The numbering changed on 2004-08-23:
before it, items are the integers 1-12; from it, the dotted codes 1.01-9.01.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

# The current numbering took effect on this date.
NEW_ITEMS_EFFECTIVE = dt.date(2004, 8, 23)

# Current 8-K code -> title.
ITEM_TITLES: dict[str, str] = {
    "1.01": "Entry into a Material Definitive Agreement",
    "1.02": "Termination of a Material Definitive Agreement",
    "1.03": "Bankruptcy or Receivership",
    "1.04": "Mine Safety - Reporting of Shutdowns and Patterns of Violations",
    "1.05": "Material Cybersecurity Incidents",
    "2.01": "Completion of Acquisition or Disposition of Assets",
    "2.02": "Results of Operations and Financial Condition",
    "2.03": "Creation of a Direct Financial Obligation or an Obligation under an "
    "Off-Balance Sheet Arrangement of a Registrant",
    "2.04": "Triggering Events That Accelerate or Increase a Direct Financial Obligation "
    "or an Obligation under an Off-Balance Sheet Arrangement",
    "2.05": "Costs Associated with Exit or Disposal Activities",
    "2.06": "Material Impairments",
    "3.01": "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; "
    "Transfer of Listing",
    "3.02": "Unregistered Sales of Equity Securities",
    "3.03": "Material Modification to Rights of Security Holders",
    "4.01": "Changes in Registrant's Certifying Accountant",
    "4.02": "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report "
    "or Completed Interim Review",
    "5.01": "Changes in Control of Registrant",
    "5.02": "Departure of Directors or Certain Officers; Election of Directors; Appointment of "
    "Certain Officers: Compensatory Arrangements of Certain Officers",
    "5.03": "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year",
    "5.04": "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans",
    "5.05": "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the "
    "Code of Ethics",
    "5.06": "Change in Shell Company Status",
    "5.07": "Submission of Matters to a Vote of Security Holders",
    "5.08": "Shareholder Director Nominations",
    "6.01": "ABS Informational and Computational Material",
    "6.02": "Change of Servicer or Trustee",
    "6.03": "Change in Credit Enhancement or Other External Support",
    "6.04": "Failure to Make a Required Distribution",
    "6.05": "Securities Act Updating Disclosure",
    "6.06": "Static Pool",
    "6.10": "Alternative Filings of Asset-Backed Issuers",
    "7.01": "Regulation FD Disclosure",
    "8.01": "Other Events",
    "9.01": "Financial Statements and Exhibits",
}

# Other spellings seen in headers or in other code tables, per current code.
_CURRENT_VARIANTS: dict[str, tuple[str, ...]] = {
    "1.04": ("Mine Safety Disclosures",),
    # The 2004-2005 headers (Internap 2004, Exelon 2005) stop before the compensation clause.
    "5.02": (
        "Departure of Directors or Principal Officers; Election of Directors; "
        "Appointment of Principal Officers",
    ),
    "5.08": ("Shareholder Nominations Pursuant to Exchange Act Rule 14a-11",),
}

# 8-K items before 2004-08-23: integer code -> title.
OLD_ITEM_TITLES: dict[str, str] = {
    "1": "Changes in Control of Registrant",
    "2": "Acquisition or Disposition of Assets",
    "3": "Bankruptcy or Receivership",
    "4": "Changes in Registrant's Certifying Accountant",
    "5": "Other Events",
    "6": "Resignations of Registrant's Directors",
    "7": "Financial Statements, Pro Forma Financial Information and Exhibits",
    "8": "Change in Fiscal Year",
    "9": "Regulation FD Disclosure",
    "10": "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the "
    "Code of Ethics",
    "11": "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans",
    "12": "Results of Operations and Financial Condition",
}

_OLD_VARIANTS: dict[str, tuple[str, ...]] = {
    "5": ("Other Events and Regulation FD Disclosure",),
    # Item 9 before Regulation FD (2000), as some code tables give it.
    "9": ("Sales of Equity Securities Pursuant to Regulation S",),
}

_SPACES = re.compile(r"\s+")
# Words the SEC and data vendors spell both ways; each maps to one spelling.
_WORDS = re.compile(r"\b(principal|modifications|costs)\b")
_WORD_FOR = {"principal": "certain", "modifications": "modification", "costs": "cost"}
_PUNCT = str.maketrans({":": ";", "\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-"})


@functools.lru_cache(maxsize=4096)  # filings repeat a few dozen titles
def normalize_title(title: str) -> str:
    """The form two spellings of one item title share (EDGAR.md §2.3 rule 2)."""
    text = _SPACES.sub(" ", title.casefold().translate(_PUNCT)).strip().rstrip(".")
    text = text.replace(" ;", ";").replace("; ", ";").replace(";", "; ")
    return _WORDS.sub(lambda m: _WORD_FOR[m.group(1)], text)


def _lookup(titles: dict[str, str], variants: dict[str, tuple[str, ...]]) -> dict[str, str]:
    table = {normalize_title(title): code for code, title in titles.items()}
    for code, names in variants.items():
        for name in names:
            table[normalize_title(name)] = code
    return table


_CURRENT_LOOKUP = _lookup(ITEM_TITLES, _CURRENT_VARIANTS)
_OLD_LOOKUP = _lookup(OLD_ITEM_TITLES, _OLD_VARIANTS)


def _is_old(filed_date: dt.date | None) -> bool:
    return filed_date is not None and filed_date < NEW_ITEMS_EFFECTIVE


def code_for(title: str, filed_date: dt.date | None) -> str | None:
    """The item code a header title stands for on `filed_date`, or None if unknown.

    Without a date the current numbering is tried first, then the old one.
    """
    key = normalize_title(title)
    if not key:
        return None
    if filed_date is None:
        return _CURRENT_LOOKUP.get(key) or _OLD_LOOKUP.get(key)
    return (_OLD_LOOKUP if _is_old(filed_date) else _CURRENT_LOOKUP).get(key)


def title_for(code: str, filed_date: dt.date | None) -> str | None:
    """The canonical title of an item code, or None for codes that are not 8-K items.

    Integer codes are pre-2004 items and dotted codes current ones, whatever the
    date; Form D exemption codes such as "3C" or "06b" have no title here.
    """
    code = code.strip()
    return ITEM_TITLES.get(code) or OLD_ITEM_TITLES.get(code)
