"""A comparison opened the way an analyst opens one: from the filing page's "Compare with
previous" link, in a real browser with every script of the app running."""

import pytest
from playwright.sync_api import expect

from filings import ingest
from tests.fixtures import submission

SENTENCE = "On December 17, 2004, the Board elected Ms. Patricia L. Higgins as a director."
ACC, LATER = "0001193125-04-218426", "0001193125-05-000111"


@pytest.mark.django_db(transaction=True)
def test_compare_with_previous_opens_the_side_by_side_view(live_server, page, console_errors):
    for data in (
        submission(sentence=SENTENCE),
        submission(acc=LATER, filed="20050110", sentence=SENTENCE.replace("a director", "chair")),
    ):
        assert ingest.ingest(data, "f.txt").ok
    page.goto(f"{live_server.url}/filings/{LATER}/")
    link = page.get_by_role("link", name=f"Compare with previous 8-K ({ACC}, filed 2004-12-22)")
    link.click()
    page.wait_for_url("**/compare/?a=*")
    expect(page.locator("h1")).to_have_text("Comparison")
    expect(page.locator(".compare-summary")).to_contain_text("1 section changed")
    row = page.locator(".diff-row.status-changed")
    expect(row.locator(".diff-before del")).to_have_text("a director")
    expect(row.locator(".diff-after ins")).to_have_text("chair")
    # Unchanged paragraphs are collapsed, and open on a click.
    run = page.locator("details.diff-run").first
    expect(run.locator(".diff-same")).to_be_hidden()
    run.locator("summary").click()
    expect(run.locator(".diff-same")).to_be_visible()
    # The two columns stand side by side.
    before, after = (
        row.locator(".diff-before").bounding_box(),
        row.locator(".diff-after").bounding_box(),
    )
    assert before["x"] + before["width"] <= after["x"] and abs(before["y"] - after["y"]) < 2
    assert console_errors == []
