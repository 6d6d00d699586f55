"""JSON endpoints: the rows `manage.py export` writes."""

from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET

from .. import export


@require_GET
def api_rows(request, kind):
    """The rows `manage.py export` writes, as JSON; ?accession=... (repeatable) narrows them."""
    if kind not in export.ROWS:
        raise Http404(f"No export named {kind}.")
    accessions = request.GET.getlist("accession") or None
    return JsonResponse({"kind": kind, "rows": list(export.ROWS[kind](accessions))})
