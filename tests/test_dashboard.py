"""The home page: what arrived, what happened, what needs attention and the store's shape,
against counts made here from the stored rows."""

import re
from collections import Counter
from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone

from filings import annotations, decisions, ingest, search, watches
from filings.models import (
    Annotation,
    Event,
    Filing,
    FilingParty,
    HomeVisit,
    Item,
    Notification,
)
from tests.annotations.helpers import target, user
from tests.fixtures import submission
from tests.insiders.forms import Txn, form4

pytestmark = pytest.mark.django_db

STORE = [
    ("0001193125-04-000001", "8-K", "20041222", "INTERNAP NETWORK SERVICES CORP"),
    ("0001193125-04-000002", "8-K", "20040315", "ALPHA WIDGETS INC"),
    ("0001193125-05-000003", "8-K", "20050601", "BETA TOOLS CORP"),
    ("0001193125-05-000004", "10-K", "20050301", "GAMMA HOLDINGS INC"),
]
SENTENCES = [
    "On December 17, 2004, the Board of Directors elected Ms. Patricia L. Higgins as a "
    "member of the Board of Directors, effective December 17, 2004.",
    "On March 10, 2004, Mr. John A. Marsh resigned as Chief Financial Officer of the Company.",
    "On May 30, 2005, the Board appointed Ms. Laura T. Chen as Chief Operating Officer.",
    "The Company has no news.",
]


@pytest.fixture
def store():
    for i, (acc, form, filed, company) in enumerate(STORE):
        sentence = "</P><P>".join(("Item 5.02 Election of Directors", SENTENCES[i]))
        data = submission(
            acc=acc, form=form, filed=filed, company=company, cik=f"{i + 1:010d}", sentence=sentence
        )
        assert ingest.ingest(data, f"{acc}.txt").ok
    return Filing.objects.all()


def bars(page: str, chart: str) -> dict[str, tuple[int, str]]:
    """label -> (number, href) of one chart's bars, as the SVG draws them."""
    figure = re.search(rf'<figure class="dash-chart" id="chart-{chart}">(.*?)</figure>', page, re.S)
    found = re.findall(
        r'<a href="([^"]+)" class="bar" data-label="([^"]*)" data-value="(\d+)">', figure.group(1)
    )
    return {unescape(label): (int(n), unescape(href)) for href, label, n in found}


def test_the_charts_count_what_the_store_holds_and_each_bar_opens_the_same_filings(client, store):
    page = client.get("/").content.decode()
    years = Counter(str(f.filed_date.year) for f in Filing.objects.all())
    forms = Counter(Filing.objects.values_list("form", flat=True))
    items = Counter(c for c, _ in set(Item.objects.exclude(code="").values_list("code", "filing")))
    sics = Counter(
        sic for sic, _ in set(FilingParty.objects.exclude(sic="").values_list("sic", "filing"))
    )
    assert {k: n for k, (n, _) in bars(page, "year").items()} == years == {"2004": 2, "2005": 2}
    assert {k: n for k, (n, _) in bars(page, "form").items()} == forms
    assert {k.split()[0]: n for k, (n, _) in bars(page, "sic").items()} == sics
    assert {k: n for k, (n, _) in bars(page, "item").items()} == items
    assert items  # the fixtures' 8-Ks carry items
    # A click on a bar: the search it opens finds exactly the bar's filings.
    for chart in ("year", "form", "sic", "item"):
        for label, (n, href) in bars(page, chart).items():
            assert href.startswith("/search/?q=")
            found = client.get(href).content.decode()
            assert re.search(rf'<p class="count">{n} filing', found), (chart, label, href)


def test_the_sic_chart_counts_a_filing_under_each_company_it_names(client, store):
    """A merger's 8-K names a subject company of another industry: the filing counts under
    both codes, as the search's sic facet counts it, and each bar's search agrees."""
    filing = Filing.objects.order_by("pk").first()
    own = filing.parties.get(role="filer").sic
    FilingParty.objects.create(
        filing=filing, position=9, role="subject-company", name="TARGET CO", sic="2834"
    )
    search.index_filing(filing.pk)
    chart = {k.split()[0]: v for k, v in bars(client.get("/").content.decode(), "sic").items()}
    assert chart["2834"][0] == 1
    assert chart[own][0] == FilingParty.objects.filter(sic=own).values("filing").distinct().count()
    found = client.get(chart["2834"][1]).content.decode()
    assert '<p class="count">1 filing' in found
    # Labelled as the search's facet labels them (capitals would overrun the label column).
    labels = bars(client.get("/").content.decode(), "sic")
    assert "7370 Services-Computer Programming, Data Processing, Etc." in labels


def test_the_year_and_form_table_and_the_numbers_behind_each_chart(client, store):
    page = client.get("/").content.decode()
    table = re.search(r'<details class="year-form">(.*?)</details>', page, re.S).group(1)
    row_2005 = re.search(r"<tr><th scope=\"row\">.*?2005</a></th>(.*?)</tr>", table, re.S).group(1)
    assert re.findall(r">(\d+)<", row_2005) == ["1", "1", "2"]  # 8-K, 10-K, all
    numbers = re.search(r'id="chart-form">.*?<table>(.*?)</table>', page, re.S).group(1)
    assert '<td class="num">3</td>' in numbers  # three 8-Ks, readable as text


def test_what_arrived_lists_the_newest_stored_first_with_their_items(client, store):
    page = client.get("/").content.decode()
    arrived = re.search(r'<ol class="arrivals plain">(.*?)</ol>\s*<p>', page, re.S).group(1)
    shown = re.findall(r'href="/filings/([\d-]+)/"', arrived)
    newest = list(Filing.objects.order_by("-created_at", "-accession").values_list("pk", flat=True))
    assert shown == newest
    assert "Departure of Directors" in arrived  # the 8-K's item titles


def test_a_form_4_arrives_with_its_transactions_in_one_line(client, store):
    data = form4(rows=[Txn(code="S", shares="12000", price="31.20"), Txn(code="P", shares="300")])
    assert ingest.ingest(data, "form4.txt").ok
    page = client.get("/").content.decode()
    first = re.search(r'<ol class="arrivals plain">\s*<li>(.*?)</li>', page, re.S).group(1)
    assert "0001000001-24-000001" in first
    summary = re.search(r'<p class="arrival-summary">(.*?)</p>', first).group(1)
    assert "12,000" in summary and "(S)" in summary and "(P)" in summary


def test_what_happened_marks_the_events_reviewed_and_links_each_to_its_sentence(client, store):
    event = Event.objects.filter(event_type="elected").order_by("-filing__filed_date").first()
    page = client.get("/").content.decode()
    happened = re.search(r'<ol class="happenings plain">(.*?)</ol>', page, re.S).group(1)
    assert (
        happened.count('class="badge state-unreviewed"')
        == Event.objects.filter(
            event_type__in=("elected", "appointed", "resigned", "retired")
        ).count()
    )
    assert f'href="{event.get_absolute_url()}"'.replace("&", "&amp;") in happened
    assert "?hl=" in event.get_absolute_url()
    decisions.decide(user("rita", "analyst"), event, "accepted")
    happened = re.search(
        r'<ol class="happenings plain">(.*?)</ol>', client.get("/").content.decode(), re.S
    ).group(1)
    assert happened.count('class="badge state-accepted"') == 1
    assert "signed" not in re.findall(r'<span class="event">([^<]+)</span>', happened)


def test_unreviewed_events_are_counted_and_drop_when_one_is_decided(client, store):
    reviewer = user("rita", "analyst")
    client.force_login(reviewer)
    total = Event.objects.count()

    def unreviewed() -> int:
        page = client.get("/").content.decode()
        return int(re.search(r'href="/review/">(\d+) unreviewed event', page).group(1))

    assert unreviewed() == total
    decisions.decide(reviewer, Event.objects.first(), "rejected", reason="not a person")
    assert unreviewed() == total - 1


def test_data_problems_are_listed_by_kind(client, store):
    Filing.objects.filter(pk=STORE[1][0]).update(
        findings=[{"code": "document-count-mismatch", "message": "m", "where": "header"}]
    )
    page = client.get("/").content.decode()
    assert "1 filing: document count differs from the header" in page


def test_notes_from_the_team_since_the_last_visit(client, store):
    alice, bob = user("alice", "analyst", "desk"), user("bob", "analyst", "desk")
    filing = Filing.objects.get(pk=STORE[0][0])
    old = annotations.create(alice, target(filing), body="old team note", visibility="team")
    annotations.create(alice, target(filing), body="alice's private note")
    annotations.create(bob, target(filing), body="bob's own note", visibility="team")
    client.force_login(bob)

    def listed() -> list[str]:
        page = client.get("/").content.decode()
        block = re.search(r"<h3>Notes from the team.*?</h3>(.*?)</section>", page, re.S).group(1)
        return [
            Annotation.objects.get(pk=int(n)).body
            for n in re.findall(r'href="/notes/(\d+)/', block)
        ]

    assert listed() == ["old team note"]  # the first visit: everything new; not bob's own
    assert listed() == ["old team note"]  # still the same visit
    # The next day: what was there at the last visit is no longer new; what came since is.
    HomeVisit.objects.filter(user=bob).update(last_seen=timezone.now() - timedelta(hours=20))
    Annotation.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=2))
    annotations.create(alice, target(filing), body="a fresh team note", visibility="team")
    assert listed() == ["a fresh team note"]


def test_new_matches_for_the_users_watches_stay_listed_for_the_visit(
    client, django_capture_on_commit_callbacks
):
    bob = user("bob", "reader")
    watches.save_search(bob, "q=Higgins", name="Higgins watch")
    with django_capture_on_commit_callbacks(execute=True):
        assert ingest.ingest(submission(), "higgins.txt").ok
    client.force_login(bob)

    def shown() -> str:
        page = client.get("/").content.decode()
        return re.search(r'<section class="watch-matches".*?</section>', page, re.S).group(0)

    assert "Higgins watch" in shown() and "1 new" in shown()
    assert "Higgins watch" in shown()  # a reload within the visit keeps it listed
    HomeVisit.objects.filter(user=bob).update(last_seen=timezone.now() - timedelta(hours=20))
    Notification.objects.update(created_at=timezone.now() - timedelta(days=2))
    assert "Nothing new" in shown()  # the next visit: shown last time, not new now
    assert watches.unread_count(bob) == 1  # seen on the home page is not read


def test_an_empty_store_says_so_and_a_reader_sees_no_review_link(client):
    client.force_login(user("ruth", "reader"))
    page = client.get("/").content.decode()
    assert "Nothing is stored yet." in page
    assert "0 unreviewed events" in page and 'href="/review/"' not in page
    assert "No filings yet." in page
