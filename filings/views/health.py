"""The health check a load balancer polls: the database answers, the raw-file storage
takes a write, and how many background tasks wait. 200 when all is well, else 503; JSON
either way, never cached, open without login (it names no filing)."""

import time
import uuid

from django.contrib.auth.decorators import login_not_required
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True, "vendor": connection.vendor}


def check_storage() -> dict:
    """Write a small file where uploads go, read it back, delete it."""
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as f:
            if f.read() != b"ok":
                raise OSError("the file read back differs from the one written")
    finally:
        default_storage.delete(name)
    return {"ok": True}


def check_queue() -> dict:
    """Uploaded files waiting for a background worker, and being ingested."""
    from .. import background

    recovered = background.recover()  # files whose worker died: tried again or failed
    return {"ok": True, **background.queue_depth(), "recovered": recovered}


CHECKS = {"database": check_database, "storage": check_storage, "queue": check_queue}


@login_not_required
@never_cache
@require_GET
def healthz(request):
    started = time.perf_counter()
    report = {}
    for name, check in CHECKS.items():
        try:
            report[name] = check()
        except Exception as exc:  # a health check reports every failure, whatever it is
            report[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    ok = all(part["ok"] for part in report.values())
    report["status"] = "ok" if ok else "failing"
    report["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return JsonResponse(report, status=200 if ok else 503)
