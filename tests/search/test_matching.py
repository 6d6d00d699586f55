"""Which of some filings a search finds (search.matching): how a watch asks whether one
new filing matches a saved search. The same words, filters and selections as a search."""

import pytest

from filings import search
from tests.search.helpers import accessions, find

pytestmark = pytest.mark.django_db

HIGGINS_8K, RESULTS_8K, WIDGETS_10K = (f"0000000001-04-00000{n}" for n in (1, 2, 3))
FORM_4 = "0000000001-04-000005"
ALL = [f"0000000001-04-00000{n}" for n in range(1, 7)]


def test_matching_finds_among_the_named_filings_what_the_search_finds(store_of_filings):
    assert search.matching("Higgins", [HIGGINS_8K]) == {HIGGINS_8K}
    assert search.matching("Higgins", [RESULTS_8K]) == set()
    assert search.matching("Higgins form:4", [FORM_4, HIGGINS_8K]) == {FORM_4}
    assert search.matching("", [WIDGETS_10K, RESULTS_8K], facets={"form": "8-K"}) == {RESULTS_8K}
    assert search.matching("widgets", ["not-an-accession"]) == set()
    assert search.matching("", []) == set()
    for q, chosen in (
        ("Higgins", {}),
        ("director -Smith", {}),
        ("", {"company": str(store_of_filings["acme"])}),
        ("year:2005", {"form": "8-K"}),
        ('person:"Higgins"', {}),
        ("-widgets", {}),
    ):
        assert search.matching(q, ALL, facets=chosen) == set(
            accessions(find(q, facets=chosen, per_page=100))
        ), q
