"""Writing analysts' decisions on events: accept, correct or reject an extracted event,
record one the extractor missed, withdraw a decision, and match decisions again to the
events of a new extraction. The only writer of decisions; each one is an event note
written with the note machinery of filings.annotations (anchor, version, search index).

A decision is shared state of the store (the event's review state), so it is a public
note and any reviewer may change it; every change keeps a version with who and when.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from . import annotations
from .annotations import AnnotationError, Target
from .extract.model import EVENT_TYPES
from .extract.organizations import normalize_company_name
from .models import (
    CORRECTED,
    ORPHANED,
    RECORDED,
    REJECTED,
    REVIEW_STATES,
    Annotation,
    Company,
    Document,
    Event,
    EventDecision,
    Filing,
    Person,
    may_review,
)

MAX_REASON = 2_000


@dataclass(frozen=True)
class Facts:
    """An event as an analyst states it (a correction, or an event the extractor missed)."""

    event_type: str
    name: str
    role: str = ""
    organization: str = ""
    person: Person | None = None
    company: Company | None = None
    effective_date: dt.date | None = None
    effective_immediately: bool = False


def proposed(event: Event) -> dict:
    """What the extractor says, kept with a decision: what it is matched on again, and
    what is shown when the extractor no longer finds it."""
    return {
        "event_type": event.event_type,
        "name": event.name,
        "name_raw": event.name_raw,
        "person_id": event.person_id,
        "role": event.role,
        "organization": event.organization,
        "effective_date": event.effective_date.isoformat() if event.effective_date else "",
        "evidence": event.evidence,
        "start": event.start,
        "end": event.end,
        "source": event.source,
    }


def current(event: Event) -> EventDecision | None:
    return EventDecision.objects.live().filter(event=event).select_related("note").first()


def decide(
    user,
    event: Event,
    state: str,
    *,
    facts: Facts | None = None,
    reason: str = "",
    body: str = "",
    version: int = 0,
) -> EventDecision:
    """Accept, correct or reject an extracted event. `version` is the version of the
    decision the reviewer saw (0: none): if someone decided in between, nothing is
    overwritten and the reviewer is told who."""
    check_reviewer(user)
    if state not in REVIEW_STATES:
        raise AnnotationError(f"A decision is accepted, corrected or rejected, not {state!r}.")
    fields = decision_fields(state, facts, reason)
    body = check_body(body)
    with transaction.atomic():
        decision = (
            EventDecision.objects.live()
            .select_for_update(of=("self",))
            .filter(event=event)
            .select_related("note", "decided_by")
            .first()
        )
        seen = decision.note.version if decision else 0
        if seen != version:
            if decision is None:
                raise AnnotationError(
                    "The decision you opened was withdrawn; nothing was saved: reload.", 409
                )
            who = decision.decided_by.get_username() if decision.decided_by else "someone"
            raise AnnotationError(
                f"{who} {decision.state} this event after you opened it; nothing was saved. "
                "Reload to see their decision.",
                status=409,
            )
        if decision is None:
            note = annotations.structured_note(
                user, event.filing, event_target(event), Annotation.EVENT, body
            )
            decision = EventDecision(note=note, event=event, proposed=proposed(event))
            action = "created"
        else:
            note = decision.note
            Annotation.objects.filter(pk=note.pk).update(
                body=body,
                body_html=annotations.render_body(body),
                version=F("version") + 1,
                updated_at=timezone.now(),
            )
            note.refresh_from_db()
            annotations.index_note(note)  # a new note is indexed as structured_note makes it
            action = "edited"
        save_decision(decision, user, state, fields)
        annotations.record(note, action, user, decision=snapshot(decision))
    return decision


def record_event(user, target: Target, facts: Facts, body: str = "") -> EventDecision:
    """An event the extractor missed, on the passage that states it."""
    check_reviewer(user)
    fields = decision_fields(RECORDED, facts, "")
    body = check_body(body)
    with transaction.atomic():
        note = annotations.structured_note(user, target.filing, target, Annotation.EVENT, body)
        decision = EventDecision(note=note)
        save_decision(decision, user, RECORDED, fields)
        annotations.record(note, "created", user, decision=snapshot(decision))
        rematch(target.filing)
    decision.refresh_from_db()
    return decision


def withdraw(user, decision: EventDecision) -> None:
    """Back to unreviewed (or, for a recorded event, gone): the note is soft-deleted and
    keeps its versions; deciding again starts a new decision."""
    check_reviewer(user)
    note = decision.note
    if note.deleted_at is not None:
        raise AnnotationError("This decision was already withdrawn.", status=409)
    annotations.soft_delete(note, user, decision=snapshot(decision))


# --- the pieces --------------------------------------------------------------------------


def check_reviewer(user) -> None:
    if not may_review(user):
        if user.is_authenticated:
            raise AnnotationError("Only analysts may decide on events.", status=403)
        raise AnnotationError("Log in to decide on events.", status=403)


def check_body(body: str) -> str:
    body = annotations.clean_text(body or "")
    if len(body) > annotations.MAX_BODY:
        raise AnnotationError(f"A note is at most {annotations.MAX_BODY:,} characters.")
    return body


def decision_fields(state: str, facts: Facts | None, reason: str) -> dict:
    """The columns of a decision in this state, checked."""
    reason = annotations.clean_text(reason or "").strip()
    fields = {
        "event_type": "",
        "name": "",
        "role": "",
        "organization": "",
        "person": None,
        "company": None,
        "effective_date": None,
        "effective_immediately": False,
        "reason": "",
    }
    if state == REJECTED:
        if not reason:
            raise AnnotationError("Say why the event is wrong: a rejection needs a reason.")
        if len(reason) > MAX_REASON:
            raise AnnotationError(f"A reason is at most {MAX_REASON:,} characters.")
        fields["reason"] = reason
    if state in (CORRECTED, RECORDED):
        if facts is None:
            raise AnnotationError("A corrected or recorded event needs its facts.")
        if facts.event_type not in EVENT_TYPES:
            raise AnnotationError(
                f"The event type is one of {', '.join(EVENT_TYPES)}, not {facts.event_type!r}."
            )
        name = annotations.clean_text(facts.person.name if facts.person else facts.name)
        if not name.strip():
            raise AnnotationError("Name the person the event is about.")
        if facts.effective_immediately and facts.effective_date:
            raise AnnotationError("An event is effective immediately or on a date, not both.")
        organization = annotations.clean_text(
            facts.company.name if facts.company and not facts.organization else facts.organization
        ).strip()[:500]
        company = facts.company or stored_company(organization)
        fields.update(
            event_type=facts.event_type,
            name=name.strip()[:255],
            role=annotations.clean_text(facts.role).strip()[:500],
            organization=organization,
            person=facts.person,
            company=company,
            effective_date=facts.effective_date,
            effective_immediately=facts.effective_immediately,
        )
    return fields


def stored_company(name: str) -> Company | None:
    """The stored company a company name written by an analyst names, when one does."""
    if not name:
        return None
    return Company.objects.filter(normalized_name=normalize_company_name(name)[:255]).first()


def event_target(event: Event) -> Target | None:
    """The event's evidence span as a note target (None for an event read from the
    header, which has no sentence in a document)."""
    doc = event.document
    if doc is None or event.start is None or event.end is None or event.end <= event.start:
        return None
    text = Document.objects.values_list("text", flat=True).get(pk=doc.pk)
    return Target(
        event.filing, doc, event.start, event.end, text[event.start : event.end], doc.text_hash
    )


def save_decision(decision: EventDecision, user, state: str, fields: dict) -> None:
    for key, value in fields.items():
        setattr(decision, key, value)
    decision.state = state
    decision.decided_by = user
    decision.decided_at = timezone.now()
    decision.save()


def snapshot(decision: EventDecision) -> dict:
    """A decision as a version keeps it."""
    return {
        "state": decision.state,
        "facts": decision.facts(),
        "effective_immediately": decision.effective_immediately,
        "person_id": decision.person_id,
        "company_id": decision.company_id,
        "reason": decision.reason,
    }


# --- matching again after extraction -----------------------------------------------------

_NOT_NAME = re.compile(r"[^\w]+")


def name_key(name: str) -> str:
    """Names compared as the extractor might write them twice: case, accents,
    punctuation and spacing aside."""
    folded = unicodedata.normalize("NFKD", name or "").casefold()
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _NOT_NAME.sub(" ", folded).strip()


def rematch(filing: Filing) -> dict[str, int]:
    """Attach every live decision of the filing to the event extracted now that it was
    made on: same document, same person, same event type, overlapping spans (the note's
    span, which re-anchoring has moved with the text). The newest decision wins an event;
    a decision that finds none keeps no event and is listed as lost. Run inside the
    transaction that rewrote the events, after re-anchoring."""
    decisions = list(
        EventDecision.objects.live()
        .filter(note__filing=filing)
        .select_related("note")
        .order_by("-decided_at", "-pk")
    )
    counts = {"matched": 0, "lost": 0}
    if not decisions:
        return counts
    events = list(filing.events.select_related("document").order_by("pk"))
    taken: set[int] = set()
    for decision in decisions:
        match = best_event(decision, events, taken)
        if match is not None:
            taken.add(match.pk)
        if (match.pk if match else None) != decision.event_id:
            EventDecision.objects.filter(pk=decision.pk).update(event=match)
        counts["matched" if match or decision.state == RECORDED else "lost"] += 1
    return counts


def best_event(decision: EventDecision, events: list[Event], taken: set[int]) -> Event | None:
    note = decision.note
    if decision.state == RECORDED:
        event_type, names = decision.event_type, {name_key(decision.name)}
    else:
        p = decision.proposed or {}
        event_type = p.get("event_type")
        names = {name_key(p.get("name", "")), name_key(p.get("name_raw", ""))} - {""}
    spanned = bool(note.exact)
    if spanned and note.anchor_state == ORPHANED:
        return None  # its sentence is gone from the document
    best, best_overlap = None, 0
    for event in events:
        if event.pk in taken or event.event_type != event_type:
            continue
        slug = event.document.slug if event.document else ""
        if slug != note.document_slug:
            continue
        if not names & {name_key(event.name), name_key(event.name_raw)}:
            continue
        if not spanned:
            if event.start is None:
                return event
            continue
        if event.start is None:
            continue
        overlap = min(event.end, note.end) - max(event.start, note.start)
        if overlap > best_overlap:
            best, best_overlap = event, overlap
    return best
