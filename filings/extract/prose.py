"""Reading rendered filing text: sentences with offsets, dates, and job titles.

The plain text comes from two very different places. HTML documents render to one block
per line (a table cell, a paragraph, a heading), sometimes with the filer's own line breaks
left inside a paragraph; 1990s text documents are wrapped at about 70 columns. So a single
line break ends a sentence only when the line before it is complete or looks like a
heading or a table cell, never in the middle of a prose line.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

# --- sentences ------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    """mr ms mrs dr prof jr sr st mt inc corp co ltd no nos vs messrs gen hon rev approx dept
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.s.a e.g i.e l.p n.a l.l.c p.c""".split()
)
_SMALL_WORDS = frozenset(
    "a an and as at by for from in into of on or the to with its our their his her".split()
)
_END = re.compile(r"[.!?](?:[”\"’')\]]+)?(?=\s)")
_NEXT_STARTS = re.compile(r"\s+[“\"‘(]?[A-Z0-9$]")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def is_heading_like(line: str) -> bool:
    """A short line that is not running prose: a heading, a table cell, an amount."""
    words = line.split()
    if not words or len(words) > 14:
        return False
    if not any(c.islower() for c in line):
        return True
    content = [w for w in words if w.casefold().strip(",;:") not in _SMALL_WORDS]
    return all(not w[0].islower() for w in content)


# A full-width line of running text that stops mid-clause: no tab or column gap, no closing
# punctuation; or a shorter one that opens with a dated clause ("Also on May 5, 2025, X,").
_WRAPPED_PROSE = re.compile(
    r"(?:(?=.{60})|(?=.{40})(?=.*\b(?:19|20)\d\d,\s))(?!.*(?:\t|\S {3,}\S)).*[a-z][A-Za-z']*"
)


def _soft_break(prev: str, nxt: str) -> bool:
    """Whether a single line break between these lines ends a sentence."""
    prev, nxt = prev.strip(), nxt.strip()
    if not prev or not nxt:
        return True
    if prev[-1] in ",;(-–—&" or prev.split()[-1].casefold() in _SMALL_WORDS:
        return False
    if nxt[0].islower():
        return False
    if _WRAPPED_PROSE.fullmatch(prev) and any(c.islower() for c in nxt):
        # "... elected Frederick A. Oyelowo, the Company's Executive Vice President and Chief"
        # is prose wrapped at its width, however many of its words are capitalised.
        return False
    return is_heading_like(prev) or is_heading_like(nxt) and len(prev) < 60


_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")


def _abbreviation_before(text: str, dot: int) -> bool:
    before = text[dot - 1] if dot else "0"
    if not (before.isascii() and (before.isalpha() or before in ".\n")):
        return False  # "2024.", "(the Company).": no word right before the stop
    m = _WORD_BEFORE.search(text[max(0, dot - 12) : dot])
    if not m:
        return False
    word = m.group(1).casefold().strip(".")
    if len(word) == 1:
        return True  # an initial: "Patricia L. Higgins"
    return word in _ABBREVIATIONS or bool(_DOTTED.fullmatch(word))


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans in text[start:end], trimmed of surrounding whitespace."""
    end = len(text) if end is None else end
    cuts: set[int] = set()
    for m in _END.finditer(text, start, end):
        # (the cheap test first: what follows must start a sentence)
        if not _NEXT_STARTS.match(text, m.end(), end) and m.end() < end:
            continue
        dot = m.start()
        if text[dot] == "." and _abbreviation_before(text, dot):
            continue
        cuts.add(m.end())
    # Each line break between the line before it and the line after it (split once, not
    # looked for again on each side of every break).
    parts = text[start:end].split("\n")
    pos = start - 1
    for prev, nxt in itertools.pairwise(parts):
        pos += len(prev) + 1
        if _soft_break(prev, nxt):
            cuts.add(pos)
    spans = []
    prev = start
    for cut in sorted(cuts) + [end]:
        s, e = prev, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(Span(s, e))
        prev = cut
    return spans


_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def lines(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Non-blank line spans in text[start:end], trimmed."""
    end = len(text) if end is None else end
    out = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        s, e = start + m.start(), start + m.end()
        while s < e and (text[s].isspace() or text[s] in _INVISIBLE):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in _INVISIBLE):
            e -= 1
        if e > s:
            out.append(Span(s, e))
    return out


# --- dates ------------------------------------------------------------------------------------

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
DATE = re.compile(
    # Every date starts with a digit or a month's first letter: the lookahead turns every
    # other place away before the alternatives are tried there.
    r"(?=[\dJFMASOND])"
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y1>(?:19|20)\d\d)\b"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?(?P<m2>{_MONTH}),?\s+(?P<y2>(?:19|20)\d\d)\b"
    r"|\b(?P<m3>\d{1,2})/(?P<d3>\d{1,2})/(?P<y3>(?:19|20)?\d\d)\b"
    r"|\b(?P<y4>(?:19|20)\d\d)-(?P<m4>\d\d)-(?P<d4>\d\d)\b)",
    re.IGNORECASE,
)


def _date_of(m: re.Match) -> dt.date | None:
    try:
        if m.group("m1"):
            month = _MONTHS[m.group("m1")[:3].casefold()]
            return dt.date(int(m.group("y1")), month, int(m.group("d1")))
        if m.group("m2"):
            month = _MONTHS[m.group("m2")[:3].casefold()]
            return dt.date(int(m.group("y2")), month, int(m.group("d2")))
        if m.group("m3"):
            year = int(m.group("y3"))
            year += 1900 if year >= 50 and year < 100 else 2000 if year < 100 else 0
            return dt.date(year, int(m.group("m3")), int(m.group("d3")))
        return dt.date(int(m.group("y4")), int(m.group("m4")), int(m.group("d4")))
    except (ValueError, KeyError):
        return None


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    date: dt.date
    kind: str  # "effective", "on" or "plain"


_EFFECTIVE_BEFORE = re.compile(
    r"(?:effective|to\s+be\s+effective|effective\s+as\s+of|effective\s+on|as\s+of)\s*,?\s*$",
    re.IGNORECASE,
)
_FILING_BEFORE = re.compile(
    r"\b(?:filed|furnished|reported|Commission|SEC)\b[^;]{0,60}?\bon\s*$", re.IGNORECASE
)
_PERIOD_BEFORE = re.compile(
    r"\b(?:ended|ending|through|until|expiring|expires|before|after|prior\s+to|from|between)"
    r"\s*$",
    re.IGNORECASE,
)
_ON_BEFORE = re.compile(r"\b(?:on|dated|since)\s*$", re.IGNORECASE)


# Characters that match an ASCII letter when case is ignored but do not lower-case to one.
FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")  # İ ı ſ K


def may_end_with(window: str, words: tuple[str, ...]) -> bool:
    """Whether a pattern ignoring case that ends in one of `words` (lower case) and then
    only blanks can match at the end of window: False says no; True, try the pattern.
    Trying a pattern anchored at the end tries it at every place of the window."""
    tail = window.rstrip()
    return bool(FOLDS_TO_ASCII.search(tail)) or tail.lower().endswith(words)


_DIGIT = re.compile(r"\d")


def _date_matches(text: str, start: int, end: int):
    """DATE.finditer(text, start, end), the pattern tried only from shortly before each
    next digit: every date has one, and before its first come at most a month's name
    (ten characters) and blanks, never a digit."""
    pos = start
    while pos < end:
        digit = _DIGIT.search(text, pos, end)
        if digit is None:
            return
        at = digit.start()
        while at > pos and text[at - 1].isspace():
            at -= 1
        m = DATE.search(text, max(pos, at - 12), end)
        if m is None:
            return
        yield m
        pos = m.end()


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    end = len(text) if end is None else end
    out = []
    for m in _date_matches(text, start, end):
        date = _date_of(m)
        if date is None:
            continue
        before = text[max(start, m.start() - 25) : m.start()]
        filing = text[max(start, m.start() - 90) : m.start()]
        if may_end_with(filing, ("on",)) and _FILING_BEFORE.search(filing):
            continue  # when a report was filed, not when anything happened
        if _PERIOD_BEFORE.search(before):
            continue  # "for the year ended December 31, 2022", "through June 30, 2026"
        if _EFFECTIVE_BEFORE.search(before):
            kind = "effective"
        elif _ON_BEFORE.search(before):
            kind = "on"
        else:
            kind = "plain"
        out.append(DateMention(m.start(), m.end(), date, kind))
    return out


def parse_date(text: str) -> dt.date | None:
    m = DATE.search(text)
    return _date_of(m) if m else None


# --- job titles --------------------------------------------------------------------------------

_QUALIFIER = (
    r"(?:(?:Senior|Sr\.|Executive|Exec\.|Group|Corporate|Assistant|Associate|Deputy|Interim|"
    r"Acting|First|Lead|Independent|Non-Executive|Non-Employee|Presiding|Co-|Global|Regional|"
    r"Principal|Former|New|Class\s+(?:I{1,3}|[ABC])|Outside|Non-Management|Sole)[ -]?)"
)
_CORE = (
    r"(?:Vice[\s-]Presidents?|Presidents?|Vice[\s-]Chair(?:man|woman|person)?|"
    r"Chair(?:man|woman|person)?|Chief\s+(?:[A-Z][a-z&]+\s+){1,3}Officers?|"
    r"Chief\s+(?:[a-z&]+\s+){1,3}officers?|Chief\s+Executive|CEO|CFO|COO|CTO|CIO|CAO|CLO|CHRO|"
    r"CMO|CRO|CCO|SVP|EVP|VP|GC|"
    r"General\s+Counsel|Corporate\s+Secretary|Secretary[-–]Treasurer|Secretary|Treasurer|Controller|Comptroller|Cashier|"
    r"(?:Trust|Loan|Credit|Lending)\s+Officer|"
    r"(?:Principal|principal)\s+(?:Executive|Financial|Accounting|Operating|executive|financial|"
    r"accounting|operating)\s+(?:Officer|officer)|"
    r"Managing\s+Director|Managing\s+Partner|General\s+Partner|General\s+Manager|Partner|"
    r"Director|director|Trustee|trustee|Member\s+of\s+the\s+Board(?:\s+of\s+Directors)?|"
    r"member\s+of\s+the\s+(?:Company['’]s\s+)?[Bb]oard(?:\s+of\s+[Dd]irectors)?|"
    r"Founder|Co-Founder|Attorney-in-Fact|attorney-in-fact|Board\s+[Mm]ember|board\s+member)"
)
_OF_PART = (
    # ("principal accounting officer for SEC reporting purposes": a purpose, no employer)
    r"(?-i:(?:,\s*|\s+[-–—]\s+|\s+)(?:of|for(?!\s+(?:SEC|Securities\s+and|Exchange\s+Act)\b))"
    r"\s+(?:the\s+)?[A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|&|of(?=\s+[A-Z])|and(?=\s+[A-Z][\w&'’-]*\s+[A-Z])))*)"
)
# The area of a title after a comma: "Senior Vice President, Network Operations", "Vice
# President, Investor Relations and Corporate Communications". The last word of each part
# is a word for a business function or a region, so a name after the comma is not taken.
_AREA_HEAD = (
    r"(?:Operations|Finance|Sales|Marketing|Services|Supply|Safety|Compliance|Exploration|"
    r"Relations|Communications|Resources|Affairs|Development|Strategy|Planning|Administration|"
    r"Engineering|Manufacturing|Technology|Research|Merchandising|Banking|Lending|Credit|"
    r"Review|Solutions|Accounting|Treasury|Tax|Taxation|Audit|Risk|Legal|Products?|Programs?|"
    r"Innovation|Logistics|Procurement|Distribution|Production|Quality|Investments?|"
    r"Acquisitions|Integration|Analytics|Sciences?|Medicine|Commercial|Americas|Europe|Asia|"
    r"Pacific|International|Worldwide|Global|America|Estate|Retail|Wholesale|Policy|Security|"
    r"Infrastructure|Systems|Networks?|Digital|Data|Region|Division|Segment|Business|Analysis|"
    r"Care|Revenue|Transmission|Generation|Trading|Underwriting|Claims|Brands?|Design|"
    r"Transportation|Properties|Facilities|Purchasing|Personnel|Regulatory|Capital|Management|"
    r"Advertising|Media|Content|Partnerships|Alliances|Licensing|Medical|Chain|Chartering|"
    r"Construction|Drilling|Refining|Mining|Clinical|Fleet|Pricing|Payments|Insurance|"
    r"Actuarial|Reinsurance|Mortgage|Deposits)"
)
# An area word followed by "Officer" or "Counsel" is part of the next title ("Senior Vice
# President, Chief Risk Officer"), not the area of this one.
_AREA = (
    rf"(?:[A-Z][\w&'’-]*\s+){{0,3}}?{_AREA_HEAD}\b"
    rf"(?!\s+{_AREA_HEAD}\b)(?!\s+(?:Officer|Counsel|Executive)\b)"
)
_COMMA_PART = (
    rf"(?-i:,\s+(?:Worldwide|Global|North|International)(?:\s+[A-Z][\w&-]*)*(?![\w-])|"
    rf"(?:,\s+|-|\s+[-–—]\s+){_AREA}(?:(?:,\s+|\s+and\s+|\s*&\s*){_AREA})*)"
)
# "vice president of merchandising": a function in lower case.
_OF_FUNCTION = rf"(?-i:\s+of\s+(?=[a-z])(?i:{_AREA_HEAD})\b)"
_UNIT = (
    rf"(?:\b{_QUALIFIER}*{_CORE}\b(?:\s+Emerit(?:us|a)\b)?(?:\s+of\s+the\s+Board(?:\s+of\s+Directors)?(?![’'\w]))?"
    rf"(?:{_COMMA_PART}|{_OF_PART}|{_OF_FUNCTION}(?:{_COMMA_PART})?)?"
    r"(?:\s*\((?:[Pp]rincipal|[Pp]rincipal\s+\w+)[^)]*\))?)"
)
AREA_WORDS = _AREA_HEAD  # the last word of a title's area: a business function
UNIT_PATTERN = _UNIT  # one position of a title that may name several
# "President, Chief Executive Officer and a director": the seat may take an article.
_JOIN = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+(?:a\s+(?=(?-i:[Dd]irector|[Tt]rustee)\b))?|\s*&\s*)"
TITLE = re.compile(rf"{_UNIT}(?:{_JOIN}{_UNIT})*", re.IGNORECASE)
TITLE_CASE_SENSITIVE = re.compile(rf"{_UNIT}(?:{_JOIN}{_UNIT})*")


_ACRONYMS = frozenset(
    "CEO CFO COO CTO CIO CAO CLO CHRO CMO CRO CCO SVP EVP VP GC LLC LP USA US II III IV".split()
)
_CAPITAL_WORD = re.compile(r"\b[A-Z][A-Z'’]+\b")


def cased(text: str) -> str:
    """Words in capitals as a title would print them ("EXECUTIVE VICE PRESIDENT, SALES" ->
    "Executive Vice President, Sales"), acronyms kept; the length never changes, so offsets
    into the copy are offsets into the text."""

    def word(m: re.Match) -> str:
        w = m.group()
        if w in _ACRONYMS:
            return w
        if w.casefold() in _SMALL_WORDS:
            return w.lower()
        return w[0] + w[1:].lower()

    return _CAPITAL_WORD.sub(word, text)


_ARTICLE = re.compile(r"^(?:the|a|an|its|our|their)\s+", re.I)
_COMPANYS = re.compile(r"^(?:Company|Registrant|Corporation|Bank|Trust)['’]s\s+")
_OF_THE_COMPANY = re.compile(r",?\s+of\s+the\s+(?:Company|Registrant|Corporation)$")


def clean_title(title: str) -> str:
    title = " ".join(title.split()).strip(" ,;:-–—")
    title = _ARTICLE.sub("", title)
    title = _COMPANYS.sub("", title)
    title = _OF_THE_COMPANY.sub("", title)
    title = _AND_A_SEAT.sub("and ", title)
    # "were appointed Co-Chief Executive Officers": each holds the post
    return _PLURAL_POST.sub(r"\1", title)


_AND_A_SEAT = re.compile(r"\band\s+a\s+(?=[Dd]irector\b|[Tt]rustee\b)")
_PLURAL_POST = re.compile(r"(?i)\b(officer|president)s\b")


_TITLE_PREFIX = re.compile(
    r"(?:(?:the|a|an|its|our|their|his|her)\s+)?(?:(?:new|then|current|former)\s+)?"
    r"(?:(?:[A-Z][\w.,&-]*\s+){0,4}?(?:Company|Registrant|Corporation|Bank|Trust|Inc\.)['’]s\s+)?"
)
# An employer named right before the title: "3M chairman", "Ford president and CEO".
_EMPLOYER_WORD = re.compile(r"[A-Z0-9][\w&.'’-]*\s+")
_CAPITAL_START = re.compile(r"[A-Z][A-Z'’]+\b")


def _title_after_employer(text: str, at: int, end: int) -> re.Match | None:
    pos = at
    for _ in range(3):
        word = _EMPLOYER_WORD.match(text, pos, end)
        if word is None:
            return None
        pos = word.end()
        t = TITLE_CASE_SENSITIVE.match(text, pos, end)
        if t is None and text[pos : pos + 1].islower():
            t = TITLE.match(text, pos, end)
        if t is not None:
            return t
    return None


def title_at(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """The job title starting at pos (after articles, "the Company's" or an employer's
    name), or None."""
    while pos < end and text[pos] in " \t\n":
        pos += 1
    m = _TITLE_PREFIX.match(text, pos, end)
    at = m.end() if m else pos
    first = _CAPITAL_START.match(text[at : at + 30])
    if first and first.group() not in _ACRONYMS:
        # A title printed in capitals: read it as the same title in Title Case.
        window = min(end, at + 200)
        found = title_at(cased(text[at:window]), 0, window - at)
        return (at + found[0], at + found[1]) if found else None
    t = TITLE.match(text, at, end)
    if not t:
        t = _title_after_employer(text, at, end)
        if not t:
            return None
        at = t.start()
    e = t.end()
    while e > at and text[e - 1] in " ,;-–—":
        e -= 1
    return at, e


def title_before(text: str, start: int, pos: int) -> tuple[int, int] | None:
    """A capitalised job title that ends right before pos ("Chief Financial Officer John")."""
    window_start = max(start, pos - 160)
    best = None
    for m in TITLE_CASE_SENSITIVE.finditer(text, window_start, pos):
        if text[m.end() : pos].strip(" ") == "" and m.end() - m.start() > 2:
            if best is None or m.start() < best[0]:
                best = (m.start(), m.end())
    return best
