"""The command-line tools, as a person or a script runs them."""

import gzip
import io
import json
import subprocess
import sys

import pytest
from django.core.management import call_command

from filings import sanitize
from filings.models import Document, Filing
from tests.fixtures import submission

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    try:
        call_command(*args, stdout=out)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue()


def test_ingest_reads_files_folders_globs_and_gz_and_reports_each(tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_bytes(submission(acc="0000000001-04-000001"))
    (folder / "notes.md").write_text("not picked up from a folder")
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(submission(acc="0000000001-04-000002")))
    (tmp_path / "c1.txt").write_bytes(submission(acc="0000000001-04-000003"))
    code, out = run("ingest", str(folder), str(tmp_path / "b.txt.gz"), str(tmp_path / "c*.txt"))
    assert code == 0
    lines = out.splitlines()
    assert sum(line.startswith("created") for line in lines) == 3
    assert "notes.md" not in out
    assert lines[-1] == "3 files: 3 created, 0 updated, 0 unchanged, 0 refused"
    assert Filing.objects.count() == 3


def test_ingest_again_says_unchanged_and_refusals_exit_non_zero(tmp_path):
    good = tmp_path / "good.txt"
    good.write_bytes(submission())
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"<html><body>404</body></html>")
    run("ingest", str(good))
    code, out = run("ingest", str(good), str(bad), str(tmp_path / "missing.txt"))
    assert code == 1
    assert "unchanged" in out
    assert "refused" in out and "bad.txt" in out and "missing.txt: no such file" in out
    assert out.splitlines()[-1] == "3 files: 0 created, 0 updated, 1 unchanged, 2 refused"


@pytest.mark.django_db(transaction=True)
def test_ingest_with_jobs_parses_in_worker_processes(tmp_path):
    for i in range(3):
        (tmp_path / f"f{i}.txt").write_bytes(submission(acc=f"0000000001-04-00000{i}"))
    code, out = run("ingest", "--jobs", "2", str(tmp_path))
    assert code == 0, out
    assert Filing.objects.count() == 3


def test_reparse_rewrites_rows_from_the_stored_raw_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(submission())
    run("ingest", str(path))
    Filing.objects.update(parser_version=0, form="WRONG")
    code, out = run("reparse")
    assert code == 0 and "reparsed  0001193125-04-218426" in out
    filing = Filing.objects.get()
    assert filing.form == "8-K" and filing.version == 1
    assert filing.documents.count() == 3


def test_resanitize_rerenders_documents_of_an_older_sanitizer(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(submission())
    run("ingest", str(path))
    Document.objects.update(html="<p>stale</p>", sanitizer_version=0)
    code, out = run("resanitize")
    assert "3 documents re-rendered" in out
    main = Document.objects.get(position=0)
    assert "stale" not in main.html and "FORM 8-K" in main.html
    assert main.sanitizer_version == sanitize.SANITIZER_VERSION
    code, out = run("resanitize")
    assert "0 documents re-rendered" in out


def test_ensureadmin_creates_one_admin_with_a_generated_password():
    from django.contrib.auth.models import User

    code, out = run("ensureadmin")
    assert "password:" in out
    password = out.split("password:")[1].split()[0]
    assert len(password) >= 16
    assert User.objects.get(username="admin").check_password(password)
    code, out = run("ensureadmin")
    assert "already exists" in out and "password:" not in out


def test_loadsample_loads_the_internap_8k_and_is_harmless_twice():
    run("loadsample")
    filing = Filing.objects.get(accession="0001193125-04-218426")
    assert filing.form == "8-K"
    code, out = run("loadsample")
    assert "unchanged" in out


def test_reader_cli_json_lines(tmp_path):
    good = tmp_path / "good.txt"
    good.write_bytes(submission())
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    proc = subprocess.run(
        [sys.executable, "-m", "filings.edgar", "--json", str(good), str(bad)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode != 0
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert rows[0]["accession"] == "0001193125-04-218426"
    assert rows[0]["parties"][0]["business_address"]["city"] == "SEATTLE"
    assert rows[0]["documents"][0]["text_bytes"] > 0
    assert rows[1]["error"]["code"] == "empty"
