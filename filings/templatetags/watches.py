"""The watch controls other pages show: "Follow" on a company's or a person's page and
"Save this search" on the search page, each in the state of the reader's own watches."""

from django import template

from .. import watches
from ..models import Watch
from ..models.watches import SEARCH

register = template.Library()


@register.inclusion_tag("filings/watch_button.html", takes_context=True)
def follow_button(context, target):
    request = context["request"]
    return {
        "request": request,
        "user": request.user,
        "csrf_token": context.get("csrf_token"),
        "target": target,
        "follow_url": watches.follow_url(target),
        "watch": watches.following(request.user, target),
    }


@register.inclusion_tag("filings/watch_save_search.html", takes_context=True)
def save_search_button(context, params):
    """`params`: the search page's query string (without the page)."""
    request = context["request"]
    query = watches.search_query_string(params)
    saved = None
    if request.user.is_authenticated:
        saved = Watch.objects.filter(user=request.user, kind=SEARCH, query=query).first()
    return {
        "request": request,
        "user": request.user,
        "csrf_token": context.get("csrf_token"),
        "query": query,
        "saved": saved,
    }
