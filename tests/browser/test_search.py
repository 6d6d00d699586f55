"""Typeahead in the header and facet clicks, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from filings import ingest
from tests.fixtures import submission


@pytest.mark.django_db(transaction=True)
def test_typeahead_opens_the_company_and_facets_narrow_results(live_server, page, console_errors):
    ingest.ingest(submission(acc="0000000001-04-000001"), "a.txt")
    ingest.ingest(
        submission(acc="0000000002-05-000001", form="10-Q", company="OTHER WIDGETS INC", cik="99"),
        "b.txt",
    )
    page.goto(f"{live_server.url}/filings/")
    page.locator(".quick-search input").fill("intern")
    option = page.locator("#typeahead a", has_text="INTERNAP NETWORK SERVICES CORP")
    expect(option).to_be_visible()
    option.click()
    expect(page).to_have_url(f"{live_server.url}/companies/1056386/")

    page.goto(f"{live_server.url}/search/?q=")
    expect(page.locator(".count")).to_contain_text("2 filings")
    page.locator('[data-facet="form"] a', has_text="10-Q").click()
    expect(page).to_have_url(re.compile(r"form=10-Q"))
    expect(page.locator(".count")).to_contain_text("1 filing")
    expect(page.locator(".hits")).to_contain_text("OTHER WIDGETS INC")
    # The results replace themselves: not nested in the old grid's first column.
    expect(page.locator("#search-results")).to_have_count(1)
    assert page.locator(".hits").bounding_box()["width"] > 600
    page.go_back()
    expect(page.locator(".count")).to_contain_text("2 filings")
    assert console_errors == []


@pytest.mark.django_db(transaction=True)
def test_filtering_the_filings_list_replaces_its_results(live_server, page, console_errors):
    ingest.ingest(submission(acc="0000000001-04-000001"), "a.txt")
    ingest.ingest(submission(acc="0000000002-05-000001", form="10-Q"), "b.txt")
    page.goto(f"{live_server.url}/filings/")
    page.locator("input[name=form]").fill("10-Q")
    page.locator("input[name=form]").press("Enter")
    expect(page).to_have_url(re.compile(r"form=10-Q"))
    expect(page.locator("#results")).to_have_count(1)
    expect(page.locator("#results")).to_contain_text("0000000002-05-000001")
    expect(page.locator("#results")).not_to_contain_text("0000000001-04-000001")
    assert console_errors == []
