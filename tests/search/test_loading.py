"""A batch loaded with PostgreSQL's word indexes built once at its end (`manage.py ingest
--defer-index`, or a batch large beside the store): the same answers as a load that keeps
them row by row, nothing left slow by a load that was killed, and loads that overlap.

The tests of PostgreSQL's indexes are skipped on SQLite, whose index is one FTS5 table
written with each filing (loading() changes nothing there, which the rest checks)."""

import io
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from filings import search
from filings.models import Filing, RawFile
from filings.search import postgres
from tests.fixtures import submission
from tests.search.helpers import HIGGINS, ITEM_502, accessions, find, store

ROOT = Path(__file__).resolve().parents[2]
on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")

QUERIES = [
    '"golden parachute"',
    '"severance pay"',
    "golden parachute",
    "golden parachute -severance",
    "parach*",
    '"patricia l higgins"',
    "Higgins director",
    "widgets",
    "acme",
    "Smith",
    "w10",
    "-severance w10",
]


def fill_store():
    """Filings of one chunk and of several, with phrases, words and names to find."""
    filler = " ".join(f"w{i}" for i in range(2500))
    store(1, sentence=f"{filler} golden parachute {filler} severance pay")
    store(2, sentence=f"golden {filler} parachute")
    store(3, sentence=HIGGINS)
    store(4, company="ACME WIDGET CO", cik="0000000777", sentence="Widgets and more widgets.")
    store(
        5,
        company="ACME WIDGET CO",
        cik="0000000777",
        sentence=ITEM_502 + "Mr. John Q. Smith resigned as chief financial officer.",
    )
    store(6, sentence="A golden parachute and severance pay for the officers.")


def answers():
    return {q: accessions(find(q)) for q in QUERIES}


def present_indexes():
    with connection.cursor() as cur:
        cur.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'filings_searchchunk' "
            "AND indexname <> 'filings_searchchunk_pkey'"
        )
        return {name for (name,) in cur.fetchall()}


@pytest.fixture
def long_chunks(monkeypatch):
    # Small chunks, so the long filings above have several (the indexes WHERE multi).
    monkeypatch.setattr(postgres, "CHUNK_WORDS", 1000)


@pytest.mark.django_db
def test_a_deferred_load_finds_what_a_row_by_row_load_finds(long_chunks):
    fill_store()
    row_by_row = answers()
    assert row_by_row['"golden parachute"'] == ["0000000001-04-000006", "0000000001-04-000001"]
    Filing.objects.all().delete()
    RawFile.objects.all().delete()
    with search.loading(6, defer=True) as deferred:
        fill_store()
        if connection.vendor == "postgresql":
            assert deferred and present_indexes() == set()
            # Searches during the load still find everything (without their indexes).
            assert answers() == row_by_row
    assert answers() == row_by_row
    if connection.vendor == "postgresql":
        assert present_indexes() == set(postgres.CHUNK_INDEXES)


@pytest.mark.django_db
def test_reindex_rebuilds_the_same_answers(long_chunks):
    fill_store()
    before = answers()
    search.reindex()
    # (Keys are given anew, oldest first: ties in rank may come in another order.)
    assert {q: sorted(a) for q, a in answers().items()} == {q: sorted(a) for q, a in before.items()}


def test_large_batches_into_small_stores_defer_and_small_ones_do_not():
    assert postgres.defers(70_000, 0)  # a first year into an empty store
    assert postgres.defers(70_000, 10_000)
    assert not postgres.defers(10, 300_000)
    assert not postgres.defers(70_000, 300_000)  # a year into a store of several
    assert not postgres.defers(99, 0)  # too few: the build alone at the end costs more


def run_ingest(*args):
    out = io.StringIO()
    call_command("ingest", "--no-progress", *args, stdout=out)
    return out.getvalue()


def write_files(folder: Path, count: int, first: int = 1) -> Path:
    folder.mkdir(exist_ok=True)
    for n in range(first, first + count):
        sentence = "A golden parachute for the chief executive." if n % 2 else HIGGINS
        (folder / f"f{n}.txt").write_bytes(
            submission(acc=f"0000000001-04-{n:06d}", sentence=sentence, image=None)
        )
    return folder


@pytest.mark.django_db
def test_ingest_defers_when_asked_and_says_so(tmp_path):
    out = run_ingest("--defer-index", str(write_files(tmp_path / "a", 4)))
    assert out.splitlines()[-1] == "4 files: 4 created, 0 updated, 0 unchanged, 0 refused"
    assert ("search indexes are built once this batch is stored" in out) == (
        connection.vendor == "postgresql"
    )
    out = run_ingest("--no-defer-index", str(write_files(tmp_path / "b", 60, first=5)))
    assert "search indexes are built" not in out
    # By default: 20 files into a store of 64 keep the indexes.
    out = run_ingest(str(write_files(tmp_path / "c", 20, first=65)))
    assert "search indexes are built" not in out
    assert len(accessions(find('"golden parachute"', per_page=100))) == 42
    if connection.vendor == "postgresql":
        assert present_indexes() == set(postgres.CHUNK_INDEXES)


def test_ingest_help_shows_both_ways(capsys):
    with pytest.raises(SystemExit):
        call_command("ingest", "--help")
    text = " ".join(capsys.readouterr().out.split())
    assert "--defer-index, --no-defer-index" in text


def drop_indexes():
    with connection.cursor() as cur:
        postgres.drop_indexes(cur)


@on_postgres
@pytest.mark.django_db
@pytest.mark.parametrize("how", ["check", "migrate", "ingest"])
def test_indexes_an_interrupted_load_left_absent_are_built_again(how, tmp_path):
    store(1, sentence=HIGGINS)
    drop_indexes()  # what a killed load leaves behind
    assert present_indexes() == set()
    assert accessions(find("Higgins director")) == ["0000000001-04-000001"]  # slower, right
    if how == "check":
        call_command("check", databases=["default"], stdout=io.StringIO())
    elif how == "migrate":
        call_command("migrate", skip_checks=False, verbosity=0)
    else:
        out = run_ingest(str(write_files(tmp_path / "a", 1, first=3)))
        assert "rebuilt the search index filings_searchchunk_grams_single" in out
    assert present_indexes() == set(postgres.CHUNK_INDEXES)
    assert accessions(find("Higgins director")) == ["0000000001-04-000001"]


@on_postgres
@pytest.mark.django_db
def test_the_worker_builds_absent_indexes_before_its_file(
    django_capture_on_commit_callbacks, run_worker
):
    from filings import background

    drop_indexes()
    with django_capture_on_commit_callbacks(execute=True):
        background.queue([("a.txt", submission(image=None))], source="command")
    run_worker()
    assert present_indexes() == set(postgres.CHUNK_INDEXES)
    assert Filing.objects.count() == 1


def database_url() -> str:
    d = connection.settings_dict
    return (
        f"postgres://{d['USER']}:{d['PASSWORD'] or ''}@{d['HOST'] or 'localhost'}"
        f":{d['PORT'] or 5432}/{d['NAME']}"
    )


@on_postgres
@pytest.mark.django_db(transaction=True)
def test_a_load_killed_without_its_indexes_leaves_a_store_the_next_check_repairs(tmp_path):
    files = write_files(tmp_path / "many", 200)
    env = {**os.environ, "DATABASE_URL": database_url(), "FILINGS_DATA_DIR": str(tmp_path)}
    load = subprocess.Popen(
        [sys.executable, "manage.py", "ingest", "--no-progress", "--defer-index", str(files)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not (present_indexes() == set() and Filing.objects.count() >= 5):
            assert load.poll() is None and time.monotonic() < deadline, "the load never started"
            time.sleep(0.05)
        load.send_signal(signal.SIGKILL)
        load.wait()
    finally:
        if load.poll() is None:
            load.kill()
    stored = Filing.objects.count()
    assert 5 <= stored < 200
    assert present_indexes() == set()  # killed: nothing built them
    assert len(accessions(find("internap", per_page=500))) == stored
    call_command("check", databases=["default"], stdout=io.StringIO())
    assert present_indexes() == set(postgres.CHUNK_INDEXES)
    assert len(accessions(find("internap", per_page=500))) == stored


def in_thread(target):
    """Run `target` in a thread with its own database connection; re-raise its error."""
    failure = []

    def run():
        try:
            target()
        except BaseException as exc:  # noqa: BLE001 (handed to the test)
            failure.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, failure


@on_postgres
@pytest.mark.django_db(transaction=True)
def test_overlapping_loads_and_uploads_stay_correct():
    first_in, second_done, first_out = threading.Event(), threading.Event(), threading.Event()

    def first_load():
        with search.loading(100, defer=True):
            store(1, sentence="A golden parachute for the chief executive.")
            first_in.set()
            assert second_done.wait(60)
        first_out.set()

    thread, failure = in_thread(first_load)
    assert first_in.wait(60)
    # A second load finds the indexes already dropped; an upload stores without them; a
    # worker's check does not build them under a load that is still writing.
    with search.loading(100, defer=True):
        store(2, sentence=HIGGINS)
        second_done.set()
        assert first_out.wait(60)
        assert present_indexes() == set()  # the first ended, this one still loads
        upload, upload_failure = in_thread(lambda: store(3, sentence=HIGGINS))
        upload.join()
        assert not upload_failure, upload_failure
        check, check_failure = in_thread(lambda: search.restore_indexes())
        check.join()
        assert not check_failure, check_failure
        assert present_indexes() == set()
    thread.join()
    assert not failure, failure
    assert present_indexes() == set(postgres.CHUNK_INDEXES)
    assert accessions(find("golden parachute")) == ["0000000001-04-000001"]
    assert sorted(accessions(find("Higgins director"))) == [
        "0000000001-04-000002",
        "0000000001-04-000003",
    ]
    # Built twice over: no error when they already exist.
    assert search.restore_indexes() == []
