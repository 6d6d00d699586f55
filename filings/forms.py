import re

from django import forms
from django.db.models import Q


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    # Empty files are allowed here so that each gets its own refusal, naming it, while
    # the other files of the batch are stored.
    files = MultipleFileField(
        label="Submission files",
        help_text="EDGAR complete-submission files (.txt, .nc, or either as .gz); several at once.",
        allow_empty_file=True,
    )
    replace_complete = forms.BooleanField(
        required=False,
        label="Let a damaged copy replace a complete version",
        help_text="A truncated or concatenated copy, or one with fewer documents, is otherwise "
        "kept as a version but not made current.",
    )


class FilingFilterForm(forms.Form):
    form = forms.CharField(
        required=False,
        label="Form type",
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "placeholder": "8-K, 13F, 8-K*",
                "title": "13F finds 13F-HR and 13F-NT; 8-K finds 8-K and 8-K/A; "
                "8-K* also finds 8-K12B.",
            }
        ),
    )
    company = forms.CharField(required=False, label="Company name or CIK", max_length=200)
    filed_from = forms.DateField(
        required=False, label="Filed from", widget=forms.DateInput(attrs={"type": "date"})
    )
    filed_to = forms.DateField(
        required=False, label="Filed to", widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("filed_from"), data.get("filed_to")
        if start and end and start > end:
            # Kept as given (no filing matches), so the reader sees why the list is empty.
            self.add_error(
                None,
                f"Filed from ({start:%Y-%m-%d}) is after filed to ({end:%Y-%m-%d}): "
                "no filing can match. Swap the dates?",
            )
        return data

    def problems(self) -> list[str]:
        """What could not be used, in words; each unusable filter is left out."""
        out = list(self.non_field_errors())
        for name in ("filed_from", "filed_to", "form", "company"):
            if name in self.errors:
                value = self.data.get(name, "")
                out.append(
                    f"{self[name].label} “{value}” is not a date (use YYYY-MM-DD); "
                    "it was not applied."
                    if name.startswith("filed")
                    else f"{self[name].label}: {' '.join(self.errors[name])} It was not applied."
                )
        return out

    def apply(self, filings):
        """The filings meeting every filter that is valid (call after is_valid())."""
        data = self.cleaned_data
        form = (data.get("form") or "").strip().upper()
        if form:
            filings = filings.filter(form_matches(form))
        if data.get("filed_from"):
            filings = filings.filter(filed_date__gte=data["filed_from"])
        if data.get("filed_to"):
            filings = filings.filter(filed_date__lte=data["filed_to"])
        company = (data.get("company") or "").strip()
        if re.fullmatch(r"\d{1,10}", company):
            filings = filings.filter(parties__cik=int(company)).distinct()
        elif company:
            filings = filings.filter(
                Q(parties__name__icontains=company) | Q(parties__company__name__icontains=company)
            ).distinct()
        return filings


def form_matches(form: str) -> Q:
    """A form type and its family: the form, its amendments, and the forms that continue
    it after a hyphen (13F: 13F-HR, 13F-NT/A); `8-K*` is every form starting with 8-K."""
    if form.endswith("*"):
        return Q(form__istartswith=form.rstrip("*"))
    base = form.removesuffix("/A")
    return Q(form__iexact=form) | Q(form__iexact=f"{base}/A") | Q(form__istartswith=f"{base}-")


class ReviewFilterForm(FilingFilterForm):
    """The review queue's filters: the filings list's, and the event's own."""

    STATES = [
        ("unreviewed", "unreviewed"),
        ("accepted", "accepted"),
        ("corrected", "corrected"),
        ("rejected", "rejected"),
        ("all", "every state"),
    ]
    state = forms.ChoiceField(required=False, choices=STATES, label="State")
    event_type = forms.ChoiceField(required=False, label="Event", choices=())
    confidence = forms.FloatField(
        required=False,
        min_value=0,
        max_value=1,
        label="Confidence at most",
        help_text="Of the link to a person or of the reading, whichever is lower.",
        widget=forms.NumberInput(attrs={"step": "0.05", "placeholder": "0.9"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .extract.model import EVENT_TYPES

        self.fields["event_type"].choices = [("", "any"), *((t, t) for t in EVENT_TYPES)]

    def problems(self) -> list[str]:
        out = super().problems()
        for name in ("state", "event_type", "confidence"):
            if name in self.errors:
                value = self.data.get(name, "")
                out.append(
                    f"{self[name].label} “{value}”: {' '.join(self.errors[name])} Not applied."
                )
        return out


class EventFactsForm(forms.Form):
    """An event as an analyst states it: recorded from a passage, or a correction."""

    event_type = forms.ChoiceField(required=False, label="Event", choices=())
    name = forms.CharField(required=False, max_length=255, label="Person")
    role = forms.CharField(required=False, max_length=500, label="Role or position")
    organization = forms.CharField(required=False, max_length=500, label="Company")
    effective_date = forms.DateField(
        required=False, label="Effective", widget=forms.DateInput(attrs={"type": "date"})
    )
    effective_immediately = forms.BooleanField(required=False, label="effective immediately")
    body = forms.CharField(
        required=False, max_length=50_000, label="Note", widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .extract.model import EVENT_TYPES

        self.fields["event_type"].choices = [(t, t) for t in EVENT_TYPES]

    def facts(self):
        from .decisions import Facts

        data = self.cleaned_data
        return Facts(
            event_type=data["event_type"],
            name=data["name"],
            role=data["role"],
            organization=data["organization"],
            effective_date=data["effective_date"],
            effective_immediately=data["effective_immediately"],
        )

    def problems(self) -> str:
        return "; ".join(f"{self[k].label}: {' '.join(v)}" for k, v in self.errors.items())


class DecisionForm(EventFactsForm):
    """A decision on an extracted event: accept, reject with a reason, or correct."""

    REASONS = [
        "Not an event (mentioned only)",
        "Wrong person",
        "Not announced in this filing",
        "Duplicate of another event",
    ]
    state = forms.ChoiceField(
        choices=[("accepted", "accept"), ("corrected", "correct"), ("rejected", "reject")]
    )
    version = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)
    reason = forms.CharField(required=False, max_length=2000, label="Why is it wrong?")
