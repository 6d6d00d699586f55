"""Search on PostgreSQL: the key cases of the search tests again, and what only PostgreSQL has.

Skipped unless the tests run on PostgreSQL (DATABASE_URL=postgres://...).
"""

import pytest
from django.db import connection

from filings import search
from filings.search import postgres
from tests.search import test_filters as filters
from tests.search import test_index as index
from tests.search import test_query as query
from tests.search import test_results as results
from tests.search import test_snippets as snippets
from tests.search import test_typeahead as typeahead
from tests.search.helpers import HIGGINS, accessions, find, store

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]

test_search_right_after_ingest_finds_the_filing = (
    results.test_search_right_after_ingest_finds_the_filing
)
test_or_exclusion_prefix_and_phrase = results.test_or_exclusion_prefix_and_phrase
phrases = results.phrases
test_phrases_of_every_length = results.test_phrases_of_every_length
test_header_fields_are_searchable = results.test_header_fields_are_searchable
test_field_filters = results.test_field_filters
test_ranking = results.test_ranking_prefers_many_mentions_and_the_header_over_a_passing_mention
test_phrase_ranking = results.test_an_exact_phrase_ranks_above_the_same_words_scattered
test_snippets = snippets.test_snippets_mark_matches_and_escape_everything_else
test_facets = filters.test_facet_counts_match_an_independent_count
test_facet_selection = filters.test_facet_selection_narrows_other_facets_but_not_its_own
test_pages = results.test_pages_cover_every_match_once_with_no_cap
test_failed_ingest = index.test_a_failed_ingest_leaves_no_index_rows
test_new_version = index.test_a_new_version_replaces_the_indexed_text
test_reindex = index.test_reindex_rebuilds_everything
test_delete = index.test_deleting_a_filing_takes_its_search_rows_with_it
test_typeahead_companies = typeahead.test_typeahead_companies_by_name_former_name_and_cik
test_typeahead_people = typeahead.test_typeahead_people_by_any_name_variant_and_merges
test_any_query = query.test_any_query_string_parses_searches_and_round_trips


def test_long_documents_keep_exact_phrase_positions(monkeypatch):
    monkeypatch.setattr(postgres, "CHUNK_WORDS", 1000)
    filler = " ".join(f"w{i}" for i in range(2500))
    store(1, sentence=f"{filler} golden parachute {filler} severance pay")
    store(2, sentence=f"golden {filler} parachute")
    with connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM filings_searchchunk")
        assert cur.fetchone()[0] > 6  # several chunks each
    assert accessions(find('"golden parachute"')) == ["0000000001-04-000001"]
    assert accessions(find('"severance pay"')) == ["0000000001-04-000001"]
    # Words in different chunks of one filing still match it together.
    assert set(accessions(find("golden parachute"))) == {
        "0000000001-04-000001",
        "0000000001-04-000002",
    }
    # So do exclusions: "severance" is in a later chunk of the first filing only.
    assert accessions(find("golden parachute -severance")) == ["0000000001-04-000002"]
    assert accessions(find("-severance w10")) == ["0000000001-04-000002"]


def test_a_phrase_across_a_chunk_boundary_is_found(monkeypatch):
    monkeypatch.setattr(postgres, "CHUNK_WORDS", 100)
    words = [f"w{i}" for i in range(300)]
    words[99:101] = ["golden", "parachute"]
    store(1, sentence=" ".join(words))
    assert accessions(find('"golden parachute"')) == ["0000000001-04-000001"]


def test_truncating_filings_empties_the_index():
    store(1, sentence=HIGGINS)
    with connection.cursor() as cur:
        cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cur.execute("TRUNCATE filings_filing CASCADE")
        cur.execute("SELECT count(*) FROM filings_searchfiling")
        assert cur.fetchone()[0] == 0
        cur.execute("SELECT count(*) FROM filings_searchchunk")
        assert cur.fetchone()[0] == 0


def test_phrases_of_up_to_three_words_are_one_index_lookup():
    store(1, sentence="The Board of Directors met.")
    with connection.cursor() as cur:
        cur.execute("SELECT grams FROM filings_searchchunk")
        runs = str(cur.fetchone()[0])
    assert "'board of'" in runs and "'board of directors'" in runs
    assert "'directors met board'" not in runs  # a run of the body, never of body + header
    sql, params = postgres.pg_any([search.Term("board of directors", phrase=True)])
    assert sql.startswith("grams @@") and "tsv" not in sql
    sql, params = postgres.pg_any([search.Term("board of the directors", phrase=True)])
    assert "grams @@" in sql and "tsv @@" in sql  # narrowed by runs, then checked
