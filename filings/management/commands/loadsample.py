from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from filings import ingest

SAMPLE = "0001193125-04-218426.txt"  # Internap Network Services, 8-K, 2004-12-22


class Command(BaseCommand):
    help = "Load the sample filing (the 2004 Internap 8-K): the real one from the shared corpus when present."

    def handle(self, *args, **options):
        corpus = settings.BASE_DIR.parent / "shared" / "corpus" / SAMPLE
        bundled = Path(__file__).resolve().parents[2] / "sample" / SAMPLE
        path = corpus if corpus.is_file() else bundled
        result = ingest.ingest(path.read_bytes(), path.name)
        if not result.ok:
            raise CommandError(f"The sample filing was refused: {result.message}")
        origin = "the shared corpus" if path == corpus else "the bundled sample"
        self.stdout.write(f"Sample filing {result.accession}: {result.status} (from {origin})")
