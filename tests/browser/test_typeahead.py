"""The header's search box: a WAI-ARIA combobox driven from the keyboard, and a header
that fits a phone."""

import re

import pytest
from playwright.sync_api import expect

from filings import ingest
from filings.models import Person
from tests.fixtures import submission
from tests.search.helpers import HIGGINS

COMPANIES = {
    "/companies/1056386/": "INTERNAP NETWORK SERVICES CORP",
    "/companies/77/": "INTERNATIONAL WIDGETS INC",
    "/companies/88/": "INTERNET GADGETS LLC",
}


def store_three_companies():
    for n, (url, company) in enumerate(COMPANIES.items(), start=1):
        cik = url.split("/")[2].zfill(10)
        data = submission(acc=f"0000000001-04-{n:06d}", company=company, cik=cik, sentence=HIGGINS)
        assert ingest.ingest(data, f"{n}.txt").ok


@pytest.mark.django_db(transaction=True)
def test_arrows_enter_and_escape_drive_the_suggestions(live_server, page, console_errors):
    store_three_companies()
    page.goto(f"{live_server.url}/filings/")
    box = page.get_by_role("combobox", name="Search")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_attribute("aria-controls", "typeahead-list")
    box.fill("intern")
    listbox = page.locator("#typeahead-list[role=listbox]")
    expect(listbox).to_be_visible()
    options = listbox.locator("[role=option]")
    expect(options.first).to_be_visible()
    expect(options).to_have_count(3)
    expect(box).to_have_attribute("aria-expanded", "true")
    assert box.get_attribute("aria-activedescendant") is None

    box.press("ArrowDown")
    first = options.nth(0)
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    box.press("ArrowDown")
    second = options.nth(1)
    expect(second).to_have_attribute("aria-selected", "true")
    expect(first).to_have_attribute("aria-selected", "false")
    expect(box).to_have_attribute("aria-activedescendant", second.get_attribute("id"))
    assert page.evaluate("document.activeElement.name") == "q"  # focus stays in the box
    # Up from the first option wraps to the last, and down from the last to the first.
    box.press("ArrowUp")
    box.press("ArrowUp")
    expect(options.last).to_have_attribute("aria-selected", "true")
    box.press("ArrowDown")
    box.press("ArrowDown")
    expect(second).to_have_attribute("aria-selected", "true")
    href = second.locator("a").get_attribute("href")
    box.press("Enter")
    expect(page).to_have_url(f"{live_server.url}{href}")
    expect(page.locator("h1")).to_have_text(COMPANIES[href])

    # Escape closes the list; a second Escape clears the box.
    box = page.get_by_role("combobox", name="Search")
    box.fill("internap")
    expect(page.locator("#typeahead-list [role=option]").first).to_be_visible()
    box.press("ArrowDown")
    box.press("Escape")
    expect(page.locator("#typeahead-list")).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    assert box.get_attribute("aria-activedescendant") is None
    expect(box).to_have_value("internap")
    box.press("Escape")
    expect(box).to_have_value("")
    # Closed while the next suggestions are on their way: they do not open it again.
    box.fill("inter")
    expect(page.locator("#typeahead-list [role=option]").first).to_be_visible()
    box.press("n")
    box.press("Escape")
    page.wait_for_timeout(800)
    expect(page.locator("#typeahead-list")).to_be_hidden()
    expect(box).to_have_value("intern")
    box.press("Escape")

    # A click elsewhere closes it; the mouse still opens an option.
    box.fill("internap")
    expect(page.locator("#typeahead-list [role=option]").first).to_be_visible()
    page.locator("h1").click()
    expect(page.locator("#typeahead-list")).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    box.click()
    option = page.locator("#typeahead-list a", has_text="INTERNAP NETWORK SERVICES CORP")
    expect(option).to_be_visible()
    option.click()
    expect(page).to_have_url(f"{live_server.url}/companies/1056386/")

    # Enter with no active option searches for what was typed.
    box = page.get_by_role("combobox", name="Search")
    box.fill("widgets")
    expect(page.locator("#typeahead-list [role=option]").first).to_be_visible()
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=widgets$"))
    assert console_errors == []


@pytest.mark.django_db(transaction=True)
def test_typing_while_suggestions_are_on_their_way(live_server, page, console_errors):
    # Focus asks for suggestions at once, typing asks again 150 ms later: on a slow server
    # the first answer is still on its way. The second waits for it instead of aborting it
    # (an aborted request logs an error in the console), and the list shows what was typed.
    store_three_companies()
    held = []

    def hold_the_first(route):
        if held:
            route.continue_()
        else:
            held.append(route)

    page.route("**/search/typeahead*", hold_the_first)
    page.goto(f"{live_server.url}/filings/")
    box = page.get_by_role("combobox", name="Search")
    box.focus()
    page.wait_for_function(
        "document.querySelector('.quick-search input').classList.contains('htmx-request')"
    )
    box.fill("internet")
    page.wait_for_timeout(400)
    assert len(held) == 1
    held[0].continue_()
    options = page.locator("#typeahead-list [role=option]")
    expect(options).to_have_count(1)
    expect(options.first).to_contain_text("INTERNET GADGETS LLC")
    assert console_errors == []


PHONE = {"width": 390, "height": 844}


@pytest.mark.django_db(transaction=True)
def test_the_header_fits_a_phone(live_server, browser, django_user_model):
    store_three_companies()
    person = Person.objects.order_by("pk").first()
    urls = [
        "/filings/",
        "/filings/0000000001-04-000001/",
        "/search/?q=intern",
        person.get_absolute_url(),
    ]
    # Signed in as staff, the header holds every link it can, and a long user name.
    django_user_model.objects.create_superuser("analyst-with-a-long-name", "a@example.com", "pw")
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()

    def fits(signed_in):
        for url in urls:
            page.goto(f"{live_server.url}{url}")
            topbar = page.locator(".topbar")
            expect(topbar).to_contain_text("analyst-with-a-long-name" if signed_in else "Log in")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], (url, signed_in, width)
            search = page.get_by_role("combobox", name="Search").bounding_box()
            assert search["width"] >= 300, (url, signed_in)  # a box one can type in

    fits(signed_in=False)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "analyst-with-a-long-name")
    page.fill("#id_password", "pw")
    page.click("input[type=submit]")
    fits(signed_in=True)
    context.close()
