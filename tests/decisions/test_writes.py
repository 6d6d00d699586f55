"""Accepting, correcting, rejecting and recording events, and the rules they keep."""

import datetime as dt

import pytest

from filings import decisions
from filings.annotations import AnnotationError
from filings.decisions import Facts
from filings.models import Annotation, AnnotationVersion, EventDecision
from tests.annotations.helpers import target
from tests.decisions.helpers import event_of, reviewer, store_two, user

pytestmark = pytest.mark.django_db


@pytest.fixture
def filing():
    return store_two()


def test_accepting_pins_the_decision_to_the_evidence_sentence(filing):
    alice = reviewer()
    event = event_of(filing, "Higgins")
    decision = decisions.decide(alice, event, "accepted")
    assert decision.state == "accepted" and decision.event == event
    assert decision.decided_by == alice and decision.decided_at is not None
    note = decision.note
    assert note.kind == Annotation.EVENT and note.visibility == "public"
    assert note.exact == event.evidence and (note.start, note.end) == (event.start, event.end)
    assert decision.proposed["name"] == "Patricia L. Higgins"
    assert decision.facts()["event_type"] == "elected"
    version = note.versions.get()
    assert version.action == "created" and version.decision["state"] == "accepted"


def test_a_rejection_needs_a_reason_and_keeps_it(filing):
    alice = reviewer()
    event = event_of(filing, "Smith")
    with pytest.raises(AnnotationError, match="needs a reason"):
        decisions.decide(alice, event, "rejected", reason="  ")
    assert not EventDecision.objects.exists() and not Annotation.objects.exists()
    decision = decisions.decide(alice, event, "rejected", reason="He moved to COO, see 8-K/A")
    assert decision.reason == "He moved to COO, see 8-K/A"


def test_a_correction_keeps_the_analysts_facts_beside_the_extracted_ones(filing):
    alice = reviewer()
    event = event_of(filing, "Smith")
    facts = Facts(
        event_type="retired",
        name="John Q. Smith",
        role="Chief Accounting Officer",
        effective_date=dt.date(2005, 1, 31),
    )
    decision = decisions.decide(alice, event, "corrected", facts=facts)
    assert decision.facts() == {
        "event_type": "retired",
        "name": "John Q. Smith",
        "role": "Chief Accounting Officer",
        "organization": "",
        "effective_date": "2005-01-31",
    }
    assert decision.proposed["role"] == "Chief Financial Officer"
    with pytest.raises(AnnotationError, match="not 'fired'"):
        decisions.decide(alice, event_of(filing, "Higgins"), "corrected", facts=Facts("fired", "X"))
    both = Facts(
        "elected", "P. Higgins", effective_date=dt.date(2005, 1, 1), effective_immediately=True
    )
    with pytest.raises(AnnotationError, match="immediately or on a date"):
        decisions.decide(alice, event_of(filing, "Higgins"), "corrected", facts=both)
    with pytest.raises(AnnotationError, match="Name the person"):
        decisions.decide(
            alice, event_of(filing, "Higgins"), "corrected", facts=Facts("elected", " ")
        )


def test_only_analysts_decide(filing):
    event = event_of(filing, "Higgins")
    for who in (user("rita", "reader", "desk"), user("nobody", "reader")):
        with pytest.raises(AnnotationError, match="Only analysts") as caught:
            decisions.decide(who, event, "accepted")
        assert caught.value.status == 403
    assert not EventDecision.objects.exists()


def test_a_decision_made_meanwhile_is_not_overwritten(filing):
    alice, bob = reviewer("alice"), reviewer("bob")
    event = event_of(filing, "Higgins")
    decisions.decide(alice, event, "accepted")
    with pytest.raises(AnnotationError, match="alice accepted this event after you opened it") as e:
        decisions.decide(bob, event, "rejected", reason="not elected", version=0)
    assert e.value.status == 409
    # Bob reloads, sees version 1, and changes it: one decision, two versions.
    changed = decisions.decide(bob, event, "rejected", reason="not elected", version=1)
    assert EventDecision.objects.get() == changed and changed.decided_by == bob
    history = AnnotationVersion.objects.filter(annotation=changed.note).order_by("number")
    assert [(v.action, v.by.username, v.decision["state"]) for v in history] == [
        ("created", "alice", "accepted"),
        ("edited", "bob", "rejected"),
    ]


def test_withdrawing_makes_the_event_unreviewed_again(filing):
    alice = reviewer()
    event = event_of(filing, "Higgins")
    decision = decisions.decide(alice, event, "accepted")
    decisions.withdraw(alice, decision)
    assert decisions.current(event) is None
    again = decisions.decide(alice, event, "rejected", reason="duplicate")
    assert again.pk != decision.pk and decisions.current(event) == again
    with pytest.raises(AnnotationError, match="already withdrawn"):
        decisions.withdraw(alice, EventDecision.objects.get(pk=decision.pk))


def test_recording_a_missed_event_on_a_passage(filing):
    alice = reviewer()
    passage = target(filing, "On December 17, 2004, the Board elected Ms. Patricia L. Higgins")
    recorded = decisions.record_event(
        alice, passage, Facts("named-to-committee", "Patricia L. Higgins", role="Audit Committee")
    )
    assert recorded.state == "recorded" and recorded.note.exact == passage.exact
    # The extractor's own "elected" event there is another event: it stays unreviewed.
    assert recorded.event is None
    assert decisions.current(event_of(filing, "Higgins")) is None
    assert not EventDecision.objects.lost().exists()


def test_a_correction_names_a_stored_company_when_it_can(filing):
    alice = reviewer()
    facts = Facts("appointed", "John Smith", organization="Internap Network Services Corporation")
    decision = decisions.decide(alice, event_of(filing, "Smith"), "corrected", facts=facts)
    assert decision.company_id == 1056386
    other = Facts("appointed", "John Smith", organization="Some Private Fund LP")
    decision = decisions.decide(
        alice, event_of(filing, "Smith"), "corrected", facts=other, version=1
    )
    assert decision.company is None and decision.organization == "Some Private Fund LP"
