"""An integrity check of the store: the database's own check (SQLite), then every filing
complete (its raw file in storage, every document of that file stored, its search row)
and every raw file's bytes present. Exit status 1 when anything is wrong."""

import sys

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.models import Count

from filings.models import Filing, RawFile


def database_problems() -> list[str]:
    if connection.vendor != "sqlite":
        return []  # PostgreSQL has no partial pages to look for; its writes are atomic
    with connection.cursor() as cur:
        cur.execute("PRAGMA integrity_check")
        problems = [row[0] for row in cur.fetchall() if row[0] != "ok"]
        cur.execute("PRAGMA foreign_key_check")
        problems += [f"foreign key: {row}" for row in cur.fetchall()]
    return problems


def filing_problems() -> list[str]:
    problems = []
    with connection.cursor() as cur:
        cur.execute("SELECT accession FROM filings_searchfiling")
        indexed = {row[0] for row in cur.fetchall()}
    filings = Filing.objects.select_related("raw").annotate(stored=Count("documents"))
    for filing in filings.only("accession", "document_count", "raw__blob"):
        if filing.stored != filing.document_count:
            problems.append(
                f"{filing.accession}: {filing.stored} of {filing.document_count} documents"
            )
        if filing.accession not in indexed:
            problems.append(f"{filing.accession}: not in the search index")
    for raw in RawFile.objects.only("accession", "version", "blob"):
        if not default_storage.exists(raw.blob):
            problems.append(f"{raw.accession} version {raw.version}: bytes missing ({raw.blob})")
    return problems


class Command(BaseCommand):
    help = "Check the store: database integrity, every filing complete, every raw file present."

    def handle(self, *args, **options):
        problems = database_problems() + filing_problems()
        for problem in problems:
            self.stdout.write(problem)
        self.stdout.write(
            f"{Filing.objects.count()} filings, {RawFile.objects.count()} raw files: "
            + (f"{len(problems)} problems" if problems else "all complete")
        )
        if problems:
            sys.exit(1)
