"""The filings list and the reading view of a filing: its panel and its documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from .. import comparisons, edgar, ingest
from ..forms import FilingFilterForm
from ..formtypes import form_name
from ..models import (
    BINARY_KINDS,
    ORPHANED,
    PRIMARY_ROLE_RANK,
    Annotation,
    Document,
    Filing,
    FilingParty,
    Item,
    VersionChange,
    may_review,
)
from ..search import parse_query
from . import document_by_slug, get_filing, htmx_fragment, links, paged, review, wants_fragment
from .annotations import attach_note_counts

# Sortable columns of the filings list: URL name -> ordering, the newest first on ties.
SORTS = {
    "accession": ("accession",),
    "form": ("form", "-filed_date", "-accession"),
    "company": ("company_name", "-filed_date", "-accession"),
    "filed": ("filed_date", "accession"),
    "documents": ("document_count", "-filed_date", "-accession"),
}

LIST_COLUMNS = ("accession", "form", "filed_date", "document_count", "findings", "raw__sha256")
LIST_PARTY_COLUMNS = ("filing_id", "position", "role", "company_id", "person_id", "name")


@require_GET
def filing_list(request):
    form = FilingFilterForm(request.GET or None)
    filings = Filing.objects.all()
    if form.is_bound:
        form.is_valid()
        filings = form.apply(filings)
    sort = request.GET.get("sort", "-filed")
    key = sort.removeprefix("-")
    if key not in SORTS:
        sort, key = "-filed", "filed"
    order = SORTS[key]
    if sort.startswith("-"):
        order = tuple(f[1:] if f.startswith("-") else f"-{f}" for f in order)
    primary = (
        FilingParty.objects.filter(filing=OuterRef("pk"))
        .annotate(rank=PRIMARY_ROLE_RANK)
        .order_by("rank", "position")
    )
    # Only the columns the rows show, and of the parties only those shown (the primary
    # party and the reporting owners; the rest are counted): a header may name hundreds of
    # filers, and their addresses and filing values are JSON decoded for every row read.
    if key == "company":
        filings = filings.annotate(company_name=Subquery(primary.values("name")[:1]))
    filings = (
        filings.select_related("raw")
        .only(*LIST_COLUMNS)
        .annotate(
            primary_party_id=Subquery(primary.values("pk")[:1]),
            party_count=Coalesce(
                Subquery(
                    FilingParty.objects.filter(filing=OuterRef("pk"))
                    .order_by()
                    .values("filing")
                    .annotate(n=Count("pk"))
                    .values("n")
                ),
                0,
            ),
        )
        .order_by(*order)
        .prefetch_related(Prefetch("items", queryset=Item.objects.order_by("position")))
    )
    page, query = paged(request, filings)
    shown = Q(role="reporting-owner") | Q(pk__in=[f.primary_party_id for f in page])
    prefetch_related_objects(
        page.object_list,
        Prefetch(
            "parties",
            queryset=FilingParty.objects.filter(shown)
            .only(*LIST_PARTY_COLUMNS)
            .order_by("position"),
            to_attr="shown_parties",
        ),
    )
    attach_note_counts(request.user, page)
    for filing in page:
        filing.shown_party = next(
            (p for p in filing.shown_parties if p.pk == filing.primary_party_id), None
        )
        filing.owners = [
            p
            for p in filing.shown_parties
            if p.role == "reporting-owner" and p is not filing.shown_party
        ]
        filing.others = max(0, filing.party_count - 1 - len(filing.owners))
    unsorted = query.copy()
    unsorted.pop("sort", None)
    columns = [
        {"key": k, "label": label, "url": sort_url(unsorted, k, sort), "sorted": sorted_as(k, sort)}
        for k, label in (
            ("accession", "Accession"),
            ("form", "Form"),
            ("company", "Company"),
            ("filed", "Filed"),
            ("documents", "Documents"),
        )
    ]
    context = {
        "page": page,
        "form": form,
        "problems": form.problems() if form.is_bound else [],
        "query": query.urlencode(),
        "columns": columns,
    }
    return htmx_fragment(request, "filings/filing_list.html", "results", context)


def sort_url(query, key: str, current: str) -> str:
    """The list sorted by `key`; a second click on the sorted column reverses it. Dates
    and counts start with the largest, names with A."""
    q = query.copy()
    descending_first = key in ("filed", "documents")
    if current.removeprefix("-") == key:
        q["sort"] = key if current.startswith("-") else f"-{key}"
    else:
        q["sort"] = f"-{key}" if descending_first else key
    return "?" + q.urlencode()


def sorted_as(key: str, current: str) -> str:
    """'ascending', 'descending' or '' (for aria-sort)."""
    if current.removeprefix("-") != key:
        return ""
    return "descending" if current.startswith("-") else "ascending"


@require_GET
def filing_detail(request, accession, slug=None):
    filing = get_filing(accession)
    documents = list(filing.documents.without_bodies().order_by("position"))
    if slug is None:
        current = documents[0] if documents else None
    else:
        current = document_by_slug(filing, documents, slug)
    events = review.panel_events(filing, documents)
    pane = {
        "filing": filing,
        "documents": documents,
        "current": current,
        "binary_kinds": BINARY_KINDS,
        "highlight": highlight_text(current, request.GET.get("hl", "")),
        "known_names": known_names(filing, events),
        "search_terms": [
            {"text": t.text, "prefix": t.prefix}
            for t in parse_query(request.GET.get("q", "")).terms
        ],
    }
    if wants_fragment(request):
        # Switching documents: the pane (and the document list, out of band) is all htmx
        # swaps in, so the panel's queries are not run.
        return htmx_fragment(request, "filings/filing_detail.html", "document-pane", pane)
    # The panel's parties are prefetched onto the filing, where the EDGAR link and the
    # comparisons look for them too.
    prefetch_related_objects(
        [filing],
        Prefetch(
            "parties",
            queryset=FilingParty.objects.order_by("position"),
        ),
    )
    # Decisions, links and notes that lost their passage are all notes on this filing:
    # most filings have none, and one query says so.
    annotated = filing.annotations.filter(deleted_at=None).exists()
    decisions, lost_decisions = review.filing_decisions(filing) if annotated else ({}, [])
    review.attach_decisions(events, decisions)
    versions = list(filing.versions())
    context = {
        **pane,
        "form_name": form_name(filing.form),
        "parties": list(filing.parties.all()),
        "items": list(filing.items.order_by("position")),
        "events": events,
        "lost_decisions": lost_decisions,
        "links": list(links.live_links(filing)) if annotated else [],
        "may_review": may_review(request.user),
        "next": request.get_full_path(),
        "exhibits": exhibits_with_links(filing, documents),
        "amends": amended_filing(filing),
        "compare_offers": comparisons.offers(filing),
        "versions": versions,
        "version_changes": VersionChange.objects.filter(accession=accession).select_related("by")
        if len(versions) > 1
        else [],
        # Notes whose passage a new text of their document no longer has: kept, and
        # listed with their quote for the reader to place again.
        "orphaned_notes": Annotation.objects.visible_to(request.user)
        .plain()
        .filter(filing=filing, parent=None, deleted_at=None, anchor_state=ORPHANED)
        .select_related("author")
        .order_by("document_slug", "start")
        if annotated
        else [],
    }
    return htmx_fragment(request, "filings/filing_detail.html", "document-pane", context)


def highlight_text(doc, span: str) -> str:
    """The evidence text at `start-end` of the document's plain text, for the page to mark."""
    start, _, end = span.partition("-")
    if doc is None or not (start.isdigit() and end.isdigit()) or int(end) <= int(start):
        return ""
    text = Document.objects.values_list("text", flat=True).get(pk=doc.pk)
    return text[int(start) : int(end)][:2000]


def exhibits_with_links(filing, documents) -> list:
    """The exhibit index, each incorporated exhibit with its source filing when stored
    (its document one of the filing's, already loaded)."""
    exhibits = list(filing.exhibits.all())
    by_pk = {d.pk: d for d in documents}
    wanted = {x.source_accession for x in exhibits if x.source_accession}
    stored = Filing.objects.in_bulk(wanted) if wanted else {}
    for x in exhibits:
        if x.document_id in by_pk:
            x.document = by_pk[x.document_id]
        x.linked = stored.get(x.source_accession)
    return exhibits


def known_names(filing, events) -> list[dict]:
    """People and companies this filing names, as the page marks them in the document."""
    names: dict[str, str] = {}
    for event in events:
        person = event.person.canonical()
        for written in {event.name_raw, event.name}:
            names.setdefault(written, person.get_absolute_url())
    for name, company in filing.organizations.exclude(company=None).values_list("name", "company"):
        names.setdefault(name, reverse("company", args=[company]))
    return [{"text": t, "url": u} for t, u in sorted(names.items()) if len(t) >= 4]


def amended_filing(filing):
    """For an amendment (8-K/A, 10-K/A), the stored filing it amends."""
    return comparisons.amended_filing(filing)[0]


def get_version(filing, version):
    """One stored upload of the filing: the current one when `version` is None."""
    if version is None:
        return filing.raw
    return get_object_or_404(filing.versions(), version=version)


@require_GET
def filing_source(request, accession, version=None):
    """The raw submission as plain text: never rendered as HTML."""
    filing = get_filing(accession)
    raw = get_version(filing, version)
    response = HttpResponse(raw.read(), content_type="text/plain; charset=utf-8")
    suffix = f"-v{raw.version}" if version is not None else ""
    response["Content-Disposition"] = f'inline; filename="{accession}{suffix}.txt"'
    return response


@require_GET
def filing_header(request, accession, version=None):
    """View source, with the header highlighted: the raw text escaped in the app's page.
    For another version than the current one, also what the reader finds in it."""
    filing = get_filing(accession)
    raw = get_version(filing, version)
    data = raw.read()
    submission = None
    start, end = filing.header_start, filing.header_end
    if raw.pk != filing.raw_id:
        try:
            submission = edgar.parse(data, name=raw.original_name or accession)
            start, end = submission.header_start, submission.header_end
        except edgar.EdgarError:
            start = end = 0
    decode = lambda b: b.decode("utf-8", errors="replace")  # noqa: E731
    context = {
        "filing": filing,
        "raw": raw,
        "submission": submission,
        "can_make_current": request.user.has_perm("filings.change_filing"),
        "before": decode(data[:start]),
        "header": decode(data[start:end]),
        "after": decode(data[end : end + 200_000]),
        "truncated": len(data) - end > 200_000,
    }
    return render(request, "filings/filing_source.html", context)


@login_required
@permission_required("filings.change_filing", raise_exception=True)
@require_POST
def make_current(request, accession, version):
    """Make a stored version the one the filing shows (recorded, with who and when)."""
    filing = get_filing(accession)
    get_version(filing, version)
    try:
        result = ingest.make_current(filing, version, request.user)
    except ingest.Refused as exc:
        messages.error(request, f"Version {version} cannot be made current: {exc}")
    else:
        messages.success(request, f"{accession}: {result.message}.")
    return redirect(filing)
