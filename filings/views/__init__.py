"""Function views, one module per area. A page and its htmx fragments are one view and
one template; the helpers here are shared by every area."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_vary_headers

from ..models import Filing

PAGE_SIZE = 50


def htmx_fragment(request, template, fragment, context):
    """The whole page, or just one partial when htmx asks (not on history restore)."""
    if request.htmx and not request.htmx.history_restore_request:
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
