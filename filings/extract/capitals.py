"""Prose typed all in capitals, read in the cases a filer would otherwise have typed.

Some filings of the 1990s set whole items in capitals: "THE BOARD OF DIRECTORS ELECTED
WALTER E. DUNLEAVY, JR., PRESIDENT AND CHIEF OPERATING OFFICER, AS CHAIRMAN OF THE BOARD".
The event rules read names by their capitals and verbs in small letters, so such a passage
is read from a copy in which names, titles and the words of a company's name keep a capital
and every other word is in small letters. The copy has the text's length, so offsets into
it are offsets into the text (evidence is taken from the text itself).

A word is a name's when it stands in a run of name words with an initial ("J. ROBERT
KILBRIDE"), after an honorific ("MR. KILBRIDE'S") or after a given name that is nobody's
common word ("MARGARET TOOMBS"); a word is a title's or a company's when it is one of the
words titles and company names are made of. The rest are small: no dictionary is needed
to tell "ELECTED" from "HEPPNER", only where each stands.
"""

from __future__ import annotations

import re

from .people import FEMALE_GIVEN, MALE_GIVEN, NICKNAMES

# Words of titles, boards, committees and company names, written with a capital.
_TITLE_WORDS = frozenset(
    """
    president presidents vice chief executive officer officers financial operating accounting
    principal chairman chairwoman chairperson chair board directors director trustee trustees
    company corporation incorporated inc inc. corp corp. co co. ltd ltd. llc bank bancorp trust
    holdings group partners partnership secretary treasurer controller comptroller counsel
    general senior assistant deputy executive marketing sales operations exploration
    engineering finance administration human resources legal investor relations development
    production manufacturing technology research credit lending cashier committee audit
    compensation nominating governance emeritus interim acting lead independent member
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday item items form exhibit
    securities exchange commission act
    """.split()
)
_SMALL = frozenset(
    "a an and as at by for from in into of on or the to with its our their his her".split()
)
_HONORIFIC = re.compile(r"(?:MR|MS|MRS|DR|MESSRS)\.$")
_GIVEN = FEMALE_GIVEN | MALE_GIVEN | frozenset(NICKNAMES)
# A word or an initial in capitals; "KILBRIDE'S" keeps its possessive.
_WORD = re.compile(r"[A-Z][A-Z'’-]*\.?(?:['’]S\b)?")
# (a line break alone is no sentence's start: fixed-width text wraps anywhere)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n[ \t]*\n\s*|[“\"]\s*)$")
_ACRONYMS = frozenset(
    "CEO CFO COO CTO CIO CAO SEC NYSE NASDAQ AMEX USA U.S. L.P. N.A. II III IV".split()
)


def mostly_capitals(text: str) -> bool:
    """Whether a passage is typed in capitals (nine letters in ten, and enough of them).
    Its first few thousand characters tell: a filer who typed an item in capitals typed
    it so from the start (and a long section costs no more to test than a short one)."""
    head = text[:4000]
    upper = sum(map(str.isupper, head))
    lower = sum(map(str.islower, head))
    return upper >= 200 and lower * 9 < upper


def recased(text: str) -> str:
    """The passage with every word in capitals written as a filer would type it; the same
    length, character for character."""
    words = list(_WORD.finditer(text))
    capital = [False] * len(words)
    first = [False] * len(words)  # the first word of a sentence
    for i, m in enumerate(words):
        w = m.group()
        first[i] = bool(_SENTENCE_START.search(text, max(0, m.start() - 4), m.start()))
        parts = [p for p in re.split(r"[-’']", w.rstrip(".").casefold()) if p]
        if _HONORIFIC.match(w) or parts and all(p in _TITLE_WORDS for p in parts[:2]):
            capital[i] = True
        if w.rstrip(".").casefold() in _FIRMS:
            # "TAMARACK RIDGE MINING COMPANY": the words of the name before the designator
            j = i - 1
            while j >= 0 and i - j <= 4 and _joined(text, words, j + 1):
                if words[j].group().casefold() in _SMALL or _HONORIFIC.match(words[j].group()):
                    break
                capital[j] = True
                j -= 1
    for start, end in _name_runs(text, words):
        for i in range(start, end):
            capital[i] = True
    out = list(text)
    for i, m in enumerate(words):
        w = m.group()
        if w in _ACRONYMS or _is_initial(w) or w == "I":
            continue
        small = w.lower()
        if first[i] or capital[i] and w.casefold() not in _SMALL:
            # "SECRETARY-TREASURER" -> "Secretary-Treasurer"
            small = re.sub(r"(^|-)([a-z])", lambda p: p.group(1) + p.group(2).upper(), small)
        out[m.start() : m.end()] = small
    return "".join(out)


# The last word of a company's name.
_FIRMS = frozenset(
    "company corporation incorporated inc corp co ltd llc bank bancorp trust holdings group "
    "partners partnership bancshares".split()
)


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word.endswith(".")


def _name_runs(text: str, words: list[re.Match]) -> list[tuple[int, int]]:
    """[start, end) of the runs of words that make a person's name: one that starts with an
    initial, a given name or a word before a middle initial, or follows an honorific."""
    runs = []
    i = 0
    while i < len(words):
        after_honorific = i > 0 and bool(_HONORIFIC.match(words[i - 1].group()))
        first = words[i].group()
        starts = (
            after_honorific
            or _is_initial(first)
            or first.rstrip(".").casefold() in _GIVEN
            or (
                i + 1 < len(words)
                and _is_initial(words[i + 1].group())
                and _joined(text, words, i + 1)
            )
        )
        if not starts or _stops(first):
            i += 1
            continue
        j = i + 1
        while (
            j < len(words)
            and j - i < 5
            and _joined(text, words, j)
            and not _stops(words[j].group())
            and not re.search(r"['’]S$", words[j - 1].group())  # "KILBRIDE'S RESIGNATION"
        ):
            j += 1
        if after_honorific or j - i >= 2:
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _stops(word: str) -> bool:
    key = word.rstrip(".").casefold()
    return key in _TITLE_WORDS or key in _SMALL or bool(_HONORIFIC.match(word))


def _joined(text: str, words: list[re.Match], j: int) -> bool:
    """Whether word j follows word j - 1 within one name: a space or a line break between,
    or a comma before a generational suffix ("DUNLEAVY, JR.")."""
    gap = text[words[j - 1].end() : words[j].start()]
    if re.fullmatch(r"[ \t]*\n?[ \t]*", gap):
        return True
    key = words[j].group().rstrip(".").casefold()
    return bool(re.fullmatch(r",[ \t]*", gap)) and key in ("jr", "sr", "ii", "iii", "iv")
