"""The search page, its facets, the typeahead and the feed through the test client."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from filings import ingest
from tests.fixtures import submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def store():
    ingest.ingest(
        submission(
            acc="0000000001-04-000001",
            filed="20041222",
            sentence="The Board elected Ms. Patricia L. Higgins to the compensation committee.",
            owners=[("HIGGINS PATRICIA L", "0001234567")],
        ),
        "a.txt",
    )
    ingest.ingest(
        submission(
            acc="0000000002-05-000001",
            filed="20050301",
            form="10-Q",
            company="OTHER WIDGETS INC",
            cik="0000000099",
            sentence="Quarterly widget revenue rose; <script>alert(1)</script> was quoted.",
        ),
        "b.txt",
    )


def test_search_page_ranks_matches_with_escaped_highlighted_snippets(client, store):
    html = client.get("/search/", {"q": "widget"}).content.decode()
    assert "1 filing match" in html
    assert "OTHER WIDGETS INC" in html and "<mark>" in html
    assert "<script>alert(1)" not in html
    assert "Content-Security-Policy" in client.get("/search/").headers


def test_facets_have_counts_and_clicking_one_narrows_the_results(client, store):
    html = client.get("/search/", {"q": ""}).content.decode()
    assert "2 filings" in html
    facet = html[html.index('data-facet="form"') :]
    assert '8-K</a> <span class="muted">1</span>' in facet
    narrowed = client.get("/search/", {"q": "", "form": "10-Q"}).content.decode()
    assert "1 filing" in narrowed and "OTHER WIDGETS INC" in narrowed
    assert "(remove)" in narrowed


def test_field_filters_and_pagination_live_in_the_url(client, store):
    html = client.get("/search/", {"q": "form:8-K filed:2004-01-01..2004-12-31"}).content.decode()
    assert "1 filing match" in html and "0000000001-04-000001" in html
    html = client.get("/search/", {"q": 'person:"Higgins"'}).content.decode()
    assert "0000000001-04-000001" in html and "0000000002-05-000001" not in html


def test_malformed_queries_say_so_instead_of_failing(client, store):
    for q in ['"unbalanced', "OR OR -", "NEAR(a b)", "^*:()", "x" * 5000]:
        response = client.get("/search/", {"q": q})
        assert response.status_code == 200, q


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=200))
def test_random_query_strings_never_cause_a_server_error(client, q):
    assert client.get("/search/", {"q": q}).status_code == 200
    assert client.get("/search/typeahead", {"q": q}).status_code == 200


def test_htmx_search_returns_the_results_fragment(client, store):
    response = client.get("/search/", {"q": "widget"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert 'id="search-results"' in body and "<html" not in body


def test_typeahead_finds_companies_by_name_former_name_and_cik_and_people(client, store):
    assert "/companies/99/" in client.get("/search/typeahead", {"q": "other wid"}).content.decode()
    assert (
        "/companies/1056386/" in client.get("/search/typeahead", {"q": "1056386"}).content.decode()
    )
    former = client.get("/search/typeahead", {"q": "INTERNAP NETWORK SERVICES CORP/WA"})
    assert "/companies/1056386/" in former.content.decode()
    assert "/people/" in client.get("/search/typeahead", {"q": "higg"}).content.decode()


def test_every_search_has_an_atom_feed(client, store):
    response = client.get("/search/feed", {"q": "widget"})
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "0000000002-05-000001" in body and "0000000001-04-000001" not in body
