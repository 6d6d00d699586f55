"""How the extractor measures up against the analysts' decisions.

Two readers share it. The events export (`manage.py export events`, /api/events.json)
adds each extracted event's review to its row and lists the events analysts recorded
that the extractor missed. The accuracy report (`manage.py extraction-report`, the
admin's report page) counts the decisions: an accepted or corrected event is one the
extractor found, a rejected one a false positive, a recorded one a miss.

Only live decisions count: a withdrawn decision leaves its event unreviewed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import QuerySet

from . import export
from .export import Clusters, iso, padded
from .extract.model import EVENT_TYPES
from .models import (
    CORRECTED,
    DECISION_STATES,
    RECORDED,
    REJECTED,
    UNREVIEWED,
    Document,
    Event,
    EventDecision,
    document_slug,
    live_decision,
)

# --- each event's review, for the export -----------------------------------------------------

# The keys the export adds to an event's row, after export.COLUMNS["events"].
REVIEW_COLUMNS = ["review_state", "reviewed_by", "reviewed_at", "review_reason"]
CORRECTED_COLUMNS = [
    "corrected_event_type",
    "corrected_name",
    "corrected_role",
    "corrected_organization",
    "corrected_effective_date",
    "corrected_effective_immediately",
]
EVENT_COLUMNS = [*export.COLUMNS["events"], *REVIEW_COLUMNS, *CORRECTED_COLUMNS]


def reviews_of(event_ids: Iterable[int]) -> dict[int, EventDecision]:
    """Each event's live decision, in one query."""
    live = (
        EventDecision.objects.live()
        .filter(event_id__in=list(event_ids))
        .select_related("decided_by")
        .order_by("decided_at", "pk")
    )
    return {d.event_id: d for d in live}  # the newest wins, should an event have two


def review_keys(decision: EventDecision | None) -> dict:
    if decision is None:
        return {"review_state": UNREVIEWED, **dict.fromkeys(REVIEW_COLUMNS[1:])}
    return {
        "review_state": decision.state,
        "reviewed_by": decision.decided_by.get_username() if decision.decided_by else None,
        "reviewed_at": iso(decision.decided_at),
        "review_reason": decision.reason or None,
    }


def corrected_keys(decision: EventDecision | None) -> dict:
    """The analyst's facts: given for a corrected or a recorded event, which are the
    decisions that state facts of their own."""
    if decision is None or decision.state not in (CORRECTED, RECORDED):
        return dict.fromkeys(CORRECTED_COLUMNS)
    return {
        "corrected_event_type": decision.event_type,
        "corrected_name": decision.name,
        "corrected_role": decision.role or None,
        "corrected_organization": decision.organization or None,
        "corrected_effective_date": iso(decision.effective_date),
        "corrected_effective_immediately": decision.effective_immediately,
    }


def select_events(params: dict) -> QuerySet:
    """export.select_events; `reviewed` keeps the events with a live decision."""
    events = export.select_events(params)
    return events.filter(live_decision()) if params.get("reviewed") else events


def event_rows(events: Iterable[Event]) -> Iterator[dict]:
    """export.events_as_rows, each row with its event's review: one query per batch."""
    events, batches = itertools.tee(events)
    rows = export.events_as_rows(events)
    for batch in itertools.batched(batches, export.BATCH):
        reviews = reviews_of(e.pk for e in batch)
        for event in batch:
            decision = reviews.get(event.pk)
            yield next(rows) | review_keys(decision) | corrected_keys(decision)


def select_recorded(params: dict) -> QuerySet:
    """Events analysts recorded that no extracted event has been matched to."""
    recorded = (
        EventDecision.objects.live()
        .filter(state=RECORDED, event=None)
        .select_related("note__filing", "person", "decided_by")
    )
    if "person" in params:
        recorded = recorded.filter(person_id__in=Clusters().within(params["person"]))
    return export.by_filing(recorded, params, "note__filing__")


def recorded_rows(decisions: Iterable[EventDecision]) -> Iterator[dict]:
    """A recorded event as an event row: the analyst's facts where the extractor's would
    be, the note's passage as its evidence."""
    clusters = Clusters()
    for batch in itertools.batched(decisions, export.BATCH):
        yield from recorded_batch(batch, clusters)


def recorded_batch(decisions, clusters: Clusters) -> Iterator[dict]:
    # A note names its document by slug; a row names it as an event's row does.
    documents = Document.objects.filter(filing_id__in={d.note.filing_id for d in decisions})
    named = {}
    for filing, sequence, position in documents.values_list("filing_id", "sequence", "position"):
        slug = document_slug(sequence, position)
        named[filing, slug] = sequence or slug
    for d in decisions:
        note = d.note
        person = d.person
        row = {
            "accession": note.filing_id,
            "document": named.get((note.filing_id, note.document_slug)),
            "name_raw": None,
            "name": d.name,
            "person_key": clusters.survivor(person.pk) if person else None,
            "cik": padded(clusters.cik(person.pk, person.cik)) if person else None,
            "event_type": d.event_type,
            "role": d.role or None,
            "organization": d.organization or None,
            "effective_date": iso(d.effective_date),
            "disagreement": None,
            "evidence": note.exact,
            "start": note.start,
            "end": note.end,
            "source": None,
            "link_confidence": None,
            "link_reason": None,
            "confidence": None,
            "guess": None,
        }
        yield row | review_keys(d) | corrected_keys(d)


# The events export: the extracted events (oldest filing first), then the recorded ones.
EVENT_LISTINGS = (
    export.Listing(
        select_events,
        (*export.LISTS["events"].params, "reviewed"),
        export.LISTS["events"].order,
        event_rows,
    ),
    export.Listing(
        select_recorded,
        (*export.LISTS["events"].params, "reviewed"),
        ("note__filing__filed_date", "note__filing_id", "pk"),
        recorded_rows,
    ),
)


# --- the report ------------------------------------------------------------------------------


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def harmonic(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Counts:
    """True positives, false positives and false negatives of one group of events, and
    how many of the true positives have a role the analyst has otherwise."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    role_misses: int = 0

    @property
    def precision(self):
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self):
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self):
        return harmonic(self.precision, self.recall)

    # With the role as part of the event: a found event with the wrong role is no hit.
    @property
    def role_precision(self):
        return ratio(self.tp - self.role_misses, self.tp + self.fp)

    @property
    def role_recall(self):
        return ratio(self.tp - self.role_misses, self.tp + self.fn)

    @property
    def role_f1(self):
        return harmonic(self.role_precision, self.role_recall)

    def as_dict(self) -> dict:
        figures = ("precision", "recall", "f1", "role_precision", "role_recall", "role_f1")
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "role_misses": self.role_misses,
            **{name: getattr(self, name) for name in figures},
        }


@dataclass
class Report:
    overall: Counts = field(default_factory=Counts)
    by_event_type: dict[str, Counts] = field(default_factory=dict)
    by_form: dict[str, Counts] = field(default_factory=dict)
    decisions: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DECISION_STATES, 0))
    unreviewed: int = 0  # extracted events no one has decided on, which count for nothing

    @property
    def decided(self) -> int:
        return sum(self.decisions.values())

    def as_dict(self) -> dict:
        return {
            "decisions": self.decisions,
            "unreviewed": self.unreviewed,
            "overall": self.overall.as_dict(),
            "by_event_type": {k: c.as_dict() for k, c in self.by_event_type.items()},
            "by_form": {k: c.as_dict() for k, c in self.by_form.items()},
        }


def same_role(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").casefold().split()) == " ".join((b or "").casefold().split())


def report() -> Report:
    """The extractor's figures over every live decision, measured against the events
    extracted now: a decision re-extraction has lost its event for (see
    filings.decisions.rematch) counts as a miss when the event was real, and not at all
    when it was rejected; a recorded event the extractor has since found counts as found."""
    result = Report(unreviewed=Event.objects.exclude(live_decision()).count())
    rows = EventDecision.objects.live().values_list(
        "state",
        "event_id",
        "event__event_type",
        "event__role",
        "event_type",
        "role",
        "proposed",
        "note__filing__form",
    )
    types, forms = {}, {}
    for state, event_id, extracted_type, extracted_role, type_, role, proposed, form in rows:
        result.decisions[state] += 1
        if state in (CORRECTED, RECORDED):
            truth_type, truth_role = type_, role
        else:
            proposed = proposed or {}
            truth_type, truth_role = proposed.get("event_type", ""), proposed.get("role", "")
        if state == REJECTED:
            if event_id is None:
                continue  # the extractor no longer makes that mistake
            # A wrong event has no true type: it is filed under the extractor's.
            kind, truth_type = "fp", extracted_type
        else:
            kind = "tp" if event_id is not None else "fn"
        missed_role = kind == "tp" and not same_role(extracted_role, truth_role)
        for counts in (
            result.overall,
            types.setdefault(truth_type, Counts()),
            forms.setdefault(form, Counts()),
        ):
            setattr(counts, kind, getattr(counts, kind) + 1)
            counts.role_misses += missed_role
    order = {t: n for n, t in enumerate(EVENT_TYPES)}
    result.by_event_type = dict(sorted(types.items(), key=lambda kv: order.get(kv[0], len(order))))
    result.by_form = dict(sorted(forms.items()))
    return result
