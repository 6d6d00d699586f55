"""Analysts' notes: the only rows users write (with identity decisions), so never touched
by re-parsing or re-extraction.

A note targets one document of a filing by W3C selectors (a quote with its context, and a
position) into that document's stored plain text, together with the hash of the text they
were made against. Documents are rewritten by every new version or re-parse, so a note
names its document by filing and slug (the sequence number), not by row.

Who may see and do what is decided here and only here: `Annotation.objects.visible_to()`
for every read, and the `may_*` functions for every write.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from .filings import Filing

# The role groups (made by migration 0006); every other group is a team.
ROLES = ("reader", "analyst", "admin")
PRIVATE, TEAM, PUBLIC = "private", "team", "public"
VISIBILITIES = (PRIVATE, TEAM, PUBLIC)
ANCHORED, RELOCATED, ORPHANED = "anchored", "relocated", "orphaned"
# Characters of context kept on each side of a quote (as Hypothesis does).
CONTEXT = 32


def teams_of(user):
    """The user's teams: their groups other than the role groups."""
    if not user.is_authenticated:
        return Group.objects.none()
    return user.groups.exclude(name__in=ROLES)


def is_moderator(user) -> bool:
    return user.is_authenticated and user.has_perm("filings.moderate_annotation")


class Tag(models.Model):
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class AnnotationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The notes this user may see: public ones, their own, and team notes of a team
        they are in. Deleted notes only for moderators (who restore them); private notes
        stay private, moderators included. A reply is seen by whoever sees its note: the
        teams of the note's author, not the replier's, and not once the note is deleted."""
        shown = Q(visibility=PUBLIC)
        if user.is_authenticated:
            teams = teams_of(user).values("pk")
            chosen = Annotation.teams.through.objects.filter(
                annotation=OuterRef("pk"), group__in=teams
            )
            authors = settings_user_groups().filter(user=OuterRef("author"), group__in=teams)
            thread_authors = settings_user_groups().filter(
                user=OuterRef("parent__author"), group__in=teams
            )
            shown |= Q(author=user)
            shown |= Q(visibility=TEAM, all_author_teams=False) & Exists(chosen)
            shown |= Q(visibility=TEAM, all_author_teams=True, parent=None) & Exists(authors)
            shown |= Q(visibility=TEAM, all_author_teams=True, parent__isnull=False) & Exists(
                thread_authors
            )
        notes = self.filter(shown)
        if not is_moderator(user):
            notes = notes.filter(deleted_at=None).filter(
                Q(parent=None) | Q(parent__deleted_at=None)
            )
        return notes

    def live(self):
        return self.filter(deleted_at=None)

    def plain(self):
        """Notes, not structured ones: a decision, mention, flag or exhibit link is shown
        (and a decision exported) with what it is about."""
        return self.exclude(kind__in=Annotation.STRUCTURED)


def settings_user_groups():
    """The user-group link table of the user model (auth.User by default)."""
    from django.contrib.auth import get_user_model

    return get_user_model().groups.through.objects


class Annotation(models.Model):
    COMMENT, HIGHLIGHT, TAGGING, EVENT = "comment", "highlight", "tag", "event"
    MENTION, FLAG, EXHIBIT = "mention", "flag", "exhibit"
    # An event note carries a decision (filings.models.decisions); a mention, flag or
    # exhibit note a PassageLink (filings.models.links). Each is written only there.
    KINDS = [
        (COMMENT, "comment"),
        (HIGHLIGHT, "highlight"),
        (TAGGING, "tag"),
        (EVENT, "event"),
        (MENTION, "person mention"),
        (FLAG, "data problem"),
        (EXHIBIT, "exhibit link"),
    ]
    STRUCTURED = (EVENT, MENTION, FLAG, EXHIBIT)

    filing = models.ForeignKey(Filing, on_delete=models.PROTECT, related_name="annotations")
    document_slug = models.CharField(max_length=20, help_text="The document's sequence or p<N>")
    kind = models.CharField(max_length=20, choices=KINDS, default=COMMENT)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replies"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(blank=True, help_text="Markdown, as written")
    body_html = models.TextField(blank=True, help_text="The body rendered through the sanitizer")
    tags = models.ManyToManyField(Tag, blank=True, related_name="annotations")
    visibility = models.CharField(
        max_length=10, choices=[(v, v) for v in VISIBILITIES], default=PRIVATE
    )
    # A team note is seen by the teams chosen, or by all of the author's teams (as they are
    # at the time of reading) when none were chosen.
    all_author_teams = models.BooleanField(default=True)
    teams = models.ManyToManyField(Group, blank=True, related_name="+")

    # W3C TextQuoteSelector and TextPositionSelector into the document's plain text.
    exact = models.TextField(blank=True)
    prefix = models.CharField(max_length=CONTEXT * 4, blank=True)
    suffix = models.CharField(max_length=CONTEXT * 4, blank=True)
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    text_hash = models.CharField(max_length=64, blank=True)
    anchor_state = models.CharField(
        max_length=10,
        choices=[(s, s) for s in (ANCHORED, RELOCATED, ORPHANED)],
        default=ANCHORED,
    )
    # Where a relocated note was before its text changed.
    previous_start = models.PositiveIntegerField(null=True, blank=True)
    previous_end = models.PositiveIntegerField(null=True, blank=True)

    version = models.PositiveIntegerField(default=1, help_text="Bumped by each edit")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = AnnotationQuerySet.as_manager()

    class Meta:
        ordering = ["filing", "document_slug", "start", "created_at"]
        indexes = [models.Index(fields=["filing", "document_slug"])]
        permissions = [
            ("share_annotation", "Can share notes with a team or with everyone"),
            ("moderate_annotation", "Can delete and restore anyone's notes"),
        ]

    def __str__(self):
        return f"{self.kind} #{self.pk} on {self.filing_id}/{self.document_slug}"

    def get_absolute_url(self):
        return reverse("note", args=[self.pk])

    def document_url(self):
        return reverse("document", args=[self.filing_id, self.document_slug]) + f"#note-{self.pk}"

    @property
    def is_reply(self) -> bool:
        return self.parent_id is not None

    @property
    def thread(self):
        return self.parent if self.parent_id else self


class AnnotationVersion(models.Model):
    """Every saved state of a note: who, when, and what it said."""

    annotation = models.ForeignKey(Annotation, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    body = models.TextField(blank=True)
    tags = models.JSONField(default=list, blank=True)
    visibility = models.CharField(max_length=10)
    teams = models.JSONField(default=list, blank=True, help_text="Team names; [] = all")
    action = models.CharField(max_length=20, help_text="created, edited, deleted, restored")
    # An event note's decision as it was saved: state, facts, reason.
    decision = models.JSONField(default=dict, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["annotation", "number"]
        constraints = [
            models.UniqueConstraint(fields=["annotation", "number"], name="one_row_per_version")
        ]

    def __str__(self):
        return f"note #{self.annotation_id} v{self.number} ({self.action})"


# --- who may do what ---------------------------------------------------------------------


def may_annotate(user, visibility: str = PRIVATE) -> bool:
    """Readers keep private notes; sharing needs the analyst role."""
    if not (user.is_authenticated and user.has_perm("filings.add_annotation")):
        return False
    return visibility == PRIVATE or user.has_perm("filings.share_annotation")


def may_reply(user, note: Annotation) -> bool:
    """A reply is seen by whoever sees the note, so replying shares like the note does."""
    return may_annotate(user, note.thread.visibility) and not note.thread.deleted_at


def may_edit(user, note: Annotation) -> bool:
    return user.is_authenticated and note.author_id == user.pk and note.deleted_at is None


def may_delete(user, note: Annotation) -> bool:
    return note.deleted_at is None and (
        (user.is_authenticated and note.author_id == user.pk) or is_moderator(user)
    )


def may_restore(user, note: Annotation) -> bool:
    return note.deleted_at is not None and is_moderator(user)
