"""Exhibits of a filing: the documents it carries, the exhibit list or index in its main
document, and the phrases in its items that point at an exhibit.

Three sources say which exhibits a filing has. The submission's own documents are typed
"EX-99.1", "EX-10.2", "EX-3(i)"; they are certain but carry only a short description. The
main document lists its exhibits, in an 8-K's Item 9.01 "(d) Exhibits" or a 10-K's or
registration statement's "Exhibit Index": number, description, and for an exhibit filed
earlier, where it was filed (form, date, exhibit number, file number). And the item text
says "a copy of which is attached hereto as Exhibit 99.1", which links a sentence to an
exhibit document.

Rendered to plain text, an index row is one line with its cells split by tabs, or one line
per cell, or (in 1990s text filings) one line with cells split by runs of spaces and the
description wrapped onto indented lines. So a table is read line by line: a line that
starts with an exhibit number starts a row, and each later line or cell is, by its shape,
a form type, a date, a file number, an exhibit number, a filed-herewith mark, or more of
the description. Footnote markers (*, †, #, +) are looked up in the legend under the table.

Offsets are character offsets into the plain text given: ``text[c.start:c.end] ==
c.evidence``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from .prose import DATE, _date_of, may_end_with, sentences

SOURCES = ("document-list", "exhibit-index")


@dataclass(frozen=True, slots=True)
class ExhibitCandidate:
    number: str  # "99.1", "3(i)", "101.INS", as written (markers removed)
    description: str | None
    filed_here: bool | None  # None when the filing does not say
    incorporated_by_reference: bool
    source_form: str | None  # where an incorporated exhibit was filed: "8-K", "S-1" ...
    source_date: dt.date | None
    source_exhibit: str | None
    source_file_number: str | None
    source_accession: str | None
    document_sequence: str | None  # the exhibit's own document in this submission
    start: int | None  # the index row in the text of document `index_sequence`
    end: int | None
    source: str  # one of SOURCES: where the candidate's own facts come from
    index_sequence: str | None = None  # the document whose text holds start:end
    evidence: str = ""
    notes: tuple[str, ...] = ()  # footnote legends that apply to the row


@dataclass(frozen=True, slots=True)
class ExhibitReference:
    """A phrase in item text that points at an exhibit of this filing."""

    number: str
    start: int  # "attached hereto as Exhibit 99.1"
    end: int
    sentence_start: int
    sentence_end: int
    document_sequence: str
    evidence: str


# --- exhibit numbers --------------------------------------------------------------------

_XBRL = r"INS|SCH|CAL|DEF|LAB|PRE|CERT|906CERT"
# 3.1, 3(i), 3 (ii), 10.1A, 3.1.2, 99, 101.INS, 99.CERT; 1990s: 3-A, 10-B-1, 10.A.3-1
NUMBER = (
    r"\d{1,3}(?:\.\d{1,3}|\.[A-Z](?=[.-]\d)|-[A-Z](?![A-Za-z])|-\d{1,2}(?![\d/-])){0,4}"
    r"(?:\s?\((?:[ivxIVX]{1,4}|[a-hA-H])\))?"
    rf"(?:\.(?:{_XBRL})|[A-Z](?![\w]))?"
)
_NUMBER_END = r"(?![\w(]|[.\-/]\w)"
_NUMBER_ONLY = re.compile(rf"(?:{NUMBER}){_NUMBER_END}")
_MARKS = "*†‡#+§^¹²³"
_MARK = rf"(?:[{re.escape(_MARKS)}]+|\(\d{{1,2}}\))"

_TYPE = re.compile(r"^EX-(.+)$", re.IGNORECASE)
# Document types that name a schedule rather than a number.
_TYPE_NUMBERS = {"FILING FEES": "107"}


def exhibit_number(doc_type: str | None) -> str | None:
    """'99.1' for a document typed 'EX-99.1'; None for a document that is no exhibit."""
    m = _TYPE.match((doc_type or "").strip())
    if not m:
        return None
    raw = " ".join(m.group(1).split())
    if raw.upper() in _TYPE_NUMBERS:
        return _TYPE_NUMBERS[raw.upper()]
    return re.sub(r"\((I{1,3}|IV|V|VI{1,3})\)", lambda r: "(" + r.group(1).lower() + ")", raw)


def number_key(number: str) -> tuple:
    """Sort key in exhibit order: 3.1 < 3.2 < 10.1 < 10.10 < 99.1 < 101.INS."""
    parts = re.findall(r"\d+|[A-Za-z]+", number)
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.casefold()) for p in parts)


def _same_number(a: str, b: str) -> bool:
    return number_key(a) == number_key(b)


# --- exhibits from the submission's documents --------------------------------------------


def exhibits_from_documents(documents: Iterable) -> list[ExhibitCandidate]:
    """One candidate per document typed EX-*, in document order."""
    out = []
    for doc in documents:
        number = exhibit_number(getattr(doc, "type", None))
        if number is None:
            continue
        description = " ".join((doc.description or "").split()) or None
        if description and description.upper() in (doc.type.upper(), "EX-" + number):
            description = None
        out.append(
            ExhibitCandidate(
                number=number,
                description=description,
                filed_here=True,
                incorporated_by_reference=False,
                source_form=None,
                source_date=None,
                source_exhibit=None,
                source_file_number=None,
                source_accession=None,
                document_sequence=doc.sequence,
                start=None,
                end=None,
                source="document-list",
            )
        )
    return out


# --- reading an exhibit index -------------------------------------------------------------

_TRIGGER = re.compile(
    r"(?P<item>Item\s*(?:9\.01|7|15|16|601|13|14|6|8)\b.{0,80}?\bExhibits\b)"
    r"|(?:(?:EXHIBIT|EXHIBITS)\s+INDEX|INDEX\s+(?:TO|OF)\s+EXHIBITS|(?:LIST|SCHEDULE)\s+OF\s+EXHIBITS"
    r"|(?:\(?[a-d]\)\s*)?(?:\(\d\)\s*|\d\.\s*)?Exhibits?\b|Exhibit\s*(?:No\.?|Number|#)"
    r"|Exhibits?\s+(?:Furnished|Filed)\b)\s*[*.:]?",
    re.IGNORECASE,
)


def _trigger(value: str) -> bool:
    """Whether a line opens an exhibit list: a heading, not a sentence that names one."""
    m = _TRIGGER.match(value)
    if not m:
        return False
    if m.group("item"):
        return len(value) < 200
    rest = value[m.end() :].strip()
    return (
        not rest
        or rest[0] in ":.-–—*"
        or _is_header_line(rest)
        or bool(re.match(r"(?:The\s+following|\(?\d)", rest, re.IGNORECASE))
    )


_HEADER_WORDS = frozenset(
    """exhibit exhibits no no. nos number numbers description descriptions of title document
    documents form file filing filed date herewith furnished incorporated by reference
    reference(s) period ending ended page sequential seq numbered the index to method
    designation schedule registration statement report exh ex ex. # and or name herein
    sequentially (sequential location number(s) s-k regulation item 601""".split()
)
_FURNITURE = re.compile(
    r"(?:Table\s+of\s+Contents|Index|<\/?(?:S|C|CAPTION|TABLE|PAGE|FN)>|\(?[A-Z]{1,3}-\d{1,3}\)?"
    r"|[-–—]\s*\d{1,3}\s*[-–—]|Page\s+\d+(?:\s+of\s+\d+)?|\d{1,3}\s*$|\(?Continued\)?"
    r"|\*?Notes\s+appear\s+on\s+pages?\s+[\d\s,-]+\.?)",
    re.IGNORECASE,
)
# A code in a "Notes" column, keyed to a table of notes: "97/1Q", "88-S3", "93K-10.A.15**"
_NOTE_CODE = re.compile(r"(?=[\w/.*-]*\d)[\w/.-]{2,20}\*{0,3}|\*{1,3}")
_SEPARATOR = re.compile(r"[_\-–—=*\s]{5,}")
_STOP = re.compile(
    r"(?:SIGNATURES?|Signatures?|SIGNATURE\s+PAGE|Pursuant\s+to\s+the\s+requirements"
    r"|Items?\s*\d{1,2}(?:\.\d{2})?\b|ITEMS?\s*\d|PART\s+[IV]+\b|Part\s+[IV]+\b"
    r"|(?:EXHIBIT|EXHIBITS)\s+INDEX|INDEX\s+TO\s+EXHIBITS|POWER\s+OF\s+ATTORNEY|UNDERTAKINGS?"
    r"|Financial\s+Statement\s+Schedules?|FINANCIAL\s+STATEMENT\s+SCHEDULES?)",
)
# A lettered heading: "(b) Reports on Form 8-K", "(c)\tExhibits", "b. Schedules".
_SECTION = re.compile(r"\(?[a-hA-H]\)(?:\s|$)|[a-h]\.\s+[A-Z]")
# A line in capitals, two words or more: "REPORTS ON FORM 8-K", "FINANCIAL STATEMENTS".
_CAPITALS = re.compile(r"[^a-z]*[A-Z]{2,}[^a-zA-Z]+[A-Z]{2,}[^a-z]*")
_ROW = re.compile(
    rf"(?P<pre>{_MARK}\s*)?(?:(?P<word>Exhibit|EXHIBIT|Ex\.|EX-|Exh\.)\s*(?:No\.?\s*)?)?"
    rf"(?P<num>{NUMBER}|(?<=EX-)FILING\s+FEES){_NUMBER_END}(?P<mark>{_MARK})?"
    r"(?P<sep>\s*[-–—:]\s+|\.?\t|\.?\s+|\.?$)"
)
_FORM = (
    r"(?:8-K(?:12[BG]3?)?|10-K(?:405|SB|T)?|10-Q(?:SB)?|10-12[BG]|10-SB|10|S-\d{1,2}(?:MEF|ASR)?"
    r"|F-\d{1,2}|20-F|40-F|6-K|8-A(?:12[BG])?|DEF\s?14[AC]|PRE\s?14A|DEFA14A|DEFM14A|11-K"
    r"|SB-2|N-\d?[A-Z]+(?:-\d)?|SC\s?(?:13[DG]|TO-[TIC]|14D9)|POS\s?AM|424B\d|1-A|425|S-8\s?POS"
    r"|N-CSRS?|18-K|15-12[BG])(?:/A)?"
)
_FORM_CELL = re.compile(rf"(?:Form\s+)?(?P<form>{_FORM})", re.IGNORECASE)
_FILE_NUMBER = r"\d{1,3}-\d{4,6}(?:-\d{1,3})?"
_FILE_CELL = re.compile(rf"(?:File\s+No\.?\s*)?({_FILE_NUMBER})", re.IGNORECASE)
_ACCESSION = re.compile(r"\b\d{10}-\d{2}-\d{6}\b")
_HEREWITH_CELL = re.compile(
    r"[Xx✓✔√☒■●]|Yes|(?:Filed|Furnished|Included|Submitted)(?:\s+(?:herewith|with\s+this\s+"
    r"(?:Report|Current\s+Report|Form\s+8-K|Annual\s+Report|filing)|electronically(?:\s+herewith)?"
    r"|hereto))?|Herewith",
    re.IGNORECASE,
)
_HEREWITH_TEXT = re.compile(
    r"\b(?:filed|furnished|included|submitted|provided)\s+(?:electronically\s+)?"
    r"(?:herewith|hereto|with\s+this\s+(?:report|current\s+report|annual\s+report|quarterly\s+"
    r"report|registration\s+statement|amendment|form|filing)|as\s+part\s+of\s+this)"
    r"|\battached\s+(?:hereto|herewith)\b|\bfurnished\b(?!\s+(?:as|in|to|by|under|on|with))",
    re.IGNORECASE,
)
_HERE_REFERENCE = re.compile(
    r"incorporated\s+(?:herein\s+)?by\s+reference\s+to\s+(?:the\s+)?[\w\s]{0,40}?"
    r"\b(?:hereto|hereof|herein|of\s+this\s+registration\s+statement)\b",
    re.IGNORECASE,
)
_TO_BE_FILED = re.compile(
    r"\bto\s+be\s+(?:filed|furnished|included)|\bby\s+amendment\b|\bwill\s+be\s+filed\b",
    re.IGNORECASE,
)
_IBR_ANCHOR = re.compile(
    r"incorporat\w*\s+(?:herein\s+|hereby\s+|hereto\s+)?(?:by\s+reference|from)"
    r"|previously\s+(?:filed|furnished)|(?:filed|furnished)\s+(?:previously\s+)?as\s+"
    r"(?:an\s+)?exhibit\s+" + NUMBER + r"\s*(?:to|of|in|with)\b"
    r"|\bExhibit\s+" + NUMBER + r"\s+(?:to|of)\s+(?!this\b)(?:the|our|its|Form|Amendment)\b",
    re.IGNORECASE,
)
_SOURCE_EXHIBIT = re.compile(
    rf"\bExhibits?\s+(?:No\.?\s*)?(?P<num>{NUMBER}){_NUMBER_END}\s*(?:to|of|in|filed|thereto|,)",
    re.IGNORECASE,
)
_SOURCE_FORM = re.compile(rf"\bForm\s+(?P<form>{_FORM})(?![\w-])", re.IGNORECASE)
_PROXY = re.compile(r"\b(?:Definitive\s+)?Proxy\s+Statement\b|\bSchedule\s+14A\b", re.I)
_SOURCE_FILE = re.compile(
    rf"(?:File|Registration|Commission\s+File)\s+(?:No(?:s)?\.?|Numbers?)\s*:?\s*(?P<no>{_FILE_NUMBER})",
    re.IGNORECASE,
)
_BARE_FILE = re.compile(
    r"(?<![\d-])(?P<no>(?:0\d{1,2}|333|811|002|005|000)-\d{4,6}(?:-\d{1,3})?)(?![\d-])"
)
_NOT_FILING_DATE = re.compile(
    r"(?:ended|ending|for\s+the\s+(?:fiscal\s+)?(?:year|quarter|period)|dated(?:\s+as\s+of)?"
    r"|as\s+of|through|effective)\s*,?\s*$",
    re.IGNORECASE,
)
_FILED_DATE_BEFORE = re.compile(r"\b(?:filed|furnished|on|dated|date)\b[^.;()]{0,40}$", re.I)


@dataclass
class _Row:
    number: str
    start: int
    end: int
    marks: list[str]
    description: list[tuple[int, int]]
    forms: list[str]
    dates: list[dt.date]
    exhibits: list[str]
    file_numbers: list[str]
    accessions: list[str]
    herewith_cell: bool = False
    indent: int = 0
    extra: list[tuple[int, int]] = field(default_factory=list)  # a "Method of Filing" column
    columns: list[tuple[int, str]] = field(default_factory=list)  # fixed-width cells


@dataclass
class _Line:
    start: int  # first non-blank character
    end: int  # last non-blank character + 1
    indent: int  # columns of leading white space
    after_blank: bool = False  # a blank line comes between this line and the one before

    def text(self, text: str) -> str:
        return text[self.start : self.end]


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    blank = False
    for raw in text.split("\n"):
        stripped = raw.lstrip(" \t\r\u200b\ufeff")
        s = pos + len(raw) - len(stripped)
        body = stripped.rstrip(" \t\r\u200b\ufeff")
        if body:
            indent = len(raw[: len(raw) - len(stripped)].expandtabs(8))
            out.append(_Line(s, s + len(body), indent, blank and bool(out)))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return out


_BLANK = " \t\u00a0\u200b\u200c\u200d\u2060\ufeff"


def _cells(text: str, line: _Line, start: int | None = None) -> list[tuple[int, int]]:
    """Cells of a line from `start` on: split at tabs, or at runs of 3+ spaces."""
    s = line.start if start is None else start
    out = []
    for m in re.finditer(r"[^\t]+?(?=\t|\s{3,}|$)", text[s : line.end]):
        a, b = s + m.start(), s + m.end()
        while a < b and text[a] in _BLANK:
            a += 1
        while b > a and text[b - 1] in _BLANK:
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _is_header_line(value: str) -> bool:
    # "NOTES" heads a column only in capitals: "Form of Notes" is a description.
    words = re.findall(r"[^\s\t]+", re.sub(r"\bNOTES?\b\*?", "", value).casefold())
    return bool(words) and all(w.strip(".,:;()*") in _HEADER_WORDS or w in "#|" for w in words)


_BLANKS = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")


def _clean_number(number: str) -> str:
    if number.upper().startswith("FILING"):
        return _TYPE_NUMBERS["FILING FEES"]
    return _BLANKS.sub("", number)


def _major(number: str) -> int:
    m = _DIGITS.match(number)
    return int(m.group()) if m else 107


class _Table:
    def __init__(self, text: str, lines: list[_Line], header: str, intro: str):
        self.text = text
        self.lines = lines
        self.header = header.casefold()
        self.intro = intro
        self.rows: list[_Row] = []
        self.legends: dict[str, str] = {}
        self.prefixed: bool | None = None  # rows written "Exhibit 3.1"
        self.has_source_exhibit_column = bool(
            re.search(r"\bform\b.*\bexhibit\b", self.header, re.DOTALL)
        )
        self.has_page_column = bool(re.search(r"\bpage\b|sequential", self.header))
        self.has_notes_column = bool(re.search(r"\bnotes\b", self.header))
        self.herewith_column = bool(
            re.search(r"herewith|method\s+of\s+filing|filed\b", self.header)
        )

    # A line's role ------------------------------------------------------------------

    def row_start(self, line: _Line, prev: _Row | None) -> re.Match | None:
        text = self.text
        m = _ROW.match(text, line.start, line.end)
        if not m:
            return None
        number = m.group("num")
        if _major(number) > 110 or _major(number) == 0:
            return None
        if _FORM_CELL.fullmatch(number) and not m.group("word"):
            return None  # "8-K" in a Form column; "Exhibit 10-K" is an exhibit
        rest = text[m.end() : line.end].lstrip(_BLANK)
        if rest and not re.match(rf"[A-Z0-9“\"'‘(\[{re.escape(_MARKS)}$]|\t", rest):
            return None  # "10 to the Company's ..." continues a description
        if self.prefixed and not m.group("word") and not rest:
            return None  # a page number in a list written "Exhibit 31.1 ..."
        if (
            prev is None
            and not self.rows
            and re.fullmatch(r"\d+", number)
            and (text[m.end("num") : m.end("num") + 1] == ".")
        ):
            return None  # "1. Financial Statements": a numbered paragraph opens no table
        if prev is not None:
            if line.indent > prev.indent + 3 and not m.group("word"):
                return None  # a wrapped description line of a fixed-width table
            if (
                self.has_source_exhibit_column
                and prev.forms
                and not prev.exhibits
                and not rest
                and not m.group("word")
            ):
                return None  # the "Exhibit" column of an incorporated row
        return m

    def read(self, i: int) -> int:
        """Read rows from line i; returns the index of the first line after the table."""
        text, lines = self.text, self.lines
        row: _Row | None = None
        in_legend = False
        last_legend: str | None = None
        pending_mark: str | None = None
        while i < len(lines):
            line = lines[i]
            value = line.text(text)
            if pending_mark is not None:
                self.legends.setdefault(pending_mark, value)
                last_legend, pending_mark = pending_mark, None
                i += 1
                continue
            legend = self._legend(line, in_legend)
            if legend is not None:
                mark, rest = legend
                if not self.rows and row is None:
                    return i
                in_legend = True
                if rest:
                    self.legends.setdefault(mark, rest)
                    last_legend = mark
                else:
                    pending_mark = mark
                i += 1
                continue
            if _SEPARATOR.fullmatch(value):
                i += 1
                continue
            if _is_header_line(value) or re.fullmatch(r"NOTES?", value.strip(" :")):
                if re.fullmatch(r"NOTES?", value.strip(" :")):
                    in_legend = True  # a table of notes keyed by code follows
                else:
                    in_legend = False  # the table goes on after a page break
                i += 1
                continue
            if _STOP.match(value) and self._repeated_heading(i):
                i += 1
                continue
            m = self.row_start(line, row) if not in_legend else None
            if m is not None:
                if row is not None:
                    self.rows.append(row)
                row = self._new_row(line, m)
                i += 1
                continue
            if _FURNITURE.fullmatch(value):
                i += 1
                continue
            if _STOP.match(value):
                break
            if in_legend:
                if last_legend and line.indent > 0 and len(value) < 250:
                    self.legends[last_legend] += " " + value  # a wrapped legend
                    i += 1
                    continue
                break
            if row is None:
                break
            if len(value) > 250 and row.description:
                break  # running prose after the table
            if self._ends_row(row, line):
                break
            self._continue_row(row, line)
            i += 1
        if row is not None:
            self.rows.append(row)
        return i

    def _ends_row(self, row: _Row, line: _Line) -> bool:
        """Whether a line that is no new row closes the row and the list instead of
        continuing its description: "(b) Reports on Form 8-K" under the last exhibit."""
        text = self.text
        value = line.text(text)
        described = " ".join(text[a:b] for a, b in row.description)
        if line.indent <= row.indent:
            if _SECTION.match(value):
                return True
            if _CAPITALS.fullmatch(value) and re.search(r"[a-z]", described):
                return True
        if line.after_blank and re.search(r"[.;:)\]]$", described) and not value[0].islower():
            # A finished description and a blank line: what follows is the next section,
            # unless it is a cell of the row's other columns (form, date, filed-herewith),
            # which one line per cell puts after empty cells. Rendered HTML also leaves a
            # blank line between the paragraphs of one description, so a description that
            # stops mid-phrase goes on.
            return any(
                self._cell_kind(text[a:b], row, first=False) == "description"
                for a, b in _cells(text, line)
            )
        return False

    def _legend(self, line: _Line, in_legend: bool) -> tuple[str, str] | None:
        """(marker, text) of a footnote line: "* Filed herewith.", or in a notes table
        keyed by code, "88K     Incorporated by reference to ..."."""
        value = line.text(self.text)
        m = re.fullmatch(rf"(?P<mark>{_MARK})\s*(?P<rest>.*)", value, re.DOTALL)
        if m and not re.match(NUMBER, m.group("rest") or ""):
            return m.group("mark"), m.group("rest")
        if in_legend and self.has_notes_column:
            cells = _cells(self.text, line)
            if len(cells) >= 2 and line.indent < 8:
                code = self.text[cells[0][0] : cells[0][1]]
                if _NOTE_CODE.fullmatch(code):
                    return code.rstrip(","), " ".join(self.text[a:b] for a, b in cells[1:])
        return None

    def _repeated_heading(self, i: int) -> bool:
        """An "Item 14 ..." or "EXHIBIT INDEX" line repeated at the top of a page, with the
        column headings under it again."""
        if not _trigger(self.lines[i].text(self.text)):
            return False
        for k in range(i + 1, min(len(self.lines), i + 4)):
            value = self.lines[k].text(self.text)
            if _is_header_line(value) or re.fullmatch(r"\(?Continued\)?", value, re.I):
                return True
        return False

    def _new_row(self, line: _Line, m: re.Match) -> _Row:
        number = _clean_number(m.group("num"))
        if self.prefixed is None:
            self.prefixed = bool(m.group("word"))
        marks = [x for x in (m.group("pre"), m.group("mark")) if x]
        row = _Row(
            number=number,
            start=m.start("word") if m.group("word") else m.start("num"),
            end=m.end("mark") if m.group("mark") else m.end("num"),
            marks=[x.strip() for x in marks],
            description=[],
            forms=[],
            dates=[],
            exhibits=[],
            file_numbers=[],
            accessions=[],
            indent=line.indent,
        )
        if m.end() < line.end:
            self._continue_row(row, line, m.end())
        return row

    def _continue_row(self, row: _Row, line: _Line, start: int | None = None) -> None:
        text = self.text
        cells = _cells(text, line, start)
        first_line = start is not None
        fixed = "\t" not in text[line.start : line.end]
        line_start = text.rfind("\n", 0, line.start) + 1
        for k, (a, b) in enumerate(cells):
            value = text[a:b]
            column = len(text[line_start:a].expandtabs(8))
            kind = self._cell_kind(value, row, first=(k == 0 and first_line))
            if kind == "description" and first_line and fixed:
                row.columns.append((column, "description"))
            if kind == "description":
                if not first_line and fixed and row.columns:
                    # A wrapped line of a fixed-width table: the column says which cell.
                    bucket = [c for c in row.columns if c[0] <= column + 2] or row.columns[:1]
                    first_desc = next(c for c in row.columns if c[1] == "description")
                    if bucket[-1][0] > first_desc[0]:
                        row.extra.append((a, b))
                        row.end = max(row.end, b)
                        continue
                if first_line and fixed and len(row.columns) > 1:
                    row.extra.append((a, b))
                else:
                    row.description.append((a, b))
            elif kind == "code":
                row.marks.extend(x for x in re.split(r"(\*+)", value) if x)
            elif kind == "form":
                row.forms.append(_FORM_CELL.fullmatch(value).group("form").upper())
            elif kind == "date":
                date = _date_of(DATE.fullmatch(value))
                if date:
                    row.dates.append(date)
            elif kind == "exhibit":
                row.exhibits.append(_clean_number(value))
            elif kind == "file":
                row.file_numbers.append(_FILE_CELL.fullmatch(value).group(1))
            elif kind == "accession":
                row.accessions.append(value)
            elif kind == "mark":
                row.marks.append(value)
            elif kind == "herewith":
                row.herewith_cell = True
            row.end = max(row.end, b)

    def _cell_kind(self, value: str, row: _Row, first: bool) -> str:
        if re.fullmatch(_MARK, value):
            return "mark"
        if first and self.has_notes_column and _NOTE_CODE.fullmatch(value):
            return "code"
        if not first or row.description:
            if _FORM_CELL.fullmatch(value):
                return "form"
            if DATE.fullmatch(value):
                return "date"
            if _ACCESSION.fullmatch(value):
                return "accession"
            if re.fullmatch(_FILE_NUMBER, value) or (
                _FILE_CELL.fullmatch(value) and value[:4].casefold() == "file"
            ):
                return "file"
            if _NUMBER_ONLY.fullmatch(value) and (row.forms or self.has_source_exhibit_column):
                return "exhibit"
            if re.fullmatch(r"\d{1,4}", value) and self.has_page_column:
                return "page"
            if self.herewith_column and _HEREWITH_CELL.fullmatch(value):
                return "herewith"
        return "description"

    # Facts of a row ------------------------------------------------------------------

    def candidates(self, sequence: str) -> list[ExhibitCandidate]:
        # A number with nothing after it is a page number, not an exhibit.
        return [
            self._candidate(row, sequence)
            for row in self.rows
            if row.description or row.forms or row.dates
        ]

    def _candidate(self, row: _Row, sequence: str) -> ExhibitCandidate:
        text = self.text
        parts = [" ".join(text[a:b].split()) for a, b in row.description]
        description = " ".join(p for p in parts if p)
        marks = list(row.marks)
        # Markers written at the end of the description: "Form of Indenture.*"
        tail = re.search(rf"\s*({_MARK})\s*$", description)
        if (
            tail
            and not re.search(r"\(\d{1,2}\)$", description[: tail.end()])
            or (tail and tail.group(1).startswith("(") and tail.group(1)[1:-1] in self.legends)
        ):
            marks.append(tail.group(1))
            description = description[: tail.start()].rstrip()
        lead = re.match(rf"({_MARK})\s*", description)
        if lead and not lead.group(1).startswith("("):
            marks.append(lead.group(1))
            description = description[lead.end() :]
        notes = tuple(self.legends[mk] for mk in dict.fromkeys(marks) if mk in self.legends)

        method = " ".join(" ".join(text[a:b].split()) for a, b in row.extra)
        facts = _source_facts(description)
        if not facts.ibr and method:
            facts = _source_facts(method)
            tail = re.search(rf"({_MARK})\s*$", method)
            if tail:
                marks.append(tail.group(1))
                notes = tuple(self.legends[mk] for mk in dict.fromkeys(marks) if mk in self.legends)
        for note in notes:
            if not facts.ibr and _IBR_ANCHOR.search(note) and not _TO_BE_FILED.search(note):
                facts = _source_facts(note)
        here_reference = bool(_HERE_REFERENCE.search(description))
        if facts.ibr and not facts.form and here_reference:
            facts = _Facts(False)  # "incorporated by reference to the signature page hereto"
        ibr = facts.ibr or bool(row.forms or row.dates and row.exhibits)
        source_form = (row.forms[0] if row.forms else None) or facts.form
        source_date = (row.dates[-1] if row.dates else None) or facts.date
        source_exhibit = (row.exhibits[0] if row.exhibits else None) or facts.exhibit
        source_file = (row.file_numbers[0] if row.file_numbers else None) or facts.file_number
        accession = (row.accessions[0] if row.accessions else None) or facts.accession

        filed_here: bool | None = None
        to_be_filed = bool(_TO_BE_FILED.search(description)) or any(
            _TO_BE_FILED.search(n) and not _HEREWITH_TEXT.search(n) for n in notes
        )
        if ibr:
            filed_here = False
        elif to_be_filed:
            filed_here = False
        elif _HEREWITH_TEXT.search(description + " " + method) or row.herewith_cell:
            filed_here = True
        elif here_reference:
            filed_here = True
        elif any(_HEREWITH_TEXT.search(n) for n in notes):
            filed_here = True
        elif _HEREWITH_TEXT.search(self.intro):
            filed_here = True
        if ibr and to_be_filed:
            ibr = False
        return ExhibitCandidate(
            number=row.number,
            description=_short_description(description) or None,
            filed_here=filed_here,
            incorporated_by_reference=ibr,
            source_form=source_form if ibr else None,
            source_date=source_date if ibr else None,
            source_exhibit=source_exhibit if ibr else None,
            source_file_number=source_file if ibr else None,
            source_accession=accession if ibr else None,
            document_sequence=None,
            start=row.start,
            end=row.end,
            source="exhibit-index",
            index_sequence=sequence,
            evidence=text[row.start : row.end],
            notes=notes,
        )


@dataclass(frozen=True, slots=True)
class _Facts:
    ibr: bool
    form: str | None = None
    date: dt.date | None = None
    exhibit: str | None = None
    file_number: str | None = None
    accession: str | None = None


def _source_facts(value: str) -> _Facts:
    """Where an incorporated exhibit was filed, read from its description or legend."""
    anchor = _IBR_ANCHOR.search(value)
    if not anchor:
        return _Facts(False)
    clause_start = anchor.start()
    # The clause may open a little earlier: "(filed as Exhibit 3.1 to ...", "Exhibit 3.1 to"
    paren = value.rfind("(", 0, clause_start)
    if paren >= 0 and ")" not in value[paren:clause_start]:
        clause_start = paren
    clause = value[clause_start:]
    exhibit = _SOURCE_EXHIBIT.search(clause)
    form = _SOURCE_FORM.search(clause)
    form_value = form.group("form").upper() if form else None
    if form_value:
        form_value = re.sub(r"\s+", " ", form_value)
    elif _PROXY.search(clause):
        form_value = "DEF 14A"
    date = None
    search_from = form.end() if form else 0
    fallback = None
    for m in DATE.finditer(clause, search_from):
        before = clause[max(0, m.start() - 45) : m.start()]
        if _NOT_FILING_DATE.search(before):
            continue
        parsed = _date_of(m)
        if parsed is None:
            continue
        if _FILED_DATE_BEFORE.search(before):
            date = parsed
            break
        fallback = fallback or parsed
    date = date or fallback
    file_no = _SOURCE_FILE.search(clause) or _BARE_FILE.search(clause)
    accession = _ACCESSION.search(clause)
    return _Facts(
        ibr=True,
        form=form_value,
        date=date,
        exhibit=_clean_number(exhibit.group("num")) if exhibit else None,
        file_number=file_no.group("no") if file_no else None,
        accession=accession.group() if accession else None,
    )


def _short_description(description: str) -> str:
    """The description without its "(filed as Exhibit 3.1 to ...)" or "Incorporated by
    reference to ..." clause and without a trailing "filed herewith"."""
    short = description
    m = _IBR_ANCHOR.search(short)
    if m:
        cut: int | None = m.start()
        paren = short.rfind("(", 0, cut)
        if paren >= 0 and ")" not in short[paren:cut]:
            cut = paren
        elif cut and not re.search(r"(?:[.;,]|\s[-–—])\s*$", short[:cut]):
            cut = None  # the clause is part of the description itself
        if cut:
            short = short[:cut].rstrip(" ,;-–—")
    short = re.sub(
        r"[,;]?\s*(?:filed|furnished|included)\s+herewith\.?$"
        r"|\s*\((?:filed|furnished)\s+herewith\)\.?$",
        "",
        short,
        flags=re.IGNORECASE,
    )
    return short.strip(" ;,") or description


def _intro(text: str, lines: list[_Line], a: int, b: int) -> str:
    return " ".join(lines[k].text(text) for k in range(a, b))


def exhibit_index(text: str, *, sequence: str) -> list[ExhibitCandidate]:
    """Rows of every exhibit list or index in a main document's plain text, one per number
    (a number listed twice, in Item 9.01 and again in an Exhibit Index, keeps its first row,
    filled in from the second)."""
    lines = _lines(text)
    found: list[ExhibitCandidate] = []
    i = 0
    while i < len(lines):
        if not _trigger(lines[i].text(text)):
            i += 1
            continue
        start = i
        j = i
        header: list[str] = []
        table = None
        # Between the heading and the first row: column headings, "(a) Financial statements:
        # not applicable", "The following exhibits are filed herewith:".
        while j < len(lines) and j - start <= 14:
            value = lines[j].text(text)
            if j > start and _STOP.match(value) and not _trigger(value):
                break
            if j > start and _ROW.match(value):
                table = _Table(text, lines, "\n".join(header), _intro(text, lines, start, j))
                if table.row_start(lines[j], None):
                    break
                table = None
            header.append(value if len(value) < 400 else "")
            # The heading line itself may end in a row: "(d) Exhibits 99.1 Press release"
            j += 1
        if table is None:
            i += 1
            continue
        end = table.read(j)
        found.extend(table.candidates(sequence))
        i = max(end, i + 1)
    return _dedupe(found)


def _dedupe(rows: list[ExhibitCandidate]) -> list[ExhibitCandidate]:
    out: list[ExhibitCandidate] = []
    for row in rows:
        for k, have in enumerate(out):
            if _same_number(have.number, row.number):
                out[k] = _fill(have, row)
                break
        else:
            out.append(row)
    return out


def _fill(first: ExhibitCandidate, later: ExhibitCandidate) -> ExhibitCandidate:
    """first, with the facts it lacks taken from later."""
    changes = {}
    for name in (
        "description",
        "filed_here",
        "source_form",
        "source_date",
        "source_exhibit",
        "source_file_number",
        "source_accession",
        "document_sequence",
    ):
        if getattr(first, name) is None and getattr(later, name) is not None:
            changes[name] = getattr(later, name)
    if later.incorporated_by_reference and not first.incorporated_by_reference:
        changes["incorporated_by_reference"] = True
    if later.notes and not first.notes:
        changes["notes"] = later.notes
    return replace(first, **changes) if changes else first


# --- merging documents and index -----------------------------------------------------------


def merge_exhibits(
    from_documents: list[ExhibitCandidate], from_index: list[ExhibitCandidate]
) -> list[ExhibitCandidate]:
    """One row per exhibit: a document's facts for an exhibit filed here (its number,
    sequence, filed_here=True), the index row's description, evidence and references."""
    index = list(from_index)
    used = [False] * len(index)
    merged: list[ExhibitCandidate] = []
    unmatched_docs: list[ExhibitCandidate] = []
    for doc in from_documents:
        k = next(
            (
                n
                for n, row in enumerate(index)
                if not used[n] and _same_number(row.number, doc.number)
            ),
            None,
        )
        if k is None:
            unmatched_docs.append(doc)
            continue
        used[k] = True
        merged.append(_merge_pair(doc, index[k]))
    # Documents typed "EX-31" against index rows "31.1" and "31.2": pair them in order when
    # the counts agree.
    rest: list[ExhibitCandidate] = []
    by_major: dict[str, list[ExhibitCandidate]] = {}
    for doc in unmatched_docs:
        by_major.setdefault(doc.number, []).append(doc)
    for number, docs in by_major.items():
        if not re.fullmatch(r"\d+", number):
            rest.extend(docs)
            continue
        rows = [
            n
            for n, row in enumerate(index)
            if not used[n] and re.fullmatch(rf"{number}\.\d+", row.number)
        ]
        if len(rows) != len(docs):
            rest.extend(docs)
            continue
        for doc, n in zip(docs, rows, strict=True):
            used[n] = True
            merged.append(replace(_merge_pair(doc, index[n]), number=index[n].number))
    merged.extend(rest)
    merged.extend(row for n, row in enumerate(index) if not used[n])
    return sorted(merged, key=lambda c: number_key(c.number))


def _merge_pair(doc: ExhibitCandidate, row: ExhibitCandidate) -> ExhibitCandidate:
    return replace(
        row,
        number=doc.number,
        description=row.description or doc.description,
        filed_here=True,
        incorporated_by_reference=False,
        source_form=None,
        source_date=None,
        source_exhibit=None,
        source_file_number=None,
        source_accession=None,
        document_sequence=doc.document_sequence,
        source="document-list",
    )


# --- references in item text --------------------------------------------------------------

_MENTION = re.compile(
    rf"(?=E)\b(?:Exhibits?|EXHIBITS?|Ex\.)(?:[ \t\u00a0]+|[ \t\u00a0]*\n[ \t\u00a0]*)(?:No(?:s)?\.\s*)?"
    rf"(?P<first>{NUMBER}){_NUMBER_END}"
    rf"(?P<more>(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|or\s+|through\s+|[-–]\s*)"
    rf"(?:Exhibit\s+)?{NUMBER}{_NUMBER_END})*)"
)
_MORE_NUMBER = re.compile(rf"(?P<num>{NUMBER}){_NUMBER_END}")
_VERB_BEFORE = re.compile(
    r"(?=[afispcb])"  # the verbs' first letters (case aside), looked at first
    r"(?:attached|filed|furnished|included|submitted|incorporated|appended|annexed|provided|"
    r"contained|set\s+forth|being\s+filed|being\s+furnished)"
    r"(?:\s+(?:hereto|herewith|herein|with\s+this\s+(?:report|Current\s+Report|Form\s+8-K|"
    r"Annual\s+Report|Quarterly\s+Report)(?:\s+on\s+Form\s+[\w-]+)?))?"
    r"\s+(?:as|in|at)\s+$",
    re.IGNORECASE,
)
_INTERNAL_AFTER = re.compile(
    r"\s*(?:hereto|herewith|attached\s+here|filed\s+herewith|furnished\s+herewith"
    r"|(?:to|of|with|in)\s+this\s+(?:Current\s+|Annual\s+|Quarterly\s+)?(?:Report|Form|Registration"
    r"|Amendment|filing|report)(?:\s+on\s+Form\s+[\w-]+(?:/A)?)?)",
    re.IGNORECASE,
)
_EXTERNAL_AFTER = re.compile(
    r"\s*(?:to|of|in|from|with)\s+(?!this\b)(?:the|our|its|their|a|an|Form|Amendment|"
    r"Post-Effective|[A-Z][\w&.'’-]*['’]s)\b",
)
_EXTERNAL_BEFORE = re.compile(
    r"(?:previously\s+(?:filed|furnished)|by\s+reference\s+to|reference\s+is\s+made\s+to|"
    r"see)\s+(?:as\s+)?$",
    re.IGNORECASE,
)
_EXTERNAL_BEFORE_ENDS = ("filed", "furnished", "to", "see", "as")  # the last word it can have
_CELL_END = re.compile(r"\t|\n| {3,}")
_TO_THE = re.compile(r"\s*(?:(?:to|of|in)(?:\s+the)?)?\s*")
_FILED_AS_BEFORE = re.compile(r"\b[Ff]iled\s+as\s+$")


def exhibit_references(
    text: str, *, sequence: str, split: Callable[[str], list] = sentences
) -> list[ExhibitReference]:
    """Phrases that point at an exhibit of this filing: "attached hereto as Exhibit 99.1",
    "filed with this report as Exhibit 10.1", "including Exhibit 99.1". A mention of an
    exhibit to another filing ("Exhibit 3.1 to the Company's Form 8-K") is left out, and so
    is a line that starts with "Exhibit 99.1" (a heading or an index row). `split` finds
    the sentences (a caller that needs them elsewhere too passes its memo)."""
    spans = split(text)
    starts = [s.start for s in spans]
    out: list[ExhibitReference] = []
    for m in _MENTION.finditer(text):
        newline = text.find("\n", m.start(), m.end("first"))
        if newline >= 0:
            line = text[text.rfind("\n", 0, newline) + 1 : newline]
            if len(line) < 55 or "\t" in line or _is_header_line(line):
                continue  # "Description of Exhibit" over a column of numbers
        line_start = text.rfind("\n", 0, m.start()) + 1
        after = text[m.end() : m.end() + 160]
        internal = _INTERNAL_AFTER.match(after)
        if not text[line_start : m.start()].strip() and not internal:
            continue
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and spans[k].end >= m.end():
            s_start, s_end = spans[k].start, spans[k].end
        else:
            s_start, s_end = line_start, _line_end(text, m.end())
        before = text[max(s_start, m.start() - 120) : m.start()]
        if not internal:
            if _EXTERNAL_AFTER.match(after) or (
                may_end_with(before, _EXTERNAL_BEFORE_ENDS) and _EXTERNAL_BEFORE.search(before)
            ):
                continue
            cell = _CELL_END.split(after, maxsplit=1)[0]
            if _TO_THE.fullmatch(cell) and (cell.strip() or _FILED_AS_BEFORE.search(before)):
                continue  # "Filed as Exhibit 4-E to" | the next line of a fixed-width column
        verb = _VERB_BEFORE.search(before) if may_end_with(before, ("as", "in", "at")) else None
        start = m.start() - (len(before) - verb.start()) if verb else m.start()
        numbers = [(m.group("first"), m.end("first"))]
        more = m.group("more") or ""
        for n in _MORE_NUMBER.finditer(more):
            end = m.start("more") + n.end()
            between = more[: n.start()].rstrip().split()[-1:] if n.start() else []
            if between and between[-1].casefold() in ("through", "-", "–", "to"):
                numbers.extend((x, end) for x in _range_between(numbers[-1][0], n.group("num")))
            numbers.append((n.group("num"), end))
        for k_, (number, end) in enumerate(numbers):
            if _major(number) > 110:
                continue
            if k_ == len(numbers) - 1 and internal:
                end = m.end() + internal.end()
            out.append(
                ExhibitReference(
                    number=_clean_number(number),
                    start=start,
                    end=end,
                    sentence_start=s_start,
                    sentence_end=max(s_end, end),
                    document_sequence=sequence,
                    evidence=text[start:end],
                )
            )
    return out


def _range_between(first: str, last: str) -> list[str]:
    """The numbers strictly between "4.1" and "4.3": ["4.2"]."""
    a_head, a_tail = first.rsplit(".", 1) if "." in first else ("", first)
    b_head, b_tail = last.rsplit(".", 1) if "." in last else ("", last)
    if a_head != b_head or not (a_tail.isdigit() and b_tail.isdigit()):
        return []
    lo, hi = int(a_tail), int(b_tail)
    if not 0 < hi - lo <= 20:
        return []
    prefix = a_head + "." if a_head else ""
    return [f"{prefix}{k}" for k in range(lo + 1, hi)]


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end
