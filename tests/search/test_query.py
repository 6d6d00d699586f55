"""The query language: parsing, notes on what cannot be used, and any string searching safely."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from filings import search
from filings.search import Query, Term, parse_query

pytestmark = pytest.mark.django_db


def test_parse_words_phrases_or_exclusions_prefixes_and_fields():
    q = parse_query(
        'higgins "board of directors" resigned OR retired -"press release" -draft inter* '
        'form:8-K cik:0001056386 item:5.02 person:"Patricia Higgins" company:Internap '
        "state:de sic:7370 role:filer year:2004 filed:2004-01-01..2004-12-31"
    )
    assert q.groups == (
        (Term("higgins"),),
        (Term("board of directors", phrase=True),),
        (Term("resigned"), Term("retired")),
        (Term("inter", prefix=True),),
    )
    assert q.exclude == (Term("press release", phrase=True), Term("draft"))
    assert q.filters == {
        "form": "8-K",
        "cik": "1056386",
        "item": "5.02",
        "person": "Patricia Higgins",
        "company": "Internap",
        "state": "DE",
        "sic": "7370",
        "role": "filer",
        "year": "2004",
        "filed": "2004-01-01..2004-12-31",
    }
    assert q.errors == []
    assert parse_query(q.to_string()) == q


@pytest.mark.parametrize(
    "text, filed",
    [
        ("filed:2004-01-01..", "2004-01-01.."),
        ("filed:..2004-12-31", "..2004-12-31"),
        ("filed:2004-03-05", "2004-03-05..2004-03-05"),
        ("filed: 2004-01-01..2004-02-01", "2004-01-01..2004-02-01"),
    ],
)
def test_date_ranges_may_be_open_on_either_side(text, filed):
    q = parse_query(text)
    assert q.filters == {"filed": filed}
    assert q.errors == []


@pytest.mark.parametrize(
    "text, message, groups",
    [
        (
            'board "of direct',
            "quote was not closed",
            ((Term("board"),), (Term("of direct", True),)),
        ),
        ("OR higgins", "OR needs", ((Term("OR", True),), (Term("higgins"),))),
        ("higgins OR", "OR needs", ((Term("higgins"),), (Term("OR", True),))),
        ("colour:red", "Unknown field", ((Term("colour:red", True),),)),
        ("filed:2004-13-01..", "filed:", ()),
        ("filed:2005-01-01..2004-01-01", "filed:", ()),
        ("year:04", "year:", ()),
        ("cik:abc", "cik:", ()),
        ("form:", "needs a value", ()),
        ("^ * ( ) { } [ ] :", "no letters or digits", ()),
        ("a AND b", "searched as a word", ((Term("a"),), (Term("AND"),), (Term("b"),))),
        ("NEAR(a b)", "searched as a word", ((Term("NEAR(a"),), (Term("b)"),))),
        ("-form:8-K", "cannot be excluded", ()),
    ],
)
def test_malformed_queries_explain_themselves_and_never_raise(text, message, groups):
    q = parse_query(text)
    assert any(message in e for e in q.errors), q.errors
    assert q.groups == groups
    search.search(q)  # runs


def test_very_long_queries_are_cut():
    q = parse_query("word " * 200)
    assert any("500 characters" in e for e in q.errors)
    assert q.groups == ((Term("word"),),)


QUERY_TEXT = st.text(
    alphabet=st.sampled_from(list("abcXYZ019 \"'-*:^(){}[]\\/.,;|&!~+@#$%éß日\u0301\x00")),
    max_size=40,
)


QUERY_PIECES = st.lists(
    st.sampled_from(
        ["OR", "AND", "NOT", "NEAR(", '"', "-", "*", "form:", "filed:", "year:", "person:", "x:y"]
    )
    | QUERY_TEXT,
    max_size=8,
).map(" ".join)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=QUERY_PIECES | st.text(max_size=80))
def test_any_query_string_parses_searches_and_round_trips(store_of_filings, text):
    q = parse_query(text)
    assert isinstance(q, Query)
    results = search.search(q, page=2, per_page=3)
    assert isinstance(results, search.Results)
    assert results.total >= 0
    assert not any("could not be run" in e for e in results.errors)
    again = parse_query(q.to_string())
    assert again == q
    for hit in results.hits:
        assert "<script" not in hit.snippet


def test_digits_that_are_not_decimal_are_no_cik():
    # "²" is a digit to str.isdigit() but no number int() reads.
    q = parse_query("cik:²")
    assert q.filters == {} and any("is not a CIK" in e for e in q.errors)
    assert search.search("²").total == 0
