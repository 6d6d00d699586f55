"""What a document body is (html, ixbrl, text, xml, pdf, image, binary, other) and
how its bytes are encoded.

Kinds are decided from the first few KB of the body only, so sniffing costs the
same for a 10 KB letter and a 50 MB exhibit.
"""

from __future__ import annotations

import codecs
import re

SNIFF_BYTES = 8192
# Bodies are checked for UTF-8 in slices of this size, so no body is ever copied whole.
CHUNK = 1 << 20

# EDGAR's own wrappers inside <TEXT>: they say nothing about the content after them.
_WRAPPER = re.compile(rb"\s*<(?:XBRL|XML)>", re.IGNORECASE)
_PDF_WRAPPER = re.compile(rb"\s*<PDF>", re.IGNORECASE)
_UU_BEGIN = re.compile(rb"\s*begin[ \t]+[0-7]{3,4}[ \t]+([^\r\n]*?)[ \t]*(?:\r\n|\r|\n|$)")
_LEADING_TAG = re.compile(rb"<([!?/]?[A-Za-z][-A-Za-z0-9_.:]*)")
_IXBRL_MARKS = (b"xmlns:ix=", b"<ix:header", b"<ix:nonfraction", b"<ix:nonnumeric")
# An XML declaration, comments and blank space before the first element.
_PROLOG = re.compile(rb"(?:<\?xml[^>]*\?>|<!--.*?-->|\s+)*", re.DOTALL)
# Tags that open an HTML document or fragment as EDGAR filers write them.
_HTML_TAGS = frozenset(
    b"""html !doctype head body div p font center title meta table br hr a b i u span img
    h1 h2 h3 h4 h5 h6 style link base pre tt strong em ul ol li dl form""".split()
)
# Pre-HTML EDGAR text markup (<PAGE>, column tables <S> <C>, ...).
_OLD_MARKUP = frozenset(b"page s c caption fn f1 f2 f3 f4 f5 f6 f7 f8 f9 r".split())
_IMAGE_NAMES = (b".gif", b".jpg", b".jpeg", b".png", b".bmp")
_IMAGE_MAGIC = (b"GIF87a", b"GIF89a", b"\x89PNG", b"\xff\xd8\xff")
# Names of text files that are code or data rather than prose (XBRL viewer files).
_CODE_NAMES = (".js", ".css", ".json")
# Control bytes that never occur in text (all but tab, LF, VT, FF, CR, and SUB and ESC, which
# old filings do hold).
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x19\x1c-\x1f\x7f]")
# The same bytes, for counting with bytes.translate (four times as fast as findall).
_CONTROL_BYTES = bytes(b for b in range(256) if _CONTROL.match(bytes((b,))))


def sniff_kind(head: bytes, filename: str | None = None) -> tuple[str, str | None]:
    """(kind, uuencoded file name) for a body that starts with `head`."""
    pdf_wrapped = False
    m = _PDF_WRAPPER.match(head)
    if m:
        pdf_wrapped = True
        head = head[m.end() :]
    m = _WRAPPER.match(head)
    if m:
        head = head[m.end() :]
    uu = _UU_BEGIN.match(head)
    if uu:
        name = uu.group(1).decode("latin-1")
        return _uuencoded_kind(uu.group(1), pdf_wrapped), name
    if pdf_wrapped:
        return "pdf", None
    return _plain_kind(head.lstrip(), filename), None


def _uuencoded_kind(name: bytes, pdf_wrapped: bool) -> str:
    lower = name.lower()
    if pdf_wrapped or lower.endswith(b".pdf"):
        return "pdf"
    if lower.endswith(_IMAGE_NAMES):
        return "image"
    return "binary"


def _plain_kind(head: bytes, filename: str | None) -> str:
    if not head:
        return "other"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(_IMAGE_MAGIC):
        return "image"
    if _looks_binary(head):
        return "other"
    if head.startswith(b"<"):
        kind = _markup_kind(head)
        if kind:
            return kind
    if filename and filename.lower().endswith(_CODE_NAMES):
        return "other"
    return "text"


def _markup_kind(head: bytes) -> str | None:
    """html, ixbrl or xml for a body that starts with a tag; None if it is text markup."""
    lower = head.lower()
    prolog = _PROLOG.match(head).end()
    declared = b"<?xml" in lower[:prolog]
    rest = lower[prolog:]
    if rest.startswith(b"<!doctype"):
        return _html_kind(lower) if b"html" in rest[:80] else "xml"
    tag = _LEADING_TAG.match(rest)
    if not tag:
        return "xml" if declared else None
    name = tag.group(1)
    if name in _HTML_TAGS and not (name == b"table" and _old_table(lower)):
        return _html_kind(lower)
    if name in _OLD_MARKUP or name == b"table":
        return None
    if declared or b"xmlns" in lower or b"</" + name + b">" in lower:
        return "xml"
    return None


def _html_kind(lower: bytes) -> str:
    # The marks after the first all hold "<ix:": a plain HTML page is searched twice, not
    # four times.
    if _IXBRL_MARKS[0] in lower or (
        b"<ix:" in lower and any(mark in lower for mark in _IXBRL_MARKS[1:])
    ):
        return "ixbrl"
    return "html"


def _old_table(lower: bytes) -> bool:
    """A <TABLE> of the pre-HTML text markup: columns are marked with <S> and <C>."""
    return b"<s>" in lower or b"<c>" in lower


def _looks_binary(head: bytes) -> bool:
    first = head[:1024]
    return len(first) - len(first.translate(None, _CONTROL_BYTES)) > 8


def is_utf8(data: bytes, start: int, end: int) -> bool:
    """Whether data[start:end] decodes as UTF-8, looking at one slice at a time."""
    decoder = None
    for i in range(start, end, CHUNK):
        chunk = data[i : min(i + CHUNK, end)]
        if decoder is None:
            if chunk.isascii():
                continue
            decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError:
            return False
    if decoder is None:
        return True
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True
