"""Header says / document says: 8-K items and cover-page facts checked against the header.

Pure functions over a parsed submission and its documents' plain text; ingest stores
what they return.
"""

from __future__ import annotations

import dataclasses
import re

from .edgar import items as item_titles
from .extract.body_items import body_items
from .extract.cover import cover_facts, reconcile

EIGHT_K = re.compile(r"^8-K")
COVER_FORMS = re.compile(r"^(8-K|10-K|10-Q|10-D|20-F|6-K)")


@dataclasses.dataclass(frozen=True)
class ItemRow:
    code: str
    raw_title: str
    title: str
    source: str  # "header", "body" or "both"
    start: int | None = None  # the body heading, in the main document's text
    end: int | None = None


def check_items(sub, main_text: str | None) -> list[ItemRow]:
    """Header items in header order, each marked as also found in the body or not,
    then the items only the body announces."""
    found = (
        body_items(main_text, sub.filed_date) if main_text and EIGHT_K.match(sub.form or "") else []
    )
    by_code = {_key(b.code): b for b in found}
    rows: list[ItemRow] = []
    seen: set[str] = set()
    for ref in sub.item_refs:
        key = _key(ref.code)
        body = by_code.get(key) if key else None
        if key:
            seen.add(key)
        rows.append(
            ItemRow(
                code=ref.code or "",
                raw_title=ref.raw,
                title=ref.title or "",
                source="both" if body else "header",
                start=body.start if body else None,
                end=body.end if body else None,
            )
        )
    for b in found:
        if _key(b.code) in seen:
            continue
        title = item_titles.title_for(b.code, sub.filed_date) or b.heading
        rows.append(ItemRow(b.code, "", title, "body", b.start, b.end))
    return rows


def items_disagree(rows: list[ItemRow]) -> bool:
    """Only a body that announces items can contradict the header."""
    sources = {r.source for r in rows}
    return bool(sources & {"body", "both"}) and sources != {"both"}


def _key(code: str | None) -> str | None:
    if not code:
        return None
    m = re.fullmatch(r"0*(\d+)(?:\.(\d+))?", code.strip())
    if not m:
        return code
    return f"{int(m.group(1))}.{m.group(2).zfill(2)}" if m.group(2) else str(int(m.group(1)))


def cover_differences(sub, main_text: str | None) -> list[dict]:
    """Where the main document's cover page and the header's filer data differ."""
    if not main_text or not COVER_FORMS.match(sub.form or ""):
        return []
    party = next((p for p in sub.parties if p.role in ("filer", "subject-company")), None)
    if party is None:
        return []
    header = {
        "name": party.name,
        "state_of_incorporation": party.state_of_incorporation,
        "file_numbers": [v.file_number for v in party.filing_values if v.file_number],
        "irs_number": party.irs_number,
        "business_address": _address(party.business_address),
        "mail_address": _address(party.mail_address),
        "period_of_report": sub.period_of_report,
    }
    return [dataclasses.asdict(d) for d in reconcile(cover_facts(main_text), header)]


def _address(address) -> dict | None:
    return dataclasses.asdict(address) if address else None
