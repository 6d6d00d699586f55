"""How the index sees text: folded to lower case without diacritics, split into words.

SQLite's tokenizer, PostgreSQL's chunks, queries and snippets all split text this way, so a
word found by one is found by all."""

from __future__ import annotations

import re
import unicodedata

TOKEN = re.compile(r"[^\W_]+")


class _FoldTable(dict):
    """One character -> its lower-case base letter (diacritics removed); always one
    character that lower() leaves alone, so folding never moves an offset."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out = " "
        for candidate in (base.lower(), ch.lower(), ch):
            if len(candidate) == 1 and candidate.lower() == candidate:
                out = candidate
                break
        self[code] = out
        return out


_FOLD = _FoldTable()


# Letters with diacritics (Latin-1 to Latin Extended Additional) and combining marks.
_ACCENTED = re.compile(r"[\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff]+")


# How those characters start in UTF-8: searching bytes for them is many times faster than
# running _ACCENTED over text that has other non-ASCII characters (quotes, dashes) only.
_ACCENTED_LEADS = (
    *(bytes([b]) for b in range(0xC3, 0xCA)),
    b"\xcc",
    b"\xcd",
    b"\xe1\xb8",
    b"\xe1\xb9",
    b"\xe1\xba",
    b"\xe1\xbb",
)


def fold(text: str) -> str:
    """Lower case without diacritics, character for character (offsets stay valid)."""
    lowered = text.lower()
    if text.isascii():
        return lowered
    if len(lowered) != len(text):  # a few capitals lower to two characters
        lowered = text.translate(_FOLD)
    data = lowered.encode("utf-8", "surrogatepass")
    if not any(lead in data for lead in _ACCENTED_LEADS):
        return lowered
    return _ACCENTED.sub(lambda m: m.group().translate(_FOLD), lowered)


def tokens(text: str) -> list[str]:
    """Words as the index sees them: runs of letters and digits, folded."""
    return TOKEN.findall(fold(text))
