"""Snippets: marked matches, escaping, which document a snippet comes from, long texts."""

import pytest

from filings.search import parse_query
from filings.search.snippets import Highlighter
from tests.search.helpers import find, store

pytestmark = pytest.mark.django_db


def test_snippets_mark_matches_and_escape_everything_else():
    store(1, sentence="Warning: &lt;script&gt;alert('x')&lt;/script&gt; Zyzzyva &amp; co. said so.")
    hit = find("zyzzyva", documents=True).hits[0]
    assert "<mark>Zyzzyva</mark>" in hit.snippet
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in hit.snippet
    assert "<script" not in hit.snippet
    assert "&amp; co." in hit.snippet
    assert [(d.sequence, d.type) for d in hit.documents] == [("1", "8-K")]
    assert "<mark>Zyzzyva</mark>" in hit.documents[0].snippet
    assert hit.documents[0].url == "/filings/0000000001-04-000001/1/"


def test_snippets_mark_phrases_prefixes_and_folded_words():
    store(1, sentence="Board of Directors of Société Générale approved the internationalisation.")
    hit = find('"board of directors" societe internat*').hits[0]
    assert "<mark>Board of Directors</mark>" in hit.snippet
    assert "<mark>Société</mark>" in hit.snippet
    assert "<mark>internationalisation</mark>" in hit.snippet


def test_header_only_match_gets_a_header_snippet():
    store(1, sentence="Nothing to see.")
    hit = find("internap", documents=True).hits[0]
    assert "<mark>INTERNAP</mark>" in hit.snippet
    assert hit.documents == []
    assert hit.company == "INTERNAP NETWORK SERVICES CORP"


def test_the_snippet_comes_from_the_document_with_the_most_terms():
    store(1, sentence="The release is attached.")  # the exhibit says "Press release text."
    assert "<mark>release</mark> is attached" in find("release").hits[0].snippet
    assert "<mark>Press</mark> <mark>release</mark>" in find("press release").hits[0].snippet
    assert "<mark>Press</mark>" in find("press").hits[0].snippet  # only in the exhibit


def test_matching_documents_lists_each_document_that_matches():
    store(1, sentence="Press release attached.")
    assert find("press").hits[0].documents == []  # only read when asked for
    hit = find("press", documents=True).hits[0]
    assert [d.type for d in hit.documents] == ["8-K", "EX-99.1"]
    assert all("<mark>" in d.snippet for d in hit.documents)


@pytest.mark.parametrize("block", [7, 20, 50_000])
def test_snippets_find_terms_in_any_block_of_a_long_text(monkeypatch, block):
    monkeypatch.setattr(Highlighter, "BLOCK", block)
    monkeypatch.setattr(Highlighter, "OVERLAP", 30)
    text = ("filler words here " * 20) + "the Board of Directors met " + ("more filler " * 30)
    text += "and the zyzzyva spoke"
    highlighter = Highlighter(parse_query('"board of directors" zyzzyva').terms)
    window = highlighter.best_window(text)
    marked = [text[s:e] for s, e in window.matches]
    assert window.distinct == 2
    assert marked in (["Board of Directors"], ["zyzzyva"])
    # No match starts inside a word, whatever the blocks.
    inside = Highlighter(parse_query("ectors").terms)
    assert inside.best_window(text) is None
