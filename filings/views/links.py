"""Person mentions, data-problem flags and exhibit links, written on a selected passage
(or, for a flag, on a header-vs-document difference of the panel), and withdrawn. Every
write goes through filings.links, which checks the role."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from .. import identity, links
from ..annotations import AnnotationError
from ..models import Annotation, PassageLink, Person
from . import get_document, get_filing
from .annotations import failed, selection_target, wants_json

KINDS = {
    Annotation.MENTION: "Link to a person",
    Annotation.FLAG: "Flag a data problem",
    Annotation.EXHIBIT: "Link to an exhibit",
}


def live_links(filing):
    """The filing's mentions, flags and exhibit links, for its panel."""
    return (
        PassageLink.objects.filter(note__filing=filing, note__deleted_at=None)
        .select_related("note", "note__author", "person")
        .order_by("note__kind", "note__document_slug", "note__start")
    )


@login_required
@require_http_methods(["GET", "POST"])
def link_view(request, accession, slug):
    """GET: the form for one kind on a selected passage (a fragment for the page's
    script). POST: the mention, flag or link (JSON for the script, else a redirect)."""
    filing = get_filing(accession)
    document = get_document(filing, slug)
    back = document.get_absolute_url()
    data = request.POST if request.method == "POST" else request.GET
    kind = data.get("kind", "")
    try:
        if kind not in KINDS:
            raise AnnotationError(
                f"Link a person, flag a problem or link an exhibit, not {kind!r}."
            )
        if not links.may_write(request.user, kind):
            raise AnnotationError(f"Your role may not {KINDS[kind].lower()}.", status=403)
        target = selection_target(request, filing, document)
        if request.method == "GET":
            context = {
                "filing": filing,
                "current": document,
                "kind": kind,
                "title": KINDS[kind],
                "selection": request.GET,
                "exact": target.exact,
                "people": identity.suggest_people(target.exact)
                if kind == Annotation.MENTION
                else [],
            }
            template = "filings/link_form.html"
            return render(request, f"{template}#link-form" if request.htmx else template, context)
        link = write(request, kind, filing, target)
    except AnnotationError as exc:
        return failed(request, exc, back)
    if wants_json(request):
        return JsonResponse({"id": link.note_id, "url": link.note.get_absolute_url()}, status=201)
    messages.success(request, f"Saved: {link.note.get_kind_display()}.")
    return redirect(back)


def write(request, kind, filing, target):
    data = request.POST
    if kind == Annotation.MENTION:
        person = None
        if data.get("person", "").strip():
            try:
                person = identity.find_person(data["person"])
            except Person.DoesNotExist:
                raise AnnotationError(
                    f"There is no person “{data['person'][:80]}”: pick one from the list, or "
                    "leave the box empty for a new person."
                ) from None
        return links.mention(request.user, target, person)
    if kind == Annotation.FLAG:
        return links.flag(request.user, filing, target, data.get("reason", ""))
    return links.exhibit_link(
        request.user, target, data.get("accession", ""), data.get("document", "")
    )


@login_required
@require_POST
def flag_difference(request, accession):
    """A data problem on one of the panel's header-vs-document differences."""
    filing = get_filing(accession)
    try:
        links.flag(
            request.user, filing, None, request.POST.get("reason", ""), request.POST.get("fact", "")
        )
    except AnnotationError as exc:
        return failed(request, exc, filing.get_absolute_url())
    messages.success(request, "Flagged as a data problem.")
    return redirect(filing.get_absolute_url())


@login_required
@require_POST
def withdraw_link(request, pk):
    link = get_object_or_404(
        PassageLink.objects.filter(note__deleted_at=None).select_related("note", "change"), pk=pk
    )
    back = link.note.filing.get_absolute_url()
    try:
        links.withdraw(request.user, link)
    except AnnotationError as exc:
        return failed(request, exc, back)
    messages.success(request, f"Withdrawn: {link.note.get_kind_display()}.")
    return redirect(back)
