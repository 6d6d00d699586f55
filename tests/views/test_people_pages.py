"""Person and company pages: timelines, names as written, merges and splits by analysts."""

import io
import re

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.db.models import F
from lxml import html as lxml_html

from filings import identity, ingest
from filings.models import Event, IdentityChange, Person, PersonOverride
from tests.corpus import corpus_available, read_corpus_file
from tests.fixtures import submission

pytestmark = pytest.mark.django_db

ELECTED = (
    "On December 17, 2004, the Board of Directors of Internap Network Services Corporation "
    "elected Ms. Patricia L. Higgins as a member of the Board of Directors, effective "
    "December 17, 2004."
)
RESIGNED = (
    "On February 25, 2005, Ms. Patricia L. Higgins resigned as a director of the Company, "
    "effective March 1, 2005."
)
A1, A2, A3 = "0001193125-04-218426", "0001193125-05-000002", "0001193125-05-000003"
WIDGETS = "0000999999-05-000004"
FORM4 = "0001234567-05-000001"


def store(acc, *paragraphs, **kwargs):
    if paragraphs:
        kwargs["sentence"] = "</P><P>".join(("Item 5.02 Election of Directors", *paragraphs))
    data = kwargs.pop("data", None) or submission(acc=acc, **kwargs)
    result = ingest.ingest(data, f"{acc}.txt")
    assert result.status == "created", result


def page(response):
    assert response.status_code == 200, response
    return lxml_html.fromstring(response.content.decode())


def texts(tree, xpath):
    return [" ".join(el.text_content().split()) for el in tree.xpath(xpath)]


def person_url(person):
    return f"/people/{person.pk}/"


@pytest.fixture
def higgins():
    """Higgins elected, then resigned, at Internap; written once as 'Pat Higgins'."""
    store(A1, ELECTED, filed="20041222")
    store(A2, RESIGNED, filed="20050301")
    store(A3, "On March 25, 2005, the Board appointed Pat Higgins as Chief Executive Officer.")
    (person,) = Person.objects.all()
    return person


@pytest.fixture
def namesake(higgins):
    """Patricia L. Higgins at an unrelated company: a second person."""
    store(
        WIDGETS,
        "On March 25, 2005, the Board elected Ms. Patricia L. Higgins as a director.",
        company="UNRELATED WIDGETS INC",
        cik="0000999999",
        filed="20050402",
    )
    return Event.objects.get(filing_id=WIDGETS).person


def login(client, name, *perms):
    user = User.objects.create_user(name, password="a-long-password-1")
    for codename in perms:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client.force_login(user)
    return user


@pytest.fixture
def editor(client):
    return login(client, "editor", "change_person")


@pytest.fixture
def reader(client):
    return login(client, "reader")


def message(response) -> str:
    return " ".join(texts(page(response), "//ul[@class='messages']/li"))


# --- the person page --------------------------------------------------------------------------


def test_person_page_shows_the_timeline_with_evidence_links(client, higgins):
    tree = page(client.get(person_url(higgins)))
    assert texts(tree, "//h1") == ["Patricia L. Higgins"]
    rows = tree.xpath("//table[contains(@class, 'timeline')]/tbody/tr[not(@class='section')]")
    assert len(rows) == 3
    first = " ".join(rows[0].text_content().split())
    assert first.startswith("2004-12-17 elected Director")
    assert A1 in first and "filed 2004-12-22" in first
    # The evidence links to the sentence, highlighted in its document.
    elected = Event.objects.get(event_type="elected")
    (link,) = rows[0].xpath(".//td[@class='evidence-text']/a")
    assert link.get("href") == f"/filings/{A1}/1/?hl={elected.start}-{elected.end}"
    assert link.text_content().startswith("On December 17, 2004, the Board")
    second = " ".join(rows[1].text_content().split())
    assert second.startswith("2005-03-01 resigned")
    assert "same given name, same company" in second
    third = " ".join(rows[2].text_content().split())
    assert "appointed" in third and "nickname of the same given name" in third
    assert re.search(r"\(0\.\d\d\)", third)  # a looser link shows its confidence


def test_person_page_lists_names_as_written_with_their_filings(client, higgins):
    tree = page(client.get(person_url(higgins)))
    names = texts(tree, "//ul[@class='names']/li")
    assert names == [
        f"“Ms. Patricia L. Higgins” in 8-K {A1}, 8-K {A2}",
        f"“Pat Higgins” in 8-K {A3}",
    ]
    links = tree.xpath("//ul[@class='names']/li[1]/a/@href")
    assert links == [f"/filings/{A1}/", f"/filings/{A2}/"]


def test_evidence_link_opens_the_document_with_the_sentence_highlighted(client, higgins):
    elected = Event.objects.get(event_type="elected")
    response = client.get(elected.get_absolute_url())
    assert response.status_code == 200
    assert response.context["highlight"] == ELECTED


def test_reporting_owner_page_shows_the_cik_and_header_appearances(client):
    store(FORM4, form="4", filed="20050301", owners=[("HIGGINS PATRICIA L", "1234567")])
    owner = Person.objects.get(cik=1234567)
    tree = page(client.get(person_url(owner)))
    assert "0001234567" in texts(tree, "//dl[@class='facts']")[0]
    assert texts(tree, "//ul[@class='names']/li") == [f"“HIGGINS PATRICIA L” in 4 {FORM4}"]
    body = " ".join(tree.text_content().split())
    assert "Header appearances" in body and "reporting-owner" in body


def test_unknown_person_is_404(client):
    assert client.get("/people/999/").status_code == 404


# --- who may change identities ------------------------------------------------------------


def test_readers_see_no_identity_controls(client, higgins):
    tree = page(client.get(person_url(higgins)))
    assert not tree.xpath("//input[@name='events']")
    assert not tree.xpath("//button[@value='merge']") and not tree.xpath("//button[@value='split']")


def test_editors_see_checkboxes_and_the_merge_form(client, editor, higgins):
    tree = page(client.get(person_url(higgins)))
    assert len(tree.xpath("//input[@type='checkbox'][@name='events']")) == 3
    assert tree.xpath("//button[@value='merge']") and tree.xpath("//button[@value='split']")


def test_anonymous_posts_go_to_the_login_page_and_change_nothing(client, namesake, higgins):
    response = client.post(person_url(higgins), {"action": "merge", "other": namesake.pk})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not IdentityChange.objects.exists()
    namesake.refresh_from_db()
    assert namesake.merged_into is None


def test_users_without_the_permission_get_403(client, reader, namesake, higgins):
    response = client.post(person_url(higgins), {"action": "merge", "other": namesake.pk})
    assert response.status_code == 403
    event = Event.objects.get(filing_id=A2)
    response = client.post(person_url(higgins), {"action": "split", "events": [event.pk]})
    assert response.status_code == 403
    assert not IdentityChange.objects.exists() and Person.objects.count() == 2


# --- merge, split and undo through the page ---------------------------------------------------


def test_merge_through_the_page_and_undo_it(client, editor, higgins, namesake):
    response = client.post(person_url(higgins), {"action": "merge", "other": namesake.pk})
    assert response.status_code == 302 and response["Location"] == person_url(higgins)
    # The merged person's page now leads to the survivor ...
    response = client.get(person_url(namesake))
    assert response.status_code == 302 and response["Location"] == person_url(higgins)
    # ... whose timeline carries both people's events.
    response = client.get(person_url(higgins), follow=True)
    assert "is merged into Patricia L. Higgins" in message(response)
    tree = page(response)
    timeline = " ".join(texts(tree, "//table[contains(@class, 'timeline')]"))
    assert WIDGETS in timeline and A1 in timeline
    assert f"Patricia L. Higgins (#{namesake.pk})" in texts(tree, "//dl[@class='facts']")[0]
    (change,) = IdentityChange.objects.all()
    assert "merge of Patricia L. Higgins" in texts(tree, "//ul[@class='changes']/li")[0]
    # Each company page lists the one surviving person.
    company = page(client.get("/companies/999999/"))
    assert tree.xpath("//h1")[0].text_content() in texts(company, "//table/tbody/tr/td[1]/a")
    assert company.xpath(f"//a[@href='{person_url(higgins)}']")

    response = client.post(person_url(higgins), {"action": "undo", "change": change.pk})
    assert response.status_code == 302
    assert client.get(person_url(namesake)).status_code == 200
    tree = page(client.get(person_url(higgins)))
    timeline = " ".join(texts(tree, "//table[contains(@class, 'timeline')]"))
    assert WIDGETS not in timeline
    assert "undone" in texts(tree, "//ul[@class='changes']/li")[0]
    assert not tree.xpath("//ul[@class='changes']//button[@value='undo']")


def test_a_reporting_owner_merged_into_a_name_keeps_its_cik_on_the_page(client, editor, higgins):
    store(FORM4, form="4", filed="20050401", owners=[("HIGGINS PATRICIA L", "1234567")])
    owner = Person.objects.get(cik=1234567)
    # The owner took in the name at ingest; undone, the editor merges the other way round.
    automatic = IdentityChange.objects.get(action="merge", person=owner, other=higgins, by=None)
    client.post(person_url(owner), {"action": "undo", "change": automatic.pk})
    assert client.get(person_url(higgins)).status_code == 200
    client.post(person_url(higgins), {"action": "merge", "other": owner.pk})
    assert client.get(person_url(owner))["Location"] == person_url(higgins)
    tree = page(client.get(person_url(higgins)))
    facts = texts(tree, "//dl[@class='facts']")[0]
    assert f"Patricia L. Higgins (#{owner.pk}, CIK 0001234567)" in facts
    timeline = texts(tree, "//table[contains(@class, 'timeline')]")[0]
    assert "reporting-owner" in timeline and FORM4 in timeline


def test_merge_mistakes_are_reported_on_the_page(client, editor, higgins):
    response = client.post(
        person_url(higgins), {"action": "merge", "other": higgins.pk}, follow=True
    )
    assert "already the same person" in message(response)
    response = client.post(person_url(higgins), {"action": "merge", "other": "x"}, follow=True)
    assert response.status_code == 200 and message(response)
    assert client.post(person_url(higgins), {"action": "merge", "other": 999}).status_code == 404
    response = client.post(person_url(higgins), {"action": "bogus"}, follow=True)
    assert "Unknown action" in message(response)
    assert not IdentityChange.objects.exists()


def test_split_through_the_page_moves_the_ticked_events_to_a_new_person(client, editor, higgins):
    resigned = Event.objects.get(event_type="resigned")
    response = client.post(person_url(higgins), {"action": "split", "events": [resigned.pk]})
    assert response.status_code == 302
    new = Person.objects.exclude(pk=higgins.pk).get()
    assert response["Location"] == person_url(new)
    tree = page(client.get(person_url(new)))
    assert texts(tree, "//h1") == ["Patricia L. Higgins"]
    rows = texts(tree, "//table[contains(@class, 'timeline')]/tbody/tr[not(@class='section')]")
    assert len(rows) == 1 and "resigned" in rows[0] and "analyst split" in rows[0]
    assert PersonOverride.objects.get().person == new
    rows = texts(
        page(client.get(person_url(higgins))),
        "//table[contains(@class, 'timeline')]/tbody/tr[not(@class='section')]",
    )
    assert len(rows) == 2 and not any("resigned" in r for r in rows)


def test_split_of_every_event_is_refused(client, editor, higgins):
    ids = list(Event.objects.values_list("pk", flat=True))
    response = client.post(person_url(higgins), {"action": "split", "events": ids}, follow=True)
    assert "at least one event" in message(response)
    assert Person.objects.count() == 1


def test_undo_split_through_the_page(client, editor, higgins):
    resigned = Event.objects.get(event_type="resigned")
    client.post(person_url(higgins), {"action": "split", "events": [resigned.pk]})
    new = Person.objects.exclude(pk=higgins.pk).get()
    change = IdentityChange.objects.get(action="split")
    # The change is listed, with its undo button, on both people's pages.
    tree = page(client.get(person_url(new)))
    assert tree.xpath(f"//ul[@class='changes']//input[@name='change'][@value='{change.pk}']")
    response = client.post(person_url(higgins), {"action": "undo", "change": change.pk})
    assert response.status_code == 302
    assert Event.objects.get(pk=resigned.pk).person == higgins
    assert client.get(person_url(new))["Location"] == person_url(higgins)
    assert not PersonOverride.objects.exists()


def test_reextract_after_page_merge_and_split_keeps_both(client, editor, higgins, namesake):
    client.post(person_url(higgins), {"action": "merge", "other": namesake.pk})
    resigned = Event.objects.get(event_type="resigned")
    client.post(person_url(higgins), {"action": "split", "events": [resigned.pk]})
    new = Person.objects.get(overrides__isnull=False)
    before = sorted(Event.objects.values_list("filing_id", "event_type", "person_id"))

    call_command("reextract", stdout=io.StringIO())

    after = sorted(Event.objects.values_list("filing_id", "event_type", "person_id"))
    assert after == before
    assert client.get(person_url(namesake))["Location"] == person_url(higgins)
    timeline = texts(
        page(client.get(person_url(higgins))), "//table[contains(@class, 'timeline')]"
    )[0]
    assert WIDGETS in timeline and A1 in timeline and "resigned" not in timeline
    timeline = texts(page(client.get(person_url(new))), "//table[contains(@class, 'timeline')]")[0]
    assert "resigned" in timeline and A2 in timeline


# --- the company page -----------------------------------------------------------------------


def moved(data: bytes, street: str) -> bytes:
    """The fixture's filing with a new business address and one more former name."""
    return data.replace(b"601 UNION STREET SUITE 1000", street.encode()).replace(
        b"\tFORMER COMPANY:",
        b"\tFORMER COMPANY:\t\n\t\tFORMER CONFORMED NAME:\tINTERNAP NETWORK SERVICES CORP\n"
        b"\t\tDATE OF NAME CHANGE:\t20140225\n\n\tFORMER COMPANY:",
        1,
    )


@pytest.fixture
def renamed_company():
    """Internap's 8-K (2004) and a Form 4 (2005); then, renamed and moved, an 8-K (2014)."""
    store(A1, ELECTED, filed="20041222")
    store(FORM4, form="4", filed="20050301", owners=[("HIGGINS PATRICIA L", "1234567")])
    newer = "0001193125-14-000099"
    data = submission(acc=newer, filed="20140301", company="INTERNAP CORP", sentence="No news.")
    store(newer, data=moved(data, "ONE RAVINIA DRIVE SUITE 1300"))
    return newer


def test_company_page_shows_names_and_addresses_over_time_oldest_first(client, renamed_company):
    tree = page(client.get("/companies/1056386/"))
    assert texts(tree, "//h1") == ["INTERNAP CORP"]  # the latest filing's name
    rows = tree.xpath("//table[contains(@class, 'history')]/tbody/tr")
    assert len(rows) == 2
    old, new = (texts(r, "./td") for r in rows)
    assert old[:3] == ["2004-12-22", "2005-03-01", "INTERNAP NETWORK SERVICES CORP"]
    assert old[3].startswith("601 UNION STREET SUITE 1000") and "SEATTLE, WA 98101" in old[3]
    assert old[5] == A1
    assert new[:3] == ["2014-03-01", "2014-03-01", "INTERNAP CORP"]
    assert new[3].startswith("ONE RAVINIA DRIVE SUITE 1300")
    assert new[5] == renamed_company


def test_company_page_lists_former_names_by_date_of_change(client, renamed_company):
    tree = page(client.get("/companies/1056386/"))
    former = texts(tree, "//h3[contains(., 'FORMER COMPANY')]/following-sibling::ul[1]/li")
    # Each name once, across every filing's snapshot, the latest change last.
    assert sorted(former[:2]) == [
        "INTERNAP CORP/WA until 1999-07-21",
        "INTERNAP NETWORK SERVICES CORP/WA until 1999-07-21",
    ]
    assert former[2:] == ["INTERNAP NETWORK SERVICES CORP until 2014-02-25"]


def appearances(tree):
    return [
        r[2]
        for r in (texts(tr, "./td") for tr in tree.xpath("//div[@id='company-filings']//tbody/tr"))
    ]


def test_company_page_filters_its_filings_by_form_and_year(client, renamed_company):
    tree = page(client.get("/companies/1056386/"))
    assert appearances(tree) == [renamed_company, FORM4, A1]
    assert texts(tree, "//select[@name='form']/option") == ["any", "4", "8-K"]
    assert texts(tree, "//select[@name='year']/option") == ["any", "2014", "2005", "2004"]
    assert appearances(page(client.get("/companies/1056386/?form=8-K"))) == [renamed_company, A1]
    assert appearances(page(client.get("/companies/1056386/?year=2005"))) == [FORM4]
    tree = page(client.get("/companies/1056386/?form=8-K&year=2004"))
    assert appearances(tree) == [A1]
    assert texts(tree, "//p[@class='count']") == ["1 appearance"]
    assert tree.xpath("//select[@name='form']/option[@selected]")[0].text == "8-K"
    assert tree.xpath("//select[@name='year']/option[@selected]")[0].text == "2004"
    # A year that is not a number is ignored rather than an error.
    assert len(appearances(page(client.get("/companies/1056386/?year=abc")))) == 3


def test_company_filter_fragment_for_htmx(client, renamed_company):
    response = client.get("/companies/1056386/?form=4", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="company-filings">')
    assert FORM4 in body and A1 not in body


def test_company_page_lists_its_people_with_their_roles(client, renamed_company):
    tree = page(client.get("/companies/1056386/"))
    heading = tree.xpath("//h2[.='People']")
    assert heading
    rows = [texts(tr, "./td") for tr in heading[0].xpath("following-sibling::table[1]/tbody/tr")]
    # The 8-K's director (by name) and the Form 4 owner (by CIK) of Internap are one
    # person: the owner took in the name at ingest.
    assert rows == [
        ["Patricia L. Higgins", "elected: Director; reporting-owner", "2004-12-17", "2005-03-01"]
    ]
    links = heading[0].xpath("following-sibling::table[1]/tbody/tr/td[1]/a/@href")
    assert links == [person_url(Person.objects.get(cik=1234567))]


def test_unknown_company_is_404(client):
    assert client.get("/companies/42/").status_code == 404


# --- likely duplicates and merging by name ------------------------------------------------------


def test_a_name_only_person_and_the_cik_owner_of_the_same_issuer_are_merged_at_ingest(
    client, editor, higgins, namesake
):
    store(FORM4, form="4", filed="20050401", owners=[("HIGGINS PATRICIA L", "1234567")])
    owner = Person.objects.get(cik=1234567)
    # The 8-K names read before the Form 4 join its owner, as if the Form 4 came first ...
    assert client.get(person_url(higgins))["Location"] == person_url(owner)
    tree = page(client.get(person_url(owner)))
    timeline = " ".join(texts(tree, "//table[contains(@class, 'timeline')]"))
    assert all(acc in timeline for acc in (A1, A2, A3, FORM4))
    # ... but not the namesake at an unrelated company, nor is she suggested.
    assert Person.objects.get(pk=namesake.pk).merged_into is None and WIDGETS not in timeline
    assert not texts(tree, "//ul[@class='duplicates']/li")
    # The merge is recorded, by nobody, and undone like an analyst's.
    change = IdentityChange.objects.get()
    assert (change.action, change.person, change.other) == ("merge", owner, higgins)
    assert change.by is None
    (listed,) = texts(tree, "//ul[@class='changes']/li")
    assert f"merge of Patricia L. Higgins (#{owner.pk})" in listed
    client.post(person_url(owner), {"action": "undo", "change": change.pk})
    assert client.get(person_url(higgins)).status_code == 200
    tree = page(client.get(person_url(owner)))
    timeline = " ".join(texts(tree, "//table[contains(@class, 'timeline')]"))
    assert FORM4 in timeline and A1 not in timeline
    # Undone, the two are suggested to each other; a later Form 4 leaves them apart.
    store(
        "0001234567-05-000002",
        form="4",
        filed="20050501",
        owners=[("HIGGINS PATRICIA L", "1234567")],
    )
    assert client.get(person_url(higgins)).status_code == 200
    (suggested,) = texts(page(client.get(person_url(higgins))), "//ul[@class='duplicates']/li")
    assert "CIK 0001234567" in suggested


@pytest.fixture
def initial_and_owner():
    """'Ms. P. Higgins' elected at Internap, then the Form 4 of Patricia L. Higgins at the
    same issuer: an initial alone is not enough to merge them at ingest."""
    store(A1, ELECTED.replace("Patricia L. Higgins", "P. Higgins"), filed="20041222")
    mention = Person.objects.get()
    store(FORM4, form="4", filed="20050401", owners=[("HIGGINS PATRICIA L", "1234567")])
    owner = Person.objects.get(cik=1234567)
    mention.refresh_from_db()
    assert mention.merged_into is None and not IdentityChange.objects.exists()
    return mention, owner


def test_a_name_only_person_and_the_cik_owner_of_the_same_issuer_are_suggested(
    client, editor, initial_and_owner
):
    mention, owner = initial_and_owner
    store(
        WIDGETS,
        "On March 25, 2005, the Board elected Ms. Patricia L. Higgins as a director.",
        company="UNRELATED WIDGETS INC",
        cik="0000999999",
        filed="20050402",
    )
    tree = page(client.get(person_url(mention)))
    suggested = texts(tree, "//ul[@class='duplicates']/li")
    assert len(suggested) == 1  # not the namesake at an unrelated company
    assert "Patricia L. Higgins" in suggested[0] and "CIK 0001234567" in suggested[0]
    assert "INTERNAP NETWORK SERVICES CORP" in suggested[0]
    # The owner's page suggests the name-only person back; one click merges.
    tree = page(client.get(person_url(owner)))
    (back,) = texts(tree, "//ul[@class='duplicates']/li")
    assert "P. Higgins" in back
    button = tree.xpath("//ul[@class='duplicates']//form")[0]
    fields = {i.get("name"): i.get("value") for i in button.xpath(".//input")}
    fields["action"] = "merge"
    client.post(person_url(owner), fields)
    assert client.get(person_url(mention))["Location"] == person_url(owner)
    assert not texts(page(client.get(person_url(owner))), "//ul[@class='duplicates']/li")


def test_readers_see_suggestions_without_merge_buttons(client, initial_and_owner):
    mention, _owner = initial_and_owner
    tree = page(client.get(person_url(mention)))
    assert texts(tree, "//ul[@class='duplicates']/li")
    assert not tree.xpath("//ul[@class='duplicates']//button")


def test_the_merge_form_takes_a_person_by_name_with_suggestions(client, editor, higgins, namesake):
    options = client.get("/people/suggest", {"other": "higg"}).content.decode()
    assert f'value="Patricia L. Higgins (#{namesake.pk})"' in options
    assert "<datalist" in options
    response = client.post(
        person_url(higgins),
        {"action": "merge", "other": f"Patricia L. Higgins (#{namesake.pk})"},
        follow=True,
    )
    assert "is merged into Patricia L. Higgins" in message(response)
    assert Person.objects.get(pk=namesake.pk).merged_into_id == higgins.pk


@pytest.mark.parametrize(
    "other, expected",
    [
        ("", "Name the person to merge"),
        ("Nobody Atall", "No person is named “Nobody Atall”"),
        ("Patricia L. Higgins", "Several people are named"),
    ],
)
def test_merge_by_name_mistakes_are_explained_in_words(
    client, editor, higgins, namesake, other, expected
):
    response = client.post(person_url(higgins), {"action": "merge", "other": other}, follow=True)
    text = message(response)
    assert expected in text
    assert "invalid literal" not in text and "Traceback" not in response.content.decode()
    assert not IdentityChange.objects.exists()


@pytest.mark.corpus
@pytest.mark.skipif(not corpus_available(), reason="EDGAR corpus not found")
def test_a_real_8k_mention_joins_the_form_4_owner_and_once_undone_is_suggested(client):
    # The 8-K first: its name-only mention cannot know the owner's CIK yet ...
    for acc in ("0001045810-26-000024", "0001045810-23-000128"):
        assert ingest.ingest(read_corpus_file(f"{acc}.txt"), f"{acc}.txt").ok
    # (The person without a CIK first, on every database: NULLs sort last on PostgreSQL.)
    mention, owner = Person.objects.filter(family__iexact="Shoquist").order_by(
        F("cik").asc(nulls_first=True)
    )
    # ... so the Form 4's owner takes it in when it comes.
    assert mention.cik is None and owner.cik is not None
    assert mention.canonical() == owner
    change = IdentityChange.objects.get(action="merge", person=owner, other=mention)
    assert change.by is None
    identity.undo(change, None)
    for person, other in ((mention, owner), (owner, mention)):
        suggested = texts(page(client.get(person_url(person))), "//ul[@class='duplicates']/li")
        assert any("NVIDIA" in s for s in suggested), suggested
        assert other.name in suggested[0]
