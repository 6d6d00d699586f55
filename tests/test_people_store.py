"""People and events in the store: who is who across filings, and analysts' corrections.

Ingest writes Person and Event rows; identity.by_cik / by_name decide who is who;
identity.merge / split / undo are the analyst's corrections, and re-extraction keeps them.
"""

import datetime as dt
import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from filings import identity, ingest
from filings.extract.people import normalize_name
from filings.models import (
    Event,
    Exhibit,
    ExhibitReference,
    Filing,
    FilingParty,
    IdentityChange,
    OrganizationMention,
    Person,
    PersonOverride,
)
from tests.corpus import corpus_available, read_corpus_file
from tests.fixtures import submission

pytestmark = pytest.mark.django_db

ELECTED = (
    "On December 17, 2004, the Board of Directors of Internap Network Services Corporation "
    "elected Ms. Patricia L. Higgins as a member of the Board of Directors, effective "
    "December 17, 2004."
)
HIGGINS_CIK = "0001234567"


def item_502(*paragraphs: str) -> str:
    """An Item 5.02 heading and its paragraphs, as the fixture's main document <P>."""
    return "</P><P>".join(("Item 5.02 Election of Directors", *paragraphs))


def store(acc, *paragraphs, **kwargs) -> Filing:
    if paragraphs:
        kwargs["sentence"] = item_502(*paragraphs)
    result = ingest.ingest(submission(acc=acc, **kwargs), f"{acc}.txt")
    assert result.status == "created", result
    return Filing.objects.get(accession=acc)


def form4(acc, filed="20050301", owner=("HIGGINS PATRICIA L", HIGGINS_CIK), **kwargs) -> Filing:
    return store(acc, form="4", filed=filed, owners=[owner], **kwargs)


def events_of(name: str):
    return Event.objects.filter(name=name).order_by("filing__filed_date", "pk")


@pytest.fixture
def analyst():
    return User.objects.create_user("analyst", password="a-long-password-1")


# --- ingest writes people and events ---------------------------------------------------------


def test_an_elected_director_becomes_a_person_with_the_event_and_its_sentence():
    filing = store("0001193125-04-218426", ELECTED)
    person = Person.objects.get()
    assert person.name == "Patricia L. Higgins"
    assert (person.given, person.middle, person.family) == ("Patricia", "L.", "Higgins")
    assert person.cik is None
    event = Event.objects.get()
    assert event.person == person
    assert event.filing == filing
    assert event.event_type == "elected"
    assert event.name == "Patricia L. Higgins"
    assert event.name_raw == "Ms. Patricia L. Higgins"
    assert event.role == "Director"
    assert event.effective_date == dt.date(2004, 12, 17)
    assert event.source == "item-5.02"
    assert event.evidence == ELECTED
    # The offsets point into the stored plain text of the main document.
    assert event.document.sequence == "1"
    assert event.document.text[event.start : event.end] == event.evidence
    assert event.get_absolute_url() == (
        f"/filings/{filing.accession}/1/?hl={event.start}-{event.end}"
    )


def test_the_sentence_must_be_in_an_item_502_section():
    # The same sentence with no heading above it is not read as an event.
    ingest.ingest(submission(sentence=ELECTED), "x.txt")
    assert not Event.objects.filter(event_type="elected").exists()


def test_a_filing_stored_again_with_the_same_bytes_keeps_its_people_and_events():
    data = submission(sentence=item_502(ELECTED))
    ingest.ingest(data, "a.txt")
    before = list(Event.objects.values_list("pk", "person_id"))
    assert ingest.ingest(data, "a.txt").status == "unchanged"
    assert list(Event.objects.values_list("pk", "person_id")) == before
    assert Person.objects.count() == 1


# --- who is who -------------------------------------------------------------------------------


def test_a_reporting_owner_cik_is_one_person_across_filings():
    first = form4("0001234567-05-000001", filed="20050301")
    second = form4("0001234567-05-000002", filed="20050601")
    person = Person.objects.get(cik=int(HIGGINS_CIK))
    assert Person.objects.count() == 1
    assert person.name == "Patricia L. Higgins"  # from the conformed "HIGGINS PATRICIA L"
    assert person.raw_name == "HIGGINS PATRICIA L"
    for filing in (first, second):
        party = filing.parties.get(role="reporting-owner")
        assert party.person == person and party.company is None
        event = filing.events.get()
        assert (event.person, event.event_type) == (person, "reporting-owner")
        assert event.link_reason == f"same CIK {HIGGINS_CIK}"
        assert event.link_confidence == 1.0
    assert [e.filing_id for e in identity.events_for(person).order_by("filing_id")] == [
        first.accession,
        second.accession,
    ]


def test_a_reporting_owners_name_follows_the_newest_filing():
    form4("0001234567-05-000002", filed="20050601", owner=("HIGGINS PATRICIA LYNN", HIGGINS_CIK))
    form4("0001234567-05-000001", filed="20050301", owner=("HIGGINS PATRICIA L", HIGGINS_CIK))
    person = Person.objects.get()
    assert person.name == "Patricia Lynn Higgins"  # the older filing does not overwrite it
    assert person.facts_as_of == dt.date(2005, 6, 1)


def test_the_same_name_in_another_filing_of_the_same_company_is_the_same_person():
    store("0001193125-04-218426", ELECTED, filed="20041222")
    store(
        "0001193125-05-000002",
        "On February 25, 2005, Ms. Patricia L. Higgins resigned as a director of the Company, "
        "effective March 1, 2005.",
        filed="20050301",
    )
    person = Person.objects.get()
    elected, resigned = events_of("Patricia L. Higgins")
    assert (elected.event_type, resigned.event_type) == ("elected", "resigned")
    assert elected.person == resigned.person == person
    assert elected.link_reason == "first mention"
    assert resigned.link_reason == "same given name, same company"
    assert resigned.link_confidence == 1.0
    assert resigned.effective_date == dt.date(2005, 3, 1)


@pytest.mark.parametrize(
    ("variant", "reason"),
    [
        ("Pat Higgins", "nickname of the same given name, same company"),
        ("Patricia Higgins", "same given name, same company"),
    ],
)
def test_a_nickname_or_a_missing_middle_initial_at_the_same_company_links(variant, reason):
    store("0001193125-04-218426", ELECTED, filed="20041222")
    store(
        "0001193125-05-000003",
        f"On March 25, 2005, the Board appointed {variant} as Chief Executive Officer.",
        filed="20050401",
    )
    original = Person.objects.get(name="Patricia L. Higgins")
    assert Person.objects.count() == 1
    event = Event.objects.get(filing_id="0001193125-05-000003")
    assert event.name == variant
    assert event.person == original
    assert event.link_reason == reason
    # A looser match is still a match, and says how sure it is.
    assert 0.5 < event.link_confidence < 1.0


def test_the_same_name_at_an_unrelated_company_is_a_different_person():
    store("0001193125-04-218426", ELECTED)
    store(
        "0000999999-05-000004",
        "On March 25, 2005, the Board elected Ms. Patricia L. Higgins as a director.",
        company="UNRELATED WIDGETS INC",
        cik="0000999999",
        filed="20050402",
    )
    internap, widgets = (
        Event.objects.get(filing_id="0001193125-04-218426"),
        Event.objects.get(filing_id="0000999999-05-000004"),
    )
    assert internap.person != widgets.person
    assert widgets.link_reason == "first mention"
    assert Person.objects.filter(name="Patricia L. Higgins").count() == 2


def test_a_name_in_an_8k_links_to_the_reporting_owner_already_known_at_that_company():
    form4("0001234567-04-000001", filed="20041201")
    store("0001193125-04-218426", ELECTED, filed="20041222")
    owner = Person.objects.get(cik=int(HIGGINS_CIK))
    elected = Event.objects.get(event_type="elected")
    assert elected.person == owner
    assert elected.link_reason == "same given name, same company"
    assert Person.objects.count() == 1


def test_a_name_stored_before_the_form4_joins_the_reporting_owner_when_it_arrives():
    store("0001193125-04-218426", ELECTED, filed="20041222")
    named = Event.objects.get(event_type="elected").person
    assert named.cik is None
    form4("0001234567-05-000001", filed="20050301")
    owner = Person.objects.get(cik=int(HIGGINS_CIK))
    assert named.pk != owner.pk
    named.refresh_from_db()
    assert named.canonical() == owner  # the same result as reading the Form 4 first
    change = IdentityChange.objects.get(action="merge", person=owner, other=named)
    assert change.by is None
    assert {e.filing_id for e in identity.events_for(owner)} == {
        "0001193125-04-218426",
        "0001234567-05-000001",
    }


def test_a_name_only_person_at_another_company_does_not_join_the_owner():
    store(
        "0000999999-05-000004",
        "On March 25, 2005, the Board elected Ms. Patricia L. Higgins as a director.",
        company="UNRELATED WIDGETS INC",
        cik="0000999999",
        filed="20050302",
    )
    form4("0001234567-05-000001", filed="20050301")
    named = Event.objects.get(event_type="elected").person
    assert named.canonical().cik is None


def test_a_person_of_another_company_links_when_the_filing_names_that_company():
    store(
        "0000999999-05-000004",
        "On March 25, 2005, Ms. Patricia L. Higgins resigned as Chief Financial Officer.",
        company="UNRELATED WIDGETS INC",
        cik="0000999999",
        filed="20050302",
    )
    store(
        "0001193125-05-000009",
        "On April 4, 2005, the Board appointed Patricia L. Higgins as Chief Financial Officer. "
        "Ms. Higgins was most recently Chief Financial Officer of Unrelated Widgets, Inc.",
        filed="20050405",
    )
    resigned, appointed = events_of("Patricia L. Higgins")
    assert appointed.person == resigned.person
    assert appointed.link_reason == "same given name, named with its company"
    assert appointed.link_confidence < 1.0


def test_one_name_written_twice_in_a_filing_is_one_person():
    store(
        "0001193125-04-218426",
        ELECTED,
        "Ms. Higgins will be named by the Board of Directors to serve on the compensation "
        "committee.",
    )
    events = list(Event.objects.order_by("start"))
    assert [e.event_type for e in events] == ["elected", "named-to-committee"]
    assert events[1].role == "Compensation Committee"
    assert len({e.person_id for e in events}) == 1
    assert Person.objects.count() == 1


# --- merges, splits and undo ------------------------------------------------------------------


@pytest.fixture
def namesakes():
    """Patricia L. Higgins at Internap and at an unrelated company: two people."""
    store("0001193125-04-218426", ELECTED, filed="20041222")
    store(
        "0000999999-05-000004",
        "On March 25, 2005, the Board elected Ms. Patricia L. Higgins as a director.",
        company="UNRELATED WIDGETS INC",
        cik="0000999999",
        filed="20050402",
    )
    a = Event.objects.get(filing_id="0001193125-04-218426").person
    b = Event.objects.get(filing_id="0000999999-05-000004").person
    assert a != b
    return a, b


def test_merge_joins_two_people_and_undo_separates_them_again(namesakes, analyst):
    a, b = namesakes
    change = identity.merge(a, b, analyst)
    b.refresh_from_db()
    assert b.canonical() == a
    assert a.cluster_ids() == sorted([a.pk, b.pk])
    assert identity.events_for(a).count() == 2
    assert (change.action, change.person, change.other, change.by) == ("merge", a, b, analyst)
    # The events themselves are not rewritten: a merge is a pointer.
    assert Event.objects.get(filing_id="0000999999-05-000004").person == b

    identity.undo(change, analyst)
    b.refresh_from_db()
    change.refresh_from_db()
    assert b.canonical() == b and b.merged_into is None
    assert identity.events_for(a).count() == 1
    assert change.undone_at is not None and change.undone_by == analyst
    with pytest.raises(identity.IdentityError):
        identity.undo(change, analyst)


def test_merge_refuses_the_same_person_twice_and_two_different_ciks(namesakes, analyst):
    a, b = namesakes
    identity.merge(a, b, analyst)
    with pytest.raises(identity.IdentityError, match="already the same person"):
        identity.merge(a, b, analyst)
    with pytest.raises(identity.IdentityError, match="already the same person"):
        identity.merge(b, a, analyst)  # no cycle either way
    one = Person.objects.create(name="X One", raw_name="X One", cik=1)
    two = Person.objects.create(name="X Two", raw_name="X Two", cik=2)
    with pytest.raises(identity.IdentityError, match="different CIKs"):
        identity.merge(one, two, analyst)
    assert IdentityChange.objects.count() == 1


def test_merge_refuses_two_ciks_even_when_one_is_behind_a_merge(analyst):
    one = Person.objects.create(name="Patricia L. Higgins", raw_name="x", cik=1)
    two = Person.objects.create(name="Patricia L. Higgins", raw_name="x", cik=2)
    namesake = Person.objects.create(name="Patricia L. Higgins", raw_name="x")
    identity.merge(two, namesake, analyst)  # CIK 2 absorbs a name-only person
    with pytest.raises(identity.IdentityError, match="different CIKs"):
        identity.merge(one, namesake, analyst)  # ... which is CIK 2, not CIK 1
    two.refresh_from_db()
    assert two.merged_into is None


def test_merged_people_stay_merged_for_later_filings(namesakes, analyst):
    a, b = namesakes
    identity.merge(a, b, analyst)
    store(
        "0000999999-05-000009",
        "On June 1, 2005, Ms. Patricia L. Higgins resigned as a director.",
        company="UNRELATED WIDGETS INC",
        cik="0000999999",
        filed="20050601",
    )
    later = Event.objects.get(filing_id="0000999999-05-000009")
    assert later.person == a  # linked to the surviving person, not to the merged one
    assert identity.events_for(a).count() == 3


@pytest.fixture
def wrongly_joined():
    """Two filings of one company naming 'Patricia L. Higgins': linked as one person."""
    store("0001193125-04-218426", ELECTED, filed="20041222")
    store(
        "0001193125-05-000002",
        "On February 25, 2005, Ms. Patricia L. Higgins resigned as a director of the Company, "
        "effective March 1, 2005.",
        filed="20050301",
    )
    person = Person.objects.get()
    elected = Event.objects.get(event_type="elected")
    resigned = Event.objects.get(event_type="resigned")
    return person, elected, resigned


def test_split_moves_the_chosen_events_to_a_new_person_and_records_an_override(
    wrongly_joined, analyst
):
    person, elected, resigned = wrongly_joined
    new = identity.split(person, [resigned.pk], analyst)
    resigned.refresh_from_db()
    elected.refresh_from_db()
    assert resigned.person == new and elected.person == person
    assert (resigned.link_reason, resigned.link_confidence) == ("analyst split", 1.0)
    assert new.name == "Patricia L. Higgins"
    override = PersonOverride.objects.get()
    assert (override.filing_id, override.name, override.person) == (
        "0001193125-05-000002",
        "Ms. Patricia L. Higgins",
        new,
    )
    change = IdentityChange.objects.get()
    assert (change.action, change.person, change.other, change.events) == (
        "split",
        person,
        new,
        [[resigned.pk, person.pk]],  # each moved event, with whom it was linked to
    )
    assert list(identity.events_for(person)) == [elected]
    assert list(identity.events_for(new)) == [resigned]


def test_a_split_off_person_has_the_parts_of_its_name(wrongly_joined, analyst):
    person, elected, resigned = wrongly_joined
    new = identity.split(person, [resigned.pk], analyst)
    new.refresh_from_db()
    assert (new.given, new.middle, new.family) == ("Patricia", "L.", "Higgins")
    assert new.raw_name == "Ms. Patricia L. Higgins"


def test_split_refuses_nothing_and_everything(wrongly_joined, analyst):
    person, elected, resigned = wrongly_joined
    with pytest.raises(identity.IdentityError, match="Choose"):
        identity.split(person, [], analyst)
    with pytest.raises(identity.IdentityError, match="at least one event"):
        identity.split(person, [elected.pk, resigned.pk], analyst)
    stranger = Person.objects.create(name="Someone Else", raw_name="Someone Else")
    with pytest.raises(identity.IdentityError):
        identity.split(stranger, [resigned.pk], analyst)  # not this person's event
    assert not PersonOverride.objects.exists() and not IdentityChange.objects.exists()


def test_undo_split_puts_the_events_back_and_drops_the_override(wrongly_joined, analyst):
    person, elected, resigned = wrongly_joined
    new = identity.split(person, [resigned.pk], analyst)
    identity.undo(IdentityChange.objects.get(action="split"), analyst)
    resigned.refresh_from_db()
    new.refresh_from_db()
    assert resigned.person == person
    assert not PersonOverride.objects.exists()
    # The emptied person now leads to the original one.
    assert new.canonical() == person
    assert identity.events_for(person).count() == 2


def test_undo_reads_splits_recorded_as_bare_event_ids(wrongly_joined, analyst):
    person, elected, resigned = wrongly_joined
    new = identity.split(person, [resigned.pk], analyst)
    change = IdentityChange.objects.get(action="split")
    change.events = [resigned.pk]
    change.save()
    identity.undo(change, analyst)
    resigned.refresh_from_db()
    assert resigned.person == person
    assert not PersonOverride.objects.filter(person=new).exists()


def test_undoing_a_split_of_a_merged_person_returns_events_to_whom_they_belonged(
    namesakes, analyst
):
    a, b = namesakes
    identity.merge(a, b, analyst)
    theirs = Event.objects.get(filing_id="0000999999-05-000004")
    identity.split(a, [theirs.pk], analyst)
    identity.undo(IdentityChange.objects.get(action="split"), analyst)
    identity.undo(IdentityChange.objects.get(action="merge"), analyst)
    theirs.refresh_from_db()
    b.refresh_from_db()
    # Both changes undone: everything is as it was before the merge.
    assert theirs.person == b
    assert b.merged_into is None
    assert [e.filing_id for e in identity.events_for(a)] == ["0001193125-04-218426"]


def test_the_override_decides_who_a_name_is_in_that_filing(wrongly_joined, analyst):
    person, elected, resigned = wrongly_joined
    new = identity.split(person, [resigned.pk], analyst)
    filing = Filing.objects.get(pk="0001193125-05-000002")
    link = identity.by_name(filing, normalize_name("Ms. Patricia L. Higgins"), [1056386], {})
    assert link == identity.Link(new, 1.0, "analyst split")
    # In the other filing the name still resolves by matching, to the original person.
    other = Filing.objects.get(pk="0001193125-04-218426")
    link = identity.by_name(other, normalize_name("Ms. Patricia L. Higgins"), [1056386], {})
    assert link.person == person


def test_split_moves_every_event_of_that_name_in_that_filing(analyst):
    store(
        "0001193125-04-218426",
        ELECTED,
        "Ms. Higgins will be named by the Board of Directors to serve on the compensation "
        "committee.",
    )
    store(
        "0001193125-05-000002",
        "On February 25, 2005, Ms. Patricia L. Higgins resigned as a director of the Company.",
        filed="20050301",
    )
    person = Person.objects.get()
    committee = Event.objects.get(event_type="named-to-committee")
    new = identity.split(person, [committee.pk], analyst)
    # Both events read "Ms. Patricia L. Higgins" in the first filing: one person, and the
    # override that keeps the split is per name and filing.
    assert sorted(identity.events_for(new).values_list("event_type", flat=True)) == [
        "elected",
        "named-to-committee",
    ]
    assert list(identity.events_for(person).values_list("event_type", flat=True)) == ["resigned"]
    reextract()
    assert sorted(identity.events_for(new).values_list("event_type", flat=True)) == [
        "elected",
        "named-to-committee",
    ]
    assert list(identity.events_for(person).values_list("event_type", flat=True)) == ["resigned"]


def test_a_reporting_owner_linked_by_cik_cannot_be_split_off(analyst):
    form4("0001234567-05-000001", filed="20050301")
    form4("0001234567-05-000002", filed="20050601")
    owner = Person.objects.get()
    later = Event.objects.get(filing_id="0001234567-05-000002")
    with pytest.raises(identity.IdentityError, match="one CIK is one person"):
        identity.split(owner, [later.pk], analyst)
    assert not PersonOverride.objects.exists()


def test_a_name_wrongly_linked_to_a_reporting_owner_can_be_split_off(analyst):
    form4("0001234567-04-000001", filed="20041201")
    store("0001193125-04-218426", ELECTED, filed="20041222")
    owner = Person.objects.get(cik=int(HIGGINS_CIK))
    elected = Event.objects.get(event_type="elected")
    assert elected.person == owner
    new = identity.split(owner, [elected.pk], analyst)
    reextract()
    assert Event.objects.get(event_type="elected").person == new
    assert Event.objects.get(event_type="reporting-owner").person == owner


# --- re-extraction keeps identities -------------------------------------------------------------


def reextract(*accessions) -> str:
    out = io.StringIO()
    call_command("reextract", *accessions, stdout=out)
    return out.getvalue()


def test_reextract_rewrites_events_and_keeps_who_is_who(wrongly_joined):
    person, elected, resigned = wrongly_joined
    before = sorted(Event.objects.values_list("filing_id", "event_type", "person_id", "start"))
    out = reextract()
    assert "reextracted 0001193125-04-218426: 1 events" in out
    assert out.strip().endswith("2 filings re-extracted")
    after = sorted(Event.objects.values_list("filing_id", "event_type", "person_id", "start"))
    assert after == before
    assert Person.objects.count() == 1


def test_reextract_keeps_a_merge(namesakes, analyst):
    a, b = namesakes
    identity.merge(a, b, analyst)
    reextract()
    theirs = Event.objects.get(filing_id="0000999999-05-000004")
    assert theirs.person == b and theirs.person.canonical() == a
    assert identity.events_for(a).count() == 2
    assert Person.objects.count() == 2


def test_reextract_keeps_a_split(wrongly_joined, analyst):
    person, elected, resigned = wrongly_joined
    new = identity.split(person, [resigned.pk], analyst)
    reextract("0001193125-05-000002", "0001193125-04-218426")
    assert Event.objects.get(event_type="resigned").person == new
    assert Event.objects.get(event_type="elected").person == person
    assert Person.objects.count() == 2


def test_a_split_can_be_undone_after_reextraction(wrongly_joined, analyst):
    person, elected, resigned = wrongly_joined
    identity.split(person, [resigned.pk], analyst)
    reextract()
    identity.undo(IdentityChange.objects.get(action="split"), analyst)
    assert set(Event.objects.values_list("person_id", flat=True)) == {person.pk}
    assert Event.objects.get(event_type="resigned").link_reason == "split undone"
    assert not PersonOverride.objects.exists()
    reextract()
    assert set(Event.objects.values_list("person_id", flat=True)) == {person.pk}


def test_a_split_holds_when_the_filing_is_stored_again_from_scratch(wrongly_joined, analyst):
    person, elected, resigned = wrongly_joined
    new = identity.split(person, [resigned.pk], analyst)
    # Forget the links (as if the filing came in fresh): the override alone decides.
    filing = Filing.objects.get(pk="0001193125-05-000002")
    ingest.forget_extraction(filing)
    ingest.reextract(filing)
    assert Event.objects.get(event_type="resigned").person == new


# --- the shared corpus ----------------------------------------------------------------------

requires_corpus = pytest.mark.skipif(not corpus_available(), reason="EDGAR corpus not found")
INTERNAP_8K = "0001193125-04-218426"


def ingest_corpus(accession):
    result = ingest.ingest(read_corpus_file(f"{accession}.txt"), f"{accession}.txt")
    assert result.ok, result
    return Filing.objects.get(accession=accession)


@requires_corpus
@pytest.mark.corpus
def test_internap_8k_people_and_events():
    filing = ingest_corpus(INTERNAP_8K)
    events = list(filing.events.select_related("document", "person"))
    for e in events:
        if e.document is not None and e.start is not None:
            assert e.document.text[e.start : e.end] == e.evidence, e

    def one(name, event_type, source="item-5.02"):
        (event,) = [
            e
            for e in events
            if e.name == name and e.event_type == event_type and e.source == source
        ]
        return event

    elected = one("Patricia L. Higgins", "elected")
    assert elected.effective_date == dt.date(2004, 12, 17)
    assert elected.role == "Director"
    assert "Ms. Patricia L. Higgins" in elected.evidence
    committee = one("Patricia L. Higgins", "named-to-committee")
    assert committee.role == "Compensation Committee"
    assert committee.person == elected.person

    shurtleff = one("Robert D. Shurtleff Jr.", "resigned")
    assert shurtleff.effective_date == dt.date(2004, 12, 17)
    assert shurtleff.disagreement is False
    assert shurtleff.name_raw == "Robert D. Shurtleff, Jr."

    desocio = one("Walter G. DeSocio", "resigned")
    assert desocio.effective_date == dt.date(2005, 1, 2)
    assert desocio.role == "Vice President, Chief Administrative Officer and General Counsel"

    # The press release (exhibit 99.1) repeats her election: it is the body's event.
    assert not [e for e in events if e.source == "press-release" and "Higgins" in e.name]
    assert {e.person.name for e in events} >= {
        "Patricia L. Higgins",
        "Robert D. Shurtleff Jr.",
        "Walter G. DeSocio",
        "David A. Buckel",
    }


@requires_corpus
@pytest.mark.corpus
def test_internap_8k_exhibits_references_and_organizations():
    filing = ingest_corpus(INTERNAP_8K)
    exhibit = Exhibit.objects.get(filing=filing, number="99.1")
    assert exhibit.filed_here is True
    assert exhibit.document.sequence == "2"
    assert exhibit.document.type == "EX-99.1"
    assert "Press Release" in exhibit.description

    reference = ExhibitReference.objects.get(filing=filing, number="99.1")
    assert reference.evidence == "attached hereto as Exhibit 99.1"
    assert reference.document.text[reference.start : reference.end] == reference.evidence
    assert reference.document.sequence == "1"
    assert reference.target.sequence == "2"

    mentions = OrganizationMention.objects.filter(filing=filing, company_id=1056386)
    assert mentions.exists()
    for m in mentions:
        assert m.document.text[m.start : m.end] == m.name
        assert m.normalized == "internap network services corp"
        assert m.name in m.evidence


@requires_corpus
@pytest.mark.corpus
def test_nvidia_form4_owner_and_8k_name_are_one_person():
    form4_filing = ingest_corpus("0001045810-23-000128")
    owner = Person.objects.get(cik=1283854)
    assert owner.name == "Debora Shoquist"
    party = FilingParty.objects.get(filing=form4_filing, role="reporting-owner")
    assert party.person == owner
    (owned,) = form4_filing.events.all()
    assert (owned.event_type, owned.person, owned.role) == (
        "reporting-owner",
        owner,
        "EVP, Operations",
    )
    assert owned.organization == "NVIDIA CORP"
    assert owned.document.text[owned.start : owned.end] == owned.evidence

    eight_k = ingest_corpus("0001045810-26-000024")
    named = eight_k.events.get(name="Debora Shoquist")
    # No CIK in the 8-K: linked by name through NVIDIA, the company of the Form 4.
    assert named.person == owner
    assert named.link_reason == "same given name, same company"
    assert named.role == "Executive Vice President, Operations"
    # Other officers in the 8-K are people of their own.
    kress = eight_k.events.get(name="Colette M. Kress")
    assert kress.person != owner and kress.person.cik is None


@requires_corpus
@pytest.mark.corpus
def test_nvidia_8k_read_before_the_form4_joins_the_owner_once_merged(analyst):
    eight_k = ingest_corpus("0001045810-26-000024")
    named = eight_k.events.get(name="Debora Shoquist")
    assert named.person.cik is None  # no owner known yet: a person by name
    form4_filing = ingest_corpus("0001045810-23-000128")
    owner = Person.objects.get(cik=1283854)
    assert form4_filing.events.get().person == owner
    named.refresh_from_db()
    if named.person.canonical() != owner:
        # Read in this order the two are not joined automatically; an analyst merges them.
        identity.merge(owner, named.person, analyst)
    assert {e.filing_id for e in identity.events_for(owner)} == {
        "0001045810-23-000128",
        "0001045810-26-000024",
    }
    reextract()
    assert {e.filing_id for e in identity.events_for(owner)} == {
        "0001045810-23-000128",
        "0001045810-26-000024",
    }
