from django.core.management.base import BaseCommand
from django.db import transaction

from filings import annotations, edgar, render, sanitize
from filings.ingest import render_document, same_filing_resolver
from filings.models import ORPHANED, RELOCATED, Document, Filing


class Command(BaseCommand):
    help = (
        "Re-render stored documents whose sanitized HTML or plain text was made by an "
        "older sanitizer or text version (or all of them with --all)."
    )

    def add_arguments(self, parser):
        parser.add_argument("accessions", nargs="*", help="only these filings")
        parser.add_argument("--all", action="store_true", help="re-render every document")

    def handle(self, *args, accessions, all, **options):
        stale = Document.objects.all()
        if not all:
            stale = stale.exclude(
                sanitizer_version=sanitize.SANITIZER_VERSION, text_version=render.TEXT_VERSION
            )
        if accessions:
            stale = stale.filter(filing__accession__in=accessions)
        filing_ids = stale.values_list("filing_id", flat=True).distinct().order_by("filing_id")
        documents = 0
        for filing in Filing.objects.filter(pk__in=list(filing_ids)).select_related("raw"):
            sub = edgar.parse(filing.raw.read(), name=filing.raw.original_name)
            resolve = same_filing_resolver(sub)
            with transaction.atomic():
                documents += self.rerender(filing, sub, resolve)
                # A changed plain text moves the notes on it: placed again, in the same
                # transaction, or listed as orphans.
                placed = annotations.reanchor(filing)
            moved = placed[RELOCATED] + placed[ORPHANED]
            note = f" ({moved} notes relocated or orphaned)" if moved else ""
            self.stdout.write(f"resanitized {filing.accession}{note}")
        self.stdout.write(f"{documents} documents re-rendered")

    def rerender(self, filing, sub, resolve) -> int:
        documents = 0
        for doc in filing.documents.order_by("position"):
            if doc.position >= len(sub.documents):
                continue
            prepared = render_document(sub.documents[doc.position], resolve)
            doc.html = prepared.html
            doc.text = prepared.text
            doc.text_hash = prepared.text_hash
            doc.sanitizer_version = sanitize.SANITIZER_VERSION
            doc.text_version = render.TEXT_VERSION
            doc.save(
                update_fields=["html", "text", "text_hash", "sanitizer_version", "text_version"]
            )
            documents += 1
        return documents
