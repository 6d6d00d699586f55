"""Watches: "My watches" (rename, delivery, delete, feed links), saving a search and
following a company or a person, the notifications page, and each watch's Atom feed.

Any logged-in user keeps watches; each is its owner's alone, so every view looks a watch
up through owned_or_404() and answers 404 for anyone else's. Writes go through
filings.watches.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from .. import watches
from ..models import Company, FeedToken, Person
from ..models.watches import DELIVERIES
from . import paged

FEED_ITEMS = 50


def owned_or_404(user, pk):
    """The user's own watch; anyone else's, or none, is the same 404."""
    watch = watches.owned(user, pk)
    if watch is None:
        raise Http404("No such watch.")
    return watch


@login_required
@require_GET
def watch_list(request):
    token = FeedToken.objects.filter(user=request.user).values_list("token", flat=True).first()
    rows = list(watches.user_watches(request.user))
    for watch in rows:
        if token:
            watch.feed_url = request.build_absolute_uri(
                reverse("watch-feed", args=[watch.pk]) + f"?token={token}"
            )
    context = {"watches": rows, "has_token": bool(token), "deliveries": DELIVERIES}
    return render(request, "filings/watch_list.html", context)


@login_required
@require_POST
def save_search(request):
    query = request.POST.get("query", "")
    try:
        watch = watches.save_search(
            request.user,
            query,
            name=request.POST.get("name", ""),
            delivery=request.POST.get("delivery", watches.IMMEDIATE),
        )
    except watches.WatchError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, f"Saved as “{watch.name}”: new matching filings will be in your notifications."
        )
    return redirect(reverse("search") + "?" + watches.search_query_string(query))


@login_required
@require_POST
def follow_company(request, cik):
    if not watches.is_id(cik):
        raise Http404("No such company.")
    company = get_object_or_404(Company, cik=cik)
    return follow_or_unfollow(request, company)


@login_required
@require_POST
def follow_person(request, pk):
    if not watches.is_id(pk):
        raise Http404("No such person.")
    person = get_object_or_404(Person, pk=pk)
    return follow_or_unfollow(request, person)


def follow_or_unfollow(request, target):
    if request.POST.get("action") == "unfollow":
        watches.unfollow(request.user, target)
        watch, said = None, f"You no longer follow {target.name}."
    else:
        try:
            watch = watches.follow(
                request.user, target, request.POST.get("delivery", watches.IMMEDIATE)
            )
        except watches.WatchError as exc:
            messages.error(request, str(exc))
            return redirect(target)
        said = f"You follow {target.name}: its new filings will be in your notifications."
    if request.htmx:
        follow_url = watches.follow_url(target)
        context = {"target": target, "watch": watch, "said": said, "follow_url": follow_url}
        return render(request, "filings/watch_button.html", context)
    messages.success(request, said)
    return redirect(target)


@login_required
@require_POST
def change_watch(request, pk):
    watch = owned_or_404(request.user, pk)
    try:
        watches.change(
            watch,
            name=request.POST.get("name") if "name" in request.POST else None,
            delivery=request.POST.get("delivery") if "delivery" in request.POST else None,
        )
    except watches.WatchError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"“{watch.name}” saved.")
    return redirect(watch)


@login_required
@require_POST
def delete_watch(request, pk):
    watch = owned_or_404(request.user, pk)
    watches.delete(watch)
    messages.success(request, f"“{watch.name}” deleted, with its notifications.")
    return redirect("watch-list")


@login_required
@require_POST
def feed_token(request):
    had = FeedToken.objects.filter(user=request.user).exists()
    watches.regenerate_feed_token(request.user)
    messages.success(
        request,
        "New feed links: the old ones no longer work." if had else "Your feed links are ready.",
    )
    return redirect("watch-list")


@login_not_required
@never_cache
@require_GET
def watch_feed(request, pk):
    """The watch's matches as Atom, for a feed reader: the token in the URL is the key,
    the session is not looked at. A wrong token and no such watch are the same 404."""
    watch = watches.watch_for_feed(pk, request.GET.get("token", ""))
    if watch is None:
        raise Http404("No such feed.")
    feed = Atom1Feed(
        title=f"{watch.name} · EDGAR dashboard",
        link=request.build_absolute_uri(watch.target_url),
        description=f"New filings matching the {watch.get_kind_display()} “{watch.name}”.",
        feed_url=request.build_absolute_uri(),
        author_name=watch.user.get_username(),
    )
    for n in watches.notifications_of(watch.user).filter(watch=watch)[:FEED_ITEMS]:
        filing = n.filing
        party = filing.primary_party
        link = request.build_absolute_uri(filing.get_absolute_url())
        filed = f"Filed {filing.filed_date:%Y-%m-%d}. " if filing.filed_date else ""
        feed.add_item(
            title=f"{filing.form} {party.name if party else ''} ({filing.accession})",
            link=link,
            description=f"{filed}{n.reason}.",
            unique_id=link,
            pubdate=n.created_at,
            updateddate=n.created_at,
        )
    response = HttpResponse(content_type=f"{feed.content_type}")
    feed.write(response, "utf-8")
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_GET
def notification_list(request):
    listed = watches.notifications_of(request.user)
    only = None
    if request.GET.get("watch"):
        only = owned_or_404(request.user, request.GET["watch"])
        listed = listed.filter(watch=only)
    unread_only = request.GET.get("unread") == "1"
    if unread_only:
        listed = listed.filter(read_at=None)
    page, query = paged(request, listed)
    context = {
        "page": page,
        "only": only,
        "unread_only": unread_only,
        "query": query.urlencode(),
        "next": request.get_full_path(),
    }
    return render(request, "filings/notification_list.html", context)


@login_required
@require_POST
def mark_read(request):
    ids = None if request.POST.get("all") else request.POST.getlist("id")
    marked = watches.mark_read(request.user, ids)
    if ids is None:
        messages.success(request, f"{marked} notification{'s' if marked != 1 else ''} marked read.")
    back = request.POST.get("next", "")
    # Only back to the notifications page itself, never to another site.
    if not back.startswith(reverse("notifications")):
        back = reverse("notifications")
    return redirect(back)
