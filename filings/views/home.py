"""The home page: a dashboard of the store for the analyst's morning."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import dashboard
from ..models import may_review, record_visit


@require_GET
def home(request):
    since = record_visit(request.user) if request.user.is_authenticated else None
    context = {
        "arrivals": dashboard.arrivals(),
        "happenings": dashboard.happenings(),
        "attention": dashboard.attention(request.user, since),
        "shape": dashboard.store_shape(),
        "may_review": may_review(request.user),
    }
    return render(request, "filings/home.html", context)
