"""Alert emails of watches: at once when an ingest stores a matching filing, or in a
daily digest (`manage.py send-digests`, from cron). Plain text, with absolute links
(settings.BASE_URL, from FILINGS_BASE_URL).

Email goes only when Django's email settings make the default mailer one that sends
(settings.MAILERS, from EMAIL_HOST or DJANGO_EMAIL_BACKEND) and the user has an address. A notification is
emailed at most once: it is taken for an email (emailed_at set) in a short transaction
before the email goes, so two senders (a worker and a digest run) never both send it,
and given back if the email could not be sent, for the next digest. Notifications read
in the app before their email went are not emailed.
"""

from __future__ import annotations

import logging
from collections import defaultdict

from django.conf import settings
from django.core import mail
from django.db import transaction
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone

from .models import Notification
from .models.watches import NO_EMAIL

log = logging.getLogger("filings.alerts")
# A digest lists this many filings per watch and counts the rest.
DIGEST_PER_WATCH = 50
# A mailer that sends nothing (an explicit "no email").
NOT_SENDING = "django.core.mail.backends.dummy.EmailBackend"


def email_enabled() -> bool:
    default = getattr(settings, "MAILERS", {}).get("default")
    return default is not None and default.get("BACKEND") != NOT_SENDING


def absolute(path: str) -> str:
    return settings.BASE_URL + path


def send_now(notifications: list[Notification]) -> int:
    """The emails of watches that want them at once: one per user for one ingest.
    Returns how many were sent."""
    if not email_enabled() or not notifications:
        return 0
    by_user = defaultdict(list)
    for n in notifications:
        by_user[n.user_id].append(n.pk)
    sent = 0
    for ids in by_user.values():
        sent += send(Notification.objects.filter(pk__in=ids), immediate_message)
    return sent


def send_digests() -> tuple[int, int]:
    """One email per user with every notification not yet emailed (nor read) of their
    watches that email: the daily ones, and any immediate one whose email failed.
    Returns (emails sent, notifications in them); a second run sends nothing more."""
    if not email_enabled():
        return 0, 0
    users = pending().order_by().values_list("user_id", flat=True).distinct()
    emails = notifications = 0
    for user_id in list(users):
        count = send(pending().filter(user_id=user_id), digest_message)
        emails += bool(count)
        notifications += count
    return emails, notifications


def pending():
    return (
        Notification.objects.filter(emailed_at=None, read_at=None, user__is_active=True)
        .exclude(user__email="")
        .exclude(watch__delivery=NO_EMAIL)
    )


def send(notifications, build) -> int:
    """Take these notifications for one email to their user, send it, and give them back
    if it could not be sent. Returns how many the sent email held (0: none sent)."""
    taken = claim(notifications)
    if not taken:
        return 0
    user = taken[0].user
    if not user.email:
        release(taken)
        return 0
    subject, body = build(user, taken)
    try:
        message = mail.EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        mail.mailers.default.send_messages([message])
    except Exception:
        log.exception("the alert email to %s could not be sent", user.get_username())
        release(taken)
        return 0
    return len(taken)


def claim(notifications) -> list[Notification]:
    now = timezone.now()
    with transaction.atomic():
        ids = list(
            notifications.filter(emailed_at=None)
            .select_for_update(skip_locked=True, of=("self",))
            .values_list("pk", flat=True)
        )
        Notification.objects.filter(pk__in=ids).update(emailed_at=now)
    return list(
        Notification.objects.filter(pk__in=ids)
        .select_related("user", "watch", "filing")
        .prefetch_related("filing__parties")
        .order_by("watch__name", "watch_id", "-created_at", "-pk")
    )


def release(notifications: list[Notification]) -> None:
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(emailed_at=None)


def filing_lines(filing) -> list[str]:
    party = filing.primary_party
    parts = [filing.form, party.name if party else "", filing.accession]
    if filing.filed_date:
        parts.insert(2, f"filed {filing.filed_date:%Y-%m-%d}")
    return [" · ".join(p for p in parts if p), absolute(filing.get_absolute_url())]


def footer() -> list[str]:
    return [
        "",
        f"Your notifications: {absolute(reverse('notifications'))}",
        f"Your watches (delivery, feeds, unfollow): {absolute(reverse('watch-list'))}",
    ]


def immediate_message(user, notifications: list[Notification]) -> tuple[str, str]:
    filings = list({n.filing_id: n.filing for n in notifications}.values())
    first = filings[0]
    party = first.primary_party
    what = f"{first.form} {party.name if party else first.accession}"
    if len(notifications) == 1:
        subject = f"{what}: new for your watch “{notifications[0].watch.name}”"
    elif len(filings) == 1:
        subject = f"{what}: new for {len(notifications)} of your watches"
    else:
        subject = f"{len(filings)} new filings for your watches"
    lines = [f"New for your watches in the EDGAR dashboard, {user.get_username()}:", ""]
    for filing in filings:
        lines += filing_lines(filing)
        for n in notifications:
            if n.filing_id == filing.accession:
                lines.append(f"  {n.watch.name}: {n.reason}")
        lines.append("")
    return subject[:250], "\n".join(lines + footer()[1:]) + "\n"


def digest_message(user, notifications: list[Notification]) -> tuple[str, str]:
    by_watch = defaultdict(list)
    for n in notifications:
        by_watch[n.watch].append(n)
    count, watches = len(notifications), len(by_watch)
    subject = f"Daily digest: {count} new match{pluralize(count, 'es')} for your watches"
    lines = [
        f"New for your watches in the EDGAR dashboard since the last digest, "
        f"{user.get_username()}: {count} match{pluralize(count, 'es')} "
        f"for {watches} watch{pluralize(watches, 'es')}.",
    ]
    for watch, rows in by_watch.items():
        lines += ["", f"{watch.name} ({watch.get_kind_display()}): {len(rows)} new"]
        for n in rows[:DIGEST_PER_WATCH]:
            first, link = filing_lines(n.filing)
            lines += [f"- {first}", f"  {n.reason}", f"  {link}"]
        if len(rows) > DIGEST_PER_WATCH:
            lines.append(f"- and {len(rows) - DIGEST_PER_WATCH} more in the app")
    return subject, "\n".join(lines + footer()) + "\n"
