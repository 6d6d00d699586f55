"""Two filings, or two stored versions of one accession, side by side:
/compare/?a=ACCESSION[&av=VERSION]&b=ACCESSION[&bv=VERSION], `a` the one before."""

import re

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import comparisons, edgar
from ..models import Filing, RawFile

ACCESSION = re.compile(r"^\d{10}-\d{2}-\d{6}$")


@require_GET
def compare_view(request):
    a, b = request.GET.get("a", "").strip(), request.GET.get("b", "").strip()
    if not a and not b:
        return render(request, "filings/compare.html", {"comparison": None})
    problems = [
        f"“{value}” is not an accession number (0000000000-00-000000)."
        for value in (a, b)
        if not ACCESSION.match(value)
    ]
    versions = {}
    for key in ("av", "bv"):
        value = request.GET.get(key, "").strip()
        if value and not value.isdigit():
            problems.append(f"Version “{value}” is not a number.")
        versions[key] = int(value) if value.isdigit() else None
    if problems:
        context = {"comparison": None, "problems": problems, "a": a, "b": b}
        return render(request, "filings/compare.html", context, status=400)
    try:
        side_a = load_side(a, versions["av"])
        side_b = load_side(b, versions["bv"])
    except (edgar.EdgarError, OSError) as exc:
        # A stored version the reader now refuses, or whose upload is out of reach: say
        # so rather than fail the page.
        message = (
            exc.message
            if isinstance(exc, edgar.EdgarError)
            else (
                "The stored upload of a version could not be read from storage; try again "
                "later, or ask an admin to check the storage."
            )
        )
        context = {"comparison": None, "problems": [message], "a": a, "b": b}
        return render(request, "filings/compare.html", context, status=422)
    only = request.GET.get("doc", "").strip()
    comparison = comparisons.compare(side_a, side_b, only)
    if only and not any(p.b and p.b.slug == only for p in comparison.documents):
        raise Http404(f"{b} has no document {only}.")
    everything = request.GET.copy()
    everything.pop("doc", None)
    for pair in comparison.documents:
        if pair.b is not None:
            alone = everything.copy()
            alone["doc"] = pair.b.slug
            pair.alone_url = f"?{alone.urlencode()}"
    context = {
        "comparison": comparison,
        "a": side_a,
        "b": side_b,
        "sides": [("Before", side_a), ("After", side_b)],
        "paired": comparisons.how_paired(side_a, side_b),
        "only": only,
        "everything_url": f"?{everything.urlencode()}",
        "same_version": a == b and side_a.version == side_b.version,
    }
    return render(request, "filings/compare.html", context)


def load_side(accession: str, version: int | None):
    filing = Filing.objects.select_related("raw").filter(accession=accession).first()
    if filing is None:
        raise Http404(f"No filing {accession} is stored.")
    try:
        return comparisons.side(filing, version)
    except RawFile.DoesNotExist:
        raise Http404(f"{accession} has no stored version {version}.") from None
