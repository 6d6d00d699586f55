"""The store as flat rows: `manage.py export` and the /api/<kind>.json endpoints.

Each kind names its objects and the filters that narrow them, a sort key that is unique
(so a page can resume after its last row) and how its objects become rows. Rows are made
a batch at a time, with one query per batch for whatever a row needs beyond its object.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count, F, Prefetch, Q, QuerySet

from .formtypes import form_name
from .models import (
    LIGHT_DOCUMENT,
    TEAM,
    Annotation,
    Company,
    Event,
    Exhibit,
    Filing,
    FilingParty,
    OrganizationMention,
    Person,
    Tag,
)

# What `manage.py export` writes; the API serves these and the kinds after them in LISTS.
KINDS = ("events", "organizations", "exhibits")
BATCH = 2000
EDGAR_TIME = ZoneInfo("America/New_York")


def iso(value):
    return value.isoformat() if value else None


def padded(cik: int | None) -> str | None:
    return None if cik is None else f"{cik:010d}"


class Clusters:
    """Who is merged into whom, read in one query (merges are an analyst's few): each
    person's survivor and each cluster's CIK, without a query per person."""

    def __init__(self):
        merged = Person.objects.exclude(merged_into=None)
        rows = Person.objects.filter(
            Q(merged_into__isnull=False) | Q(pk__in=merged.values("merged_into_id"))
        ).values_list("pk", "merged_into_id", "cik")
        self.parent = {pk: into for pk, into, _ in rows if into}
        self.members: dict[int, list[int]] = {}
        self.ciks: dict[int, set[int]] = {}
        for pk, _, cik in rows:
            survivor = self.survivor(pk)
            self.members.setdefault(survivor, []).append(pk)
            found = self.ciks.setdefault(survivor, set())
            if cik is not None:
                found.add(cik)

    def survivor(self, pk: int) -> int:
        """As Person.canonical: follow merges, stopping at a loop."""
        seen = {pk}
        while (into := self.parent.get(pk)) is not None and into not in seen:
            seen.add(into)
            pk = into
        return pk

    def cluster(self, pk: int) -> list[int]:
        """Everyone in the same cluster as this person, its survivor included."""
        survivor = self.survivor(pk)
        return self.members.get(survivor, [survivor])

    def within(self, ids: Iterable[int]) -> set[int]:
        return {member for pk in ids for member in self.cluster(pk)}

    def cik(self, pk: int, own: int | None) -> int | None:
        """The CIK of this person's cluster: one CIK is one person, so at most one."""
        survivor = self.survivor(pk)
        if survivor not in self.ciks:
            return own
        return min(self.ciks[survivor], default=None)


# --- filters ---------------------------------------------------------------------------------

FILING_PARAMS = ("accession", "cik", "form", "filed_from", "filed_to")


def by_filing(objects: QuerySet, params: dict, path: str) -> QuerySet:
    """The filters of every kind read from filings; `path` leads from a row to its filing.
    A CIK picks the filings whose header names it, in any role."""
    if "accession" in params:
        objects = objects.filter(**{f"{path}pk__in": params["accession"]})
    if "cik" in params:
        named = FilingParty.objects.filter(cik__in=params["cik"]).values("filing_id")
        objects = objects.filter(**{f"{path}pk__in": named})
    if "form" in params:
        objects = objects.filter(**{f"{path}form__in": params["form"]})
    if "filed_from" in params:
        objects = objects.filter(**{f"{path}filed_date__gte": params["filed_from"]})
    if "filed_to" in params:
        objects = objects.filter(**{f"{path}filed_date__lte": params["filed_to"]})
    return objects


def naming(person_ids: Iterable[int]) -> Q:
    """Filings that name one of these people: in an event, or as a reporting owner."""
    ids = list(person_ids)
    return Q(pk__in=Event.objects.filter(person_id__in=ids).values("filing_id")) | Q(
        pk__in=FilingParty.objects.filter(person_id__in=ids).values("filing_id")
    )


# --- events ----------------------------------------------------------------------------------


def select_events(params: dict) -> QuerySet:
    events = Event.objects.select_related("filing", "person").prefetch_related(LIGHT_DOCUMENT)
    if "person" in params:
        events = events.filter(person_id__in=Clusters().within(params["person"]))
    return by_filing(events, params, "filing__")


def events_as_rows(events: Iterable[Event]) -> Iterator[dict]:
    clusters = Clusters()
    for e in events:
        yield {
            "accession": e.filing_id,
            "document": e.document.sequence or e.document.slug if e.document else None,
            "name_raw": e.name_raw,
            "name": e.name,
            "person_key": clusters.survivor(e.person_id),
            "cik": padded(clusters.cik(e.person_id, e.person.cik)),
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
            "confidence": e.confidence,
            "guess": e.guess,
        }


# --- organizations and exhibits --------------------------------------------------------------


def select_organizations(params: dict) -> QuerySet:
    mentions = OrganizationMention.objects.prefetch_related(LIGHT_DOCUMENT)
    return by_filing(mentions, params, "filing__")


def organizations_as_rows(mentions: Iterable[OrganizationMention]) -> Iterator[dict]:
    for m in mentions:
        yield {
            "accession": m.filing_id,
            "document": m.document.sequence or m.document.slug,
            "name": m.name,
            "normalized": m.normalized,
            "cik": padded(m.company_id),
            "evidence": m.evidence,
            "start": m.start,
            "end": m.end,
        }


def select_exhibits(params: dict) -> QuerySet:
    return by_filing(Exhibit.objects.prefetch_related(LIGHT_DOCUMENT), params, "filing__")


def exhibits_as_rows(exhibits: Iterable[Exhibit]) -> Iterator[dict]:
    for batch in itertools.batched(exhibits, BATCH):
        wanted = {x.source_accession for x in batch if x.source_accession}
        stored = set(Filing.objects.filter(pk__in=wanted).values_list("pk", flat=True))
        for x in batch:
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


# --- filings ---------------------------------------------------------------------------------


def select_filings(params: dict) -> QuerySet:
    parties = FilingParty.objects.only("filing_id", "position", "role", "cik", "name")
    filings = Filing.objects.only(
        "accession",
        "form",
        "filed_date",
        "period_of_report",
        "acceptance_datetime",
        "document_count",
        "version",
        "findings",
    ).prefetch_related(Prefetch("parties", queryset=parties.order_by("filing_id", "position")))
    if "person" in params:
        filings = filings.filter(naming(Clusters().within(params["person"])))
    return by_filing(filings, params, "")


def filings_as_rows(filings: Iterable[Filing]) -> Iterator[dict]:
    for f in filings:
        party = f.primary_party
        yield {
            "accession": f.accession,
            "form": f.form,
            "form_name": form_name(f.form) or None,
            "filed_date": iso(f.filed_date),
            "period_of_report": iso(f.period_of_report),
            # As the header writes it: EDGAR's clock is US Eastern.
            "acceptance_datetime": iso(
                f.acceptance_datetime and f.acceptance_datetime.astimezone(EDGAR_TIME)
            ),
            "cik": padded(party.cik) if party else None,
            "company": (party.name or None) if party else None,
            "document_count": f.document_count,
            "version": f.version,
            "findings": [finding["code"] for finding in f.findings],
            "url": f.get_absolute_url(),
        }


# --- companies -------------------------------------------------------------------------------


def select_companies(params: dict) -> QuerySet:
    companies = Company.objects.all()
    if "cik" in params:
        companies = companies.filter(pk__in=params["cik"])
    if "accession" in params:
        parties = FilingParty.objects.filter(filing_id__in=params["accession"])
        companies = companies.filter(pk__in=parties.values("company_id"))
    return companies


def companies_as_rows(companies: Iterable[Company]) -> Iterator[dict]:
    for batch in itertools.batched(companies, BATCH):
        parties = FilingParty.objects.filter(cik__in=[c.cik for c in batch])
        counts = dict(
            parties.values("cik")
            .annotate(n=Count("filing_id", distinct=True))
            .values_list("cik", "n")
        )
        former: dict[int, dict[str, dict]] = {}
        named = parties.exclude(former_names=[]).order_by("pk")
        for cik, names in named.values_list("cik", "former_names"):
            for entry in names:
                former.setdefault(cik, {}).setdefault(entry["name"], entry)
        for c in batch:
            names = former.get(c.cik, {}).values()
            yield {
                "cik": padded(c.cik),
                "name": c.name,
                "sic": c.sic or None,
                "state_of_incorporation": c.state_of_incorporation or None,
                "former_names": sorted(names, key=lambda e: e.get("date_of_change") or ""),
                "filing_count": counts.get(c.cik, 0),
                "url": c.get_absolute_url(),
            }


# --- people ----------------------------------------------------------------------------------

PEOPLE_PARAMS = ("accession", "cik", "person", "merged")


def select_people(params: dict) -> QuerySet:
    """The people the site shows: survivors of merges, unless merged=true asks for the
    merged ones too. A person's id or CIK finds their whole cluster."""
    people = Person.objects.all()
    if not params.get("merged"):
        people = people.filter(merged_into=None)
    clusters = Clusters()
    if "person" in params:
        people = people.filter(pk__in=clusters.within(params["person"]))
    if "cik" in params:
        ids = Person.objects.filter(cik__in=params["cik"]).values_list("pk", flat=True)
        people = people.filter(pk__in=clusters.within(ids))
    if "accession" in params:
        named = Event.objects.filter(filing_id__in=params["accession"])
        owners = FilingParty.objects.filter(filing_id__in=params["accession"]).exclude(person=None)
        ids = {
            *named.values_list("person_id", flat=True),
            *owners.values_list("person_id", flat=True),
        }
        people = people.filter(pk__in=clusters.within(ids))
    return people


def people_as_rows(people: Iterable[Person]) -> Iterator[dict]:
    """A survivor counts the events of everyone merged into it (as its page and the
    events rows do); a merged person counts its own."""
    clusters = Clusters()
    for batch in itertools.batched(people, BATCH):
        counted = {
            p.pk: clusters.cluster(p.pk) if p.merged_into_id is None else [p.pk] for p in batch
        }
        events = Event.objects.filter(person_id__in=[pk for ids in counted.values() for pk in ids])
        counts = dict(
            events.values("person_id").annotate(n=Count("pk")).values_list("person_id", "n")
        )
        for p in batch:
            survivor = p.merged_into_id is None
            yield {
                "id": p.pk,
                "name": p.name,
                "raw_name": p.raw_name,
                "cik": padded(clusters.cik(p.pk, p.cik) if survivor else p.cik),
                "merged_into": None if survivor else clusters.survivor(p.pk),
                "event_count": sum(counts.get(pk, 0) for pk in counted[p.pk]),
                "url": p.get_absolute_url(),
            }


# --- annotations -----------------------------------------------------------------------------

ANNOTATION_PARAMS = ("accession", "author", "tag", "since")


def select_annotations(notes: QuerySet, params: dict) -> QuerySet:
    """The live notes among `notes` (the reader's visible_to(), or every note for the
    operator's export), narrowed: `since` takes notes created or modified since then."""
    notes = (
        notes.plain()
        .filter(deleted_at=None)
        .select_related("author")
        .prefetch_related("tags", "teams")
        .order_by("pk")
    )
    if "accession" in params:
        notes = notes.filter(filing_id__in=params["accession"])
    if "author" in params:
        notes = notes.filter(author__username__in=params["author"])
    if "tag" in params:
        named = Q()
        for name in params["tag"]:
            named |= Q(name__iexact=name)
        tagged = Annotation.tags.through.objects.filter(tag__in=Tag.objects.filter(named))
        notes = notes.filter(pk__in=tagged.values("annotation_id"))
    if "since" in params:
        notes = notes.filter(
            Q(created_at__gte=params["since"]) | Q(updated_at__gte=params["since"])
        )
    return notes


def annotations_as_rows(notes: Iterable[Annotation]) -> Iterator[dict]:
    """Flat rows for CSV. `teams` is empty on a team note seen by all its author's teams."""
    for n in notes:
        chosen = n.visibility == TEAM and not n.all_author_teams
        yield {
            "id": n.pk,
            "accession": n.filing_id,
            "document": n.document_slug,
            "kind": n.kind,
            "author": n.author.username,
            "created": iso(n.created_at),
            "modified": iso(n.updated_at),
            "visibility": n.visibility,
            "teams": "; ".join(sorted(g.name for g in n.teams.all())) if chosen else "",
            "tags": "; ".join(sorted((t.name for t in n.tags.all()), key=str.casefold)),
            "body": n.body,
            "exact": n.exact,
            "prefix": n.prefix,
            "suffix": n.suffix,
            "start": n.start,
            "end": n.end,
            "text_hash": n.text_hash,
            "anchor_state": n.anchor_state if not n.parent_id else None,
            "parent": n.parent_id,
        }


ANNOTATION_COLUMNS = [
    "id",
    "accession",
    "document",
    "kind",
    "author",
    "created",
    "modified",
    "visibility",
    "teams",
    "tags",
    "body",
    "exact",
    "prefix",
    "suffix",
    "start",
    "end",
    "text_hash",
    "anchor_state",
    "parent",
]


# --- the kinds -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Listing:
    select: Callable[[dict], QuerySet]  # the objects, narrowed by parsed parameters
    params: tuple[str, ...]  # the parameters `select` takes
    order: tuple[str, ...]  # a unique sort key: field paths, oldest filings first
    as_rows: Callable[[Iterable], Iterator[dict]]

    def ordered(self, objects: QuerySet) -> QuerySet:
        """In sort-key order. NULL sorts first on every database, as `after` expects."""
        model = objects.model
        return objects.order_by(
            *(F(p).asc(nulls_first=True) if nullable(model, p) else p for p in self.order)
        )

    def key(self, obj) -> list:
        """The sort key of one object, read from what the query already loaded."""
        values = []
        for path in self.order:
            value = obj
            for name in path.split("__"):
                value = getattr(value, name) if value is not None else None
            values.append(value)
        return values

    def after(self, objects: QuerySet, key: list) -> QuerySet:
        """The objects after the one with this sort key."""
        later, same = Q(), Q()
        for path, value in zip(self.order, key, strict=True):
            if value is None:
                later |= same & Q(**{f"{path}__isnull": False})
                same &= Q(**{f"{path}__isnull": True})
            else:
                later |= same & Q(**{f"{path}__gt": value})
                same &= Q(**{path: value})
        return objects.filter(later)

    def rows(self, params: dict) -> Iterator[dict]:
        """Every row, for the export command."""
        objects = self.ordered(self.select(params))
        return self.as_rows(objects.iterator(chunk_size=BATCH))


def nullable(model, path: str) -> bool:
    """Whether a field path can be NULL: a nullable field, or one behind a nullable relation."""
    for name in path.split("__"):
        field = model._meta.pk if name == "pk" else model._meta.get_field(name)
        if field.null:
            return True
        model = field.related_model
    return False


LISTS = {
    "events": Listing(
        select_events,
        (*FILING_PARAMS, "person"),
        ("filing__filed_date", "filing_id", "document__position", "start", "pk"),
        events_as_rows,
    ),
    "organizations": Listing(
        select_organizations,
        FILING_PARAMS,
        ("filing_id", "document__position", "start", "pk"),
        organizations_as_rows,
    ),
    "exhibits": Listing(select_exhibits, FILING_PARAMS, ("filing_id", "pk"), exhibits_as_rows),
    "filings": Listing(
        select_filings, (*FILING_PARAMS, "person"), ("filed_date", "accession"), filings_as_rows
    ),
    "companies": Listing(select_companies, ("accession", "cik"), ("cik",), companies_as_rows),
    "people": Listing(select_people, PEOPLE_PARAMS, ("pk",), people_as_rows),
}


def event_rows(accessions: list[str] | None = None) -> Iterator[dict]:
    return LISTS["events"].rows({"accession": accessions} if accessions else {})


def organization_rows(accessions: list[str] | None = None) -> Iterator[dict]:
    return LISTS["organizations"].rows({"accession": accessions} if accessions else {})


def exhibit_rows(accessions: list[str] | None = None) -> Iterator[dict]:
    return LISTS["exhibits"].rows({"accession": accessions} if accessions else {})


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
        "confidence",
        "guess",
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
