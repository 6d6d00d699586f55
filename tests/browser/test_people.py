"""From a name in a filing to the person, the company, and back to the sentence."""

import re

import pytest
from playwright.sync_api import expect

from filings import ingest
from tests.corpus import corpus_available, read_corpus_file

ACC = "0001193125-04-218426"


@pytest.mark.skipif(not corpus_available(), reason="EDGAR corpus not found")
@pytest.mark.django_db(transaction=True)
def test_from_the_internap_8k_to_higgins_to_the_company_and_back(live_server, page, console_errors):
    assert ingest.ingest(read_corpus_file(f"{ACC}.txt"), f"{ACC}.txt").ok
    page.goto(f"{live_server.url}/filings/{ACC}/")
    # The name is marked in the document itself; following it opens the person page.
    frame = page.frame_locator("#document-frame")
    frame.locator("a.app-known", has_text="Patricia L. Higgins").first.click()
    expect(page).to_have_url(re.compile(r"/people/\d+/$"))
    expect(page.locator("h1")).to_have_text("Patricia L. Higgins")
    timeline = page.locator("table.timeline")
    expect(timeline).to_contain_text("elected")
    expect(timeline).to_contain_text("named-to-committee")
    expect(timeline).to_contain_text("2004-12-17")
    person_url = page.url

    page.get_by_role("link", name="INTERNAP NETWORK SERVICES CORP").first.click()
    expect(page).to_have_url(f"{live_server.url}/companies/1056386/")
    expect(page.locator("body")).to_contain_text("Patricia L. Higgins")
    expect(page.locator("body")).to_contain_text("INTERNAP NETWORK SERVICES CORP/WA")

    page.goto(person_url)
    page.locator("table.timeline tr", has_text="elected").locator("td.evidence-text a").click()
    expect(page).to_have_url(re.compile(rf"/filings/{ACC}/1/\?hl=\d+-\d+$"))
    mark = page.frame_locator("#document-frame").locator("mark.app-evidence")
    expect(mark).to_contain_text("elected, effective December 17, 2004, Ms. Patricia L. Higgins")
    assert console_errors == []
