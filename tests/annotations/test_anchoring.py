"""Re-anchoring: notes follow their quote when a document's text changes (a new version,
reparse or resanitize), are relocated or orphaned visibly, and are never lost."""

import hashlib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from filings import annotations, ingest
from filings.models import ANCHORED, ORPHANED, RELOCATED, Annotation, Document
from tests.annotations.helpers import SENTENCE, main_document, store, target, user
from tests.fixtures import submission

pytestmark = pytest.mark.django_db


def set_text(doc: Document, text: str) -> None:
    doc.text, doc.text_hash = text, hashlib.sha256(text.encode()).hexdigest()
    doc.save(update_fields=["text", "text_hash"])


@pytest.fixture
def note():
    filing = store()
    return annotations.create(user("alice", "analyst"), target(filing), body="x")


def test_an_unchanged_text_keeps_every_note_exactly(note):
    counts = annotations.reanchor(note.filing)
    assert counts == {ANCHORED: 1, RELOCATED: 0, ORPHANED: 0}
    assert Annotation.objects.get(pk=note.pk).start == note.start


def test_a_new_version_that_shifts_the_text_relocates_the_note_onto_its_quote(note):
    shifted = "A new opening paragraph was added to this version. " + SENTENCE
    result = ingest.ingest(submission(sentence=shifted), "v2.txt")
    assert result.status == ingest.UPDATED
    moved = Annotation.objects.get(pk=note.pk)
    doc = main_document(moved.filing)
    assert moved.anchor_state == RELOCATED
    assert doc.text[moved.start : moved.end] == "Patricia L. Higgins"
    assert (moved.previous_start, moved.previous_end) == (note.start, note.end)
    assert moved.text_hash == doc.text_hash


def test_a_reworded_passage_is_found_fuzzily_near_where_it_was(note):
    doc = main_document(note.filing)
    set_text(doc, doc.text.replace("Patricia L. Higgins", "Patricia L Higgins"))
    assert annotations.reanchor(note.filing)[RELOCATED] == 1
    moved = Annotation.objects.get(pk=note.pk)
    assert doc.text[moved.start : moved.end].startswith("Patricia L")


def test_a_passage_that_is_gone_orphans_the_note_which_comes_back_with_its_text(note):
    doc = main_document(note.filing)
    original = doc.text
    set_text(doc, "Nothing of the sort is said here any more. " * 3)
    assert annotations.reanchor(note.filing)[ORPHANED] == 1
    orphan = Annotation.objects.get(pk=note.pk)
    assert orphan.anchor_state == ORPHANED and orphan.exact == "Patricia L. Higgins"
    set_text(doc, original)
    assert annotations.reanchor(note.filing)[ANCHORED] == 1
    assert Annotation.objects.get(pk=note.pk).start == note.start


def test_a_document_missing_from_a_new_version_orphans_its_notes(note):
    exhibit = note.filing.documents.get(position=1)
    other = annotations.create(
        user("bob", "analyst"), target(note.filing, "Press release", doc=exhibit), body="y"
    )
    data = submission(sentence=SENTENCE, image=None).decode()
    data = re.sub(r"<DOCUMENT>\n<TYPE>EX-99\.1.*?</DOCUMENT>\n", "", data, flags=re.S)
    result = ingest.ingest(data.encode(), "one-doc.txt", replace_complete=True)
    assert result.status == ingest.UPDATED
    assert Annotation.objects.get(pk=other.pk).anchor_state == ORPHANED
    assert Annotation.objects.get(pk=note.pk).anchor_state == ANCHORED
    assert Annotation.objects.count() == 2  # never deleted


WORDS = st.sampled_from(["the", "Board", "elected", "Ms.", "a", "director", "on", "2004", ","])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    before=st.lists(WORDS, max_size=30).map(" ".join),
    after=st.lists(WORDS, max_size=30).map(" ".join),
    noise=st.lists(st.tuples(st.integers(0, 10_000), WORDS), max_size=5),
)
def test_random_edits_around_a_passage_never_lose_the_note(note, before, after, noise):
    doc = main_document(note.filing)
    # Each example starts from the note as it was made (the fixture is shared).
    text = Document.objects.get(pk=doc.pk).text if not hasattr(note, "original") else note.original
    note.original = text
    set_text(doc, text)
    Annotation.objects.filter(pk=note.pk).update(
        start=note.start, end=note.end, text_hash=doc.text_hash, anchor_state=ANCHORED
    )
    for at, word in noise:  # edits anywhere but inside the quote
        at = at % (len(text) + 1)
        quote = text.find("Patricia L. Higgins")
        if quote <= at <= quote + len("Patricia L. Higgins"):
            continue
        text = text[:at] + word + text[at:]
    quote_at = text.find("Patricia L. Higgins")
    set_text(doc, before + text[:quote_at] + text[quote_at:] + after)
    annotations.reanchor(note.filing)
    placed = Annotation.objects.get(pk=note.pk)
    assert placed.anchor_state in (ANCHORED, RELOCATED)
    assert doc.text[placed.start : placed.end] == "Patricia L. Higgins"


def test_a_quote_whose_white_space_was_laid_out_anew_is_placed_on_the_same_characters(note):
    doc = main_document(note.filing)
    set_text(doc, doc.text.replace("Patricia L. Higgins", "Patricia\n   L.\tHiggins"))
    assert annotations.reanchor(note.filing)[RELOCATED] == 1
    moved = Annotation.objects.get(pk=note.pk)
    assert doc.text[moved.start : moved.end] == "Patricia\n   L.\tHiggins"
