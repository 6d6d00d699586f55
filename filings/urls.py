"""The app's pages, by area: the views package has one module per heading below."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path, register_converter

from .views import (
    annotations,
    api,
    companies,
    compare,
    documents,
    errors,
    filings,
    health,
    home,
    insiders,
    links,
    people,
    review,
    search,
    upload,
    watches,
)


class RowId:
    """A row id or CIK in a URL: digits a 64-bit column can hold. A longer number names no
    row, and PostgreSQL refuses to compare one with a bigint column: a 404, not a 500."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


register_converter(RowId, "id")

urlpatterns = [
    # Filings: the list, the reading view, the raw submission and its header.
    path("", home.home, name="home"),
    path("filings/", filings.filing_list, name="filing-list"),
    # Uploads (before the accession pattern, which would take "upload").
    path("filings/upload/", upload.upload, name="upload"),
    path("uploads/", upload.upload_list, name="upload-list"),
    path("uploads/<id:pk>/", upload.upload_batch, name="upload-batch"),
    path("filings/<str:accession>/", filings.filing_detail, name="filing"),
    path("filings/<str:accession>/source.txt", filings.filing_source, name="filing-source"),
    path("filings/<str:accession>/source/", filings.filing_header, name="filing-header"),
    path(
        "filings/<str:accession>/versions/<id:version>/",
        filings.filing_header,
        name="filing-version",
    ),
    path(
        "filings/<str:accession>/versions/<id:version>/source.txt",
        filings.filing_source,
        name="filing-version-source",
    ),
    path(
        "filings/<str:accession>/versions/<id:version>/current",
        filings.make_current,
        name="filing-version-current",
    ),
    path("filings/<str:accession>/<str:slug>/", filings.filing_detail, name="document"),
    # Documents: the sanitized rendering in its frame, and decoded files.
    path(
        "filings/<str:accession>/<str:slug>/content",
        documents.document_content,
        name="document-content",
    ),
    path("filings/<str:accession>/<str:slug>/file", documents.document_file, name="document-file"),
    # Notes: written on a passage of a document, each with its own page.
    path(
        "filings/<str:accession>/<str:slug>/notes",
        annotations.document_notes_view,
        name="note-create",
    ),
    path("filings/<str:accession>/<str:slug>/events", review.record_view, name="event-record"),
    path("filings/<str:accession>/<str:slug>/links", links.link_view, name="link-create"),
    path("filings/<str:accession>/flags", links.flag_difference, name="flag-difference"),
    path("links/<id:pk>/withdraw", links.withdraw_link, name="link-withdraw"),
    path("notes/<id:pk>/", annotations.note_detail, name="note"),
    path("notes/<id:pk>/reply", annotations.reply_note, name="note-reply"),
    path("notes/<id:pk>/edit", annotations.edit_note, name="note-edit"),
    path("notes/<id:pk>/delete", annotations.delete_note, name="note-delete"),
    path("notes/<id:pk>/restore", annotations.restore_note, name="note-restore"),
    path("notes/tags", annotations.tag_suggestions, name="note-tags"),
    path("annotations/", annotations.note_list, name="note-list"),
    # Events: decisions on extracted events, one by one or from the review queue.
    path("review/", review.review_queue, name="review"),
    path("events/<id:pk>/review", review.review_event, name="review-event"),
    path("events/<id:pk>/row", review.event_row, name="review-event-row"),
    path("decisions/<id:pk>/withdraw", review.withdraw_decision, name="decision-withdraw"),
    # Comparisons: two filings, or two versions of one, side by side.
    path("compare/", compare.compare_view, name="compare"),
    # Companies and people.
    path("companies/<id:cik>/", companies.company_detail, name="company"),
    path("companies/<id:cik>/timeline/", companies.company_timeline, name="company-timeline"),
    path("people/<id:pk>/", people.person_detail, name="person"),
    path("people/suggest", people.suggest, name="person-suggest"),
    # Insider activity (Forms 3, 4, 5) of an issuer and of a person.
    path("companies/<id:cik>/insiders/", insiders.company_insiders, name="company-insiders"),
    path(
        "companies/<id:cik>/insiders.csv",
        insiders.company_insiders,
        {"export": True},
        name="company-insiders-csv",
    ),
    path("people/<id:pk>/insiders/", insiders.person_insiders, name="person-insiders"),
    path(
        "people/<id:pk>/insiders.csv",
        insiders.person_insiders,
        {"export": True},
        name="person-insiders-csv",
    ),
    # Search.
    path("search/", search.search_page, name="search"),
    path("search/feed", search.search_feed, name="search-feed"),
    path("search/typeahead", search.typeahead, name="typeahead"),
    # Watches: saved searches and follows, their notifications and feeds.
    path("watches/", watches.watch_list, name="watch-list"),
    path("watches/searches", watches.save_search, name="watch-save-search"),
    path("watches/feed-token", watches.feed_token, name="watch-feed-token"),
    path("watches/<id:pk>/", watches.change_watch, name="watch-change"),
    path("watches/<id:pk>/delete", watches.delete_watch, name="watch-delete"),
    path("watches/<id:pk>/feed", watches.watch_feed, name="watch-feed"),
    path("companies/<id:cik>/follow", watches.follow_company, name="follow-company"),
    path("people/<id:pk>/follow", watches.follow_person, name="follow-person"),
    path("notifications/", watches.notification_list, name="notifications"),
    path("notifications/read", watches.mark_read, name="notifications-read"),
    # The JSON API.
    path("api/<str:kind>.json", api.api_rows, name="api"),
    path("api/annotations.jsonld", api.api_annotations, name="api-annotations"),
    # Accounts: the app's own login page; logging out is a POST.
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=False),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    # Operations: the load balancer's health check.
    path("healthz", health.healthz, name="healthz"),
]

# Errors a view did not answer itself: a page in the app's layout, or JSON under /api/.
handler400 = errors.bad_request
handler403 = errors.permission_denied
handler404 = errors.page_not_found
handler500 = errors.server_error
