"""A load test on loopback (not a test; `make load`): 50 simulated users for 60 s, 48
reading filing pages, switching documents and searching, 2 uploading, against gunicorn
serving a store loaded with the corpus. Prints p50, p95 and p99 per page and the error
rate. SQLite by default; PostgreSQL when DATABASE_URL is set (the database is emptied).

    .venv/bin/python bench/load.py [--users 50] [--seconds 60] [--workers 3]

Needs locust (`pip install -e '.[bench]'`).
"""

import argparse
import csv
import os
import resource
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import psutil  # comes with locust
from processes import BIN, REPO, free_port, gunicorn, manage_or_exit

CORPUS = Path(os.environ.get("EDGAR_CORPUS") or REPO.parent / "shared" / "corpus")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        print(f"no corpus at {CORPUS}")
        return 0
    data = tempfile.mkdtemp(prefix="load-")
    env = {
        **os.environ,
        "FILINGS_DATA_DIR": data,
        "DJANGO_SECRET_KEY": "load-" + "k" * 50,
        "FILINGS_LOG_LEVEL": "WARNING",
    }
    if env.get("DATABASE_URL"):
        manage_or_exit(env, "flush", "--no-input")
    manage_or_exit(env, "migrate", "--no-input")
    # Most of the corpus is stored; the last ten files are what the uploaders send.
    stored, uploads = files[:-10], files[-10:]
    manage_or_exit(env, "ingest", "--no-progress", *map(str, stored))
    manage_or_exit(
        env,
        "shell",
        "-c",
        "from filings.accounts import add_user; "
        "add_user('loader', 'analyst', password='a-long-password-1')",
    )
    accessions = [p.stem for p in stored]
    upload_dir = Path(data) / "to-upload"
    upload_dir.mkdir()
    for p in uploads:
        (upload_dir / p.name).write_bytes(p.read_bytes())
    port = free_port()
    server = gunicorn(env, port, "--workers", str(args.workers), "--timeout", "120")
    try:
        stats = Path(data) / "stats"
        load_before = os.getloadavg()
        server_before = cpu_seconds(server.pid)
        locust_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(
            [
                str(BIN / "locust"),
                "-f",
                str(REPO / "bench" / "locustfile.py"),
                "--headless",
                "-u",
                str(args.users),
                "-r",
                str(max(1, args.users // 5)),
                "-t",
                f"{args.seconds}s",
                "--host",
                f"http://127.0.0.1:{port}",
                "--csv",
                str(stats),
                "--only-summary",
            ],
            cwd=REPO,
            env={**env, "LOAD_ACCESSIONS": ",".join(accessions), "LOAD_UPLOADS": str(upload_dir)},
            capture_output=True,
            text=True,
        )
        load_after = os.getloadavg()
        server_cpu = cpu_seconds(server.pid) - server_before
        locust_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        locust_cpu = (locust_after.ru_utime + locust_after.ru_stime) - (
            locust_before.ru_utime + locust_before.ru_stime
        )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    database = "PostgreSQL" if env.get("DATABASE_URL") else "SQLite"
    print(
        f"{args.users} users for {args.seconds} s, gunicorn {args.workers} workers, {database}, "
        f"{len(accessions)} filings stored; load {load_before[0]:.1f} before, {load_after[0]:.1f} after (2 CPUs)"
    )
    print(f"{'page':48} {'requests':>8} {'errors':>7} {'p50':>6} {'p95':>6} {'p99':>6}  (ms)")
    requests = 0
    with open(f"{stats}_stats.csv") as f:
        for row in csv.DictReader(f):
            print(
                f"{row['Name'][:48]:48} {row['Request Count']:>8} {row['Failure Count']:>7} "
                f"{row['50%']:>6} {row['95%']:>6} {row['99%']:>6}"
            )
            if row["Name"] == "Aggregated":
                requests = int(row["Request Count"])
    # CPU time, unlike the latencies, does not depend on what else the machine runs.
    per = 1000 / max(1, requests)
    print(
        f"CPU per request: server {server_cpu * per:.1f} ms, load generator {locust_cpu * per:.1f} ms"
        f" ({server_cpu:.0f} s and {locust_cpu:.0f} s over the run)"
    )
    return 0


def cpu_seconds(pid: int) -> float:
    """User and system CPU of a process and all its children (gunicorn's workers)."""
    total = 0.0
    root = psutil.Process(pid)
    for p in [root, *root.children(recursive=True)]:
        try:
            times = p.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


if __name__ == "__main__":
    sys.exit(main())
