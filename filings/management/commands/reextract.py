from django.core.management.base import BaseCommand

from filings import ingest
from filings.models import Filing


class Command(BaseCommand):
    help = (
        "Re-run people, event, organisation and exhibit extraction over stored filings, "
        "keeping people's identities and analysts' merges and splits."
    )

    def add_arguments(self, parser):
        parser.add_argument("accessions", nargs="*", help="only these filings (default: all)")

    def handle(self, *args, accessions, **options):
        filings = Filing.objects.select_related("raw").order_by("accession")
        if accessions:
            filings = filings.filter(accession__in=accessions)
        total = 0
        for filing in filings.iterator():
            events = ingest.reextract(filing)
            total += 1
            self.stdout.write(f"reextracted {filing.accession}: {events} events")
        self.stdout.write(f"{total} filings re-extracted")
