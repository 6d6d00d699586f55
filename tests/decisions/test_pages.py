"""The panel and the review queue: states shown, decisions from a form or one click,
filters, ordering and counts."""

import pytest

from filings import decisions
from filings.models import EventDecision
from tests.decisions.helpers import event_of, reviewer, store_two, user
from tests.search.helpers import store

pytestmark = pytest.mark.django_db


@pytest.fixture
def filing():
    return store_two()


def test_the_panel_shows_each_events_state_and_reviewers_get_buttons(client, filing):
    alice = reviewer()
    decisions.decide(alice, event_of(filing, "Smith"), "rejected", reason="Not this filing")
    page = client.get(filing.get_absolute_url()).content.decode()
    assert "(extracted, nobody has decided)" in page
    assert "rejected</span> by alice" in page and "“Not this filing”" in page
    assert "Accept</button>" not in page  # anonymous readers see states, not buttons
    client.force_login(alice)
    page = client.get(filing.get_absolute_url()).content.decode()
    assert page.count("Accept</button>") == 2 and "Withdraw" in page


def test_accepting_from_the_panel_without_javascript(client, filing):
    alice = reviewer()
    client.force_login(alice)
    event = event_of(filing, "Higgins")
    url = f"/events/{event.pk}/review"
    response = client.post(
        url, {"state": "accepted", "version": 0, "next": filing.get_absolute_url()}
    )
    assert response.status_code == 302 and response["Location"] == filing.get_absolute_url()
    assert decisions.current(event).state == "accepted"
    # An htmx request gets the event's row back, changed.
    response = client.post(
        url, {"state": "rejected", "reason": "Wrong person", "version": 1}, HTTP_HX_REQUEST="true"
    )
    row = response.content.decode()
    assert response.status_code == 200 and row.lstrip().startswith(
        '<li class="event-row state-rejected"'
    )
    assert "“Wrong person”" in row


def test_a_correction_form_prefilled_with_the_extracted_facts(client, filing):
    client.force_login(reviewer())
    event = event_of(filing, "Smith")
    page = client.get(f"/events/{event.pk}/review?state=corrected").content.decode()
    assert 'value="Chief Financial Officer"' in page and 'value="John Smith"' in page
    response = client.post(
        f"/events/{event.pk}/review",
        {
            "state": "corrected",
            "version": 0,
            "event_type": "retired",
            "name": "John Smith",
            "role": "Chief Accounting Officer",
            "effective_date": "2005-01-31",
        },
    )
    assert response.status_code == 302
    decision = decisions.current(event)
    assert decision.state == "corrected" and decision.role == "Chief Accounting Officer"
    page = client.get(filing.get_absolute_url()).content.decode()
    assert "Chief Accounting Officer" in page and "effective 2005-01-31" in page


def test_readers_may_not_decide(client, filing):
    client.force_login(user("rita", "reader", "desk"))
    event = event_of(filing, "Higgins")
    assert client.post(f"/events/{event.pk}/review", {"state": "accepted"}).status_code == 403
    assert client.get(f"/events/{event.pk}/review").status_code == 403
    assert not EventDecision.objects.exists()
    client.logout()
    response = client.post(f"/events/{event.pk}/review", {"state": "accepted"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_stale_decision_is_refused_and_the_row_says_who(client, filing):
    decisions.decide(reviewer("bob"), event_of(filing, "Higgins"), "accepted")
    client.force_login(reviewer("alice"))
    event = event_of(filing, "Higgins")
    response = client.post(
        f"/events/{event.pk}/review",
        {"state": "rejected", "reason": "x", "version": 0},
        HTTP_HX_REQUEST="true",
    )
    assert "bob accepted this event after you opened it" in response.content.decode()
    assert decisions.current(event).state == "accepted"


def test_the_queue_lists_unreviewed_events_least_sure_first_with_counts(client, filing):
    other = store(
        7,
        sentence="Item 5.02</P><P>On May 1, 2004, Mary Major was appointed Chief Executive Officer.",
        company="OTHER CO",
        cik="0000000077",
    )
    alice = reviewer()
    decisions.decide(alice, event_of(filing, "Higgins"), "accepted")
    event_of(other, "Major").__class__.objects.filter(filing=other).update(link_confidence=0.4)
    page = client.get("/review/").content.decode()
    assert 'unreviewed <span class="count">2</span>' in page
    assert 'accepted <span class="count">1</span>' in page
    assert page.index("Mary Major") < page.index("John Smith")  # 0.4 before 1.0
    assert "Patricia L. Higgins" not in page
    assert "was appointed Chief Executive Officer" in page  # the sentence, in the row
    # Filters: by event type, company, form and state.
    assert "Mary Major" not in client.get("/review/?event_type=resigned").content.decode()
    only_other = client.get("/review/?company=77").content.decode()
    assert "Mary Major" in only_other and "John Smith" not in only_other
    accepted = client.get("/review/?state=accepted").content.decode()
    assert "Patricia L. Higgins" in accepted and "John Smith" not in accepted
    assert "Mary Major" not in client.get("/review/?confidence=0.3").content.decode()
    bad = client.get("/review/?confidence=abc&state=maybe").content.decode()
    assert "“abc”" in bad and "“maybe”" in bad


def test_a_guessed_reading_comes_first_in_the_queue_and_says_what_was_guessed(client, filing):
    """An event whose person link is sure but whose role was inferred is as unsure as its
    reading: the queue orders and filters by the lower of the two, and the row says why."""
    smith = event_of(filing, "Smith")
    type(smith).objects.filter(pk=smith.pk).update(
        confidence=0.6, guess="role taken from the person succeeded"
    )
    type(smith).objects.exclude(pk=smith.pk).update(link_confidence=0.8)
    page = client.get("/review/").content.decode()
    assert page.index("John Smith") < page.index("Patricia L. Higgins")  # 0.6 before 0.8
    assert "inferred: role taken from the person succeeded (0.60)" in page
    assert page.count("inferred") == 1  # the stated reading says nothing
    unsure = client.get("/review/?confidence=0.7").content.decode()
    assert "John Smith" in unsure and "Patricia L. Higgins" not in unsure
    assert "inferred: role taken" in client.get(filing.get_absolute_url()).content.decode()


def test_a_decisions_page_shows_its_history_and_no_plain_note_edit(client, filing):
    alice, bob = reviewer("alice"), reviewer("bob")
    event = event_of(filing, "Smith")
    decisions.decide(alice, event, "accepted")
    decision = decisions.decide(bob, event, "rejected", reason="Mentioned only", version=1)
    client.force_login(alice)
    page = client.get(decision.note.get_absolute_url()).content.decode()
    assert "rejected</span> by bob" in page and "“Mentioned only”" in page
    assert "created · accepted" in page and "edited · rejected (“Mentioned only”)" in page
    assert "<summary>Edit</summary>" not in page
    response = client.post(f"/notes/{decision.note_id}/delete")
    assert decisions.current(event) is not None  # still decided
    assert response.status_code in (302, 400)
