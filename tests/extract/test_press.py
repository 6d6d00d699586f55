import pytest

from filings.extract.press import extract_press_people


def people(text):
    found = extract_press_people(text, sequence="2")
    for e in found:
        assert text[e.start : e.end] == e.evidence
        assert e.source == "press-release" and e.document_sequence == "2"
    return found


def pairs(found):
    return [(e.name.display, e.event_type) for e in found]


def one(found, name, event_type):
    matches = [e for e in found if e.name.display == name and e.event_type == event_type]
    assert len(matches) == 1, pairs(found)
    return matches[0]


# People who are only quoted, described by their title or listed as contacts have no event
# (tests/eval/CONVENTIONS.md, "Not labelled").


@pytest.mark.parametrize(
    "text",
    [
        "“We had a great quarter,” said John Smith, Chief Executive Officer of Acme Widget "
        "Corporation.",
        "Jane Doe, chief financial officer, said the results beat expectations.",
        "“Patricia embodies a wealth of industry knowledge,” said Gregory A. Peters, "
        "president and chief executive officer for Internap.",
        "Acme Chief Technology Officer Ann Lee will present the keynote at the conference.",
        "“Growth was strong,” said John Smith, Chief Executive Officer of Acme. "
        "“We expect more,” added Smith.",
    ],
)
def test_quoted_and_titled_people_have_no_event(text):
    assert people(text) == []


def test_quote_by_family_name_alone_after_full_mention():
    text = (
        "Acme named Mary Major to its board. “The market is ready,” noted Major. "
        "“We want to thank Rob for his service,” said Major."
    )
    found = people(text)
    assert pairs(found) == [("Mary Major", "elected")]
    assert all(e.name.display != "Rob" for e in found)  # a first name alone is no one


def test_appointment_announcement():
    text = (
        "ACME, Ohio – March 3, 2025 – Acme Widget Corporation today announced the appointment "
        "of Karen Hill as Chief Financial Officer, effective April 1, 2025."
    )
    e = one(people(text), "Karen Hill", "appointed")
    assert e.role == "Chief Financial Officer"
    assert e.effective_date is not None and e.effective_date.isoformat() == "2025-04-01"


def test_joined_the_board_and_city_based_company():
    text = (
        "Internap said today that Patricia L. Higgins, former president and chief executive "
        "officer of Tampa, FL-based Switch and Data, has joined the Board of Directors for "
        "Internap."
    )
    found = people(text)
    # A board seat is an election whatever the verb.
    assert pairs(found) == [("Patricia L. Higgins", "elected")]
    assert found[0].role == "Director"


def test_retiring_board_member():
    text = (
        "Ann Lee joined the company in 2001. Lee will replace retiring Board member Robert D. "
        "Shurtleff, Jr., who has served on the Board for seven years."
    )
    assert ("Robert D. Shurtleff Jr.", "retired") in pairs(people(text))


def test_contacts_block():
    text = (
        "About Acme\nAcme makes widgets.\n\nContacts:\n\nAcme Media Contact\n\n"
        "Acme Investor Contact\n\nDavid Sutton\n\nAndrew Albrecht\n\n404.302.9721\n"
    )
    assert people(text) == []


def test_a_contact_is_not_appointed():
    text = "Media Contact:\nJane Roe, Vice President, Communications\n555-0100\n"
    assert people(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Acme Widget Corporation (NYSE: ACME) reported record revenue for the quarter.",
        "Shares traded on the New York Stock Exchange under the symbol ACME.",
        "She holds a BA degree from Montclair State University and Harvard University.",
        "For more information, please visit the company website at www.acme.com.",
    ],
)
def test_companies_places_and_schools_are_not_people(text):
    assert people(text) == []


def test_boilerplate_and_biography_years_give_no_events():
    found = extract_press_people(
        "DENVER, April 29, 2025 -- Acme Widget Corp. today announced that Sofia M. Brandt "
        "will join the company as Chief Financial Officer on May 12, 2025. Brandt was named "
        "Treasurer of Tallis Industries in 2019.\n\n"
        "About Acme Widget Corp.\n"
        "Acme makes widgets. The company was led by Martha Quinn, who retired as Chief "
        "Executive Officer effective 2010.\n",
        sequence="2",
    )
    assert [(e.name.display, e.event_type, e.role) for e in found] == [
        ("Sofia M. Brandt", "appointed", "Chief Financial Officer")
    ]


def test_an_office_and_a_board_seat_told_in_two_sentences_are_both_kept():
    text = (
        "DENVER, May 1, 2025 -- Acme Widget Corporation today announced the promotion of "
        "Robert Kline to Executive Vice President, Operations. The company also announced that "
        "Kline will join the Board of Directors.\n"
    )
    found = extract_press_people(text, sequence="2")
    assert sorted((e.event_type, e.role) for e in found) == [
        ("appointed", "Executive Vice President, Operations"),
        ("elected", "Director"),
    ]
