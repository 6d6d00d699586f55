from dataclasses import dataclass

from filings.extract.ownership import extract_owners, merge_owners, owners_from_header

FORM4 = """
<XML>
<?xml version="1.0"?>
<ownershipDocument>
    <schemaVersion>X0306</schemaVersion>
    <documentType>4</documentType>
    <reportingOwner>
        <reportingOwnerId>
            <rptOwnerCik>0001234567</rptOwnerCik>
            <rptOwnerName>Doe Jane Q.</rptOwnerName>
        </reportingOwnerId>
        <reportingOwnerRelationship>
            <isDirector>0</isDirector>
            <isOfficer>1</isOfficer>
            <isTenPercentOwner>0</isTenPercentOwner>
            <isOther>0</isOther>
            <officerTitle>EVP &amp; Chief Financial Officer</officerTitle>
            <otherText></otherText>
        </reportingOwnerRelationship>
    </reportingOwner>
    <reportingOwner>
        <reportingOwnerId>
            <rptOwnerCik>0007654321</rptOwnerCik>
            <rptOwnerName>EXAMPLE CAPITAL PARTNERS LP /DE</rptOwnerName>
        </reportingOwnerId>
        <reportingOwnerRelationship>
            <isDirector>false</isDirector>
            <isTenPercentOwner>true</isTenPercentOwner>
            <isOther>true</isOther>
            <otherText>Member of a 13(d) group</otherText>
        </reportingOwnerRelationship>
    </reportingOwner>
</ownershipDocument>
</XML>
"""


def test_xml_owners_people_and_organisations():
    owners = extract_owners(FORM4, sequence="1")
    assert [o.cik for o in owners] == ["0001234567", "0007654321"]
    jane, fund = owners
    assert jane.name.display == "Jane Q. Doe"
    assert jane.raw_name == "Doe Jane Q."
    assert (jane.is_director, jane.is_officer, jane.is_ten_percent_owner, jane.is_other) == (
        False,
        True,
        False,
        False,
    )
    assert jane.officer_title == "EVP & Chief Financial Officer"
    assert not jane.is_organization
    assert fund.is_organization
    assert fund.is_ten_percent_owner and fund.is_other and not fund.is_officer
    assert fund.other_text == "Member of a 13(d) group"
    assert all(o.event_type == "reporting-owner" and o.source == "form4-xml" for o in owners)
    assert all(o.document_sequence == "1" for o in owners)


def test_xml_owner_spans_point_at_the_elements():
    owners = extract_owners(FORM4, sequence="1")
    for owner in owners:
        span = FORM4[owner.start : owner.end]
        assert span.startswith("<reportingOwner>") and span.endswith("</reportingOwner>")
        assert owner.raw_name in span


def test_namespaced_xml():
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<o:ownershipDocument xmlns:o="urn:example"><o:reportingOwner><o:reportingOwnerId>'
        "<o:rptOwnerCik>42</o:rptOwnerCik><o:rptOwnerName>SMITH JOHN A JR</o:rptOwnerName>"
        "</o:reportingOwnerId><o:reportingOwnerRelationship><o:isDirector>1</o:isDirector>"
        "</o:reportingOwnerRelationship></o:reportingOwner></o:ownershipDocument>"
    )
    (owner,) = extract_owners(xml, sequence="2")
    assert owner.cik == "0000000042"
    assert owner.name.display == "John A. Smith Jr."
    assert owner.is_director


def test_entities_are_not_expanded_and_bad_xml_gives_nothing():
    evil = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        "<ownershipDocument><reportingOwner><reportingOwnerId><rptOwnerCik>1</rptOwnerCik>"
        "<rptOwnerName>&e;</rptOwnerName></reportingOwnerId></reportingOwner></ownershipDocument>"
    )
    owners = extract_owners(evil, sequence="1")
    assert all("root:" not in o.raw_name for o in owners)
    assert extract_owners("not xml at all", sequence="1") == []
    assert extract_owners("", sequence="1") == []


@dataclass
class FakeParty:
    role: str
    cik: str | None
    name: str
    relationships: tuple = ()
    sic: str | None = None
    irs_number: str | None = None
    state_of_incorporation: str | None = None


def test_header_owners_with_relationships():
    parties = [
        FakeParty("subject-company", "0000911787", "PRODUCTIVITY TECHNOLOGIES CORP /"),
        FakeParty("reporting-owner", "0001050609", "FOSTER ALAN H", ("DIRECTOR",)),
        FakeParty("reporting-owner", "0000000009", "BIG HOLDER LLC", ("10% OWNER", "OTHER")),
        FakeParty("reporting-owner", "0000000010", "ROE RICHARD", ("OFFICER",)),
    ]
    owners = owners_from_header(parties)
    assert [o.name.display for o in owners] == ["Alan H. Foster", "BIG HOLDER LLC", "Richard Roe"]
    foster, holder, roe = owners
    assert foster.is_director and not foster.is_officer and foster.source == "header"
    assert holder.is_ten_percent_owner and holder.is_other and holder.is_organization
    assert roe.is_officer and not roe.is_organization


def test_header_owner_with_company_data_is_an_organisation():
    party = FakeParty("reporting-owner", "1", "KOHLBERG JEROME", (), irs_number="133333333")
    (owner,) = owners_from_header([party])
    assert owner.is_organization


def test_merge_prefers_xml_owners():
    xml_owners = extract_owners(FORM4, sequence="1")
    header = owners_from_header(
        [
            FakeParty("reporting-owner", "0001234567", "DOE JANE Q"),
            FakeParty("reporting-owner", "0000000777", "OTHER OWEN"),
        ]
    )
    merged = merge_owners(xml_owners, header)
    assert [(o.cik, o.source) for o in merged] == [
        ("0001234567", "form4-xml"),
        ("0007654321", "form4-xml"),
        ("0000000777", "header"),
    ]
