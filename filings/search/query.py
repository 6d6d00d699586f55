"""The query language: words, "phrases", prefix*, -exclusions, OR, and field:value filters.

Two fields look in the notes the reader may see (notes.py): `note:WORDS` (a word or a
quoted run of them) finds the filings with a note or reply having every one of the words,
in any order, whole words only; several note: fields add words to that one note.
`tag:NAME` finds those with a note carrying the tag (case-insensitive; quote a name with
spaces).

Parsing never fails: what cannot be used becomes a note on the query (`Query.errors`),
which the search page shows."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .words import tokens

MAX_QUERY_LENGTH = 500


FIELDS = (
    "form",
    "cik",
    "item",
    "person",
    "company",
    "state",
    "sic",
    "role",
    "year",
    "filed",
    "note",
    "tag",
)


FIELD_WORD = re.compile(r"^([A-Za-z]+):(.*)$", re.S)


DATE_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$")


# Shown when a field is given without a value.
EXAMPLES = {
    "form": "8-K",
    "cik": "1056386",
    "item": "5.02",
    "person": '"Higgins"',
    "company": '"Internap"',
    "state": "WA",
    "sic": "7370",
    "role": "filer",
    "year": "2004",
    "filed": "2004-01-01..2004-12-31",
    "note": '"proxy fight"',
    "tag": "13D",
}
# As long as a tag can be (filings.annotations.clean_tags).
MAX_TAG = 100
ROLE_ALIASES = {
    "subject": "subject-company",
    "owner": "reporting-owner",
    "serial": "serial-company",
}


@dataclass(frozen=True)
class Term:
    """A word, an "exact phrase", or either with a trailing * (last word is a prefix)."""

    text: str
    phrase: bool = False
    prefix: bool = False

    @property
    def tokens(self) -> list[str]:
        return tokens(self.text)

    def to_string(self) -> str:
        body = f'"{self.text}"' if self.phrase else self.text
        return body + ("*" if self.prefix else "")


@dataclass(frozen=True)
class Query:
    """A parsed search: every group must match (a group is terms joined by OR), no
    excluded term may match, and every filter must hold."""

    groups: tuple[tuple[Term, ...], ...] = ()
    exclude: tuple[Term, ...] = ()
    filters: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list, compare=False)

    @property
    def has_text(self) -> bool:
        return bool(self.groups or self.exclude)

    @property
    def terms(self) -> list[Term]:
        """The terms a matching filing contains (for highlighting)."""
        return [t for group in self.groups for t in group]

    @property
    def is_empty(self) -> bool:
        return not self.has_text and not self.filters

    def to_string(self) -> str:
        parts = [" OR ".join(t.to_string() for t in group) for group in self.groups]
        parts += ["-" + t.to_string() for t in self.exclude]
        for name, value in self.filters.items():
            quoted = not value or any(c.isspace() for c in value)
            parts.append(f'{name}:"{value}"' if quoted else f"{name}:{value}")
        return " ".join(parts)

    def __str__(self) -> str:
        return self.to_string()


_OR = object()


def parse_query(q: str) -> Query:
    """Parse what a reader typed. Never raises: problems become `errors` messages."""
    errors: list[str] = []
    q = (q or "").replace("\x00", " ")
    if len(q) > MAX_QUERY_LENGTH:
        # At a word boundary, so no half word is searched for.
        cut = q.rfind(" ", 0, MAX_QUERY_LENGTH + 1)
        q = q[: cut if cut > 0 else MAX_QUERY_LENGTH]
        shown = q.rstrip()[-40:]
        errors.append(
            f"The query is longer than {MAX_QUERY_LENGTH} characters: only the words up to "
            f"“…{shown}” were searched for."
        )
    items: list = []  # Term-and-negated pairs, and _OR markers
    filters: dict[str, str] = {}
    i, n = 0, len(q)

    def note(message: str) -> None:
        if message not in errors:
            errors.append(message)

    def quoted(start: int) -> tuple[str, int]:
        end = q.find('"', start + 1)
        if end < 0:
            note("A quote was not closed: the rest of the query was searched as a phrase.")
            return q[start + 1 :], n
        return q[start + 1 : end], end + 1

    while i < n:
        if q[i].isspace():
            i += 1
            continue
        negated = q[i] == "-" and i + 1 < n and not q[i + 1].isspace()
        if negated:
            i += 1
        if q[i] == '"':
            text, i = quoted(i)
            prefix = False
            while i < n and q[i] == "*":
                prefix, i = True, i + 1
            add_term(items, Term(text.strip(), phrase=True, prefix=prefix), negated, note)
            continue
        j = i
        while j < n and not q[j].isspace() and q[j] != '"':
            j += 1
        word, i = q[i:j], j
        m = FIELD_WORD.match(word)
        if m and m.group(1).lower() in FIELDS:
            name, value = m.group(1).lower(), m.group(2)
            if not value:
                while i < n and q[i].isspace():
                    i += 1
                if i < n and q[i] == '"':
                    value, i = quoted(i)
                else:
                    j = i
                    while j < n and not q[j].isspace() and q[j] != '"':
                        j += 1
                    value, i = q[i:j], j
            if negated:
                note(f"A field cannot be excluded: -{name}:{value} was ignored.")
                continue
            set_filter(filters, name, value, note)
            continue
        if m and m.group(2).strip():
            note(f"Unknown field “{m.group(1)}:”: searched for “{word}” as words.")
            add_term(items, Term(word, phrase=True), negated, note)
            continue
        if word == "OR" and not negated:
            items.append(_OR)
            continue
        text = word.rstrip("*")
        if not text:
            note(f"Ignored “{word}”: it has no letters or digits to search for.")
            continue
        if word in ("AND", "NOT", "NEAR") or word.startswith("NEAR("):
            note(
                f"{word} was searched as a word: words are all required already, "
                "OR joins alternatives and -word excludes."
            )
        add_term(items, Term(text, prefix=text != word), negated, note)

    groups: list[list[Term]] = []
    exclude: list[Term] = []
    pending_or = False
    previous_positive = False
    for k, item in enumerate(items):
        if item is _OR:
            following = items[k + 1] if k + 1 < len(items) else None
            if previous_positive and isinstance(following, tuple) and not following[1]:
                pending_or = True
            else:
                note("OR needs a word or phrase on each side: searched for “or” as a word.")
                groups.append([Term("OR", phrase=True)])
                previous_positive = True
            continue
        term, negated = item
        if negated:
            exclude.append(term)
            previous_positive = False
        elif pending_or:
            if term not in groups[-1]:
                groups[-1].append(term)
            pending_or = False
        else:
            groups.append([term])
            previous_positive = True
    unique_groups = []
    for group in groups:
        if tuple(group) not in unique_groups:
            unique_groups.append(tuple(group))
    return Query(
        groups=tuple(unique_groups),
        exclude=tuple(dict.fromkeys(exclude)),
        filters=filters,
        errors=errors,
    )


def add_term(items: list, term: Term, negated: bool, note) -> None:
    if not term.text:
        return
    if not term.tokens:
        shown = term.to_string()
        note(f"Ignored “{shown}”: it has no letters or digits to search for.")
        return
    items.append((term, negated))


def set_filter(filters: dict[str, str], name: str, value: str, note) -> None:
    value = value.strip()
    if not value:
        note(f"{name}: needs a value (e.g. {name}:{EXAMPLES[name]}); it was ignored.")
        return
    given = f"{name}:{value}"
    if name in ("form", "state"):
        value = value.upper()
    elif name == "cik":
        if not value.isdecimal():
            note(f"{given} is not a CIK (digits, e.g. cik:1056386); it was ignored.")
            return
        value = str(int(value))
    elif name == "sic":
        if not value.isdigit():
            note(f"{given} is not a SIC code (digits, e.g. sic:7370); it was ignored.")
            return
    elif name == "role":
        value = value.lower().replace(" ", "-")
        value = ROLE_ALIASES.get(value, value)
    elif name == "year":
        if not (len(value) == 4 and value.isdigit()):
            note(f"{given} is not a year (e.g. year:2004); it was ignored.")
            return
    elif name == "filed":
        parsed = parse_date_range(value)
        if parsed is None:
            note(
                f"{given} is not a date or date range (e.g. filed:2004-01-01..2004-12-31; "
                "either side may be left open, and the start comes first); it was ignored."
            )
            return
        start, end = parsed
        value = f"{start.isoformat() if start else ''}..{end.isoformat() if end else ''}"
    elif name in ("person", "company", "note"):
        if not tokens(value):
            note(f"{given} has no letters or digits to look for; it was ignored.")
            return
        if name == "note":
            # Every word is required of one note, so several note: fields add words.
            words = (filters.get("note", "") + " " + " ".join(tokens(value))).split()
            filters[name] = " ".join(dict.fromkeys(words))
            return
    elif name == "tag":
        value = " ".join(value.split())
        if len(value) > MAX_TAG:
            note(f"{given[:60]}… is not a tag (at most {MAX_TAG} characters); it was ignored.")
            return
    if name in filters and filters[name] != value:
        note(f"{name}: was given twice; the last one ({value}) was used.")
    filters[name] = value


def parse_date_range(value: str) -> tuple[dt.date | None, dt.date | None] | None:
    """'a..b', 'a..', '..b' or a single day; None when malformed."""
    m = DATE_RANGE.match(value)
    try:
        if m:
            if not (m.group(1) or m.group(2)):
                return None
            start = dt.date.fromisoformat(m.group(1)) if m.group(1) else None
            end = dt.date.fromisoformat(m.group(2)) if m.group(2) else None
            if start and end and start > end:
                return None
            return start, end
        day = dt.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        return None
    return (day, day) if day else None
