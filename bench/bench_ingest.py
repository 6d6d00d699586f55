"""Ingest and page-serving figures over the shared corpus (not a test).

    .venv/bin/python bench/bench_ingest.py

Uses a throwaway data folder (SQLite) unless DATABASE_URL is set. Prints:
- full ingest (parse + sanitize + text + one transaction per filing, the search indexes
  as `manage.py ingest` keeps them): files/s and MB/s, single process and through
  `manage.py ingest --jobs 2`, each with the CPU seconds it took
  (MB per CPU-second: what the figure would be on an idle machine; for --jobs, also the
  writing process's own share) and the load average beside it, since the machine may be
  shared;
- server time p50/p95 for the filing page and the document frame of every corpus filing.
"""

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure import percentile, setup_django

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CORPUS = Path(os.environ.get("EDGAR_CORPUS") or REPO.parent / "shared" / "corpus")


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f} on {os.cpu_count()} CPUs"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench_ingest_single(files: list[Path]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of this process, bytes)."""
    from filings import ingest, search

    total = sum(f.stat().st_size for f in files)
    start, cpu = time.perf_counter(), time.process_time()
    # As `manage.py ingest` stores a batch (the corpus is too small a batch for PostgreSQL
    # to build its word indexes at the end).
    with search.loading(len(files)):
        for f in files:
            result = ingest.ingest(f.read_bytes(), f.name)
            assert result.ok, result.message
    return time.perf_counter() - start, time.process_time() - cpu, total


# `manage.py ingest` in a process that says how much CPU it used itself (the writer: it
# stores what its parse workers send it), on its last line of output.
_WRITER = r"""
import os, resource, sys
sys.path.insert(0, sys.argv[1])
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filings.settings")
import django
django.setup()
from django.core.management import call_command
call_command("ingest", *sys.argv[2:])
usage = resource.getrusage(resource.RUSAGE_SELF)
print(f"writer-cpu {usage.ru_utime + usage.ru_stime}")
"""


def bench_ingest_jobs(files: list[Path], jobs: int) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds of the command and its workers, of the writer alone)."""
    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "FILINGS_DATA_DIR": data_dir}
        manage = [sys.executable, str(REPO / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        if os.environ.get("DATABASE_URL"):
            # The single-process pass filled this database: empty it, or every file would
            # be an unchanged re-upload and the figure would mean nothing.
            subprocess.run([*manage, "flush", "--no-input", "-v0"], env=env, check=True)
        start, cpu = time.perf_counter(), children_cpu()
        out = subprocess.run(
            [sys.executable, "-c", _WRITER, str(REPO), "--jobs", str(jobs), "--no-progress"]
            + [str(f) for f in files],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        writer = float(out.stdout.strip().splitlines()[-1].split()[1])
        return time.perf_counter() - start, children_cpu() - cpu, writer


def bench_pages() -> dict[str, list[float]]:
    from django.test import Client

    from filings.models import Filing

    client = Client(HTTP_HOST="127.0.0.1")
    timings: dict[str, list[float]] = {"filing page": [], "document frame": []}
    for filing in Filing.objects.all():
        for label, url in (
            ("filing page", f"/filings/{filing.accession}/"),
            ("document frame", f"/filings/{filing.accession}/1/content"),
        ):
            if label == "document frame" and not filing.documents.filter(sequence="1").exists():
                continue
            client.get(url)  # warm
            start = time.perf_counter()
            response = client.get(url)
            timings[label].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, url
    return timings


def main() -> None:
    files = corpus_files()
    if not files:
        print(f"bench_ingest: corpus not found at {CORPUS}; nothing to measure")
        return
    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(data_dir)
        if os.environ.get("DATABASE_URL"):
            from django.core.management import call_command

            call_command("flush", interactive=False, verbosity=0)  # measure a store from empty
        seconds, cpu, total = bench_ingest_single(files)
        mb = total / 1e6
        print(f"corpus: {len(files)} files, {mb:.1f} MB")
        print(
            f"ingest, 1 process : {len(files) / seconds:7.1f} files/s  {mb / seconds:6.2f} MB/s  "
            f"{cpu:6.1f} CPU-s  {mb / cpu:6.2f} MB per CPU-s  ({load()}; target >= 5 MB/s)"
        )
        if os.environ.get("BENCH_INGEST_ONLY"):
            timings = {}
        else:
            timings = bench_pages()
        for label, values in timings.items():
            print(
                f"{label:18}: p50 {statistics.median(values):6.1f} ms  "
                f"p95 {percentile(values, 95):6.1f} ms  max {max(values):6.1f} ms  (n={len(values)})"
            )
    seconds, cpu, writer = bench_ingest_jobs(files, 2)
    target = 6 if os.environ.get("DATABASE_URL") else 9
    print(
        f"ingest --jobs 2   : {len(files) / seconds:7.1f} files/s  {mb / seconds:6.2f} MB/s  "
        f"{cpu:6.1f} CPU-s  {mb / cpu:6.2f} MB per CPU-s, of which the writer {writer:.1f} "
        f"CPU-s ({load()}; whole command, start-up included; target >= {target} MB/s)"
    )
    print("targets: filing page p95 <= 30 ms")


if __name__ == "__main__":
    main()
