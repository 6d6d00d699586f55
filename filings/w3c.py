"""Notes in the W3C Web Annotation model (JSON-LD), both ways: /api/annotations.jsonld and
`manage.py export annotations` write them, `manage.py import annotations` reads them back.

An annotation is its note's page (`id`), its `creator` (a Person whose `nickname` is the
username), `created` and `modified`, the Markdown body and each tag as a TextualBody (tags
with purpose "tagging"), and a target: the document's page as `source`, a TextQuoteSelector
and a TextPositionSelector into the document's plain text, and a TimeState whose `textHash`
(the sha256 of that text) names the text the selectors index. Its `sourceDate` is the time
of the export when that text is the document's current one (the text served then is the
text indexed); it is absent when that text is no longer stored (an orphaned note). A reply
has motivation "replying" and targets its note's id.

Extension keys, outside the anno.jsonld context (a JSON-LD processor drops them, a JSON
reader keeps them): `visibility` (private, team or public), `teams` (the teams a team note
was shared with; absent: all of its author's teams), `anchorState` (anchored, relocated
or orphaned) and, in the TimeState, `textHash`.

Reading back, a note is written as its author (users and teams map by name, never made up)
through filings.annotations.import_note, which checks the quote against the stored text and
re-anchors a note whose text changed. A note already there (same author, document, kind,
quote and creation time; for a reply, same note, author and time) is not written again.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from . import annotations
from .annotations import AnnotationError, Target
from .export import BATCH, iso
from .models import (
    PRIVATE,
    ROLES,
    TEAM,
    Annotation,
    Document,
    Filing,
    document_slug,
)

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MEDIA_TYPE = f'application/ld+json; profile="{CONTEXT}"'
MOTIVATIONS = {
    Annotation.COMMENT: "commenting",
    Annotation.HIGHLIGHT: "highlighting",
    Annotation.TAGGING: "tagging",
}
REPLYING = "replying"
# A document page, wherever it is served: .../filings/<accession>/<sequence or p<N>>/
SOURCE = re.compile(r"/filings/([^/]+)/([^/]+)/?$")


# --- writing -----------------------------------------------------------------------------------


def annotations_of(notes: Iterable[Annotation], url: Callable[[str], str]) -> Iterator[dict]:
    """Each note as a W3C annotation. `url` turns the site's paths into the addresses
    written (whole URLs in the API); notes come with author, tags and teams loaded."""
    now = iso(timezone.now())
    for batch in itertools.batched(notes, BATCH):
        current = current_hashes({n.filing_id for n in batch})
        for note in batch:
            yield annotation(note, url, current.get((note.filing_id, note.document_slug)), now)


def current_hashes(accessions: set[str]) -> dict[tuple[str, str], str]:
    """The hash of each document's current text, by (accession, slug)."""
    documents = Document.objects.filter(filing_id__in=accessions).values_list(
        "filing_id", "sequence", "position", "text_hash"
    )
    return {(acc, document_slug(seq, pos)): h for acc, seq, pos, h in documents}


def annotation(note: Annotation, url, current_hash: str | None, now: str) -> dict:
    item = {
        "id": url(note.get_absolute_url()),
        "type": "Annotation",
        "motivation": REPLYING if note.parent_id else MOTIVATIONS[note.kind],
        "creator": {
            "type": "Person",
            "nickname": note.author.username,
            "name": note.author.get_full_name() or note.author.username,
        },
        "created": iso(note.created_at),
        "modified": iso(note.updated_at),
    }
    bodies = [{"type": "TextualBody", "value": note.body, "format": "text/markdown"}]
    bodies = bodies if note.body else []
    bodies += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in tag_names(note)]
    if bodies:
        item["body"] = bodies
    if note.parent_id:
        item["target"] = url(reverse("note", args=[note.parent_id]))
    else:
        state = {"type": "TimeState"}
        if current_hash == note.text_hash:
            state["sourceDate"] = now
        state["textHash"] = note.text_hash
        item["target"] = {
            "source": url(reverse("document", args=[note.filing_id, note.document_slug])),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": note.exact,
                    "prefix": note.prefix,
                    "suffix": note.suffix,
                },
                {"type": "TextPositionSelector", "start": note.start, "end": note.end},
            ],
            "state": state,
        }
        item["anchorState"] = note.anchor_state
    item["visibility"] = note.visibility
    if note.visibility == TEAM and not note.all_author_teams:
        item["teams"] = sorted(g.name for g in note.teams.all())
    return item


def tag_names(note: Annotation) -> list[str]:
    """In the same order on every database (their collations differ)."""
    return sorted((t.name for t in note.tags.all()), key=str.casefold)


def collection(items: list[dict], *, total: int, id: str, next: str | None) -> dict:
    """A page of the API: the annotations, how many match in all, and the next page."""
    return {
        "@context": CONTEXT,
        "id": id,
        "type": "AnnotationCollection",
        "total": total,
        "items": items,
        "next": next,
    }


def write(stream, items: Iterable[dict], total: int) -> int:
    """The whole collection as one JSON-LD document, an annotation a line."""
    head = {"@context": CONTEXT, "type": "AnnotationCollection", "total": total}
    stream.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "items": [')
    count = 0
    for item in items:
        stream.write(("," if count else "") + "\n" + json.dumps(item, ensure_ascii=False))
        count += 1
    stream.write("\n]}\n")
    return count


# --- reading -----------------------------------------------------------------------------------


class Skip(Exception):
    """Why one annotation of a file is not imported."""


@dataclass
class Imported:
    imported: int = 0
    existing: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return len(self.problems)


@dataclass
class Parsed:
    name: str  # its id in the file (or its place), for messages and for its replies
    creator: str
    created: datetime
    modified: datetime
    kind: str = Annotation.COMMENT
    body: str = ""
    tags: list[str] = field(default_factory=list)
    visibility: str = PRIVATE
    teams: list[str] | None = None
    parent: str | None = None
    accession: str = ""
    slug: str = ""
    exact: str = ""
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    text_hash: str = ""


def items_of(data) -> list:
    """The annotations of a collection (its items, or its first page's), a plain list, or
    one annotation."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if isinstance(data.get("items"), list):
            return data["items"]
        first = data.get("first")
        if isinstance(first, dict) and isinstance(first.get("items"), list):
            return first["items"]
        if "Annotation" in listed(data.get("type")):
            return [data]
    raise ValueError("The file is not an AnnotationCollection, a list or an Annotation.")


def import_annotations(data) -> Imported:
    """Write the file's annotations that are not there yet, in one transaction; each one
    that cannot be written is a line in `problems` naming its id."""
    result = Imported()
    parsed = []
    for index, item in enumerate(items_of(data)):
        name = item.get("id") if isinstance(item, dict) else None
        name = name if isinstance(name, str) and name else f"#{index + 1}"
        try:
            parsed.append(parse(item, name))
        except Skip as exc:
            result.problems.append(f"note {name}: {exc}; skipped")
    User = get_user_model()
    users = {u.username: u for u in User.objects.filter(username__in={p.creator for p in parsed})}
    wanted = {t for p in parsed for t in p.teams or ()}
    teams = {g.name: g for g in Group.objects.filter(name__in=wanted).exclude(name__in=ROLES)}
    places = Places()
    written: dict[str, Annotation] = {}
    with transaction.atomic():
        # Notes before replies, so that a reply finds its note wherever the file put it.
        for p in sorted(parsed, key=lambda p: p.parent is not None):
            try:
                note, new = store(p, users, teams, places, written)
            except (Skip, AnnotationError) as exc:
                result.problems.append(f"note {p.name}: {exc}; skipped")
                continue
            written[p.name] = note
            if new:
                result.imported += 1
            else:
                result.existing += 1
    return result


def store(p: Parsed, users, teams, places, written) -> tuple[Annotation, bool]:
    """The note (and whether it is new): the one already there, or written now."""
    author = users.get(p.creator)
    if author is None:
        raise Skip(f"there is no user named {p.creator!r}")
    times = {"created": p.created, "modified": p.modified}
    if p.parent is not None:
        note = written.get(p.parent)
        if note is None:
            raise Skip(f"it replies to {p.parent}, which was not imported")
        there = Annotation.objects.filter(parent=note.thread, author=author, created_at=p.created)
        if found := there.first():
            return found, False
        return annotations.import_note(author, None, parent=note, body=p.body, **times), True
    groups = None
    if p.visibility == TEAM and p.teams:
        missing = [t for t in p.teams if t not in teams]
        if missing:
            raise Skip("there is no team named " + ", ".join(repr(t) for t in missing))
        groups = [teams[t] for t in p.teams]
    filing, document = places.document(p.accession, p.slug)
    there = Annotation.objects.filter(
        author=author,
        filing=filing,
        document_slug=p.slug,
        parent=None,
        kind=p.kind,
        exact=p.exact,
        created_at=p.created,
    )
    if found := there.first():
        return found, False
    note = annotations.import_note(
        author,
        Target(filing, document, p.start, p.end, p.exact, p.text_hash),
        prefix=p.prefix,
        suffix=p.suffix,
        kind=p.kind,
        body=p.body,
        tags=p.tags,
        visibility=p.visibility,
        teams=groups,
        **times,
    )
    return note, True


class Places:
    """The stored filings and documents the file names, each read once."""

    def __init__(self):
        self.filings: dict[str, tuple[Filing | None, dict[str, Document]]] = {}

    def document(self, accession: str, slug: str) -> tuple[Filing, Document]:
        if accession not in self.filings:
            filing = Filing.objects.only("accession").filter(pk=accession).first()
            documents = Document.objects.filter(filing_id=accession).only(
                "filing_id", "position", "sequence", "text_hash"
            )
            self.filings[accession] = (filing, {d.slug: d for d in documents})
        filing, documents = self.filings[accession]
        if filing is None:
            raise Skip(f"the filing {accession} is not stored")
        if slug not in documents:
            raise Skip(f"the filing {accession} has no document {slug}")
        return filing, documents[slug]


def parse(item, name: str) -> Parsed:
    if not isinstance(item, dict):
        raise Skip("it is not an annotation object")
    created = moment(item.get("created"), "created")
    p = Parsed(
        name=name,
        creator=creator(item.get("creator")),
        created=created,
        modified=moment(item["modified"], "modified") if item.get("modified") else created,
    )
    motivations = listed(item.get("motivation"))
    bodies = [b for b in listed(item.get("body")) if isinstance(b, dict)]
    tagging = [b for b in bodies if "tagging" in listed(b.get("purpose"))]
    p.tags = [b["value"] for b in tagging if isinstance(b.get("value"), str)]
    texts = [
        b.get("value")
        for b in bodies
        if b.get("type") == "TextualBody" and "tagging" not in listed(b.get("purpose"))
    ]
    if isinstance(item.get("bodyValue"), str):
        texts.append(item["bodyValue"])
    p.body = "\n\n".join(t for t in texts if isinstance(t, str) and t)
    p.visibility = item.get("visibility") or PRIVATE
    teams = item.get("teams")
    if teams is not None and not (
        isinstance(teams, list) and all(isinstance(t, str) for t in teams)
    ):
        raise Skip("teams is not a list of team names")
    p.teams = teams or None

    target = listed(item.get("target"))[:1]
    target = target[0] if target else None
    if REPLYING in motivations or isinstance(target, str):
        parent = target.get("id") if isinstance(target, dict) else target
        if not isinstance(parent, str) or not parent:
            raise Skip("a reply needs the id of its note as its target")
        p.parent = parent
        return p
    p.kind = next(
        (kind for kind, m in MOTIVATIONS.items() if m in motivations),
        Annotation.COMMENT if p.body else Annotation.HIGHLIGHT,
    )
    if not isinstance(target, dict) or not isinstance(target.get("source"), str):
        raise Skip("it has no target.source")
    found = SOURCE.search(urlsplit(target["source"]).path)
    if not found:
        raise Skip(f"its source {target['source']!r} is not a document page (…/filings/ACC/SEQ/)")
    p.accession, p.slug = found.groups()
    for selector in listed(target.get("selector")):
        if not isinstance(selector, dict):
            continue
        if selector.get("type") == "TextQuoteSelector":
            p.exact, p.prefix, p.suffix = (
                text_of(selector, "exact"),
                text_of(selector, "prefix"),
                text_of(selector, "suffix"),
            )
        elif selector.get("type") == "TextPositionSelector":
            p.start, p.end = offset(selector.get("start")), offset(selector.get("end"))
    if not p.exact:
        raise Skip("it has no TextQuoteSelector with the quoted text")
    for state in listed(target.get("state")):
        if isinstance(state, dict) and isinstance(state.get("textHash"), str):
            p.text_hash = state["textHash"]
    return p


def creator(value) -> str:
    """The username: a bare string, or a Person's nickname."""
    if isinstance(value, dict):
        value = value.get("nickname")
    if not isinstance(value, str) or not value.strip():
        raise Skip("it has no creator username (creator.nickname, or creator as a string)")
    return value.strip()


def moment(value, name: str) -> datetime:
    """An ISO date and time; without an offset, UTC (the store's clock)."""
    if not isinstance(value, str):
        raise Skip(f"it has no {name} time")
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise Skip(f"{name} is not an ISO date and time: {value!r}") from None
    return at if timezone.is_aware(at) else at.replace(tzinfo=UTC)


def listed(value) -> list:
    """A JSON-LD value that may be one thing or a list of them, as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def text_of(selector: dict, key: str) -> str:
    value = selector.get(key)
    return value if isinstance(value, str) else ""


def offset(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None
