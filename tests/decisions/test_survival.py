"""Decisions survive re-extraction, re-parsing and new versions of their filing: they
follow the event they were made on, a rejected event stays rejected, and a decision
whose event is gone is kept and listed."""

import dataclasses

import pytest
from django.core.management import call_command

from filings import decisions, ingest
from filings.models import Annotation, EventDecision, Filing
from tests.decisions.helpers import ACC, SENTENCES, event_of, reviewer, store_two, two_events

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided():
    filing = store_two()
    alice = reviewer()
    accepted = decisions.decide(alice, event_of(filing, "Higgins"), "accepted")
    rejected = decisions.decide(alice, event_of(filing, "Smith"), "rejected", reason="wrong")
    return filing, accepted, rejected


def states(filing):
    """Each extracted event's name and review state."""
    out = {}
    for event in Filing.objects.get(pk=filing.pk).events.all():
        decision = decisions.current(event)
        out[event.name] = decision.state if decision else "unreviewed"
    return out


def test_reextract_with_an_extractor_that_moves_spans(decided, monkeypatch):
    filing, accepted, rejected = decided
    old_events = set(filing.events.values_list("pk", flat=True))
    extract = ingest.extract

    def wider_spans(sub, texts):
        # A new extractor that reads one more word before each sentence.
        found = extract(sub, texts)
        moved = tuple(
            dataclasses.replace(e, start=e.start - 5, evidence=texts[0][e.start - 5 : e.end])
            for e in found.events
        )
        return dataclasses.replace(found, events=moved)

    monkeypatch.setattr(ingest, "extract", wider_spans)
    call_command("reextract", ACC)
    assert not old_events & set(filing.events.values_list("pk", flat=True))
    assert states(filing) == {"Patricia L. Higgins": "accepted", "John Smith": "rejected"}
    assert not EventDecision.objects.lost().exists()
    # The rejected event the extractor found again is not resurrected as unreviewed.
    higgins = event_of(filing, "Higgins")
    assert EventDecision.objects.get(pk=accepted.pk).event == higgins


def test_reparse_keeps_every_decision():
    filing = store_two()
    alice = reviewer()
    decisions.decide(alice, event_of(filing, "Higgins"), "accepted")
    call_command("reparse", ACC)
    assert states(filing)["Patricia L. Higgins"] == "accepted"


def test_a_new_version_that_moves_the_text(decided):
    filing, accepted, rejected = decided
    moved = SENTENCES.replace(
        "On December 17", "The Company held its annual meeting on December 1. On December 17"
    )
    result = ingest.ingest(two_events(sentence=moved), "v2.txt")
    assert result.ok and Filing.objects.get(pk=filing.pk).version == 2, result.message
    assert states(filing) == {"Patricia L. Higgins": "accepted", "John Smith": "rejected"}
    note = Annotation.objects.get(pk=accepted.note_id)
    assert note.anchor_state == "relocated"
    higgins = event_of(filing, "Higgins")
    assert (note.start, note.end) == (higgins.start, higgins.end)


def test_a_decision_whose_event_is_gone_is_listed_not_dropped(decided):
    filing, accepted, rejected = decided
    without_smith = SENTENCES.split(" On December 20")[0]
    assert ingest.ingest(two_events(sentence=without_smith), "v2.txt").ok
    assert states(filing) == {"Patricia L. Higgins": "accepted"}
    lost = EventDecision.objects.lost().get()
    assert lost.pk == rejected.pk and lost.state == "rejected" and lost.reason == "wrong"
    assert lost.proposed["name"] == "John Smith"
    # The sentence comes back in a later version: so does the decision.
    back = SENTENCES.replace("On December 17", "Also: on December 17")
    assert ingest.ingest(two_events(sentence=back), "v3.txt").ok
    assert states(filing) == {"Patricia L. Higgins": "accepted", "John Smith": "rejected"}
    assert not EventDecision.objects.lost().exists()


def test_an_event_of_another_person_in_the_same_sentence_does_not_take_a_decision(decided):
    filing, accepted, rejected = decided
    renamed = SENTENCES.replace("John Smith", "Jane Doe")
    assert ingest.ingest(two_events(sentence=renamed), "v2.txt").ok
    assert states(filing) == {"Patricia L. Higgins": "accepted", "Jane Doe": "unreviewed"}
    assert EventDecision.objects.lost().get().pk == rejected.pk
