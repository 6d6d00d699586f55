"""Function views. A page and its htmx fragments are one view and one template."""

import mimetypes

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_GET

from . import ingest
from .forms import FilingFilterForm, UploadForm
from .formtypes import form_name
from .models import BINARY_KINDS, Company, Document, Filing, FilingParty, Person
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
    "sandbox": ["allow-same-origin", "allow-popups", "allow-popups-to-escape-sandbox"],
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
    documents = filing.documents.defer("html", "text")
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
    documents = list(filing.documents.defer("html", "text").order_by("position"))
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
    }
    return htmx_fragment(request, "filings/filing_detail.html", "document-pane", context)


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
    page = Paginator(appearances, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "filings/company_detail.html", {"company": company, "page": page})


@require_GET
def person_detail(request, pk):
    person = get_object_or_404(Person, pk=pk)
    appearances = person.parties.select_related("filing").order_by("-filing__filed_date")
    return render(
        request, "filings/person_detail.html", {"person": person, "appearances": appearances}
    )
