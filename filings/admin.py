from django.contrib import admin

from .models import Company, Document, Filing, FilingParty, Item, Person, RawFile


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


class DocumentInline(ReadOnlyInline):
    model = Document
    fields = ("position", "sequence", "type", "filename", "description", "kind", "encoding")
    readonly_fields = fields


class PartyInline(ReadOnlyInline):
    model = FilingParty
    fields = ("position", "role", "cik", "name", "company", "person")
    readonly_fields = fields


class ItemInline(ReadOnlyInline):
    model = Item
    fields = ("position", "code", "title", "raw_title", "source")
    readonly_fields = fields


@admin.register(Filing)
class FilingAdmin(admin.ModelAdmin):
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
    readonly_fields = ("raw",)


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("filing", "sequence", "type", "filename", "kind", "encoding")
    list_filter = ("kind", "encoding")
    search_fields = ("filing__accession", "filename", "type")
    raw_id_fields = ("filing",)


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ("cik", "name", "sic", "state_of_incorporation", "facts_as_of")
    search_fields = ("name", "cik")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("name", "cik", "raw_name")
    search_fields = ("name", "raw_name", "cik")


@admin.register(FilingParty)
class FilingPartyAdmin(admin.ModelAdmin):
    list_display = ("filing", "role", "name", "cik")
    list_filter = ("role",)
    search_fields = ("name", "cik", "filing__accession")
    raw_id_fields = ("filing", "company", "person")


@admin.register(RawFile)
class RawFileAdmin(admin.ModelAdmin):
    list_display = ("accession", "version", "size", "sha256", "original_name", "uploaded_at")
    search_fields = ("accession", "sha256", "original_name")
    readonly_fields = [f.name for f in RawFile._meta.fields]


admin.site.register(Item)
