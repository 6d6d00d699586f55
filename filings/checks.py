"""System checks of the app's own: `manage.py check --deploy` says plainly when the site
is served over plain HTTP (Django's four HTTPS warnings follow from that one choice) and
how to clear them, and when alert emails would link to this machine alone; and, with the
database checks (`migrate`, `check --database default`), the search indexes a killed bulk
ingest left absent are built again."""

from django.conf import settings
from django.core.checks import Info, Tags, Warning, register


@register(Tags.security, deploy=True)
def served_over_https(app_configs, **kwargs):
    if settings.HTTPS:
        return []
    return [
        Warning(
            "The site is configured for plain HTTP: session and CSRF cookies are not marked "
            "secure, HSTS is off and nothing redirects to HTTPS (security.W004, W008, W012, "
            "W016).",
            hint="Serve it behind a TLS-terminating proxy that sets X-Forwarded-Proto and set "
            "FILINGS_HTTPS=1 (README, Serving); leave it off only on a private network.",
            id="filings.W001",
        )
    ]


@register(Tags.mail, deploy=True)
def alert_links_name_the_site(app_configs, **kwargs):
    """Alert emails link to FILINGS_BASE_URL; its default is this machine's loopback."""
    from .alerts import email_enabled

    if not email_enabled() or not settings.BASE_URL.startswith(
        ("http://127.0.0.1", "http://localhost")
    ):
        return []
    return [
        Warning(
            f"Alert emails are sent, but their links point at {settings.BASE_URL}, which "
            "no one else can open.",
            hint="Set FILINGS_BASE_URL to the site's public address, e.g. "
            "https://filings.example.com.",
            id="filings.W002",
        )
    ]


@register(Tags.database)
def search_indexes_present(app_configs, databases=None, **kwargs):
    from django.db import DatabaseError

    from . import search

    if not databases or "default" not in databases:
        return []
    try:
        built = search.restore_indexes()
    except DatabaseError:
        return []  # not migrated yet, or the database is not there: other checks say so
    return [
        Info(
            f"The search index {name} was missing (an ingest that deferred it was "
            "interrupted) and has been built again.",
            id="filings.I001",
        )
        for name in built
    ]
