"""Reading-view facts that only real filings show."""

import pytest

from filings import ingest
from tests.corpus import corpus_available, read_corpus_file

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not corpus_available(), reason="EDGAR corpus not found"),
]


def load(acc):
    result = ingest.ingest(read_corpus_file(f"{acc}.txt"), f"{acc}.txt")
    assert result.ok, result.message


def test_internap_panel_shows_header_and_cover_page_side_by_side(client):
    load("0001193125-04-218426")
    html = client.get("/filings/0001193125-04-218426/").content.decode()
    section = html[html.index("Header vs document") :]
    assert "001-31989" in section and "000-27265" in section
    assert "SEATTLE" in section and "Atlanta" in section
    items = html[html.index("<h2>Items</h2>") : html.index("<h2>Parties</h2>")]
    assert items.count("header and body") == 2
    assert "disagree" not in items


def test_items_only_in_the_body_are_flagged(client):
    load("0000066740-24-000023")  # the header lists 8.01; the body also has 9.01
    html = client.get("/filings/0000066740-24-000023/").content.decode()
    items = html[html.index("<h2>Items</h2>") : html.index("<h2>Parties</h2>")]
    assert "different items" in items
    assert "body only" in items and "9.01" in items


@pytest.mark.parametrize(
    "acc",
    [
        "0000320193-94-000016",
        "0001045810-23-000128",
        "0000950123-14-009048",
        "0001193125-23-048785",
    ],
)
def test_every_document_of_a_filing_is_served(client, acc):
    load(acc)
    from filings.models import Filing

    for doc in Filing.objects.get(accession=acc).documents.all():
        page = client.get(doc.get_absolute_url())
        assert page.status_code == 200
        if doc.kind in ("pdf", "image", "binary"):
            assert client.get(f"{doc.get_absolute_url()}file").status_code == 200
        else:
            frame = client.get(f"{doc.get_absolute_url()}content")
            assert frame.status_code == 200 and b"<script" not in frame.content.lower()
