"""Submission -> a plain dict that json.dumps can write (dates ISO, absent values null)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from .model import Address, Document, Finding, ItemRef, Party, Series, Submission


def to_json(sub: Submission) -> dict:
    return {
        "accession": sub.accession,
        "form": sub.form,
        "public_document_count": sub.public_document_count,
        "filed_date": _iso(sub.filed_date),
        "period_of_report": _iso(sub.period_of_report),
        "date_as_of_change": _iso(sub.date_as_of_change),
        "effectiveness_date": _iso(sub.effectiveness_date),
        "acceptance_datetime": _iso(sub.acceptance_datetime),
        "dissemination_date": _iso(sub.dissemination_date),
        "dialect": sub.dialect,
        "envelope": sub.envelope,
        "pem": sub.pem,
        "size": sub.size,
        "items": list(sub.items),
        "item_codes": [_item(ref) for ref in sub.item_refs],
        "group_members": list(sub.group_members),
        "fields": [[key, value] for key, value in sub.fields],
        "parties": [_party(party) for party in sub.parties],
        "series": [_series(series) for series in sub.series],
        "documents": [_document(doc) for doc in sub.documents],
        "findings": [_finding(finding) for finding in sub.findings],
        "unknown_lines": [{"line": u.line, "text": u.text} for u in sub.unknown_lines],
        "header_start": sub.header_start,
        "header_end": sub.header_end,
    }


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _item(ref: ItemRef) -> dict:
    return {"raw": ref.raw, "code": ref.code, "title": ref.title, "source": ref.source}


def _party(party: Party) -> dict:
    values = [dataclasses.asdict(v) for v in party.filing_values]
    return {
        "role": party.role,
        "cik": party.cik,
        "name": party.name,
        "sic": party.sic,
        "sic_description": party.sic_description,
        "organization_name": party.organization_name,
        "irs_number": party.irs_number,
        "state_of_incorporation": party.state_of_incorporation,
        "fiscal_year_end": party.fiscal_year_end,
        "relationships": list(party.relationships),
        "filing_values": values[0] if values else None,
        "all_filing_values": values,
        "business_address": _address(party.business_address),
        "mail_address": _address(party.mail_address),
        "former_names": [
            {"name": f.name, "date_of_change": _iso(f.date_of_change)} for f in party.former_names
        ],
        "extra": [[key, value] for key, value in party.extra],
    }


def _address(address: Address | None) -> dict | None:
    return dataclasses.asdict(address) if address is not None else None


def _series(series: Series) -> dict:
    return {
        "status": series.status,
        "owner_cik": series.owner_cik,
        "series_id": series.series_id,
        "name": series.name,
        "classes": [
            {"class_id": c.class_id, "name": c.name, "ticker": c.ticker} for c in series.classes
        ],
    }


def _document(doc: Document) -> dict:
    return {
        "type": doc.type,
        "sequence": doc.sequence,
        "filename": doc.filename,
        "description": doc.description,
        "text_bytes": doc.text_bytes,
        "kind": doc.kind,
        "encoding": doc.encoding,
        "uuencoded_name": doc.uuencoded_name,
        "closed": doc.closed,
        "start": doc.start,
        "end": doc.end,
        "block_start": doc.block_start,
        "block_end": doc.block_end,
    }


def _finding(finding: Finding) -> dict:
    return {"code": finding.code, "message": finding.message, "where": finding.where}
