"""Exhibit lists, exhibit indexes and exhibit references, on short synthetic texts."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest

from filings.extract.exhibits import (
    ExhibitCandidate,
    exhibit_index,
    exhibit_number,
    exhibit_references,
    exhibits_from_documents,
    merge_exhibits,
    number_key,
)

D = dt.date


@dataclass
class Doc:
    type: str | None
    sequence: str | None
    description: str | None = None


def rows(text: str) -> dict[str, ExhibitCandidate]:
    found = exhibit_index(text, sequence="1")
    for row in found:
        assert text[row.start : row.end] == row.evidence
        assert row.source == "exhibit-index" and row.index_sequence == "1"
    return {row.number: row for row in found}


# --- document list ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("doc_type", "number"),
    [
        ("EX-99.1", "99.1"),
        ("EX-10.2", "10.2"),
        ("EX-3(i)", "3(i)"),
        ("EX-3(I)", "3(i)"),
        ("EX-101.INS", "101.INS"),
        ("EX-99", "99"),
        ("EX-FILING FEES", "107"),
        ("ex-31.1", "31.1"),
        ("8-K", None),
        ("GRAPHIC", None),
        ("XML", None),
        (None, None),
    ],
)
def test_exhibit_number_from_type(doc_type, number):
    assert exhibit_number(doc_type) == number


def test_documents_typed_ex_become_filed_here_candidates():
    docs = [
        Doc("8-K", "1", "FORM 8-K"),
        Doc("EX-99.1", "2", "PRESS RELEASE"),
        Doc("GRAPHIC", "3", "GRAPHIC"),
        Doc("EX-10.1", "4", "EX-10.1"),
    ]
    found = exhibits_from_documents(docs)
    assert [(c.number, c.description, c.document_sequence) for c in found] == [
        ("99.1", "PRESS RELEASE", "2"),
        ("10.1", None, "4"),  # a description that only repeats the type says nothing
    ]
    assert all(c.filed_here and not c.incorporated_by_reference for c in found)
    assert all(c.source == "document-list" and c.start is None for c in found)


def test_number_order():
    numbers = ["101.INS", "10.10", "99.1", "3.2", "10.1", "3.1", "104", "10.2"]
    assert sorted(numbers, key=number_key) == [
        "3.1",
        "3.2",
        "10.1",
        "10.2",
        "10.10",
        "99.1",
        "101.INS",
        "104",
    ]


# --- 8-K Item 9.01 lists ----------------------------------------------------------------------


def test_item_901_list_one_cell_per_line():
    text = (
        "Item 9.01 Financial Statements and Exhibits.\n\n(d) Exhibits\n\nExhibit No.\n\n"
        "Description\n\n99.1\n\nPress Release dated December 22, 2004\n\n"
        "104\n\nCover Page Interactive Data File (embedded within the Inline XBRL document)\n\n"
        "SIGNATURES\n\nPursuant to the requirements of the Securities Exchange Act of 1934"
    )
    found = rows(text)
    assert list(found) == ["99.1", "104"]
    assert found["99.1"].description == "Press Release dated December 22, 2004"
    assert found["99.1"].filed_here is None
    assert not found["99.1"].incorporated_by_reference
    assert found["99.1"].evidence == "99.1\n\nPress Release dated December 22, 2004"


def test_item_901_list_tab_separated():
    text = (
        "Item 9.01 Exhibits\n(d) Exhibits\nExhibit No.\tDescription\n99.1\tPress Release\n"
        "104\tCover Page Interactive Data File, formatted in Inline XBRL\n2\nSIGNATURE\n"
    )
    found = rows(text)
    assert list(found) == ["99.1", "104"]  # the page number "2" is not an exhibit
    assert found["104"].description == "Cover Page Interactive Data File, formatted in Inline XBRL"


def test_exhibit_word_before_number_and_method_of_filing_column():
    text = (
        "Item 9.01. Financial Statements and Exhibits.\nEXHIBITS*\nDesignation\nDescription\n"
        "Method of Filing\nExhibit 99\nNews release dated October 3, 2017\n"
        "Furnished with this Report\nSIGNATURE\n"
    )
    found = rows(text)
    assert list(found) == ["99"]
    assert found["99"].description == "News release dated October 3, 2017"
    assert found["99"].filed_here is True


def test_old_fixed_width_list_with_page_column():
    text = (
        "                      INDEX TO EXHIBITS\n\n"
        "Exhibit            Document                                               Page\n"
        "99.1               Text of Press Release dated September 3, 1999          5\n"
    )
    found = rows(text)
    assert list(found) == ["99.1"]
    assert found["99.1"].description == "Text of Press Release dated September 3, 1999"


def test_old_list_with_number_followed_by_a_dot():
    text = (
        "Item 7.     FINANCIAL STATEMENTS, PRO FORMA FINANCIAL INFORMATION AND EXHIBITS.\n\n"
        "            (c)         Exhibits\n\n"
        "            99.1.       Text of press release dated January 19, 2000.\n\n"
        "                                       2\n<PAGE>\n                SIGNATURE\n"
    )
    found = rows(text)
    assert list(found) == ["99.1"]
    assert found["99.1"].description == "Text of press release dated January 19, 2000."


def test_wrapped_description_in_fixed_width_text():
    text = (
        "EXHIBIT INDEX\n\n"
        "  10.1      Employment Agreement between the Company and John Smith dated\n"
        "            January 5, 2001, including the schedules thereto, and\n"
        "            10 exhibits attached to it.\n"
        "  10.2      Stock Option Plan.\n"
    )
    found = rows(text)
    assert list(found) == ["10.1", "10.2"]
    assert found["10.1"].description.endswith("and 10 exhibits attached to it.")


def test_sentence_naming_the_index_does_not_open_a_list():
    text = "Exhibit Index on Page 4\n\n1\n<PAGE>\nINFORMATION INCLUDED IN THIS REPORT\nItem 5.\n"
    assert exhibit_index(text, sequence="1") == []


def test_no_index_in_prose():
    text = (
        "Item 8.01 Other Events.\n\nOn March 1, 2024 the Company announced 3 new products.\n"
        "10 customers signed up.\n"
    )
    assert exhibit_index(text, sequence="1") == []


def test_prefixed_list_skips_page_numbers_inside():
    text = (
        "(a)(3) Exhibits: The following are filed as part of this Annual Report\n\n"
        "Exhibit 31.1\n\nCertification of the Chief Executive Officer,\n\n"
        "pursuant to section 302 of the Sarbanes-Oxley act of 2002.\n\n34\n\n"
        "Exhibit 31.2 Certification of the Chief Financial Officer.\n\n"
        "Exhibit 32\n\nCertification pursuant to section 906\n\nSIGNATURES\n"
    )
    found = rows(text)
    assert list(found) == ["31.1", "31.2", "32"]
    assert found["31.1"].description == (
        "Certification of the Chief Executive Officer, pursuant to section 302 of the "
        "Sarbanes-Oxley act of 2002."
    )
    # "The following are filed as part of this Annual Report"
    assert all(r.filed_here is True for r in found.values())


def test_same_number_in_item_901_and_exhibit_index_is_one_row():
    text = (
        "Item 9.01 Financial Statements and Exhibits.\n(c)\nExhibits\n99.1\n"
        "Press Release Dated December 22, 2004\nSignatures\nDate: December 22, 2004\n"
        "EXHIBIT INDEX\n99.1\nPress Release dated December 22, 2004\n"
    )
    found = exhibit_index(text, sequence="1")
    assert [r.number for r in found] == ["99.1"]
    assert found[0].start == text.index("99.1")


# --- 10-K / S-3 exhibit indexes -----------------------------------------------------------------


def test_incorporated_by_reference_sentence_in_description():
    text = (
        "EXHIBIT INDEX\nExhibit No.\tDescription\n"
        "3.1\tRestated Certificate of Incorporation. Incorporated herein by reference to "
        "Exhibit 3.1 to the Company's Current Report on Form 8-K filed on March 5, 2020 "
        "(File No. 001-12345).\n"
        "10.1*\tEmployment Agreement dated June 1, 2021 with Jane Roe (incorporated by "
        "reference to Exhibit 10.2 to the Company's Annual Report on Form 10-K for the year "
        "ended December 31, 2020).\n"
        "23.1\tConsent of Ernst & Young LLP, filed herewith.\n"
        "* Management contract or compensatory plan or arrangement.\n"
    )
    found = rows(text)
    r = found["3.1"]
    assert r.incorporated_by_reference and r.filed_here is False
    assert (r.source_form, r.source_date, r.source_exhibit, r.source_file_number) == (
        "8-K",
        D(2020, 3, 5),
        "3.1",
        "001-12345",
    )
    assert r.description == "Restated Certificate of Incorporation."
    r = found["10.1"]
    assert r.incorporated_by_reference
    assert (r.source_form, r.source_exhibit) == ("10-K", "10.2")
    assert r.source_date is None  # a period end is not a filing date
    assert r.notes == ("Management contract or compensatory plan or arrangement.",)
    assert r.description == "Employment Agreement dated June 1, 2021 with Jane Roe"
    r = found["23.1"]
    assert r.filed_here is True and not r.incorporated_by_reference
    assert r.description == "Consent of Ernst & Young LLP"


def test_parenthesised_filed_as_exhibit_clause():
    text = (
        "Item 16. Exhibits\nExhibit\nNumber\nExhibit Title\n"
        "4.2\tRegistration Rights Agreement, dated June 10, 2014, by and among the Company and "
        "the investors (filed as Exhibit 4.2 to the Registration Statement on Form S-1, filed "
        "with the SEC on December 19, 2014 and incorporated herein by reference (File No. "
        "333-201156)).\n"
        "5.1\tOpinion of Counsel LLP.\n"
        "23.2\tConsent of Counsel LLP (included in Exhibit 5.1).\n"
        "107\tFiling Fee Table.\n"
        "Item 17. Undertakings\n"
    )
    found = rows(text)
    assert list(found) == ["4.2", "5.1", "23.2", "107"]
    r = found["4.2"]
    assert (r.source_form, r.source_date, r.source_exhibit, r.source_file_number) == (
        "S-1",
        D(2014, 12, 19),
        "4.2",
        "333-201156",
    )
    assert r.description == (
        "Registration Rights Agreement, dated June 10, 2014, by and among the Company and the "
        "investors"
    )
    assert found["5.1"].filed_here is None
    assert found["23.2"].filed_here is None and not found["23.2"].incorporated_by_reference


def test_form_exhibit_and_date_columns_tab_separated():
    text = (
        "Item 16. Exhibits\nExhibit\tIncorporation By Reference\n"
        "No.\tDescription\tForm\tExhibit\tFiling Date\n"
        "1.1\tForm of Underwriting Agreement.**\n"
        "3.1\tArticles of Incorporation of Dragonfly Energy Holdings Corp.\t8-K\t3.1\t03/31/2023\n"
        "4.5\tForm of Senior Debt Indenture.*\n"
        "25.1\tStatement of Eligibility on Form T-1 of the Trustee.***\n"
        "*\tFiled herewith.\n"
        "**\tTo be filed, if applicable, by amendment or by a report filed under the Exchange "
        "Act and incorporated herein by reference.\n"
        "***\tTo be filed pursuant to Section 305(b)(2) of the Trust Indenture Act of 1939.\n"
        "II-2\nItem 17. Undertakings\n"
    )
    found = rows(text)
    assert list(found) == ["1.1", "3.1", "4.5", "25.1"]
    r = found["3.1"]
    assert r.incorporated_by_reference and r.filed_here is False
    assert (r.source_form, r.source_exhibit, r.source_date) == ("8-K", "3.1", D(2023, 3, 31))
    assert r.description == "Articles of Incorporation of Dragonfly Energy Holdings Corp."
    assert found["4.5"].filed_here is True
    assert found["4.5"].description == "Form of Senior Debt Indenture."
    # "To be filed ... by amendment": neither here nor incorporated yet.
    assert found["1.1"].filed_here is False and not found["1.1"].incorporated_by_reference
    assert found["25.1"].filed_here is False


def test_form_exhibit_and_date_columns_one_cell_per_line():
    text = (
        "Item 16. Exhibits\nExhibit\nIncorporation By Reference\nNo.\nDescription\nForm\n"
        "Exhibit\nFiling Date\n1.1\nForm of Underwriting Agreement.**\n3.1\n"
        "Articles of Incorporation.\n8-K\n3.1\n03/31/2023\n3.2\nBylaws.\n8-K\n3.2\n03/31/2023\n"
        "4.1\nSpecimen Common Stock Certificate.\n8-K\n4.1\n10/11/2022\n"
        "4.2\nSpecimen Preferred Stock Certificate.**\n"
        "*\nFiled herewith.\n**\nTo be filed by amendment.\nItem 17. Undertakings\n"
    )
    found = rows(text)
    assert list(found) == ["1.1", "3.1", "3.2", "4.1", "4.2"]
    assert [(r.source_exhibit, r.source_date) for r in found.values()] == [
        (None, None),
        ("3.1", D(2023, 3, 31)),
        ("3.2", D(2023, 3, 31)),
        ("4.1", D(2022, 10, 11)),
        (None, None),
    ]
    assert found["4.2"].filed_here is False


def test_filed_herewith_column_and_file_number_column():
    text = (
        "EXHIBIT INDEX\n"
        "Exhibit Number\tExhibit Description\tForm\tFile No.\tExhibit\tFiling Date\tFiled Herewith\n"
        "2.1\tAgreement and Plan of Merger\t8-K\t001-38017\t2.1\t8/3/2021\t\n"
        "10.3†\tOmnibus Incentive Plan\t\t\t\t\tX\n"
        "31.1\tCertification of Principal Executive Officer\t\t\t\t\tX\n"
        "† Indicates a management contract or compensatory plan.\n"
    )
    found = rows(text)
    assert list(found) == ["2.1", "10.3", "31.1"]
    r = found["2.1"]
    assert (r.source_form, r.source_file_number, r.source_exhibit, r.source_date) == (
        "8-K",
        "001-38017",
        "2.1",
        D(2021, 8, 3),
    )
    assert found["10.3"].filed_here is True
    assert found["10.3"].notes == ("Indicates a management contract or compensatory plan.",)
    assert found["31.1"].filed_here is True


def test_legend_gives_the_incorporating_filing():
    text = (
        "EXHIBIT INDEX\nExhibit Number\nDescription of Exhibit\n"
        "3.1\nCertificate of Formation of Acme Funding LLC.*\n"
        "4.1\nIndenture dated as of July 1, 2019.**\n"
        "31.1\nRule 13a-14(d)/15d-14(d) Certification.\n"
        "________________________________\n"
        "*\nIncorporated by reference from the registration statement on Form S-3 of Acme "
        "Funding LLC originally filed on September 26, 2003 (File No. 333-107925).\n"
        "**\nIncorporated by reference from the current report on Form 8-K filed on July 30, "
        "2019 (File No. 333-107925 and File No. 333-228379-03).\n"
    )
    found = rows(text)
    assert list(found) == ["3.1", "4.1", "31.1"]
    r = found["3.1"]
    assert r.incorporated_by_reference and r.filed_here is False
    assert (r.source_form, r.source_date, r.source_file_number) == (
        "S-3",
        D(2003, 9, 26),
        "333-107925",
    )
    assert r.description == "Certificate of Formation of Acme Funding LLC."
    assert (found["4.1"].source_form, found["4.1"].source_date) == ("8-K", D(2019, 7, 30))
    assert found["31.1"].filed_here is None


def test_roman_and_xbrl_numbers_and_accession():
    text = (
        "INDEX TO EXHIBITS\n"
        "3(i)\tArticles of Incorporation (incorporated by reference to Exhibit 3(i) to Form "
        "10-K filed March 1, 2001, accession no. 0000950123-01-000123)\n"
        "3(ii)\tBylaws, as amended, filed herewith\n"
        "101.INS\tXBRL Instance Document\n"
        "101.SCH\tXBRL Taxonomy Extension Schema Document\n"
    )
    found = rows(text)
    assert list(found) == ["3(i)", "3(ii)", "101.INS", "101.SCH"]
    r = found["3(i)"]
    assert r.source_accession == "0000950123-01-000123"
    assert (r.source_form, r.source_exhibit, r.source_date) == ("10-K", "3(i)", D(2001, 3, 1))
    assert found["3(ii)"].filed_here is True
    assert found["3(ii)"].description == "Bylaws, as amended"


def test_marker_after_number():
    text = "Exhibit Index\n10.1*\tSeverance Plan\n10.2#\tSupply Agreement\n* Filed herewith.\n"
    found = rows(text)
    assert found["10.1"].filed_here is True
    assert found["10.2"].filed_here is None  # a marker without a legend says nothing


def test_index_continues_after_page_break_with_repeated_header():
    text = (
        "Item 16. Exhibits\nExhibit\nNumber\nExhibit Title\n"
        "3.1\tCertificate of Incorporation.\n3.2\tBylaws.\n"
        "II-2\nTable of Contents\nExhibit\nNumber\nExhibit Title\n"
        "4.1\tForm of Common Stock Certificate.\n5.1\tOpinion of Counsel.\n"
        "Item 17. Undertakings\n(a) The undersigned registrant hereby undertakes:\n"
    )
    assert list(rows(text)) == ["3.1", "3.2", "4.1", "5.1"]


def test_prose_after_the_table_ends_it():
    text = (
        "(d) Exhibits\n99.1\tPress release dated May 1, 2024.\n"
        + "The information in this report is furnished and shall not be deemed filed for "
        "purposes of Section 18 of the Exchange Act, nor shall it be deemed incorporated by "
        "reference in any filing under the Securities Act, except as shall be expressly set "
        "forth by specific reference in such a filing, and so on at some length.\n"
    )
    found = rows(text)
    assert list(found) == ["99.1"]
    assert found["99.1"].description == "Press release dated May 1, 2024."


# --- merging ------------------------------------------------------------------------------------


def _index(number, description=None, **kw):
    base = dict(
        number=number,
        description=description,
        filed_here=None,
        incorporated_by_reference=False,
        source_form=None,
        source_date=None,
        source_exhibit=None,
        source_file_number=None,
        source_accession=None,
        document_sequence=None,
        start=0,
        end=1,
        source="exhibit-index",
        index_sequence="1",
    )
    base.update(kw)
    return ExhibitCandidate(**base)


def test_merge_prefers_document_facts_and_index_description():
    docs = exhibits_from_documents(
        [Doc("EX-99.1", "2", "PRESS RELEASE"), Doc("EX-101.INS", "3", "XBRL INSTANCE")]
    )
    index = [
        _index("99.1", "Press release dated May 1, 2024", start=10, end=40),
        _index(
            "3.1",
            "Certificate of Incorporation",
            incorporated_by_reference=True,
            filed_here=False,
            source_form="8-K",
        ),
        _index("10.10", "Credit Agreement"),
        _index("10.2", "Lease"),
    ]
    merged = merge_exhibits(docs, index)
    assert [m.number for m in merged] == ["3.1", "10.2", "10.10", "99.1", "101.INS"]
    m = {m.number: m for m in merged}
    assert m["99.1"].description == "Press release dated May 1, 2024"
    assert m["99.1"].document_sequence == "2" and m["99.1"].filed_here is True
    assert (m["99.1"].start, m["99.1"].end, m["99.1"].index_sequence) == (10, 40, "1")
    assert m["99.1"].source == "document-list"
    assert m["3.1"].source == "exhibit-index" and m["3.1"].source_form == "8-K"
    assert m["101.INS"].description == "XBRL INSTANCE" and m["101.INS"].start is None


def test_merge_pairs_unnumbered_document_types_with_sub_numbers():
    docs = exhibits_from_documents(
        [Doc("EX-31", "2", "302 CERT CEO"), Doc("EX-31", "3", "302 CERT CFO"), Doc("EX-32", "4")]
    )
    index = [_index("31.1", "CEO certification"), _index("31.2", "CFO certification")]
    index.append(_index("32", "906 certification"))
    merged = merge_exhibits(docs, index)
    assert [(m.number, m.document_sequence, m.description) for m in merged] == [
        ("31.1", "2", "CEO certification"),
        ("31.2", "3", "CFO certification"),
        ("32", "4", "906 certification"),
    ]


def test_merge_matches_numbers_written_with_a_leading_zero():
    docs = exhibits_from_documents([Doc("EX-99.01", "2")])
    merged = merge_exhibits(docs, [_index("99.1", "Press release")])
    assert len(merged) == 1 and merged[0].document_sequence == "2"


# --- references -------------------------------------------------------------------------------


def refs(text: str):
    found = exhibit_references(text, sequence="1")
    for r in found:
        assert text[r.start : r.end] == r.evidence
        assert r.sentence_start <= r.start < r.end <= r.sentence_end
    return [(r.number, r.evidence) for r in found]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "A copy of the Company’s press release is attached hereto as Exhibit 99.1 and is "
            "incorporated herein by reference.",
            [("99.1", "attached hereto as Exhibit 99.1")],
        ),
        (
            "The agreement is filed as Exhibit 10.1 to this Current Report on Form 8-K.",
            [("10.1", "filed as Exhibit 10.1 to this Current Report on Form 8-K")],
        ),
        (
            "The release is furnished as Exhibit 99.1 hereto.",
            [("99.1", "furnished as Exhibit 99.1 hereto")],
        ),
        (
            "The Plan, a copy of which is attached as Exhibit 99.1 and incorporated herein by "
            "reference, was adopted.",
            [("99.1", "attached as Exhibit 99.1")],
        ),
        (
            "The 2027 Plan, which is filed with this report as Exhibit 10.1, is incorporated "
            "herein by reference.",
            [("10.1", "filed with this report as Exhibit 10.1")],
        ),
        (
            "The information in this Item 7.01, including Exhibit 99.1, is being furnished.",
            [("99.1", "Exhibit 99.1")],
        ),
        (
            "Copies are attached hereto as Exhibits 99.1 and 99.2.",
            [
                ("99.1", "attached hereto as Exhibits 99.1"),
                ("99.2", "attached hereto as Exhibits 99.1 and 99.2"),
            ],
        ),
        (
            "The agreements are attached hereto as Exhibits 4.1 through 4.3.",
            [
                ("4.1", "attached hereto as Exhibits 4.1"),
                ("4.2", "attached hereto as Exhibits 4.1 through 4.3"),
                ("4.3", "attached hereto as Exhibits 4.1 through 4.3"),
            ],
        ),
        # Exhibits of other filings are not this filing's.
        (
            "The Indenture is filed as Exhibit 4.1 to the Registration Statement.",
            [],
        ),
        (
            "The Plan was previously filed as Exhibit 10.1 to the Company's Current Report on "
            "Form 8-K filed on March 5, 2020.",
            [],
        ),
        ("See Exhibit 3.1 to our Annual Report on Form 10-K.", []),
    ],
)
def test_references(sentence, expected):
    assert refs("Item 8.01 Other Events.\n" + sentence) == expected


def test_reference_sentence_span():
    text = "Item 1.01.\nThe Company signed it. A copy is attached hereto as Exhibit 10.1. Done."
    (r,) = exhibit_references(text, sequence="7")
    assert text[r.sentence_start : r.sentence_end] == "A copy is attached hereto as Exhibit 10.1."
    assert r.document_sequence == "7"


def test_headings_and_index_rows_are_not_references():
    text = "Exhibit 99.1\n\nAcme Announces Results\n\nExhibit 31.1 Certification of CEO\n"
    assert refs(text) == []


def test_exhibit_word_and_number_on_separate_paragraphs_is_no_reference():
    assert refs("Description of Exhibit\n\n3.1\n\nCertificate of Formation.") == []


# --- older and odder layouts ----------------------------------------------------------------------


def test_fixed_width_columns_with_method_of_filing_wrapped_beside_the_description():
    text = (
        "(a) 3.  Exhibits\n"
        "Designation         Description                         Method of Filing\n"
        "- -----------         -----------                         ----------------\n"
        "Exhibit 3-A        Certificate of Incorporation,        Filed as Exhibit 3-A to the\n"
        "                   as amended on November 19,           Registrant's Annual Report on\n"
        "                   1991.                                Form 10-K for the year ended\n"
        "                                                        December 31, 1992.*\n"
        "\n"
        "                              -48-\n"
        "Item 14.  Exhibits, Financial Statement Schedules, and Reports on Form 8-K\n"
        "(Continued)\n"
        "Designation        Description                           Method of Filing\n"
        "Exhibit 3-B        By-Laws of the Registrant as          Filed with this Report.\n"
        "                   amended through December 9,\n"
        "                   1993.\n"
        "Exhibit 10-B-1     Amendment dated as of                  Filed as Exhibit 10-C-1\n"
        "                   March 8, 1990 to 1985 Stock            to the Registrant's\n"
        "                   Option Plan.**                         Annual Report on Form\n"
        "                                                          10-K for the year ended\n"
        "                                                          December 31, 1989.*\n"
    )
    found = rows(text)
    assert list(found) == ["3-A", "3-B", "10-B-1"]
    r = found["3-A"]
    assert r.description == "Certificate of Incorporation, as amended on November 19, 1991."
    assert (r.incorporated_by_reference, r.source_form, r.source_exhibit) == (True, "10-K", "3-A")
    assert found["3-B"].filed_here is True
    assert (
        found["3-B"].description == "By-Laws of the Registrant as amended through December 9, 1993."
    )
    assert found["10-B-1"].source_exhibit == "10-C-1"
    assert exhibit_references(text, sequence="1") == []


def test_notes_column_keyed_to_a_table_of_notes():
    text = (
        "(c) EXHIBITS\n\nEXHIBIT\n"
        "NUMBER                    NOTES*        DESCRIPTION\n"
        "- ------------------  ------------------  ---------------------------------------\n"
        "3.1                 88-S3               Restated Articles of Incorporation, filed with\n"
        "                                          the Secretary of State of California.\n"
        "10.A.1              93/3Q**             1981 Stock Option Plan, as amended.\n"
        "10.A.3-1            92K**               Amendment of Savings Plan.\n"
        "23.1                                    Consent of KPMG Peat Marwick LLP.\n"
        "- ------------------------\n"
        " *Notes appear on pages 65-66.\n"
        "**Represents a management contract or compensatory plan or arrangement.\n"
        "                                       62\n"
        "NOTES\n- ---------------\n"
        "88-S3                             Incorporated by reference to Exhibit 4.1 to the Company's\n"
        "                                    Registration Statement on Form S-3 (file no. 33-23317)\n"
        "                                    filed July 27, 1988.\n"
        "92K                               Incorporated by reference to the exhibit of that number in\n"
        "                                    the Company's Annual Report on Form 10-K for the fiscal\n"
        "                                    year ended September 25, 1992.\n"
        "93/3Q                             Incorporated by reference to Exhibit 10.A.1 to the\n"
        "                                    Company's Quarterly Report on Form 10-Q for the quarter\n"
        "                                    ended June 25, 1993.\n"
    )
    found = rows(text)
    assert list(found) == ["3.1", "10.A.1", "10.A.3-1", "23.1"]
    r = found["3.1"]
    assert r.description == (
        "Restated Articles of Incorporation, filed with the Secretary of State of California."
    )
    assert (r.source_form, r.source_exhibit, r.source_file_number, r.source_date) == (
        "S-3",
        "4.1",
        "33-23317",
        D(1988, 7, 27),
    )
    assert (found["10.A.1"].source_form, found["10.A.1"].source_exhibit) == ("10-Q", "10.A.1")
    assert found["10.A.3-1"].source_form == "10-K"
    assert found["10.A.3-1"].source_date is None  # a fiscal year end is not a filing date
    assert not found["23.1"].incorporated_by_reference


def test_filing_fees_row_and_signature_page_hereto():
    text = (
        "Item 16. Exhibits\nExhibit\nNumber\tDescription\n"
        "24.1\tPowers of Attorney (incorporated by reference to the signature page hereto).\n"
        "EX-FILING FEES\tFiling Fees.\n"
        "Item 17. Undertakings\n"
    )
    found = rows(text)
    assert list(found) == ["24.1", "107"]
    assert found["24.1"].filed_here is True and not found["24.1"].incorporated_by_reference
    assert found["24.1"].description == "Powers of Attorney"
    assert found["107"].description == "Filing Fees."


def test_cells_padded_with_zero_width_spaces_and_an_8_k12b_source():
    text = (
        "Exhibits\nExhibit\nNumber\tDescription\n"
        "\u200b\t4.4(a)\t\u200b\t\u200b\tSupplemental Indenture No. 23 (filed with the SEC as "
        "Exhibit 4.1 to the Company’s Form 8-K12B filed April 1, 2022 (File No. 001-08923), and "
        "incorporated herein by reference thereto).\t\u200b\n"
        "\u200b\t5.1\t\u200b\t\u200b\tOpinion of Counsel LLP.\t\u200b\n"
    )
    found = rows(text)
    assert list(found) == ["4.4(a)", "5.1"]
    r = found["4.4(a)"]
    assert (r.source_form, r.source_date, r.source_exhibit, r.source_file_number) == (
        "8-K12B",
        D(2022, 4, 1),
        "4.1",
        "001-08923",
    )
    assert found["5.1"].description == "Opinion of Counsel LLP."


def test_numbered_paragraphs_do_not_open_a_table():
    text = (
        "ITEM 14. EXHIBITS, FINANCIAL STATEMENT SCHEDULES, AND REPORTS ON FORM 8-K\n\n"
        "(a) Documents filed as part of this report\n\n"
        "    1. FINANCIAL STATEMENTS\n\n    The financial statements are listed in Item 8.\n\n"
        "    3. EXHIBITS\n\n    The exhibits listed under Item 14(c) are filed herewith.\n"
    )
    assert exhibit_index(text, sequence="1") == []


# --- where an entry ends ----------------------------------------------------------------------


def test_entry_ends_at_a_lettered_heading_a_capitals_heading_or_a_blank_line():
    # 1990s 10-Q, tab-separated: "(b) Reports on Form 8-K" follows the last exhibit.
    text = (
        "Item 6. Exhibits and Reports on Form 8-K\n\n(a)\tExhibits\n\n"
        "Exhibit\nNumber\t\tDescription\n\n"
        "10.A.45\t\t\tRetention Agreement dated May 1, 1997, between\n"
        "\t\t\tApple Computer, Inc. and Fred D. Anderson\n\n"
        "27\t\t\tFinancial Data Schedule.\n\n\n"
        "(b)\tReports on Form 8-K\n\nCurrent reports on Form 8-K, dated April 10, 1997\n"
    )
    found = rows(text)
    assert list(found) == ["10.A.45", "27"]
    assert found["10.A.45"].description == (
        "Retention Agreement dated May 1, 1997, between Apple Computer, Inc. and Fred D. Anderson"
    )
    assert found["27"].description == "Financial Data Schedule."
    # Fixed width, a heading in capitals right under the last row.
    text = (
        "EXHIBIT INDEX\n"
        "  3.2       By-Laws of the Company, as amended\n"
        "            through March 24, 1999.\n"
        "  27        Financial Data Schedule\n"
        "  REPORTS ON FORM 8-K\n"
        "  None.\n"
    )
    found = rows(text)
    assert found["3.2"].description == "By-Laws of the Company, as amended through March 24, 1999."
    assert found["27"].description == "Financial Data Schedule"
    # A blank line after a finished description, then prose.
    text = (
        "(c) Exhibits\n"
        "27     Financial Data Schedule.\n\n"
        "No reports on Form 8-K were filed during the quarter.\n"
    )
    assert rows(text)["27"].description == "Financial Data Schedule."


def test_entry_goes_on_over_a_blank_line_mid_phrase_and_in_capitals():
    # Rendered HTML puts a blank line between the paragraphs of one description.
    text = (
        "Exhibits: The following are filed as part of this Annual Report\n\n"
        "Exhibit 31.1\n\nCertification of the Chief Executive Officer,\n\n"
        "pursuant to section 302 of the Sarbanes-Oxley Act of 2002.\n\n"
        "Exhibit 32\n\nCertification pursuant to section 906 of the\n\n"
        "Sarbanes-Oxley Act of 2002\n\nSIGNATURES\n"
    )
    found = rows(text)
    assert found["31.1"].description == (
        "Certification of the Chief Executive Officer, pursuant to section 302 of the "
        "Sarbanes-Oxley Act of 2002."
    )
    assert found["32"].description == (
        "Certification pursuant to section 906 of the Sarbanes-Oxley Act of 2002"
    )
    text = "EXHIBIT INDEX\n10.1\tAMENDED AND RESTATED\nCREDIT AGREEMENT\n10.2\tLEASE\n"
    assert rows(text)["10.1"].description == "AMENDED AND RESTATED CREDIT AGREEMENT"


@pytest.mark.corpus
def test_plain_text_exhibit_descriptions_stop_at_the_end_of_their_entry():
    """Every exhibit list of every plain-text filing in the corpus, read the way ingest
    reads it: no description runs on into the next section."""
    from filings import ingest
    from tests.corpus import corpus_available, main_rows

    if not corpus_available():
        pytest.skip("EDGAR corpus not available")
    heading = re.compile(r"\((?:[a-h])\)\s+[A-Z]|\bItem\s+\d|\bREPORTS\s+ON\s+FORM\b", re.I)
    described = 0
    for row in main_rows():
        if not row.has("plain-text"):
            continue
        for exhibit in ingest.prepare(row.read(), row.name).exhibits:
            description = exhibit.description or ""
            described += bool(description)
            assert not heading.search(description), (row.name, exhibit.number, description)
            # The longest real ones (a Ford deposit agreement) run to about 300 characters.
            assert len(description) <= 400, (row.name, exhibit.number, description)
    assert described > 150
