"""A document's own content: the sanitized rendering in its sandboxed frame, and decoded
files (images, PDFs), each under a policy that lets nothing run."""

import mimetypes

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_GET

from ..edgar.model import uudecode
from ..models import (
    Document,
)
from ..safe import sanitized
from . import get_document, get_filing

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


@require_GET
@xframe_options_sameorigin
@csp_override(FRAME_CSP)
def document_content(request, accession, slug):
    """The stored sanitized rendering, served without a doctype (quirks mode, like EDGAR)."""
    # One query: the document of this accession with its rendering, and no other column.
    doc = Document.objects.filter(filing_id=accession).only("kind", "html").by_slug(slug)
    if doc is None:
        get_filing(accession)  # a missing filing is a 404 of its own
        raise Http404(f"Filing {accession} has no document {slug}.")
    context = {"html": sanitized(doc.html), "styled": doc.kind not in ("html", "ixbrl")}
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
