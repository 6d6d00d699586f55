"""The insider pages: an issuer's and a person's rows, sorted and filtered through the URL,
paginated, as CSV, marked when amended, and behind login when reading is not public."""

import csv
import io
import re

import pytest
from django.test import Client

from filings import ingest
from filings.models import Person

from .forms import ISSUER_CIK, Owner, Txn, form4

pytestmark = pytest.mark.django_db
ISSUER = int(ISSUER_CIK)
PAGE = f"/companies/{ISSUER}/insiders/"


def store(data: bytes, name: str = "f.txt"):
    result = ingest.ingest(data, name)
    assert result.ok, result.message


@pytest.fixture
def activity():
    """Two owners at one issuer: a CFO's sale, gift and 4/A; a director's purchase; and a
    1999 filing before XML."""
    cfo = Owner(officer="Chief Financial Officer")
    director = Owner(cik="0001000002", name="Blackwood Tomas", director=True)
    store(
        form4(
            owners=[cfo],
            rows=[
                Txn(code="S", shares="1000", price="10.50", after="9000", date="2024-03-01"),
                Txn(
                    code="G",
                    shares="500",
                    price="",
                    after="8500",
                    date="2024-03-01",
                    footnotes={"transactionShares": "F1"},
                ),
            ],
            footnotes={"F1": "Gift to a charitable foundation."},
        )
    )
    store(
        form4(
            acc="0001000001-24-000002",
            form="4/A",
            filed="20240310",
            owners=[cfo],
            rows=[Txn(code="S", shares="1200", price="10.40", after="8800", date="2024-03-01")],
        )
    )
    store(
        form4(
            acc="0001000002-24-000001",
            filed="20240605",
            period="2024-06-03",
            owners=[director],
            rows=[
                Txn(
                    code="P",
                    shares="300",
                    price="=cmd|'/c calc'!A1",
                    ad="A",
                    after="300",
                    date="2024-06-03",
                    title='=HYPERLINK("http://x")',
                )
            ],
        )
    )
    store(
        form4(
            acc="0001000001-99-000001", xml="", filed="19990415", period="1999-04-01", owners=[cfo]
        )
    )


def codes_in_order(html: str) -> list[str]:
    body = html[html.index('class="list insider-table"') :]
    body = body[: body.index("</table>")]
    found = re.findall(r"<abbr title=\"([^\"]*)\">([A-Z])</abbr>", body)
    return [code for title, code in found if title not in ("direct", "indirect")]


def test_the_issuer_page_lists_every_row_with_codes_explained(client, activity):
    html = client.get(PAGE).content.decode()
    assert "4 rows" not in html and "5 rows" in html
    assert (
        '<abbr title="Open market or private sale of non-derivative or derivative security">S</abbr>'
        in html
    )
    assert "Bona fide gift" in html  # the legend and the tooltip
    assert "Gift to a charitable foundation." in html  # the footnote, resolved
    assert "Harriet M. Quill" in html and "Officer (Chief Financial Officer)" in html
    assert "no transaction detail: filed before XML" in html
    assert "$10.50" in html and "1,000" in html


def test_amended_rows_are_kept_and_marked_with_a_link_to_the_amendment(client, activity):
    html = client.get(PAGE).content.decode()
    assert html.count('row-replaced">') >= 2  # the original's two rows
    assert (
        'replaced by <a href="/filings/0001000001-24-000002/">4/A 0001000001-24-000002</a>' in html
    )
    assert 'amending <a href="/filings/0001000001-24-000001/">4 0001000001-24-000001</a>' in html
    hidden = client.get(PAGE, {"replaced": "hide"}).content.decode()
    assert "row-replaced" not in hidden.split("<tbody>")[1].split("</tbody>")[0]
    assert "3 rows" in hidden


def test_sorting_by_a_column_both_ways(client, activity):
    ascending = codes_in_order(client.get(PAGE, {"sort": "shares"}).content.decode())
    descending = codes_in_order(client.get(PAGE, {"sort": "-shares"}).content.decode())
    # 300 P, 500 G, 1000 S, 1200 S (the row without detail has no shares: last both ways)
    assert ascending[:4] == ["P", "G", "S", "S"]
    assert descending[:4] == ["S", "S", "G", "P"]
    html = client.get(PAGE, {"sort": "shares"}).content.decode()
    assert 'aria-sort="ascending"' in html and "sort=-shares" in html


def test_filter_by_code_and_date_range(client, activity):
    html = client.get(PAGE, {"code": ["S"]}).content.decode()
    assert "2 rows" in html and set(codes_in_order(html)) == {"S"}
    html = client.get(PAGE, {"from": "2024-06-01", "to": "2024-12-31"}).content.decode()
    assert "1 row" in html and codes_in_order(html) == ["P"]
    html = client.get(PAGE, {"code": ["NONE"]}).content.decode()
    assert "1 row" in html and "filed before XML" in html


def test_bad_filters_say_what_is_wrong_and_are_left_out(client, activity):
    html = client.get(PAGE, {"from": "yesterday", "code": ["Q"], "sort": "salary"}).content.decode()
    assert "is not a date (YYYY-MM-DD)" in html
    assert "Q: not a Form 4 transaction code" in html
    assert "cannot be sorted on" in html
    assert "5 rows" in html


def test_pages_keep_the_filters(client, activity, settings, monkeypatch):
    monkeypatch.setattr("filings.views.PAGE_SIZE", 2)
    html = client.get(PAGE, {"code": ["S", "G"], "sort": "shares"}).content.decode()
    assert "Page 1 of 2" in html
    assert "?code=S&amp;code=G&amp;sort=shares&amp;page=2" in html


def test_csv_has_every_matching_row_unformatted_and_defused(client, activity):
    response = client.get(f"/companies/{ISSUER}/insiders.csv", {"sort": "date"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    table = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert len(table) == 5
    sale = next(r for r in table if r["shares"] == "1000")
    assert (sale["price"], sale["shares_owned_after"], sale["code"]) == ("10.5", "9000", "S")
    assert sale["status"] == "replaced" and sale["replaced_by"] == "0001000001-24-000002"
    gift = next(r for r in table if r["code"] == "G")
    assert gift["footnotes"] == "F1: Gift to a charitable foundation." and gift["price"] == ""
    bought = next(r for r in table if r["code"] == "P")
    assert bought["security"].startswith("'=HYPERLINK")  # would run in a spreadsheet
    assert bought["price"] == ""  # "=cmd|..." is no number: left empty, never guessed
    assert next(r for r in table if r["kind"] == "none")["date"] == "1999-04-01"
    only_sales = client.get(f"/companies/{ISSUER}/insiders.csv", {"code": "S"})
    assert len(list(csv.DictReader(io.StringIO(only_sales.content.decode())))) == 2


def test_the_person_page_and_its_insider_page(client, activity):
    cfo = Person.objects.get(cik=1000001)
    page = client.get(cfo.get_absolute_url()).content.decode()
    assert f'href="/people/{cfo.pk}/insiders/"' in page
    assert "ZEPHYR WIDGETS INC" in page or "Zephyr Widgets, Inc." in page
    assert "8,800 Common Stock" in page  # latest holdings: the amendment's, not the original's
    html = client.get(f"/people/{cfo.pk}/insiders/").content.decode()
    assert "4 rows" in html and "Blackwood" not in html.split("<tbody>")[1]
    table = list(
        csv.DictReader(io.StringIO(client.get(f"/people/{cfo.pk}/insiders.csv").content.decode()))
    )
    assert len(table) == 4


def test_the_company_page_lists_its_insiders_with_latest_holdings(client, activity):
    html = client.get(f"/companies/{ISSUER}/").content.decode()
    section = html[html.index('id="insiders"') :]
    section = section[: section.index("</table>")]
    assert f'href="{PAGE}"' in html
    assert "Tomas Blackwood" in section and "Director" in section
    assert "8,800 Common Stock" in section and "9,000" not in section
    # The director's holding, its hostile title shown as text, escaped.
    assert "300 =HYPERLINK(&quot;http://x&quot;)" in section


def test_the_holdings_chart_is_svg_with_a_point_per_day_and_its_numbers_as_a_table(
    client, activity
):
    html = client.get(PAGE).content.decode()
    assert "<script" not in html.split("<main>")[1]
    assert "<style" not in html
    charts = re.findall(r"<svg .*?</svg>", html, re.S)
    assert len(charts) == 2  # one per owner
    cfo = next(c for c in charts if "Harriet M. Quill" in c)
    assert "<title id=" in cfo and "<desc id=" in cfo
    # The original was replaced: one point, the amendment's 8,800 on 2024-03-01.
    assert cfo.count('class="point"') == 1
    assert "Common Stock (direct), 2024-03-01: 8,800 shares" in cfo
    assert '<td>2024-03-01</td><td class="number">8,800</td>' in html


def test_reading_needs_login_when_reading_is_not_public(settings, activity):
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:-1],
        "filings.access.LoginRequired",
        settings.MIDDLEWARE[-1],
    ]
    cfo = Person.objects.get(cik=1000001)
    anonymous = Client()
    for url in (
        PAGE,
        f"/companies/{ISSUER}/insiders.csv",
        f"/people/{cfo.pk}/insiders/",
        f"/people/{cfo.pk}/insiders.csv",
    ):
        response = anonymous.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    from tests.annotations.helpers import user

    reader = Client()
    reader.force_login(user("rita", "reader"))
    assert reader.get(PAGE).status_code == 200
    assert reader.get(f"/companies/{ISSUER}/insiders.csv").status_code == 200


def test_writes_are_refused(client, activity):
    assert client.post(PAGE).status_code == 405
    assert client.get("/companies/123/insiders/").status_code == 404


def test_a_funds_company_page_lists_the_issuers_it_reported_on(client):
    fund = Owner(cik="0001000009", name="Harbor Lane Capital LP", ten_percent=True, entity=True)
    store(form4(owners=[fund], rows=[Txn(code="P", ad="A", after="2500000")]))
    html = client.get("/companies/1000009/").content.decode()
    section = html[html.index('id="insider-filings"') :]
    assert "As a reporting owner" in section and "Zephyr Widgets, Inc." in section
    assert "2,500,000 Common Stock" in section and "10% owner" in section
    assert 'id="insiders"' not in html  # not an issuer: no empty insiders section


def test_the_page_takes_the_same_queries_for_many_rows(client, django_assert_max_num_queries):
    store(form4(rows=[Txn()]))
    with django_assert_max_num_queries(40) as few:
        client.get(PAGE)
    store(
        form4(
            acc="0001000001-24-000008",
            period="2024-04-01",
            rows=[Txn(date="2024-04-01", shares=str(10 + i)) for i in range(30)],
        )
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(PAGE)


def test_what_is_wrong_with_a_filing_is_shown_beside_its_rows(client):
    store(form4(rows=[Txn(footnotes={"transactionShares": "F7"})]))
    html = client.get(PAGE).content.decode()
    assert "row 1 cites footnote F7, which is not given" in html
    assert "F7" in html and "(not given in the filing)" in html


def test_a_funds_own_rows_as_an_owner_have_their_page_and_csv(client):
    fund = Owner(cik="0001000009", name="Harbor Lane Capital LP", ten_percent=True, entity=True)
    store(form4(owners=[fund], rows=[Txn(code="P", ad="A", after="2500000")]))
    store(form4(acc="0001000001-24-000005", rows=[Txn(code="S", after="10")]))  # someone else
    company = client.get("/companies/1000009/").content.decode()
    assert 'href="/companies/1000009/insiders/?role=owner"' in company
    html = client.get("/companies/1000009/insiders/", {"role": "owner", "sort": "shares"}).content
    html = html.decode()
    assert "reported by HARBOR LANE CAPITAL LP as an owner" in html and "1 row" in html
    assert '<input type="hidden" name="role" value="owner">' in html
    assert "role=owner&amp;sort=-shares" in html or "sort=-shares&amp;role=owner" in html
    table = client.get("/companies/1000009/insiders.csv", {"role": "owner"}).content.decode()
    assert len(list(csv.DictReader(io.StringIO(table)))) == 1
    assert "1 row" not in client.get("/companies/1000009/insiders/").content.decode()
