"""Organisation mentions and company-name normalisation, on short synthetic texts."""

from __future__ import annotations

import pytest

from filings.extract.organizations import (
    SEC,
    normalize_company_name,
    organization_mentions,
)


def names(text: str, known: dict[str, int] | None = None) -> list[str]:
    found = organization_mentions(text, sequence="2", known=known)
    for m in found:
        assert text[m.start : m.end] == m.name
        assert m.sentence_start <= m.start < m.end <= m.sentence_end
        assert m.document_sequence == "2"
    return [m.name for m in found]


# --- normalisation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("INTERNAP NETWORK SERVICES CORP", "Internap Network Services Corporation"),
        ("INTERNAP NETWORK SERVICES CORP/WA", "Internap Network Services Corporation"),
        ("180 DEGREE CAPITAL CORP. /NY/", "180 Degree Capital Corp."),
        ("BlackRock Inc.", "BlackRock, Inc."),
        ("APPLE INC", "Apple Incorporated"),
        ("The Vanguard Group, Inc.", "VANGUARD GROUP INC"),
        ("GOLDMAN SACHS & CO. LLC", "Goldman Sachs and Co. L.L.C."),
        ("3M CO", "3M Company"),
        ("1 800 FLOWERS COM INC", "1-800-FLOWERS.COM, Inc."),
        ("ACTIAM N.V.", "Actiam NV"),
        ("Moody's Corp /DE/", "MOODYS CORP"),
        ("U.S. Bank National Association", "US BANK N.A."),
        ("Société Générale S.A.", "SOCIETE GENERALE SA"),
        ("PRODUCTIVITY TECHNOLOGIES CORP /", "Productivity Technologies Corporation"),
        ("Barclays Bank Public Limited Company", "BARCLAYS BANK PLC"),
    ],
)
def test_normalize_equal(a, b):
    assert normalize_company_name(a) == normalize_company_name(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Apple Inc.", "Apple Hospitality REIT, Inc."),
        ("Ford Motor Company", "Ford Motor Credit Company"),
        ("Internap Network Services Corporation", "Internap Corporation"),
    ],
)
def test_normalize_different(a, b):
    assert normalize_company_name(a) != normalize_company_name(b)


def test_normalized_forms():
    assert normalize_company_name("INTERNAP NETWORK SERVICES CORP/WA") == (
        "internap network services corp"
    )
    assert normalize_company_name("The Goldman Sachs Group, Inc.") == "goldman sachs group inc"
    for sec in (
        "Securities and Exchange Commission",
        "U.S. Securities and Exchange Commission",
        "SECURITIES AND EXCHANGE COMMISSION",
        "the SEC",
        "United States Securities and Exchange Commission",
    ):
        assert normalize_company_name(sec) == SEC


# --- designator runs ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the Board of Directors of Internap Network Services Corporation (the “Company”) "
            "elected Ms. Higgins.",
            ["Internap Network Services Corporation"],
        ),
        (
            "The underwriters are Goldman Sachs & Co. LLC and Barclays Bank PLC.",
            ["Goldman Sachs & Co. LLC", "Barclays Bank PLC"],
        ),
        ("The Vanguard Group, Inc. reported a stake.", ["The Vanguard Group, Inc."]),
        (
            "She serves on the boards of Cary, NC-based SpectraSite, Inc. (NYSE:SSI) and "
            "Michigan-based Visteon Corporation (NYSE:VC).",
            ["SpectraSite, Inc.", "Visteon Corporation"],
        ),
        (
            "an agreement between Apple Inc. and Goldman Sachs & Co. LLC, as representative",
            ["Apple Inc.", "Goldman Sachs & Co. LLC"],
        ),
        (
            "BNP Paribas and J.P. Morgan Securities plc acted as managers.",
            ["J.P. Morgan Securities plc"],
        ),
        ("Bank of America Corporation agreed.", ["Bank of America Corporation"]),
        (
            "The Bank of New York Mellon Trust Company, N.A., as trustee",
            ["The Bank of New York Mellon Trust Company, N.A."],
        ),
        ("Its auditor, Ernst & Young LLP, resigned.", ["Ernst & Young LLP"]),
        ("Deutsche Bank AG, London Branch", ["Deutsche Bank AG"]),
        ("CarMax Auto Owner Trust 2019-3", ["CarMax Auto Owner Trust"]),
        ("shares trade on the New York Stock Exchange under", ["New York Stock Exchange"]),
        ("INTERNAP NETWORK SERVICES CORPORATION\nDate:", ["INTERNAP NETWORK SERVICES CORPORATION"]),
        (
            "Wilmington Trust, National Association, as owner trustee",
            ["Wilmington Trust, National Association"],
        ),
        ("the independent accounting firm, Simon & Edward, LLP.", ["Simon & Edward, LLP"]),
    ],
)
def test_designator_runs(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Company announced that the Board approved it.",
        "the Company’s Compensation Committee met on Item 5.02 matters.",
        "pursuant to the Securities Exchange Act of 1934, as amended",
        "the Amended and Restated Limited Liability Company Agreement",
        "Amended and Restated Trust Agreement dated as of July 1, 2019",
        "Capital Markets Day will be held in December.",
        "Gregory A. Peters, president and chief executive officer, said.",
        "compared with the Peer Group over five years",
        "Documents Incorporated by Reference",
        "as described under Liquidity and Capital Resources in Item 7",
        "Ford to Become Most Trusted Mobility Company",
        "a Delaware limited liability company and a holding company",
        "Group Vice President of Sales",
        "made to the Sinking Fund",
    ],
)
def test_no_false_positives(text):
    assert names(text) == []


def test_sentence_initial_words_are_not_part_of_the_name():
    assert names("Yesterday Acme Widget Corp. agreed to buy it.") == ["Acme Widget Corp."]
    assert names("In 2019 Acme Widget Corp. agreed.") == ["Acme Widget Corp."]
    assert names("On May 1, Acme Widget Corp. agreed.") == ["Acme Widget Corp."]


def test_a_sentence_end_stops_the_name():
    assert names("He joined Internap. Acme Corp. hired him.") == ["Acme Corp."]


def test_titles_before_the_name_are_left_out():
    assert names("Mr. Smith, Chairman of Acme Holdings, Inc., said") == ["Acme Holdings, Inc."]


def test_sec_is_an_organisation():
    text = (
        "UNITED STATES\n\nSECURITIES AND EXCHANGE COMMISSION\n\n"
        "the Form 10-K filed with the U.S. Securities and Exchange Commission and on the "
        "SEC's website"
    )
    found = organization_mentions(text, sequence="1")
    assert [(m.name, m.normalized, m.source) for m in found] == [
        ("SECURITIES AND EXCHANGE COMMISSION", SEC, "agency"),
        ("U.S. Securities and Exchange Commission", SEC, "agency"),
        ("SEC", SEC, "agency"),
    ]


# --- known names --------------------------------------------------------------------------------


def test_known_names_get_their_cik():
    known = {normalize_company_name("INTERNAP NETWORK SERVICES CORP/WA"): 1056386}
    text = (
        "Internap Network Services Corporation (AMEX: IIP) said today that Internap will grow.\n"
        "INTERNAP NETWORK SERVICES CORPORATION\n"
    )
    found = organization_mentions(text, sequence="2", known=known)
    assert [(m.name, m.cik) for m in found] == [
        ("Internap Network Services Corporation", 1056386),
        ("INTERNAP NETWORK SERVICES CORPORATION", 1056386),
    ]
    assert found[0].source == "known"


def test_known_name_without_designator_in_text():
    known = {normalize_company_name("SWITCH & DATA FACILITIES CO"): 7, "switch and data": 8}
    text = "the former chief executive of Switch and Data, has joined the Board"
    found = organization_mentions(text, sequence="2", known=known)
    assert [(m.name, m.cik, m.source) for m in found] == [("Switch and Data", 8, "known")]


def test_known_name_with_comma_before_designator():
    known = {normalize_company_name("BlackRock Inc."): 1364742}
    found = organization_mentions(
        "BlackRock, Inc. (NYSE: BLK) announced", sequence="1", known=known
    )
    assert [(m.name, m.cik) for m in found] == [("BlackRock, Inc.", 1364742)]


def test_known_name_trims_a_leading_word_the_designator_run_took():
    known = {normalize_company_name("ACME WIDGET CORP"): 42}
    found = organization_mentions("Frankly Acme Widget Corp. won.", sequence="1", known=known)
    assert [(m.name, m.cik) for m in found] == [("Acme Widget Corp.", 42)]


def test_lower_case_words_do_not_match_known_names():
    known = {"target corp": 27419}
    assert names("the target corp value was set", known) == []


def test_designator_mention_gets_cik_from_known_by_normalised_form():
    known = {normalize_company_name("VISTEON CORP"): 1111335}
    found = organization_mentions("Michigan-based Visteon Corporation", sequence="1", known=known)
    assert [(m.name, m.cik) for m in found] == [("Visteon Corporation", 1111335)]


def test_deduplicated_per_start():
    known = {normalize_company_name("Goldman Sachs & Co. LLC"): 42352}
    text = "Goldman Sachs & Co. LLC acted as underwriter."
    found = organization_mentions(text, sequence="1", known=known)
    assert [(m.name, m.cik, m.start) for m in found] == [("Goldman Sachs & Co. LLC", 42352, 0)]


def test_sentence_span():
    text = "The deal closed. Acme Corp. paid cash for it. Later news."
    (m,) = organization_mentions(text, sequence="1")
    assert text[m.sentence_start : m.sentence_end] == "Acme Corp. paid cash for it."


def test_names_do_not_run_across_a_heading_or_a_table_cell():
    text = "Remaining Milestone Potential\nAiBtl BioPharma Inc.\tCNS\nUNITED STATES\nSECURITIES AND EXCHANGE COMMISSION"
    assert names(text) == ["AiBtl BioPharma Inc.", "SECURITIES AND EXCHANGE COMMISSION"]


def test_names_wrap_in_fixed_width_prose():
    text = (
        "     The Registrant entered into a supply agreement with Acme Widget Manufacturing\n"
        "Corporation of Dayton on May 1, 1996.\n"
    )
    assert names(text) == ["Acme Widget Manufacturing\nCorporation"]


def test_possessive_after_the_designator():
    known = {normalize_company_name("FORD MOTOR CO"): 37996}
    found = organization_mentions(
        "Ford Motor Company’s news release dated October 3, 2017 is furnished.",
        sequence="1",
        known=known,
    )
    assert [(m.name, m.cik) for m in found] == [("Ford Motor Company", 37996)]


def test_two_names_back_to_back_are_two_mentions():
    known = {normalize_company_name("FORD MOTOR CO"): 37996}
    text = "# # # About Ford Motor Company Ford Motor Company is a global automotive company."
    found = organization_mentions(text, sequence="1", known=known)
    assert [m.name for m in found] == ["Ford Motor Company", "Ford Motor Company"]
    assert names("About Acme Widget Corporation Acme Widget Corporation is") == [
        "Acme Widget Corporation",
        "Acme Widget Corporation",
    ]


def test_known_names_are_found_however_their_letters_are_split():
    # The known-name scan only normalises runs that spell out a word of a key: initials
    # with dots, "&" for "and", a curly apostrophe, a spelt-out designator all still match.
    text = (
        "Yesterday Acme Corp. said that ACME CORPORATION and Benchmark Fund & Co. L.P. met "
        "O’Brienson Holdings, Inc. and the SEC."
    )
    known = {"ACME CORP /DE/": 1, "BENCHMARK FUND AND CO LP": 2, "OBRIENSON HOLDINGS INC": 3}
    found = [(m.name, m.cik) for m in organization_mentions(text, sequence="1", known=known)]
    assert found == [
        ("Acme Corp.", 1),
        ("ACME CORPORATION", 1),
        ("Benchmark Fund & Co. L.P.", 2),
        ("O’Brienson Holdings, Inc.", 3),
        ("SEC", None),
    ]
