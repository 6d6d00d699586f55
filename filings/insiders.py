"""Insider activity from Forms 3, 4 and 5: writing each report's rows at ingest (called by
filings.ingest inside its transaction), linking amendments to what they amend, and the
readings the pages and the dashboard need (latest holdings, holdings over time, a one-line
summary per filing)."""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.urls import reverse

from .extract import transaction_codes
from .extract.transactions import Report
from .models import (
    Company,
    Filing,
    InsiderOwner,
    InsiderTransaction,
    OwnershipReport,
    Person,
)

EIGHT_PLACES = Decimal("1e-8")
# A filing's header as JSON: never needed beside its insider rows.
HEAVY_FILING_FIELDS = (
    "header_fields",
    "findings",
    "unknown_lines",
    "series",
    "cover_differences",
    "items_raw",
    "group_members",
)
EASTERN = ZoneInfo("America/New_York")


# Writing -------------------------------------------------------------------------------


def write(filing: Filing, reports: list[Report]) -> None:
    """The filing's ownership reports, owners and rows; then the amendment links of every
    report of the same issuer and period."""
    if not reports:
        return
    docs = {d.sequence or f"p{d.position + 1}": d for d in filing.documents.without_bodies()}
    people = {
        e.name_raw: e.person
        for e in filing.events.filter(event_type="reporting-owner").select_related("person")
    }
    parties = {p.cik: p for p in filing.parties.filter(role="reporting-owner").exclude(cik=None)}
    issuer_party = (
        filing.parties.filter(role__in=("issuer", "subject-company"))
        .exclude(company=None)
        .select_related("company")
        .first()
    )
    groups = set()
    for position, report in enumerate(reports):
        issuer_cik = int(report.issuer_cik) if report.issuer_cik else None
        issuer = Company.objects.filter(cik=issuer_cik).first() if issuer_cik else None
        if issuer is None and issuer_party is not None:
            issuer = issuer_party.company
            issuer_cik = issuer_cik or issuer.cik
        owners = [owner_row(o, i, people, parties) for i, o in enumerate(report.owners)]
        row = OwnershipReport.objects.create(
            filing=filing,
            document=docs.get(report.document_sequence) if report.document_sequence else None,
            position=position,
            source=report.source,
            document_type=(report.document_type or filing.form)[:10],
            period_of_report=report.period_of_report,
            date_of_original_submission=report.date_of_original_submission,
            issuer=issuer,
            issuer_cik=issuer_cik,
            issuer_name=(report.issuer_name or (issuer.name if issuer else ""))[:255],
            trading_symbol=report.trading_symbol[:20],
            owner_names="; ".join(o.name for o in owners)[:500],
            relationship="; ".join(o.relationship for o in owners if o.relationship)[:500],
            footnotes=report.footnotes,
            remarks=report.remarks,
            aff10b5one=report.aff10b5one,
            not_subject_to_section16=report.not_subject_to_section16,
            no_securities_owned=report.no_securities_owned,
            problems=list(report.problems),
        )
        for owner in owners:
            owner.report = row
        InsiderOwner.objects.bulk_create(owners)
        fallback_date = report.period_of_report or filing.filed_date
        InsiderTransaction.objects.bulk_create(
            [transaction_row(row, r, fallback_date) for r in report.rows]
            or [
                InsiderTransaction(
                    report=row,
                    filing=filing,
                    issuer=issuer,
                    position=0,
                    kind=InsiderTransaction.NONE,
                    date=fallback_date,
                )
            ]
        )
        if issuer_cik and report.period_of_report:
            groups.add((issuer_cik, report.period_of_report))
    for group in groups:
        relink(*group)


def owner_row(owner, position: int, people: dict, parties: dict) -> InsiderOwner:
    """An owner linked as the extraction linked it: a person to the Person of their
    reporting-owner event, an entity to the Company its header section made."""
    cik = int(owner.cik) if owner.cik and owner.cik.isdigit() else None
    person = company = None
    party = parties.get(cik) if cik is not None else None
    if not owner.is_organization and owner.raw_name in people:
        person = people[owner.raw_name]
    elif party is not None:
        person, company = party.person, party.company
    elif cik is not None:
        company = Company.objects.filter(cik=cik).first()
        person = None if company else Person.objects.filter(cik=cik).first()
    return InsiderOwner(
        position=position,
        person=person,
        company=company,
        cik=cik,
        name_raw=owner.raw_name[:255],
        name=(owner.raw_name if owner.is_organization else owner.name.display or owner.raw_name)[
            :255
        ],
        is_director=owner.is_director,
        is_officer=owner.is_officer,
        officer_title=owner.officer_title[:255],
        is_ten_percent_owner=owner.is_ten_percent_owner,
        is_other=owner.is_other,
        other_text=owner.other_text[:255],
        is_organization=owner.is_organization,
    )


def _number(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(EIGHT_PLACES)


def transaction_row(report: OwnershipReport, r, fallback_date) -> InsiderTransaction:
    return InsiderTransaction(
        report=report,
        filing_id=report.filing_id,
        issuer=report.issuer,
        position=r.position,
        table=r.table,
        kind=r.kind,
        date=r.transaction_date or fallback_date,
        security_title=(r.security_title or "")[:500],
        transaction_date=r.transaction_date,
        deemed_execution_date=r.deemed_execution_date,
        form_type=(r.form_type or "")[:10],
        code=(r.code or "")[:4],
        equity_swap=r.equity_swap,
        timeliness=(r.timeliness or "")[:4],
        shares=_number(r.shares),
        total_value=_number(r.total_value),
        price=_number(r.price),
        acquired_disposed=r.acquired_disposed or "",
        shares_owned_after=_number(r.shares_owned_after),
        value_owned_after=_number(r.value_owned_after),
        direct_indirect=r.direct_indirect or "",
        nature_of_ownership=(r.nature_of_ownership or "")[:500],
        conversion_price=_number(r.conversion_price),
        exercise_date=r.exercise_date,
        expiration_date=r.expiration_date,
        underlying_title=(r.underlying_title or "")[:500],
        underlying_shares=_number(r.underlying_shares),
        underlying_value=_number(r.underlying_value),
        footnotes={k: list(v) for k, v in r.footnotes.items()},
        unparsed=dict(r.unparsed),
    )


def forget(filing: Filing) -> None:
    """Delete the filing's reports (their owners and rows with them), then link again the
    reports they amended or were amended by."""
    groups = set(
        filing.ownership_reports.exclude(issuer_cik=None)
        .exclude(period_of_report=None)
        .values_list("issuer_cik", "period_of_report")
    )
    filing.ownership_reports.all().delete()
    for group in groups:
        relink(*group)


def base_type(document_type: str) -> str:
    kind = (document_type or "").strip().upper()
    return kind[:-2] if kind.endswith("/A") else kind


def _order(report: OwnershipReport) -> tuple:
    f = report.filing
    accepted = f.acceptance_datetime.isoformat() if f.acceptance_datetime else ""
    return (f.filed_date or dt.date.min, accepted, f.accession, report.position)


def submitted_on(filing: Filing, day: dt.date) -> bool:
    """Whether the filing was submitted on that day: its filing date, or the day EDGAR
    accepted it (a filing accepted after hours is dated the next business day)."""
    if filing.filed_date == day:
        return True
    accepted = filing.acceptance_datetime
    return accepted is not None and accepted.astimezone(EASTERN).date() == day


def _same_owner(a: OwnershipReport, b: OwnershipReport) -> bool:
    ciks_a = {o.cik for o in a.owners.all() if o.cik}
    ciks_b = {o.cik for o in b.owners.all() if o.cik}
    if ciks_a and ciks_b:
        return bool(ciks_a & ciks_b)
    names_a = {o.name.casefold() for o in a.owners.all()}
    return bool(names_a & {o.name.casefold() for o in b.owners.all()})


def relink(issuer_cik: int, period: dt.date) -> None:
    """Link every amendment of this issuer and period to the report it amends: same form,
    same owner, filed before it, and submitted on the amendment's date of original
    submission when it states one; the original (and any earlier amendment of it) is
    replaced by the newest amendment. Reading order never matters."""
    reports = sorted(
        OwnershipReport.objects.filter(issuer_cik=issuer_cik, period_of_report=period)
        .select_related("filing")
        .prefetch_related("owners"),
        key=_order,
    )
    amends: dict[int, int | None] = {r.pk: None for r in reports}
    replaced: dict[int, int | None] = {r.pk: None for r in reports}
    for amendment in (r for r in reports if r.is_amendment):
        candidates = [
            r
            for r in reports
            if not r.is_amendment
            and base_type(r.document_type) == base_type(amendment.document_type)
            and _order(r) < _order(amendment)
            and _same_owner(r, amendment)
        ]
        if amendment.date_of_original_submission:
            candidates = [
                r
                for r in candidates
                if submitted_on(r.filing, amendment.date_of_original_submission)
            ]
        if candidates:
            amends[amendment.pk] = candidates[-1].pk
    chains: dict[int, list[int]] = defaultdict(list)
    for r in reports:
        if amends[r.pk] is not None:
            chains[amends[r.pk]].append(r.pk)
    for original, chain in chains.items():
        newest = chain[-1]
        for pk in (original, *chain[:-1]):
            replaced[pk] = newest
    changed = [
        r for r in reports if (r.amends_id, r.replaced_by_id) != (amends[r.pk], replaced[r.pk])
    ]
    for r in changed:
        r.amends_id, r.replaced_by_id = amends[r.pk], replaced[r.pk]
    OwnershipReport.objects.bulk_update(changed, ["amends", "replaced_by"])


# Reading -------------------------------------------------------------------------------


def status(row: InsiderTransaction) -> str:
    """ "replaced", "amending" (an amendment's current rows) or "" for an original."""
    if row.report.replaced_by_id:
        return "replaced"
    if row.report.amends_id:
        return "amending"
    return ""


def shares_text(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():,f}"


def money_text(value: Decimal | None) -> str:
    if value is None:
        return ""
    value = value.normalize()
    if value.as_tuple().exponent > -2:
        value = value.quantize(Decimal("0.01"))
    return f"${value:,f}"


def plain_number(value: Decimal | None) -> str:
    """A number as a spreadsheet reads it: no grouping, no trailing zeros."""
    return "" if value is None else format(value.normalize(), "f")


def summaries(filings) -> dict[str, str]:
    """A one-line summary of each filing's transactions ("Sold 12,000 sh at $31.20 (S);
    Gift 500 sh (G)") by accession, for filings given as accessions, Filing rows or a
    queryset, in one query. Filings that are not Forms 3, 4 or 5 are left out."""
    rows = (
        InsiderTransaction.objects.filter(
            filing_id__in=filings if hasattr(filings, "query") else list(filings)
        )
        .order_by("filing_id", "report__position", "position")
        .values_list(
            "filing_id",
            "kind",
            "table",
            "code",
            "acquired_disposed",
            "shares",
            "price",
            "security_title",
            "report__source",
            "report__no_securities_owned",
        )
    )
    per_filing: dict[str, list] = defaultdict(list)
    for row in rows:
        per_filing[row[0]].append(row[1:])
    return {accession: summary_line(found) for accession, found in per_filing.items()}


def summary_line(rows: list[tuple]) -> str:
    groups: dict[tuple, list] = {}
    holdings = 0
    none_reason = ""
    for kind, table, code, ad, shares, price, title, source, nothing_owned in rows:
        if kind == InsiderTransaction.NONE:
            none_reason = (
                "No transaction detail (filed before XML)"
                if source == "header"
                else "No securities owned"
                if nothing_owned
                else "No rows reported"
            )
            continue
        if kind == InsiderTransaction.HOLDING:
            holdings += 1
            continue
        key = (code, ad, table, title if table == InsiderTransaction.DERIVATIVE else "")
        groups.setdefault(key, []).append((shares, price))
    parts = []
    for (code, _ad, _table, title), amounts in groups.items():
        known = transaction_codes.CODES.get(code)
        verb = known.verb if known else (f"Code {code}" if code else "Uncoded")
        shares = [s for s, _ in amounts if s is not None]
        total = sum(shares, Decimal(0)) if shares else None
        text = verb
        if total is not None:
            text += f" {shares_text(total)}" + (f" {title}" if title else " sh")
        elif title:
            text += f" {title}"
        priced = [(s, p) for s, p in amounts if s is not None and p]
        if priced and len(priced) == len(amounts) and total:
            prices = {p for _, p in priced}
            if len(prices) == 1:
                text += f" at {money_text(priced[0][1])}"
            else:
                average = sum((s * p for s, p in priced), Decimal(0)) / total
                text += f" at avg {money_text(average.quantize(Decimal('0.01')))}"
        parts.append(f"{text} ({code})" if code else text)
    if holdings:
        parts.append(f"{holdings} holding{'s' if holdings != 1 else ''}")
    if not parts and none_reason:
        parts.append(none_reason)
    return "; ".join(parts)


def holding_key(row: RowView) -> tuple:
    return (
        row.table,
        " ".join(row.security_title.casefold().split()),
        row.direct_indirect,
        " ".join(row.nature_of_ownership.casefold().split()),
    )


def holding_label(row: RowView) -> str:
    how = {"D": "direct", "I": "indirect"}.get(row.direct_indirect, "")
    if row.nature_of_ownership:
        how = f"{how}: {row.nature_of_ownership}" if how else row.nature_of_ownership
    return f"{row.security_title or 'Security not stated'}" + (f" ({how})" if how else "")


def _when(row: RowView) -> tuple:
    return (
        row.date or dt.date.min,
        row.filing.filed_date or dt.date.min,
        row.filing_id,
        row.position,
    )


def latest_holdings(rows: list[RowView]) -> list[RowView]:
    """The last stated holding of each security and kind of ownership."""
    latest: dict[tuple, RowView] = {}
    for row in rows:
        key = holding_key(row)
        if key not in latest or _when(row) > _when(latest[key]):
            latest[key] = row
    return sorted(latest.values(), key=lambda r: (r.table != "non-derivative", holding_label(r)))


def owner_key(owner: InsiderOwner) -> tuple:
    if owner.person_id:
        return ("person", owner.person.canonical().pk)
    if owner.company_id:
        return ("company", owner.company_id)
    return ("name", owner.name.casefold())


def insiders_of(company: Company) -> list[dict]:
    """Everyone who reported on this issuer: their latest relationship, latest holdings
    and last transaction (amended reports left out)."""
    owners = (
        InsiderOwner.objects.filter(report__issuer=company)
        .select_related("report__filing", "person__merged_into", "company")
        .defer(*(f"report__filing__{name}" for name in HEAVY_FILING_FIELDS))
        .order_by("report__filing__filed_date", "report__filing_id")
    )
    by_report: dict[int, list] = defaultdict(list)
    last_moves: dict[int, RowView] = {}
    rows = InsiderTransaction.objects.filter(issuer=company, report__replaced_by=None)
    for row in row_views(rows.exclude(kind=InsiderTransaction.NONE)):
        if row.shares_owned_after is not None:
            by_report[row.report_id].append(row)
        if row.kind == InsiderTransaction.TRANSACTION and (
            row.report_id not in last_moves or _when(row) > _when(last_moves[row.report_id])
        ):
            last_moves[row.report_id] = row
    people: dict[tuple, dict] = {}
    for owner in owners:
        entry = people.setdefault(
            owner_key(owner), {"owner": owner, "rows": [], "last": None, "filings": 0}
        )
        entry["owner"] = owner  # the latest report's relationship
        entry["filings"] += 1
        entry["rows"].extend(by_report.get(owner.report_id, []))
        move = last_moves.get(owner.report_id)
        if move is not None and (entry["last"] is None or _when(move) > _when(entry["last"])):
            entry["last"] = move
    out = []
    for entry in people.values():
        entry["holdings"] = latest_holdings(entry.pop("rows"))
        out.append(entry)
    return sorted(out, key=lambda e: e["owner"].name.casefold())


def issuers_of(owner: Person | Company) -> list[dict]:
    """Every issuer a person (or an entity, such as a fund) reported on, with the latest
    holdings there."""
    if isinstance(owner, Company):
        mine = InsiderOwner.objects.filter(company=owner)
    else:
        mine = InsiderOwner.objects.filter(person_id__in=owner.cluster_ids())
    owners = (
        mine.select_related("report__filing", "report__issuer")
        .defer(*(f"report__filing__{name}" for name in HEAVY_FILING_FIELDS))
        .order_by("report__filing__filed_date", "report__filing_id")
    )
    issuers: dict[tuple, dict] = {}
    reports = set()
    for owner in owners:
        report = owner.report
        key = (report.issuer_cik, report.issuer_name.casefold())
        entry = issuers.setdefault(key, {"report": report, "owner": owner, "reports": set()})
        entry["report"], entry["owner"] = report, owner
        entry["reports"].add(report.pk)
        reports.add(report.pk)
    rows = defaultdict(list)
    for row in holding_points(InsiderTransaction.objects.filter(report_id__in=reports)):
        rows[row.report_id].append(row)
    out = []
    for entry in issuers.values():
        found = [r for pk in entry.pop("reports") for r in rows.get(pk, [])]
        entry["holdings"] = latest_holdings(found)
        out.append(entry)
    return sorted(out, key=lambda e: e["report"].issuer_name.casefold())


@functools.lru_cache(maxsize=4096)
def filing_url(accession: str) -> str:
    return reverse("filing", args=[accession])


@dataclass(frozen=True, slots=True)
class FilingRef:
    accession: str
    form: str
    filed_date: dt.date | None

    def get_absolute_url(self) -> str:
        return filing_url(self.accession)


@dataclass(frozen=True, slots=True)
class ReportRef:
    owner_names: str
    issuer_cik: int | None
    issuer_name: str


@dataclass(frozen=True, slots=True)
class RowView:
    """What the charts and the insider summaries need of a row, read without building
    model instances (a busy issuer has thousands)."""

    date: dt.date | None
    shares_owned_after: Decimal | None
    table: str
    security_title: str
    direct_indirect: str
    nature_of_ownership: str
    filing_id: str
    position: int
    kind: str
    code: str
    shares: Decimal | None
    price: Decimal | None
    report_id: int
    filing: FilingRef
    report: ReportRef

    @property
    def code_meaning(self) -> str:
        return transaction_codes.meaning(self.code)


def row_views(queryset) -> list[RowView]:
    values = queryset.values_list(
        "date",
        "shares_owned_after",
        "table",
        "security_title",
        "direct_indirect",
        "nature_of_ownership",
        "filing_id",
        "position",
        "kind",
        "code",
        "shares",
        "price",
        "report_id",
        "filing__form",
        "filing__filed_date",
        "report__owner_names",
        "report__issuer_cik",
        "report__issuer_name",
    )
    return [
        RowView(
            *v[:13],
            filing=FilingRef(v[6], v[13], v[14]),
            report=ReportRef(v[15], v[16], v[17]),
        )
        for v in values
    ]


def holding_points(queryset) -> list[RowView]:
    """The rows that say what is owned now (not replaced by an amendment, with a
    holding stated), as chart points."""
    return row_views(
        queryset.filter(report__replaced_by=None, shares_owned_after__isnull=False).exclude(
            kind=InsiderTransaction.NONE
        )
    )


# A line with more points than this is drawn one point per month (the month's last
# holding): a chart of ten years of daily rows would say no more, and weigh megabytes.
MAX_POINTS = 120


def holdings_over_time(rows, group) -> list[dict]:
    """Series of holdings for charts: per group (an owner, or an issuer) one line per
    security and kind of ownership, one point per date (the last row of the day), or per
    month beyond MAX_POINTS (the series says so: "monthly"). `group(row)` returns the
    (key, label) a row belongs to."""
    charts: dict = {}
    for row in sorted(rows, key=_when):
        if row.date is None or row.shares_owned_after is None:
            continue
        key, label = group(row)
        chart = charts.setdefault(key, {"label": label, "series": {}})
        series = chart["series"].setdefault(
            holding_key(row), {"label": holding_label(row), "points": {}}
        )
        series["points"][row.date] = (row.shares_owned_after, row)
    out = []
    for chart in charts.values():
        drawn = []
        for s in chart["series"].values():
            points = sorted(s["points"].items())
            monthly = len(points) > MAX_POINTS
            if monthly:
                by_month = {(day.year, day.month): (day, found) for day, found in points}
                points = list(by_month.values())
            drawn.append(
                {
                    "label": s["label"],
                    "monthly": monthly,
                    "points": [(day, value, row) for day, (value, row) in points],
                }
            )
        chart["series"] = drawn
        out.append(chart)
    return out
