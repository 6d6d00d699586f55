"""The filings list: form families, the issuer and owner of Forms 3/4/5, items, sorting
held in the URL, and clear messages for dates that cannot be used."""

import re

import pytest

from filings import ingest
from tests.fixtures import submission

pytestmark = pytest.mark.django_db


def store(n, **kw):
    kw.setdefault("acc", f"0000000001-04-{n:06d}")
    kw.setdefault("image", None)
    result = ingest.ingest(submission(**kw), f"f{n}.txt")
    assert result.ok, result.message
    return kw["acc"]


def listed(client, query=""):
    page = client.get(f"/filings/?{query}").content.decode()
    return re.findall(r'<td><a href="/filings/([\d-]+)/">', page), page


@pytest.fixture
def forms():
    return {
        form: store(n, form=form, filed=f"2005{n:02d}01")
        for n, form in enumerate(["8-K", "8-K/A", "8-K12B", "13F-HR", "13F-NT", "10-K"], 1)
    }


@pytest.mark.parametrize(
    "asked, expected",
    [
        ("13F", {"13F-HR", "13F-NT"}),
        ("13f", {"13F-HR", "13F-NT"}),
        ("8-K", {"8-K", "8-K/A"}),
        ("8-K*", {"8-K", "8-K/A", "8-K12B"}),
        ("8-K12B", {"8-K12B"}),
        ("13F-HR", {"13F-HR"}),
    ],
)
def test_the_form_filter_finds_a_form_and_its_family(client, forms, asked, expected):
    found, _ = listed(client, f"form={asked}")
    assert set(found) == {forms[f] for f in expected}


def test_a_form_4_shows_its_issuer_with_the_owner_beside_it(client):
    store(1, form="4", owners=[("HIGGINS PATRICIA L", "0001234567")])
    _, page = listed(client)
    row = page[page.index("0000000001-04-000001/") :]
    row = row[: row.index("</tr>")]
    company = row.index("INTERNAP NETWORK SERVICES CORP")
    owner = row.index("HIGGINS PATRICIA L")
    assert company < owner and "owner:" in row[company:owner]


def test_8k_rows_show_their_item_codes(client):
    store(1)
    _, page = listed(client)
    assert ">5.02<" in page and ">9.01<" in page


def test_columns_sort_both_ways_and_the_sort_stays_in_the_url(client, forms):
    newest_first, page = listed(client)
    assert newest_first[0] == forms["10-K"]
    oldest_first, page = listed(client, "sort=filed")
    assert oldest_first == newest_first[::-1]
    assert 'aria-sort="ascending"' in page
    by_form, page = listed(client, "sort=form")
    assert by_form[0] == forms["10-K"] and by_form[-1] == forms["8-K12B"]
    reversed_form, _ = listed(client, "sort=-form")
    assert reversed_form == by_form[::-1]
    # Filters keep the sort, and the sort links keep the filters.
    assert 'name="sort" value="-form"' in client.get("/filings/?sort=-form").content.decode()
    _, page = listed(client, "form=8-K&sort=form")
    assert "form=8-K&amp;sort=-form" in page
    nonsense, _ = listed(client, "sort=drop+table")
    assert nonsense == newest_first


def test_an_invalid_date_is_named_and_the_other_filters_still_apply(client, forms):
    found, page = listed(client, "form=13F&filed_to=2005-99-01")
    assert set(found) == {forms["13F-HR"], forms["13F-NT"]}
    assert "Filed to “2005-99-01” is not a date" in page
    assert "it was not applied" in page


def test_a_reversed_date_range_says_so(client, forms):
    found, page = listed(client, "filed_from=2005-06-01&filed_to=2005-01-01")
    assert found == []
    assert "Filed from (2005-06-01) is after filed to (2005-01-01)" in page
