"""Two plain texts side by side: split into sections (8-K items, "Item N." headings),
sections paired by their heading, paragraphs aligned by hash, and words marked only
inside the paragraphs that changed.

rapidfuzz does the sequence work (already a dependency): its bit-parallel edit
distances cost the same whatever the text repeats, where difflib's matcher turns
quadratic on runs of equal lines (blank table cells, "$" columns) and is some 15 times
slower on word lists. A budget bounds the word-level work on pathological pairs; past
it, changed paragraphs are shown whole, with a notice.

Pure Python, no Django: the compare view and the bench call the same functions.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from .extract.body_items import body_items

SAME, CHANGED, ADDED, REMOVED, MOVED = "same", "changed", "added", "removed", "moved"

# Word-level work allowed for one comparison, in cells of the edit matrix (a pair of
# 10,000-word paragraphs is 10**8 and takes some 60 ms), and for one paragraph pair.
BUDGET_CELLS = 400_000_000
PAIR_CELLS = 100_000_000
# Blocks of changed paragraphs up to this many pairs are matched by similarity; larger
# ones (documents that share little) are matched position by position.
PAIRING_LIMIT = 900
LONG_BLOCK = 40
SIMILAR = 50  # rapidfuzz ratio from which two paragraphs are one paragraph changed

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\xa0]*\n\s*")
# Words, with the numbers and contractions that hold a period or comma ("5.2", "1,000",
# "company's"), and each other mark on its own.
_TOKEN = re.compile(r"\w+(?:[.,'’]\w+)*|[^\w\s]")
# Headings of the periodic reports: "PART II", "PART I. FINANCIAL INFORMATION", "Item 1A.
# Risk Factors", "ITEM 7 -". After the number comes punctuation, a capitalised title or
# the end of the line: "Item 7 of this report ..." at the start of a line is a reference.
_PART = re.compile(
    r"^[ \t]*(?i:PART)[ \t\xa0]+(?P<part>[IV]{1,3})\b[ \t\xa0]*"
    r"(?:[.:\-–—][^\n]{0,100}|[A-Z][A-Z ,&\-]{0,100})?[ \t]*$",
    re.M,
)
_ITEM = re.compile(
    r"^[ \t]*(?i:ITEM)[ \t\xa0]+(?P<code>\d{1,2}[A-Da-d]?)(?![\w.]\d)[ \t\xa0]*"
    r"(?:[.:\-–—][ \t\xa0]*)*(?:$|[A-Z“\"'(])[^\n]{0,200}$",
    re.M,
)
# A section whose body is shorter than this is a table-of-contents line (or an item
# "not applicable"), kept with the section before it.
_TOC_ENTRY = 40
EIGHT_K = re.compile(r"^8-K", re.I)


@dataclass
class Budget:
    cells: int = BUDGET_CELLS
    exhausted: bool = False

    def take(self, cells: int) -> bool:
        if cells > PAIR_CELLS or cells > self.cells:
            self.exhausted = True
            return False
        self.cells -= cells
        return True


@dataclass(frozen=True)
class Piece:
    text: str
    mark: str = ""  # "", "del" or "ins"


@dataclass
class Row:
    """One paragraph pair: the left (before) and right (after) text in pieces."""

    status: str
    left: list[Piece]
    right: list[Piece]
    whole: bool = False  # changed, but not marked word by word (over the budget)


@dataclass
class Unchanged:
    """A run of unchanged paragraphs, shown collapsed with its count."""

    count: int
    text: str

    status = SAME


@dataclass
class Section:
    key: str
    title: str
    text: str


@dataclass
class SectionDiff:
    key: str
    title_a: str
    title_b: str
    status: str
    blocks: list = field(default_factory=list)
    moved: bool = False
    words_added: int = 0
    words_removed: int = 0

    @property
    def title(self) -> str:
        return self.title_b or self.title_a


@dataclass
class TextDiff:
    sections: list[SectionDiff]
    words_added: int = 0
    words_removed: int = 0
    whole_paragraphs: bool = False  # the budget ran out: some changes are not marked by word

    @property
    def changed(self) -> bool:
        return any(s.status != SAME or s.moved for s in self.sections)

    @property
    def changed_sections(self) -> int:
        return sum(1 for s in self.sections if s.status != SAME or s.moved)

    def groups(self) -> list:
        """Sections as shown: each changed one, and runs of unchanged ones together."""
        out: list = []
        for s in self.sections:
            if s.status == SAME and not s.moved:
                if out and isinstance(out[-1], UnchangedSections):
                    out[-1].sections.append(s)
                    continue
                out.append(UnchangedSections([s]))
            else:
                out.append(s)
        return out


@dataclass
class UnchangedSections:
    sections: list[SectionDiff]


def normal(paragraph: str) -> str:
    return " ".join(paragraph.split())


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs as written (their lines kept, for tables in plain text);
    compared by `normal`, so white space alone is no change. A block of more than
    LONG_BLOCK lines (a long table, XML, a text with no blank lines) is its lines."""
    out: list[str] = []
    for block in _PARAGRAPH_BREAK.split(text):
        block = block.strip("\n")
        if not block or block.isspace():
            continue
        if block.count("\n") >= LONG_BLOCK:
            out += [line for line in block.split("\n") if line.strip()]
        else:
            out.append(block)
    return out


def sections(text: str, form: str = "", filed: dt.date | None = None) -> list[Section]:
    """The text cut at its item headings; one section when it has none."""
    cuts: list[tuple[int, str, str]] = []
    if EIGHT_K.match(form or ""):
        for item in body_items(text, filed):
            cuts.append((item.start, f"Item {item.code}", item.heading))
    else:
        part = ""
        marks = sorted(
            [(m.start(), "part", m) for m in _PART.finditer(text)]
            + [(m.start(), "item", m) for m in _ITEM.finditer(text)],
            key=lambda t: t[0],
        )
        for start, kind, m in marks:
            if kind == "part":
                part = m.group("part").upper()
                continue
            code = m.group("code").upper()
            label = f"Part {part}, Item {code}" if part else f"Item {code}"
            cuts.append((start, label, normal(m.group())))
    if not cuts:
        return [Section("", "Text", text)]
    found = [Section("", "Before the first item", text[: cuts[0][0]])]
    for i, (start, key, heading) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
        body = text[start:end]
        if not EIGHT_K.match(form or "") and i + 1 < len(cuts):
            first_line_end = body.find("\n")
            rest = (
                body[first_line_end : first_line_end + 4 * _TOC_ENTRY]
                if first_line_end >= 0
                else ""
            )
            if len(normal(rest)) < _TOC_ENTRY:
                found[-1].text += body
                continue
        found.append(Section(key, heading, body))
    # The same heading twice (two parts without PART lines): the second is its own key.
    seen: dict[str, int] = {}
    for s in found:
        n = seen.get(s.key, 0) + 1
        seen[s.key] = n
        if n > 1:
            s.key = f"{s.key} ({n})"
    if not normal(found[0].text):
        found.pop(0)
    return found


def compare_texts(
    a: str,
    b: str,
    form_a: str = "",
    form_b: str = "",
    filed_a: dt.date | None = None,
    filed_b: dt.date | None = None,
    budget: Budget | None = None,
) -> TextDiff:
    """Sections of `a` against those of `b` (paired by heading), each paragraph by
    paragraph, with marked words in the changed paragraphs."""
    budget = budget or Budget()
    sa, sb = sections(a, form_a, filed_a), sections(b, form_b, filed_b)
    keys_a, keys_b = {s.key for s in sa}, {s.key for s in sb}
    if not (keys_a & keys_b) - {""} and (len(sa) > 1 or len(sb) > 1):
        # Headings that do not match up (or only one side has them): compare as one text.
        sa, sb = [Section("", "Text", a)], [Section("", "Text", b)]
    by_key_a = {s.key: s for s in sa}
    common_b = [s.key for s in sb if s.key in keys_a]
    common_a = [s.key for s in sa if s.key in keys_b]
    in_order = in_same_order(common_a, common_b)
    result: list[SectionDiff] = []
    place = {s.key: i for i, s in enumerate(sa)}
    only_a = [x for x in sa if x.key not in keys_b]
    for s in sb:
        old = by_key_a.get(s.key)
        if old is not None:
            # Sections only before stand where they stood: ahead of the common one that
            # followed them.
            while only_a and place[only_a[0].key] < place[old.key]:
                result.append(section_diff(only_a.pop(0), None, budget))
        diff = section_diff(old, s, budget)
        diff.moved = old is not None and s.key not in in_order
        result.append(diff)
    result += [section_diff(x, None, budget) for x in only_a]
    move_paragraphs(result)
    diff = TextDiff(result, whole_paragraphs=budget.exhausted)
    for s in result:
        s.words_added = sum(words_in(r.right, "ins") for r in rows_of(s))
        s.words_removed = sum(words_in(r.left, "del") for r in rows_of(s))
        diff.words_added += s.words_added
        diff.words_removed += s.words_removed
    return diff


def in_same_order(a: list[str], b: list[str]) -> set[str]:
    """The keys of the longest common ordering: every other common key moved."""
    ops = Indel.opcodes(a, b)
    return {a[i] for op in ops if op.tag == "equal" for i in range(op.src_start, op.src_end)}


def rows_of(section: SectionDiff):
    return (b for b in section.blocks if isinstance(b, Row))


def words_in(pieces: list[Piece], mark: str) -> int:
    """Words as a reader counts them: what white space separates."""
    return sum(len(p.text.split()) for p in pieces if p.mark == mark)


def section_diff(a: Section | None, b: Section | None, budget: Budget) -> SectionDiff:
    pa = paragraphs(a.text) if a else []
    pb = paragraphs(b.text) if b else []
    title_a, title_b = (a.title if a else ""), (b.title if b else "")
    key = (b or a).key
    if a is None:
        return SectionDiff(key, "", title_b, ADDED, [added(p) for p in pb])
    if b is None:
        return SectionDiff(key, title_a, "", REMOVED, [removed(p) for p in pa])
    blocks = paragraph_blocks(pa, pb, budget)
    status = CHANGED if any(isinstance(x, Row) for x in blocks) else SAME
    return SectionDiff(key, title_a, title_b, status, blocks)


def added(p: str) -> Row:
    return Row(ADDED, [], [Piece(p, "ins")])


def removed(p: str) -> Row:
    return Row(REMOVED, [Piece(p, "del")], [])


def paragraph_blocks(pa: list[str], pb: list[str], budget: Budget) -> list:
    """Equal paragraphs (by their text, white space aside) collapse into counted runs;
    each block between them is paired up and diffed word by word."""
    blocks: list = []
    pending_a: list[str] = []
    pending_b: list[str] = []
    keys_a, keys_b = [hash(normal(p)) for p in pa], [hash(normal(p)) for p in pb]
    for op in Indel.opcodes(keys_a, keys_b):
        if op.tag == "equal":
            blocks += changed_block(pending_a, pending_b, budget)
            pending_a, pending_b = [], []
            same = pb[op.dest_start : op.dest_end]
            blocks.append(Unchanged(len(same), "\n\n".join(same)))
        else:
            pending_a += pa[op.src_start : op.src_end]
            pending_b += pb[op.dest_start : op.dest_end]
    blocks += changed_block(pending_a, pending_b, budget)
    return blocks


def changed_block(olds: list[str], news: list[str], budget: Budget) -> list[Row]:
    rows: list[Row] = []
    i = 0
    j = 0
    for pi, pj in pair_paragraphs(olds, news):
        rows += [removed(p) for p in olds[i:pi]]
        rows += [added(p) for p in news[j:pj]]
        rows.append(changed_row(olds[pi], news[pj], budget))
        i, j = pi + 1, pj + 1
    rows += [removed(p) for p in olds[i:]]
    rows += [added(p) for p in news[j:]]
    return rows


def pair_paragraphs(olds: list[str], news: list[str]) -> list[tuple[int, int]]:
    """Which old paragraph became which new one: the in-order pairing with the greatest
    total similarity (pairs under SIMILAR are not pairs)."""
    m, n = len(olds), len(news)
    if not m or not n:
        return []
    if m * n > PAIRING_LIMIT:
        return [(k, k) for k in range(min(m, n)) if fuzz.ratio(olds[k], news[k]) >= SIMILAR]
    score = [[0.0] * (n + 1) for _ in range(m + 1)]
    for i in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            r = fuzz.ratio(olds[i], news[j], score_cutoff=SIMILAR)
            best = max(score[i + 1][j], score[i][j + 1])
            if r and r + score[i + 1][j + 1] > best:
                best = r + score[i + 1][j + 1]
            score[i][j] = best
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < m and j < n:
        r = fuzz.ratio(olds[i], news[j], score_cutoff=SIMILAR)
        if r and score[i][j] == r + score[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif score[i + 1][j] >= score[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def changed_row(old: str, new: str, budget: Budget) -> Row:
    ta, tb = list(_TOKEN.finditer(old)), list(_TOKEN.finditer(new))
    wa, wb = [t.group() for t in ta], [t.group() for t in tb]
    # The common start and end cost nothing to find and need no edit matrix.
    head = 0
    while head < len(wa) and head < len(wb) and wa[head] == wb[head]:
        head += 1
    tail = 0
    while tail < len(wa) - head and tail < len(wb) - head and wa[-1 - tail] == wb[-1 - tail]:
        tail += 1
    mid_a, mid_b = wa[head : len(wa) - tail], wb[head : len(wb) - tail]
    if not budget.take(max(1, len(mid_a)) * max(1, len(mid_b))):
        return Row(CHANGED, [Piece(old, "del")], [Piece(new, "ins")], whole=True)
    ops = [("equal", 0, head, 0, head)] if head else []
    for op in Levenshtein.opcodes(mid_a, mid_b):
        ops.append(
            (
                op.tag,
                op.src_start + head,
                op.src_end + head,
                op.dest_start + head,
                op.dest_end + head,
            )
        )
    if tail:
        ops.append(("equal", len(wa) - tail, len(wa), len(wb) - tail, len(wb)))
    ops = merge_chaff(ops, wa)
    return Row(CHANGED, pieces(old, ta, ops, 1, "del"), pieces(new, tb, ops, 3, "ins"))


def merge_chaff(ops: list[tuple], words: list[str]) -> list[tuple]:
    """One short word or mark left equal between two changes joins them: "a b c" to
    "x b z" reads as one change, not two around a kept "b"."""
    merged: list[tuple] = []
    for op in ops:
        if merged and op[0] != "equal" and merged[-1][0] != "equal":
            last = merged.pop()
            op = ("replace", last[1], op[2], last[3], op[4])
        elif (
            op[0] != "equal"
            and len(merged) >= 2
            and merged[-1][0] == "equal"
            and merged[-2][0] != "equal"
            and merged[-1][2] - merged[-1][1] == 1
            and len(words[merged[-1][1]]) <= 3
        ):
            merged.pop()
            last = merged.pop()
            op = ("replace", last[1], op[2], last[3], op[4])
        merged.append(op)
    return merged


def pieces(text: str, tokens: list, ops: list[tuple], side: int, mark: str) -> list[Piece]:
    """The paragraph as pieces: each changed run of words marked, from its first word to
    its last (the spaces between them inside, the spaces around it outside)."""
    out: list[Piece] = []
    pos = 0
    for op in ops:
        start, end = op[side], op[side + 1]
        if start == end:
            continue
        s, e = tokens[start].start(), tokens[end - 1].end()
        if s > pos:
            out.append(Piece(text[pos:s]))
        out.append(Piece(text[s:e], "" if op[0] == "equal" else mark))
        pos = e
    if pos < len(text):
        out.append(Piece(text[pos:]))
    # Neighbouring unmarked pieces as one (fewer nodes to render).
    joined: list[Piece] = []
    for p in out:
        if joined and joined[-1].mark == p.mark:
            joined[-1] = Piece(joined[-1].text + p.text, p.mark)
        else:
            joined.append(p)
    return joined


def move_paragraphs(result: list[SectionDiff]) -> None:
    """A paragraph removed in one place and added, word for word, in another moved."""
    gone: dict[str, list[Row]] = {}
    for s in result:
        for r in rows_of(s):
            if r.status == REMOVED:
                gone.setdefault(normal(r.left[0].text), []).append(r)
    if not gone:
        return
    for s in result:
        for r in rows_of(s):
            if r.status == ADDED and gone.get(normal(r.right[0].text)):
                old = gone[normal(r.right[0].text)].pop()
                old.status = r.status = MOVED
                old.left = [Piece(old.left[0].text)]
                r.right = [Piece(r.right[0].text)]
    for s in result:
        if s.status == CHANGED and all(r.status == MOVED for r in rows_of(s)):
            s.moved = True
