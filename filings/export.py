"""What was extracted, as flat rows: `manage.py export` and the /api/*.json endpoints."""

from __future__ import annotations

from collections.abc import Iterator

from . import identity
from .models import LIGHT_DOCUMENT, Event, Exhibit, OrganizationMention

KINDS = ("events", "organizations", "exhibits")


def iso(value):
    return value.isoformat() if value else None


def event_rows(accessions: list[str] | None = None) -> Iterator[dict]:
    events = (
        Event.objects.select_related("filing", "person")
        .prefetch_related(LIGHT_DOCUMENT)
        .order_by("filing__filed_date", "filing_id", "document__position", "start", "pk")
    )
    if accessions:
        events = events.filter(filing_id__in=accessions)
    ciks: dict[int, str | None] = {}  # per person: the CIK of its merged cluster
    for e in events.iterator(chunk_size=2000):
        person = e.person.canonical()
        if person.pk not in ciks:
            found = sorted(identity.cluster_ciks(person))
            ciks[person.pk] = f"{found[0]:010d}" if found else None
        yield {
            "accession": e.filing_id,
            "document": e.document.sequence or e.document.slug if e.document else None,
            "name_raw": e.name_raw,
            "name": e.name,
            "person_key": person.pk,
            "cik": ciks[person.pk],
            "event_type": e.event_type,
            "role": e.role or None,
            "organization": e.organization or None,
            "effective_date": iso(e.effective_date),
            "disagreement": e.disagreement,
            "evidence": e.evidence,
            "start": e.start,
            "end": e.end,
            "source": e.source,
            "link_confidence": e.link_confidence,
            "link_reason": e.link_reason,
        }


def organization_rows(accessions: list[str] | None = None) -> Iterator[dict]:
    mentions = OrganizationMention.objects.prefetch_related(LIGHT_DOCUMENT).order_by(
        "filing_id", "document__position", "start"
    )
    if accessions:
        mentions = mentions.filter(filing_id__in=accessions)
    for m in mentions.iterator(chunk_size=2000):
        yield {
            "accession": m.filing_id,
            "document": m.document.sequence or m.document.slug,
            "name": m.name,
            "normalized": m.normalized,
            "cik": f"{m.company_id:010d}" if m.company_id else None,
            "evidence": m.evidence,
            "start": m.start,
            "end": m.end,
        }


def exhibit_rows(accessions: list[str] | None = None) -> Iterator[dict]:
    exhibits = Exhibit.objects.prefetch_related(LIGHT_DOCUMENT).order_by("filing_id", "pk")
    if accessions:
        exhibits = exhibits.filter(filing_id__in=accessions)
    stored = set()
    wanted = set(exhibits.exclude(source_accession="").values_list("source_accession", flat=True))
    if wanted:
        from .models import Filing

        stored = set(Filing.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    for x in exhibits.iterator(chunk_size=2000):
        yield {
            "accession": x.filing_id,
            "number": x.number,
            "description": x.description or None,
            "filed_here": x.filed_here,
            "incorporated_by_reference": x.incorporated_by_reference,
            "source_form": x.source_form or None,
            "source_date": iso(x.source_date),
            "source_accession": x.source_accession or None,
            "document": x.document.sequence or x.document.slug if x.document else None,
            "linked_filing": x.source_accession if x.source_accession in stored else None,
        }


ROWS = {"events": event_rows, "organizations": organization_rows, "exhibits": exhibit_rows}

# The keys of each kind's rows, in order: CSV columns, written even when there are no rows.
COLUMNS = {
    "events": [
        "accession",
        "document",
        "name_raw",
        "name",
        "person_key",
        "cik",
        "event_type",
        "role",
        "organization",
        "effective_date",
        "disagreement",
        "evidence",
        "start",
        "end",
        "source",
        "link_confidence",
        "link_reason",
    ],
    "organizations": [
        "accession",
        "document",
        "name",
        "normalized",
        "cik",
        "evidence",
        "start",
        "end",
    ],
    "exhibits": [
        "accession",
        "number",
        "description",
        "filed_here",
        "incorporated_by_reference",
        "source_form",
        "source_date",
        "source_accession",
        "document",
        "linked_filing",
    ],
}
