"""Notes through the pages: writing one on a passage, its own page (JS off), editing
with a conflict, the list, the reading view's sidebar; login, logout and accounts."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from filings import annotations
from filings.models import Annotation
from tests.annotations.helpers import ACC, SENTENCE, main_document, store, target, user
from tests.fixtures import submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def filing():
    return store()


def post_note(client, filing, quote="Patricia L. Higgins", **fields):
    t = target(filing, quote)
    data = {
        "start": t.start,
        "end": t.end,
        "exact": t.exact,
        "text_hash": t.text_hash,
        "body": "board seat follows the proxy fight",
        **fields,
    }
    return client.post(f"/filings/{ACC}/1/notes", data, HTTP_ACCEPT="application/json")


def test_an_analyst_writes_a_note_on_a_passage_and_it_has_its_own_page(client, filing):
    client.force_login(user("alice", "analyst", "desk"))
    response = post_note(client, filing, tags="proxy, 13D", visibility="team")
    assert response.status_code == 201
    note = Annotation.objects.get()
    assert response.json()["url"] == f"/notes/{note.pk}/"
    page = Client().get(f"/notes/{note.pk}/")
    assert page.status_code == 404  # a team note is not for anonymous readers
    page = client.get(f"/notes/{note.pk}/").content.decode()
    assert "Patricia L. Higgins" in page and "board seat follows the proxy fight" in page
    assert "proxy" in page and "13D" in page and "desk" not in page or "all of alice" in page


def test_a_wrong_selection_is_a_400_with_a_clear_message(client, filing):
    client.force_login(user("alice", "analyst"))
    response = post_note(client, filing, exact="Patricia Q. Higgins")
    assert response.status_code == 400
    assert "does not match the document" in response.json()["error"]["message"]
    response = post_note(client, filing, start="x")
    assert response.status_code == 400 and "offsets" in response.json()["error"]["message"]
    assert not Annotation.objects.exists()


def test_writing_needs_login_a_role_and_a_csrf_token(client, filing):
    assert post_note(client, filing).status_code == 302  # to the login page
    client.force_login(get_user_model().objects.create_user("norole", password="x" * 12))
    assert post_note(client, filing).status_code == 403
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user("alice", "analyst"))
    assert post_note(strict, filing).status_code == 403
    assert not Annotation.objects.exists()


def test_editing_someone_elses_note_is_a_403_not_a_hidden_button(client, filing):
    alice = user("alice", "analyst")
    note = annotations.create(alice, target(filing), body="x", visibility="public")
    client.force_login(user("bob", "analyst"))
    page = client.get(f"/notes/{note.pk}/").content.decode()
    assert f'action="/notes/{note.pk}/edit"' not in page
    response = client.post(f"/notes/{note.pk}/edit", {"version": 1, "body": "mine"})
    assert response.status_code == 403
    assert Annotation.objects.get(pk=note.pk).body == "x"


def test_a_stale_edit_keeps_the_editors_text_and_says_so(client, filing):
    alice = user("alice", "analyst")
    note = annotations.create(alice, target(filing), body="first")
    client.force_login(alice)
    client.post(f"/notes/{note.pk}/edit", {"version": 1, "body": "second"})
    page = client.post(
        f"/notes/{note.pk}/edit", {"version": 1, "body": "my stale text"}, follow=True
    )
    html = page.content.decode()
    assert "Someone saved this note" in html
    assert "my stale text" in html and "second" in html
    assert Annotation.objects.get(pk=note.pk).body == "second"


def test_replies_deletes_and_restores_through_the_pages(client, filing):
    alice, boss = user("alice", "analyst", "desk"), user("boss", "admin")
    note = annotations.create(alice, target(filing), body="x", visibility="public")
    client.force_login(user("bob", "analyst", "desk"))
    response = client.post(f"/notes/{note.pk}/reply", {"body": "agreed"})
    assert response.status_code == 302 and "#note-" in response["Location"]
    assert "agreed" in client.get(f"/notes/{note.pk}/").content.decode()
    client.force_login(alice)
    client.post(f"/notes/{note.pk}/delete")
    assert client.get(f"/notes/{note.pk}/").status_code == 404
    client.force_login(boss)
    assert client.get(f"/notes/{note.pk}/").status_code == 200
    client.post(f"/notes/{note.pk}/restore")
    client.force_login(alice)
    assert client.get(f"/notes/{note.pk}/").status_code == 200


def test_the_reading_view_lists_the_documents_notes_in_order_with_filters(client, filing):
    alice, bob = user("alice", "analyst", "desk"), user("bob", "analyst", "desk")
    annotations.create(
        alice, target(filing, "Higgins"), body="second in the text", visibility="team"
    )
    annotations.create(
        bob,
        target(filing, "December 17"),
        body="first in the text",
        tags=["date"],
        visibility="public",
    )
    annotations.create(bob, target(filing, "Board"), body="bob's own")
    client.force_login(alice)
    html = client.get(f"/filings/{ACC}/1/notes").content.decode()
    sidebar = html[html.index('id="notes-sidebar"') :]
    assert sidebar.index("first in the text") < sidebar.index("second in the text")
    assert "bob's own" not in html  # private to bob
    marks = re.search(r'<div id="document-notes" hidden data-marks="(.*?)">', html)
    assert marks and "&quot;start&quot;" in marks.group(1)
    mine = client.get(f"/filings/{ACC}/1/notes?notes=mine").content.decode()
    assert "second in the text" in mine and "first in the text" not in mine
    tagged = client.get(f"/filings/{ACC}/1/notes?tag=date").content.decode()
    assert "first in the text" in tagged and "second in the text" not in tagged


def test_orphaned_notes_are_listed_apart_and_never_deleted(client, filing):
    alice = user("alice", "analyst")
    note = annotations.create(alice, target(filing), body="orphan to be")
    Annotation.objects.filter(pk=note.pk).update(anchor_state="orphaned")
    client.force_login(alice)
    html = client.get(f"/filings/{ACC}/1/notes").content.decode()
    assert "Could not be placed" in html and "Patricia L. Higgins" in html
    panel = client.get(f"/filings/{ACC}/").content.decode()
    assert "Notes that could not be placed" in panel and "Patricia L. Higgins" in panel
    assert "Notes that could not be placed" not in Client().get(f"/filings/{ACC}/").content.decode()


def test_the_notes_list_filters_by_author_tag_kind_form_company_and_date(client, filing):
    alice, bob = user("alice", "analyst"), user("bob", "analyst")
    annotations.create(alice, target(filing), body="alpha", tags=["x"], visibility="public")
    annotations.create(bob, target(filing), kind="highlight", visibility="public")
    listed = lambda q="": client.get(f"/annotations/?{q}").content.decode()  # noqa: E731
    assert "alpha" in listed() and "highlight" in listed()
    assert "alpha" in listed("author=alice") and "Highlight by bob" not in listed("author=alice")
    assert "alpha" not in listed("kind=highlight")
    assert "alpha" in listed("tag=x") and "alpha" in listed("form=8-K")
    assert "alpha" not in listed("form=10-K")
    assert "alpha" in listed("company=1056386") and "alpha" in listed("company=internap")
    assert "is not a date" in listed("since=2024-13-01")
    assert "0 notes" in listed("until=2000-01-01")


def test_the_apps_login_page_logout_by_post_and_who_am_i(client, filing):
    user("alice", "analyst", "desk")
    page = client.get("/accounts/login/")
    assert page.status_code == 200 and 'class="topbar"' in page.content.decode()
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": "a-long-password-1"}
    )
    assert response.status_code == 302
    home = client.get("/filings/").content.decode()
    assert "alice" in home and "analyst" in home and "desk" in home
    assert client.get("/accounts/logout/").status_code == 405
    client.post("/accounts/logout/")
    assert "Log in" in client.get("/filings/").content.decode()


def test_failed_logins_are_throttled(client, filing):
    user("alice", "analyst")
    for _ in range(5):
        client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    locked = client.post("/accounts/login/", {"username": "alice", "password": "a-long-password-1"})
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()


def test_adduser_makes_an_account_with_a_role_and_teams():
    out = io.StringIO()
    call_command(
        "adduser", "carol", "--role", "analyst", "--team", "desk", "--generate-password", stdout=out
    )
    password = re.search(r"Password: (\S+)", out.getvalue()).group(1)
    carol = get_user_model().objects.get(username="carol")
    assert carol.check_password(password)
    assert sorted(carol.groups.values_list("name", flat=True)) == ["analyst", "desk"]
    assert carol.has_perm("filings.share_annotation") and not carol.has_perm(
        "filings.moderate_annotation"
    )
    with pytest.raises(Exception, match="already a user"):
        call_command("adduser", "carol", "--role", "reader", "--generate-password", stdout=out)


def test_with_public_reading_off_every_page_and_the_api_need_login(settings, filing):
    # What FILINGS_PUBLIC_READING=0 puts in the settings: the login middleware before axes.
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:-1],
        "filings.access.LoginRequired",
        settings.MIDDLEWARE[-1],
    ]
    anonymous = Client()
    for url in (
        "/filings/",
        f"/filings/{ACC}/",
        f"/filings/{ACC}/1/content",
        "/search/?q=x",
        "/search/feed",
        "/annotations/",
    ):
        response = anonymous.get(url)
        assert response.status_code == 302 and response["Location"].startswith(
            "/accounts/login/"
        ), url
    api = anonymous.get("/api/events.json")
    assert api.status_code == 401 and api.json()["error"]["code"] == "login-required"
    assert anonymous.get("/accounts/login/").status_code == 200
    reader = Client()
    reader.force_login(user("rita", "reader"))
    assert reader.get(f"/filings/{ACC}/").status_code == 200
    assert main_document(filing)


def test_lists_and_pages_show_how_many_notes_the_reader_may_see(client):
    filing = store(submission(sentence="Item 5.02 Election of Directors</P><P>" + SENTENCE))
    alice = user("alice", "analyst")
    annotations.create(alice, target(filing), body="shared", visibility="public")
    annotations.create(alice, target(filing), body="mine only")
    client.force_login(alice)
    assert "2 notes" in client.get("/filings/").content.decode()
    assert "2 notes" in client.get("/companies/1056386/").content.decode()
    person = filing.events.first().person
    assert "2 notes" in client.get(f"/people/{person.pk}/").content.decode()
    listed = client.get(f"/annotations/?accession={ACC}").content.decode()
    assert "shared" in listed and "mine only" in listed
    anonymous = Client().get("/filings/").content.decode()
    assert "1 note" in anonymous and "2 notes" not in anonymous
