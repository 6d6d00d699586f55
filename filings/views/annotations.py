"""Notes: writing one on a passage, its page with the thread and history, editing,
replying, deleting and restoring, and the list of every note a user may see.

Every read goes through Annotation.objects.visible_to() (a note one may not see is a 404,
so its existence does not leak); every write goes through filings.annotations, which
checks the role and the object.
"""

import json
from datetime import date

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_POST

from .. import annotations
from ..annotations import AnnotationError
from ..models import (
    BINARY_KINDS,
    VISIBILITIES,
    Annotation,
    Tag,
    is_moderator,
    may_annotate,
    may_delete,
    may_edit,
    may_reply,
    may_restore,
    may_review,
    teams_of,
)
from . import get_document, get_filing, htmx_fragment, paged
from .errors import error_response


def visible_notes(user):
    return (
        Annotation.objects.visible_to(user)
        .select_related("author", "filing")
        .prefetch_related("tags", "teams")
    )


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def failed(request, exc: AnnotationError, back: str):
    """A refused write: JSON for the page's script; a 403 page when the user may not; a
    message and the way back for a mistake they can mend."""
    if wants_json(request):
        return JsonResponse({"error": {"code": "refused", "message": str(exc)}}, status=exc.status)
    if exc.status == 403:
        return error_response(request, 403, str(exc))
    messages.error(request, str(exc))
    return redirect(back)


def document_notes_view(request, accession, slug):
    """A document's notes (GET: the reading view's sidebar and marks, which the page loads
    on its own so that a document with hundreds of notes opens as fast as one without),
    or a new note on one of its passages (POST)."""
    if request.method == "POST":
        return create_note(request, accession, slug)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    filing = get_filing(accession)
    current = get_document(filing, slug)
    context = {
        "filing": filing,
        "current": current,
        "binary_kinds": BINARY_KINDS,
        "can_review": may_review(request.user),
    }
    context.update(document_notes(request, filing, current))
    context["note_marks_json"] = json.dumps(context["note_marks"])
    response = render(request, "filings/notes_sidebar.html", context)
    patch_vary_headers(response, ("Cookie",))
    return response


# The sidebar's note filters: URL value -> label.
NOTE_FILTERS = [("", "all"), ("mine", "mine"), ("team", "team"), ("public", "public")]


@login_required
@require_POST
def create_note(request, accession, slug):
    filing = get_filing(accession)
    document = get_document(filing, slug)
    data = request.POST
    back = document.get_absolute_url()
    try:
        if "stream_start" in data:  # from the page's script: see filings.annotations
            target = selection_target(request, filing, document)
        else:
            target = annotations.Target(
                filing=filing,
                document=document,
                start=as_offset(data.get("start")),
                end=as_offset(data.get("end")),
                exact=data.get("exact", ""),
                text_hash=data.get("text_hash", ""),
            )
        note = annotations.create(
            request.user,
            target,
            kind=data.get("kind", Annotation.COMMENT),
            body=data.get("body", ""),
            tags=data.get("tags", ""),
            visibility=data.get("visibility", "private"),
            teams=data.getlist("teams"),
        )
    except AnnotationError as exc:
        return failed(request, exc, back)
    if wants_json(request):
        return JsonResponse(note_json(note), status=201)
    messages.success(request, "Note saved.")
    return redirect(note.document_url())


def selection_target(request, filing, document):
    """The passage the page's script sends (stream offsets, quote and text hash)."""
    data = request.POST if request.method == "POST" else request.GET
    return annotations.stream_target(
        filing,
        document,
        as_offset(data.get("stream_start")),
        as_offset(data.get("stream_end")),
        data.get("exact", ""),
        data.get("text_hash", ""),
    )


def as_offset(value) -> int:
    if value is None or not str(value).isdigit() or len(str(value)) > 12:
        raise AnnotationError("The selection's offsets are missing or not numbers.")
    return int(value)


def note_json(note: Annotation) -> dict:
    return {
        "id": note.pk,
        "kind": note.kind,
        "start": note.start,
        "end": note.end,
        "visibility": note.visibility,
        "url": note.get_absolute_url(),
        "document_url": note.document_url(),
    }


@require_GET
def note_detail(request, pk):
    """A note's own page: the passage, the thread, the history. Works with JS off."""
    note = get_object_or_404(visible_notes(request.user), pk=pk)
    if note.parent_id:
        return redirect(f"{note.parent.get_absolute_url()}#note-{note.pk}")
    replies = list(visible_notes(request.user).filter(parent=note).order_by("created_at"))
    user = request.user
    decision = note.kind in Annotation.STRUCTURED
    unsaved = request.session.pop("unsaved_note", None)
    context = {
        "unsaved": unsaved["body"] if unsaved and unsaved.get("pk") == note.pk else None,
        "note": note,
        "replies": replies,
        "versions": note.versions.select_related("by").order_by("-number"),
        # A decision changes from its event's row (filings.decisions), not here.
        "can_edit": may_edit(user, note) and not decision,
        "can_delete": may_delete(user, note) and not decision,
        "can_restore": may_restore(user, note) and not decision,
        "can_reply": may_reply(user, note),
        "can_share": may_annotate(user, "team") or may_annotate(user, "public"),
        "my_teams": list(teams_of(user).values_list("name", flat=True)),
        "chosen_teams": [] if note.all_author_teams else [t.name for t in note.teams.all()],
        "visibilities": VISIBILITIES,
        "editable_replies": {r.pk for r in replies if may_edit(user, r)},
        "deletable_replies": {r.pk for r in replies if may_delete(user, r)},
    }
    return render(request, "filings/note_detail.html", context)


@login_required
@require_POST
def reply_note(request, pk):
    note = get_object_or_404(visible_notes(request.user), pk=pk)
    try:
        answer = annotations.reply(request.user, note, request.POST.get("body", ""))
    except AnnotationError as exc:
        return failed(request, exc, note.get_absolute_url())
    if wants_json(request):
        return JsonResponse(note_json(answer), status=201)
    return redirect(f"{note.thread.get_absolute_url()}#note-{answer.pk}")


@login_required
@require_POST
def edit_note(request, pk):
    note = get_object_or_404(visible_notes(request.user), pk=pk)
    data = request.POST
    try:
        version = int(data.get("version", "0"))
    except ValueError:
        version = 0
    try:
        annotations.edit(
            request.user,
            note,
            version=version,
            body=data.get("body", ""),
            tags=data.get("tags") if "tags" in data else None,
            visibility=data.get("visibility") or None,
            teams=data.getlist("teams"),
        )
    except AnnotationError as exc:
        if exc.status == 409:
            # Shown beside the current note, so the editor's text is not lost.
            request.session["unsaved_note"] = {"pk": note.pk, "body": data.get("body", "")}
        return failed(request, exc, note.thread.get_absolute_url())
    messages.success(request, "Note saved.")
    return redirect(note.thread.get_absolute_url())


@login_required
@require_POST
def delete_note(request, pk):
    note = get_object_or_404(visible_notes(request.user), pk=pk)
    try:
        annotations.delete(request.user, note)
    except AnnotationError as exc:
        return failed(request, exc, note.thread.get_absolute_url())
    messages.success(request, "Note deleted. An admin can restore it.")
    if note.parent_id:
        return redirect(note.thread.get_absolute_url())
    return redirect(note.document_url().split("#")[0])


@login_required
@require_POST
def restore_note(request, pk):
    note = get_object_or_404(visible_notes(request.user), pk=pk)
    try:
        annotations.restore(request.user, note)
    except AnnotationError as exc:
        return failed(request, exc, note.thread.get_absolute_url())
    messages.success(request, "Note restored.")
    return redirect(note.thread.get_absolute_url())


# The list's filters, held in the URL.
LIST_FILTERS = (
    "accession",
    "author",
    "tag",
    "kind",
    "form",
    "company",
    "since",
    "until",
    "deleted",
)


@require_GET
def note_list(request):
    """Every note the user may see, newest first, filterable; the URL holds the filters."""
    notes = (
        visible_notes(request.user)
        .filter(parent=None)
        .annotate(n_replies=Count("replies", filter=Q(replies__deleted_at=None)))
    )
    chosen = {k: request.GET.get(k, "").strip() for k in LIST_FILTERS if request.GET.get(k)}
    problems = []
    if chosen.get("accession"):
        notes = notes.filter(filing_id=chosen["accession"])
    if chosen.get("author"):
        notes = notes.filter(author__username=chosen["author"])
    if chosen.get("tag"):
        notes = notes.filter(tags__name__iexact=chosen["tag"])
    if chosen.get("kind"):
        notes = notes.filter(kind=chosen["kind"])
    if chosen.get("form"):
        notes = notes.filter(filing__form__iexact=chosen["form"])
    if chosen.get("company"):
        company = chosen["company"]
        notes = notes.filter(
            Q(filing__parties__cik=int(company))
            if company.isdigit() and len(company) <= 10
            else Q(filing__parties__name__icontains=company)
        )
    for key, lookup in (("since", "created_at__date__gte"), ("until", "created_at__date__lte")):
        if chosen.get(key):
            try:
                notes = notes.filter(**{lookup: date.fromisoformat(chosen[key])})
            except ValueError:
                problems.append(f"“{chosen[key]}” is not a date (YYYY-MM-DD); it was not applied.")
    if chosen.get("deleted") and is_moderator(request.user):
        notes = notes.exclude(deleted_at=None)
    elif is_moderator(request.user):
        notes = notes.filter(deleted_at=None)
    notes = notes.distinct().order_by("-created_at", "-pk")
    page, query = paged(request, notes)
    context = {
        "page": page,
        "chosen": chosen,
        "problems": problems,
        "query": query.urlencode(),
        "kinds": Annotation.KINDS,
        "authors": get_user_model()
        .objects.filter(pk__in=visible_notes(request.user).values("author"))
        .order_by("username")
        .values_list("username", flat=True),
        "tags": Tag.objects.filter(annotations__in=visible_notes(request.user).values("pk"))
        .distinct()
        .values_list("name", flat=True),
        "moderator": is_moderator(request.user),
    }
    return htmx_fragment(request, "filings/note_list.html", "note-results", context)


@require_GET
def tag_suggestions(request):
    """Tags of the notes the user may see, for a note's tag box (a datalist): a tag is
    what a note says, so another's private note does not lend its tags."""
    text = request.GET.get("tags", "").split(",")[-1].strip()[:100]
    seen = Tag.objects.filter(annotations__in=visible_notes(request.user).values("pk"))
    tags = seen.filter(name__icontains=text).distinct().order_by("name")[:20] if text else []
    return render(request, "filings/note_detail.html#tag-options", {"tag_options": tags})


def document_notes(request, filing, document) -> dict:
    """The reading view's sidebar: the document's notes the user may see, in document
    order, filtered by whose (mine / team / public) and tag; orphans apart."""
    notes = (
        Annotation.objects.visible_to(request.user)
        .plain()
        .select_related("author")
        .prefetch_related("tags")
        .filter(filing=filing, document_slug=document.slug, parent=None, deleted_at=None)
        .prefetch_related(
            Prefetch(
                "replies",
                queryset=visible_notes(request.user).filter(deleted_at=None).order_by("created_at"),
                to_attr="visible_replies",
            )
        )
        .order_by("start", "created_at")
    )
    whose = request.GET.get("notes", "")
    if whose == "mine" and request.user.is_authenticated:
        notes = notes.filter(author=request.user)
    elif whose in ("team", "public"):
        notes = notes.filter(visibility=whose)
    tag = request.GET.get("tag", "").strip()
    if tag:
        notes = notes.filter(tags__name__iexact=tag).distinct()
    notes = list(notes)
    placed = [n for n in notes if n.anchor_state != "orphaned"]
    return {
        "note_filter_choices": NOTE_FILTERS,
        "notes": placed,
        "orphans": [n for n in notes if n.anchor_state == "orphaned"],
        "notes_whose": whose,
        "notes_tag": tag,
        "can_annotate": may_annotate(request.user),
        # Tags the user has seen, offered as they type in the note form.
        "known_tags": list(
            Tag.objects.filter(annotations__in=visible_notes(request.user).values("pk"))
            .distinct()
            .order_by("name")
            .values_list("name", flat=True)[:200]
        )
        if may_annotate(request.user)
        else [],
        "can_share": may_annotate(request.user, "team") or may_annotate(request.user, "public"),
        "my_teams": list(teams_of(request.user).values_list("name", flat=True)),
        "note_marks": [
            {
                "id": n.pk,
                "start": n.start,
                "end": n.end,
                "exact": n.exact,
                "kind": n.kind,
                "url": n.get_absolute_url(),
            }
            for n in placed
        ],
    }


def attach_note_counts(user, filings) -> None:
    """Set `note_count` on each filing: the notes on it this user may see (one query)."""
    filings = [f for f in filings if f is not None]
    counts = dict(
        visible_notes(user)
        .plain()
        .filter(filing__in={f.pk for f in filings}, parent=None, deleted_at=None)
        .order_by()
        .values_list("filing_id")
        .annotate(n=Count("pk"))
    )
    for filing in filings:
        filing.note_count = counts.get(filing.pk, 0)
