"""Running a search: match the words and filters, rank a window of the matches, page, and
build each hit's snippet from its documents."""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from django.db import DatabaseError, connection
from django.db.models.functions import Substr
from django.urls import reverse

from ..models import PRIMARY_ROLES, Document, Filing, FilingParty, document_slug
from . import backend as backends
from . import facets, notes
from .filters import (
    FACETS,
    NOTES,
    count_facets,
    empty_facets,
    filters_mask,
    label_facets,
    selection_mask,
)
from .query import Query, parse_query
from .snippets import Highlighter

log = logging.getLogger(__name__)


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
    url: str = ""  # of the document the snippet comes from

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


def search(
    query: Query | str,
    *,
    page: int = 1,
    per_page: int = 20,
    facets: dict[str, str] | None = None,
    documents: bool = False,
    user=None,
) -> Results:
    """Filings matching the query and the facet selections, ranked, one page of them;
    `documents`: list each hit's matching documents too (it reads all of them).
    `user`: whose notes `note:`, `tag:` and the notes facet look in (None: anonymous,
    public notes only)."""
    if isinstance(query, str):
        query = parse_query(query)
    per_page = max(1, min(as_int(per_page, 20), 500))
    page = as_int(page, 1)
    backend = backends.current()
    selected = {k: str(v) for k, v in (facets or {}).items() if k in (*FACETS, NOTES) and str(v)}
    if query.is_empty and query.errors:
        # Something was typed and nothing of it could be used: matching every filing
        # would hide that; the notes say what was ignored.
        return Results(query, [], 0, 1, per_page, empty_facets(), selected)
    try:
        with backend.session() as cur:
            index, base, ranking = match(cur, backend, query, user)
            noted = notes.noted(index, user)
            chosen = {
                name: noted.get(v, np.zeros(index.size, bool))
                if name == NOTES
                else selection_mask(index, name, v)
                for name, v in selected.items()
            }
            result = base.copy()
            for mask in chosen.values():
                result &= mask
            total = int(result.sum())
            pages = max(1, math.ceil(total / per_page))
            page = max(1, min(page, pages))
            rows = page_rows(cur, backend, index, ranking, result, (page - 1) * per_page, per_page)
            ranked = backend.with_accessions(cur, rows)
            facet_counts = count_facets(index, base, result, chosen, noted)
    except DatabaseError:
        # Queries reach the database only as quoted words, so this is not the reader's
        # doing; say so rather than fail the page.
        log.exception("search failed for %r", query.to_string())
        failed = Query(query.groups, query.exclude, query.filters, [*query.errors])
        failed.errors.append("The search could not be run; please try again.")
        return Results(failed, [], 0, 1, per_page, empty_facets(), selected)
    hits = build_hits(query, ranked, documents)
    return Results(query, hits, total, page, per_page, label_facets(facet_counts), selected)


def totals(
    names: Iterable[str], limit: int, where: dict[str, str] | None = None
) -> dict[str, list[tuple[str, int]]]:
    """The most common values of these facets, [(value, count)] each, over every stored
    filing or those with the `where` facet values: what a search's facets would count for
    a search matching everything. Read from the in-memory facet copy, so a count is a pass
    over arrays, not over the party or filing rows."""
    backend = backends.current()
    with backend.session() as cur:
        index = facets.current(cur)
        mask = index.everything()
        for name, value in (where or {}).items():
            mask &= index.with_values(name, [value])
        return {name: index.top(name, mask, limit) for name in names}


def matching(
    query: Query | str,
    accessions: Iterable[str],
    *,
    facets: dict[str, str] | None = None,
    user=None,
) -> set[str]:
    """Which of these accessions the search finds: the same words, filters and facet
    selections (and `user`'s notes) as search(), without ranking, counts or snippets.
    A watch asks it of each newly stored filing. Database errors are raised."""
    if isinstance(query, str):
        query = parse_query(query)
    accessions = list(accessions)
    selected = {k: str(v) for k, v in (facets or {}).items() if k in (*FACETS, NOTES) and str(v)}
    if not accessions or (query.is_empty and query.errors):
        return set()
    backend = backends.current()
    with backend.session() as cur:
        index, result, _ranking = match(cur, backend, query, user, accessions)
        for name, value in selected.items():
            if name == NOTES:
                result &= notes.noted(index, user).get(value, np.zeros(index.size, bool))
            else:
                result &= selection_mask(index, name, value)
        rows = [(int(key), 0.0) for key in np.nonzero(result)[0]]
        return {accession for _key, accession, _score in backend.with_accessions(cur, rows)}


def match(cur, backend: backends.Backend, query: Query, user=None, within=None):
    """The facet index, a mask of the filings matching the query's words and filters
    (`user`: whose notes the notes fields see; `within`: among these accessions only),
    and the query to rank them by.

    A group that is one bare number naming a stored CIK also matches that company's or
    person's filings (people paste CIKs without the cik: prefix), so the ranking leaves
    it out: the index would not find those filings by it."""
    accessions = None if within is None else list(within)

    def searched(index):
        mask = filters_mask(index, query, user)
        if accessions is not None:
            mask &= index.with_accessions(accessions)
        return mask

    index = facets.current(cur)
    mask = searched(index)
    if not mask.any() or not query.has_text:
        return index, mask, query
    numbers = cik_groups(index, query)
    words = tuple(g for i, g in enumerate(query.groups) if i not in numbers)
    ranking = Query(words, query.exclude, query.filters) if numbers else query
    searches = []  # (keys, negated, the CIK a match may come from instead)
    if words:
        searches.append((backend.text_keys(cur, words, query.exclude), False, None))
    elif query.exclude:
        searches.append((backend.text_keys(cur, (query.exclude,), ()), True, None))
    for i, cik in numbers.items():
        searches.append((backend.text_keys(cur, (query.groups[i],), ()), False, cik))
    for attempt in range(2):
        result, complete = mask.copy(), True
        for keys, negated, cik in searches:
            found, whole = index.mask(keys)
            complete &= whole
            if cik is not None:
                found |= index.with_values("cik", [cik])
            result &= ~found if negated else found
        if complete or attempt:
            break
        newer = facets.current(cur)  # a filing was indexed since the copy was brought up to date
        if newer is index:
            break
        index, mask = newer, searched(newer)
    return index, result, ranking


def cik_groups(index: facets.Snapshot, query: Query) -> dict[int, str]:
    """{group position: CIK} for each group that is one plain number some filing names."""
    out = {}
    for i, group in enumerate(query.groups):
        if len(group) != 1 or group[0].phrase or group[0].prefix:
            continue
        text = group[0].text
        if text.isdecimal() and len(text) <= 10 and int(text) > 0:
            cik = str(int(text))
            if index.with_values("cik", [cik]).any():
                out[i] = cik
    return out


def page_rows(cur, backend, index, query: Query, result, offset: int, limit: int):
    """[(key, score)] for one page. With words to rank by, the backend's `rank_limit` most recently
    indexed matches come first, most relevant first (a re-index numbers filings by date,
    so they are then the newest), and the rest follow newest first. Ranking reads only
    the index rows from the window's lowest key up, so the window is a run of keys."""
    if not query.groups:
        newest = index.newest(result)
        return [(int(k), 0.0) for k in newest[offset : offset + limit]]
    keys = np.nonzero(result)[0]
    window = keys[-backend.rank_limit :]
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


def as_int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


HIT_COLUMNS = ("accession", "form", "filed_date", "created_at", "updated_at")


def build_hits(
    query: Query, ranked: list[tuple[int, str, float]], documents: bool = False
) -> list[Hit]:
    """The page's hits with snippets; `documents`: also every matching document."""
    accessions = [acc for _key, acc, _score in ranked]
    # What a hit shows and a feed entry dates: a filing's header lines are JSON, decoded
    # for every row read.
    filings = Filing.objects.only(*HIT_COLUMNS).in_bulk(accessions)
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
        url = filing.get_absolute_url()
        if accession in best:
            _distinct, snippet, url = best[accession]
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
                url=url,
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
                best[doc.filing_id] = (found.distinct, snippet, url)
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
