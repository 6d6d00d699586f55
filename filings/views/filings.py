"""The filings list and the reading view of a filing: its panel and its documents."""

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from ..forms import FilingFilterForm
from ..formtypes import form_name
from ..models import (
    BINARY_KINDS,
    LIGHT_DOCUMENT,
    Document,
    Filing,
    FilingParty,
)
from . import PAGE_SIZE, htmx_fragment


@require_GET
def home(request):
    return redirect("filing-list")


@require_GET
def filing_list(request):
    form = FilingFilterForm(request.GET or None)
    filings = Filing.objects.newest_first()
    if form.is_valid():
        filings = form.apply(filings)
    filings = filings.annotate(n_parties=Count("parties")).prefetch_related(
        Prefetch("parties", queryset=FilingParty.objects.order_by("position"))
    )
    page = Paginator(filings, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"page": page, "form": form, "query": query.urlencode()}
    return htmx_fragment(request, "filings/filing_list.html", "results", context)


def get_filing(accession):
    return get_object_or_404(Filing.objects.select_related("raw"), accession=accession)


def get_document(filing, slug):
    documents = filing.documents.without_bodies()
    if slug.isdigit():
        doc = documents.filter(sequence=slug).order_by("position").first()
    elif slug.startswith("p") and slug[1:].isdigit():
        doc = documents.filter(position=int(slug[1:]) - 1).first()
    else:
        doc = None
    if doc is None:
        raise Http404(f"Filing {filing.accession} has no document {slug}.")
    return doc


@require_GET
def filing_detail(request, accession, slug=None):
    filing = get_filing(accession)
    documents = list(filing.documents.without_bodies().order_by("position"))
    if slug is None:
        current = documents[0] if documents else None
    else:
        current = get_document(filing, slug)
    parties = list(filing.parties.select_related("company", "person").order_by("position"))
    context = {
        "filing": filing,
        "form_name": form_name(filing.form),
        "documents": documents,
        "current": current,
        "parties": parties,
        "items": list(filing.items.order_by("position")),
        "binary_kinds": BINARY_KINDS,
        "highlight": highlight_text(current, request.GET.get("hl", "")),
        "known_names": known_names(filing),
        "events": list(filing.events.select_related("person").prefetch_related(LIGHT_DOCUMENT)),
        "exhibits": exhibits_with_links(filing),
        "amends": amended_filing(filing),
    }
    return htmx_fragment(request, "filings/filing_detail.html", "document-pane", context)


def highlight_text(doc, span: str) -> str:
    """The evidence text at `start-end` of the document's plain text, for the page to mark."""
    start, _, end = span.partition("-")
    if doc is None or not (start.isdigit() and end.isdigit()) or int(end) <= int(start):
        return ""
    text = Document.objects.values_list("text", flat=True).get(pk=doc.pk)
    return text[int(start) : int(end)][:2000]


def exhibits_with_links(filing) -> list:
    """The exhibit index, each incorporated exhibit with its source filing when stored."""
    exhibits = list(filing.exhibits.prefetch_related(LIGHT_DOCUMENT))
    wanted = {x.source_accession for x in exhibits if x.source_accession}
    stored = Filing.objects.in_bulk(wanted) if wanted else {}
    for x in exhibits:
        x.linked = stored.get(x.source_accession)
    return exhibits


def known_names(filing) -> list[dict]:
    """People and companies this filing names, as the page marks them in the document."""
    names: dict[str, str] = {}
    for event in filing.events.select_related("person"):
        person = event.person.canonical()
        for written in {event.name_raw, event.name}:
            names.setdefault(written, person.get_absolute_url())
    for mention in filing.organizations.exclude(company=None):
        names.setdefault(mention.name, reverse("company", args=[mention.company_id]))
    return [{"text": t, "url": u} for t, u in sorted(names.items()) if len(t) >= 4]


def amended_filing(filing):
    """For an amendment (8-K/A, 10-K/A), the stored filing it amends: the same filer's
    latest earlier filing of the base form for the same period."""
    if not filing.form.endswith("/A"):
        return None
    ciks = filing.parties.exclude(company=None).values_list("company_id", flat=True)
    earlier = Filing.objects.filter(
        form=filing.form[:-2], parties__company_id__in=list(ciks), filed_date__lte=filing.filed_date
    ).exclude(pk=filing.pk)
    if filing.period_of_report:
        earlier = earlier.filter(period_of_report=filing.period_of_report)
    return earlier.order_by("-filed_date").distinct().first()


@require_GET
def filing_source(request, accession):
    """The raw submission as plain text: never rendered as HTML."""
    filing = get_filing(accession)
    data = filing.raw.read()
    response = HttpResponse(data, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{accession}.txt"'
    return response


@require_GET
def filing_header(request, accession):
    """View source, with the header highlighted: the raw text escaped in the app's page."""
    filing = get_filing(accession)
    data = filing.raw.read()
    decode = lambda b: b.decode("utf-8", errors="replace")  # noqa: E731
    context = {
        "filing": filing,
        "before": decode(data[: filing.header_start]),
        "header": decode(data[filing.header_start : filing.header_end]),
        "after": decode(data[filing.header_end : filing.header_end + 200_000]),
        "truncated": len(data) - filing.header_end > 200_000,
    }
    return render(request, "filings/filing_source.html", context)
