"""Reviewing extracted events: a decision from the filing's panel or the review queue
(accept with one click, reject with a reason, correct in a small form), withdrawing it,
and the queue of events across filings.

Every write goes through filings.decisions, which checks the role; the queue is open to
whoever may read filings, its buttons only to reviewers.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Least
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import decisions
from ..annotations import AnnotationError
from ..extract.events import extract_events
from ..forms import DecisionForm, EventFactsForm, ReviewFilterForm
from ..models import (
    DECISION_STATES,
    LIGHT_DOCUMENT,
    PRIMARY_ROLE_RANK,
    RECORDED,
    UNREVIEWED,
    Event,
    EventDecision,
    Filing,
    FilingParty,
    live_decision,
    may_review,
)
from . import get_document, get_filing, paged
from .annotations import failed, selection_target, wants_json


def with_decisions(events, filer: bool = True):
    """Events with their live decision (as `.decision`, None when unreviewed) and, unless
    they are one filing's (its panel), their filing's filer name."""
    live = EventDecision.objects.live().select_related("decided_by", "note")
    events = events.select_related("person", "filing").prefetch_related(
        LIGHT_DOCUMENT, Prefetch("decisions", queryset=live, to_attr="live_decisions")
    )
    if not filer:
        return events
    name = (
        FilingParty.objects.filter(filing=OuterRef("filing_id"))
        .annotate(rank=PRIMARY_ROLE_RANK)
        .order_by("rank", "position")
        .values("name")[:1]
    )
    return events.annotate(company_name=Subquery(name))


def attach(events) -> list:
    events = list(events)
    for event in events:
        found = getattr(event, "live_decisions", None)
        event.decision = found[0] if found else None
        event.state = event.decision.state if event.decision else UNREVIEWED
    return events


def panel_events(filing, documents) -> list:
    """A filing's events for its panel, with their person, and their filing and document
    taken from what the panel has loaded. Their review state comes with attach_decisions."""
    by_pk = {d.pk: d for d in documents}
    events = list(filing.events.select_related("person"))
    for event in events:
        event.filing = filing
        if event.document_id in by_pk:
            event.document = by_pk[event.document_id]
    return events


def filing_decisions(filing) -> tuple[dict, list]:
    """A filing's live decisions in one query: those on its events, by event id (the latest
    first), and the lost ones: decisions on events the extractor no longer finds in this
    filing, and recorded events it missed, the analysts' facts shown apart."""
    by_event, lost = {}, []
    found = (
        EventDecision.objects.live()
        .filter(Q(event__filing=filing) | Q(note__filing=filing, event=None))
        .select_related("decided_by", "note")
    )
    for decision in found:
        if decision.event_id is None:
            lost.append(decision)
        else:
            by_event.setdefault(decision.event_id, []).append(decision)
    lost.sort(key=lambda d: (d.state, d.decided_at))
    return by_event, lost


def attach_decisions(events, by_event) -> None:
    """Each event's live decision (as `.decision`, None when unreviewed) and state."""
    for event in events:
        event.live_decisions = by_event.get(event.pk, [])
    attach(events)


def back_to(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return fallback


def row(request, event, **extra):
    """One event's row as the panel or the queue shows it (the queue's with its filing)."""
    event = attach(with_decisions(Event.objects.filter(pk=event.pk)))[0]
    following = back_to(request, event.filing.get_absolute_url())
    context = {
        "e": event,
        "may_review": may_review(request.user),
        "next": following,
        "show_filing": following.startswith(reverse("review")),
        **extra,
    }
    return render(request, "filings/review.html#event-row", context)


@require_GET
def event_row(request, pk):
    """An event's row again (a cancelled form)."""
    return row(request, get_object_or_404(Event, pk=pk))


@login_required
@require_http_methods(["GET", "POST"])
def review_event(request, pk):
    """GET: the decision form for one event (a fragment for htmx, else a page).
    POST: the decision; htmx gets the event's row back, other clients a redirect."""
    event = get_object_or_404(Event.objects.select_related("filing", "person"), pk=pk)
    if not may_review(request.user):
        return failed(request, AnnotationError("Only analysts may decide on events.", 403), "/")
    if request.method == "POST":
        return decide(request, event)
    current = decisions.current(event)
    initial = {
        "state": request.GET.get("state", "corrected"),
        "version": current.note.version if current else 0,
        "event_type": event.event_type,
        "name": event.name,
        "role": event.role,
        "organization": event.organization,
        "effective_date": event.effective_date,
    }
    if current and current.state == "corrected":
        initial.update({k: v for k, v in current.facts().items() if v})
        initial["effective_immediately"] = current.effective_immediately
    if current and current.state == "rejected":
        initial["reason"] = current.reason
    if request.htmx:
        return row(
            request,
            event,
            form=DecisionForm(initial=initial),
            editing=True,
            reasons=DecisionForm.REASONS,
        )
    context = {
        "e": attach(with_decisions(Event.objects.filter(pk=event.pk)))[0],
        "form": DecisionForm(initial=initial),
        "reasons": DecisionForm.REASONS,
        "may_review": True,
        "next": back_to(request, event.filing.get_absolute_url()),
        "editing": True,
    }
    return render(request, "filings/review_event.html", context)


def decide(request, event):
    fallback = back_to(request, event.filing.get_absolute_url())
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return failed(request, AnnotationError(f"Not saved: {form.problems()}"), fallback)
    data = form.cleaned_data
    facts = form.facts() if data["state"] == "corrected" else None
    try:
        decisions.decide(
            request.user,
            event,
            data["state"],
            facts=facts,
            reason=data["reason"],
            body=data["body"],
            version=data["version"] or 0,
        )
    except AnnotationError as exc:
        if request.htmx and exc.status == 409:
            return row(request, event, problem=str(exc))
        return failed(request, exc, fallback)
    if request.htmx:
        return row(request, event)
    messages.success(request, f"{event.name}: {data['state']}.")
    return redirect(fallback)


@login_required
@require_POST
def withdraw_decision(request, pk):
    decision = get_object_or_404(
        EventDecision.objects.live().select_related("note", "event__filing"), pk=pk
    )
    fallback = back_to(request, decision.note.filing.get_absolute_url())
    try:
        decisions.withdraw(request.user, decision)
    except AnnotationError as exc:
        return failed(request, exc, fallback)
    if request.htmx and decision.event is not None:
        return row(request, decision.event)
    messages.success(request, "Decision withdrawn: the event is unreviewed again.")
    return redirect(fallback)


@require_GET
def review_queue(request):
    """Extracted events across filings, unreviewed and least sure first by default, each
    with its sentence, to be decided on without opening each filing."""
    form = ReviewFilterForm(request.GET or None)
    filings = Filing.objects.all()
    data = {}
    if form.is_bound:
        form.is_valid()
        filings = form.apply(filings)
        data = form.cleaned_data
    # Sure as the less sure of the two: the link to a person and the reading of the sentence.
    events = Event.objects.filter(filing__in=filings.values("pk")).annotate(
        sureness=Least("link_confidence", "confidence")
    )
    if data.get("event_type"):
        events = events.filter(event_type=data["event_type"])
    if data.get("confidence") is not None:
        events = events.filter(sureness__lte=data["confidence"])
    counts = state_counts(events, filings)
    state = data.get("state") or UNREVIEWED
    if state == UNREVIEWED:
        events = events.exclude(live_decision())
    elif state != "all":
        events = events.filter(decisions__in=EventDecision.objects.live().filter(state=state))
    events = events.order_by("sureness", "-filing__filed_date", "filing_id", "start", "pk")
    page, query = paged(request, with_decisions(events))
    context = {
        "form": form,
        "problems": form.problems() if form.is_bound else [],
        "state": state,
        "counts": counts,
        "page": page,
        "events": attach(page.object_list),
        "may_review": may_review(request.user),
        "query": query.urlencode(),
        "next": request.get_full_path(),
        "show_filing": True,
    }
    return render(request, "filings/review.html", context)


def state_counts(events, filings) -> dict:
    """Events per review state under the current filters (recorded and lost decisions
    counted from the decisions themselves)."""
    decided = dict(
        EventDecision.objects.live()
        .filter(event__in=events)
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    counts = {UNREVIEWED: events.exclude(live_decision()).count()}
    counts.update({s: decided.get(s, 0) for s in DECISION_STATES if s != RECORDED})
    apart = EventDecision.objects.live().filter(note__filing__in=filings.values("pk"), event=None)
    counts[RECORDED] = apart.filter(state=RECORDED).count()
    counts["lost"] = apart.filter(~Q(state=RECORDED)).count()
    return counts


# --- recording an event the extractor missed -------------------------------------------


def suggested_facts(filing, passage: str) -> dict:
    """What the extractor reads in the selected passage on its own (as an Item 5.02
    sentence of this filer), to start the form from; the filer when it reads nothing."""
    filer = filing.primary_party.name if filing.primary_party else ""
    found = extract_events(
        f"Item 5.02 Departure and Election of Officers\n\n{passage}\n",
        filed=filing.filed_date,
        sequence="",
        registrant=filer,
    )
    people = [c for c in found if not c.name.is_organization]
    if not people:
        return {"organization": filer}
    first = people[0]
    return {
        "event_type": first.event_type,
        "name": first.name.display,
        "role": first.role,
        "organization": first.organization or filer,
        "effective_date": first.effective_date,
    }


@login_required
@require_http_methods(["GET", "POST"])
def record_view(request, accession, slug):
    """GET: the form to record an event on a selected passage, filled in with what the
    extractor reads there. POST: the recorded event (JSON for the page's script)."""
    filing = get_filing(accession)
    document = get_document(filing, slug)
    back = document.get_absolute_url()
    try:
        if not may_review(request.user):
            raise AnnotationError("Only analysts may record events.", status=403)
        target = selection_target(request, filing, document)
        if request.method == "GET":
            context = {
                "filing": filing,
                "current": document,
                "form": EventFactsForm(initial=suggested_facts(filing, target.exact)),
                "selection": request.GET,
                "exact": target.exact,
            }
            template = "filings/record_event.html"
            return render(request, f"{template}#record-form" if request.htmx else template, context)
        form = EventFactsForm(request.POST)
        if not form.is_valid():
            raise AnnotationError(f"Not saved: {form.problems()}")
        decision = decisions.record_event(
            request.user, target, form.facts(), body=form.cleaned_data["body"]
        )
    except AnnotationError as exc:
        return failed(request, exc, back)
    if wants_json(request):
        return JsonResponse(
            {"id": decision.note_id, "url": decision.note.get_absolute_url()}, status=201
        )
    messages.success(request, f"Recorded: {decision.name} {decision.event_type}.")
    return redirect(back)
