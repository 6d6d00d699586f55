"""Roles read off the text: multi-part titles, titles in capitals, roles two clauses away
from the event, chair titles kept apart from a plain board seat."""

import datetime as dt

from filings.extract.prose import clean_title, title_at

from .test_events import events, one


def title(text: str, pos: int = 0) -> str:
    found = title_at(text, pos, len(text))
    assert found is not None, text
    return clean_title(text[found[0] : found[1]])


def test_chief_officer_after_a_comma_is_the_next_title_not_an_area():
    assert title("Senior Vice President, Chief Risk Officer, effective May 1") == (
        "Senior Vice President, Chief Risk Officer"
    )
    # an area after the comma still belongs to the title
    assert title("Vice President, Investor Relations, effective May 1") == (
        "Vice President, Investor Relations"
    )


def test_title_in_capitals_is_read_in_title_case():
    # the whole title is found; the event's role is printed in Title Case
    assert title("EXECUTIVE VICE PRESIDENT, SALES, effective immediately") == (
        "EXECUTIVE VICE PRESIDENT, SALES"
    )
    assert title("the Company's CHIEF FINANCIAL OFFICER, to the") == "CHIEF FINANCIAL OFFICER"
    assert title("CEO and CFO of the Company") == "CEO and CFO"


def test_role_in_capitals_on_an_event():
    found = events(
        "On July 23, 2013, the Board removed Alan B. Quarry from the office of "
        "EXECUTIVE VICE PRESIDENT, SALES, effective immediately.\n"
    )
    assert one(found, "Alan B. Quarry", "terminated").role == "Executive Vice President, Sales"


def test_signer_for_the_company_and_in_the_capacity_table_signs_twice():
    from filings.extract.signatures import extract_signatures

    text = (
        "SIGNATURES\n\nThe registrant has duly caused this registration statement to be signed "
        "on its behalf by the undersigned on June 27, 2025.\n\nAcme Widget Corporation\n"
        "By:\t/s/ Nora P. Quill\nName:\tNora P. Quill\nTitle:\tChief Executive Officer\n\n"
        "This registration statement has been signed below by the following persons in the "
        "capacities and on the dates indicated.\n\nSignature\tTitle\tDate\n"
        "/s/ Nora P. Quill\tChairman of the Board and Chief Executive Officer\tJune 27, 2025\n"
        "Nora P. Quill\t(Principal Executive Officer)\n"
        "/s/ Owen T. Marsh\tDirector\tJune 27, 2025\nOwen T. Marsh\n"
    )
    found = extract_signatures(text, form="S-3", sequence="1")
    assert [(e.name.display, e.role) for e in found] == [
        ("Nora P. Quill", "Chief Executive Officer"),
        (
            "Nora P. Quill",
            "Chairman of the Board and Chief Executive Officer (Principal Executive Officer)",
        ),
        ("Owen T. Marsh", "Director"),
    ]
    assert all(text[e.start : e.end] == e.evidence for e in found)


def test_a_repeated_signature_is_one_signing():
    from filings.extract.signatures import extract_signatures

    text = (
        "SIGNATURES\n\nThe registrant has duly caused this report to be signed.\n\n"
        "By:\t/s/ Nora P. Quill\nName:\tNora P. Quill\nTitle:\tChief Executive Officer\n\n"
        "By:\t/s/ Nora P. Quill\nName:\tNora P. Quill\nTitle:\tChief Executive Officer\n"
    )
    found = extract_signatures(text, form="8-K", sequence="1")
    assert [(e.name.display, e.role) for e in found] == [
        ("Nora P. Quill", "Chief Executive Officer")
    ]


def test_executive_chairman_of_the_board_is_the_chair_not_a_seat():
    found = events(
        "On September 28, 2011, Harold J. Vane stepped down as Chief Executive Officer and was "
        "elected Executive Chairman of the Board, each effective October 1, 2011.\n"
    )
    assert one(found, "Harold J. Vane", "elected").role == "Executive Chairman of the Board"


def test_seat_already_held_is_skipped_for_the_new_position():
    found = events(
        "The Board of Directors elected Lena J. Moreau, a director since 1991, Vice Chairman "
        "of the Board.\n"
    )
    assert one(found, "Lena J. Moreau", "elected").role == "Vice Chairman of the Board"


def test_his_son_named_next_takes_the_event_not_the_father():
    found = events(
        "On May 2, 2011, Garrick L. Tolliver II stepped down as Chief Executive Officer.\n\n"
        "The Board appointed his nephew, Garrick L. Tolliver III, currently Chief Operating "
        "Officer, as Chief Executive Officer, effective June 1, 2011.\n"
    )
    assert one(found, "Garrick L. Tolliver III", "appointed").role == "Chief Executive Officer"
    assert [e.event_type for e in found if e.name.display == "Garrick L. Tolliver II"] == [
        "resigned"
    ]


def test_departure_takes_the_position_from_a_clause_about_the_person():
    found = events(
        "On September 8, 2020, Harlow Penning, who joined the Company in 2016 and who for the "
        "last three years has served as its Chief Technology Officer, informed the Company "
        "that he will resign effective October 2, 2020.\n\n"
        "On January 6, 2026, Mara K. Ostrow, the Company’s Chief Legal Officer and Corporate "
        "Secretary, notified the Company of her intention to resign, effective "
        "February 27, 2026.\n"
    )
    assert one(found, "Harlow Penning", "resigned").role == "Chief Technology Officer"
    assert one(found, "Mara K. Ostrow", "resigned").role == (
        "Chief Legal Officer and Corporate Secretary"
    )


def test_a_former_position_in_the_clause_is_not_the_one_left():
    found = events(
        "On March 3, 2025, Dana R. Whitcomb, formerly the Company’s Chief Financial Officer, "
        "informed the Board that she will resign as a consultant.\n"
    )
    assert one(found, "Dana R. Whitcomb", "resigned").role != "Chief Financial Officer"


def test_a_name_wrapped_over_two_lines_of_plain_text_is_one_name():
    from filings.extract.people import find_mentions

    text = (
        "At its meeting on July 16, 1996, the Board of Directors elected C. Everett\n"
        "Dunmore a director of the Corporation and appointed him to the Compensation\n"
        "Committee.\n\nContacts\nDavid Sutton\nAndrew Albrecht\n"
    )
    names = [(m.name.display, text[m.start : m.end]) for m in find_mentions(text)]
    assert names == [
        ("C. Everett Dunmore", "C. Everett\nDunmore"),
        ("David Sutton", "David Sutton"),
        ("Andrew Albrecht", "Andrew Albrecht"),
    ]


def test_area_after_a_hyphen_or_dash_belongs_to_the_title():
    assert title("Senior Vice President-Marketing, effective May 1") == (
        "Senior Vice President-Marketing"
    )
    assert title("Vice President – Finance and Treasurer of") == (
        "Vice President – Finance and Treasurer"
    )


def test_signer_title_held_at_another_company_carries_that_company():
    from filings.extract.signatures import extract_signatures

    text = (
        "SIGNATURE\n\nThe registrant has duly caused this report to be signed on its behalf.\n\n"
        "KESTREL ENERGY PARTNERS, L.P.\n\nBy: /s/ Ivo H. Brandt\nIvo H. Brandt\n"
        "Senior Vice President and Chief Financial Officer of Kestrel GP LLC\n\n"
        "By: /s/ Uma Redfern\nUma Redfern\nPresident of Kestrel Energy Partners, L.P.\n\n"
        "Date: June 27, 2014\n"
    )
    found = extract_signatures(
        text, form="8-K", sequence="1", registrant="Kestrel Energy Partners, L.P."
    )
    assert [(e.name.display, e.role, e.organization) for e in found] == [
        ("Ivo H. Brandt", "Senior Vice President and Chief Financial Officer", "Kestrel GP LLC"),
        ("Uma Redfern", "President", ""),
    ]


def test_his_means_the_name_earlier_in_the_same_sentence():
    found = events(
        "Mr. Tobias R. Lund, a director since 1994, died on June 19, 2002.\n\n"
        "On June 24, 2002, William H. Farrow, Jr. notified the Company of his resignation as "
        "Vice President and Chief Financial Officer, effective July 12, 2002.\n"
    )
    assert one(found, "William H. Farrow Jr.", "resigned").role == (
        "Vice President and Chief Financial Officer"
    )
    assert [e.event_type for e in found if e.name.display == "Tobias R. Lund"] == ["died"]


def test_a_seat_on_another_companys_board_is_an_election():
    found = events(
        "On February 12, 2007, the board of directors of Pell GP, LLC (the “General Partner”) "
        "elected Jolene R. Marsh as a director of the General Partner.\n"
    )
    (e,) = [e for e in found if e.name.display == "Jolene R. Marsh"]
    assert (e.event_type, e.role, e.organization) == ("elected", "Director", "Pell GP, LLC")


def test_seat_and_committee_chair_left_in_one_sentence():
    found = events(
        "On April 6, 2010, Thea L. Vantongeren resigned as a member of the Board of Directors "
        "of Acme Widget Corporation and as Chair of its Nominating Committee, effective "
        "immediately.\n"
    )
    roles = sorted(e.role for e in found if e.event_type == "resigned")
    assert roles == ["Chair of the Nominating Committee", "Director"]


def test_13f_signer_takes_the_title_printed_with_the_name_above():
    from filings.extract.signatures import extract_signatures

    text = (
        "Person Signing this Report on Behalf of Reporting Manager:\n\n"
        "Name:   Wendell P. Crane\nTitle:  Senior Vice President\nPhone:  402-555-1400\n\n"
        "Signature, Place, and Date of Signing:\n\n"
        "(s) Wendell P. Crane  Omaha, NE      November 14, 2012\n"
        "-------------------- -------------- -----------------\n"
        "[Signature]          [City, State]  [Date]\n"
    )
    (e,) = extract_signatures(text, form="13F-HR", sequence="1")
    assert (e.name.display, e.role) == ("Wendell P. Crane", "Senior Vice President")


def test_xml_13f_signature_block():
    from filings.extract.signatures import extract_signatures

    text = (
        "    signatureBlock:\n      name: Wendell P. Crane\n      title: Senior Vice President\n"
        "      phone: 402-555-1400\n      signature: Wendell P. Crane\n      city: Omaha\n"
        "      signatureDate: 02-13-2026\n    summaryPage:\n      tableEntryTotal: 110\n"
    )
    (e,) = extract_signatures(text, form="13F-HR", sequence="1")
    assert (e.name.display, e.role, e.effective_date) == (
        "Wendell P. Crane",
        "Senior Vice President",
        dt.date(2026, 2, 13),
    )
    assert e.evidence == "Wendell P. Crane"
    # the same lines in another form are not a signature block
    assert extract_signatures(text, form="10-K", sequence="1") == []


def test_successor_takes_the_position_the_predecessor_left_in_the_sentence():
    found = events(
        "On June 24, 2014, the Board accepted the resignation of Rhea A. Thorne as Vice "
        "President and Chief Accounting Officer, appointed Tomas E. Okoro, previously Director "
        "of Financial Reporting, to succeed her, effective July 1, 2014.\n"
    )
    assert one(found, "Tomas E. Okoro", "appointed").role == (
        "Vice President and Chief Accounting Officer"
    )


def test_area_after_a_spaced_hyphen():
    assert title("Vice President - Sales and Marketing, effective") == (
        "Vice President - Sales and Marketing"
    )


def test_seat_held_told_in_a_relative_clause_is_skipped():
    found = events(
        "The Board elected Ann Marie Stone, who has served as a director since 2019, as "
        "Chair of the Board.\n"
    )
    assert one(found, "Ann Marie Stone", "elected").role == "Chair of the Board"


def test_a_family_name_that_is_also_a_street_word():
    from filings.extract.people import find_mentions

    text = "Offices: 31 Finch Lane, Hagerstown, Maryland. Contact: Edward Lane or Mia Court."
    assert [text[m.start : m.end] for m in find_mentions(text)] == ["Edward Lane", "Mia Court"]


def test_quoted_nickname_in_parentheses_is_one_name():
    found = events(
        "On May 1, 2025, Margaret (“Peggy”) Olsted resigned as Chief Financial Officer, "
        "effective May 31, 2025.\n"
    )
    e = one(found, "Margaret Olsted", "resigned")
    assert (e.name.nickname, e.role) == ("Peggy", "Chief Financial Officer")


def test_a_relative_named_after_a_possessive_name_takes_the_event():
    found = events(
        "On May 1, 2025, J. Robert Halvard announced his retirement as Chief Executive "
        "Officer, effective June 30, 2025. The Board elected Bob Halvard's daughter, "
        "Mary K. Halvard, as Chief Executive Officer.\n"
    )
    assert one(found, "Mary K. Halvard", "appointed").role == "Chief Executive Officer"
    assert [e.event_type for e in found if e.name.display == "J. Robert Halvard"] == ["retired"]


def test_the_person_succeeded_leaves_the_position_the_successor_takes():
    found = events(
        "On March 29, 2019, the Board appointed Oona T. Adair as Senior Vice President and "
        "General Counsel, effective April 15, 2019. She succeeds Marcus W. Fenwick, who will "
        "retire on April 14, 2019.\n"
    )
    assert one(found, "Marcus W. Fenwick", "retired").role == (
        "Senior Vice President and General Counsel"
    )


# The position a leaver holds, stated in a clause about them (one reading, `_stated_position`):
# each way a filer words it.


def test_stated_position_after_an_earlier_name_of_the_leaver():
    found = events(
        "On May 1, 2025, the Company and John Doe, the Company’s Chief Operating Officer, "
        "agreed that Mr. Doe would step down, effective May 31, 2025. On May 2, 2025, Ann "
        "Bell, Senior Vice President, Operations, and the Company agreed that Ms. Bell will "
        "step down effective June 30, 2025.\n"
    )
    assert one(found, "John Doe", "resigned").role == "Chief Operating Officer"
    assert one(found, "Ann Bell", "resigned").role == "Senior Vice President, Operations"


def test_stated_position_in_a_clause_with_was_is_or_served_as():
    found = events(
        "Acme announced that Hal J. Brisco, who was, at the time of his passing, its Chairman "
        "and Chief Executive Officer, died on May 2, 2025. Ivo Marr, who was, until his death, "
        "its Treasurer, died on May 3, 2025. On May 4, 2025, Harlow Penning, who for the last "
        "three years has served as its Chief Technology Officer, informed the Company that he "
        "will resign. Hugh Dane, who has served as Chairman since 2010, will retire on June 30, "
        "2025.\n"
    )
    assert one(found, "Hal J. Brisco", "died").role == "Chairman and Chief Executive Officer"
    assert one(found, "Ivo Marr", "died").role == "Treasurer"
    assert one(found, "Harlow Penning", "resigned").role == "Chief Technology Officer"
    assert one(found, "Hugh Dane", "retired").role == "Chairman"


def test_stated_position_acting_interim_or_a_board_seat():
    found = events(
        "On May 1, 2025, Jane Roe, who has been acting as Chief Financial Officer since 2019, "
        "informed the Board that she will resign. On May 2, 2025, Lev Ostrander, who has served "
        "as interim Controller, informed the Board that he will resign. On May 3, 2025, Pia "
        "Kask, who serves as a member of the Board of Directors, notified the Company that she "
        "will retire on June 30, 2025.\n"
    )
    assert one(found, "Jane Roe", "resigned").role == "Chief Financial Officer"
    assert one(found, "Lev Ostrander", "resigned").role == "Interim Controller"
    assert one(found, "Pia Kask", "retired").role == "Director"


def test_stated_position_is_read_whole_like_any_other():
    found = events(
        "On May 1, 2025, Ann Bell, Chair of its Audit Committee, and the Company agreed that "
        "Ms. Bell will step down effective June 30, 2025. On May 2, 2025, Cy Dorn, who has "
        "served as Treasurer on an interim basis, informed the Board that he will resign.\n"
    )
    assert one(found, "Ann Bell", "resigned").role == "Chair of the Audit Committee"
    assert one(found, "Cy Dorn", "resigned").role == "Interim Treasurer"


def test_a_position_held_before_is_not_the_one_left():
    found = events(
        "On March 3, 2025, Dana R. Whitcomb, formerly the Company’s Chief Financial Officer, "
        "informed the Board that she will resign. On March 4, 2025, Otto Brand, who previously "
        "served as the Company’s Treasurer, informed the Board that he will resign.\n"
    )
    assert one(found, "Dana R. Whitcomb", "resigned").role != "Chief Financial Officer"
    assert one(found, "Otto Brand", "resigned").role != "Treasurer"


def test_stated_position_of_a_pay_change_and_of_will_become():
    found = events(
        "On May 1, 2025, the Compensation Committee increased the annual base salary of Rhea "
        "Lind, Ph.D., the Company’s Chief Scientific Officer, from $410,000 to $445,000.\n"
    )
    assert one(found, "Rhea Lind", "compensation-change").role == "Chief Scientific Officer"
    found = events(
        "On May 1, 2025, the Company announced that Rosa M. Quell, who has served as Vice "
        "President since 2001, will become its Chief Operating Officer on June 2, 2025.\n"
    )
    assert one(found, "Rosa M. Quell", "appointed").role == "Chief Operating Officer"


# The position lent across a succession (one reading, `_successions` and `_borrow_roles`):
# each way a filer words who takes whose place.


def test_successor_to_succeed_her_takes_the_office_she_left():
    found = events(
        "The Board accepted the resignation of Ines Kahn as Treasurer and appointed Pia Lund "
        "to succeed her. On June 24, 2014, the Board accepted the retirement of Mr. Ralph A. "
        "Thorne from the position of Chief Accounting Officer and appointed Tomas E. Okoro to "
        "replace him, effective July 1, 2014.\n"
    )
    assert one(found, "Pia Lund", "appointed").role == "Treasurer"
    assert one(found, "Tomas E. Okoro", "appointed").role == "Chief Accounting Officer"


def test_successor_named_in_the_next_sentence_takes_the_office_left():
    found = events(
        "On May 2, 2025, Ines Kahn resigned as Treasurer. On the same day the Board appointed "
        "Pia Lund to succeed Ms. Kahn.\n"
    )
    assert one(found, "Pia Lund", "appointed").role == "Treasurer"


def test_successor_is_not_the_person_succeeded_named_beside_her():
    found = events(
        "On May 2, 2025, Ben Toll resigned as Chief Financial Officer. The Board appointed Ana "
        "Ruiz, who had worked for Ben Toll since 2015, to replace Mr. Toll, effective May 5, "
        "2025.\n"
    )
    assert one(found, "Ana Ruiz", "appointed").role == "Chief Financial Officer"
    assert [e.event_type for e in found if e.name.display == "Ben Toll"] == ["resigned"]


def test_person_replaced_leaves_the_office_the_successor_takes():
    found = events(
        "Effective May 1, 2025, the Board appointed Ana Ruiz to serve as Chief Financial "
        "Officer, replacing Ben Toll, who resigned on April 30, 2025. The Board appointed Ola "
        "Berg as General Counsel. Ms. Berg will succeed Teo Frame, who will retire on April 30, "
        "2025.\n"
    )
    assert one(found, "Ben Toll", "resigned").role == "Chief Financial Officer"
    assert one(found, "Teo Frame", "retired").role == "General Counsel"


def test_she_succeeds_after_an_appointment_that_names_someone_else_last():
    # "she" is read as the woman named last; the one who succeeds is the one just appointed
    found = events(
        "On March 29, 2019, the Board appointed Oona T. Adair as Senior Vice President and "
        "General Counsel, effective April 15, 2019, on the recommendation of Mary Quist. She "
        "succeeds Marcus W. Fenwick, who will retire on April 14, 2019.\n"
    )
    assert one(found, "Marcus W. Fenwick", "retired").role == (
        "Senior Vice President and General Counsel"
    )


def test_appointed_in_connection_with_a_departure_takes_the_office_left():
    found = events(
        "On May 2, 2025, Ines Kahn resigned as Treasurer. In connection with Ms. Kahn’s "
        "resignation, the Board appointed Pia Lund, effective June 1, 2025. On May 5, 2025, "
        "Teo Frame retired as Controller. In connection with the retirement of Mr. Frame, Ola "
        "Berg was appointed, effective May 6, 2025.\n"
    )
    assert one(found, "Pia Lund", "appointed").role == "Treasurer"
    assert one(found, "Ola Berg", "appointed").role == "Controller"
    found = events(
        "On May 2, 2025, Ines Kahn resigned as Treasurer. In connection with her resignation, "
        "the Company and Ms. Kahn entered into a consulting agreement.\n"
    )
    assert [(e.name.display, e.event_type) for e in found] == [("Ines Kahn", "resigned")]


# How sure a reading is: what the text states is sure, what was inferred says so.
def test_a_position_lent_across_a_succession_is_marked_as_inferred():
    found = events(
        "On May 2, 2025, Ines Kahn resigned as Treasurer. On the same day the Board appointed "
        "Pia Lund to succeed Ms. Kahn.\n"
    )
    lund, kahn = one(found, "Pia Lund", "appointed"), one(found, "Ines Kahn", "resigned")
    assert (lund.role, lund.guess, lund.confidence) == (
        "Treasurer",
        "position taken from the person succeeded",
        0.6,
    )
    assert (kahn.guess, kahn.confidence) == ("", 1.0)  # "resigned as Treasurer": stated


def test_a_leaver_given_the_successors_position_is_marked_as_inferred():
    found = events(
        "On March 29, 2019, the Board appointed Oona T. Adair as Senior Vice President and "
        "General Counsel, effective April 15, 2019. She succeeds Marcus W. Fenwick, who will "
        "retire on April 14, 2019.\n"
    )
    fenwick = one(found, "Marcus W. Fenwick", "retired")
    assert fenwick.guess == "position taken from the successor" and fenwick.confidence == 0.6
    assert one(found, "Oona T. Adair", "appointed").confidence == 1.0


def test_a_seat_assumed_and_a_person_read_from_a_pronoun_are_marked():
    found = events(
        "On June 3, 2024, the Board of Directors elected Hana Ruiz, effective immediately.\n"
        "Ms. Ruiz is a partner of Ruiz Capital. On the same day Tomas Berg resigned as "
        "Controller. He was appointed Treasurer.\n"
    )
    ruiz = one(found, "Hana Ruiz", "elected")
    assert ruiz.role == "Director" and ruiz.confidence == 0.8
    assert ruiz.guess == "a board seat: the sentence elects without naming a position"
    berg = one(found, "Tomas Berg", "appointed")
    assert berg.role == "Treasurer" and berg.guess == "the person “He” refers to"
    assert berg.confidence == 0.85
    assert one(found, "Tomas Berg", "resigned").confidence == 1.0  # named before the verb


def test_a_pronoun_after_the_one_person_named_in_its_sentence_is_no_guess():
    found = events(
        "On June 3, 2024, Tomas Berg resigned as Controller, and he was appointed Treasurer.\n"
        "On the same day Ingrid Holm advised the Board of her intention to retire.\n"
    )
    assert {e.confidence for e in found} == {1.0}
    assert one(found, "Tomas Berg", "appointed").guess == ""


def test_areas_of_industry_and_a_bank_cashier_stay_in_the_title():
    for written in (
        "Vice President, Chartering",
        "Senior Vice President, Supply Chain",
        "Senior Vice President, Engineering and Construction",
        "Senior Vice President and Cashier",
        "Vice President of operations, Western Region",
    ):
        assert title(f"{written}, effective May 1.") == written, written
