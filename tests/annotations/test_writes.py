"""Creating, replying, editing, deleting and restoring notes, with their rules."""

import dataclasses

import pytest

from filings import annotations
from filings.annotations import AnnotationError
from filings.models import ANCHORED, Annotation, AnnotationVersion
from tests.annotations.helpers import main_document, store, target, user

pytestmark = pytest.mark.django_db


@pytest.fixture
def filing():
    return store()


def test_a_comment_keeps_its_quote_context_offsets_and_text_hash(filing):
    alice = user("alice", "analyst", "desk")
    note = annotations.create(alice, target(filing), body="Board seat after the proxy fight")
    doc = main_document(filing)
    assert doc.text[note.start : note.end] == note.exact == "Patricia L. Higgins"
    assert doc.text[note.start - len(note.prefix) : note.start] == note.prefix
    assert doc.text[note.end : note.end + len(note.suffix)] == note.suffix
    assert len(note.prefix) == 32 and note.text_hash == doc.text_hash
    assert note.anchor_state == ANCHORED and note.visibility == "private"
    assert note.versions.get().action == "created"


def test_a_selection_that_does_not_match_the_text_is_refused(filing):
    alice = user("alice", "analyst")
    wrong = dataclasses.replace(target(filing), exact="Patricia L. Higginz")
    with pytest.raises(AnnotationError, match="does not match the document"):
        annotations.create(alice, wrong, body="x")
    stale = dataclasses.replace(target(filing), text_hash="0" * 64)
    with pytest.raises(AnnotationError, match="has changed since the page was loaded"):
        annotations.create(alice, stale, body="x")
    outside = dataclasses.replace(target(filing), start=10**7, end=10**7 + 3)
    with pytest.raises(AnnotationError, match="outside the document"):
        annotations.create(alice, outside, body="x")
    assert not Annotation.objects.exists()


def test_readers_keep_private_notes_and_only_analysts_share(filing):
    reader = user("rita", "reader", "desk")
    annotations.create(reader, target(filing), body="mine")
    for visibility in ("team", "public"):
        with pytest.raises(AnnotationError, match="private notes only") as caught:
            annotations.create(reader, target(filing), body="x", visibility=visibility)
        assert caught.value.status == 403
    analyst = user("alice", "analyst", "desk")
    note = annotations.create(analyst, target(filing), body="shared", visibility="team")
    assert note.all_author_teams and note.visibility == "team"


def test_a_team_note_goes_only_to_teams_its_author_is_in(filing):
    alice = user("alice", "analyst", "desk", "fund")
    note = annotations.create(alice, target(filing), body="x", visibility="team", teams=["fund"])
    assert [g.name for g in note.teams.all()] == ["fund"] and not note.all_author_teams
    with pytest.raises(AnnotationError, match="not in the team") as caught:
        annotations.create(alice, target(filing), body="x", visibility="team", teams=["other"])
    assert caught.value.status == 403
    loner = user("lou", "analyst")
    with pytest.raises(AnnotationError, match="in no team"):
        annotations.create(loner, target(filing), body="x", visibility="team")


def test_tags_are_trimmed_deduplicated_and_shared_between_notes(filing):
    alice = user("alice", "analyst")
    one = annotations.create(
        alice, target(filing), body="x", tags=" proxy  fight , Proxy fight,13D"
    )
    two = annotations.create(alice, target(filing), kind="tag", tags=["13d"])
    assert [t.name for t in one.tags.all()] == ["13D", "proxy fight"]
    assert [t.name for t in two.tags.all()] == ["13D"]
    with pytest.raises(AnnotationError, match="needs at least one tag"):
        annotations.create(alice, target(filing), kind="tag")


def test_bodies_are_cleaned_of_control_and_bidi_characters_and_bounded(filing):
    alice = user("alice", "analyst")
    note = annotations.create(alice, target(filing), body="a\x00b\u202ec\u2066d")
    assert note.body == "abcd"
    with pytest.raises(AnnotationError, match="at most 50,000 characters"):
        annotations.create(alice, target(filing), body="x" * 50_001)


def test_replies_inherit_visibility_and_follow_the_note(filing):
    alice, bob = user("alice", "analyst", "desk"), user("bob", "analyst", "desk")
    note = annotations.create(alice, target(filing), body="x", visibility="team")
    answer = annotations.reply(bob, note, "agreed")
    assert answer.parent == note and answer.visibility == "team"
    annotations.edit(alice, note, version=note.version, body="x", visibility="public")
    answer.refresh_from_db()
    assert answer.visibility == "public"
    reader = user("rita", "reader", "desk")
    with pytest.raises(AnnotationError, match="may not reply") as caught:
        annotations.reply(reader, note, "me too")
    assert caught.value.status == 403


def test_two_editors_from_stale_copies_get_a_conflict_not_an_overwrite(filing):
    alice = user("alice", "analyst")
    note = annotations.create(alice, target(filing), body="first")
    opened = note.version
    annotations.edit(alice, note, version=opened, body="second")
    with pytest.raises(AnnotationError, match="Someone saved this note") as caught:
        annotations.edit(alice, note, version=opened, body="third")
    assert caught.value.status == 409
    note.refresh_from_db()
    assert note.body == "second" and note.version == opened + 1
    assert list(note.versions.values_list("body", "action")) == [
        ("first", "created"),
        ("second", "edited"),
    ]


def test_only_the_author_edits_and_deleting_is_soft_and_restorable(filing):
    alice, bob = user("alice", "analyst"), user("bob", "analyst")
    boss = user("boss", "admin")
    note = annotations.create(alice, target(filing), body="x", visibility="public")
    with pytest.raises(AnnotationError, match="Only its author") as caught:
        annotations.edit(bob, note, version=note.version, body="mine now")
    assert caught.value.status == 403
    with pytest.raises(AnnotationError, match="may not delete"):
        annotations.delete(bob, note)
    annotations.delete(alice, note)
    assert Annotation.objects.get(pk=note.pk).deleted_at is not None
    with pytest.raises(AnnotationError, match="Only a moderator"):
        annotations.restore(alice, note)
    annotations.restore(boss, note)
    assert Annotation.objects.get(pk=note.pk).deleted_at is None
    actions = list(
        AnnotationVersion.objects.filter(annotation=note).values_list("action", flat=True)
    )
    assert actions == ["created", "deleted", "restored"]


def test_a_selection_in_stream_offsets_is_converted_and_checked(filing):
    alice = user("alice", "analyst")
    doc = main_document(filing)
    start = doc.text.index("Patricia L. Higgins")
    stream = len(annotations.squeezed(doc.text[:start]))
    given = annotations.stream_target(
        filing,
        doc,
        stream,
        stream + len("PatriciaL.Higgins"),
        "Patricia  L.\nHiggins",
        doc.text_hash,
    )
    note = annotations.create(alice, given, body="x")
    assert (note.start, note.end, note.exact) == (start, start + 19, "Patricia L. Higgins")
    with pytest.raises(AnnotationError, match="does not match"):
        annotations.stream_target(filing, doc, stream, stream + 8, "Somebody", doc.text_hash)
    with pytest.raises(AnnotationError, match="outside"):
        annotations.stream_target(filing, doc, 10**8, 10**8 + 2, "xx", doc.text_hash)
