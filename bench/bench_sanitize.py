"""Time sanitize_html over the corpus's HTML documents.

Run from the repository root: .venv/bin/python bench/bench_sanitize.py
For comparison it also times plain bleach.clean with the same allow-list and
a bare lxml parse + serialize.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

import bleach  # noqa: E402
from bleach.css_sanitizer import CSSSanitizer  # noqa: E402
from lxml import etree  # noqa: E402

from filings import sanitize  # noqa: E402

DOCUMENT = re.compile(rb"<DOCUMENT>(.*?)</DOCUMENT>", re.S)
TEXT = re.compile(rb"<TEXT>(.*?)</TEXT>", re.S)
HTML_SNIFF = re.compile(rb"<(?:html|body|div|font|p|br)[\s>/]", re.I)


def html_documents(corpus: Path) -> list[str]:
    """Bodies of the documents that look like HTML (incl. inline XBRL)."""
    bodies = []
    for path in sorted(corpus.glob("*.txt")):
        for document in DOCUMENT.finditer(path.read_bytes()):
            text = TEXT.search(document.group(1))
            if text and HTML_SNIFF.search(text.group(1)[:4096]):
                bodies.append(text.group(1).decode("utf-8", "replace"))
    return bodies


def plain_bleach():
    cleaner = bleach.Cleaner(
        tags=sanitize.ALLOWED_TAGS,
        attributes=sanitize.ALLOWED_ATTRIBUTES,
        protocols=sanitize.ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        css_sanitizer=CSSSanitizer(allowed_css_properties=sanitize.ALLOWED_CSS_PROPERTIES),
    )
    return cleaner.clean


def lxml_roundtrip(html: str) -> str:
    parser = etree.HTMLParser(encoding="utf-8")
    root = etree.fromstring(html.encode("utf-8"), parser)
    return etree.tostring(root, method="html", encoding="unicode")


def measure(function, bodies: list[str]) -> list[float]:
    times = []
    for body in bodies:
        start = time.perf_counter()
        function(body)
        times.append(time.perf_counter() - start)
    return times


def report(name: str, times: list[float], megabytes: float) -> None:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    print(
        f"{name:<16} {megabytes / sum(times):7.2f} MB/s   "
        f"p50 {statistics.median(times) * 1000:7.1f} ms   "
        f"p95 {p95 * 1000:7.1f} ms   max {max(times) * 1000:7.1f} ms"
    )


def main() -> int:
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}; nothing to measure")
        return 0
    bodies = html_documents(CORPUS)
    megabytes = sum(len(b.encode("utf-8")) for b in bodies) / 1e6
    print(f"{len(bodies)} HTML documents, {megabytes:.1f} MB")
    report("sanitize_html", measure(sanitize.sanitize_html, bodies), megabytes)
    report("bleach.clean", measure(plain_bleach(), bodies), megabytes)
    report("lxml roundtrip", measure(lxml_roundtrip, bodies), megabytes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
