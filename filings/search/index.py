"""Writing the index: inside the caller's transaction, so a filing and its search rows
commit together."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from ..models import Filing
from . import backend as backends
from .notes import reindex_notes
from .records import build_records

INDEX_BATCH = 200


def index_filing(filing: Filing | str, texts: list[str] | None = None) -> None:
    """(Re)index one filing, inside the caller's transaction. `texts`: its documents' text
    in position order (the non-empty ones), when the caller has it in memory; the list is
    emptied as it is indexed, so a large filing's text leaves memory as it goes."""
    accession = filing if isinstance(filing, str) else filing.accession
    if texts is None:
        index_filings([accession])
    else:
        backends.current().write(build_records([accession], {accession: texts}))


def index_filings(accessions: Sequence[str]) -> int:
    """(Re)index filings in batches; returns how many were indexed."""
    backend = backends.current()
    done = 0
    for i in range(0, len(accessions), INDEX_BATCH):
        records = build_records(accessions[i : i + INDEX_BATCH])
        backend.write(records)
        done += len(records)
    return done


def loading(files: int, defer: bool | None = None):
    """Around storing a batch of files one transaction each: on PostgreSQL, a batch large
    beside the store loads with the word indexes absent and builds them at its end (see
    postgres.defers). Yields whether it does."""
    return backends.current().load(files, defer)


def restore_indexes() -> list[str]:
    """Rebuild the word indexes an interrupted load left absent (none while a load runs)."""
    return backends.current().restore_indexes()


def remove_filing(accession: str) -> None:
    backends.current().remove([accession])


def reindex(stdout=None) -> int:
    """Rebuild every search table from the stored filings (oldest first) and notes."""
    backend = backends.current()
    accessions = list(
        Filing.objects.order_by("filed_date", "accession").values_list("accession", flat=True)
    )
    total = len(accessions)
    with transaction.atomic():
        backend.clear()
        done = 0
        with backend.bulk():
            for i in range(0, total, INDEX_BATCH):
                records = build_records(accessions[i : i + INDEX_BATCH])
                backend.write(records, fresh=True)
                done += len(records)
                if stdout is not None:
                    stdout.write(f"indexed {done}/{total} filings")
        backend.optimize()
        reindex_notes()
    return done
