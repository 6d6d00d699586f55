"""EDGAR complete-submission reader: bytes -> Submission. Pure Python, no Django.

from filings import edgar
sub = edgar.parse(data, name="0000320193-24-000061.txt")
"""

from .model import (
    KINDS,
    PARTY_ROLES,
    Address,
    Document,
    EdgarError,
    FilingValues,
    Finding,
    FormerName,
    ItemRef,
    Party,
    Series,
    SeriesClass,
    Submission,
    UnknownLine,
)
from .reader import parse

# Bump when parsing changes what a stored filing would hold, so filings get re-parsed.
PARSER_VERSION = 2

__all__ = [
    "KINDS",
    "PARSER_VERSION",
    "PARTY_ROLES",
    "Address",
    "Document",
    "EdgarError",
    "FilingValues",
    "Finding",
    "FormerName",
    "ItemRef",
    "Party",
    "Series",
    "SeriesClass",
    "Submission",
    "UnknownLine",
    "parse",
]
