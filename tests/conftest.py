import pytest


@pytest.fixture(autouse=True)
def media_storage(settings, tmp_path):
    """Each test stores raw uploads in its own folder."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "raw"},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests make many accounts; the real hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def run_worker(django_capture_on_commit_callbacks):
    """Run every queued background task in this process, as `db_worker --batch` does, in
    the test's transaction (the worker command itself closes the connection it uses: a
    real worker process is tested in tests/test_background.py)."""
    from django_tasks_db.models import DBTaskResult

    def run():
        for _ in range(100):
            row = DBTaskResult.objects.ready().order_by("enqueued_at").first()
            if row is None:
                return
            row.claim("test-worker")
            with django_capture_on_commit_callbacks(execute=True):
                try:
                    value = row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
                except Exception as exc:
                    row.set_failed(exc)
                else:
                    row.set_successful(value)
        raise AssertionError("tasks kept queueing tasks")

    return run


@pytest.fixture
def upload_in_background(django_capture_on_commit_callbacks, run_worker):
    """Post to the upload page (several files, or a large one, go to a worker), let the
    worker run, and return the batch's progress page as the uploader then sees it.
    (Tasks are enqueued when the upload's transaction commits: the callbacks run here.)"""

    def upload(client, data):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/filings/upload/", data)
        assert response.status_code == 302, response.content[:500]
        assert response["Location"].startswith("/uploads/")
        run_worker()
        return client.get(response["Location"])

    return upload
