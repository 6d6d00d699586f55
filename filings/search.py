"""Search: query parsing, the full-text index (SQLite FTS5 or PostgreSQL), facets, typeahead.

A filing is the unit of search: its documents' plain text and its header fields (form,
accession, party names as written, former names, people named, item codes and titles,
document types and descriptions) are searched together, so `Higgins director` finds a
filing that names Higgins in the header and "director" in an exhibit.

SQLite keeps one contentless FTS5 row per filing. PostgreSQL keeps tsvector chunks of a
few thousand words (positions stay exact for phrases; no tsvector hits its size limit),
and a filing matches when each required term matches one of its chunks. The tables are
made by migration 0002_search and written only here, inside the caller's transaction.

Snippets are built here from the stored plain text, never by the database: every
character is escaped except our own <mark> tags, so they are safe to mark_safe.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import itertools
import json
import logging
import math
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from django.db import DatabaseError, connection, transaction
from django.db.models.functions import Substr
from django.urls import reverse

from . import facetindex
from .edgar.items import title_for
from .models import (
    Company,
    Document,
    Event,
    Filing,
    FilingParty,
    Item,
    Person,
    document_slug,
)

log = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 500
FACET_SIZE = 15
FACETS = ("form", "year", "company", "person", "role", "state", "sic", "item")
FIELDS = ("form", "cik", "item", "person", "company", "state", "sic", "role", "year", "filed")
# Broad queries rank only their most recently indexed matches by relevance (the rest
# follow, newest first): ranking costs per matching row, and PostgreSQL's reads each
# row's tsvector.
RANK_LIMIT = {"sqlite": 5000, "postgresql": 1000}
# Header text weighs this much more than body text in SQLite's bm25.
HEAD_WEIGHT = 10.0
# PostgreSQL indexes words (as SQLite's tokenizer splits them) in runs of this many, so
# tsvector positions (at most 16,383) stay exact; runs overlap so phrases span the cut.
CHUNK_WORDS = 10_000
CHUNK_OVERLAP = 50
INDEX_BATCH = 200
SQLITE_MMAP_BYTES = 1 << 34

TOKEN = re.compile(r"[^\W_]+")
FIELD_WORD = re.compile(r"^([A-Za-z]+):(.*)$", re.S)
DATE_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$")
ROLE_ALIASES = {
    "subject": "subject-company",
    "owner": "reporting-owner",
    "serial": "serial-company",
}


# --- text normalisation -------------------------------------------------------------------


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


# --- queries ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A word, an "exact phrase", or either with a trailing * (last word is a prefix)."""

    text: str
    phrase: bool = False
    prefix: bool = False

    @property
    def tokens(self) -> list[str]:
        return tokens(self.text)

    def to_string(self) -> str:
        body = f'"{self.text}"' if self.phrase else self.text
        return body + ("*" if self.prefix else "")


@dataclass(frozen=True)
class Query:
    """A parsed search: every group must match (a group is terms joined by OR), no
    excluded term may match, and every filter must hold."""

    groups: tuple[tuple[Term, ...], ...] = ()
    exclude: tuple[Term, ...] = ()
    filters: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list, compare=False)

    @property
    def has_text(self) -> bool:
        return bool(self.groups or self.exclude)

    @property
    def terms(self) -> list[Term]:
        """The terms a matching filing contains (for highlighting)."""
        return [t for group in self.groups for t in group]

    @property
    def is_empty(self) -> bool:
        return not self.has_text and not self.filters

    def to_string(self) -> str:
        parts = [" OR ".join(t.to_string() for t in group) for group in self.groups]
        parts += ["-" + t.to_string() for t in self.exclude]
        for name, value in self.filters.items():
            quoted = not value or any(c.isspace() for c in value)
            parts.append(f'{name}:"{value}"' if quoted else f"{name}:{value}")
        return " ".join(parts)

    def __str__(self) -> str:
        return self.to_string()


_OR = object()


def parse_query(q: str) -> Query:
    """Parse what a reader typed. Never raises: problems become `errors` messages."""
    errors: list[str] = []
    q = (q or "").replace("\x00", " ")
    if len(q) > MAX_QUERY_LENGTH:
        q = q[:MAX_QUERY_LENGTH]
        errors.append(f"The query was cut to its first {MAX_QUERY_LENGTH} characters.")
    items: list = []  # Term-and-negated pairs, and _OR markers
    filters: dict[str, str] = {}
    i, n = 0, len(q)

    def note(message: str) -> None:
        if message not in errors:
            errors.append(message)

    def quoted(start: int) -> tuple[str, int]:
        end = q.find('"', start + 1)
        if end < 0:
            note("A quote was not closed: the rest of the query was searched as a phrase.")
            return q[start + 1 :], n
        return q[start + 1 : end], end + 1

    while i < n:
        if q[i].isspace():
            i += 1
            continue
        negated = q[i] == "-" and i + 1 < n and not q[i + 1].isspace()
        if negated:
            i += 1
        if q[i] == '"':
            text, i = quoted(i)
            prefix = False
            while i < n and q[i] == "*":
                prefix, i = True, i + 1
            add_term(items, Term(text.strip(), phrase=True, prefix=prefix), negated, note)
            continue
        j = i
        while j < n and not q[j].isspace() and q[j] != '"':
            j += 1
        word, i = q[i:j], j
        m = FIELD_WORD.match(word)
        if m and m.group(1).lower() in FIELDS:
            name, value = m.group(1).lower(), m.group(2)
            if not value:
                while i < n and q[i].isspace():
                    i += 1
                if i < n and q[i] == '"':
                    value, i = quoted(i)
                else:
                    j = i
                    while j < n and not q[j].isspace() and q[j] != '"':
                        j += 1
                    value, i = q[i:j], j
            if negated:
                note(f"A field cannot be excluded: -{name}:{value} was ignored.")
                continue
            set_filter(filters, name, value, note)
            continue
        if m and m.group(2).strip():
            note(f"Unknown field “{m.group(1)}:”: searched for “{word}” as words.")
            add_term(items, Term(word, phrase=True), negated, note)
            continue
        if word == "OR" and not negated:
            items.append(_OR)
            continue
        text = word.rstrip("*")
        if not text:
            note(f"Ignored “{word}”: it has no letters or digits to search for.")
            continue
        if word in ("AND", "NOT", "NEAR") or word.startswith("NEAR("):
            note(
                f"{word} was searched as a word: words are all required already, "
                "OR joins alternatives and -word excludes."
            )
        add_term(items, Term(text, prefix=text != word), negated, note)

    groups: list[list[Term]] = []
    exclude: list[Term] = []
    pending_or = False
    previous_positive = False
    for k, item in enumerate(items):
        if item is _OR:
            following = items[k + 1] if k + 1 < len(items) else None
            if previous_positive and isinstance(following, tuple) and not following[1]:
                pending_or = True
            else:
                note("OR needs a word or phrase on each side: searched for “or” as a word.")
                groups.append([Term("OR", phrase=True)])
                previous_positive = True
            continue
        term, negated = item
        if negated:
            exclude.append(term)
            previous_positive = False
        elif pending_or:
            if term not in groups[-1]:
                groups[-1].append(term)
            pending_or = False
        else:
            groups.append([term])
            previous_positive = True
    unique_groups = []
    for group in groups:
        if tuple(group) not in unique_groups:
            unique_groups.append(tuple(group))
    return Query(
        groups=tuple(unique_groups),
        exclude=tuple(dict.fromkeys(exclude)),
        filters=filters,
        errors=errors,
    )


def add_term(items: list, term: Term, negated: bool, note) -> None:
    if not term.text:
        return
    if not term.tokens:
        shown = term.to_string()
        note(f"Ignored “{shown}”: it has no letters or digits to search for.")
        return
    items.append((term, negated))


def set_filter(filters: dict[str, str], name: str, value: str, note) -> None:
    value = value.strip()
    if not value:
        note(f"{name}: needs a value; it was ignored.")
        return
    if name in ("form", "state"):
        value = value.upper()
    elif name in ("cik", "sic"):
        if not value.isdigit():
            note(f"{name}: takes digits, not “{value}”; it was ignored.")
            return
        value = str(int(value)) if name == "cik" else value
    elif name == "role":
        value = value.lower().replace(" ", "-")
        value = ROLE_ALIASES.get(value, value)
    elif name == "year":
        if not (len(value) == 4 and value.isdigit()):
            note(f"year: takes a year such as 2004, not “{value}”; it was ignored.")
            return
    elif name == "filed":
        parsed = parse_date_range(value)
        if parsed is None:
            note(
                f"filed: takes dates such as 2004-01-01..2004-12-31 (either side may be "
                f"left open), not “{value}”; it was ignored."
            )
            return
        start, end = parsed
        value = f"{start.isoformat() if start else ''}..{end.isoformat() if end else ''}"
    elif name in ("person", "company"):
        if not tokens(value):
            note(f"{name}: needs letters or digits; it was ignored.")
            return
    if name in filters and filters[name] != value:
        note(f"{name}: was given twice; the last one ({value}) was used.")
    filters[name] = value


def parse_date_range(value: str) -> tuple[dt.date | None, dt.date | None] | None:
    """'a..b', 'a..', '..b' or a single day; None when malformed."""
    m = DATE_RANGE.match(value)
    try:
        if m:
            if not (m.group(1) or m.group(2)):
                return None
            start = dt.date.fromisoformat(m.group(1)) if m.group(1) else None
            end = dt.date.fromisoformat(m.group(2)) if m.group(2) else None
            if start and end and start > end:
                return None
            return start, end
        day = dt.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        return None
    return (day, day) if day else None


# --- results ------------------------------------------------------------------------------


@dataclass
class DocumentHit:
    position: int
    sequence: str
    type: str
    description: str
    snippet: str
    url: str


@dataclass
class Hit:
    filing: Filing
    score: float
    snippet: str
    documents: list[DocumentHit]
    company: str = ""

    @property
    def accession(self) -> str:
        return self.filing.accession

    @property
    def form(self) -> str:
        return self.filing.form

    @property
    def filed_date(self):
        return self.filing.filed_date


@dataclass
class Results:
    query: Query
    hits: list[Hit]
    total: int
    page: int
    per_page: int
    facets: dict[str, list[tuple[str, str, int]]]
    selected: dict[str, str] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def errors(self) -> list[str]:
        return self.query.errors


# --- search -------------------------------------------------------------------------------


def search(
    query: Query | str,
    *,
    page: int = 1,
    per_page: int = 20,
    facets: dict[str, str] | None = None,
    documents: bool = False,
) -> Results:
    """Filings matching the query and the facet selections, ranked, one page of them;
    `documents`: list each hit's matching documents too (it reads all of them)."""
    if isinstance(query, str):
        query = parse_query(query)
    per_page = max(1, min(as_int(per_page, 20), 500))
    page = as_int(page, 1)
    backend = _backend()
    selected = {k: str(v) for k, v in (facets or {}).items() if k in FACETS and str(v)}
    try:
        with backend.session() as cur:
            index, base = match(cur, backend, query)
            chosen = {name: selection_mask(index, name, v) for name, v in selected.items()}
            result = base.copy()
            for mask in chosen.values():
                result &= mask
            total = int(result.sum())
            pages = max(1, math.ceil(total / per_page))
            page = max(1, min(page, pages))
            rows = page_rows(cur, backend, index, query, result, (page - 1) * per_page, per_page)
            ranked = backend.with_accessions(cur, rows)
            facet_counts = count_facets(index, base, result, chosen)
    except DatabaseError:
        # Queries reach the database only as quoted words, so this is not the reader's
        # doing; say so rather than fail the page.
        log.exception("search failed for %r", query.to_string())
        failed = Query(query.groups, query.exclude, query.filters, [*query.errors])
        failed.errors.append("The search could not be run; please try again.")
        return Results(failed, [], 0, 1, per_page, empty_facets(), selected)
    hits = build_hits(query, ranked, documents)
    return Results(query, hits, total, page, per_page, label_facets(facet_counts), selected)


def match(cur, backend: Backend, query: Query) -> tuple[facetindex.Snapshot, np.ndarray]:
    """The facet index, and a mask of the filings matching the query's words and filters."""
    index = facetindex.current(cur)
    mask = filters_mask(index, query)
    if not mask.any() or not query.has_text:
        return index, mask
    if query.groups:
        keys = backend.text_keys(cur, query.groups, query.exclude)
    else:
        keys = backend.text_keys(cur, (query.exclude,), ())
    found, complete = index.mask(keys)
    if not complete:  # a filing was indexed since the copy was brought up to date
        newer = facetindex.current(cur)
        if newer is not index:
            index, mask = newer, filters_mask(newer, query)
            found, _complete = index.mask(keys)
    return index, mask & (found if query.groups else ~found)


def filters_mask(index: facetindex.Snapshot, query: Query) -> np.ndarray:
    mask = index.everything()
    for name, value in query.filters.items():
        mask &= filter_mask(index, name, value)
    return mask


def filter_mask(index: facetindex.Snapshot, name: str, value: str) -> np.ndarray:
    """The filings meeting one field filter of the query."""
    if name == "filed":
        start, end = parse_date_range(value) or (None, None)
        return index.filed_between(start, end)
    if name == "company":
        return index.with_values("company", [str(c) for c in names_matching("company", value)])
    if name == "person":
        ids = person_cluster(names_matching("person", value))
        return index.with_values("person", [str(i) for i in ids])
    return selection_mask(index, name, value)


def selection_mask(index: facetindex.Snapshot, name: str, value: str) -> np.ndarray:
    """The filings having one facet value (a person: anyone merged with them too)."""
    if name == "person":
        ids = person_cluster([int(value)]) if value.isdigit() and len(value) < 19 else []
        return index.with_values("person", [str(i) for i in ids])
    return index.with_values(name, [value])


def page_rows(cur, backend, index, query: Query, result, offset: int, limit: int):
    """[(key, score)] for one page. With words to rank by, the RANK_LIMIT most recently
    indexed matches come first, most relevant first (a re-index numbers filings by date,
    so they are then the newest), and the rest follow newest first. Ranking reads only
    the index rows from the window's lowest key up, so the window is a run of keys."""
    if not query.groups:
        newest = index.newest(result)
        return [(int(k), 0.0) for k in newest[offset : offset + limit]]
    keys = np.nonzero(result)[0]
    window = keys[-RANK_LIMIT[backend.vendor] :]
    rows = []
    if offset < len(window):
        rows = backend.ranked(cur, query, window, offset, min(limit, len(window) - offset))
    if offset + limit > len(window) and len(keys) > len(window):
        rest = result.copy()
        rest[window] = False
        start = max(0, offset - len(window))
        newest = index.newest(rest)
        rows += [(int(k), 0.0) for k in newest[start : start + limit - len(rows)]]
    return rows


def count_facets(index, base, result, chosen: dict[str, np.ndarray]) -> dict:
    """Top values of every facet. A facet's own selection does not narrow its counts
    (the other selections do), so readers see what else they could pick."""
    survivors = merged_people()
    counts = {}
    for name in FACETS:
        mask = result
        if name in chosen:
            mask = base.copy()
            for other, selection in chosen.items():
                if other != name:
                    mask &= selection
        counts[name] = index.top(name, mask, FACET_SIZE, survivors if name == "person" else None)
    return counts


def merged_people() -> dict[int, int]:
    """Each merged person's id -> the id of the person at the end of its merge chain."""
    merged = dict(
        Person.objects.filter(merged_into__isnull=False).values_list("pk", "merged_into_id")
    )
    out = {}
    for pk in merged:
        seen, at = {pk}, merged[pk]
        while at in merged and merged[at] not in seen:
            seen.add(at)
            at = merged[at]
        out[pk] = at
    return out


def as_int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def empty_facets() -> dict[str, list]:
    return {name: [] for name in FACETS}


def names_matching(kind: str, text: str) -> list[int]:
    """Companies or people with a name variant containing every word of `text` (as a
    word or the start of one)."""
    words = tokens(text)
    if not words:
        return []
    return sorted({ref for _kind, ref, _name, _source in name_rows(kind, words, limit=None)})


def name_rows(kind: str | None, words: list[str], limit: int | None) -> list[tuple]:
    """(kind, ref, name, source) rows of the name table matching every word as a prefix
    of a word of the name (or of the CIK)."""
    first = max(words, key=len)
    sql = (
        "SELECT kind, ref, name, source, token FROM filings_searchname "
        "WHERE token >= %s AND token < %s"
    )
    params: list = [first, first + "\U0010ffff"]
    if kind:
        sql += " AND kind = %s"
        params.append(kind)
    if limit:
        sql += f" LIMIT {int(limit)}"
    with connection.cursor() as cur:
        cur.execute(sql, params)
        found = cur.fetchall()
    out = []
    for row_kind, ref, name, source, token in found:
        name_words = tokens(name) + ([token] if source == "cik" else [])
        if all(any(w.startswith(word) for w in name_words) for word in words):
            out.append((row_kind, ref, name, source))
    return out


def person_cluster(ids: Iterable[int]) -> list[int]:
    """The people given, resolved to their survivors, with everyone merged into them."""
    merged_into = {}
    frontier = set(ids)
    while frontier:  # up the merge chains
        rows = dict(Person.objects.filter(pk__in=frontier).values_list("pk", "merged_into_id"))
        merged_into.update(rows)
        frontier = {m for m in rows.values() if m is not None and m not in merged_into}
    survivors = set()
    for pk in set(ids):
        seen = {pk}
        while merged_into.get(pk) is not None and merged_into[pk] not in seen:
            pk = merged_into[pk]
            seen.add(pk)
        if pk in merged_into:
            survivors.add(pk)
    cluster, frontier = set(survivors), set(survivors)
    while frontier:  # and down to everyone merged into them
        frontier = set(
            Person.objects.filter(merged_into_id__in=frontier)
            .exclude(pk__in=cluster)
            .values_list("pk", flat=True)
        )
        cluster |= frontier
    return sorted(cluster)


def build_hits(
    query: Query, ranked: list[tuple[int, str, float]], documents: bool = False
) -> list[Hit]:
    """The page's hits with snippets; `documents`: also every matching document."""
    accessions = [acc for _key, acc, _score in ranked]
    filings = Filing.objects.in_bulk(accessions)
    names = primary_names(accessions)
    heads = dict(ranked_heads(accessions))
    highlighter = Highlighter(query.terms)
    docs = (
        Document.objects.filter(filing_id__in=accessions)
        .exclude(text="")
        .only("filing_id", "position", "sequence", "type", "description")
        .order_by("filing_id", "position")
    )
    openings, best, doc_hits = {}, {}, defaultdict(list)
    if highlighter.patterns:
        best, doc_hits = document_snippets(highlighter, docs, documents)
    else:
        # Nothing to find: the opening of each filing's first document will do.
        for doc in docs.filter(position=0).annotate(
            opening=Substr("text", 1, Highlighter.WIDTH * 2)
        ):
            openings[doc.filing_id] = doc.opening
    hits = []
    for _key, accession, score in ranked:
        filing = filings.get(accession)
        if filing is None:
            continue
        if accession in best:
            snippet = best[accession][1]
        else:
            head = heads.get(accession, "")
            found = highlighter.best_window(head)
            snippet = highlighter.render(head, found) if found else ""
            if not snippet and accession in openings:
                snippet = highlighter.plain(openings[accession])
        hits.append(
            Hit(
                filing=filing,
                score=score,
                snippet=snippet,
                documents=doc_hits.get(accession, []) if documents else [],
                company=names.get(accession, ""),
            )
        )
    return hits


def document_snippets(highlighter: Highlighter, docs, every: bool):
    """({accession: (terms found, snippet)}, {accession: [DocumentHit]}).

    A filing's snippet comes from its document with the most of the query's terms. Unless
    `every` matching document is wanted, documents are read in a few rounds: each
    filing's first; then the next few of those whose documents so far lack a term; then
    more of those with no match yet. A 10-K's dozens of exhibits are seldom read."""
    want = len(highlighter.patterns)
    pending = defaultdict(list)
    for doc in docs:
        pending[doc.filing_id].append(doc)
    best, seen, doc_hits = {}, defaultdict(set), defaultdict(list)
    # An opening first: reading on is seldom needed (best_window's ENOUGH).
    first = Highlighter.SCAN_CHARS if every else Highlighter.ENOUGH
    for take in (None,) if every else (1, 3, 20):
        batch = [doc for rest in pending.values() for doc in rest[:take]]
        pending = {acc: rest[take:] for acc, rest in pending.items()} if take else {}
        texts = document_texts([doc.pk for doc in batch], first)
        for doc in sorted(batch, key=lambda d: (d.filing_id, d.position)):
            text = texts.get(doc.pk) or ""
            found = highlighter.best_window(text)
            if found is None and len(text) == first < Highlighter.SCAN_CHARS:
                text = document_texts([doc.pk], Highlighter.SCAN_CHARS)[doc.pk]
                found = highlighter.best_window(text)
            if found is None:
                continue
            snippet = highlighter.render(text, found)
            url = reverse(
                "document", args=[doc.filing_id, document_slug(doc.sequence, doc.position)]
            )
            doc_hits[doc.filing_id].append(
                DocumentHit(doc.position, doc.sequence, doc.type, doc.description, snippet, url)
            )
            seen[doc.filing_id] |= found.terms
            if doc.filing_id not in best or found.distinct > best[doc.filing_id][0]:
                best[doc.filing_id] = (found.distinct, snippet)
        if take == 1:  # on for the terms not seen yet
            pending = {a: rest for a, rest in pending.items() if rest and len(seen[a]) < want}
        elif take == 3:  # on only where nothing was found
            pending = {a: rest for a, rest in pending.items() if rest and a not in best}
        if not pending:
            break
    return best, doc_hits


def document_texts(pks: list[int], chars: int) -> dict[int, str]:
    """The first `chars` characters of these documents' plain text."""
    if not pks:
        return {}
    marks = ", ".join(["%s"] * len(pks))
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT id, substr(text, 1, %s) FROM filings_document WHERE id IN ({marks})",
            [chars, *pks],
        )
        return dict(cur.fetchall())


PRIMARY_ROLES = ("filer", "issuer", "subject-company", "filed-for", "filed-by")


def primary_names(accessions: list[str]) -> dict[str, str]:
    """The main company's name as the filing writes it (as Filing.primary_party)."""
    parties = defaultdict(list)
    for filing_id, role, name in (
        FilingParty.objects.filter(filing_id__in=accessions)
        .order_by("filing_id", "position")
        .values_list("filing_id", "role", "name")
    ):
        parties[filing_id].append((role, name))
    names = {}
    for accession, rows in parties.items():
        ranked = sorted(
            rows, key=lambda r: PRIMARY_ROLES.index(r[0]) if r[0] in PRIMARY_ROLES else 99
        )
        names[accession] = ranked[0][1]
    return names


def ranked_heads(accessions: list[str]) -> list[tuple[str, str]]:
    if not accessions:
        return []
    marks = ", ".join(["%s"] * len(accessions))
    with connection.cursor() as cur:
        cur.execute(
            "SELECT f.accession, s.head FROM filings_searchfiling f "
            f"JOIN filings_searchsource s ON s.key = f.key WHERE f.accession IN ({marks})",
            accessions,
        )
        return cur.fetchall()


def label_facets(counts: dict[str, list[tuple[str, int]]]) -> dict[str, list]:
    """(value, label, count) rows: names for companies and people, titles for items."""
    companies = dict(
        Company.objects.filter(
            cik__in=[int(v) for v, _ in counts.get("company", []) if v.isdigit()]
        ).values_list("cik", "name")
    )
    people = dict(
        Person.objects.filter(
            pk__in=[int(v) for v, _ in counts.get("person", []) if v.isdigit()]
        ).values_list("pk", "name")
    )
    sics = dict(
        Company.objects.filter(sic__in=[v for v, _ in counts.get("sic", [])])
        .exclude(sic_description="")
        .values_list("sic", "sic_description")
    )

    def label(name: str, value: str) -> str:
        if name == "company":
            return companies.get(int(value), value) if value.isdigit() else value
        if name == "person":
            return people.get(int(value), value) if value.isdigit() else value
        if name == "sic":
            return f"{value} {sics[value].title()}" if value in sics else value
        if name == "item":
            title = title_for(value, None)
            return f"{value} {title}" if title else value
        return value

    return {
        name: [(value, label(name, value), n) for value, n in rows] for name, rows in counts.items()
    }


# --- snippets -----------------------------------------------------------------------------


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


# --- typeahead ----------------------------------------------------------------------------


def typeahead(text: str, limit: int = 10) -> list[dict]:
    """Companies and people whose name (any variant, former names included) has words
    starting with what was typed; companies also by CIK digits."""
    text = (text or "")[:100]
    words = tokens(text)
    if not words:
        return []
    digits = "".join(words) if all(w.isdigit() for w in words) else ""
    candidates: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    if digits:
        stripped = digits.lstrip("0") or "0"
        for kind, ref, name, source in name_rows(None, [stripped], limit=200):
            candidates[(kind, ref)].append((name, source))
    else:
        for kind, ref, name, source in name_rows(None, words, limit=400):
            candidates[(kind, ref)].append((name, source))
    if not candidates:
        return []
    company_ids = [ref for kind, ref in candidates if kind == "company"]
    person_ids = [ref for kind, ref in candidates if kind == "person"]
    companies = {c.cik: c for c in Company.objects.filter(cik__in=company_ids)}
    people = {p.pk: p for p in Person.objects.filter(pk__in=person_ids)}
    survivors = {}
    for person in people.values():
        survivor = person.canonical() if person.merged_into_id else person
        survivors[person.pk] = survivor
    query = " ".join(words)
    entries: dict[tuple[str, int], dict] = {}
    for (kind, ref), variants in candidates.items():
        if kind == "company":
            company = companies.get(ref)
            if company is None:
                continue
            key, label, url = ("company", company.cik), company.name, f"/companies/{company.cik}/"
            detail = f"CIK {company.cik_padded}"
            word = "formerly"
        else:
            person = survivors.get(ref)
            if person is None:
                continue
            key, label, url = ("person", person.pk), person.name, f"/people/{person.pk}/"
            detail = "Person" + (f" · CIK {person.cik_padded}" if person.cik else "")
            word = "as"
        label_words = tokens(label)
        if not all(any(w.startswith(t) for w in label_words) for t in words):
            # Matched through another name: say which.
            others = sorted({n for n, source in variants if source != "cik" and n != label})
            if others:
                detail += f" · {word} " + "; ".join(others[:3])
        folded = fold(label)
        rank = (
            0 if folded.startswith(query) or (digits and str(ref).startswith(digits)) else 1,
            0 if key[0] == "company" else 1,
            len(label),
            label,
        )
        if key not in entries or rank < entries[key]["_rank"]:
            entries[key] = {"kind": key[0], "label": label, "detail": detail, "url": url}
            entries[key]["_rank"] = rank
    ordered = sorted(entries.items(), key=lambda e: e[1]["_rank"])[:limit]
    roles = latest_roles([ref for (kind, ref), _ in ordered if kind == "person"])
    out = []
    for (kind, ref), entry in ordered:
        if kind == "person" and ref in roles:
            entry["detail"] = entry["detail"].replace("Person", roles[ref], 1)
        out.append({k: v for k, v in entry.items() if k != "_rank"})
    return out


def latest_roles(person_ids: list[int]) -> dict[int, str]:
    """Each person's role in their most recent filing that states one (their own events
    or those of people merged into them)."""
    owner = {pk: pk for pk in person_ids}
    owner.update(
        Person.objects.filter(merged_into_id__in=person_ids).values_list("pk", "merged_into_id")
    )
    latest: dict[int, tuple] = {}
    for person_id, role, organization, filed, pk in (
        Event.objects.filter(person_id__in=owner)
        .exclude(role="")
        .values_list("person_id", "role", "organization", "filing__filed_date", "pk")
    ):
        key = (filed or dt.date.min, pk)
        who = owner[person_id]
        if who not in latest or key > latest[who][0]:
            latest[who] = (key, f"{role}, {organization}" if organization else role)
    return {pk: text[:120] for pk, (_key, text) in latest.items()}


# --- indexing -----------------------------------------------------------------------------


@dataclass
class Record:
    """What the index stores for one filing."""

    accession: str
    form: str
    filed_date: dt.date | None
    head: str
    texts: list[str]
    facets: set[tuple[str, str]]
    names: set[tuple[str, int, str, str]]  # kind, ref, name, source

    @property
    def body(self) -> str:
        return "\n\n".join(self.texts)


def index_filing(filing: Filing | str) -> None:
    """(Re)index one filing, inside the caller's transaction."""
    accession = filing if isinstance(filing, str) else filing.accession
    index_filings([accession])


def index_filings(accessions: Sequence[str]) -> int:
    """(Re)index filings in batches; returns how many were indexed."""
    backend = _backend()
    done = 0
    for i in range(0, len(accessions), INDEX_BATCH):
        records = build_records(accessions[i : i + INDEX_BATCH])
        backend.write(records)
        done += len(records)
    return done


def remove_filing(accession: str) -> None:
    _backend().remove([accession])


def reindex(stdout=None) -> int:
    """Rebuild every search table from the stored filings, oldest first."""
    backend = _backend()
    accessions = list(
        Filing.objects.order_by("filed_date", "accession").values_list("accession", flat=True)
    )
    total = len(accessions)
    with transaction.atomic():
        backend.clear()
        done = 0
        with backend.bulk():
            for i in range(0, total, INDEX_BATCH):
                records = build_records(accessions[i : i + INDEX_BATCH])
                backend.write(records, fresh=True)
                done += len(records)
                if stdout is not None:
                    stdout.write(f"indexed {done}/{total} filings")
        backend.optimize()
    return done


def build_records(accessions: Sequence[str]) -> list[Record]:
    """Everything indexed for these filings, read in a handful of queries."""
    filings = list(
        Filing.objects.filter(accession__in=accessions).values_list(
            "accession", "form", "filed_date"
        )
    )
    if not filings:
        return []
    accs = [a for a, _, _ in filings]
    texts = defaultdict(list)
    doc_head = defaultdict(list)
    for filing_id, type_, description, filename, text in (
        Document.objects.filter(filing_id__in=accs)
        .order_by("filing_id", "position")
        .values_list("filing_id", "type", "description", "filename", "text")
    ):
        doc_head[filing_id].append(" ".join(x for x in (type_, description, filename) if x))
        if text:
            texts[filing_id].append(text)
    parties = defaultdict(list)
    company_ids, person_ids = set(), set()
    for row in (
        FilingParty.objects.filter(filing_id__in=accs)
        .order_by("filing_id", "position")
        .values_list(
            "filing_id",
            "role",
            "cik",
            "name",
            "company_id",
            "person_id",
            "state_of_incorporation",
            "sic",
            "former_names",
        )
    ):
        parties[row[0]].append(row)
        if row[4] is not None:
            company_ids.add(row[4])
        if row[5] is not None:
            person_ids.add(row[5])
    items = defaultdict(list)
    for filing_id, code, title, raw_title in (
        Item.objects.filter(filing_id__in=accs)
        .order_by("filing_id", "position")
        .values_list("filing_id", "code", "title", "raw_title")
    ):
        items[filing_id].append((code, title or raw_title))
    events = defaultdict(list)
    for filing_id, person_id, name_raw, name in Event.objects.filter(
        filing_id__in=accs
    ).values_list("filing_id", "person_id", "name_raw", "name"):
        events[filing_id].append((person_id, name_raw, name))
        person_ids.add(person_id)
    companies = dict(Company.objects.filter(cik__in=company_ids).values_list("cik", "name"))
    people = {
        pk: (name, raw, cik)
        for pk, name, raw, cik in Person.objects.filter(pk__in=person_ids).values_list(
            "pk", "name", "raw_name", "cik"
        )
    }
    records = []
    for accession, form, filed_date in filings:
        head = [accession, form]
        facets = {("form", form)}
        names = set()
        if filed_date:
            facets.add(("year", str(filed_date.year)))
        for _f, role, cik, name, company_id, person_id, state, sic, former in parties[accession]:
            head.append(name)
            facets.add(("role", role))
            if cik is not None:
                facets.add(("cik", str(cik)))
            if state:
                facets.add(("state", state.upper()))
            if sic:
                facets.add(("sic", sic))
            former_names = [f.get("name") or "" for f in former or [] if isinstance(f, dict)]
            head.extend(former_names)
            if company_id is not None:
                facets.add(("company", str(company_id)))
                current = companies.get(company_id, "")
                head.append(current)
                names.add(("company", company_id, current, "name"))
                names.add(("company", company_id, name, "written"))
                names.update(("company", company_id, n, "former") for n in former_names)
            if person_id is not None:
                facets.add(("person", str(person_id)))
                names.add(("person", person_id, name, "written"))
        for code, title in items[accession]:
            head.append(f"Item {code} {title}".strip())
            if code:
                facets.add(("item", code))
        for person_id, name_raw, name in events[accession]:
            facets.add(("person", str(person_id)))
            head.extend((name_raw, name))
            names.add(("person", person_id, name_raw, "written"))
        for kind, ref, _name, _source in list(names):
            if kind == "person" and ref in people:
                display, raw, _cik = people[ref]
                names.add(("person", ref, display, "name"))
                names.add(("person", ref, raw, "raw"))
        head.extend(doc_head[accession])
        records.append(
            Record(
                accession=accession,
                form=form,
                filed_date=filed_date,
                head="\n".join(dict.fromkeys(h for h in head if h)),
                texts=texts[accession],
                facets={(k, v[:255]) for k, v in facets if v},
                names={n for n in names if n[2]},
            )
        )
    return records


def name_token_rows(names: Iterable[tuple[str, int, str, str]], ciks: dict) -> list[tuple]:
    """(kind, ref, name, token, source) rows: one per word of each name, and the CIK."""
    rows = set()
    for kind, ref, name, source in names:
        name = name[:255]
        for token in tokens(name):
            rows.add((kind, ref, name, token[:100], source))
        cik = ciks.get((kind, ref))
        if cik:
            rows.add((kind, ref, name, str(cik), "cik"))
    return sorted(rows)


def person_ciks(names) -> dict:
    refs = {ref for kind, ref, _n, _s in names if kind == "person"}
    ciks = {
        ("person", pk): cik
        for pk, cik in Person.objects.filter(pk__in=refs, cik__isnull=False).values_list(
            "pk", "cik"
        )
    }
    ciks.update({("company", ref): ref for kind, ref, _n, _s in names if kind == "company"})
    return ciks


# --- backends -----------------------------------------------------------------------------


class Backend:
    vendor = ""

    def session(self):
        return _Session(self)

    def with_accessions(self, cur, rows):
        if not rows:
            return []
        marks = ", ".join(["%s"] * len(rows))
        cur.execute(
            f"SELECT key, accession FROM filings_searchfiling WHERE key IN ({marks})",
            [k for k, _ in rows],
        )
        accessions = dict(cur.fetchall())
        return [(k, accessions[k], s) for k, s in rows if k in accessions]

    # Backend-specific --------------------------------------------------------------------

    def text_keys(self, cur, groups, exclude) -> np.ndarray:
        """Keys of the filings with a term of every group and no excluded term."""
        raise NotImplementedError

    def ranked(self, cur, query, window: np.ndarray, offset, limit) -> list[tuple[int, float]]:
        """[(key, score)] of the filings in `window`, most relevant first."""
        raise NotImplementedError

    def write(self, records: list[Record], fresh: bool = False) -> None:
        raise NotImplementedError

    def write_rows(self, cur, keys: dict[str, int], records: list[Record], replaced) -> None:
        """Facet and name rows of freshly written filings (`replaced`: keys re-indexed)."""
        if replaced:
            marks = ", ".join(["%s"] * len(replaced))
            cur.execute(f"DELETE FROM filings_searchfacet WHERE fkey IN ({marks})", list(replaced))
        cur.executemany(
            "INSERT INTO filings_searchfacet (fkey, facet, value) VALUES (%s, %s, %s)",
            [(keys[r.accession], k, v) for r in records for k, v in sorted(r.facets)],
        )
        names = {n for r in records for n in r.names}
        cur.executemany(
            "INSERT INTO filings_searchname (kind, ref, name, token, source) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
            name_token_rows(names, person_ciks(names)),
        )
        facetindex.log_change(cur, keys.values())  # last: the log is a lock on PostgreSQL

    def remove(self, accessions: list[str]) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def optimize(self) -> None:
        pass

    @contextlib.contextmanager
    def bulk(self):
        """Around writing many filings at once (reindex, loading a store)."""
        yield


class _Session:
    """A cursor for one search."""

    def __init__(self, backend: Backend):
        self.backend = backend

    def __enter__(self):
        self.atomic = None
        if self.backend.vendor == "postgresql":
            # A savepoint: a failed statement must not poison the caller's transaction.
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
        self.cursor = connection.cursor()
        if self.backend.vendor == "sqlite":
            # Read the index through the OS page cache rather than copying pages into a
            # per-connection cache that dies with the request's connection.
            self.cursor.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")
        return self.cursor

    def __exit__(self, *exc):
        try:
            self.cursor.close()
        finally:
            if self.atomic is not None:
                self.atomic.__exit__(*exc)
        return False


def fts_string(term: Term) -> str:
    """One FTS5 phrase: the term's words, quoted, so nothing in it is query syntax."""
    text = '"' + " ".join(TOKEN.findall(term.text)) + '"'
    return text + " *" if term.prefix else text


class SQLiteBackend(Backend):
    vendor = "sqlite"

    def expression(self, groups, exclude, boost: bool = False) -> str:
        expr = " AND ".join("(" + " OR ".join(fts_string(t) for t in g) + ")" for g in groups)
        if exclude:
            expr = f"({expr}) NOT ({' OR '.join(fts_string(t) for t in exclude)})"
        if boost:
            # Ranking only: the words in a row as one phrase score extra (same rows match).
            run = [g[0] for g in groups if len(g) == 1 and not g[0].prefix]
            words = [w for t in run for w in TOKEN.findall(t.text)]
            if len(words) > 1:
                expr = f'({expr}) OR "{" ".join(words)}"'
        return expr

    def text_keys(self, cur, groups, exclude):
        cur.execute(
            "SELECT group_concat(rowid) FROM filings_searchtext WHERE filings_searchtext MATCH %s",
            [self.expression(groups, exclude)],
        )
        return facetindex.key_array(cur.fetchone()[0])

    def ranked(self, cur, query, window, offset, limit):
        # The rowid range lets FTS5 skip to the window; the IN list keeps only its keys.
        cur.execute(
            f"SELECT rowid, bm25(filings_searchtext, {HEAD_WEIGHT}, 1.0) AS score "
            "FROM filings_searchtext WHERE filings_searchtext MATCH %s "
            "AND rowid BETWEEN %s AND %s AND +rowid IN (SELECT value FROM json_each(%s)) "
            f"ORDER BY score, rowid DESC LIMIT {int(limit)} OFFSET {int(offset)}",
            [
                self.expression(query.groups, query.exclude, boost=True),
                int(window.min()),
                int(window.max()),
                json.dumps(window.tolist()),
            ],
        )
        return [(key, -score) for key, score in cur.fetchall()]

    def existing(self, cur, accessions) -> dict[str, tuple]:
        marks = ", ".join(["%s"] * len(accessions))
        cur.execute(
            "SELECT f.accession, f.key, s.head, s.body_z FROM filings_searchfiling f "
            f"LEFT JOIN filings_searchsource s ON s.key = f.key WHERE f.accession IN ({marks})",
            list(accessions),
        )
        return {acc: (key, head, body_z) for acc, key, head, body_z in cur.fetchall()}

    def forget_text(self, cur, old: Iterable[tuple]) -> None:
        cur.executemany(
            "INSERT INTO filings_searchtext (filings_searchtext, rowid, head, body) "
            "VALUES ('delete', %s, %s, %s)",
            [
                (key, head, zlib.decompress(body_z).decode() if body_z else "")
                for key, head, body_z in old
                if head is not None
            ],
        )

    def write(self, records, fresh=False):
        if not records:
            return
        with connection.cursor() as cur:
            old = {} if fresh else self.existing(cur, [r.accession for r in records])
            self.forget_text(cur, old.values())
            keys = {}
            for r in records:
                body = r.body
                if r.accession in old:
                    key = old[r.accession][0]
                    cur.execute(
                        "UPDATE filings_searchfiling SET form = %s, filed_date = %s WHERE key = %s",
                        [r.form, r.filed_date, key],
                    )
                else:
                    cur.execute(
                        "INSERT INTO filings_searchfiling (form, filed_date, accession) "
                        "VALUES (%s, %s, %s)",
                        [r.form, r.filed_date, r.accession],
                    )
                    key = cur.lastrowid
                cur.execute(
                    "INSERT INTO filings_searchsource (key, head, body_z) VALUES (%s, %s, %s) "
                    "ON CONFLICT (key) DO UPDATE SET head = excluded.head, body_z = excluded.body_z",
                    [key, r.head, zlib.compress(body.encode(), 1)],
                )
                keys[r.accession] = key
                cur.execute(
                    "INSERT INTO filings_searchtext (rowid, head, body) VALUES (%s, %s, %s)",
                    [key, r.head, body],
                )
            self.write_rows(cur, keys, records, [key for key, _h, _b in old.values()])

    def remove(self, accessions):
        with connection.cursor() as cur:
            old = self.existing(cur, accessions)
            if not old:
                return
            self.forget_text(cur, old.values())
            keys = [key for key, _h, _b in old.values()]
            marks = ", ".join(["%s"] * len(keys))
            cur.execute(f"DELETE FROM filings_searchfacet WHERE fkey IN ({marks})", keys)
            cur.execute(f"DELETE FROM filings_searchsource WHERE key IN ({marks})", keys)
            cur.execute(f"DELETE FROM filings_searchfiling WHERE key IN ({marks})", keys)

    def clear(self):
        with connection.cursor() as cur:
            cur.execute("INSERT INTO filings_searchtext (filings_searchtext) VALUES ('delete-all')")
            for table in (
                "filings_searchfacet",
                "filings_searchsource",
                "filings_searchname",
                "filings_searchfiling",
            ):
                cur.execute(f"DELETE FROM {table}")
            # Keys start again from 1, in filing-date order (newest = highest key).
            cur.execute("DELETE FROM sqlite_sequence WHERE name = 'filings_searchfiling'")
            facetindex.log_change(cur, None)

    def optimize(self):
        with connection.cursor() as cur:
            cur.execute("INSERT INTO filings_searchtext (filings_searchtext) VALUES ('optimize')")


def pg_tsquery(terms: Sequence[Term]) -> str:
    """A tsquery matching any of the terms, over the same words SQLite would see."""
    parts = []
    for term in terms:
        text = " <-> ".join(f"'{w}'" for w in term.tokens)
        parts.append(f"({text}:*)" if term.prefix else f"({text})")
    return " | ".join(parts)


# The GIN indexes of PostgreSQL's chunks (migrations 0002 and 0004). The partial ones
# cover the chunks of filings too long for one, whose words may be in different chunks.
CHUNK_INDEXES = {
    "filings_searchchunk_tsv": "USING gin (tsv)",
    "filings_searchchunk_multi": "USING gin (tsv) WHERE multi",
    "filings_searchchunk_grams": "USING gin (grams)",
    "filings_searchchunk_grams_multi": "USING gin (grams) WHERE multi",
}
# PostgreSQL checks a phrase by reading each candidate's whole tsvector; for a phrase of
# common words ("board of directors") that is tens of thousands of rows. So each chunk
# also keeps its runs of two and three words as single lexemes (`grams`, no positions):
# a phrase of up to three words is one index lookup, a longer one is narrowed by them.


def grams(words: Sequence[str]) -> set[str]:
    """The chunk's runs of two and three words (none so long it cannot be a lexeme)."""
    found = set(map(" ".join, zip(words, words[1:], strict=False)))
    found.update(map(" ".join, zip(words, words[1:], words[2:], strict=False)))
    return {g for g in found if len(g) < 500}


def pg_needs(term: Term) -> list[tuple[str, str]]:
    """What a chunk must match for the term: [(column, tsquery text)], all of them."""
    words = term.tokens
    star = ":*" if term.prefix else ""
    if len(words) == 1:
        return [("tsv", f"'{words[0]}'{star}")]
    if len(words) <= 3:
        return [("grams", f"'{' '.join(words)}'{star}")]
    runs = [" ".join(words[i : i + 3]) for i in range(len(words) - 2)]
    narrowed = " & ".join(f"'{r}'" for r in runs[:-1]) + f" & '{runs[-1]}'{star}"
    return [("grams", narrowed), ("tsv", pg_tsquery([term]))]


def pg_match(column: str, tsquery: str) -> tuple[str, list]:
    if column == "tsv":
        return "tsv @@ to_tsquery('simple', %s)", [tsquery]
    return "grams @@ CAST(%s AS tsquery)", [tsquery]


def pg_any(terms: Sequence[Term], exclude: Sequence[Term] = ()) -> tuple[str, list]:
    """SQL over a chunk: any of `terms` and (when given) none of `exclude`. Terms and
    exclusions on one column go to the index as one tsquery."""
    needs = [pg_needs(t) for t in terms]
    columns = {column for need in needs for column, _text in need}
    rest = list(exclude)
    if len(columns) == 1 and all(len(need) == 1 for need in needs):
        (column,) = columns
        text = " | ".join(f"({need[0][1]})" for need in needs)
        rest = []
        for term in exclude:
            need = pg_needs(term)
            if len(need) == 1 and need[0][0] == column:
                text = f"({text}) & !({need[0][1]})"
            else:
                rest.append(term)
        sql, params = pg_match(column, text)
    else:
        parts = [[pg_match(column, text) for column, text in need] for need in needs]
        sql = "(" + " OR ".join("(" + " AND ".join(s for s, _ in p) + ")" for p in parts) + ")"
        params = [x for part in parts for _s, ps in part for x in ps]
    if rest:
        not_sql, not_params = pg_any(rest)
        sql, params = f"{sql} AND NOT ({not_sql})", params + not_params
    return sql, params


class PostgresBackend(Backend):
    vendor = "postgresql"

    def text_keys(self, cur, groups, exclude):
        # Most filings are one chunk: every group against it, the exclusions inside the
        # first group's tsquery where they can go. Long filings match when each group
        # matches one of their chunks and no chunk has an excluded term.
        each = [pg_any(group) for group in groups]
        first, params = pg_any(groups[0], exclude)
        where = [first] + [sql for sql, _ in each[1:]]
        params += [p for _, ps in each[1:] for p in ps]
        one = "SELECT fkey FROM filings_searchchunk WHERE NOT multi AND " + " AND ".join(where)
        across = [f"SELECT fkey FROM filings_searchchunk WHERE multi AND {sql}" for sql, _ in each]
        params += [p for _, ps in each for p in ps]
        sql = " INTERSECT ".join(across)
        if exclude:
            not_sql, more = pg_any(exclude)
            sql = f"({sql}) EXCEPT SELECT fkey FROM filings_searchchunk WHERE multi AND {not_sql}"
            params += more
        cur.execute(
            f"SELECT string_agg(CAST(fkey AS text), ',') FROM ({one} UNION ALL ({sql})) t", params
        )
        return facetindex.key_array(cur.fetchone()[0])

    def ranked(self, cur, query, window, offset, limit):
        cur.execute(
            "SELECT c.fkey, sum(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', c.tsv, q.q)) AS score "
            "FROM filings_searchchunk c, (SELECT to_tsquery('simple', %s) AS q) q "
            "WHERE c.fkey = ANY(%s) "
            f"GROUP BY c.fkey ORDER BY score DESC, c.fkey DESC LIMIT {int(limit)} OFFSET {int(offset)}",
            [pg_tsquery(query.terms), window.tolist()],
        )
        return [(key, float(score)) for key, score in cur.fetchall()]

    def write(self, records, fresh=False):
        if not records:
            return
        with connection.cursor() as cur:
            values = ", ".join(["(%s, %s, %s)"] * len(records))
            cur.execute(
                f"INSERT INTO filings_searchfiling (accession, form, filed_date) VALUES {values} "
                "ON CONFLICT (accession) DO UPDATE SET form = EXCLUDED.form, "
                "filed_date = EXCLUDED.filed_date RETURNING accession, key",
                [x for r in records for x in (r.accession, r.form, r.filed_date)],
            )
            keys = dict(cur.fetchall())
            values = ", ".join(["(%s, %s)"] * len(records))
            cur.execute(
                f"INSERT INTO filings_searchsource (key, head) VALUES {values} "
                "ON CONFLICT (key) DO UPDATE SET head = EXCLUDED.head",
                [x for r in records for x in (keys[r.accession], r.head)],
            )
            if not fresh:
                marks = ", ".join(["%s"] * len(keys))
                cur.execute(
                    f"DELETE FROM filings_searchchunk WHERE fkey IN ({marks})", list(keys.values())
                )
            rows = []
            for r in records:
                key = keys[r.accession]
                head = tokens(r.head)
                body = chunks(r.texts) or [[]]
                multi = len(body) > 1
                for n, words in enumerate(body):
                    # Runs of words in the header, or in the body, not across the two.
                    runs = grams(words) | (grams(head) if n == 0 else set())
                    text = " ".join(head) if n == 0 else ""
                    # One string, split by the server: far cheaper than a text[] parameter.
                    rows.append((key, n, multi, text, " ".join(words), "|".join(runs)))
            cur.executemany(
                "INSERT INTO filings_searchchunk (fkey, n, multi, tsv, grams) VALUES "
                "(%s, %s, %s, setweight(to_tsvector('simple', %s), 'A') || "
                "to_tsvector('simple', %s), array_to_tsvector(string_to_array(%s, '|')))",
                rows,
            )
            self.write_rows(cur, keys, records, [] if fresh else list(keys.values()))

    def remove(self, accessions):
        with connection.cursor() as cur:
            marks = ", ".join(["%s"] * len(accessions))
            cur.execute(
                f"DELETE FROM filings_searchfiling WHERE accession IN ({marks})", accessions
            )

    def clear(self):
        with connection.cursor() as cur:
            cur.execute(
                "TRUNCATE filings_searchchunk, filings_searchfacet, filings_searchsource, "
                "filings_searchname, filings_searchfiling RESTART IDENTITY"
            )
            facetindex.log_change(cur, None)

    @contextlib.contextmanager
    def bulk(self):
        # Building the GIN indexes once at the end beats updating them row by row.
        with connection.cursor() as cur:
            for name in CHUNK_INDEXES:
                cur.execute(f"DROP INDEX {name}")
        yield
        with connection.cursor() as cur:
            # A GIN build sorts its entries in this much memory (the default is 64 MB).
            cur.execute("SET maintenance_work_mem = '512MB'")
            for name, definition in CHUNK_INDEXES.items():
                cur.execute(f"CREATE INDEX {name} ON filings_searchchunk {definition}")
            cur.execute("RESET maintenance_work_mem")

    def optimize(self):
        with connection.cursor() as cur:
            cur.execute("ANALYZE filings_searchfiling")
            cur.execute("ANALYZE filings_searchchunk")
            cur.execute("ANALYZE filings_searchfacet")


def chunks(texts: Sequence[str]) -> list[list[str]]:
    """The filing's words in overlapping runs of CHUNK_WORDS, as PostgreSQL indexes them."""
    words = [w for text in texts for w in tokens(text)]
    step = CHUNK_WORDS - CHUNK_OVERLAP
    return (
        [words[i : i + CHUNK_WORDS] for i in range(0, max(len(words) - CHUNK_OVERLAP, 1), step)]
        if words
        else []
    )


_BACKENDS = {"sqlite": SQLiteBackend(), "postgresql": PostgresBackend()}


def _backend() -> Backend:
    try:
        return _BACKENDS[connection.vendor]
    except KeyError:
        raise NotImplementedError(
            f"search supports SQLite and PostgreSQL, not {connection.vendor}"
        ) from None
