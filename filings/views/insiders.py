"""Insider activity pages: an issuer's or a person's Form 3, 4 and 5 rows, sortable and
filterable through the URL, paginated, exportable as CSV, with holdings over time drawn
as charts (filings.charts) and also given as a table."""

import csv
import datetime as dt

from django.db.models import F
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from .. import charts, insiders
from ..extract import transaction_codes
from ..models import Company, InsiderOwner, InsiderTransaction, OwnershipReport, Person
from . import paged

# Sortable columns: the URL's name for each and what it orders by.
SORTS = {
    "date": "date",
    "filed": "filing__filed_date",
    "owner": "report__owner_names",
    "relationship": "report__relationship",
    "security": "security_title",
    "code": "code",
    "shares": "shares",
    "price": "price",
    "ad": "acquired_disposed",
    "after": "shares_owned_after",
    "di": "direct_indirect",
}
DEFAULT_SORT = "-date"
CHARTS_SHOWN = 12  # charts on a page; the table below them has every number


@require_GET
def company_insiders(request, cik, export=False):
    """The issuer's rows; with role=owner, the rows a company (a fund, a parent) reported
    as an owner of other issuers' securities."""
    company = get_object_or_404(Company, cik=cik)
    as_owner = request.GET.get("role") == "owner"
    if as_owner:
        reports = OwnershipReport.objects.filter(owners__company=company)
        rows = InsiderTransaction.objects.filter(report__in=reports.values("pk"))
        title = f"Insider transactions reported by {company.name} as an owner"
    else:
        rows = InsiderTransaction.objects.filter(issuer=company)
        title = f"Insider transactions: {company.name}"
    context = {
        "subject": company,
        "subject_kind": "owner" if as_owner else "company",
        "title": title,
        "back_url": company.get_absolute_url(),
        "csv_url": reverse("company-insiders-csv", args=[company.cik]),
        "page_url": reverse("company-insiders", args=[company.cik]),
    }
    return listing(request, rows, context, export, by_owner=not as_owner)


@require_GET
def person_insiders(request, pk, export=False):
    person = get_object_or_404(Person, pk=pk)
    canonical = person.canonical()
    if canonical.pk != person.pk:
        name = "person-insiders-csv" if export else "person-insiders"
        url = reverse(name, args=[canonical.pk])
        return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)
    reports = OwnershipReport.objects.filter(owners__person_id__in=person.cluster_ids())
    rows = InsiderTransaction.objects.filter(report__in=reports.values("pk"))
    context = {
        "subject": person,
        "subject_kind": "person",
        "title": f"Insider transactions: {person.name}",
        "back_url": person.get_absolute_url(),
        "csv_url": reverse("person-insiders-csv", args=[person.pk]),
        "page_url": reverse("person-insiders", args=[person.pk]),
    }
    return listing(request, rows, context, export, by_owner=False)


def read_filters(request) -> tuple[dict, list[str]]:
    """The filters the query string asks for, and a message for each it could not use."""
    problems = []
    codes = [c.strip().upper() for c in request.GET.getlist("code") if c.strip()]
    unknown = [c for c in codes if c not in transaction_codes.CODES and c != "NONE"]
    if unknown:
        problems.append(
            f"{', '.join(sorted(set(unknown)))[:60]}: not a Form 4 transaction code; "
            "that filter was left out."
        )
    codes = [c for c in codes if c not in unknown]
    dates = {}
    for name, label in (("from", "From"), ("to", "To")):
        raw = request.GET.get(name, "").strip()
        if not raw:
            continue
        try:
            dates[name] = dt.date.fromisoformat(raw)
        except ValueError:
            problems.append(
                f"{label} date “{raw[:40]}” is not a date (YYYY-MM-DD); it was left out."
            )
    if "from" in dates and "to" in dates and dates["from"] > dates["to"]:
        problems.append("The From date is after the To date: no row can match.")
    sort = request.GET.get("sort", DEFAULT_SORT)
    if sort.lstrip("-") not in SORTS:
        if sort != DEFAULT_SORT:
            problems.append("That column cannot be sorted on; the rows are newest first.")
        sort = DEFAULT_SORT
    return {
        "codes": codes,
        "from": dates.get("from"),
        "to": dates.get("to"),
        "sort": sort,
        "hide_replaced": request.GET.get("replaced") == "hide",
    }, problems


def filtered(rows, filters: dict):
    if filters["codes"]:
        wanted = [c for c in filters["codes"] if c != "NONE"]
        query = rows.filter(code__in=wanted)
        if "NONE" in filters["codes"]:
            query = query | rows.filter(kind=InsiderTransaction.NONE)
        rows = query
    if filters["from"]:
        rows = rows.filter(date__gte=filters["from"])
    if filters["to"]:
        rows = rows.filter(date__lte=filters["to"])
    if filters["hide_replaced"]:
        rows = rows.filter(report__replaced_by=None)
    return rows


def ordered(rows, sort: str):
    field = SORTS[sort.lstrip("-")]
    first = (
        F(field).desc(nulls_last=True) if sort.startswith("-") else F(field).asc(nulls_last=True)
    )
    return rows.order_by(
        first, "-filing__filed_date", "filing__accession", "report__position", "position"
    )


def listing(request, rows, context, export: bool, by_owner: bool):
    filters, problems = read_filters(request)
    matching = filtered(rows, filters)
    rows = ordered(matching, filters["sort"]).select_related(
        "filing", "report__replaced_by", "report__amends", "issuer"
    )
    rows = rows.defer(*(f"filing__{name}" for name in insiders.HEAVY_FILING_FIELDS))
    if export:
        return csv_response(rows, context)
    page, query = paged(request, rows)
    rows_on_page = list(page)
    attach_owners(rows_on_page)
    sort_query = query.copy()
    sort_query.pop("sort", None)
    present = sorted(
        set(rows.exclude(code="").values_list("code", flat=True).distinct().order_by())
    )
    chart_rows = insiders.holding_points(matching)
    context.update(
        {
            "page": page,
            "rows": rows_on_page,
            "filters": filters,
            "problems": problems,
            "query": query.urlencode(),
            "sort_query": sort_query.urlencode(),
            "columns": columns(filters["sort"]),
            "codes_present": [(c, transaction_codes.meaning(c)) for c in present],
            "all_codes": list(transaction_codes.CODES.values()),
            "legend": transaction_codes.groups(),
            "charts": holdings_charts(chart_rows, by_owner),
        }
    )
    return render(request, "filings/insiders.html", context)


def attach_owners(rows) -> None:
    """Each row's report owners (one query for the page)."""
    owners: dict[int, list] = {}
    for owner in InsiderOwner.objects.filter(
        report_id__in={r.report_id for r in rows}
    ).select_related("person", "company"):
        owners.setdefault(owner.report_id, []).append(owner)
    for row in rows:
        row.owners = owners.get(row.report_id, [])
        row.status = insiders.status(row)


def columns(sort: str) -> list[dict]:
    """Header links: each sorts by its column, and again the other way round."""
    out = []
    for key, label in (
        ("date", "Date"),
        ("owner", "Owner"),
        ("relationship", "Relationship"),
        ("security", "Security"),
        ("code", "Code"),
        ("shares", "Shares"),
        ("price", "Price"),
        ("ad", "A/D"),
        ("after", "Owned after"),
        ("di", "D/I"),
        ("filed", "Filing"),
    ):
        current = sort.lstrip("-") == key
        descending = sort.startswith("-")
        following = key if current and descending else f"-{key}"
        if not current and key in ("owner", "relationship", "security", "code", "ad", "di"):
            following = key  # text columns read A to Z first
        out.append(
            {
                "key": key,
                "label": label,
                "sort": following,
                "current": ("descending" if descending else "ascending") if current else "",
            }
        )
    return out


def holdings_charts(rows, by_owner: bool) -> list[dict]:
    def group(row):
        if by_owner:
            return row.report.owner_names.casefold(), row.report.owner_names or "Owner not named"
        return (row.report.issuer_cik, row.report.issuer_name or "Issuer not named")

    drawn = []
    for i, entry in enumerate(insiders.holdings_over_time(rows, group)[:CHARTS_SHOWN]):
        series = [
            charts.Series(
                s["label"],
                [
                    (
                        day,
                        value,
                        f"{row.filing.form} {row.filing_id}",
                        row.filing.get_absolute_url(),
                    )
                    for day, value, row in s["points"]
                ],
            )
            for s in entry["series"]
        ]
        title = f"Holdings over time: {entry['label']}"
        drawn.append(
            {
                "chart": charts.line_chart(title, series, chart_id=f"holdings-{i}", unit="shares"),
                "series": entry["series"],
                "label": entry["label"],
            }
        )
    return drawn


# Spreadsheets run a cell that starts with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def cell(text) -> str:
    text = "" if text is None else str(text)
    return f"'{text}" if text.startswith(FORMULA_START) else text


CSV_COLUMNS = [
    "date",
    "filed",
    "accession",
    "form",
    "status",
    "amends",
    "replaced_by",
    "issuer_cik",
    "issuer",
    "owners",
    "owner_ciks",
    "relationship",
    "table",
    "kind",
    "security",
    "transaction_date",
    "deemed_execution_date",
    "code",
    "code_meaning",
    "transaction_form_type",
    "equity_swap",
    "timeliness",
    "shares",
    "price",
    "acquired_disposed",
    "shares_owned_after",
    "value_owned_after",
    "direct_indirect",
    "nature_of_ownership",
    "conversion_price",
    "exercise_date",
    "expiration_date",
    "underlying_security",
    "underlying_shares",
    "underlying_value",
    "footnotes",
]


class Echo:
    def write(self, value):
        return value


def csv_response(rows, context) -> HttpResponse:
    """Every row that matches the filters (not only one page), unformatted numbers, ISO
    dates; text cells that a spreadsheet would run as a formula start with a quote."""
    rows = list(rows)
    owners: dict[int, list] = {}
    for owner in InsiderOwner.objects.filter(report_id__in={r.report_id for r in rows}):
        owners.setdefault(owner.report_id, []).append(owner)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    slug = (
        "person-" + str(context["subject"].pk)
        if context["subject_kind"] == "person"
        else str(context["subject"].cik)
    )
    response["Content-Disposition"] = f'attachment; filename="insider-transactions-{slug}.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    number = insiders.plain_number

    def day(value):
        return value.isoformat() if value else ""

    for r in rows:
        report = r.report
        mine = owners.get(r.report_id, [])
        writer.writerow(
            [
                day(r.date),
                day(r.filing.filed_date),
                r.filing_id,
                cell(report.document_type),
                insiders.status(r) or "original",
                report.amends.filing_id if report.amends_id else "",
                report.replaced_by.filing_id if report.replaced_by_id else "",
                report.issuer_cik or "",
                cell(report.issuer_name),
                cell("; ".join(o.name for o in mine)),
                "; ".join(f"{o.cik:010d}" for o in mine if o.cik),
                cell("; ".join(o.relationship for o in mine if o.relationship)),
                r.table,
                r.kind,
                cell(r.security_title),
                day(r.transaction_date),
                day(r.deemed_execution_date),
                cell(r.code),
                cell(r.code_meaning if r.code else ""),
                cell(r.form_type),
                "" if r.equity_swap is None else int(r.equity_swap),
                cell(r.timeliness),
                number(r.shares),
                number(r.price),
                cell(r.acquired_disposed),
                number(r.shares_owned_after),
                number(r.value_owned_after),
                cell(r.direct_indirect),
                cell(r.nature_of_ownership),
                number(r.conversion_price),
                day(r.exercise_date),
                day(r.expiration_date),
                cell(r.underlying_title),
                number(r.underlying_shares),
                number(r.underlying_value),
                cell(" | ".join(f"{i}: {text}" for i, text in r.cited())),
            ]
        )
    return response
