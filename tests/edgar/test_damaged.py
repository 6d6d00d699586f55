"""What filings.edgar does with damaged or wrong uploads.

The corpus files in shared/corpus/damaged each have an agreed outcome (accepted with specific
findings, or refused with a specific code). The synthetic refusals at the end need no corpus.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
from functools import cache

import pytest

from filings.edgar import EdgarError, parse
from filings.edgar.model import FormerName, Submission
from tests.corpus import SKIP_REASON, corpus_available, damaged_rows, read_corpus_file

needs_corpus = pytest.mark.skipif(not corpus_available(), reason=SKIP_REASON)
corpus = [pytest.mark.corpus, needs_corpus]

TRUNCATED = "damaged/0000320193-97-000011.truncated.txt"
NC_2025 = "damaged/0001127602-25-004598.nc"
NC_1999 = "damaged/0000732715-99-000042.nc"
NO_HEADER = "damaged/0000899681-95-000096.no-header.txt"
CONCATENATED = "damaged/0000912057-00-023442.concatenated-5x.txt"
CONCATENATED_CLEAN = "0000912057-00-023442.txt"
REINDENTED = "damaged/0001193125-19-278752.reindented.txt"
REINDENTED_CLEAN = "0001193125-19-278752.txt"
FRAGMENT_13F = "damaged/0001172661-23-003414.header-fragment.txt"
FRAGMENT_13F_FULL = "0001172661-23-003414.txt"
FRAGMENT_FORM4 = "damaged/0001140361-23-028639.header-fragment.txt"
HEADER_ONLY_1998 = "damaged/0001012325-98-000004.header-only.txt"
SERIAL_COMPANY = "damaged/0000928385-00-003420.header-only-serial-company.txt"
MANY_FILERS = "damaged/0001193125-24-003453.header-only-many-filers.txt"
DOUBLE_NEWLINES = "damaged/0001193125-24-066744.header-only-double-newlines.txt"
STUBBED = "damaged/0001564590-20-004475.stubbed.txt"
S3_ERROR = "damaged/s3-nosuchkey-0001067983-24-000008.txt"

HEADER_ONLY = [
    FRAGMENT_13F,
    FRAGMENT_FORM4,
    HEADER_ONLY_1998,
    SERIAL_COMPANY,
    MANY_FILERS,
    DOUBLE_NEWLINES,
]
ACCEPTED = [
    *HEADER_ONLY,
    TRUNCATED,
    NC_2025,
    NC_1999,
    NO_HEADER,
    CONCATENATED,
    REINDENTED,
    STUBBED,
]


def basename(path: str) -> str:
    return path.rsplit("/", 1)[-1]


@cache
def parsed(path: str) -> Submission:
    return parse(read_corpus_file(path), name=basename(path))


def codes(sub: Submission) -> list[str]:
    return [f.code for f in sub.findings]


def finding(sub: Submission, code: str):
    found = [f for f in sub.findings if f.code == code]
    assert found, f"no {code!r} finding; findings: {codes(sub)}"
    return found[0]


def people(sub: Submission) -> list[tuple[str, str | None, str | None]]:
    return [(p.role, p.cik, p.name) for p in sub.parties]


# ---------------------------------------------------------------------------------------------
# Every damaged file is covered here and gets a result, never a crash
# ---------------------------------------------------------------------------------------------


@pytest.mark.corpus
@needs_corpus
def test_every_damaged_file_has_an_agreed_outcome_here():
    listed = {r.file for r in damaged_rows()}
    assert listed == set(ACCEPTED) | {S3_ERROR}


@pytest.mark.corpus
@needs_corpus
@pytest.mark.parametrize("path", ACCEPTED, ids=basename)
def test_accepted_with_well_formed_result(path):
    data = read_corpus_file(path)
    sub = parsed(path)
    assert sub.size == len(data)
    assert sub.findings, "a damaged file must carry at least one finding"
    for f in sub.findings:
        assert f.code and f.message
    previous = sub.header_end
    for doc in sub.documents:
        assert previous <= doc.block_start < doc.start <= doc.end <= doc.block_end <= len(data)
        assert doc.text_bytes == doc.end - doc.start
        previous = doc.block_end


# ---------------------------------------------------------------------------------------------
# Truncated download
# ---------------------------------------------------------------------------------------------


@pytest.mark.corpus
@needs_corpus
def test_truncated_file():
    data = read_corpus_file(TRUNCATED)
    sub = parsed(TRUNCATED)
    assert "truncated" in codes(sub)
    assert sub.accession == "0000320193-97-000011"
    assert sub.form == "10-Q"
    assert sub.filed_date == dt.date(1997, 5, 12)
    assert len(sub.documents) == 6
    assert [d.sequence for d in sub.documents] == ["1", "2", "3", "4", "5", "6"]
    assert all(d.closed for d in sub.documents[:5])
    last = sub.documents[-1]
    assert last.closed is False
    assert (last.type, last.sequence) == ("EX-27", "6")
    assert last.block_end == len(data)
    assert last.end <= len(data)
    assert "<CASH>" in last.text


# ---------------------------------------------------------------------------------------------
# PDS feed (.nc) files: tag dialect, <SUBMISSION> root
# ---------------------------------------------------------------------------------------------


@pytest.mark.corpus
@needs_corpus
def test_pds_feed_2025_form4_on_one_line():
    sub = parsed(NC_2025)
    assert sub.dialect == "tag"
    assert sub.envelope == "submission"
    assert "pds-feed" in codes(sub)
    assert sub.accession == "0001127602-25-004598"
    assert sub.form == "4"
    assert sub.public_document_count == 1
    assert sub.filed_date == dt.date(2025, 2, 13)
    assert sub.period_of_report == dt.date(2025, 2, 12)
    assert sub.date_as_of_change == dt.date(2025, 2, 13)
    assert people(sub) == [
        ("reporting-owner", "0001870985", "Jean-Claude Carine Lamercie"),
        ("issuer", "0000007536", "ARROW ELECTRONICS, INC."),
    ]
    owner, issuer = sub.parties
    assert owner.mail_address.city == "CENTENNIAL"
    assert owner.filing_values[0].file_number == "001-04482"
    assert issuer.sic == "5065"
    assert issuer.organization_name == "07 Trade & Services"
    assert issuer.business_address.phone == "303-824-4000"
    assert issuer.former_names == (
        FormerName("ARROW ELECTRONICS, INC", dt.date(2022, 11, 17)),
        FormerName("ARROW ELECTRONICS INC", dt.date(1992, 7, 3)),
    )
    (doc,) = sub.documents
    assert (doc.type, doc.sequence, doc.filename) == ("4", "1", "form4.xml")
    assert doc.description == "PRIMARY DOCUMENT"
    assert doc.kind == "xml"
    assert doc.closed is True
    assert "<ownershipDocument>" in doc.text
    assert "document-count-mismatch" not in codes(sub)


@pytest.mark.corpus
@needs_corpus
def test_pds_feed_1999_10q():
    sub = parsed(NC_1999)
    assert sub.dialect == "tag"
    assert sub.envelope == "submission"
    assert "pds-feed" in codes(sub)
    assert sub.accession == "0000732715-99-000042"
    assert sub.form == "10-Q"
    assert sub.filed_date == dt.date(1999, 8, 3)
    assert sub.period_of_report == dt.date(1999, 6, 30)
    assert people(sub) == [("filer", "0000050178", "INDIANA BELL TELEPHONE CO INC")]
    filer = sub.parties[0]
    assert filer.sic == "4813"
    assert filer.irs_number == "350407820"
    fv = filer.filing_values[0]
    assert (fv.form_type, fv.act, fv.file_number, fv.film_number) == (
        "10-Q",
        "34",
        "001-06746",
        "99676671",
    )
    assert filer.business_address.street1 == "240 N MERIDAN ST"  # sic, as written
    assert filer.mail_address.street1 == "240 N MERIDIAN ST"
    (doc,) = sub.documents
    assert (doc.type, doc.sequence) == ("10-Q", "1")
    assert doc.kind == "text"
    # The file stops mid-sentence: no </TEXT>, </DOCUMENT> or </SUBMISSION>.
    assert doc.closed is False
    assert "truncated" in codes(sub)
    assert "document-count-mismatch" in codes(sub)  # PUBLIC-DOCUMENT-COUNT 3, one present


# ---------------------------------------------------------------------------------------------
# Documents with no header
# ---------------------------------------------------------------------------------------------


@pytest.mark.corpus
@needs_corpus
def test_no_header_takes_the_accession_from_the_file_name():
    sub = parsed(NO_HEADER)
    assert "no-header" in codes(sub)
    assert "accession-from-filename" in codes(sub)
    assert sub.accession == "0000899681-95-000096"
    assert sub.dialect == "none"
    assert sub.envelope == "none"
    assert sub.parties == ()
    assert [(d.type, d.sequence) for d in sub.documents] == [("S-3/A", "1"), ("EX-99", "2")]
    assert "SECURITIES AND EXCHANGE COMMISSION" in sub.documents[0].text


@pytest.mark.corpus
@needs_corpus
def test_no_header_without_a_name_has_no_accession():
    sub = parse(read_corpus_file(NO_HEADER))
    assert "no-header" in codes(sub)
    assert "accession-from-filename" not in codes(sub)
    assert sub.accession is None
    assert len(sub.documents) == 2


# ---------------------------------------------------------------------------------------------
# Five copies back to back
# ---------------------------------------------------------------------------------------------


@pytest.mark.corpus
@needs_corpus
def test_concatenated_copies_read_once():
    data = read_corpus_file(CONCATENATED)
    clean_data = read_corpus_file(CONCATENATED_CLEAN)
    assert data == clean_data * 5  # the fixture itself
    sub = parsed(CONCATENATED)
    clean = parse(clean_data, name=CONCATENATED_CLEAN)
    f = finding(sub, "concatenated-copies")
    assert re.search(r"\b5\b|five", f.message, re.I), f.message
    assert len(sub.documents) == 5
    assert sub.accession == clean.accession == "0000912057-00-023442"
    assert sub.form == clean.form
    assert sub.filed_date == clean.filed_date
    assert people(sub) == people(clean)
    assert [(d.type, d.sequence, d.filename) for d in sub.documents] == [
        (d.type, d.sequence, d.filename) for d in clean.documents
    ]
    assert [bytes(d.body) for d in sub.documents] == [bytes(d.body) for d in clean.documents]
    assert "document-count-mismatch" not in codes(sub)
    assert "concatenated-copies" not in codes(clean)


# ---------------------------------------------------------------------------------------------
# Re-indented copy
# ---------------------------------------------------------------------------------------------


@pytest.mark.corpus
@needs_corpus
def test_reindented_copy():
    sub = parsed(REINDENTED)
    clean = parse(read_corpus_file(REINDENTED_CLEAN), name=REINDENTED_CLEAN)
    assert "reindented" in codes(sub)
    assert "reindented" not in codes(clean)
    assert sub.accession == clean.accession == "0001193125-19-278752"
    assert sub.form == clean.form == "NPORT-EX"
    assert sub.filed_date == clean.filed_date
    assert people(sub) == people(clean) == [("filer", "0001027596", "ADVISORS SERIES TRUST")]
    assert sub.parties[0].business_address == clean.parties[0].business_address
    assert sub.parties[0].filing_values == clean.parties[0].filing_values
    assert [s.series_id for s in sub.series] == [s.series_id for s in clean.series]
    (doc,) = sub.documents
    assert (doc.type, doc.sequence, doc.filename) == ("NPORT-EX", "1", "d777458dnportex.htm")
    assert "Semper" in doc.text


# ---------------------------------------------------------------------------------------------
# Header-only files and header fragments
# ---------------------------------------------------------------------------------------------


@pytest.mark.corpus
@needs_corpus
@pytest.mark.parametrize("path", HEADER_ONLY, ids=basename)
def test_header_only_has_no_documents_and_says_so(path):
    data = read_corpus_file(path)
    sub = parsed(path)
    assert sub.documents == ()
    assert sub.dialect == "space"
    stated = int(re.search(rb"PUBLIC DOCUMENT COUNT:\s*(\d+)", data).group(1))
    assert sub.public_document_count == stated > 0
    mismatch = finding(sub, "document-count-mismatch")
    assert str(stated) in mismatch.message
    has_wrapper = b"<SEC-DOCUMENT>" in data or b"<SEC-HEADER>" in data
    if not has_wrapper:
        assert "no-envelope" in codes(sub)
    if b"<SEC-DOCUMENT>" in data:
        assert sub.envelope == "sec-document"
        assert "no-envelope" not in codes(sub)
    accession = re.search(rb"ACCESSION NUMBER:\s*(\S+)", data).group(1).decode()
    assert sub.accession == accession


@pytest.mark.corpus
@needs_corpus
def test_13f_header_fragment_matches_the_full_submission():
    sub = parsed(FRAGMENT_13F)
    full = parse(read_corpus_file(FRAGMENT_13F_FULL), name=FRAGMENT_13F_FULL)
    assert sub.envelope == "header-only"
    assert sub.accession == full.accession == "0001172661-23-003414"
    assert sub.effectiveness_date == dt.date(2023, 10, 16)
    assert sub.acceptance_datetime == dt.datetime(2023, 10, 16, 16, 56, 38)
    assert sub.parties == full.parties
    (filer,) = sub.parties
    assert (filer.cik, filer.name) == ("0001766724", "OCEAN ARETE LTD")
    assert filer.state_of_incorporation == "K3"
    assert filer.mail_address.zip == "-"  # the last field before </SEC-HEADER>


@pytest.mark.corpus
@needs_corpus
def test_form4_header_fragment_without_wrapper():
    sub = parsed(FRAGMENT_FORM4)
    assert "no-envelope" in codes(sub)
    assert sub.accession == "0001140361-23-028639"
    assert sub.form == "4"
    assert sub.acceptance_datetime == dt.datetime(2023, 6, 6, 21, 32, 4)
    assert sub.period_of_report == dt.date(2022, 11, 16)
    assert people(sub) == [
        ("reporting-owner", "0001927858", "Driggers Shane"),
        ("issuer", "0001853145", "EverCommerce Inc."),
    ]
    owner, issuer = sub.parties
    assert owner.filing_values[0].file_number == "001-40575"
    assert owner.mail_address.street2 == "3601 WALNUT STREET, SUITE 400"
    assert issuer.sic == "7372"
    assert issuer.business_address.phone == "720-647-4948"
    # The file ends on "ZIP:\t\t\t80205" with no newline.
    assert issuer.mail_address.zip == "80205"


@pytest.mark.corpus
@needs_corpus
def test_1998_form4_header_only():
    sub = parsed(HEADER_ONLY_1998)
    assert sub.envelope == "sec-document"
    assert people(sub) == [
        ("subject-company", "0001035972", "MORTON INTERNATIONAL INC /IN/"),
        ("reporting-owner", "0001012325", "CANTALUPO JAMES R"),
    ]
    subject, owner = sub.parties
    assert subject.former_names == (
        FormerName("NEW MORTON INTERNATIONAL INC", dt.date(1997, 3, 18)),
    )
    assert owner.relationships == ("DIRECTOR",)
    assert owner.business_address.city == "CHICAGO"
    assert sub.dissemination_date == dt.date(1998, 11, 23)


@pytest.mark.corpus
@needs_corpus
def test_serial_company_header_only():
    sub = parsed(SERIAL_COMPANY)
    assert [p.role for p in sub.parties] == ["filer", "serial-company"]
    assert people(sub) == [
        ("filer", "0001014956", "BANK OF AMERICA MORTGAGE SECURITIES INC"),
        (
            "serial-company",
            "0001130269",
            "BANK OF AMERICA MORT SEC INC MORT PASS THRU CERTS SER 2000 8",
        ),
    ]
    filer, serial = sub.parties
    assert [n.name for n in filer.former_names] == [
        "BA MORTGAGE SECURITIES INC/",
        "BANKAMERICA MORTGAGE SECURITIES INC",
    ]
    # The column-0 subsections after SERIAL COMPANY: belong to the serial company.
    assert serial.sic == "6189"
    assert serial.filing_values[0].file_number == "333-80941-08"
    assert serial.filing_values[0].film_number == "791869"
    assert serial.business_address.zip == "28255-7137"
    assert serial.mail_address.zip == "28255"
    assert filer.filing_values[0].file_number == "333-80941"
    assert serial.former_names == ()


@pytest.mark.corpus
@needs_corpus
def test_many_filers_header_only():
    data = read_corpus_file(MANY_FILERS)
    sub = parsed(MANY_FILERS)
    sections = re.findall(rb"^FILER:", data, re.M)
    ciks = [c.decode() for c in re.findall(rb"CENTRAL INDEX KEY:\s*(\d{10})", data)]
    assert len(sections) == len(ciks) == 239
    assert len(sub.parties) == 239
    assert all(p.role == "filer" for p in sub.parties)
    assert [p.cik for p in sub.parties] == ciks
    assert (sub.parties[0].cik, sub.parties[0].name) == (
        "0001278752",
        "MidCap Financial Investment Corp",
    )
    assert sub.parties[0].former_names == (
        FormerName("APOLLO INVESTMENT CORP", dt.date(2004, 2, 27)),
        FormerName("APOLLO CAPITAL CORP", dt.date(2004, 2, 4)),
    )
    assert sub.parties[-1].mail_address.street2 == "42ND FLOOR"


@pytest.mark.corpus
@needs_corpus
def test_header_with_doubled_blank_lines():
    sub = parsed(DOUBLE_NEWLINES)
    assert "no-envelope" in codes(sub)
    assert sub.accession == "0001193125-24-066744"
    assert sub.form == "485APOS"
    assert sub.public_document_count == 7
    assert sub.filed_date == dt.date(2024, 3, 13)
    assert sub.date_as_of_change == dt.date(2024, 6, 26)
    assert sub.acceptance_datetime == dt.datetime(2024, 3, 13, 15, 0, 33)
    assert sub.field_values("PRIVATE-TO-PUBLIC") == [""]
    assert people(sub) == [("filer", "0001100663", "iSHARES TRUST")] * 2
    for filer in sub.parties:
        assert filer.irs_number == "943351276"
        assert filer.state_of_incorporation == "DE"
        assert filer.fiscal_year_end == "1231"
        assert filer.business_address.city == "SAN FRANCISCO"
        assert filer.business_address.phone == "(415) 670-2000"
        assert filer.mail_address.zip == "94105"
        assert filer.former_names == (FormerName("ISHARES TRUST", dt.date(1999, 12, 13)),)
    assert [p.filing_values[0].file_number for p in sub.parties] == ["811-09729", "333-92935"]
    assert [p.filing_values[0].act for p in sub.parties] == ["1940 Act", "1933 Act"]
    (series,) = sub.series
    assert (series.status, series.series_id) == ("new", "S000085230")
    assert series.name == "iShares iBonds Dec 2044 Term Treasury ETF"
    assert [c.class_id for c in series.classes] == ["C000250197"]


# ---------------------------------------------------------------------------------------------
# Hand-reduced fixture and a non-EDGAR page
# ---------------------------------------------------------------------------------------------


@pytest.mark.corpus
@needs_corpus
def test_stubbed_document_count_mismatch():
    sub = parsed(STUBBED)
    assert sub.public_document_count == 160
    assert len(sub.documents) == 2
    mismatch = finding(sub, "document-count-mismatch")
    assert re.search(r"\b160\b", mismatch.message), mismatch.message
    assert re.search(r"\b2\b", mismatch.message), mismatch.message
    assert [(d.type, d.sequence) for d in sub.documents] == [("10-K", "1"), ("EX-21.1", "2")]
    assert people(sub) == [("filer", "0001318605", "Tesla, Inc.")]


@pytest.mark.corpus
@needs_corpus
def test_s3_error_page_is_refused():
    name = basename(S3_ERROR)
    with pytest.raises(EdgarError) as info:
        parse(read_corpus_file(S3_ERROR), name=name)
    assert info.value.code == "xml-error-page"
    assert "NoSuchKey" in info.value.message
    assert str(info.value) == info.value.message


# ---------------------------------------------------------------------------------------------
# Synthetic refusals (no corpus needed)
# ---------------------------------------------------------------------------------------------

HTML_404 = (
    b"<!DOCTYPE html>\n<html lang='en'><head><title>404 Not Found</title></head>\n"
    b"<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p>"
    b"</body></html>\n"
)
SEC_RATE_LIMIT = (
    b"<html>\n<head><title>SEC.gov | Request Rate Threshold Exceeded</title></head>\n"
    b"<body><h1>Your Request Originates from an Undeclared Automated Tool</h1>\n"
    b"<p>Please declare your traffic by updating your user agent.</p></body>\n</html>\n"
)
S3_ACCESS_DENIED = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code>'
    b"<Message>Access Denied</Message><RequestId>X</RequestId></Error>"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06" + bytes(64)
PROSE = (
    b"Dear shareholders,\n\nThis year was a good year for the company. Revenue grew and we\n"
    b"opened two new offices. We thank our employees and look forward to next year.\n"
) * 3

REFUSALS = [
    pytest.param(b"", "empty", id="empty"),
    pytest.param(b"   \r\n\t\n  \n", "empty", id="whitespace"),
    pytest.param(HTML_404, "html-page", id="html-404"),
    pytest.param(SEC_RATE_LIMIT, "html-page", id="html-rate-limit"),
    pytest.param(S3_ACCESS_DENIED, "xml-error-page", id="s3-access-denied"),
    pytest.param(gzip.compress(b"<SEC-DOCUMENT>x\n" * 50), "binary", id="gzip"),
    pytest.param(PNG, "binary", id="png"),
    pytest.param(b"\x00\x01\x02 data \x00\x7f\x00" * 100, "binary", id="nul-bytes"),
    # Starts like a header line, then NUL bytes: a damaged or mis-saved file, not a filing.
    pytest.param(
        b"ACCESSION NUMBER:\x00\x00\x00\x000001\x00" * 40, "binary", id="nul-bytes-after-key"
    ),
    pytest.param(
        "<SEC-DOCUMENT>0000999999-24-000001.txt : 20240105\n".encode("utf-16"),
        "binary",
        id="utf-16",
    ),
    pytest.param(PROSE, "no-filing-content", id="prose"),
]


@pytest.mark.parametrize(("data", "code"), REFUSALS)
def test_synthetic_refusals(data, code):
    name = "upload-4711.txt"
    with pytest.raises(EdgarError) as info:
        parse(data, name=name)
    err = info.value
    assert err.code == code
    assert err.message.strip()
    assert name in err.message, f"the message should name the upload: {err.message!r}"


@pytest.mark.parametrize(("data", "code"), REFUSALS)
def test_synthetic_refusals_without_a_name(data, code):
    with pytest.raises(EdgarError) as info:
        parse(data)
    assert info.value.code == code
    assert info.value.message.strip()


def test_s3_access_denied_message_names_the_error_code():
    with pytest.raises(EdgarError) as info:
        parse(S3_ACCESS_DENIED, name="x.txt")
    assert "AccessDenied" in info.value.message
