from django.contrib import admin
from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("filings/", views.filing_list, name="filing-list"),
    path("filings/upload/", views.upload, name="upload"),
    path("filings/<str:accession>/", views.filing_detail, name="filing"),
    path("filings/<str:accession>/source.txt", views.filing_source, name="filing-source"),
    path("filings/<str:accession>/source/", views.filing_header, name="filing-header"),
    path("filings/<str:accession>/<str:slug>/", views.filing_detail, name="document"),
    path(
        "filings/<str:accession>/<str:slug>/content",
        views.document_content,
        name="document-content",
    ),
    path("filings/<str:accession>/<str:slug>/file", views.document_file, name="document-file"),
    path("companies/<int:cik>/", views.company_detail, name="company"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("search/", views.search_page, name="search"),
    path("search/feed", views.search_feed, name="search-feed"),
    path("search/typeahead", views.typeahead, name="typeahead"),
    path("api/<str:kind>.json", views.api_rows, name="api"),
    path("admin/", admin.site.urls),
]
