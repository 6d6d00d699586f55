"""Per-kind document renderers and the stable plain text of a document.

plain_text() is what search indexes and what evidence spans and annotations
point into (character offsets), so its output for a given input must never
change without bumping TEXT_VERSION.

The render_* functions return HTML that is stored and later served as is:
every value they emit goes through html.escape, and nothing else is
interpolated into markup.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Iterator

from lxml import etree

from filings.sanitize import hides, parse_body

# Bump whenever plain_text() output changes for some input.
TEXT_VERSION = 2

BINARY_KINDS = frozenset({"pdf", "image", "binary", "other"})


def plain_text(kind: str, text: str) -> str:
    """The stable plain-text rendering of a document body of `kind`."""
    if kind in ("html", "ixbrl"):
        return _html_text(text)
    if kind == "text":
        return "\n".join(line for page in _text_pages(text) for line in page)
    if kind == "xml":
        root = _parse_xml(text)
        if root is None:
            return plain_text("text", text)
        return "\n".join(_xml_lines(root, 0))
    if kind in BINARY_KINDS:
        return ""
    raise ValueError(f"unknown document kind {kind!r}")


def text_hash(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


def _escape(value: object) -> str:
    return html.escape(str(value), quote=True)


# ---------------------------------------------------------------------------
# HTML and inline XBRL

# Elements that start and end a line of text.
_LINE_BLOCKS = frozenset(
    {
        "div",
        "li",
        "dt",
        "dd",
        "caption",
        "center",
        "address",
        "article",
        "aside",
        "figure",
        "figcaption",
        "footer",
        "header",
        "main",
        "nav",
        "section",
        "form",
        "fieldset",
        "legend",
        "dl",
    }
)
# Elements that also leave an empty line after themselves.
_PARAGRAPH_BLOCKS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "hr",
    }
)
_CELLS = frozenset({"td", "th"})
# What each element does to the layout, first kind first when a tag is in two sets.
_CELL, _ROW, _PRE, _LINE, _PARAGRAPH, _BREAK = "cell", "row", "pre", "line", "paragraph", "br"
_KINDS = {
    **{tag: _BREAK for tag in ("br",)},
    **{tag: _PARAGRAPH for tag in _PARAGRAPH_BLOCKS},
    **{tag: _LINE for tag in _LINE_BLOCKS},
    "pre": _PRE,
    "tr": _ROW,
    **{tag: _CELL for tag in _CELLS},
}
# HTML white space plus the no-break and typographic spaces filings indent
# with; all of it is one space in the plain text.
_SPACES = re.compile(r"[ \t\n\r\f\v\xa0\u2000-\u200a\u202f\u205f\u3000]+")
# Zero-width characters typesetters put in empty spacer cells.
_ZERO_WIDTH = re.compile(r"[\u200b\u2060\ufeff]")
_MULTI_SPACE = re.compile(r" {2,}")
_CELL_GAP = re.compile(r" ?\t ?")
# C0 controls a browser would not show; the sanitizer writes them as "?".
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_BLANK_LINES = re.compile(r"\n{3,}")
# Any character that the three above would change.
_ODD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\u200b\u2060\ufeff]")


def _one_spaced(text: str) -> str:
    """_SPACES.sub(" ", text); for ASCII text (whose control characters are gone by now, so
    str.split's white space is _SPACES'), by split and join, which cost less."""
    if not text.isascii():
        return _SPACES.sub(" ", text)
    words = text.split()
    if not words:
        return " " if text else ""
    out = " ".join(words)
    if text[0].isspace():
        out = " " + out
    if text[-1].isspace():
        out += " "
    return out


def _one_space_apart(text: str) -> bool:
    """Whether _SPACES would leave text as it is: ASCII words one space apart (most of
    the text nodes of a filing), not rebuilt for nothing."""
    return (
        text.isascii()
        and "  " not in text
        and "\n" not in text
        and "\t" not in text
        and "\r" not in text
        and "\x0b" not in text
        and "\x0c" not in text
    )


class _Row:
    __slots__ = ("cells", "has_text", "cell_broke")

    def __init__(self):
        self.cells = 0
        self.has_text = False
        self.cell_broke = False  # the current cell's text spans lines


class _Layout:
    """Lays text out in lines: a line per block, an empty line between
    paragraphs, a table row per line with its cells separated by tabs.

    A cell whose text spans several lines (a name above a title) ends its
    line: what follows it starts a new one rather than joining its last
    line. Breaks are requested and only written when text follows, so empty
    elements leave no trace and a cell's own first and last block do not
    split its row.
    """

    def __init__(self):
        self.lines: list[str] = []
        self.parts: list[str] = []
        self.preformatted_line = False
        self.newlines = 0  # line breaks waiting for the next text
        self.tab = False  # a cell separator waiting for the next text
        self.rows: list[_Row] = []
        self.cells = 0  # open cells
        self.cell_is_empty = False
        self.pre_start = False

    def block(self, paragraph: bool) -> None:
        if self.cell_is_empty:
            return
        self.newlines = max(self.newlines, 1 if self.cells or not paragraph else 2)

    def line_break(self) -> None:
        self.cell_is_empty = False
        self.newlines = min(self.newlines + 1, 2)

    def start_row(self) -> None:
        self.cell_is_empty = False
        self.block(paragraph=False)
        self.tab = False
        self.rows.append(_Row())

    def end_row(self) -> None:
        if self.rows:
            self.rows.pop()
        self.cell_is_empty = False
        self.tab = False
        self.block(paragraph=False)

    def start_cell(self) -> None:
        if self.rows:
            row = self.rows[-1]
            if row.cells and row.has_text:
                if row.cell_broke:
                    self.newlines = max(self.newlines, 1)
                    self.tab = False
                else:
                    # The line break after the previous cell's last block
                    # gives way to the separator: the row stays on one line.
                    self.newlines = 0
                    self.tab = True
            row.cells += 1
        self.cells += 1
        self.cell_is_empty = True

    def end_cell(self) -> None:
        self.cells = max(self.cells - 1, 0)
        self.cell_is_empty = False

    def start_pre(self) -> None:
        self.block(paragraph=True)
        self.pre_start = True

    def text(self, text: str, preformatted: bool) -> None:
        if _ODD.search(text):  # (one search instead of three passes over most text)
            text = _ZERO_WIDTH.sub("", _CONTROLS.sub("?", text.replace("\x0c", "\n")))
        if not preformatted:
            if not _one_space_apart(text):
                text = _one_spaced(text)
            if not text.strip():
                if text and self.parts:
                    self.parts.append(" ")
                return
            self._flush()
            self.parts.append(text)
            return
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if self.pre_start and text.startswith("\n"):
            # Like a browser, skip the newline right after <pre>.
            text = text[1:]
        self.pre_start = False
        if not text:
            return
        self._flush()
        first, *rest = text.split("\n")
        self.parts.append(first)
        self.preformatted_line = True
        for line in rest:
            self._end_line()
            self.parts.append(line)
            self.preformatted_line = True

    def _flush(self) -> None:
        if self.rows and self.cells:
            if self.cell_is_empty:
                self.rows[-1].cell_broke = False
            elif self.newlines:
                self.rows[-1].cell_broke = True
        if self.newlines:
            if self.lines or self.parts:
                self._end_line()
                if self.newlines > 1 and self.lines[-1]:
                    self.lines.append("")
        elif self.tab:
            self.parts.append("\t")
        self.newlines = 0
        self.tab = False
        self.cell_is_empty = False
        self.pre_start = False
        if self.rows:
            self.rows[-1].has_text = True

    def _end_line(self) -> None:
        line = "".join(self.parts)
        if self.preformatted_line:
            line = line.rstrip().replace("\xa0", " ")
        else:
            # (most lines have no run of spaces and no tab: no pass over them)
            if "  " in line:
                line = _MULTI_SPACE.sub(" ", line)
            if "\t" in line:
                line = _CELL_GAP.sub("\t", line)
            line = line.strip(" \t")
        self.lines.append(line)
        self.parts = []
        self.preformatted_line = False

    def result(self) -> str:
        if self.parts:
            self._end_line()
        return _BLANK_LINES.sub("\n\n", "\n".join(self.lines)).strip("\n")


def hidden_elements(body: etree._Element) -> list[etree._Element]:
    """The elements under body that their style hides, in document order: what the
    sanitizer lists as it walks (sanitize_body), for a caller that did not sanitize."""
    return [el for el in body.iterdescendants(etree.Element) if hides(el.get("style"))]


def _drop_keeping_tail(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _html_text(text: str) -> str:
    return body_text(parse_body(text.replace("\x00", "")))


def body_text(body: etree._Element | None, hidden: list | None = None) -> str:
    """plain_text() of HTML that parse_body() has parsed (None: no body). It changes the
    tree (hidden elements go), so the sanitizer, which must see them, reads it first;
    `hidden`: the hidden elements, when the sanitizer has listed them (see sanitize_body)."""
    if body is None:
        return ""
    # What the reader never sees is no evidence: the sanitized HTML keeps
    # these elements hidden too.
    for element in hidden_elements(body) if hidden is None else hidden:
        _drop_keeping_tail(element)
    out = _Layout()
    preformatted = 0
    kinds = _KINDS
    for event, el in etree.iterwalk(body, events=("start", "end")):
        # (one look-up: most elements are spans and fonts, which only hold text)
        kind = kinds.get(el.tag)
        if event == "start":
            if kind is not None:
                if kind is _CELL:
                    out.start_cell()
                elif kind is _ROW:
                    out.start_row()
                elif kind is _PRE:
                    out.start_pre()
                    preformatted += 1
                elif kind is _LINE:
                    out.block(paragraph=False)
                elif kind is _PARAGRAPH:
                    out.block(paragraph=True)
                else:
                    out.line_break()
            if el.text:
                out.text(el.text, preformatted > 0)
        else:
            if kind is not None:
                if kind is _CELL:
                    out.end_cell()
                elif kind is _ROW:
                    out.end_row()
                elif kind is _PRE:
                    out.block(paragraph=True)
                    preformatted -= 1
                elif kind is _LINE:
                    out.block(paragraph=False)
                elif kind is _PARAGRAPH:
                    out.block(paragraph=True)
            if el.tail and el is not body:
                out.text(el.tail, preformatted > 0)
    return out.result()


# ---------------------------------------------------------------------------
# Plain-text documents

# SGML markup of 1990s filings: <PAGE> separates pages, the others lay out
# tables whose columns are already aligned with spaces.
_OLD_MARKUP = re.compile(r"</?(?:PAGE|TABLE|CAPTION|FN|S|C)>", re.I)
_PAGE = re.compile(r"<PAGE>", re.I)


def _text_pages(text: str) -> list[list[str]]:
    """The lines of a text document, split into pages, markup removed.

    A line that holds only markup disappears; markup within a line becomes
    spaces of the same width so the columns stay aligned.
    """
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    pages: list[list[str]] = [[]]
    for raw in text.split("\n"):
        pieces = raw.split("\x0c")
        for index, piece in enumerate(pieces):
            if index:
                pages.append([])
            if _OLD_MARKUP.search(piece):
                if not _OLD_MARKUP.sub("", piece).strip():
                    if _PAGE.search(piece):
                        pages.append([])
                    continue
                piece = _OLD_MARKUP.sub(lambda m: " " * len(m.group()), piece)
            if piece or index == 0:
                pages[-1].append(_CONTROLS.sub("?", piece.rstrip()))
    pages = [_trim_blank(page) for page in pages]
    return [page for page in pages if page] or [[]]


def _trim_blank(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start]:
        start += 1
    while end > start and not lines[end - 1]:
        end -= 1
    return lines[start:end]


def render_text_html(text: str) -> str:
    """A plain-text document as preformatted HTML, one <pre> per page.

    The text of the <pre> elements, joined with newlines, is exactly
    plain_text("text", text).
    """
    return _pages_html(_text_pages(text))


def text_renderings(text: str) -> tuple[str, str]:
    """(render_text_html(text), plain_text("text", text)), the pages read once."""
    pages = _text_pages(text)
    return _pages_html(pages), "\n".join(line for page in pages for line in page)


def _pages_html(pages: list[list[str]]) -> str:
    return '\n<hr class="page-break">\n'.join(
        "<pre>\n" + _escape("\n".join(page)) + "</pre>" for page in pages
    )


# ---------------------------------------------------------------------------
# XML documents

_XML_WRAPPER = re.compile(r"^\s*<XML>|</XML>\s*$", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _parse_xml(text: str) -> etree._Element | None:
    """Parse XML without entities, DTDs or network, or return None."""
    body = _XML_WRAPPER.sub("", text.replace("\x00", "")).strip().lstrip("\ufeff")
    # The reader has already decoded the bytes; an encoding declaration
    # would only contradict the UTF-8 we hand to libxml2.
    body = _XML_DECLARATION.sub("", body, count=1).lstrip()
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        return etree.fromstring(body.encode("utf-8", "replace"), parser)
    except (etree.XMLSyntaxError, ValueError):
        return None


def _name(el: etree._Element) -> str:
    return etree.QName(el).localname


def _elements(el: etree._Element) -> Iterator[etree._Element]:
    return el.iterchildren(etree.Element)


def _own_text(el: etree._Element) -> str:
    """The element's direct text (not its children's), spaces collapsed."""
    parts = [el.text or ""] + [child.tail or "" for child in el]
    return " ".join("".join(parts).split())


def _attribute_text(el: etree._Element) -> str:
    return " ".join(f"{etree.QName(k).localname}={v}" for k, v in el.attrib.items())


def _xml_lines(el: etree._Element, depth: int) -> Iterator[str]:
    indent = "  " * depth
    own = _own_text(el)
    attributes = _attribute_text(el)
    value = " ".join(
        part for part in (own, f"({attributes})" if attributes and own else attributes) if part
    )
    children = list(_elements(el))
    if children or value:
        yield f"{indent}{_name(el)}:" + (f" {value}" if value else "")
    for child in children:
        yield from _xml_lines(child, depth + 1)


def _child(el: etree._Element | None, path: str) -> etree._Element | None:
    """The first descendant along a path of local names ("a/b/value")."""
    for step in path.split("/"):
        if el is None:
            return None
        el = next((c for c in _elements(el) if _name(c) == step), None)
    return el


def _children(el: etree._Element | None, name: str) -> list[etree._Element]:
    if el is None:
        return []
    return [c for c in _elements(el) if _name(c) == name]


def _value(el: etree._Element | None, path: str) -> str:
    node = _child(el, path)
    if node is None:
        return ""
    return " ".join("".join(node.itertext()).split())


def xml_renderings(text: str) -> tuple[str, str]:
    """(render_xml_html(text), plain_text("xml", text)) from one parse: neither changes
    the tree."""
    root = _parse_xml(text)
    if root is None:
        return render_text_html(text), plain_text("text", text)
    return _xml_html(root), "\n".join(_xml_lines(root, 0))


def render_xml_html(text: str) -> str:
    """An XML document as readable HTML tables; broken XML as text."""
    root = _parse_xml(text)
    if root is None:
        return render_text_html(text)
    return _xml_html(root)


def _xml_html(root: etree._Element) -> str:
    name = _name(root)
    if name == "ownershipDocument":
        body = _ownership_html(root)
    elif name == "informationTable":
        body = _information_table_html(root)
    else:
        body = _generic_html(root)
    return f'<div class="xml-document">\n{body}\n</div>'


def _table(
    headers: Iterable[str], rows: Iterable[Iterable[str]], numeric: Iterable[int] = ()
) -> str:
    """A bordered table; every header and cell is escaped here. Cells of the
    `numeric` columns get class "num" (right-aligned by the frame's CSS)."""
    rows = list(rows)
    if not rows:
        return "<p>None reported.</p>"
    numeric = frozenset(numeric)
    head = "".join(f"<th>{_escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{_escape(cell)}</td>' if i in numeric else f"<td>{_escape(cell)}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>\n"
        for row in rows
    )
    return (
        '<table border="1" cellspacing="0" cellpadding="4">\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>"
    )


def _fields(pairs: Iterable[tuple[str, str]]) -> str:
    """A two-column table of the label/value pairs that have a value."""
    rows = "".join(
        f'<tr><th align="left">{_escape(label)}</th><td>{_escape(value)}</td></tr>\n'
        for label, value in pairs
        if value
    )
    return f'<table border="1" cellspacing="0" cellpadding="4">\n{rows}</table>'


def _heading(text: str, level: int = 2) -> str:
    return f"<h{level}>{_escape(text)}</h{level}>"


# Forms 3, 4 and 5 -----------------------------------------------------------

_TRUE = frozenset({"1", "true", "yes", "y"})


def _flag(el: etree._Element | None, path: str) -> bool:
    return _value(el, path).lower() in _TRUE


def _footnote_refs(el: etree._Element) -> str:
    ids = []
    for node in el.iter(etree.Element):
        if _name(node) == "footnoteId":
            ref = node.get("id", "")
            if ref and ref not in ids:
                ids.append(ref)
    return ", ".join(ids)


def _relationship(owner: etree._Element) -> str:
    rel = _child(owner, "reportingOwnerRelationship")
    roles = []
    if _flag(rel, "isDirector"):
        roles.append("Director")
    if _flag(rel, "isOfficer"):
        roles.append("Officer")
    if _flag(rel, "isTenPercentOwner"):
        roles.append("10% Owner")
    if _flag(rel, "isOther"):
        other = _value(rel, "otherText")
        roles.append(f"Other ({other})" if other else "Other")
    return ", ".join(roles)


def _address(owner: etree._Element) -> str:
    address = _child(owner, "reportingOwnerAddress")
    parts = [
        _value(address, "rptOwnerStreet1"),
        _value(address, "rptOwnerStreet2"),
        _value(address, "rptOwnerCity"),
        " ".join(
            p for p in (_value(address, "rptOwnerState"), _value(address, "rptOwnerZipCode")) if p
        ),
    ]
    return ", ".join(p for p in parts if p)


def _ownership_nature(row: etree._Element) -> tuple[str, str]:
    return (
        _value(row, "ownershipNature/directOrIndirectOwnership/value"),
        _value(row, "ownershipNature/natureOfOwnership/value"),
    )


def _owned_after(row: etree._Element) -> str:
    return _value(row, "postTransactionAmounts/sharesOwnedFollowingTransaction/value") or _value(
        row, "postTransactionAmounts/valueOwnedFollowingTransaction/value"
    )


_NON_DERIVATIVE_HEADERS = (
    "Security",
    "Date",
    "Deemed execution date",
    "Code",
    "V",
    "Shares",
    "Price",
    "(A) or (D)",
    "Owned after",
    "Direct (D) or indirect (I)",
    "Nature of indirect ownership",
    "Footnotes",
)


def _non_derivative_row(row: etree._Element) -> list[str]:
    return [
        _value(row, "securityTitle/value"),
        _value(row, "transactionDate/value"),
        _value(row, "deemedExecutionDate/value"),
        _value(row, "transactionCoding/transactionCode"),
        "V" if _flag(row, "transactionCoding/equitySwapInvolved") else "",
        _value(row, "transactionAmounts/transactionShares/value"),
        _value(row, "transactionAmounts/transactionPricePerShare/value"),
        _value(row, "transactionAmounts/transactionAcquiredDisposedCode/value"),
        _owned_after(row),
        *_ownership_nature(row),
        _footnote_refs(row),
    ]


_DERIVATIVE_HEADERS = (
    "Security",
    "Conversion or exercise price",
    "Date",
    "Deemed execution date",
    "Code",
    "V",
    "Shares",
    "Price",
    "(A) or (D)",
    "Exercisable",
    "Expiration",
    "Underlying security",
    "Underlying shares",
    "Owned after",
    "Direct (D) or indirect (I)",
    "Nature of indirect ownership",
    "Footnotes",
)


def _derivative_row(row: etree._Element) -> list[str]:
    return [
        _value(row, "securityTitle/value"),
        _value(row, "conversionOrExercisePrice/value"),
        _value(row, "transactionDate/value"),
        _value(row, "deemedExecutionDate/value"),
        _value(row, "transactionCoding/transactionCode"),
        "V" if _flag(row, "transactionCoding/equitySwapInvolved") else "",
        _value(row, "transactionAmounts/transactionShares/value"),
        _value(row, "transactionAmounts/transactionPricePerShare/value"),
        _value(row, "transactionAmounts/transactionAcquiredDisposedCode/value"),
        _value(row, "exerciseDate/value"),
        _value(row, "expirationDate/value"),
        _value(row, "underlyingSecurity/underlyingSecurityTitle/value"),
        _value(row, "underlyingSecurity/underlyingSecurityShares/value")
        or _value(row, "underlyingSecurity/underlyingSecurityValue/value"),
        _owned_after(row),
        *_ownership_nature(row),
        _footnote_refs(row),
    ]


def _ownership_html(root: etree._Element) -> str:
    form = _value(root, "documentType")
    parts = [
        _heading(f"Form {form}" if form else "Ownership report"),
        _fields(
            [
                ("Issuer", _value(root, "issuer/issuerName")),
                ("Issuer CIK", _value(root, "issuer/issuerCik")),
                ("Trading symbol", _value(root, "issuer/issuerTradingSymbol")),
                ("Period of report", _value(root, "periodOfReport")),
                ("Date of original submission", _value(root, "dateOfOriginalSubmission")),
                (
                    "No longer subject to Section 16",
                    "Yes" if _flag(root, "notSubjectToSection16") else "",
                ),
                ("Form 3 holdings reported", _value(root, "form3HoldingsReported")),
                ("Form 4 transactions reported", _value(root, "form4TransactionsReported")),
                ("Rule 10b5-1(c) plan", "Yes" if _flag(root, "aff10b5One") else ""),
            ]
        ),
        _heading("Reporting owners", 3),
        _table(
            ("Name", "CIK", "Address", "Relationship", "Officer title"),
            (
                (
                    _value(owner, "reportingOwnerId/rptOwnerName"),
                    _value(owner, "reportingOwnerId/rptOwnerCik"),
                    _address(owner),
                    _relationship(owner),
                    _value(owner, "reportingOwnerRelationship/officerTitle"),
                )
                for owner in _children(root, "reportingOwner")
            ),
        ),
    ]
    table = _child(root, "nonDerivativeTable")
    if table is not None:
        rows = [
            _non_derivative_row(row)
            for row in _elements(table)
            if _name(row) in ("nonDerivativeTransaction", "nonDerivativeHolding")
        ]
        parts += [
            _heading("Table I: Non-derivative securities", 3),
            _table(_NON_DERIVATIVE_HEADERS, rows, numeric=(5, 6, 8)),
        ]
    table = _child(root, "derivativeTable")
    if table is not None:
        rows = [
            _derivative_row(row)
            for row in _elements(table)
            if _name(row) in ("derivativeTransaction", "derivativeHolding")
        ]
        parts += [
            _heading("Table II: Derivative securities", 3),
            _table(_DERIVATIVE_HEADERS, rows, numeric=(1, 6, 7, 12, 13)),
        ]
    footnotes = _children(_child(root, "footnotes"), "footnote")
    if footnotes:
        parts += [
            _heading("Footnotes", 3),
            _table(
                ("", "Footnote"),
                ((f.get("id", ""), " ".join("".join(f.itertext()).split())) for f in footnotes),
            ),
        ]
    remarks = _value(root, "remarks")
    if remarks:
        parts += [_heading("Remarks", 3), f"<p>{_escape(remarks)}</p>"]
    signatures = _children(root, "ownerSignature")
    if signatures:
        parts += [
            _heading("Signatures", 3),
            _table(
                ("Name", "Date"),
                ((_value(s, "signatureName"), _value(s, "signatureDate")) for s in signatures),
            ),
        ]
    return "\n".join(parts)


# Form 13F information table -------------------------------------------------

_INFORMATION_TABLE_HEADERS = (
    "Name of issuer",
    "Title of class",
    "CUSIP",
    "FIGI",
    "Value",
    "Shares or principal",
    "SH/PRN",
    "Put/call",
    "Investment discretion",
    "Other managers",
    "Voting: sole",
    "Voting: shared",
    "Voting: none",
)


def _information_table_html(root: etree._Element) -> str:
    entries = _children(root, "infoTable")
    rows = [
        (
            _value(entry, "nameOfIssuer"),
            _value(entry, "titleOfClass"),
            _value(entry, "cusip"),
            _value(entry, "figi"),
            _value(entry, "value"),
            _value(entry, "shrsOrPrnAmt/sshPrnamt"),
            _value(entry, "shrsOrPrnAmt/sshPrnamtType"),
            _value(entry, "putCall"),
            _value(entry, "investmentDiscretion"),
            _value(entry, "otherManager"),
            _value(entry, "votingAuthority/Sole"),
            _value(entry, "votingAuthority/Shared"),
            _value(entry, "votingAuthority/None"),
        )
        for entry in entries
    ]
    return "\n".join(
        [
            _heading("Form 13F information table"),
            f"<p>{_escape(len(rows))} entries</p>",
            _table(_INFORMATION_TABLE_HEADERS, rows, numeric=(4, 5, 10, 11, 12)),
        ]
    )


# Any other XML --------------------------------------------------------------


def _is_record(el: etree._Element) -> bool:
    """An element whose children all are leaves: one row of a table."""
    children = list(_elements(el))
    return bool(children) and not any(len(c) for c in children) and not el.attrib


def _generic_html(root: etree._Element) -> str:
    return _heading(_name(root)) + "\n" + _generic_content(root)


def _generic_content(el: etree._Element) -> str:
    """Nested elements as definition lists; runs of records as tables."""
    children = list(_elements(el))
    own = _own_text(el)
    if not children and not el.attrib:
        return _escape(own)
    parts = ["<dl>"]
    for key, value in el.attrib.items():
        parts.append(f"<dt>@{_escape(etree.QName(key).localname)}</dt><dd>{_escape(value)}</dd>")
    if own and children:
        parts.append(f"<dt>text</dt><dd>{_escape(own)}</dd>")
    elif own:
        parts.append(f"<dt>value</dt><dd>{_escape(own)}</dd>")
    index = 0
    while index < len(children):
        child = children[index]
        name = _name(child)
        end = index + 1
        while end < len(children) and _name(children[end]) == name:
            end += 1
        run = children[index:end]
        if len(run) > 1 and all(_is_record(c) for c in run):
            parts.append(f"<dt>{_escape(name)}</dt><dd>{_record_table(run)}</dd>")
        else:
            for item in run:
                parts.append(f"<dt>{_escape(name)}</dt><dd>{_generic_content(item)}</dd>")
        index = end
    parts.append("</dl>")
    return "\n".join(parts)


def _record_table(records: list[etree._Element]) -> str:
    columns: list[str] = []
    for record in records:
        for field in _elements(record):
            if _name(field) not in columns:
                columns.append(_name(field))
    rows = (
        [
            "; ".join(_own_text(f) for f in _elements(record) if _name(f) == column)
            for column in columns
        ]
        for record in records
    )
    return _table(columns, rows)
