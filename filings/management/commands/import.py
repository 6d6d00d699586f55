import json
import sys

from django.core.management.base import BaseCommand, CommandError

from filings import w3c


class Command(BaseCommand):
    help = (
        "Read notes back from W3C Web Annotations (JSON-LD: a collection or a list), as "
        "`export annotations` writes them. Authors and teams map by name; a note already "
        "there is not written twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=("annotations",))
        parser.add_argument("file", help="the .jsonld file")

    def handle(self, *args, kind, file, **options):
        try:
            with open(file, encoding="utf-8") as stream:
                data = json.load(stream)
            result = w3c.import_annotations(data)
        except OSError as exc:
            raise CommandError(f"{file}: {exc.strerror}") from None
        except ValueError as exc:  # JSONDecodeError is one
            raise CommandError(f"{file}: {exc}") from None
        for line in result.problems:
            self.stdout.write(line)
        self.stdout.write(
            f"{result.imported + result.existing + result.skipped} notes: {result.imported} "
            f"imported, {result.existing} already there, {result.skipped} skipped"
        )
        if result.skipped:
            sys.exit(1)
