import csv
import json

from django.core.management.base import BaseCommand, CommandError

from filings import w3c
from filings.export import (
    ANNOTATION_COLUMNS,
    BATCH,
    COLUMNS,
    KINDS,
    ROWS,
    annotations_as_rows,
    select_annotations,
)
from filings.models import Annotation

FORMATS = {"annotations": ("jsonld", "csv")}


class Command(BaseCommand):
    help = (
        "Write extracted events, organizations or exhibits as JSON lines or CSV, or every "
        "live note (all visibilities) as W3C Web Annotations (JSON-LD) or CSV."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        # Accessions may follow the options too: `export events --format csv ACCESSION`.
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.parse_args = parser.parse_intermixed_args
        return parser

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=(*KINDS, "annotations"))
        parser.add_argument("accessions", nargs="*", help="only these filings")
        parser.add_argument(
            "--format",
            choices=("jsonl", "jsonld", "csv"),
            help="jsonl or csv (default jsonl); for annotations jsonld or csv (default jsonld)",
        )
        parser.add_argument("--out", help="file to write (default: standard output)")
        parser.add_argument(
            "--base-url",
            default="",
            help="for annotations: the site's address (https://filings.example.org), which "
            "makes the notes' ids and document URLs whole; by default they are paths",
        )

    def handle(self, *args, kind, accessions, format, out, base_url, **options):
        formats = FORMATS.get(kind, ("jsonl", "csv"))
        format = format or formats[0]
        if format not in formats:
            raise CommandError(f"{kind} are written as {' or '.join(formats)}, not {format}.")
        stream = open(out, "w", newline="", encoding="utf-8") if out else self.stdout
        try:
            if kind == "annotations":
                count = write_annotations(accessions, format, stream, base_url.rstrip("/"))
            else:
                count = write(ROWS[kind](accessions or None), format, stream, COLUMNS[kind])
        finally:
            if out:
                stream.close()
        if out:
            self.stderr.write(f"{count} {kind} rows written to {out}")


def write_annotations(accessions, format, stream, base_url) -> int:
    # The operator's export: every live note, whoever may see it.
    notes = select_annotations(
        Annotation.objects.all(), {"accession": accessions} if accessions else {}
    )
    if format == "csv":
        return write(
            annotations_as_rows(notes.iterator(chunk_size=BATCH)),
            format,
            stream,
            ANNOTATION_COLUMNS,
        )
    items = w3c.annotations_of(notes.iterator(chunk_size=BATCH), lambda path: base_url + path)
    return w3c.write(stream, items, notes.count())


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
