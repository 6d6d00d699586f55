"""Search: the query language, the full-text index (SQLite FTS5 or PostgreSQL), facets,
snippets and typeahead. The rest of the app imports only what this module names.

A filing is the unit of search: its documents' plain text and its header fields (form,
accession, party names as written, former names, people named, item codes and titles,
document types and descriptions) are searched together, so `Higgins director` finds a
filing that names Higgins in the header and "director" in an exhibit. The tables are made
by migrations 0002-0004 and written only by this package, inside the caller's transaction.
Analysts' notes are searched too (`note:`, `tag:`, the "has notes" facet), only those the
reader may see; their index (migration 0008) is written by filings.annotations through
index_note / remove_note, in the transaction that writes the note.

Where things are: query.py (the language), words.py (folding and splitting text),
records.py (what a filing contributes), index.py (writing it), backend.py (the interface)
with sqlite.py and postgres.py (one backend each), facets.py (the in-memory facet copy and
its log), filters.py (filters, selections and facet counts over that copy), names.py (the
name table), notes.py (the note index and its lookups), results.py (running a search,
asking which of some filings a search finds, and the facets' totals over the store),
snippets.py and typeahead.py.
"""

from .filters import FACETS
from .index import (
    index_filing,
    index_filings,
    loading,
    reindex,
    remove_filing,
    restore_indexes,
)
from .notes import index_note, remove_note
from .query import Query, Term, parse_query
from .results import DocumentHit, Hit, Results, matching, search, totals
from .typeahead import typeahead

__all__ = [
    "FACETS",
    "DocumentHit",
    "Hit",
    "Query",
    "Results",
    "Term",
    "index_filing",
    "index_filings",
    "index_note",
    "loading",
    "matching",
    "parse_query",
    "reindex",
    "remove_filing",
    "remove_note",
    "restore_indexes",
    "search",
    "totals",
    "typeahead",
]
