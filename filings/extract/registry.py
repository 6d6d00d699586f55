"""Which people-and-events extractors run for which form.

    extraction = extract(submission, texts)

`texts` maps a document's position in `submission.documents` to its plain text (the
renderer's output); documents without a text are skipped. Ownership XML is read from the
document's own body, since its markup is the data; its owner spans point into that body.
"""

from __future__ import annotations

from collections.abc import Callable

from .events import extract_events, extract_report_events
from .model import EventCandidate, Extraction, OwnerCandidate
from .ownership import extract_owners, merge_owners, owners_from_header
from .people import same_person
from .press import extract_press_people
from .signatures import extract_signatures

Found = list[EventCandidate | OwnerCandidate]
Extractor = Callable[[object, dict[int, str]], Found]

PERIODIC_FORMS = frozenset(
    {"10-K", "10-Q", "10-K405", "10-KSB", "10-QSB", "10-KT", "10-QT", "10-KSB40", "20-F", "40-F"}
)
OWNERSHIP_FORMS = frozenset({"3", "4", "5"})


def form_family(form: str | None) -> str:
    """'8-K', 'ownership', 'periodic' or 'other'."""
    base = (form or "").strip().upper()
    if base.endswith("/A"):
        base = base[:-2]
    if base.startswith("8-K"):
        return "8-K"
    if base in OWNERSHIP_FORMS:
        return "ownership"
    if base in PERIODIC_FORMS:
        return "periodic"
    return "other"


def main_document(submission) -> int | None:
    """Position of the document that carries the form itself (usually the first)."""
    documents = submission.documents
    if not documents:
        return None
    form = (submission.form or "").upper()
    for i, doc in enumerate(documents):
        if (doc.type or "").upper() == form:
            return i
    return 0


def _sequence(doc, position: int) -> str:
    return doc.sequence or str(position + 1)


def _filer_name(submission) -> str:
    for role in ("filer", "subject-company", "issuer"):
        for party in submission.parties:
            if party.role == role and party.name:
                return party.name
    return ""


def _main_text(submission, texts: dict[int, str]) -> tuple[str, str] | None:
    """(text, sequence) of the document that carries the form, if it has a text."""
    i = main_document(submission)
    if i is None or i not in texts:
        return None
    return texts[i], _sequence(submission.documents[i], i)


def item_events(submission, texts: dict[int, str]) -> Found:
    main = _main_text(submission, texts)
    if main is None:
        return []
    text, sequence = main
    return list(
        extract_events(
            text,
            filed=submission.filed_date,
            sequence=sequence,
            registrant=_filer_name(submission),
        )
    )


def report_events(submission, texts: dict[int, str]) -> Found:
    """People news a periodic report tells in its own text (the annual meeting's vote, a
    change of officers in the discussion); a 10-Q looks back one quarter, a 10-K a year."""
    main = _main_text(submission, texts)
    if main is None:
        return []
    text, sequence = main
    return list(
        extract_report_events(
            text,
            filed=submission.filed_date,
            sequence=sequence,
            registrant=_filer_name(submission),
            quarterly="10-Q" in (submission.form or "").upper(),
        )
    )


def main_signatures(submission, texts: dict[int, str]) -> Found:
    main = _main_text(submission, texts)
    if main is None:
        return []
    text, sequence = main
    return list(
        extract_signatures(
            text,
            form=submission.form,
            sequence=sequence,
            registrant=_filer_name(submission),
        )
    )


def _party_names(submission) -> tuple[str, ...]:
    """The filer first, then the filing's other companies: names that are not people."""
    first = _filer_name(submission)
    others = [
        p.name
        for p in submission.parties
        if p.name and p.role != "reporting-owner" and p.name != first
    ]
    return tuple(dict.fromkeys([first, *others]))


def press_people(submission, texts: dict[int, str]) -> Found:
    found: Found = []
    for i, doc in enumerate(submission.documents):
        if (doc.type or "").upper().startswith("EX-99") and i in texts:
            found.extend(
                extract_press_people(
                    texts[i], sequence=_sequence(doc, i), organizations=_party_names(submission)
                )
            )
    return found


def _told_in_the_body(events: list[EventCandidate]) -> list[EventCandidate]:
    """An event a press release repeats from the 8-K's own text is the body's: the
    release's copy goes (same person and type; any departure for a departure, since a
    release may call a resignation a retirement)."""
    body = [e for e in events if e.source not in ("press-release", "signature")]

    def kind(event_type: str) -> str:
        return "departure" if event_type in _DEPARTURES else event_type

    kept = []
    for e in events:
        if e.source == "press-release" and any(
            kind(b.event_type) == kind(e.event_type) and same_person(b.name, e.name)[0]
            for b in body
        ):
            continue
        kept.append(e)
    return kept


_DEPARTURES = frozenset({"resigned", "retired", "terminated"})


def owners(submission, texts: dict[int, str]) -> Found:
    xml_owners: list[OwnerCandidate] = []
    for i, doc in enumerate(submission.documents):
        if doc.kind != "xml" and "<ownershipDocument" not in (texts.get(i) or ""):
            continue
        body = doc.text
        if "ownershipDocument" not in body:
            continue
        xml_owners.extend(extract_owners(body, sequence=_sequence(doc, i)))
    return list(merge_owners(xml_owners, owners_from_header(submission.parties)))


EXTRACTORS: dict[str, list[Extractor]] = {
    "8-K": [item_events, main_signatures, press_people],
    "ownership": [owners],
    "periodic": [report_events, main_signatures],
    "other": [main_signatures],
}


def extract(submission, texts: dict[int, str]) -> Extraction:
    """Everything the family's extractors find, events in document order."""
    positions = {(doc.sequence or str(i + 1)): i for i, doc in enumerate(submission.documents)}
    events: list[EventCandidate] = []
    found_owners: list[OwnerCandidate] = []
    for extractor in EXTRACTORS[form_family(submission.form)]:
        for item in extractor(submission, texts):
            if isinstance(item, OwnerCandidate):
                found_owners.append(item)
            else:
                events.append(item)
    events = _told_in_the_body(events)
    events.sort(key=lambda e: (positions.get(e.document_sequence, 0), e.start, e.end, e.event_type))
    return Extraction(events=tuple(events), owners=tuple(found_owners))
