import csv
import json
import sys

from django.core.management.base import BaseCommand

from filings.export import KINDS, ROWS


class Command(BaseCommand):
    help = "Write extracted events, organizations or exhibits as JSON lines or CSV."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=KINDS)
        parser.add_argument("accessions", nargs="*", help="only these filings")
        parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
        parser.add_argument("--out", help="file to write (default: standard output)")

    def handle(self, *args, kind, accessions, format, out, **options):
        stream = open(out, "w", newline="", encoding="utf-8") if out else sys.stdout
        try:
            count = write(ROWS[kind](accessions or None), format, stream)
        finally:
            if out:
                stream.close()
        if out:
            self.stderr.write(f"{count} {kind} rows written to {out}")


def write(rows, format, stream) -> int:
    count = 0
    writer = None
    for row in rows:
        if format == "jsonl":
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            if writer is None:
                writer = csv.DictWriter(stream, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
        count += 1
    return count
