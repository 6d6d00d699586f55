"""Who may see and do what with a note, through every page and endpoint: a generated matrix.

The rules, from the product spec (an oracle written here, not read from the code):

- A reader reads and keeps private notes: creates private notes only and never replies to a
  shared note. An analyst annotates, shares with the team or everyone, and replies.
- Only the author edits. The author or an admin deletes (softly). Only an admin restores.
- A user sees their own notes, team notes of a team they share with the author, and public
  notes. Private notes stay private, admins included. Deleted notes are seen only by admins.
- A reply is seen by whoever sees its note, and by nobody else: not by the replier's other
  teams, and not once the note is deleted (admins aside).

Statuses: anonymous writes go to the login page (302); a note the user may not see is a 404
for every read and every write (its existence does not leak); a note they see but may not
change is a 403; a write that is refused changes nothing (no row, no version).

The cells, each a test whose id names it:

- reads: 10 endpoints x 7 actors x 3 visibilities x 2 states (live, deleted) = 420
- create: 7 actors x 3 visibilities = 21
- reply: 7 actors x 3 visibilities x 2 states = 42
- edit, delete, restore: 3 x 7 actors x 3 visibilities x 2 states x 2 targets (the note,
  its reply) = 252
- CSRF refused on each of the 5 writes, and GET answered 405 on each = 10

745 cells in all. The world they run against is built once per module (in a transaction
rolled back at its end); each cell runs in a savepoint of its own.
"""

import json
import re
from dataclasses import dataclass
from itertools import product

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.test import Client, override_settings
from django.urls import NoReverseMatch, reverse
from lxml import html as lxml_html

from filings import annotations
from filings.models import Annotation, AnnotationVersion
from tests.annotations.helpers import ACC, SENTENCE, main_document, store, target, user
from tests.fixtures import submission

pytestmark = pytest.mark.django_db

PRIVATE, TEAM, PUBLIC = "private", "team", "public"
VISIBILITIES = (PRIVATE, TEAM, PUBLIC)
LIVE, DELETED = "live", "deleted"
STATES = (LIVE, DELETED)

# Actor -> (role, teams). The author's team is "desk". The outsider shares a team
# ("floor") with the analyst who replies to shared notes, but none with the author.
ACTORS = {
    "anonymous": None,
    "reader": ("reader", ("desk",)),
    "author": ("analyst", ("desk",)),
    "teammate": ("analyst", ("desk",)),
    "outsider": ("analyst", ("floor",)),
    "admin": ("admin", ("desk",)),
    "admin_outside": ("admin", ("audit",)),
}
AUTHOR_TEAM = "desk"
ADMINS = {"admin", "admin_outside"}
SHARERS = {"author", "teammate", "outsider", "admin", "admin_outside"}  # analysts and admins
# Writes replies to the shared notes; in "desk" (with the author) and "floor".
REPLIER = ("replier", "analyst", ("desk", "floor"))


def marker(kind, visibility, state):
    """One word, unique on every page: what a cell looks for."""
    return f"zq{kind}{visibility}{state}"


QUOTES = [marker("quote", v, s) for v, s in product(VISIBILITIES, STATES)]
# The quoted words stand in a paragraph of their own, so that no extracted event's
# evidence (shown in the reading view) carries them: only a note does.
# Far enough apart that no quote's context (32 characters each side) holds another.
FILLER = ", and then a stretch of ordinary words that name nothing, "
DOCUMENT = submission(sentence=SENTENCE + "</P>\n<P>Other matters: " + FILLER.join(QUOTES) + ".")


@dataclass
class Thread:
    note: int
    reply: int


@dataclass
class World:
    users: dict
    threads: dict  # (visibility, state) -> Thread


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """One filing; for each visibility and state a note by the author with a tag and a
    reply; every actor. Rolled back when the module ends."""
    storage = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path_factory.mktemp("raw")},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(STORAGES=storage, PASSWORD_HASHERS=fast),
        transaction.atomic(),
    ):
        filing = store(DOCUMENT)
        users = {"anonymous": None}
        for name, spec in ACTORS.items():
            if spec:
                users[name] = user(name, spec[0], *spec[1])
        replier = user(REPLIER[0], REPLIER[1], *REPLIER[2])
        threads = {}
        for visibility, state in product(VISIBILITIES, STATES):
            note = annotations.create(
                users["author"],
                target(filing, marker("quote", visibility, state)),
                body=f"Note text {marker('body', visibility, state)} here.",
                tags=[marker("tag", visibility, state)],
                visibility=visibility,
            )
            # Only its author sees a private note, so only she can answer it.
            who = users["author"] if visibility == PRIVATE else replier
            answer = annotations.reply(who, note, f"Reply {marker('reply', visibility, state)}.")
            if state == DELETED:
                annotations.delete(users["author"], note)
            threads[visibility, state] = Thread(note.pk, answer.pk)
        yield World(users, threads)
        transaction.set_rollback(True)


def client_for(world, actor, **kwargs):
    client = Client(**kwargs)
    if world.users[actor] is not None:
        client.force_login(world.users[actor])
    return client


# --- the oracle -----------------------------------------------------------------------------


def sees(actor, visibility, state) -> bool:
    """Whether the actor may see the author's note (and its reply) at all."""
    if actor == "anonymous":
        return visibility == PUBLIC and state == LIVE
    if state == DELETED and actor not in ADMINS:
        return False
    if visibility == PRIVATE:
        return actor == "author"
    if visibility == TEAM:
        return AUTHOR_TEAM in ACTORS[actor][1]
    return True


def may_share(actor, visibility) -> bool:
    return visibility == PRIVATE or actor in SHARERS


# --- reads ----------------------------------------------------------------------------------


def hits(response) -> list[str]:
    """The filing links among a search page's hits."""
    tree = lxml_html.fromstring(response.content)
    return [a.get("href") for a in tree.xpath('//li[contains(@class, "hit")]//a[@href]')]


def document_marks(response) -> list[int]:
    tree = lxml_html.fromstring(response.content)
    (marks,) = tree.xpath('//div[@id="document-notes"]/@data-marks')
    return [mark["id"] for mark in json.loads(marks)]


def api_url():
    """The annotation export, when the API has it."""
    try:
        return reverse("api-annotations")
    except NoReverseMatch:
        return None


def search_url():
    """Search over notes (`note:` and `tag:`), when search has it."""
    try:
        from filings.search import notes  # noqa: F401
    except ImportError:
        return None
    return reverse("search")


@dataclass(frozen=True)
class Read:
    """A read endpoint: its URL for a thread, the status each case answers, and which
    markers the page must show (exactly those: the others must be absent)."""

    name: str
    url: object  # (thread, visibility, state) -> str
    shows: object  # (actor, visibility, state) -> set of marker kinds
    status: object = None  # (actor, visibility, state) -> int; 200 when None
    available: object = lambda: True
    # Kinds the page may show or not in a case (it is not a leak either way).
    either: object = lambda actor, visibility, state: set()


def shown_where_live(kinds):
    def shows(actor, visibility, state):
        return set(kinds) if sees(actor, visibility, state) and state == LIVE else set()

    return shows


def on_note_page(actor, visibility, state):
    return {"body", "quote", "tag", "reply"} if sees(actor, visibility, state) else set()


def on_list(actor, visibility, state):
    """The list shows live notes; the tag filter offers the tags of every note one sees."""
    shown = {"tag"} if sees(actor, visibility, state) else set()
    if sees(actor, visibility, state) and state == LIVE:
        shown |= {"body", "quote"}
    return shown


def on_deleted_list(actor, visibility, state):
    """?deleted=1: admins get the deleted notes instead; everyone else, the usual list."""
    if actor not in ADMINS:
        return on_list(actor, visibility, state)
    shown = {"tag"} if sees(actor, visibility, state) else set()
    if sees(actor, visibility, state) and state == DELETED:
        shown |= {"body", "quote"}
    return shown


def on_reading_view(actor, visibility, state):
    """Live notes in the sidebar, each with its thread, and in the marks; the note form
    offers the tags of every note one sees."""
    shown = {"tag"} if sees(actor, visibility, state) else set()
    if sees(actor, visibility, state) and state == LIVE:
        shown |= {"body", "quote", "reply", "mark"}
    return shown


def found_by_search(kind):
    def shows(actor, visibility, state):
        return {"hit"} if sees(actor, visibility, state) and state == LIVE else set()

    return shows


def tags_offered(actor, visibility, state):
    return {"tag"} if sees(actor, visibility, state) else set()


READS = [
    Read(
        "note_page",
        lambda t, v, s: f"/notes/{t.note}/",
        on_note_page,
        lambda a, v, s: 200 if sees(a, v, s) else 404,
    ),
    Read(
        "reply_page",  # a reply's own address sends its readers to the thread
        lambda t, v, s: f"/notes/{t.reply}/",
        lambda a, v, s: set(),
        lambda a, v, s: 302 if sees(a, v, s) else 404,
    ),
    Read("note_list", lambda t, v, s: "/annotations/", on_list),
    Read("note_list_deleted", lambda t, v, s: "/annotations/?deleted=1", on_deleted_list),
    Read(
        "reading_view",  # the sidebar (each note with its thread) and the JSON marks
        lambda t, v, s: f"/filings/{ACC}/1/notes",
        on_reading_view,
    ),
    Read(
        "tag_suggestions",
        lambda t, v, s: f"/notes/tags?tags={marker('tag', v, s)}",
        tags_offered,
    ),
    Read(
        "api_export",
        lambda t, v, s: api_url(),
        shown_where_live({"body", "quote", "tag", "reply"}),
        available=lambda: api_url() is not None,
        # The export leaves deleted notes out, but not yet an admin's view of their replies.
        either=lambda a, v, s: {"reply"} if a in ADMINS and s == DELETED else set(),
    ),
    Read(
        "search_note_body",
        lambda t, v, s: f"{search_url()}?q=note:{marker('body', v, s)}",
        found_by_search("body"),
        available=lambda: search_url() is not None,
    ),
    Read(
        "search_note_reply",
        lambda t, v, s: f"{search_url()}?q=note:{marker('reply', v, s)}",
        found_by_search("reply"),
        available=lambda: search_url() is not None,
    ),
    Read(
        "search_tag",
        lambda t, v, s: f"{search_url()}?q=tag:{marker('tag', v, s)}",
        found_by_search("tag"),
        available=lambda: search_url() is not None,
    ),
]


@pytest.mark.parametrize(
    "read,actor,visibility,state",
    [
        pytest.param(r, a, v, s, id=f"read-{r.name}-{a}-{v}-{s}")
        for r, a, v, s in product(READS, ACTORS, VISIBILITIES, STATES)
    ],
)
def test_read(world, read, actor, visibility, state):
    if not read.available():
        pytest.skip(f"{read.name} is not served yet")
    thread = world.threads[visibility, state]
    response = client_for(world, actor).get(read.url(thread, visibility, state))
    expected_status = read.status(actor, visibility, state) if read.status else 200
    assert response.status_code == expected_status
    expected = read.shows(actor, visibility, state)
    text = response.content.decode()
    if read.name.startswith("search"):
        # The query is echoed in the search box: what leaks or not is the hit.
        found = any(f"/filings/{ACC}/" in href for href in hits(response))
        assert found == ("hit" in expected), f"hit {'missing' if found else 'leaked'}"
        return
    if read.name == "api_export":
        json.loads(text)
    if read.name == "reply_page" and expected_status == 302:
        assert response["Location"] == f"/notes/{thread.note}/#note-{thread.reply}"
    for kind in {"body", "quote", "tag", "reply"} - read.either(actor, visibility, state):
        word = marker(kind, visibility, state)
        assert (word in text) == (kind in expected), f"{kind} {word} {'leaked' * (word in text)}"
    if read.name == "reading_view":
        assert (thread.note in document_marks(response)) == ("mark" in expected)
        assert (f'data-note="{thread.note}"' in text) == ("mark" in expected)


def test_the_matrix_looks_where_the_quotes_are_only_in_notes(world):
    """The quoted words are in the document's text, but the reading view shows them only
    through notes: without notes on it, no marker is on the page."""
    document = main_document(Annotation.objects.first().filing)
    assert all(q in document.text for q in QUOTES)
    # A tag no note has, seen by someone with no note form (no tags offered): no notes.
    page = Client().get(f"/filings/{ACC}/1/notes?tag=nothing")
    assert not re.search(r"zq[a-z]+", page.content.decode())


# --- writes ---------------------------------------------------------------------------------


WRITES = ("create", "reply", "edit", "delete", "restore")
NEW = "zqnewtext"


@dataclass
class Outcome:
    status: int
    done: bool


def expected_write(write, actor, visibility, state, on) -> Outcome:
    if actor == "anonymous":
        return Outcome(302, False)
    if write == "create":
        allowed = may_share(actor, visibility)
        return Outcome(302 if allowed else 403, allowed)
    if not sees(actor, visibility, state):
        return Outcome(404, False)
    # The reply's author: the note's author on a private note, else the replier.
    authored = on == "note" or visibility == PRIVATE
    target_deleted = state == DELETED and on == "note"  # a reply is not deleted itself
    allowed = {
        "reply": state == LIVE and may_share(actor, visibility),
        "edit": actor == "author" and authored and not target_deleted,
        "delete": not target_deleted and ((actor == "author" and authored) or actor in ADMINS),
        "restore": target_deleted and actor in ADMINS,
    }[write]
    return Outcome(302 if allowed else 403, allowed)


def write_cells():
    for write in WRITES:
        states = [LIVE] if write == "create" else STATES
        targets = ["note"] if write in ("create", "reply") else ["note", "reply"]
        for actor, visibility, state, on in product(ACTORS, VISIBILITIES, states, targets):
            name = f"write-{write}-{actor}-{visibility}"
            if write != "create":
                name += f"-{state}" + (f"-on-{on}" if write not in ("reply",) else "")
            yield pytest.param(write, actor, visibility, state, on, id=name)


def post_write(client, world, write, visibility, pk):
    if write == "create":
        filing = Annotation.objects.get(pk=pk).filing
        t = target(filing)  # "Patricia L. Higgins"
        data = {
            "start": t.start,
            "end": t.end,
            "exact": t.exact,
            "text_hash": t.text_hash,
            "body": NEW,
            "visibility": visibility,
        }
        return client.post(f"/filings/{ACC}/1/notes", data)
    data = {"reply": {"body": NEW}, "edit": {"version": 1, "body": NEW}}.get(write, {})
    return client.post(f"/notes/{pk}/{write}", data)


def snapshot(pk):
    note = Annotation.objects.get(pk=pk)
    return {
        "body": note.body,
        "version": note.version,
        "visibility": note.visibility,
        "deleted_at": note.deleted_at,
        "deleted_by": note.deleted_by_id,
    }


@pytest.mark.parametrize("write,actor,visibility,state,on", list(write_cells()))
def test_write(world, write, actor, visibility, state, on):
    thread = world.threads[visibility, state]
    pk = thread.note if on == "note" else thread.reply
    before = snapshot(pk)
    notes, versions = Annotation.objects.count(), AnnotationVersion.objects.count()
    response = post_write(client_for(world, actor), world, write, visibility, pk)
    expected = expected_write(write, actor, visibility, state, on)

    assert response.status_code == expected.status
    if actor == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=")
    if expected.status in (403, 404):
        assert marker("body", visibility, state) not in response.content.decode()
    after = snapshot(pk)
    if not expected.done:
        assert after == before
        assert Annotation.objects.count() == notes
        assert AnnotationVersion.objects.count() == versions
        return
    assert AnnotationVersion.objects.count() == versions + 1
    if write == "create":
        new = Annotation.objects.get(body=NEW)
        assert new.author == world.users[actor] and new.visibility == visibility
    elif write == "reply":
        new = Annotation.objects.get(body=NEW)
        assert new.parent_id == thread.note and new.visibility == visibility
    elif write == "edit":
        assert after == {**before, "body": NEW, "version": before["version"] + 1}
    elif write == "delete":
        assert after["deleted_at"] is not None
        assert after["deleted_by"] == world.users[actor].pk
        assert after["body"] == before["body"]  # soft: the row and its text stay
    elif write == "restore":
        assert after["deleted_at"] is None and after["deleted_by"] is None


# --- CSRF and methods -----------------------------------------------------------------------


# For each write, someone it is allowed to, on the public thread it is allowed on.
ALLOWED_WRITE = {
    "create": ("author", LIVE),
    "reply": ("teammate", LIVE),
    "edit": ("author", LIVE),
    "delete": ("author", LIVE),
    "restore": ("admin", DELETED),
}


@pytest.mark.parametrize("write", WRITES, ids=[f"csrf-{w}" for w in WRITES])
def test_every_write_needs_the_csrf_token(world, write):
    actor, state = ALLOWED_WRITE[write]
    pk = world.threads[PUBLIC, state].note
    before, notes = snapshot(pk), Annotation.objects.count()
    strict = client_for(world, actor, enforce_csrf_checks=True)
    assert post_write(strict, world, write, PUBLIC, pk).status_code == 403
    assert snapshot(pk) == before and Annotation.objects.count() == notes
    # The same request with the token goes through: the 403 was the token's.
    relaxed = client_for(world, actor)
    assert post_write(relaxed, world, write, PUBLIC, pk).status_code == 302


@pytest.mark.parametrize("write", WRITES, ids=[f"get-{w}" for w in WRITES])
def test_every_write_refuses_get(world, write):
    actor, state = ALLOWED_WRITE[write]
    pk = world.threads[PUBLIC, state].note
    url = f"/filings/{ACC}/1/notes" if write == "create" else f"/notes/{pk}/{write}"
    before, notes = snapshot(pk), Annotation.objects.count()
    # The create address answers GET with the document's notes (the sidebar); the others
    # are writes only.
    expected = 200 if write == "create" else 405
    assert client_for(world, actor).get(url).status_code == expected
    assert snapshot(pk) == before and Annotation.objects.count() == notes


# --- the rules the matrix does not reach ---------------------------------------------------


def test_a_readers_private_note_is_theirs_alone(world):
    reader = world.users["reader"]
    filing = Annotation.objects.first().filing
    note = annotations.create(reader, target(filing), body="zqreadersown")
    for actor in ACTORS:
        response = client_for(world, actor).get(f"/notes/{note.pk}/")
        assert response.status_code == (200 if actor == "reader" else 404), actor
        listed = client_for(world, actor).get("/annotations/").content.decode()
        assert ("zqreadersown" in listed) == (actor == "reader"), actor
    client = client_for(world, "reader")
    # A reply to one's own private note stays private: allowed.
    assert client.post(f"/notes/{note.pk}/reply", {"body": "zqreaderreply"}).status_code == 302
    # Sharing it is not.
    response = client.post(
        f"/notes/{note.pk}/edit", {"version": 1, "body": "now public", "visibility": PUBLIC}
    )
    assert response.status_code == 403
    assert snapshot(note.pk)["visibility"] == PRIVATE
    assert client.post(f"/notes/{note.pk}/edit", {"version": 1, "body": "v2"}).status_code == 302
    assert client.post(f"/notes/{note.pk}/delete").status_code == 302
    assert snapshot(note.pk)["deleted_at"] is not None


def test_a_team_note_goes_only_to_a_team_of_the_author(world):
    filing = Annotation.objects.first().filing
    t = target(filing)
    data = {"start": t.start, "end": t.end, "exact": t.exact, "text_hash": t.text_hash}
    client = client_for(world, "author")
    response = client.post(
        f"/filings/{ACC}/1/notes",
        {**data, "body": "zqnotmine", "visibility": TEAM, "teams": "floor"},
    )
    assert response.status_code == 403
    assert not Annotation.objects.filter(body="zqnotmine").exists()
    # Nor a role passed off as a team.
    response = client.post(
        f"/filings/{ACC}/1/notes",
        {**data, "body": "zqrole", "visibility": TEAM, "teams": "admin"},
    )
    assert response.status_code == 403
    assert not Annotation.objects.filter(body="zqrole").exists()


def test_an_author_may_not_reach_another_visibility_through_a_reply(world):
    """A reply takes its note's visibility, whatever the form says."""
    thread = world.threads[TEAM, LIVE]
    client = client_for(world, "teammate")
    client.post(f"/notes/{thread.note}/reply", {"body": "zqsneaky", "visibility": PUBLIC})
    reply = Annotation.objects.get(body="zqsneaky")
    assert reply.visibility == TEAM
    assert "zqsneaky" not in client_for(world, "outsider").get(api_url() or "/").content.decode()
    # Editing the reply cannot make it public either.
    client.post(f"/notes/{reply.pk}/edit", {"version": 1, "body": "zqsneaky2", "visibility": "x"})
    assert Annotation.objects.get(pk=reply.pk).visibility == TEAM


def test_the_json_answers_of_writes_keep_the_same_statuses(world):
    """The page's script asks for JSON: refusals keep their status and say why."""
    thread = world.threads[PUBLIC, LIVE]
    reader = client_for(world, "reader")
    response = reader.post(
        f"/notes/{thread.note}/reply", {"body": NEW}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 403 and response.json()["error"]["code"] == "refused"
    hidden = world.threads[PRIVATE, LIVE]
    response = reader.post(
        f"/notes/{hidden.note}/reply", {"body": NEW}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 404
    assert not Annotation.objects.filter(body=NEW).exists()


def test_visible_to_agrees_with_the_oracle(world):
    """The QuerySet every page reads through, cell by cell, threads and replies."""
    for actor, visibility, state in product(ACTORS, VISIBILITIES, STATES):
        who = world.users[actor] or AnonymousUser()
        thread = world.threads[visibility, state]
        visible = set(
            Annotation.objects.visible_to(who)
            .filter(pk__in=[thread.note, thread.reply])
            .values_list("pk", flat=True)
        )
        expected = {thread.note, thread.reply} if sees(actor, visibility, state) else set()
        assert visible == expected, (actor, visibility, state)
