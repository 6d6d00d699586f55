"""PostgreSQL: each search chunk also keeps its runs of two and three words (`grams`).

A phrase is then one index lookup instead of a re-check of every candidate's tsvector
(filings.search.postgres.pg_needs). Chunks written before this migration have no runs, so a
store that already has filings must be re-indexed: `manage.py reindex`.
"""

from django.db import migrations

POSTGRESQL = [
    "ALTER TABLE filings_searchchunk ADD COLUMN grams tsvector NOT NULL DEFAULT ''",
    "CREATE INDEX filings_searchchunk_grams ON filings_searchchunk USING gin (grams)",
    """CREATE INDEX filings_searchchunk_grams_multi ON filings_searchchunk USING gin (grams)
        WHERE multi""",
]

POSTGRESQL_DROP = [
    "DROP INDEX IF EXISTS filings_searchchunk_grams_multi",
    "DROP INDEX IF EXISTS filings_searchchunk_grams",
    "ALTER TABLE filings_searchchunk DROP COLUMN IF EXISTS grams",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)
        if statements is POSTGRESQL:
            with schema_editor.connection.cursor() as cur:
                cur.execute("SELECT EXISTS (SELECT 1 FROM filings_searchchunk)")
                if cur.fetchone()[0]:
                    print(
                        "\n  Search: phrases need the new word runs; "
                        "run `manage.py reindex` once."
                    )

    return operation


class Migration(migrations.Migration):
    dependencies = [("filings", "0003_searchlog")]

    operations = [migrations.RunPython(run(POSTGRESQL), run(POSTGRESQL_DROP))]
