"""Versions of one accession: damaged copies never silently replace a complete filing,
every upload is kept and listed, and a permitted user makes a version current."""

import gzip

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from filings import ingest
from filings.models import SAMPLE_PATH, Filing, RawFile, VersionChange
from tests.fixtures import submission

pytestmark = pytest.mark.django_db

ACC = "0001193125-04-218426"


def truncated(data: bytes) -> bytes:
    """The submission cut off inside its second document, as a broken download is."""
    return data[: data.index(b"<TYPE>EX-99.1") + 200]


def user_with(*perms, name="analyst"):
    user = User.objects.create_user(name, password="pw")
    user.user_permissions.add(*Permission.objects.filter(codename__in=perms))
    return user


def test_a_truncated_copy_is_kept_but_does_not_replace_the_complete_version():
    complete = submission()
    assert ingest.ingest(complete, "complete.txt").status == ingest.CREATED
    result = ingest.ingest(truncated(complete), "broken.txt")
    assert result.status == ingest.KEPT
    assert "version 2" in result.message and "truncated" in result.message
    assert "version 1 stays current" in result.message.lower()
    filing = Filing.objects.get(accession=ACC)
    assert filing.version == 1 and filing.document_count == 3
    kept = RawFile.objects.get(accession=ACC, version=2)
    assert kept.original_name == "broken.txt"
    assert "truncated" in {f["code"] for f in kept.findings}
    assert kept.read() == truncated(complete)  # nothing the user uploaded is lost


def test_a_copy_with_fewer_documents_is_kept_and_says_so():
    ingest.ingest(submission(), "complete.txt")
    result = ingest.ingest(submission(image=None), "two-docs.txt")
    assert result.status == ingest.KEPT
    assert "fewer documents (2, against 3)" in result.message
    assert Filing.objects.get(accession=ACC).document_count == 3


def test_asked_for_a_damaged_copy_becomes_current():
    ingest.ingest(submission(), "complete.txt")
    result = ingest.ingest(truncated(submission()), "broken.txt", replace_complete=True)
    assert result.status == ingest.UPDATED
    filing = Filing.objects.get(accession=ACC)
    assert filing.version == 2 and "truncated" in {f["code"] for f in filing.findings}


def test_a_complete_copy_still_replaces_a_damaged_one():
    ingest.ingest(truncated(submission()), "broken.txt")
    result = ingest.ingest(submission(), "complete.txt")
    assert result.status == ingest.UPDATED
    assert Filing.objects.get(accession=ACC).document_count == 3


def test_uploading_a_kept_version_again_changes_nothing():
    ingest.ingest(submission(), "complete.txt")
    ingest.ingest(truncated(submission()), "broken.txt")
    result = ingest.ingest(truncated(submission()), "broken-again.txt")
    assert result.status == ingest.UNCHANGED
    assert "already stored as version 2" in result.message
    assert RawFile.objects.filter(accession=ACC).count() == 2


def test_the_command_keeps_damaged_copies_unless_told(tmp_path, capsys):
    (tmp_path / "a.txt").write_bytes(submission())
    (tmp_path / "b.txt").write_bytes(truncated(submission()))
    call_command("ingest", str(tmp_path / "a.txt"), "--no-progress")
    call_command("ingest", str(tmp_path / "b.txt"), "--no-progress")
    out = capsys.readouterr().out
    assert "kept" in out and "1 files: 0 created, 0 updated, 0 unchanged, 1 kept, 0 refused" in out
    assert Filing.objects.get(accession=ACC).version == 1
    (tmp_path / "c.txt").write_bytes(truncated(submission(sentence="Another cut copy.")))
    call_command("ingest", str(tmp_path / "c.txt"), "--no-progress", "--replace-complete")
    assert Filing.objects.get(accession=ACC).version == 3


def test_the_filing_page_lists_versions_and_each_can_be_viewed(client):
    ingest.ingest(submission(), "complete.txt")
    ingest.ingest(truncated(submission()), "broken.txt")
    page = client.get(f"/filings/{ACC}/").content.decode()
    assert "Versions" in page and f"/filings/{ACC}/versions/2/" in page
    assert "truncated" in page
    version = client.get(f"/filings/{ACC}/versions/2/")
    assert version.status_code == 200
    text = version.content.decode()
    assert "is not the one the filing shows" in text and "broken.txt" in text
    assert "Make version 2 current" not in text  # anonymous: no button
    source = client.get(f"/filings/{ACC}/versions/2/source.txt")
    assert source.content == truncated(submission())
    assert client.get(f"/filings/{ACC}/versions/9/").status_code == 404


def test_making_a_version_current_needs_the_permission_and_is_recorded(client):
    ingest.ingest(submission(), "complete.txt")
    ingest.ingest(truncated(submission()), "broken.txt")
    url = f"/filings/{ACC}/versions/2/current"
    assert client.post(url).status_code == 302  # to the login page
    assert Filing.objects.get(accession=ACC).version == 1
    client.force_login(user_with(name="reader"))
    assert client.post(url).status_code == 403
    assert Filing.objects.get(accession=ACC).version == 1
    client.force_login(user_with("change_filing"))
    assert "Make version 2 current" in client.get(f"/filings/{ACC}/versions/2/").content.decode()
    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)
    assert "version 2 is now current" in response.content.decode()
    filing = Filing.objects.get(accession=ACC)
    assert filing.version == 2 and "truncated" in {f["code"] for f in filing.findings}
    change = VersionChange.objects.get()
    assert (change.from_version, change.to_version, change.by.username) == (1, 2, "analyst")
    # And back: the complete version's rows come back exactly.
    client.post(f"/filings/{ACC}/versions/1/current")
    filing = Filing.objects.get(accession=ACC)
    assert filing.version == 1 and filing.findings == []
    assert filing.documents.count() == 3
    assert VersionChange.objects.count() == 2


def test_one_empty_file_in_a_batch_is_refused_by_name_and_the_others_are_stored(
    client, upload_in_background
):
    client.force_login(user_with("add_filing"))
    files = [
        SimpleUploadedFile("empty.txt", b""),
        SimpleUploadedFile("good.txt", submission()),
    ]
    response = upload_in_background(client, {"files": files})
    page = response.content.decode()
    assert response.status_code == 200
    assert "empty.txt: the file is empty." in page
    assert "The submitted file is empty" not in page
    assert Filing.objects.filter(accession=ACC).exists()
    assert '<span class="status created">1 created</span>' in page
    assert '<span class="status refused">1 refused</span>' in page


def test_gzip_uploads_are_unpacked_and_broken_ones_refused_by_name(client, upload_in_background):
    client.force_login(user_with("add_filing"))
    files = [
        SimpleUploadedFile("good.txt.gz", gzip.compress(submission())),
        SimpleUploadedFile("broken.txt.gz", gzip.compress(submission())[:40]),
    ]
    page = upload_in_background(client, {"files": files}).content.decode()
    filing = Filing.objects.get(accession=ACC)
    assert filing.raw.original_name == "good.txt"
    assert filing.raw.read() == submission()
    assert "broken.txt.gz: not a readable gzip file" in page


def test_the_upload_page_offers_to_replace_complete_versions(client):
    client.force_login(user_with("add_filing"))
    ingest.ingest(submission(), "complete.txt")
    broken = SimpleUploadedFile("broken.txt", truncated(submission()))
    page = client.post("/filings/upload/", {"files": [broken]}).content.decode()
    assert "kept" in page and "not made current" in page
    again = SimpleUploadedFile("broken2.txt", truncated(submission(sentence="Other text.")))
    client.post("/filings/upload/", {"files": [again], "replace_complete": "on"})
    assert Filing.objects.get(accession=ACC).version == 3


def test_the_sample_is_marked_and_the_real_file_replaces_it_cleanly(
    client, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.BASE_DIR = tmp_path / "app"  # no shared corpus beside it: the bundled sample
    call_command("loadsample")
    filing = Filing.objects.get(accession=ACC)
    assert filing.is_sample
    assert "sample written for this project" in client.get(f"/filings/{ACC}/").content.decode()
    assert "sample" in client.get("/filings/").content.decode().lower()
    sample_blob = filing.raw.blob
    real = submission()  # stands in for the real file: other bytes, same accession
    with django_capture_on_commit_callbacks(execute=True):
        result = ingest.ingest(real, f"{ACC}.txt")
    assert result.status == ingest.UPDATED and "replaces the sample" in result.message
    filing = Filing.objects.get(accession=ACC)
    assert not filing.is_sample and filing.version == 1
    assert list(RawFile.objects.filter(accession=ACC).values_list("version", flat=True)) == [1]
    assert "sample written for this project" not in client.get(f"/filings/{ACC}/").content.decode()
    assert not default_storage.exists(sample_blob)
    assert SAMPLE_PATH.is_file()
