"""Insider rows in the store: written at ingest, linked to issuer and owners, amendments
replacing what they amend (in any reading order), rewritten by reextract and by a new
version, and the dashboard's one-line summaries."""

from decimal import Decimal

import pytest

from filings import ingest, insiders
from filings.models import (
    Company,
    Filing,
    InsiderOwner,
    InsiderTransaction,
    OwnershipReport,
    Person,
)

from .forms import ISSUER_CIK, Owner, Txn, form4

pytestmark = pytest.mark.django_db

ORIGINAL = "0001000001-24-000001"
AMENDMENT = "0001000001-24-000002"


def store(data: bytes, name: str = "f.txt"):
    result = ingest.ingest(data, name)
    assert result.ok, result.message
    return Filing.objects.get(accession=result.accession)


def test_a_form_4_is_stored_row_by_row_linked_to_its_issuer_and_owner():
    filing = store(
        form4(
            owners=[Owner(officer="Chief Financial Officer")],
            rows=[
                Txn(code="S", shares="1000", price="10.50", after="9000"),
                Txn(code="G", shares="500", price="", ad="D", after="8500"),
            ],
        )
    )
    (report,) = filing.ownership_reports.all()
    assert report.issuer == Company.objects.get(cik=int(ISSUER_CIK))
    (owner,) = report.owners.all()
    assert owner.person == Person.objects.get(cik=1000001)
    assert owner.relationship == "Officer (Chief Financial Officer)"
    rows = list(report.transactions.order_by("position"))
    assert [(r.code, r.shares, r.price, r.shares_owned_after) for r in rows] == [
        ("S", Decimal("1000"), Decimal("10.50"), Decimal("9000")),
        ("G", Decimal("500"), None, Decimal("8500")),
    ]
    assert all(r.issuer_id == int(ISSUER_CIK) and r.filing == filing for r in rows)


def test_an_entity_owner_is_linked_to_its_company_not_made_a_person():
    fund = Owner(cik="0001000009", name="Harbor Lane Capital LP", ten_percent=True, entity=True)
    filing = store(form4(owners=[Owner(director=True), fund]))
    owners = list(InsiderOwner.objects.filter(report__filing=filing).order_by("position"))
    assert owners[0].person is not None and owners[0].company is None
    assert owners[1].company == Company.objects.get(cik=1000009)
    assert owners[1].person is None
    assert not Person.objects.filter(cik=1000009).exists()
    assert owners[1].relationship == "10% owner"


def amendment(**kwargs):
    values = dict(
        acc=AMENDMENT,
        form="4/A",
        filed="20240310",
        rows=[Txn(code="S", shares="1200", price="10.40", after="8800")],
    )
    return form4(**{**values, **kwargs})


@pytest.mark.parametrize("order", ["original first", "amendment first"])
def test_an_amendment_replaces_the_rows_it_amends_whatever_the_reading_order(order):
    first, second = (form4(), amendment()) if order == "original first" else (amendment(), form4())
    store(first)
    store(second)
    original = OwnershipReport.objects.get(filing_id=ORIGINAL)
    amending = OwnershipReport.objects.get(filing_id=AMENDMENT)
    assert original.replaced_by == amending and amending.amends == original
    assert amending.replaced_by is None
    # The original's rows are kept, only marked.
    assert original.transactions.get().shares == Decimal("1000")
    current = insiders.holding_points(InsiderTransaction.objects.filter(issuer_id=int(ISSUER_CIK)))
    assert [r.filing_id for r in current] == [AMENDMENT]


def test_the_date_of_original_submission_picks_the_report_amended():
    store(form4(acc="0001000001-24-000001", filed="20240304"))
    store(form4(acc="0001000001-24-000003", filed="20240305"))
    store(amendment(original="2024-03-04"))
    assert OwnershipReport.objects.get(filing_id=AMENDMENT).amends.filing_id == ORIGINAL
    later = OwnershipReport.objects.get(filing_id="0001000001-24-000003")
    assert later.replaced_by is None


def test_an_original_accepted_after_hours_is_found_by_its_submission_day():
    # Accepted on the 4th after 17:30 Eastern, so dated the 5th; the 4/A gives the 4th.
    store(form4(filed="20240305", accepted="20240304183000"))
    store(amendment(original="2024-03-04"))
    assert OwnershipReport.objects.get(filing_id=AMENDMENT).amends.filing_id == ORIGINAL


def test_an_amendment_of_another_owner_or_period_replaces_nothing():
    store(form4())
    store(amendment(owners=[Owner(cik="0001000002", name="Other Person A")]))
    store(amendment(acc="0001000001-24-000004", period="2024-02-01"))
    assert OwnershipReport.objects.get(filing_id=ORIGINAL).replaced_by is None
    assert not OwnershipReport.objects.filter(amends__isnull=False).exists()


def test_two_amendments_the_newest_replaces_both_earlier_reports():
    store(form4())
    store(amendment())
    store(amendment(acc="0001000001-24-000005", filed="20240320"))
    newest = OwnershipReport.objects.get(filing_id="0001000001-24-000005")
    assert OwnershipReport.objects.get(filing_id=ORIGINAL).replaced_by == newest
    assert OwnershipReport.objects.get(filing_id=AMENDMENT).replaced_by == newest


def test_reextract_rewrites_the_rows_and_keeps_the_amendment_links():
    store(form4())
    filing = store(amendment())
    before = list(InsiderTransaction.objects.values_list("filing_id", "code", "shares"))
    ingest.reextract(filing)
    ingest.reextract(Filing.objects.get(accession=ORIGINAL))
    after = list(InsiderTransaction.objects.values_list("filing_id", "code", "shares"))
    assert sorted(after) == sorted(before)
    original = OwnershipReport.objects.get(filing_id=ORIGINAL)
    assert original.replaced_by.filing_id == AMENDMENT


def test_a_new_version_of_a_filing_replaces_its_rows():
    store(form4())
    store(form4(rows=[Txn(code="P", shares="50", price="9", ad="A", after="9050")]), "v2.txt")
    rows = list(InsiderTransaction.objects.values_list("code", "shares"))
    assert rows == [("P", Decimal("50"))]
    assert OwnershipReport.objects.count() == 1


def test_a_new_version_of_the_amendment_that_no_longer_amends_frees_the_original():
    store(form4())
    store(amendment())
    store(amendment(period="2024-02-15"), "v2.txt")
    assert OwnershipReport.objects.get(filing_id=ORIGINAL).replaced_by is None


def test_a_filing_before_xml_is_listed_with_its_owner_and_no_detail():
    filing = store(form4(xml="", filed="20000314", period="2000-02-29"))
    (report,) = filing.ownership_reports.all()
    assert report.source == "header"
    (row,) = report.transactions.all()
    assert row.kind == InsiderTransaction.NONE and row.date.isoformat() == "2000-02-29"
    assert report.owners.get().person.cik == 1000001
    assert insiders.summaries([filing.accession]) == {
        filing.accession: "No transaction detail (filed before XML)"
    }


def test_summaries_of_many_filings_take_one_query(django_assert_num_queries):
    store(
        form4(
            rows=[
                Txn(code="S", shares="10000", price="31.20", after="5000"),
                Txn(code="S", shares="2000", price="31.20", after="3000"),
                Txn(code="G", shares="500", price="", after="2500"),
            ]
        )
    )
    store(
        form4(
            acc="0001000001-24-000007",
            rows=[
                Txn(code="S", shares="100", price="10", after="900"),
                Txn(code="S", shares="300", price="20", after="600"),
                Txn(
                    code="M",
                    shares="40",
                    price="",
                    ad="A",
                    derivative=True,
                    after="0",
                    title="Stock Option (right to buy)",
                ),
            ],
        )
    )
    with django_assert_num_queries(1):
        lines = insiders.summaries([ORIGINAL, "0001000001-24-000007", "0000000000-00-000000"])
    assert insiders.summaries(Filing.objects.filter(accession=ORIGINAL)) == {
        ORIGINAL: lines[ORIGINAL]
    }
    assert lines == {
        ORIGINAL: "Sold 12,000 sh at $31.20 (S); Gift 500 sh (G)",
        "0001000001-24-000007": "Sold 400 sh at avg $17.50 (S); "
        "Exercised or converted 40 Stock Option (right to buy) (M)",
    }


def test_a_long_line_is_drawn_one_point_per_month(monkeypatch):
    monkeypatch.setattr(insiders, "MAX_POINTS", 3)
    for day, after in (
        ("2024-01-05", "10"),
        ("2024-01-20", "20"),
        ("2024-02-03", "30"),
        ("2024-02-28", "40"),
    ):
        store(
            form4(
                acc=f"0001000001-24-0000{day[-2:]}",
                period=day,
                filed=day.replace("-", ""),
                rows=[Txn(date=day, after=after)],
            )
        )
    rows = insiders.holding_points(InsiderTransaction.objects.all())
    (chart,) = insiders.holdings_over_time(rows, lambda r: ("issuer", "Zephyr"))
    (series,) = chart["series"]
    assert series["monthly"]
    assert [(d.isoformat(), v) for d, v, _ in series["points"]] == [
        ("2024-01-20", Decimal("20")),
        ("2024-02-28", Decimal("40")),
    ]
