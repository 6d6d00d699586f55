"""Excerpts of a document's plain text with the query's terms marked.

Snippets are built here from the stored plain text, never by the database: every
character is escaped except our own <mark> tags, so they are safe to mark_safe."""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .query import Term
from .words import fold


@dataclass
class Window:
    start: int
    end: int
    matches: list[tuple[int, int]]
    distinct: int  # terms in the window; after best_window, terms in the text read
    terms: set[int] = field(default_factory=set)  # which terms the text read has


class Highlighter:
    """Finds the query's terms in plain text and renders an escaped, <mark>ed excerpt."""

    WIDTH = 240
    LEAD = 70
    SCAN = 100  # matches looked at per term and text when choosing the window
    # Only so much of each document is read for snippets and the matching-documents
    # list (a filing's match itself comes from the index, which reads everything).
    SCAN_CHARS = 500_000
    BLOCK = 50_000  # folded and searched at a time
    ENOUGH = 100_000  # read on for an excerpt with every term only this far
    OVERLAP = 1_000  # how far a match may run past the end of its block

    def __init__(self, terms: Sequence[Term]):
        self.patterns = []
        for term in terms:
            literals = [re.escape(w) for w in term.tokens]
            if not literals:
                continue
            # The first word leads, so the regex engine scans for it as a literal; the
            # look-behind then checks that it starts a word.
            parts = [rf"{literals[0]}(?<![^\W_]{literals[0]})", *literals[1:]]
            if term.prefix:
                parts[-1] += r"[^\W_]*"
            self.patterns.append(re.compile(r"[\W_]+".join(parts) + r"(?![^\W_])"))

    def best_window(self, text: str) -> Window | None:
        """The excerpt with the most distinct terms among the first matches, or None.

        The text is folded and searched a block at a time, and reading stops at the first
        block after which some excerpt has every term (a 10-K's opening usually will), or
        past ENOUGH characters once every term has been seen somewhere."""
        if not self.patterns or not text:
            return None
        limit = min(len(text), self.SCAN_CHARS)
        matches, counts, start, best = [], [0] * len(self.patterns), 0, None
        while start < limit:
            end = (
                limit if limit - start <= self.BLOCK else block_end(text, start, start + self.BLOCK)
            )
            folded = fold(text[start : min(limit, end + self.OVERLAP)])
            for i, pattern in enumerate(self.patterns):
                for m in pattern.finditer(folded):
                    if m.start() >= end - start or counts[i] >= self.SCAN:
                        break  # the next block's, or enough of this term
                    matches.append((start + m.start(), start + m.end(), i))
                    counts[i] += 1
            if matches:
                matches.sort()
                best = self.choose(matches)
                if best.distinct == len(self.patterns):
                    break  # an excerpt with every term
                if end >= self.ENOUGH and all(counts):
                    break  # every term, if not side by side: enough reading
            start = end
        if best is not None:
            best.terms = {t for _, _, t in matches}
            best.distinct = len(best.terms)
        return best

    def choose(self, matches: list[tuple[int, int, int]]) -> Window:
        """The window (starting a little before a match) with the most distinct terms."""
        best = None
        for i, (start, _end, _term) in enumerate(matches):
            window_start = max(0, start - self.LEAD)
            window_end = window_start + self.WIDTH
            inside = []
            for s, e, t in itertools.islice(matches, i, None):
                if s >= window_end:
                    break  # sorted: the rest start later still
                if e <= window_end:
                    inside.append((s, e, t))
            distinct = len({t for _, _, t in inside})
            if best is None or distinct > best.distinct:
                best = Window(window_start, window_end, [(s, e) for s, e, _ in inside], distinct)
        return best

    def render(self, text: str, window: Window) -> str:
        start, end = word_bounds(text, window.start, window.end)
        out, at = [], start
        for s, e in window.matches:
            if s < at or e > end:
                continue
            out.append(escape_segment(text[at:s]))
            out.append("<mark>" + escape_segment(text[s:e]) + "</mark>")
            at = e
        out.append(escape_segment(text[at:end]))
        lead = "… " if start > 0 else ""
        tail = " …" if end < len(text) else ""
        return lead + "".join(out).strip() + tail

    def plain(self, text: str) -> str:
        start, end = word_bounds(text, 0, self.WIDTH)
        return escape_segment(text[start:end]).strip() + (" …" if end < len(text) else "")


def block_end(text: str, start: int, at: int) -> int:
    """Just after a space between `start` and `at`, so the next block starts at the start
    of a word (its matches' look-behind cannot see the block before)."""
    space = text.rfind(" ", max(start + 1, at - 1_000), at)
    return space + 1 if space > 0 else at


def word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen/narrow an excerpt so it neither starts nor ends inside a word."""
    end = min(len(text), end)
    if start > 0:
        space = text.rfind(" ", max(0, start - 20), start)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end


_WHITESPACE = re.compile(r"\s+")


def escape_segment(text: str) -> str:
    return html.escape(_WHITESPACE.sub(" ", text), quote=True)
