"""Background ingest: an upload batch's files become tasks of Django's tasks framework,
run from the database by `manage.py db_worker` (django-tasks-db; on PostgreSQL a worker
claims a task with SELECT ... FOR UPDATE SKIP LOCKED).

Each file is ingested by the one ingest path, in its one transaction, so an attempt that
dies leaves nothing half-written. A running attempt holds its file under a lease; when the
lease runs out (the worker was killed, or its machine died) `recover()` gives the file
another attempt, up to TASK_ATTEMPTS, and then shows it as failed with the reason.
`recover()` runs when a worker starts a task, when anyone looks at a batch's progress, and
on every /healthz poll (the load balancer's checks are the watchdog between uploads).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from . import ingest, search
from .models.uploads import FAILED, QUEUED, RUNNING, UploadBatch, UploadFile


def queue(files: list[tuple[str, bytes]], user=None, *, replace_complete=False, source="upload"):
    """A batch of (name, bytes): kept in storage, each queued for a worker."""
    with transaction.atomic():
        batch = UploadBatch.objects.create(
            user=user if user is not None and user.is_authenticated else None,
            replace_complete=replace_complete,
            source=source,
        )
        rows = []
        for position, (name, data) in enumerate(files):
            stored = default_storage.save(f"uploads/{batch.pk}/{position}", ContentFile(data))
            rows.append(
                UploadFile.objects.create(
                    batch=batch,
                    position=position,
                    name=name[:255],
                    size=len(data),
                    stored_as=stored,
                )
            )
        # Enqueued once the rows are committed, so no worker looks for a row not yet there.
        transaction.on_commit(lambda: [enqueue(row) for row in rows])
    return batch


def enqueue(row: UploadFile) -> None:
    result = ingest_file.enqueue(row.pk)
    UploadFile.objects.filter(pk=row.pk).update(task_id=str(result.id))


@task()
def ingest_file(file_id: int) -> str:
    """One attempt at one file of a batch (a task)."""
    recover()
    search.restore_indexes()  # left absent by a bulk ingest that was killed
    row = claim(file_id)
    if row is None:
        return "not queued"  # finished, or taken by a live attempt
    with default_storage.open(row.stored_as) as f:
        data = f.read()
    try:
        result = ingest.ingest(
            data, row.name, user=row.batch.user, replace_complete=row.batch.replace_complete
        )
    except Exception as exc:
        # Not a bad file (those are refused with a reason) but a fault: the database gone,
        # a bug. The transaction rolled back; another attempt, or the last one failed.
        give_up_or_retry(row, f"{type(exc).__name__}: {exc}")
        raise
    UploadFile.objects.filter(pk=row.pk, status=RUNNING).update(
        status=result.status,
        message=result.message,
        accession=result.accession or "",
        version=result.version,
        findings=result.findings,
        lease_until=None,
        finished_at=timezone.now(),
    )
    # Stored as its filing's raw file now, or refused with the reason (as a direct upload).
    default_storage.delete(row.stored_as)
    return result.status


def give_up_or_retry(row: UploadFile, error: str) -> None:
    with transaction.atomic():
        if row.attempts >= settings.TASK_ATTEMPTS:
            UploadFile.objects.filter(pk=row.pk).update(
                status=FAILED,
                lease_until=None,
                finished_at=timezone.now(),
                message=failed_message(row, error),
            )
            return
        UploadFile.objects.filter(pk=row.pk).update(status=QUEUED, lease_until=None, message=error)
        transaction.on_commit(lambda: enqueue(row))


def failed_message(row: UploadFile, error: str) -> str:
    return (
        f"{row.name}: {row.attempts} attempts to ingest it stopped before they finished; "
        "nothing of it was stored, and the file is kept. "
        + (f"Last error: {error}. " if error else "")
        + "Upload it again, or ask an admin to look at the worker's log."
    )


def claim(file_id: int) -> UploadFile | None:
    """Take a queued file for this attempt, under a lease."""
    now = timezone.now()
    lease = now + dt.timedelta(seconds=settings.TASK_LEASE_SECONDS)
    with transaction.atomic():
        row = (
            UploadFile.objects.select_for_update(of=("self",))
            .select_related("batch", "batch__user")
            .filter(pk=file_id, status=QUEUED)
            .first()
        )
        if row is None:
            return None
        row.status, row.lease_until, row.started_at = RUNNING, lease, now
        row.attempts += 1
        row.save(update_fields=["status", "lease_until", "started_at", "attempts"])
    return row


def recover() -> int:
    """Files whose running attempt outlived its lease: queued again (as a new task), or,
    after the last attempt, failed with the reason. Returns how many were recovered."""
    now = timezone.now()
    with transaction.atomic():
        stale = list(
            UploadFile.objects.select_for_update(skip_locked=True).filter(
                status=RUNNING, lease_until__lt=now
            )
        )
        again = []
        for row in stale:
            close_lost_task(row)
            if row.attempts >= settings.TASK_ATTEMPTS:
                row.status, row.finished_at, row.lease_until = FAILED, now, None
                row.message = failed_message(row, row.message or "the worker stopped")
            else:
                row.status, row.lease_until = QUEUED, None
                again.append(row)
            row.save(update_fields=["status", "message", "finished_at", "lease_until"])
        transaction.on_commit(lambda: [enqueue(row) for row in again])
    return len(stale)


class WorkerLost(Exception):
    """The worker running a task stopped (killed, or its machine gone) before it ended."""


def close_lost_task(row: UploadFile) -> None:
    """The dead attempt's task is shown as failed in the queue, not as running forever."""
    from django_tasks_db.models import DBTaskResult

    if not row.task_id:
        return
    lost = DBTaskResult.objects.filter(id=row.task_id, status="RUNNING").first()
    if lost is not None:
        lost.set_failed(
            WorkerLost(f"the worker's lease on {row.name} ran out at {row.lease_until}")
        )


def queue_depth() -> dict:
    """Files waiting for a worker and files being ingested, for /healthz."""
    return {
        "configured": True,
        "waiting": UploadFile.objects.filter(status=QUEUED).count(),
        "running": UploadFile.objects.filter(status=RUNNING).count(),
    }


def wants_background(sizes: list[int]) -> bool:
    """Several files, or one large one, go to a worker; one small file is stored at once."""
    return len(sizes) > 1 or any(s > settings.BACKGROUND_MB * 1024 * 1024 for s in sizes)
