"""A small store of synthetic filings, and shorthands the search tests share."""

from collections import Counter

from filings import ingest, search
from filings.models import Event, Filing, FilingParty, Item
from filings.search import parse_query
from tests.fixtures import submission

ITEM_502 = "Item 5.02 Election of Directors</P><P>"
HIGGINS = (
    ITEM_502 + "On December 17, 2004, the Board elected Ms. Patricia L. Higgins as a director."
)


def store(n, **kw):
    """Ingest a synthetic 8-K whose accession ends in n."""
    kw.setdefault("acc", f"0000000001-04-{n:06d}")
    kw.setdefault("image", None)
    result = ingest.ingest(submission(**kw), f"f{n}.txt")
    assert result.ok, result.message
    return Filing.objects.get(accession=kw["acc"])


def accessions(results):
    return [h.filing.accession for h in results.hits]


def find(q, **kw):
    return search.search(parse_query(q), **kw)


def facet_counts(results):
    return {name: {v: n for v, _label, n in rows} for name, rows in results.facets.items()}


def independent_counts(accs):
    """Facet counts straight from the model rows of these filings."""
    filings = Filing.objects.filter(accession__in=accs)
    parties = FilingParty.objects.filter(filing__in=filings)
    persons = set(Event.objects.filter(filing__in=filings).values_list("filing_id", "person_id"))
    persons |= set(parties.exclude(person=None).values_list("filing_id", "person_id"))
    counts = {
        "form": Counter(filings.values_list("form", flat=True)),
        "year": Counter(str(d.year) for d in filings.values_list("filed_date", flat=True)),
        "company": Counter(
            str(c)
            for _, c in set(parties.exclude(company=None).values_list("filing_id", "company"))
        ),
        "person": Counter(str(p) for _, p in persons),
        "role": Counter(r for _, r in set(parties.values_list("filing_id", "role"))),
        "state": Counter(
            s for _, s in set(parties.values_list("filing_id", "state_of_incorporation")) if s
        ),
        "sic": Counter(s for _, s in set(parties.values_list("filing_id", "sic")) if s),
        "item": Counter(
            c
            for _, c in set(
                Item.objects.filter(filing__in=filings).values_list("filing_id", "code")
            )
        ),
    }
    return {k: dict(v) for k, v in counts.items()}
