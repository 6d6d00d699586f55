"""Writing the structured notes that link a passage: a person mention (this name is that
person, fed to identity resolution), a data problem flag (on a passage or on one of the
panel's header-vs-document differences), and an exhibit link (this passage refers to
that stored filing or document). The only writer of PassageLink rows.

They are shared facts of the store, so like decisions they are public notes; mentions
need the right to change people (analysts), flags and links the right to share notes.
"""

from __future__ import annotations

from django.db import transaction

from . import annotations, identity
from .annotations import AnnotationError, Target
from .models import (
    PUBLIC,
    Annotation,
    Filing,
    PassageLink,
    Person,
    may_annotate,
)

MAX_REASON = 2_000


def may_write(user, kind: str) -> bool:
    """Whether the user may write (or withdraw) a note of this kind."""
    if kind == Annotation.MENTION:
        return user.is_authenticated and user.has_perm("filings.change_person")
    return may_annotate(user, PUBLIC)


def check_sharer(user, what: str) -> None:
    if not may_annotate(user, PUBLIC):
        raise AnnotationError(f"Only analysts may {what}.", status=403)


def mention(user, target: Target, person: Person | None) -> PassageLink:
    """The selected name is `person` (or a new person when None)."""
    if not (user.is_authenticated and user.has_perm("filings.change_person")):
        raise AnnotationError("Only analysts may link names to people.", status=403)
    name = " ".join(target.exact.split())
    if not name or len(name) > 255:
        raise AnnotationError("Select a name (at most 255 characters) to link to a person.")
    with transaction.atomic():
        note = annotations.structured_note(user, target.filing, target, Annotation.MENTION)
        try:
            change = identity.link_name(target.filing, {name, target.exact}, person, user)
        except identity.IdentityError as exc:
            raise AnnotationError(str(exc)) from None
        link = PassageLink.objects.create(note=note, person=change.person, change=change)
        annotations.record(note, "created", user, decision={"person_id": change.person_id})
    return link


def flag(user, filing: Filing, target: Target | None, reason: str, fact: str = "") -> PassageLink:
    """A data problem: the passage (or the header-vs-document difference named `fact`)
    is wrong, for this reason."""
    check_sharer(user, "flag data problems")
    reason = annotations.clean_text(reason or "").strip()
    if not reason:
        raise AnnotationError("Say what is wrong: a flag needs a reason.")
    if len(reason) > MAX_REASON:
        raise AnnotationError(f"A reason is at most {MAX_REASON:,} characters.")
    if target is None:
        labels = {d.get("label") for d in filing.cover_differences or []}
        if fact not in labels:
            raise AnnotationError(
                f"{filing.accession} lists no header-vs-document difference {fact!r}."
            )
    with transaction.atomic():
        note = annotations.structured_note(user, filing, target, Annotation.FLAG, body=reason)
        link = PassageLink.objects.create(note=note, reason=reason, fact=fact[:100])
        annotations.record(note, "created", user, decision={"reason": reason, "fact": fact})
    return link


def exhibit_link(user, target: Target, accession: str, slug: str = "") -> PassageLink:
    """The passage refers to this stored filing (and document)."""
    check_sharer(user, "link exhibits")
    accession = (accession or "").strip()
    linked = Filing.objects.filter(accession=accession).first()
    if linked is None:
        raise AnnotationError(f"There is no stored filing {accession!r} to link to.")
    if slug:
        document = linked.documents.without_bodies().by_slug(slug.strip())
        if document is None:
            raise AnnotationError(f"Filing {accession} has no document {slug!r}.")
        slug = document.slug
    with transaction.atomic():
        note = annotations.structured_note(user, target.filing, target, Annotation.EXHIBIT)
        link = PassageLink.objects.create(note=note, accession=accession, document_slug=slug)
        annotations.record(
            note, "created", user, decision={"accession": accession, "document": slug}
        )
    return link


def withdraw(user, link: PassageLink) -> None:
    """Soft: the note and its versions stay; a mention's identity change is undone."""
    note = link.note
    if note.deleted_at is not None:
        raise AnnotationError("This was already withdrawn.", status=409)
    if note.kind == Annotation.MENTION:
        if not user.has_perm("filings.change_person"):
            raise AnnotationError("Only analysts may withdraw a person mention.", status=403)
    else:
        check_sharer(user, "withdraw flags and exhibit links")
    with transaction.atomic():
        if link.change is not None and link.change.undone_at is None:
            identity.undo(link.change, user)
        annotations.soft_delete(note, user)
