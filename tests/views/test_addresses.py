"""Header addresses read as one line: "20525 MARIANI AVE, CUPERTINO, CA 95014"."""

import html
import re

import pytest
from django.template import Context, Template

from filings import edgar, ingest
from tests.corpus import corpus_available, main_rows, read_corpus_file

PARTS = ("street1", "street2", "city", "state", "zip")


def line(address):
    return Template("{% load addresses %}{{ a|address_line }}").render(Context({"a": address}))


def assert_clean(address, where):
    assert address == address.strip(), where
    assert " ," not in address and ",," not in address and not address.endswith(","), where


def test_address_line_joins_the_parts_that_are_there():
    assert line({"street1": "20525 MARIANI AVE ", "street2": "", "city": "CUPERTINO"}) == (
        "20525 MARIANI AVE, CUPERTINO"
    )
    assert line(
        {"street1": "ONE  WAY,", "street2": "SUITE 5", "city": "X", "state": "CA", "zip": "95014"}
    ) == ("ONE WAY, SUITE 5, X, CA 95014")
    assert line({"city": "SEATTLE", "zip": "98104", "phone": "2065551234"}) == "SEATTLE, 98104"
    assert line({"city": "HONG KONG", "state": "K3", "zip": "-"}) == "HONG KONG, K3"
    assert line({"street1": "QUEEN'S ROAD"}) == "QUEEN&#x27;S ROAD"  # escaped, as any value
    assert line({"state": "WA"}) == "WA"
    assert line(None) == "" and line({}) == ""


@pytest.mark.parametrize("row", main_rows(), ids=lambda r: r.name)
@pytest.mark.corpus
@pytest.mark.skipif(not corpus_available(), reason="EDGAR corpus not found")
def test_every_corpus_address_reads_as_one_clean_line(row):
    """Each header address of the corpus, stored as ingest stores it: no stray comma, and
    every part it gives is in the line."""
    for party in edgar.parse(row.read(), name=row.name).parties:
        for address in (party.business_address, party.mail_address):
            stored = ingest.as_dict(address)
            if not stored:
                continue
            rendered = html.unescape(line(stored))
            assert_clean(rendered, (row.name, stored))
            for key in PARTS:
                part = " ".join((stored[key] or "").split()).strip(" ,")
                if re.search(r"\w", part):
                    assert part in rendered, (row.name, stored)


# An address in a page: the text of its cell, up to the phone's <br>.
ADDRESS = re.compile(r'<(?:dd|td) class="address">(.*?)(?:<br>.*?)?</(?:dd|td)>', re.DOTALL)


@pytest.mark.django_db
@pytest.mark.corpus
@pytest.mark.skipif(not corpus_available(), reason="EDGAR corpus not found")
def test_filing_panel_and_company_history_render_addresses_as_one_line(client):
    for acc in ("0000320193-94-000016", "0000891618-94-000021"):  # Apple, 1994
        assert ingest.ingest(read_corpus_file(f"{acc}.txt"), f"{acc}.txt").ok
    for url in ("/filings/0000320193-94-000016/", "/companies/320193/"):
        found = [html.unescape(a) for a in ADDRESS.findall(client.get(url).content.decode())]
        assert "20525 MARIANI AVE, CUPERTINO, CA 95014" in found, url
        for address in found:
            assert_clean(address, (url, address))
