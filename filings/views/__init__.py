"""Function views, one module per area. A page and its htmx fragments are one view and
one template; the helpers here are shared by every area."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_vary_headers

from ..models import Filing
from ..models.filings import parse_slug

PAGE_SIZE = 50


def paged(request, items, size=None):
    """The page of items the URL asks for (PAGE_SIZE a page unless size is given), and the
    URL's other parameters (a copy without "page") for the pager's links, so paging keeps
    every filter and sort."""
    page = Paginator(items, size or PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query


def wants_fragment(request) -> bool:
    """htmx asks for a partial (a history restore wants the whole page)."""
    return bool(request.htmx and not request.htmx.history_restore_request)


def htmx_fragment(request, template, fragment, context):
    """The whole page, or just one partial when htmx asks (not on history restore)."""
    if wants_fragment(request):
        response = render(request, f"{template}#{fragment}", context)
    else:
        response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


def get_filing(accession):
    return get_object_or_404(Filing.objects.select_related("raw"), accession=accession)


def get_document(filing, slug):
    doc = filing.documents.without_bodies().by_slug(slug)
    if doc is None:
        raise Http404(f"Filing {filing.accession} has no document {slug}.")
    return doc


def document_by_slug(filing, documents, slug):
    """get_document, among the filing's documents already loaded (in position order)."""
    kind, value = parse_slug(slug)
    doc = None
    if kind == "sequence":
        doc = next((d for d in documents if d.sequence == value), None)
    elif kind == "position":
        doc = next((d for d in documents if d.position == value), None)
    if doc is None:
        raise Http404(f"Filing {filing.accession} has no document {slug}.")
    return doc
