"""When each user last looked at the home page: what "new since your last visit" means.

A visit is a look after VISIT_GAP without one. Looks within a visit keep the same
"since", so new notes stay listed while the user works through them and are gone the
next day, not on the next reload.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

VISIT_GAP = timedelta(minutes=30)


class HomeVisit(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="home_visit"
    )
    last_seen = models.DateTimeField(help_text="The latest look at the home page")
    since = models.DateTimeField(
        null=True, blank=True, help_text="The last look of the previous visit; none before"
    )

    def __str__(self):
        return f"{self.user} at {self.last_seen:%Y-%m-%d %H:%M}"


def record_visit(user) -> "timezone.datetime | None":
    """Notes this look at the home page; returns the moment "new" counts from (None on a
    user's first visit: everything is new)."""
    now = timezone.now()
    visit, made = HomeVisit.objects.get_or_create(user=user, defaults={"last_seen": now})
    if made:
        return None
    if now - visit.last_seen > VISIT_GAP:
        visit.since = visit.last_seen
    visit.last_seen = now
    visit.save(update_fields=["since", "last_seen"])
    return visit.since
