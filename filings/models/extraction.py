"""What extraction found in a filing's text (events, organisation mentions, exhibits),
and the analysts' identity decisions about the people named."""

from django.conf import settings
from django.db import models

from ..extract import model as extract_model
from .companies import Company, Person
from .filings import Document, Filing


class Event(models.Model):
    """Something a filing says a person did or was, with the sentence that says it."""

    EVENT_TYPES = [(t, t) for t in extract_model.EVENT_TYPES]

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="events")
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="events")
    name_raw = models.CharField(max_length=255)
    name = models.CharField(max_length=255, help_text="Given Middle Family Suffix")
    event_type = models.CharField(max_length=20, choices=EVENT_TYPES, db_index=True)
    role = models.CharField(max_length=500, blank=True)
    organization = models.CharField(max_length=500, blank=True)
    effective_date = models.DateField(null=True, blank=True)
    disagreement = models.BooleanField(null=True, blank=True)
    evidence = models.TextField(blank=True)
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    source = models.CharField(max_length=20)
    link_confidence = models.FloatField(default=1.0)
    link_reason = models.CharField(max_length=255, blank=True)
    # How sure the reading of the sentence is (the person, the role), apart from the link to
    # a person: below 1 when part of it was inferred, `guess` saying which part.
    confidence = models.FloatField(default=1.0)
    guess = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["filing", "document", "start", "pk"]

    def __str__(self):
        return f"{self.name} {self.event_type} ({self.filing_id})"

    def get_absolute_url(self):
        """The document with this event's sentence highlighted."""
        if self.document is None:
            return self.filing.get_absolute_url()
        url = self.document.get_absolute_url()
        return f"{url}?hl={self.start}-{self.end}" if self.start is not None else url


class PersonOverride(models.Model):
    """An analyst's split: this name in this filing belongs to this person.

    Re-extraction consults these before matching names, so splits survive it.
    """

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=255)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="overrides")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["filing", "name"], name="one_override_per_name")
        ]

    def __str__(self):
        return f"{self.name} in {self.filing_id} -> {self.person_id}"


class IdentityChange(models.Model):
    """Who merged or split which people, and when; undone changes keep their row."""

    action = models.CharField(
        max_length=10, choices=[("merge", "merge"), ("split", "split"), ("link", "link")]
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    events = models.JSONField(default=list, blank=True, help_text="Event ids a split moved")
    # A link (a person mention): the names it pinned, as [accession, name] overrides.
    names = models.JSONField(default=list, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(auto_now_add=True)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.action} {self.person_id} / {self.other_id}"


class OrganizationMention(models.Model):
    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="organizations")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=500)
    normalized = models.CharField(max_length=500, db_index=True)
    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions"
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["filing", "document", "start"]

    def __str__(self):
        return self.name


class Exhibit(models.Model):
    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="exhibits")
    number = models.CharField(max_length=40)
    description = models.TextField(blank=True)
    filed_here = models.BooleanField(null=True, blank=True)
    incorporated_by_reference = models.BooleanField(default=False)
    source_form = models.CharField(max_length=40, blank=True)
    source_date = models.DateField(null=True, blank=True)
    source_exhibit = models.CharField(max_length=40, blank=True)
    source_file_number = models.CharField(max_length=40, blank=True)
    source_accession = models.CharField(max_length=20, blank=True, db_index=True)
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["filing", "pk"]

    def __str__(self):
        return f"Exhibit {self.number} of {self.filing_id}"


class ExhibitReference(models.Model):
    """A phrase such as "attached hereto as Exhibit 99.1", linked to that exhibit's document."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="exhibit_references")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    number = models.CharField(max_length=40)
    target = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    evidence = models.TextField(blank=True)

    def __str__(self):
        return f"Exhibit {self.number} reference in {self.filing_id}"
