"""Raw uploads in object storage (S3 API) when FILINGS_STORAGE_URL names a bucket: the
same ingest, reading, re-parsing, background uploads, health check and cleanup against a
local S3 emulator on 127.0.0.1 (the one .ci/run starts, named by FILINGS_TEST_S3_ENDPOINT,
or one started here)."""

import io
import os
import uuid

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from filings import background, ingest
from filings.models import Filing
from filings.settings import raw_storage
from tests.fixtures import submission

pytestmark = pytest.mark.django_db
boto3 = pytest.importorskip("boto3")


@pytest.fixture(scope="module")
def endpoint():
    given = os.environ.get("FILINGS_TEST_S3_ENDPOINT")
    if given:
        yield given
        return
    server_module = pytest.importorskip("moto.server")
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(endpoint, settings, monkeypatch):
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(key, value)
    name = f"filings-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=name)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": raw_storage(f"s3://{name}/raw?endpoint_url={endpoint}&region=us-east-1"),
    }
    yield client, name


def keys(client, name) -> list[str]:
    listed = client.list_objects_v2(Bucket=name).get("Contents", [])
    return sorted(o["Key"] for o in listed)


def test_the_url_names_a_bucket_a_prefix_and_an_endpoint():
    options = raw_storage(
        "s3://team-filings/raw/2026?endpoint_url=http://127.0.0.1:9000&region=eu-west-1"
    )
    assert options["BACKEND"] == "storages.backends.s3.S3Storage"
    assert options["OPTIONS"] == {
        "bucket_name": "team-filings",
        "location": "raw/2026",
        "file_overwrite": True,
        "querystring_auth": False,
        "endpoint_url": "http://127.0.0.1:9000",
        "region_name": "eu-west-1",
    }
    with pytest.raises(ValueError, match="s3://BUCKET"):
        raw_storage("ftp://nowhere")


def test_ingest_read_and_reparse_from_a_bucket(bucket, client):
    s3, name = bucket
    assert ingest.ingest(submission(), "a.txt").status == "created"
    filing = Filing.objects.get()
    blob = filing.raw.blob
    assert keys(s3, name) == [f"raw/{blob}"]
    assert filing.raw.read() == submission()
    # The page's raw source and a re-parse read the bytes back from the bucket.
    source = client.get(f"/filings/{filing.accession}/source.txt")
    assert (
        b"".join(source.streaming_content if source.streaming else [source.content]) == submission()
    )
    call_command("reparse", filing.accession, stdout=io.StringIO())
    assert Filing.objects.get().documents.count() == filing.documents.count()
    # The same bytes again: stored once.
    assert ingest.ingest(submission(), "again.txt").status == "unchanged"
    assert keys(s3, name) == [f"raw/{blob}"]


def test_background_uploads_health_and_cleanup_on_a_bucket(
    bucket, client, run_worker, django_capture_on_commit_callbacks
):
    s3, name = bucket
    with django_capture_on_commit_callbacks(execute=True):
        batch = background.queue([("a.txt", submission()), ("b.txt", b"not a filing")])
    assert f"raw/uploads/{batch.pk}/0" in keys(s3, name)
    run_worker()
    assert dict(batch.files.values_list("name", "status")) == {
        "a.txt": "created",
        "b.txt": "refused",
    }
    assert not [k for k in keys(s3, name) if "/uploads/" in k]  # taken up or refused
    report = client.get("/healthz").json()
    assert report["storage"] == {"ok": True} and report["status"] == "ok"
    default_storage.save("aa/bb/" + "a" * 64 + ".txt", io.BytesIO(b"half an ingest"))
    out = io.StringIO()
    call_command("cleanup", "--older-than", "0", "--delete", stdout=out)
    assert "1 unreferenced files" in out.getvalue()
    assert keys(s3, name) == [f"raw/{Filing.objects.get().raw.blob}"]
