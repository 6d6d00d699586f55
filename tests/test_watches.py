"""Watches: saved searches and followed companies and people notify their owner once per
new matching filing (in the app, by email at once or in a daily digest, in an Atom feed
that needs the owner's token), never for a filing that does not match or for a re-upload
of the same bytes, and are private to their owner."""

import io
import logging
import re
import threading
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.test import Client
from lxml import etree
from lxml import html as lxml_html

from filings import accounts, ingest, watches
from filings.models import Company, FeedToken, Filing, Notification, Person, Watch
from tests.fixtures import submission

pytestmark = pytest.mark.django_db

ITEM_502 = "Item 5.02 Election of Directors</P><P>"
HIGGINS = (
    ITEM_502 + "On December 17, 2004, the Board elected Ms. Patricia L. Higgins as a director."
)
HIGGINS_AGAIN = (
    ITEM_502 + "On March 1, 2005, Ms. Patricia L. Higgins was appointed chair of the Board."
)
OTHER = "Quarterly results were strong."
A1, A2, A3, A4 = (f"0000000001-05-00000{n}" for n in range(1, 5))
ACME = dict(company="ACME WIDGET CO", cik="0000000777")
ATOM = "{http://www.w3.org/2005/Atom}"


LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


@pytest.fixture(autouse=True)
def mailer(settings):
    """Email configured (as EMAIL_HOST would), kept in Django's test outbox."""
    settings.MAILERS = LOCMEM


def person(name="alice", role="reader", email=None):
    made = accounts.add_user(name, role, password="a-long-password-1")
    made.email = f"{name}@example.com" if email is None else email
    made.save()
    return made


@pytest.fixture
def store(django_capture_on_commit_callbacks):
    """Ingest as an upload does, with what runs once the transaction commits."""

    def store(acc, sentence=OTHER, **kw):
        kw.setdefault("image", None)
        with django_capture_on_commit_callbacks(execute=True):
            result = ingest.ingest(submission(acc=acc, sentence=sentence, **kw), f"{acc}.txt")
        assert result.ok, result.message
        return result

    return store


def notified(user):
    return sorted((n.watch.name, n.filing_id) for n in Notification.objects.filter(user=user))


def higgins():
    return Person.objects.get(family__iexact="higgins", cik=None)


# --- matching --------------------------------------------------------------------------


def test_a_saved_search_notifies_once_for_each_new_matching_filing(store):
    alice = person()
    watches.save_search(alice, "q=Higgins&form=8-K", name="Higgins in 8-Ks")
    assert store(A1, HIGGINS).status == "created"
    store(A2, OTHER)  # does not match
    store(A3, HIGGINS, form="10-K")  # the words, but not the form
    assert notified(alice) == [("Higgins in 8-Ks", A1)]
    # The same bytes again: unchanged, no second notification.
    assert store(A1, HIGGINS).status == "unchanged"
    # New bytes for the accession (a second version): still one notification.
    assert store(A1, HIGGINS_AGAIN).status == "updated"
    assert notified(alice) == [("Higgins in 8-Ks", A1)]
    (only,) = Notification.objects.filter(user=alice)
    assert only.version == 1 and "Higgins" in only.reason and only.read_at is None


def test_a_new_version_that_now_matches_notifies_once(store):
    alice = person()
    watches.save_search(alice, "q=Higgins")
    assert store(A1, OTHER).status == "created"
    assert notified(alice) == []
    assert store(A1, HIGGINS).status == "updated"  # the corrected filing names her
    assert store(A1, HIGGINS_AGAIN).status == "updated"
    assert notified(alice) == [("“Higgins”", A1)]
    assert Notification.objects.get().version == 2


def test_a_followed_person_is_notified_for_filings_that_name_them_and_no_others(store):
    alice = person()
    store(A1, HIGGINS)
    watches.follow(alice, higgins())
    store(A2, HIGGINS_AGAIN)  # the same person, named in an extracted event
    store(A3, ITEM_502 + "On March 1, 2005, Mr. John Q. Smith resigned as a director.")
    assert notified(alice) == [("Patricia L. Higgins", A2)]
    (n,) = Notification.objects.filter(user=alice)
    assert n.reason == "names Patricia L. Higgins: elected"
    assert store(A2, HIGGINS_AGAIN).status == "unchanged"
    assert store(A2, HIGGINS_AGAIN + " She replaces Mr. Jones.").status == "updated"
    assert notified(alice) == [("Patricia L. Higgins", A2)]


def test_a_followed_reporting_owner_and_company_match_their_parties(store):
    alice = person()
    owner = [("HIGGINS PATRICIA L", "0001234567")]
    store(A1, "Statement of changes.", form="4", owners=owner, **ACME)
    watches.follow(alice, Person.objects.get(cik=1234567))
    watches.follow(alice, Company.objects.get(cik=777))
    store(A2, "Statement of changes.", form="4", owners=owner)  # Higgins at Internap
    store(A3, OTHER, **ACME)  # Acme without Higgins
    store(A4, OTHER)  # neither
    assert notified(alice) == [("ACME WIDGET CO", A3), ("Patricia L. Higgins", A2)]
    reasons = dict(Notification.objects.values_list("filing_id", "reason"))
    assert reasons[A2] == "names Patricia L. Higgins: reporting owner"
    assert reasons[A3] == "ACME WIDGET CO is a party: filer"


def test_a_person_followed_by_name_is_followed_once_known_by_their_cik(store):
    alice = person()
    store(A1, HIGGINS)
    watches.follow(alice, higgins())
    # Her first Form 4: the identity rules join the name-only Higgins of the same issuer
    # to the owner with the CIK; the watch follows the person she now is.
    store(A2, "Statement of changes.", form="4", owners=[("HIGGINS PATRICIA L", "0001234567")])
    owner = Person.objects.get(cik=1234567)
    assert Person.objects.get(pk=Watch.objects.get().person_id).canonical() == owner
    store(A3, "Statement of changes.", form="4", owners=[("HIGGINS PATRICIA L", "0001234567")])
    assert [acc for _name, acc in notified(alice)] == [A2, A3]


def test_two_versions_of_one_accession_through_the_worker_notify_once(client, upload_in_background):
    alice = person()
    watches.save_search(alice, "q=Higgins")
    watches.follow(alice, Company.objects.create(cik=777, name="ACME WIDGET CO"))
    uploader = person("ursula", "analyst")
    client.force_login(uploader)
    files = [
        SimpleUploadedFile("v1.txt", submission(acc=A1, sentence=HIGGINS, image=None, **ACME)),
        SimpleUploadedFile(
            "v2.txt", submission(acc=A1, sentence=HIGGINS_AGAIN, image=None, **ACME)
        ),
        SimpleUploadedFile(
            "v2-again.txt", submission(acc=A1, sentence=HIGGINS_AGAIN, image=None, **ACME)
        ),
        SimpleUploadedFile("other.txt", submission(acc=A2, sentence=OTHER, image=None)),
    ]
    page = upload_in_background(client, {"files": files}).content.decode()
    assert "2 created" in page and "1 updated" in page and "1 unchanged" in page
    assert notified(alice) == [("ACME WIDGET CO", A1), ("“Higgins”", A1)]


def test_a_second_notification_for_the_same_watch_and_accession_is_impossible(store):
    alice = person()
    watch = watches.save_search(alice, "q=Higgins")
    store(A1, HIGGINS)
    # Matching again, as a second worker storing another version at the same time would.
    assert watches.notify(A1) == []
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(watch=watch, user=alice, filing_id=A1, version=2)
    assert Notification.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_matching_one_accession_at_once_make_one_notification():
    alice = person()
    watches.save_search(alice, "q=Higgins")
    watches.follow(alice, Company.objects.create(cik=1056386, name="INTERNAP"))
    assert ingest.ingest(submission(acc=A1, sentence=HIGGINS), "a.txt").status == "created"
    assert Notification.objects.count() == 2  # committed, so matched at once
    Notification.objects.all().delete()
    start, made = threading.Barrier(2), []

    def worker():
        try:
            start.wait(timeout=30)
            made.append(len(watches.notify(A1)))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sum(made) == 2 and len(made) == 2
    assert Notification.objects.count() == 2


def test_a_rolled_back_ingest_notifies_no_one(django_capture_on_commit_callbacks):
    alice = person()
    watches.save_search(alice, "q=Higgins")
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            ingest.ingest(submission(acc=A1, sentence=HIGGINS), "a.txt")
            raise RuntimeError("the request failed after the ingest")
    assert not Filing.objects.exists() and not Notification.objects.exists()


def test_a_failure_in_matching_is_logged_and_the_filing_stays_stored(store, monkeypatch, caplog):
    alice = person()
    watches.save_search(alice, "q=Higgins")

    def broken(filing):
        raise RuntimeError("matching broke")

    monkeypatch.setattr(watches, "matching_watches", broken)
    with caplog.at_level(logging.ERROR, logger="filings.watches"):
        assert store(A1, HIGGINS).status == "created"
    assert Filing.objects.filter(accession=A1).exists() and not Notification.objects.exists()
    assert "matching watches to 0000000001-05-000001 failed" in caplog.text


def test_saved_searches_see_only_their_owners_notes(store):
    from filings import annotations
    from tests.annotations.helpers import main_document

    alice, bob = person(), person("bob")
    store(A1, HIGGINS)
    filing = Filing.objects.get(accession=A1)
    doc = main_document(filing)
    at = doc.text.index("Higgins")
    target = annotations.Target(filing, doc, at, at + 7, "Higgins", doc.text_hash)
    annotations.create(alice, target, body="watch this", tags=["board"])
    watches.save_search(alice, "q=tag:board")
    watches.save_search(bob, "q=tag:board")
    store(A1, HIGGINS_AGAIN)  # new bytes: matched again, and alice's note is on it
    assert [u for u in ("alice", "bob") if notified(User.objects.get(username=u))] == ["alice"]


# --- email -----------------------------------------------------------------------------


def test_an_immediate_watch_emails_at_once_with_absolute_links(store, settings):
    settings.BASE_URL = "https://filings.example.com"
    alice = person()
    watches.save_search(alice, "q=Higgins", name="Higgins")
    store(A1, HIGGINS)
    (message,) = mail.outbox
    assert message.to == ["alice@example.com"]
    assert message.subject == "8-K INTERNAP NETWORK SERVICES CORP: new for your watch “Higgins”"
    assert f"https://filings.example.com/filings/{A1}/" in message.body
    assert "https://filings.example.com/watches/" in message.body
    assert message.content_subtype == "plain" and "<" not in message.body
    store(A1, HIGGINS)  # unchanged: no second email
    store(A1, HIGGINS_AGAIN)  # a second version: no second notification, no email
    assert len(mail.outbox) == 1
    call_command("send-digests", stdout=io.StringIO())
    assert len(mail.outbox) == 1  # emailed once, not again in a digest


def test_the_daily_digest_emails_each_notification_once(store):
    alice, bob = person(), person("bob")
    watches.save_search(alice, "q=Higgins", name="Higgins", delivery="daily")
    watches.follow(alice, Company.objects.create(cik=777, name="ACME WIDGET CO"), "daily")
    watches.save_search(bob, "q=Higgins", delivery="none")
    store(A1, HIGGINS, **ACME)
    store(A2, HIGGINS_AGAIN)
    assert mail.outbox == []  # nothing at once
    out = io.StringIO()
    call_command("send-digests", stdout=out)
    assert out.getvalue().strip() == "1 digest email sent, with 3 notifications."
    (digest,) = mail.outbox
    assert digest.to == ["alice@example.com"]
    assert digest.subject == "Daily digest: 3 new matches for your watches"
    assert "Higgins (saved search): 2 new" in digest.body
    assert "ACME WIDGET CO (company): 1 new" in digest.body
    assert f"http://127.0.0.1:8000/filings/{A2}/" in digest.body
    out = io.StringIO()
    call_command("send-digests", stdout=out)  # again: nothing more
    assert out.getvalue().strip() == "0 digest emails sent, with 0 notifications."
    assert len(mail.outbox) == 1
    store(A3, HIGGINS)
    call_command("send-digests", stdout=io.StringIO())
    assert len(mail.outbox) == 2 and "Higgins (saved search): 1 new" in mail.outbox[1].body


def test_no_email_without_email_settings_or_an_address(store, settings):
    alice, bob = person(), person("bob", email="")
    watches.save_search(alice, "q=Higgins")
    watches.save_search(bob, "q=Higgins")
    del settings.MAILERS  # as without EMAIL_HOST
    store(A1, HIGGINS)
    assert mail.outbox == [] and Notification.objects.count() == 2
    with pytest.raises(CommandError, match="Email is not configured"):
        call_command("send-digests")
    settings.MAILERS = LOCMEM
    call_command("send-digests", stdout=io.StringIO())
    # alice's alert, which could not go at once, goes in the digest; bob has no address.
    assert [m.to for m in mail.outbox] == [["alice@example.com"]]


def test_an_email_that_fails_is_kept_for_the_digest(store, monkeypatch):
    alice = person()
    watches.save_search(alice, "q=Higgins")

    def refused(self, *args, **kwargs):
        raise OSError("connection refused")

    from django.core.mail.backends.locmem import EmailBackend

    monkeypatch.setattr(EmailBackend, "send_messages", refused)
    assert store(A1, HIGGINS).status == "created"
    assert Notification.objects.get().emailed_at is None
    monkeypatch.undo()
    call_command("send-digests", stdout=io.StringIO())
    assert len(mail.outbox) == 1


def test_notifications_read_in_the_app_are_not_emailed_in_the_digest(store):
    alice = person()
    watches.save_search(alice, "q=Higgins", delivery="daily")
    store(A1, HIGGINS)
    watches.mark_read(alice)
    call_command("send-digests", stdout=io.StringIO())
    assert mail.outbox == []


# --- feeds -----------------------------------------------------------------------------


def entries(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = etree.fromstring(response.content)
    return [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]


def error_text(response):
    tree = lxml_html.fromstring(response.content.decode())
    return " ".join(tree.xpath('//section[@class="error-page"]')[0].text_content().split())


def test_a_watch_feed_needs_its_owners_token_and_not_a_session(store, client):
    alice, bob = person(), person("bob")
    watch = watches.save_search(alice, "q=Higgins")
    bobs = watches.save_search(bob, "q=Higgins")
    store(A1, HIGGINS)
    token = watches.feed_token(alice)
    url = f"/watches/{watch.pk}/feed"
    anonymous = Client()
    assert entries(anonymous.get(url, {"token": token})) == [
        f"8-K INTERNAP NETWORK SERVICES CORP ({A1})"
    ]
    wrong = anonymous.get(url, {"token": token[:-1] + ("A" if token[-1] != "A" else "B")})
    missing = anonymous.get("/watches/999999/feed", {"token": token})
    theirs = anonymous.get(f"/watches/{bobs.pk}/feed", {"token": token})
    none = anonymous.get(url)
    for refused in (wrong, missing, theirs, none):
        assert refused.status_code == 404
    # The same answer whether or not the watch exists.
    assert len({error_text(r) for r in (wrong, missing, theirs, none)}) == 1
    # A session is no key: alice logged in, without the token, gets nothing.
    client.force_login(alice)
    assert client.get(url).status_code == 404
    # A new token: the old links stop working, the new one works.
    client.post("/watches/feed-token")
    new = FeedToken.objects.get(user=alice).token
    assert new != token
    assert anonymous.get(url, {"token": token}).status_code == 404
    assert len(entries(anonymous.get(url, {"token": new}))) == 1


def test_the_feed_works_when_reading_needs_login(store, settings):
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:-1],
        "filings.access.LoginRequired",
        settings.MIDDLEWARE[-1],
    ]
    alice = person()
    watch = watches.save_search(alice, "q=Higgins")
    token = watches.feed_token(alice)
    assert Client().get("/watches/").status_code == 302
    assert entries(Client().get(f"/watches/{watch.pk}/feed", {"token": token})) == []


def test_my_watches_shows_feed_links_only_once_made(client):
    alice = person()
    watch = watches.save_search(alice, "q=Higgins")
    client.force_login(alice)
    page = client.get("/watches/").content.decode()
    assert "Make my feed links" in page and "/feed?token=" not in page
    assert not FeedToken.objects.exists()  # looking makes no token
    client.post("/watches/feed-token")
    page = client.get("/watches/").content.decode()
    token = FeedToken.objects.get(user=alice).token
    assert f"http://testserver/watches/{watch.pk}/feed?token={token}" in page


# --- pages and permissions --------------------------------------------------------------


def test_a_reader_saves_a_search_from_the_search_page(client, store):
    alice = person()
    client.force_login(alice)
    page = client.get("/search/", {"q": "Higgins", "form": "8-K", "page": "2"}).content.decode()
    tree = lxml_html.fromstring(page)
    (form,) = tree.xpath('//form[@action="/watches/searches"]')
    query = form.xpath('.//input[@name="query"]/@value')[0]
    assert query == "q=Higgins&form=8-K"
    response = client.post("/watches/searches", {"query": query, "name": "  Higgins  news "})
    assert response.status_code == 302 and response["Location"] == "/search/?q=Higgins&form=8-K"
    (watch,) = Watch.objects.filter(user=alice)
    assert (watch.kind, watch.name, watch.query) == ("search", "Higgins news", "q=Higgins&form=8-K")
    page = client.get(response["Location"]).content.decode()
    assert "Saved as" in page and "Save this search" not in page
    # The same search again is refused with the reason, and nothing is added.
    response = client.post("/watches/searches", {"query": query}, follow=True)
    assert "You have saved this search already, as “Higgins news”." in response.content.decode()
    too_long = client.post("/watches/searches", {"query": query, "name": "x" * 201}, follow=True)
    assert "at most 200 characters" in too_long.content.decode()
    assert Watch.objects.count() == 1


def test_follow_and_unfollow_from_the_company_and_person_pages(client, store):
    store(A1, HIGGINS)
    alice = person()
    client.force_login(alice)
    company_page = client.get("/companies/1056386/").content.decode()
    assert ">Follow</button>" in company_page
    client.post("/companies/1056386/follow", {"action": "follow"})
    company_page = client.get("/companies/1056386/").content.decode()
    assert "Following" in company_page and ">Unfollow</button>" in company_page
    pk = higgins().pk
    fragment = client.post(
        f"/people/{pk}/follow", {"action": "follow"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert fragment.lstrip().startswith('<div class="follow" id="follow">')
    assert "Following" in fragment and "You follow Patricia L. Higgins" in fragment
    assert sorted(Watch.objects.filter(user=alice).values_list("kind", flat=True)) == [
        "company",
        "person",
    ]
    client.post(f"/people/{pk}/follow", {"action": "follow"})  # twice: still one
    assert Watch.objects.filter(user=alice, kind="person").count() == 1
    client.post("/companies/1056386/follow", {"action": "unfollow"})
    assert ">Follow</button>" in client.get("/companies/1056386/").content.decode()
    assert list(Watch.objects.filter(user=alice).values_list("kind", flat=True)) == ["person"]
    anonymous = Client().get("/companies/1056386/").content.decode()
    assert "to follow" in anonymous and "<button" not in anonymous.split('id="follow"')[1][:300]


def test_my_watches_lists_renames_changes_delivery_and_deletes(client, store):
    alice = person()
    watch = watches.save_search(alice, "q=Higgins")
    store(A1, HIGGINS)
    store(A2, HIGGINS_AGAIN)
    client.force_login(alice)
    tree = lxml_html.fromstring(client.get("/watches/").content.decode())
    (row,) = tree.xpath(f'//tr[@id="watch-{watch.pk}"]')
    assert row.xpath('.//a[contains(@class, "unread-count")]')[0].text == "2"
    assert "2 in all" in row.text_content()
    client.post(f"/watches/{watch.pk}/", {"name": "Board news", "delivery": "daily"})
    watch.refresh_from_db()
    assert (watch.name, watch.delivery) == ("Board news", "daily")
    bad = client.post(f"/watches/{watch.pk}/", {"name": " ", "delivery": "hourly"}, follow=True)
    assert "Give the watch a name." in bad.content.decode()
    watch.refresh_from_db()
    assert (watch.name, watch.delivery) == ("Board news", "daily")
    client.post(f"/watches/{watch.pk}/delete")
    assert not Watch.objects.exists() and not Notification.objects.exists()


def test_watches_are_private_to_their_owner(client, store):
    alice, bob = person(), person("bob")
    watch = watches.save_search(alice, "q=Higgins", name="Alice's")
    store(A1, HIGGINS)
    (note,) = Notification.objects.all()
    client.force_login(bob)
    assert client.post(f"/watches/{watch.pk}/", {"name": "Bob's"}).status_code == 404
    assert client.post(f"/watches/{watch.pk}/delete").status_code == 404
    assert client.get("/notifications/", {"watch": watch.pk}).status_code == 404
    client.post("/notifications/read", {"id": [note.pk, "9" * 30, "x"]})
    assert client.get("/notifications/", {"watch": "9" * 30}).status_code == 404
    client.post("/notifications/read", {"all": "1"})
    page = client.get("/watches/").content.decode() + client.get("/notifications/").content.decode()
    assert "Alice's" not in page
    watch.refresh_from_db()
    note.refresh_from_db()
    assert watch.name == "Alice's" and note.read_at is None


def test_anonymous_users_keep_no_watches():
    anonymous = Client()
    store_company = Company.objects.create(cik=777, name="ACME")
    for url in ("/watches/", "/notifications/"):
        response = anonymous.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    for url, data in (
        ("/watches/searches", {"query": "q=x"}),
        (f"/companies/{store_company.cik}/follow", {"action": "follow"}),
        ("/watches/feed-token", {}),
        ("/notifications/read", {"all": "1"}),
    ):
        response = anonymous.post(url, data)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not Watch.objects.exists() and not FeedToken.objects.exists()


def test_writes_need_the_csrf_token():
    alice = person()
    watch = watches.save_search(alice, "q=Higgins")
    Company.objects.create(cik=777, name="ACME")
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    for url, data in (
        ("/watches/searches", {"query": "q=other"}),
        (f"/watches/{watch.pk}/", {"name": "changed"}),
        (f"/watches/{watch.pk}/delete", {}),
        ("/watches/feed-token", {}),
        ("/companies/777/follow", {"action": "follow"}),
        ("/notifications/read", {"all": "1"}),
    ):
        assert client.post(url, data).status_code == 403
    assert list(Watch.objects.values_list("name", flat=True)) == ["“Higgins”"]
    assert not FeedToken.objects.exists()


def test_the_header_counts_unread_notifications_in_one_query(
    client, store, rf, django_assert_num_queries
):
    alice = person()
    watches.save_search(alice, "q=Higgins")
    store(A1, HIGGINS)
    store(A2, HIGGINS_AGAIN)
    client.force_login(alice)

    def badge():
        tree = lxml_html.fromstring(client.get("/search/").content.decode())
        return [b.text for b in tree.xpath('//header//a[@href="/notifications/"]/span')]

    assert badge() == ["2"]
    request = rf.get("/")
    request.user = alice
    counted = watches.unread(request)["unread_notifications"]
    with django_assert_num_queries(1):
        assert str(counted) == "2" and counted
    page = client.get("/notifications/").content.decode()
    assert page.count('class="notification unread"') == 2
    (first,) = Notification.objects.filter(filing_id=A1)
    client.post("/notifications/read", {"id": first.pk, "next": "/notifications/?unread=1"})
    assert badge() == ["1"]
    client.post("/notifications/read", {"all": "1"})
    assert badge() == []
    assert 'class="notification unread"' not in client.get("/notifications/").content.decode()


def test_mark_read_goes_back_only_to_the_notifications_page(client):
    client.force_login(person())
    response = client.post("/notifications/read", {"all": "1", "next": "https://evil.example/"})
    assert response["Location"] == "/notifications/"


# --- the home page's new matches ---------------------------------------------------------


def test_new_matches_since_the_last_look(store):
    alice = person()
    watch = watches.save_search(alice, "q=Higgins", name="Higgins")
    store(A1, HIGGINS)
    store(A2, HIGGINS_AGAIN)
    (group,) = watches.new_matches(alice, per_watch=1)
    assert group.watch == watch and group.count == 2
    assert [n.filing_id for n in group.notifications] == [A2]
    from django.template.loader import render_to_string

    fragment = render_to_string("filings/watch_matches.html", {"matches": [group]})
    assert "Higgins" in fragment and "2 new" in fragment and A2 in fragment
    assert watches.mark_seen(alice, [group]) == 2
    assert watches.new_matches(alice) == []
    assert watches.unread_count(alice) == 2  # seen on the home page is not read
    store(A3, HIGGINS)
    (group,) = watches.new_matches(alice)
    assert [n.filing_id for n in group.notifications] == [A3]
    empty = render_to_string("filings/watch_matches.html", {"matches": []})
    assert "Nothing new" in empty


def test_the_notifications_page_is_paginated_newest_first(client, store):
    alice = person()
    watches.save_search(alice, "")
    for n in range(1, 4):
        store(f"0000000001-05-00000{n}", OTHER)
    client.force_login(alice)
    page = client.get("/notifications/").content.decode()
    found = re.findall(r"0000000001-05-00000\d", page)
    assert list(dict.fromkeys(found)) == [A3, A2, A1]


@pytest.fixture
def rf():
    from django.test import RequestFactory

    return RequestFactory()


def test_the_deploy_check_says_when_alert_links_point_at_loopback(settings):
    from filings.checks import alert_links_name_the_site

    assert [w.id for w in alert_links_name_the_site(None)] == ["filings.W002"]
    settings.BASE_URL = "https://filings.example.com"
    assert alert_links_name_the_site(None) == []
    settings.BASE_URL = "http://127.0.0.1:8000"
    del settings.MAILERS  # no email: nothing links anywhere
    assert alert_links_name_the_site(None) == []


def test_a_feed_token_never_reaches_the_logs(store, caplog):
    """The token is the feed's only key: the request log keeps the path, not the query, and
    neither gunicorn command in the Makefile adds an access log that would write it."""
    alice = person()
    watch = watches.save_search(alice, "q=Higgins")
    token = watches.feed_token(alice)
    with caplog.at_level(logging.INFO, logger="filings"):
        response = Client().get(f"/watches/{watch.pk}/feed", {"token": token})
    assert response.status_code == 200
    lines = [r for r in caplog.records if r.name == "filings.requests"]
    assert lines and all(token not in r.getMessage() for r in lines)
    assert all(token not in str(vars(r)) for r in caplog.records)
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text()
    assert "gunicorn" in makefile and "access-log" not in makefile
