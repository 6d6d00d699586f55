"""What was extracted, as flat rows: `manage.py export` and the /api/<kind>.json endpoints."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

from filings import export, identity, ingest
from filings.models import Event, IdentityChange, Person
from tests.corpus import corpus_available, read_corpus_file
from tests.fixtures import submission

pytestmark = pytest.mark.django_db

A1, A2, FORM4 = "0001193125-04-218426", "0001193125-05-000002", "0001234567-05-000001"
ELECTED = (
    "On December 17, 2004, the Board of Directors of Internap Network Services Corporation "
    "elected Ms. Patricia L. Higgins as a member of the Board of Directors, effective "
    "December 17, 2004."
)
EVENT_KEYS = {
    "accession",
    "document",
    "name_raw",
    "name",
    "person_key",
    "cik",
    "event_type",
    "role",
    "organization",
    "effective_date",
    "evidence",
    "start",
    "end",
    "review_state",
    "reviewed_by",
    "reviewed_at",
    "review_reason",
    "corrected_event_type",
    "corrected_name",
    "corrected_role",
    "corrected_organization",
    "corrected_effective_date",
    "corrected_effective_immediately",
}
ORGANIZATION_KEYS = [
    "accession",
    "document",
    "name",
    "normalized",
    "cik",
    "evidence",
    "start",
    "end",
]
EXHIBIT_KEYS = [
    "accession",
    "number",
    "description",
    "filed_here",
    "incorporated_by_reference",
    "source_form",
    "source_date",
    "source_accession",
    "document",
    "linked_filing",
]


def store(acc, sentence, **kwargs):
    data = submission(
        acc=acc, sentence=f"Item 5.02 Election of Directors</P><P>{sentence}", **kwargs
    )
    assert ingest.ingest(data, f"{acc}.txt").status == "created"


@pytest.fixture
def filings():
    store(A1, ELECTED, filed="20041222")
    store(
        A2,
        "On February 25, 2005, Ms. Patricia L. Higgins resigned as a director of the Company, "
        "effective March 1, 2005.",
        filed="20050301",
    )
    data = submission(
        acc=FORM4, form="4", filed="20050401", owners=[("HIGGINS PATRICIA L", "1234567")]
    )
    assert ingest.ingest(data, "form4.txt").status == "created"


def run_export(capsys, *args) -> str:
    """The command's standard output, as a shell would see it."""
    capsys.readouterr()
    call_command("export", *args)
    return capsys.readouterr().out


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


# --- events ----------------------------------------------------------------------------------


def test_export_events_as_json_lines(capsys, filings):
    rows = jsonl(run_export(capsys, "events", "--format", "jsonl"))
    assert [(r["accession"], r["event_type"]) for r in rows] == [
        (A1, "elected"),
        (A2, "resigned"),
        (FORM4, "reporting-owner"),
    ]
    for row in rows:
        assert EVENT_KEYS <= set(row)
    elected = rows[0]
    # The 8-K names came first; the Form 4's owner of the same issuer took them in.
    person = Person.objects.get(cik=1234567)
    assert Person.objects.get(cik=None).merged_into == person
    assert elected == elected | {
        "review_state": "unreviewed",
        "reviewed_by": None,
        "accession": A1,
        "document": "1",
        "name_raw": "Ms. Patricia L. Higgins",
        "name": "Patricia L. Higgins",
        "person_key": person.pk,
        "cik": "0001234567",
        "event_type": "elected",
        "role": "Director",
        "organization": "Internap Network Services Corporation",
        "effective_date": "2004-12-17",
        "evidence": ELECTED,
    }
    event = Event.objects.get(event_type="elected")
    assert (elected["start"], elected["end"]) == (event.start, event.end)
    assert event.document.text[elected["start"] : elected["end"]] == elected["evidence"]
    assert rows[1]["person_key"] == person.pk  # the same person in the second filing
    assert rows[1]["effective_date"] == "2005-03-01"
    owner = rows[2]
    assert owner["cik"] == "0001234567"
    assert owner["person_key"] == person.pk
    assert owner["name"] == "Patricia L. Higgins" and owner["name_raw"] == "HIGGINS PATRICIA L"
    assert owner["document"] is None and owner["effective_date"] is None


def test_json_lines_is_the_default_format_and_keeps_non_ascii(capsys):
    store(A1, ELECTED.replace("Patricia L. Higgins", "Zoë L. Brontë"))
    out = run_export(capsys, "events")
    assert "Zoë L. Brontë" in out
    assert jsonl(out)[0]["name"] == "Zoë L. Brontë"


def test_export_only_the_named_accessions(capsys, filings):
    rows = jsonl(run_export(capsys, "events", A2, FORM4))
    assert [r["accession"] for r in rows] == [A2, FORM4]
    assert jsonl(run_export(capsys, "events", "0000000000-00-000000")) == []


def test_accessions_may_come_before_or_after_the_options(capsys, filings):
    after = jsonl(run_export(capsys, "events", "--format", "jsonl", A2, FORM4))
    before = jsonl(run_export(capsys, "events", A2, FORM4, "--format", "jsonl"))
    between = jsonl(run_export(capsys, "events", A2, "--format", "jsonl", FORM4))
    assert [r["accession"] for r in after] == [A2, FORM4]
    assert after == before == between


def test_export_events_as_csv_to_a_file(capsys, filings, tmp_path):
    out = tmp_path / "events.csv"
    capsys.readouterr()
    call_command("export", "events", A1, "--format", "csv", "--out", str(out))
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"1 events rows written to {out}" in captured.err
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1
    assert EVENT_KEYS <= set(rows[0])
    row = rows[0]
    assert (row["accession"], row["event_type"], row["effective_date"]) == (
        A1,
        "elected",
        "2004-12-17",
    )
    assert row["evidence"] == ELECTED  # commas and all, quoted
    assert row["cik"] == "0001234567"  # the owner who took in the 8-K's name
    assert row["reviewed_by"] == row["corrected_role"] == ""  # None is an empty cell
    event = Event.objects.get(event_type="elected")
    assert (int(row["start"]), int(row["end"])) == (event.start, event.end)


def test_csv_and_json_lines_carry_the_same_rows(capsys, filings, tmp_path):
    out = tmp_path / "all.csv"
    call_command("export", "events", "--format", "csv", "--out", str(out))
    with out.open(newline="", encoding="utf-8") as fh:
        from_csv = list(csv.DictReader(fh))
    from_json = jsonl(run_export(capsys, "events"))
    assert len(from_csv) == len(from_json) == 3
    for c, j in zip(from_csv, from_json, strict=True):
        assert list(c) == list(j)  # same columns, same order
        assert c["accession"] == j["accession"] and c["evidence"] == j["evidence"]
        assert c["person_key"] == str(j["person_key"])


def test_call_command_captures_the_rows(filings):
    out = io.StringIO()
    call_command("export", "events", A1, stdout=out)
    assert [r["event_type"] for r in jsonl(out.getvalue())] == ["elected"]
    out = io.StringIO()
    call_command("export", "events", A1, "--format", "csv", stdout=out)
    assert [r["event_type"] for r in csv.DictReader(io.StringIO(out.getvalue()))] == ["elected"]


def test_csv_to_standard_output(capsys, filings):
    out = run_export(capsys, "events", A1, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["event_type"] for r in rows] == ["elected"]


def test_csv_of_nothing_still_has_its_header_row(filings, tmp_path):
    out = tmp_path / "none.csv"
    call_command("export", "events", "0000000000-00-000000", "--format", "csv", "--out", str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and EVENT_KEYS <= set(lines[0].split(","))
    for kind in ("organizations", "exhibits"):
        call_command("export", kind, "0000000000-00-000000", "--format", "csv", "--out", str(out))
        assert out.read_text(encoding="utf-8").splitlines() == [",".join(export.COLUMNS[kind])]


@pytest.mark.parametrize("kind", ["events", "organizations", "exhibits"])
def test_csv_columns_are_the_keys_of_the_rows(filings, kind):
    for row in export.ROWS[kind]():
        assert list(row) == export.COLUMNS[kind]


def apart(user) -> tuple[Person, Person]:
    """The name-only Higgins and the Form 4's owner, once the merge done at ingest is undone."""
    owner = Person.objects.get(cik=1234567)
    automatic = IdentityChange.objects.get(action="merge", person=owner, by=None)
    identity.undo(automatic, user)
    return Person.objects.get(cik=None, merged_into=None), owner


def test_merged_people_export_under_the_surviving_person(capsys, filings):
    user = User.objects.create_user("analyst")
    name_only, owner = apart(user)
    rows = jsonl(run_export(capsys, "events"))
    assert {r["person_key"] for r in rows} == {name_only.pk, owner.pk}
    identity.merge(owner, name_only, user)
    rows = jsonl(run_export(capsys, "events"))
    assert {r["person_key"] for r in rows} == {owner.pk}
    assert {r["cik"] for r in rows} == {"0001234567"}


def test_a_cik_merged_into_a_name_only_person_is_still_exported(capsys, filings):
    user = User.objects.create_user("analyst")
    name_only, owner = apart(user)
    identity.merge(name_only, owner, user)
    rows = jsonl(run_export(capsys, "events"))
    assert {r["person_key"] for r in rows} == {name_only.pk}
    # The person is the one CIK they have, whichever of them survived the merge.
    assert {r["cik"] for r in rows} == {"0001234567"}


def test_unknown_kind_is_refused(filings):
    with pytest.raises(CommandError):
        call_command("export", "people")


# --- organizations and exhibits --------------------------------------------------------------


def test_export_organizations(capsys, filings):
    rows = jsonl(run_export(capsys, "organizations", A1))
    assert rows and all(list(r) == ORGANIZATION_KEYS for r in rows)
    (internap,) = [r for r in rows if r["cik"] == "0001056386"]
    assert internap["name"] == "Internap Network Services Corporation"
    assert internap["normalized"] == "internap network services corp"
    assert internap["document"] == "1"
    assert internap["evidence"] == ELECTED
    text = Event.objects.get(event_type="elected").document.text
    assert text[internap["start"] : internap["end"]] == internap["name"]


def test_export_exhibits(capsys, filings):
    rows = jsonl(run_export(capsys, "exhibits", A1))
    assert rows == [
        {
            "accession": A1,
            "number": "99.1",
            "description": "PRESS RELEASE",
            "filed_here": True,
            "incorporated_by_reference": False,
            "source_form": None,
            "source_date": None,
            "source_accession": None,
            "document": "2",
            "linked_filing": None,
        }
    ]
    assert list(rows[0]) == EXHIBIT_KEYS


def test_exhibits_incorporated_by_reference_link_to_stored_filings(filings):
    from filings.models import Exhibit, Filing

    Exhibit.objects.create(
        filing=Filing.objects.get(pk=A2),
        number="10.1",
        description="Employment agreement",
        incorporated_by_reference=True,
        source_form="8-K",
        source_accession=A1,
    )
    Exhibit.objects.create(
        filing=Filing.objects.get(pk=A2),
        number="10.2",
        incorporated_by_reference=True,
        source_accession="0009999999-01-000001",
    )
    rows = {r["number"]: r for r in export.exhibit_rows([A2])}
    assert rows["10.1"]["linked_filing"] == A1 and rows["10.1"]["source_form"] == "8-K"
    assert rows["10.2"]["linked_filing"] is None  # not stored here
    assert rows["10.2"]["source_accession"] == "0009999999-01-000001"


# --- the JSON API ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["events", "organizations", "exhibits"])
def test_api_returns_the_rows_the_command_writes(client, capsys, filings, kind):
    command = jsonl(run_export(capsys, kind, A1))
    response = client.get(f"/api/{kind}.json", {"accession": A1})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"kind": kind, "rows": command, "next": None}
    everything = client.get(f"/api/{kind}.json").json()["rows"]
    assert everything == jsonl(run_export(capsys, kind))


def test_api_accession_is_repeatable(client, filings):
    rows = client.get(f"/api/events.json?accession={A2}&accession={FORM4}").json()["rows"]
    assert [r["accession"] for r in rows] == [A2, FORM4]


def test_api_unknown_kind_is_404(client, filings):
    assert client.get("/api/nonsense.json").status_code == 404
    assert client.get("/api/ROWS.json").status_code == 404


def test_api_is_read_only(client, filings):
    assert client.post("/api/events.json").status_code == 405


# --- the shared corpus ----------------------------------------------------------------------


@pytest.mark.skipif(not corpus_available(), reason="EDGAR corpus not found")
@pytest.mark.corpus
def test_internap_8k_export(capsys, client):
    assert ingest.ingest(read_corpus_file(f"{A1}.txt"), f"{A1}.txt").ok
    rows = jsonl(run_export(capsys, "events", A1))
    resigned = {r["name"]: r for r in rows if r["event_type"] == "resigned"}
    assert resigned["Robert D. Shurtleff Jr."]["effective_date"] == "2004-12-17"
    assert resigned["Robert D. Shurtleff Jr."]["disagreement"] is False
    assert resigned["Walter G. DeSocio"]["effective_date"] == "2005-01-02"
    exhibits = jsonl(run_export(capsys, "exhibits", A1))
    assert [(x["number"], x["document"], x["filed_here"]) for x in exhibits] == [
        ("99.1", "2", True)
    ]
    organizations = jsonl(run_export(capsys, "organizations", A1))
    assert any(o["cik"] == "0001056386" for o in organizations)
    assert client.get("/api/events.json", {"accession": A1}).json()["rows"] == rows
