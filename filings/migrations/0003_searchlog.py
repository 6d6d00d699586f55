"""The search log: which filings' search rows changed, in commit order.

Each process keeps the facet values of every indexed filing in memory
(filings.search.facets) and reads this log before a search to learn what changed since.
filings.search adds a row for each write; removals are logged by triggers, so rows that
go with a deleted filing (cascade, Django's flush, TRUNCATE) are seen as well.
"""

from django.db import migrations

SQLITE = [
    """CREATE TABLE filings_searchlog (
        generation INTEGER PRIMARY KEY,
        token varchar(32) NOT NULL,
        keys text NOT NULL
    )""",
    """CREATE TRIGGER filings_searchlog_forget AFTER DELETE ON filings_searchfiling
    BEGIN
        INSERT INTO filings_searchlog (generation, token, keys)
        SELECT COALESCE(max(generation), 0) + 1, lower(hex(randomblob(8))), OLD.key
        FROM filings_searchlog;
    END""",
]

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS filings_searchlog_forget",
    "DROP TABLE IF EXISTS filings_searchlog",
]

POSTGRESQL = [
    """CREATE TABLE filings_searchlog (
        generation bigint PRIMARY KEY,
        token varchar(32) NOT NULL,
        keys text NOT NULL
    )""",
    # Writers take turns on the log (until they commit), so generations commit in order.
    """CREATE FUNCTION filings_searchlog_add(changed text) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
        LOCK TABLE filings_searchlog IN SHARE ROW EXCLUSIVE MODE;
        INSERT INTO filings_searchlog (generation, token, keys)
        SELECT COALESCE(max(generation), 0) + 1, md5(random()::text), changed
        FROM filings_searchlog;
    END $$""",
    """CREATE FUNCTION filings_searchlog_forget() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF EXISTS (SELECT 1 FROM gone) THEN
            PERFORM filings_searchlog_add((SELECT string_agg(CAST(key AS text), ',') FROM gone));
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER filings_searchlog_forget AFTER DELETE ON filings_searchfiling
        REFERENCING OLD TABLE AS gone
        FOR EACH STATEMENT EXECUTE FUNCTION filings_searchlog_forget()""",
    # Emptying filings_filing empties the search tables (0002's trigger): say so.
    """CREATE OR REPLACE FUNCTION filings_search_truncate() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE filings_searchchunk, filings_searchfacet, filings_searchsource,
            filings_searchfiling, filings_searchname;
        PERFORM filings_searchlog_add('*');
        RETURN NULL;
    END $$""",
]

POSTGRESQL_DROP = [
    """CREATE OR REPLACE FUNCTION filings_search_truncate() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE filings_searchchunk, filings_searchfacet, filings_searchsource,
            filings_searchfiling, filings_searchname;
        RETURN NULL;
    END $$""",
    "DROP TRIGGER IF EXISTS filings_searchlog_forget ON filings_searchfiling",
    "DROP FUNCTION IF EXISTS filings_searchlog_forget()",
    "DROP FUNCTION IF EXISTS filings_searchlog_add(text)",
    "DROP TABLE IF EXISTS filings_searchlog",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [("filings", "0002_search")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}),
        ),
    ]
