"""PostgreSQL: tsvector chunks of a few thousand words per filing (positions stay exact for
phrases; no tsvector hits its size limit), with runs of two and three words for phrases.
A filing matches when each required term matches one of its chunks."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from django.db import connection, transaction

from . import facets
from .backend import Backend
from .query import Term
from .words import tokens

# PostgreSQL indexes words (as SQLite's tokenizer splits them) in runs of this many, so
# tsvector positions (at most 16,383) stay exact; runs overlap so phrases span the cut.
CHUNK_WORDS = 10_000


CHUNK_OVERLAP = 50


def pg_tsquery(terms: Sequence[Term]) -> str:
    """A tsquery matching any of the terms, over the same words SQLite would see."""
    parts = []
    for term in terms:
        text = " <-> ".join(f"'{w}'" for w in term.tokens)
        parts.append(f"({text}:*)" if term.prefix else f"({text})")
    return " | ".join(parts)


# The GIN indexes of PostgreSQL's chunks (migrations 0002, 0004 and 0017): words and runs
# of words, over the filings of one chunk and over the chunks of longer ones (whose words
# may be in different chunks). Each chunk is under one index of each kind.
CHUNK_INDEXES = {
    "filings_searchchunk_single": "USING gin (tsv) WHERE NOT multi",
    "filings_searchchunk_multi": "USING gin (tsv) WHERE multi",
    "filings_searchchunk_grams_single": "USING gin (grams) WHERE NOT multi",
    "filings_searchchunk_grams_multi": "USING gin (grams) WHERE multi",
}

# An advisory lock: held shared by every load that wants the chunk indexes absent until it
# ends, and exclusive by whoever builds them, so no build runs under a load that is still
# writing and two builds never race for one index name.
INDEX_LOCK = 0x66696C696E6773


# A batch loads with the chunk indexes absent, built at its end, when that costs less than
# keeping them row by row. Over the corpus's chunk rows (bench/bench_chunk_indexes.py), a
# row costs 14 ms to index as it is written into an empty store and 22 ms into a store
# four times the batch, while a build costs 12 to 17 ms for every row of the store: the
# build wins only when the batch is several times the store (a first load), and then by a
# little CPU and three quarters of the WAL. Below a thousand files it loses on wall time:
# the build runs alone at the end, where row by row it overlaps the parsing (the corpus,
# 99 files with --jobs 2 on two cores: 15.5 s deferred, 13.9 s row by row).
DEFER_STORE_SHARE = 4  # the batch at least this many times the filings already stored
DEFER_MIN_FILES = 1000


def defers(files: int, stored: int) -> bool:
    """Whether a batch of `files` into a store of `stored` filings builds the indexes at
    its end."""
    return files >= DEFER_MIN_FILES and files >= DEFER_STORE_SHARE * stored


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
    rank_limit = 1000

    @contextlib.contextmanager
    def session(self):
        # A savepoint: a failed statement must not poison the caller's transaction.
        with transaction.atomic(), connection.cursor() as cur:
            yield cur

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
        return facets.key_array(cur.fetchone()[0])

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
            facets.log_change(cur, None)

    @contextlib.contextmanager
    def bulk(self):
        # Building the GIN indexes once at the end beats updating them row by row.
        with connection.cursor() as cur:
            drop_indexes(cur)
        yield
        with connection.cursor() as cur:
            build_indexes(cur, list(CHUNK_INDEXES))

    @contextlib.contextmanager
    def load(self, files, defer=None):
        if defer is None:
            with connection.cursor() as cur:
                cur.execute("SELECT count(*) FROM filings_searchfiling")
                defer = defers(files, cur.fetchone()[0])
        if not defer:
            yield False
            return
        with connection.cursor() as cur:
            # Outside a transaction (manage.py ingest) the indexes go at once: searches
            # and other writers carry on without them while the batch loads.
            cur.execute("SELECT pg_advisory_lock_shared(%s)", [INDEX_LOCK])
            drop_indexes(cur)
        try:
            yield True
        finally:
            with connection.cursor() as cur:
                cur.execute("SELECT pg_advisory_unlock_shared(%s)", [INDEX_LOCK])
            self.restore_indexes()

    def restore_indexes(self):
        with connection.cursor() as cur:
            # Only on a store whose chunks have their word runs (migration 0004) and are
            # under single-chunk indexes (0017, which drops the index over every chunk).
            cur.execute(
                "SELECT count(*) FROM pg_attribute WHERE attrelid = "
                "to_regclass('filings_searchchunk') AND attname = 'grams' AND NOT attisdropped "
                "AND to_regclass('filings_searchchunk_tsv') IS NULL"
            )
            if not cur.fetchone()[0]:
                return []
            cur.execute(
                "SELECT name FROM unnest(CAST(%s AS text[])) name WHERE to_regclass(name) IS NULL",
                [list(CHUNK_INDEXES)],
            )
            missing = [name for (name,) in cur.fetchall()]
            if not missing:
                return []
            cur.execute("SELECT pg_try_advisory_lock(%s)", [INDEX_LOCK])
            if not cur.fetchone()[0]:
                return []  # a load is under way and builds them when it ends
            try:
                build_indexes(cur, missing)
            finally:
                cur.execute("SELECT pg_advisory_unlock(%s)", [INDEX_LOCK])
        return missing

    def optimize(self):
        with connection.cursor() as cur:
            cur.execute("ANALYZE filings_searchfiling")
            cur.execute("ANALYZE filings_searchchunk")
            cur.execute("ANALYZE filings_searchfacet")

    def write_notes(self, cur, rows):
        # The words as lexemes, exactly as split here (no parser of PostgreSQL's between).
        cur.executemany(
            "INSERT INTO filings_searchnote (note, words) "
            "VALUES (%s, array_to_tsvector(string_to_array(%s, ' ')))",
            [(pk, " ".join(words)) for pk, words in rows],
        )

    def forget_notes(self, cur, ids):
        cur.execute("DELETE FROM filings_searchnote WHERE note = ANY(%s)", [list(ids)])

    def notes_matching(self, words):
        tsquery = " & ".join(f"'{w}'" for w in words)
        return "SELECT note FROM filings_searchnote WHERE words @@ CAST(%s AS tsquery)", [tsquery]


def chunks(texts: Sequence[str]) -> list[list[str]]:
    """The filing's words in overlapping runs of CHUNK_WORDS, as PostgreSQL indexes them."""
    words = [w for text in texts for w in tokens(text)]
    step = CHUNK_WORDS - CHUNK_OVERLAP
    return (
        [words[i : i + CHUNK_WORDS] for i in range(0, max(len(words) - CHUNK_OVERLAP, 1), step)]
        if words
        else []
    )


def drop_indexes(cur) -> None:
    for name in CHUNK_INDEXES:
        cur.execute(f"DROP INDEX IF EXISTS {name}")


def build_indexes(cur, names: list[str]) -> None:
    # A GIN build sorts its entries in maintenance_work_mem (the default is 64 MB); raise it
    # to 512 MB for the build, but keep a larger setting the server has. (Over the corpus
    # alone a smaller one builds faster; a store of 300,000 filings was rebuilt with this.)
    cur.execute("SELECT pg_size_bytes(current_setting('maintenance_work_mem'))")
    raise_memory = cur.fetchone()[0] < 512 * 2**20
    if raise_memory:
        cur.execute("SET maintenance_work_mem = '512MB'")
    # IF NOT EXISTS: another process may have built one since it was found missing.
    for name in names:
        cur.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON filings_searchchunk {CHUNK_INDEXES[name]}"
        )
    if raise_memory:
        cur.execute("RESET maintenance_work_mem")
