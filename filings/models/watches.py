"""Watches: a user's saved searches and followed companies and people, the notifications
each new matching filing makes, and the private token of the user's watch feeds.

A watch belongs to one user and is seen by no one else; filings.watches is the only
writer of these rows.
"""

from urllib.parse import parse_qsl

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

SEARCH, COMPANY, PERSON = "search", "company", "person"
WATCH_KINDS = ((SEARCH, "saved search"), (COMPANY, "company"), (PERSON, "person"))
IMMEDIATE, DAILY, NO_EMAIL = "immediate", "daily", "none"
DELIVERIES = (
    (IMMEDIATE, "email at once"),
    (DAILY, "daily digest email"),
    (NO_EMAIL, "in the app only"),
)


class Watch(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=WATCH_KINDS)
    name = models.CharField(max_length=200)
    # A saved search: the search page's query string (q and facet selections, no page).
    query = models.CharField(max_length=2000, blank=True)
    company = models.ForeignKey(
        "filings.Company", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey(
        "filings.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    delivery = models.CharField(max_length=10, choices=DELIVERIES, default=IMMEDIATE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "company"],
                condition=Q(kind="company"),
                name="one_follow_per_company",
            ),
            models.UniqueConstraint(
                fields=["user", "person"], condition=Q(kind="person"), name="one_follow_per_person"
            ),
            models.CheckConstraint(
                condition=Q(kind="search", company=None, person=None)
                | Q(kind="company", company__isnull=False, person=None)
                | Q(kind="person", person__isnull=False, company=None),
                name="watch_has_its_target",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.name}"

    def get_absolute_url(self):
        return reverse("watch-list") + f"#watch-{self.pk}"

    @property
    def target_url(self) -> str:
        """The page this watch is about: the search, the company or the person."""
        if self.kind == COMPANY:
            return self.company.get_absolute_url()
        if self.kind == PERSON:
            return self.person.canonical().get_absolute_url()
        return reverse("search") + (f"?{self.query}" if self.query else "")

    @property
    def search_params(self) -> dict[str, str]:
        return dict(parse_qsl(self.query, keep_blank_values=False))

    @property
    def search_summary(self) -> str:
        """A saved search as a reader would say it: its words, then its selections."""
        params = self.search_params
        parts = [params["q"]] if params.get("q") else []
        parts += [f"{name}: {value}" for name, value in params.items() if name != "q"]
        return " · ".join(parts) or "all filings"


class Notification(models.Model):
    """One filing that matched one watch; never two for the same watch and accession."""

    watch = models.ForeignKey(Watch, on_delete=models.CASCADE, related_name="notifications")
    # The watch's owner again, so the header's unread count is one indexed query.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    filing = models.ForeignKey("filings.Filing", on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField(help_text="The filing's version that first matched")
    reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # Shown among the home page's new matches (or read): no longer new there.
    seen_at = models.DateTimeField(null=True, blank=True)
    # Taken for an email (sent, or being sent): a notification is emailed at most once.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["watch", "filing"], name="one_notification_per_filing")
        ]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]

    def __str__(self):
        return f"{self.watch.name}: {self.filing_id}"


class FeedToken(models.Model):
    """The secret in a user's watch feed URLs; a new one makes the old URLs stop working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    token = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"feed token of {self.user}"
