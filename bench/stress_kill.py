"""Kill the ingest at random moments and check the store each time (not a test; part of
`make stress`).

    .venv/bin/python bench/stress_kill.py [--trials 100] [--files 25] [--seed 1]

On a throwaway data folder (SQLite, or the PostgreSQL database DATABASE_URL names, which
is emptied first), each trial (every other one on an emptied database) starts `manage.py ingest` on the first
FILES corpus files,
sends it SIGKILL after a random delay, and runs `manage.py checkstore`: the database passes
its integrity check and every stored filing is complete (all its documents, its search
row, its raw bytes). Then one ingest runs to the end with no error, the store holds every
file, and `manage.py cleanup` removes what the killed runs left behind.
"""

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from processes import REPO, manage

CORPUS = Path(os.environ.get("EDGAR_CORPUS") or REPO.parent / "shared" / "corpus")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--files", type=int, default=25)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.txt"))[: args.files]
    if not files:
        print(f"no corpus at {CORPUS}; nothing to do")
        return 0
    random.seed(args.seed)
    env = {
        **os.environ,
        "FILINGS_DATA_DIR": tempfile.mkdtemp(prefix="stress-"),
        "FILINGS_LOG_LEVEL": "ERROR",
    }
    env.setdefault("DJANGO_SECRET_KEY", "stress-" + "x" * 50)
    if env.get("DATABASE_URL"):
        manage(env, "flush", "--no-input")
    manage(env, "migrate", "--no-input")
    paths = [str(f) for f in files]
    size = sum(f.stat().st_size for f in files)
    print(
        f"{len(files)} corpus files ({size / 1e6:.1f} MB); {args.trials} trials; load {os.getloadavg()}"
    )

    # How long a whole run takes, and how much of it is starting Django, so that the kills
    # fall all along the loading itself.
    started = time.perf_counter()
    manage(env, "check")
    startup = time.perf_counter() - started
    started = time.perf_counter()
    whole = manage(env, "ingest", "--no-progress", *paths)
    span = time.perf_counter() - started
    manage(env, "flush", "--no-input")
    print(
        f"an uninterrupted run takes {span:.1f} s, {startup:.1f} s of it starting (exit {whole.returncode})"
    )

    failures = []
    stored_counts = []
    for trial in range(args.trials):
        if trial % 2 == 0:
            manage(env, "flush", "--no-input")  # half the trials load into an empty store
        delay = random.uniform(startup * 0.8, span)
        run = subprocess.Popen(
            [sys.executable, "manage.py", "ingest", "--no-progress", *paths],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        run.send_signal(signal.SIGKILL)
        run.wait()
        check = manage(env, "checkstore")
        last = (
            check.stdout.strip().splitlines()[-1] if check.stdout.strip() else check.stderr[-300:]
        )
        stored_counts.append(int(last.split()[0]) if last.split()[0].isdigit() else -1)
        if check.returncode != 0:
            failures.append((trial, delay, check.stdout[-2000:] + check.stderr[-2000:]))
        if (trial + 1) % 10 == 0:
            print(f"  {trial + 1} trials, {len(failures)} failed checks; last: {last}")

    final = manage(env, "ingest", "--no-progress", *paths)
    check = manage(env, "checkstore")
    cleanup = manage(env, "cleanup", "--older-than", "0", "--delete")
    print(
        f"killed {args.trials} times after {startup * 0.8:.1f}-{span:.1f} s; filings stored when killed: "
        f"{min(stored_counts)}-{max(stored_counts)}"
    )
    print(f"failed integrity checks: {len(failures)}")
    for trial, delay, output in failures[:5]:
        print(f"  trial {trial} (killed after {delay:.2f} s):\n{output}")
    print(
        f"final run: exit {final.returncode}; {final.stdout.strip().splitlines()[-1] if final.stdout.strip() else final.stderr[-500:]}"
    )
    print(f"final check: {check.stdout.strip().splitlines()[-1]}")
    print(f"cleanup: {cleanup.stdout.strip().splitlines()[-1]}")
    print(f"load after: {os.getloadavg()}")
    ok = not failures and final.returncode == 0 and check.returncode == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
