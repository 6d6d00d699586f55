"""Search stays exact as the store changes: each process's in-memory facet copy follows
every write (new filings, new versions, deletions, identity splits, rollbacks)."""

import numpy as np
import pytest
from django.db import connection, transaction

from filings import identity, ingest, search
from filings.models import Event, Filing, IdentityChange, Person
from filings.search import facets
from tests.fixtures import submission
from tests.search.helpers import accessions, facet_counts, find, independent_counts, store

pytestmark = pytest.mark.django_db

ELECTED = "Item 5.02 Election of Directors</P><P>On June 1, 2005, the Board elected {}."


def assert_counts_exact(q=""):
    results = find(q, per_page=500)
    assert facet_counts(results) == independent_counts(accessions(results))
    return results


def test_a_filing_stored_after_a_search_is_found_and_counted():
    store(1, sentence="Widgets.")
    assert find("widgets").total == 1
    store(2, sentence="More widgets.", form="10-K", filed="20050301")
    results = assert_counts_exact("widgets")
    assert results.total == 2
    assert facet_counts(results)["form"] == {"8-K": 1, "10-K": 1}
    assert facet_counts(results)["year"] == {"2004": 1, "2005": 1}


def test_a_new_version_moves_the_filing_between_facet_values():
    store(1, sentence="Widgets.")
    assert facet_counts(find(""))["form"] == {"8-K": 1}
    ingest.ingest(submission(acc="0000000001-04-000001", form="8-K/A", image=None), "v2.txt")
    assert facet_counts(assert_counts_exact())["form"] == {"8-K/A": 1}
    assert find("form:8-K").total == 0


def test_a_deleted_filing_leaves_results_and_counts():
    store(1, sentence="Widgets.")
    store(2, sentence="Widgets again.")
    assert find("widgets").total == 2
    Filing.objects.filter(accession="0000000001-04-000001").delete()
    results = assert_counts_exact("widgets")
    assert accessions(results) == ["0000000001-04-000002"]
    assert find("").total == 1


def test_a_rolled_back_write_is_forgotten():
    store(1, sentence="Widgets.")
    assert find("").total == 1
    with pytest.raises(RuntimeError), transaction.atomic():
        store(2, sentence="Gadgets.", form="10-K")
        assert find("").total == 2  # seen inside its own transaction
        raise RuntimeError("undo")
    results = assert_counts_exact()
    assert results.total == 1
    assert find("gadgets").total == 0


def test_a_copy_far_behind_the_log_reads_everything_again(monkeypatch):
    monkeypatch.setattr(facets, "LOG_KEEP", 2)
    store(1, sentence="Widgets.")
    assert find("").total == 1
    for n in range(2, 8):
        store(n, sentence="Widgets.", form="10-Q" if n % 2 else "8-K")
    results = assert_counts_exact("widgets")
    assert results.total == 7
    assert facet_counts(results)["form"] == {"8-K": 4, "10-Q": 3}


def test_a_caught_up_copy_equals_a_fresh_one():
    store(1, sentence="Widgets.")
    find("")
    for n in range(2, 6):
        store(n, sentence=ELECTED.format(f"Ms. Jane Q. Doe{n}"), filed=f"200{n}0601")
        find("")
    Filing.objects.filter(accession="0000000001-04-000003").delete()
    ingest.ingest(submission(acc="0000000001-04-000004", form="10-K", image=None), "v.txt")
    with connection.cursor() as cur:
        caught_up = facets.current(cur)
        fresh = facets.load(cur, caught_up.database)
    everything = fresh.everything()
    assert np.array_equal(caught_up.everything()[: fresh.size], everything)
    for name in (*search.FACETS, "cik"):
        assert caught_up.top(name, caught_up.everything(), 100) == fresh.top(name, everything, 100)
    assert list(caught_up.newest(caught_up.everything())) == list(fresh.newest(everything))


def test_a_split_moves_the_person_facet_with_the_events():
    store(1, sentence=ELECTED.format("Ms. Patricia L. Higgins"), filed="20041222")
    store(
        2,
        sentence="Item 5.02</P><P>On February 25, 2005, Ms. Patricia L. Higgins resigned "
        "as a director of the Company.",
        filed="20050301",
    )
    person = Person.objects.get(name="Patricia L. Higgins")
    assert facet_counts(find(""))["person"] == {str(person.pk): 2}
    resigned = Event.objects.get(event_type="resigned")
    new = identity.split(person, [resigned.pk], None)
    assert facet_counts(assert_counts_exact())["person"] == {str(person.pk): 1, str(new.pk): 1}
    assert accessions(find("", facets={"person": str(new.pk)})) == ["0000000001-04-000002"]
    identity.undo(IdentityChange.objects.get(action="split"), None)
    assert facet_counts(find(""))["person"] == {str(person.pk): 2}
