import datetime as dt

import pytest

from filings.edgar import parse
from filings.extract.model import EventCandidate, Extraction, OwnerCandidate
from filings.extract.registry import EXTRACTORS, extract, form_family, main_document


def submission(form, documents, parties="", filed="20250110", items=""):
    """A small synthetic EDGAR submission; documents are (type, body) pairs."""
    docs = "".join(
        f"<DOCUMENT>\n<TYPE>{doc_type}\n<SEQUENCE>{i + 1}\n<FILENAME>d{i + 1}.txt\n<TEXT>\n"
        f"{body}\n</TEXT>\n</DOCUMENT>\n"
        for i, (doc_type, body) in enumerate(documents)
    )
    header = (
        "<SEC-DOCUMENT>0000000000-25-000001.txt : 20250110\n"
        "<SEC-HEADER>0000000000-25-000001.hdr.sgml : 20250110\n"
        "ACCESSION NUMBER:\t\t0000000000-25-000001\n"
        f"CONFORMED SUBMISSION TYPE:\t{form}\n"
        f"PUBLIC DOCUMENT COUNT:\t\t{len(documents)}\n"
        f"{items}"
        f"FILED AS OF DATE:\t\t{filed}\n\n"
        f"{parties}"
        "</SEC-HEADER>\n"
    )
    return parse((header + docs + "</SEC-DOCUMENT>\n").encode(), name="x.txt")


FILER = (
    "FILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tACME WIDGET CORP\n"
    "\t\tCENTRAL INDEX KEY:\t\t\t0000000001\n\n"
)
ITEM_502 = (
    "ITEM INFORMATION:\t\tDeparture of Directors or Certain Officers; Election of Directors; "
    "Appointment of Certain Officers: Compensatory Arrangements of Certain Officers\n"
)
EIGHT_K = """\
Item 5.02 Departure of Directors or Certain Officers.

On January 2, 2025, Jane Doe resigned as a director of the Company.

SIGNATURES

By: /s/ John Roe
Name: John Roe
Title: Secretary
Date: January 10, 2025
"""
PRESS = (
    "Acme Widget Corporation today announced the appointment of Mary Major as Treasurer. "
    "“We thank Jane for her service,” said John Roe, Secretary of Acme Widget Corporation."
)


def texts_of(sub):
    return {i: doc.text for i, doc in enumerate(sub.documents)}


@pytest.mark.parametrize(
    ("form", "family"),
    [
        ("8-K", "8-K"),
        ("8-K/A", "8-K"),
        ("4", "ownership"),
        ("4/A", "ownership"),
        ("3", "ownership"),
        ("5/A", "ownership"),
        ("10-K", "periodic"),
        ("10-Q/A", "periodic"),
        ("10-K405", "periodic"),
        ("20-F", "periodic"),
        ("S-3", "other"),
        ("DEF 14A", "other"),
        (None, "other"),
    ],
)
def test_form_family(form, family):
    assert form_family(form) == family


def test_every_family_has_extractors():
    assert set(EXTRACTORS) == {"8-K", "ownership", "periodic", "other"}
    assert all(callable(f) for fs in EXTRACTORS.values() for f in fs)


def test_8k_events_signatures_and_press():
    sub = submission("8-K", [("8-K", EIGHT_K), ("EX-99.1", PRESS)], FILER, items=ITEM_502)
    result = extract(sub, texts_of(sub))
    assert isinstance(result, Extraction)
    assert result.owners == ()
    assert [
        (e.name.display, e.event_type, e.source, e.document_sequence) for e in result.events
    ] == [
        ("Jane Doe", "resigned", "item-5.02", "1"),
        ("John Roe", "signed", "signature", "1"),
        ("Mary Major", "appointed", "press-release", "2"),
    ]
    resigned = result.events[0]
    assert resigned.effective_date == dt.date(2025, 1, 2)
    assert resigned.organization == "ACME WIDGET CORP"


def test_documents_without_text_are_skipped():
    sub = submission("8-K", [("8-K", EIGHT_K), ("EX-99.1", PRESS)], FILER)
    result = extract(sub, {1: PRESS})
    assert [e.source for e in result.events] == ["press-release"]


def test_periodic_reads_signatures_only():
    body = (
        "Item 5.02\nJane Doe resigned as a director.\n\nSIGNATURES\nBy: /s/ John Roe\nSecretary\n"
    )
    sub = submission("10-K", [("10-K", body)], FILER)
    result = extract(sub, texts_of(sub))
    assert [(e.name.display, e.event_type) for e in result.events] == [("John Roe", "signed")]


def test_a_quarterly_report_gives_the_meetings_elections_and_its_signers():
    body = (
        "PART II. OTHER INFORMATION\n\nItem 4. Submission of Matters to a Vote of Security "
        "Holders\n\nThe annual meeting of shareholders was held on May 14, 2025.\n\n"
        "The following directors were elected at the meeting:\n\n    Fay Ortiz\n    Gus Hale\n\n"
        "SIGNATURES\nBy: /s/ John Roe\nSecretary\n"
    )
    sub = submission("10-Q", [("10-Q", body)], FILER, filed="20250801")
    result = extract(sub, texts_of(sub))
    assert [(e.name.display, e.event_type, e.source) for e in result.events] == [
        ("Fay Ortiz", "elected", "report"),
        ("Gus Hale", "elected", "report"),
        ("John Roe", "signed", "signature"),
    ]


FORM4_XML = """\
<XML>
<?xml version="1.0"?>
<ownershipDocument>
<reportingOwner>
<reportingOwnerId><rptOwnerCik>0000000007</rptOwnerCik><rptOwnerName>Doe Jane Q.</rptOwnerName>
</reportingOwnerId>
<reportingOwnerRelationship><isDirector>1</isDirector></reportingOwnerRelationship>
</reportingOwner>
</ownershipDocument>
</XML>"""

OWNER_HEADER = (
    "REPORTING-OWNER:\n\n\tOWNER DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tDOE JANE Q\n"
    "\t\tCENTRAL INDEX KEY:\t\t\t0000000007\n\n"
    "REPORTING-OWNER:\n\n\tOWNER DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tROE RICHARD\n"
    "\t\tCENTRAL INDEX KEY:\t\t\t0000000008\n\n"
    "ISSUER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tACME WIDGET CORP\n"
    "\t\tCENTRAL INDEX KEY:\t\t\t0000000001\n\n"
)


def test_ownership_xml_and_header_owners():
    sub = submission("4", [("4", FORM4_XML)], OWNER_HEADER)
    result = extract(sub, texts_of(sub))
    assert result.events == ()
    assert all(isinstance(o, OwnerCandidate) for o in result.owners)
    assert [(o.cik, o.name.display, o.source) for o in result.owners] == [
        ("0000000007", "Jane Q. Doe", "form4-xml"),
        ("0000000008", "Richard Roe", "header"),
    ]
    assert result.owners[0].is_director


def test_main_document_is_the_one_of_the_form_type():
    sub = submission("8-K", [("EX-99.1", PRESS), ("8-K", EIGHT_K)], FILER)
    assert main_document(sub) == 1


def test_extraction_is_deterministic():
    sub = submission("8-K", [("8-K", EIGHT_K), ("EX-99.1", PRESS)], FILER, items=ITEM_502)
    first = extract(sub, texts_of(sub))
    assert first == extract(sub, texts_of(sub))
    assert all(isinstance(e, EventCandidate) for e in first.events)
