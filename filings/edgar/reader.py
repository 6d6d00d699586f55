"""Uploaded bytes -> Submission: envelope, header, documents and data-quality findings.

Everything works on byte offsets into the upload. Document bodies are never
decoded or copied here: each one is located in one pass over it (_Reader.text_close),
sniffed from its first few KB, and checked for UTF-8 (whole file at once when it is
ASCII).
"""

from __future__ import annotations

import re

from . import header as hdr
from . import items
from .model import Document, EdgarError, Finding, ItemRef, Submission
from .sniff import SNIFF_BYTES, is_utf8, sniff_kind

PEM_BEGIN = b"-----BEGIN PRIVACY-ENHANCED MESSAGE-----"
PEM_END = b"-----END PRIVACY-ENHANCED MESSAGE-----"

# Opening tag -> (envelope name, closing tag).
ENVELOPES = {
    b"<SEC-DOCUMENT>": ("sec-document", b"</SEC-DOCUMENT>"),
    b"<IMS-DOCUMENT>": ("ims-document", b"</IMS-DOCUMENT>"),
    b"<SUBMISSION>": ("submission", b"</SUBMISSION>"),
}
HEADER_TAGS = {b"<SEC-HEADER>": b"</SEC-HEADER>", b"<IMS-HEADER>": b"</IMS-HEADER>"}
DOC_OPEN, DOC_CLOSE = b"<DOCUMENT>", b"</DOCUMENT>"
TEXT_OPEN, TEXT_CLOSE = b"<TEXT>", b"</TEXT>"

ACCESSION = re.compile(rb"(\d{10})-?(\d{2})-?(\d{6})")
_NAME_ACCESSION = re.compile(r"(?<!\d)(\d{10})-?(\d{2})-?(\d{6})(?!\d)")
# The tail of both <TEXT> and </TEXT>; see _Reader.text_close.
_TEXT_TAIL = re.compile(rb"XT>")
# text_close() leaves its one-byte search for the regex when this many X's in a row, none
# of them in "TEXT>", come closer together than this span (under 1 KB apart on average).
_X_RUN, _X_RUN_SPAN = 16, 16384
_STAMP_DATE = re.compile(rb":[ \t]*(\d{8})")
_LEADING_SPACE = re.compile(rb"(?:\xef\xbb\xbf)?\s*")
_BLANK_LINE = re.compile(rb"\r?\n[ \t]*\r?\n|\r[ \t]*\r")
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_META = re.compile(rb"<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[ \t]*([^\r\n]*?)(?=[\r\n]|<[A-Z/]|$)")
# The first line of a header that lost its <SEC-HEADER> wrapper: a top-level key or tag.
_HEADER_START = re.compile(
    rb"[ \t]*(?:<(?:%s)>|(?:%s)[ \t]*:)"
    % (
        b"|".join(re.escape(t.encode()) for t in (*hdr.TOP_TAGS, *hdr.TAG_KEYS)),
        b"|".join(re.escape(k.encode()) for k in (*hdr.TOP_KEYS, *hdr.PARTY_KEYS)),
    )
)
# Structure that marks EDGAR content when something else comes before it.
_MARKER = re.compile(
    rb"^[ \t]*(?:<SEC-DOCUMENT>|<IMS-DOCUMENT>|<SUBMISSION>|<SEC-HEADER>|<IMS-HEADER>"
    rb"|-----BEGIN PRIVACY-ENHANCED MESSAGE-----|<DOCUMENT>\s*<TYPE>)",
    re.MULTILINE,
)
_BINARY_MAGIC = {
    b"\x1f\x8b": "a gzip-compressed file",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"BZh": "a bzip2-compressed file",
    b"\xfd7zXZ": "an xz-compressed file",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
}
# First bytes of the magic numbers above: a text file is told apart by its first byte.
_MAGIC_FIRST = frozenset(magic[:1] for magic in _BINARY_MAGIC)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# The same bytes, for counting with bytes.translate (four times as fast as findall).
_CONTROL_BYTES = bytes(b for b in range(256) if _CONTROL.match(bytes((b,))))
_XML_ERROR = re.compile(rb"<Error>.*?</Error>", re.DOTALL)
_HTML_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.DOTALL | re.IGNORECASE)
_XML_ROOT = re.compile(rb"<([A-Za-z_][-\w.:]*)")


def parse(data: bytes, name: str | None = None) -> Submission:
    """Read one complete submission (or what is left of one).

    Raises EdgarError when the input is not an EDGAR filing at all.
    """
    if not isinstance(data, bytes):
        data = bytes(data)
    return _Reader(data, name).read()


def accession_from_name(name: str | None) -> str | None:
    """NNNNNNNNNN-NN-NNNNNN from a file name such as 0000899681-95-000096.txt."""
    if not name:
        return None
    m = _NAME_ACCESSION.search(name.replace("\\", "/").rsplit("/", 1)[-1])
    return "-".join(m.groups()) if m else None


class _Reader:
    def __init__(self, data: bytes, name: str | None):
        self.data = data
        self.name = name
        self.label = name or "the input"
        self.findings: list[Finding] = []
        self.pem = False
        self.envelope = "none"
        self.env_close: bytes | None = None
        self.stamp_accession: str | None = None
        self.stamp_date: str | None = None
        self.reindented_where: str | None = None
        self.header_start = self.header_end = 0
        self.header: hdr.Header | None = None
        self.missing: list[str] = []  # what the file lacks at its end, in words
        self.missing_where: str | None = None

    # -- the whole file ------------------------------------------------------------

    def read(self) -> Submission:
        data = self.data
        pos = _LEADING_SPACE.match(data).end()
        if pos >= len(data):
            raise EdgarError(
                "empty",
                f"{self.label}: the file is empty"
                + (" (it holds only blank space)." if data else "."),
            )
        _refuse_binary(data, pos, self.label)
        if data.startswith(PEM_BEGIN, pos):
            self.pem = True
            pos = self.skip_pem_preamble(pos)
        docs_from = self.envelope_and_header(pos)
        documents = self.documents(docs_from)
        return self.submission(documents)

    def skip_pem_preamble(self, pos: int) -> int:
        """The PEM preamble (Proc-Type, keys, MIC-Info) ends at its first blank line."""
        blank = _BLANK_LINE.search(self.data, pos, pos + 8192)
        end = blank.end() if blank else self.data.find(b"<", pos)
        if end < 0:
            end = len(self.data)
        self.findings.append(
            Finding(
                "pem-wrapper",
                "The submission is wrapped in a privacy-enhanced message (PEM) envelope, as "
                "EDGAR served filings until about 2010; the wrapper was skipped.",
                "byte 0",
            )
        )
        return _LEADING_SPACE.match(self.data, end).end()

    def envelope_and_header(self, pos: int) -> int:
        """Recognise what starts at `pos`, read the header; return where documents start."""
        while True:
            docs_from = self.recognise(pos)
            if docs_from is not None:
                return docs_from
            pos = self.after_leading_data(pos)

    def recognise(self, pos: int) -> int | None:
        data = self.data
        for tag, (envelope, close) in ENVELOPES.items():
            if data.startswith(tag, pos):
                self.envelope, self.env_close = envelope, close
                self.note_indent(pos)
                if envelope == "submission":
                    return self.tag_header(pos)
                self.read_stamp(pos)
                return self.after_envelope_line(_next_line(data, pos))
        for tag in HEADER_TAGS:
            if data.startswith(tag, pos):
                self.envelope = "header-only"
                return self.wrapped_header(pos, tag)
        if data.startswith(DOC_OPEN, pos):
            self.no_header(pos)
            return pos
        if _HEADER_START.match(data, pos):
            return self.bare_header(pos)
        return None

    def after_envelope_line(self, pos: int) -> int:
        data = self.data
        start = _LEADING_SPACE.match(data, pos).end()
        for tag in HEADER_TAGS:
            if data.startswith(tag, start):
                self.note_indent(start)
                return self.wrapped_header(start, tag)
        if data.startswith(DOC_OPEN, start):
            self.no_header(start)
            return start
        # Header lines straight after <SEC-DOCUMENT>, without <SEC-HEADER>.
        end = _first_of(data, (b"</SEC-HEADER>", DOC_OPEN, self.env_close), pos)
        self.read_header(pos, end)
        return end

    def wrapped_header(self, pos: int, tag: bytes) -> int:
        """<SEC-HEADER>{acc}.hdr.sgml : {date} ... </SEC-HEADER>."""
        data = self.data
        close = HEADER_TAGS[tag]
        self.read_stamp(pos)
        text_start = _next_line(data, pos)
        end = data.find(close, text_start)
        if end >= 0:
            self.read_header(text_start, end)
            self.header_start, self.header_end = pos, end + len(close)
            return end + len(close)
        end = _first_of(data, (DOC_OPEN,) + ((self.env_close,) if self.env_close else ()), pos)
        self.read_header(text_start, end)
        self.header_start = pos
        return end

    def tag_header(self, pos: int) -> int:
        """PDS feed: <SUBMISSION> then tag lines up to the first <DOCUMENT>."""
        self.findings.append(
            Finding(
                "pds-feed",
                "This is an EDGAR dissemination feed (.nc) file: a <SUBMISSION> root with a "
                "tag-style header, not the complete-submission .txt. It was read with the tag "
                "dialect.",
                "byte 0",
            )
        )
        # Feed files may run every tag together on one line: the header starts right here.
        start = pos + len(b"<SUBMISSION>")
        end = _first_of(self.data, (DOC_OPEN, self.env_close), start)
        self.read_header(start, end)
        return end

    def bare_header(self, pos: int) -> int:
        """Header text with no <SEC-DOCUMENT> or <SEC-HEADER> around it."""
        data = self.data
        start = _line_start(data, pos)
        end = _first_of(data, (b"</SEC-HEADER>", DOC_OPEN), start)
        self.read_header(start, end)
        self.findings.append(
            Finding(
                "no-envelope",
                "The file starts with header lines but has no <SEC-DOCUMENT> or <SEC-HEADER> "
                "wrapper: it is a copy of the header text only, not the file EDGAR serves.",
                f"header line {_line_number(data, pos)}",
            )
        )
        if data.startswith(b"</SEC-HEADER>", end):
            end += len(b"</SEC-HEADER>")
        return end

    def no_header(self, pos: int) -> None:
        self.header_start = self.header_end = pos
        self.findings.append(
            Finding(
                "no-header",
                "The file has documents but no EDGAR header, so the accession number, form type, "
                "dates and parties are unknown.",
                f"byte {pos}",
            )
        )

    def after_leading_data(self, pos: int) -> int:
        """Skip whatever comes before the EDGAR content, or refuse the file."""
        data = self.data
        marker = _MARKER.search(data, pos)
        if marker is None:
            raise _not_a_filing(data, pos, self.label)
        start = _LEADING_SPACE.match(data, marker.start()).end()
        if not any(f.code == "leading-data" for f in self.findings):
            self.findings.append(
                Finding(
                    "leading-data",
                    f"The file starts with {start - pos} bytes that are not part of an EDGAR "
                    "submission; reading began at the EDGAR content that follows them.",
                    f"byte {start}",
                )
            )
        if data.startswith(PEM_BEGIN, start):
            self.pem = True
            return self.skip_pem_preamble(start)
        return start

    def read_stamp(self, pos: int) -> None:
        """Accession and date on an envelope line: <SEC-HEADER>{acc}.hdr.sgml : {date}."""
        line = _first_line(self.data, pos)
        acc = ACCESSION.search(line)
        if acc and self.stamp_accession is None:
            self.stamp_accession = b"-".join(acc.groups()).decode()
        date = _STAMP_DATE.search(line)
        if date:
            self.stamp_date = date.group(1).decode()

    def read_header(self, start: int, end: int) -> None:
        data = self.data
        self.header_start, self.header_end = start, end
        self.header = hdr.parse_header(_decode(data[start:end]), _line_number(data, start))
        if self.header.indented_line is not None:
            self.reindented(f"header line {self.header.indented_line}")

    def note_indent(self, pos: int) -> None:
        """EDGAR writes its tags in column 0; leading blanks mean the file was re-indented."""
        data = self.data
        if pos and data[pos - 1] in b" \t":
            start = _line_start(data, pos)
            if not data[start:pos].strip():
                self.reindented(f"header line {_line_number(data, pos)}")

    def reindented(self, where: str) -> None:
        if self.reindented_where is None:
            self.reindented_where = where

    # -- documents -----------------------------------------------------------------

    def documents(self, pos: int) -> list[Document]:
        data = self.data
        size = len(data)
        ascii_file = data.isascii()
        # Positions only move forward, so each tag's next occurrence is searched for once
        # per stretch of bytes, even in damaged files where tags go missing.
        self.next_doc_open = _NextOccurrence(data, DOC_OPEN)
        self.next_doc_close = _NextOccurrence(data, DOC_CLOSE)
        self.next_text_open = _NextOccurrence(data, TEXT_OPEN)
        self.next_text_close = _NextOccurrence(data, TEXT_CLOSE)
        self.text_scanned = 0  # how far text_close() has looked
        docs: list[Document] = []
        while pos < size:
            start = self.next_doc_open(pos)
            if self.env_close is not None:
                close = data.find(self.env_close, pos, start if start >= 0 else size)
                if close >= 0:
                    self.after_envelope(close + len(self.env_close), len(docs))
                    return docs
            if start < 0:
                break
            if data[start - 1 : start] in (b" ", b"\t"):
                self.reindented_doc(start)
            doc = self.document(start, len(docs) + 1, ascii_file)
            docs.append(doc)
            pos = doc.block_end
        # The end of the file came before the end of the envelope.
        if self.env_close is not None:
            self.lacks(self.env_close.decode(), f"byte {size}")
        if self.pem:
            self.lacks("the PEM end line", f"byte {size}")
        return docs

    def reindented_doc(self, pos: int) -> None:
        if self.reindented_where is None:
            line = self.data[_line_start(self.data, pos) : pos]
            if not line.strip():
                self.reindented(f"byte {pos}")

    def document(self, block_start: int, number: int, ascii_file: bool) -> Document:
        data = self.data
        size = len(data)
        meta_start = block_start + len(DOC_OPEN)
        text = self.next_text_open(meta_start)
        limit = text if text >= 0 else size
        if limit - meta_start <= 4096:
            # metadata_end() for the usual short metadata, inlined.
            found = data.find(DOC_CLOSE, meta_start, limit)
            if found >= 0:
                limit = found
            found = data.find(DOC_OPEN, meta_start, limit)
            if found >= 0:
                limit = found
        else:
            limit = self.metadata_end(meta_start, limit)
        if limit != text:
            meta = _metadata(data[meta_start:limit])
            closed = data.startswith(DOC_CLOSE, limit)
            if not closed:
                self.breaks_off(number, meta.get("TYPE"), "<TEXT>", limit)
            block_end = limit + len(DOC_CLOSE) if closed else limit
            return self.make_document(meta, limit, limit, block_start, block_end, closed, True)
        meta = _metadata(data[meta_start:text])
        # The body is every byte between <TEXT> and </TEXT>, line breaks included.
        body_start = text + len(TEXT_OPEN)
        body_end, opened = self.text_close(body_start)
        if body_end < 0:
            body_end = size
        # A body normally holds no <TEXT>; when it does (or has no </TEXT> at all), see
        # whether the </TEXT> found belongs to a later document.
        next_doc = -1
        if opened or body_end == size:
            next_doc = self.next_document(body_start, body_end)
        if next_doc >= 0 or body_end == size:
            # No </TEXT>: the body runs to the next document, to the end of the envelope,
            # or to the end of the file.
            body_end = self.envelope_end(body_start, next_doc if next_doc >= 0 else size)
            self.breaks_off(number, meta.get("TYPE"), "</TEXT> and </DOCUMENT>", body_end)
            return self.make_document(
                meta, body_start, body_end, block_start, body_end, False, ascii_file
            )
        after = body_end + len(TEXT_CLOSE)
        doc_close = self.next_doc_close(after)
        doc_open = self.next_doc_open(after)
        closed = doc_close >= 0 and not 0 <= doc_open < doc_close
        if closed:
            block_end = doc_close + len(DOC_CLOSE)
        else:
            block_end = after
            self.breaks_off(number, meta.get("TYPE"), "</DOCUMENT>", after)
        return self.make_document(
            meta, body_start, body_end, block_start, block_end, closed, ascii_file
        )

    def text_close(self, start: int) -> tuple[int, bool]:
        """The next </TEXT> from `start` (-1 if none) and whether a <TEXT> comes first.

        Both tags end in "TEXT>", so one pass over the body finds both: this is the only
        full pass over a body while reading, besides the UTF-8 check. The pass stops at
        each "X", which is rare in HTML and text (one in 10 KB): bytes.find of one byte
        runs at memory speed, several times as fast as a search for "TEXT>", whose needle
        is too short for bytes.find's fast search. Where X is common (uuencoded files,
        one byte in 64), the pass goes on with a regex for "XT>", whose loop over the
        X's runs in C: still about 1.4 times as fast as bytes.find for "TEXT>".
        """
        data = self.data
        if start < self.text_scanned:
            # A damaged file, where the scan for an earlier body ran past this one.
            close = self.next_text_close(start)
            opened = self.next_text_open(start)
            return close, 0 <= opened and (close < 0 or opened < close)
        pos, opened = start, False
        find = data.find
        # A uuencoded body ("begin 644 name" at its top) goes straight to the regex.
        misses = _X_RUN if b"begin " in data[start : start + 64] else 0
        since = start
        while misses < _X_RUN:  # until the X's come thick; then the regex below
            x = find(b"X", pos + 2)
            if x < 0:
                self.text_scanned = len(data)
                return -1, opened
            hit = x - 2  # where "TEXT>" would start
            if data[hit : x + 3] != b"TEXT>":
                pos = hit + 1
                misses += 1
                if misses == _X_RUN and x - since >= _X_RUN_SPAN:
                    misses, since = 0, x  # the X's are far apart: keep to bytes.find
                continue
            if data[hit - 2 : hit] == b"</":
                self.text_scanned = hit
                return hit - 2, opened
            opened = opened or data[hit - 1 : hit] == b"<"
            pos = hit + 5
        search = _TEXT_TAIL.search
        while True:
            found = search(data, pos + 2)
            if found is None:
                self.text_scanned = len(data)
                return -1, opened
            hit = found.start() - 2
            if data[hit : hit + 2] != b"TE":
                pos = hit + 1
                continue
            if data[hit - 2 : hit] == b"</":
                self.text_scanned = hit
                return hit - 2, opened
            opened = opened or data[hit - 1 : hit] == b"<"
            pos = hit + 5

    def metadata_end(self, start: int, text: int) -> int:
        """The metadata ends at <TEXT>, unless the block closes or another starts first."""
        if text - start <= 4096:
            return _first_of(self.data, (DOC_CLOSE, DOC_OPEN), start, text)
        # A block with no <TEXT> of its own: the remembered searches keep this linear.
        limit = text
        for found in (self.next_doc_close(start), self.next_doc_open(start)):
            if 0 <= found < limit:
                limit = found
        return limit

    def envelope_end(self, start: int, end: int) -> int:
        """Where a line-start envelope close tag in data[start:end] is, else `end`."""
        if self.env_close is None:
            return end
        found = self.data.find(self.env_close, start, end)
        while found >= 0:
            if self.data[found - 1 : found] in (b"\n", b"\r"):
                return found
            found = self.data.find(self.env_close, found + 1, end)
        return end

    def next_document(self, start: int, end: int) -> int:
        """A <DOCUMENT> line followed by <TYPE> inside data[start:end], or -1.

        Only a body that lost its </TEXT> holds one: the search for </TEXT> then ran
        into the next document.
        """
        data = self.data
        found = self.next_doc_open(start)
        while 0 <= found < end:
            after = data[found + len(DOC_OPEN) : found + 40].lstrip()
            if data[found - 1 : found] in (b"\n", b"\r") and after.startswith(b"<TYPE>"):
                return found
            found = self.next_doc_open(found + len(DOC_OPEN))
        return -1

    def make_document(
        self,
        meta: dict[str, str],
        start: int,
        end: int,
        block_start: int,
        block_end: int,
        closed: bool,
        ascii_body: bool,
    ) -> Document:
        data = self.data
        filename = meta.get("FILENAME")
        kind, uu_name = sniff_kind(data[start : min(end, start + SNIFF_BYTES)], filename)
        encoding = "utf-8"
        if not ascii_body and not is_utf8(data, start, end):
            encoding = "windows-1252"
        doc = Document(
            type=meta.get("TYPE"),
            sequence=meta.get("SEQUENCE"),
            filename=filename,
            description=meta.get("DESCRIPTION"),
            start=start,
            end=end,
            block_start=block_start,
            block_end=block_end,
            kind=kind,
            encoding=encoding,
            uuencoded_name=uu_name,
            closed=closed,
            source=data,
        )
        if encoding != "utf-8":
            self.findings.append(
                Finding(
                    "encoding-fallback",
                    f"{_capital(_doc_label(doc))} is not valid UTF-8; it is read as Windows-1252.",
                    _doc_label(doc),
                )
            )
        return doc

    def breaks_off(self, number: int, doc_type: str | None, missing: str, at: int) -> None:
        """Document `number` lacks `missing`: at the end of the file, or before the next one."""
        label = f"document {number}" + (f" ({doc_type})" if doc_type else "")
        if _LEADING_SPACE.match(self.data, at).end() >= len(self.data):
            self.lacks(f"the {missing} of {label}", f"{label}, byte {at}")
            return
        ends_envelope = self.env_close is not None and self.data.startswith(self.env_close, at)
        following = "the end of the submission" if ends_envelope else "the next document"
        self.findings.append(
            Finding(
                "truncated",
                f"{_capital(label)} breaks off at byte {at}: it has no {missing} "
                f"before {following}, so part of it is missing.",
                f"{label}, byte {at}",
            )
        )

    def lacks(self, what: str, where: str) -> None:
        self.missing.append(what)
        self.missing_where = self.missing_where or where

    # -- after the envelope --------------------------------------------------------

    def after_envelope(self, pos: int, doc_count: int) -> None:
        """Check the PEM end line, then look for copies or junk after the submission."""
        data = self.data
        pos = _LEADING_SPACE.match(data, pos).end()
        if self.pem:
            if data.startswith(PEM_END, pos):
                pos = _LEADING_SPACE.match(data, pos + len(PEM_END)).end()
            else:
                self.lacks("the PEM end line", f"byte {pos}")
        if pos >= len(data):
            return
        opener = next((t for t, (e, _) in ENVELOPES.items() if e == self.envelope), b"")
        if data.startswith(PEM_BEGIN, pos) or data.startswith(opener, pos):
            self.copies(pos, opener, doc_count)
        else:
            self.findings.append(
                Finding(
                    "trailing-data",
                    f"The submission ends at byte {pos} but the file goes on for "
                    f"{len(data) - pos} more bytes that are not part of it; they were ignored.",
                    f"byte {pos}",
                )
            )

    def copies(self, pos: int, opener: bytes, doc_count: int) -> None:
        data = self.data
        count = max(data.count(opener, pos), data.count(PEM_BEGIN, pos), 1)
        first = data.find(opener, pos)
        acc = ACCESSION.search(_first_line(data, first)) if first >= 0 else None
        other = b"-".join(acc.groups()).decode() if acc else None
        ours = self.header.first("ACCESSION NUMBER") if self.header else None
        ours = ours or self.stamp_accession
        if other is None or other == ours:
            message = (
                f"The file holds {count + 1} copies of this submission back to back (the "
                f"first followed by {count} more); only the first copy's {doc_count} "
                "documents were read."
            )
        else:
            message = (
                f"The submission is followed by {count} more submission(s) in the same file, "
                f"the first with accession number {other}; only the first submission was read."
            )
        self.findings.append(Finding("concatenated-copies", message, f"byte {pos}"))

    # -- the result ----------------------------------------------------------------

    def submission(self, documents: list[Document]) -> Submission:
        header = self.header or hdr.Header()
        # header.first(), looked up once: the first value of each top-level key.
        firsts: dict[str, str] = {}
        for key, value, _ in header.top:
            if key not in firsts:
                firsts[key] = value
        first = firsts.get
        accession = first("ACCESSION NUMBER") or self.stamp_accession
        if not accession:
            accession = accession_from_name(self.name)
            if accession:
                self.findings.append(
                    Finding(
                        "accession-from-filename",
                        f"No accession number is stated in the file; {accession} was taken "
                        f"from the file name {self.name}.",
                        "file name",
                    )
                )
        filed = hdr.parse_date(first("FILED AS OF DATE"))
        pdc_raw = first("PUBLIC DOCUMENT COUNT")
        pdc = int(pdc_raw) if pdc_raw and pdc_raw.isdigit() else None
        item_values = [(v, w) for k, v, w in header.top if k in ("ITEM INFORMATION", "ITEMS")]
        findings = self.file_findings(header, pdc, len(documents))
        return Submission(
            accession=accession,
            form=first("CONFORMED SUBMISSION TYPE") or None,
            public_document_count=pdc,
            filed_date=filed,
            period_of_report=hdr.parse_date(first("CONFORMED PERIOD OF REPORT")),
            date_as_of_change=hdr.parse_date(first("DATE AS OF CHANGE")),
            effectiveness_date=hdr.parse_date(first("EFFECTIVENESS DATE")),
            acceptance_datetime=hdr.parse_datetime(first("ACCEPTANCE-DATETIME")),
            dissemination_date=hdr.parse_date(self.stamp_date),
            dialect=self.dialect(header),
            envelope=self.envelope,
            pem=self.pem,
            items=tuple(v for v, _ in item_values),
            item_refs=tuple(_item_ref(v, w, filed) for v, w in item_values),
            group_members=tuple(header.values("GROUP MEMBERS")),
            fields=tuple(header.fields),
            parties=tuple(header.parties),
            series=tuple(header.series),
            documents=tuple(documents),
            findings=tuple(findings),
            unknown_lines=tuple(header.unknown),
            header_start=self.header_start,
            header_end=self.header_end,
            size=len(self.data),
        )

    def dialect(self, header: hdr.Header) -> str:
        if self.header is None:
            return "none"
        if self.envelope == "submission":
            return "tag"
        if self.envelope in ("sec-document", "ims-document"):
            return "space"
        return "space" if header.space_lines or not header.tag_lines else "tag"

    def file_findings(self, header: hdr.Header, pdc: int | None, count: int) -> list[Finding]:
        findings = list(self.findings)
        if self.reindented_where is not None:
            findings.append(
                Finding(
                    "reindented",
                    "Tag lines in this file are indented with leading blanks, which EDGAR never "
                    "writes: the file was re-indented or otherwise altered after download. It was "
                    "read anyway, but it is not the original byte for byte.",
                    self.reindented_where,
                )
            )
        for line in header.unknown:
            findings.append(
                Finding(
                    "unknown-header-line",
                    f"Header line {line.line} was not understood and is kept as written: "
                    f"{line.text.strip()!r}.",
                    f"header line {line.line}",
                )
            )
        if pdc is not None and pdc != count:
            findings.append(_count_mismatch(pdc, count))
        if self.missing:
            findings.append(
                Finding(
                    "truncated",
                    f"The file ends at byte {len(self.data)} without {_words(self.missing)}: "
                    "it was probably cut off during download, so the last document may be "
                    "incomplete.",
                    self.missing_where or f"byte {len(self.data)}",
                )
            )
        return findings


# -- helpers ---------------------------------------------------------------------------


def _count_mismatch(stated: int, count: int) -> Finding:
    if count == 0:
        held = "no documents: it is a header without the documents it describes."
    else:
        held = f"{count} document{'s' if count != 1 else ''}."
        if 0 < stated - count <= 2:
            held += (
                " EDGAR often leaves out documents it generated itself, so a small shortfall "
                "is common."
            )
    return Finding(
        "document-count-mismatch",
        f"The header's PUBLIC DOCUMENT COUNT is {stated} but the file holds {held}",
        "header",
    )


def _item_ref(value: str, written: str, filed) -> ItemRef:
    if written == "ITEMS":  # tag dialect: the value is the code
        code = value or None
        return ItemRef(value, code, items.title_for(code, filed) if code else None, "header-code")
    code = items.code_for(value, filed) if value else None
    return ItemRef(value, code, items.title_for(code, filed) if code else None, "header-title")


_META_KEYS = {
    b"TYPE": "TYPE",
    b"SEQUENCE": "SEQUENCE",
    b"FILENAME": "FILENAME",
    b"DESCRIPTION": "DESCRIPTION",
}


def _metadata(raw: bytes) -> dict[str, str]:
    """The first value of each metadata tag, blank ones left out."""
    # Reversed, so that the dict keeps the first of repeated tags.
    first = dict(reversed(_META.findall(raw)))
    meta: dict[str, str] = {}
    for key, value in first.items():
        try:  # _decode(), inlined
            text = value.decode("utf-8").strip()
        except UnicodeDecodeError:
            text = value.decode("windows-1252", errors="replace").strip()
        if text:
            meta[_META_KEYS[key]] = text
    return meta


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("windows-1252", errors="replace")


def _first_of(data: bytes, needles, start: int, end: int | None = None) -> int:
    """Offset of the earliest of `needles` in data[start:end], or `end` (default: len)."""
    end = len(data) if end is None else end
    best = end
    for needle in needles:
        found = data.find(needle, start, best)
        if found >= 0:
            best = found
    return best


class _NextOccurrence:
    """Where `needle` next occurs at or after a position, remembering the last answer.

    Asked with growing positions, it scans each stretch of the data once, which keeps
    the document loop linear however many closing tags a damaged file lacks.
    """

    def __init__(self, data: bytes, needle: bytes):
        self.data = data
        self.needle = needle
        self.asked = -1
        self.found = -1

    def __call__(self, pos: int) -> int:
        if 0 <= self.asked <= pos and (self.found < 0 or self.found >= pos):
            return self.found
        self.asked = pos
        self.found = self.data.find(self.needle, pos)
        return self.found


def _first_line(data: bytes, pos: int, limit: int = 300) -> bytes:
    """The line that starts at `pos`, at most `limit` bytes of it."""
    return _LINE_BREAK.split(data[pos : pos + limit], maxsplit=1)[0]


def _next_line(data: bytes, pos: int) -> int:
    m = _LINE_BREAK.search(data, pos)
    return m.end() if m else len(data)


def _line_start(data: bytes, pos: int, reach: int = 4096) -> int:
    """Start of the line holding `pos`, looking back at most `reach` bytes."""
    low = max(0, pos - reach)
    return max(data.rfind(b"\n", low, pos), data.rfind(b"\r", low, pos), low - 1) + 1


def _line_number(data: bytes, pos: int) -> int:
    """1-based number of the line holding `pos`; CR LF, LF and a lone CR each end a line."""
    lf = data.count(b"\n", 0, pos)
    cr = data.count(b"\r", 0, pos)
    return lf + cr - (data.count(b"\r\n", 0, pos) if cr else 0) + 1


def _doc_label(doc: Document) -> str:
    label = f"document {doc.sequence}" if doc.sequence else "a document"
    return label + (f" ({doc.type})" if doc.type else "")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _words(parts: list[str]) -> str:
    parts = list(dict.fromkeys(parts))
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " or " + parts[-1]


# -- refusals --------------------------------------------------------------------------


def _refuse_binary(data: bytes, pos: int, label: str) -> None:
    """Refuse a file whose first KB is not text. A document body may be binary (a raw
    image in a feed file), so the check stops at the first <TEXT>."""
    head = data[pos : pos + 1024]
    text = head.find(TEXT_OPEN)
    if text >= 0:
        head = head[:text]
    for magic, what in _BINARY_MAGIC.items() if head[:1] in _MAGIC_FIRST else ():
        if head.startswith(magic):
            raise EdgarError(
                "binary",
                f"{label}: this is {what}, not an EDGAR submission (which is plain text). "
                "Upload the complete submission .txt file instead.",
            )
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if b"\x00" in head or controls > len(head) // 10:
        what = "NUL bytes" if b"\x00" in head else "control characters"
        raise EdgarError(
            "binary",
            f"{label}: the file is binary data, not text (its first kilobyte holds {what}), "
            "so it is not an EDGAR submission.",
        )


def _not_a_filing(data: bytes, pos: int, label: str) -> EdgarError:
    head = data[pos : pos + 4096]
    lower = head.lower()
    if lower.startswith((b"<!doctype html", b"<html")) or (
        lower.startswith(b"<") and b"<html" in lower[:1024]
    ):
        title = _HTML_TITLE.search(data, pos, pos + 65536)
        named = f' (titled "{_clean(title.group(1))}")' if title and _clean(title.group(1)) else ""
        return EdgarError(
            "html-page",
            f"{label}: this is an HTML web page{named}, not an EDGAR submission: it has no "
            "EDGAR header and no <DOCUMENT> blocks. Save the complete submission text file "
            "(.txt) instead of the page.",
        )
    if lower.startswith((b"<?xml", b"<error>")):
        error = _XML_ERROR.search(data, pos, pos + 65536)
        if error:
            code = _xml_text(error.group(0), b"Code")
            text = _xml_text(error.group(0), b"Message")
            key = _xml_text(error.group(0), b"Key")
            return EdgarError(
                "xml-error-page",
                f"{label}: this is an error response from a web server, not a filing: "
                f"error {code or 'without a code'}"
                + (f' ("{text}")' if text else "")
                + (f" for {key}" if key else "")
                + ". The download failed; fetch the filing again.",
            )
        root = _XML_ROOT.search(data, pos + (5 if lower.startswith(b"<?xml") else 0), pos + 4096)
        rooted = f" (root element <{_clean(root.group(1))}>)" if root else ""
        return EdgarError(
            "no-filing-content",
            f"{label}: this is an XML document{rooted}, not an EDGAR complete submission: it "
            "has no EDGAR header and no <DOCUMENT> blocks.",
        )
    return EdgarError(
        "no-filing-content",
        f"{label}: the file is text but has no EDGAR header fields and no <DOCUMENT> blocks, "
        "so it is not an EDGAR submission.",
    )


def _xml_text(xml: bytes, tag: bytes) -> str | None:
    m = re.search(b"<" + tag + b">(.*?)</" + tag + b">", xml, re.DOTALL)
    return _clean(m.group(1)) if m else None


def _clean(raw: bytes) -> str:
    return " ".join(_decode(raw).split())[:200]
