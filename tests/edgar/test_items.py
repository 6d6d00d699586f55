"""8-K item titles <-> codes by filing date (EDGAR.md §2)."""

import datetime as dt

import pytest

from filings.edgar import parse
from filings.edgar.items import ITEM_TITLES, OLD_ITEM_TITLES, code_for, normalize_title, title_for

BEFORE = dt.date(2003, 6, 2)
AFTER = dt.date(2023, 2, 24)

CURRENT_502 = (
    "Departure of Directors or Certain Officers; Election of Directors; Appointment of "
    "Certain Officers: Compensatory Arrangements of Certain Officers"
)
INTERNAP_502 = (
    "Departure of Directors or Principal Officers; Election of Directors; "
    "Appointment of Principal Officers"
)


def test_internap_2004_title_is_5_02():
    assert code_for(INTERNAP_502, dt.date(2004, 12, 22)) == "5.02"


def test_current_exact_title_is_5_02():
    assert code_for(CURRENT_502, AFTER) == "5.02"


@pytest.mark.parametrize(
    ("title", "filed", "code"),
    [
        ("Other Events", BEFORE, "5"),
        ("Other Events", AFTER, "8.01"),
        ("Regulation FD Disclosure", BEFORE, "9"),
        ("Regulation FD Disclosure", AFTER, "7.01"),
        ("Results of Operations and Financial Condition", BEFORE, "12"),
        ("Results of Operations and Financial Condition", AFTER, "2.02"),
        ("Changes in Registrant's Certifying Accountant", BEFORE, "4"),
        ("Changes in Registrant's Certifying Accountant", AFTER, "4.01"),
        ("Other Events and Regulation FD Disclosure", BEFORE, "5"),
    ],
)
def test_the_filing_date_chooses_the_numbering(title, filed, code):
    assert code_for(title, filed) == code


def test_the_numbering_changes_on_2004_08_23():
    assert code_for("Other Events", dt.date(2004, 8, 22)) == "5"
    assert code_for("Other Events", dt.date(2004, 8, 23)) == "8.01"


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("  other   EVENTS ", "8.01"),
        ("Cost Associated with Exit or Disposal Activities", "2.05"),
        ("Material Modifications to Rights of Security Holders", "3.03"),
        ("Changes in Registrant\u2019s Certifying Accountant", "4.01"),
        (CURRENT_502.replace(":", ";"), "5.02"),
        ("Mine Safety Disclosures", "1.04"),
        ("Mine Safety \u2013 Reporting of Shutdowns and Patterns of Violations", "1.04"),
        ("Shareholder Nominations Pursuant to Exchange Act Rule 14a-11", "5.08"),
        (
            "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report "
            "or Completed Interim Review",
            "4.02",
        ),
    ],
)
def test_spelling_variants(title, code):
    assert code_for(title, AFTER) == code


def test_unknown_and_blank_titles_have_no_code():
    assert code_for("", AFTER) is None
    assert code_for("   ", BEFORE) is None
    assert code_for("Periodic Filing of Rule 15Ga-1 Representations and Warranties", AFTER) is None
    # A current title on a pre-2004 filing is not guessed at.
    assert code_for("Entry into a Material Definitive Agreement", BEFORE) is None


def test_without_a_date_the_current_numbering_comes_first():
    assert code_for("Other Events", None) == "8.01"
    assert code_for("Resignations of Registrant's Directors", None) == "6"


def test_normalize_title():
    assert normalize_title("A  ;B:c Principal Costs.") == "a; b; c certain cost"


def test_title_for():
    assert title_for("5.02", AFTER) == CURRENT_502
    assert title_for("9.01", AFTER) == "Financial Statements and Exhibits"
    assert title_for("9", BEFORE) == "Regulation FD Disclosure"
    assert title_for("3C", AFTER) is None
    assert title_for("06b", AFTER) is None


def test_tables():
    assert len(ITEM_TITLES) == 34  # EDGAR.md §2.1
    assert ITEM_TITLES["6.10"] == "Alternative Filings of Asset-Backed Issuers"
    assert sorted(OLD_ITEM_TITLES, key=int) == [str(i) for i in range(1, 13)]


def _header_with_items(filed: str, lines: list[str]) -> bytes:
    items = "".join(
        f"ITEM INFORMATION:\t\t{line}\n" if line else "ITEM INFORMATION:\n" for line in lines
    )
    return (
        "<SEC-DOCUMENT>0000999999-24-000001.txt : 20240105\n"
        "<SEC-HEADER>0000999999-24-000001.hdr.sgml : 20240105\n"
        "ACCESSION NUMBER:\t\t0000999999-24-000001\n"
        "CONFORMED SUBMISSION TYPE:\t8-K\n"
        f"{items}"
        f"FILED AS OF DATE:\t\t{filed}\n"
        "</SEC-HEADER>\n</SEC-DOCUMENT>\n"
    ).encode()


def test_item_refs_from_header_titles():
    sub = parse(_header_with_items("20041222", [INTERNAP_502, "Financial Statements and Exhibits"]))
    assert [(r.raw, r.code, r.source) for r in sub.item_refs] == [
        (INTERNAP_502, "5.02", "header-title"),
        ("Financial Statements and Exhibits", "9.01", "header-title"),
    ]
    assert sub.item_refs[0].title == CURRENT_502


def test_blank_and_unknown_item_lines_keep_their_raw_value():
    sub = parse(_header_with_items("19990907", ["", "Other Events", "Something New"]))
    assert sub.items == ("", "Other Events", "Something New")
    assert [(r.raw, r.code, r.title) for r in sub.item_refs] == [
        ("", None, None),
        ("Other Events", "5", "Other Events"),
        ("Something New", None, None),
    ]


def test_item_refs_from_tag_dialect_codes():
    data = (
        b"<SUBMISSION>\n<ACCESSION-NUMBER>0000999999-24-000001\n<TYPE>D\n"
        b"<ITEMS>06b\n<ITEMS>3C\n<ITEMS>9.01\n<FILING-DATE>20240105\n</SUBMISSION>\n"
    )
    sub = parse(data)
    assert [(r.raw, r.code, r.title, r.source) for r in sub.item_refs] == [
        ("06b", "06b", None, "header-code"),
        ("3C", "3C", None, "header-code"),
        ("9.01", "9.01", "Financial Statements and Exhibits", "header-code"),
    ]
