"""The Form 3/4/5 row reader: specific rows of the corpus's Forms 4 (read off the XML),
invariants over every ownership filing of the corpus, and synthetic documents for what
the corpus lacks (amendments, missing and footnote-only values, hostile XML)."""

import datetime as dt
from decimal import Decimal

import pytest

from filings import edgar
from filings.extract import transaction_codes
from filings.extract.registry import form_family
from filings.extract.transactions import DERIVATIVE, HEADER, HOLDING, XML, parse, reports
from tests.corpus import corpus_available, main_rows, read_corpus_file
from tests.insiders.forms import Owner, Txn, ownership_xml

needs_corpus = pytest.mark.skipif(not corpus_available(), reason="EDGAR corpus not found")


def corpus_reports(acc: str):
    return reports(edgar.parse(read_corpus_file(f"{acc}.txt"), name=f"{acc}.txt"))


def ownership_files():
    return [r for r in main_rows() if form_family(r.form_type) == "ownership"]


@needs_corpus
def test_apple_2022_adams_seven_sales_with_their_price_footnotes():
    (report,) = corpus_reports("0000320193-22-000061")
    assert (report.source, report.document_type) == (XML, "4")
    assert report.period_of_report == dt.date(2022, 5, 4)
    assert (report.issuer_cik, report.issuer_name, report.trading_symbol) == (
        "0000320193",
        "Apple Inc.",
        "AAPL",
    )
    (owner,) = report.owners
    assert owner.cik == "0001462356" and owner.officer_title == "SVP, GC and Secretary"
    assert len(report.rows) == 7 and all(r.code == "S" for r in report.rows)
    first, last = report.rows[0], report.rows[-1]
    assert (first.shares, first.price, first.shares_owned_after) == (
        Decimal("9136"),
        Decimal("159.94"),
        Decimal("468198"),
    )
    assert (last.shares, last.price, last.shares_owned_after) == (
        Decimal("2292"),
        Decimal("165.95"),
        Decimal("452334"),
    )
    assert first.footnotes == {"security_title": ("F1",), "price": ("F2",)}
    assert report.footnote("F1").startswith("This transaction was made pursuant to a Rule 10b5-1")
    assert "$159.42 to $160.41" in report.footnote("F2")
    assert (first.acquired_disposed, first.direct_indirect, first.equity_swap) == ("D", "D", False)


@needs_corpus
def test_tesla_2025_option_exercise_footnote_only_exercise_date_and_coding_footnote():
    (report,) = corpus_reports("0000950170-25-003585")
    assert report.aff10b5one is True
    assert len(report.rows) == 25
    exercise, first_sale = report.rows[0], report.rows[1]
    assert (exercise.code, exercise.acquired_disposed, exercise.price) == (
        "M",
        "A",
        Decimal("14.99"),
    )
    assert exercise.footnotes == {"code": ("F1",)}  # the footnote sits on the coding
    assert (first_sale.shares, first_sale.price) == (Decimal("4424"), Decimal("402.841"))
    option = report.rows[-1]
    assert option.table == DERIVATIVE
    assert option.security_title == "Non-Qualified Stock Option (right to buy)"
    assert option.conversion_price == Decimal("14.99")
    assert option.exercise_date is None  # only a footnote: never invented
    assert option.footnotes["exercise_date"] == ("F25",)
    assert option.expiration_date == dt.date(2026, 6, 18)
    assert (option.underlying_title, option.underlying_shares) == (
        "Common Stock",
        Decimal("100000"),
    )
    assert option.shares_owned_after == Decimal("120948")


@needs_corpus
def test_amazon_2024_rsu_award_in_the_derivative_table():
    (report,) = corpus_reports("0001018724-24-000077")
    (award,) = report.rows
    assert (award.table, award.code, award.shares, award.acquired_disposed) == (
        DERIVATIVE,
        "A",
        Decimal("5952"),
        "A",
    )
    assert award.exercise_date == dt.date(2025, 5, 15)
    assert award.expiration_date == dt.date(2027, 5, 15)
    assert award.underlying_title == "Common Stock, par value $.01 per share"
    assert award.footnotes == {"conversion_price": ("F1",), "exercise_date": ("F2",)}


@needs_corpus
def test_isabella_2024_fractional_purchase_and_indirect_holdings():
    (report,) = corpus_reports("0000842517-24-000086")
    buy, child, llc = report.rows
    assert (buy.code, buy.shares, buy.price, buy.shares_owned_after) == (
        "P",
        Decimal("275.634"),
        Decimal("18.14"),
        Decimal("15711.8844"),
    )
    assert child.kind == HOLDING and child.code is None and child.transaction_date is None
    assert (child.shares_owned_after, child.direct_indirect, child.nature_of_ownership) == (
        Decimal("2170.3157"),
        "I",
        "Held by minor child",
    )
    assert llc.nature_of_ownership == "Held by LLC"
    assert (
        report.footnote("F1") == "Includes shares acquired through quarterly dividend reinvestment."
    )


@needs_corpus
def test_pro_dex_2025_joint_filing_of_a_person_and_a_partnership():
    (report,) = corpus_reports("0001079973-25-000129")
    person, fund = report.owners
    assert (person.cik, person.is_director, person.is_ten_percent_owner) == (
        "0001361476",
        True,
        True,
    )
    assert fund.is_organization and fund.raw_name == "FARNAM STREET PARTNERS LP /MN"
    first, second = report.rows
    assert first.nature_of_ownership == "By Farnam Street Partners, L.P."
    assert second.transaction_date == dt.date(2025, 1, 24) and second.price == Decimal("41.44")


@needs_corpus
def test_the_2000_form_4_has_its_header_owner_and_no_rows():
    (report,) = corpus_reports("0001094891-00-000193")
    assert report.source == HEADER and report.rows == ()
    assert report.period_of_report == dt.date(2000, 2, 29)
    assert report.issuer_cik == "0000911787"
    (owner,) = report.owners
    assert owner.raw_name == "FOSTER ALAN H" and owner.is_director


@needs_corpus
def test_every_ownership_filing_of_the_corpus_parses_cleanly():
    files = ownership_files()
    assert len(files) >= 9
    xml_rows = 0
    for row in files:
        found = corpus_reports(row.accession)
        assert found, row.file
        for report in found:
            assert report.issuer_cik and report.owners, row.file
            assert report.problems == (), (row.file, report.problems)
            for r in report.rows:
                xml_rows += 1
                if r.kind != HOLDING:
                    assert r.code in transaction_codes.CODES, (row.file, r.code)
                    assert r.acquired_disposed in ("A", "D"), row.file
                    assert r.transaction_date is not None, row.file
                assert r.direct_indirect in ("D", "I"), row.file
                assert r.unparsed == {}, (row.file, r.unparsed)  # every number parsed
                assert r.shares_owned_after is not None, row.file
                for cited in r.footnote_ids:
                    assert report.footnote(cited), (row.file, cited)
    assert xml_rows >= 40


def test_the_code_table_is_the_instructions_twenty_codes():
    assert "".join(sorted(transaction_codes.CODES)) == "ACDEFGHIJKLMOPSUVWXZ"
    assert transaction_codes.meaning("G") == "Bona fide gift"
    assert "not a Form 4 transaction code" in transaction_codes.meaning("Q")
    assert sum(len(c) for _, c in transaction_codes.groups()) == 20


def test_missing_empty_and_footnote_only_values_stay_none():
    xml = ownership_xml(
        "4",
        "2024-03-01",
        [Owner()],
        [
            Txn(shares="", price="", footnotes={"transactionPricePerShare": "F1"}),
            Txn(
                raw="<nonDerivativeTransaction><securityTitle><value>Common</value>"
                "</securityTitle></nonDerivativeTransaction>"
            ),
        ],
        {"F1": "Price not determinable."},
    )
    report = parse(xml, sequence="1")
    blank, bare = report.rows
    assert blank.shares is None and blank.price is None
    assert blank.footnotes["price"] == ("F1",)
    assert blank.unparsed == {}
    assert (bare.code, bare.transaction_date, bare.shares_owned_after, bare.direct_indirect) == (
        None,
        None,
        None,
        None,
    )


def test_text_that_is_not_a_number_or_date_is_kept_as_written_not_guessed():
    xml = ownership_xml(
        "4", "2024-03-01", [Owner()], [Txn(shares="about 1,000", date="March 1", after="1e400")]
    )
    (row,) = parse(xml, sequence="1").rows
    assert row.shares is None and row.transaction_date is None and row.shares_owned_after is None
    assert row.unparsed == {
        "shares": "about 1,000",
        "transaction_date": "March 1",
        "shares_owned_after": "1e400",
    }


def test_amendment_fields_and_an_undefined_footnote_are_reported():
    xml = ownership_xml(
        "4/A",
        "2024-03-01",
        [Owner()],
        [Txn(footnotes={"transactionShares": "F7"})],
        original="2024-03-04",
    )
    report = parse(xml, sequence="1")
    assert report.is_amendment and report.date_of_original_submission == dt.date(2024, 3, 4)
    assert report.problems == ("row 1 cites footnote F7, which is not given",)


def test_derivative_holding_and_footnote_only_exercise_date():
    xml = ownership_xml(
        "5",
        "2024-12-31",
        [Owner()],
        [
            Txn(
                derivative=True,
                holding=True,
                title="Warrant",
                after="300",
                footnotes={"exerciseDate": "F9"},
            )
        ],
        {"F9": "Exercisable upon the closing of the merger."},
    )
    (row,) = parse(xml, sequence="1").rows
    assert (row.table, row.kind, row.code, row.shares) == (DERIVATIVE, HOLDING, None, None)
    assert row.conversion_price == Decimal("25.00") and row.exercise_date is None
    assert row.footnotes["exercise_date"] == ("F9",)


def test_hostile_xml_entities_are_not_expanded_and_nothing_is_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE o [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<ownershipDocument><documentType>4</documentType><nonDerivativeTable>"
        "<nonDerivativeTransaction><securityTitle><value>&x;</value></securityTitle>"
        "</nonDerivativeTransaction></nonDerivativeTable></ownershipDocument>"
    )
    report = parse(xml, sequence="1")
    assert report is not None
    assert "TOP SECRET" not in (report.rows[0].security_title or "")


def test_not_an_ownership_document_is_none():
    assert parse("<html><body>Form 4</body></html>", sequence="1") is None
    assert parse("not xml at all", sequence="1") is None


def test_a_report_with_more_rows_than_any_real_one_is_cut_and_says_so(monkeypatch):
    monkeypatch.setattr("filings.extract.transactions.MAX_ROWS", 3)
    xml = ownership_xml("4", "2024-03-01", [Owner()], [Txn(shares=str(i)) for i in range(5)])
    report = parse(xml, sequence="1")
    assert [r.shares for r in report.rows] == [Decimal(0), Decimal(1), Decimal(2)]
    assert report.problems == ("2 rows after the first 3 were not read",)


def test_a_namespaced_document_is_read_the_same():
    xml = (
        '<?xml version="1.0"?><o:ownershipDocument xmlns:o="urn:example">'
        "<o:documentType>4</o:documentType><o:periodOfReport>2024-03-01</o:periodOfReport>"
        "<o:issuer><o:issuerCik>999001</o:issuerCik></o:issuer>"
        "<o:nonDerivativeTable><o:nonDerivativeTransaction>"
        "<o:securityTitle><o:value>Common</o:value></o:securityTitle>"
        "<o:transactionCoding><o:transactionCode>p</o:transactionCode></o:transactionCoding>"
        "<o:transactionAmounts><o:transactionShares><o:value>1,250</o:value>"
        "</o:transactionShares></o:transactionAmounts>"
        "</o:nonDerivativeTransaction></o:nonDerivativeTable></o:ownershipDocument>"
    )
    report = parse(xml, sequence="1")
    assert report.issuer_cik == "0000999001" and report.period_of_report == dt.date(2024, 3, 1)
    (row,) = report.rows
    assert (row.security_title, row.code, row.shares) == ("Common", "P", Decimal("1250"))


@needs_corpus
def test_the_feed_copy_of_a_2025_form_4_on_one_line_and_header_only_damaged_copies():
    sub = edgar.parse(read_corpus_file("0001127602-25-004598.nc"), name="x.nc")
    (report,) = reports(sub)
    award, withheld = report.rows
    assert (award.code, award.shares, award.price, award.shares_owned_after) == (
        "A",
        Decimal("2193"),
        Decimal("106.82"),
        Decimal("21878"),
    )
    assert (withheld.code, withheld.shares, withheld.acquired_disposed) == (
        "F",
        Decimal("1009"),
        "D",
    )
    assert withheld.timeliness is None  # an empty element is no value
    for name, owner in (
        ("0001012325-98-000004.header-only.txt", "CANTALUPO JAMES R"),
        ("0001140361-23-028639.header-fragment.txt", "Driggers Shane"),
    ):
        (report,) = reports(edgar.parse(read_corpus_file(name), name=name))
        assert report.source == HEADER and report.rows == ()
        assert [o.raw_name for o in report.owners] == [owner]
