import datetime as dt
import os
import re
from pathlib import Path

import pytest

from filings.extract.cover import (
    US_STATES,
    Address,
    CoverFacts,
    Fact,
    cover_facts,
    parse_date,
    reconcile,
    state_code,
)

# --- synthetic covers -------------------------------------------------------------------

# An HTML cover rendered to text: every table cell on a line of its own, three values
# first and their three labels after, some labels wrapped over two lines.
CELLS_ON_LINES = """\
UNITED STATES
SECURITIES AND EXCHANGE COMMISSION
WASHINGTON, D.C. 20549
FORM 8-K
CURRENT REPORT
PURSUANT TO SECTION 13 OR 15(d) OF THE
SECURITIES EXCHANGE ACT OF 1934
Date of
Report (Date of earliest event reported):
December 14, 2004
Internap Network Services Corporation
(Exact name of registrant as specified in its charter)
Delaware
000-27265
91-2145721
(State or other jurisdiction
of incorporation)
(Commission File Number)
(IRS Employer
Identification Number)
250 Williams Street, Atlanta, GA
30303
(Address of principal executive offices)
(Zip Code)
Registrant’s
telephone number, including area code: (404) 302-9700
Not applicable
(Former Name or Former Address, if Changed Since Last Report)
Check the appropriate box below if the Form 8-K filing is intended to simultaneously satisfy
Item 5.02 Election of Directors
"""

# A 1990s plain-text cover: columns on one line, wide gaps, labels wrapped inside columns.
COLUMNS = """\
                      SECURITIES AND EXCHANGE COMMISSION
                            Washington, D. C.  20549

                                   FORM 8-K

                           Date of Report:   December 14, 2004

                     Internap Network Services Corporation
             (Exact name of registrant as specified in its charter)

          Delaware                        000-27265             91-2145721
(State or other jurisdiction of      (Commission File     (I.R.S. Employer
incorporation or organization)       Number)              Identification No.)

      250 Williams Street, Atlanta, GA                         30303
   (Address of principal executive offices)                 (Zip Code)

      Registrant's telephone number, including area code:   (404) 302-9700
"""

# The same table with its cells run together by single spaces, labels interleaved.
RUN_TOGETHER = """\
SECURITIES AND EXCHANGE COMMISSION
FORM 8-K
Date of Report (Date of earliest event reported): December 14, 2004
Internap Network Services Corporation
(Exact name of registrant as specified in its charter)
Delaware 000-27265 91-2145721
(State or other jurisdiction (Commission (IRS Employer
of incorporation) File Number) Identification No.)
250 Williams Street, Atlanta, GA 30303
(Address of principal executive offices) (Zip Code)
Registrant’s telephone number, including area code: (404) 302-9700
"""

TABS = """\
SECURITIES AND EXCHANGE COMMISSION
Date of Report (Date of earliest event reported): December 14, 2004
Internap Network Services Corporation
(Exact name of registrant as specified in its charter)
Delaware\t000-27265\t91-2145721
(State or other jurisdiction of incorporation)\t(Commission File Number)\t(IRS Employer Identification No.)
250 Williams Street, Atlanta, GA\t30303
(Address of principal executive offices)\t(Zip Code)
(404) 302-9700
(Registrant's telephone number, including area code)
"""

# Labels first, values on the rows below them.
LABELS_FIRST = """\
SECURITIES AND EXCHANGE COMMISSION
FORM 8-K
Date of Report (Date of earliest event reported)
December 14, 2004
(Exact name of registrant as specified in its charter)
Internap Network Services Corporation
(State or other jurisdiction of incorporation)   (Commission File Number)   (IRS Employer Identification No.)
Delaware   000-27265   91-2145721
(Address of principal executive offices)
250 Williams Street, Atlanta, GA 30303
(Registrant's telephone number, including area code)
(404) 302-9700
"""

INTERNAP = {
    "registrant_name": "Internap Network Services Corporation",
    "state_of_incorporation": "Delaware",
    "commission_file_number": "000-27265",
    "irs_number": "91-2145721",
    "phone": "(404) 302-9700",
}


def assert_evidence(text: str, facts: CoverFacts) -> None:
    for name, fact in vars(facts).items():
        if fact is None:
            continue
        evidence = text[fact.start : fact.end]
        if isinstance(fact.value, str):
            assert evidence == fact.value, name
        elif isinstance(fact.value, dt.date):
            assert parse_date(evidence) == fact.value, name
        else:
            assert " ".join(evidence.split()).startswith(fact.value.full.split(",")[0]), name


@pytest.mark.parametrize(
    "text",
    [CELLS_ON_LINES, COLUMNS, RUN_TOGETHER, TABS, LABELS_FIRST],
    ids=["cells-on-lines", "columns", "run-together", "tabs", "labels-first"],
)
def test_layouts_give_the_same_facts(text):
    facts = cover_facts(text)
    for name, value in INTERNAP.items():
        assert getattr(facts, name).value == value, name
    assert facts.date_of_report.value == dt.date(2004, 12, 14)
    assert facts.address.value == Address(
        full="250 Williams Street, Atlanta, GA 30303",
        street="250 Williams Street",
        city="Atlanta",
        state="GA",
        zip="30303",
    )
    assert_evidence(text, facts)


def test_value_before_label_evidence_points_at_the_value_line():
    facts = cover_facts(CELLS_ON_LINES)
    name = facts.registrant_name
    assert CELLS_ON_LINES[name.start : name.end] == "Internap Network Services Corporation"
    assert CELLS_ON_LINES[facts.address.start : facts.address.end] == (
        "250 Williams Street, Atlanta, GA\n30303"
    )


def test_junk_before_the_cover_is_ignored():
    junk = "false 0000320193 0000320193 2019-11-07 2019-11-07 us-gaap:CommonStockMember DE\n"
    facts = cover_facts(junk + CELLS_ON_LINES)
    assert facts.registrant_name.value == "Internap Network Services Corporation"
    assert facts.date_of_report.value == dt.date(2004, 12, 14)
    assert_evidence(junk + CELLS_ON_LINES, facts)


def test_cover_found_after_a_long_hidden_header():
    junk = "0000320193 us-gaap:CommonStockMember 2019-11-07 " * 300 + "\n"
    facts = cover_facts(junk + CELLS_ON_LINES)
    assert facts.registrant_name.value == "Internap Network Services Corporation"
    assert facts.address.value.city == "Atlanta"


def test_facts_after_the_cover_are_not_read():
    text = (
        "SECURITIES AND EXCHANGE COMMISSION\nFORM 8-K\n"
        + "x " * 4000
        + ("\nDelaware\n(State or other jurisdiction of incorporation)\n")
    )
    assert cover_facts(text).state_of_incorporation is None


def test_text_without_a_cover():
    assert cover_facts("") == CoverFacts()
    assert cover_facts("Press release\nApple reports record quarter.\n") == CoverFacts()


@pytest.mark.parametrize(
    "written, expected",
    [
        ("December 14, 2004", dt.date(2004, 12, 14)),
        ("December 14,2004", dt.date(2004, 12, 14)),
        ("DECEMBER 14, 2004", dt.date(2004, 12, 14)),
        ("Dec. 14, 2004", dt.date(2004, 12, 14)),
        ("December 14th, 2004", dt.date(2004, 12, 14)),
        ("14 December 2004", dt.date(2004, 12, 14)),
        ("12/14/2004", dt.date(2004, 12, 14)),
        ("1/5/99", dt.date(1999, 1, 5)),
        ("Sept. 3, 1999", dt.date(1999, 9, 3)),
    ],
)
def test_date_formats(written, expected):
    text = (
        "FORM 8-K\n"
        f"Date of Report (Date of earliest event reported): {written}\n"
        "Foo Corp\n(Exact name of registrant as specified in its charter)\n"
    )
    fact = cover_facts(text).date_of_report
    assert fact.value == expected
    assert text[fact.start : fact.end] == written


def test_impossible_dates_are_not_facts():
    assert parse_date("February 30, 2004") is None
    assert parse_date("13/14/2004") is None
    text = "Date of Report: February 30, 2004\nFoo Corp\n(Exact name of registrant)\n"
    assert cover_facts(text).date_of_report is None


def test_date_of_earliest_event_wins_over_date_of_report():
    text = (
        "FORM 8-K\n"
        "     Date of Report:           January 21, 2000\n"
        "     Date of earliest\n"
        "     event reported:           January 19,2000\n"
        "\n     Apple Computer, Inc.\n"
        "(Exact name of registrant as specified in its charter)\n"
    )
    fact = cover_facts(text).date_of_report
    assert fact.value == dt.date(2000, 1, 19)
    assert text[fact.start : fact.end] == "January 19,2000"


def test_date_label_on_the_line_after_the_date():
    text = "FORM 8-K\nNovember 7, 2019\nDate of Report (Date of earliest event reported)\nApple Inc.\n(Exact name of Registrant as specified in its charter)\n"
    assert cover_facts(text).date_of_report.value == dt.date(2019, 11, 7)


def test_date_with_no_label_above_the_name():
    text = (
        "FORM 8-K\nCURRENT REPORT\nPursuant to Section 13 or 15(d) of the Securities Exchange Act\n"
        "April 24, 2025\n1-800-FLOWERS.COM, INC.\n(Exact Name of Registrant as Specified in Charter)\n"
    )
    facts = cover_facts(text)
    assert facts.date_of_report.value == dt.date(2025, 4, 24)
    assert facts.registrant_name.value == "1-800-FLOWERS.COM, INC."


def test_annual_report_period():
    text = (
        "SECURITIES AND EXCHANGE COMMISSION\nFORM 10-K\n"
        "For the fiscal year ended December 31, 2009\n"
        "Commission file number 0-19470\n"
        "TGFIN HOLDINGS, INC.\n(Exact name of registrant as specified in its charter)\n"
    )
    facts = cover_facts(text)
    assert facts.date_of_report.value == dt.date(2009, 12, 31)
    assert facts.commission_file_number.value == "0-19470"
    assert facts.registrant_name.value == "TGFIN HOLDINGS, INC."


@pytest.mark.parametrize(
    "label, value",
    [
        ("Commission file number", "1-1234"),
        ("Commission File Number:", "333-123456"),
        ("Commission File No.", "001-31989"),
        ("SEC File Number", "811-04567"),
    ],
)
def test_file_number_after_its_label(label, value):
    text = f"FORM 8-K\n{label} {value}\nFoo Corp\n(Exact name of registrant as specified in its charter)\n"
    assert cover_facts(text).commission_file_number.value == value


def test_telephone_number_is_never_a_file_number():
    text = (
        "FORM 8-K\nDelaware\n(State or other jurisdiction of incorporation)\n"
        "(Commission File Number)\n"
        "Registrant's telephone number, including area code: (404) 302-9700\n"
    )
    facts = cover_facts(text)
    assert facts.commission_file_number is None
    assert facts.phone.value == "(404) 302-9700"


def test_irs_number_without_dash():
    text = (
        "          CALIFORNIA                               942404110\n"
        "  (STATE OR OTHER JURISDICTION        (I.R.S. EMPLOYER IDENTIFICATION NO.)\n"
        "OF INCORPORATION OR ORGANIZATION)\n"
    )
    facts = cover_facts(text)
    assert facts.irs_number.value == "942404110"
    assert facts.state_of_incorporation.value == "CALIFORNIA"


def test_state_named_inside_the_name_column():
    text = (
        "FORM 8-K\n"
        "Commission File Number\n"
        "Exact Name of Registrant as Specified in Its Charter; State of Incorporation; "
        "Address of Principal Executive Offices; and Telephone Number\n"
        "IRS Employer Identification Number\n"
        "1-16169\nEXELON CORPORATION\n(a Pennsylvania corporation)\n"
        "10 South Dearborn Street — 37th Floor\nP.O. Box 805379\nChicago, Illinois 60680-5379\n"
        "(312) 394-7398\n23-2990190\n"
        "Check the appropriate box below\n"
    )
    facts = cover_facts(text)
    assert facts.registrant_name.value == "EXELON CORPORATION"
    assert facts.state_of_incorporation.value == "Pennsylvania"
    assert facts.commission_file_number.value == "1-16169"
    assert facts.irs_number.value == "23-2990190"
    assert facts.phone.value == "(312) 394-7398"
    assert facts.address.value.city == "Chicago"
    assert facts.address.value.state == "IL"
    assert facts.address.value.zip == "60680-5379"
    assert_evidence(text, facts)


@pytest.mark.parametrize("place", ["Cayman Islands", "Ontario, Canada", "Bermuda"])
def test_jurisdiction_outside_the_united_states(place):
    text = f"FORM 8-K\nFoo Ltd.\n(Exact name of registrant as specified in its charter)\n{place}\n(State or other jurisdiction of incorporation)\n"
    facts = cover_facts(text)
    assert facts.state_of_incorporation.value == place
    assert facts.registrant_name.value == "Foo Ltd."


@pytest.mark.parametrize(
    "lines, expected",
    [
        (
            "One Apple Park Way\nCupertino, California 95014\n"
            "(Address of principal executive offices) (Zip Code)",
            Address(
                "One Apple Park Way, Cupertino, California 95014",
                "One Apple Park Way",
                "Cupertino",
                "CA",
                "95014",
            ),
        ),
        (
            "44370 Old Warm Springs Blvd.\nFremont, CA\n94538\n"
            "(Address of principal executive offices)\n(Zip Code)",
            Address(
                "44370 Old Warm Springs Blvd., Fremont, CA 94538",
                "44370 Old Warm Springs Blvd.",
                "Fremont",
                "CA",
                "94538",
            ),
        ),
        (
            "         1 Infinite Loop                                95014\n"
            "       Cupertino  California\n"
            "     (Address of principal executive offices)           (Zip Code)",
            Address(
                "1 Infinite Loop, Cupertino, California 95014",
                "1 Infinite Loop",
                "Cupertino",
                "CA",
                "95014",
            ),
        ),
        (
            "3M Center, St. Paul, Minnesota\n55144-1000\n"
            "(Address of Principal Executive Offices)\n(Zip Code)",
            Address(
                "3M Center, St. Paul, Minnesota 55144-1000",
                "3M Center",
                "St. Paul",
                "MN",
                "55144-1000",
            ),
        ),
        (
            "Two Jericho Plaza, Suite 200, Jericho, New York 11753\n"
            "(Address of Principal Executive Offices, and Zip Code)",
            Address(
                "Two Jericho Plaza, Suite 200, Jericho, New York 11753",
                "Two Jericho Plaza, Suite 200",
                "Jericho",
                "NY",
                "11753",
            ),
        ),
        (
            "1 Raffles Place\n#44-01 One Raffles Place\nSingapore 048616\n"
            "(Address of principal executive offices)",
            Address("1 Raffles Place, #44-01 One Raffles Place, Singapore 048616"),
        ),
    ],
)
def test_addresses(lines, expected):
    text = "FORM 8-K\nDelaware\n(State or other jurisdiction of incorporation)\n" + lines + "\n"
    fact = cover_facts(text).address
    assert fact.value == expected
    assert fact.value.full.split(",")[0] in text[fact.start : fact.end]


def test_labels_beside_values_on_one_line():
    text = (
        "FORM 8-K\nFoo Corp\n(Exact name of registrant as specified in its charter)\n"
        "(Registrant’s Telephone Number, Including Area Code) (651) 733-1110\n"
    )
    assert cover_facts(text).phone.value == "(651) 733-1110"


def test_values_with_a_prefix_word():
    text = (
        "FORM 8-K\n3M COMPANY\n(Exact Name of Registrant as Specified in Its Charter)\n"
        "Delaware\nFile No. 1-3285\n41-0417775\n"
        "(State or other jurisdiction of incorporation)\n(Commission File Number)\n"
        "(IRS Employer Identification No.)\n"
    )
    facts = cover_facts(text)
    assert facts.state_of_incorporation.value == "Delaware"
    assert facts.commission_file_number.value == "1-3285"
    assert facts.irs_number.value == "41-0417775"


def test_state_code():
    assert len(US_STATES) == 52  # 50 states, DC and Puerto Rico
    for code, name in US_STATES.items():
        assert state_code(name) == code
        assert state_code(name.upper()) == code
        assert state_code(code) == code
    assert state_code("District of Columbia") == "DC"
    assert state_code("Cayman Islands") is None
    assert state_code("") is None


# --- reconcile ------------------------------------------------------------------------

INTERNAP_HEADER = {
    "name": "INTERNAP NETWORK SERVICES CORP",
    "state_of_incorporation": "DE",
    "file_numbers": ["001-31989"],
    "irs_number": "912145721",
    "business_address": {
        "street1": "601 UNION STREET SUITE 1000",
        "street2": None,
        "city": "SEATTLE",
        "state": "WA",
        "zip": "98101",
        "phone": "2064418800",
    },
    "mail_address": {
        "street1": "250 WILLIAMS STREET",
        "street2": "SUITE E100",
        "city": "ATLANTA",
        "state": "GA",
        "zip": "30303",
    },
    "period_of_report": dt.date(2004, 12, 14),
}


def test_reconcile_internap():
    facts = cover_facts(CELLS_ON_LINES)
    diffs = {d.field: d for d in reconcile(facts, INTERNAP_HEADER)}
    assert set(diffs) == {"commission_file_number", "address", "phone"}
    number = diffs["commission_file_number"]
    assert (number.header_value, number.document_value) == ("001-31989", "000-27265")
    assert number.label == "Commission File Number"
    assert CELLS_ON_LINES[number.start : number.end] == "000-27265"
    address = diffs["address"]
    assert address.label == "Address of principal executive offices"
    assert address.header_value == "601 UNION STREET SUITE 1000, SEATTLE, WA 98101"
    assert address.document_value == "250 Williams Street, Atlanta, GA 30303"
    assert (diffs["phone"].header_value, diffs["phone"].document_value) == (
        "2064418800",
        "(404) 302-9700",
    )


def cover(**facts) -> CoverFacts:
    return CoverFacts(**{k: Fact(v, 0, 1) for k, v in facts.items()})


def fields(cover_: CoverFacts, header: dict) -> list[str]:
    return [d.field for d in reconcile(cover_, header)]


@pytest.mark.parametrize(
    "document, header, differ",
    [
        ("Delaware", "DE", False),
        ("DELAWARE", "de", False),
        ("District of Columbia", "DC", False),
        ("New York", "NY", False),
        ("Nevada", "DE", True),
        ("Delaware", "E9", True),  # a US state against a foreign EDGAR code
        ("Cayman Islands", "E9", False),  # cannot be compared: not a difference
    ],
)
def test_reconcile_state(document, header, differ):
    assert fields(cover(state_of_incorporation=document), {"state_of_incorporation": header}) == (
        ["state_of_incorporation"] if differ else []
    )


@pytest.mark.parametrize(
    "document, header, differ",
    [
        ("000-27265", ["0-27265"], False),
        ("0-27265", ["000-27265"], False),
        ("1-3285", ["001-03285"], False),
        ("000-27265", ["001-31989"], True),
        ("001-31989", ["000-27265"], True),
        ("000-27265", ["333-12345", "000-27265"], False),
        ("001-27265", ["000-27265"], True),
    ],
)
def test_reconcile_file_number(document, header, differ):
    result = fields(cover(commission_file_number=document), {"file_numbers": header})
    assert result == (["commission_file_number"] if differ else [])


@pytest.mark.parametrize(
    "document, header, differ",
    [
        ("91-2145721", "912145721", False),
        ("912145721", "91-2145721", False),
        ("91-2145722", "912145721", True),
    ],
)
def test_reconcile_irs(document, header, differ):
    assert fields(cover(irs_number=document), {"irs_number": header}) == (
        ["irs_number"] if differ else []
    )


@pytest.mark.parametrize(
    "document, header, differ",
    [
        ("(212) 810-5300", "212-810-5300", False),
        ("212.810.5300", "2128105300", False),
        ("+1 212 810 5300", "(212) 810-5300", False),
        ("(312) 394-7398", "3123947399", True),
    ],
)
def test_reconcile_phone(document, header, differ):
    header_dict = {"business_address": {"city": None, "phone": header}}
    assert fields(cover(phone=document), header_dict) == (["phone"] if differ else [])


@pytest.mark.parametrize(
    "document, header, differ",
    [
        ("Internap Network Services Corporation", "INTERNAP NETWORK SERVICES CORP", False),
        ("BlackRock, Inc.", "BlackRock Inc.", False),
        ("1-800-FLOWERS.COM, INC.", "1 800 FLOWERS COM INC", False),
        ("NVIDIA CORPORATION", "NVIDIA CORP /DE/", False),
        ("Apple Incorporated", "APPLE INC", False),
        ("3M COMPANY", "3M CO", False),
        ("Ford Motor Company", "FORD MOTOR CO", False),
        ("Apple Inc.", "APPLE COMPUTER INC", True),
    ],
)
def test_reconcile_name(document, header, differ):
    assert fields(cover(registrant_name=document), {"name": header}) == (
        ["registrant_name"] if differ else []
    )


def address(full: str, city: str | None) -> Address:
    return Address(full=full, city=city)


@pytest.mark.parametrize(
    "city, business, mail, differ",
    [
        ("Atlanta", "ATLANTA", "ATLANTA", False),
        ("St. Paul", "ST PAUL", "ST. PAUL", False),
        ("Saint Paul", "ST PAUL", None, False),
        ("Atlanta", "SEATTLE", "ATLANTA", True),  # the principal offices are the business address
        ("Atlanta", None, "ATLANTA", False),  # no business city: the mail address stands in
        ("Atlanta", None, "SEATTLE", True),
        ("Atlanta", None, None, False),
    ],
)
def test_reconcile_city(city, business, mail, differ):
    header = {"business_address": {"city": business}, "mail_address": {"city": mail}}
    result = fields(cover(address=address(f"1 Main St, {city}, GA 30303", city)), header)
    assert result == (["address"] if differ else [])


def test_reconcile_unparsed_address_compares_the_whole_line():
    header = {"business_address": {"city": "CUPERTINO"}}
    assert fields(cover(address=address("1 Infinite Loop Cupertino", None)), header) == []
    assert fields(cover(address=address("1 Infinite Loop Sunnyvale", None)), header) == ["address"]


def test_reconcile_date():
    header = {"period_of_report": dt.date(2004, 12, 14)}
    assert fields(cover(date_of_report=dt.date(2004, 12, 14)), header) == []
    diffs = reconcile(cover(date_of_report=dt.date(2004, 12, 17)), header)
    assert [(d.field, d.header_value, d.document_value) for d in diffs] == [
        ("date_of_report", "2004-12-14", "2004-12-17")
    ]


def test_missing_facts_are_not_differences():
    assert reconcile(CoverFacts(), INTERNAP_HEADER) == []
    assert reconcile(cover_facts(CELLS_ON_LINES), {}) == []
    empty_header = {
        "name": "",
        "state_of_incorporation": None,
        "file_numbers": [],
        "irs_number": None,
        "business_address": {},
        "mail_address": {},
        "period_of_report": None,
    }
    assert reconcile(cover_facts(CELLS_ON_LINES), empty_header) == []


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


_HEADER_FIELD = re.compile(r"^[ \t]*([A-Z0-9 ]+):[ \t]*(.*?)[ \t]*$", re.M)


def header_dict(accession: str) -> dict:
    """The few header fields reconcile() needs, read with a deliberately small parser."""
    raw = (CORPUS / f"{accession}.txt").read_text(encoding="latin-1")
    header = raw[: raw.index("<DOCUMENT>")]
    out = {"file_numbers": [], "business_address": {}, "mail_address": {}}
    section = None
    keys = {"STREET 1": "street1", "STREET 2": "street2", "CITY": "city", "STATE": "state"}
    keys |= {"ZIP": "zip", "BUSINESS PHONE": "phone"}
    for key, value in _HEADER_FIELD.findall(header):
        if key in ("BUSINESS ADDRESS", "MAIL ADDRESS"):
            section = "business_address" if key.startswith("B") else "mail_address"
        elif key in ("FORMER COMPANY", "FILING VALUES", "COMPANY DATA"):
            section = None
        elif section and key in keys:
            out[section][keys[key]] = value
        elif key == "COMPANY CONFORMED NAME" and "name" not in out:
            out["name"] = value
        elif key == "STATE OF INCORPORATION":
            out["state_of_incorporation"] = value
        elif key == "IRS NUMBER":
            out["irs_number"] = value
        elif key == "SEC FILE NUMBER":
            out["file_numbers"].append(value)
        elif key == "CONFORMED PERIOD OF REPORT":
            out["period_of_report"] = dt.datetime.strptime(value, "%Y%m%d").date()
    return out


# What each 8-K's cover says, as read in the filings: name, state, file number, IRS number,
# address (city, state, zip), telephone, date of report, and the facts on which the SGML
# header disagrees.
CORPUS_COVERS = {
    "0001193125-04-218426": (
        "Internap Network Services Corporation", "Delaware", "000-27265", "91-2145721",
        ("Atlanta", "GA", "30303"), "(404) 302-9700", dt.date(2004, 12, 14),
        {"commission_file_number", "address", "phone"},
    ),
    "0000950137-05-004969": (
        "EXELON CORPORATION", "Pennsylvania", "1-16169", "23-2990190",
        ("Chicago", "IL", "60680-5379"), "(312) 394-7398", dt.date(2005, 4, 26),
        {"phone"},
    ),
    "0000037996-17-000084": (
        "FORD MOTOR COMPANY", "Delaware", "1-3950", "38-0549190",
        ("Dearborn", "MI", "48126"), "313-322-3000", dt.date(2017, 10, 3),
        set(),
    ),
    "0001193125-19-292676": (
        "Apple Inc.", "California", "001-36743", "94-2404110",
        ("Cupertino", "CA", "95014"), "(408) 996-1010", dt.date(2019, 11, 7),
        set(),
    ),
    "0001193125-23-048785": (
        "BlackRock, Inc.", "DELAWARE", "001-33099", "32-0174431",
        ("New York", "NY", "10001"), "(212) 810-5300", dt.date(2023, 2, 24),
        set(),
    ),
    "0000066740-24-000023": (
        "3M COMPANY", "Delaware", "1-3285", "41-0417775",
        ("St. Paul", "MN", "55144-1000"), "(651) 733-1110", dt.date(2024, 3, 8),
        {"phone"},
    ),
    "0001213900-25-032135": (
        "ABVC BIOPHARMA, INC.", "Nevada", "001-40700", "26-0014658",
        ("Fremont", "CA", "94538"), "(510) 668-0881", dt.date(2025, 4, 15),
        set(),
    ),
    "0001437749-25-013070": (
        "1-800-FLOWERS.COM, INC.", "Delaware", "0-26841", "11-3117311",
        ("Jericho", "NY", "11753"), "(516) 237-6000", dt.date(2025, 4, 24),
        set(),
    ),
    "0001045810-26-000024": (
        "NVIDIA CORPORATION", "Delaware", "0-23985", "94-3177549",
        ("Santa Clara", "CA", "95051"), "(408) 486-2000", dt.date(2026, 3, 2),
        set(),
    ),
    "0000320193-99-000010": (
        "Apple Computer, Inc.", "California", "0-10030", "94-2404110",
        ("Cupertino", "CA", "95014"), "(408) 996-1010", dt.date(1999, 9, 3),
        set(),
    ),
    "0000912057-00-002128": (
        "Apple Computer, Inc.", "California", "0-10030", "94-2404110",
        ("Cupertino", "CA", "95014"), "(408) 996-1010", dt.date(2000, 1, 19),
        set(),
    ),
}  # fmt: skip


@pytest.mark.corpus
@pytest.mark.parametrize("accession", sorted(CORPUS_COVERS))
def test_corpus_cover(accession):
    name, state, number, irs, (city, st, zip_), phone, date, _ = CORPUS_COVERS[accession]
    text = main_document(accession)
    facts = cover_facts(text)
    assert facts.registrant_name and facts.registrant_name.value == name
    assert facts.state_of_incorporation and facts.state_of_incorporation.value == state
    assert facts.commission_file_number and facts.commission_file_number.value == number
    assert facts.irs_number and facts.irs_number.value == irs
    assert facts.phone and facts.phone.value == phone
    assert facts.date_of_report and facts.date_of_report.value == date
    assert facts.address
    got = facts.address.value
    assert (got.city, got.state, got.zip) == (city, st, zip_)
    assert_evidence(text, facts)


@pytest.mark.corpus
@pytest.mark.parametrize("accession", sorted(CORPUS_COVERS))
def test_corpus_reconcile(accession):
    expected = CORPUS_COVERS[accession][-1]
    text = main_document(accession)
    diffs = reconcile(cover_facts(text), header_dict(accession))
    assert {d.field for d in diffs} == expected
    for d in diffs:
        assert text[d.start : d.end]


@pytest.mark.corpus
def test_corpus_internap_header_and_cover_disagree():
    accession = "0001193125-04-218426"
    text = main_document(accession)
    diffs = {d.field: d for d in reconcile(cover_facts(text), header_dict(accession))}
    assert diffs["address"].header_value == "601 UNION STREET SUITE 1000, SEATTLE, WA 98101"
    assert "Atlanta" in diffs["address"].document_value
    assert diffs["commission_file_number"].header_value == "001-31989"
    assert diffs["commission_file_number"].document_value == "000-27265"
