"""Writing the index: in the ingest transaction, new versions, removal, reindex."""

from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection

from filings import ingest, search
from filings.models import Filing
from filings.search import parse_query
from tests.fixtures import submission
from tests.search.helpers import HIGGINS, accessions, facet_counts, find, store

pytestmark = pytest.mark.django_db


def index_rows():
    with connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM filings_searchfiling")
        filings = cur.fetchone()[0]
        cur.execute("SELECT count(*) FROM filings_searchfacet")
        return filings, cur.fetchone()[0]


def test_a_failed_ingest_leaves_no_index_rows():
    original = search.index_filing

    def index_then_fail(filing, **kwargs):
        original(filing, **kwargs)
        assert search.search(parse_query("Higgins")).total == 1  # visible inside
        raise RuntimeError("disk full")

    with mock.patch.object(search, "index_filing", index_then_fail):
        with pytest.raises(RuntimeError):
            ingest.ingest(submission(), "x.txt")
    assert index_rows() == (0, 0)
    assert find("Higgins").total == 0


def test_a_new_version_replaces_the_indexed_text():
    store(1, sentence="The original wording mentions aardvarks.")
    assert find("aardvarks").total == 1
    store(1, sentence="The corrected wording mentions zebras.")
    assert find("aardvarks").total == 0
    assert find("zebras").total == 1
    assert index_rows()[0] == 1


def test_remove_filing():
    store(1, sentence=HIGGINS)
    search.remove_filing("0000000001-04-000001")
    assert find("Higgins").total == 0
    assert find("").total == 0


def test_reindex_rebuilds_everything(store_of_filings):
    before = find("higgins OR widgets")
    with connection.cursor() as cur:
        cur.execute("DELETE FROM filings_searchfacet")
    out = mock.Mock()
    call_command("reindex", stdout=out)
    after = find("higgins OR widgets")
    assert after.total == before.total
    assert accessions(after) == accessions(before)
    assert facet_counts(after) == facet_counts(before)
    assert index_rows()[0] == 6


def test_deleting_a_filing_takes_its_search_rows_with_it():
    store(1, sentence=HIGGINS)
    Filing.objects.all().delete()
    assert find("Higgins").total == 0
    assert index_rows()[0] == 0


def test_reextract_reindexes():
    filing = store(1, sentence=HIGGINS)
    ingest.reextract(filing)
    assert accessions(find('person:"Higgins"')) == ["0000000001-04-000001"]
