"""What keeping PostgreSQL's chunk indexes row by row costs against building them once
(not a test; the figures behind filings.search.postgres.defers).

    DATABASE_URL=postgres://... .venv/bin/python bench/bench_chunk_indexes.py [COPIES...]

(The builds use the session's maintenance_work_mem: PGOPTIONS="-c maintenance_work_mem=512MB"
measures what `ingest` and `reindex` ask for.)

Needs a store that holds filings (e.g. the corpus, loaded by `manage.py ingest`). Its chunk
rows are the batch; a scratch table holds COPIES copies of them as the store already there
(each copy's words and runs made its own, so a larger store has more distinct entries,
as real ones do). For each size it prints, per batch row: the time to insert it with the
four indexes in place, and without them plus a build over the whole table at the end.
Every scratch table is dropped afterwards; each copy takes the space of the store's chunks.
"""

import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def own(column: str, k: int) -> str:
    """The column's lexemes made copy k's own."""
    return f"array_to_tsvector(ARRAY(SELECT lexeme || '~{k}' FROM unnest({column})))"


def timed(cur, statements) -> float:
    start = time.perf_counter()
    for sql, params in statements:
        cur.execute(sql, params)
    return time.perf_counter() - start


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filings.settings")
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        print("bench_chunk_indexes: needs DATABASE_URL=postgres://...; nothing to measure")
        return
    copies = [int(a) for a in sys.argv[1:]] or [0, 1, 4]
    with connection.cursor() as cur:
        try:
            measure(cur, copies)
        finally:
            # Real tables (written to the WAL as the store's are): never left behind.
            cur.execute("DROP TABLE IF EXISTS scratch_chunk, scratch_batch")


def measure(cur, copies_list: list[int]) -> None:
    from filings.search.postgres import CHUNK_INDEXES

    indexes = [
        (f"CREATE INDEX scratch_{name} ON scratch_chunk {definition}", None)
        for name, definition in CHUNK_INDEXES.items()
    ]
    cur.execute("SELECT current_setting('maintenance_work_mem')")
    memory = cur.fetchone()[0]
    cur.execute(
        "CREATE TABLE scratch_batch AS SELECT fkey, n, multi, tsv, grams FROM filings_searchchunk"
    )
    cur.execute("SELECT fkey, n FROM scratch_batch")
    keys = cur.fetchall()
    if not keys:
        print("bench_chunk_indexes: the store has no chunks; load some filings first")
        return
    rows = len(keys)
    inserts = [
        ("INSERT INTO scratch_chunk SELECT * FROM scratch_batch WHERE fkey = %s AND n = %s", k)
        for k in keys
    ]
    print(f"batch: {rows} chunk rows; maintenance_work_mem {memory}; {load()}")
    for copies in copies_list:
        cur.execute("DROP TABLE IF EXISTS scratch_chunk")
        cur.execute("CREATE TABLE scratch_chunk (LIKE scratch_batch)")
        for k in range(1, copies + 1):
            cur.execute(
                f"INSERT INTO scratch_chunk SELECT fkey + {k} * 10000000, n, multi, "
                f"{own('tsv', k)}, {own('grams', k)} FROM scratch_batch"
            )
        timed(cur, indexes)
        row_by_row = timed(cur, inserts)
        cur.execute("DELETE FROM scratch_chunk WHERE fkey < 10000000")
        for name in CHUNK_INDEXES:
            cur.execute(f"DROP INDEX scratch_{name}")
        bare = timed(cur, inserts)
        build = timed(cur, indexes)
        stored = copies * rows
        print(
            f"store of {stored:6d} rows: row by row {row_by_row / rows * 1000:5.1f} ms a row; "
            f"without indexes {bare / rows * 1000:4.1f} ms a row, then the build {build:6.2f} s "
            f"({build / (stored + rows) * 1000:5.1f} ms a row of the store); {load()}"
        )


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f} on {os.cpu_count()} CPUs"


if __name__ == "__main__":
    main()
