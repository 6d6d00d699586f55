import datetime as dt
import os
import re
from pathlib import Path

import pytest

from filings.extract.body_items import BodyItem, body_items, compare_items

FILED = dt.date(2024, 3, 8)
OLD = dt.date(1999, 9, 7)


def codes(text: str, filed: dt.date | None = FILED) -> list[str]:
    return [item.code for item in body_items(text, filed)]


def assert_evidence(text: str, items: list[BodyItem]) -> None:
    for item in items:
        assert " ".join(text[item.start : item.end].split()) == item.heading


def test_heading_with_short_title():
    text = "Check the appropriate box below\n\nItem 5.02 Election of Directors\n\nOn December 17, 2004, the Board elected Ms. Higgins.\n"
    items = body_items(text, dt.date(2004, 12, 22))
    assert items == [
        BodyItem(
            "5.02", "Item 5.02 Election of Directors", text.index("Item"), text.index("\n\nOn")
        )
    ]


def test_upper_case_heading_with_period():
    text = "ITEM 9.01. FINANCIAL STATEMENTS AND EXHIBITS\n(d) Exhibits\n99.1 Press release\n"
    items = body_items(text, FILED)
    assert [(i.code, i.heading) for i in items] == [
        ("9.01", "ITEM 9.01. FINANCIAL STATEMENTS AND EXHIBITS")
    ]
    assert_evidence(text, items)


@pytest.mark.parametrize(
    "heading",
    [
        "Item 5.02(d) Election of Directors",
        "Item 5.02 (e) Compensatory Arrangements of Certain Officers.",
        "Item 5.02: Departure of Directors",
        "Item 5.02 – Departure of Directors",
        "  Item 5.02.\tDeparture of Directors",
        "Item\u00a05.02 Departure of Directors",
    ],
)
def test_heading_spellings(heading):
    text = f"Intro.\n{heading}\nOn March 2, 2026, the Board acted.\n"
    assert codes(text) == ["5.02"]


def test_items_listed_together():
    text = "Items 5.02 and 9.01 Departure of Directors; Financial Statements and Exhibits.\nBody.\n"
    items = body_items(text, FILED)
    assert [i.code for i in items] == ["5.02", "9.01"]
    assert items[0].start == items[1].start == 0
    assert items[0].heading == items[1].heading
    assert codes("Items 2.02, 7.01 and 9.01. Results of Operations\nBody.\n") == [
        "2.02",
        "7.01",
        "9.01",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Company entered into a loan, as described in Item 2.03 below.\n",
        "This report is filed pursuant to Item 5.02(e) of Form 8-K.\n",
        "Item 2.02 of this Current Report on Form 8-K is incorporated herein\nby reference.\n",
        "Item 5.02(e) of Form 8-K requires the following disclosure.\n",
        "The information set forth under Item 1.01 is incorporated herein by reference.\n",
        "There are no transactions that require disclosure pursuant to Item 404(a) of "
        "Regulation S-K.\n",
        "The information reported under this Item 2.02\nof Form 8-K is furnished.\n",
        "The loan is more fully described in\nItem 2.03 below.\n",
        "The loan is more fully described in\nItem 2.03. The Company expects to repay it.\n",
    ],
)
def test_cross_references_are_not_headings(text):
    assert codes(text) == []


def test_cross_reference_after_a_real_heading_is_ignored():
    text = (
        "Item 7.01 Regulation FD Disclosure.\n"
        "Item 2.02 of this Current Report on Form 8-K is incorporated herein by reference.\n"
        "Item 9.01 Exhibits\n"
    )
    assert codes(text) == ["7.01", "9.01"]


def test_first_heading_of_a_code_is_kept():
    text = "Item 9.01 Financial Statements and Exhibits.\n(d) Exhibits\n\nEXHIBIT INDEX\nItem 9.01 Exhibits\n"
    items = body_items(text, FILED)
    assert [(i.code, i.start) for i in items] == [("9.01", 0)]


def test_title_on_the_next_line():
    text = "Item 8.01\nOther Events.\n\nOn November 15, 2019, Apple issued notes.\n"
    items = body_items(text, FILED)
    assert [(i.code, i.heading) for i in items] == [("8.01", "Item 8.01 Other Events.")]
    assert_evidence(text, items)


def test_heading_running_into_its_paragraph_stops_at_the_sentence():
    text = "Item 8.01 Other Events. On March 8, 2024, 3M announced a spin-off.\n"
    assert body_items(text, FILED)[0].heading == "Item 8.01 Other Events."


def test_pre_2004_integer_items():
    text = (
        "                       INFORMATION INCLUDED IN THIS REPORT\n\n"
        "Items 1 through 4, 6 and 8 Not Applicable.\n\n"
        "Item 5.\tOther Events.\n\n"
        "     (i)   Reference is made to the press release issued to the public by the\n"
        "registrant on September 3, 1999.\n\n\n"
        "Item 7.    Financial Statements, Pro Forma Financial Information and\n"
        "           Exhibits.\n\n"
        "           (c)       Exhibits\n"
    )
    items = body_items(text, OLD)
    assert [(i.code, i.heading) for i in items] == [
        ("5", "Item 5. Other Events."),
        ("7", "Item 7. Financial Statements, Pro Forma Financial Information and Exhibits."),
    ]
    assert_evidence(text, items)


@pytest.mark.parametrize(
    "text",
    [
        "Item 2. Not applicable.\n",
        "Item 3.  Bankruptcy or Receivership.\n\n          None.\n",
        "Item 4. Changes in Registrant's Certifying Accountant.\nNot Applicable\n",
        "Items 1 through 4, 6 and 8 Not Applicable.\n",
    ],
)
def test_items_marked_not_applicable_are_not_announced(text):
    assert codes(text, OLD) == []


def test_wrapped_cross_reference_in_old_plain_text():
    text = (
        "Item 5.  Other Events.\n\n"
        "     The Company's press release, which is described under\n"
        "Item 7 below, is attached.\n"
    )
    assert codes(text, OLD) == ["5"]


def test_numbering_follows_the_filing_date():
    text = "Item 5. Other Events\nBody.\nItem 5.02 Departure of Directors\nBody.\n"
    assert codes(text, dt.date(2004, 8, 23)) == ["5.02"]
    assert codes(text, dt.date(2004, 8, 20)) == ["5"]
    assert codes(text, None) == ["5", "5.02"]


def test_unknown_codes_are_ignored():
    assert codes("Item 5.99 Something\nItem 13. Receipt of an Attorney's Notice\n") == []
    assert codes("Item 13. Receipt of an Attorney's Written Notice\n", OLD) == []


def test_empty_text():
    assert body_items("", FILED) == []


def test_compare_items():
    body = [BodyItem("5.02", "", 0, 1), BodyItem("7.01", "", 2, 3)]
    assert compare_items(["5.02", "9.01"], body) == {
        "both": ["5.02"],
        "header_only": ["9.01"],
        "body_only": ["7.01"],
    }


def test_compare_items_normalises_codes():
    body = [BodyItem("5", "", 0, 1), BodyItem("9.01", "", 2, 3)]
    assert compare_items(["Item 9.01", "05", "9.01", ""], body) == {
        "both": ["9.01", "5"],
        "header_only": [],
        "body_only": [],
    }
    assert compare_items([], body)["body_only"] == ["5", "9.01"]


# --- the corpus ---------------------------------------------------------------------------

CORPUS = Path(
    os.environ.get("EDGAR_CORPUS")
    or Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
)
_DOCUMENT = re.compile(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|\Z)", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)(?:</TEXT>|\Z)", re.S)


def main_document(accession: str) -> str:
    """Plain text of a corpus filing's first document; skips when the corpus is absent."""
    path = CORPUS / f"{accession}.txt"
    if not path.is_file():
        pytest.skip(f"EDGAR corpus file not found: {path} (set EDGAR_CORPUS)")
    raw = path.read_text(encoding="latin-1")
    body = _TEXT.search(_DOCUMENT.search(raw).group(1)).group(1)
    kind = "html" if re.search(r"<html|<body", body, re.I) else "text"
    try:
        from filings.render import plain_text
    except ImportError:
        return _plain_text(kind, body)
    return plain_text(kind, body)


def _plain_text(kind: str, body: str) -> str:
    if kind == "text":
        return body.replace("\r\n", "\n")
    import lxml.html

    root = lxml.html.document_fromstring(body)
    for hidden in root.xpath('//*[contains(translate(@style, " ", ""), "display:none")]'):
        hidden.drop_tree()
    for el in root.iter("br", "p", "div", "tr", "table", "li", "h1", "h2", "h3", "h4", "hr"):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    for el in root.iter("td", "th"):
        el.tail = " " + (el.tail or "")
    text = root.text_content().replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# Filing date, the items the header's ITEM INFORMATION lines name, and the item headings
# read in each 8-K's body.
CORPUS_ITEMS = {
    "0001193125-04-218426": (
        dt.date(2004, 12, 22),
        ["5.02", "9.01"],
        [
            ("5.02", "Item 5.02 Election of Directors"),
            ("9.01", "Item 9.01 Financial Statements and Exhibits."),
        ],
    ),
    "0000950137-05-004969": (
        dt.date(2005, 4, 27),
        ["5.02"],
        [
            (
                "5.02",
                "Item 5.02. Departure of Directors or Principal Officers; Election of "
                "Directors; Appointment of Principal Officers.",
            )
        ],
    ),
    "0000037996-17-000084": (
        dt.date(2017, 10, 3),
        ["7.01", "9.01"],
        [
            ("7.01", "Item 7.01. Regulation FD Disclosure."),
            ("9.01", "Item 9.01. Financial Statements and Exhibits."),
        ],
    ),
    "0001193125-19-292676": (
        dt.date(2019, 11, 15),
        ["8.01", "9.01"],
        [
            ("8.01", "Item 8.01 Other Events."),
            ("9.01", "Item 9.01 Financial Statements and Exhibits."),
        ],
    ),
    "0001193125-23-048785": (
        dt.date(2023, 2, 24),
        ["5.02"],
        [
            (
                "5.02",
                "Item 5.02 Departure of Directors or Certain Officers; Election of Directors; "
                "Appointment of Certain Officers; Compensatory Arrangements of Certain Officers.",
            )
        ],
    ),
    "0000066740-24-000023": (
        dt.date(2024, 3, 8),
        ["8.01"],
        [
            ("8.01", "Item 8.01. Other Events."),
            ("9.01", "Item 9.01. Financial Statements and Exhibits."),
        ],
    ),
    "0001213900-25-032135": (
        dt.date(2025, 4, 15),
        ["2.02", "4.02", "7.01", "9.01"],
        [
            ("2.02", "Item 2.02 Results of Operations and Financial Condition."),
            (
                "4.02",
                "Item 4.02 Non-Reliance on Previously Issued Financial Statements or a Related "
                "Audit Report or Completed Interim Review.",
            ),
            ("7.01", "Item 7.01 Regulation FD Disclosure."),
            ("9.01", "Item 9.01 Exhibits"),
        ],
    ),
    "0001437749-25-013070": (
        dt.date(2025, 4, 25),
        ["5.02"],
        [
            (
                "5.02",
                "ITEM 5.02 Departure of Directors or Certain Officers; Election of Directors; "
                "Appointment of Certain Officers; Compensatory Arrangements of Certain Officers",
            )
        ],
    ),
    "0001045810-26-000024": (
        dt.date(2026, 3, 6),
        ["5.02", "9.01"],
        [
            (
                "5.02",
                "Item 5.02. Departure of Directors or Certain Officers; Election of Directors; "
                "Appointment of Certain Officers; Compensatory Arrangements of Certain Officers.",
            ),
            ("9.01", "Item 9.01. Financial Statements and Exhibits."),
        ],
    ),
    "0000320193-99-000010": (
        dt.date(1999, 9, 7),
        [],
        [
            ("5", "Item 5. Other Events."),
            ("7", "Item 7. Financial Statements, Pro Forma Financial Information and Exhibits."),
        ],
    ),
    "0000912057-00-002128": (
        dt.date(2000, 1, 24),
        [],
        [
            ("5", "Item 5. OTHER EVENTS."),
            ("7", "Item 7. FINANCIAL STATEMENTS, PRO FORMA FINANCIAL INFORMATION AND EXHIBITS."),
        ],
    ),
}


@pytest.mark.corpus
@pytest.mark.parametrize("accession", sorted(CORPUS_ITEMS))
def test_corpus_body_items(accession):
    filed, _, expected = CORPUS_ITEMS[accession]
    text = main_document(accession)
    items = body_items(text, filed)
    assert [(i.code, i.heading) for i in items] == expected
    assert_evidence(text, items)


@pytest.mark.corpus
@pytest.mark.parametrize("accession", sorted(CORPUS_ITEMS))
def test_corpus_header_says_body_says(accession):
    filed, header, expected = CORPUS_ITEMS[accession]
    result = compare_items(header, body_items(main_document(accession), filed))
    body = [code for code, _ in expected]
    assert result["both"] == [c for c in header if c in body]
    assert result["header_only"] == []
    assert result["body_only"] == [c for c in body if c not in header]


@pytest.mark.corpus
def test_corpus_3m_body_announces_an_item_the_header_omits():
    result = compare_items(["8.01"], body_items(main_document("0000066740-24-000023"), FILED))
    assert result == {"both": ["8.01"], "header_only": [], "body_only": ["9.01"]}
