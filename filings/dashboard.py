"""What the home page shows: what arrived, what happened, what needs attention, and the
shape of the store. Counts come from the database as they are now; each chart's bars lead
to the search that finds the same filings.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlencode

from django.db.models import OuterRef, Prefetch, Subquery
from django.urls import reverse

from . import insiders, search
from .charts import bar_chart
from .extract.model import EVENT_TYPES
from .formtypes import form_name
from .models import (
    PRIMARY_ROLE_RANK,
    Annotation,
    Company,
    Event,
    Filing,
    FilingParty,
    Item,
    live_decision,
)

ARRIVALS = 10
HAPPENINGS = 12
TOP = 12  # bars in the form, SIC and item charts
ALL = 10_000  # every value of a facet (years)
# Events that are something happening to a person; signing a filing or owning shares
# of the issuer is not news.
HAPPENING_TYPES = tuple(t for t in EVENT_TYPES if t not in ("signed", "reporting-owner", "other"))
# Data-quality findings of the reader, as the home page names them.
FINDING_NAMES = {
    "pem-wrapper": "PEM-wrapped (pre-1997 privacy envelope)",
    "document-count-mismatch": "document count differs from the header",
    "truncated": "file truncated",
}


def search_url(query: str) -> str:
    return f"{reverse('search')}?{urlencode({'q': query})}"


def primary_name():
    """The filer's name as written, for a filings queryset (the issuer for Forms 3/4/5)."""
    return Subquery(
        FilingParty.objects.filter(filing=OuterRef("pk"))
        .annotate(rank=PRIMARY_ROLE_RANK)
        .order_by("rank", "position")
        .values("name")[:1]
    )


def arrivals(limit: int = ARRIVALS) -> list[Filing]:
    """The filings stored last, each with its items (8-K and the like) or, for Forms 3, 4
    and 5, its transactions in one line (`.insider_summary`)."""
    filings = list(
        Filing.objects.select_related("raw__uploaded_by")
        .annotate(company_name=primary_name())
        .prefetch_related(Prefetch("items", queryset=Item.objects.order_by("position")))
        .order_by("-created_at", "-accession")[:limit]
    )
    summary = insiders.summaries([f.accession for f in filings])
    for f in filings:
        f.insider_summary = summary.get(f.accession, "")
    return filings


def happenings(limit: int = HAPPENINGS) -> list[Event]:
    """The latest people events across filings (by filing date), each with its review
    state as `.state`."""
    from .views.review import attach, with_decisions

    events = Event.objects.filter(event_type__in=HAPPENING_TYPES).order_by(
        "-filing__filed_date", "-filing_id", "start", "pk"
    )[:limit]
    return attach(with_decisions(events))


def attention(user, since) -> dict:
    """What asks for someone's time: unreviewed events, data problems by kind, and the
    notes this user may read that others wrote since `since` (None: ever)."""
    findings = Counter()
    for codes in Filing.objects.exclude(findings=[]).values_list("findings", flat=True):
        for code in {f.get("code", "") for f in codes}:
            findings[code] += 1
    problems = [
        {"name": FINDING_NAMES.get(code, code), "count": n, "url": ""}
        for code, n in findings.most_common()
    ]
    cover = Filing.objects.exclude(cover_differences=[]).count()
    if cover:
        problems.append({"name": "cover page differs from the header", "count": cover, "url": ""})
    items = Filing.objects.filter(items_disagree=True).count()
    if items:
        problems.append({"name": "items differ between header and body", "count": items, "url": ""})
    flags = Annotation.objects.visible_to(user).filter(kind=Annotation.FLAG, deleted_at=None)
    if n := flags.count():
        url = f"{reverse('note-list')}?kind={Annotation.FLAG}"
        problems.append({"name": "passages flagged as data problems", "count": n, "url": url})
    notes = Annotation.objects.none()
    if user.is_authenticated:
        notes = (
            Annotation.objects.visible_to(user)
            .plain()
            .filter(deleted_at=None)
            .exclude(author=user)
            .select_related("author", "filing")
            .order_by("-created_at")
        )
        if since is not None:
            notes = notes.filter(created_at__gt=since)
    return {
        "unreviewed": Event.objects.exclude(live_decision()).count(),
        "problems": problems,
        "notes": list(notes[:10]),
        "notes_total": notes.count(),
        "since": since,
    }


def store_shape() -> dict:
    """The store in four charts (by year, form, SIC code and item) and a year x form
    table, every bar and cell linking to its search. Counted as the search's facets count
    (a filing under each SIC code of the companies it names), from their in-memory copy:
    each bar's search finds exactly its filings, and counting rows would take seconds at
    a few hundred thousand filings."""
    counted = search.totals(["year", "form", "sic", "item"], TOP)
    years = sorted(search.totals(["year"], ALL)["year"])
    forms = counted["form"]
    sics = counted["sic"]
    sic_names = dict(
        Company.objects.filter(sic__in=[s for s, _ in sics])
        .exclude(sic_description="")
        .values_list("sic", "sic_description")
    )
    items = counted["item"]
    charts = [
        bar_chart(
            "Filings by year",
            [(str(y), n, search_url(f"year:{y}")) for y, n in years],
            slug="year",
        ),
        bar_chart(
            "Filings by form",
            [(f, n, search_url(f"form:{f}")) for f, n in forms],
            slug="form",
        ),
        bar_chart(
            "Filings by SIC code",
            [
                (f"{s} {sic_names.get(s, '').title()}".strip(), n, search_url(f"sic:{s}"))
                for s, n in sics
            ],
            slug="sic",
        ),
        bar_chart(
            "Filings by 8-K item",
            [(code, n, search_url(f"item:{code}")) for code, n in items],
            slug="item",
        ),
    ]
    return {"charts": charts, "year_form": year_form_table([f for f, _ in forms][:6])}


def year_form_table(forms: list[str]) -> dict:
    """Filings per year for the most common forms, the rest summed as "other"."""
    table: dict[int, Counter] = {}
    for year, n in search.totals(["year"], ALL)["year"]:
        table.setdefault(int(year), Counter())["other"] += n
    for form in forms:
        for year, n in search.totals(["year"], ALL, where={"form": form})["year"]:
            table[int(year)][form] += n
            table[int(year)]["other"] -= n  # a filing has one form and one year
    columns = [*forms, "other"] if any(t["other"] for t in table.values()) else forms
    return {
        "columns": [{"form": f, "name": form_name(f) if f != "other" else ""} for f in columns],
        "rows": [
            {
                "year": year,
                "cells": [
                    {
                        "n": table[year][f],
                        "url": search_url(f"year:{year} form:{f}") if f != "other" else "",
                    }
                    for f in columns
                ],
                "total": sum(table[year].values()),
            }
            for year in sorted(table, reverse=True)
        ],
    }
