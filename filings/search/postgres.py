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


# The GIN indexes of PostgreSQL's chunks (migrations 0002 and 0004). The partial ones
# cover the chunks of filings too long for one, whose words may be in different chunks.
CHUNK_INDEXES = {
    "filings_searchchunk_tsv": "USING gin (tsv)",
    "filings_searchchunk_multi": "USING gin (tsv) WHERE multi",
    "filings_searchchunk_grams": "USING gin (grams)",
    "filings_searchchunk_grams_multi": "USING gin (grams) WHERE multi",
}


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
            for name in CHUNK_INDEXES:
                cur.execute(f"DROP INDEX {name}")
        yield
        with connection.cursor() as cur:
            # A GIN build sorts its entries in maintenance_work_mem (the default is 64 MB);
            # raise it to 512 MB for the build, but keep a larger setting the server has.
            cur.execute("SELECT pg_size_bytes(current_setting('maintenance_work_mem'))")
            raise_memory = cur.fetchone()[0] < 512 * 2**20
            if raise_memory:
                cur.execute("SET maintenance_work_mem = '512MB'")
            for name, definition in CHUNK_INDEXES.items():
                cur.execute(f"CREATE INDEX {name} ON filings_searchchunk {definition}")
            if raise_memory:
                cur.execute("RESET maintenance_work_mem")

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
