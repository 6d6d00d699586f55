"""Every main file of the shared corpus, read by filings.edgar and checked against MANIFEST.tsv,
against facts recomputed here with independent regexes, and against hand-checked details.

Skipped as a whole when the corpus is absent (see tests/corpus.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import cache

import pytest

from filings.edgar import EdgarError, parse
from filings.edgar.model import KINDS, PARTY_ROLES, Document, FormerName, Submission
from tests.corpus import SKIP_REASON, corpus_available, main_rows, manifest_row, read_corpus_file

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not corpus_available(), reason=SKIP_REASON),
]

ROWS = main_rows()


def by_name(rows):
    return pytest.mark.parametrize("row", rows, ids=[r.name for r in rows])


@cache
def parsed(name: str) -> Submission:
    return parse(read_corpus_file(name), name=name)


def sub_of(name: str) -> Submission:
    return parsed(name)


# ---------------------------------------------------------------------------------------------
# Independent readings of the raw bytes (deliberately simple regexes, not the reader's code)
# ---------------------------------------------------------------------------------------------

_BLOCK = re.compile(rb"<DOCUMENT>(.*?)</DOCUMENT>", re.S)
_ROLE_LINE = re.compile(
    rb"^(?:(FILER|FILED BY|FILED FOR|SUBJECT COMPANY|REPORTING-OWNER|ISSUER|SERIAL COMPANY):"
    rb"|<(REPORTING-OWNER|ISSUER|SUBJECT-COMPANY|FILER)>)[ \t]*\r?$",
    re.M,
)
_ROLE_NAMES = {
    b"FILER": "filer",
    b"FILED BY": "filed-by",
    b"FILED FOR": "filed-for",
    b"SUBJECT COMPANY": "subject-company",
    b"SUBJECT-COMPANY": "subject-company",
    b"REPORTING-OWNER": "reporting-owner",
    b"ISSUER": "issuer",
    b"SERIAL COMPANY": "serial-company",
}

# The manifest writes FILED FOR parties (SEC letters, form UPLOAD) with the role [filer];
# the headers say "FILED FOR:" (checked by hand in both files).
MANIFEST_ROLE_CORRECTIONS = {
    ("0000000000-24-003505.txt", "0000320193"): "filed-for",
    ("0000000000-24-005673.txt", "0000320193"): "filed-for",
}


def header_bytes(data: bytes) -> bytes:
    end = data.find(b"<DOCUMENT>")
    return data if end < 0 else data[:end]


def header_values(data: bytes, key: str) -> list[str]:
    """Values of a column-0 `KEY:<TAB>value` line of the header, in order."""
    pattern = rb"^" + re.escape(key.encode()) + rb":[ \t]*(.*?)[ \t]*\r?$"
    return [m.decode("latin-1") for m in re.findall(pattern, header_bytes(data), re.M)]


def header_date(data: bytes, key: str) -> dt.date | None:
    values = header_values(data, key)
    return dt.datetime.strptime(values[0], "%Y%m%d").date() if values else None


def independent_documents(data: bytes) -> list[dict]:
    """Each <DOCUMENT> block: its tag values and the body between <TEXT> and </TEXT>."""
    docs = []
    for m in _BLOCK.finditer(data):
        block = m.group(1)
        base = m.start(1)

        def tag(name: bytes, block=block) -> str | None:
            t = re.search(rb"<" + name + rb">([^\r\n<]*)", block)
            return t.group(1).decode("latin-1").strip() if t else None

        text_at = block.find(b"<TEXT>")
        end_at = block.rfind(b"</TEXT>")
        docs.append(
            {
                "type": tag(b"TYPE"),
                "sequence": tag(b"SEQUENCE"),
                "filename": tag(b"FILENAME"),
                "description": tag(b"DESCRIPTION"),
                "start": base + text_at + len(b"<TEXT>"),
                "end": base + end_at,
                "block_start": m.start(),
                "block_end": m.end(),
            }
        )
    return docs


def independent_parties(data: bytes) -> list[str]:
    """Roles of the entity sections of the header, in order (duplicates kept)."""
    return [_ROLE_NAMES[m.group(1) or m.group(2)] for m in _ROLE_LINE.finditer(header_bytes(data))]


def distinct(seq):
    out = []
    for item in seq:
        if item not in out:
            out.append(item)
    return out


def finding(sub: Submission, code: str):
    found = [f for f in sub.findings if f.code == code]
    return found[0] if found else None


def codes(sub: Submission) -> list[str]:
    return [f.code for f in sub.findings]


def expected_kind(body: bytes) -> str | None:
    """The kind a body must have when it is unmistakable; None when several are defensible."""
    head = body.lstrip()[:200]
    low = head.lower()
    if head.startswith(b"<PDF>"):
        return "pdf"
    uu = re.match(rb"begin [0-7]{3} (\S+)", head)
    if uu:
        name = uu.group(1).lower()
        return "image" if name.endswith((b".jpg", b".jpeg", b".gif", b".png")) else None
    if head.startswith(b"<XBRL>"):
        return "ixbrl" if (b"xmlns:ix" in body or b"<ix:header" in body) else "xml"
    if head.startswith(b"<XML>"):
        return "xml"
    if low.startswith((b"<html", b"<!doctype html")):
        return "html"
    if head.startswith((b"<PAGE>", b"<TABLE>")):
        return "text"
    return None


# ---------------------------------------------------------------------------------------------
# Per-file checks against the manifest and the independent readings
# ---------------------------------------------------------------------------------------------


def test_manifest_lists_every_main_file():
    from tests.corpus import CORPUS

    on_disk = sorted(p.name for p in CORPUS.glob("*.txt"))
    assert on_disk == sorted(r.file for r in ROWS)
    assert len(ROWS) >= 99


@by_name(ROWS)
def test_fixture_matches_manifest_sha256(row):
    data = read_corpus_file(row.file)
    assert len(data) == row.bytes
    assert hashlib.sha256(data).hexdigest() == row.sha256


@by_name(ROWS)
def test_parses_without_error(row):
    data = read_corpus_file(row.file)
    try:
        sub = parsed(row.file)
    except EdgarError as exc:  # pragma: no cover - reported as a failure with its code
        pytest.fail(f"{row.file} refused: {exc.code}: {exc.message}")
    assert isinstance(sub, Submission)
    assert sub.size == len(data)
    assert sub.dialect == "space"
    assert sub.envelope in ("sec-document", "ims-document")


@by_name(ROWS)
def test_header_matches_manifest(row):
    sub = sub_of(row.file)
    assert sub.accession == row.accession
    assert sub.form == row.form_type
    assert type(sub.filed_date) is dt.date
    assert sub.filed_date == row.filed_date


@by_name(ROWS)
def test_header_dates_and_counts(row):
    """Dates, counts and stamps agree with the header lines read independently."""
    data = read_corpus_file(row.file)
    sub = sub_of(row.file)
    pdc = header_values(data, "PUBLIC DOCUMENT COUNT")
    assert sub.public_document_count == int(pdc[0])
    assert sub.period_of_report == header_date(data, "CONFORMED PERIOD OF REPORT")
    assert sub.date_as_of_change == header_date(data, "DATE AS OF CHANGE")
    assert sub.effectiveness_date == header_date(data, "EFFECTIVENESS DATE")
    for value in (sub.period_of_report, sub.date_as_of_change, sub.effectiveness_date):
        assert value is None or type(value) is dt.date

    stamp = re.search(rb"\.hdr\.sgml\s*:\s*(\d{8})", data)
    assert sub.dissemination_date == dt.datetime.strptime(stamp.group(1).decode(), "%Y%m%d").date()

    accepted = re.search(rb"<ACCEPTANCE-DATETIME>(\d{14})", header_bytes(data))
    if accepted:
        assert type(sub.acceptance_datetime) is dt.datetime
        assert sub.acceptance_datetime == dt.datetime.strptime(
            accepted.group(1).decode(), "%Y%m%d%H%M%S"
        )
    else:
        assert sub.acceptance_datetime is None


@by_name(ROWS)
def test_parties_match_manifest(row):
    data = read_corpus_file(row.file)
    sub = sub_of(row.file)
    for party in sub.parties:
        assert party.role in PARTY_ROLES
        assert party.cik is None or re.fullmatch(r"\d{10}", party.cik), party.cik

    # One Party per entity section, in header order (duplicated sections included).
    assert [p.role for p in sub.parties] == independent_parties(data)

    # The manifest lists each distinct (role, CIK, name) once, the first 30 at most.
    got = distinct((p.role, p.cik, p.name) for p in sub.parties)
    expected = [
        (MANIFEST_ROLE_CORRECTIONS.get((row.file, p.cik), p.role), p.cik, p.name)
        for p in row.parties
    ]
    if row.more_parties:
        assert got[: len(expected)] == expected
        assert len(got) == row.total_parties
    else:
        assert got == expected


@by_name(ROWS)
def test_documents_match_manifest(row):
    data = read_corpus_file(row.file)
    sub = sub_of(row.file)
    mine = independent_documents(data)
    assert len(sub.documents) == row.document_count == len(mine)
    assert [d.type for d in sub.documents] == [d["type"] for d in mine]
    assert [d.sequence for d in sub.documents] == [d["sequence"] for d in mine]
    assert [d.filename for d in sub.documents] == [d["filename"] for d in mine]
    assert [d.description for d in sub.documents] == [d["description"] for d in mine]
    for doc in sub.documents:
        assert doc.type, f"document {doc.sequence} has no type"
        assert doc.closed is True
        assert doc.kind in KINDS
        assert doc.encoding in ("utf-8", "windows-1252")


@by_name(ROWS)
def test_document_kinds(row):
    data = read_corpus_file(row.file)
    sub = sub_of(row.file)
    for doc, mine in zip(sub.documents, independent_documents(data), strict=True):
        kind = expected_kind(data[mine["start"] : mine["end"]])
        if kind is not None:
            assert doc.kind == kind, f"document {doc.sequence} ({doc.type} {doc.filename})"


@by_name(ROWS)
def test_offsets_and_findings_are_well_formed(row):
    sub = sub_of(row.file)
    assert 0 <= sub.header_start <= sub.header_end <= sub.size
    previous_end = sub.header_end
    for doc in sub.documents:
        assert previous_end <= doc.block_start < doc.start <= doc.end < doc.block_end <= sub.size
        assert doc.text_bytes == doc.end - doc.start >= 0
        previous_end = doc.block_end
    for f in sub.findings:
        assert f.code and f.message, f
        assert isinstance(f.where, str)


@by_name(ROWS)
def test_manifest_features(row):
    data = read_corpus_file(row.file)
    sub = sub_of(row.file)
    kinds = {d.kind for d in sub.documents}

    assert sub.pem is row.has("pem")
    assert (finding(sub, "pem-wrapper") is not None) is row.has("pem")
    assert (sub.envelope == "ims-document") is row.has("ims-header")
    assert any(p.former_names for p in sub.parties) is row.has("former-names")
    assert ("ixbrl" in kinds) is row.has("ixbrl")
    assert ("pdf" in kinds) is row.has("pdf")
    if row.has("xml"):
        assert "xml" in kinds
    assert any(d.uuencoded_name for d in sub.documents) is row.has("uuencoded")
    assert bool(sub.group_members) is row.has("group-members")
    roles = {p.role for p in sub.parties}
    assert ("reporting-owner" in roles) is row.has("reporting-owner")
    assert ("subject-company" in roles) is row.has("subject-company")
    if row.has("header-only"):
        assert sub.documents == ()

    # PUBLIC DOCUMENT COUNT against the blocks present: a finding exactly when they differ.
    stated = int(header_values(data, "PUBLIC DOCUMENT COUNT")[0])
    mismatch = finding(sub, "document-count-mismatch")
    assert (mismatch is not None) is (stated != len(independent_documents(data)))
    if row.pdc_mismatch:
        assert (stated, row.document_count) == row.pdc_mismatch
        assert str(row.pdc_mismatch[0]) in mismatch.message
        assert str(row.pdc_mismatch[1]) in mismatch.message


@by_name(ROWS)
def test_items(row):
    data = read_corpus_file(row.file)
    sub = sub_of(row.file)
    raw = header_values(data, "ITEM INFORMATION")
    assert list(sub.items) == raw
    assert [r.raw for r in sub.item_refs] == raw
    for ref in sub.item_refs:
        assert ref.source in ("header-title", "header-code")
        if ref.raw == "":
            assert ref.code is None
    if row.form_type.startswith("8-K"):
        manifest_items = {f.removeprefix("item-") for f in row.features if f.startswith("item-")}
        assert {r.code for r in sub.item_refs if r.code} == manifest_items


@by_name(ROWS)
def test_group_members(row):
    data = read_corpus_file(row.file)
    assert list(sub_of(row.file).group_members) == header_values(data, "GROUP MEMBERS")


TOP_LEVEL_KEYS = (
    "ACCESSION NUMBER",
    "CONFORMED SUBMISSION TYPE",
    "PUBLIC DOCUMENT COUNT",
    "CONFORMED PERIOD OF REPORT",
    "ITEM INFORMATION",
    "FILED AS OF DATE",
    "DATE AS OF CHANGE",
    "EFFECTIVENESS DATE",
    "GROUP MEMBERS",
    "SROS",
    "CONFIRMING COPY",
    "ABS RULE",
    "PERIOD START",
    "ABS ASSET CLASS",
    "WITHDRAWN ACCESSION NUMBER",
    "PUBLIC REFERENCE ACCESSION NUMBER",
)
_TOP_LEVEL_LINE = re.compile(
    rb"^(" + b"|".join(k.encode() for k in TOP_LEVEL_KEYS) + rb"):[ \t]*(.*?)[ \t]*\r?$", re.M
)


@by_name(ROWS)
def test_top_level_fields_in_header_order(row):
    """Every column-0 top-level `KEY: value` line is in Submission.fields, in order."""
    head = header_bytes(read_corpus_file(row.file))
    head = re.sub(rb"<MULTI-ACCESSION-NUMBERS>.*?</MULTI-ACCESSION-NUMBERS>", b"", head, flags=re.S)
    expected = [(k.decode(), v.decode("latin-1")) for k, v in _TOP_LEVEL_LINE.findall(head)]
    got = [(k, v) for k, v in sub_of(row.file).fields if k in TOP_LEVEL_KEYS]
    assert got == expected


def test_1990s_sros_and_confirming_copy_fields():
    assert sub_of("0000320193-94-000016.txt").field_values("SROS") == ["NASD"]
    assert sub_of("0000950150-00-000118.txt").field_values("CONFIRMING COPY") == [""]
    withdrawn = sub_of("0000019617-24-000664.txt")
    assert withdrawn.field_values("WITHDRAWN ACCESSION NUMBER") == ["0000019617-24-000662"]
    assert withdrawn.accession == "0000019617-24-000664"


TEXT_BYTES_FILES = [
    "0000891618-94-000021.txt",  # IMS header, 1994
    "0001047469-97-006960.txt",  # 15 plain-text documents
    "0000320193-97-000014.txt",  # <FLAWED> tag before <TEXT>
    "0001193125-04-218426.txt",  # Internap 8-K
    "0001094891-00-000193.txt",  # pre-XML Form 4
    "0000950123-23-009133.txt",  # uuencoded PDFs
    "0001045810-26-000024.txt",  # iXBRL, gaps in the sequence numbers
    "0001127602-25-001055.txt",  # Form 4 with an HTML exhibit
]


@pytest.mark.parametrize("name", TEXT_BYTES_FILES)
def test_text_bytes_match_independent_count(name):
    data = read_corpus_file(name)
    sub = sub_of(name)
    mine = independent_documents(data)
    assert len(sub.documents) == len(mine)
    for doc, expected in zip(sub.documents, mine, strict=True):
        assert doc.text_bytes == expected["end"] - expected["start"], doc.sequence
        assert bytes(doc.body) == data[expected["start"] : expected["end"]]
        assert (doc.block_start, doc.block_end) == (expected["block_start"], expected["block_end"])


# ---------------------------------------------------------------------------------------------
# Hand-checked facts (each value below was read in the file itself)
# ---------------------------------------------------------------------------------------------


def party(sub: Submission, role: str, index: int = 0):
    return [p for p in sub.parties if p.role == role][index]


def doc_by_seq(sub: Submission, sequence: str) -> Document:
    return next(d for d in sub.documents if d.sequence == sequence)


def test_internap_8k_2004():
    sub = sub_of("0001193125-04-218426.txt")
    assert sub.accession == "0001193125-04-218426"
    assert sub.form == "8-K"
    assert sub.items == (
        "Departure of Directors or Principal Officers; Election of Directors; "
        "Appointment of Principal Officers",
        "Financial Statements and Exhibits",
    )
    assert [r.code for r in sub.item_refs] == ["5.02", "9.01"]
    assert all(r.source == "header-title" for r in sub.item_refs)
    assert sub.item_refs[1].title == "Financial Statements and Exhibits"
    assert sub.acceptance_datetime == dt.datetime(2004, 12, 22, 16, 13, 52)
    assert sub.period_of_report == dt.date(2004, 12, 14)
    assert sub.filed_date == dt.date(2004, 12, 22)
    assert sub.pem is True and sub.envelope == "sec-document"

    assert len(sub.parties) == 1
    filer = sub.parties[0]
    assert filer.role == "filer"
    assert filer.cik == "0001056386"
    assert filer.name == "INTERNAP NETWORK SERVICES CORP"
    assert filer.sic == "7370"
    assert filer.sic_description == "SERVICES-COMPUTER PROGRAMMING, DATA PROCESSING, ETC."
    assert filer.irs_number == "912145721"
    assert filer.state_of_incorporation == "DE"
    assert filer.fiscal_year_end == "1231"
    assert filer.business_address.city == "SEATTLE"
    assert filer.business_address.street1 == "601 UNION STREET SUITE 1000"
    assert filer.business_address.phone == "2064418800"
    assert filer.mail_address.city == "ATLANTA"
    assert filer.mail_address.street2 == "SUITE E100"
    assert filer.mail_address.zip == "30303"
    assert filer.former_names == (
        FormerName("INTERNAP NETWORK SERVICES CORP/WA", dt.date(1999, 7, 21)),
    )
    assert len(filer.filing_values) == 1
    fv = filer.filing_values[0]
    assert (fv.form_type, fv.act, fv.file_number, fv.film_number) == (
        "8-K",
        "1934 Act",
        "001-31989",
        "041221058",
    )

    assert [(d.type, d.sequence, d.filename, d.description) for d in sub.documents] == [
        ("8-K", "1", "d8k.htm", "FORM 8-K"),
        ("EX-99.1", "2", "dex991.htm", "PRESS RELEASE"),
    ]
    assert sub.documents[0].kind == "html"
    assert sub.documents[1].kind == "html"
    assert "Internap Network Services Corporation" in sub.documents[0].text


def test_ims_header_apple_424b5_1994():
    sub = sub_of("0000891618-94-000021.txt")
    assert sub.envelope == "ims-document"
    assert sub.pem is True
    assert sub.dialect == "space"
    assert sub.filed_date == dt.date(1994, 1, 26)
    assert sub.dissemination_date == dt.date(1994, 1, 28)  # the stamp differs from the filing date
    assert sub.acceptance_datetime is None
    filer = sub.parties[0]
    assert (filer.cik, filer.name) == ("0000320193", "APPLE COMPUTER INC")
    assert filer.sic == "3571"  # written bare, with no description or brackets
    assert not filer.sic_description
    assert filer.fiscal_year_end == "0930"
    assert filer.mail_address is None
    assert filer.business_address.city == "CUPERTINO"
    fv = filer.filing_values[0]
    assert (fv.act, fv.file_number, fv.film_number) == ("33", "033-62310", "94502696")
    (doc,) = sub.documents
    assert (doc.type, doc.sequence, doc.filename, doc.description) == (
        "424B5",
        "1",
        None,  # no <FILENAME> in 1994
        "APPLE 424B5",
    )
    assert doc.kind == "text"
    assert "APPLE COMPUTER, INC." in doc.text


def test_ims_header_ford_10k_1994_has_eleven_documents():
    sub = sub_of("0000037996-94-000005.txt")
    assert sub.envelope == "ims-document"
    assert len(sub.documents) == 11
    assert sub.parties[0].name == "FORD MOTOR CO"


def test_berkshire_13f_1999_former_names_and_empty_act():
    sub = sub_of("0000950148-99-001187.txt")
    filer = sub.parties[0]
    assert filer.cik == "0001067983"
    assert filer.sic == "6331"
    assert filer.sic_description == "FIRE, MARINE & CASUALTY INSURANCE"
    assert filer.former_names == (FormerName("NBH INC", dt.date(1998, 8, 10)),)
    fv = filer.filing_values[0]
    assert not fv.act  # "SEC ACT:" with nothing after it
    assert fv.file_number == "028-04545"
    assert sub.period_of_report == dt.date(1999, 3, 31)
    assert sub.dissemination_date == dt.date(1999, 5, 18)
    (doc,) = sub.documents
    assert (doc.type, doc.kind) == ("13F-HR", "text")
    assert "GRAND TOTAL" in doc.text


def test_berkshire_13f_2022_information_table_is_xml():
    sub = sub_of("0000950123-22-006442.txt")
    assert sub.effectiveness_date == dt.date(2022, 5, 16)
    assert sub.parties[0].former_names == (FormerName("NBH INC", dt.date(1998, 8, 10)),)
    assert [(d.type, d.filename, d.kind) for d in sub.documents] == [
        ("13F-HR", "primary_doc.xml", "xml"),
        ("INFORMATION TABLE", "13095.xml", "xml"),
    ]
    assert "<informationTable" in sub.documents[1].text


def test_pre_xml_form4_2000_subject_company_and_reporting_owner():
    sub = sub_of("0001094891-00-000193.txt")
    assert sub.form == "4"
    assert sub.period_of_report == dt.date(2000, 2, 29)
    assert [p.role for p in sub.parties] == ["subject-company", "reporting-owner"]
    subject, owner = sub.parties
    assert subject.cik == "0000911787"
    assert subject.name == "PRODUCTIVITY TECHNOLOGIES CORP /"  # trailing slash as written
    assert subject.sic == "3540"
    assert subject.irs_number == "133764753"
    assert subject.fiscal_year_end == "0630"
    assert subject.filing_values[0].file_number == "000-24212"
    assert subject.mail_address.street1 == "C/O SAMUEL N SIEDMAN & CO"
    assert subject.former_names == (
        FormerName("PRODUCTIVITY TECHNOLOGIES CORP /DE", dt.date(1996, 6, 7)),
    )
    # The <REPORTING-OWNER> wrapper with column-0 subsections and a <RELATIONSHIP> tag.
    assert owner.cik == "0001050609"
    assert owner.name == "FOSTER ALAN H"
    assert owner.relationships == ("DIRECTOR",)
    assert not owner.sic  # "STANDARD INDUSTRIAL CLASSIFICATION:	 []"
    assert owner.filing_values[0].form_type == "4"
    assert owner.business_address.street2 == "509 MADISON AVE"
    assert owner.mail_address.city == "NEW YORK"
    (doc,) = sub.documents
    assert (doc.type, doc.description, doc.kind) == ("4", "FORM 4 - FEBRUARY 29,2000", "text")


def test_mid_2000_mixed_header_apple_10q():
    """Close tags mixed into the space dialect, the SIC split over two lines, deeper indents."""
    sub = sub_of("0000912057-00-033901.txt")
    assert sub.dissemination_date == dt.date(2000, 9, 21)
    assert sub.filed_date == dt.date(2000, 7, 31)
    (filer,) = sub.parties
    assert filer.cik == "0000320193"
    assert filer.sic == "3571"
    assert filer.irs_number == "942404110"  # on the line that starts with the SIC's "]"
    assert filer.state_of_incorporation == "CA"
    assert filer.fiscal_year_end == "0930"
    assert filer.filing_values[0].file_number == "000-10030"
    assert filer.filing_values[0].film_number == "682642"
    assert filer.business_address.street1 == "1 INFINITE LOOP"
    assert filer.business_address.phone == "4089961010"
    assert filer.mail_address.street1 == "ONE INFINITE LOOP"
    assert filer.mail_address.zip == "95014"
    assert len(sub.documents) == 5


def test_pre_2004_8k_blank_item_information():
    sub = sub_of("0000912057-00-002128.txt")
    assert sub.items == ("", "")
    assert [(r.raw, r.code) for r in sub.item_refs] == [("", None), ("", None)]


def test_40_app_with_399_filers():
    name = "0001193125-25-120935.txt"
    data = read_corpus_file(name)
    sub = sub_of(name)
    ciks = re.findall(rb"CENTRAL INDEX KEY:\s*(\d{10})", header_bytes(data))
    assert len(ciks) == 399
    assert len(sub.parties) == 399
    assert all(p.role == "filer" for p in sub.parties)
    assert [p.cik for p in sub.parties] == [c.decode() for c in ciks]
    assert len({p.cik for p in sub.parties}) == 399
    assert (sub.parties[0].cik, sub.parties[0].name) == (
        "0002020407",
        "HarbourVest Private Investments Fund",
    )
    assert len(sub.documents) == 1


def test_497k_existing_series_with_classes_and_jpeg():
    sub = sub_of("0001193125-25-152548.txt")
    (series,) = sub.series
    assert series.status == "existing"
    assert series.owner_cik == "0000772129"
    assert series.series_id == "S000004917"
    assert series.name == "GMO Multi-Sector Fixed Income Fund"
    assert [(c.class_id, c.name, c.ticker) for c in series.classes] == [
        ("C000213366", "Class I", None),
        ("C000213367", "Class R6", None),
    ]
    graphic = doc_by_seq(sub, "2")
    assert graphic.type == "GRAPHIC"
    assert graphic.kind == "image"
    assert graphic.uuencoded_name == "g123733bar_msfif.jpg"
    assert graphic.decoded_binary().startswith(b"\xff\xd8\xff")
    assert sub.documents[0].decoded_binary() is None


def test_485apos_new_series_and_two_filer_sections():
    sub = sub_of("0001193125-24-100942.txt")
    assert [p.cik for p in sub.parties] == ["0001100663", "0001100663"]
    assert [p.filing_values[0].file_number for p in sub.parties] == ["811-09729", "333-92935"]
    assert [p.filing_values[0].act for p in sub.parties] == ["1940 Act", "1933 Act"]
    (series,) = sub.series
    assert series.status == "new"
    assert series.owner_cik == "0001100663"
    assert series.series_id == "S000085693"
    assert series.name == "iShares U.S. Manufacturing ETF"
    assert [(c.class_id, c.name, c.ticker) for c in series.classes] == [
        ("C000251033", "iShares U.S. Manufacturing ETF", None)
    ]


def test_n_cen_22_series_with_tickers():
    name = "0001410368-26-010918.txt"
    data = read_corpus_file(name)
    sub = sub_of(name)
    ids = [m.decode() for m in re.findall(rb"<SERIES-ID>(\S+)", header_bytes(data))]
    tickers = [
        m.decode() for m in re.findall(rb"<CLASS-CONTRACT-TICKER-SYMBOL>(\S+)", header_bytes(data))
    ]
    assert len(ids) == 22
    assert [s.series_id for s in sub.series] == ids
    assert all(s.status == "existing" and s.owner_cik == "0001496608" for s in sub.series)
    assert [c.ticker for s in sub.series for c in s.classes] == tickers
    first = sub.series[0]
    assert (first.name, first.classes[0].class_id, first.classes[0].ticker) == (
        "AB Tax-Aware Short Duration Municipal ETF",
        "C000237018",
        "TAFI",
    )
    assert sub.documents[0].kind == "xml"


def test_nport_multi_accession_numbers_do_not_replace_the_accession():
    sub = sub_of("0001193125-19-278752.txt")
    assert sub.accession == "0001193125-19-278752"
    values = [v for _, v in sub.fields]
    assert "0001145549-19-040797" in values and "0001145549-19-040798" in values
    assert sub.field_values("ACCESSION NUMBER") == ["0001193125-19-278752"]
    assert [s.series_id for s in sub.series] == ["S000041568", "S000044807"]
    assert [len(s.classes) for s in sub.series] == [3, 2]
    assert sub.series[0].classes[0].ticker == "SEMMX"


def test_sc_to_t_amendment_group_members_and_two_subject_sections():
    sub = sub_of("0001104659-25-002604.txt")
    assert sub.form == "SC TO-T/A"
    assert sub.group_members == (
        "AMERICAN ENTERTAINMENT PROPERTIES CORP.",
        "BECKTON CORP.",
        "CARL C. ICAHN",
        "ICAHN ENTERPRISES G.P. INC.",
        "ICAHN ENTERPRISES L.P.",
        "IEP ENERGY HOLDING LLC",
    )
    assert [p.role for p in sub.parties] == ["subject-company", "subject-company", "filed-by"]
    first, second, filed_by = sub.parties
    assert first.filing_values[0].form_type == "SC 13D/A"
    assert first.filing_values[0].film_number == "25523922"
    assert second.filing_values[0].form_type == "SC TO-T/A"
    assert first.organization_name == "01 Energy & Transportation"
    assert filed_by.cik == "0001034563"
    assert filed_by.business_address.street1 == "16690 COLLINS AVE,"
    assert filed_by.former_names == (
        FormerName("AMERICAN REAL ESTATE HOLDINGS L P", dt.date(1998, 3, 11)),
    )


def test_abs_15g_header_only_submission():
    sub = sub_of("0001140361-25-045534.txt")
    assert sub.envelope == "sec-document"
    assert sub.documents == ()
    assert sub.public_document_count == 1
    assert "document-count-mismatch" in codes(sub)
    assert sub.items == (
        "Periodic Filing of Rule 15Ga-1 Representations and Warranties Disclosure",
    )
    assert sub.field_values("ABS RULE") == ["RULE-15GA1"]
    assert sub.field_values("ABS ASSET CLASS") == ["Auto loans"]
    assert sub.field_values("NO-ANNUAL-ACTIVITY") == ["Y"]
    assert sub.acceptance_datetime == dt.datetime(2025, 12, 15, 16, 56, 49)
    (filer,) = sub.parties
    assert (filer.cik, filer.name) == ("0001712487", "VEROS CREDIT LLC")
    assert filer.irs_number == "273146015"  # written "EIN:" in 2024+ headers
    assert filer.filing_values[0].act == "Dodd Frank Act"
    assert filer.business_address.city == "SANTA ANA"


def test_ixbrl_8k_nvidia_2026():
    sub = sub_of("0001045810-26-000024.txt")
    main = sub.documents[0]
    assert (main.type, main.filename, main.kind) == ("8-K", "nvda-20260302.htm", "ixbrl")
    # EDGAR left out generated documents 6, 10 and 12: the numbers are kept as written.
    assert [d.sequence for d in sub.documents] == [
        "1", "2", "3", "4", "5", "7", "8", "9", "11", "13", "14", "15",
    ]  # fmt: skip
    assert [r.code for r in sub.item_refs] == ["5.02", "9.01"]
    mismatch = finding(sub, "document-count-mismatch")
    assert "13" in mismatch.message and "12" in mismatch.message
    zipped = doc_by_seq(sub, "14")
    assert zipped.uuencoded_name == "0001045810-26-000024-xbrl.zip"
    assert zipped.decoded_binary().startswith(b"PK\x03\x04")
    assert doc_by_seq(sub, "3").kind == "xml"  # the .xsd inside <XBRL>


def test_8k_2025_four_items_in_order():
    sub = sub_of("0001213900-25-032135.txt")
    assert [r.code for r in sub.item_refs] == ["2.02", "4.02", "7.01", "9.01"]


def test_uuencoded_gif_images():
    sub = sub_of("0001481057-23-010389.txt")
    gifs = [d for d in sub.documents if (d.uuencoded_name or "").endswith(".gif")]
    assert [d.uuencoded_name for d in gifs] == ["image_footer.gif", "image_006.gif"]
    for doc in gifs:
        assert doc.kind == "image"
        assert doc.decoded_binary()[:6] in (b"GIF87a", b"GIF89a")
    jpegs = [d for d in sub.documents if (d.uuencoded_name or "").endswith(".jpg")]
    assert len(jpegs) == 6
    assert all(d.decoded_binary().startswith(b"\xff\xd8\xff") for d in jpegs)


def test_upload_letter_pdf_filed_for_and_private_to_public():
    sub = sub_of("0000000000-24-003505.txt")
    assert sub.form == "UPLOAD"
    assert sub.acceptance_datetime == dt.datetime(2024, 4, 2, 12, 36, 7)
    assert sub.dissemination_date == dt.date(2024, 6, 14)
    assert sub.field_values("PRIVATE-TO-PUBLIC") == [""]
    # A top-level key after the FILED FOR section stays top-level.
    assert sub.field_values("PUBLIC REFERENCE ACCESSION NUMBER") == ["0000320193-23-000106"]
    (filed_for,) = sub.parties
    assert filed_for.role == "filed-for"
    assert filed_for.cik == "0000320193"
    assert filed_for.organization_name == "06 Technology"
    assert ("PUBLIC REFERENCE ACCESSION NUMBER", "0000320193-23-000106") not in filed_for.extra
    letter, extract = sub.documents
    assert (letter.type, letter.kind, letter.uuencoded_name) == ("LETTER", "pdf", "filename1")
    assert letter.decoded_binary().startswith(b"%PDF-")
    assert (extract.type, extract.kind) == ("TEXT-EXTRACT", "text")


def test_ats_n_pdf_exhibits():
    sub = sub_of("0000950123-23-009133.txt")
    assert sub.documents[0].kind == "xml"
    pdfs = sub.documents[1:]
    assert len(pdfs) == 6
    for doc in pdfs:
        assert doc.kind == "pdf"
        assert doc.uuencoded_name == doc.filename
        assert doc.decoded_binary().startswith(b"%PDF-")


def test_form4_2025_three_reporting_owners_and_issuer_ein():
    sub = sub_of("0000921895-25-001190.txt")
    assert [p.role for p in sub.parties] == ["reporting-owner"] * 3 + ["issuer"]
    assert [p.state_of_incorporation for p in sub.parties[:3]] == ["DE", "E9", "DE"]
    issuer = sub.parties[3]
    assert issuer.irs_number == "113117311"
    assert issuer.sic == "5990"
    assert issuer.organization_name == "07 Trade & Services"
    assert issuer.fiscal_year_end == "0629"
    assert sub.parties[2].business_address.street2 == "UNIT 1900"
    assert sub.documents[0].kind == "xml"


def test_flawed_tag_does_not_hide_the_document():
    sub = sub_of("0000320193-97-000014.txt")
    ex27 = doc_by_seq(sub, "4")
    assert ex27.type == "EX-27"
    assert ex27.description == "ART. 5 FDS FOR FY97 FORM 10-K"
    assert "<TOTAL-ASSETS>" in ex27.text
    assert manifest_row("0000320193-97-000014.txt").has("flawed-tag")
