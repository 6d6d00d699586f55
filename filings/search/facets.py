"""The facet values of every indexed filing, held in memory by each process.

Counting facets in SQL reads a row per (filing, value): for a broad search that is
hundreds of thousands of rows, and most of the search's time. Held here as numpy arrays
indexed by filing key, a count is one pass over them, and field filters and facet
selections become masks over keys, so SQL is left only the words.

The copy is kept exact by the search log (filings_searchlog): each write to the search
tables adds a row (generation, token, keys) in the writer's transaction, and writers take
turns, so generations commit in order. Before each search the copy looks at the newest log
row. If it moved on, the copy re-reads the rows of the keys named since; if the log no
longer holds the copy's own row (pruned, rolled back, or rebuilt), it re-reads everything.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from django.db import connection

# Log rows kept: a process further behind than this reloads everything.
LOG_KEEP = 2000
# A catch-up touching more keys than this (or than a tenth of the index) reloads instead.
CATCH_UP_KEYS = 20_000
EVERYTHING = "*"
# The accessions held as digits (others are 0 in Snapshot.accession).
ACCESSION = re.compile(r"^\d{10}-\d{2}-\d{6}$")


# --- the log (written by filings.search, in the writer's transaction) ---------------------


def log_change(cur, keys: Iterable[int] | None) -> None:
    """Record that the search rows of `keys` (None: of every filing) changed."""
    text = EVERYTHING if keys is None else ",".join(str(int(k)) for k in sorted(set(keys)))
    if connection.vendor == "postgresql":
        cur.execute("SELECT filings_searchlog_add(%s)", [text])  # takes the log's lock
    else:
        cur.execute(
            "INSERT INTO filings_searchlog (generation, token, keys) "
            "SELECT COALESCE(max(generation), 0) + 1, %s, %s FROM filings_searchlog",
            [secrets.token_hex(8), text],
        )
    cur.execute(
        "DELETE FROM filings_searchlog WHERE generation <= "
        "(SELECT max(generation) FROM filings_searchlog) - %s",
        [LOG_KEEP],
    )


# --- the in-memory copy -------------------------------------------------------------------


@dataclass
class Facet:
    """One facet's (filing key, value) pairs; values are numbered as first seen."""

    values: list[str] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)
    keys: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    local: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    _rank: np.ndarray | None = None
    _numbers: np.ndarray | None = None

    def id_of(self, value: str) -> int:
        found = self.ids.get(value)
        if found is None:
            found = self.ids[value] = len(self.values)
            self.values.append(value)
            self._rank = self._numbers = None
        return found

    def rank(self) -> np.ndarray:
        """Each value's place in sorted order (ties in a count are shown in that order)."""
        if self._rank is None or len(self._rank) != len(self.values):
            order = sorted(range(len(self.values)), key=self.values.__getitem__)
            rank = np.empty(len(self.values), np.int64)
            rank[order] = np.arange(len(self.values))
            self._rank = rank
        return self._rank

    def numbers(self) -> np.ndarray:
        """Each value as a number (people's ids), -1 when it is not one."""
        if self._numbers is None or len(self._numbers) != len(self.values):
            self._numbers = np.array(
                [int(v) if v.isdigit() and len(v) < 19 else -1 for v in self.values], np.int64
            )
        return self._numbers

    def copy(self) -> Facet:
        return Facet(
            list(self.values), dict(self.ids), self.keys, self.local, self._rank, self._numbers
        )


class Snapshot:
    """Every indexed filing's key, filing date, accession and facet values."""

    def __init__(self, database: str, generation: int, token: str):
        self.database = database
        self.generation = generation
        self.token = token
        self.present = np.zeros(1, bool)
        self.filed = np.zeros(1, np.int32)  # YYYYMMDD; 0 when unknown
        self.accession = np.zeros(1, np.int64)  # the accession's 18 digits
        self.facets: dict[str, Facet] = {}
        self._newest: np.ndarray | None = None
        self.lock = threading.Lock()

    # Reading ---------------------------------------------------------------------------

    @property
    def size(self) -> int:
        return len(self.present)

    def mask(self, keys: np.ndarray) -> tuple[np.ndarray, bool]:
        """A mask of these keys, and whether every one of them is known here."""
        keys = keys[keys >= 0]
        known = keys[keys < self.size]
        out = np.zeros(self.size, bool)
        out[known] = True
        out &= self.present
        return out, len(known) == len(keys) and bool(self.present[known].all())

    def everything(self) -> np.ndarray:
        return self.present.copy()

    def with_values(self, name: str, values: Sequence[str]) -> np.ndarray:
        """Filings having any of these values of a facet."""
        out = np.zeros(self.size, bool)
        facet = self.facets.get(name)
        ids = [facet.ids[v] for v in values if v in facet.ids] if facet else []
        if ids:
            out[facet.keys[np.isin(facet.local, ids)]] = True
        return out

    def with_accessions(self, accessions: Iterable[str]) -> np.ndarray:
        """Filings with these accession numbers."""
        digits = [int(a.replace("-", "")) for a in accessions if ACCESSION.match(a)]
        return self.present & np.isin(self.accession, np.array(digits, np.int64))

    def filed_between(self, start: dt.date | None, end: dt.date | None) -> np.ndarray:
        out = self.present & (self.filed > 0)
        if start:
            out &= self.filed >= ymd(start)
        if end:
            out &= self.filed <= ymd(end)
        return out

    def newest(self, mask: np.ndarray) -> np.ndarray:
        """The keys in the mask, newest filing date first (then highest accession)."""
        with self.lock:
            if self._newest is None:
                keys = np.nonzero(self.present)[0]
                order = np.lexsort((-self.accession[keys], -self.filed[keys].astype(np.int64)))
                self._newest = keys[order]
            newest = self._newest
        return newest[mask[newest]]

    def top(
        self, name: str, mask: np.ndarray, limit: int, survivors: dict[int, int] | None = None
    ) -> list[tuple[str, int]]:
        """The facet's values with the most filings in the mask: [(value, count)].

        `survivors` (person facet): count each merged person as the one it was merged
        into, each filing once."""
        facet = self.facets.get(name)
        if facet is None or not len(facet.keys):
            return []
        chosen = mask[facet.keys]
        local = facet.local[chosen]
        if survivors:
            return self._top_merged(facet, facet.keys[chosen], local, limit, survivors)
        counts = np.bincount(local, minlength=len(facet.values))
        found = np.nonzero(counts)[0]
        order = np.lexsort((facet.rank()[found], -counts[found]))[:limit]
        return [(facet.values[i], int(counts[i])) for i in found[order]]

    def _top_merged(self, facet, keys, local, limit, survivors):
        people = facet.numbers()[local]
        source = np.array(sorted(survivors), np.int64)
        target = np.array([survivors[s] for s in source], np.int64)
        at = np.clip(np.searchsorted(source, people), 0, len(source) - 1)
        people = np.where(source[at] == people, target[at], people)
        pairs = np.unique(keys.astype(np.int64) << 32 | (people & 0xFFFFFFFF))
        found, counts = np.unique(pairs & 0xFFFFFFFF, return_counts=True)
        rows = sorted(
            ((str(p), int(n)) for p, n in zip(found, counts, strict=True)),
            key=lambda r: (-r[1], r[0]),
        )
        return rows[:limit]

    # Building --------------------------------------------------------------------------

    def grow(self, size: int) -> None:
        if size <= self.size:
            return
        size = max(size, self.size + self.size // 4)
        for name in ("present", "filed", "accession"):
            old = getattr(self, name)
            new = np.zeros(size, old.dtype)
            new[: len(old)] = old
            setattr(self, name, new)

    def set_filings(self, keys: np.ndarray, filed: np.ndarray, accession: np.ndarray) -> None:
        if not len(keys):
            return
        self.grow(int(keys.max()) + 1)
        self.present[keys] = True
        self.filed[keys] = filed
        self.accession[keys] = accession
        self._newest = None

    def drop(self, keys: np.ndarray) -> None:
        """Forget these filings' rows (before re-reading them)."""
        keys = keys[keys < self.size]
        self.present[keys] = False
        self.filed[keys] = 0
        self.accession[keys] = 0
        for name, facet in list(self.facets.items()):
            keep = ~np.isin(facet.keys, keys)
            facet = facet.copy()
            facet.keys, facet.local = facet.keys[keep], facet.local[keep]
            self.facets[name] = facet
        self._newest = None

    def add_rows(self, rows: Iterable[tuple[str, str, np.ndarray]]) -> None:
        """(facet, value, keys) groups."""
        grouped: dict[str, list[tuple[int, np.ndarray]]] = {}
        for name, value, keys in rows:
            facet = self.facets.setdefault(name, Facet())
            grouped.setdefault(name, []).append((facet.id_of(str(value)), keys))
        for name, groups in grouped.items():
            facet = self.facets[name]
            facet.keys = np.concatenate([facet.keys, *(k for _i, k in groups)]).astype(np.int32)
            facet.local = np.concatenate(
                [facet.local, *(np.full(len(k), i, np.int32) for i, k in groups)]
            )

    def copy(self) -> Snapshot:
        other = Snapshot(self.database, self.generation, self.token)
        other.present = self.present.copy()
        other.filed = self.filed.copy()
        other.accession = self.accession.copy()
        other.facets = {name: facet.copy() for name, facet in self.facets.items()}
        return other


def ymd(day: dt.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def key_array(text: str | None) -> np.ndarray:
    """'1,5,9' (as group_concat/string_agg write keys) -> an int64 array."""
    if not text:
        return np.zeros(0, np.int64)
    return np.array(text.split(","), dtype=np.int64)


# --- keeping the copy current -------------------------------------------------------------

_current: Snapshot | None = None
_lock = threading.Lock()


def current(cur) -> Snapshot:
    """The copy, brought up to date with what this connection can see."""
    global _current
    database = f"{connection.vendor}:{connection.settings_dict['NAME']}"
    head = log_head(cur)
    snap = _current
    if snap is not None and snap.database == database and (snap.generation, snap.token) == head:
        return snap
    with _lock:
        snap = _current
        if snap is None or snap.database != database:
            snap = load(cur, database)
        else:
            snap = catch_up(cur, snap) or load(cur, database)
        _current = snap
        return snap


def log_head(cur) -> tuple[int, str]:
    """The newest log row's (generation, token); (0, "") when the log is empty."""
    cur.execute("SELECT generation, token FROM filings_searchlog ORDER BY generation DESC LIMIT 1")
    return tuple(cur.fetchone() or (0, ""))


def catch_up(cur, snap: Snapshot) -> Snapshot | None:
    """The copy moved on by the log rows since its generation; None if it cannot be."""
    cur.execute(
        "SELECT generation, token, keys FROM filings_searchlog WHERE generation >= %s "
        "ORDER BY generation",
        [snap.generation],
    )
    rows = cur.fetchall()
    if snap.generation and (not rows or tuple(rows[0][:2]) != (snap.generation, snap.token)):
        return None  # our row is gone: pruned, rolled back or rebuilt
    later = rows[1:] if snap.generation else rows
    if not later:
        return None
    if any(keys == EVERYTHING for _g, _t, keys in later):
        return None
    changed = np.unique(np.concatenate([key_array(keys) for _g, _t, keys in later]))
    if len(changed) > min(CATCH_UP_KEYS, max(1000, snap.size // 10)):
        return None
    snap = snap.copy()
    snap.drop(changed)
    keys = [int(k) for k in changed]
    for start in range(0, len(keys), 500):
        part = keys[start : start + 500]
        marks = ", ".join(["%s"] * len(part))
        snap.set_filings(*read_filings(cur, f"WHERE key IN ({marks})", part))
        cur.execute(
            f"SELECT facet, value, fkey FROM filings_searchfacet WHERE fkey IN ({marks})", part
        )
        snap.add_rows(
            (facet, value, np.array([key], np.int64)) for facet, value, key in cur.fetchall()
        )
    snap.generation, snap.token = later[-1][0], later[-1][1]
    return snap


def load(cur, database: str) -> Snapshot:
    """Everything, read afresh: a few grouped queries rather than a row per value."""
    snap = Snapshot(database, *log_head(cur))
    snap.set_filings(*read_filings(cur))
    keys = (
        "string_agg(CAST(fkey AS text), ',')"
        if connection.vendor == "postgresql"
        else "group_concat(fkey)"
    )
    cur.execute(f"SELECT facet, value, {keys} FROM filings_searchfacet GROUP BY facet, value")
    snap.add_rows((facet, value, key_array(text)) for facet, value, text in cur.fetchall())
    return snap


def read_filings(cur, where: str = "", params: Sequence = ()) -> tuple[np.ndarray, ...]:
    """Keys, filing dates (YYYYMMDD) and accession digits of search filings, as arrays:
    the database writes them as three strings, which numpy reads far faster than rows."""
    if connection.vendor == "postgresql":
        cur.execute(
            "SELECT string_agg(CAST(key AS text), ',' ORDER BY key), "
            "string_agg(COALESCE(to_char(filed_date, 'YYYYMMDD'), '0'), ',' ORDER BY key), "
            "string_agg(CASE WHEN accession ~ '^[0-9]{10}-[0-9]{2}-[0-9]{6}$' "
            "THEN replace(accession, '-', '') ELSE '0' END, ',' ORDER BY key) "
            f"FROM filings_searchfiling {where}",
            list(params),
        )
    else:
        cur.execute(
            "SELECT group_concat(key), group_concat(filed), group_concat(accession) FROM ("
            "SELECT key, COALESCE(CAST(strftime('%%Y%%m%%d', filed_date) AS INTEGER), 0) "
            "AS filed, CAST(replace(accession, '-', '') AS INTEGER) AS accession "
            f"FROM filings_searchfiling {where} ORDER BY key)",
            list(params),
        )
    keys, filed, accession = cur.fetchone()
    return key_array(keys), key_array(filed), key_array(accession)
