"""CPU time and queries per request of the pages the load test hits (not a test), through
Django's test client on a store of the corpus. Unlike the load test's wall-clock figures,
these stay put on a shared machine.

    .venv/bin/python bench/bench_pages.py [--data-dir DIR] [--rounds 3] [--profile PAGE]

With --data-dir the store is kept (and reused when it already holds filings); otherwise a
throwaway one is loaded. --profile prints where one page's time goes. --served also sends
the readers' requests to gunicorn (one worker, as `make serve` runs it) and adds the
worker's CPU per request: the test client keeps its database connection and skips the
server, so this column holds what a deployment pays besides.
"""

import argparse
import cProfile
import http.client
import os
import pstats
import random
import re
import sys
import tempfile
import time
import warnings
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import psutil  # noqa: E402  (comes with locust)
from measure import load, setup_django  # noqa: E402
from processes import free_port, gunicorn  # noqa: E402

CORPUS = Path(os.environ.get("EDGAR_CORPUS") or REPO.parent / "shared" / "corpus")
WORDS = ["director", "resigned", "merger agreement", "chief financial officer", "dividend"]
DOCUMENTS = re.compile(r'href="(/filings/[0-9-]+/[0-9p]+/)"')


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", help="a page's name, e.g. filing")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--only", help="comma-separated page names to measure")
    parser.add_argument("--served", action="store_true", help="also through gunicorn")
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        print(f"no corpus at {CORPUS}")
        return 0
    data = args.data_dir or tempfile.mkdtemp(prefix="bench-pages-")
    os.environ["FILINGS_LOG_LEVEL"] = "WARNING"
    warnings.filterwarnings("ignore", message="No directory at")
    setup_django(data)
    from django.core.management import call_command
    from django.test import Client

    from filings.accounts import add_user
    from filings.models import Filing

    if not Filing.objects.exists():
        call_command("ingest", "--no-progress", *map(str, files[:-10]))
        add_user("loader", "analyst", password="a-long-password-1")
    accessions = sorted(Filing.objects.values_list("accession", flat=True))
    reader, analyst = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
    analyst.login(username="loader", password="a-long-password-1")
    documents = {}
    for a in accessions:
        documents[a] = DOCUMENTS.findall(reader.get(f"/filings/{a}/").text)

    def every_document():
        return [u for a in accessions for u in documents[a]]

    pages = {
        "filing": lambda: [(reader, f"/filings/{a}/", {}) for a in accessions],
        "document": lambda: [(reader, u, {}) for u in every_document()],
        "switch (htmx)": lambda: [
            (reader, u, {"HTTP_HX_REQUEST": "true"}) for u in every_document()
        ],
        "frame": lambda: [(reader, u + "content", {}) for u in every_document()],
        "filings list": lambda: [(reader, "/filings/", {})] * 20,
        "search": lambda: [(reader, "/search/?" + urlencode({"q": w}), {}) for w in WORDS] * 4,
        "upload": lambda: [(analyst, "/filings/upload/", {})] * 20,
    }
    if args.profile:
        requests = pages[args.profile]()
        profile = cProfile.Profile()
        profile.enable()
        for client, url, headers in requests:
            client.get(url, **headers)
        profile.disable()
        pstats.Stats(profile).sort_stats(args.sort).print_stats(args.top)
        return 0
    server = Served(data) if args.served else None
    try:
        measure(args, pages, reader, server, len(accessions), len(every_document()))
    finally:
        if server:
            server.stop()
    return 0


def measure(args, pages, reader, server, filings: int, documents: int) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    print(f"{filings} filings, {documents} documents; load {load()}")
    print(
        f"{'page':16} {'requests':>8} {'CPU ms':>8} {'queries':>8} {'served':>8}"
        "   (per request, mean; served: gunicorn's CPU ms)"
    )
    for name, make in pages.items():
        if args.only and name not in args.only.split(","):
            continue
        requests = make()
        random.Random(1).shuffle(requests)
        for client, url, headers in requests[:5]:  # warm caches and imports
            client.get(url, **headers)
        cpu = []
        queries = 0
        for _ in range(args.rounds):
            for client, url, headers in requests:
                connection.queries_log.clear()
                with CaptureQueriesContext(connection) as captured:
                    start = time.process_time()
                    response = client.get(url, **headers)
                    cpu.append(time.process_time() - start)
                assert response.status_code == 200, (url, response.status_code)
                queries += len(captured)
        n = len(cpu)
        through = "-"
        if server and all(client is reader for client, _, _ in requests):
            through = f"{server.cpu_ms([(url, headers) for _, url, headers in requests]):.1f}"
        print(f"{name:16} {n:>8} {1000 * sum(cpu) / n:>8.1f} {queries / n:>8.1f} {through:>8}")
    print(f"load {load()}")


class Served:
    """gunicorn with one worker on the same store, and the worker's CPU per request."""

    def __init__(self, data: str):
        env = {
            **os.environ,
            "FILINGS_DATA_DIR": data,
            "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or "bench-" + "k" * 50,
        }
        port = free_port()
        self.server = gunicorn(env, port, "--workers", "1")
        self.process = psutil.Process(self.server.pid)
        self.http = http.client.HTTPConnection("127.0.0.1", port)

    def cpu_seconds(self) -> float:
        return sum(sum(p.cpu_times()[:2]) for p in [self.process, *self.process.children()])

    def get(self, url: str, headers: dict) -> None:
        sent = {k.removeprefix("HTTP_").replace("_", "-"): v for k, v in headers.items()}
        self.http.request("GET", url, headers=sent)
        response = self.http.getresponse()
        response.read()
        assert response.status == 200, (url, response.status)

    def cpu_ms(self, requests) -> float:
        for url, headers in requests[:5]:
            self.get(url, headers)
        start = self.cpu_seconds()
        for url, headers in requests:
            self.get(url, headers)
        return 1000 * (self.cpu_seconds() - start) / len(requests)

    def stop(self) -> None:
        self.server.terminate()
        self.server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
