from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from filings import ingest
from filings.models import SAMPLE_PATH


class Command(BaseCommand):
    help = "Load the sample filing (the 2004 Internap 8-K): the real one from the shared corpus when present."

    def handle(self, *args, **options):
        corpus = settings.BASE_DIR.parent / "shared" / "corpus" / SAMPLE_PATH.name
        path = corpus if corpus.is_file() else SAMPLE_PATH
        result = ingest.ingest(path.read_bytes(), path.name)
        if not result.ok:
            raise CommandError(f"The sample filing was refused: {result.message}")
        origin = "the shared corpus" if path == corpus else "the bundled sample"
        self.stdout.write(f"Sample filing {result.accession}: {result.status} (from {origin})")
