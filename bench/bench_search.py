"""Search and typeahead latency over a synthetic store of real-looking filings (not a test).

    .venv/bin/python bench/bench_search.py [--filings 100000]
    DATABASE_URL=postgres://user@host:port/any .venv/bin/python bench/bench_search.py

Builds a throwaway store: ingests the shared corpus once, then bulk-inserts copies of its
filings with new accessions, dates, companies (CIKs, names, states, SIC codes), people and
lightly varied text, indexing each batch as ingest would. SQLite always (in a temporary
data folder); PostgreSQL too when DATABASE_URL is set (in a database of its own, created
and dropped here). Prints p50/p95 for 50 fixed searches and 50 typeahead prefixes.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

from measure import percentile, setup_django

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CORPUS = Path(os.environ.get("EDGAR_CORPUS") or REPO.parent / "shared" / "corpus")

SEARCH_TARGET_MS = 100
TYPEAHEAD_TARGET_MS = 20

QUERIES = [
    "director",
    "higgins",
    "internap",
    "merger",
    "dividend",
    "goodwill impairment",
    "board of directors",
    '"board of directors"',
    '"chief executive officer"',
    '"press release"',
    '"material definitive agreement"',
    '"forward-looking statements"',
    "resigned OR retired",
    "merger OR acquisition",
    "revenue OR income OR earnings",
    "dividend -preferred",
    "director -officer",
    '"stock option" -"restricted stock"',
    "acqui*",
    "semicon*",
    "pharma*",
    "form:8-K",
    "form:10-K",
    "form:4",
    "year:2004",
    "year:2019 form:8-K",
    "item:5.02",
    "item:2.02",
    "cik:1056386",
    'person:"Higgins"',
    'person:"Smith"',
    "company:Apple",
    "state:DE",
    "sic:7370",
    "role:reporting-owner",
    "filed:2010-01-01..2010-12-31",
    "director form:8-K",
    "appointed year:2005",
    "agreement item:1.01",
    "revenue form:10-Q year:2018",
    '"annual meeting" filed:2015-01-01..',
    "higgins director",
    "ford motor",
    "apple computer",
    "securities exchange commission",
    "employment agreement",
    "credit agreement lender",
    "audit committee",
    "litigation settlement",
    "cybersecurity incident",
]

FIRST = (
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony "
    "Betty Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle"
).split()
LAST = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris "
    "Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill "
    "Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Okafor Novak"
).split()
NAME_WORDS = (
    "Atlas Summit Pioneer Harbor Granite Meridian Cascade Beacon Keystone Liberty Sterling "
    "Frontier Horizon Evergreen Northern Pacific Coastal Capital Global United American Allied "
    "Premier Vertex Quantum Apex Crescent Redwood Silver Golden Eagle Falcon Orion Zenith Nova "
    "Brightstar Ironwood Bluewater Clearview Riverside Lakeshore Westfield Eastgate Southport"
).split()
NAME_KINDS = (
    "Semiconductor Pharmaceuticals Energy Networks Bancorp Software Logistics Minerals Foods "
    "Biotech Realty Insurance Media Airlines Robotics Materials Health Retail Telecom Water"
).split()
SUFFIXES = ["INC", "CORP", "CO", "HOLDINGS INC", "GROUP INC", "LTD", "TRUST", "LP", "PLC"]
STATES = ["DE", "DE", "DE", "NV", "NY", "CA", "MD", "TX", "WA", "FL", "NJ", "MA", "CO", "OH"]
SICS = ["7370", "7372", "2834", "3674", "6022", "6798", "4911", "1311", "3711", "5331"]


def ingest_corpus() -> list[str]:
    from filings import ingest

    accessions = []
    for path in sorted(CORPUS.glob("*.txt")):
        result = ingest.ingest(path.read_bytes(), path.name)
        if result.ok:
            accessions.append(result.accession)
    return accessions


class Generator:
    """Copies of the ingested filings, varied, written in bulk and indexed batch by batch."""

    def __init__(self, seed: int = 7):
        from filings.models import Company, Document, Event, Filing, FilingParty, Item, Person

        self.rng = random.Random(seed)
        self.models = (Company, Document, Event, Filing, FilingParty, Item, Person)
        self.bases = []
        for filing in Filing.objects.order_by("accession"):
            docs = list(Document.objects.filter(filing=filing).order_by("position").values())
            parties = list(FilingParty.objects.filter(filing=filing).order_by("position").values())
            items = list(Item.objects.filter(filing=filing).order_by("position").values())
            events = list(Event.objects.filter(filing=filing).values())
            self.bases.append((filing, docs, parties, items, events))
        words = " ".join(
            d["text"][:20000] for _, docs, _, _, _ in self.bases for d in docs if d["text"]
        ).split()
        self.all_docs = [d for _, docs, _, _, _ in self.bases for d in docs if d["text"]]
        self.vocabulary = [w for w in words if w.isalpha() and 3 < len(w) < 14][:200000]

    def make_pools(self, companies: int, people: int) -> None:
        Company, _, _, _, _, _, Person = self.models
        rng = self.rng
        self.companies = []
        for i in range(companies):
            name = f"{rng.choice(NAME_WORDS)} {rng.choice(NAME_KINDS)} {rng.choice(SUFFIXES)}"
            self.companies.append(
                Company(
                    cik=90_000_000 + i,
                    name=name.upper(),
                    sic=rng.choice(SICS),
                    state_of_incorporation=rng.choice(STATES),
                    normalized_name=name.lower(),
                )
            )
        Company.objects.bulk_create(self.companies, batch_size=2000)
        start = (Person.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        people_rows = []
        for i in range(people):
            given, family = rng.choice(FIRST), rng.choice(LAST)
            middle = rng.choice("ABCDEFGHJKLMNPRSTW")
            people_rows.append(
                Person(
                    pk=start + i,
                    cik=80_000_000 + i if i % 3 == 0 else None,
                    name=f"{given} {middle}. {family}",
                    raw_name=f"{family.upper()} {given.upper()} {middle}",
                    given=given,
                    family=family,
                )
            )
        Person.objects.bulk_create(people_rows, batch_size=2000)
        self.people = people_rows

    def vary(self, text: str, limit: int, company: str, person: str) -> str:
        rng = self.rng
        if len(text) > limit:
            start = rng.randrange(0, len(text) - limit)
            text = text[start : start + limit]
        extra = " ".join(rng.choice(self.vocabulary) for _ in range(rng.randint(5, 25)))
        return f"{company}. {text} {extra}. Signed: {person}."

    def batch(self, start: int, count: int) -> list[str]:
        import datetime as dt

        _, Document, Event, Filing, FilingParty, Item, _ = self.models
        rng = self.rng
        filings, documents, parties, items, events = [], [], [], [], []
        for n in range(start, start + count):
            base, docs, base_parties, base_items, base_events = self.bases[n % len(self.bases)]
            accession = (
                f"{9_000_000_000 + n // 1_000_000:010d}-{n // 10_000 % 100:02d}-{n % 1_000_000:06d}"
            )
            filed = dt.date(1994, 1, 3) + dt.timedelta(days=rng.randrange(0, 31 * 365))
            company = rng.choice(self.companies)
            person = rng.choice(self.people)
            filing = Filing(
                accession=accession,
                form=base.form,
                filed_date=filed,
                dialect=base.dialect,
                envelope=base.envelope,
                size=base.size,
                document_count=max(len(docs), 5),
                parser_version=base.parser_version,
                raw_id=base.raw_id,
                items_raw=base.items_raw,
            )
            filings.append(filing)
            texts = [d for d in docs if d["text"]] or self.all_docs
            for position in range(max(len(docs), 5)):
                d = docs[position] if position < len(docs) else rng.choice(texts)
                limit = 2500 if position == 0 else 700
                documents.append(
                    Document(
                        filing_id=accession,
                        position=position,
                        sequence=str(position + 1),
                        type=d["type"] if position < len(docs) else f"EX-99.{position}",
                        filename=d["filename"],
                        description=d["description"],
                        start=0,
                        end=0,
                        kind=d["kind"],
                        encoding=d["encoding"],
                        text=self.vary(d["text"], limit, company.name, person.name),
                    )
                )
            for p in base_parties:
                row = {k: v for k, v in p.items() if k not in ("id", "filing_id")}
                row["filing_id"] = accession
                if p["company_id"] is not None or p["role"] != "reporting-owner":
                    row.update(
                        company_id=company.cik,
                        cik=company.cik,
                        name=company.name,
                        state_of_incorporation=company.state_of_incorporation,
                        sic=company.sic,
                        former_names=[],
                    )
                elif p["person_id"] is not None:
                    row.update(person_id=person.pk, cik=person.cik, name=person.raw_name)
                parties.append(FilingParty(**row))
            for it in base_items:
                row = {k: v for k, v in it.items() if k not in ("id", "filing_id")}
                items.append(Item(filing_id=accession, **row))
            for e in base_events:
                row = {k: v for k, v in e.items() if k not in ("id", "filing_id", "document_id")}
                row.update(filing_id=accession, person_id=person.pk, name_raw=person.name)
                row["name"] = person.name
                events.append(Event(**row))
        Filing.objects.bulk_create(filings, batch_size=1000)
        Document.objects.bulk_create(documents, batch_size=1000)
        FilingParty.objects.bulk_create(parties, batch_size=1000)
        Item.objects.bulk_create(items, batch_size=1000)
        Event.objects.bulk_create(events, batch_size=1000)
        return [f.accession for f in filings]


def build(total: int) -> tuple[float, int, int]:
    from django.db import transaction

    from filings import search
    from filings.models import Document, Filing
    from filings.search import backend as backends

    start = time.perf_counter()
    real = ingest_corpus()
    gen = Generator()
    gen.make_pools(companies=max(50, total // 20), people=max(100, total // 5))
    made, step = len(real), 2000
    backend = backends.current()
    with backend.bulk():
        while made < total:
            count = min(step, total - made)
            with transaction.atomic():
                accessions = gen.batch(made, count)
                search.index_filings(accessions)
            made += count
            if made % 10000 < step:
                elapsed = time.perf_counter() - start
                print(f"  {made:7d} filings stored and indexed ({elapsed:5.0f} s)", flush=True)
    backend.optimize()
    return time.perf_counter() - start, Filing.objects.count(), Document.objects.count()


def measure(label: str, calls) -> list[float]:
    timings = []
    for call in calls:
        call()  # warm this query's pages once, as a reader's second look would
        t = time.perf_counter()
        call()
        timings.append((time.perf_counter() - t) * 1000)
    return timings


def typeahead_prefixes() -> list[str]:
    rng = random.Random(3)
    prefixes = ["inter", "ford", "apple", "higg", "patricia", "1056", "0000037996", "9000012"]
    for _ in range(42):
        pick = rng.random()
        if pick < 0.4:
            word = rng.choice(NAME_WORDS)
            prefixes.append(word[: rng.randint(2, len(word))].lower())
        elif pick < 0.55:
            prefixes.append(f"{rng.choice(NAME_WORDS)} {rng.choice(NAME_KINDS)[:3]}".lower())
        elif pick < 0.9:
            word = rng.choice(LAST + FIRST)
            prefixes.append(word[: rng.randint(3, len(word))].lower())
        else:
            prefixes.append(str(90_000_000 + rng.randrange(5000))[:6])
    return prefixes


def run_backend(total: int, build_store: bool = True) -> None:
    setup_django()
    from django.db import connection

    from filings import search
    from filings.models import Document, Filing
    from filings.search import facets

    if build_store:
        print(f"== {connection.vendor}: building {total} filings", flush=True)
        seconds, filings, documents = build(total)
        print(f"store: {filings} filings, {documents} documents, built in {seconds:.0f} s")
    else:
        filings, documents = Filing.objects.count(), Document.objects.count()
        print(f"== {connection.vendor}: existing store, {filings} filings, {documents} documents")
    queries = [search.parse_query(q) for q in QUERIES]
    # A new process reads every filing's facet values before its first search.
    t = time.perf_counter()
    search.search(queries[0])
    first = (time.perf_counter() - t) * 1000
    snap = facets._current
    held = sum(a.nbytes for a in (snap.present, snap.filed, snap.accession)) + sum(
        f.keys.nbytes + f.local.nbytes for f in snap.facets.values()
    )
    print(f"first search of a new process: {first:.0f} ms (facet arrays {held / 1e6:.1f} MB)")
    print(f"process memory after the first search: {rss_mb():.0f} MB resident")
    times = measure("search", [lambda q=q: search.search(q) for q in queries])
    totals = [search.search(q).total for q in queries]
    print(f"{'query':48} {'ms':>7} {'matches':>8}")
    for q, ms, n in sorted(zip(QUERIES, times, totals, strict=True), key=lambda r: -r[1]):
        print(f"{q[:48]:48} {ms:7.1f} {n:8d}")
    prefixes = typeahead_prefixes()
    ta = measure("typeahead", [lambda p=p: search.typeahead(p) for p in prefixes])
    print()
    print(
        f"{connection.vendor:10} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'target':>8}"
    )
    for label, values, target in (
        ("search", times, SEARCH_TARGET_MS),
        ("typeahead", ta, TYPEAHEAD_TARGET_MS),
    ):
        print(
            f"{label:10} {len(values):4d} {statistics.median(values):8.1f} "
            f"{percentile(values, 95):8.1f} {max(values):8.1f} {'<= ' + str(target):>8}"
        )
    print(
        f"targets: search p95 <= {SEARCH_TARGET_MS} ms, typeahead p95 <= {TYPEAHEAD_TARGET_MS} ms"
    )
    print(
        f"process memory after every search: {rss_mb():.0f} MB resident (peak {peak_mb():.0f} MB)"
    )


def rss_mb() -> float:
    """This process's resident memory now: what one web process holds for search."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def postgres_database(url: str):
    """A fresh database on the server of `url`; returns (its url, a function dropping it)."""
    import psycopg

    parts = urlparse(url)
    name = f"filings_bench_{os.getpid()}"
    admin = urlunparse(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return urlunparse(parts._replace(path=f"/{name}")), drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--filings", type=int, default=100_000)
    parser.add_argument(
        "--skip-sqlite", action="store_true", help="only PostgreSQL (needs DATABASE_URL)"
    )
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    parser.add_argument(
        "--existing",
        action="store_true",
        help="measure the store FILINGS_DATA_DIR / DATABASE_URL already hold; build nothing",
    )
    args = parser.parse_args()
    if not any(CORPUS.glob("*.txt")):
        print(f"bench_search: corpus not found at {CORPUS}; nothing to measure")
        return
    if args.backend or args.existing:
        run_backend(args.filings, build_store=not args.existing)
        return
    me = [sys.executable, str(Path(__file__).resolve()), "--filings", str(args.filings)]
    url = os.environ.pop("DATABASE_URL", None)
    keep = os.environ.get("BENCH_DATA_DIR")  # keep the SQLite store there, for profiling
    with tempfile.TemporaryDirectory() as data_dir:
        data_dir = keep or data_dir
        env = {**os.environ, "FILINGS_DATA_DIR": data_dir}
        if not args.skip_sqlite:
            subprocess.run([*me, "--backend", "sqlite"], env=env, check=True)
        if url:
            bench_url, drop = postgres_database(url)
            if keep:  # keep the PostgreSQL store too, for profiling
                drop = lambda: None  # noqa: E731
            try:
                env["DATABASE_URL"] = bench_url
                subprocess.run([*me, "--backend", "postgresql"], env=env, check=True)
            finally:
                drop()


if __name__ == "__main__":
    main()
