"""Full-text search tables, written by filings.search.

SQLite: a contentless FTS5 table with one row per filing (rowid = filing key), the
indexed text kept beside it in searchsource (body compressed) so a re-index can delete
the old row exactly (SQLite before 3.43 has no contentless delete).
PostgreSQL: one tsvector per filing (header words weighted A), or for long filings
several chunks of at most 10,000 words (phrase positions stay exact and no tsvector
reaches its size limit), under GIN indexes.
Both: facet values per filing and a small name table for typeahead prefix lookups.
The search rows go with their filing however it is deleted (cascade or trigger).
"""

from django.db import migrations

SQLITE = [
    # AUTOINCREMENT: a key is never reused, so no stale FTS row can speak for a new filing.
    """CREATE TABLE filings_searchfiling (
        key INTEGER PRIMARY KEY AUTOINCREMENT,
        accession varchar(20) NOT NULL UNIQUE
            REFERENCES filings_filing (accession) ON DELETE CASCADE,
        form varchar(40) NOT NULL DEFAULT '',
        filed_date date NULL
    )""",
    "CREATE INDEX filings_searchfiling_newest ON filings_searchfiling (filed_date, accession)",
    "CREATE INDEX filings_searchfiling_form ON filings_searchfiling (form)",
    """CREATE TABLE filings_searchsource (
        key integer PRIMARY KEY REFERENCES filings_searchfiling (key) ON DELETE CASCADE,
        head text NOT NULL DEFAULT '',
        body_z blob NULL
    )""",
    """CREATE VIRTUAL TABLE filings_searchtext USING fts5(
        head, body, content='', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'
    )""",
    """CREATE TABLE filings_searchfacet (
        fkey integer NOT NULL REFERENCES filings_searchfiling (key) ON DELETE CASCADE,
        facet varchar(10) NOT NULL,
        value varchar(255) NOT NULL,
        PRIMARY KEY (facet, value, fkey)
    ) WITHOUT ROWID""",
    "CREATE INDEX filings_searchfacet_fkey ON filings_searchfacet (fkey, facet, value)",
    """CREATE TABLE filings_searchname (
        id INTEGER PRIMARY KEY,
        kind varchar(10) NOT NULL,
        ref bigint NOT NULL,
        name varchar(255) NOT NULL,
        token varchar(100) NOT NULL,
        source varchar(10) NOT NULL
    )""",
    "CREATE UNIQUE INDEX filings_searchname_token ON filings_searchname (token, kind, ref, name)",
]

SQLITE_DROP = [
    "DROP TABLE IF EXISTS filings_searchname",
    "DROP TABLE IF EXISTS filings_searchfacet",
    "DROP TABLE IF EXISTS filings_searchtext",
    "DROP TABLE IF EXISTS filings_searchsource",
    "DROP TABLE IF EXISTS filings_searchfiling",
]

POSTGRESQL = [
    """CREATE TABLE filings_searchfiling (
        key bigserial PRIMARY KEY,
        accession varchar(20) NOT NULL UNIQUE,
        form varchar(40) NOT NULL DEFAULT '',
        filed_date date NULL
    )""",
    "CREATE INDEX filings_searchfiling_form ON filings_searchfiling (form)",
    """CREATE TABLE filings_searchsource (
        key bigint PRIMARY KEY REFERENCES filings_searchfiling (key) ON DELETE CASCADE,
        head text NOT NULL DEFAULT '',
        body_z bytea NULL
    )""",
    """CREATE INDEX filings_searchfiling_newest
        ON filings_searchfiling (filed_date DESC NULLS LAST, accession DESC)""",
    """CREATE TABLE filings_searchchunk (
        fkey bigint NOT NULL REFERENCES filings_searchfiling (key) ON DELETE CASCADE,
        n integer NOT NULL,
        multi boolean NOT NULL DEFAULT false,
        tsv tsvector NOT NULL,
        PRIMARY KEY (fkey, n)
    )""",
    "CREATE INDEX filings_searchchunk_tsv ON filings_searchchunk USING gin (tsv)",
    # The chunks of filings too long for one: words of one filing in different chunks.
    """CREATE INDEX filings_searchchunk_multi ON filings_searchchunk USING gin (tsv)
        WHERE multi""",
    """CREATE TABLE filings_searchfacet (
        fkey bigint NOT NULL REFERENCES filings_searchfiling (key) ON DELETE CASCADE,
        facet varchar(10) NOT NULL,
        value varchar(255) NOT NULL,
        PRIMARY KEY (facet, value, fkey)
    )""",
    "CREATE INDEX filings_searchfacet_fkey ON filings_searchfacet (fkey, facet, value)",
    """CREATE TABLE filings_searchname (
        id bigserial PRIMARY KEY,
        kind varchar(10) NOT NULL,
        ref bigint NOT NULL,
        name varchar(255) NOT NULL,
        token varchar(100) COLLATE "C" NOT NULL,
        source varchar(10) NOT NULL
    )""",
    "CREATE UNIQUE INDEX filings_searchname_token ON filings_searchname (token, kind, ref, name)",
    # No foreign key to filings_filing: Django's test flush truncates its tables without
    # CASCADE. Triggers keep the search rows in step instead.
    """CREATE FUNCTION filings_search_forget() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM filings_searchfiling WHERE accession = OLD.accession;
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION filings_search_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE filings_searchchunk, filings_searchfacet, filings_searchsource,
            filings_searchfiling, filings_searchname;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER filings_search_forget AFTER DELETE ON filings_filing
        FOR EACH ROW EXECUTE FUNCTION filings_search_forget()""",
    """CREATE TRIGGER filings_search_truncate AFTER TRUNCATE ON filings_filing
        FOR EACH STATEMENT EXECUTE FUNCTION filings_search_truncate()""",
]

POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS filings_search_truncate ON filings_filing",
    "DROP TRIGGER IF EXISTS filings_search_forget ON filings_filing",
    "DROP FUNCTION IF EXISTS filings_search_truncate()",
    "DROP FUNCTION IF EXISTS filings_search_forget()",
    "DROP TABLE IF EXISTS filings_searchname",
    "DROP TABLE IF EXISTS filings_searchfacet",
    "DROP TABLE IF EXISTS filings_searchchunk",
    "DROP TABLE IF EXISTS filings_searchsource",
    "DROP TABLE IF EXISTS filings_searchfiling",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [("filings", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}),
        ),
    ]
