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


@pytest.mark.parametrize(
    "q, message",
    [
        ("cik:abc", "cik:abc is not a CIK"),
        ("form:", "form: needs a value"),
        ("filed:2024-99-99..x", "filed:2024-99-99..x is not a date"),
        ("year:04 form:", "year:04 is not a year"),
    ],
)
def test_a_malformed_field_is_reported_and_does_not_match_everything(client, store, q, message):
    html = client.get("/search/", {"q": q}).content.decode()
    assert message in html and "it was ignored" in html
    assert "0 filings" in html
    assert "0000000001-04-000001" not in html and "0000000002-05-000001" not in html


def test_a_malformed_field_beside_words_still_searches_the_words(client, store):
    html = client.get("/search/", {"q": "widget cik:abc"}).content.decode()
    assert "cik:abc is not a CIK" in html
    assert "1 filing match" in html and "0000000002-05-000001" in html


def test_a_long_query_is_cut_at_a_word_and_says_so(client, store):
    html = client.get("/search/", {"q": "widget " + "revenue " * 80}).content.decode()
    assert "longer than 500 characters" in html
    assert "revenue revenue" in html  # the last words kept are named
    assert "1 filing match" in html  # no half word was searched for


def test_a_bare_number_that_is_a_stored_cik_finds_that_companys_filings(client, store):
    html = client.get("/search/", {"q": "1056386"}).content.decode()
    assert "0000000001-04-000001" in html and "1 filing match" in html
    # A reporting owner's CIK finds the filings that name the owner.
    html = client.get("/search/", {"q": "0001234567"}).content.decode()
    assert "0000000001-04-000001" in html and "1 filing match" in html
    html = client.get("/search/", {"q": "1056386 widget"}).content.decode()
    assert "0 filings" in html  # every group must still match
    # The number still has to match as a word when it is no stored CIK.
    assert "0 filings" in client.get("/search/", {"q": "424242"}).content.decode()


def test_a_hit_opens_the_matching_document_with_the_words_marked(client, store):
    ingest.ingest(
        submission(
            acc="0000000003-05-000001",
            company="THIRD CO",
            cik="0000000033",
            sentence="Nothing to see in the main document.",
        ),
        "c.txt",
    )
    # The press release (document 2) of every fixture says "announced"; the main one not.
    html = client.get("/search/", {"q": "zyzzyva OR Higgins"}).content.decode()
    assert 'href="/filings/0000000001-04-000001/1/?q=zyzzyva+Higgins"' in html
    html = client.get("/search/", {"q": '"compensation committee" form:8-K'}).content.decode()
    assert "/filings/0000000001-04-000001/1/?q=%22compensation+committee%22" in html


def test_the_feed_keeps_its_query_names_its_facets_and_carries_snippets(client, store):
    body = client.get(
        "/search/feed", {"q": "widget", "company": "99", "form": "10-Q"}
    ).content.decode()
    assert 'rel="self"' in body
    self_link = body[body.index('rel="self"') - 200 : body.index('rel="self"') + 200]
    assert "q=widget" in self_link and "company=99" in self_link
    title = body[body.index("<title>") : body.index("</title>")]
    assert "“widget”" in title and "company: OTHER WIDGETS INC" in title
    assert "form type: 10-Q" in title
    assert "&lt;mark&gt;widget&lt;/mark&gt;" in body or "&lt;mark&gt;Widget" in body
