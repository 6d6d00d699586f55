"""The name table: companies and people by every name they went by (as written, current,
former), and people with everyone merged into them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection

from ..models import Person
from .words import tokens


def names_matching(kind: str, text: str) -> list[int]:
    """Companies or people with a name variant containing every word of `text` (as a
    word or the start of one)."""
    words = tokens(text)
    if not words:
        return []
    return sorted({ref for _kind, ref, _name, _source in name_rows(kind, words, limit=None)})


def name_rows(kind: str | None, words: list[str], limit: int | None) -> list[tuple]:
    """(kind, ref, name, source) rows of the name table matching `words` (see
    name_matches), read by two prefix scans of its tokens: the longest word against the
    names' words, and the words run together against the names run together."""
    scans = [max(words, key=len)]
    if len(words) > 1:
        scans.append("".join(words))
    sql = (
        "SELECT kind, ref, name, source, token FROM filings_searchname "
        "WHERE token >= %s AND token < %s"
    )
    if kind:
        sql += " AND kind = %s"
    if limit:
        sql += f" LIMIT {int(limit)}"
    out: dict[tuple, None] = {}
    with connection.cursor() as cur:
        for first in scans:
            cur.execute(sql, [first, first + "\U0010ffff", *([kind] if kind else [])])
            for row_kind, ref, name, source, token in cur.fetchall():
                cik = [token] if source == "cik" else []
                if name_matches(name, words, cik):
                    out[(row_kind, ref, name, source)] = None
    return list(out)


def name_matches(name: str, words: list[str], extra: Sequence[str] = ()) -> bool:
    """Whether every word typed starts a word of the name (or of `extra`, a CIK), or all
    of them run together start the name run together, so that punctuation and spacing
    do not matter: "1800 flowers", "1800flowers" and "1-800" all find
    "1-800-FLOWERS.COM, Inc."."""
    name_words = tokens(name)
    if all(any(w.startswith(word) for w in [*name_words, *extra]) for word in words):
        return True
    return "".join(name_words).startswith("".join(words))


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
