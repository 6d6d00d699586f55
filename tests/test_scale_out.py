"""The documented scale-out, on loopback: two web processes and two background workers
against one PostgreSQL and one bucket (the S3 emulator .ci/run starts). 200 filings are
uploaded through both web processes at once, in batches the workers ingest, 10 of them
through both with the same bytes and 10 with different bytes. Every filing is stored once,
every version kept, and both web processes show the same search counts.

Runs where CI runs it: on PostgreSQL with FILINGS_TEST_S3_ENDPOINT set; skipped elsewhere.
"""

import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from filings import accounts
from filings.models import Filing, RawFile, UploadFile
from tests.fixtures import submission

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
requests = pytest.importorskip("requests")
boto3 = pytest.importorskip("boto3")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"nothing listens on {port}")


def database_url() -> str:
    d = connection.settings_dict
    return (
        f"postgres://{d['USER']}:{d['PASSWORD'] or ''}@{d['HOST'] or 'localhost'}"
        f":{d['PORT'] or 5432}/{d['NAME']}"
    )


def log_in(base: str) -> "requests.Session":
    session = requests.Session()
    page = session.get(f"{base}/accounts/login/", timeout=60)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    done = session.post(
        f"{base}/accounts/login/",
        {"username": "scaler", "password": "a-long-password-1", "csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/accounts/login/"},
        timeout=60,
    )
    assert "Log out" in done.text, done.text[-1500:]
    return session


def upload(session, base: str, files: list[tuple[str, bytes]]) -> None:
    page = session.get(f"{base}/filings/upload/", timeout=60)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(
        f"{base}/filings/upload/",
        data={"csrfmiddlewaretoken": token},
        files=[("files", (name, data, "text/plain")) for name, data in files],
        headers={"Referer": f"{base}/filings/upload/"},
        timeout=120,
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[-3000:]
    assert response.headers["Location"].startswith("/uploads/"), response.headers["Location"]


def search_count(base: str, query: str) -> str:
    page = requests.get(f"{base}/search/", params={"q": query}, timeout=60).text
    return re.search(r'<p class="count">([\d,]+) filing', page).group(1)


@pytest.mark.skipif(
    not os.environ.get("FILINGS_TEST_S3_ENDPOINT"), reason="needs the S3 emulator .ci/run starts"
)
@pytest.mark.django_db(transaction=True)
def test_two_web_processes_and_two_workers_share_one_database_and_bucket(settings):
    if connection.vendor != "postgresql":
        pytest.skip("the scale-out runs on PostgreSQL")
    endpoint = os.environ["FILINGS_TEST_S3_ENDPOINT"]
    bucket = f"scale-{uuid.uuid4().hex[:10]}"
    creds = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    boto3.client(
        "s3",
        endpoint_url=endpoint,
        **{
            "region_name": "us-east-1",
            "aws_access_key_id": "testing",
            "aws_secret_access_key": "testing",
        },
    ).create_bucket(Bucket=bucket)
    # A hash the web processes can check (the tests' fast hasher is not theirs).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    accounts.add_user("scaler", "analyst", password="a-long-password-1")
    env = {
        **os.environ,
        **creds,
        "DATABASE_URL": database_url(),
        "FILINGS_STORAGE_URL": f"s3://{bucket}/raw?endpoint_url={endpoint}&region=us-east-1",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "FILINGS_DATA_DIR": str(
            Path(os.environ.get("TMPDIR", "/tmp")) / f"scale-{uuid.uuid4().hex[:8]}"
        ),
        "FILINGS_LOG_LEVEL": "WARNING",
    }
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "filings.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--timeout",
                "120",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ] + [
        subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--no-reload",
                "--interval",
                "0.2",
                "--no-startup-delay",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(2)
    ]
    try:
        for port in ports:
            wait_for(port)
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        sessions = [log_in(base) for base in bases]
        # 180 filings of their own, split between the two processes; 10 accessions sent
        # through both with the same bytes, 10 through both with different bytes.
        own = [
            (f"f{n}.txt", submission(acc=f"0000000002-05-{n:06d}", image=None))
            for n in range(int(os.environ.get("SCALE_N", "180")))
        ]
        same = [
            (f"s{n}.txt", submission(acc=f"0000000003-05-{n:06d}", image=None)) for n in range(10)
        ]
        changed = [
            (
                f"c{n}.txt",
                submission(acc=f"0000000004-05-{n:06d}", image=None, sentence=f"Version {side}."),
            )
            for n in range(10)
            for side in (0, 1)
        ]
        plans = [[], []]
        for i, item in enumerate(own):
            plans[i % 2].append(item)
        for item in same:
            plans[0].append(item)
            plans[1].append(item)
        for i, item in enumerate(changed):
            plans[i % 2].append(item)

        def send(which):
            items = plans[which]
            for start in range(0, len(items), 5):  # batches of five: the workers' part
                upload(sessions[which], bases[which], items[start : start + 5])

        threads = [threading.Thread(target=send, args=(w,)) for w in (0, 1)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=600)
        deadline = time.monotonic() + int(os.environ.get("SCALE_WAIT", "600"))
        while UploadFile.objects.filter(status__in=["queued", "running"]).exists():
            assert time.monotonic() < deadline, "the workers did not finish"
            time.sleep(0.5)
        statuses = list(UploadFile.objects.values_list("status", flat=True))
        assert "failed" not in statuses and "refused" not in statuses, sorted(set(statuses))
        assert Filing.objects.count() == int(os.environ.get("SCALE_N", "180")) + 20
        assert (
            RawFile.objects.filter(accession__startswith="0000000003-").count() == 10
        )  # once each
        assert (
            RawFile.objects.filter(accession__startswith="0000000004-").count() == 20
        )  # both kept
        assert all(
            Filing.objects.filter(accession__startswith="0000000004-").values_list(
                "version", flat=True
            )
        )
        for query in ("form:8-K", "version", "internap"):
            counts = {search_count(base, query) for base in bases}
            assert len(counts) == 1, (query, counts)
        assert search_count(bases[0], "form:8-K") == str(Filing.objects.count())
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
