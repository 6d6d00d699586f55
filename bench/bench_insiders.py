"""What the insider pages cost for a busy issuer (not a test).

    .venv/bin/python bench/bench_insiders.py [--filings 300] [--requests 20]

Uses a throwaway data folder (SQLite) unless DATABASE_URL is set. Stores `--filings`
synthetic Forms 4 of one issuer (eight owners, five rows each, one in ten amended by a
4/A), then prints:
- the ingest time per Form 4 (everything ingest does, p50/p95);
- the server time (Django test client) of the issuer's insider page (newest first; sorted
  by shares; filtered to code S), its CSV export, and the company page with its insiders
  section, p50/p95 with the queries each takes; target: the insider page's p95 under
  500 ms;
- the dashboard's one-line summaries of the 50 newest filings (one query); target < 50 ms;
- the machine's load average before and after, since every figure moves with it.
"""

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

from measure import load, percentile, setup_django

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PAGE_TARGET_MS = 500
SUMMARY_TARGET_MS = 50


def store_filings(count: int) -> tuple[list[float], list[str]]:
    import datetime as dt

    from filings import ingest
    from tests.insiders.forms import Owner, Txn, form4

    owners = [
        Owner(
            cik=f"00020000{i:02d}",
            name=f"Owner{i} Pat",
            officer="Officer" if i % 2 else "",
            director=not i % 2,
        )
        for i in range(8)
    ]
    times, accessions = [], []
    start = dt.date(2015, 1, 5)
    for n in range(count):
        day = start + dt.timedelta(days=3 * n)
        owner = owners[n % len(owners)]
        rows = [
            Txn(
                code="SMFAG"[k],
                shares=str(100 + n + k),
                price="12.5",
                ad="DAAAD"[k],
                after=str(100000 - n * 10 - k),
                date=day.isoformat(),
            )
            for k in range(5)
        ]
        acc = f"0002000000-{15 + n // 100000:02d}-{n:06d}"
        data = form4(
            acc=acc, filed=day.strftime("%Y%m%d"), period=day.isoformat(), owners=[owner], rows=rows
        )
        began = time.perf_counter()
        result = ingest.ingest(data, f"{acc}.txt")
        times.append((time.perf_counter() - began) * 1000)
        assert result.ok, result.message
        accessions.append(acc)
        if n % 10 == 9:  # a 4/A restating the last row of the day
            amended = f"0002000001-{15 + n // 100000:02d}-{n:06d}"
            data = form4(
                acc=amended,
                form="4/A",
                filed=(day + dt.timedelta(days=2)).strftime("%Y%m%d"),
                period=day.isoformat(),
                owners=[owner],
                rows=rows[:4],
            )
            assert ingest.ingest(data, f"{amended}.txt").ok
            accessions.append(amended)
    return times, accessions


def timed(client, url: str, params: dict, requests: int) -> tuple[float, float, int]:
    from django.db import connection

    samples = []
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    for _ in range(requests):
        began = time.perf_counter()
        client.get(url, params)
        samples.append((time.perf_counter() - began) * 1000)
    return percentile(samples, 50), percentile(samples, 95), len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--filings", type=int, default=300)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    print(f"load before: {load()}")
    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(data_dir)
        from django.test import Client

        from filings import insiders
        from filings.models import InsiderTransaction
        from tests.insiders.forms import ISSUER_CIK

        times, accessions = store_filings(args.filings)
        rows = InsiderTransaction.objects.count()
        print(
            f"ingest of a Form 4 ({args.filings} filings): p50 {statistics.median(times):.1f} ms, "
            f"p95 {percentile(times, 95):.1f} ms; {rows:,} rows stored"
        )
        client = Client(HTTP_HOST="127.0.0.1")
        cik = int(ISSUER_CIK)
        worst = 0.0
        for label, url, params in (
            ("insider page, newest first", f"/companies/{cik}/insiders/", {}),
            ("insider page, sorted by shares", f"/companies/{cik}/insiders/", {"sort": "shares"}),
            ("insider page, code S only", f"/companies/{cik}/insiders/", {"code": "S"}),
            ("CSV of every row", f"/companies/{cik}/insiders.csv", {}),
            ("company page with its insiders", f"/companies/{cik}/", {}),
        ):
            p50, p95, queries = timed(client, url, params, args.requests)
            if "insider page" in label:
                worst = max(worst, p95)
            print(f"{label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, {queries} queries")
        print(
            f"insider page p95 {worst:.1f} ms (target < {PAGE_TARGET_MS} ms): "
            f"{'met' if worst < PAGE_TARGET_MS else 'MISSED'}"
        )
        newest = accessions[-50:]
        samples = []
        for _ in range(args.requests):
            began = time.perf_counter()
            lines = insiders.summaries(newest)
            samples.append((time.perf_counter() - began) * 1000)
        p95 = percentile(samples, 95)
        print(
            f"summaries of 50 filings: p50 {statistics.median(samples):.1f} ms, p95 {p95:.1f} ms "
            f"(target < {SUMMARY_TARGET_MS} ms: {'met' if p95 < SUMMARY_TARGET_MS else 'MISSED'}); "
            f"e.g. {next(iter(lines.values()))!r}"
        )
    print(f"load after: {load()}")


if __name__ == "__main__":
    main()
