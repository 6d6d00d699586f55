"""Function views. A page and its htmx fragments are one view and one template."""

import html
import mimetypes
import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_GET, require_POST

from . import export, identity, ingest, search
from .forms import FilingFilterForm, UploadForm
from .formtypes import form_name
from .models import (
    BINARY_KINDS,
    LIGHT_DOCUMENT,
    Company,
    Document,
    Event,
    Filing,
    FilingParty,
    IdentityChange,
    Person,
)
from .safe import sanitized

PAGE_SIZE = 50

# The frame that shows filer HTML: nothing may run, nothing may load from elsewhere.
FRAME_CSP = {
    "default-src": ["'none'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'self'"],
    # Top navigation only on a click: the app marks known names with links to their pages.
    "sandbox": [
        "allow-same-origin",
        "allow-popups",
        "allow-popups-to-escape-sandbox",
        "allow-top-navigation-by-user-activation",
    ],
}
# Decoded files (images, PDFs) are shown or downloaded, never interpreted as pages.
FILE_CSP = {"default-src": ["'none'"], "sandbox": True, "frame-ancestors": ["'self'"]}

RASTER_IMAGE_TYPES = {"image/gif", "image/jpeg", "image/png", "image/bmp", "image/webp"}


def htmx_fragment(request, template, fragment, context):
    """The whole page, or just one partial when htmx asks (not on history restore)."""
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, f"{template}#{fragment}", context)
    else:
        response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


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


@login_required
@permission_required("filings.add_filing", raise_exception=True)
def upload(request):
    results = []
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            limit = settings.MAX_UPLOAD_MB * 1024 * 1024
            for f in form.cleaned_data["files"]:
                if f.size > limit:
                    results.append(
                        ingest.IngestResult(
                            name=f.name,
                            status=ingest.REFUSED,
                            message=(
                                f"{f.name}: {f.size / 1048576:.1f} MB is over the "
                                f"{settings.MAX_UPLOAD_MB} MB limit for one file; "
                                "use `manage.py ingest` for larger files."
                            ),
                        )
                    )
                    continue
                results.append(ingest.ingest(f.read(), f.name, user=request.user))
            refused = sum(1 for r in results if not r.ok)
            if refused:
                messages.warning(request, f"{refused} of {len(results)} files were refused.")
            else:
                messages.success(request, f"{len(results)} files stored.")
    else:
        form = UploadForm()
    return render(
        request,
        "filings/upload.html",
        {"form": form, "results": results, "max_mb": settings.MAX_UPLOAD_MB},
    )


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
@xframe_options_sameorigin
@csp_override(FRAME_CSP)
def document_content(request, accession, slug):
    """The stored sanitized rendering, served without a doctype (quirks mode, like EDGAR)."""
    filing = get_filing(accession)
    doc = get_document(filing, slug)
    html = Document.objects.values_list("html", flat=True).get(pk=doc.pk)
    context = {"html": sanitized(html), "styled": doc.kind not in ("html", "ixbrl")}
    response = render(request, "filings/document_frame.html", context)
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_GET
@xframe_options_sameorigin
@csp_override(FILE_CSP)
def document_file(request, accession, slug):
    """A document's file: a decoded uuencoded image/binary, a PDF, or the raw body."""
    filing = get_filing(accession)
    doc = get_document(filing, slug)
    raw = doc.raw_body()
    name = doc.uuencoded_name or doc.filename or f"{accession}-{doc.slug}"
    if doc.uuencoded_name:
        from .edgar.model import uudecode

        data = uudecode(raw)
    elif doc.kind == "pdf":
        data = strip_pdf_wrapper(raw)
    else:
        data = raw
    content_type = file_content_type(name, data)
    response = HttpResponse(data, content_type=content_type)
    disposition = "inline" if content_type in RASTER_IMAGE_TYPES else "attachment"
    safe_name = name.replace('"', "").replace("\r", "").replace("\n", "")
    response["Content-Disposition"] = f'{disposition}; filename="{safe_name}"'
    response["Cache-Control"] = "private, max-age=86400"
    return response


def strip_pdf_wrapper(raw: bytes) -> bytes:
    start = raw.find(b"%PDF")
    return raw[start:] if start >= 0 else raw


SIGNATURES = (
    (b"GIF8", "image/gif"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"BM", "image/bmp"),
    (b"%PDF", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
)


def file_content_type(name: str, data: bytes) -> str:
    """The type the bytes really are: a file named logo.gif may hold SVG or HTML."""
    for magic, content_type in SIGNATURES:
        if data.startswith(magic):
            return content_type
    guessed, _ = mimetypes.guess_type(name)
    if guessed in RASTER_IMAGE_TYPES or guessed == "application/pdf":
        return "application/octet-stream"  # claims a type its bytes don't have
    return (
        guessed
        if guessed and not guessed.startswith(("text/html", "image/svg"))
        else "application/octet-stream"
    )


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
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
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
    }
    return htmx_fragment(request, "filings/company_detail.html", "company-filings", context)


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


def person_detail(request, pk):
    person = get_object_or_404(Person, pk=pk)
    canonical = person.canonical()
    if canonical.pk != person.pk:
        return redirect(canonical)
    if request.method == "POST":
        return change_identity(request, person)
    events = list(
        identity.events_for(person)
        .select_related("filing", "person")
        .prefetch_related(LIGHT_DOCUMENT)
        .order_by("filing__filed_date", "filing__accession", "start")
    )
    for event in events:
        event.when = event.effective_date or event.filing.filed_date
    events.sort(key=lambda e: (e.when is None, e.when or e.filing.filed_date))
    names: dict[str, list] = {}
    for event in events:
        names.setdefault(event.name_raw, []).append(event.filing)
    context = {
        "person": person,
        "events": events,
        "names": [(n, list(dict.fromkeys(f))) for n, f in names.items()],
        "appearances": FilingParty.objects.filter(person_id__in=person.cluster_ids())
        .select_related("filing")
        .order_by("-filing__filed_date"),
        "merged": Person.objects.filter(merged_into=person),
        "companies": Company.objects.filter(
            parties__filing__events__person_id__in=person.cluster_ids()
        )
        .distinct()
        .order_by("name"),
        "changes": IdentityChange.objects.filter(Q(person=person) | Q(other=person))
        .select_related("by", "person", "other")
        .order_by("-at"),
        "can_change": request.user.has_perm("filings.change_person"),
    }
    return render(request, "filings/person_detail.html", context)


@login_required
@permission_required("filings.change_person", raise_exception=True)
@require_POST
def change_identity(request, person):
    action = request.POST.get("action")
    try:
        if action == "merge":
            other = get_object_or_404(Person, pk=int(request.POST.get("other", "0")))
            identity.merge(person, other, request.user)
            messages.success(request, f"{other.name} is merged into {person.name}.")
        elif action == "split":
            ids = [int(i) for i in request.POST.getlist("events")]
            new = identity.split(person, ids, request.user)
            moved = new.events.count()
            messages.success(request, f"{moved} event{pluralize(moved)} moved to a new person.")
            return redirect(new)
        elif action == "undo":
            change = get_object_or_404(
                IdentityChange.objects.filter(Q(person=person) | Q(other=person)),
                pk=int(request.POST.get("change", "0")),
            )
            identity.undo(change, request.user)
            messages.success(request, f"The {change.action} is undone.")
        else:
            messages.error(request, "Unknown action.")
    except (ValueError, identity.IdentityError) as exc:
        messages.error(request, str(exc))
    return redirect(person)


@require_GET
def api_rows(request, kind):
    """The rows `manage.py export` writes, as JSON; ?accession=... (repeatable) narrows them."""
    if kind not in export.ROWS:
        raise Http404(f"No export named {kind}.")
    accessions = request.GET.getlist("accession") or None
    return JsonResponse({"kind": kind, "rows": list(export.ROWS[kind](accessions))})


SEARCH_PAGE_SIZE = 20
FACET_LABELS = {
    "form": "Form type",
    "year": "Filing year",
    "company": "Company",
    "person": "Person",
    "role": "Party role",
    "state": "State",
    "sic": "SIC",
    "item": "8-K item",
}


def search_state(request):
    """The query, facet selections and page, all from the URL."""
    text = request.GET.get("q", "")
    query = search.parse_query(text)
    chosen = {name: request.GET.get(name, "") for name in FACET_LABELS if request.GET.get(name)}
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    return text, query, chosen, page


MARK = re.compile(r"<mark>(.*?)</mark>", re.S)


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, is_match) pieces, so the template escapes every character and
    no document-derived HTML needs to be trusted."""
    parts, at = [], 0
    for m in MARK.finditer(snippet or ""):
        if m.start() > at:
            parts.append((html.unescape(snippet[at : m.start()]), False))
        parts.append((html.unescape(m.group(1)), True))
        at = m.end()
    if at < len(snippet or ""):
        parts.append((html.unescape(snippet[at:]), False))
    return parts


@require_GET
def search_page(request):
    text, query, chosen, page = search_state(request)
    show_documents = request.GET.get("docs") == "1"
    results = search.search(
        query, page=page, per_page=SEARCH_PAGE_SIZE, facets=chosen, documents=show_documents
    )
    for hit in results.hits:
        hit.parts = snippet_parts(hit.snippet)
        for doc in hit.documents:
            doc.parts = snippet_parts(doc.snippet)
    base = request.GET.copy()
    base.pop("page", None)
    facets = []
    for name, label in FACET_LABELS.items():
        values = []
        for value, value_label, count in results.facets.get(name, []):
            link = base.copy()
            selected = str(chosen.get(name, "")) == str(value)
            if selected:
                link.pop(name, None)
            else:
                link[name] = value
            values.append(
                {
                    "label": value_label,
                    "count": count,
                    "selected": selected,
                    "url": "?" + link.urlencode(),
                }
            )
        if values:
            facets.append({"name": name, "label": label, "values": values})
    context = {
        "q": text,
        "query": query,
        "results": results,
        "facets": facets,
        "chosen": chosen,
        "show_documents": show_documents,
        "first_index": (results.page - 1) * results.per_page + 1,
        "base": base.urlencode(),
        "feed_url": f"{reverse('search-feed')}?{base.urlencode()}",
    }
    return htmx_fragment(request, "filings/search.html", "search-results", context)


@require_GET
def typeahead(request):
    text = request.GET.get("q", "")[:200]
    matches = search.typeahead(text) if len(text.strip()) >= 2 else []
    return render(request, "filings/search.html#typeahead", {"matches": matches, "q": text})


class SearchFeed(Feed):
    """New filings matching a saved search, as Atom: the search URL plus /feed."""

    feed_type = Atom1Feed

    def get_object(self, request):
        self.request = request
        return search_state(request)

    def title(self, state):
        return f"EDGAR dashboard: {state[0] or 'all filings'}"

    def link(self, state):
        return f"{reverse('search')}?{self.request.GET.urlencode()}"

    def subtitle(self, state):
        return "The newest filings matching this search."

    def items(self, state):
        # The best matches, newest stored first: a reader polls for what arrived since.
        text, query, chosen, _ = state
        hits = search.search(query, page=1, per_page=100, facets=chosen).hits
        return sorted((hit.filing for hit in hits), key=lambda f: f.created_at, reverse=True)[:50]

    def item_title(self, filing):
        party = filing.primary_party
        return f"{filing.form} {party.name if party else ''} ({filing.accession})"

    def item_description(self, filing):
        return f"Filed {filing.filed_date:%Y-%m-%d}" if filing.filed_date else ""

    def item_link(self, filing):
        return filing.get_absolute_url()

    def item_pubdate(self, filing):
        return filing.created_at

    def item_updateddate(self, filing):
        return filing.updated_at


search_feed = SearchFeed()
