"""Typeahead: companies and people by any name they went by."""

import pytest

from filings import identity, search
from filings.models import Person
from tests.search.helpers import HIGGINS, store

pytestmark = pytest.mark.django_db


def test_typeahead_companies_by_name_former_name_and_cik():
    store(1, company="OLDNAME HOLDINGS", cik="0000000555", filed="20030101")
    store(2, company="NEWNAME INDUSTRIES INC", cik="0000000555", filed="20050101")
    store(3, sentence=HIGGINS)
    [newname] = search.typeahead("newn")
    assert newname == {
        "kind": "company",
        "label": "NEWNAME INDUSTRIES INC",
        "detail": newname["detail"],
        "url": "/companies/555/",
    }
    [via_old] = search.typeahead("oldname hold")
    assert via_old["label"] == "NEWNAME INDUSTRIES INC"
    assert "OLDNAME HOLDINGS" in via_old["detail"]
    assert search.typeahead("indus")[0]["label"] == "NEWNAME INDUSTRIES INC"
    assert search.typeahead("network serv")[0]["label"] == "INTERNAP NETWORK SERVICES CORP"
    assert search.typeahead("10563")[0]["url"] == "/companies/1056386/"
    assert search.typeahead("0001056386")[0]["url"] == "/companies/1056386/"
    assert search.typeahead("zzz") == []
    assert search.typeahead("  ") == []


def test_typeahead_people_by_any_name_variant_and_merges():
    store(1, sentence=HIGGINS)
    store(2, form="4", owners=[("HIGGINS PATRICIA L", "0001234567")])
    found = search.typeahead("higg")
    people = [f for f in found if f["kind"] == "person"]
    assert people and all(f["url"].startswith("/people/") for f in people)
    assert any(f["detail"].startswith("director, INTERNAP") for f in people)  # latest role
    owner = Person.objects.get(cik=1234567)
    assert any(f["url"] == f"/people/{owner.pk}/" for f in search.typeahead("higgins patr"))
    assert any(f["url"] == f"/people/{owner.pk}/" for f in search.typeahead("1234567"))
    others = Person.objects.exclude(pk=owner.pk).filter(name__icontains="higgins")
    for other in others:
        identity.merge(owner, other, None)
    people = [f for f in search.typeahead("patricia") if f["kind"] == "person"]
    assert [f["url"] for f in people] == [f"/people/{owner.pk}/"]
