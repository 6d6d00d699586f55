"""Timelines of people events as analysts have reviewed them: a person's (confirmed,
unreviewed and rejected apart) and a company's board and officers (who held which role,
from when to when), built from extracted events and the decisions on them.

What an analyst decided wins over what the extractor proposed: a corrected event shows
the analyst's facts, a rejected one leaves the timeline (to a list of its own), and an
event an analyst recorded stands beside the extracted ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .models import (
    ACCEPTED,
    CORRECTED,
    LIGHT_DOCUMENT,
    RECORDED,
    REJECTED,
    UNREVIEWED,
    Event,
    EventDecision,
    Filing,
)

# Events that start a role and events that end one.
STARTS = {"appointed", "elected", "named-to-committee"}
ENDS = {"resigned", "retired", "terminated", "died"}


@dataclass
class Entry:
    """One line of a timeline: an extracted event (with its decision, if any) or an
    event an analyst recorded."""

    state: str
    event_type: str
    name: str
    role: str
    organization: str
    when: dt.date | None
    filing: Filing
    evidence: str
    url: str
    event: Event | None = None
    decision: EventDecision | None = None
    effective_immediately: bool = False
    future: bool = False  # effective after the filing date

    @property
    def reviewed(self) -> bool:
        return self.state in (ACCEPTED, CORRECTED, RECORDED)


@dataclass
class Timeline:
    confirmed: list[Entry] = field(default_factory=list)
    unreviewed: list[Entry] = field(default_factory=list)
    rejected: list[Entry] = field(default_factory=list)

    def all(self) -> list[Entry]:
        return self.confirmed + self.unreviewed


def live_decisions():
    return EventDecision.objects.live().select_related("decided_by", "note", "note__filing")


def entries(events, recorded) -> Timeline:
    """A timeline of these events (an Event queryset) and recorded decisions."""
    decided: dict[int, EventDecision] = {}
    events = list(events.select_related("filing", "person").prefetch_related(LIGHT_DOCUMENT))
    for decision in live_decisions().filter(event__in=[e.pk for e in events]):
        decided.setdefault(decision.event_id, decision)  # newest first
    timeline = Timeline()
    for event in events:
        decision = decided.get(event.pk)
        entry = from_event(event, decision)
        if entry.state == REJECTED:
            timeline.rejected.append(entry)
        elif entry.reviewed:
            timeline.confirmed.append(entry)
        else:
            timeline.unreviewed.append(entry)
    for decision in recorded.filter(event=None):
        timeline.confirmed.append(from_recorded(decision))
    for part in (timeline.confirmed, timeline.unreviewed, timeline.rejected):
        part.sort(key=lambda e: (e.when or e.filing.filed_date or dt.date.min, e.filing.accession))
    return timeline


def from_event(event: Event, decision: EventDecision | None) -> Entry:
    state = decision.state if decision else UNREVIEWED
    facts = {
        "event_type": event.event_type,
        "name": event.name,
        "role": event.role,
        "organization": event.organization,
        "effective_date": event.effective_date,
    }
    immediately = False
    if decision is not None and decision.state in (CORRECTED, RECORDED):
        facts.update(
            event_type=decision.event_type,
            name=decision.name,
            role=decision.role,
            organization=decision.organization,
            effective_date=decision.effective_date,
        )
        immediately = decision.effective_immediately
    when = facts["effective_date"] or event.filing.filed_date
    return Entry(
        state=state,
        event_type=facts["event_type"],
        name=facts["name"],
        role=facts["role"],
        organization=facts["organization"],
        when=when,
        filing=event.filing,
        evidence=event.evidence,
        url=event.get_absolute_url(),
        event=event,
        decision=decision,
        effective_immediately=immediately,
        future=bool(
            facts["effective_date"]
            and event.filing.filed_date
            and facts["effective_date"] > event.filing.filed_date
        ),
    )


def from_recorded(decision: EventDecision) -> Entry:
    note, filing = decision.note, decision.note.filing
    return Entry(
        state=RECORDED,
        event_type=decision.event_type,
        name=decision.name,
        role=decision.role,
        organization=decision.organization,
        when=decision.effective_date or filing.filed_date,
        filing=filing,
        evidence=note.exact,
        url=note.document_url() if note.document_slug else filing.get_absolute_url(),
        decision=decision,
        effective_immediately=decision.effective_immediately,
        future=bool(
            decision.effective_date
            and filing.filed_date
            and decision.effective_date > filing.filed_date
        ),
    )


def person_timeline(person) -> Timeline:
    from .identity import events_for

    cluster = person.cluster_ids()
    return entries(events_for(person), live_decisions().filter(state=RECORDED, person__in=cluster))


@dataclass
class Tenure:
    """A person in a role at a company: from the event that started it to the one that
    ended it (either may be unknown), each with the entry that says so."""

    person_name: str
    person_url: str
    role: str
    start: Entry | None = None
    end: Entry | None = None


def board(company) -> list[Tenure]:
    """Who held which role at the company, from reviewed events only (accepted,
    corrected and recorded) in the filings that name the company."""
    events = Event.objects.filter(filing__parties__company=company).distinct()
    recorded = live_decisions().filter(state=RECORDED, note__filing__parties__company=company)
    confirmed = entries(events, recorded.distinct()).confirmed
    tenures: list[Tenure] = []
    open_roles: dict[tuple[str, str], Tenure] = {}
    for entry in confirmed:
        person = entry.event.person.canonical() if entry.event else entry.decision.person
        key_name = person.pk if person else entry.name.casefold()
        url = person.get_absolute_url() if person else ""
        name = person.name if person else entry.name
        role = entry.role or ("director" if entry.event_type == "elected" else "")
        if entry.event_type in STARTS:
            tenure = Tenure(name, url, role, start=entry)
            tenures.append(tenure)
            open_roles[key_name, role.casefold()] = tenure
        elif entry.event_type in ENDS:
            tenure = open_roles.pop((key_name, role.casefold()), None)
            if tenure is None:
                # Ends a role it did not see start (or names the role differently).
                same = [k for k in open_roles if k[0] == key_name]
                tenure = open_roles.pop(same[0]) if len(same) == 1 and not role else None
            if tenure is None:
                tenure = Tenure(name, url, role)
                tenures.append(tenure)
            tenure.end = entry
    return sorted(
        tenures,
        key=lambda t: (t.end is not None, t.person_name.casefold(), t.role.casefold()),
    )


# ---------------------------------------------------------------------------
# A company's timeline: its filings, what their headers say changed, and the people
# events in them, on one time axis.

COMPANY_KINDS = {
    "filing": "Filings",
    "name": "Name changes",
    "address": "Address changes",
    "file-number": "File numbers",
    "event": "People events",
}


@dataclass
class Moment:
    kind: str  # a key of COMPANY_KINDS
    when: dt.date | None
    title: str
    detail: str
    filing: Filing
    url: str
    state: str = ""  # a people event's review state

    @property
    def kind_label(self) -> str:
        return COMPANY_KINDS[self.kind]


def company_timeline(company, appearances) -> list[Moment]:
    """Everything dated about the company, newest first. `appearances` are its party
    rows (one per filing and role); each filing's header snapshot is read in filing
    order, so a change is dated by the first filing that shows it."""
    from .formtypes import form_name
    from .templatetags.addresses import address_line

    moments: list[Moment] = []
    seen_filings: set[str] = set()
    seen_former: set[str] = set()
    seen_numbers: set[str] = set()
    last: dict[str, str] = {}
    ordered = appearances.select_related("filing").order_by(
        "filing__filed_date", "filing__accession", "position"
    )
    for party in ordered:
        filing = party.filing
        when, url = filing.filed_date, filing.get_absolute_url()
        if filing.accession not in seen_filings:
            seen_filings.add(filing.accession)
            moments.append(
                Moment("filing", when, f"{filing.form} filed", form_name(filing.form), filing, url)
            )
        if party.name and last.get("name") not in (None, party.name):
            moments.append(
                Moment(
                    "name",
                    when,
                    f"Name written “{party.name}”",
                    f"was “{last['name']}”",
                    filing,
                    url,
                )
            )
        last["name"] = party.name or last.get("name")
        for former in party.former_names or []:
            if former["name"] in seen_former:
                continue
            seen_former.add(former["name"])
            changed = former.get("date_of_change")
            moments.append(
                Moment(
                    "name",
                    dt.date.fromisoformat(changed) if changed else None,
                    f"Former name “{former['name']}” given up",
                    f"FORMER COMPANY in the header of {filing.accession}"
                    + ("" if changed else " (no date of change)"),
                    filing,
                    url,
                )
            )
        for key, label in (("business_address", "Business"), ("mail_address", "Mail")):
            line = address_line(getattr(party, key))
            if not line or last.get(key) == line:
                continue
            detail = f"was {last[key]}" if key in last else "first in the store"
            moments.append(Moment("address", when, f"{label} address: {line}", detail, filing, url))
            last[key] = line
        for values in party.filing_values or []:
            number = values.get("file_number")
            if number and number not in seen_numbers:
                seen_numbers.add(number)
                form = values.get("form_type") or filing.form
                moments.append(
                    Moment(
                        "file-number",
                        when,
                        f"File number {number}",
                        f"first on a {form}",
                        filing,
                        url,
                    )
                )
    events = Event.objects.filter(filing__parties__company=company).distinct()
    recorded = live_decisions().filter(state=RECORDED, note__filing__parties__company=company)
    for entry in entries(events, recorded.distinct()).all():
        title = f"{entry.name} {entry.event_type}" + (f" ({entry.role})" if entry.role else "")
        moments.append(
            Moment("event", entry.when, title, entry.evidence, entry.filing, entry.url, entry.state)
        )
    moments.sort(key=lambda m: (m.when or dt.date.min, m.filing.accession), reverse=True)
    return moments
