import datetime as dt

from filings.extract.signatures import extract_signatures

PREAMBLE = (
    "SIGNATURES\n\nPursuant to the requirements of the Securities Exchange Act of 1934, the "
    "registrant has duly caused this report to be signed on its behalf by the undersigned "
    "hereunto duly authorized.\n\n"
)


def signers(text, form="8-K"):
    found = extract_signatures(text, form=form, sequence="1")
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
    assert anderson.role == "EXECUTIVE VICE PRESIDENT AND CHIEF FINANCIAL OFFICER"
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
        "John M. Rintamaki",
    ]
    murray, trotman, _, junior, attorney = found
    assert murray.role == "Vice President--Controller (principal accounting officer)"
    assert murray.effective_date == dt.date(1994, 3, 21)
    assert trotman.role == ("Director and Chairman of the Board (principal executive officer)")
    assert junior.role == "Director"
    assert attorney.role == "Attorney-in-Fact"


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
