"""What notes cost the reading view, and re-anchoring them when a text changes (not a test).

    .venv/bin/python bench/bench_annotations.py [--requests 50]

Uses a throwaway data folder (SQLite) unless DATABASE_URL is set, and the Internap 8-K
(the shared corpus's copy when present, else the bundled sample). Prints:
- the filing page's server time (Django test client, as an analyst who sees every note)
  on its main document without notes and with 200 notes (and 50 replies), p50/p95 and the
  difference of the p95s, with the queries each page takes; target: within 10 ms;
- re-anchoring 1,000 notes after a paragraph is inserted at the start of the text (every
  note moves: found again by its quote and context), and after that insertion plus a
  changed letter in every tenth word (some notes need the fuzzy match); target < 2 s for
  the first;
- the machine's load average before and after, since both figures move with it.
"""

import argparse
import itertools
import os
import re
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

from measure import load, percentile, setup_django

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CORPUS = Path(os.environ.get("EDGAR_CORPUS") or REPO.parent / "shared" / "corpus")

PAGE_TARGET_MS = 10
REANCHOR_TARGET_S = 2
TAGS = ["guidance", "board", "13D", "follow up", "litigation", "merger"]
INSERTED = (
    "Editor's note: this paragraph was added at the start of the document, so that every "
    "offset after it moves by its length while the quoted passages stay as they were.\n\n"
)


def store_sample():
    from filings import ingest
    from filings.models import SAMPLE_PATH, Filing

    corpus = CORPUS / SAMPLE_PATH.name
    path = corpus if corpus.is_file() else SAMPLE_PATH
    result = ingest.ingest(path.read_bytes(), path.name)
    assert result.ok, result.message
    origin = "shared corpus" if path == corpus else "bundled sample"
    return Filing.objects.get(accession=result.accession), origin


def spans(text: str, count: int) -> list[tuple[int, int]]:
    """`count` word runs (one to four words) spread evenly over the text; a short text
    is gone over again, so some passages carry several notes, as busy ones do."""
    words = [m.span() for m in re.finditer(r"[A-Za-z][A-Za-z'-]{3,}", text)]
    step = len(words) / count
    out = []
    for i in range(count):
        first = int(i * step) if step >= 1 else i % len(words)
        last = min(len(words) - 1, first + i % 4)
        out.append((words[first][0], words[last][1]))
    return out


def write_notes(user, filing, document, count: int, replies: int = 0) -> list:
    from filings import annotations
    from filings.models import Document

    text = Document.objects.values_list("text", flat=True).get(pk=document.pk)
    notes = []
    for i, (start, end) in enumerate(spans(text, count)):
        target = annotations.Target(
            filing, document, start, end, text[start:end], document.text_hash
        )
        notes.append(
            annotations.create(
                user,
                target,
                body=f"Note {i}: **worth** a look, see [the filing](https://www.sec.gov/).",
                tags=[TAGS[i % len(TAGS)], TAGS[(i + 2) % len(TAGS)]],
                visibility=("public", "team", "private")[i % 3],
            )
        )
    for note in notes[:replies]:
        annotations.reply(user, note, "Agreed; the 10-Q says the same.")
    return notes


def time_page(client, url: str, n: int) -> tuple[list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):  # warm
        assert client.get(url).status_code == 200
    timings = []
    for _ in range(n):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return timings, len(queries)


def bench_page(filing, document, user, n: int) -> None:
    from django.test import Client

    from filings.models import Annotation

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    url = f"/filings/{filing.accession}/{document.slug}/"
    bare, bare_queries = time_page(client, url, n)
    write_notes(user, filing, document, 200, replies=50)
    shown = Annotation.objects.filter(filing=filing).count()
    noted, noted_queries = time_page(client, url, n)
    # The page loads the document's notes (sidebar and marks) as a fragment of their own.
    notes_url = f"/filings/{filing.accession}/{document.slug}/notes"
    sidebar = client.get(notes_url).content.decode()
    assert sidebar.count('data-note="') == 200, "the sidebar should list all 200 notes"
    fragment, fragment_queries = time_page(client, notes_url, n)
    print(f"filing page {url} ({n} requests each, as an analyst who sees every note)")
    for label, values, queries in (
        ("no notes", bare, bare_queries),
        (f"200 notes, {shown - 200} replies", noted, noted_queries),
        ("  its notes fragment", fragment, fragment_queries),
    ):
        print(
            f"  {label:24}: p50 {statistics.median(values):6.1f} ms  "
            f"p95 {percentile(values, 95):6.1f} ms  ({queries} queries)"
        )
    difference = percentile(noted, 95) - percentile(bare, 95)
    verdict = "ok" if difference <= PAGE_TARGET_MS else "OVER"
    print(
        f"  p95 difference          : {difference:+6.1f} ms  (target <= {PAGE_TARGET_MS} ms: {verdict})"
    )


def change_text(document, text: str) -> None:
    from filings import render
    from filings.models import Document

    Document.objects.filter(pk=document.pk).update(text=text, text_hash=render.text_hash(text))


def bench_reanchor(filing, document, user) -> None:
    from django.db import transaction

    from filings import annotations
    from filings.models import Annotation, Document

    have = Annotation.objects.filter(filing=filing, parent=None).count()
    write_notes(user, filing, document, 1000 - have)
    total = Annotation.objects.filter(filing=filing, parent=None).count()
    original = Document.objects.values_list("text", flat=True).get(pk=document.pk)

    every_tenth = itertools.count()

    def typo(match):
        word = match.group(0)
        if next(every_tenth) % 10:
            return word
        return word[:-1] + ("x" if word[-1] != "x" else "y")

    cases = [
        ("a paragraph inserted at the start", INSERTED + original),
        (
            "... and a letter changed in every 10th word",
            INSERTED + re.sub(r"\w{4,}", typo, original),
        ),
    ]
    print(f"re-anchoring {total} notes on a {len(original):,}-character text")
    for label, text in cases:
        change_text(document, text)
        with transaction.atomic():
            start = time.perf_counter()
            counts = annotations.reanchor(filing)
            seconds = time.perf_counter() - start
            transaction.set_rollback(True)  # each case starts from the notes as written
        change_text(document, original)
        verdict = ""
        if label.startswith("a paragraph"):
            verdict = f"  (target < {REANCHOR_TARGET_S} s: {'ok' if seconds < REANCHOR_TARGET_S else 'OVER'})"
        shown = ", ".join(f"{n} {state}" for state, n in counts.items())
        print(f"  {label:44}: {seconds:6.2f} s  {shown}{verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=50, help="requests per page timing")
    args = parser.parse_args()
    # Static files are served from the finders here; there is no collected folder.
    warnings.filterwarnings("ignore", "No directory at")
    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(data_dir)
        from filings import accounts

        print(f"load before: {load()}")
        filing, origin = store_sample()
        document = filing.documents.without_bodies().order_by("position")[0]
        print(f"filing {filing.accession} ({origin}), document {document.slug}")
        user = accounts.add_user("bench", "analyst", password="bench-password-1", teams=["desk"])
        bench_page(filing, document, user, args.requests)
        bench_reanchor(filing, document, user)
        print(f"load after : {load()}")


if __name__ == "__main__":
    main()
