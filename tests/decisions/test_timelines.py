"""Person and company pages as analysts have reviewed them: confirmed and recorded events
first and marked by whom, unreviewed ones marked as such, rejected ones behind a toggle,
and a company's board and officers built from reviewed events only."""

import datetime as dt

import pytest
from lxml import html

from filings import decisions
from filings.decisions import Facts
from tests.annotations.helpers import target
from tests.decisions.helpers import event_of, reviewer, store_two

pytestmark = pytest.mark.django_db


def rows(tree, xpath):
    """Each row's text, its cells joined by a space."""
    return [
        " ".join(" ".join(td.text_content().split()) for td in tr.xpath("./td|./th"))
        for tr in tree.xpath(xpath)
    ]


@pytest.fixture
def filing():
    return store_two()


def test_a_persons_timeline_puts_reviewed_events_first(client, filing):
    alice = reviewer()
    smith = event_of(filing, "Smith")
    page = html.fromstring(client.get(smith.person.get_absolute_url()).content)
    (row,) = rows(page, "//tbody[@class='timeline-unreviewed']/tr[not(@class='section')]")
    assert "extracted, unreviewed" in row and not page.xpath("//tbody[@class='timeline-confirmed']")
    facts = Facts(
        "retired",
        "John Smith",
        role="Chief Accounting Officer",
        effective_date=dt.date(2005, 1, 31),
    )
    decisions.decide(alice, smith, "corrected", facts=facts)
    page = html.fromstring(client.get(smith.person.get_absolute_url()).content)
    (row,) = rows(page, "//tbody[@class='timeline-confirmed']/tr[not(@class='section')]")
    assert row.startswith("2005-01-31 (future at filing) retired Chief Accounting Officer")
    assert "corrected by alice" in row
    assert not page.xpath("//tbody[@class='timeline-unreviewed']")


def test_rejected_events_are_behind_a_toggle(client, filing):
    alice = reviewer()
    higgins = event_of(filing, "Higgins")
    decisions.decide(alice, higgins, "rejected", reason="Mentioned only")
    page = html.fromstring(client.get(higgins.person.get_absolute_url()).content)
    assert not page.xpath("//tbody[@class='timeline-confirmed' or @class='timeline-unreviewed']")
    (toggle,) = page.xpath("//details[@class='timeline-rejected']")
    assert "Rejected by analysts (1)" in toggle.text_content()
    assert "rejected by alice “Mentioned only”" in " ".join(toggle.text_content().split())


def test_the_company_board_is_built_from_reviewed_events(client, filing):
    alice = reviewer()
    url = "/companies/1056386/"
    page = html.fromstring(client.get(url).content)
    assert not page.xpath("//table[contains(@class, 'board')]")
    assert "No reviewed events yet" in page.text_content()
    decisions.decide(alice, event_of(filing, "Higgins"), "accepted")
    smith = event_of(filing, "Smith")
    corrected = Facts(
        "retired",
        "John Smith",
        role="Chief Financial Officer",
        effective_date=dt.date(2004, 12, 20),
    )
    decisions.decide(alice, smith, "corrected", facts=corrected)
    passage = target(filing, "John Smith resigned as Chief Financial Officer")
    decisions.record_event(
        alice,
        passage,
        Facts(
            "appointed",
            "Mary Major",
            role="Chief Financial Officer",
            effective_date=dt.date(2004, 12, 21),
        ),
    )
    page = html.fromstring(client.get(url).content)
    board = rows(page, "//table[contains(@class, 'board')]/tbody/tr")
    assert board == [
        "Mary Major Chief Financial Officer 2004-12-21 appointed, recorded by alice —",
        "Patricia L. Higgins Director 2004-12-17 elected, confirmed by alice —",
        "John Smith Chief Financial Officer not known 2004-12-20 retired, corrected by alice",
    ]
    # Each date links to its sentence.
    (start,) = page.xpath("//table[contains(@class, 'board')]//a[.='2004-12-17']")
    higgins = event_of(filing, "Higgins")
    assert start.get("href") == higgins.get_absolute_url()
