"""The admin shows the store and changes none of it.

Filings, their parties, documents and items, and companies come from the uploaded bytes:
only ingest and `manage.py reparse` write them, so a reparse never finds an edit to undo.
People change through the audited merge and split on their page (filings.identity).
Analysts' decisions are made on the review pages (filings.decisions); here they are
listed, with the extractor's accuracy report that counts them.
"""

from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import path

from . import accuracy
from .models import Company, Document, EventDecision, Filing, FilingParty, Item, Person, RawFile


class ReadOnly:
    """No add, change or delete: the view permission alone shows every field.

    Not even a superuser deletes a whole filing here: the cascade would take analysts'
    splits (PersonOverride) with it and leave the filing in the search index, which only
    filings.search writes, inside ingest's transaction."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(ReadOnly, admin.TabularInline):
    extra = 0
    show_change_link = True


class DocumentInline(ReadOnlyInline):
    model = Document
    fields = ("position", "sequence", "type", "filename", "description", "kind", "encoding")


class PartyInline(ReadOnlyInline):
    model = FilingParty
    fields = ("position", "role", "cik", "name", "company", "person")


class ItemInline(ReadOnlyInline):
    model = Item
    fields = ("position", "code", "title", "raw_title", "source")


@admin.register(Filing)
class FilingAdmin(ReadOnly, admin.ModelAdmin):
    list_display = (
        "accession",
        "form",
        "filed_date",
        "document_count",
        "version",
        "parser_version",
    )
    list_filter = ("form", "dialect", "pem")
    search_fields = ("accession", "parties__name")
    date_hierarchy = "filed_date"
    inlines = [ItemInline, PartyInline, DocumentInline]


@admin.register(Document)
class DocumentAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("filing", "sequence", "type", "filename", "kind", "encoding")
    list_filter = ("kind", "encoding")
    search_fields = ("filing__accession", "filename", "type")


@admin.register(Company)
class CompanyAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("cik", "name", "sic", "state_of_incorporation", "facts_as_of")
    search_fields = ("name", "cik")


@admin.register(Person)
class PersonAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("name", "cik", "raw_name", "merged_into")
    search_fields = ("name", "raw_name", "cik")
    fieldsets = [
        (
            None,
            {
                "description": "Merges and splits are made on the person's page (View on "
                "site, above), where each is recorded and can be undone.",
                "fields": (
                    ("name", "raw_name"),
                    ("given", "middle", "family", "suffix", "nickname"),
                    ("cik", "facts_as_of", "merged_into"),
                ),
            },
        )
    ]


@admin.register(FilingParty)
class FilingPartyAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("filing", "role", "name", "cik")
    list_filter = ("role",)
    search_fields = ("name", "cik", "filing__accession")


@admin.register(Item)
class ItemAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("filing", "position", "code", "title", "source")
    search_fields = ("filing__accession", "code", "title")


@admin.register(RawFile)
class RawFileAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("accession", "version", "size", "sha256", "original_name", "uploaded_at")
    search_fields = ("accession", "sha256", "original_name")


@admin.register(EventDecision)
class EventDecisionAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("__str__", "state", "event_type", "name", "decided_by", "decided_at")
    list_filter = ("state",)
    list_select_related = ("note", "decided_by")
    search_fields = ("note__filing__accession", "name", "reason")
    date_hierarchy = "decided_at"

    def get_urls(self):
        # The report hangs under the decisions it counts, behind the admin's own login.
        report = path(
            "report/",
            self.admin_site.admin_view(self.report_view),
            name="filings_eventdecision_report",
        )
        return [report, *super().get_urls()]

    def report_view(self, request):
        context = {
            **self.admin_site.each_context(request),
            "title": "Extraction accuracy",
            "opts": self.model._meta,
            "report": accuracy.report(),
        }
        return TemplateResponse(request, "admin/extraction-report.html", context)
