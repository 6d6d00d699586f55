"""The Form 8-K items a document's body announces, from its item headings.

A heading starts a line ("Item 5.02 Election of Directors", "ITEM 9.01. FINANCIAL STATEMENTS
AND EXHIBITS", "Items 5.02 and 9.01", "Item 5. Other Events"). The same words inside a
sentence are cross-references, not headings: "as described in Item 2.03 below", "pursuant to
Item 5.02(e) of Form 8-K", or a line-wrapped "...reported under / Item 5 above". Items the
filer lists as not applicable are not announced.

Codes follow the numbering in force on the filing date (EDGAR.md §2): "N.NN" from
2004-08-23, integers "1" to "12" before.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

CURRENT_NUMBERING = dt.date(2004, 8, 23)

CURRENT_CODES = frozenset(
    """1.01 1.02 1.03 1.04 1.05 2.01 2.02 2.03 2.04 2.05 2.06 3.01 3.02 3.03 4.01 4.02
    5.01 5.02 5.03 5.04 5.05 5.06 5.07 5.08 6.01 6.02 6.03 6.04 6.05 6.06 6.10 7.01 8.01
    9.01""".split()
)
OLD_CODES = frozenset(str(n) for n in range(1, 13))

_CODE = r"\d{1,2}(?:\.\d{2})?(?!\d)(?:\s?\([a-z0-9]{1,4}\))*"
_HEADING = re.compile(
    rf"^[ \t]*(?P<word>items?)[ \t\u00a0]*"
    rf"(?P<codes>{_CODE}(?:[ \t]*(?:,|and|&|,[ \t]*and)[ \t]*{_CODE})*)"
    r"(?P<rest>[^\n]*)",
    re.I | re.M,
)
_ONE_CODE = re.compile(r"\d{1,2}(?:\.\d{2})?(?!\d)")
# After the code a heading goes on with its title (capitalised), punctuation, or nothing.
_TITLE_START = re.compile(r"[ \t]*(?:[.:\-–—][ \t]*)*(?:$|[A-Z“\"'(])")
_NOT_APPLICABLE = re.compile(r"(?i)^\W*(?:not\s+applicable|none|n/?a|omitted)\W*$")
# A line ending in one of these words runs on into the next: "as described in / Item 2.03".
_RUNS_ON = re.compile(
    r"(?i)(?:\b(?:in|under|to|see|of|by|with|and|or|per|pursuant|described|reported|this|at|"
    r"from|on|for|as|that|than|our|its|the)|[,(-])[ \t]*$"
)
_SENTENCE_END = re.compile(r"(?<=[a-z\)]{2})\.\s+(?=[A-Z“\"(])")
_MAX_HEADING = 250


@dataclass(frozen=True)
class BodyItem:
    code: str  # "5.02", or "5" before 2004-08-23
    heading: str  # the heading as written, whitespace collapsed
    start: int  # text[start:end] is the heading
    end: int


def body_items(text: str, filed: dt.date | None) -> list[BodyItem]:
    """Item headings of an 8-K body, in order, one per code (its first heading)."""
    items: list[BodyItem] = []
    seen: set[str] = set()
    for m in _HEADING.finditer(text):
        if not _TITLE_START.match(m.group("rest")):
            continue  # "Item 2.02 of this Current Report ..."
        if _continues_sentence(text, m.start()):
            continue
        start, end = m.start("word"), m.end("rest")
        end = _heading_end(text, start, end, m.group("rest"))
        heading = " ".join(text[start:end].split())
        if _NOT_APPLICABLE.match(_title(heading)) or _next_says_not_applicable(text, end):
            continue
        for code in _ONE_CODE.findall(re.sub(r"\([^)]*\)", "", m.group("codes"))):
            if not _valid(code, filed) or code in seen:
                continue
            seen.add(code)
            items.append(BodyItem(code, heading, start, end))
    return items


def compare_items(header_codes: list[str], body: list[BodyItem]) -> dict[str, list[str]]:
    """ "Header says / body says": codes in both, only in the header, only in the body."""
    header = list(dict.fromkeys(c for c in (_normal_code(h) for h in header_codes) if c))
    found = list(dict.fromkeys(_normal_code(item.code) for item in body))
    return {
        "both": [c for c in header if c in found],
        "header_only": [c for c in header if c not in found],
        "body_only": [c for c in found if c not in header],
    }


def _normal_code(code: str) -> str | None:
    m = re.search(r"\d{1,2}(?:\.\d{1,2})?", code or "")
    if not m:
        return None
    whole, _, part = m.group().partition(".")
    return f"{int(whole)}.{part.zfill(2)}" if part else str(int(whole))


def _valid(code: str, filed: dt.date | None) -> bool:
    if filed is None:
        return code in CURRENT_CODES or code in OLD_CODES
    return code in (CURRENT_CODES if filed >= CURRENT_NUMBERING else OLD_CODES)


def _continues_sentence(text: str, line_start: int) -> bool:
    """The line before runs on into this one (a wrapped cross-reference)."""
    if line_start == 0 or text[line_start - 1] != "\n":
        return False
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    prev = text[prev_start : line_start - 1]
    return bool(prev.strip()) and bool(_RUNS_ON.search(prev))


def _heading_end(text: str, start: int, end: int, rest: str) -> int:
    """Where the heading stops: its title may sit on the next line, or run into the body."""
    if not rest.strip(" \t.:-–—") and end < len(text):
        nxt = re.compile(r"\n[ \t]*\n?[ \t]*([^\n]+)").match(text, end)
        if nxt and not _HEADING.match(nxt.group(1)) and nxt.group(1)[:1].isupper():
            end = nxt.end(1)
    elif re.search(r"(?i)(?:\band|\bof|\bor|,|;)[ \t]*$", text[start:end]):
        # "Item 7.  Financial Statements, Pro Forma Financial Information and / Exhibits."
        nxt = re.compile(r"\n([^\n]+)").match(text, end)
        if nxt and nxt.group(1).strip() and len(nxt.group(1).strip()) < 80:
            end = nxt.end(1)
    sentence = _SENTENCE_END.search(text, start, end)
    if sentence:
        end = sentence.start() + 1
    end = min(end, start + _MAX_HEADING)
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _title(heading: str) -> str:
    return re.sub(rf"(?i)^items?\s*{_CODE}(?:\s*(?:,|and|&)\s*{_CODE})*", "", heading)


def _next_says_not_applicable(text: str, end: int) -> bool:
    nxt = re.compile(r"[^\n]*\n(?:[ \t]*\n)*([^\n]*)").match(text, end)
    return bool(nxt) and bool(_NOT_APPLICABLE.match(nxt.group(1)))
