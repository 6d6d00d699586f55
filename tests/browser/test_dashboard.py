"""The home page in Chromium: the dashboard draws, and a bar of a chart opens its search."""

import re

import pytest
from playwright.sync_api import expect

from tests.test_dashboard import store  # noqa: F401 (the fixture)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("store")
def test_a_bar_of_the_year_chart_opens_the_search_for_that_year(
    live_server, page, console_errors, tmp_path
):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="What arrived")).to_be_visible()
    chart = page.locator("#chart-year svg")
    expect(chart).to_be_visible()
    bar = chart.locator('a.bar[data-label="2005"]')
    box = bar.locator("rect").bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0  # drawn, not only in the markup
    page.screenshot(path=str(tmp_path / "home.png"), full_page=True)  # to look at
    bar.locator("rect").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=year%3A2005$"))
    expect(page.locator("p.count")).to_contain_text("2 filings")
    assert console_errors == []
