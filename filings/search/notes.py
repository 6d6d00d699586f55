"""Analysts' notes in search: `note:WORDS`, `tag:NAME` and the "has notes" facet.

The note index (migration 0008) holds every live note and reply of a live thread: its
body's words as words.py folds them (SQLite: an FTS5 row whose rowid is the note's id;
PostgreSQL: a tsvector of exactly those words under a GIN index), its tags folded, and its
filing and audience. filings.annotations writes it through index_note / remove_note
inside the transaction that writes the note, so the index commits or rolls back with it.

Who may read a note is decided only by `Annotation.objects.visible_to(user)`. `note:` and
`tag:` keep the notes it returns among those the index finds. The facet cannot ask it
about every note on each search (a scan of every note), so it asks about audiences: a
note's visibility turns on its visibility, author, "all of the author's teams" and teams,
a reply's also on its note's author (and on being live, which every indexed note is), so
notes alike in those are seen by the same readers. Each audience keeps one of its notes to
ask visible_to about, and each filing's audiences are facet rows (facet "audience") in
the shared in-memory copy, so a search asks about a few hundred audiences, one indexed
query, and turns the visible ones into filings there. A field visible_to comes to read
belongs in `signature()`.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from ..models import Annotation
from . import backend as backends
from . import facets
from .words import fold, tokens

# PostgreSQL refuses lexemes over 2 KB; nobody searches for a word this long.
MAX_WORD = 500
# The "has notes" facet's values, and the facet rows of each filing's audiences.
WITH_NOTES, WITH_MY_NOTES = "1", "mine"
AUDIENCE = "audience"


def note_words(body: str) -> list[str]:
    """The words of a note as they are indexed and looked for: folded, each once."""
    return [w for w in dict.fromkeys(tokens(body)) if len(w) <= MAX_WORD]


def tag_key(name: str) -> str:
    """A tag as `tag:` compares it: one space between words, case and diacritics folded."""
    return fold(" ".join(name.split()))


def signature(note: Annotation, teams: list[int], thread_author: int | None) -> str:
    """What visible_to reads of a live note (`thread_author`: a reply's note's author):
    notes with the same signature are seen by the same readers."""
    chosen = ",".join(map(str, sorted(teams)))
    thread = "" if thread_author is None else thread_author
    return f"{note.visibility}:{note.author_id}:{int(note.all_author_teams)}:{chosen}:{thread}"


# --- writing (inside the caller's transaction) -------------------------------------------


def index_note(note: Annotation) -> None:
    """Make the index agree with this note and, for a thread's first note, its replies:
    live notes of a live thread are (re)written, every other one left out."""
    notes = [note] if note.parent_id else [note, *note.replies.all()]
    live = [n for n in notes if n.deleted_at is None] if note.thread.deleted_at is None else []
    with connection.cursor() as cur:
        keys = log_filing(cur, note.filing_id)
        forget(cur, [n.pk for n in notes])
        write(cur, live)
        sync_facet_rows(cur, keys)


def remove_note(note: Annotation) -> None:
    """Take the note, and a thread's replies with it, out of the index."""
    ids = [note.pk] if note.parent_id else [note.pk, *note.replies.values_list("pk", flat=True)]
    with connection.cursor() as cur:
        keys = log_filing(cur, note.filing_id)
        forget(cur, ids)
        sync_facet_rows(cur, keys)


def log_filing(cur, accession: str) -> list[int]:
    """The filing's search key ([] when it is not indexed), its change logged for the
    facet copies. First: on PostgreSQL the log is a lock, so writers of notes take turns
    (no two pick the same audience's next note at once)."""
    cur.execute("SELECT key FROM filings_searchfiling WHERE accession = %s", [accession])
    keys = [key for (key,) in cur.fetchall()]
    if keys:
        facets.log_change(cur, keys)
    return keys


def forget(cur, ids: list[int]) -> None:
    backends.current().forget_notes(cur, ids)
    marks = ", ".join(["%s"] * len(ids))
    cur.execute(f"DELETE FROM filings_searchnotetag WHERE note IN ({marks})", ids)
    cur.execute(f"DELETE FROM filings_searchnoteref WHERE note IN ({marks})", ids)
    # An audience that asked about one of these notes asks about another, or is gone.
    cur.execute(
        "UPDATE filings_searchaudience SET note = (SELECT min(r.note) FROM filings_searchnoteref r "
        f"WHERE r.audience = filings_searchaudience.id) WHERE note IN ({marks})",
        ids,
    )
    cur.execute("DELETE FROM filings_searchaudience WHERE note IS NULL")


def write(cur, notes: list[Annotation], audiences: dict[str, int] | None = None) -> None:
    """Index live notes not indexed now (`audiences`: ids already known, by signature)."""
    if not notes:
        return
    ids = [n.pk for n in notes]
    backends.current().write_notes(cur, [(n.pk, w) for n in notes if (w := note_words(n.body))])
    tags = Annotation.tags.through.objects.filter(annotation_id__in=ids)
    cur.executemany(
        "INSERT INTO filings_searchnotetag (tag, note) VALUES (%s, %s) ON CONFLICT DO NOTHING",
        [(tag_key(name), pk) for pk, name in tags.values_list("annotation_id", "tag__name")],
    )
    teams = defaultdict(list)
    for pk, group in Annotation.teams.through.objects.filter(annotation_id__in=ids).values_list(
        "annotation_id", "group_id"
    ):
        teams[pk].append(group)
    threads = {n.parent_id for n in notes if n.parent_id}
    thread_authors = dict(Annotation.objects.filter(pk__in=threads).values_list("pk", "author_id"))
    audiences = {} if audiences is None else audiences
    rows = []
    for n in notes:
        sign = signature(n, teams[n.pk], thread_authors.get(n.parent_id))
        if sign not in audiences:
            cur.execute(
                "INSERT INTO filings_searchaudience (signature, author, note) VALUES (%s, %s, %s) "
                "ON CONFLICT (signature) DO NOTHING",
                [sign, n.author_id, n.pk],
            )
            cur.execute("SELECT id FROM filings_searchaudience WHERE signature = %s", [sign])
            audiences[sign] = cur.fetchone()[0]
        rows.append((n.pk, n.filing_id, audiences[sign]))
    cur.executemany(
        "INSERT INTO filings_searchnoteref (note, accession, audience) VALUES (%s, %s, %s)", rows
    )


def sync_facet_rows(cur, keys: list[int] | None) -> None:
    """The audience facet rows of these filings (search keys; None: of every filing) as
    the note index has them. The caller logs the change."""
    if keys is not None and not keys:
        return
    marks = ", ".join(["%s"] * len(keys or ()))
    only = (f"AND fkey IN ({marks})", f"AND f.key IN ({marks})") if keys else ("", "")
    params = [AUDIENCE, *(keys or ())]
    cur.execute(f"DELETE FROM filings_searchfacet WHERE facet = %s {only[0]}", params)
    cur.execute(
        "INSERT INTO filings_searchfacet (fkey, facet, value) "
        "SELECT DISTINCT f.key, %s, CAST(r.audience AS text) FROM filings_searchnoteref r "
        f"JOIN filings_searchfiling f ON f.accession = r.accession WHERE true {only[1]}",
        params,
    )


def reindex_notes() -> int:
    """Rebuild the note index from the stored notes; returns how many were indexed."""
    live = (
        Annotation.objects.filter(deleted_at=None)
        .exclude(parent__deleted_at__isnull=False)
        .only("body", "filing", "author", "parent", "visibility", "all_author_teams")
        .order_by("pk")
    )
    done, audiences = 0, {}
    with connection.cursor() as cur:
        forget_everything(cur)
        batch = []
        for note in live.iterator(chunk_size=1000):
            batch.append(note)
            if len(batch) == 1000:
                write(cur, batch, audiences)
                done, batch = done + len(batch), []
        write(cur, batch, audiences)
        sync_facet_rows(cur, None)
        facets.log_change(cur, None)
    return done + len(batch)


def forget_everything(cur) -> None:
    for table in (
        "filings_searchnote",
        "filings_searchnotetag",
        "filings_searchnoteref",
        "filings_searchaudience",
    ):
        cur.execute(f"DELETE FROM {table}")


# --- reading -----------------------------------------------------------------------------


def readable(user):
    """The notes a search by this user may find: those they may see, live, in a live
    thread (as the reading view shows them; moderators find deleted ones elsewhere)."""
    notes = Annotation.objects.visible_to(user or AnonymousUser()).filter(deleted_at=None)
    return notes.filter(Q(parent=None) | Q(parent__deleted_at=None)).order_by()


def note_mask(index: facets.Snapshot, user, value: str) -> np.ndarray:
    """Filings with a note the user may see having every word of `value`."""
    sql, params = backends.current().notes_matching(value.split())
    return keys_mask(index, readable(user).filter(pk__in=RawSQL(sql, params)))


def tag_mask(index: facets.Snapshot, user, name: str) -> np.ndarray:
    """Filings with a note the user may see carrying the tag."""
    tagged = RawSQL("SELECT note FROM filings_searchnotetag WHERE tag = %s", [tag_key(name)])
    return keys_mask(index, readable(user).filter(pk__in=tagged))


def keys_mask(index: facets.Snapshot, notes) -> np.ndarray:
    sql, params = notes.values("filing_id").query.sql_with_params()
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT {agg('key')} FROM filings_searchfiling WHERE accession IN ({sql})", params
        )
        return index.mask(facets.key_array(cur.fetchone()[0]))[0]


def noted(index: facets.Snapshot, user) -> dict[str, np.ndarray]:
    """{facet value: mask}: the filings with a note the user may see, and (signed in)
    those with one of their own. One query: visible_to about each audience's note."""
    user = user or AnonymousUser()
    asked = RawSQL("SELECT note FROM filings_searchaudience", [])
    seen = Annotation.objects.visible_to(user).filter(pk__in=asked).values("pk").order_by()
    sql, params = seen.query.sql_with_params()
    with connection.cursor() as cur:
        cur.execute(f"SELECT id, author FROM filings_searchaudience WHERE note IN ({sql})", params)
        audiences = cur.fetchall()
    out = {WITH_NOTES: index.with_values(AUDIENCE, [str(a) for a, _author in audiences])}
    if user.is_authenticated:
        mine = [str(a) for a, author in audiences if author == user.pk]
        out[WITH_MY_NOTES] = index.with_values(AUDIENCE, mine)
    return out


def agg(column: str) -> str:
    """The keys in `column`, as one string '1,5,9' (facets.key_array reads it)."""
    if connection.vendor == "postgresql":
        return f"string_agg(CAST({column} AS text), ',')"
    return f"group_concat({column})"
