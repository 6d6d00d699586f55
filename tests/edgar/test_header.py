"""The header, both dialects, on small synthetic submissions (EDGAR.md §1)."""

import datetime as dt

from filings.edgar import Address, FilingValues, FormerName, parse
from filings.edgar.header import parse_header, split_sic


def space_file(header: str, documents: str = "", stamp: str = "20240105") -> bytes:
    """A complete submission around `header` (space dialect, lines as given)."""
    return (
        f"<SEC-DOCUMENT>0000999999-24-000001.txt : {stamp}\n"
        f"<SEC-HEADER>0000999999-24-000001.hdr.sgml : {stamp}\n"
        f"{header}"
        "</SEC-HEADER>\n"
        f"{documents}"
        "</SEC-DOCUMENT>\n"
    ).encode()


DOC = "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>a.htm\n<TEXT>\n<html>x</html>\n</TEXT>\n</DOCUMENT>\n"

TOP = (
    "<ACCEPTANCE-DATETIME>20240105163012\n"
    "<PRIVATE-TO-PUBLIC>\n"
    "ACCESSION NUMBER:\t\t0000999999-24-000001\n"
    "CONFORMED SUBMISSION TYPE:\t8-K\n"
    "PUBLIC DOCUMENT COUNT:\t\t1\n"
    "CONFORMED PERIOD OF REPORT:\t20240102\n"
    "ITEM INFORMATION:\t\tOther Events\n"
    "ITEM INFORMATION:\t\tFinancial Statements and Exhibits\n"
    "FILED AS OF DATE:\t\t20240104\n"
    "DATE AS OF CHANGE:\t\t20240106\n"
    "EFFECTIVENESS DATE:\t\t20240107\n"
    "\n"
)

FILER = (
    "FILER:\n"
    "\n"
    "\tCOMPANY DATA:\t\n"
    "\t\tCOMPANY CONFORMED NAME:\t\t\tEXAMPLE CORP\n"
    "\t\tCENTRAL INDEX KEY:\t\t\t0000999999\n"
    "\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tELECTRONIC COMPUTERS [3571]\n"
    "\t\tORGANIZATION NAME:           \t06 Technology\n"
    "\t\tIRS NUMBER:\t\t\t\t942404110\n"
    "\t\tSTATE OF INCORPORATION:\t\t\tCA\n"
    "\t\tFISCAL YEAR END:\t\t\t0928\n"
    "\n"
    "\tFILING VALUES:\n"
    "\t\tFORM TYPE:\t\t8-K\n"
    "\t\tSEC ACT:\t\t1934 Act\n"
    "\t\tSEC FILE NUMBER:\t001-36743\n"
    "\t\tFILM NUMBER:\t\t24512345\n"
    "\n"
    "\tBUSINESS ADDRESS:\t\n"
    "\t\tSTREET 1:\t\tONE EXAMPLE WAY\n"
    "\t\tSTREET 2:\t\tSUITE 5\n"
    "\t\tCITY:\t\t\tCUPERTINO\n"
    "\t\tSTATE:\t\t\tCA\n"
    "\t\tZIP:\t\t\t95014\n"
    "\t\tBUSINESS PHONE:\t\t(408) 996-1010\n"
    "\n"
    "\tMAIL ADDRESS:\t\n"
    "\t\tSTREET 1:\t\tPO BOX 1\n"
    "\t\tCITY:\t\t\tCUPERTINO\n"
    "\t\tSTATE:\t\t\tCA\n"
    "\t\tZIP:\t\t\t95015\n"
    "\n"
    "\tFORMER COMPANY:\t\n"
    "\t\tFORMER CONFORMED NAME:\tEXAMPLE INC\n"
    "\t\tDATE OF NAME CHANGE:\t20070109\n"
    "\n"
    "\tFORMER COMPANY:\t\n"
    "\t\tFORMER CONFORMED NAME:\tEXAMPLE COMPUTER INC\n"
    "\t\tDATE OF NAME CHANGE:\t19970808\n"
)


def test_top_level_fields_are_typed_and_kept_in_order():
    sub = parse(space_file(TOP + FILER, DOC), name="x.txt")
    assert sub.accession == "0000999999-24-000001"
    assert sub.form == "8-K"
    assert sub.public_document_count == 1
    assert sub.period_of_report == dt.date(2024, 1, 2)
    assert sub.filed_date == dt.date(2024, 1, 4)
    assert sub.date_as_of_change == dt.date(2024, 1, 6)
    assert sub.effectiveness_date == dt.date(2024, 1, 7)
    assert sub.acceptance_datetime == dt.datetime(2024, 1, 5, 16, 30, 12)
    assert sub.dissemination_date == dt.date(2024, 1, 5)
    assert sub.dialect == "space"
    assert sub.envelope == "sec-document"
    assert [k for k, _ in sub.fields] == [
        "ACCEPTANCE-DATETIME",
        "PRIVATE-TO-PUBLIC",
        "ACCESSION NUMBER",
        "CONFORMED SUBMISSION TYPE",
        "PUBLIC DOCUMENT COUNT",
        "CONFORMED PERIOD OF REPORT",
        "ITEM INFORMATION",
        "ITEM INFORMATION",
        "FILED AS OF DATE",
        "DATE AS OF CHANGE",
        "EFFECTIVENESS DATE",
    ]
    assert sub.field_values("PRIVATE-TO-PUBLIC") == [""]
    assert sub.items == ("Other Events", "Financial Statements and Exhibits")
    assert not sub.unknown_lines
    assert not sub.findings


def test_every_field_of_a_filer_section():
    (party,) = parse(space_file(TOP + FILER, DOC)).parties
    assert party.role == "filer"
    assert party.cik == "0000999999"
    assert party.name == "EXAMPLE CORP"
    assert (party.sic, party.sic_description) == ("3571", "ELECTRONIC COMPUTERS")
    assert party.organization_name == "06 Technology"
    assert party.irs_number == "942404110"
    assert party.state_of_incorporation == "CA"
    assert party.fiscal_year_end == "0928"
    assert party.filing_values == (FilingValues("8-K", "1934 Act", "001-36743", "24512345"),)
    assert party.business_address == Address(
        "ONE EXAMPLE WAY", "SUITE 5", "CUPERTINO", "CA", "95014", "(408) 996-1010"
    )
    assert party.mail_address == Address("PO BOX 1", None, "CUPERTINO", "CA", "95015", None)
    assert party.former_names == (
        FormerName("EXAMPLE INC", dt.date(2007, 1, 9)),
        FormerName("EXAMPLE COMPUTER INC", dt.date(1997, 8, 8)),
    )
    assert party.extra == ()


def test_ein_is_the_irs_number():
    header = FILER.replace("IRS NUMBER:\t\t\t\t942404110", "EIN:\t\t\t\t273146015")
    (party,) = parse(space_file(TOP + header, DOC)).parties
    assert party.irs_number == "273146015"


def test_empty_values_are_none_and_blank_lines_and_trailing_tabs_are_accepted():
    header = (
        "ACCESSION NUMBER:\t\t0000999999-24-000001\n"
        "CONFIRMING COPY:\n"
        "\n"
        "FILED BY:\t\t\n"
        "\n"
        "\n"
        "\tCOMPANY DATA:\t\t\n"
        "\t\tCOMPANY CONFORMED NAME:\t\t\tHOLDER LLC\n"
        "\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\t[]\n"
        "\t\tORGANIZATION NAME:           \t\n"
        "\n"
        "\tFILING VALUES:\t\n"
        "\t\tFORM TYPE:\t\tSC 13G\n"
        "\t\tSEC ACT:\n"
    )
    sub = parse(space_file(header))
    (party,) = sub.parties
    assert party.role == "filed-by"
    assert party.name == "HOLDER LLC"
    assert (party.sic, party.sic_description) == (None, None)
    assert party.organization_name is None
    assert party.filing_values == (FilingValues("SC 13G", None, None, None),)
    assert sub.field_values("CONFIRMING COPY") == [""]
    assert not sub.unknown_lines


def test_doubled_blank_lines_inside_sections():
    doubled = (TOP + FILER).replace("\n", "\n\n")
    sub = parse(space_file(doubled, DOC))
    assert sub.parties == parse(space_file(TOP + FILER, DOC)).parties
    assert not sub.unknown_lines


def test_sic_forms():
    assert split_sic("ELECTRONIC COMPUTERS [3571]") == ("ELECTRONIC COMPUTERS", "3571")
    assert split_sic("[3571]") == (None, "3571")
    assert split_sic(" [3571") == (None, "3571")
    assert split_sic("3571") == (None, "3571")
    assert split_sic("[]") == (None, None)
    assert split_sic("") == (None, None)
    assert split_sic("SERVICES-PREPACKAGED SOFTWARE") == ("SERVICES-PREPACKAGED SOFTWARE", None)


MID_2000 = (
    "ACCESSION NUMBER:\t\t0000912057-00-033901\n"
    "CONFORMED SUBMISSION TYPE:\t10-Q\n"
    "\n"
    "FILER:\n"
    "\n"
    "\tCOMPANY DATA:\t\n"
    "\t\tCOMPANY CONFORMED NAME:\t\t\tAPPLE COMPUTER INC\n"
    "\t\tCENTRAL INDEX KEY:\t\t\t0000320193\n"
    "\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\t [3571\n"
    "]\t\tIRS NUMBER:\t\t\t\t942404110\n"
    "\t\tSTATE OF INCORPORATION:\t\t\tCA\n"
    "</COMPANY-DATA>\n"
    "\n"
    "\t\tFILING VALUES:\n"
    "\t\t\tFORM TYPE:\t\t10-Q\n"
    "\t\t\tSEC ACT:\t\t\n"
    "\t\t\tSEC FILE NUMBER:\t000-10030\n"
    "</FILING-VALUES>\n"
    "\n"
    "\t\t\tBUSINESS ADDRESS:\t\n"
    "\t\t\t\tSTREET 1:\t\t1 INFINITE LOOP\n"
    "\t\t\t\tCITY:\t\t\tCUPERTINO\n"
    "</BUSINESS-ADDRESS>\n"
    "\n"
    "\t\t\t\tMAIL ADDRESS:\t\n"
    "\t\t\t\t\tSTREET 1:\t\tONE INFINITE LOOP\n"
    "\t\t\t\t\tZIP:\t\t\t95014\n"
    "</MAIL-ADDRESS>\n"
    "</FILER>\n"
)


def test_mid_2000_mixed_header_with_close_tags_split_sic_and_deeper_indents():
    sub = parse(space_file(MID_2000))
    assert not sub.unknown_lines
    (party,) = sub.parties
    assert (party.sic, party.sic_description) == ("3571", None)
    assert party.irs_number == "942404110"  # the field that follows the "]"
    assert party.state_of_incorporation == "CA"
    assert party.filing_values == (FilingValues("10-Q", None, "000-10030", None),)
    assert party.business_address == Address("1 INFINITE LOOP", None, "CUPERTINO")
    assert party.mail_address == Address("ONE INFINITE LOOP", zip="95014")


SERIAL = (
    "ACCESSION NUMBER:\t\t0000928385-00-003420\n"
    "\n"
    "FILER:\n"
    "\n"
    "\tCOMPANY DATA:\n"
    "\t\tCOMPANY CONFORMED NAME:\t\t\tBANK OF AMERICA MORTGAGE SECURITIES INC\n"
    "\t\tCENTRAL INDEX KEY:\t\t\t0001014956\n"
    "\n"
    "\tFORMER COMPANY:\n"
    "\t\tFORMER CONFORMED NAME:\tBA MORTGAGE SECURITIES INC/\n"
    "\t\tDATE OF NAME CHANGE:\t19980605\n"
    "SERIAL COMPANY:\n"
    "\n"
    "COMPANY DATA:\n"
    "\tCOMPANY CONFORMED NAME:\t\t\tBOA MORT PASS THRU CERTS SER 2000 8\n"
    "\tCENTRAL INDEX KEY:\t\t\t0001130269\n"
    "\tSTANDARD INDUSTRIAL CLASSIFICATION:\tASSET-BACKED SECURITIES [6189]\n"
    "\n"
    "FILING VALUES:\n"
    "\tFORM TYPE:\t\t424B5\n"
    "\tSEC FILE NUMBER:\t333-80941-08\n"
    "\n"
    "MAIL ADDRESS:\n"
    "\tCITY:\t\t\tCHARLOTTE\n"
    "</SERIAL-COMPANY>\n"
)


def test_serial_company_with_column_0_subsections_closed_by_a_tag():
    sub = parse(space_file(SERIAL))
    assert not sub.unknown_lines
    filer, serial = sub.parties
    assert (filer.role, filer.cik) == ("filer", "0001014956")
    assert filer.former_names == (FormerName("BA MORTGAGE SECURITIES INC/", dt.date(1998, 6, 5)),)
    assert serial.role == "serial-company"
    assert serial.cik == "0001130269"
    assert serial.name == "BOA MORT PASS THRU CERTS SER 2000 8"
    assert (serial.sic, serial.sic_description) == ("6189", "ASSET-BACKED SECURITIES")
    assert serial.filing_values == (FilingValues("424B5", None, "333-80941-08", None),)
    assert serial.mail_address == Address(city="CHARLOTTE")


PRE_XML_FORM_4 = (
    "ACCESSION NUMBER:\t\t0001094891-00-000193\n"
    "CONFORMED SUBMISSION TYPE:\t4\n"
    "\n"
    "SUBJECT COMPANY:\n"
    "\n"
    "\tCOMPANY DATA:\n"
    "\t\tCOMPANY CONFORMED NAME:\t\t\tPRODUCTIVITY TECHNOLOGIES CORP /\n"
    "\t\tCENTRAL INDEX KEY:\t\t\t0000911787\n"
    "<REPORTING-OWNER>\n"
    "\n"
    "COMPANY DATA:\n"
    "\tCOMPANY CONFORMED NAME:\t\t\tFOSTER ALAN H\n"
    "\tCENTRAL INDEX KEY:\t\t\t0001050609\n"
    "\tSTANDARD INDUSTRIAL CLASSIFICATION:\t []\n"
    "<RELATIONSHIP>DIRECTOR\n"
    "<RELATIONSHIP>OFFICER\n"
    "\n"
    "FILING VALUES:\n"
    "\tFORM TYPE:\t\t4\n"
    "\n"
    "BUSINESS ADDRESS:\n"
    "\tSTREET 1:\t\t509 MADISON AVE\n"
    "</REPORTING-OWNER>\n"
)


def test_pre_xml_reporting_owner_wrapper_with_relationships():
    sub = parse(space_file(PRE_XML_FORM_4))
    assert not sub.unknown_lines
    subject, owner = sub.parties
    assert (subject.role, subject.cik) == ("subject-company", "0000911787")
    assert subject.relationships == ()
    assert owner.role == "reporting-owner"
    assert (owner.cik, owner.name) == ("0001050609", "FOSTER ALAN H")
    assert owner.relationships == ("DIRECTOR", "OFFICER")
    assert (owner.sic, owner.sic_description) == (None, None)
    assert owner.filing_values == (FilingValues("4"),)
    assert owner.business_address == Address("509 MADISON AVE")


def test_top_level_key_after_an_entity_section_closes_it():
    header = (
        "ACCESSION NUMBER:\t\t0000000000-24-003505\n"
        "CONFORMED SUBMISSION TYPE:\tUPLOAD\n"
        "\n"
        "FILED FOR:\t\t\n"
        "\n"
        "\tCOMPANY DATA:\t\n"
        "\t\tCOMPANY CONFORMED NAME:\t\t\tApple Inc.\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0000320193\n"
        "\n"
        "\tFORMER COMPANY:\t\n"
        "\t\tFORMER CONFORMED NAME:\tAPPLE INC\n"
        "\t\tDATE OF NAME CHANGE:\t20070109\n"
        "PUBLIC REFERENCE ACCESSION NUMBER:\t\t0000320193-23-000106\n"
    )
    sub = parse(space_file(header))
    (party,) = sub.parties
    assert party.role == "filed-for"
    assert party.extra == ()
    assert sub.field_values("PUBLIC REFERENCE ACCESSION NUMBER") == ["0000320193-23-000106"]
    assert sub.fields[-1] == ("PUBLIC REFERENCE ACCESSION NUMBER", "0000320193-23-000106")


def test_repeated_keys_are_ordered_lists():
    header = (
        "ACCESSION NUMBER:\t\t0001104659-25-002604\n"
        "CONFORMED SUBMISSION TYPE:\tSC TO-T/A\n"
        "ITEM INFORMATION:\n"
        "ITEM INFORMATION:\t\tOther Events\n"
        "GROUP MEMBERS:\t\tCARL C. ICAHN\n"
        "GROUP MEMBERS:\t\tICAHN ENTERPRISES G.P. INC.; ICAHN ENTERPRISES: HOLDINGS\n"
        "FILED AS OF DATE:\t\t20030110\n"
        "\n"
        "FILER:\n"
        "\tCOMPANY DATA:\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0000000001\n"
        "\tFILING VALUES:\n"
        "\t\tFORM TYPE:\t\tA\n"
        "\tFILING VALUES:\n"
        "\t\tFORM TYPE:\t\tB\n"
        "FILER:\n"
        "\tCOMPANY DATA:\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0000000002\n"
    )
    sub = parse(space_file(header))
    assert sub.items == ("", "Other Events")
    assert sub.group_members == (
        "CARL C. ICAHN",
        "ICAHN ENTERPRISES G.P. INC.; ICAHN ENTERPRISES: HOLDINGS",
    )
    assert [p.cik for p in sub.parties] == ["0000000001", "0000000002"]
    assert [v.form_type for v in sub.parties[0].filing_values] == ["A", "B"]


SERIES = (
    "ACCESSION NUMBER:\t\t0001193125-19-278752\n"
    "FILER:\n"
    "\tCOMPANY DATA:\n"
    "\t\tCENTRAL INDEX KEY:\t\t\t0001027596\n"
    "<SERIES-AND-CLASSES-CONTRACTS-DATA>\n"
    "<EXISTING-SERIES-AND-CLASSES-CONTRACTS>\n"
    "<SERIES>\n"
    "<OWNER-CIK>0001027596\n"
    "<SERIES-ID>S000041568\n"
    "<SERIES-NAME>Semper MBS Total Return Fund\n"
    "<CLASS-CONTRACT>\n"
    "<CLASS-CONTRACT-ID>C000129089\n"
    "<CLASS-CONTRACT-NAME>Institutional Class\n"
    "<CLASS-CONTRACT-TICKER-SYMBOL>SEMMX\n"
    "</CLASS-CONTRACT>\n"
    "<CLASS-CONTRACT>\n"
    "<CLASS-CONTRACT-ID>C000129090\n"
    "<CLASS-CONTRACT-NAME>Investor Class\n"
    "</CLASS-CONTRACT>\n"
    "</SERIES>\n"
    "</EXISTING-SERIES-AND-CLASSES-CONTRACTS>\n"
    "<NEW-SERIES-AND-CLASSES-CONTRACTS>\n"
    "<OWNER-CIK>0001100663\n"
    "<NEW-SERIES>\n"
    "<SERIES-ID>S000085693\n"
    "<SERIES-NAME>iShares U.S. Manufacturing ETF\n"
    "<CLASS-CONTRACT>\n"
    "<CLASS-CONTRACT-ID>C000251033\n"
    "</CLASS-CONTRACT>\n"
    "</NEW-SERIES>\n"
    "</NEW-SERIES-AND-CLASSES-CONTRACTS>\n"
    "<MERGER-SERIES-AND-CLASSES-CONTRACTS>\n"
    "<MERGER>\n"
    "<ACQUIRING-DATA>\n"
    "<CIK>0000000007\n"
    "<SERIES>\n"
    "<SERIES-ID>S000000007\n"
    "</SERIES>\n"
    "</ACQUIRING-DATA>\n"
    "</MERGER>\n"
    "</MERGER-SERIES-AND-CLASSES-CONTRACTS>\n"
    "</SERIES-AND-CLASSES-CONTRACTS-DATA>\n"
    "<MULTI-ACCESSION-NUMBERS>\n"
    "ACCESSION NUMBER:\t\t0001145549-19-040797\n"
    "ACCESSION NUMBER:\t\t0001145549-19-040798\n"
    "</MULTI-ACCESSION-NUMBERS>\n"
)


def test_series_and_classes():
    sub = parse(space_file(SERIES))
    assert not sub.unknown_lines
    existing, new, merger = sub.series
    assert existing.status == "existing"
    assert (existing.owner_cik, existing.series_id) == ("0001027596", "S000041568")
    assert existing.name == "Semper MBS Total Return Fund"
    assert [(c.class_id, c.name, c.ticker) for c in existing.classes] == [
        ("C000129089", "Institutional Class", "SEMMX"),
        ("C000129090", "Investor Class", None),
    ]
    # The owner CIK stands before <NEW-SERIES>, at the level of the wrapper.
    assert (new.status, new.owner_cik, new.series_id) == ("new", "0001100663", "S000085693")
    assert [c.class_id for c in new.classes] == ["C000251033"]
    assert (merger.status, merger.owner_cik, merger.series_id) == (
        "merger",
        "0000000007",
        "S000000007",
    )
    # The filer section ends where the series data starts.
    assert [p.cik for p in sub.parties] == ["0001027596"]


def test_multi_accession_numbers_do_not_replace_the_accession():
    sub = parse(space_file(SERIES))
    assert sub.accession == "0001193125-19-278752"
    assert sub.field_values("ACCESSION NUMBER") == ["0001193125-19-278752"]
    assert sub.field_values("MULTI-ACCESSION-NUMBERS") == [
        "0001145549-19-040797",
        "0001145549-19-040798",
    ]


TAG_HEADER = [
    "<SUBMISSION>",
    "<ACCESSION-NUMBER>0001127602-25-004598",
    "<TYPE>4",
    "<PUBLIC-DOCUMENT-COUNT>1",
    "<PERIOD>20250212",
    "<ITEMS>5.02",
    "<ITEMS>3C",
    "<FILING-DATE>20250213",
    "<DATE-OF-FILING-DATE-CHANGE>20250213",
    "<REPORTING-OWNER>",
    "<OWNER-DATA>",
    "<CONFORMED-NAME>Jean-Claude Carine Lamercie",
    "<CIK>0001870985",
    "<ORGANIZATION-NAME>",
    "</OWNER-DATA>",
    "<FILING-VALUES>",
    "<FORM-TYPE>4",
    "<ACT>34",
    "<FILE-NUMBER>001-04482",
    "<FILM-NUMBER>25619631",
    "</FILING-VALUES>",
    "<MAIL-ADDRESS>",
    "<STREET1>9151 E PANORAMA CIR",
    "<CITY>CENTENNIAL",
    "</MAIL-ADDRESS>",
    "</REPORTING-OWNER>",
    "<ISSUER>",
    "<COMPANY-DATA>",
    "<CONFORMED-NAME>ARROW ELECTRONICS, INC.",
    "<CIK>0000007536",
    "<ASSIGNED-SIC>5065",
    "<IRS-NUMBER>111806155",
    "</COMPANY-DATA>",
    "<BUSINESS-ADDRESS>",
    "<PHONE>303-824-4000",
    "</BUSINESS-ADDRESS>",
    "<FORMER-COMPANY>",
    "<FORMER-CONFORMED-NAME>ARROW ELECTRONICS INC",
    "<DATE-CHANGED>19920703",
    "</FORMER-COMPANY>",
    "</ISSUER>",
    "<DOCUMENT>",
    "<TYPE>4",
    "<SEQUENCE>1",
    "<FILENAME>form4.xml",
    "<TEXT>",
    '<XML>\n<?xml version="1.0"?>\n<ownershipDocument></ownershipDocument>\n</XML>',
    "</TEXT>",
    "</DOCUMENT>",
    "</SUBMISSION>",
]


def check_tag_dialect(sub):
    assert (sub.dialect, sub.envelope) == ("tag", "submission")
    assert sub.accession == "0001127602-25-004598"
    assert (sub.form, sub.public_document_count) == ("4", 1)
    assert sub.filed_date == dt.date(2025, 2, 13)
    assert sub.period_of_report == dt.date(2025, 2, 12)
    assert sub.items == ("5.02", "3C")
    assert not sub.unknown_lines
    owner, issuer = sub.parties
    assert (owner.role, owner.cik, owner.name) == (
        "reporting-owner",
        "0001870985",
        "Jean-Claude Carine Lamercie",
    )
    assert owner.organization_name is None
    assert owner.filing_values == (FilingValues("4", "34", "001-04482", "25619631"),)
    assert owner.mail_address == Address("9151 E PANORAMA CIR", city="CENTENNIAL")
    assert (issuer.role, issuer.cik, issuer.sic, issuer.sic_description) == (
        "issuer",
        "0000007536",
        "5065",
        None,
    )
    assert issuer.irs_number == "111806155"
    assert issuer.business_address == Address(phone="303-824-4000")
    assert issuer.former_names == (FormerName("ARROW ELECTRONICS INC", dt.date(1992, 7, 3)),)
    (doc,) = sub.documents
    assert (doc.type, doc.sequence, doc.filename, doc.kind) == ("4", "1", "form4.xml", "xml")
    assert [f.code for f in sub.findings] == ["pds-feed"]


def test_tag_dialect_one_tag_per_line():
    check_tag_dialect(parse("\n".join(TAG_HEADER).encode() + b"\n"))


def test_tag_dialect_with_carriage_returns_only():
    # The 2025 feed files: a first LF, then everything joined by bare CRs.
    data = (TAG_HEADER[0] + "\n" + "\r".join(TAG_HEADER[1:])).encode()
    sub = parse(data)
    check_tag_dialect(sub)
    assert sub.documents[0].text.lstrip().startswith("<XML>")


def test_tag_dialect_without_any_line_breaks():
    flat = "".join(TAG_HEADER).replace("\n", "")
    check_tag_dialect(parse(flat.encode()))


def test_unknown_lines_are_kept_with_their_line_numbers_and_reported():
    header = (
        "ACCESSION NUMBER:\t\t0000999999-24-000001\n"  # file line 3
        "THIS LINE MEANS NOTHING\n"  # line 4
        "FILER:\n"
        "\tCOMPANY DATA:\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0000000001\n"
        "\t\tFAVOURITE COLOUR:\t\t\tblue\n"  # line 8: not a COMPANY DATA field
        "<SOME-NEW-TAG>value\n"  # line 9
    )
    sub = parse(space_file(header))
    assert [(u.line, u.text) for u in sub.unknown_lines] == [
        (4, "THIS LINE MEANS NOTHING"),
        (8, "\t\tFAVOURITE COLOUR:\t\t\tblue"),
        (9, "<SOME-NEW-TAG>value"),
    ]
    unknown = [f for f in sub.findings if f.code == "unknown-header-line"]
    assert [f.where for f in unknown] == ["header line 4", "header line 8", "header line 9"]
    assert "FAVOURITE COLOUR" in unknown[1].message
    assert sub.parties[0].cik == "0000000001"


def test_entity_kinds_without_a_role_are_kept_as_unknown_lines():
    lines = TAG_HEADER[:9] + [
        "<DEPOSITOR>",
        "<COMPANY-DATA>",
        "<CIK>0000000042",
        "</COMPANY-DATA>",
        "</DEPOSITOR>",
    ]
    sub = parse("\n".join(lines + TAG_HEADER[9:]).encode())
    assert [u.text for u in sub.unknown_lines] == lines[9:]
    assert [p.role for p in sub.parties] == ["reporting-owner", "issuer"]
    assert "0000000042" not in [p.cik for p in sub.parties]


def test_an_unknown_space_section_does_not_feed_the_party_above_it():
    header = (
        "FILER:\n"
        "\tCOMPANY DATA:\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0000000001\n"
        "DEPOSITOR:\n"
        "\tCOMPANY DATA:\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0000000042\n"
    )
    sub = parse(space_file(header))
    assert [p.cik for p in sub.parties] == ["0000000001"]
    assert [u.text.strip() for u in sub.unknown_lines] == [
        "DEPOSITOR:",
        "COMPANY DATA:",
        "CENTRAL INDEX KEY:\t\t\t0000000042",
    ]


def test_ims_header():
    data = (
        b"<IMS-DOCUMENT>0000891618-94-000021.txt : 19940128\n"
        b"<IMS-HEADER>0000891618-94-000021.hdr.sgml : 19940128\n"
        b"ACCESSION NUMBER:\t\t0000891618-94-000021\n"
        b"CONFORMED SUBMISSION TYPE:\t424B5\n"
        b"PUBLIC DOCUMENT COUNT:\t\t1\n"
        b"FILED AS OF DATE:\t\t19940126\n"
        b"\n"
        b"FILER:\n"
        b"\n"
        b"\tCOMPANY DATA:\t\n"
        b"\t\tCOMPANY CONFORMED NAME:\t\t\tAPPLE COMPUTER INC\n"
        b"\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\t3571\n"
        b"</IMS-HEADER>\n"
        b"<DOCUMENT>\n<TYPE>424B5\n<SEQUENCE>1\n<TEXT>\n<PAGE>   1\nProspectus\n</TEXT>\n</DOCUMENT>\n"
        b"</IMS-DOCUMENT>\n"
    )
    sub = parse(data)
    assert (sub.dialect, sub.envelope) == ("space", "ims-document")
    assert sub.accession == "0000891618-94-000021"
    assert sub.dissemination_date == dt.date(1994, 1, 28)
    assert sub.parties[0].sic == "3571"
    assert [d.kind for d in sub.documents] == ["text"]
    assert not sub.findings


def test_bad_dates_are_none_but_the_raw_value_is_kept():
    header = (
        "<ACCEPTANCE-DATETIME>2024010516\n"
        "FILED AS OF DATE:\t\t20241345\n"
        "FILER:\n"
        "\tFORMER COMPANY:\n"
        "\t\tFORMER CONFORMED NAME:\tOLD\n"
        "\t\tDATE OF NAME CHANGE:\tsoon\n"
    )
    sub = parse(space_file(header))
    assert sub.acceptance_datetime is None
    assert sub.filed_date is None
    assert sub.field_values("FILED AS OF DATE") == ["20241345"]
    (party,) = sub.parties
    assert party.former_names == (FormerName("OLD", None),)
    assert party.extra == (("DATE OF NAME CHANGE", "soon"),)


def test_parse_header_counts_lines_from_first_line():
    header = parse_header("ACCESSION NUMBER:\t1\nnonsense\n", first_line=40)
    assert [(u.line, u.text) for u in header.unknown] == [(41, "nonsense")]


def test_many_filers_are_all_read_in_order():
    filer = (
        "FILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tFUND {i}\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t{i:010d}\n\n\tFILING VALUES:\n\t\tFORM TYPE:\t\t40-APP\n\n"
        "\tBUSINESS ADDRESS:\t\n\t\tCITY:\t\t\tBOSTON\n\n"
    )
    header = "ACCESSION NUMBER:\t\t0001193125-25-120935\n\n" + "".join(
        filer.format(i=i) for i in range(1, 1601)
    )
    sub = parse(space_file(header))
    assert len(sub.parties) == 1600
    assert [p.cik for p in sub.parties] == [f"{i:010d}" for i in range(1, 1601)]
    assert sub.parties[-1].business_address == Address(city="BOSTON")
    assert not sub.unknown_lines
