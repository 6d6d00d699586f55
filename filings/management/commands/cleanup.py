"""Files in storage that nothing in the database refers to: raw blobs written by an ingest
that was killed (or failed) before its transaction committed, waiting upload files of
batches already ingested or gone, and leftovers of health checks. A dry run by default."""

import datetime as dt
from collections.abc import Iterator

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from filings.models import RawFile, UploadFile
from filings.models.uploads import FAILED, UNFINISHED


def walk(folder: str = "") -> Iterator[str]:
    folders, files = default_storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from walk(f"{folder}/{sub}" if folder else sub)


class Command(BaseCommand):
    help = "List (or with --delete, remove) stored files that no filing or upload refers to."

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="remove them (default: list)")
        parser.add_argument(
            "--older-than",
            type=int,
            default=60,
            metavar="MINUTES",
            help="only files at least this old, so an ingest still writing keeps its blob "
            "(default 60)",
        )

    def handle(self, *args, delete, older_than, **options):
        blobs = set(RawFile.objects.values_list("blob", flat=True))
        waiting = set(
            UploadFile.objects.filter(status__in=[*UNFINISHED, FAILED]).values_list(
                "stored_as", flat=True
            )
        )
        cutoff = timezone.now() - dt.timedelta(minutes=older_than)
        found = size = 0
        for name in walk():
            kept = name in waiting if name.startswith("uploads/") else name in blobs
            if kept or default_storage.get_modified_time(name) > cutoff:
                continue
            found += 1
            size += default_storage.size(name)
            self.stdout.write(f"{'removed' if delete else 'unreferenced'} {name}")
            if delete:
                default_storage.delete(name)
        verb = "removed" if delete else "found (run with --delete to remove them)"
        self.stdout.write(f"{found} unreferenced files, {size:,} bytes, {verb}")
