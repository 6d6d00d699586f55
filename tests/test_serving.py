"""Running for a team: the deploy checks, the health check, structured logs of requests
and ingests, and CSRF on every write endpoint (found by walking the URL patterns)."""

import errno
import json
import logging
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from filings import ingest
from filings.logs import JsonFormatter
from tests.annotations.helpers import store, user

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def deploy_check(**env) -> str:
    key = secrets.token_urlsafe(50)
    environment = {**os.environ, "DJANGO_SECRET_KEY": key, "DJANGO_DEBUG": "0", **env}
    environment.pop("DATABASE_URL", None)
    # Set by the browser tests' process for Playwright; never by a deployment.
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.stdout + done.stderr


def test_check_deploy_is_clean_over_https_and_says_why_when_not(tmp_path):
    over_https = deploy_check(FILINGS_HTTPS="1", FILINGS_DATA_DIR=str(tmp_path))
    assert "System check identified no issues" in over_https, over_https
    plain = deploy_check(FILINGS_DATA_DIR=str(tmp_path))
    assert "filings.W001" in plain and "FILINGS_HTTPS=1" in plain
    assert "security.W004" in plain  # Django's own warnings stay: honest, not silenced


def test_the_health_check_answers_without_login(settings, client):
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:-1],
        "filings.access.LoginRequired",
        settings.MIDDLEWARE[-1],
    ]
    response = client.get("/healthz")
    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "ok"
    assert report["database"]["ok"] and report["storage"]["ok"]
    assert report["queue"] == {
        "ok": True,
        "configured": True,
        "waiting": 0,
        "running": 0,
        "recovered": 0,
    }
    assert "no-cache" in response["Cache-Control"]


class FullDisk(FileSystemStorage):
    """Storage on a disk with no space left."""

    def _save(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device")


def test_the_health_check_fails_when_storage_takes_no_write(settings, client, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "tests.test_serving.FullDisk", "OPTIONS": {"location": tmp_path}},
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    report = response.json()
    assert report["status"] == "failing" and not report["storage"]["ok"]
    assert "No space left on device" in report["storage"]["error"] and report["database"]["ok"]


def test_each_request_is_logged_with_its_id_user_status_and_time(client, caplog):
    alice = user("alice", "analyst")
    client.force_login(alice)
    with caplog.at_level(logging.INFO, logger="filings"):
        response = client.get("/filings/", headers={"X-Request-ID": "proxy-42"})
        forged = client.get("/filings/", headers={"X-Request-ID": "a\nb fake line"})
    assert response["X-Request-ID"] == "proxy-42"
    assert forged["X-Request-ID"] != "a\nb fake line" and len(forged["X-Request-ID"]) == 32
    records = [r for r in caplog.records if r.name == "filings.requests"]
    assert [(r.request_id, r.user, r.method, r.path, r.status) for r in records] == [
        ("proxy-42", "alice", "GET", "/filings/", 200),
        (forged["X-Request-ID"], "alice", "GET", "/filings/", 200),
    ]
    line = json.loads(JsonFormatter().format(records[0]))
    assert line["request_id"] == "proxy-42" and line["status"] == 200 and line["ms"] >= 0
    assert line["message"].startswith("GET /filings/ 200") and line["time"].endswith("Z")


def test_each_ingest_is_logged(caplog):
    with caplog.at_level(logging.INFO, logger="filings"):
        store()
        ingest.ingest(b"not a submission", "junk.txt")
    stored, refused = [r for r in caplog.records if r.name == "filings.ingest"]
    assert (stored.status, stored.accession, stored.levelname) == (
        "created",
        "0001193125-04-218426",
        "INFO",
    )
    assert (
        refused.levelname == "WARNING"
        and refused.status == "refused"
        and refused.file == "junk.txt"
    )
    assert "junk.txt" in refused.reason
    assert json.loads(JsonFormatter().format(refused))["bytes"] == len(b"not a submission")


def patterns(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if str(entry.pattern).startswith("admin/"):
                continue  # Django's own admin, CSRF-protected by Django
            yield from patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def sample_url(pattern: str, filing) -> str:
    values = {
        "<str:accession>": filing.accession,
        "<str:slug>": "1",
        "<id:pk>": "1",
        "<id:cik>": "1056386",
        "<id:version>": "1",
        "<str:kind>": "events",
    }
    for key, value in values.items():
        pattern = pattern.replace(key, value)
    assert "<" not in pattern, pattern
    return "/" + pattern


def test_an_id_no_64_bit_column_can_hold_is_not_found_on_every_database(client):
    huge = "9" * 20
    for url in (f"/companies/{huge}/", f"/people/{huge}/", f"/notes/{huge}/", f"/uploads/{huge}/"):
        assert client.get(url).status_code == 404, url
    assert client.get(f"/companies/{'9' * 18}/").status_code == 404  # the longest that is read


def test_every_endpoint_refuses_a_post_without_its_csrf_token():
    filing = store()
    admin = user("adam", "admin", "desk")
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin)
    accepted = {}
    urls = sorted({sample_url(p, filing) for p in patterns()})
    assert len(urls) > 30
    for url in urls:
        response = client.post(url, {"state": "accepted", "body": "x"})
        # 403 from the CSRF check; 405 where POST is not allowed at all.
        if response.status_code not in (403, 405):
            accepted[url] = response.status_code
    assert accepted == {}


def test_a_database_that_is_down_answers_a_clean_503(client, monkeypatch):
    from django.db import OperationalError

    from filings.views import filings as filing_views

    def down(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    # The filings list's first step meets the database gone.
    monkeypatch.setattr(filing_views, "FilingFilterForm", down)
    response = client.get("/filings/")
    assert response.status_code == 503 and response["Retry-After"] == "10"
    page = response.content.decode()
    assert "Database unavailable" in page and "Nothing was changed; try again in a moment" in page
    assert "could not connect" not in page  # the driver's message is for the log


def test_a_signed_in_user_meets_the_same_503_when_the_database_is_down(client, monkeypatch):
    """The session (and so the user) lives in the database: the request log must not ask for
    the user again after the view failed, which would turn the 503 into a 500."""
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import OperationalError

    client.force_login(user("alice", "analyst"))

    def down(self, *args, **kwargs):
        raise OperationalError("the database system is shutting down")

    monkeypatch.setattr(SessionStore, "_get_session_from_db", down)
    response = client.get("/filings/upload/")
    assert response.status_code == 503 and response["Retry-After"] == "10"
    assert "Database unavailable" in response.content.decode()


def test_the_session_cookie_is_http_only_and_same_site(client):
    user("alice", "analyst")
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": "a-long-password-1"}
    )
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
