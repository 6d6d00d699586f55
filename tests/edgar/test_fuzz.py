"""Property tests: damaged inputs never crash filings.edgar.parse.

Truncations and random byte edits of a synthetic submission (always run) and of a few small
real corpus files plus a header-heavy one (skipped without the corpus). parse() must either
return a Submission whose offsets and findings are sane, or raise EdgarError; anything else is a
bug. Deterministic: derandomized, no example database.
"""

from __future__ import annotations

import binascii
import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from filings.edgar import EdgarError, parse
from filings.edgar.model import KINDS, PARTY_ROLES, Submission
from tests.corpus import SKIP_REASON, corpus_available, read_corpus_file

FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,  # the autouse media_storage fixture is harmless
    ],
)

needs_corpus = pytest.mark.skipif(not corpus_available(), reason=SKIP_REASON)

CORPUS_FILES = [
    "0001094891-00-000193.txt",  # pre-XML Form 4 with PEM wrapper, 7 KB
    "0001018724-24-000077.txt",  # XML Form 4, 5 KB
    "0000019617-24-000664.txt",  # ATS-N-W, 2.5 KB
    "0001140361-25-045534.txt",  # header-only ABS-15G with tag lines
    "0001172661-23-003414.txt",  # 13F-HR with an information table
    "0000000000-24-005673.txt",  # UPLOAD with a uuencoded PDF
    "damaged/0001127602-25-004598.nc",  # tag dialect on one line
    "damaged/0000928385-00-003420.header-only-serial-company.txt",
    "damaged/0001193125-24-003453.header-only-many-filers.txt",  # 143 KB of FILER sections
]


def _uu(name: str, payload: bytes) -> bytes:
    lines = [f"begin 644 {name}".encode()]
    for i in range(0, len(payload), 45):
        lines.append(binascii.b2a_uu(payload[i : i + 45]).rstrip(b"\n"))
    lines += [b"`", b"end"]
    return b"\n".join(lines) + b"\n"


GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,"
GIF += b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"

SYNTHETIC = (
    b"-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n"
    b"Proc-Type: 2001,MIC-CLEAR\n"
    b"Originator-Name: webmaster@www.sec.gov\n"
    b"Originator-Key-Asymmetric:\n"
    b" MFgwCgYEVQgBAQICAf8DSgAwRwJAW2sNKK9AVtBzYZmr6aGjlWyK3XmZv3dTINen\n"
    b"MIC-Info: RSA-MD5,RSA,\n"
    b" K0ZxBatkLE/TL5loritblcuP8WND9IiWzPhBfT1go/a5FtZxGkca39jTe65ugi4Z\n"
    b"\n"
    b"<SEC-DOCUMENT>0000999999-24-000123.txt : 20240105\n"
    b"<SEC-HEADER>0000999999-24-000123.hdr.sgml : 20240105\n"
    b"<ACCEPTANCE-DATETIME>20240105170048\n"
    b"ACCESSION NUMBER:\t\t0000999999-24-000123\n"
    b"CONFORMED SUBMISSION TYPE:\t8-K\n"
    b"PUBLIC DOCUMENT COUNT:\t\t4\n"
    b"CONFORMED PERIOD OF REPORT:\t20240102\n"
    b"ITEM INFORMATION:\t\tOther Events\n"
    b"ITEM INFORMATION:\t\tFinancial Statements and Exhibits\n"
    b"FILED AS OF DATE:\t\t20240105\n"
    b"DATE AS OF CHANGE:\t\t20240105\n"
    b"GROUP MEMBERS:\t\tEXAMPLE HOLDINGS LLC\n"
    b"\n"
    b"FILER:\n"
    b"\n"
    b"\tCOMPANY DATA:\t\n"
    b"\t\tCOMPANY CONFORMED NAME:\t\t\tEXAMPLE WIDGETS INC\n"
    b"\t\tCENTRAL INDEX KEY:\t\t\t0000999999\n"
    b"\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tELECTRONIC COMPUTERS [3571]\n"
    b"\t\tIRS NUMBER:\t\t\t\t123456789\n"
    b"\t\tSTATE OF INCORPORATION:\t\t\tDE\n"
    b"\t\tFISCAL YEAR END:\t\t\t1231\n"
    b"\n"
    b"\tFILING VALUES:\n"
    b"\t\tFORM TYPE:\t\t8-K\n"
    b"\t\tSEC ACT:\t\t1934 Act\n"
    b"\t\tSEC FILE NUMBER:\t001-12345\n"
    b"\t\tFILM NUMBER:\t\t24123456\n"
    b"\n"
    b"\tBUSINESS ADDRESS:\t\n"
    b"\t\tSTREET 1:\t\t1 MAIN STREET\n"
    b"\t\tCITY:\t\t\tSPRINGFIELD\n"
    b"\t\tSTATE:\t\t\tIL\n"
    b"\t\tZIP:\t\t\t62701\n"
    b"\t\tBUSINESS PHONE:\t\t2175550100\n"
    b"\n"
    b"\tFORMER COMPANY:\t\n"
    b"\t\tFORMER CONFORMED NAME:\tEXAMPLE GADGETS INC\n"
    b"\t\tDATE OF NAME CHANGE:\t20010203\n"
    b"<REPORTING-OWNER>\n"
    b"\n"
    b"COMPANY DATA:\n"
    b"\tCOMPANY CONFORMED NAME:\t\t\tDOE JANE\n"
    b"\tCENTRAL INDEX KEY:\t\t\t0000888888\n"
    b"<RELATIONSHIP>DIRECTOR\n"
    b"</REPORTING-OWNER>\n"
    b"<SERIES-AND-CLASSES-CONTRACTS-DATA>\n"
    b"<EXISTING-SERIES-AND-CLASSES-CONTRACTS>\n"
    b"<SERIES>\n"
    b"<OWNER-CIK>0000999999\n"
    b"<SERIES-ID>S000000001\n"
    b"<SERIES-NAME>Example Fund\n"
    b"<CLASS-CONTRACT>\n"
    b"<CLASS-CONTRACT-ID>C000000001\n"
    b"<CLASS-CONTRACT-NAME>Class A\n"
    b"<CLASS-CONTRACT-TICKER-SYMBOL>EXMPX\n"
    b"</CLASS-CONTRACT>\n"
    b"</SERIES>\n"
    b"</EXISTING-SERIES-AND-CLASSES-CONTRACTS>\n"
    b"</SERIES-AND-CLASSES-CONTRACTS-DATA>\n"
    b"</SEC-HEADER>\n"
    b"<DOCUMENT>\n"
    b"<TYPE>8-K\n"
    b"<SEQUENCE>1\n"
    b"<FILENAME>d8k.htm\n"
    b"<DESCRIPTION>FORM 8-K\n"
    b"<TEXT>\n"
    b"<HTML><HEAD><TITLE>Form 8-K</TITLE></HEAD><BODY><P>Item 8.01 Other Events.</P>\n"
    b"<P>Example Widgets Inc. opened a factory \x93today\x94.</P></BODY></HTML>\n"
    b"</TEXT>\n"
    b"</DOCUMENT>\n"
    b"<DOCUMENT>\n"
    b"<TYPE>EX-99.1\n"
    b"<SEQUENCE>2\n"
    b"<FILENAME>ex991.txt\n"
    b"<TEXT>\n"
    b"<PAGE>   1\n"
    b"                    PRESS RELEASE\n"
    b"<TABLE>\n<S>      <C>\nRevenue  $1,000\n</TABLE>\n"
    b"</TEXT>\n"
    b"</DOCUMENT>\n"
    b"<DOCUMENT>\n"
    b"<TYPE>GRAPHIC\n"
    b"<SEQUENCE>3\n"
    b"<FILENAME>logo.gif\n"
    b"<TEXT>\n" + _uu("logo.gif", GIF) + b"</TEXT>\n"
    b"</DOCUMENT>\n"
    b"<DOCUMENT>\n"
    b"<TYPE>EX-101.INS\n"
    b"<SEQUENCE>4\n"
    b"<FILENAME>ex-20240102.xml\n"
    b"<TEXT>\n"
    b"<XML>\n<?xml version='1.0'?>\n<xbrl><dei:EntityCentralIndexKey>0000999999"
    b"</dei:EntityCentralIndexKey></xbrl>\n</XML>\n"
    b"</TEXT>\n"
    b"</DOCUMENT>\n"
    b"</SEC-DOCUMENT>\n"
    b"-----END PRIVACY-ENHANCED MESSAGE-----\n"
)

# Fragments worth inserting: the structure the reader keys on, plus bytes that should not be there.
TOKENS = [
    b"<DOCUMENT>",
    b"</DOCUMENT>",
    b"<TEXT>",
    b"</TEXT>",
    b"<TYPE>",
    b"<SEQUENCE>",
    b"<SEC-HEADER>",
    b"</SEC-HEADER>",
    b"<SEC-DOCUMENT>",
    b"</SEC-DOCUMENT>",
    b"<SUBMISSION>",
    b"<FILER>",
    b"</FILER>",
    b"<REPORTING-OWNER>",
    b"</SERIAL-COMPANY>",
    b"<SERIES>",
    b"<CLASS-CONTRACT>",
    b"FILER:\n",
    b"\tCOMPANY DATA:\n",
    b"\t\tCENTRAL INDEX KEY:\t",
    b"FORMER COMPANY:\n",
    b"DATE OF NAME CHANGE:\t99999999\n",
    b"FILED AS OF DATE:\t\t20241399\n",
    b"PUBLIC DOCUMENT COUNT:\t-1\n",
    b"<ACCEPTANCE-DATETIME>2024\n",
    b"ITEM INFORMATION:\t\n",
    b"-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n",
    b"begin 644 x.gif\n",
    b"begin 644 y.pdf\nM)5!$1@\n",
    b"\nend\n",
    b"<PDF>",
    b"<XBRL>",
    b"\n",
    b"\r\n",
    b"\r",
    b"\t",
    b"   ",
    b":",
    b"<",
    b">",
    b"]",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xe2\x80",
    b"\x93",
]

ACCESSION = re.compile(r"\d{10}-\d{2}-\d{6}")


def check_invariants(sub: Submission, data: bytes) -> None:
    assert isinstance(sub, Submission)
    n = len(data)
    assert sub.size == n
    assert 0 <= sub.header_start <= sub.header_end <= n
    assert sub.dialect in ("space", "tag", "none")
    assert sub.envelope in ("sec-document", "ims-document", "submission", "header-only", "none")
    for value in (
        sub.filed_date,
        sub.period_of_report,
        sub.date_as_of_change,
        sub.effectiveness_date,
        sub.dissemination_date,
    ):
        assert value is None or type(value) is dt.date
    assert sub.acceptance_datetime is None or type(sub.acceptance_datetime) is dt.datetime
    assert sub.public_document_count is None or isinstance(sub.public_document_count, int)
    for f in sub.findings:
        assert isinstance(f.code, str) and f.code, f
        assert isinstance(f.message, str) and f.message.strip(), f
        assert isinstance(f.where, str)
    for p in sub.parties:
        assert p.role in PARTY_ROLES
    assert len(sub.item_refs) == len(sub.items)
    previous_end = 0
    for doc in sub.documents:
        assert previous_end <= doc.block_start, "documents overlap or are out of order"
        assert doc.block_start <= doc.start <= doc.end <= doc.block_end <= n
        assert doc.text_bytes == doc.end - doc.start >= 0
        assert len(doc.body) == doc.text_bytes
        assert doc.kind in KINDS
        assert doc.encoding in ("utf-8", "windows-1252")
        assert isinstance(doc.text, str)  # decoding the recorded encoding never fails
        if doc.uuencoded_name is not None:
            assert isinstance(doc.decoded_binary(), bytes)
        else:
            assert doc.decoded_binary() is None
        previous_end = doc.block_end
    for line in sub.unknown_lines:
        assert line.line >= 1


def parse_or_refuse(data: bytes, name: str | None = None) -> Submission | None:
    try:
        sub = parse(data, name=name)
    except EdgarError as err:
        assert isinstance(err.code, str) and err.code
        assert isinstance(err.message, str) and err.message.strip()
        return None
    check_invariants(sub, data)
    return sub


# An edit: (kind, position as a fraction of the length, payload or length).
edits = st.lists(
    st.one_of(
        st.tuples(st.just("replace"), st.floats(0, 1), st.binary(min_size=1, max_size=8)),
        st.tuples(st.just("insert"), st.floats(0, 1), st.sampled_from(TOKENS)),
        st.tuples(st.just("insert"), st.floats(0, 1), st.binary(min_size=1, max_size=16)),
        st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 400)),
    ),
    min_size=1,
    max_size=8,
)


def apply_edits(data: bytes, ops) -> bytes:
    buf = bytearray(data)
    for kind, where, arg in ops:
        at = min(int(where * len(buf)), len(buf))
        if kind == "replace":
            buf[at : at + len(arg)] = arg
        elif kind == "insert":
            buf[at:at] = arg
        else:
            del buf[at : at + arg]
    return bytes(buf)


# --- the synthetic fixture: runs without the corpus -------------------------------------------


def test_synthetic_fixture_parses_as_written():
    sub = parse(SYNTHETIC, name="0000999999-24-000123.txt")
    check_invariants(sub, SYNTHETIC)
    assert sub.accession == "0000999999-24-000123"
    assert sub.form == "8-K"
    assert sub.pem is True
    assert sub.filed_date == dt.date(2024, 1, 5)
    assert sub.acceptance_datetime == dt.datetime(2024, 1, 5, 17, 0, 48)
    assert [r.code for r in sub.item_refs] == ["8.01", "9.01"]
    assert sub.group_members == ("EXAMPLE HOLDINGS LLC",)
    assert [(p.role, p.cik) for p in sub.parties] == [
        ("filer", "0000999999"),
        ("reporting-owner", "0000888888"),
    ]
    assert sub.parties[0].former_names[0].name == "EXAMPLE GADGETS INC"
    assert sub.parties[1].relationships == ("DIRECTOR",)
    assert [s.series_id for s in sub.series] == ["S000000001"]
    assert [(d.type, d.sequence, d.kind) for d in sub.documents] == [
        ("8-K", "1", "html"),
        ("EX-99.1", "2", "text"),
        ("GRAPHIC", "3", "image"),
        ("EX-101.INS", "4", "xml"),
    ]
    assert sub.documents[0].encoding == "windows-1252"  # the \x93 \x94 quotes
    assert "\u201ctoday\u201d" in sub.documents[0].text
    assert sub.documents[2].decoded_binary() == GIF
    assert "document-count-mismatch" not in [f.code for f in sub.findings]


@FUZZ
@given(cut=st.integers(min_value=0, max_value=len(SYNTHETIC)))
def test_synthetic_truncated_anywhere(cut):
    data = SYNTHETIC[:cut]
    sub = parse_or_refuse(data, name="0000999999-24-000123.txt")
    first_doc = SYNTHETIC.index(b"<DOCUMENT>")
    last_close = SYNTHETIC.rindex(b"</DOCUMENT>")
    if sub is not None and first_doc < cut <= last_close:
        # Cut inside the documents: one is left open, or fewer than PUBLIC DOCUMENT COUNT remain.
        found = {f.code for f in sub.findings}
        assert found & {"truncated", "document-count-mismatch"}, found


@FUZZ
@given(ops=edits)
def test_synthetic_random_edits(ops):
    parse_or_refuse(apply_edits(SYNTHETIC, ops))


@FUZZ
@given(data=st.binary(max_size=2048))
def test_arbitrary_bytes(data):
    parse_or_refuse(data, name="random.bin")


@FUZZ
@given(parts=st.lists(st.sampled_from(TOKENS + [b"x", b"0001234567", b"20240101"]), max_size=60))
def test_token_soup(parts):
    parse_or_refuse(b"".join(parts))


# --- real corpus files --------------------------------------------------------------------------


@pytest.mark.corpus
@needs_corpus
@pytest.mark.parametrize("name", CORPUS_FILES)
@FUZZ
@given(cut=st.floats(min_value=0, max_value=1))
def test_corpus_truncated_anywhere(name, cut):
    data = read_corpus_file(name)
    parse_or_refuse(data[: int(cut * len(data))], name=name.rsplit("/", 1)[-1])


@pytest.mark.corpus
@needs_corpus
@pytest.mark.parametrize("name", CORPUS_FILES)
@FUZZ
@given(ops=edits)
def test_corpus_random_edits(name, ops):
    data = read_corpus_file(name)
    parse_or_refuse(apply_edits(data, ops))
