"""Person mentions, data-problem flags and exhibit links: what each writes, what it feeds,
and how it is withdrawn."""

import pytest
from django.core.management import call_command

from filings import links
from filings.annotations import AnnotationError
from filings.models import Annotation, IdentityChange, PassageLink, Person, PersonOverride
from tests.annotations.helpers import target
from tests.decisions.helpers import ACC, event_of, reviewer, store_two, user
from tests.search.helpers import store

pytestmark = pytest.mark.django_db


@pytest.fixture
def filing():
    return store_two()


def test_a_mention_links_the_filings_events_of_that_name_and_survives_reextraction(filing):
    alice = reviewer()
    other = store(
        7,
        sentence="Item 5.02</P><P>On May 1, 2004, John Smith was appointed Chief Executive Officer.",
        company="OTHER CO",
        cik="0000000077",
    )
    theirs = event_of(other, "Smith").person
    ours = event_of(filing, "Smith").person
    assert ours != theirs
    link = links.mention(alice, target(filing, "John Smith"), theirs)
    assert link.person == theirs and link.note.kind == Annotation.MENTION
    assert event_of(filing, "Smith").person == theirs
    assert event_of(filing, "Smith").link_reason == "analyst's mention"
    assert PersonOverride.objects.filter(filing=filing, name="John Smith", person=theirs).exists()
    call_command("reextract", ACC)
    assert event_of(filing, "Smith").person == theirs  # the override holds
    # Withdrawn: undone like a split, through the same identity change.
    links.withdraw(alice, PassageLink.objects.get(pk=link.pk))
    assert not PersonOverride.objects.filter(filing=filing, name="John Smith").exists()
    change = IdentityChange.objects.get(action="link")
    assert change.undone_at is not None and change.undone_by == alice


def test_a_mention_of_a_new_person(filing):
    alice = reviewer()
    before = event_of(filing, "Higgins").person
    link = links.mention(alice, target(filing, "Patricia L. Higgins"), None)
    assert link.person != before and link.person.name == "Patricia L. Higgins"
    assert event_of(filing, "Higgins").person == link.person
    links.withdraw(alice, link)
    assert event_of(filing, "Higgins").person == before


def test_only_analysts_link_names(filing):
    with pytest.raises(AnnotationError, match="Only analysts") as caught:
        links.mention(user("rita", "reader", "desk"), target(filing, "John Smith"), None)
    assert caught.value.status == 403
    assert not PassageLink.objects.exists() and not Annotation.objects.exists()
    assert not Person.objects.filter(name="John Smith").exclude(events__isnull=False).exists()


def test_a_flag_needs_a_reason_and_names_a_real_difference(filing):
    alice = reviewer()
    with pytest.raises(AnnotationError, match="needs a reason"):
        links.flag(alice, filing, target(filing, "December 20, 2004"), " ")
    on_passage = links.flag(
        alice, filing, target(filing, "December 20, 2004"), "The 8-K/A says Dec 21"
    )
    assert on_passage.note.exact == "December 20, 2004" and on_passage.reason.endswith("Dec 21")
    with pytest.raises(AnnotationError, match="lists no header-vs-document difference"):
        links.flag(alice, filing, None, "wrong", fact="Company name")
    filing.cover_differences = [
        {"label": "Company name", "header_value": "A", "document_value": "B"}
    ]
    filing.save(update_fields=["cover_differences"])
    on_fact = links.flag(alice, filing, None, "The header is stale", fact="Company name")
    assert on_fact.fact == "Company name" and on_fact.note.exact == ""
    with pytest.raises(AnnotationError, match="Only analysts") as caught:
        links.flag(user("rita", "reader", "desk"), filing, None, "x", fact="Company name")
    assert caught.value.status == 403


def test_an_exhibit_link_points_at_a_stored_filing_and_document(filing):
    alice = reviewer()
    other = store(7, sentence="Item 1.01</P><P>An agreement.", company="OTHER CO", cik="0000000077")
    passage = target(filing, "Chief Financial Officer")
    with pytest.raises(AnnotationError, match="no stored filing"):
        links.exhibit_link(alice, passage, "0000000000-00-000000")
    with pytest.raises(AnnotationError, match="has no document '9'"):
        links.exhibit_link(alice, passage, other.accession, "9")
    link = links.exhibit_link(alice, passage, other.accession, "2")
    assert (link.accession, link.document_slug) == (other.accession, "2")
    links.withdraw(alice, link)
    assert Annotation.objects.get(pk=link.note_id).deleted_at is not None
    with pytest.raises(AnnotationError, match="already withdrawn"):
        links.withdraw(alice, PassageLink.objects.get(pk=link.pk))
