"""Candidates the people-and-events extractors return. Plain frozen dataclasses.

Offsets are character offsets into the plain text of one document (the renderer's output):
``text[c.start:c.end] == c.evidence``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .people import PersonName

EVENT_TYPES = (
    "appointed",
    "elected",
    "resigned",
    "retired",
    "terminated",
    "died",
    "compensation-change",
    "named-to-committee",
    "signed",
    "reporting-owner",
    "other",
)

SOURCES = (
    "item-5.02",
    "item-5.07",
    "item-8.01",
    "item-5",
    "item-6",
    "report",  # a 10-Q's own text: the meeting's vote, a management change in the discussion
    "signature",
    "press-release",
    "form4-xml",
    "header",
)


@dataclass(frozen=True, slots=True)
class EventCandidate:
    name: PersonName
    event_type: str  # one of EVENT_TYPES
    role: str  # position or title as written, "" when none is stated
    organization: str  # "" when none is stated
    effective_date: dt.date | None  # may lie after the filing date
    disagreement: bool | None  # None when the filing says nothing
    evidence: str  # the sentence (or signature block) the event was read from
    start: int
    end: int
    document_sequence: str
    source: str  # one of SOURCES
    # What the reading inferred rather than read ("" when the text states it all), and how
    # sure it is: the review queue shows the least sure first.
    guess: str = ""
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class OwnerCandidate:
    """A reporting owner of a Form 3, 4 or 5 (XML or pre-XML header)."""

    cik: str | None  # 10 digits, as written
    raw_name: str
    name: PersonName
    is_director: bool
    is_officer: bool
    officer_title: str
    is_ten_percent_owner: bool
    is_other: bool
    other_text: str
    is_organization: bool
    document_sequence: str  # "" for header owners
    source: str  # "form4-xml" or "header"
    event_type: str = "reporting-owner"
    # Offsets of the <reportingOwner> element in the XML text; 0, 0 for header owners.
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Extraction:
    events: tuple[EventCandidate, ...] = field(default_factory=tuple)
    owners: tuple[OwnerCandidate, ...] = field(default_factory=tuple)
