import datetime as dt

import pytest

from filings.extract.signatures import extract_signatures
from filings.render import plain_text

PREAMBLE = (
    "SIGNATURES\n\nPursuant to the requirements of the Securities Exchange Act of 1934, the "
    "registrant has duly caused this report to be signed on its behalf by the undersigned "
    "hereunto duly authorized.\n\n"
)


def signers(text, form="8-K", registrant=""):
    found = extract_signatures(text, form=form, sequence="1", registrant=registrant)
    for e in found:
        assert text[e.start : e.end] == e.evidence
        assert e.event_type == "signed" and e.source == "signature"
        assert e.document_sequence == "1"
    return found


def test_by_slash_s_block_with_cells_on_lines():
    text = PREAMBLE + (
        "ACME WIDGET CORPORATION\n\nDate: December 22, 2004\n\nBy:\n\n/s/ David A. Buckel\n\n"
        "David A. Buckel\n\nVice President and Chief Financial Officer\n\nEXHIBIT INDEX\n"
    )
    (e,) = signers(text)
    assert e.name.display == "David A. Buckel"
    assert e.role == "Vice President and Chief Financial Officer"
    assert e.effective_date == dt.date(2004, 12, 22)


def test_name_title_date_labels():
    text = PREAMBLE + (
        "BlackRock, Inc.\n(Registrant)\nBy:\n/s/ R. Andrew Dickson III\nName:\n"
        "R. Andrew Dickson III\nTitle:\nManaging Director and Corporate Secretary\n"
        "Date: February 24, 2023\n"
    )
    (e,) = signers(text)
    assert e.name.display == "R. Andrew Dickson III"
    assert e.name.suffix == "III"
    assert e.role == "Managing Director and Corporate Secretary"
    assert e.effective_date == dt.date(2023, 2, 24)


def test_labels_with_values_on_the_same_line():
    text = PREAMBLE + (
        "By: /s/ Jane Q. Doe\nName: Jane Q. Doe\nTitle: Chief Executive Officer\n"
        "Date: March 1, 2025\n"
    )
    (e,) = signers(text)
    assert (e.name.display, e.role, e.effective_date) == (
        "Jane Q. Doe",
        "Chief Executive Officer",
        dt.date(2025, 3, 1),
    )


def test_title_wrapped_over_lines_and_date_below():
    text = PREAMBLE + (
        "EXELON CORPORATION\n\n/s/ J. Barry Mitchell\n\nJ. Barry Mitchell\n\n"
        "Senior Vice President, Treasurer and\nChief Financial Officer\n\nApril 27, 2005\n"
    )
    (e,) = signers(text)
    assert e.role == "Senior Vice President, Treasurer and Chief Financial Officer"
    assert e.effective_date == dt.date(2005, 4, 27)


def test_name_and_title_on_one_line_several_signers():
    text = PREAMBLE + (
        "Date:\nApril 6, 2010\nBy:\n/s/ S. Emerson Lybbert\nS. Emerson Lybbert, President\n"
        "Principal Executive Officer\n\n"
        "Date:\nApril 6, 2010\nBy:\n/s/ Marni Gaer\nMarni Gaer, Director\n"
    )
    found = signers(text, form="10-K")
    assert [(e.name.display, e.role) for e in found] == [
        ("S. Emerson Lybbert", "President, Principal Executive Officer"),
        ("Marni Gaer", "Director"),
    ]
    assert {e.effective_date for e in found} == {dt.date(2010, 4, 6)}


def test_html_signature_table_cells_on_lines():
    text = (
        "Pursuant to the requirements of the Securities Exchange Act of 1934, this report has "
        "been signed below by the following persons on behalf of the Registrant.\n\n"
        "Signature\nTitle\nDate\n"
        "/s/ Tim Cook\nChief Executive Officer and Director\n(Principal Executive Officer)\n"
        "November 1, 2024\nTIMOTHY D. COOK\n"
        "/s/ Kevan Parekh\nSenior Vice President, Chief Financial Officer\n"
        "(Principal Financial Officer)\nNovember 1, 2024\nKEVAN PAREKH\n"
    )
    found = signers(text, form="10-K")
    assert [e.name.display for e in found] == ["Tim Cook", "Kevan Parekh"]
    cook = found[0]
    assert cook.role == "Chief Executive Officer and Director (Principal Executive Officer)"
    assert cook.effective_date == dt.date(2024, 11, 1)
    assert found[1].role.startswith("Senior Vice President, Chief Financial Officer")


def test_one_line_signature_table_row():
    text = PREAMBLE + (
        "Signature      Title      Date\n"
        "/s/ Tim Cook  Chief Executive Officer and Director  November 1, 2024\n"
    )
    (e,) = signers(text, form="10-K")
    assert (e.name.display, e.role, e.effective_date) == (
        "Tim Cook",
        "Chief Executive Officer and Director",
        dt.date(2024, 11, 1),
    )


FIXED_WIDTH = """\
                                   SIGNATURES

    Pursuant to the requirements of Section 13 or 15(d) of the Securities
Exchange Act of 1934, the Registrant has duly caused this report to be signed on
its behalf by the undersigned, thereunto duly authorized, this 4th day of
December 1997.

                                APPLE COMPUTER, INC.

                                By:             /s/ FRED D. ANDERSON
                                     -----------------------------------------
                                                  Fred D. Anderson
                                            EXECUTIVE VICE PRESIDENT AND
                                              CHIEF FINANCIAL OFFICER

           NAME                         TITLE                      DATE
- --------------------------  ------------------------------  -------------------

                            Interim Chief Executive
    /s/ STEVEN P. JOBS        Officer and Director
- --------------------------    (Principal Executive           December 4, 1997
      STEVEN P. JOBS          Officer)

  /s/ EDGAR S. WOOLARD,
           JR.
- --------------------------  Director                         December 4, 1997
  EDGAR S. WOOLARD, JR.
"""


def test_fixed_width_table_with_wrapped_titles_and_names():
    found = signers(FIXED_WIDTH, form="10-K")
    assert [e.name.display for e in found] == [
        "Fred D. Anderson",
        "Steven P. Jobs",
        "Edgar S. Woolard Jr.",
    ]
    anderson, jobs, woolard = found
    # printed in capitals, read in Title Case
    assert anderson.role == "Executive Vice President and Chief Financial Officer"
    assert anderson.effective_date == dt.date(1997, 12, 4)  # "this 4th day of December 1997"
    assert jobs.role == "Interim Chief Executive Officer and Director (Principal Executive Officer)"
    assert jobs.effective_date == dt.date(1997, 12, 4)
    assert woolard.role == "Director"
    assert woolard.name.suffix == "Jr."


CONFORMED = """\
                                   SIGNATURES

FORD MOTOR COMPANY

By:   Murray L. Reichenstein*
     (Murray L. Reichenstein)
    Vice President--Controller
  (principal accounting officer)

Date:  March 21, 1994

<TABLE>
<CAPTION>
          Signature                          Title                    Date

<S>                               <C>                                 <C>
                                          Director and
                                     Chairman of the Board
       Alex Trotman*             (principal executive officer)        March 21, 1994
      (Alex Trotman)

      William Clay Ford*             of the Finance Committee        March 21, 1994
     (William Clay Ford)

    William Clay Ford, Jr.*                 Director                 March 21, 1994
   (William Clay Ford, Jr.)

*By:/s/John M. Rintamaki
    (John M. Rintamaki, Attorney-in-Fact)
</TABLE>
"""


def test_conformed_signatures_without_slash_s():
    found = signers(CONFORMED, form="10-K")
    assert [e.name.display for e in found] == [
        "Murray L. Reichenstein",
        "Alex Trotman",
        "William Clay Ford",
        "William Clay Ford Jr.",
    ]  # the attorney-in-fact's "*By:" line is how the starred signers signed
    murray, trotman, _, junior = found
    assert murray.role == "Vice President--Controller (principal accounting officer)"
    assert murray.effective_date == dt.date(1994, 3, 21)
    assert trotman.role == ("Director and Chairman of the Board (principal executive officer)")
    assert junior.role == "Director"


def test_attorney_in_fact_on_the_slash_line():
    text = PREAMBLE + "By: /s/ Sam Whittington, Attorney-in-Fact\nDate: May 6, 2022\n"
    (e,) = signers(text)
    assert (e.name.display, e.role) == ("Sam Whittington", "Attorney-in-Fact")


def test_firms_and_companies_are_not_signers():
    text = (
        "REPORT OF INDEPENDENT REGISTERED PUBLIC ACCOUNTING FIRM\n...\n/s/ Ernst & Young LLP\n"
        "San Jose, California\n\n" + PREAMBLE + "By:\nCarMax Auto Funding LLC,\nas Depositor\n"
        "By:\n/s/ Andrew J. McMonigle\nName:\nAndrew J. McMonigle\nTitle:\n"
        "Vice President and Treasurer\n"
    )
    found = signers(text, form="10-K")
    assert [e.name.display for e in found] == ["Andrew J. McMonigle"]
    assert found[0].role == "Vice President and Treasurer"


def test_the_same_signer_with_another_title_is_another_signing():
    text = PREAMBLE + (
        "By: /s/ Jane Doe\nJane Doe\nChief Executive Officer\n\n"
        "Signature\nTitle\nDate\n/s/ Jane Doe\nChief Executive Officer and Director\n"
        "March 3, 2025\n"
    )
    assert [(e.name.display, e.role) for e in signers(text, form="10-K")] == [
        ("Jane Doe", "Chief Executive Officer"),
        ("Jane Doe", "Chief Executive Officer and Director"),
    ]


def test_the_same_signer_with_the_same_title_is_one_event():
    text = PREAMBLE + (
        "By: /s/ Jane Doe\nJane Doe\nChief Executive Officer\n\n"
        "Signature\nTitle\nDate\n/s/ Jane Doe\nChief Executive Officer\n"
        "(Principal Executive Officer)\nMarch 3, 2025\n"
    )
    assert [(e.name.display, e.role) for e in signers(text, form="10-K")] == [
        ("Jane Doe", "Chief Executive Officer (Principal Executive Officer)"),
    ]


def test_no_signatures():
    assert signers("This report contains no signatures at all.") == []


def test_html_table_rows_with_tab_separated_cells():
    # How filings.render writes an HTML signature table: one row per line, cells by tabs.
    text = PREAMBLE + (
        "Signature\tTitle\tDate\n"
        "/s/ Jonathan R. Levin\tPresident and Director\tJune 27, 2025\n"
        "Jonathan R. Levin\n"
        "/s/ Pamela L. Bentley\tChief Financial Officer\tJune 27, 2025\n"
        "Pamela L. Bentley\t(Principal Financial Officer)\n"
        "/s/ Singleton B. McAllister\n\nSingleton B. McAllister\n\nDirector\tJune 30, 2022\n"
    )
    found = signers(text, form="S-3")
    assert [(e.name.display, e.role, e.effective_date) for e in found] == [
        ("Jonathan R. Levin", "President and Director", dt.date(2025, 6, 27)),
        (
            "Pamela L. Bentley",
            "Chief Financial Officer (Principal Financial Officer)",
            dt.date(2025, 6, 27),
        ),
        ("Singleton B. McAllister", "Director", dt.date(2022, 6, 30)),
    ]


def test_two_signers_per_row_names_and_titles_below():
    text = PREAMBLE + (
        "/s/ KENNETH J. BACON*\n\n/s/ JOHNESE M. SPISSO*\n\n"
        "Kenneth J. Bacon, Chair of the Board\tJohnese M. Spisso, Director\n"
    )
    found = signers(text, form="S-3")
    assert [(e.name.display, e.role) for e in found] == [
        ("Kenneth J. Bacon", "Chair of the Board"),
        ("Johnese M. Spisso", "Director"),
    ]


def test_fixed_width_signers_side_by_side():
    text = (
        "SIGNATURES\n\n"
        "/s/ MICHAEL H. SPINDLER               /s/ JOSEPH A. GRAZIANO\n"
        "MICHAEL H. SPINDLER                   JOSEPH A. GRAZIANO\n"
        "President and                         Executive Vice President\n"
        "Chief Executive Officer               and Chief Financial Officer\n"
        "December 8, 1994                      December 8, 1994\n"
    )
    found = signers(text, form="10-K")
    assert [(e.name.display, e.role, e.effective_date) for e in found] == [
        ("Michael H. Spindler", "President and Chief Executive Officer", dt.date(1994, 12, 8)),
        (
            "Joseph A. Graziano",
            "Executive Vice President and Chief Financial Officer",
            dt.date(1994, 12, 8),
        ),
    ]


def test_honorific_after_slash_s():
    found = signers("SIGNATURES\n/s/ Dr. Raquel E. Izumi\nActing Chief Executive Officer\n")
    assert [(e.name.display, e.role) for e in found] == [
        ("Raquel E. Izumi", "Acting Chief Executive Officer")
    ]


def _signed(text, form, registrant):
    found = extract_signatures(text, form=form, sequence="1", registrant=registrant)
    for e in found:
        assert text[e.start : e.end] == e.evidence
    return [(e.name.display, e.role, e.organization) for e in found]


def test_a_title_that_names_the_company_it_is_held_at():
    text = (
        "SIGNATURES\nPursuant to the requirements of the Securities Act of 1933, this "
        "registration statement has been signed by the following persons on the 3rd day of "
        "March, 2024.\n\nName\tTitle\n"
        "/s/ Odile Marchetti\nOdile Marchetti\nDirector, Northwind Holdings AG\n"
        "/s/ Tarik Osei\nTarik Osei\nChief Financial Officer (Principal Accounting Officer), "
        "Northwind Holdings AG\n"
        "/s/ Greta Halvorsen\nGreta Halvorsen\nPresident, Bluewater Credit Company\n"
        "/s/ Lionel Abara\nLionel Abara\nDirector, Vice President and President, Bluewater "
        "Credit Company\n"
    )
    assert _signed(text, "F-3", "NORTHWIND HOLDINGS AG") == [
        # the filer: the company leaves the title
        ("Odile Marchetti", "Director", ""),
        ("Tarik Osei", "Chief Financial Officer (Principal Accounting Officer)", ""),
        # another company: it is the organisation of a single title
        ("Greta Halvorsen", "President", "Bluewater Credit Company"),
        # after several titles it may qualify only the last: the title stays whole
        ("Lionel Abara", "Director, Vice President and President, Bluewater Credit Company", ""),
    ]
    found = extract_signatures(text, form="F-3", sequence="1", registrant="NORTHWIND HOLDINGS AG")
    assert {e.effective_date for e in found} == {dt.date(2024, 3, 3)}  # "on the 3rd day of"


def test_a_block_signed_for_another_entity_and_a_title_that_runs_on():
    text = (
        "SIGNATURES\nPursuant to the requirements of the Securities Act of 1933, the "
        "registrant has duly caused this registration statement to be signed on its behalf.\n"
        "BRIGHTLINE BANK AG\nBy:\n/s/ Henrik Solberg\nName:\nHenrik Solberg\nTitle:\n"
        "Chief Executive Officer\n\n"
        "BRIGHTLINE SECURITIES (USA), INC.\nBy:\t/s/ Petra Lindqvist\nName:\nPetra Lindqvist\n"
        "Title:\nDeputy General Counsel\nAuthorized Representative in the United States\n\nII-9\n"
    )
    assert _signed(text, "F-3", "BRIGHTLINE BANK AG") == [
        ("Henrik Solberg", "Chief Executive Officer", ""),
        (
            "Petra Lindqvist",
            "Deputy General Counsel, Authorized Representative in the United States",
            "BRIGHTLINE SECURITIES (USA), INC.",
        ),
    ]


def test_signers_through_a_general_partner_or_as_depositor():
    text = (
        "SIGNATURES\nThe Applicants have caused this Application to be duly signed on their "
        "behalf.\n"
        "MAPLECREST OPPORTUNITY FUND\nBy:\t/s/ Ines Arbeloa\nName: Ines Arbeloa\n"
        "Title: President\n"
        "MAPLECREST CO-INVEST FUND L.P.\nBy:\tMaplecrest GP SARL\nIts General Partner\n"
        "By:\t/s/ Ruth Okonkwo\nName: Ruth Okonkwo\nTitle: Class A Manager\n"
        "By:\t/s/ Anton Vesely\nName: Anton Vesely\nTitle: Class B Manager\n"
    )
    assert _signed(text, "40-APP", "Maplecrest Opportunity Fund") == [
        ("Ines Arbeloa", "President", ""),
        ("Ruth Okonkwo", "Class A Manager", "Maplecrest GP SARL"),
        ("Anton Vesely", "Class B Manager", "Maplecrest GP SARL"),
    ]
    abs_report = PREAMBLE + (
        "HARBORVIEW AUTO RECEIVABLES TRUST 2024-2\n\nBy:\tHarborview Auto Funding LLC,\n"
        "as Depositor on behalf of Harborview Auto Receivables Trust 2024-2\n"
        "By:\t/s/ Colm Ferrante\nName:\tColm Ferrante\nTitle:\tVice President\n"
    )
    assert _signed(abs_report, "10-D", "Harborview Auto Receivables Trust 2024-2") == [
        ("Colm Ferrante", "Vice President", "Harborview Auto Funding LLC")
    ]


def _cover(manager, signer, title, place):
    return (
        "Form 13F COVER PAGE\n\nInstitutional Investment Manager Filing this Report:\n\n"
        f"Name:      {manager}\nAddress:   1 Main Street\n\n"
        "Person Signing this Report on Behalf of Reporting Manager:\n\n"
        f"Name:      {signer}\n- -------------------------\nTitle:     {title}\n"
        "Phone:     555-0100\n\nSignature, Place, and Date of Signing:\n\n"
        f"(s) {signer}           {place}            May 14, 2001\n"
        "- ------------------      ---------------      -------------------\n"
        "[Signature]                   [City, State]        [Date]\n\n"
    )


def test_a_group_13f_is_signed_on_the_filers_own_cover_page():
    text = (
        _cover("Larchmont Holdings Inc.", "Edwin P. Marsh", "Vice President", "Dayton, OH")
        + _cover("Larchmont Casualty Company", "Edwin P. Marsh", "Treasurer", "Dayton, OH")
        + _cover("Quillfeather Insurance Corp.", "Nadia R. Vos", "Secretary", "Reno, NV")
    )
    # The other managers' covers are their own reports bound into this one; the Name and
    # Title lines are read across the rule between them.
    assert _signed(text, "13F-HR", "LARCHMONT HOLDINGS INC") == [
        ("Edwin P. Marsh", "Vice President", "")
    ]


def test_an_older_13f_cover_prints_the_title_after_the_name():
    text = (
        "  Quentin A. Rusk, Senior Vice President          (555) 555-0142\n"
        "- ----------------------------------------------------------------\n"
        "Name, Phone No., and Title of Person Duly Authorized to Submit This Report.\n\n"
        "  Pursuant to the requirements of Securities Exchange Act of 1934, the undersigned\n"
        "Institutional investment manager has caused this report to be signed on its behalf\n"
        "in the City of New York on the 15th day of May, 2001.\n\n"
        "                     Pellworth Corporation\n"
        "                     (Name of Institutional Investment Manager)\n\n"
        "                     By:  /s/ Quentin A. Rusk\n"
        "                     ------------------------------\n"
    )
    found = extract_signatures(text, form="13F-HR", sequence="1", registrant="PELLWORTH CORP")
    assert [(e.name.display, e.role, e.effective_date) for e in found] == [
        ("Quentin A. Rusk", "Senior Vice President", dt.date(2001, 5, 15))
    ]


def test_a_sentence_about_the_signer_is_not_a_title():
    text = (
        "     Corwin J. Blaylock, who has served as Acting President since March\n"
        "2004, will return to his earlier post.\n\n" + PREAMBLE + "/s/ Corwin J. Blaylock\n"
    )
    assert [e.role for e in signers(text)] == [""]


_TABLE = (
    "SIGNATURES\nPursuant to the requirements of the Securities Exchange Act of 1934, this "
    "report has been signed below by the following persons on behalf of the registrant.\n\n"
    "Signature\tTitle\tDate\n"
    "/s/ Odette V. Kramer\tChief Executive Officer and Director\tMarch 1, 2024\n"
    "Odette V. Kramer\n"
)


@pytest.mark.parametrize(
    ("rows", "attorney"),
    [
        # the "*" alone in the signature cell, the printed name on the line below the row
        (
            "*\tDirector\tMarch 1, 2024\nSilas P. Wendt\n*\tDirector\tMarch 1, 2024\n"
            "Mireille A. Fonseca\n",
            "*By:\t/s/ Odette V. Kramer\nOdette V. Kramer\nAttorney-in-Fact\n",
        ),
        # the "*" on its own line above the row
        (
            "*\nSilas P. Wendt\tDirector\tMarch 1, 2024\n*\nMireille A. Fonseca\tDirector\t"
            "March 1, 2024\n",
            "*By: /s/ Odette V. Kramer, as Attorney-in-Fact\n",
        ),
        # the name typed with its "*"
        (
            "Silas P. Wendt*\tDirector\tMarch 1, 2024\nMireille A. Fonseca*\tDirector\t"
            "March 1, 2024\n",
            "*By: /s/ Odette V. Kramer\n    Odette V. Kramer, Attorney-in-Fact\n",
        ),
        (
            "/s/ SILAS P. WENDT*\tDirector\tMarch 1, 2024\n/s/ MIREILLE A. FONSECA*\tDirector\t"
            "March 1, 2024\n",
            "*By: /s/ Odette V. Kramer\nOdette V. Kramer\nas Attorney-in-Fact\n",
        ),
    ],
)
def test_directors_signing_through_an_attorney_in_fact_in_a_table(rows, attorney):
    found = signers(_TABLE + rows + attorney, form="10-K")
    assert [(e.name.display, e.role, e.effective_date) for e in found] == [
        ("Odette V. Kramer", "Chief Executive Officer and Director", dt.date(2024, 3, 1)),
        ("Silas P. Wendt", "Director", dt.date(2024, 3, 1)),
        ("Mireille A. Fonseca", "Director", dt.date(2024, 3, 1)),
    ]


def test_a_starred_column_heading_of_figures_is_no_signer():
    text = _TABLE + "\nWeighted Average\nInterest Rate*\tMaturity\t1993\t1992\n"
    assert [e.name.display for e in signers(text, form="10-K")] == ["Odette V. Kramer"]


def test_an_xml_form_signed_in_the_attributes_of_its_signature_element():
    text = plain_text(
        "xml",
        '<?xml version="1.0"?><edgarSubmission xmlns="http://www.sec.gov/edgar/ncen">'
        '<formData><signature registrantSignedName="Harrow Street Funds Trust" '
        'signedDate="2024-03-12" signature="/s/ Lucia M. Ferreira" '
        'title="Treasurer and Principal Financial Officer"/></formData></edgarSubmission>',
    )
    (e,) = signers(text, form="N-CEN")
    assert (e.name.display, e.role, e.effective_date, e.evidence) == (
        "Lucia M. Ferreira",
        "Treasurer and Principal Financial Officer",
        dt.date(2024, 3, 12),
        "/s/ Lucia M. Ferreira",
    )


def test_an_xml_13f_whose_signature_holds_a_cik_is_signed_by_the_named_person():
    text = plain_text(
        "xml",
        '<?xml version="1.0"?><edgarSubmission><formData><signatureBlock>'
        "<name>Tobias R. Lindgren</name><title>Chief Compliance Officer</title>"
        "<signature>0001234567</signature><city>Boston</city>"
        "<signatureDate>02-14-2024</signatureDate></signatureBlock></formData></edgarSubmission>",
    )
    (e,) = signers(text, form="13F-HR")
    assert (e.name.display, e.role, e.effective_date, e.evidence) == (
        "Tobias R. Lindgren",
        "Chief Compliance Officer",
        dt.date(2024, 2, 14),
        "Tobias R. Lindgren",
    )


@pytest.mark.parametrize(
    "close",
    [
        "Sincerely,\n\n/s/ Imogen R. Castell\nImogen R. Castell\n",
        "Very truly yours,\n\nImogen R. Castell\n",  # a typed name without "/s/"
        "Sincerely,\n\nTARNWICK SYSTEMS CORP.\n\nImogen R. Castell\n",
    ],
)
def test_a_letter_to_the_staff_is_signed_after_its_close_and_dated_as_the_letter(close):
    text = (
        "June 3, 2024\n\nVIA EDGAR\n\nDivision of Corporation Finance\n\nRe: Tarnwick Systems "
        "Corp.\nForm 10-K for the Fiscal Year Ended December 31, 2023\n\nDear Mr. Oduya:\n\n"
        "We respond below to the comment in your letter of May 20, 2024.\n\n"
        + close
        + "Senior Vice President and Chief Financial Officer\n\ncc: Dorian Pike, Esq.\n"
    )
    (e,) = signers(text, form="CORRESP")
    assert (e.name.display, e.role, e.effective_date) == (
        "Imogen R. Castell",
        "Senior Vice President and Chief Financial Officer",
        dt.date(2024, 6, 3),
    )


def test_a_general_partner_named_on_the_by_line():
    text = (
        "SIGNATURE\nAfter due inquiry, I certify that the information set forth in this "
        "statement is true, complete and correct.\n\nDated: May 2, 2023\n\n"
        "GANNET MERGER SUB, INC.\nBy:\t/s/ Karim Haddad\nName:\tKarim Haddad\nTitle:\tPresident\n\n"
        "GANNET PARTNERS FUND II, L.P.\nBy: Gannet GP II, LLC, its general partner\n"
        "By:\t/s/ Nora Lind\nName:\tNora Lind\nTitle:\tManaging Member\n"
    )
    assert _signed(text, "SC TO-T/A", "Pelican Target Inc") == [
        ("Karim Haddad", "President", ""),  # the first-named filer of the group
        ("Nora Lind", "Managing Member", "Gannet GP II, LLC"),
    ]


def test_signers_side_by_side_in_html_table_cells():
    text = PREAMBLE + (
        "/s/ Beatrix L. Oyelaran\t\t/s/ Casimir D. Wolanski\n"
        "Beatrix L. Oyelaran\t\tCasimir D. Wolanski\n"
        "Chief Executive Officer\t\tChief Financial Officer\n"
        "March 1, 2024\t\tMarch 1, 2024\n"
    )
    assert [(e.name.display, e.role, e.effective_date) for e in signers(text)] == [
        ("Beatrix L. Oyelaran", "Chief Executive Officer", dt.date(2024, 3, 1)),
        ("Casimir D. Wolanski", "Chief Financial Officer", dt.date(2024, 3, 1)),
    ]


def test_a_military_rank_and_retired_service_are_not_part_of_the_signers_name():
    text = PREAMBLE + (
        "Signature\tTitle\tDate\n"
        "/s/ Rear Admiral Kay M. Lindgren, USN (Ret.)\tDirector\tJune 30, 2025\n"
        "/s/ Gen. Tobias R. Okafor (Ret.)\tDirector\tJune 30, 2025\n"
    )
    assert [(e.name.raw, e.role) for e in signers(text, form="S-3")] == [
        ("Kay M. Lindgren", "Director"),
        ("Tobias R. Okafor", "Director"),
    ]


def test_a_starred_father_and_son_in_consecutive_rows_are_two_signers():
    text = PREAMBLE + (
        "Signature\tTitle\tDate\n"
        "Harlan B. Vetter, Jr.*\tDirector\tFebruary 9, 2017\n"
        "Harlan B. Vetter*\tDirector\tFebruary 9, 2017\n"
        "*By:\t/s/ Lena Q. Moss\n\tLena Q. Moss, Attorney-in-Fact\n"
    )
    assert [(e.name.display, e.role) for e in signers(text, form="10-K")] == [
        ("Harlan B. Vetter Jr.", "Director"),
        ("Harlan B. Vetter", "Director"),
    ]


def test_starred_directors_in_an_html_table_whose_cells_break_at_br():
    text = plain_text(
        "html",
        "<html><body><p>SIGNATURES</p><p>Pursuant to the requirements of the Securities "
        "Exchange Act of 1934, this report has been signed below by the following persons on "
        "behalf of the registrant.</p><table><tr><td>Signature</td><td>Title</td><td>Date</td>"
        "</tr><tr><td>/s/ Odette V. Kramer<br>Odette V. Kramer</td><td>Chief Executive Officer"
        "<br>(Principal Executive Officer)</td><td>March 1, 2024</td></tr>"
        "<tr><td>*<br>Silas P. Wendt</td><td>Director</td><td>March 1, 2024</td></tr>"
        "<tr><td>*<br>Mireille A. Fonseca</td><td>Director</td><td>March 1, 2024</td></tr>"
        "<tr><td colspan=3>*By: /s/ Odette V. Kramer<br>Odette V. Kramer, Attorney-in-Fact"
        "</td></tr></table></body></html>",
    )
    assert [(e.name.display, e.role) for e in signers(text, form="10-K")] == [
        ("Odette V. Kramer", "Chief Executive Officer (Principal Executive Officer)"),
        ("Silas P. Wendt", "Director"),
        ("Mireille A. Fonseca", "Director"),
    ]


def test_trustees_through_an_attorney_in_fact_pursuant_to_a_power_of_attorney():
    text = PREAMBLE + (
        "Signature\tTitle\tDate\n/s/ Odette V. Kramer\tPresident\tApril 1, 2024\n"
        "*\tTrustee\tApril 1, 2024\nSilas P. Wendt\n"
        "*By:\t/s/ Mireille A. Fonseca\n\tMireille A. Fonseca\n"
        "\tAttorney-in-Fact, pursuant to power of attorney\n"
    )
    assert [(e.name.display, e.role) for e in signers(text, form="485APOS")] == [
        ("Odette V. Kramer", "President"),
        ("Silas P. Wendt", "Trustee"),
    ]


def test_an_xml_13f_signed_with_slash_s_keeps_its_signature_date():
    text = plain_text(
        "xml",
        '<?xml version="1.0"?><edgarSubmission><formData><signatureBlock>'
        "<name>Tobias R. Lindgren</name><title>Chief Compliance Officer</title>"
        "<signature>/s/ Tobias R. Lindgren</signature>"
        "<signatureDate>02-14-2024</signatureDate></signatureBlock></formData></edgarSubmission>",
    )
    (e,) = signers(text, form="13F-HR")
    assert (e.name.display, e.role, e.effective_date) == (
        "Tobias R. Lindgren",
        "Chief Compliance Officer",
        dt.date(2024, 2, 14),
    )


def test_a_letter_quoted_in_an_8k_is_not_the_reports_signing():
    text = (
        "Item 5.02 Departure of Directors\n\nMr. Pike's letter reads in full:\n\n"
        "Dear Members of the Board:\n\nI resign as a director, effective today.\n\n"
        "Sincerely,\n\nDorian Pike\nDirector\n\n" + PREAMBLE + "By: /s/ Imogen R. Castell\n"
        "Imogen R. Castell\nChief Financial Officer\n"
    )
    assert [e.name.display for e in signers(text)] == ["Imogen R. Castell"]


@pytest.mark.parametrize(
    ("name_line", "role"),
    [
        ("Name: Imogen R. Castell, Chief Financial Officer", "Chief Financial Officer"),
        ("Name:\tImogen R. Castell\tTitle:\tTreasurer", "Treasurer"),
    ],
)
def test_a_title_on_the_name_line(name_line, role):
    text = PREAMBLE + "By: /s/ Imogen R. Castell\n" + name_line + "\nDate: May 6, 2022\n"
    (e,) = signers(text)
    assert (e.role, e.effective_date) == (role, dt.date(2022, 5, 6))


def test_a_signature_table_whose_title_column_comes_first():
    text = PREAMBLE + (
        "NORTHWIND HOLDINGS, INC.\n\n"
        "Title\tSignature\tDate\n"
        "Executive Vice President and Chief Financial Officer\t/s/ Wilma J. Orcutt\t"
        "July 20, 2023\n"
    )
    (signer,) = signers(text)
    assert (signer.name.display, signer.role, signer.effective_date) == (
        "Wilma J. Orcutt",
        "Executive Vice President and Chief Financial Officer",
        dt.date(2023, 7, 20),
    )
    # A date or "By:" before the signature is no title.
    text = PREAMBLE + "April 15, 2025\tBy:\t/s/ Wilma J. Orcutt\nChief Executive Officer\n"
    (signer,) = signers(text)
    assert signer.role == "Chief Executive Officer"


def test_a_signer_with_name_particles():
    found = signers(
        PREAMBLE + "SADDLEBACK MESA BANCORP\nDated: January 7, 2008\n/s/ Ignacio de la Fuente\n"
        "Ignacio de la Fuente, Executive Vice President, General Counsel and Secretary\n",
        registrant="Saddleback Mesa Bancorp",
    )
    assert [(e.name.display, e.role) for e in found] == [
        ("Ignacio de la Fuente", "Executive Vice President, General Counsel and Secretary")
    ]


def test_by_before_the_printed_name_of_the_same_signer():
    found = signers(
        PREAMBLE + "Date: June 20, 2002            PELL & RANSOME LOGISTICS CO.\n\n"
        "                               /s/ Norbert Fenwick\n"
        "                               -------------------------------\n"
        "                               By: Norbert Fenwick\n"
        "                               Title: Vice President and Secretary\n",
        registrant="Pell & Ransome Logistics Co",
    )
    assert [(e.name.display, e.role) for e in found] == [
        ("Norbert Fenwick", "Vice President and Secretary")
    ]


def test_each_registrant_is_the_filer():
    found = signers(
        PREAMBLE + "By: /s/ Suzanne R. Okonkwo-Reyes\n"
        "Senior Vice President and Chief Financial Officer of each registrant\n",
        registrant="Tidewater Basin Energy Corp",
    )
    assert [(e.role, e.organization) for e in found] == [
        ("Senior Vice President and Chief Financial Officer", "")
    ]
