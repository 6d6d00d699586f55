"""Writing analysts' notes: create, reply, edit, delete, restore, and re-anchoring when a
document's text changes. The only writer of notes; every write checks its permission
here (the rules are in filings.models.annotations) and keeps a version.

Anchoring: a note keeps a quote of the text it was made on (with 32 characters of context
each side), its offsets, and the hash of that text. Documents are immutable versions, so
while the hash is the same the offsets are exact. When a new version, `reparse` or
`resanitize` changes a document's text, `reanchor()` runs in the same transaction:
the quote with its context, then the quote alone nearest the old position, then a fuzzy
match scored on quote, context and distance, else the note is orphaned. Nothing is
deleted and every move is recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from markdown_it import MarkdownIt
from rapidfuzz import fuzz

from .models import (
    ANCHORED,
    CONTEXT,
    ORPHANED,
    PRIVATE,
    PUBLIC,
    RELOCATED,
    TEAM,
    VISIBILITIES,
    Annotation,
    AnnotationVersion,
    Document,
    Filing,
    Tag,
    may_annotate,
    may_delete,
    may_edit,
    may_reply,
    may_restore,
    teams_of,
)
from .sanitize import sanitize_note
from .search import index_note, remove_note

MAX_BODY = 50_000
MAX_TAGS = 20
MAX_QUOTE = 10_000
# Bidirectional overrides and isolates: a note's text must not turn the page around it.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).disable("image")
# A fuzzy match must score at least this (0-100) on the quote to place a note.
FUZZY_MIN = 75
# How far from its old position (as a share of the text) a fuzzy match is looked for.
FUZZY_WINDOW = 4_000


class AnnotationError(Exception):
    """A write that cannot be done; `status` is the HTTP status a page answers with."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def clean_text(text: str) -> str:
    return _CONTROL.sub("", _BIDI.sub("", text or ""))


def render_body(body: str) -> str:
    return sanitize_note(_MARKDOWN.render(body))


def clean_tags(tags) -> list[str]:
    """Tags as typed (a list, or one comma-separated string): trimmed, one space between
    words, no duplicates; each at most 100 characters."""
    if isinstance(tags, str):
        tags = tags.split(",")
    out = []
    for tag in tags or []:
        tag = " ".join(clean_text(str(tag)).split())[:100]
        if tag and tag.casefold() not in {t.casefold() for t in out}:
            out.append(tag)
    if len(out) > MAX_TAGS:
        raise AnnotationError(f"A note takes at most {MAX_TAGS} tags, not {len(out)}.")
    return out


# The page's script addresses text by "stream" offsets: counts of the characters that are
# not white space (as JavaScript's \s sees it) nor zero-width, which the rendering and
# the stored text share exactly. These convert them to stored-text offsets and back.
_STREAM = re.compile(
    "[^\t\n\v\f\r \u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+"
)


def stream_runs(text: str) -> list[tuple[int, int, int]]:
    """(start, end, stream offset of start) for each run of stream characters."""
    runs, count = [], 0
    for m in _STREAM.finditer(text):
        runs.append((m.start(), m.end(), count))
        count += m.end() - m.start()
    return runs


def to_stream(runs, offset: int) -> int:
    """The stream offset of a stored-text offset (of the next stream character)."""
    for start, end, count in runs:
        if offset < end:
            return count + max(0, offset - start)
    return runs[-1][2] + runs[-1][1] - runs[-1][0] if runs else 0


def from_stream(text: str, stream_start: int, stream_end: int) -> tuple[int, int]:
    """Stored-text offsets [start, end) of the stream characters [stream_start, stream_end)."""
    start = end = None
    for run_start, run_end, count in stream_runs(text):
        length = run_end - run_start
        if start is None and stream_start < count + length:
            start = run_start + max(0, stream_start - count)
        if stream_end <= count + length:
            end = run_start + (stream_end - count)
            break
    if start is None or end is None or end <= start:
        raise AnnotationError(
            f"The selection {stream_start}-{stream_end} is outside the document's text."
        )
    return start, end


def squeezed(text: str) -> str:
    return "".join(_STREAM.findall(text))


@dataclass(frozen=True)
class Target:
    """Where a new note goes: a document of a filing and a span of its plain text."""

    filing: Filing
    document: Document
    start: int
    end: int
    exact: str
    text_hash: str


def stream_target(filing, document, stream_start, stream_end, exact, text_hash) -> Target:
    """A target given in the page's stream offsets: converted to stored-text offsets, and
    the selected text checked against the stored text there (white space aside)."""
    text = Document.objects.values_list("text", flat=True).get(pk=document.pk)
    start, end = from_stream(text, stream_start, stream_end)
    if squeezed(exact) != squeezed(text[start:end]):
        raise AnnotationError(
            "The selected text does not match the document at those offsets "
            f"(expected “{text[start:end][:80]}”); nothing was saved."
        )
    return Target(filing, document, start, end, text[start:end], text_hash)


def check_target(target: Target) -> tuple[str, str, str]:
    """The quote and its context, after checking that the page's selection is what the
    stored text says at those offsets (a wrong anchor is refused, never saved)."""
    doc = target.document
    text = Document.objects.values_list("text", flat=True).get(pk=doc.pk)
    if target.text_hash != doc.text_hash:
        raise AnnotationError(
            "The document's text has changed since the page was loaded; reload it and "
            "select the passage again."
        )
    if not (0 <= target.start < target.end <= len(text)):
        raise AnnotationError(
            f"The selection {target.start}-{target.end} is outside the document's text "
            f"(0-{len(text)})."
        )
    if target.end - target.start > MAX_QUOTE:
        raise AnnotationError(f"Select at most {MAX_QUOTE:,} characters for one note.")
    exact = text[target.start : target.end]
    if exact != target.exact:
        raise AnnotationError(
            "The selected text does not match the document at those offsets "
            f"(expected “{exact[:80]}”); nothing was saved."
        )
    prefix = text[max(0, target.start - CONTEXT) : target.start]
    suffix = text[target.end : target.end + CONTEXT]
    return exact, prefix, suffix


def anchor_fields(target: Target) -> dict:
    """A note's anchor on a checked target: the document, the quote with its context,
    the offsets and the text hash."""
    exact, prefix, suffix = check_target(target)
    return dict(
        document_slug=target.document.slug,
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        start=target.start,
        end=target.end,
        text_hash=target.text_hash,
    )


def chosen_teams(user, visibility: str, teams) -> tuple[bool, list]:
    """(all of the author's teams?, the teams chosen) for a team note."""
    if visibility != TEAM:
        return True, []
    mine = {g.name: g for g in teams_of(user)}
    if not mine:
        raise AnnotationError("You are in no team: share with everyone or keep the note private.")
    names = [t for t in (teams or []) if t]
    unknown = [n for n in names if n not in mine]
    if unknown:
        raise AnnotationError(f"You are not in the team {unknown[0]!r}.", status=403)
    return (not names or set(names) == set(mine)), [mine[n] for n in names]


def check_fields(user, kind: str, body: str, visibility: str) -> str:
    if kind not in dict(Annotation.KINDS):
        raise AnnotationError(f"Unknown kind of note {kind!r}.")
    if visibility not in VISIBILITIES:
        raise AnnotationError(f"Visibility is private, team or public, not {visibility!r}.")
    if not may_annotate(user, visibility):
        if may_annotate(user, PRIVATE):
            raise AnnotationError("Your role keeps private notes only.", status=403)
        raise AnnotationError("Your account may not write notes.", status=403)
    body = clean_text(body)
    if len(body) > MAX_BODY:
        raise AnnotationError(f"A note is at most {MAX_BODY:,} characters, not {len(body):,}.")
    if kind == Annotation.COMMENT and not body.strip():
        raise AnnotationError("A comment needs some text.")
    return body


def create(
    user,
    target: Target,
    *,
    kind: str = Annotation.COMMENT,
    body: str = "",
    tags=(),
    visibility: str = PRIVATE,
    teams=(),
) -> Annotation:
    body = check_fields(user, kind, body, visibility)
    tags = clean_tags(tags)
    if kind == Annotation.TAGGING and not tags:
        raise AnnotationError("A tag note needs at least one tag.")
    anchor = anchor_fields(target)
    all_teams, groups = chosen_teams(user, visibility, teams)
    with transaction.atomic():
        note = Annotation.objects.create(
            filing=target.filing,
            kind=kind,
            author=user,
            body=body,
            body_html=render_body(body),
            visibility=visibility,
            all_author_teams=all_teams,
            **anchor,
        )
        note.teams.set(groups)
        set_tags(note, tags)
        index_note(note)
        record(note, "created", user)
    return note


def structured_note(user, filing, target: Target | None, kind: str, body: str = "") -> Annotation:
    """A public note of a structured kind (a decision, mention, flag or exhibit link) on
    a checked passage, or on none; its writer (filings.decisions, filings.links) checks
    the role and adds the structured row and the version."""
    values = anchor_fields(target) if target is not None else {}
    note = Annotation.objects.create(
        filing=filing,
        kind=kind,
        author=user,
        body=body,
        body_html=render_body(body),
        visibility=PUBLIC,
        **values,
    )
    index_note(note)
    return note


def reply(user, parent: Annotation, body: str) -> Annotation:
    thread = parent.thread
    if not may_reply(user, thread):
        raise AnnotationError("You may not reply to this note.", status=403)
    body = check_fields(user, Annotation.COMMENT, body, thread.visibility)
    with transaction.atomic():
        note = Annotation.objects.create(
            filing=thread.filing,
            document_slug=thread.document_slug,
            parent=thread,
            author=user,
            body=body,
            body_html=render_body(body),
            visibility=thread.visibility,
            all_author_teams=thread.all_author_teams,
        )
        note.teams.set(thread.teams.all())
        index_note(note)
        record(note, "created", user)
    return note


def edit(user, note: Annotation, *, version: int, body: str, tags=None, visibility=None, teams=()):
    """Change a note. `version` is the one the editor started from: if someone saved in
    between, nothing is overwritten and the editor is told."""
    if not may_edit(user, note):
        raise AnnotationError("Only its author may edit a note.", status=403)
    refuse_decisions(note)
    visibility = note.visibility if note.is_reply or visibility is None else visibility
    body = check_fields(user, note.kind, body, visibility)
    tags = clean_tags(tags) if tags is not None else [t.name for t in note.tags.all()]
    all_teams, groups = chosen_teams(user, visibility, teams) if not note.is_reply else (True, [])
    with transaction.atomic():
        changed = Annotation.objects.filter(pk=note.pk, version=version).update(
            body=body,
            body_html=render_body(body),
            visibility=visibility,
            all_author_teams=all_teams if not note.is_reply else note.all_author_teams,
            version=F("version") + 1,
            updated_at=timezone.now(),
        )
        if not changed:
            raise AnnotationError(
                "Someone saved this note after you opened it. Your text is below, unsaved: "
                "compare it with the current note and save again.",
                status=409,
            )
        note.refresh_from_db()
        if not note.is_reply:
            note.teams.set(groups)
            set_tags(note, tags)
            # Replies are seen by whoever sees their note.
            for child in note.replies.all():
                child.visibility, child.all_author_teams = note.visibility, note.all_author_teams
                child.save(update_fields=["visibility", "all_author_teams"])
                child.teams.set(groups)
        index_note(note)
        record(note, "edited", user)
    return note


def delete(user, note: Annotation) -> None:
    """Soft: the note and its versions stay, and a moderator can restore it."""
    if not may_delete(user, note):
        raise AnnotationError("You may not delete this note.", status=403)
    refuse_decisions(note)
    soft_delete(note, user)


def soft_delete(note: Annotation, user, decision: dict | None = None) -> None:
    """Mark a note deleted (its row and versions stay), out of the search index, with a
    version saying who: for plain notes here, and for the structured kinds' writers."""
    with transaction.atomic():
        note.deleted_at, note.deleted_by = timezone.now(), user
        note.save(update_fields=["deleted_at", "deleted_by"])
        remove_note(note)
        record(note, "deleted", user, decision=decision)


def restore(user, note: Annotation) -> None:
    if not may_restore(user, note):
        raise AnnotationError("Only a moderator may restore a note.", status=403)
    refuse_decisions(note)
    with transaction.atomic():
        note.deleted_at, note.deleted_by = None, None
        note.save(update_fields=["deleted_at", "deleted_by"])
        index_note(note)
        record(note, "restored", user)


def refuse_decisions(note: Annotation) -> None:
    """A decision, mention, flag or exhibit link changes only through its own writer
    (filings.decisions, filings.links), never as a plain note."""
    if note.kind == Annotation.EVENT:
        raise AnnotationError(
            "This note is a decision on an event: change or withdraw it from the event's row."
        )
    if note.kind in Annotation.STRUCTURED:
        raise AnnotationError(
            f"This note is a {note.get_kind_display()}: withdraw it from the filing's panel."
        )


def set_tags(note: Annotation, names: list[str]) -> None:
    tags = []
    for name in names:
        tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
        tags.append(tag)
    note.tags.set(tags)


def record(note: Annotation, action: str, user, decision: dict | None = None) -> None:
    """Keep the note's state as a version (with an event note's decision, when given)."""
    last = note.versions.order_by("-number").values_list("number", flat=True).first() or 0
    AnnotationVersion.objects.create(
        annotation=note,
        number=last + 1,
        body=note.body,
        tags=[t.name for t in note.tags.all()],
        visibility=note.visibility,
        teams=[] if note.all_author_teams else sorted(g.name for g in note.teams.all()),
        action=action,
        by=user,
        decision=decision or {},
    )


# --- re-anchoring ------------------------------------------------------------------------


@dataclass(frozen=True)
class Placement:
    state: str
    start: int | None = None
    end: int | None = None


def place(text: str, note: Annotation) -> Placement:
    """Where the note's quote stands in a new text of its document."""
    exact = note.exact
    if not exact:
        return Placement(ORPHANED)
    old = note.start or 0
    # 1. The quote with its context: as exact as before, wherever it moved.
    found = find_nearest(text, note.prefix + exact + note.suffix, old - len(note.prefix))
    if found is not None:
        start = found + len(note.prefix)
        return placed(note, start, start + len(exact))
    # 2. The quote alone, the occurrence nearest the old position.
    found = find_nearest(text, exact, old)
    if found is not None:
        return placed(note, found, found + len(exact))
    # 3. The quote with its white space laid out anew (a renderer that wraps or collapses
    # lines): the same characters otherwise, nearest the old position.
    found = find_squeezed(text, exact, old)
    if found is not None:
        return placed(note, *found)
    # 4. Fuzzy: the best alignment of the quote near where it was, checked on context.
    return fuzzy(text, note)


def find_squeezed(text: str, exact: str, around: int) -> tuple[int, int] | None:
    needle = squeezed(exact)
    if not needle:
        return None
    runs = stream_runs(text)
    flat = "".join(text[a:b] for a, b, _count in runs)
    at = find_nearest(flat, needle, to_stream(runs, around))
    return None if at is None else from_stream(text, at, at + len(needle))


def placed(note: Annotation, start: int, end: int) -> Placement:
    same = (start, end) == (note.start, note.end)
    return Placement(ANCHORED if same else RELOCATED, start, end)


def find_nearest(text: str, needle: str, around: int) -> int | None:
    if not needle:
        return None
    best, at = None, text.find(needle)
    while at >= 0:
        if best is None or abs(at - around) < abs(best - around):
            best = at
        elif at > around:
            break
        at = text.find(needle, at + 1)
    return best


def fuzzy(text: str, note: Annotation) -> Placement:
    exact, old = note.exact, note.start or 0
    window = FUZZY_WINDOW + 2 * len(exact)
    lo = max(0, old - window)
    hi = min(len(text), old + len(exact) + window)
    candidates = [(lo, hi)]
    if (lo, hi) != (0, len(text)) and len(text) <= 200_000:
        candidates.append((0, len(text)))  # moved far: look everywhere in a text this size
    for a, b in candidates:
        found = fuzz.partial_ratio_alignment(exact, text[a:b], score_cutoff=FUZZY_MIN)
        if found is None:
            continue
        start, end = a + found.dest_start, a + found.dest_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        context = fuzz.ratio(note.prefix, text[max(0, start - CONTEXT) : start]) + fuzz.ratio(
            note.suffix, text[end : end + CONTEXT]
        )
        # A weak quote match needs its context to agree; a strong one stands alone.
        if found.score >= 90 or context >= 100:
            return Placement(RELOCATED, start, end)
    return Placement(ORPHANED)


def reanchor(filing: Filing) -> dict[str, int]:
    """Place every note of the filing on its documents' current text (inside the
    caller's transaction). Returns how many notes ended in each state."""
    counts = {ANCHORED: 0, RELOCATED: 0, ORPHANED: 0}
    notes = Annotation.objects.filter(filing=filing, parent=None).exclude(exact="").order_by("pk")
    documents = {d.slug: d for d in filing.documents.without_bodies()} if notes else {}
    texts: dict[int, str] = {}
    for note in notes:
        doc = documents.get(note.document_slug)
        if doc is not None and doc.text_hash == note.text_hash:
            # The text it was made on (again): its offsets are exact.
            counts[ANCHORED if note.anchor_state == ORPHANED else note.anchor_state] += 1
            if note.anchor_state == ORPHANED:
                Annotation.objects.filter(pk=note.pk).update(anchor_state=ANCHORED)
            continue
        if doc is None:
            placement = Placement(ORPHANED)
        else:
            if doc.pk not in texts:
                texts[doc.pk] = Document.objects.values_list("text", flat=True).get(pk=doc.pk)
            placement = place(texts[doc.pk], note)
        counts[placement.state] += 1
        fields = {"anchor_state": placement.state}
        if placement.state != ORPHANED:
            # An orphan keeps its old offsets and hash: they place it again exactly if
            # that text comes back.
            fields.update(start=placement.start, end=placement.end, text_hash=doc.text_hash)
        if placement.state == RELOCATED:
            fields.update(previous_start=note.start, previous_end=note.end)
        Annotation.objects.filter(pk=note.pk).update(**fields)
    return counts


# --- importing ---------------------------------------------------------------------------


def import_note(
    author,
    target: Target | None,
    *,
    prefix: str = "",
    suffix: str = "",
    parent: Annotation | None = None,
    kind: str = Annotation.COMMENT,
    body: str = "",
    tags=(),
    visibility: str = PRIVATE,
    teams=None,
    created,
    modified,
) -> Annotation:
    """A note read from an export, written as its original author with its own times and
    teams (`teams`: the groups chosen, None for all of the author's teams). The operator
    runs the import, so no role is checked: the author's was when the note was written.

    The quote is held to create()'s rule: it must be the text at its offsets, made on the
    document's current text (same hash). One that is not is placed as reanchor() places
    a note whose text changed (relocated, its old offsets kept), and refused when it
    cannot be placed. A reply (`parent`, no target) is seen by whoever sees its note."""
    if kind not in dict(Annotation.KINDS):
        raise AnnotationError(f"Unknown kind of note {kind!r}.")
    if visibility not in VISIBILITIES:
        raise AnnotationError(f"Visibility is private, team or public, not {visibility!r}.")
    body = clean_text(body)
    if len(body) > MAX_BODY:
        raise AnnotationError(f"A note is at most {MAX_BODY:,} characters, not {len(body):,}.")
    if kind == Annotation.COMMENT and not body.strip():
        raise AnnotationError("A comment needs some text.")
    tags = clean_tags(tags)
    if kind == Annotation.TAGGING and not tags:
        raise AnnotationError("A tag note needs at least one tag.")
    fields = {}
    if parent is not None:
        thread = parent.thread
        fields.update(
            filing=thread.filing,
            document_slug=thread.document_slug,
            parent=thread,
            kind=Annotation.COMMENT,
            visibility=thread.visibility,
            all_author_teams=thread.all_author_teams,
        )
        groups = list(thread.teams.all())
        tags = []
    else:
        fields.update(
            filing=target.filing,
            document_slug=target.document.slug,
            kind=kind,
            visibility=visibility,
            all_author_teams=visibility != TEAM or teams is None,
            **imported_anchor(target, prefix, suffix),
        )
        groups = list(teams or []) if visibility == TEAM else []
    with transaction.atomic():
        note = Annotation.objects.create(
            author=author, body=body, body_html=render_body(body), **fields
        )
        # auto_now_add and auto_now set both times on create; the export's are kept.
        Annotation.objects.filter(pk=note.pk).update(created_at=created, updated_at=modified)
        note.created_at, note.updated_at = created, modified
        note.teams.set(groups)
        set_tags(note, tags)
        index_note(note)
        record(note, "imported", None)
    return note


def imported_anchor(target: Target, prefix: str, suffix: str) -> dict:
    """The anchoring fields of an imported note: exact when its quote is the current text
    at its offsets, else where place() finds it (its given offsets kept as the previous)."""
    exact, start, end = target.exact, target.start, target.end
    if not exact:
        raise AnnotationError("The note has no quote of the text it was made on.")
    if len(exact) > MAX_QUOTE:
        raise AnnotationError(f"A quote is at most {MAX_QUOTE:,} characters.")
    doc = target.document
    text = Document.objects.values_list("text", flat=True).get(pk=doc.pk)
    fields = {"exact": exact, "text_hash": doc.text_hash, "anchor_state": ANCHORED}
    here = start is not None and end is not None and 0 <= start < end
    if not (here and target.text_hash == doc.text_hash and text[start:end] == exact):
        given = Annotation(
            exact=exact, prefix=prefix[-CONTEXT * 4 :], suffix=suffix[: CONTEXT * 4], start=start
        )
        placement = place(text, given)
        if placement.state == ORPHANED:
            raise AnnotationError(
                f"The quote “{exact[:80]}” is not in the document's text; nothing was imported."
            )
        if start is not None and (placement.start, placement.end) != (start, end):
            fields.update(anchor_state=RELOCATED, previous_start=start, previous_end=end)
        start, end = placement.start, placement.end
        if text[start:end] != exact:
            # A fuzzy match keeps the quote and context it was made with, as reanchor() does.
            fields.update(anchor_state=RELOCATED, prefix=given.prefix, suffix=given.suffix)
    fields.setdefault("prefix", text[max(0, start - CONTEXT) : start])
    fields.setdefault("suffix", text[end : end + CONTEXT])
    fields.update(start=start, end=end)
    return fields
