import csv
import itertools
import json
from collections.abc import Iterator

from django.core.management.base import BaseCommand, CommandError
from django.db.models import F, Prefetch, Q

from filings import w3c
from filings.accuracy import EVENT_COLUMNS, EVENT_LISTINGS
from filings.export import (
    ANNOTATION_COLUMNS,
    BATCH,
    COLUMNS,
    EDGAR_TIME,
    KINDS,
    ROWS,
    annotations_as_rows,
    iso,
    select_annotations,
)
from filings.models import (
    CORRECTED,
    RECORDED,
    REJECTED,
    UNREVIEWED,
    Annotation,
    Event,
    EventDecision,
    Filing,
    FilingParty,
    Item,
)

FORMATS = {"annotations": ("jsonld", "csv"), "events": ("jsonl", "csv", "sec-api")}


class Command(BaseCommand):
    help = (
        "Write extracted events (with their reviews, and the events analysts recorded), "
        "organizations or exhibits as JSON lines or CSV, events also as 8-K Item 5.02 "
        "personnel changes (sec-api), or every live note (all visibilities) as W3C Web "
        "Annotations (JSON-LD) or CSV."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        # Accessions may follow the options too: `export events --format csv ACCESSION`.
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.parse_args = parser.parse_intermixed_args
        return parser

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=(*KINDS, "annotations"))
        parser.add_argument("accessions", nargs="*", help="only these filings")
        parser.add_argument(
            "--format",
            choices=("jsonl", "jsonld", "csv", "sec-api"),
            help="jsonl or csv (default jsonl), for events also sec-api; for annotations "
            "jsonld or csv (default jsonld)",
        )
        parser.add_argument(
            "--reviewed-only",
            action="store_true",
            help="for events: only those an analyst has decided on",
        )
        parser.add_argument("--out", help="file to write (default: standard output)")
        parser.add_argument(
            "--base-url",
            default="",
            help="for annotations: the site's address (https://filings.example.org), which "
            "makes the notes' ids and document URLs whole; by default they are paths",
        )

    def handle(self, *args, kind, accessions, format, out, base_url, reviewed_only, **options):
        formats = FORMATS.get(kind, ("jsonl", "csv"))
        format = format or formats[0]
        if format not in formats:
            raise CommandError(f"{kind} are written as {' or '.join(formats)}, not {format}.")
        if reviewed_only and kind != "events":
            raise CommandError("--reviewed-only is for events.")
        stream = open(out, "w", newline="", encoding="utf-8") if out else self.stdout
        try:
            if kind == "annotations":
                count = write_annotations(accessions, format, stream, base_url.rstrip("/"))
            elif format == "sec-api":
                count = write(personnel_changes(accessions, reviewed_only), "jsonl", stream, [])
            elif kind == "events":
                params = {"accession": accessions} if accessions else {}
                if reviewed_only:
                    params["reviewed"] = True
                rows = itertools.chain.from_iterable(part.rows(params) for part in EVENT_LISTINGS)
                count = write(rows, format, stream, EVENT_COLUMNS)
            else:
                count = write(ROWS[kind](accessions or None), format, stream, COLUMNS[kind])
        finally:
            if out:
                stream.close()
        if out:
            self.stderr.write(f"{count} {kind} rows written to {out}")


def write_annotations(accessions, format, stream, base_url) -> int:
    # The operator's export: every live note, whoever may see it.
    notes = select_annotations(
        Annotation.objects.all(), {"accession": accessions} if accessions else {}
    )
    if format == "csv":
        return write(
            annotations_as_rows(notes.iterator(chunk_size=BATCH)),
            format,
            stream,
            ANNOTATION_COLUMNS,
        )
    items = w3c.annotations_of(notes.iterator(chunk_size=BATCH), lambda path: base_url + path)
    return w3c.write(stream, items, notes.count())


def write(rows, format, stream, columns) -> int:
    count = 0
    writer = None
    if format == "csv":
        writer = csv.DictWriter(stream, fieldnames=columns)
        writer.writeheader()
    for row in rows:
        if writer is None:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            writer.writerow(row)
        count += 1
    return count


# --- 8-K Item 5.02 personnel changes, shaped like the commercial Item 5.02 data ------------

# Our event types as its kinds of change; signatures and reporting owners change nothing.
CHANGE_TYPES = {
    "appointed": "appointment",
    "elected": "appointment",
    "named-to-committee": "appointment",
    "resigned": "departure",
    "retired": "departure",
    "terminated": "departure",
    "died": "departure",
    "compensation-change": "compensation",
    "other": "other",
}
# The reason a departure's event type tells; anything the filing says beyond it is in
# the evidence, which this shape has no place for.
DEPARTURE_REASONS = {
    "resigned": "resignation",
    "retired": "retirement",
    "terminated": "termination",
    "died": "death",
}


def personnel_changes(accessions, reviewed_only) -> Iterator[dict]:
    """One object per 8-K (any 8-K form) with Item 5.02 or with a change of personnel,
    oldest first: its extracted changes as the analysts have them (the analyst's facts
    for a corrected event, rejected ones left out) and the changes analysts recorded."""
    changes = Event.objects.filter(event_type__in=CHANGE_TYPES)
    recorded = EventDecision.objects.live().filter(state=RECORDED, event=None)
    filings = Filing.objects.filter(form__startswith="8-K").filter(
        Q(pk__in=Item.objects.filter(code="5.02").values("filing_id"))
        | Q(pk__in=changes.values("filing_id"))
        | Q(pk__in=recorded.values("note__filing_id"))
    )
    if accessions:
        filings = filings.filter(pk__in=accessions)
    parties = FilingParty.objects.only("filing_id", "position", "role", "cik", "name")
    filings = (
        filings.only("accession", "form", "filed_date", "period_of_report", "acceptance_datetime")
        .prefetch_related(
            Prefetch("parties", queryset=parties.order_by("position")),
            Prefetch("items", queryset=Item.objects.order_by("position")),
            Prefetch(
                "events",
                queryset=changes.only(
                    "filing_id", "event_type", "name", "role", "effective_date"
                ).order_by(F("document__position").asc(nulls_first=True), "start", "pk"),
                to_attr="changes",
            ),
        )
        .order_by(F("filed_date").asc(nulls_first=True), "accession")
    )
    for batch in itertools.batched(filings.iterator(chunk_size=BATCH), BATCH):
        # Every decision the batch needs, in one query.
        event_ids = [e.pk for f in batch for e in f.changes]
        live = (
            EventDecision.objects.live()
            .filter(
                Q(event_id__in=event_ids)
                | Q(state=RECORDED, event=None, note__filing_id__in=[f.pk for f in batch])
            )
            .select_related("note")
            .order_by("decided_at", "pk")
        )
        on_event, recorded_in = {}, {}
        for d in live:
            if d.event_id is None:
                recorded_in.setdefault(d.note.filing_id, []).append(d)
            else:
                on_event[d.event_id] = d
        for f in batch:
            people = [
                *(change_of(e, on_event.get(e.pk)) for e in f.changes),
                *(change_of(None, d) for d in recorded_in.get(f.pk, [])),
            ]
            people = [p for p in people if p and not (reviewed_only and unreviewed(p))]
            # An Item 5.02 filing is listed even when it names no change we know of.
            if not people and (reviewed_only or not any(i.code == "5.02" for i in f.items.all())):
                continue
            yield filing_of(f, people)


def unreviewed(change: dict) -> bool:
    return change["reviewState"] == UNREVIEWED


def change_of(event: Event | None, decision: EventDecision | None) -> dict | None:
    """An event as one personnel change, None when it is none (or was rejected)."""
    state = decision.state if decision else UNREVIEWED
    if state == REJECTED:
        return None
    facts = decision if state in (CORRECTED, RECORDED) else event
    kind = CHANGE_TYPES.get(facts.event_type)
    if kind is None:
        return None
    return {
        "type": kind,
        "name": facts.name,
        "positions": [facts.role] if facts.role else [],
        "effectiveDate": iso(facts.effective_date),
        "reason": DEPARTURE_REASONS.get(facts.event_type),
        "reviewState": state,
    }


def filing_of(f: Filing, people: list[dict]) -> dict:
    party = f.primary_party
    filed = f.acceptance_datetime.astimezone(EDGAR_TIME) if f.acceptance_datetime else None
    return {
        "accessionNo": f.accession,
        "formType": f.form,
        # EDGAR's acceptance time, on its clock (US Eastern); the filing date without one.
        "filedAt": iso(filed or f.filed_date),
        "periodOfReport": iso(f.period_of_report),
        "cik": str(party.cik) if party and party.cik is not None else None,
        "companyName": (party.name or None) if party else None,
        "items": [item_label(i) for i in f.items.all()],
        "item5_02": {"personnelChanges": people},
    }


def item_label(item: Item) -> str:
    title = item.title or item.raw_title
    return f"Item {item.code}: {title}" if item.code else title
