"""Typeahead: companies and people by any name they went by."""

import re

import pytest

from filings import identity, ingest, search
from filings.models import IdentityChange, Person
from filings.search.names import name_matches, names_matching
from filings.search.words import tokens
from tests.corpus import corpus_available, manifest_rows, read_corpus_file
from tests.fixtures import submission
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
    assert any(f["detail"].startswith("Director, INTERNAP") for f in people)  # latest role
    owner = Person.objects.get(cik=1234567)
    assert any(f["url"] == f"/people/{owner.pk}/" for f in search.typeahead("higgins patr"))
    assert any(f["url"] == f"/people/{owner.pk}/" for f in search.typeahead("1234567"))

    def people_urls(typed):
        return [f["url"] for f in search.typeahead(typed) if f["kind"] == "person"]

    # The Form 4's owner took in the 8-K's name at ingest: one person is offered.
    assert people_urls("patricia") == [f"/people/{owner.pk}/"]
    identity.undo(IdentityChange.objects.get(action="merge", person=owner, by=None), None)
    others = Person.objects.exclude(pk=owner.pk).filter(name__icontains="higgins")
    assert len(people_urls("patricia")) == 1 + len(others) > 1
    for other in others:
        identity.merge(owner, other, None)
    assert people_urls("patricia") == [f"/people/{owner.pk}/"]


def test_typeahead_ignores_punctuation_and_spacing():
    store(1, company="1-800-FLOWERS.COM, Inc.", cik="0001084869")
    store(2, company="EXXON MOBIL CORP", cik="0000034088")
    store(3, sentence=HIGGINS)
    for typed in ("1-800", "1800 flowers", "1800flowers", "1 800 FLOWERS COM", "flowers.com"):
        found = search.typeahead(typed)
        assert found and found[0]["url"] == "/companies/1084869/", typed
        assert "formerly" not in found[0]["detail"], typed  # matched by its own name
    assert search.typeahead("exxonmobil")[0]["url"] == "/companies/34088/"
    assert search.typeahead("1800 roses") == []
    assert search.typeahead("1084869")[0]["url"] == "/companies/1084869/"
    # The company filter of search matches names the same way.
    assert names_matching("company", "1800flowers") == [1084869]
    assert names_matching("company", "internap") == [1056386]


FORMER_NAME = (
    "\n\tFORMER NAME:\t\n\t\tFORMER CONFORMED NAME:\tSHOQUIST DEBBIE\n"
    "\t\tDATE OF NAME CHANGE:\t20040316\n"
)


def test_typeahead_finds_people_by_a_former_name_the_header_gives():
    data = submission(
        acc="0000000001-04-000001", form="4", owners=[("Shoquist Debora", "0001283854")]
    ).decode()
    data = data.replace("041221059\n", "041221059\n" + FORMER_NAME, 1)
    assert ingest.ingest(data.encode(), "f1.txt").ok
    owner = Person.objects.get(cik=1283854)
    for typed in ("shoquist debbie", "debbie", "shoquistdeb"):
        people = [f for f in search.typeahead(typed) if f["kind"] == "person"]
        assert [f["url"] for f in people] == [f"/people/{owner.pk}/"], typed
    [found] = [f for f in search.typeahead("debbie") if f["kind"] == "person"]
    assert "formerly SHOQUIST DEBBIE" in found["detail"]
    assert names_matching("person", "debbie") == [owner.pk]


@pytest.mark.corpus
@pytest.mark.skipif(not corpus_available(), reason="EDGAR corpus not found")
def test_typeahead_on_corpus_filings():
    for acc in ("0001437749-25-013070", "0000921895-25-001190", "0001045810-23-000128"):
        assert ingest.ingest(read_corpus_file(f"{acc}.txt"), f"{acc}.txt").ok
    for typed in ("1-800", "1800 flowers", "1800flowers", "1-800-flowers.com"):
        assert search.typeahead(typed)[0]["label"] == "1 800 FLOWERS COM INC", typed
    assert search.typeahead("pleasantlake")[0]["label"] == "Pleasant Lake Partners LLC"
    shoquist = Person.objects.get(cik=1283854)  # NVIDIA's, formerly SHOQUIST DEBBIE
    people = [f for f in search.typeahead("shoquist debbie") if f["kind"] == "person"]
    assert [f["url"] for f in people] == [f"/people/{shoquist.pk}/"]


@pytest.mark.corpus
@pytest.mark.skipif(not corpus_available(), reason="EDGAR corpus not found")
def test_every_corpus_name_matches_typed_without_its_punctuation_or_spaces():
    names = {party.name for row in manifest_rows() for party in row.parties if party.name}
    assert len(names) > 100
    for name in names:
        words = tokens(name)
        unpunctuated = tokens(re.sub(r"[^\w\s]", "", name))
        for typed in (words, unpunctuated, ["".join(words)], ["".join(words)[:6]]):
            assert name_matches(name, typed), (name, typed)
