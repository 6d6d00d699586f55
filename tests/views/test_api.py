"""The JSON API: every endpoint's rows, paging by cursor, filters, errors, query counts."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from filings import identity, ingest
from filings.models import Event, Filing, IdentityChange, Person
from tests.fixtures import submission

pytestmark = pytest.mark.django_db

A1, A2, FORM4 = "0001193125-04-218426", "0001193125-05-000002", "0001234567-05-000001"
WIDGETS = "0000999999-05-000004"
KINDS = ["events", "organizations", "exhibits", "filings", "companies", "people"]
FILING_PARAMS = ["accession", "cik", "form", "filed_from", "filed_to"]
ALLOWED = {
    "events": [*FILING_PARAMS, "person", "reviewed"],
    "organizations": FILING_PARAMS,
    "exhibits": FILING_PARAMS,
    "filings": [*FILING_PARAMS, "person"],
    "companies": ["accession", "cik"],
    "people": ["accession", "cik", "person", "merged"],
}


def store(acc, sentence=None, **kwargs):
    if sentence:
        kwargs["sentence"] = f"Item 5.02 Election of Directors</P><P>{sentence}"
    assert ingest.ingest(submission(acc=acc, **kwargs), f"{acc}.txt").status == "created"


def elected(name, company="Internap Network Services Corporation", day="December 17, 2004"):
    return (
        f"On {day}, the Board of Directors of {company} elected {name} as a member of the "
        f"Board of Directors, effective {day}."
    )


@pytest.fixture
def filings():
    """Higgins elected and resigned at Internap, her Form 4, and Smith elected at Widgets."""
    store(A1, elected("Ms. Patricia L. Higgins"), filed="20041222")
    store(
        A2,
        "On February 25, 2005, Ms. Patricia L. Higgins resigned as a director of the Company, "
        "effective March 1, 2005.",
        filed="20050301",
    )
    store(FORM4, form="4", filed="20050401", owners=[("HIGGINS PATRICIA L", "1234567")])
    store(
        WIDGETS,
        elected("Mr. John Q. Smith", "Widgets Inc", "June 1, 2005"),
        filed="20050601",
        company="WIDGETS INC",
        cik="0000999999",
    )


def get(client, kind, **params):
    response = client.get(f"/api/{kind}.json", params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def rows(client, kind, **params):
    return get(client, kind, limit=1000, **params)["rows"]


def refused(client, url, status=400, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    return body["error"]


def walk(client, kind, limit, **params) -> list[dict]:
    """Every row, page by page through the `next` links."""
    page = get(client, kind, limit=limit, **params)
    found = list(page["rows"])
    while page["next"]:
        assert page["next"].startswith("http://testserver/api/")
        assert len(page["rows"]) == limit
        response = client.get(page["next"])
        assert response.status_code == 200, response.content
        page = response.json()
        found += page["rows"]
    return found


def cursor(page) -> str:
    return parse_qs(urlsplit(page["next"]).query)["cursor"][0]


def accessions(found):
    return [r["accession"] for r in found]


def higgins():
    return Person.objects.get(cik=None, family="Higgins"), Person.objects.get(cik=1234567)


def apart(user=None):
    """The name-only Higgins and her Form 4's owner as two people again: the merge done
    at ingest (the owner took in the 8-K's name) undone."""
    name_only, owner = higgins()
    assert name_only.merged_into == owner
    automatic = IdentityChange.objects.get(action="merge", person=owner, other=name_only)
    assert automatic.by is None
    identity.undo(automatic, user)
    return higgins()


# --- shape and paging ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_a_page_is_kind_rows_and_next(client, filings, kind):
    page = get(client, kind)
    assert list(page) == ["kind", "rows", "next"]
    assert page["kind"] == kind and page["rows"] and page["next"] is None


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("limit", [1, 2])
def test_paging_walks_every_row_once(client, filings, kind, limit):
    everything = rows(client, kind)
    assert len(everything) >= 2
    assert walk(client, kind, limit) == everything


def test_next_keeps_the_filters_and_the_limit(client, filings):
    page = get(client, "events", limit=1, cik="1056386")
    assert "cik=1056386" in page["next"] and "limit=1" in page["next"]
    assert walk(client, "events", 1, cik="1056386") == rows(client, "events", cik="1056386")
    assert accessions(rows(client, "events", cik="1056386")) == [A1, A2, FORM4]


def test_the_default_page_is_100_rows(client, filings):
    for n in range(101):
        Event.objects.create(
            filing_id=WIDGETS,
            person=Person.objects.get(family="Smith"),
            name_raw=f"Person {n}",
            name=f"Person {n}",
            event_type="elected",
            source="body",
        )
    page = get(client, "events")
    assert len(page["rows"]) == 100 and page["next"]
    assert len(walk(client, "events", 100)) == 105


def test_a_cursor_is_stable_when_rows_are_inserted(client, filings):
    first = get(client, "filings", limit=2)
    assert accessions(first["rows"]) == [A1, A2]
    store("0001193125-03-000001", filed="20030101")  # sorts before the cursor
    store("0001193125-06-000001", filed="20060101")  # after it
    rest = walk(client, "filings", 2, cursor=cursor(first))
    assert accessions(rest) == [FORM4, WIDGETS, "0001193125-06-000001"]


def test_filings_without_a_date_come_first_and_page_like_the_rest(client, filings):
    Filing.objects.filter(pk__in=[A2, WIDGETS]).update(filed_date=None)
    everything = rows(client, "filings")
    assert accessions(everything) == [WIDGETS, A2, A1, FORM4]
    assert walk(client, "filings", 1) == everything
    assert walk(client, "events", 1) == rows(client, "events")


# --- rows of the new kinds -------------------------------------------------------------------


def test_filing_rows(client, filings):
    (row,) = rows(client, "filings", accession=A1)
    assert row == {
        "accession": A1,
        "form": "8-K",
        "form_name": "current report",
        "filed_date": "2004-12-22",
        "period_of_report": "2004-12-14",
        "acceptance_datetime": "2004-12-22T16:13:52-05:00",
        "cik": "0001056386",
        "company": "INTERNAP NETWORK SERVICES CORP",
        "document_count": 3,
        "version": 1,
        "findings": [f["code"] for f in Filing.objects.get(pk=A1).findings],
        "url": f"http://testserver/filings/{A1}/",
    }


def test_company_rows(client, filings):
    widgets, internap = rows(client, "companies")  # by CIK
    assert internap == {
        "cik": "0001056386",
        "name": "INTERNAP NETWORK SERVICES CORP",
        "sic": "7370",
        "state_of_incorporation": "DE",
        "former_names": [
            {"name": "INTERNAP NETWORK SERVICES CORP/WA", "date_of_change": "1999-07-21"}
        ],
        "filing_count": 3,
        "url": "http://testserver/companies/1056386/",
    }
    assert (widgets["cik"], widgets["filing_count"]) == ("0000999999", 1)


def test_people_rows_count_a_survivors_cluster(client, filings):
    name_only, owner = higgins()
    smith = Person.objects.get(family="Smith")
    # At ingest, the Form 4's owner took in the name-only Higgins of the same issuer.
    listed = {r["id"]: r for r in rows(client, "people")}
    assert set(listed) == {owner.pk, smith.pk}
    assert listed[owner.pk]["event_count"] == 3 and listed[owner.pk]["cik"] == "0001234567"
    merged = {r["id"]: r for r in rows(client, "people", merged="true")}
    assert merged[name_only.pk]["merged_into"] == owner.pk
    assert merged[name_only.pk]["event_count"] == 2 and merged[name_only.pk]["cik"] is None

    name_only, owner = apart()
    listed = {r["id"]: r for r in rows(client, "people")}
    assert listed[name_only.pk] == {
        "id": name_only.pk,
        "name": "Patricia L. Higgins",
        "raw_name": "Ms. Patricia L. Higgins",
        "cik": None,
        "merged_into": None,
        "event_count": 2,
        "url": f"http://testserver/people/{name_only.pk}/",
    }
    assert listed[owner.pk]["cik"] == "0001234567" and listed[owner.pk]["event_count"] == 1
    assert listed[smith.pk]["event_count"] == 1

    identity.merge(name_only, owner, User.objects.create_user("analyst"))
    listed = {r["id"]: r for r in rows(client, "people")}
    assert set(listed) == {name_only.pk, smith.pk}  # survivors only
    assert listed[name_only.pk]["event_count"] == 3
    assert listed[name_only.pk]["cik"] == "0001234567"  # the cluster's one CIK
    merged = {r["id"]: r for r in rows(client, "people", merged="true")}
    assert set(merged) == {name_only.pk, owner.pk, smith.pk}
    assert merged[owner.pk]["merged_into"] == name_only.pk
    assert merged[owner.pk]["event_count"] == 1  # its own
    assert merged[name_only.pk] == listed[name_only.pk]


def test_events_name_the_survivor_without_a_query_per_event(client, filings):
    name_only, owner = higgins()
    assert name_only.merged_into == owner  # the owner took in the 8-K's name at ingest
    found = rows(client, "events", person=name_only.pk)
    assert accessions(found) == [A1, A2, FORM4]
    assert {(r["person_key"], r["cik"]) for r in found} == {(owner.pk, "0001234567")}


# --- filters ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["events", "organizations", "exhibits", "filings"])
def test_accession_is_repeatable(client, filings, kind):
    assert set(accessions(rows(client, kind, accession=[A2, WIDGETS]))) <= {A2, WIDGETS}
    assert set(accessions(rows(client, kind, accession=[A1, WIDGETS]))) == {A1, WIDGETS}
    assert rows(client, kind, accession="0000000000-00-000000") == []


def test_cik_finds_the_filings_whose_header_names_it(client, filings):
    assert accessions(rows(client, "filings", cik="1234567")) == [FORM4]
    assert accessions(rows(client, "filings", cik="0000999999")) == [WIDGETS]
    assert accessions(rows(client, "filings", cik=["1234567", "999999"])) == [FORM4, WIDGETS]
    assert accessions(rows(client, "exhibits", cik="999999")) == [WIDGETS]
    assert set(accessions(rows(client, "organizations", cik="999999"))) == {WIDGETS}
    assert accessions(rows(client, "events", cik="1056386")) == [A1, A2, FORM4]
    assert rows(client, "filings", cik="42") == []


def test_form_and_dates(client, filings):
    assert accessions(rows(client, "filings", form="4")) == [FORM4]
    assert accessions(rows(client, "filings", form=["4", "8-K"])) == [A1, A2, FORM4, WIDGETS]
    assert accessions(rows(client, "events", form="8-K")) == [A1, A2, WIDGETS]
    dated = rows(client, "filings", filed_from="2005-03-01", filed_to="2005-04-01")
    assert accessions(dated) == [A2, FORM4]
    assert accessions(rows(client, "filings", filed_from="2005-04-02")) == [WIDGETS]
    assert accessions(rows(client, "exhibits", filed_to="2004-12-31")) == [A1]
    assert accessions(rows(client, "events", form="8-K", filed_from="2005-01-01")) == [
        A2,
        WIDGETS,
    ]


def test_person_filters_follow_merges(client, filings):
    name_only, owner = higgins()
    assert accessions(rows(client, "events", person=name_only.pk)) == [A1, A2, FORM4]
    name_only, owner = apart()
    assert accessions(rows(client, "events", person=name_only.pk)) == [A1, A2]
    assert accessions(rows(client, "filings", person=owner.pk)) == [FORM4]
    identity.merge(owner, name_only, User.objects.create_user("analyst"))
    # The merged person's id finds the survivor's whole cluster.
    assert accessions(rows(client, "events", person=name_only.pk)) == [A1, A2, FORM4]
    assert accessions(rows(client, "filings", person=name_only.pk)) == [A1, A2, FORM4]
    assert [r["id"] for r in rows(client, "people", person=name_only.pk)] == [owner.pk]
    both = rows(client, "people", person=name_only.pk, merged="true")
    assert sorted(r["id"] for r in both) == sorted([owner.pk, name_only.pk])
    assert rows(client, "events", person=999999) == []


def test_people_by_cik_and_accession(client, filings):
    name_only, owner = apart()
    smith = Person.objects.get(family="Smith")
    assert [r["id"] for r in rows(client, "people", cik="1234567")] == [owner.pk]
    assert [r["id"] for r in rows(client, "people", accession=WIDGETS)] == [smith.pk]
    in_form4 = rows(client, "people", accession=[FORM4, A1])
    assert sorted(r["id"] for r in in_form4) == sorted([name_only.pk, owner.pk])
    identity.merge(name_only, owner, User.objects.create_user("analyst"))
    assert [r["id"] for r in rows(client, "people", cik="1234567")] == [name_only.pk]
    assert [r["id"] for r in rows(client, "people", accession=FORM4)] == [name_only.pk]


def test_companies_by_cik_and_accession(client, filings):
    assert [r["cik"] for r in rows(client, "companies", cik="999999")] == ["0000999999"]
    assert [r["cik"] for r in rows(client, "companies", accession=A1)] == ["0001056386"]
    assert len(rows(client, "companies", cik=["999999", "1056386"])) == 2


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_an_unknown_parameter_lists_the_allowed_ones(client, filings, kind):
    error = refused(client, f"/api/{kind}.json", color="blue")
    assert error["code"] == "unknown-parameter"
    assert "'color'" in error["message"]
    for name in [*ALLOWED[kind], "limit", "cursor"]:
        assert name in error["message"]
    others = {n for names in ALLOWED.values() for n in names} - set(ALLOWED[kind])
    for name in others:
        assert refused(client, f"/api/{kind}.json", **{name: "1"})["code"] == "unknown-parameter"


@pytest.mark.parametrize(
    "params",
    [
        {"cik": "abc"},
        {"cik": "12345678901"},
        {"cik": ""},
        {"person": "x"},
        {"accession": "0001193125-04"},
        {"form": " "},
        {"filed_from": "2004-13-01"},
        {"filed_to": "yesterday"},
        {"filed_from": ["2004-01-01", "2005-01-01"]},
        {"limit": "0"},
        {"limit": "1001"},
        {"limit": "ten"},
        {"limit": ["1", "2"]},
        {"cursor": "not-a-cursor"},
    ],
)
def test_bad_values_are_400(client, filings, params):
    error = refused(client, "/api/events.json", **params)
    assert error["code"] == "bad-parameter"
    assert next(iter(params)) in error["message"]


def test_a_flag_is_true_or_false(client, filings):
    assert refused(client, "/api/people.json", merged="yes")["code"] == "bad-parameter"


def test_a_cursor_belongs_to_its_endpoint(client, filings):
    token = cursor(get(client, "filings", limit=1))
    assert refused(client, "/api/people.json", cursor=token)["code"] == "bad-parameter"
    assert refused(client, "/api/filings.json", cursor=token[:-2])["code"] == "bad-parameter"


def test_unknown_kind_is_a_json_404(client, filings):
    error = refused(client, "/api/nonsense.json", status=404)
    assert error["code"] == "not-found"  # as for any other address under /api/
    assert "/api/filings.json" in error["message"]


def test_the_api_only_reads(client, filings):
    response = client.post("/api/filings.json")
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"
    assert response.json()["error"]["code"] == "method-not-allowed"


# --- queries ---------------------------------------------------------------------------------


def queries(client, kind) -> int:
    with CaptureQueriesContext(connection) as captured:
        get(client, kind, limit=1000)
    return len(captured)


def test_queries_do_not_grow_with_the_rows(client, filings):
    name_only, owner = apart()
    identity.merge(name_only, owner, User.objects.create_user("analyst"))
    before = {kind: queries(client, kind) for kind in KINDS}
    for n in range(4):
        store(
            f"000888888{n}-05-00000{n}",
            elected(f"Mr. Thomas {'BCDE'[n]}. Jones{n}", f"Gadgets {n} Inc", "July 1, 2005"),
            filed="20050701",
            company=f"GADGETS {n} INC",
            cik=f"000888888{n}",
            owners=[(f"OWNER{n} ALAN", f"77777{n}")],
        )
    assert Person.objects.count() >= 11 and Filing.objects.count() == 8
    assert {kind: queries(client, kind) for kind in KINDS} == before
