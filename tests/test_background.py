"""Background ingest: uploads of several files (or one large one) and `ingest --background`
become tasks; the batch's page follows them; a worker that dies is detected by its lease
and the file tried again, a bounded number of times, then shown as failed with the reason."""

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import OperationalError, connection
from django.utils import timezone

from filings import background, ingest
from filings.models import Filing, UploadBatch, UploadFile
from tests.fixtures import submission

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def uploader(name="ursula"):
    user = User.objects.create_user(name, password="pw")
    user.user_permissions.add(Permission.objects.get(codename="add_filing"))
    return user


def two_files():
    return [
        SimpleUploadedFile("a.txt", submission(acc="0000000001-04-000001")),
        SimpleUploadedFile("b.txt", submission(acc="0000000001-04-000002")),
    ]


def test_a_batch_is_queued_then_its_page_follows_the_worker(
    client, django_capture_on_commit_callbacks, run_worker
):
    client.force_login(uploader())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/filings/upload/", {"files": two_files()})
    batch = UploadBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/uploads/{batch.pk}/"
    assert not Filing.objects.exists()  # nothing ingested in the request
    page = client.get(response["Location"]).content.decode()
    assert '<span class="status queued">2 queued</span>' in page
    assert 'hx-trigger="every 1s"' in page and '<meta http-equiv="refresh" content="3">' in page
    assert client.get("/healthz").json()["queue"] == {
        "ok": True,
        "configured": True,
        "waiting": 2,
        "running": 0,
        "recovered": 0,
    }
    run_worker()
    page = client.get(response["Location"]).content.decode()
    assert '<span class="status created">2 created</span>' in page
    assert 'hx-trigger="every 1s"' not in page and 'http-equiv="refresh"' not in page
    assert Filing.objects.count() == 2
    assert Filing.objects.get(accession="0000000001-04-000001").raw.uploaded_by.username == "ursula"
    # The waiting bytes are gone once each is stored as its filing's raw file.
    assert not default_storage.exists(f"uploads/{batch.pk}/0")
    fragment = client.get(response["Location"], headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<div id="batch-files"')


def test_one_large_file_goes_to_the_worker_and_one_small_file_does_not(client, settings):
    client.force_login(uploader())
    response = client.post(
        "/filings/upload/", {"files": [SimpleUploadedFile("a.txt", submission())]}
    )
    assert response.status_code == 200 and Filing.objects.count() == 1
    settings.BACKGROUND_MB = 0.001
    response = client.post(
        "/filings/upload/", {"files": [SimpleUploadedFile("b.txt", submission())]}
    )
    assert response.status_code == 302 and UploadBatch.objects.count() == 1


def test_my_uploads_lists_my_batches_and_no_one_elses(client, django_capture_on_commit_callbacks):
    ursula, victor = uploader("ursula"), uploader("victor")
    client.force_login(ursula)
    client.post("/filings/upload/", {"files": two_files()})
    batch = UploadBatch.objects.get()
    listing = client.get("/uploads/").content.decode()
    assert f'href="/uploads/{batch.pk}/"' in listing and "2 queued" in listing
    client.force_login(victor)
    assert f"/uploads/{batch.pk}/" not in client.get("/uploads/").content.decode()
    assert client.get(f"/uploads/{batch.pk}/").status_code == 404
    client.logout()
    assert client.get(f"/uploads/{batch.pk}/").status_code == 302


def stale(row: UploadFile, attempts: int) -> None:
    """As a worker killed while ingesting it leaves a file: running, its lease run out."""
    UploadFile.objects.filter(pk=row.pk).update(
        status="running", attempts=attempts, lease_until=timezone.now() - dt.timedelta(seconds=1)
    )


def test_a_file_whose_worker_died_is_tried_again(
    client, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        batch = background.queue([("a.txt", submission())])
    row = batch.files.get()
    from django_tasks_db.models import DBTaskResult

    # The dead worker had claimed the task and the file.
    DBTaskResult.objects.filter(id=row.task_id).update(status="RUNNING")
    row.refresh_from_db()
    stale(row, attempts=1)
    with django_capture_on_commit_callbacks(execute=True):
        # The load balancer's next health check notices.
        report = client.get("/healthz").json()
        assert report["queue"]["recovered"] == 1, report
    lost = DBTaskResult.objects.get(id=row.task_id)
    assert lost.status == "FAILED" and lost.exception_class_path.endswith("WorkerLost")
    run_worker()
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("created", 2)
    assert Filing.objects.count() == 1


def test_after_the_last_attempt_the_file_is_failed_with_the_reason_and_kept(
    client, settings, django_capture_on_commit_callbacks
):
    settings.TASK_ATTEMPTS = 3
    with django_capture_on_commit_callbacks(execute=True):
        batch = background.queue([("a.txt", submission())])
    row = batch.files.get()
    stale(row, attempts=3)
    background.recover()
    row.refresh_from_db()
    assert row.status == "failed"
    assert "3 attempts to ingest it stopped before they finished" in row.message
    assert "a.txt" in row.message and "the file is kept" in row.message
    assert default_storage.exists(row.stored_as)  # nothing uploaded is lost
    assert not Filing.objects.exists()


def test_a_fault_while_ingesting_is_retried_then_failed(
    monkeypatch, settings, run_worker, django_capture_on_commit_callbacks
):
    settings.TASK_ATTEMPTS = 2
    calls = []

    def database_gone(*args, **kwargs):
        calls.append(1)
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(ingest, "ingest", database_gone)
    with django_capture_on_commit_callbacks(execute=True):
        batch = background.queue([("a.txt", submission())])
    run_worker()
    row = batch.files.get()
    assert len(calls) == 2 and row.status == "failed" and row.attempts == 2
    assert "Last error: OperationalError: server closed the connection unexpectedly" in row.message


def test_ingest_background_queues_files_from_the_command_line(
    tmp_path, django_capture_on_commit_callbacks, run_worker
):
    (tmp_path / "a.txt").write_bytes(submission())
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest", "--background", str(tmp_path / "a.txt"), stdout=out)
    batch = UploadBatch.objects.get()
    assert f"1 files queued as upload #{batch.pk} (/uploads/{batch.pk}/)" in out.getvalue()
    assert batch.source == "command" and batch.user is None
    run_worker()
    assert batch.files.get().status == "created"


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_process_ingests_a_queued_batch():
    batch = background.queue([("a.txt", submission()), ("bad.txt", b"not a filing")])
    database = connection.settings_dict
    env = {**os.environ, "FILINGS_LOG_LEVEL": "WARNING"}
    if connection.vendor == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{database['NAME']}"
    else:
        env["DATABASE_URL"] = (
            f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST'] or 'localhost'}"
            f":{database['PORT'] or 5432}/{database['NAME']}"
        )
    storage = default_storage.location
    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(storage)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    states = dict(batch.files.values_list("name", "status"))
    assert states == {"a.txt": "created", "bad.txt": "refused"}
    assert Filing.objects.count() == 1


# The worker command in a process of its own, storing where this test's storage is.
WORKER = """
import sys, django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filings.settings")
from django.conf import settings
django.setup()
settings.STORAGES["default"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": sys.argv[1]},
}
from django.core.management import call_command
call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
"""


def test_storage_full_during_an_upload_says_so_and_changes_nothing(client, settings, tmp_path):
    client.force_login(uploader())
    working = settings.STORAGES["default"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "tests.test_serving.FullDisk", "OPTIONS": {"location": tmp_path}},
    }
    page = client.post("/filings/upload/", {"files": [SimpleUploadedFile("a.txt", submission())]})
    html = page.content.decode()
    assert page.status_code == 200
    assert (
        "a.txt: the file could not be stored (No space left on device); nothing was changed" in html
    )
    assert not Filing.objects.exists()
    settings.STORAGES = {**settings.STORAGES, "default": working}  # space again
    client.post("/filings/upload/", {"files": [SimpleUploadedFile("a.txt", submission())]})
    assert Filing.objects.count() == 1


def test_cleanup_finds_blobs_no_filing_refers_to(tmp_path):
    ingest.ingest(submission(), "a.txt")
    stray = default_storage.save("aa/bb/" + "a" * 64 + ".txt", io.BytesIO(b"half an ingest"))
    waiting = default_storage.save("uploads/99/0", io.BytesIO(b"an upload already ingested"))
    out = io.StringIO()
    call_command("cleanup", "--older-than", "0", stdout=out)
    listed = out.getvalue()
    assert f"unreferenced {stray}" in listed and f"unreferenced {waiting}" in listed
    assert "2 unreferenced files" in listed and "run with --delete" in listed
    assert default_storage.exists(stray)  # a dry run
    call_command("cleanup", "--older-than", "60", stdout=(recent := io.StringIO()))
    assert "0 unreferenced files" in recent.getvalue()  # too new: maybe an ingest in flight
    call_command("cleanup", "--older-than", "0", "--delete", stdout=io.StringIO())
    assert not default_storage.exists(stray) and not default_storage.exists(waiting)
    assert Filing.objects.get().raw.read() == submission()  # what is referred to stays


def test_checkstore_passes_a_complete_store_and_names_what_is_missing():
    ingest.ingest(submission(), "a.txt")
    out = io.StringIO()
    call_command("checkstore", stdout=out)
    assert "1 filings, 1 raw files: all complete" in out.getvalue()
    filing = Filing.objects.get()
    filing.documents.filter(position=1).delete()
    default_storage.delete(filing.raw.blob)
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("checkstore", stdout=out)
    assert f"{filing.accession}: 2 of 3 documents" in out.getvalue()
    assert f"{filing.accession} version 1: bytes missing" in out.getvalue()
