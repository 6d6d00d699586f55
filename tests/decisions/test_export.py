"""Decisions in the events export: each extracted event's review on its row, the events
analysts recorded as rows of their own, --reviewed-only and reviewed=1, and the 8-K Item
5.02 personnel changes (--format sec-api) against a written example."""

import csv
import datetime as dt
import io
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import User
from django.core import signing
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from filings import decisions, ingest
from filings.accuracy import EVENT_COLUMNS
from filings.decisions import Facts
from filings.export import event_rows
from filings.models import Annotation, Event, EventDecision, Filing, Item
from tests.annotations.helpers import target
from tests.decisions.helpers import ACC, event_of, reviewer, store_two, two_events
from tests.fixtures import submission
from tests.search.helpers import store

pytestmark = pytest.mark.django_db

A2, A3, A4, FORM4 = (
    "0001193125-05-000002",
    "0001193125-05-000003",
    "0001193125-05-000004",
    "0001234567-05-000001",
)
EXAMPLE = Path(__file__).with_name("sec_api_example.json")


def stored(acc, form="8-K", filed="20050301") -> Filing:
    result = ingest.ingest(two_events(acc=acc, form=form, filed=filed), f"{acc}.txt")
    assert result.ok, result.message
    return Filing.objects.get(pk=acc)


@pytest.fixture
def reviewed():
    """A1 (8-K): Higgins accepted, Smith corrected, a committee seat recorded.
    A2 (8-K/A, filed later): Higgins rejected, Smith unreviewed."""
    alice, bob = reviewer("alice"), reviewer("bob")
    a1, a2 = store_two(), stored(A2, "8-K/A")
    higgins = event_of(a1, "Higgins")
    decisions.decide(alice, higgins, "accepted")
    corrected = Facts(
        "retired",
        "John Q. Smith",
        role="Chief Accounting Officer",
        organization="Internap",
        effective_immediately=True,
    )
    decisions.decide(bob, event_of(a1, "Smith"), "corrected", facts=corrected)
    seat = Facts(
        "named-to-committee",
        "Patricia L. Higgins",
        role="Audit Committee",
        person=higgins.person,
        effective_date=dt.date(2005, 1, 1),
    )
    decisions.record_event(alice, target(a1, "Patricia L. Higgins"), seat)
    decisions.decide(bob, event_of(a2, "Higgins"), "rejected", reason="She was re-elected")
    return a1, a2


def export(*args) -> str:
    out = io.StringIO()
    call_command("export", "events", *args, stdout=out)
    return out.getvalue()


def jsonl(text) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def api(client, **params) -> list[dict]:
    response = client.get("/api/events.json", {"limit": 1000, **params})
    assert response.status_code == 200, response.content
    return response.json()["rows"]


def walk(client, limit, **params) -> list[dict]:
    page = client.get("/api/events.json", {"limit": limit, **params}).json()
    found = list(page["rows"])
    while page["next"]:
        assert len(page["rows"]) == limit
        page = client.get(page["next"]).json()
        found += page["rows"]
    return found


def decision_on(event) -> EventDecision:
    return decisions.current(event)


def who(username) -> User:
    return User.objects.get(username=username)


# --- review keys on event rows ---------------------------------------------------------------


def test_each_row_carries_its_events_review(reviewed):
    a1, a2 = reviewed
    rows = jsonl(export())
    assert all(list(row) == EVENT_COLUMNS for row in rows)
    assert [(r["accession"], r["name"], r["review_state"]) for r in rows] == [
        (ACC, "Patricia L. Higgins", "accepted"),
        (ACC, "John Smith", "corrected"),
        (A2, "Patricia L. Higgins", "rejected"),
        (A2, "John Smith", "unreviewed"),
        # The recorded events come after the extracted ones.
        (ACC, "Patricia L. Higgins", "recorded"),
    ]
    accepted, corrected, rejected, unreviewed, recorded = rows
    unset = dict.fromkeys(EVENT_COLUMNS[EVENT_COLUMNS.index("review_reason") :])
    higgins = decision_on(event_of(a1, "Higgins"))
    assert accepted == accepted | unset | {
        "event_type": "elected",  # the extractor's facts stay as they are
        "reviewed_by": "alice",
        "reviewed_at": higgins.decided_at.isoformat(),
    }
    assert corrected == corrected | {
        "event_type": "resigned",
        "role": "Chief Financial Officer",
        "reviewed_by": "bob",
        "review_reason": None,
        "corrected_event_type": "retired",
        "corrected_name": "John Q. Smith",
        "corrected_role": "Chief Accounting Officer",
        "corrected_organization": "Internap",
        "corrected_effective_date": None,
        "corrected_effective_immediately": True,
    }
    assert rejected == rejected | unset | {
        "reviewed_by": "bob",
        "review_reason": "She was re-elected",
    }
    assert unreviewed == unreviewed | unset | {"reviewed_by": None, "reviewed_at": None}


def test_a_recorded_event_is_a_row_of_the_analysts_facts(reviewed):
    a1, _ = reviewed
    recorded = jsonl(export())[-1]
    decision = EventDecision.objects.get(state="recorded")
    person = event_of(a1, "Higgins").person
    text = a1.documents.get(position=0).text
    assert recorded == {
        "accession": ACC,
        "document": "1",
        "name_raw": None,
        "name": "Patricia L. Higgins",
        "person_key": person.pk,
        "cik": None,
        "event_type": "named-to-committee",
        "role": "Audit Committee",
        "organization": None,
        "effective_date": "2005-01-01",
        "disagreement": None,
        "evidence": "Patricia L. Higgins",  # the passage it was recorded on
        "start": text.index("Patricia L. Higgins"),
        "end": text.index("Patricia L. Higgins") + len("Patricia L. Higgins"),
        "source": None,
        "link_confidence": None,
        "link_reason": None,
        "confidence": None,
        "guess": None,
        "review_state": "recorded",
        "reviewed_by": "alice",
        "reviewed_at": decision.decided_at.isoformat(),
        "review_reason": None,
        "corrected_event_type": "named-to-committee",
        "corrected_name": "Patricia L. Higgins",
        "corrected_role": "Audit Committee",
        "corrected_organization": None,
        "corrected_effective_date": "2005-01-01",
        "corrected_effective_immediately": False,
    }


def test_a_recorded_event_names_its_document_as_the_extracted_ones_do(reviewed):
    a1, _ = reviewed
    # A document whose sequence is no number is p<N> in URLs and notes.
    a1.documents.filter(position=0).update(sequence="A")
    Annotation.objects.filter(kind=Annotation.EVENT).update(document_slug="p1")
    assert {r["document"] for r in jsonl(export(ACC))} == {"A"}


def test_a_withdrawn_decision_is_no_review(reviewed):
    a1, _ = reviewed
    alice = who("alice")
    decisions.withdraw(alice, decision_on(event_of(a1, "Higgins")))
    decisions.withdraw(alice, EventDecision.objects.get(state="recorded"))
    rows = jsonl(export(ACC))
    assert [(r["name"], r["review_state"], r["reviewed_by"]) for r in rows] == [
        ("Patricia L. Higgins", "unreviewed", None),
        ("John Smith", "corrected", "bob"),
    ]


def test_reviewed_only(client, reviewed):
    rows = jsonl(export("--reviewed-only"))
    assert [r["review_state"] for r in rows] == ["accepted", "corrected", "rejected", "recorded"]
    assert api(client, reviewed="1") == rows
    assert api(client, reviewed="true") == rows
    assert [r["review_state"] for r in jsonl(export(A2, "--reviewed-only"))] == ["rejected"]
    assert len(api(client, reviewed="0")) == 5
    error = client.get("/api/events.json", {"reviewed": "yes"}).json()["error"]
    assert error["code"] == "bad-parameter" and "reviewed" in error["message"]
    with pytest.raises(CommandError, match="for events"):
        call_command("export", "exhibits", "--reviewed-only", stdout=io.StringIO())


def test_csv_has_the_review_columns(reviewed):
    rows = list(csv.DictReader(io.StringIO(export("--format", "csv"))))
    assert [list(r) for r in rows] == [EVENT_COLUMNS] * 5
    recorded = rows[-1]
    assert (recorded["review_state"], recorded["name_raw"], recorded["source"]) == (
        "recorded",
        "",
        "",
    )
    assert rows[1]["corrected_effective_immediately"] == "True"


# --- the API ---------------------------------------------------------------------------------


def test_the_api_serves_the_rows_the_command_writes(client, reviewed):
    assert api(client) == jsonl(export())
    assert api(client, accession=A2) == jsonl(export(A2))
    # Recorded events follow the filters of the extracted ones.
    assert [r["review_state"] for r in api(client, form="8-K")][-1] == "recorded"
    assert [r["review_state"] for r in api(client, filed_from="2005-01-01")] == [
        "rejected",
        "unreviewed",
    ]
    higgins = event_of(Filing.objects.get(pk=ACC), "Higgins").person
    assert [r["review_state"] for r in api(client, person=higgins.pk)] == [
        "accepted",
        "rejected",
        "recorded",
    ]


@pytest.mark.parametrize("limit", [1, 2, 4, 5])
def test_pages_walk_from_extracted_into_recorded_events(client, reviewed, limit):
    assert walk(client, limit) == api(client)
    assert walk(client, limit, reviewed="1") == api(client, reviewed="1")


def test_a_cursor_into_the_recorded_events(client, reviewed):
    a1, _ = reviewed
    decisions.record_event(who("bob"), target(a1, "John Smith"), Facts("died", "John Smith"))
    page = client.get("/api/events.json", {"limit": 5}).json()
    assert [r["review_state"] for r in page["rows"]][-2:] == ["unreviewed", "recorded"]
    token = parse_qs(urlsplit(page["next"]).query)["cursor"][0]
    assert signing.loads(token, salt="api:events")["part"] == 1
    page = client.get(page["next"]).json()
    assert [(r["review_state"], r["event_type"]) for r in page["rows"]] == [("recorded", "died")]
    assert page["next"] is None
    # Cursors belong to their endpoint, and name a part it has with a key of its length.
    assert client.get("/api/filings.json", {"cursor": token}).status_code == 400
    for made_up in ({"part": 2, "key": [1]}, {"part": 1, "key": [1]}, {"part": "1", "key": []}):
        forged = signing.dumps(made_up, salt="api:events", compress=True)
        response = client.get("/api/events.json", {"cursor": forged})
        assert response.status_code == 400, made_up
        assert response.json()["error"]["code"] == "bad-parameter"


def test_one_query_for_the_decisions_of_a_page(client, reviewed):
    def decision_queries():
        with CaptureQueriesContext(connection) as captured:
            api(client)
        return [q for q in captured if "filings_eventdecision" in q["sql"]]

    before = decision_queries()
    # The events page and the recorded events: one query each.
    assert len(before) == 2
    a3 = stored(A3)
    alice = who("alice")
    for name in ("Higgins", "Smith"):
        decisions.decide(alice, event_of(a3, name), "accepted")
    decisions.record_event(alice, target(a3, "John Smith"), Facts("died", "John Smith"))
    assert len(decision_queries()) == len(before)


# --- 8-K Item 5.02 personnel changes ---------------------------------------------------------


@pytest.fixture
def item_502_filings(reviewed):
    """Besides A1 and A2: an 8-K without Item 5.02 whose one change was rejected (not
    listed), an 8-K with Item 5.02 but no change extracted (listed, empty), and a Form 4
    (not an 8-K)."""
    a3 = stored(A3, filed="20050401")
    a3.items.filter(code="5.02").delete()
    decisions.decide(who("bob"), event_of(a3, "Higgins"), "rejected", reason="no")
    event_of(a3, "Smith").delete()
    Event.objects.filter(filing=stored(A4, filed="20050501")).delete()
    form4 = submission(acc=FORM4, form="4", owners=[("HIGGINS PATRICIA L", "1234567")])
    assert ingest.ingest(form4, "form4.txt").ok
    assert Item.objects.filter(filing_id=A4, code="5.02").exists()


def test_sec_api_personnel_changes_match_the_written_example(item_502_filings):
    written = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert jsonl(export("--format", "sec-api")) == written
    assert jsonl(export("--format", "sec-api", A2)) == [written[1]]


def test_sec_api_reviewed_only_keeps_the_reviewed_changes(item_502_filings):
    a1 = json.loads(EXAMPLE.read_text(encoding="utf-8"))[0]
    # A2's one change left is unreviewed, and A4 names none: neither is listed.
    assert jsonl(export("--format", "sec-api", "--reviewed-only")) == [a1]


def test_sec_api_is_for_events_only(reviewed):
    with pytest.raises(CommandError, match="not sec-api"):
        call_command("export", "exhibits", "--format", "sec-api", stdout=io.StringIO())


def test_an_inferred_reading_is_stored_exported_and_kept_by_reextract():
    filing = store(
        31,
        sentence="Item 5.02</P><P>On May 2, 2025, Ines Kahn resigned as Treasurer. On the same "
        "day the Board appointed Pia Lund to succeed Ms. Kahn.",
    )
    lund = Event.objects.get(filing=filing, name="Pia Lund")
    assert (lund.role, lund.confidence) == ("Treasurer", 0.6)
    assert lund.guess == "position taken from the person succeeded"
    rows = {r["name"]: r for r in event_rows([filing.accession])}
    assert rows["Pia Lund"]["confidence"] == 0.6 and rows["Ines Kahn"]["confidence"] == 1.0
    assert rows["Pia Lund"]["guess"] == "position taken from the person succeeded"
    Event.objects.filter(pk=lund.pk).update(confidence=1.0, guess="")  # as an older store
    call_command("reextract", verbosity=0)
    assert Event.objects.get(filing=filing, name="Pia Lund").confidence == 0.6
