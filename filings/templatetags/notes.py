"""A note's stored body in a page: it was sanitized when saved (filings.sanitize)."""

from django import template

from ..safe import sanitized

register = template.Library()
register.filter("safe_note", sanitized)
