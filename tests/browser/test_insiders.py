"""From a company to its insider transactions, the holdings chart and back to a filing."""

import re

import pytest
from playwright.sync_api import expect

from filings import ingest
from tests.insiders.forms import ISSUER_CIK, Owner, Txn, form4


@pytest.mark.django_db(transaction=True)
def test_the_issuers_insider_page_its_sorting_and_chart(live_server, page, console_errors):
    cfo = Owner(officer="Chief Financial Officer")
    for acc, filed, period, after in (
        ("0001000001-24-000001", "20240304", "2024-03-01", "9000"),
        ("0001000001-24-000002", "20240610", "2024-06-07", "7000"),
    ):
        data = form4(
            acc=acc,
            filed=filed,
            period=period,
            owners=[cfo],
            rows=[Txn(code="S", shares="1000", after=after, date=period)],
        )
        assert ingest.ingest(data, f"{acc}.txt").ok

    page.goto(f"{live_server.url}/companies/{int(ISSUER_CIK)}/")
    page.get_by_role("link", name=re.compile("All insider transactions")).click()
    expect(page).to_have_url(re.compile(rf"/companies/{int(ISSUER_CIK)}/insiders/$"))
    table = page.locator("table.insider-table")
    expect(table.locator("tbody tr")).to_have_count(2)
    expect(table.locator("abbr", has_text="S").first).to_have_attribute(
        "title", "Open market or private sale of non-derivative or derivative security"
    )

    # Sorting is a link: oldest first, then back.
    page.locator("table.insider-table th a", has_text="Date").click()
    expect(page).to_have_url(re.compile(r"sort=date"))
    expect(table.locator("tbody tr").first).to_contain_text("2024-03-01")

    chart = page.locator("figure.holdings-chart svg")
    expect(chart).to_have_count(1)
    expect(chart.locator("path.point")).to_have_count(2)
    expect(chart.locator("title").first).to_have_text("Holdings over time: Harriet M. Quill")
    page.locator("figure.holdings-chart summary").click()
    expect(page.locator("table.chart-data tbody tr")).to_have_count(2)
    expect(page.locator("table.chart-data")).to_contain_text("7,000")

    chart.locator("a").last.click()
    expect(page).to_have_url(re.compile(r"/filings/0001000001-24-000002/$"))
    assert console_errors == []
