"""What matching watches costs each new filing (not a test).

    .venv/bin/python bench/bench_watches.py [--filings 20000] [--searches 200]

Builds a throwaway store as bench_search.py does (the shared corpus, then varied copies),
in a temporary data folder (SQLite), or in the database DATABASE_URL names (an empty one).
Then 50 users keep --searches saved searches (the search bench's queries, each user a
share of them) and follow 100 people and 50 companies of the store. Prints the time
watches.notify() takes for 30 filings of the store, as if each had just been stored
(p50/p95/max, and the notifications made), and the machine's load average before and
after, since the figures move with it. Target: p95 within 2 s for 200 saved searches.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import bench_search  # noqa: E402

NOTIFY_TARGET_S = 2.0


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} (1/5/15 min, {os.cpu_count()} CPUs)"


def make_watches(searches: int) -> None:
    from django.contrib.auth.models import User

    from filings import watches
    from filings.models import Company, Person

    users = [User.objects.create_user(f"bench{n}") for n in range(50)]
    queries = bench_search.QUERIES
    for n in range(searches):
        # Each user a different run of the queries: most words are saved by several users.
        words = queries[(n + n // len(users)) % len(queries)]
        watches.save_search(users[n % len(users)], urlencode({"q": words}), name=f"s{n}")
    rng = random.Random(7)
    people = list(Person.objects.values_list("pk", flat=True)[:2000])
    for pk in rng.sample(people, min(100, len(people))):
        watches.follow(rng.choice(users), Person.objects.get(pk=pk))
    companies = list(Company.objects.values_list("cik", flat=True)[:1000])
    for cik in rng.sample(companies, min(50, len(companies))):
        watches.follow(rng.choice(users), Company.objects.get(cik=cik))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--filings", type=int, default=20_000)
    parser.add_argument("--searches", type=int, default=200)
    args = parser.parse_args()
    if not any(bench_search.CORPUS.glob("*.txt")):
        print(f"bench_watches: corpus not found at {bench_search.CORPUS}; nothing to measure")
        return
    if not os.environ.get("DATABASE_URL"):
        os.environ["FILINGS_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-watches-")
    print(f"load before: {load()}")
    bench_search.setup_django()
    from django.db import connection

    from filings import watches
    from filings.models import Filing, Notification, Watch

    print(f"== {connection.vendor}: building {args.filings} filings", flush=True)
    seconds, filings, documents = bench_search.build(args.filings)
    print(f"store: {filings} filings, {documents} documents, built in {seconds:.0f} s")
    make_watches(args.searches)
    kinds = {k: Watch.objects.filter(kind=k).count() for k in ("search", "person", "company")}
    distinct = Watch.objects.filter(kind="search").values("query").distinct().count()
    print(
        f"watches: {kinds['search']} saved searches ({distinct} distinct), "
        f"{kinds['person']} people, {kinds['company']} companies"
    )
    rng = random.Random(11)
    accessions = rng.sample(list(Filing.objects.values_list("accession", flat=True)), 30)
    watches.notify(accessions[0])  # the first search of a process reads the facet copy
    Notification.objects.all().delete()
    times, made = [], []
    for accession in accessions:
        t = time.perf_counter()
        made.append(len(watches.notify(accession)))
        times.append(time.perf_counter() - t)
    print(f"{'notify':10} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'target':>8}")
    print(
        f"{'':10} {len(times):4d} {statistics.median(times) * 1000:8.0f} "
        f"{bench_search.percentile(times, 95) * 1000:8.0f} {max(times) * 1000:8.0f} "
        f"{'<= ' + str(int(NOTIFY_TARGET_S * 1000)):>8}"
    )
    print(f"notifications per filing: median {statistics.median(made):.0f}, max {max(made)}")
    print(f"load after: {load()}")


if __name__ == "__main__":
    main()
