"""Restart PostgreSQL under load and check the app rides it out (not a test; part of
`make stress` when PostgreSQL's binaries are installed).

    .venv/bin/python bench/stress_restart.py [--readers 8] [--down 6] [--after 12]

Starts a PostgreSQL cluster of its own (a temporary folder, a free loopback port), loads a
few corpus filings, and serves the app with gunicorn (two workers, DEBUG off). Readers open
filing pages, documents, searches and company pages while one analyst uploads corpus files
through the upload page. Then PostgreSQL is stopped (fast shutdown: every connection is
cut), left down for DOWN seconds, and started again. Checked:

- every answer is a 200 or, while the database is down, a clean 503 (our plain page, with
  Retry-After); never a 500, a dropped connection or a hung request;
- once the database is back (after a short grace for the pool's health check), every
  request succeeds again, served by the same gunicorn workers (no process restarted);
- no write is half-done: `manage.py checkstore` passes, every upload the page confirmed is
  stored complete, and the uploads the outage refused go through when sent again.
"""

import argparse
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import requests
from processes import REPO, free_port, gunicorn, manage

CORPUS = Path(os.environ.get("EDGAR_CORPUS") or REPO.parent / "shared" / "corpus")
GRACE = 3.0  # seconds after the restart before every request must succeed again
PASSWORD = "restart-under-load-1"


def pg_binaries() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: float(p.parent.name))
    return found[-1] if found else None


class Cluster:
    """A throwaway PostgreSQL; as root it runs as the postgres user, as initdb requires."""

    def __init__(self, bin_dir: Path, folder: Path):
        self.bin, self.folder, self.port = bin_dir, folder, free_port()
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(folder, "postgres")

    def run(self, tool: str, *args: str) -> None:
        subprocess.run(
            [*self.as_postgres, str(self.bin / tool), *args], check=True, capture_output=True
        )

    def init(self) -> None:
        self.run("initdb", "-D", str(self.folder / "data"), "-A", "trust", "-U", "postgres")
        self.start()
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "filings")

    def start(self) -> None:
        self.run(
            "pg_ctl",
            "-D",
            str(self.folder / "data"),
            "-l",
            str(self.folder / "log"),
            "-w",
            "-o",
            f"-h 127.0.0.1 -p {self.port} -k {self.folder} -F",
            "start",
        )

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/filings"


def token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


class Load:
    """Readers and one uploader; every answer is kept as (time, who, status, note)."""

    def __init__(self, base: str, urls: list[str], uploads: list[Path], readers: int):
        self.base, self.urls, self.uploads = base, urls, list(uploads)
        self.answers: list[tuple[float, str, int, str]] = []
        self.confirmed: list[str] = []  # file names the upload page said were stored
        self.refused: list[Path] = []  # files an answer other than "stored" came back for
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.read, args=(i,)) for i in range(readers)]
        self.threads.append(threading.Thread(target=self.write))

    def keep(self, who: str, status: int, note: str = "") -> None:
        with self.lock:
            self.answers.append((time.monotonic(), who, status, note))

    def get(self, session, who: str, url: str) -> requests.Response | None:
        try:
            response = session.get(self.base + url, timeout=30, allow_redirects=False)
        except requests.RequestException as exc:
            self.keep(who, 0, f"{url}: {type(exc).__name__}")
            return None
        self.keep(who, response.status_code, url + check_503(response))
        return response

    def read(self, i: int) -> None:
        session, n = requests.Session(), i
        while not self.stop.is_set():
            self.get(session, "reader", self.urls[n % len(self.urls)])
            n += 1
            time.sleep(0.05)

    def log_in(self) -> requests.Session:
        while True:  # the outage may come before the login is done
            session = requests.Session()
            try:
                page = session.get(self.base + "/accounts/login/", timeout=30)
                done = session.post(
                    self.base + "/accounts/login/",
                    {
                        "username": "restarter",
                        "password": PASSWORD,
                        "csrfmiddlewaretoken": token(page.text),
                    },
                    headers={"Referer": self.base + "/accounts/login/"},
                    timeout=30,
                )
                if "Log out" in done.text:
                    return session
            except (requests.RequestException, AttributeError):
                pass
            time.sleep(0.5)

    def write(self) -> None:
        session = self.log_in()
        while not self.stop.is_set() and self.uploads:
            path = self.uploads.pop(0)
            page = self.get(session, "writer", "/filings/upload/")
            if page is None or page.status_code != 200:
                self.refused.append(path)
                time.sleep(0.3)
                continue
            try:
                answer = session.post(
                    self.base + "/filings/upload/",
                    data={"csrfmiddlewaretoken": token(page.text)},
                    files=[("files", (path.name, path.read_bytes(), "text/plain"))],
                    headers={"Referer": self.base + "/filings/upload/"},
                    timeout=120,
                )
            except requests.RequestException as exc:
                self.keep("writer", 0, f"upload {path.name}: {type(exc).__name__}")
                self.refused.append(path)
                continue
            self.keep("writer", answer.status_code, "upload" + check_503(answer))
            if answer.status_code == 200 and "1 files stored." in answer.text:
                self.confirmed.append(path.name)
            else:
                self.refused.append(path)

    def run(self, seconds_before: float) -> None:
        """Starts the load and returns once every reader has had a page and the writer has
        stored a file (a loaded machine can take a while), and SECONDS_BEFORE more."""
        for t in self.threads:
            t.start()
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            with self.lock:
                readers = sum(
                    1 for _, who, status, _ in self.answers if who == "reader" and status == 200
                )
            if readers >= len(self.threads) - 1 and self.confirmed:
                break
            time.sleep(0.2)
        time.sleep(seconds_before)

    def end(self) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(timeout=150)


def check_503(response) -> str:
    """A 503 must be our page: the plain explanation and a Retry-After header."""
    if response.status_code != 503:
        return ""
    if response.url.endswith("/healthz"):  # the load balancer's probe answers in JSON
        is_json = response.headers.get("Content-Type", "").startswith("application/json")
        return (
            ""
            if is_json and response.json()["status"] == "failing"
            else " (bad 503: not the probe's JSON)"
        )
    if "Retry-After" not in response.headers or "database is not answering" not in response.text:
        return " (bad 503: not our page)"
    return ""


def worker_pids(master: int) -> set[int]:
    out = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True
    ).stdout
    return {int(p) for p in out.split()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--down", type=float, default=6.0, help="seconds the database is down")
    parser.add_argument("--after", type=float, default=12.0, help="seconds of load after")
    args = parser.parse_args()
    bin_dir = pg_binaries()
    files = sorted(CORPUS.glob("*.txt"))
    if bin_dir is None or not files:
        print("needs PostgreSQL's binaries and the shared corpus; nothing to do")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="restart-"))
    cluster = Cluster(bin_dir, folder)
    cluster.init()
    env = {
        **os.environ,
        "DATABASE_URL": cluster.url,
        "FILINGS_DATA_DIR": str(folder / "app"),
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_DEBUG": "0",
        "FILINGS_LOG_LEVEL": "ERROR",
        "DJANGO_LOG_LEVEL": "CRITICAL",
    }
    server = None
    try:
        for step in (
            ("migrate", "--no-input"),
            ("ingest", *map(str, files[:8])),
            (
                "shell",
                "-c",
                "from filings import accounts; "
                f"accounts.add_user('restarter', 'analyst', password='{PASSWORD}')",
            ),
        ):
            done = manage(env, *step)
            if done.returncode:
                raise SystemExit(f"manage.py {step[0]} failed:\n{done.stderr[-2000:]}")
        accessions = re.findall(
            r"\d{10}-\d{2}-\d{6}",
            manage(
                env,
                "shell",
                "-c",
                (
                    "from filings.models import Filing;"
                    "print(' '.join(Filing.objects.values_list('accession', flat=True)))"
                ),
            ).stdout,
        )
        urls = [
            "/",
            "/search/?q=director",
            "/search/?q=%22board+of+directors%22",
            "/filings/",
            "/healthz",
        ]
        for acc in accessions[:6]:
            urls += [f"/filings/{acc}/", f"/filings/{acc}/1/", f"/filings/{acc}/1/content"]
        port = free_port()
        server = gunicorn(env, port, "--workers", "2", "--threads", "4", "--timeout", "60")
        workers = worker_pids(server.pid)
        load = Load(f"http://127.0.0.1:{port}", urls, files[8:40], args.readers)
        load.run(3)
        down_at = time.monotonic()
        cluster.stop()
        stopped_at = time.monotonic()
        time.sleep(args.down)
        cluster.start()
        up_at = time.monotonic()
        time.sleep(args.after)
        load.end()
        same_workers = worker_pids(server.pid) == workers and server.poll() is None
        # The refused uploads, sent again now the database is back.
        retried = Load(f"http://127.0.0.1:{port}", urls, load.refused, 0)
        retried.write()
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    check = manage(env, "checkstore")
    stored = set(
        manage(
            env,
            "shell",
            "-c",
            (
                "from filings.models import RawFile;"
                "print('\\n'.join(RawFile.objects.values_list('original_name', flat=True)))"
            ),
        ).stdout.split()
    )
    cluster.stop()
    shutil.rmtree(folder, ignore_errors=True)
    return report(load, retried, down_at, stopped_at, up_at, same_workers, check, stored)


def report(load, retried, down_at, stopped_at, up_at, same_workers, check, stored) -> int:
    phases = {"before": [], "outage": [], "grace": [], "after": []}
    for at, who, status, note in load.answers:
        phase = (
            "before"
            if at < down_at
            else "outage"
            if at < up_at
            else "grace"
            if at < up_at + GRACE
            else "after"
        )
        phases[phase].append((who, status, note))
    problems = []
    for phase, answers in phases.items():
        counts = Counter(status for _, status, _ in answers)
        print(
            f"{phase:>7}: {len(answers):5} answers  "
            + "  ".join(f"{s or 'no answer'}: {n}" for s, n in sorted(counts.items()))
        )
        for who, status, note in answers:
            if status not in (200, 302, 503) or "bad 503" in note:
                problems.append(f"{phase}: {who} got {status or 'no answer'} {note}")
            elif phase in ("before", "after") and status == 503:
                problems.append(f"{phase}: {who} got 503 {note} with the database up")
    if not any(status == 503 for _, status, _ in phases["outage"]):
        problems.append("no request met the outage: nothing was tested")
    print(f"database stopped in {stopped_at - down_at:.1f} s, down until +{up_at - down_at:.1f} s")
    print(
        f"uploads: {len(load.confirmed)} confirmed under load, {len(load.refused)} refused "
        f"during the outage, {len(retried.confirmed)} of those stored when sent again"
    )
    if not same_workers:
        problems.append("a gunicorn worker was restarted (or the master died)")
    if check.returncode:
        problems.append(f"checkstore: {check.stdout[-1500:]}{check.stderr[-1500:]}")
    for name in load.confirmed + retried.confirmed:
        if name not in stored:
            problems.append(f"{name}: the page said stored, the store has no such file")
    if len(retried.confirmed) != len(load.refused):
        problems.append(
            f"{len(load.refused) - len(retried.confirmed)} refused uploads failed again"
        )
    for p in problems[:40]:
        print("PROBLEM:", p)
    print("ok" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
