"""Organisations named in press releases and 8-K narratives.

Two kinds of mention are found. A company that writes its legal form: a run of
capitalised words ending in a designator ("Internap Network Services Corporation",
"Goldman Sachs & Co. LLC", "The Vanguard Group, Inc."); the run is read leftwards from
the designator and stops at lower-case words, sentence ends, titles and function words,
so "the Board of Directors of Internap Network Services Corporation" yields only the
company. And a company the caller already knows: `known` maps normalised names (built with
`normalize_company_name` from header names such as "INTERNAP NETWORK SERVICES CORP/WA")
to CIKs, and any run of words whose normalised form is a key is a mention with that CIK.
The SEC is kept as an organisation under its full name.

Offsets are character offsets into the plain text given: ``text[m.start:m.end] == m.name``.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from .prose import sentences


@dataclass(frozen=True, slots=True)
class OrgMention:
    name: str  # as written
    normalized: str  # normalize_company_name(name)
    cik: int | None  # from `known`
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    document_sequence: str
    source: str  # "designator", "known" or "agency"


# --- normalising names ----------------------------------------------------------------------

_STATE_SUFFIX = re.compile(r"\s*/\s*[A-Za-z.]{0,6}\s*/?\s*$")
_CANONICAL = {
    "corporation": "corp",
    "incorporated": "inc",
    "company": "co",
    "limited": "ltd",
}
_PHRASES = (
    (("public", "ltd", "co"), ("plc",)),
    (("ltd", "liability", "co"), ("llc",)),
    (("ltd", "partnership"), ("lp",)),
    (("national", "association"), ("na",)),
)
SEC = "securities and exchange commission"
_AGENCY_ALIASES = {
    "sec": SEC,
    "us sec": SEC,
    "us securities and exchange commission": SEC,
    "united states securities and exchange commission": SEC,
    "securities exchange commission": SEC,
}


def _tokens(name: str) -> list[str]:
    folded = name
    if not name.isascii():  # ASCII has nothing to decompose
        folded = unicodedata.normalize("NFKD", name)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.replace("’", "'").replace("‘", "'").casefold()
    folded = folded.replace("&", " and ").replace("'", "")
    raw = re.findall(r"[a-z0-9]+", folded)
    # "L.L.C." -> "llc", "U.S." -> "us"
    out: list[str] = []
    run: list[str] = []
    for tok in raw + [""]:
        if len(tok) == 1 and tok.isalpha():
            run.append(tok)
            continue
        if run:
            out.extend(["".join(run)] if len(run) > 1 else run)
            run = []
        if tok:
            out.append(tok)
    return [_CANONICAL.get(t, t) for t in out]


def _phrases(tokens: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for long, short in _PHRASES:
            if tuple(tokens[i : i + len(long)]) == long:
                out.extend(short)
                i += len(long)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


# The known-name scan normalises every run of words that might be a name, and the same
# runs ("the Company", "Inc.") come back on every page.
@functools.lru_cache(maxsize=65536)
def normalize_company_name(name: str) -> str:
    """A key that is equal for the ways one company's name is written: case, punctuation
    and accents ignored, "&" read as "and", Corporation/Incorporated/Company/Limited read as
    Corp/Inc/Co/Ltd, a leading "The" and a trailing state suffix ("/DE/", "/WA") dropped.
    'INTERNAP NETWORK SERVICES CORP/WA' and 'Internap Network Services Corporation' ->
    'internap network services corp'."""
    name = name.strip()
    for _ in range(2):
        name = _STATE_SUFFIX.sub("", name)
    tokens = _phrases(_tokens(name))
    while tokens and tokens[0] == "the":
        tokens = tokens[1:]
    key = " ".join(tokens)
    return _AGENCY_ALIASES.get(key, key)


# --- designators ------------------------------------------------------------------------------

_STRONG = (
    r"Inc\.?|INC\.?|Incorporated|INCORPORATED|Corp\.?|CORP\.?|Corporation|CORPORATION|Co\.|CO\."
    r"|LLC|L\.L\.C\.|LP|L\.P\.|LLP|L\.L\.P\.|PLLC|Ltd\.?|LTD\.?|Limited|LIMITED|PLC|[Pp]lc"
    r"|N\.V\.|S\.A\.|B\.V\.|S\.p\.A\.|N\.A\.|P\.C\.|GmbH|AG|SA|NV|SE|AB|ASA|A/S|Pty\.?"
    r"|Bancorp|BANCORP|Bancorporation|Bancshares|BANCSHARES"
)
_WEAK = (
    r"Company|COMPANY|Holdings|HOLDINGS|Group|GROUP|Trust|TRUST|Partners|PARTNERS|Capital"
    r"|CAPITAL|Commission|COMMISSION|Exchange|EXCHANGE|Association|ASSOCIATION|Fund|FUND"
    r"|National\s+Association"
)
_AFTER = r"(?![\w&-]|['’](?!s\b)|\.\w)"  # a possessive may follow: "Ford Motor Company’s"
# The lookahead holds the first letters of every designator above: the scan of a whole
# filing turns every other place away before it tries the alternatives there.
_DESIGNATOR = re.compile(rf"(?=[ABCEFGHILNPSTp])(?<![\w&.'’-])(?:{_STRONG}|{_WEAK}){_AFTER}")
_INNER_STOP = re.compile(rf"(?:{_STRONG}|Company|COMPANY)")
_WEAK_ONLY = re.compile(rf"(?:{_WEAK})")
# Designators that also start common phrases: "Limited Liability", "Company Agreement".
_FOLLOWED_CHECK = re.compile(rf"(?:{_WEAK}|Limited|LIMITED|Association|Incorporated)")
_SHORT_CAPS = frozenset({"AG", "SA", "NV", "SE", "AB", "ASA"})
_CHAIN = re.compile(rf"(?:,\s*|\s+)(?:{_STRONG}|{_WEAK}){_AFTER}")

_WORD = re.compile(r"[A-Za-z0-9][\w.'’&/-]*|&")
_PARTICLES = frozenset(
    {"de", "du", "la", "le", "van", "von", "der", "den", "des", "di", "del", "da", "y", "e"}
)
# Words before "of" that make it part of a name: "Bank of America Corporation".
_OF_HEADS = frozenset(
    """bank trust bancorp association company corporation insurance assurance society institute
    university college republic commonwealth authority exchange fund partners group hospital
    council federation union academy foundation agency board""".split()
)
_STOP = frozenset(
    """the a an and or of in on at by for from to with as into under our its their his her this
    that these those each both all any certain such other if also additionally further however
    following during after before since while when where whereas pursuant between among upon per
    via including includes every no not yesterday today tomorrow accordingly thereafter then
    therefore meanwhile although because moreover finally recently currently previously
    subsequently prior effective dear mr mrs ms dr messrs prof sir ceo cfo coo chairman
    chairwoman president officer director directors counsel item items exhibit exhibits form
    section rule note notes schedule part annex appendix table page january february march april
    may june july august september october november december monday tuesday wednesday thursday
    friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec we you he she it they
    about contact contacts media investor investors said says according""".split()
)
# Words that make a generic phrase, not a name, before a weak designator: "Peer Group".
_GENERIC = frozenset(
    """compensation audit nominating governance executive management investment working peer
    business control voting operating reporting product marketing sales customer advisory family
    total global credit equity debt private public venture growth plan savings retirement pension
    employee employees benefit holding parent subsidiary surviving acquiring target merger issuer
    issuing owner depositor sponsor servicer operating liquidating grantor statutory voting
    rabbi escrow indenture collateral investors investor shareholders stockholders lenders
    partnership limited general special series class common preferred stock securities
    capital sinking reserve guarantee guaranty trust""".split()
)
# Title-case headline words that are not part of a name ("Become Most Trusted ... Company").
_HEADLINE = frozenset(
    """become becomes most more best leading largest top premier trusted named names announces
    announced joins joined acquires acquired completes completed launches""".split()
)
_ABBREVIATION = re.compile(
    r"(?:[A-Za-z]\.)+|(?:St|Mt|Bros|Intl|Int'l|Natl|Co|Inc|Corp|Ltd|Jr|Sr)\.", re.IGNORECASE
)
_BOUNDARY = re.compile(r"\n\s*\n|[\t()\[\]{}:;|“”\"—,]|\s[–-]\s|[!?]\s")
_LAST_STOP = re.compile(r"(?s).*[()\[\]{}:;|“”\"—,]")  # up to the last of the class above but \t
_SP = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\n[ \t\u00a0]*)"
_SEC_NAME = re.compile(
    r"(?=[SU])"  # how every name of the agency begins, looked at first
    r"(?:(?:(?:U\.\s?S\.|United[ \t]+States|UNITED[ \t]+STATES)[ \t]+)?"
    rf"(?:Securities{_SP}and{_SP}Exchange{_SP}Commission"
    rf"|SECURITIES{_SP}AND{_SP}EXCHANGE{_SP}COMMISSION)"
    r"|(?<![\w.-])SEC(?![\w-]|\.\s?\d))"
)


def _wrapped(text: str, newline: int) -> bool:
    """Whether the line break at `newline` wraps running prose (a fixed-width text line)
    rather than ending a heading, a table cell or a paragraph."""
    line = text[text.rfind("\n", 0, newline) + 1 : newline]
    return len(line) >= 55 and "\t" not in line


def _crosses_break(text: str, start: int, end: int) -> bool:
    k = text.find("\n", start, end)
    return k >= 0 and not _wrapped(text, k)


def _is_proper(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def _mostly_upper(text: str, pos: int) -> bool:
    window = text[max(0, pos - 40) : pos + 40]
    letters = [c for c in window if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.7


# _name_start runs once per designator, so its patterns are compiled once.
_NAME_GAP = re.compile(r"[ \t\u00a0]*\n?[ \t\u00a0]*")
_HYPHEN_TAIL = re.compile(r"-[a-z]+$")
_SPACES = re.compile(r"\s+")
_YEAR = re.compile(r"\d{4}")
_FIGURE = re.compile(r"[\d,.$%]+")


def _gap_start(text: str, lo: int, end: int) -> int:
    """Where the blanks before `end` begin (spaces, then at most one comma, then spaces, at
    most one line break and spaces), read back from `end` instead of trying a pattern at
    every place of the window."""
    at = end
    for allowed in (None, "\n", None, ",", None):
        if allowed is None:
            while at > lo and text[at - 1] in " \t\u00a0":
                at -= 1
        elif at > lo and text[at - 1] == allowed:
            at -= 1
    return at


def _name_start(text: str, d_start: int, limit: int) -> int | None:
    """Where the name ending in the designator at d_start begins, or None."""
    lo = max(limit, d_start - 160)
    # "Acme, Inc.": one comma is allowed right before the designator.
    window = text[lo : _gap_start(text, lo, d_start)]
    # A stop (a comma, a bracket, a quote...) is a boundary wherever it is, and none of the
    # other boundaries can take it in: the boundaries are read from the last one on.
    last = _LAST_STOP.match(window)
    cut = last.end() if last else 0
    for m in _BOUNDARY.finditer(window, cut):
        cut = m.end()
    tokens = [(lo + m.start(), lo + m.end(), m.group()) for m in _WORD.finditer(window, cut)]
    if not tokens or tokens[-1][1] != lo + len(window):
        return None
    kept: list[tuple[int, int, str]] = []
    k = len(tokens) - 1
    while k >= 0:
        s, e, word = tokens[k]
        if kept and not _NAME_GAP.fullmatch(text[e : kept[-1][0]]):
            break
        if _crosses_break(text, e, kept[-1][0] if kept else d_start):
            break
        bare = word.rstrip(".,").casefold().replace("’", "'")
        if "-" in word and _HYPHEN_TAIL.search(word.rstrip(".,")):
            break  # "NC-based SpectraSite, Inc."
        if word.endswith(".") and not _ABBREVIATION.fullmatch(word):
            break  # "... said Internap. Acme Corp." ends a sentence
        if word == "&":
            kept.append(tokens[k])
        elif bare == "and":
            break  # "between Apple and Goldman Sachs & Co. LLC" names two companies
        elif bare == "of" or bare in _PARTICLES and not _is_proper(word):
            if not kept or not _is_proper(kept[-1][2]) or k == 0:
                break
            left = tokens[k - 1]
            if not _SPACES.fullmatch(text[left[1] : s]) or not _is_proper(left[2]):
                break
            left_bare = left[2].rstrip(".,").casefold()
            if bare == "of" and left_bare not in _OF_HEADS:
                break
            if bare == "and" and (left_bare in _STOP or _DESIGNATOR.fullmatch(left[2])):
                break
            if bare == "and" and k >= 2 and text[tokens[k - 2][1] : left[0]].strip() == ",":
                break  # "Alcoa, Unisys and Visteon Corporation" is a list
            kept.append(tokens[k])
        elif _is_proper(word):
            if bare in _STOP and bare != "the":
                break
            if kept and _INNER_STOP.fullmatch(word):
                break  # "About Ford Motor Company Ford Motor Company is": two names
            if bare == "the":
                if not word[0].isupper():
                    break
                kept.append(tokens[k])
                break
            if (
                _YEAR.fullmatch(word)
                or _FIGURE.fullmatch(word)
                and (k == 0 or not _is_proper(tokens[k - 1][2]))
            ):
                break  # "In 2019 Acme Corp", "$5 million"
            kept.append(tokens[k])
        else:
            break
        k -= 1
    while kept and (kept[-1][2] == "&" or kept[-1][2].casefold() in ("and", "of")):
        kept.pop()
    if not kept:
        return None
    return kept[-1][0]


def _designator_mentions(text: str) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    while True:
        m = _DESIGNATOR.search(text, pos)
        if not m:
            break
        d_start, d_end = m.start(), m.end()
        # A designator followed by another ("Co. LLC", "Group, Inc.", "Trust Company").
        while True:
            c = _CHAIN.match(text, d_end)
            if not c or "\n\n" in c.group() or _crosses_break(text, d_end, c.end()):
                break
            d_end = c.end()
        pos = d_end
        word = m.group()
        last = text[d_start:d_end]
        if not last.endswith(".") and _FOLLOWED_CHECK.fullmatch(last.split()[-1]):
            after = re.match(r" ([A-Z][\w&'’-]*)", text[d_end : d_end + 40])
            if after and not _DESIGNATOR.fullmatch(after.group(1)):
                continue  # "Trust Agreement", "Capital Markets", "Exchange Act"
        if word.casefold() == "incorporated" and re.match(
            r"\s+(?:by|herein|in|into|under|as|on|pursuant|and)\b", text[m.end() : m.end() + 20]
        ):
            continue  # "Documents Incorporated by Reference"
        if word in _SHORT_CAPS and _mostly_upper(text, d_start):
            continue
        start = _name_start(text, d_start, 0)
        if start is None:
            continue
        name_words = [
            w.group().rstrip(".,").casefold() for w in _WORD.finditer(text, start, d_start)
        ]
        proper = [
            w
            for w in name_words
            if w not in ("&", "and", "of", "the")
            and w not in _PARTICLES
            and not _DESIGNATOR.fullmatch(w.title())
            and not _DESIGNATOR.fullmatch(w.upper())
        ]
        if not proper:
            continue
        if any(w in _HEADLINE for w in proper):
            continue  # "... to Become Most Trusted Mobility Company"
        weak = _WEAK_ONLY.fullmatch(text[d_start:d_end].split(",")[-1].strip()) and (
            _WEAK_ONLY.fullmatch(word)
        )
        if weak and all(w in _GENERIC for w in proper):
            continue
        out.append((start, d_end, "designator"))
    return out


def _sec_mentions(text: str) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), "agency")
        for m in _SEC_NAME.finditer(text)
        if not _crosses_break(text, m.start(), m.end())
    ]


# --- known names ------------------------------------------------------------------------------

_TEXT_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’]*|&")
# Compiled once: the scan below tries them on every word.
_SHORT_WORD = re.compile(r"[A-Za-z]{1,4}")
# Every byte that is not an ASCII letter, digit or "&": what spelling a text leaves out.
_NOT_SPELT = bytes(b for b in range(128) if not (chr(b).isalnum() or chr(b) == "&"))
_POSSESSIVE = re.compile(r"['’]s$")
_ONE_CHARACTER = re.compile(r"[A-Za-z0-9]")
_SPACE_GAP = re.compile(r"\s*")
_AND_GAP = re.compile(r"\s*&\s*")
_COMMA_GAP = re.compile(r",\s+")
_PUNCTUATION_GAP = re.compile(r"[.\-/]")
_DOT_GAP = re.compile(r"\.\s+")


def _known_mentions(text: str, known: dict[str, int]) -> list[tuple[int, int, str]]:
    keys = {normalize_company_name(k): v for k, v in known.items() if k}
    if not keys:
        return []
    longest = max(len(k.split()) for k in keys) + 3  # designators spelt out take more tokens
    required = _required_words(keys)
    if required:
        # Every letter and digit of the text is in some word, and every "&" is one: this is
        # all the words' letters run together, and no run can hold what it lacks.
        # (in bytes: other characters dropped and the rest deleted in one pass each; the
        # required words are ASCII letters and digits)
        spelt_text = text.encode("ascii", "ignore").translate(None, _NOT_SPELT)
        every = spelt_text.lower().replace(b"&", b"and")
        if not any(word.encode() in every for word in required):
            return []
    toks = [(m.start(), m.end(), m.group()) for m in _TEXT_TOKEN.finditer(text)]
    # What each token contributes is the same from every start a run may have: worked
    # out once per token, not once per run it ends.
    proper = [_is_proper(word) for _s, _e, word in toks]
    # A run can only normalise to a key if its letters and digits, run together, hold a
    # word of the key that normalising cannot make up (see _required_words).
    if required:
        # The runs' letters are slices of all the words' letters run together (`spelt`);
        # run i..j holds a required word when one occurs in spelt between offset[i] and
        # offset[j + 1]. first_end(i): where the first such occurrence from token i ends.
        letters = [_letters(word) for _s, _e, word in toks]
        offset = [0]
        for spelling in letters:
            offset.append(offset[-1] + len(spelling))
        spelt = "".join(letters)
        occurrences = []
        for word in set(required):
            at = spelt.find(word)
            while at >= 0:
                occurrences.append((at, at + len(word)))
                at = spelt.find(word, at + 1)
        occurrences.sort()
        # The least end among the occurrences starting at or after each one's start.
        least_end = [0] * len(occurrences)
        soonest = len(spelt) + 1
        for k in range(len(occurrences) - 1, -1, -1):
            soonest = min(soonest, occurrences[k][1])
            least_end[k] = soonest
        starts = [start for start, _end in occurrences]

        def first_end(i: int) -> int:
            k = bisect.bisect_left(starts, offset[i])
            return least_end[k] if k < len(starts) else len(spelt) + 1

    joined: dict[int, bool] = {}
    endings: dict[int, list[int]] = {}

    def joins(j: int) -> bool:
        found = joined.get(j)
        if found is None:
            found = joined[j] = _joins(text, toks[j - 1], toks[j])
        return found

    def ends(j: int) -> list[int]:
        found = endings.get(j)
        if found is None:
            start, e, word = toks[j]
            if e < len(text) and text[e] == "." and _SHORT_WORD.fullmatch(word):
                e_dot = e + 1
            else:
                e_dot = e
            found = [e_dot if _DESIGNATOR.fullmatch(text[start:e_dot]) else e]
            if _POSSESSIVE.search(word):
                found.append(e - 2)  # "Ford Motor Company’s"
            endings[j] = found
        return found

    out = []
    for i, (s, _e, _word) in enumerate(toks):
        if not proper[i]:
            continue
        if i and _ONE_CHARACTER.fullmatch(toks[i - 1][2]) and text[toks[i - 1][1]] == ".":
            if text[toks[i - 1][1] : s] == ".":
                continue  # inside "U.S." or "L.L.C."
        best = None
        last = min(len(toks), i + longest)
        needed = 0
        if required:
            needed = first_end(i)
            if needed > offset[last]:
                continue  # no run from here spells out a word of a key
        for j in range(i, last):
            if j > i and not joins(j):
                break
            if not proper[j]:
                continue  # a name ends on a capitalised word or a number
            if required and offset[j + 1] < needed:
                continue
            for end in ends(j):
                if normalize_company_name(text[s:end]) in keys:
                    best = (s, end)
                    break
        if best:
            out.append((*best, "known"))
    return out


# The words normalising writes itself: "&" -> "and", the canonical designators, phrases.
_MADE_UP = frozenset(
    {"and", "the", *_CANONICAL.values(), *(w for _long, short in _PHRASES for w in short)}
)


def _required_words(keys) -> list[str] | None:
    """For each key, one of its words that a run of text must spell out (letters and digits
    in order, whatever lies between them) to normalise to it; None when some key needs none.

    Folding is character by character, and the gaps a run may have between its words
    (spaces, ",", ".", "-", "/") hold no letters, so each word of a key that normalising
    did not make up is in the run's letters. An agency's full name may come from "SEC".
    """
    words = []
    for key in keys:
        if key in _AGENCY_ALIASES.values():
            return None
        own = [w for w in key.split() if w not in _MADE_UP]
        if not own:
            return None
        words.append(max(own, key=len))
    return words


def _letters(word: str) -> str:
    """A _TEXT_TOKEN word as normalising folds it, punctuation dropped."""
    if word == "&":
        return "and"
    return word.lower().replace("'", "").replace("’", "")


def _joins(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    gap = text[left[1] : right[0]]
    if "\n\n" in gap or len(gap) > 4 or _crosses_break(text, left[1], right[0]):
        return False
    if _SPACE_GAP.fullmatch(gap) or _AND_GAP.fullmatch(gap):
        return True
    if _COMMA_GAP.fullmatch(gap):
        return bool(_DESIGNATOR.match(text, right[0]))  # "BlackRock, Inc."
    if _PUNCTUATION_GAP.fullmatch(gap):
        return True  # "U.S.", "1-800-Flowers", "L.L.C."
    if _DOT_GAP.fullmatch(gap):
        return bool(_ABBREVIATION.fullmatch(text[left[0] : left[1] + 1]))
    return False


# --- mentions ---------------------------------------------------------------------------------


def _chosen_in_a_list(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The candidates kept, longest first, none overlapping one kept before; in order of
    start. A name from `known` takes the place of a designator run that ends where it does
    and only adds words before it."""
    # The chosen spans never overlap, so they are kept in order of start (and so of end):
    # the only one a candidate can clash with first is the last to start before it ends.
    chosen: list[tuple[int, int, str]] = []
    for cand in found:
        s, e, how = cand
        if s >= e:  # (no empty span is ever found; were one, the plain scan decides)
            at = next((k for k, c in enumerate(chosen) if c[0] < e and s < c[1]), None)
        else:
            at = bisect.bisect_left(chosen, (e,)) - 1
            if at < 0 or chosen[at][1] <= s:
                at = None
        if at is None:
            bisect.insort(chosen, cand)
            continue
        clash = chosen[at]
        if how == "known" and clash[2] == "designator" and clash[1] == e and clash[0] < s:
            # The database knows where the name starts: "Yesterday Acme Corp." -> "Acme Corp."
            chosen[at] = cand
    return chosen


_FREE, _START, _INSIDE = 0, 1, 2


def _chosen(length: int, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """_chosen_in_a_list() for spans that are none of them empty, in time proportional to
    their lengths: inserting each into a list kept in order moved the list's tail each
    time, which grows with the square of the number of mentions. One byte per character
    of the text says whether a kept span starts there, covers it, or neither."""
    marks = bytearray(length)
    kept: dict[int, tuple[int, int, str]] = {}  # start -> span
    for cand in found:
        s, e, how = cand
        inside = marks[s:e].rstrip(b"\x00")
        if not inside:
            marks[s] = _START
            marks[s + 1 : e] = bytes([_INSIDE]) * (e - s - 1)
            kept[s] = cand
            continue
        # The last kept span to start before e covers the last marked character.
        at = marks.rfind(_START, 0, s + len(inside))
        clash = kept[at]
        if how == "known" and clash[2] == "designator" and clash[1] == e and clash[0] < s:
            # The database knows where the name starts: "Yesterday Acme Corp." -> "Acme Corp."
            marks[at:s] = bytes(s - at)
            marks[s] = _START
            del kept[at]
            kept[s] = cand
    return [kept[start] for start in sorted(kept)]


def organization_mentions(
    text: str,
    *,
    sequence: str,
    known: dict[str, int] | None = None,
    split: Callable[[str], list] = sentences,
) -> list[OrgMention]:
    """Organisations named in text, in order of appearance; an overlapping shorter match
    gives way to a longer one, and a name from `known` to a designator run that only
    adds words before it."""
    found = _designator_mentions(text) + _sec_mentions(text)
    keys = {normalize_company_name(k): v for k, v in (known or {}).items() if k}
    if keys:
        found += _known_mentions(text, keys)
    rank = {"known": 0, "designator": 1, "agency": 2}
    found.sort(key=lambda f: (-(f[1] - f[0]), rank[f[2]], f[0]))
    if any(s >= e for s, e, _how in found):
        chosen = _chosen_in_a_list(found)
    else:
        chosen = _chosen(len(text), found)
    spans = split(text) if chosen else []
    starts = [sp.start for sp in spans]
    out: list[OrgMention] = []
    seen: set[tuple[str, int]] = set()
    for s, e, how in chosen:
        name = text[s:e]
        normalized = normalize_company_name(name)
        if (normalized, s) in seen or not normalized:
            continue
        seen.add((normalized, s))
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and spans[k].end >= e:
            s_start, s_end = spans[k].start, spans[k].end
        else:
            s_start = text.rfind("\n", 0, s) + 1
            s_end = text.find("\n", e)
            s_end = len(text) if s_end < 0 else s_end
        out.append(
            OrgMention(
                name=name,
                normalized=normalized,
                cik=keys.get(normalized),
                start=s,
                end=e,
                sentence_start=s_start,
                sentence_end=s_end,
                document_sequence=sequence,
                source=how,
            )
        )
    return out
