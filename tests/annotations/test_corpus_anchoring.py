"""Notes on every kind of corpus document (HTML, iXBRL, plain text, XML renderings) stay
on their passage through a resanitize with a changed allow-list, a re-render that shifts
the text, and a new version whose documents gained a paragraph."""

import dataclasses
import hashlib
import re

import pytest
from django.core.management import call_command

from filings import annotations, ingest, sanitize
from filings.management.commands import resanitize
from filings.models import ANCHORED, ORPHANED, RELOCATED, Annotation, Filing
from tests.annotations.helpers import user
from tests.corpus import corpus_available, read_corpus_file

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.corpus,
    pytest.mark.skipif(not corpus_available(), reason="EDGAR corpus not found"),
]

# (accession, kinds of document it has)
FILINGS = {
    "0001193125-04-218426": "html",
    "0001193125-23-048785": "ixbrl",
    "0000320193-94-000016": "text",
    "0001045810-23-000128": "xml (Form 4)",
    "0000950123-14-009048": "xml (13F)",
}
KINDS = ("html", "ixbrl", "text", "xml")


def passage(text: str) -> tuple[int, int] | None:
    """Forty-odd characters from the middle of the text, from word to word."""
    middle = len(text) // 2
    words = list(re.finditer(r"\S+", text[middle : middle + 400]))
    if len(words) < 6:
        return None
    start = middle + words[0].start()
    end = middle + words[5].end()
    return start, end


def annotate(filing: Filing, author) -> list[Annotation]:
    notes = []
    for doc in filing.documents.filter(kind__in=KINDS).order_by("position")[:4]:
        span = passage(doc.text)
        if span is None:
            continue
        start, end = span
        target = annotations.Target(filing, doc, start, end, doc.text[start:end], doc.text_hash)
        notes.append(annotations.create(author, target, body=f"on {doc.kind}"))
    return notes


def assert_on_their_passage(notes, states):
    for note in notes:
        placed = Annotation.objects.get(pk=note.pk)
        assert placed.anchor_state in states, (placed.filing_id, placed.document_slug)
        text = placed.filing.documents.get(
            pk=next(d.pk for d in placed.filing.documents.all() if d.slug == placed.document_slug)
        ).text
        assert text[placed.start : placed.end] == note.exact


@pytest.fixture
def noted():
    author = user("alice", "analyst")
    notes = []
    for accession in FILINGS:
        assert ingest.ingest(read_corpus_file(f"{accession}.txt"), f"{accession}.txt").ok
        notes += annotate(Filing.objects.get(accession=accession), author)
    kinds = {Annotation.objects.get(pk=n.pk).body.split()[-1] for n in notes}
    assert kinds == set(KINDS)  # every kind of document has notes
    return notes


def test_a_resanitize_with_a_changed_allow_list_keeps_every_note(noted, monkeypatch):
    monkeypatch.setattr(sanitize, "ALLOWED_TAGS", sanitize.ALLOWED_TAGS - {"b", "i", "u", "font"})
    call_command("resanitize", "--all", stdout=open("/dev/null", "w"))
    assert_on_their_passage(noted, {ANCHORED})


def test_a_re_render_that_shifts_the_text_relocates_every_note_onto_its_quote(noted, monkeypatch):
    original = resanitize.render_document

    def shifted(doc, resolve):
        prepared = original(doc, resolve)
        text = "A line the new renderer writes first.\n\n" + prepared.text
        digest = hashlib.sha256(text.encode()).hexdigest()
        return dataclasses.replace(prepared, text=text, text_hash=digest)

    monkeypatch.setattr(resanitize, "render_document", shifted)
    call_command("resanitize", "--all", stdout=open("/dev/null", "w"))
    assert_on_their_passage(noted, {RELOCATED})
    moved = Annotation.objects.filter(pk__in=[n.pk for n in noted])
    assert all(n.previous_start is not None for n in moved)


def test_a_new_version_with_a_paragraph_more_in_each_document_keeps_the_notes(noted):
    for accession, added in (
        ("0001193125-04-218426", b"<P>A paragraph this version adds.</P>"),
        ("0000320193-94-000016", b"A line this version adds."),
    ):
        data = read_corpus_file(f"{accession}.txt")
        grown = re.sub(rb"<TEXT>\r?\n", b"<TEXT>\n" + added + b"\n", data)
        result = ingest.ingest(grown, f"{accession}-v2.txt", replace_complete=True)
        assert result.status == ingest.UPDATED, result.message
    mine = [n for n in noted if n.filing_id in ("0001193125-04-218426", "0000320193-94-000016")]
    assert mine
    assert_on_their_passage(mine, {ANCHORED, RELOCATED})
    assert not Annotation.objects.filter(anchor_state=ORPHANED).exists()
