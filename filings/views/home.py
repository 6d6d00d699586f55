"""The home page: a dashboard of the store for the analyst's morning."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import dashboard, watches
from ..models import may_review, record_visit


@require_GET
def home(request):
    since, matches = None, []
    if request.user.is_authenticated:
        since = record_visit(request.user)
        # What the last visit listed is no longer new; this visit's stay listed.
        if since is not None:
            watches.mark_seen(request.user, before=since)
        matches = watches.new_matches(request.user)
    context = {
        "matches": matches,
        "arrivals": dashboard.arrivals(),
        "happenings": dashboard.happenings(),
        "attention": dashboard.attention(request.user, since),
        "shape": dashboard.store_shape(),
        "may_review": may_review(request.user),
    }
    return render(request, "filings/home.html", context)
