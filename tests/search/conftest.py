"""The store most search tests search."""

import pytest

from tests.search.helpers import HIGGINS, ITEM_502, store


@pytest.fixture
def store_of_filings():
    """Six filings: two companies, three forms, two years, two people."""
    internap = dict(company="INTERNAP NETWORK SERVICES CORP", cik="0001056386")
    acme = dict(company="ACME WIDGET CO", cik="0000000777")
    store(1, **internap, sentence=HIGGINS)
    store(2, **internap, form="8-K", filed="20050310", sentence="Quarterly results were strong.")
    store(3, **acme, form="10-K", filed="20050601", sentence="Widgets and more widgets.")
    store(
        4,
        **acme,
        form="8-K",
        filed="20041105",
        sentence=ITEM_502
        + "On November 1, 2004, Mr. John Q. Smith resigned as chief financial officer.",
    )
    store(
        5,
        **acme,
        form="4",
        filed="20051201",
        owners=[("HIGGINS PATRICIA L", "0001234567")],
        sentence="Statement of changes in beneficial ownership.",
    )
    store(6, **internap, form="10-K", filed="20060301", sentence="Annual report on networks.")
    return {"internap": 1056386, "acme": 777}
