"""Function views, one module per area. A page and its htmx fragments are one view and
one template; the helpers here are shared by every area."""

from django.shortcuts import render
from django.utils.cache import patch_vary_headers

PAGE_SIZE = 50


def htmx_fragment(request, template, fragment, context):
    """The whole page, or just one partial when htmx asks (not on history restore)."""
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, f"{template}#{fragment}", context)
    else:
        response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response
