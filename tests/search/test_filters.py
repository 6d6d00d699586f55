"""Facets and filters: counts against an independent count, labels, selections, merges."""

import pytest

from filings import identity
from filings.models import Event, Person
from tests.search.helpers import accessions, facet_counts, find, independent_counts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("q", ["", "higgins", "item:5.02", "-widgets", "form:8-K year:2004"])
def test_facet_counts_match_an_independent_count(store_of_filings, q):
    results = find(q, per_page=2)
    everything = find(q, per_page=100)
    assert facet_counts(results) == independent_counts(accessions(everything))


def test_facet_labels(store_of_filings):
    facets = find("").facets
    assert ("1056386", "INTERNAP NETWORK SERVICES CORP", 3) in facets["company"]
    higgins = Event.objects.get(filing_id="0000000001-04-000001").person
    assert (str(higgins.pk), higgins.name, 1) in facets["person"]
    assert any(label.startswith("5.02 Departure") for _, label, _ in facets["item"])
    assert any(label.startswith("7370 Services") for _, label, _ in facets["sic"])


def test_facet_selection_narrows_other_facets_but_not_its_own(store_of_filings):
    results = find("", facets={"form": "8-K"})
    assert results.total == 3
    assert facet_counts(results)["form"] == {"8-K": 3, "10-K": 2, "4": 1}
    assert facet_counts(results)["company"] == {"1056386": 2, "777": 1}
    both = find("", facets={"form": "8-K", "company": "777"})
    assert accessions(both) == ["0000000001-04-000004"]
    assert facet_counts(both)["form"] == {"8-K": 1, "10-K": 1, "4": 1}
    assert facet_counts(both)["company"] == {"1056386": 2, "777": 1}
    assert facet_counts(both)["year"] == {"2004": 1}


def test_person_facet_follows_merges(store_of_filings):
    people = list(Person.objects.filter(name__icontains="higgins").order_by("pk"))
    if len(people) == 2:
        identity.merge(people[0], people[1], None)
    survivor = people[0]
    counts = facet_counts(find(""))["person"]
    assert counts[str(survivor.pk)] == 2
    assert set(accessions(find("", facets={"person": str(survivor.pk)}))) == {
        "0000000001-04-000001",
        "0000000001-04-000005",
    }
