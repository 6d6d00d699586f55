"""Search over notes (filings.search.notes): the words of each note's body, its tags, and
who may see it, for `note:`, `tag:` and the "has notes" facet.

searchnote: the body's words as filings.search.words folds them. SQLite: an FTS5 row per
note (rowid = the note's id); PostgreSQL: a tsvector of exactly those words, under GIN.
searchnotetag: each note's tags, folded. searchnoteref: each note's filing and audience.
searchaudience: one row per audience (notes alike in what their visibility turns on:
visibility, author, teams), with one live note of it to ask `visible_to` about. Each
filing's audiences are also facet rows (facet 'audience'), so the in-memory facet copy
turns a reader's audiences into filings.

Only live notes of live threads are held; filings.annotations writes them in the
transaction that writes the note. Notes stored before this migration are indexed by
`manage.py reindex`. The rows go with their note however it is deleted (triggers; no
foreign key, since Django's test flush truncates its tables without CASCADE).
"""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE filings_searchnote USING fts5(
        words, tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TABLE filings_searchnotetag (
        tag varchar(100) NOT NULL,
        note bigint NOT NULL,
        PRIMARY KEY (tag, note)
    ) WITHOUT ROWID""",
    "CREATE INDEX filings_searchnotetag_note ON filings_searchnotetag (note)",
    # AUTOINCREMENT: an audience's number is never reused by another.
    """CREATE TABLE filings_searchaudience (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        signature text NOT NULL UNIQUE,
        author bigint NOT NULL,
        note bigint NULL
    )""",
    """CREATE TABLE filings_searchnoteref (
        note INTEGER PRIMARY KEY,
        accession varchar(20) NOT NULL,
        audience bigint NOT NULL
    )""",
    "CREATE INDEX filings_searchnoteref_audience ON filings_searchnoteref (audience, note)",
    "CREATE INDEX filings_searchnoteref_filing ON filings_searchnoteref (accession, audience)",
    """CREATE TRIGGER filings_searchnote_forget AFTER DELETE ON filings_annotation
    BEGIN
        DELETE FROM filings_searchnote WHERE rowid = OLD.id;
        DELETE FROM filings_searchnotetag WHERE note = OLD.id;
        DELETE FROM filings_searchnoteref WHERE note = OLD.id;
        UPDATE filings_searchaudience SET note = (
            SELECT min(r.note) FROM filings_searchnoteref r
            WHERE r.audience = filings_searchaudience.id
        ) WHERE note = OLD.id;
        DELETE FROM filings_searchaudience WHERE note IS NULL;
    END""",
]

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS filings_searchnote_forget",
    "DELETE FROM filings_searchfacet WHERE facet = 'audience'",
    "DROP TABLE IF EXISTS filings_searchnoteref",
    "DROP TABLE IF EXISTS filings_searchaudience",
    "DROP TABLE IF EXISTS filings_searchnotetag",
    "DROP TABLE IF EXISTS filings_searchnote",
]

POSTGRESQL = [
    """CREATE TABLE filings_searchnote (
        note bigint PRIMARY KEY,
        words tsvector NOT NULL
    )""",
    "CREATE INDEX filings_searchnote_words ON filings_searchnote USING gin (words)",
    """CREATE TABLE filings_searchnotetag (
        tag varchar(100) NOT NULL,
        note bigint NOT NULL,
        PRIMARY KEY (tag, note)
    )""",
    "CREATE INDEX filings_searchnotetag_note ON filings_searchnotetag (note)",
    """CREATE TABLE filings_searchaudience (
        id bigserial PRIMARY KEY,
        signature text NOT NULL UNIQUE,
        author bigint NOT NULL,
        note bigint NULL
    )""",
    """CREATE TABLE filings_searchnoteref (
        note bigint PRIMARY KEY,
        accession varchar(20) NOT NULL,
        audience bigint NOT NULL
    )""",
    "CREATE INDEX filings_searchnoteref_audience ON filings_searchnoteref (audience, note)",
    "CREATE INDEX filings_searchnoteref_filing ON filings_searchnoteref (accession, audience)",
    """CREATE FUNCTION filings_searchnote_forget() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM filings_searchnote WHERE note IN (SELECT id FROM gone);
        DELETE FROM filings_searchnotetag WHERE note IN (SELECT id FROM gone);
        DELETE FROM filings_searchnoteref WHERE note IN (SELECT id FROM gone);
        UPDATE filings_searchaudience a SET note = (
            SELECT min(r.note) FROM filings_searchnoteref r WHERE r.audience = a.id
        ) WHERE a.note IN (SELECT id FROM gone);
        DELETE FROM filings_searchaudience WHERE note IS NULL;
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION filings_searchnote_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE filings_searchnote, filings_searchnotetag, filings_searchnoteref,
            filings_searchaudience;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER filings_searchnote_forget AFTER DELETE ON filings_annotation
        REFERENCING OLD TABLE AS gone
        FOR EACH STATEMENT EXECUTE FUNCTION filings_searchnote_forget()""",
    """CREATE TRIGGER filings_searchnote_truncate AFTER TRUNCATE ON filings_annotation
        FOR EACH STATEMENT EXECUTE FUNCTION filings_searchnote_truncate()""",
]

POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS filings_searchnote_truncate ON filings_annotation",
    "DROP TRIGGER IF EXISTS filings_searchnote_forget ON filings_annotation",
    "DROP FUNCTION IF EXISTS filings_searchnote_truncate()",
    "DROP FUNCTION IF EXISTS filings_searchnote_forget()",
    "DELETE FROM filings_searchfacet WHERE facet = 'audience'",
    "DROP TABLE IF EXISTS filings_searchnoteref",
    "DROP TABLE IF EXISTS filings_searchaudience",
    "DROP TABLE IF EXISTS filings_searchnotetag",
    "DROP TABLE IF EXISTS filings_searchnote",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor, ())
        for sql in statements:
            schema_editor.execute(sql)
        if statements in (SQLITE, POSTGRESQL):
            with schema_editor.connection.cursor() as cur:
                cur.execute("SELECT EXISTS (SELECT 1 FROM filings_annotation)")
                if cur.fetchone()[0]:
                    print("\n  Search: notes stored already need `manage.py reindex` once.")

    return operation


class Migration(migrations.Migration):
    dependencies = [("filings", "0007_roles")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}),
        ),
    ]
