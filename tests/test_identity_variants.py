"""One person written differently in different filings, in either reading order."""

import pytest

from filings import identity
from filings.extract.people import normalize_name, same_person
from filings.models import Event, Person
from tests.test_people_store import ELECTED, HIGGINS_CIK, form4, store

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("J. Robert Quennell", "Bob Quennell", True),  # the nickname of the middle name
        ("J. Robert Quennell", "Robert Quennell", True),
        ("J. Robert Quennell", "Bill Quennell", False),
        ("Robert J. Quennell", "Bob J. Quennell", True),
        ("J. Robert Quennell Jr.", "Bob Quennell III", False),
    ],
)
def test_a_person_who_goes_by_the_nickname_of_the_middle_name(a, b, same):
    assert same_person(normalize_name(a), normalize_name(b))[0] is same


def test_the_nickname_of_the_middle_name_links_across_filings_of_one_company():
    store(
        "0001193125-06-000027",
        "On April 8, 2006, J. Robert Quennell announced his intention to retire as President "
        "and Chief Executive Officer, effective September 30, 2006.",
        filed="20060410",
    )
    store(
        "0001193125-09-000061",
        "On March 1, 2009, Bob Quennell informed the Board of Directors that he will retire "
        "as a director, effective May 12, 2009.",
        filed="20090302",
    )
    first, later = Event.objects.order_by("filing__filed_date")
    assert first.person == later.person
    assert later.link_reason == "goes by middle name, same company"
    assert Person.objects.count() == 1


@pytest.mark.parametrize("name_first", [True, False])
def test_a_nickname_and_the_form4_owner_are_one_person_in_either_order(name_first):
    nickname = ELECTED.replace("Ms. Patricia L. Higgins", "Pat Higgins")
    if name_first:
        store("0001193125-04-218426", nickname, filed="20041222")
        form4("0001234567-05-000001", filed="20050301")
    else:
        form4("0001234567-04-000001", filed="20041201")
        store("0001193125-04-218426", nickname, filed="20041222")
    owner = Person.objects.get(cik=int(HIGGINS_CIK))
    elected = Event.objects.get(event_type="elected")
    assert elected.person.canonical() == owner


@pytest.mark.parametrize(
    ("variant", "joins"),
    [
        ("Pat Higgins", True),
        ("Patricia Higgins", True),
        ("P. L. Higgins", True),
        # one initial alone is only offered as a likely duplicate, in either order
        ("P. Higgins", False),
    ],
)
@pytest.mark.parametrize("name_first", [True, False])
def test_who_is_who_does_not_depend_on_reading_order(variant, joins, name_first):
    sentence = ELECTED.replace("Ms. Patricia L. Higgins", variant)
    if name_first:
        store("0001193125-04-218426", sentence, filed="20041222")
        form4("0001234567-05-000001", filed="20050301")
    else:
        form4("0001234567-04-000001", filed="20041201")
        store("0001193125-04-218426", sentence, filed="20041222")
    owner = Person.objects.get(cik=int(HIGGINS_CIK))
    named = Event.objects.get(event_type="elected").person.canonical()
    assert (named == owner) is joins
    if not joins:
        assert [d.person for d in identity.likely_duplicates(owner)] == [named]


def test_a_father_and_his_namesake_son_signing_one_filing_are_two_people():
    store(
        "0009999999-10-000041",
        "SIGNATURES",
        "/s/ Corliss T. Amberly",
        "Chairman of the Board",
        "/s/ Corliss T. Amberly, Jr.",
        "President and Director",
        filed="20100503",
    )
    father, son = Event.objects.filter(event_type="signed").order_by("start")
    assert (father.name, son.name) == ("Corliss T. Amberly", "Corliss T. Amberly Jr.")
    assert father.person != son.person
    assert son.person.suffix == "Jr."


def test_a_suffix_dropped_on_a_shorter_mention_is_still_the_same_person():
    store(
        "0009999999-10-000042",
        "On May 3, 2010, the Board of Directors elected Corliss T. Amberly, Jr. as a director, "
        "effective May 3, 2010.",
        "SIGNATURES",
        "/s/ Corliss Amberly",
        "Director",
        filed="20100503",
    )
    elected = Event.objects.get(event_type="elected")
    signed = Event.objects.get(event_type="signed")
    assert signed.person == elected.person


def test_curly_and_straight_apostrophes_are_one_family_name():
    store(
        "0001193125-05-000011",
        "On June 1, 2005, the Board of Directors elected Harlan D. O'Neill as Executive Vice "
        "President and Chief Financial Officer.",
        filed="20050605",
    )
    store(
        "0001193125-07-000019",
        "On March 1, 2007, Harlan D. O’Neill informed the Board of Directors that he will "
        "retire as Executive Vice President, effective June 30, 2007.",
        filed="20070302",
    )
    first, later = Event.objects.order_by("filing__filed_date")
    assert first.person == later.person
    assert Person.objects.get().family == "O'Neill"
