"""Field filters, facet selections and facet counts, as masks over the in-memory facet
copy (facets.py), with labels for the values shown. The notes fields and the "has notes"
facet depend on the reader: their masks come from notes.py, one query each."""

from __future__ import annotations

import numpy as np

from ..edgar.items import title_for
from ..models import Company, Person
from . import facets, notes
from .names import merged_people, names_matching, person_cluster
from .query import Query, parse_date_range

FACET_SIZE = 15


FACETS = ("form", "year", "company", "person", "role", "state", "sic", "item")
# Filings with notes the reader may see: the copy holds each filing's note audiences, and
# which audiences the reader may see is asked on each search (notes.noted).
NOTES = "notes"
NOTES_LABELS = {notes.WITH_NOTES: "with notes", notes.WITH_MY_NOTES: "with my notes"}


def filters_mask(index: facets.Snapshot, query: Query, user=None) -> np.ndarray:
    mask = index.everything()
    for name, value in query.filters.items():
        mask &= filter_mask(index, name, value, user)
    return mask


def filter_mask(index: facets.Snapshot, name: str, value: str, user=None) -> np.ndarray:
    """The filings meeting one field filter of the query (notes: those `user` may see)."""
    if name == "note":
        return notes.note_mask(index, user, value)
    if name == "tag":
        return notes.tag_mask(index, user, value)
    if name == "filed":
        start, end = parse_date_range(value) or (None, None)
        return index.filed_between(start, end)
    if name == "company":
        return index.with_values("company", [str(c) for c in names_matching("company", value)])
    if name == "person":
        ids = person_cluster(names_matching("person", value))
        return index.with_values("person", [str(i) for i in ids])
    return selection_mask(index, name, value)


def selection_mask(index: facets.Snapshot, name: str, value: str) -> np.ndarray:
    """The filings having one facet value (a person: anyone merged with them too)."""
    if name == "person":
        ids = person_cluster([int(value)]) if value.isdigit() and len(value) < 19 else []
        return index.with_values("person", [str(i) for i in ids])
    return index.with_values(name, [value])


def count_facets(
    index, base, result, chosen: dict[str, np.ndarray], noted: dict[str, np.ndarray]
) -> dict:
    """Top values of every facet, and the "has notes" counts (`noted`: notes.noted())
    when there are any. A facet's own selection does not narrow its counts (the other
    selections do), so readers see what else they could pick."""
    survivors = merged_people()

    def counted(name):
        if name not in chosen:
            return result
        mask = base.copy()
        for other, selection in chosen.items():
            if other != name:
                mask &= selection
        return mask

    counts = {}
    for name in FACETS:
        mask = counted(name)
        counts[name] = index.top(name, mask, FACET_SIZE, survivors if name == "person" else None)
    mask = counted(NOTES)
    found = [(value, int(np.count_nonzero(mask & filings))) for value, filings in noted.items()]
    if any(n for _value, n in found):  # shown only to readers who have notes to see
        counts[NOTES] = [(value, n) for value, n in found if n]
    return counts


def empty_facets() -> dict[str, list]:
    return {name: [] for name in FACETS}


def label_facets(counts: dict[str, list[tuple[str, int]]]) -> dict[str, list]:
    """(value, label, count) rows: names for companies and people, titles for items."""
    companies = dict(
        Company.objects.filter(
            cik__in=[int(v) for v, _ in counts.get("company", []) if v.isdigit()]
        ).values_list("cik", "name")
    )
    people = dict(
        Person.objects.filter(
            pk__in=[int(v) for v, _ in counts.get("person", []) if v.isdigit()]
        ).values_list("pk", "name")
    )
    sics = dict(
        Company.objects.filter(sic__in=[v for v, _ in counts.get("sic", [])])
        .exclude(sic_description="")
        .values_list("sic", "sic_description")
    )

    def label(name: str, value: str) -> str:
        if name == "company":
            return companies.get(int(value), value) if value.isdigit() else value
        if name == "person":
            return people.get(int(value), value) if value.isdigit() else value
        if name == "sic":
            return f"{value} {sics[value].title()}" if value in sics else value
        if name == "item":
            title = title_for(value, None)
            return f"{value} {title}" if title else value
        if name == NOTES:
            return NOTES_LABELS.get(value, value)
        return value

    return {
        name: [(value, label(name, value), n) for value, n in rows] for name, rows in counts.items()
    }
