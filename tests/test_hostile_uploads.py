"""Hostile uploads: too large, a gzip bomb, 100,000 documents, 50,000 filers, a file name
with path separators and control characters. Each is refused with a clear message or
stored correctly, memory stays bounded, and the database is unchanged by a refusal."""

import gzip
import tracemalloc

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile

from filings import ingest
from filings.models import Filing, RawFile
from filings.views import upload as upload_view
from tests.fixtures import HEADER, OWNER, document, submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def uploader(client):
    user = User.objects.create_user("ursula", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="add_filing"))
    client.force_login(user)
    return user


def header(count=1, extra=""):
    return HEADER.format(
        acc="0000000001-04-000001",
        form="8-K",
        count=count,
        filed="20041222",
        company="X CORP",
        cik="0000000077",
        extra_parties=extra,
    )


def peak_mb(action) -> float:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    client, uploader, settings, monkeypatch
):
    settings.MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("big.txt", b"x" * (3 * 1024 * 1024))
    read = []
    monkeypatch.setattr(upload_view, "unpack", lambda *args, **kw: read.append(args))
    page = client.post("/filings/upload/", {"files": [big]}).content.decode()
    assert "big.txt: 3.0 MB is over the 1 MB limit for one file" in page
    assert read == [] and not RawFile.objects.exists()


def test_a_gzip_bomb_is_refused_with_bounded_memory(client, uploader, settings):
    settings.MAX_UPLOAD_MB = 5
    bomb = gzip.compress(b"\0" * (200 * 1024 * 1024), compresslevel=9)  # 200 MB of zeros
    assert len(bomb) < 1024 * 1024
    upload = SimpleUploadedFile("bomb.txt.gz", bomb)
    peak = peak_mb(
        lambda: setattr(upload, "page", client.post("/filings/upload/", {"files": [upload]}))
    )
    page = upload.page.content.decode()
    assert "bomb.txt.gz: unpacks to more than 5 MB, the limit for one file" in page
    assert peak < 60, f"{peak:.0f} MB"  # the limit (5 MB) and some, never the 200 MB
    assert not RawFile.objects.exists()


def test_a_submission_of_100000_documents_is_refused_with_bounded_memory():
    body = "".join(
        document("EX-99", i + 1, f"d{i}.txt", "D", f"Text {i}.\n") for i in range(100_000)
    )
    data = (header(100_000) + body + "</SEC-DOCUMENT>\n").encode()
    result = []
    peak = peak_mb(lambda: result.append(ingest.ingest(data, "many.txt")))
    (refused,) = result
    assert refused.status == "refused"
    assert (
        "many.txt: 100,000 documents, more than the 5,000 one submission may hold"
        in refused.message
    )
    assert peak < 20 * len(data) / 1e6, f"{peak:.0f} MB for {len(data) / 1e6:.0f} MB"
    assert not Filing.objects.exists()


def test_a_header_with_50000_filers_is_refused():
    owners = "".join(OWNER.format(name=f"OWNER {i}", cik=f"{i:010d}") for i in range(50_000))
    data = (
        header(1, owners) + document("8-K", 1, "a.txt", "8-K", "Text.\n") + "</SEC-DOCUMENT>\n"
    ).encode()
    result = ingest.ingest(data, "filers.txt")
    assert result.status == "refused"
    assert "filers.txt: 50,001 filers and other parties, more than the 2,000" in result.message
    assert not Filing.objects.exists()


def test_a_name_with_path_separators_and_control_characters_is_stored_safely(client, uploader):
    name = "../../etc/\x07pass\x1bwd\r\n.txt"
    page = client.post("/filings/upload/", {"files": [SimpleUploadedFile(name, submission())]})
    assert page.status_code == 200
    raw = RawFile.objects.get()
    assert "/" not in raw.original_name and not any(ord(c) < 32 for c in raw.original_name)
    assert raw.blob.startswith(raw.sha256[:2] + "/")  # stored under its hash, never its name
    assert raw.read() == submission()
    listing = client.get("/filings/").content.decode()
    assert "\x1b" not in listing and "\x07" not in listing
