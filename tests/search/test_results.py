"""Running a search: matching, ranking, paging, and a real filing."""

import pytest

from filings import ingest
from filings.models import Filing
from filings.search import backend
from tests.corpus import corpus_available, read_corpus_file
from tests.search.helpers import HIGGINS, accessions, find, store

pytestmark = pytest.mark.django_db


def test_search_right_after_ingest_finds_the_filing():
    store(1, sentence=HIGGINS)
    results = find("Higgins")
    assert accessions(results) == ["0000000001-04-000001"]
    assert results.total == 1


def test_words_must_all_appear_somewhere_in_the_filing(store_of_filings):
    # "Higgins" is in the 8-K's text; "internap" is its company name in the header.
    assert accessions(find("higgins internap")) == ["0000000001-04-000001"]
    assert accessions(find("higgins widget")) == ["0000000001-04-000005"]  # owner, ACME
    assert accessions(find("higgins annual")) == []


def test_or_exclusion_prefix_and_phrase(store_of_filings):
    assert set(accessions(find("widgets OR networks"))) == {
        "0000000001-04-000003",
        "0000000001-04-000006",
    }
    assert set(accessions(find("Higgins -director"))) == {"0000000001-04-000005"}
    assert set(accessions(find("widg*"))) >= {
        "0000000001-04-000003",
        "0000000001-04-000004",
        "0000000001-04-000005",
    }
    assert accessions(find('"chief financial officer"')) == ["0000000001-04-000004"]
    assert accessions(find('"financial chief"')) == []
    # Exclusion only: everything else, newest first.
    assert accessions(find("-widgets -higgins")) == [
        "0000000001-04-000006",
        "0000000001-04-000002",
        "0000000001-04-000004",
    ]


@pytest.fixture
def phrases():
    store(1, sentence="The Board of Directors of the Company met to approve the stock option plan.")
    store(2, sentence="The board met; of the directors, two left. Restricted stock vested.")
    store(3, sentence="Stock option grants and restricted stock units under the annual meeting.")
    store(
        4, sentence="Directors of the Board at the annual meeting of shareholders of the Company."
    )


@pytest.mark.parametrize(
    "q, expected",
    [
        ('"board of directors"', {1}),
        ('"board of"', {1}),
        ('"of directors"', {1, 2, 3, 4}),  # Item 5.02's title in every header
        ('"directors of the company"', {1}),  # four words: narrowed, then checked
        ('"directors of the board at the annual meeting"', {4}),
        ('"the board of directors of the company met"', {1}),
        ('"the board of directors of the company left"', set()),
        ('"board of dir"*', {1}),
        ('"annual meet"*', {3, 4}),
        ('"annual meet*"', set()),  # inside the quotes a star is not a prefix
        ('"stock option" -"restricted stock"', {1}),
        ('"restricted stock" -"stock option"', {2}),
        ('"stock option" OR "restricted stock"', {1, 2, 3}),
        ('"annual meeting" OR vested', {2, 3, 4}),
        ('directors -"annual meeting"', {1, 2}),
        ('"annual meeting" -shareholders', {3}),
        ('"annual meeting" directors', {3, 4}),
        ('"of the" -"board of"', {2, 4}),
        ('"meeting of shareholders of the company" OR "board met"', {2, 4}),
    ],
)
def test_phrases_of_every_length(phrases, q, expected):
    found = find(q, per_page=50)
    assert {int(a[-6:]) for a in accessions(found)} == expected
    assert found.total == len(expected)


def test_header_fields_are_searchable(store_of_filings):
    assert accessions(find("0000000001-04-000004")) == ["0000000001-04-000004"]
    assert len(find("10-K").hits) == 2
    assert "0000000001-04-000001" in accessions(find('"Departure of Directors"'))
    assert accessions(find("dex991")) != []


@pytest.mark.parametrize(
    "q, expected",
    [
        ("form:10-K", {3, 6}),
        ("form:10-k", {3, 6}),
        ("cik:777", {3, 4, 5}),
        ("cik:0001234567", {5}),
        ("item:5.02", {1, 2, 3, 4, 5, 6}),
        ('person:"Higgins"', {1, 5}),
        ("person:smith", {4}),
        ("company:internap", {1, 2, 6}),
        ('company:"acme widget"', {3, 4, 5}),
        ("company:nosuchcompany", set()),
        ("state:DE", {1, 2, 3, 4, 5, 6}),
        ("state:NY", set()),
        ("sic:7370", {1, 2, 3, 4, 5, 6}),
        ("role:reporting-owner", {5}),
        ("role:filer", {1, 2, 3, 4, 5, 6}),
        ("year:2005", {2, 3, 5}),
        ("filed:2005-01-01..2005-06-30", {2, 3}),
        ("filed:2005-06-01..", {3, 5, 6}),
        ("filed:..2004-12-31", {1, 4}),
        ("widgets year:2005", {3}),
        ("form:8-K year:2004", {1, 4}),
    ],
)
def test_field_filters(store_of_filings, q, expected):
    got = {int(a[-6:]) for a in accessions(find(q, per_page=50))}
    assert got == expected


def test_ranking_prefers_many_mentions_and_the_header_over_a_passing_mention():
    store(1, sentence="The widget market was discussed in passing at the meeting of the board.")
    store(2, sentence="Widget sales, widget margins and widget inventory: widget results.")
    store(3, company="WIDGET HOLDINGS INC", cik="0000000333", sentence="Quarterly report.")
    ranked = accessions(find("widget"))
    assert ranked.index("0000000001-04-000002") < ranked.index("0000000001-04-000001")
    assert ranked.index("0000000001-04-000003") < ranked.index("0000000001-04-000001")
    scores = [h.score for h in find("widget").hits]
    assert scores == sorted(scores, reverse=True)


def test_an_exact_phrase_ranks_above_the_same_words_scattered():
    store(1, sentence="The committee met on Monday and reviewed the audit plans.")
    store(2, sentence="The audit committee met on Monday and reviewed the plans.")
    assert accessions(find("audit committee")) == ["0000000001-04-000002", "0000000001-04-000001"]
    assert accessions(find('"audit committee"')) == ["0000000001-04-000002"]


def test_pages_cover_every_match_once_with_no_cap():
    for n in range(1, 26):
        store(n, filed=f"2004{(n % 12) + 1:02d}15", sentence=f"Widget report number {n}.")
    seen = []
    page = 1
    while True:
        results = find("widget", page=page, per_page=10)
        assert results.total == 25 and results.pages == 3
        seen += accessions(results)
        if not results.has_next:
            break
        page += 1
    assert page == 3
    assert sorted(seen) == sorted(Filing.objects.values_list("accession", flat=True))
    newest = []
    for page in (1, 2, 3):
        newest += accessions(find("", page=page, per_page=10))
    assert newest == list(Filing.objects.newest_first().values_list("accession", flat=True))


def test_paging_past_the_ranked_matches(monkeypatch):
    monkeypatch.setattr(backend.current(), "rank_limit", 4)
    for n in range(1, 11):
        store(n, sentence="widget " * n)
    seen = []
    for page in (1, 2, 3, 4):
        seen += accessions(find("widget", page=page, per_page=3))
    assert sorted(seen) == sorted(Filing.objects.values_list("accession", flat=True))
    assert len(set(seen)) == 10


@pytest.mark.corpus
def test_corpus_filing_ranking_and_snippet():
    if not corpus_available():
        pytest.skip("corpus absent")
    for name in ("0001193125-04-218426.txt",):
        try:
            ingest.ingest(read_corpus_file(name), name)
        except BaseException:  # skipped when the file is absent
            pytest.skip(f"{name} absent")
    store(9, company="OTHER CO", cik="0000000999", sentence="Ms. Higgins was mentioned once.")
    results = find("Higgins director")
    assert results.hits[0].filing.accession == "0001193125-04-218426"
    assert "<mark>" in results.hits[0].snippet
