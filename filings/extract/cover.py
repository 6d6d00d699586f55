"""Facts on the cover page of an 8-K, 10-K or 10-Q, read from the document's plain text.

Cover pages are tables. Rendered to text, a value usually sits on the line before its
parenthesised label ("Delaware" then "(State or other jurisdiction of incorporation)"),
sometimes after it or beside it ("Date of Report: October 3, 2017"), and a row of three
values may be followed by a row of three labels, either as separate lines or as columns of
one line. So the text is read as rows of label pieces and value cells, each label finds its
value in its own row, the value rows just above its label rows, or those just below, and
typed values (file number, IRS number, telephone, date) are recognised by their shape.

Every fact keeps its evidence: ``text[fact.start:fact.end]`` is the text it was read from.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

COVER_CHARS = 6000

US_STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "PR": "Puerto Rico",
}
_STATE_BY_NAME = {name.casefold(): code for code, name in US_STATES.items()}
_STATE_BY_NAME["washington, d.c."] = "DC"
_STATE_BY_NAME["washington d.c."] = "DC"
_STATE_BY_NAME["d.c."] = "DC"

# Jurisdictions outside the United States that cover pages name often enough to recognise.
_FOREIGN = re.compile(
    r"(?i)^(?:the\s+)?(?:cayman\s+islands|bermuda|british\s+virgin\s+islands|marshall\s+islands|"
    r"bahamas|panama|liberia|ireland|england(?:\s+and\s+wales)?|united\s+kingdom|scotland|"
    r"jersey|guernsey|isle\s+of\s+man|netherlands|luxembourg|switzerland|germany|france|"
    r"israel|singapore|hong\s+kong|japan|australia|canada|mexico|brazil|"
    r"(?:ontario|quebec|british\s+columbia|alberta|manitoba|nova\s+scotia|new\s+brunswick|"
    r"saskatchewan)(?:,?\s+canada)?)$"
)

_STATE_NAMES_RE = "|".join(
    re.escape(name) for name in sorted(US_STATES.values(), key=len, reverse=True)
)
_STATE_CODES_RE = "|".join(US_STATES)

# Typed values, recognised by their shape. Checked in this order, so a telephone number's
# "302-9700" is never read as a commission file number.
_PHONE = re.compile(
    r"(?<![\w-])(?:\+?1[\s.-])?(?:\(\d{3}\)\s*|\d{3}[\s.-])\d{3}[\s.-]\d{4}"
    r"(?:\s*(?:x|ext\.?)\s*\d{1,5})?(?![\d-])",
    re.I,
)
_IRS = re.compile(r"(?<![\w-])(?:\d{2}-\d{7}|\d{9})(?![\w-])")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = re.compile(
    rf"\b(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y1>\d{{4}})\b"
    rf"|\b(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\.?,?\s+(?P<y2>\d{{4}})\b"
    r"|(?<![\d/])(?P<m3>\d{1,2})/(?P<d3>\d{1,2})/(?P<y3>\d{4}|\d{2})(?![\d/])",
    re.I,
)
_ZIP = re.compile(r"\d{5}(?:-\d{4})?")
_FILE = re.compile(r"(?<![\w-])\d{1,3}-\d{4,6}(?:-\d{2})?(?![\w-])")
_TYPED = (("phone", _PHONE), ("irs", _IRS), ("date", _DATE), ("file", _FILE))

# Where label text starts, by the field it names. \s+ lets a label wrap over lines.
_ANCHORS = (
    (
        "name",
        r"exact\s+name\s+of\s+(?:the\s+)?registrants?|name\s+of\s+registrant\s+as\s+spec"
        r"|exact\s+name\s+of\s+(?:the\s+)?\w+(?:\s+\w+)?\s+as\s+specified",
    ),
    (
        "state",
        r"state\s+or\s+other\s+juris-?\s*diction|(?:state|jurisdiction)\s+of\s+"
        r"(?:incorporation|organization)",
    ),
    ("file", r"(?:commission|sec)\s+file\s+(?:number|no\b)|[(\[]\s*commission\b"),
    ("irs", r"i\.?\s?r\.?\s?s\.?\s+employer|employer\s+identification|[(\[]\s*i\.?r\.?s\b"),
    (
        "address",
        r"address(?:es)?\s+of\s+(?:the\s+)?principal\s+(?:executive|office|place)",
    ),
    ("zip", r"zip\s+code|postal\s+code"),
    ("phone", r"telephone\s+number"),
    ("date", r"date\s+of\s+report|earliest\s+event\s+reported"),
    ("period", r"for\s+the\s+(?:fiscal\s+year|quarterly\s+period|(?:fiscal\s+)?period)\s+ended"),
    ("former", r"former\s+(?:name|address)"),
)
_ANCHOR_RE = re.compile("|".join(f"(?P<{f}>{p})" for f, p in _ANCHORS), re.I)

# Words that make up cover labels: a bracketed or stray piece made only of these is label
# text ("of incorporation)", "Identification No.)", "Registrant's").
_VOCAB = frozenset(
    """exact name names of the registrant registrants as specified in its charter state or
    other jurisdiction incorporation organization commission file number numbers no nos irs
    employer identification address principal executive offices office zip code postal
    telephone including area and date report earliest event reported former if changed since
    last sec""".split()
)

# The form's heading line; a hidden XBRL header may come before it.
_COVER_START = re.compile(
    r"^[ \t]*(?:united\s+states\s+)?securities\s+and\s+exchange\s+commission[ \t]*$", re.I | re.M
)
_COVER_END = re.compile(
    r"check\s+the\s+appropriate\s+box|securities\s+registered\s+pursuant\s+to\s+section\s+12"
    r"|indicate\s+by\s+check\s+mark|^[ \t]*items?[ \t]+\d",
    re.I | re.M,
)
_DECORATION = re.compile(r"[\s\-_=*.·•~]*")
_GAP = re.compile(r"\t+|[ \u00a0]{2,}")
_WORD = re.compile(r"[A-Za-z][A-Za-z.'’]*")
_NOISE = re.compile(r"(?i)not\s+applicable\.?|n/?a|none\.?")
_NOT_A_NAME = re.compile(
    r"(?i)^(?:form\s+\d|current\s+report|united\s+states|securities\s+and\s+exchange|"
    r"washington|pursuant\s+to|annual\s+report|quarterly\s+report|transition\s+report|"
    r"\(?mark\s+one|securities\s+exchange\s+act)"
)
_STRIP = " \t\r\u00a0,;:|-–—"


@dataclass(frozen=True)
class Fact[T]:
    """A value read from the text; text[start:end] is its evidence."""

    value: T
    start: int
    end: int


@dataclass(frozen=True)
class Address:
    """The address of principal executive offices, as one string and in parts."""

    full: str  # the cover's lines joined: "250 Williams Street, Atlanta, GA 30303"
    street: str | None = None
    city: str | None = None
    state: str | None = None  # USPS code when recognised ("GA"), else None
    zip: str | None = None


@dataclass(frozen=True)
class CoverFacts:
    registrant_name: Fact[str] | None = None
    state_of_incorporation: Fact[str] | None = None  # as written: "Delaware", "DELAWARE"
    commission_file_number: Fact[str] | None = None
    irs_number: Fact[str] | None = None
    address: Fact[Address] | None = None
    phone: Fact[str] | None = None
    # 8-K: the date of report (date of earliest event reported). 10-K/10-Q: the end of the
    # period the report covers. Either way what the header calls CONFORMED PERIOD OF REPORT.
    date_of_report: Fact[dt.date] | None = None


@dataclass(frozen=True)
class Difference:
    """A fact on which the header and the cover page disagree."""

    field: str  # a CoverFacts field name
    label: str  # the cover's label for it
    header_value: str
    document_value: str
    start: int  # evidence of the document value
    end: int


def state_code(value: str | None) -> str | None:
    """The USPS code of a US state, DC or Puerto Rico given by name or code, else None."""
    if not value:
        return None
    v = " ".join(value.split()).strip(" .,")
    if v.upper() in US_STATES and len(v) == 2:
        return v.upper()
    return _STATE_BY_NAME.get(v.casefold()) or _STATE_BY_NAME.get(v.casefold() + ".")


def parse_date(value: str) -> dt.date | None:
    """A date written as "December 14, 2004", "December 14,2004", "14 December 2004" or
    "12/14/2004"; None when the text holds no such date."""
    m = _DATE.search(value)
    return _date_from_match(m) if m else None


def _date_from_match(m: re.Match) -> dt.date | None:
    try:
        if m.group("m1"):
            month, day, year = _month(m.group("m1")), int(m.group("d1")), int(m.group("y1"))
        elif m.group("m2"):
            month, day, year = _month(m.group("m2")), int(m.group("d2")), int(m.group("y2"))
        else:
            month, day, year = int(m.group("m3")), int(m.group("d3")), int(m.group("y3"))
            if year < 100:
                year += 1900 if year >= 50 else 2000
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month(name: str) -> int:
    return "jan feb mar apr may jun jul aug sep oct nov dec".split().index(name[:3].casefold()) + 1


# ---------------------------------------------------------------------------------------
# Reading the cover


@dataclass(frozen=True)
class _Cell:
    start: int
    end: int
    text: str
    kind: str | None  # "phone", "irs", "date", "file" or None


@dataclass
class _Line:
    start: int
    end: int
    labels: list[tuple[int, int]]  # label pieces, merged, in order
    cells: list[_Cell]

    @property
    def kind(self) -> str:
        if self.labels and self.cells:
            return "mixed"
        if self.labels:
            return "label"
        return "value" if self.cells else "blank"


@dataclass(frozen=True)
class _Anchor:
    field: str
    start: int
    end: int
    span: tuple[int, int]  # the label text around it (vocabulary words, ":")


def _words(piece: str) -> list[str]:
    out = []
    for w in _WORD.findall(piece):
        w = w.casefold().replace("’", "'")
        w = re.sub(r"'s?$", "", w).replace(".", "").replace("'", "")
        out.append(w)
    return out


def _all_vocab(piece: str) -> bool:
    if any(ch.isdigit() for ch in piece):
        return False
    words = _words(piece)
    return bool(words) and all(w in _VOCAB for w in words)


class _Cover:
    def __init__(self, text: str):
        self.text = text
        m = _COVER_START.search(text, 0, 100_000)
        start = m.start() if m else 0
        end = min(len(text), start + COVER_CHARS)
        anchors = self._anchors(start, end)
        after = anchors[0].end if anchors else start
        stop = _COVER_END.search(text, after, end)
        if stop:
            end = stop.start()
            anchors = [a for a in anchors if a.end <= end]
        self.anchors = anchors
        self.lines = self._lines(start, end)
        self.line_starts = [line.start for line in self.lines]
        self.used: set[_Cell] = set()

    # -- anchors and lines ----------------------------------------------------------------

    def _anchors(self, start: int, end: int) -> list[_Anchor]:
        out = []
        for m in _ANCHOR_RE.finditer(self.text, start, end):
            out.append(_Anchor(m.lastgroup, m.start(), m.end(), self._extend(m.start(), m.end())))
        return out

    def _extend(self, s: int, e: int) -> tuple[int, int]:
        """Widen an anchor over the label words and punctuation around it on its lines."""
        text = self.text
        line_start = text.rfind("\n", 0, s) + 1
        before = list(re.finditer(r"[A-Za-z][A-Za-z.'’]*|[^\sA-Za-z]", text[line_start:s]))
        for tok in reversed(before):
            t = tok.group()
            if t in ",;’'" or (t[0].isalpha() and _words(t) and _words(t)[0] in _VOCAB):
                s = line_start + tok.start()
            else:
                break
        line_end = text.find("\n", e)
        line_end = len(text) if line_end < 0 else line_end
        end = e
        for tok in re.finditer(r"[A-Za-z][A-Za-z.'’]*|[^\sA-Za-z]", text[e:line_end]):
            t = tok.group()
            if t in ",;:.)]" or (t[0].isalpha() and _words(t) and _words(t)[0] in _VOCAB):
                end = e + tok.end()
            else:
                break
        return s, end

    def _lines(self, start: int, end: int) -> list[_Line]:
        lines = []
        pos = start
        for raw in self.text[start:end].split("\n"):
            lines.append(self._classify(pos, pos + len(raw)))
            pos += len(raw) + 1
        return lines

    def _classify(self, ls: int, le: int) -> _Line:
        text = self.text
        line = text[ls:le]
        if _DECORATION.fullmatch(line):
            return _Line(ls, le, [], [])
        label = [False] * len(line)

        def mark(a: int, b: int) -> None:
            for i in range(max(a, 0), min(b, len(line))):
                label[i] = True

        for a in self.anchors:
            lo, hi = a.span
            if lo < le and hi > ls:
                mark(lo - ls, hi - ls)
        # Bracketed pieces: split before each opening and after each closing bracket.
        cuts = sorted(
            {0, len(line)}
            | {i for i, ch in enumerate(line) if ch in "(["}
            | {i + 1 for i, ch in enumerate(line) if ch in ")]"}
        )
        for a, b in zip(cuts, cuts[1:], strict=False):
            piece = line[a:b].strip()
            if not piece or not (piece[0] in "([" or piece[-1] in ")]"):
                continue
            if any(label[a:b]) and not any(ch.isdigit() for ch in piece) or _all_vocab(piece):
                mark(a, b)
        # Stray label words outside brackets ("Registrant's" on a line of its own).
        for chunk_start, chunk_end in _unmarked_chunks(line, label):
            if _all_vocab(line[chunk_start:chunk_end]):
                mark(chunk_start, chunk_end)

        labels: list[tuple[int, int]] = []
        cells: list[_Cell] = []
        i = 0
        while i < len(line):
            j = i
            while j < len(line) and label[j] == label[i]:
                j += 1
            if label[i]:
                labels.append((ls + i, ls + j))
            else:
                cells.extend(_cells(text, ls + i, ls + j))
            i = j
        # Label pieces with only punctuation between them are one label.
        merged: list[tuple[int, int]] = []
        for a, b in labels:
            if merged and not any(merged[-1][1] <= c.start < a for c in cells):
                merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        return _Line(ls, le, merged, cells)

    # -- navigation -----------------------------------------------------------------------

    def _line_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.line_starts, pos) - 1)

    def _label_block(self, anchor: _Anchor) -> tuple[int, int]:
        top = self._line_index(anchor.span[0])
        bottom = self._line_index(max(anchor.span[1] - 1, anchor.span[0]))
        if any(self.lines[i].kind == "mixed" for i in range(top, bottom + 1)):
            return top, bottom
        i = top - 1
        while i >= 0 and self.lines[i].kind in ("label", "blank"):
            if self.lines[i].kind == "label":
                top = i
            i -= 1
        i = bottom + 1
        while i < len(self.lines) and self.lines[i].kind in ("label", "blank"):
            if self.lines[i].kind == "label":
                bottom = i
            i += 1
        return top, bottom

    def _block(self, first: int, step: int) -> list[_Cell]:
        """Cells of the value rows next to a label block, in reading order."""
        rows = []
        i = first
        while 0 <= i < len(self.lines):
            line = self.lines[i]
            if line.kind == "value":
                rows.append(line.cells)
            elif line.kind == "mixed" and step < 0 and line.cells[-1].end <= line.labels[0][0]:
                # "Cupertino, California   (Zip Code)": values left of their own labels
                # still read upwards as part of the block above a label.
                rows.append(line.cells)
            elif line.kind != "blank":
                break
            i += step
        if step < 0:
            rows.reverse()
        return [c for row in rows for c in row]

    def _inline(self, anchor: _Anchor, after: bool) -> list[_Cell]:
        pos = anchor.span[1] - 1 if after else anchor.span[0]
        line = self.lines[self._line_index(pos)]
        for a, b in line.labels:
            if a <= pos < b:
                if after:
                    nxt = min((x for x, _ in line.labels if x >= b), default=line.end)
                    return [c for c in line.cells if b <= c.start < nxt]
                prev = max((y for _, y in line.labels if y <= a), default=line.start)
                return [c for c in line.cells if prev <= c.start and c.end <= a]
        return []

    def _fields_in_block(self, top: int, bottom: int) -> list[str]:
        lo, hi = self.lines[top].start, self.lines[bottom].end
        fields: list[str] = []
        for a in self.anchors:
            if lo <= a.start < hi and (not fields or fields[-1] != a.field):
                fields.append(a.field)
        return fields

    def sources(self, anchor: _Anchor) -> Iterator[tuple[str, list[_Cell], int, int]]:
        """(where, cells, index of this label among its block's labels, label count)."""
        top, bottom = self._label_block(anchor)
        fields = self._fields_in_block(top, bottom)
        field = "date" if anchor.field == "period" else anchor.field
        idx = fields.index(field) if field in fields else 0
        yield "inline_after", self._inline(anchor, after=True), 0, 1
        yield "before", self._block(top - 1, -1), idx, len(fields)
        yield "inline_before", self._inline(anchor, after=False), 0, 1
        yield "after", self._block(bottom + 1, 1), idx, len(fields)

    # -- choosing values ------------------------------------------------------------------

    def free(self, cells: list[_Cell]) -> list[_Cell]:
        return [c for c in cells if c not in self.used]

    def typed(self, field: str, kind: str) -> _Cell | None:
        for anchor in self.anchors:
            if anchor.field != field:
                continue
            cell = self.typed_at(anchor, kind)
            if cell:
                return cell
        return None

    def typed_at(self, anchor: _Anchor, kind: str) -> _Cell | None:
        for where, cells, idx, k in self.sources(anchor):
            if len(cells) == k and k > 1 and cells[idx].kind == kind:
                if cells[idx] not in self.used:
                    return cells[idx]
            candidates = [c for c in self.free(cells) if c.kind == kind]
            if candidates:
                return candidates[-1] if where in ("before", "inline_before") else candidates[0]
        return None

    def name(self) -> _Cell | None:
        for anchor in self.anchors:
            if anchor.field != "name":
                continue
            for where, cells, idx, k in self.sources(anchor):
                if not cells:
                    continue
                if where == "before":
                    cell = cells[idx] if len(cells) == k and k > 1 else cells[-1]
                elif where == "inline_before":
                    cell = cells[-1]
                else:
                    cell = next((c for c in self.free(cells) if c.kind is None), None)
                if cell and cell.kind is None and cell not in self.used and _is_name(cell.text):
                    return cell
        return None

    def state(self) -> tuple[_Cell, Fact[str]] | None:
        for anchor in self.anchors:
            if anchor.field != "state":
                continue
            for where, cells, idx, k in self.sources(anchor):
                if len(cells) == k and cells[idx].kind is None and cells[idx] not in self.used:
                    fact = _jurisdiction(cells[idx], loose=True)
                    if fact:
                        return cells[idx], fact
                free = [c for c in self.free(cells) if c.kind is None]
                if where in ("before", "inline_before"):
                    free.reverse()
                for cell in free[: k + 2]:
                    fact = _jurisdiction(cell, loose=False)
                    if fact:
                        return cell, fact
        return None

    def address(self) -> tuple[list[_Cell], str] | None:
        for anchor in self.anchors:
            if anchor.field != "address":
                continue
            for where, cells, _, _ in self.sources(anchor):
                run = _address_run(cells, self.used, backwards=where in ("before", "inline_before"))
                if run:
                    full = _join_address(run)
                    if re.search(r"\d", full) or _find_state(full):
                        return run, full
        return None

    def date(self) -> _Cell | None:
        best = None
        for anchor in self.anchors:
            if anchor.field != "date":
                continue
            cell = self.typed_at(anchor, "date")
            if cell and "earliest" in self.text[anchor.start : anchor.end].casefold():
                return cell
            best = best or cell
        if best:
            return best
        period = self.typed("period", "date")
        if period:
            return period
        # Some covers give the date with no label at all: a line of its own above the name.
        name_at = next((a.start for a in self.anchors if a.field == "name"), None)
        for line in self.lines:
            if name_at is not None and line.start >= name_at:
                break
            if line.kind == "value" and len(line.cells) == 1 and line.cells[0].kind == "date":
                return line.cells[0]
        return None


def _unmarked_chunks(line: str, label: list[bool]) -> Iterator[tuple[int, int]]:
    i = 0
    while i < len(line):
        if label[i]:
            i += 1
            continue
        j = i
        while j < len(line) and not label[j]:
            j += 1
        pos = i
        for gap in _GAP.finditer(line, i, j):
            yield pos, gap.start()
            pos = gap.end()
        yield pos, j
        i = j


def _cells(text: str, start: int, end: int) -> list[_Cell]:
    """Value cells of a stretch of a line: split at wide gaps, typed values carved out."""
    out: list[_Cell] = []
    pos = start
    chunks = []
    for gap in _GAP.finditer(text, start, end):
        chunks.append((pos, gap.start()))
        pos = gap.end()
    chunks.append((pos, end))
    for a, b in chunks:
        found: list[tuple[int, int, str]] = []
        for kind, pattern in _TYPED:
            for m in pattern.finditer(text, a, b):
                if kind == "date" and not _date_from_match(m):
                    continue
                if all(m.end() <= s or m.start() >= e for s, e, _ in found):
                    found.append((m.start(), m.end(), kind))
        found.sort()
        pos = a
        for s, e, kind in found:
            out.extend(_plain_cell(text, pos, s))
            out.append(_Cell(s, e, text[s:e], kind))
            pos = e
        out.extend(_plain_cell(text, pos, b))
    return out


def _plain_cell(text: str, start: int, end: int) -> list[_Cell]:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    piece = text[start:end]
    if not any(ch.isalnum() for ch in piece) or _all_vocab(piece) or _NOISE.fullmatch(piece):
        return []
    return [_Cell(start, end, piece, None)]


def _is_name(value: str) -> bool:
    letters = sum(ch.isalpha() for ch in value)
    return (
        2 <= letters
        and len(value) <= 150
        and not _NOT_A_NAME.match(value)
        and not state_code(value)
    )


def _jurisdiction(cell: _Cell, loose: bool) -> Fact[str] | None:
    value = cell.text.strip()
    if state_code(value) or _FOREIGN.match(value.rstrip(".")):
        return Fact(value, cell.start, cell.end)
    m = re.search(
        rf"(?i)\b(?:an?|state\s+of)\s+({_STATE_NAMES_RE})\b(?:\s+(?:corporation|limited|"
        r"company|general|statutory|business|banking|trust|partnership))?",
        value,
    )
    if m:
        return Fact(m.group(1), cell.start + m.start(1), cell.start + m.end(1))
    if loose and not any(ch.isdigit() for ch in value) and len(value.split()) <= 5:
        if not _NOT_A_NAME.match(value):
            return Fact(value, cell.start, cell.end)
    return None


def _address_run(cells: list[_Cell], used: set[_Cell], backwards: bool) -> list[_Cell]:
    order = list(reversed(cells)) if backwards else list(cells)
    i = 0
    while i < len(order) and (order[i].kind is not None or order[i] in used):
        i += 1
    run = []
    while i < len(order) and order[i].kind is None and order[i] not in used and len(run) < 6:
        if _NOT_A_NAME.match(order[i].text):  # the form's own heading, not an address
            break
        run.append(order[i])
        i += 1
    if backwards:
        run.reverse()
    return run


def _join_address(run: list[_Cell]) -> str:
    """The address cells as one line: "250 Williams Street, Atlanta, GA 30303"."""
    # A zip code in its own column may sit on the street's row; it belongs at the end.
    zips = [c for c in run[:-1] if _ZIP.fullmatch(c.text)]
    out = ""
    for cell in [c for c in run if c not in zips] + zips:
        if not out:
            out = cell.text
        elif _ZIP.fullmatch(cell.text):
            out = f"{out} {cell.text}"
        else:
            out = f"{out.rstrip(',')}, {cell.text}"
    out = " ".join(out.split())
    # ... or, with the columns run together, end the street's line.
    stray = re.search(r" (\d{5}(?:-\d{4})?)(?=,)", out)
    if stray and not re.search(r"\d{5}(?:-\d{4})?$", out):
        out = f"{out[: stray.start()]}{out[stray.end() :]} {stray.group(1)}"
    return out


def _find_state(full: str) -> re.Match | None:
    return re.search(
        rf"(?:^|[,\s])(?P<state>(?i:{_STATE_NAMES_RE})|{_STATE_CODES_RE})\.?,?"
        r"(?:\s+(?P<zip>\d{5}(?:-\d{4})?))?\s*$",
        full,
    )


def _parse_address(full: str) -> Address:
    m = _find_state(full)
    if not m:
        return Address(full=full)
    before = full[: m.start("state")].rstrip(" ,")
    # The city is the part before the state; with no comma to set it off it is unknown.
    street, _, city = before.rpartition(",") if "," in before else (before, "", "")
    return Address(
        full=full,
        street=street.strip(" ,") or None,
        city=city.strip(" ,") or None,
        state=state_code(m.group("state")),
        zip=m.group("zip"),
    )


def cover_facts(text: str) -> CoverFacts:
    """Read the cover page at the start of an 8-K, 10-K or 10-Q's plain text."""
    cover = _Cover(text)
    facts: dict[str, Fact] = {}

    def take(cell: _Cell | None, key: str) -> None:
        if cell:
            cover.used.add(cell)
            facts[key] = Fact(cell.text, cell.start, cell.end)

    date_cell = cover.date()
    if date_cell:
        cover.used.add(date_cell)
        facts["date_of_report"] = Fact(parse_date(date_cell.text), date_cell.start, date_cell.end)
    take(cover.typed("file", "file"), "commission_file_number")
    take(cover.typed("irs", "irs"), "irs_number")
    take(cover.typed("phone", "phone"), "phone")
    take(cover.name(), "registrant_name")
    state = cover.state()
    if state:
        cover.used.add(state[0])
        facts["state_of_incorporation"] = state[1]
    found = cover.address()
    if found:
        run, full = found
        facts["address"] = Fact(_parse_address(full), run[0].start, run[-1].end)
    return CoverFacts(**facts)


# ---------------------------------------------------------------------------------------
# Header vs cover

LABELS = {
    "registrant_name": "Exact name of registrant as specified in its charter",
    "state_of_incorporation": "State or other jurisdiction of incorporation",
    "commission_file_number": "Commission File Number",
    "irs_number": "IRS Employer Identification Number",
    "address": "Address of principal executive offices",
    "phone": "Registrant's telephone number, including area code",
    "date_of_report": "Date of report (date of earliest event reported)",
}

_NAME_WORDS = {
    "corporation": "corp",
    "incorporated": "inc",
    "company": "co",
    "limited": "ltd",
    "&": "and",
}


def _name_key(name: str) -> str:
    name = re.sub(r"\s*/[A-Z]{2,3}/?\s*$", "", name.strip())  # "CORP /DE/", "CORP/WA"
    words = re.findall(r"[^\W_]+|&", name.casefold())
    words = [_NAME_WORDS.get(w, w) for w in words]
    if words and words[0] == "the":
        words = words[1:]
    return "".join(words)


def _file_key(value: str) -> tuple[int, ...] | None:
    parts = re.findall(r"\d+", value)
    return tuple(int(p) for p in parts) if len(parts) >= 2 else None


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _phone_same(a: str, b: str) -> bool:
    a, b = _digits(a), _digits(b)
    if len(a) == 11 and a.startswith("1"):
        a = a[1:]
    if len(b) == 11 and b.startswith("1"):
        b = b[1:]
    n = 10 if len(a) >= 10 and len(b) >= 10 else 7
    return a[-n:] == b[-n:]


def _city_key(city: str) -> str:
    words = re.findall(r"[^\W_]+", city.casefold())
    expand = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
    return " ".join(expand.get(w, w) for w in words)


def _format_address(addr: dict) -> str:
    street = ", ".join(s for s in (addr.get("street1"), addr.get("street2")) if s)
    tail = " ".join(s for s in (addr.get("state"), addr.get("zip")) if s)
    return ", ".join(s for s in (street, addr.get("city"), tail) if s)


def reconcile(cover: CoverFacts, header: dict) -> list[Difference]:
    """The facts on which the cover page and the SGML header really disagree.

    `header` is a plain dict: name, state_of_incorporation, file_numbers, irs_number,
    business_address / mail_address ({street1, street2, city, state, zip, phone}) and
    period_of_report. A fact missing on either side is not a difference.
    """
    out: list[Difference] = []

    def differ(field: str, header_value: str, fact: Fact, document_value: str) -> None:
        out.append(
            Difference(field, LABELS[field], header_value, document_value, fact.start, fact.end)
        )

    name = cover.registrant_name
    if name and header.get("name") and _name_key(name.value) != _name_key(header["name"]):
        differ("registrant_name", header["name"], name, name.value)

    state = cover.state_of_incorporation
    header_state = (header.get("state_of_incorporation") or "").strip()
    if state and header_state:
        ours, theirs = state_code(state.value), state_code(header_state) or header_state.upper()
        # A jurisdiction outside the US cannot be compared with EDGAR's country codes here.
        if ours and ours != theirs:
            differ("state_of_incorporation", header_state, state, state.value)

    number = cover.commission_file_number
    header_files = [f for f in header.get("file_numbers") or [] if f]
    if number and header_files:
        if _file_key(number.value) not in {_file_key(f) for f in header_files}:
            differ("commission_file_number", ", ".join(header_files), number, number.value)

    irs = cover.irs_number
    header_irs = header.get("irs_number") or ""
    if irs and _digits(header_irs) and _digits(irs.value) != _digits(header_irs):
        differ("irs_number", header_irs, irs, irs.value)

    business = header.get("business_address") or {}
    mail = header.get("mail_address") or {}
    address = cover.address
    if address:
        # The principal executive offices are the business address; the mail address
        # stands in only when the header gives no business city.
        target = business if business.get("city") else mail
        if target.get("city"):
            ours = address.value.city
            same = (
                _city_key(ours) == _city_key(target["city"])
                if ours
                else _city_key(target["city"]) in _city_key(address.value.full)
            )
            if not same:
                differ("address", _format_address(target), address, address.value.full)

    phone = cover.phone
    header_phone = business.get("phone") or ""
    if phone and len(_digits(header_phone)) >= 7 and not _phone_same(phone.value, header_phone):
        differ("phone", header_phone, phone, phone.value)

    date = cover.date_of_report
    period = header.get("period_of_report")
    if date and date.value and period and date.value != period:
        differ("date_of_report", period.isoformat(), date, date.value.isoformat())
    return out
