"""Numbers of Forms 3, 4 and 5 as the insider pages show them."""

from django import template

from .. import insiders

register = template.Library()


@register.filter
def shares(value) -> str:
    """12,000 or 275.634: grouped, with the decimals the filing gave and no more."""
    return insiders.shares_text(value)


@register.filter
def money(value) -> str:
    """$31.20, or $5.3569 when the filing states four decimals."""
    return insiders.money_text(value)
