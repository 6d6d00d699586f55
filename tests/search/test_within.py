"""A search restricted to some accessions (`within`): how a watch asks whether one new
filing matches a saved search. Without it, a search is as it always was."""

import pytest

from tests.search.helpers import accessions, facet_counts, find

pytestmark = pytest.mark.django_db

HIGGINS_8K, RESULTS_8K, WIDGETS_10K = (f"0000000001-04-00000{n}" for n in (1, 2, 3))
FORM_4 = "0000000001-04-000005"


def test_within_keeps_only_the_named_filings_that_match(store_of_filings):
    assert find("Higgins", within=[HIGGINS_8K]).total == 1
    assert find("Higgins", within=[RESULTS_8K]).total == 0
    assert find("Higgins form:4", within=[FORM_4, HIGGINS_8K]).total == 1
    assert accessions(find("", facets={"form": "8-K"}, within=[WIDGETS_10K, RESULTS_8K])) == [
        RESULTS_8K
    ]
    assert find("widgets", within=["not-an-accession"]).total == 0
    assert find("", within=[]).total == 0
    restricted = find("", within=[HIGGINS_8K, WIDGETS_10K])
    assert facet_counts(restricted)["form"] == {"8-K": 1, "10-K": 1}


def test_without_within_every_filing_is_searched(store_of_filings):
    everything = find("")
    assert everything.total == 6
    assert find("Higgins").total == find("Higgins", within=None).total == 2
