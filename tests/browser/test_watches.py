"""Watches in a real browser: save a search, follow a person, and see a new matching
filing counted in the header and listed among the notifications."""

import pytest
from playwright.sync_api import expect

from filings import accounts, ingest
from filings.models import Person
from tests.fixtures import submission

ITEM_502 = "Item 5.02 Election of Directors</P><P>"
A1, A2 = "0000000001-05-000001", "0000000001-05-000002"


@pytest.mark.django_db(transaction=True)
def test_save_a_search_follow_a_person_and_see_the_new_filing(live_server, page, console_errors):
    elected = "On December 17, 2004, the Board elected Ms. Patricia L. Higgins as a director."
    assert ingest.ingest(submission(acc=A1, sentence=ITEM_502 + elected), "a.txt").ok
    accounts.add_user("rita", "reader", "a-long-password-1")
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "rita")
    page.fill("input[name=password]", "a-long-password-1")
    page.click("button[type=submit]")
    expect(page.locator("details.whoami summary")).to_have_text("rita")
    expect(page.locator("header .unread-count")).to_have_count(0)

    page.goto(f"{live_server.url}/search/?q=Higgins")
    page.fill("#save-search input[name=name]", "Higgins news")
    page.click("#save-search button")
    expect(page.locator(".messages")).to_contain_text("Saved as “Higgins news”")
    expect(page.locator("#save-search")).to_contain_text("Saved as Higgins news")

    person = Person.objects.get(family__iexact="higgins")
    page.goto(f"{live_server.url}/people/{person.pk}/")
    page.locator("#follow button", has_text="Follow").click()
    expect(page.locator("#follow")).to_contain_text("Following")  # swapped in by htmx
    expect(page.locator("#follow button")).to_have_text("Unfollow")

    chair = "On March 1, 2005, Ms. Patricia L. Higgins was appointed chair of the Board."
    assert ingest.ingest(submission(acc=A2, sentence=ITEM_502 + chair), "b.txt").status == "created"
    page.reload()
    expect(page.locator("header .unread-count")).to_have_text("2")
    page.locator("header a.alerts").click()
    rows = page.locator("tr.notification.unread")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text(A2)
    expect(page.locator("table.notifications")).to_contain_text("Higgins news")
    expect(page.locator("table.notifications")).to_contain_text("names Patricia L. Higgins")
    rows.first.locator("button", has_text="Mark read").click()
    expect(page.locator("header .unread-count")).to_have_text("1")
    page.click("text=Mark all read")
    expect(page.locator("header .unread-count")).to_have_count(0)
    expect(page.locator("tr.notification.unread")).to_have_count(0)
    assert console_errors == []
