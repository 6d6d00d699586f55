"""Analysts' decisions on events: accept, correct or reject what the extractor proposed,
or record an event it missed.

A decision is the structured part of a note (kind "event"): the note gives it an anchor on
the evidence sentence, visibility, history and permissions; this row holds the state and
the facts. Extracted events are rewritten by every re-extraction, so a decision keeps what
the extractor proposed when it was made (`proposed`) and is matched again to the event
extracted now by document, span and person (filings.decisions.rematch). A decision whose
event is not found again keeps `event` empty and is listed, never dropped.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef

from .annotations import Annotation
from .companies import Company, Person
from .extraction import Event

ACCEPTED, CORRECTED, REJECTED, RECORDED = "accepted", "corrected", "rejected", "recorded"
UNREVIEWED = "unreviewed"
DECISION_STATES = (ACCEPTED, CORRECTED, REJECTED, RECORDED)
# What an extracted event can be told; `recorded` is for an event the extractor missed.
REVIEW_STATES = (ACCEPTED, CORRECTED, REJECTED)
# The facts an analyst may give for a corrected or recorded event (and the extractor's
# names for them in `proposed`).
FACTS = ("event_type", "name", "role", "organization", "effective_date")


class DecisionQuerySet(models.QuerySet):
    def live(self):
        """Decisions whose note is not deleted."""
        return self.filter(note__deleted_at=None)

    def lost(self):
        """Decisions on events the extractor no longer finds."""
        return self.live().filter(event=None).exclude(state=RECORDED)


class EventDecision(models.Model):
    STATES = [(s, s) for s in DECISION_STATES]

    note = models.OneToOneField(Annotation, on_delete=models.CASCADE, related_name="decision")
    state = models.CharField(max_length=10, choices=STATES, db_index=True)
    # The extracted event decided on (or, for a recorded one, found later), as matched
    # after the last extraction; empty when the extractor no longer finds it.
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    proposed = models.JSONField(
        default=dict, blank=True, help_text="The extracted event's facts when decided"
    )

    # The analyst's facts: a corrected or recorded event. Empty for accepted and rejected.
    event_type = models.CharField(max_length=20, blank=True, choices=Event.EVENT_TYPES)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    name = models.CharField(max_length=255, blank=True)
    role = models.CharField(max_length=500, blank=True)
    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    organization = models.CharField(max_length=500, blank=True)
    effective_date = models.DateField(null=True, blank=True)
    effective_immediately = models.BooleanField(default=False)
    reason = models.TextField(blank=True, help_text="Why it was rejected")

    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField()

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_at", "pk"]
        permissions = [("review_event", "Can accept, correct, reject and record events")]

    def __str__(self):
        return f"{self.state} #{self.pk} ({self.note.filing_id})"

    def get_absolute_url(self):
        return self.note.get_absolute_url()

    @property
    def lost(self) -> bool:
        return self.event_id is None and self.state != RECORDED

    def facts(self) -> dict:
        """The event as the analyst has it: their facts over the extractor's."""
        if self.state in (ACCEPTED, REJECTED):
            return {k: (self.proposed or {}).get(k) or "" for k in FACTS}
        return {
            "event_type": self.event_type,
            "name": self.name,
            "role": self.role,
            "organization": self.organization,
            "effective_date": self.effective_date.isoformat() if self.effective_date else "",
        }


def live_decision():
    """A subquery: the event has a decision whose note is not deleted."""
    return Exists(EventDecision.objects.live().filter(event=OuterRef("pk")))


def may_review(user) -> bool:
    return user.is_authenticated and user.has_perm("filings.review_event")
