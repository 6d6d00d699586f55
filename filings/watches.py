"""Watches: saved searches and followed companies and people, and what they match.

The only writer of watches, their notifications and feed tokens. A watch is its owner's
alone: every function that takes a watch from a request is given the owner, and views
look watches up through `owned()`.

When an ingest stores a new filing or new bytes for one (created or updated), it calls
`filing_stored()`, which waits for the ingest's transaction to commit and then finds the
watches the filing matches: one notification per watch and accession (a unique
constraint, so two workers storing two versions at once still make one), then the emails
of watches that want them at once (filings.alerts). A failure there is logged; the filing
is stored all the same.

The home page shows each user's new matches: `new_matches()` and `mark_seen()`, and the
fragment templates/filings/watch_matches.html that lists them.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from dataclasses import dataclass
from functools import partial
from urllib.parse import parse_qsl, urlencode

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from . import search
from .models import Company, Event, FeedToken, Filing, FilingParty, Notification, Person, Watch
from .models.watches import COMPANY, DELIVERIES, IMMEDIATE, PERSON, SEARCH

log = logging.getLogger("filings.watches")

# The search page's state a saved search keeps: its words and its facet selections.
SEARCH_FIELDS = ("q", "notes", *search.FACETS)
MAX_NAME = 200
MAX_QUERY = 2000


class WatchError(Exception):
    """A watch that cannot be saved as asked; the message says why."""


# --- keeping watches ----------------------------------------------------------------------


def search_query_string(params) -> str:
    """The part of a search page's query string a saved search keeps, in a stable order
    (the page number and the documents switch are how it was looked at, not what)."""
    if isinstance(params, str):
        params = dict(parse_qsl(params, keep_blank_values=False))
    kept = [(k, str(params.get(k, "")).strip()) for k in SEARCH_FIELDS]
    return urlencode([(k, v) for k, v in kept if v])


def clean_name(name: str, default: str = "") -> str:
    name = " ".join((name or "").split()) or default
    if not name:
        raise WatchError("Give the watch a name.")
    if len(name) > MAX_NAME:
        raise WatchError(
            f"A watch's name is at most {MAX_NAME} characters; this one is {len(name)}."
        )
    return name


def clean_delivery(delivery: str) -> str:
    if delivery not in dict(DELIVERIES):
        raise WatchError(
            "Delivery is one of: " + ", ".join(label for _v, label in DELIVERIES) + "."
        )
    return delivery


def save_search(user, query: str, name: str = "", delivery: str = IMMEDIATE) -> Watch:
    """A saved search from the search page's query string."""
    query = search_query_string(query)
    if len(query) > MAX_QUERY:
        raise WatchError(f"This search is too long to save (at most {MAX_QUERY} characters).")
    words = dict(parse_qsl(query)).get("q", "")
    name = clean_name(name, default=f"“{words}”" if words else "All filings")
    delivery = clean_delivery(delivery)
    same = Watch.objects.filter(user=user, kind=SEARCH, query=query).first()
    if same is not None:
        raise WatchError(f"You have saved this search already, as “{same.name}”.")
    return Watch.objects.create(user=user, kind=SEARCH, name=name, query=query, delivery=delivery)


def follow(user, target: Company | Person, delivery: str = IMMEDIATE) -> Watch:
    """Follow a company or a person (a person merged into another: the one they now are)."""
    delivery = clean_delivery(delivery)
    if isinstance(target, Person):
        target = target.canonical()
        fields = {"kind": PERSON, "person": target}
    else:
        fields = {"kind": COMPANY, "company": target}
    try:
        with transaction.atomic():
            watch, _ = Watch.objects.get_or_create(
                user=user, **fields, defaults={"name": target.name[:MAX_NAME], "delivery": delivery}
            )
    except IntegrityError:  # the same follow, posted twice at once
        watch = Watch.objects.get(user=user, **fields)
    return watch


def following(user, target: Company | Person) -> Watch | None:
    """The user's watch of this company or person (or of anyone merged with them)."""
    if not user.is_authenticated:
        return None
    if isinstance(target, Person):
        return (
            Watch.objects.filter(user=user, kind=PERSON, person_id__in=target.cluster_ids())
            .order_by("pk")
            .first()
        )
    return Watch.objects.filter(user=user, kind=COMPANY, company=target).first()


def follow_url(target: Company | Person) -> str:
    """Where the follow control of a company's or a person's page posts."""
    if isinstance(target, Person):
        return reverse("follow-person", args=[target.pk])
    return reverse("follow-company", args=[target.cik])


def unfollow(user, target: Company | Person) -> int:
    if isinstance(target, Person):
        watches = Watch.objects.filter(user=user, kind=PERSON, person_id__in=target.cluster_ids())
    else:
        watches = Watch.objects.filter(user=user, kind=COMPANY, company=target)
    deleted, _ = watches.delete()
    return deleted


def owned(user, pk) -> Watch | None:
    """The user's own watch with this id; None for anyone else's or none at all."""
    if not user.is_authenticated or not is_id(pk):
        return None
    return Watch.objects.filter(user=user, pk=int(pk)).first()


def is_id(value) -> bool:
    """A row id as a URL or form may give it (digits a 64-bit column can hold)."""
    return str(value).isdigit() and len(str(value)) < 19


def change(watch: Watch, name: str | None = None, delivery: str | None = None) -> Watch:
    fields = {}
    if name is not None:
        fields["name"] = clean_name(name)
    if delivery is not None:
        fields["delivery"] = clean_delivery(delivery)
    for key, value in fields.items():
        setattr(watch, key, value)
    if fields:
        watch.save(update_fields=list(fields))
    return watch


def delete(watch: Watch) -> None:
    watch.delete()  # its notifications with it


def user_watches(user):
    """The user's watches with their unread count and last match."""
    return (
        Watch.objects.filter(user=user)
        .select_related("company", "person")
        .annotate(
            unread=Count("notifications", filter=Q(notifications__read_at=None)),
            matches=Count("notifications"),
            last_match=Max("notifications__created_at"),
        )
        .order_by("name", "pk")
    )


# --- feeds --------------------------------------------------------------------------------


def feed_token(user) -> str:
    """The user's feed token, made on first use."""
    token, _ = FeedToken.objects.get_or_create(
        user=user, defaults={"token": secrets.token_urlsafe(32)}
    )
    return token.token


def regenerate_feed_token(user) -> str:
    """A new token: every feed URL with the old one stops working."""
    token = secrets.token_urlsafe(32)
    FeedToken.objects.update_or_create(user=user, defaults={"token": token})
    return token


# Compared against when there is no such watch, so both refusals take the same time.
_NO_TOKEN = secrets.token_urlsafe(32)


def watch_for_feed(pk, token: str) -> Watch | None:
    """The watch whose feed this is, when the token is its owner's; None otherwise,
    whether or not the watch exists."""
    watch = None
    if is_id(pk):
        watch = (
            Watch.objects.select_related("user").filter(pk=int(pk), user__is_active=True).first()
        )
    expected = _NO_TOKEN
    if watch is not None:
        expected = (
            FeedToken.objects.filter(user_id=watch.user_id).values_list("token", flat=True).first()
            or _NO_TOKEN
        )
    good = hmac.compare_digest(str(token or "").encode(), expected.encode())
    return watch if good and watch is not None and expected != _NO_TOKEN else None


# --- matching -----------------------------------------------------------------------------


def filing_stored(accession: str) -> None:
    """Called by ingest for a filing it created or gave new bytes: its watches are
    matched once the ingest's transaction commits (never when it rolls back)."""
    transaction.on_commit(partial(notify_safely, accession))


def notify_safely(accession: str) -> None:
    try:
        notify(accession)
    except Exception:
        # The filing is stored; a watch missing it must not undo or fail that.
        log.exception("matching watches to %s failed", accession, extra={"accession": accession})


def notify(accession: str) -> list[Notification]:
    """Notifications for every watch the filing matches (none twice for one watch), and
    the emails of those that want them at once. Returns the notifications made here."""
    if not Watch.objects.filter(user__is_active=True).exists():
        return []  # a store nobody watches (loading a year of filings): one cheap query
    filing = Filing.objects.filter(accession=accession).first()
    if filing is None:
        return []
    made = []
    for watch, reason in matching_watches(filing):
        try:
            with transaction.atomic():
                made.append(
                    Notification.objects.create(
                        watch=watch,
                        user_id=watch.user_id,
                        filing=filing,
                        version=filing.version,
                        reason=reason[:500],
                    )
                )
        except IntegrityError:
            pass  # an earlier version, or another worker, already told this watch
    if made:
        log.info(
            "%s matched %d watches",
            accession,
            len(made),
            extra={"event": "watches", "accession": accession},
        )
        from . import alerts

        alerts.send_now([n for n in made if n.watch.delivery == IMMEDIATE and n.watch.user.email])
    return made


def matching_watches(filing: Filing) -> list[tuple[Watch, str]]:
    """(watch, why it matches) for every active user's watch this filing matches."""
    live = Watch.objects.filter(user__is_active=True).select_related("user")
    found = []
    parties = list(
        FilingParty.objects.filter(filing=filing).values("role", "company_id", "cik", "person_id")
    )
    roles_of: dict[int, list[str]] = {}
    for party in parties:
        cik = party["company_id"] or (party["cik"] if party["person_id"] is None else None)
        if cik is not None:
            roles_of.setdefault(cik, []).append(role_label(party["role"]))
    for watch in live.filter(kind=COMPANY, company_id__in=roles_of):
        roles = ", ".join(dict.fromkeys(roles_of[watch.company_id]))
        found.append((watch, f"{watch.company.name} is a party: {roles}"))

    named = person_mentions(filing, parties)
    if named:
        cluster_of = clusters(named)
        for watch in live.filter(kind=PERSON, person_id__in=cluster_of).select_related("person"):
            how = []
            for pk in cluster_of[watch.person_id]:
                how += named.get(pk, [])
            found.append((watch, f"names {watch.person.name}: " + ", ".join(dict.fromkeys(how))))

    searches = list(live.filter(kind=SEARCH))
    answers: dict[tuple, bool] = {}
    for watch in searches:
        params = watch.search_params
        # The same words find the same filings for everyone, unless they look in notes,
        # which depend on who may see them.
        notes = "notes" in params or any(
            f in search.parse_query(params.get("q", "")).filters for f in ("note", "tag")
        )
        key = (watch.query, watch.user_id if notes else None)
        if key not in answers:
            try:
                answers[key] = saved_search_matches(watch, filing.accession)
            except DatabaseError:
                # This search could not be run; the other watches are still told.
                log.exception("saved search %s could not be matched to %s", watch.pk, filing)
                answers[key] = False
        if answers[key]:
            words = params.get("q", "")
            found.append((watch, f"matches “{words}”" if words else "a new filing"))
    return found


def saved_search_matches(watch: Watch, accession: str) -> bool:
    params = watch.search_params
    chosen = {k: v for k, v in params.items() if k != "q"}
    found = search.matching(params.get("q", ""), [accession], facets=chosen, user=watch.user)
    return accession in found


def person_mentions(filing: Filing, parties: list[dict]) -> dict[int, list[str]]:
    """{person id: how the filing names them} from its parties and extracted events."""
    named: dict[int, list[str]] = {}
    for party in parties:
        if party["person_id"] is not None:
            named.setdefault(party["person_id"], []).append(role_label(party["role"]))
    for person_id, event_type in Event.objects.filter(filing=filing).values_list(
        "person_id", "event_type"
    ):
        named.setdefault(person_id, []).append(role_label(event_type))
    return named


def clusters(person_ids) -> dict[int, set[int]]:
    """{id of anyone merged with one of these people: the ids of that whole cluster}."""
    out: dict[int, set[int]] = {}
    for person in Person.objects.filter(pk__in=list(person_ids)):
        root = person.canonical()
        if root.pk in out:
            continue
        members = set(root.cluster_ids())
        for pk in members:
            out[pk] = members
    return out


def role_label(role: str) -> str:
    return role.replace("-", " ")


# --- notifications ------------------------------------------------------------------------


def notifications_of(user):
    return (
        Notification.objects.filter(user=user)
        .select_related("watch", "filing")
        .prefetch_related("filing__parties")
    )


def mark_read(user, ids=None) -> int:
    """Mark the user's notifications read (these ids, or all); read is also seen."""
    now = timezone.now()
    unread = Notification.objects.filter(user=user, read_at=None)
    if ids is not None:
        unread = unread.filter(pk__in=[int(i) for i in ids if is_id(i)])
    marked = unread.update(read_at=now)
    Notification.objects.filter(user=user, seen_at=None).exclude(read_at=None).update(seen_at=now)
    return marked


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at=None).count()


def unread(request) -> dict:
    """Context processor: the header's count of unread notifications, counted only when a
    page shows it (htmx fragments do not)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}


# --- the home page ------------------------------------------------------------------------


@dataclass
class NewMatches:
    watch: Watch
    notifications: list[Notification]  # the newest few
    count: int  # all the watch's new matches


def new_matches(user, per_watch: int = 5) -> list[NewMatches]:
    """Each of the user's watches with matches since the user last looked (neither shown
    on the home page yet nor read), the most recent first."""
    if not user.is_authenticated:
        return []
    fresh = notifications_of(user).filter(seen_at=None, read_at=None)
    groups: dict[int, NewMatches] = {}
    for notification in fresh.order_by("-created_at", "-pk"):
        group = groups.get(notification.watch_id)
        if group is None:
            group = groups[notification.watch_id] = NewMatches(notification.watch, [], 0)
        group.count += 1
        if len(group.notifications) < per_watch:
            group.notifications.append(notification)
    return list(groups.values())


def mark_seen(user, matches: list[NewMatches] | None = None, *, before=None) -> int:
    """No longer new on the home page: the matches shown (every one counted in them,
    those beyond the few listed too), or all the user's (made `before` a moment, if
    given: the home page keeps a visit's matches listed until the next visit)."""
    fresh = Notification.objects.filter(user=user, seen_at=None)
    if before is not None:
        fresh = fresh.filter(created_at__lte=before)
    if matches is not None:
        newest = max((n.pk for m in matches for n in m.notifications), default=0)
        fresh = fresh.filter(watch_id__in=[m.watch.pk for m in matches], pk__lte=newest)
    return fresh.update(seen_at=timezone.now())
