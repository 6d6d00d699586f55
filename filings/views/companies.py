"""A company: its names and addresses over time, its filings and the people linked to it."""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from .. import comparisons, insiders, timelines
from ..models import Company, Event, FilingParty
from . import htmx_fragment, paged
from .annotations import attach_note_counts


@require_GET
def company_detail(request, cik):
    company = get_object_or_404(Company, cik=cik)
    appearances = (
        FilingParty.objects.filter(Q(company=company) | Q(cik=cik))
        .select_related("filing")
        .order_by("-filing__filed_date", "filing__accession")
    )
    forms = sorted(set(appearances.values_list("filing__form", flat=True)))
    years = sorted(
        {d.year for d in appearances.values_list("filing__filed_date", flat=True) if d},
        reverse=True,
    )
    chosen_form, chosen_year = request.GET.get("form", ""), request.GET.get("year", "")
    listed = appearances
    if chosen_form:
        listed = listed.filter(filing__form=chosen_form)
    if chosen_year.isdigit():
        listed = listed.filter(filing__filed_date__year=int(chosen_year))
    page, query = paged(request, listed)
    attach_note_counts(request.user, [party.filing for party in page])
    previous = comparisons.previous_of_form_by_accession(
        appearances.values_list("filing__accession", "filing__form", "filing__filed_date")
    )
    for party in page:
        before = previous.get(party.filing.accession)
        party.compare_url = before and comparisons.compare_url(before, party.filing.accession)
    context = {
        "company": company,
        "page": page,
        "forms": forms,
        "years": years,
        "chosen_form": chosen_form,
        "chosen_year": chosen_year,
        "query": query.urlencode(),
        "history": company_history(appearances),
        "former_names": former_names(appearances),
        "people": company_people(company),
        "board": timelines.board(company),
        "insiders": insiders.insiders_of(company),
        "insider_issuers": insiders.issuers_of(company),
    }
    return htmx_fragment(request, "filings/company_detail.html", "company-filings", context)


@require_GET
def company_timeline(request, cik):
    """Names, addresses, file numbers, people events and filings on one time axis,
    newest first, filtered by kind (?kind=name&kind=event)."""
    company = get_object_or_404(Company, cik=cik)
    appearances = FilingParty.objects.filter(Q(company=company) | Q(cik=cik))
    chosen = [k for k in request.GET.getlist("kind") if k in timelines.COMPANY_KINDS]
    moments = timelines.company_timeline(company, appearances)
    counts = {k: 0 for k in timelines.COMPANY_KINDS}
    for m in moments:
        counts[m.kind] += 1
    if chosen:
        moments = [m for m in moments if m.kind in chosen]
    page, query = paged(request, moments, 100)
    context = {
        "company": company,
        "page": page,
        "kinds": [
            {"key": k, "label": label, "count": counts[k], "chosen": k in chosen}
            for k, label in timelines.COMPANY_KINDS.items()
        ],
        "query": query.urlencode(),
    }
    return htmx_fragment(request, "filings/company_timeline.html", "timeline", context)


def company_history(appearances) -> list[dict]:
    """Names and addresses over time, from each filing's header snapshot, oldest first:
    one row each time the name or an address changes."""
    rows: list[dict] = []
    for party in appearances.order_by("filing__filed_date", "filing__accession"):
        state = (party.name, party.business_address or {}, party.mail_address or {})
        if rows and rows[-1]["state"] == state:
            rows[-1]["until"] = party.filing.filed_date
            continue
        rows.append(
            {
                "state": state,
                "name": party.name,
                "business": party.business_address,
                "mail": party.mail_address,
                "since": party.filing.filed_date,
                "until": party.filing.filed_date,
                "filing": party.filing,
            }
        )
    return rows


def former_names(appearances) -> list[dict]:
    """FORMER COMPANY entries across every snapshot, each name once, by date of change."""
    seen: dict[str, dict] = {}
    for names in appearances.values_list("former_names", flat=True):
        for entry in names or []:
            seen.setdefault(entry["name"], entry)
    return sorted(seen.values(), key=lambda e: e.get("date_of_change") or "")


def company_people(company) -> list[dict]:
    """People linked to the company through events in its filings, with roles and dates."""
    events = (
        Event.objects.filter(filing__parties__company=company)
        .select_related("person", "filing")
        .distinct()
        .order_by("filing__filed_date")
    )
    people: dict[int, dict] = {}
    for event in events:
        person = event.person.canonical()
        row = people.setdefault(
            person.pk, {"person": person, "roles": [], "first": None, "last": None}
        )
        label = event.event_type + (f": {event.role}" if event.role else "")
        if label not in row["roles"]:
            row["roles"].append(label)
        date = event.effective_date or event.filing.filed_date
        if date:
            row["first"] = min(filter(None, [row["first"], date]))
            row["last"] = max(filter(None, [row["last"], date]))
    return sorted(people.values(), key=lambda r: r["person"].name)
