"""A person: their timeline of events, appearances and names, and the audited merges and
splits (through filings.identity, the only writer of identity)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.views.decorators.http import require_GET, require_POST

from .. import identity, insiders, timelines
from ..models import LIGHT_DOCUMENT, Company, FilingParty, IdentityChange, Person
from .annotations import attach_note_counts


def person_detail(request, pk):
    person = get_object_or_404(Person, pk=pk)
    canonical = person.canonical()
    if canonical.pk != person.pk:
        return redirect(canonical)
    if request.method == "POST":
        return change_identity(request, person)
    events = list(
        identity.events_for(person)
        .select_related("filing", "person")
        .prefetch_related(LIGHT_DOCUMENT)
        .order_by("filing__filed_date", "filing__accession", "start")
    )
    appearances = list(
        FilingParty.objects.filter(person_id__in=person.cluster_ids())
        .select_related("filing")
        .order_by("-filing__filed_date")
    )
    timeline = timelines.person_timeline(person)
    shown = timeline.all() + timeline.rejected
    attach_note_counts(request.user, [t.filing for t in shown] + [p.filing for p in appearances])
    names: dict[str, list] = {}
    for event in events:
        names.setdefault(event.name_raw, []).append(event.filing)
    context = {
        "person": person,
        "events": events,
        "timeline": timeline,
        "names": [(n, list(dict.fromkeys(f))) for n, f in names.items()],
        "appearances": appearances,
        "merged": Person.objects.filter(merged_into=person),
        "companies": Company.objects.filter(
            parties__filing__events__person_id__in=person.cluster_ids()
        )
        .distinct()
        .order_by("name"),
        "changes": IdentityChange.objects.filter(Q(person=person) | Q(other=person))
        .select_related("by", "person", "other")
        .order_by("-at"),
        "can_change": request.user.has_perm("filings.change_person"),
        "duplicates": identity.likely_duplicates(person),
        "insider_issuers": insiders.issuers_of(person),
    }
    return render(request, "filings/person_detail.html", context)


@require_GET
def suggest(request):
    """Options for the merge form's name box (a datalist): "Name (#id)" per person."""
    text = (request.GET.get("other") or request.GET.get("person", ""))[:100]
    people = identity.suggest_people(text) if len(text.strip()) >= 2 else []
    return render(request, "filings/person_detail.html#merge-options", {"options": people})


@login_required
@permission_required("filings.change_person", raise_exception=True)
@require_POST
def change_identity(request, person):
    action = request.POST.get("action")
    try:
        if action == "merge":
            try:
                other = identity.find_person(request.POST.get("other", ""))
            except Person.DoesNotExist:
                raise Http404("There is no such person to merge.") from None
            identity.merge(person, other, request.user)
            messages.success(request, f"{other.name} is merged into {person.name}.")
        elif action == "split":
            ids = [int(i) for i in request.POST.getlist("events") if i.isdigit()]
            new = identity.split(person, ids, request.user)
            moved = new.events.count()
            messages.success(request, f"{moved} event{pluralize(moved)} moved to a new person.")
            return redirect(new)
        elif action == "undo":
            change = get_object_or_404(
                IdentityChange.objects.filter(Q(person=person) | Q(other=person)),
                pk=as_number(request.POST.get("change")),
            )
            identity.undo(change, request.user)
            messages.success(request, f"The {change.action} is undone.")
        else:
            messages.error(request, "Unknown action.")
    except identity.IdentityError as exc:
        messages.error(request, str(exc))
    return redirect(person)


def as_number(value) -> int:
    return int(value) if value and value.isdigit() and len(value) < 19 else 0
