"""What a comparison of two 1 MB annual reports costs the server (not a test).

    .venv/bin/python bench/bench_compare.py [--requests 10] [--size 1000000]

Uses a throwaway data folder (SQLite) unless DATABASE_URL is set. Writes a 10-K of
about 1 MB of text (four parts, twenty items, prose paragraphs and "$" table lines) and
a year-later one with one paragraph in twenty reworded, paragraphs inserted and
deleted, and one item moved; stores both, and both again as two versions of a third
accession. Prints, p50 and max of --requests runs:
- the comparison alone (pairing documents, aligning sections and paragraphs, marking
  words), and the whole page (Django test client: queries, comparison, template);
  target for the page: under 1 s;
- the same page for two versions of one accession, the first request (the old version's
  upload read and its text rendered again) apart from the next ones (kept per process);
- the machine's load average before and after, since the figures move with it.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

from measure import load, setup_django

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PAGE_TARGET_S = 1.0
ITEMS = (
    ("I", ["1", "1A", "1B", "2", "3", "4"]),
    ("II", ["5", "6", "7", "7A", "8", "9", "9A", "9B"]),
    ("III", ["10", "11", "12", "13", "14"]),
    ("IV", ["15"]),
)
FIRST, LATER, TWICE = "0000950123-25-000001", "0000950123-26-000002", "0000950123-25-000003"


def report_text(size: int, rng: random.Random) -> list[tuple[str, list[str]]]:
    """Items as (heading, paragraphs) adding up to about `size` characters."""
    vocabulary = [
        "".join(rng.choice("abcdefghijklmnoprstuvwy") for _ in range(rng.randint(2, 10)))
        for _ in range(4000)
    ]
    items = [
        (f"PART {part}" if i == 0 else "", f"Item {code}. Heading of item {code}")
        for part, codes in ITEMS
        for i, code in enumerate(codes)
    ]
    per_item = size // len(items)
    out = []
    for part, heading in items:
        paragraphs, written = [], 0
        while written < per_item:
            if rng.random() < 0.2:
                rows = [f"{rng.choice(vocabulary)}\t$\t{rng.randint(1, 99999):,}" for _ in range(8)]
                paragraph = "\n".join(rows)
            else:
                words = [rng.choice(vocabulary) for _ in range(rng.randint(40, 140))]
                paragraph = " ".join(words).capitalize() + "."
            paragraphs.append(paragraph)
            written += len(paragraph) + 2
        out.append(((part + "\n\n" if part else "") + heading, paragraphs))
    return out


def revised(items, rng: random.Random):
    """A year later: one paragraph in twenty reworded, one in fifty gone, one in fifty
    new, and Item 1B moved after Item 2."""
    out = []
    for heading, paragraphs in items:
        new = []
        for p in paragraphs:
            roll = rng.random()
            if roll < 0.02:
                continue
            if roll < 0.07:
                words = p.split(" ")
                i = rng.randrange(len(words))
                words[i : i + 3] = ["revised", "wording", "here"]
                p = " ".join(words)
            new.append(p)
            if rng.random() < 0.02:
                new.append("An added paragraph about the year, with new facts and figures.")
        out.append((heading, new))
    order = [h.split("\n")[-1] for h, _ in out]
    i, j = order.index("Item 1B. Heading of item 1B"), order.index("Item 2. Heading of item 2")
    out[i], out[j] = out[j], out[i]
    return out


def submission(accession: str, filed: str, items) -> bytes:
    from tests.fixtures import HEADER, document

    body = "ANNUAL REPORT\n\n" + "\n\n".join(h + "\n\n" + "\n\n".join(ps) for h, ps in items)
    header = HEADER.format(
        acc=accession,
        form="10-K",
        count=1,
        filed=filed,
        company="BENCH WIDGETS INC",
        cik="0000123456",
        extra_parties="",
    )
    return (
        header + document("10-K", 1, "d10k.txt", "ANNUAL REPORT", body) + "</SEC-DOCUMENT>\n"
    ).encode()


def timed(fn, runs: int) -> tuple[list[float], object]:
    times, value = [], None
    for _ in range(runs):
        started = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - started)
    return times, value


def show(label: str, times: list[float], target: float | None = None) -> None:
    verdict = ""
    if target is not None:
        verdict = (
            "  ok" if statistics.median(times) < target else f"  OVER the {target:.0f} s target"
        )
    print(
        f"{label:<52} p50 {statistics.median(times) * 1000:7.1f} ms   max {max(times) * 1000:7.1f} ms"
        f"{verdict}"
    )


def bench_worst_cases(args) -> None:
    """Text shapes that make diff algorithms slow: two unrelated reports (every paragraph
    changed), and a report with no blank lines at all (one block of 10,000 lines)."""
    from filings import diffs

    rng = random.Random(5)

    def flat(items):
        return "\n\n".join(h + "\n\n" + "\n\n".join(ps) for h, ps in items)

    one, other = flat(report_text(args.size, rng)), flat(report_text(args.size, rng))
    times, result = timed(lambda: diffs.compare_texts(one, other, "10-K", "10-K"), args.requests)
    show("worst case: two unrelated reports (diff alone)", times, PAGE_TARGET_S)
    print(f"  budget exhausted: {result.whole_paragraphs}")
    lines = one.replace("\n\n", "\n")
    edited = lines.replace(" the", " a", 200)
    times, result = timed(lambda: diffs.compare_texts(lines, edited, "", ""), args.requests)
    show("worst case: no blank lines (diff alone)", times, PAGE_TARGET_S)
    print(f"  budget exhausted: {result.whole_paragraphs}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=10, help="runs of each timing")
    parser.add_argument("--size", type=int, default=1_000_000, help="text size of each report")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", "No directory at")
    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(data_dir)
        from django.test import Client

        from filings import comparisons, ingest
        from filings.models import Filing

        print(f"load before: {load()}")
        rng = random.Random(17)
        first = report_text(args.size, rng)
        later = revised(first, rng)
        for data, name in (
            (submission(FIRST, "20250301", first), "first.txt"),
            (submission(LATER, "20260301", later), "later.txt"),
            (submission(TWICE, "20250301", first), "twice.txt"),
            (submission(TWICE, "20250301", later), "twice-again.txt"),  # its version 2
        ):
            result = ingest.ingest(data, name)
            assert result.ok, result.message
        a, b = Filing.objects.get(accession=FIRST), Filing.objects.get(accession=LATER)
        sizes = [len(d.text) for d in (*a.documents.all(), *b.documents.all())]
        assert Filing.objects.get(accession=TWICE).version == 2
        print(f"two 10-Ks, main document text {sizes[0]:,} and {sizes[1]:,} characters")

        def alone():
            return comparisons.compare(comparisons.side(a), comparisons.side(b))

        times, result = timed(alone, args.requests)
        show("comparison alone (two filings)", times)
        print(
            f"  {result.sections_changed} sections changed, +{result.words_added} "
            f"-{result.words_removed} words, budget exhausted: {result.budget.exhausted}"
        )
        client = Client(HTTP_HOST="127.0.0.1")
        url = comparisons.compare_url(FIRST, LATER)

        def page():
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            return len(response.content)

        times, length = timed(page, args.requests)
        show("compare page, two filings", times, PAGE_TARGET_S)
        print(f"  page of {length / 1e6:.1f} MB")
        versions = comparisons.compare_url(TWICE, TWICE, 1, 2)
        comparisons.SNAPSHOTS.clear()

        def version_page():
            response = client.get(versions)
            assert response.status_code == 200, response.status_code
            assert b"<strong>20 sections changed</strong>" in response.content

        cold, _ = timed(version_page, 1)
        show("compare page, two versions, first request", cold)
        times, _ = timed(version_page, args.requests)
        show("compare page, two versions, next requests", times, PAGE_TARGET_S)
        bench_worst_cases(args)
        print(f"load after : {load()}")


if __name__ == "__main__":
    main()
