"""Who may decide on events, through every review endpoint: a generated matrix.

The rules (from the product spec, written here rather than read from the code):
- Analysts and admins accept, correct, reject and withdraw; a decision is the event's
  shared state, so any of them may change or withdraw another's.
- Readers see the states and the queue, never the buttons, and every write they send is
  a 403 that changes nothing. Anonymous writes go to the login page.
- With public reading off, every review page needs login too.
- Every write needs its CSRF token; the withdraw endpoint answers GET with 405.

- The same for recording an event and for mentions, flags (on a passage or a header-vs-
  document difference) and exhibit links: analysts and admins write and withdraw them.

Cells: 14 endpoints x 5 actors x 2 reading modes = 140, plus 4 CSRF and method cells.
"""

from itertools import product

import pytest
from django.test import Client

from filings import decisions, links
from filings.models import (
    Annotation,
    AnnotationVersion,
    Event,
    EventDecision,
    PassageLink,
    PersonOverride,
)
from tests.annotations.helpers import target
from tests.decisions.helpers import event_of, reviewer, store_two, user
from tests.decisions.test_record import selection

pytestmark = pytest.mark.django_db

ACTORS = ("anonymous", "reader", "analyst", "other_analyst", "admin")
DECIDERS = {"analyst", "other_analyst", "admin"}
ENDPOINTS = (
    "accept",
    "reject",
    "correct",
    "form",
    "withdraw",
    "queue",
    "record-form",
    "record",
    "mention",
    "flag",
    "flag-fact",
    "exhibit",
    "link-form",
    "link-withdraw",
)
WRITES = {
    "accept",
    "reject",
    "correct",
    "withdraw",
    "record",
    "mention",
    "flag",
    "flag-fact",
    "exhibit",
    "link-withdraw",
}
FORMS = {"form", "record-form", "link-form"}


@pytest.fixture
def world():
    filing = store_two()
    people = {
        "anonymous": None,
        "reader": user("rita", "reader", "desk"),
        "analyst": reviewer("alice"),
        "other_analyst": user("olga", "analyst", "floor"),
        "admin": user("adam", "admin", "desk"),
    }
    # A decision to withdraw, made by the analyst on the second event, and a flag.
    decided = decisions.decide(people["analyst"], event_of(filing, "Smith"), "accepted")
    links.flag(people["analyst"], filing, target(filing, "December 20, 2004"), "zqflag")
    filing.cover_differences = [
        {"label": "Company name", "header_value": "A", "document_value": "B"}
    ]
    filing.save(update_fields=["cover_differences"])
    return filing, people, decided


def request(client, endpoint, filing, decided):
    higgins = event_of(filing, "Higgins")
    review = f"/events/{higgins.pk}/review"
    if endpoint == "accept":
        return client.post(review, {"state": "accepted", "version": 0})
    if endpoint == "reject":
        return client.post(review, {"state": "rejected", "reason": "zqreason", "version": 0})
    if endpoint == "correct":
        facts = {"event_type": "appointed", "name": "P. Higgins", "role": "Chair"}
        return client.post(review, {"state": "corrected", "version": 0, **facts})
    if endpoint == "form":
        return client.get(f"{review}?state=corrected")
    if endpoint == "withdraw":
        return client.post(f"/decisions/{decided.pk}/withdraw")
    if endpoint == "queue":
        return client.get("/review/?state=all")
    document = f"/filings/{filing.accession}/1"
    passage = selection(filing, "Patricia L. Higgins")
    if endpoint == "record-form":
        return client.get(f"{document}/events", passage)
    if endpoint == "record":
        facts = {"event_type": "named-to-committee", "name": "Patricia L. Higgins"}
        return client.post(f"{document}/events", {**passage, **facts})
    if endpoint == "link-form":
        return client.get(f"{document}/links", {"kind": "flag", **passage})
    if endpoint == "mention":
        return client.post(f"{document}/links", {"kind": "mention", **passage})
    if endpoint == "flag":
        return client.post(f"{document}/links", {"kind": "flag", "reason": "zq", **passage})
    if endpoint == "exhibit":
        exhibit = {"kind": "exhibit", "accession": filing.accession, "document": "2"}
        return client.post(f"{document}/links", {**exhibit, **passage})
    if endpoint == "flag-fact":
        return client.post(
            f"/filings/{filing.accession}/flags", {"fact": "Company name", "reason": "zq"}
        )
    link = PassageLink.objects.get()
    return client.post(f"/links/{link.pk}/withdraw")


def expected(endpoint, actor, public) -> int:
    if actor == "anonymous":
        return 200 if endpoint == "queue" and public else 302
    if endpoint == "queue":
        return 200
    if actor == "reader":
        return 403
    return 200 if endpoint in FORMS else 302


def written(filing) -> tuple:
    """Everything a write could change."""
    return (
        sorted(EventDecision.objects.values_list("pk", "state", "event_id", "reason")),
        sorted(EventDecision.objects.live().values_list("pk", flat=True)),
        sorted(Annotation.objects.values_list("pk", "deleted_at")),
        sorted(Event.objects.values_list("pk", "person_id")),
        sorted(PersonOverride.objects.values_list("pk", "person_id")),
        AnnotationVersion.objects.count(),
    )


@pytest.mark.parametrize(
    "endpoint, actor, public",
    list(product(ENDPOINTS, ACTORS, (True, False))),
    ids=lambda v: v if isinstance(v, str) else ("public" if v else "login-only"),
)
def test_cell(settings, world, endpoint, actor, public):
    filing, people, decided = world
    if not public:
        settings.MIDDLEWARE = [
            *settings.MIDDLEWARE[:-1],
            "filings.access.LoginRequired",
            settings.MIDDLEWARE[-1],
        ]
    client = Client()
    if people[actor] is not None:
        client.force_login(people[actor])
    before = written(filing)
    response = request(client, endpoint, filing, decided)
    status = expected(endpoint, actor, public)
    assert response.status_code == status, response.content[:300]
    if status == 302 and actor == "anonymous":
        assert response["Location"].startswith("/accounts/login/")
    body = response.content.decode()
    if endpoint == "queue" and status == 200:
        # States for everyone; buttons only for those who may decide.
        assert "accepted</span> by alice" in body
        assert ("Accept</button>" in body) == (actor in DECIDERS)
    if endpoint in WRITES and not (actor in DECIDERS and status == 302):
        assert written(filing) == before  # a refused write changes nothing
    if endpoint in WRITES and actor in DECIDERS:
        assert written(filing) != before
    if endpoint in {"accept", "reject", "correct", "withdraw"} and actor in DECIDERS:
        higgins = decisions.current(event_of(filing, "Higgins"))
        if endpoint == "withdraw":
            assert decisions.current(event_of(filing, "Smith")) is None
        else:
            assert higgins.decided_by == people[actor]
            assert higgins.state == {"accept": "accepted", "reject": "rejected"}.get(
                endpoint, "corrected"
            )


@pytest.mark.parametrize("endpoint", ["accept", "withdraw"])
def test_writes_need_their_csrf_token(world, endpoint):
    filing, people, decided = world
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["analyst"])
    before = written(filing)
    assert request(client, endpoint, filing, decided).status_code == 403
    assert written(filing) == before


def test_withdraw_answers_get_with_405(world):
    filing, people, decided = world
    client = Client()
    client.force_login(people["analyst"])
    assert client.get(f"/decisions/{decided.pk}/withdraw").status_code == 405
    assert decisions.current(event_of(filing, "Smith")) is not None


def test_a_withdrawn_decision_cannot_be_withdrawn_again(world):
    filing, people, decided = world
    client = Client()
    client.force_login(people["analyst"])
    assert client.post(f"/decisions/{decided.pk}/withdraw").status_code == 302
    assert client.post(f"/decisions/{decided.pk}/withdraw").status_code == 404
