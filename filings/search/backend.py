"""What each database backend does for search, behind one small interface, and which one
the default connection uses. Only this package's modules use a backend."""

from __future__ import annotations

import contextlib

import numpy as np
from django.db import connection

from . import facets, notes
from .records import Record, name_token_rows, person_ciks


class Backend:
    vendor = ""
    # Broad queries rank only their most recently indexed matches by relevance (the rest
    # follow, newest first): ranking costs per matching row, and PostgreSQL's reads each
    # row's tsvector.
    rank_limit = 0

    @contextlib.contextmanager
    def session(self):
        """A cursor for one search."""
        with connection.cursor() as cur:
            yield cur

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
        # Re-indexed filings keep the audiences of their notes (notes.py).
        notes.sync_facet_rows(cur, list(keys.values()))
        names = {n for r in records for n in r.names}
        cur.executemany(
            "INSERT INTO filings_searchname (kind, ref, name, token, source) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
            name_token_rows(names, person_ciks(names)),
        )
        facets.log_change(cur, keys.values())  # last: the log is a lock on PostgreSQL

    def remove(self, accessions: list[str]) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def optimize(self) -> None:
        pass

    @contextlib.contextmanager
    def bulk(self):
        """Around writing many filings in one transaction (reindex)."""
        yield

    @contextlib.contextmanager
    def load(self, files: int, defer: bool | None = None):
        """Around storing a batch of `files` filings, each in its own transaction (manage.py
        ingest). Yields whether the index is built once at the end instead of row by row:
        `defer` forces either way; None decides from the batch and the store's sizes."""
        yield False

    def restore_indexes(self) -> list[str]:
        """Build any index a load left absent (it was killed) unless a load is under way;
        returns the names built."""
        return []

    # Notes (notes.py) ----------------------------------------------------------------------

    def write_notes(self, cur, rows: list[tuple[int, list[str]]]) -> None:
        """Index notes' words: [(note id, words)], none of them indexed now."""
        raise NotImplementedError

    def forget_notes(self, cur, ids: list[int]) -> None:
        raise NotImplementedError

    def notes_matching(self, words: list[str]) -> tuple[str, list]:
        """SQL selecting the ids of the notes having every one of these words."""
        raise NotImplementedError


_BACKENDS: dict[str, Backend] = {}


def current() -> Backend:
    """The backend of the default database connection."""
    vendor = connection.vendor
    if vendor not in _BACKENDS:
        if vendor == "sqlite":
            from .sqlite import SQLiteBackend as backend_class
        elif vendor == "postgresql":
            from .postgres import PostgresBackend as backend_class
        else:
            raise NotImplementedError(f"search supports SQLite and PostgreSQL, not {vendor}")
        _BACKENDS[vendor] = backend_class()
    return _BACKENDS[vendor]
