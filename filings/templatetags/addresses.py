"""Header addresses as one line of text."""

from django import template

register = template.Library()


@register.filter
def address_line(address: dict | None) -> str:
    """The parts of a header address the filer gave, joined by commas:
    "20525 MARIANI AVE, CUPERTINO, CA 95014". Each part is trimmed: filers pad fields,
    end them with commas and write "-" for none."""
    if not address:
        return ""

    def part(key: str) -> str:
        value = " ".join(str(address.get(key) or "").split()).strip(" ,")
        return value if any(c.isalnum() for c in value) else ""  # a zip written "-"

    state_zip = " ".join(p for p in (part("state"), part("zip")) if p)
    return ", ".join(p for p in (part("street1"), part("street2"), part("city"), state_zip) if p)
