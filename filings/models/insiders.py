"""Insider activity: what Forms 3, 4 and 5 report, row by row (filings.insiders writes
these rows at ingest, in the same transaction as the rest of the extraction)."""

from django.db import models

from ..extract import transaction_codes
from .companies import Company, Person
from .filings import Document, Filing

# Counts of shares and prices: filers write up to four or more decimals (dividend
# reinvestment, weighted average prices).
NUMBER = {"max_digits": 28, "decimal_places": 8, "null": True, "blank": True}


class OwnershipReport(models.Model):
    """One Form 3, 4 or 5 (or amendment): its XML document, or the header of a filing
    from before XML, which names owners and dates but no transactions."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="ownership_reports")
    # SET_NULL: a new version deletes the documents first, and the reports must still be
    # there for filings.insiders.forget() to relink what they amended.
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.PositiveIntegerField(default=0)
    source = models.CharField(max_length=10, help_text="xml, or header (before XML)")
    document_type = models.CharField(max_length=10)
    period_of_report = models.DateField(null=True, blank=True, db_index=True)
    date_of_original_submission = models.DateField(null=True, blank=True)
    issuer = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.PROTECT, related_name="ownership_reports"
    )
    issuer_cik = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    issuer_name = models.CharField(max_length=255, blank=True)
    trading_symbol = models.CharField(max_length=20, blank=True)
    # The owners as one label and their relationships, for listing and sorting rows.
    owner_names = models.CharField(max_length=500, blank=True)
    relationship = models.CharField(max_length=500, blank=True)
    footnotes = models.JSONField(default=dict, blank=True, help_text="footnote id -> text")
    remarks = models.TextField(blank=True)
    aff10b5one = models.BooleanField(null=True, blank=True)
    not_subject_to_section16 = models.BooleanField(null=True, blank=True)
    no_securities_owned = models.BooleanField(null=True, blank=True)
    problems = models.JSONField(default=list, blank=True)
    # An amendment points at the report it amends; a report replaced by one or more
    # amendments points at the newest of them. Both are set again whenever a report of
    # the same issuer and period is stored or rewritten.
    amends = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="amendments"
    )
    replaced_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaces"
    )

    class Meta:
        ordering = ["filing", "position"]

    def __str__(self):
        return f"{self.document_type} {self.filing_id} ({self.owner_names})"

    @property
    def is_amendment(self) -> bool:
        return self.document_type.upper().endswith("/A")


class InsiderOwner(models.Model):
    """A reporting owner of one report, linked as the extraction links owners: a person
    by CIK (the owner's event), an entity to its Company."""

    report = models.ForeignKey(OwnershipReport, on_delete=models.CASCADE, related_name="owners")
    position = models.PositiveIntegerField()
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="insider_reports"
    )
    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.PROTECT, related_name="insider_reports"
    )
    cik = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    name_raw = models.CharField(max_length=255)
    name = models.CharField(max_length=255)
    is_director = models.BooleanField(default=False)
    is_officer = models.BooleanField(default=False)
    officer_title = models.CharField(max_length=255, blank=True)
    is_ten_percent_owner = models.BooleanField(default=False)
    is_other = models.BooleanField(default=False)
    other_text = models.CharField(max_length=255, blank=True)
    is_organization = models.BooleanField(default=False)

    class Meta:
        ordering = ["report", "position"]

    def __str__(self):
        return self.name

    @property
    def relationship(self) -> str:
        parts = []
        if self.is_director:
            parts.append("Director")
        if self.is_officer:
            parts.append(f"Officer ({self.officer_title})" if self.officer_title else "Officer")
        if self.is_ten_percent_owner:
            parts.append("10% owner")
        if self.is_other:
            parts.append(f"Other ({self.other_text})" if self.other_text else "Other")
        return ", ".join(parts)

    @property
    def entity(self):
        return self.person or self.company


class InsiderTransaction(models.Model):
    """One row of Table I or II: a transaction or a holding. A report with no rows (a
    filing from before XML, or a Form 3 with nothing owned) has one row of kind "none",
    so that it is listed with the rest."""

    NON_DERIVATIVE, DERIVATIVE = "non-derivative", "derivative"
    TRANSACTION, HOLDING, NONE = "transaction", "holding", "none"

    report = models.ForeignKey(
        OwnershipReport, on_delete=models.CASCADE, related_name="transactions"
    )
    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="transactions")
    issuer = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.PROTECT, related_name="transactions"
    )
    position = models.PositiveIntegerField()
    table = models.CharField(max_length=20, blank=True)
    kind = models.CharField(max_length=20)
    # The row's date: the transaction's, else the period of report, else the filing date.
    date = models.DateField(null=True, blank=True, db_index=True)
    security_title = models.CharField(max_length=500, blank=True)
    transaction_date = models.DateField(null=True, blank=True)
    deemed_execution_date = models.DateField(null=True, blank=True)
    form_type = models.CharField(max_length=10, blank=True)
    code = models.CharField(max_length=4, blank=True, db_index=True)
    equity_swap = models.BooleanField(null=True, blank=True)
    timeliness = models.CharField(max_length=4, blank=True)
    shares = models.DecimalField(**NUMBER)
    total_value = models.DecimalField(**NUMBER)
    price = models.DecimalField(**NUMBER)
    acquired_disposed = models.CharField(max_length=1, blank=True)
    shares_owned_after = models.DecimalField(**NUMBER)
    value_owned_after = models.DecimalField(**NUMBER)
    direct_indirect = models.CharField(max_length=1, blank=True)
    nature_of_ownership = models.CharField(max_length=500, blank=True)
    conversion_price = models.DecimalField(**NUMBER)
    exercise_date = models.DateField(null=True, blank=True)
    expiration_date = models.DateField(null=True, blank=True)
    underlying_title = models.CharField(max_length=500, blank=True)
    underlying_shares = models.DecimalField(**NUMBER)
    underlying_value = models.DecimalField(**NUMBER)
    footnotes = models.JSONField(default=dict, blank=True, help_text="field -> footnote ids")
    unparsed = models.JSONField(default=dict, blank=True, help_text="field -> text as written")

    class Meta:
        ordering = ["-date", "filing", "position"]

    def __str__(self):
        return f"{self.code or self.kind} {self.security_title} ({self.filing_id})"

    @property
    def code_meaning(self) -> str:
        return transaction_codes.meaning(self.code)

    def cited(self) -> list[tuple[str, str]]:
        """(id, text) of every footnote the row cites, in order; an id the document does
        not define says so."""
        notes = self.report.footnotes or {}
        ids = dict.fromkeys(i for ids in (self.footnotes or {}).values() for i in ids)
        return [(i, notes.get(i, "(not given in the filing)")) for i in ids]
