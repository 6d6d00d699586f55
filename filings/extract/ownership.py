"""Reporting owners of Forms 3, 4 and 5: from the XML document (2003 on) and from the
header's REPORTING-OWNER sections (every era; the only source before XML)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from .model import OwnerCandidate
from .people import PersonName, from_header_name, is_organization_name

# Filer XML is untrusted: no entities, no DTDs, no network.
_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    recover=True,
    remove_comments=True,
    remove_pis=True,
)

_DECLARATION = re.compile(r"<\?xml[^>]*\?>")
_OWNER_ELEMENT = re.compile(
    r"<(?:[\w.-]+:)?reportingOwner\b[^>]*>.*?</(?:[\w.-]+:)?reportingOwner\s*>", re.S
)
_TRUE = {"1", "true", "yes", "y", "x"}


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _child(el, name: str):
    for c in el:
        if _local(c) == name:
            return c
    return None


def _text(el, *path: str) -> str:
    for name in path:
        if el is None:
            return ""
        el = _child(el, name)
    if el is None:
        return ""
    return " ".join("".join(el.itertext()).split())


def _flag(el, name: str) -> bool:
    return _text(el, name).casefold() in _TRUE


def _root(xml_text: str):
    start = xml_text.find("<")
    m = re.search(r"<(?:[\w.-]+:)?ownershipDocument\b", xml_text)
    if m:
        start = m.start()
    body = _DECLARATION.sub("", xml_text[start:] if start >= 0 else "")
    body = re.sub(r"</XML>\s*$", "", body.strip())
    if not body:
        return None
    try:
        return etree.fromstring(body.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError:
        return None


def parse_document(xml_text: str):
    """The root element of an ownership XML document (parsed safely), or None."""
    return _root(xml_text)


def _owner_name(raw: str) -> PersonName:
    return from_header_name(raw)


def extract_owners(xml_text: str, *, sequence: str) -> list[OwnerCandidate]:
    """Every <reportingOwner> of an ownership XML document, in document order."""
    root = _root(xml_text)
    if root is None:
        return []
    spans = [(m.start(), m.end()) for m in _OWNER_ELEMENT.finditer(xml_text)]
    owners = []
    elements = [el for el in root.iter() if _local(el) == "reportingOwner"]
    for i, el in enumerate(elements):
        raw = _text(el, "reportingOwnerId", "rptOwnerName")
        cik = _text(el, "reportingOwnerId", "rptOwnerCik") or None
        rel = _child(el, "reportingOwnerRelationship")
        name = _owner_name(raw)
        start, end = spans[i] if i < len(spans) and len(spans) == len(elements) else (0, 0)
        owners.append(
            OwnerCandidate(
                cik=cik.zfill(10) if cik and cik.isdigit() else cik,
                raw_name=raw,
                name=name,
                is_director=_flag(rel, "isDirector") if rel is not None else False,
                is_officer=_flag(rel, "isOfficer") if rel is not None else False,
                officer_title=_text(rel, "officerTitle") if rel is not None else "",
                is_ten_percent_owner=_flag(rel, "isTenPercentOwner") if rel is not None else False,
                is_other=_flag(rel, "isOther") if rel is not None else False,
                other_text=_text(rel, "otherText") if rel is not None else "",
                is_organization=name.is_organization or is_organization_name(raw),
                document_sequence=sequence,
                source="form4-xml",
                start=start,
                end=end,
            )
        )
    return owners


def owners_from_header(parties: Iterable) -> list[OwnerCandidate]:
    """REPORTING-OWNER parties of the header (objects with role, cik, name, relationships,
    and optionally sic / irs_number / state_of_incorporation)."""
    owners = []
    for party in parties:
        if getattr(party, "role", None) != "reporting-owner":
            continue
        raw = party.name or ""
        name = from_header_name(raw)
        rels = {" ".join(r.upper().split()) for r in (getattr(party, "relationships", ()) or ())}
        company_data = any(
            getattr(party, attr, None) for attr in ("sic", "irs_number", "state_of_incorporation")
        )
        owners.append(
            OwnerCandidate(
                cik=party.cik,
                raw_name=raw,
                name=name,
                is_director="DIRECTOR" in rels,
                is_officer="OFFICER" in rels,
                officer_title="",
                is_ten_percent_owner=bool(
                    rels & {"10% OWNER", "10 PERCENT OWNER", "TEN PERCENT OWNER"}
                ),
                is_other="OTHER" in rels,
                other_text="",
                is_organization=name.is_organization or company_data,
                document_sequence="",
                source="header",
            )
        )
    return owners


def merge_owners(
    xml_owners: list[OwnerCandidate], header_owners: list[OwnerCandidate]
) -> list[OwnerCandidate]:
    """XML owners first; header owners only when the XML does not name their CIK."""
    seen = {o.cik for o in xml_owners if o.cik}
    seen_names = {o.name.display.casefold() for o in xml_owners}
    merged = list(xml_owners)
    for owner in header_owners:
        if owner.cik and owner.cik in seen:
            continue
        if not owner.cik and owner.name.display.casefold() in seen_names:
            continue
        merged.append(owner)
    return merged
