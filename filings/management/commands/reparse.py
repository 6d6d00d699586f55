import sys

from django.core.management.base import BaseCommand

from filings import edgar, ingest
from filings.models import Filing


class Command(BaseCommand):
    help = "Re-parse stored filings from their raw uploads (after a reader improvement)."

    def add_arguments(self, parser):
        parser.add_argument("accessions", nargs="*", help="only these filings (default: all)")
        parser.add_argument(
            "--all", action="store_true", help="also filings already at the current parser version"
        )

    def handle(self, *args, accessions, all, **options):
        filings = Filing.objects.select_related("raw").order_by("accession")
        if accessions:
            filings = filings.filter(accession__in=accessions)
        elif not all:
            filings = filings.exclude(parser_version=edgar.PARSER_VERSION)
        failed = done = 0
        for filing in filings.iterator():
            try:
                prepared = ingest.prepare(
                    filing.raw.read(), filing.raw.original_name or filing.accession
                )
                ingest.replace(prepared)
            except ingest.Refused as exc:
                failed += 1
                self.stdout.write(
                    f"failed    {filing.accession}: {exc} (stored rows left as they were)"
                )
                continue
            done += 1
            self.stdout.write(f"reparsed  {filing.accession}")
        self.stdout.write(f"{done} reparsed, {failed} failed")
        if failed:
            sys.exit(1)
