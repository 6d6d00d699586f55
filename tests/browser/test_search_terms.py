"""From a search hit to its document with the query's words marked and in view."""

import re

import pytest
from playwright.sync_api import expect

from filings import ingest
from tests.fixtures import submission


@pytest.mark.django_db(transaction=True)
def test_a_hit_opens_its_document_with_the_words_marked(live_server, page, console_errors):
    filler = "<P>Nothing to see in this paragraph.</P>" * 60
    sentence = filler + "<P>The Compensation Committee approved the grant to Ms. Zyzzyva.</P>"
    assert ingest.ingest(submission(sentence=sentence), "a.txt").ok
    page.goto(f"{live_server.url}/search/?q=%22compensation+committee%22+zyzzyva")
    page.locator("li.hit a.title").first.click()
    expect(page).to_have_url(re.compile(r"/filings/[\d-]+/1/\?q="))
    frame = page.frame_locator("#document-frame")
    marks = frame.locator("mark.app-term")
    expect(marks).to_have_count(2)
    assert marks.all_inner_texts() == ["Compensation Committee", "Zyzzyva"]
    box = marks.first.bounding_box()
    assert box and 0 <= box["y"] <= page.viewport_size["height"]  # scrolled into view
    assert console_errors == []
