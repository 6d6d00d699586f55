import pytest

from filings.extract.people import (
    find_mentions,
    fold,
    from_header_name,
    is_organization_name,
    normalize_name,
    same_person,
)

# --- normalize_name -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "display", "title"),
    [
        ("Ms. Patricia L. Higgins", "Patricia L. Higgins", "Ms."),
        ("Robert D. Shurtleff, Jr.", "Robert D. Shurtleff Jr.", ""),
        ("Dr. Daniel C. Stanzione", "Daniel C. Stanzione", "Dr."),
        ("Mr. Walter G DeSocio", "Walter G. DeSocio", "Mr."),
        ("Mrs. Jane Doe", "Jane Doe", "Mrs."),
        ("R. Andrew Dickson III", "R. Andrew Dickson III", ""),
        ("STEVEN P. JOBS", "Steven P. Jobs", ""),
        ("EDGAR S. WOOLARD, JR.", "Edgar S. Woolard Jr.", ""),
        ("Edsel B. Ford II", "Edsel B. Ford II", ""),
        ("Kathleen Wilson-Thompson", "Kathleen Wilson-Thompson", ""),
        ("Dean Smith", "Dean Smith", ""),  # "Dean" is a given name here, not a title
    ],
)
def test_normalize_name_display_and_title(raw, display, title):
    name = normalize_name(raw)
    assert name.display == display
    assert name.title == title
    assert name.raw == raw


def test_normalize_name_parts():
    name = normalize_name("Robert D. Shurtleff, Jr.")
    assert (name.given, name.middle, name.family, name.suffix) == (
        "Robert",
        "D.",
        "Shurtleff",
        "Jr.",
    )


def test_nickname_in_parentheses_and_quotes():
    paren = normalize_name("Shelton (Shelly) Palmer")
    assert (paren.given, paren.nickname, paren.family, paren.display) == (
        "Shelton",
        "Shelly",
        "Palmer",
        "Shelton Palmer",
    )
    quoted = normalize_name("Robert “Bob” Smith")
    assert quoted.nickname == "Bob"
    assert quoted.display == "Robert Smith"


def test_honorific_and_family_only():
    name = normalize_name("Mr. Shurtleff")
    assert (name.title, name.given, name.family, name.display) == (
        "Mr.",
        "",
        "Shurtleff",
        "Shurtleff",
    )
    assert not name.has_full_name


# --- from_header_name ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "display"),
    [
        ("HIGGINS PATRICIA L", "Patricia L. Higgins"),
        ("SHURTLEFF ROBERT D JR", "Robert D. Shurtleff Jr."),
        ("SMITH JOHN III", "John Smith III"),
        ("FOSTER ALAN H", "Alan H. Foster"),
        ("Adams Katherine L.", "Katherine L. Adams"),
        ("Ng Andrew Y.", "Andrew Y. Ng"),
        ("McGuirk Richard L", "Richard L. McGuirk"),
        ("Wilson-Thompson Kathleen", "Kathleen Wilson-Thompson"),
        ("MCDONALD JAMES", "James McDonald"),
        ("VAN DYKE RICHARD A", "Richard A. van Dyke"),
        ("Foster, Alan H.", "Alan H. Foster"),
    ],
)
def test_from_header_name(raw, display):
    assert from_header_name(raw).display == display


@pytest.mark.parametrize(
    "raw",
    [
        "FARNAM STREET PARTNERS LP /MN",
        "Pleasant Lake Partners LLC",
        "PLP Funds Master Fund LP",
        "Fund 1 Investments, LLC",
        "SMITH FAMILY TRUST",
        "BERKSHIRE HATHAWAY INC",
    ],
)
def test_organisations_are_recognised(raw):
    name = from_header_name(raw)
    assert name.is_organization
    assert is_organization_name(raw)
    assert not name.given


def test_organisation_display_drops_state_tag():
    assert from_header_name("FARNAM STREET PARTNERS LP /MN").display == "FARNAM STREET PARTNERS LP"


def test_people_are_not_organisations():
    for raw in ("HIGGINS PATRICIA L", "Cook Timothy D", "Kasenchak Priscilla"):
        assert not from_header_name(raw).is_organization


# --- same_person --------------------------------------------------------------------------


def _same(a, b):
    return same_person(normalize_name(a), normalize_name(b))


def test_same_person_exact_and_middle_initial_vs_full():
    assert _same("Patricia L. Higgins", "Patricia Higgins")[0]
    assert _same("William C. Ford", "William Clay Ford")[0]
    ok, confidence, _ = _same("Patricia L. Higgins", "Patricia L. Higgins")
    assert ok and confidence == 1.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bob Smith", "Robert Smith"),
        ("Bill Jones", "William Jones"),
        ("Jim Brown", "James Brown"),
        ("Mike Davis", "Michael Davis"),
        ("Pat Higgins", "Patricia Higgins"),
        ("Dan Stanzione", "Daniel C. Stanzione"),
        ("Tom Ridge", "Thomas J. Ridge"),
        ("Chris Lee", "Christopher Lee"),
        ("Liz Warren", "Elizabeth Warren"),
        ("Kate Adams", "Katherine L. Adams"),
        ("Shelly Palmer", "Shelton (Shelly) Palmer"),
        ("Wally Thorne", "Wallace R. Thorne III"),
        ("Peg Quarrington", "Margaret T. Quarrington"),
        ("Dash Pellworth", "Dashiell K. Pellworth"),
        ("Dom Halvey", "Dominic A. Halvey"),
        ("Kate Lindgren", "Kathryn A. Lindgren"),
    ],
)
def test_same_person_nicknames(a, b):
    ok, confidence, reason = _same(a, b)
    assert ok, reason
    assert 0.5 < confidence < 1.0


def test_different_middle_initials_are_different_people():
    ok, confidence, reason = _same("John J. Smith", "John R. Smith")
    assert not ok and confidence == 0.0
    assert "middle" in reason


def test_different_full_middle_names_are_different_people():
    assert not _same("John James Smith", "John Robert Smith")[0]


def test_conflicting_suffixes_differ_missing_suffix_is_compatible():
    assert not _same("William Clay Ford Jr.", "William Clay Ford Sr.")[0]
    ok, confidence, _ = _same("William Clay Ford Jr.", "William Clay Ford")
    assert ok and confidence < 1.0


def test_different_given_or_family_names():
    assert not _same("John Smith", "Jane Smith")[0]
    assert not _same("Ann Smith", "Anna Smith")[0]  # one letter more is another name
    assert not _same("John Smith", "John Smyth")[0]


def test_family_only_mention_matches_with_low_confidence():
    ok, confidence, _ = _same("Mr. Shurtleff", "Robert D. Shurtleff, Jr.")
    assert ok and confidence <= 0.6


def test_initial_given_name_and_goes_by_middle_name():
    assert _same("R. Andrew Dickson III", "Robert Andrew Dickson III")[0]
    assert _same("S. Emerson Lybbert", "Emerson Lybbert")[0]
    assert not _same("R. Smith", "T. Smith")[0]


def test_a_full_given_name_and_the_middle_name_gone_by_is_a_less_sure_match():
    ok, confidence, reason = _same("Denise Marlow Achter", "Marlow Achter")
    assert ok and confidence <= 0.6 and reason == "goes by middle name"
    assert _same("James Robert Hale", "Bob Hale")[0]  # the middle name's nickname
    assert not _same("James Robert Hale", "Bob T. Hale")[0]  # the other has a middle of its own
    assert not _same("James R. Hale", "Bob Hale")[0]  # an initial says too little


def test_accents_and_case_are_folded():
    assert fold("Désocio") == "desocio"
    assert _same("Walter G. DéSocio", "WALTER G. DESOCIO")[0]


def test_header_name_matches_prose_name():
    ok, _, _ = same_person(
        from_header_name("HIGGINS PATRICIA L"), normalize_name("Ms. Patricia Higgins")
    )
    assert ok


def test_organisations_compare_by_name():
    a = from_header_name("Pleasant Lake Partners LLC")
    assert same_person(a, from_header_name("PLEASANT LAKE PARTNERS LLC"))[0]
    assert not same_person(a, normalize_name("Jane Lake"))[0]


# --- find_mentions ------------------------------------------------------------------------


def _names(text):
    return [(text[m.start : m.end], m.name.display) for m in find_mentions(text)]


def test_mentions_with_honorifics_initials_and_suffixes():
    text = (
        "On December 14, 2004, Robert D. Shurtleff, Jr. resigned. The Board elected "
        "Ms. Patricia L. Higgins and Dr. Daniel C. Stanzione."
    )
    assert _names(text) == [
        ("Robert D. Shurtleff, Jr.", "Robert D. Shurtleff Jr."),
        ("Ms. Patricia L. Higgins", "Patricia L. Higgins"),
        ("Dr. Daniel C. Stanzione", "Daniel C. Stanzione"),
    ]


def test_mentions_skip_companies_titles_and_places():
    text = (
        "The Board of Directors of Acme Widget Corporation met in New York under the "
        "Securities Exchange Act. Chief Financial Officer John Smith attended."
    )
    assert _names(text) == [("John Smith", "John Smith")]


def test_mention_family_only_needs_an_honorific():
    text = "Following Ms. Kasenchak’s appointment, Kasenchak said."
    mentions = find_mentions(text)
    assert [(text[m.start : m.end], m.family_only) for m in mentions] == [("Ms. Kasenchak", True)]


def test_mention_possessive_is_not_part_of_the_name():
    text = "Mr. John O'Brien’s resignation"
    assert _names(text) == [("Mr. John O'Brien", "John O'Brien")]


def test_headline_title_case_keeps_the_name_after_titles_and_employers():
    assert _names("Acme Hires Former Google Executive Jane Doe as CFO") == [
        ("Jane Doe", "Jane Doe")
    ]
    assert _names("John Smith Named Chief Executive Officer") == [("John Smith", "John Smith")]


def test_schools_and_initialisms_are_not_people():
    text = "He studied at the S.I. Newhouse School and worked at U.S. Steel."
    assert _names(text) == []


def test_a_name_a_table_cell_broke_after_the_initial_is_one_name():
    text = (
        "Name\tTitle\nTobin R.\nAltweg\nTreasurer\nMara Quell\tController\nIvo K.\nTreasurer, Jr.\n"
    )
    assert _names(text) == [
        ("Tobin R.\nAltweg", "Tobin R. Altweg"),
        ("Mara Quell", "Mara Quell"),
    ]


def test_names_in_capitals_in_running_text_read_in_title_case():
    text = (
        "MARGARET T. OYELARAN, age 54, has served as Treasurer since 2019, and DAVID O'NEIL, "
        "JR. was elected a director. ROBERT McGUIRK (age 61) will retire."
    )
    assert _names(text) == [
        ("MARGARET T. OYELARAN", "Margaret T. Oyelaran"),
        ("DAVID O'NEIL, JR.", "David O'Neil Jr."),
        ("ROBERT McGUIRK", "Robert McGuirk"),
    ]
    text = "The Board appointed ANN B. COLE. Following BEN ROSS’S retirement, Ms. Jane Doe left."
    assert _names(text) == [
        ("ANN B. COLE", "Ann B. Cole"),
        ("BEN ROSS", "Ben Ross"),
        ("Ms. Jane Doe", "Jane Doe"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ITEM 5.02 DEPARTURE OF CERTAIN OFFICERS\nThe Board met.",
        "APPOINTMENT OF MARGARET OYELARAN\nThe Board met.",  # a heading
        "SAN DIEGO, Calif., May 1, 2025 /PRNewswire/ -- Acme named a new Treasurer.",
        "LOS ANGELES--(BUSINESS WIRE)--Acme named a new Treasurer.",
        "The shares of PELLHAM WIDGET, Inc. were sold to PELLHAM WIDGET Holdings on May 1.",
        "The CEO MEETING was held, and the NEW YORK STOCK EXCHANGE was told.",
        "PELLHAM WIDGET (NASDAQ: PWDG) today named a new Treasurer.",
        "These shares HAVE NOT BEEN APPROVED BY ANY REGULATOR, as stated above.",
        "PELLHAM WIDGET (the “Company”) today named a new Treasurer.",
    ],
)
def test_capitals_that_are_no_name_in_running_text(text):
    assert _names(text) == []


def test_a_family_name_with_two_particles_is_one_name():
    found = find_mentions(
        "The Board appointed Carmen J. Ortiz de la Torre as Executive Vice President. Ms. "
        "Ortiz de la Torre joined the Bank in 2003."
    )
    assert [m.name.display for m in found] == ["Carmen J. Ortiz de la Torre", "Ortiz de la Torre"]


def test_saints_in_family_names_and_korean_given_names_are_read_whole():
    from filings.extract.events import People

    text = (
        "The Board elected Monique St. Aubin and Hyun-woo Bae as directors. Ms. St. Aubin "
        "and Mr. Bae join the Audit Committee. Mr. Lee moved to St. Louis."
    )
    people = People(text)
    written = [text[r.start : r.end] for r in people.refs_in(0, len(text)) if not r.pronoun]
    assert written[:4] == ["Monique St. Aubin", "Hyun-woo Bae", "Ms. St. Aubin", "Mr. Bae"]
    assert "St. Louis" not in " ".join(written)
    assert normalize_name("Ms. St. Aubin").family == "St. Aubin"
    assert normalize_name("Ms. St. Aubin").title == "Ms."
    assert same_person(normalize_name("Monique St. Aubin"), normalize_name("Ms. St. Aubin"))[0]


def test_more_common_nicknames_are_the_same_given_name():
    for nick, formal in (
        ("Meg Hollis", "Marguerite Hollis"),
        ("Harry Wolcott", "Harrison Wolcott"),
        ("Stan Ferreira", "Stanley Ferreira"),
        ("Randy Poe", "Randall Poe"),
    ):
        assert same_person(normalize_name(nick), normalize_name(formal))[0], nick
    assert not same_person(normalize_name("Harry Wolcott"), normalize_name("Stanley Wolcott"))[0]


def test_chinese_names_written_family_name_first_are_their_familys():
    assert (normalize_name("Zhang Wei").family, normalize_name("Zhang Wei").given) == (
        "Zhang",
        "Wei",
    )
    assert normalize_name("Zhang Wei").display == "Zhang Wei"
    assert normalize_name("Huang Jen-Ming").family == "Huang"
    assert normalize_name("Kevin Zhang Wei").family == "Zhang"
    assert same_person(normalize_name("Mr. Zhang"), normalize_name("Zhang Wei"))[0]
    # Western order stays as written
    assert normalize_name("Wei Zhang").family == "Zhang"
    assert normalize_name("Lee Johnson").family == "Johnson"
    assert normalize_name("John Smith").family == "Smith"


def test_the_first_of_two_family_names_alone_is_the_same_person_less_surely():
    same, confidence, _ = same_person(
        normalize_name("Ms. García"), normalize_name("María Elena García López")
    )
    assert same and confidence < 0.7
    assert not same_person(normalize_name("Ms. Elena"), normalize_name("María E. García"))[0]
