"""The structured part of three kinds of note on a passage: a person mention (this name
is that person), a data problem flag (this passage, or this header-vs-document difference,
is wrong), and an exhibit link (this passage refers to that stored filing or document).

Like a decision, each is a note (anchor, visibility, history, permissions) with one row
here; they are written only by filings.links.
"""

from django.db import models

from .annotations import Annotation
from .companies import Person
from .extraction import IdentityChange


class PassageLink(models.Model):
    note = models.OneToOneField(Annotation, on_delete=models.CASCADE, related_name="link")
    # A person mention: the person the name is, and the identity change that linked the
    # filing's events of that name to them (undone when the mention is withdrawn).
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions"
    )
    change = models.ForeignKey(
        IdentityChange, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A data problem: why, and which header-vs-document difference (its label), if any.
    reason = models.TextField(blank=True)
    fact = models.CharField(max_length=100, blank=True)
    # An exhibit link: the stored filing (and document) the passage refers to.
    accession = models.CharField(max_length=20, blank=True)
    document_slug = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["note"]

    def __str__(self):
        return f"{self.note.kind} #{self.note_id}"
