from django.core.management.base import BaseCommand

from filings import search


class Command(BaseCommand):
    help = "Rebuild the search index (full text, facets, typeahead names) from stored filings."

    def handle(self, *args, **options):
        done = search.reindex(stdout=self.stdout)
        self.stdout.write(f"{done} filings indexed")
