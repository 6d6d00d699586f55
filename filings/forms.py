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
    files = MultipleFileField(
        label="Submission files",
        help_text="EDGAR complete-submission files (.txt, .nc); several at once.",
    )


class FilingFilterForm(forms.Form):
    form = forms.CharField(required=False, label="Form type", max_length=40)
    company = forms.CharField(required=False, label="Company name or CIK", max_length=200)
    filed_from = forms.DateField(
        required=False, label="Filed from", widget=forms.DateInput(attrs={"type": "date"})
    )
    filed_to = forms.DateField(
        required=False, label="Filed to", widget=forms.DateInput(attrs={"type": "date"})
    )

    def apply(self, filings):
        data = self.cleaned_data
        if data["form"]:
            filings = filings.filter(form__iexact=data["form"].strip())
        if data["filed_from"]:
            filings = filings.filter(filed_date__gte=data["filed_from"])
        if data["filed_to"]:
            filings = filings.filter(filed_date__lte=data["filed_to"])
        company = data["company"].strip()
        if re.fullmatch(r"\d{1,10}", company):
            filings = filings.filter(parties__cik=int(company)).distinct()
        elif company:
            filings = filings.filter(
                Q(parties__name__icontains=company) | Q(parties__company__name__icontains=company)
            ).distinct()
        return filings
