"""Comparisons of real filings: Apple's 10-Qs of 1997-98 and the 10-Q/A of October 1997."""

import pytest

from filings import comparisons, ingest
from filings.models import Filing
from tests.corpus import corpus_available, read_corpus_file

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not corpus_available(), reason="EDGAR corpus not found"),
    pytest.mark.django_db,
]

Q3_97, AMENDMENT, Q1_98, Q3_98 = (
    "0000320193-97-000014",
    "0000320193-97-000021",
    "0000320193-98-000003",
    "0000320193-98-000008",
)


@pytest.fixture
def apple():
    for accession in (Q3_97, AMENDMENT, Q1_98, Q3_98):
        result = ingest.ingest(read_corpus_file(f"{accession}.txt"), f"{accession}.txt")
        assert result.ok, result.message
    return {f.accession: f for f in Filing.objects.all()}


def test_two_10qs_align_by_part_and_item(apple):
    result = comparisons.compare(comparisons.side(apple[Q1_98]), comparisons.side(apple[Q3_98]))
    main, *_ = result.documents
    assert (main.label, main.how) == ("#1 10-Q", "same type and sequence")
    keys = [(s.key, s.status) for s in main.diff.sections]
    # Items in both reports pair up; Part II, Item 5 is only in the later one.
    assert [k for k, _ in keys] == [
        "",
        "Part I, Item 1",
        "Part I, Item 2",
        "Part II, Item 1",
        "Part II, Item 5",
        "Part II, Item 6",
    ]
    assert dict(keys)["Part II, Item 5"] == "added"
    assert [(p.label, p.status) for p in result.documents[1:]] == [
        ("#2 EX-27", "changed"),
        ("#2 EX-10", "removed"),
    ]


def test_the_10q_amendment_is_matched_to_the_10q_it_amends_and_says_how(apple):
    # The amendment's header gives its own filing date as its period, so no 10-Q has its
    # period: the latest earlier 10-Q is taken, and the page says so.
    found, how = comparisons.amended_filing(apple[AMENDMENT])
    assert found.accession == Q3_97
    assert how == (
        "the same filer's latest 10-Q filed on or before this amendment "
        "(none is for its period of report, 1997-10-07)"
    )
    result = comparisons.compare(comparisons.side(found), comparisons.side(apple[AMENDMENT]))
    assert result.documents[0].how == "both the filing's main document"
    offers = [o.label for o in comparisons.offers(apple[Q3_98])]
    assert offers == [f"Compare with previous 10-Q ({Q1_98}, filed 1998-02-09)"]
