"""The reading view's cost does not grow with the filing, and the htmx document switch
shows what the full page shows."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from filings import ingest
from filings.accounts import add_user
from filings.models import Event, Filing
from tests.fixtures import EXHIBIT_HTML, HEADER, MAIN_HTML, OWNER, document

pytestmark = pytest.mark.django_db

SMALL = "0001193125-04-000001"
LARGE = "0001193125-04-000002"
PEOPLE = [
    "Ms. Patricia L. Higgins",
    "Mr. Robert J. Lerner",
    "Ms. Helen A. Whitcombe",
    "Mr. Daniel R. Ostrowski",
    "Ms. Margaret E. Fairbanks",
    "Mr. Thomas W. Kellerman",
]


def filing_of(acc, people, exhibits, owners):
    """An 8-K electing `people` as directors, with `exhibits` press releases and
    `owners` reporting owners besides its filer."""
    sentence = "Item 5.02 Departure of Directors</P><P>" + " ".join(
        f"On December 17, 2004, the Board elected {p} as a director." for p in people
    )
    docs = [document("8-K", 1, "d8k.htm", "FORM 8-K", MAIN_HTML.format(sentence=sentence))]
    for n in range(exhibits):
        docs.append(
            document(f"EX-99.{n + 1}", n + 2, f"dex99{n + 1}.htm", "PRESS RELEASE", EXHIBIT_HTML)
        )
    extra = "".join(
        OWNER.format(name=f"OWNER NUMBER {n}", cik=f"{1_200_000 + n:010d}") for n in range(owners)
    )
    header = HEADER.format(
        acc=acc,
        form="8-K",
        count=len(docs),
        filed="20041222",
        company="INTERNAP NETWORK SERVICES CORP",
        cik="0001056386",
        extra_parties=extra,
    )
    data = (header + "".join(docs) + "</SEC-DOCUMENT>\n").encode()
    assert ingest.ingest(data, f"{acc}.txt").status == "created"
    return Filing.objects.get(accession=acc)


@pytest.fixture
def two_sizes():
    small = filing_of(SMALL, PEOPLE[:1], exhibits=1, owners=0)
    large = filing_of(LARGE, PEOPLE, exhibits=12, owners=8)
    # The larger filing really is larger where the page lists things.
    assert Event.objects.filter(filing=small).count() == 1
    assert Event.objects.filter(filing=large).count() == len(PEOPLE)
    assert large.documents.count() == 13 and large.parties.count() == 9
    return small, large


def queries(client, url, **headers):
    client.get(url, headers=headers)  # the session and caches settle first
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize("who", [None, "reader", "analyst"])
def test_filing_page_queries_do_not_grow_with_documents_parties_and_events(client, two_sizes, who):
    if who:
        client.force_login(add_user(who, who, password="a-long-password-1"))
    small, body_small = queries(client, f"/filings/{SMALL}/")
    large, body_large = queries(client, f"/filings/{LARGE}/")
    assert large == small
    assert body_large.count('hx-target="#document-pane"') == 13
    assert "OWNER NUMBER 7" in body_large and "Kellerman" in body_large
    small, _ = queries(client, f"/filings/{SMALL}/2/")
    large, body = queries(client, f"/filings/{LARGE}/13/")
    assert large == small
    assert "EX-99.12" in body


def test_document_switch_queries_do_not_grow_and_skip_the_panel(client, two_sizes):
    small, _ = queries(client, f"/filings/{SMALL}/2/", HX_Request="true")
    large, body = queries(client, f"/filings/{LARGE}/13/", HX_Request="true")
    assert large == small
    full, _ = queries(client, f"/filings/{LARGE}/13/")
    assert large < full / 2
    assert "EX-99.12" in body and "Parties" not in body


def section(html: str, tag: str, id_: str) -> str:
    """The element with this id, from its opening tag to its closing one."""
    match = re.search(rf'<{tag} [^>]*id="{id_}".*?</{tag}>', html, re.S)
    assert match, f"no #{id_}"
    return match.group()


def squeezed(html: str) -> str:
    return re.sub(r"\s+", " ", html)


@pytest.mark.parametrize("slug", ["1", "13", "p3"])
def test_htmx_switch_swaps_in_the_pane_and_document_list_the_full_page_shows(
    client, two_sizes, slug
):
    url = f"/filings/{LARGE}/{slug}/?q=director&hl=10-40"
    full = client.get(url).content.decode()
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment
    # The document list comes out of band, marked for htmx to swap by its id ...
    listed = section(fragment, "table", "document-list")
    assert listed.startswith('<table class="documents" id="document-list" hx-swap-oob="true">')
    assert listed.replace(' hx-swap-oob="true"', "") == section(full, "table", "document-list")
    assert listed.count('aria-current="page"') == 1
    # ... and the pane, the document's frame, its names and search terms, is the page's.
    pane = re.search(r'<section id="document-pane".*</section>', fragment, re.S).group()
    assert squeezed(pane.replace(listed, "")) == squeezed(section(full, "section", "document-pane"))
    assert "Kellerman" in pane and '"director"' in pane and 'data-highlight-span="10-40"' in pane


def test_a_switch_to_a_document_the_filing_lacks_is_404(client, two_sizes):
    # "²" and "p²" pass str.isdigit() but not int(); a huge position overflows SQLite's integers.
    for slug in ("14", "p14", "p0", "x", "²", "p²", "p٣", "p" + "9" * 30, "9" * 30):
        response = client.get(f"/filings/{LARGE}/{slug}/", headers={"HX-Request": "true"})
        assert response.status_code == 404, slug
        assert client.get(f"/filings/{LARGE}/{slug}/").status_code == 404, slug
        assert client.get(f"/filings/{LARGE}/{slug}/content").status_code == 404, slug
        assert client.get(f"/filings/{LARGE}/{slug}/file").status_code == 404, slug
    assert client.get("/filings/0000000000-00-000000/1/content").status_code == 404


def test_history_restore_gets_the_whole_page(client, two_sizes):
    response = client.get(
        f"/filings/{LARGE}/2/",
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    body = response.content.decode()
    assert "<html" in body and "Parties" in body and "OWNER NUMBER 3" in body
