"""SQLite: one contentless FTS5 row per filing (header and body columns), ranked by bm25.
The compressed source of each row is kept to delete it again (FTS5 needs the old text)."""

from __future__ import annotations

import contextlib
import json
import zlib
from collections.abc import Iterable

from django.db import connection

from . import facets
from .backend import Backend
from .query import Term
from .words import TOKEN

MMAP_BYTES = 1 << 34
# Header text weighs this much more than body text in SQLite's bm25.
HEAD_WEIGHT = 10.0


def fts_string(term: Term) -> str:
    """One FTS5 phrase: the term's words, quoted, so nothing in it is query syntax."""
    text = '"' + " ".join(TOKEN.findall(term.text)) + '"'
    return text + " *" if term.prefix else text


class SQLiteBackend(Backend):
    vendor = "sqlite"
    rank_limit = 5000

    @contextlib.contextmanager
    def session(self):
        with connection.cursor() as cur:
            # Read the index through the OS page cache rather than copying pages into a
            # per-connection cache that dies with the request's connection.
            cur.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            yield cur

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
        return facets.key_array(cur.fetchone()[0])

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
                body = r.take_body_utf8()
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
                    [key, r.head, zlib.compress(body, 1)],
                )
                keys[r.accession] = key
                # The body goes as bytes, read back as text by SQLite (the same UTF-8,
                # tokenized the same): no second copy of it in this process.
                cur.execute(
                    "INSERT INTO filings_searchtext (rowid, head, body) "
                    "VALUES (%s, %s, CAST(%s AS TEXT))",
                    [key, r.head, body],
                )
                del body
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
            facets.log_change(cur, None)

    def optimize(self):
        with connection.cursor() as cur:
            cur.execute("INSERT INTO filings_searchtext (filings_searchtext) VALUES ('optimize')")

    def write_notes(self, cur, rows):
        cur.executemany(
            "INSERT INTO filings_searchnote (rowid, words) VALUES (%s, %s)",
            [(pk, " ".join(words)) for pk, words in rows],
        )

    def forget_notes(self, cur, ids):
        marks = ", ".join(["%s"] * len(ids))
        cur.execute(f"DELETE FROM filings_searchnote WHERE rowid IN ({marks})", list(ids))

    def notes_matching(self, words):
        # Each word quoted: exact words, nothing in them is query syntax.
        expression = " AND ".join(f'"{w}"' for w in words)
        return "SELECT rowid FROM filings_searchnote WHERE filings_searchnote MATCH %s", [
            expression
        ]
