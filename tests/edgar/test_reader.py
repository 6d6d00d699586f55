"""Envelope, documents, content kinds, encodings, findings and refusals (synthetic files)."""

import binascii
import datetime as dt
import gzip

import pytest

from filings.edgar import PARSER_VERSION, EdgarError, parse
from filings.edgar.model import uudecode
from filings.edgar.sniff import is_utf8, sniff_kind

ACC = "0000999999-24-000001"
PEM_HEAD = (
    b"-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n"
    b"Proc-Type: 2001,MIC-CLEAR\n"
    b"Originator-Name: webmaster@www.sec.gov\n"
    b"Originator-Key-Asymmetric:\n"
    b" MFgwCgYEVQgBAQICAf8DSgAwRwJAW2sNKK9AVtBzYZmr6aGjlWyK3XmZv3dTINen\n"
    b"MIC-Info: RSA-MD5,RSA,\n"
    b" Syg8r7Gqv0xusyC92yLHQg==\n"
    b"\n"
)
PEM_TAIL = b"-----END PRIVACY-ENHANCED MESSAGE-----\n"
HEADER = (
    f"ACCESSION NUMBER:\t\t{ACC}\n"
    "CONFORMED SUBMISSION TYPE:\t10-Q\n"
    "PUBLIC DOCUMENT COUNT:\t\t{count}\n"
    "FILED AS OF DATE:\t\t20240104\n"
    "\n"
    "FILER:\n"
    "\n"
    "\tCOMPANY DATA:\t\n"
    "\t\tCOMPANY CONFORMED NAME:\t\t\tEXAMPLE CORP\n"
    "\t\tCENTRAL INDEX KEY:\t\t\t0000999999\n"
)


def document(seq, type_, body: bytes, filename=None, description=None) -> bytes:
    meta = f"<DOCUMENT>\n<TYPE>{type_}\n<SEQUENCE>{seq}\n"
    if filename:
        meta += f"<FILENAME>{filename}\n"
    if description:
        meta += f"<DESCRIPTION>{description}\n"
    return meta.encode() + b"<TEXT>\n" + body + b"</TEXT>\n</DOCUMENT>\n"


def submission(*docs: bytes, count=None, pem=False, accession=ACC) -> bytes:
    count = len(docs) if count is None else count
    header = HEADER.format(count=count).replace(ACC, accession)
    data = (
        f"<SEC-DOCUMENT>{accession}.txt : 20240105\n"
        f"<SEC-HEADER>{accession}.hdr.sgml : 20240105\n"
        f"{header}</SEC-HEADER>\n"
    ).encode()
    data += b"".join(docs) + b"</SEC-DOCUMENT>\n"
    return PEM_HEAD + data + PEM_TAIL if pem else data


HTML = b"<html><body><p>Quarterly report</p></body></html>\n"
TEXT = b"<PAGE>  1\n                 QUARTERLY REPORT\n<TABLE>\n<S>   <C>\nCash  1,018\n</TABLE>\n"
TWO = submission(document(1, "10-Q", HTML, "q.htm", "QUARTERLY REPORT"), document(2, "EX-27", TEXT))


def codes(sub):
    return [f.code for f in sub.findings]


def uuencode(name: str, payload: bytes) -> bytes:
    lines = [binascii.b2a_uu(payload[i : i + 45]) for i in range(0, len(payload), 45)]
    return f"begin 644 {name}\n".encode() + b"".join(lines) + b"`\nend\n"


# -- documents -------------------------------------------------------------------------


def test_documents_in_file_order_with_their_tags():
    sub = parse(TWO, name="x.txt")
    assert [(d.type, d.sequence, d.filename, d.description) for d in sub.documents] == [
        ("10-Q", "1", "q.htm", "QUARTERLY REPORT"),
        ("EX-27", "2", None, None),
    ]
    assert all(d.closed for d in sub.documents)
    assert codes(sub) == []
    assert sub.size == len(TWO)
    assert isinstance(PARSER_VERSION, int)


def test_body_is_every_byte_between_text_and_its_close_tag():
    sub = parse(TWO)
    first, second = sub.documents
    assert TWO[first.start - len(b"<TEXT>") : first.start] == b"<TEXT>"
    assert TWO[first.end : first.end + len(b"</TEXT>")] == b"</TEXT>"
    assert first.text_bytes == len(HTML) + 1 == first.end - first.start
    assert bytes(first.body) == b"\n" + HTML
    assert first.text == "\n" + HTML.decode()
    assert second.text_bytes == len(TEXT) + 1
    assert TWO[first.block_start : first.block_start + 10] == b"<DOCUMENT>"
    assert TWO[: first.block_end].endswith(b"</DOCUMENT>")
    assert first.block_end <= second.block_start


def test_offsets_with_crlf_line_ends():
    data = TWO.replace(b"\n", b"\r\n")
    first, second = parse(data).documents
    assert bytes(first.body) == b"\r\n" + HTML.replace(b"\n", b"\r\n")
    assert data[first.start - 6 : first.start] == b"<TEXT>"
    assert first.text_bytes == 2 + len(HTML) + HTML.count(b"\n")


def test_body_without_a_line_break_after_text():
    data = TWO.replace(b"<TEXT>\n<html>", b"<TEXT><html>")
    (first, _) = parse(data).documents
    assert bytes(first.body) == HTML


def test_header_offsets():
    sub = parse(TWO)
    assert TWO[sub.header_start :].startswith(b"<SEC-HEADER>")
    assert TWO[: sub.header_end].endswith(b"</SEC-HEADER>")


# -- kinds -----------------------------------------------------------------------------


GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,"


@pytest.mark.parametrize(
    ("body", "filename", "kind"),
    [
        (HTML, "a.htm", "html"),
        (b'<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN">\n<html>x</html>', None, "html"),
        (b"<!-- generated -->\n<HTML><HEAD></HEAD></HTML>", None, "html"),
        (b"<div>a fragment</div>", None, "html"),
        (
            b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
            b'xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"><body>x</body></html>',
            "a.htm",
            "ixbrl",
        ),
        (b"<XBRL>\n<html><body><ix:header>x</ix:header></body></html>\n</XBRL>", None, "ixbrl"),
        (b"<XML>\n<?xml version='1.0'?>\n<ownershipDocument/>\n</XML>\n", "f.xml", "xml"),
        (b'<informationTable xmlns="http://www.sec.gov/edgar">x</informationTable>', None, "xml"),
        (b"%PDF-1.4\n%binary", "x.pdf", "pdf"),
        (TEXT, None, "text"),
        (b"Plain words on a page.\n", None, "text"),
        (b"<ARTICLE>\t5\n<CASH>\t1,018\n", None, "text"),
        (b"", None, "other"),
        (b"   \n", None, "other"),
        (b"// Edgar(tm) Renderer\nfunction x() {}\n", "Show.js", "other"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12 binary", None, "other"),
        (GIF, None, "image"),
    ],
)
def test_kinds(body, filename, kind):
    assert sniff_kind(body, filename) == (kind, None)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("logo.gif", "image"),
        ("photo.JPG", "image"),
        ("pic.jpeg", "image"),
        ("chart.png", "image"),
        ("scan.bmp", "image"),
        ("letter.pdf", "pdf"),
        ("Financial_Report.xlsx", "binary"),
        ("archive.zip", "binary"),
    ],
)
def test_uuencoded_bodies(name, kind):
    body = uuencode(name, GIF * 3)
    sub = parse(submission(document(1, "GRAPHIC", body, name)))
    (doc,) = sub.documents
    assert (doc.kind, doc.uuencoded_name) == (kind, name)
    assert doc.decoded_binary() == GIF * 3


def test_pdf_wrapper_with_uuencoded_pdf():
    pdf = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
    body = b"<PDF>\n" + uuencode("letter.pdf", pdf) + b"</PDF>\n"
    (doc,) = parse(submission(document(1, "LETTER", body, "letter.pdf"))).documents
    assert (doc.kind, doc.uuencoded_name) == ("pdf", "letter.pdf")
    assert doc.decoded_binary() == pdf


def test_not_uuencoded_means_no_decoded_binary():
    (doc,) = parse(submission(document(1, "10-Q", HTML))).documents
    assert doc.uuencoded_name is None
    assert doc.decoded_binary() is None


def test_uudecode_tolerates_damaged_lines():
    good = uuencode("x.gif", GIF)
    damaged = good.replace(b"\n", b"\n\x00\x7f\n", 1)
    assert uudecode(damaged) == GIF


# -- encodings -------------------------------------------------------------------------


def test_ascii_and_utf8_bodies_are_utf8():
    utf8 = "Caf\u00e9 \u2014 r\u00e9sum\u00e9\n".encode()
    sub = parse(submission(document(1, "10-Q", HTML), document(2, "EX-99", utf8)))
    assert [d.encoding for d in sub.documents] == ["utf-8", "utf-8"]
    assert sub.documents[1].text == "\nCaf\u00e9 \u2014 r\u00e9sum\u00e9\n"
    assert "encoding-fallback" not in codes(sub)


def test_other_bytes_fall_back_to_windows_1252_with_a_finding():
    cp1252 = "Caf\u00e9 \u201cquoted\u201d\n".encode("windows-1252")
    sub = parse(submission(document(1, "10-Q", HTML), document(2, "EX-99", cp1252)))
    assert [d.encoding for d in sub.documents] == ["utf-8", "windows-1252"]
    assert sub.documents[1].text == "\nCaf\u00e9 \u201cquoted\u201d\n"
    (finding,) = [f for f in sub.findings if f.code == "encoding-fallback"]
    assert "Document 2 (EX-99)" in finding.message
    assert finding.where == "document 2 (EX-99)"


def test_utf8_check_across_chunk_boundaries(monkeypatch):
    from filings.edgar import sniff

    monkeypatch.setattr(sniff, "CHUNK", 7)
    data = b"abc" + "\u00e9\u2014\u00e9".encode() * 5 + b"xyz"
    assert is_utf8(data, 0, len(data))
    assert not is_utf8(data[:-4] + b"\xe9", 0, len(data) - 3)
    assert is_utf8(b"x" * 30, 0, 30)


# -- findings --------------------------------------------------------------------------


def test_pem_wrapper():
    sub = parse(submission(document(1, "10-Q", TEXT), pem=True))
    assert sub.pem
    assert codes(sub) == ["pem-wrapper"]
    assert sub.accession == ACC
    assert len(sub.documents) == 1


def test_document_count_mismatch_states_both_numbers():
    sub = parse(submission(document(1, "10-Q", HTML), count=160))
    (finding,) = sub.findings
    assert finding.code == "document-count-mismatch"
    assert "160" in finding.message and "1 document" in finding.message


def test_truncated_inside_a_document():
    data = submission(document(1, "10-Q", HTML), document(2, "EX-27", TEXT * 20), pem=True)
    cut = data[: data.index(b"</TEXT>", data.index(b"<TYPE>EX-27")) - 40]
    sub = parse(cut)
    first, last = sub.documents
    assert first.closed and not last.closed
    assert last.end == last.block_end == len(cut)
    assert bytes(last.body) == cut[last.start :]
    (finding,) = [f for f in sub.findings if f.code == "truncated"]
    assert "document 2 (EX-27)" in finding.where
    assert "</SEC-DOCUMENT>" in finding.message and "PEM end line" in finding.message


def test_truncated_after_the_last_document():
    data = submission(document(1, "10-Q", HTML))
    sub = parse(data[: data.index(b"</SEC-DOCUMENT>")])
    assert sub.documents[0].closed
    (finding,) = sub.findings
    assert finding.code == "truncated"
    assert "</SEC-DOCUMENT>" in finding.message


def test_missing_pem_end_line_is_truncation():
    data = submission(document(1, "10-Q", HTML), pem=True)
    sub = parse(data[: data.index(PEM_TAIL)])
    assert codes(sub) == ["pem-wrapper", "truncated"]
    assert "PEM end line" in sub.findings[1].message


def test_a_document_that_loses_its_end_tags_before_the_next_one():
    broken = document(1, "10-Q", HTML).replace(b"</TEXT>\n</DOCUMENT>\n", b"")
    sub = parse(submission(broken, document(2, "EX-99", TEXT)))
    first, second = sub.documents
    assert not first.closed and second.closed
    assert bytes(first.body) == b"\n" + HTML
    assert second.type == "EX-99"
    (finding,) = [f for f in sub.findings if f.code == "truncated"]
    assert finding.where.startswith("document 1 (10-Q)")


@pytest.mark.parametrize(
    "filler",
    [
        b"<p>Plain prose, an X now and then.</p>\n" + b"<p>More lines of it.</p>\n" * 900,
        b"XX XT> EXT> NEXT> TEXT X-RAY\n" * 900,  # X's close together all the way
        uuencode("chart.gif", bytes(range(256)) * 40),
    ],
    ids=["x-rare", "x-common", "uuencoded"],
)
def test_the_end_of_a_body_is_found_however_common_x_is(filler):
    # The scan for </TEXT> stops at each X, or hands over to another search where X's are
    # common: either way every body ends at its own </TEXT>, and one that lost its end
    # tags ends where the next document starts.
    body = filler + b"<b>TEXTS> and TEXT&gt; are not tags</b>\n"
    broken = document(2, "EX-99", body).replace(b"</TEXT>\n</DOCUMENT>\n", b"")
    sub = parse(submission(document(1, "EX-99", body), broken, document(3, "EX-27", TEXT)))
    first, second, third = sub.documents
    assert bytes(first.body) == bytes(second.body) == b"\n" + body
    assert first.closed and not second.closed and third.closed
    assert bytes(third.body) == b"\n" + TEXT
    assert [f.where for f in sub.findings if f.code == "truncated"] == [
        f"document 2 (EX-99), byte {second.end}"
    ]


def test_tag_names_inside_a_body_do_not_split_it():
    body = b"Tags such as\n<TEXT>\nand\n<DOCUMENT> x\n<TYPE>\nare quoted here.\n"
    sub = parse(submission(document(1, "CORRESP", body), document(2, "EX-99", TEXT)))
    first, second = sub.documents
    assert bytes(first.body) == b"\n" + body
    assert first.closed and second.closed
    assert codes(sub) == []


def test_concatenated_copies_keep_the_first_copy_only():
    one = submission(document(1, "10-Q", HTML), document(2, "EX-27", TEXT), pem=True)
    sub = parse(one * 3)
    assert len(sub.documents) == 2
    assert sub.documents[-1].block_end < len(one)
    (finding,) = [f for f in sub.findings if f.code == "concatenated-copies"]
    assert "3 copies" in finding.message
    assert finding.where == f"byte {len(one)}"


def test_a_different_submission_appended():
    first = submission(document(1, "10-Q", HTML))
    other = submission(document(1, "8-K", HTML), accession="0000888888-24-000002")
    sub = parse(first + other)
    assert [d.type for d in sub.documents] == ["10-Q"]
    (finding,) = [f for f in sub.findings if f.code == "concatenated-copies"]
    assert "0000888888-24-000002" in finding.message


def test_trailing_data():
    sub = parse(TWO + b"garbage after the end\n")
    assert codes(sub) == ["trailing-data"]


def test_leading_data():
    sub = parse(b"HTTP/1.1 200 OK\nContent-Type: text/plain\n\n" + TWO)
    assert codes(sub) == ["leading-data"]
    assert sub.accession == ACC and len(sub.documents) == 2


def test_documents_with_no_header():
    data = document(1, "S-3/A", TEXT) + document(2, "EX-23", TEXT)
    sub = parse(data, name="0000899681-95-000096.no-header.txt")
    assert (sub.dialect, sub.envelope) == ("none", "none")
    assert sub.accession == "0000899681-95-000096"
    assert codes(sub) == ["no-header", "accession-from-filename"]
    assert [d.type for d in sub.documents] == ["S-3/A", "EX-23"]
    assert sub.form is None and sub.parties == ()


def test_no_header_and_no_accession_in_the_name():
    sub = parse(document(1, "S-3/A", TEXT), name="upload.txt")
    assert sub.accession is None
    assert codes(sub) == ["no-header"]


@pytest.mark.parametrize(
    "first_line",
    ["<ACCEPTANCE-DATETIME>20230606213204\n", "\n<PRIVATE-TO-PUBLIC>\n", ""],
)
def test_header_text_without_an_envelope(first_line):
    data = (first_line + HEADER.format(count=1)).encode()
    sub = parse(data)
    assert (sub.dialect, sub.envelope) == ("space", "none")
    assert sub.accession == ACC
    assert sub.documents == ()
    assert codes(sub) == ["no-envelope", "document-count-mismatch"]
    assert sub.parties[0].cik == "0000999999"


def test_count_mismatch_wording():
    (none,) = parse(submission(count=2)).findings
    assert "holds no documents" in none.message
    (short,) = parse(submission(document(1, "8-K", HTML), count=2)).findings
    assert "small shortfall" in short.message
    (far,) = parse(submission(document(1, "8-K", HTML), count=9)).findings
    assert "small shortfall" not in far.message


def test_header_only_hdr_sgml_file():
    data = (
        f"<SEC-HEADER>{ACC}.hdr.sgml : 20231016\n" + HEADER.format(count=2) + "</SEC-HEADER>"
    ).encode()
    sub = parse(data)
    assert (sub.dialect, sub.envelope) == ("space", "header-only")
    assert sub.dissemination_date == dt.date(2023, 10, 16)
    assert codes(sub) == ["document-count-mismatch"]


def test_pds_feed():
    data = b"<SUBMISSION>\n<ACCESSION-NUMBER>" + ACC.encode() + b"\n<TYPE>10-Q\n"
    data += document(1, "10-Q", TEXT) + b"</SUBMISSION>\n"
    sub = parse(data)
    assert (sub.dialect, sub.envelope) == ("tag", "submission")
    assert codes(sub) == ["pds-feed"]
    assert [d.type for d in sub.documents] == ["10-Q"]


def test_reindented_file_is_read_and_flagged():
    indented = b"\n".join(b"    " + line if line else line for line in TWO.split(b"\n"))
    sub = parse(indented)
    assert "reindented" in codes(sub)
    assert sub.accession == ACC
    assert sub.parties[0].cik == "0000999999"
    assert [d.type for d in sub.documents] == ["10-Q", "EX-27"]
    assert not sub.unknown_lines


def test_unknown_header_line_finding():
    data = TWO.replace(b"FILER:\n", b"WHAT IS THIS\nFILER:\n")
    sub = parse(data)
    assert codes(sub) == ["unknown-header-line"]
    assert sub.unknown_lines[0].text == "WHAT IS THIS"


def test_findings_are_sentences():
    data = submission(document(1, "10-Q", b"\xe9t\xe9\n"), count=3, pem=True)
    sub = parse(data[: -len(PEM_TAIL)])
    assert len(sub.findings) == 4
    for finding in sub.findings:
        assert finding.message[0].isupper() and finding.message.endswith(".")
        assert finding.where


# -- refusals --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b" \r\n\t\n", "empty"),
        (b"\xef\xbb\xbf\n", "empty"),
        (b"<!DOCTYPE html>\n<html><head><title>Page Not Found</title></head></html>", "html-page"),
        (b"<html><body>Request Rate Threshold Exceeded</body></html>", "html-page"),
        (
            b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code>'
            b"<Message>The specified key does not exist.</Message></Error>",
            "xml-error-page",
        ),
        (gzip.compress(TWO), "binary"),
        (b"PK\x03\x04" + b"\x00" * 100, "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary"),
        (b"ACCESSION NUMBER:\x00\x00\x00" * 30, "binary"),
        ("<SEC-DOCUMENT>x.txt : 20240105\n".encode("utf-16"), "binary"),
        (b"Dear shareholders,\nthis is a letter and not a filing.\n", "no-filing-content"),
        (
            b'<?xml version="1.0"?>\n<ownershipDocument><a/></ownershipDocument>',
            "no-filing-content",
        ),
    ],
)
def test_refusals_name_the_file(data, code):
    with pytest.raises(EdgarError) as info:
        parse(data, name="upload-17.txt")
    assert info.value.code == code
    assert info.value.message.startswith("upload-17.txt: ")


def test_xml_error_page_message_says_the_code_and_message():
    data = (
        b"<?xml version='1.0'?><Error><Code>NoSuchKey</Code><Message>The specified key does "
        b"not exist.</Message><Key>edgar/data/1/x.txt</Key></Error>"
    )
    with pytest.raises(EdgarError) as info:
        parse(data, name="s3.txt")
    assert "NoSuchKey" in info.value.message
    assert "The specified key does not exist." in info.value.message


def test_html_page_message_gives_the_title():
    with pytest.raises(EdgarError) as info:
        parse(b"<html><head><title>EDGAR Search</title></head></html>", name="p.txt")
    assert "EDGAR Search" in info.value.message


def test_refusal_without_a_name():
    with pytest.raises(EdgarError) as info:
        parse(b"")
    assert info.value.code == "empty"
    assert info.value.message


def test_binary_document_bodies_do_not_refuse_the_file():
    data = document(1, "GRAPHIC", b"\x00\x01\x02\x03" * 300, "x.bin")
    sub = parse(data, name="x.txt")
    assert sub.documents[0].kind == "other"


# -- robustness ------------------------------------------------------------------------


def test_every_prefix_of_a_filing_is_read_or_refused():
    data = submission(
        document(1, "10-Q", HTML, "q.htm"),
        document(2, "GRAPHIC", uuencode("a.gif", GIF), "a.gif"),
        pem=True,
    )
    for end in range(len(data) + 1):
        try:
            sub = parse(data[:end])
        except EdgarError:
            continue
        for doc in sub.documents:
            assert doc.block_start <= doc.start <= doc.end <= doc.block_end <= end
            assert isinstance(doc.text, str)
            assert isinstance(doc.decoded_binary(), (bytes, type(None)))


def test_damaged_closing_tags_everywhere_stay_linear():
    data = submission(b"<DOCUMENT>\n<TYPE>X\n<TEXT>\nabc\n" * 20000, count=20000)
    sub = parse(data)
    assert len(sub.documents) == 20000
    assert not any(d.closed for d in sub.documents)
    # The last body stops at </SEC-DOCUMENT>: the envelope itself is complete.
    assert bytes(sub.documents[-1].body) == b"\nabc\n"
    assert {f.code for f in sub.findings} == {"truncated"}
