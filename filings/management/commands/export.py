import csv
import json

from django.core.management.base import BaseCommand

from filings.export import COLUMNS, KINDS, ROWS


class Command(BaseCommand):
    help = "Write extracted events, organizations or exhibits as JSON lines or CSV."

    def create_parser(self, prog_name, subcommand, **kwargs):
        # Accessions may follow the options too: `export events --format csv ACCESSION`.
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.parse_args = parser.parse_intermixed_args
        return parser

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=KINDS)
        parser.add_argument("accessions", nargs="*", help="only these filings")
        parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
        parser.add_argument("--out", help="file to write (default: standard output)")

    def handle(self, *args, kind, accessions, format, out, **options):
        stream = open(out, "w", newline="", encoding="utf-8") if out else self.stdout
        try:
            count = write(ROWS[kind](accessions or None), format, stream, COLUMNS[kind])
        finally:
            if out:
                stream.close()
        if out:
            self.stderr.write(f"{count} {kind} rows written to {out}")


def write(rows, format, stream, columns) -> int:
    count = 0
    writer = None
    if format == "csv":
        writer = csv.DictWriter(stream, fieldnames=columns)
        writer.writeheader()
    for row in rows:
        if writer is None:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            writer.writerow(row)
        count += 1
    return count
