"""Parse benchmark for filings.edgar.

Run: .venv/bin/python bench/bench_parse.py [--rounds 5] [--size-mb 100] [--quick] [--edgartools]

(a) parse() over every main corpus file, single process: files/s and MB/s
(b) a bare regex split of <DOCUMENT>...</DOCUMENT> blocks over the same bytes, as a floor
(c) a generated submission of >= 100 MB with >= 500 documents: parse time, MB/s, and the peak
    RSS of a fresh process that reads and parses it, against 2.5 x size + 150 MB
(d) headers with 400/800/1,600 FILER sections: parse time (target < 60 ms at 1,600) and growth
(e) when edgartools is installed (the `bench` extra): parse() against its FilingSGML.from_text
    on the same corpus files in memory, passes interleaved (target: 3x as fast)

Times are the best of N rounds (time.perf_counter). The pieces are plain functions so other
benchmarks can import them (load_corpus, make_large_submission, make_many_filers, best_of, ...).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.corpus import CORPUS, corpus_available, main_rows  # noqa: E402

MB = 1_000_000
TARGET_CORPUS_MBPS = 400.0
TARGET_MANY_FILERS_MS = 60.0
RSS_FACTOR = 2.5
RSS_ALLOWANCE_MB = 150.0
TARGET_EDGARTOOLS_RATIO = 3.0

DOCUMENT_BLOCK = re.compile(rb"<DOCUMENT>.*?</DOCUMENT>", re.S)
DOCUMENT_MARKER = re.compile(rb"</?DOCUMENT>")


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


def load_corpus() -> list[tuple[str, bytes]]:
    """(name, bytes) of every main corpus file, in MANIFEST order; [] when the corpus is absent."""
    if not corpus_available():
        return []
    return [(row.file, row.path.read_bytes()) for row in main_rows()]


def corpus_documents(files: list[tuple[str, bytes]]) -> list[bytes]:
    """Every complete <DOCUMENT>...</DOCUMENT> block of the given files."""
    return [m.group(0) for _, data in files for m in DOCUMENT_BLOCK.finditer(data)]


def filer_section(i: int, form: str = "40-APP") -> bytes:
    """One realistic FILER: section with a distinct CIK, name and file number."""
    return (
        "FILER:\n\n"
        "\tCOMPANY DATA:\t\n"
        f"\t\tCOMPANY CONFORMED NAME:\t\t\tBENCHMARK CO-APPLICANT FUND {i} L.P.\n"
        f"\t\tCENTRAL INDEX KEY:\t\t\t{1_900_000_000 + i:010d}\n"
        "\t\tORGANIZATION NAME:           \t\n"
        "\t\tIRS NUMBER:\t\t\t\t000000000\n"
        "\t\tSTATE OF INCORPORATION:\t\t\tDE\n"
        "\t\tFISCAL YEAR END:\t\t\t1231\n\n"
        "\tFILING VALUES:\n"
        f"\t\tFORM TYPE:\t\t{form}\n"
        "\t\tSEC ACT:\t\t\n"
        f"\t\tSEC FILE NUMBER:\t812-15538-{i:02d}\n"
        f"\t\tFILM NUMBER:\t\t{24_000_000 + i}\n\n"
        "\tBUSINESS ADDRESS:\t\n"
        "\t\tSTREET 1:\t\t9 WEST 57TH STREET\n"
        "\t\tSTREET 2:\t\t43RD FLOOR\n"
        "\t\tCITY:\t\t\tNEW YORK\n"
        "\t\tSTATE:\t\t\tNY\n"
        "\t\tZIP:\t\t\t10019\n"
        "\t\tBUSINESS PHONE:\t\t212-515-3200\n\n"
        "\tMAIL ADDRESS:\t\n"
        "\t\tSTREET 1:\t\t9 WEST 57TH STREET\n"
        "\t\tCITY:\t\t\tNEW YORK\n"
        "\t\tSTATE:\t\t\tNY\n"
        "\t\tZIP:\t\t\t10019\n\n"
        "\tFORMER COMPANY:\t\n"
        f"\t\tFORMER CONFORMED NAME:\tBENCHMARK FUND {i}\n"
        "\t\tDATE OF NAME CHANGE:\t20040227\n\n"
    ).encode()


def header(
    accession: str, form: str, document_count: int, filers: int = 1, date: str = "20250115"
) -> bytes:
    """A valid space-dialect <SEC-DOCUMENT> opening and <SEC-HEADER> block."""
    top = (
        f"<SEC-DOCUMENT>{accession}.txt : {date}\n"
        f"<SEC-HEADER>{accession}.hdr.sgml : {date}\n"
        f"<ACCEPTANCE-DATETIME>{date}163000\n"
        f"ACCESSION NUMBER:\t\t{accession}\n"
        f"CONFORMED SUBMISSION TYPE:\t{form}\n"
        f"PUBLIC DOCUMENT COUNT:\t\t{document_count}\n"
        f"FILED AS OF DATE:\t\t{date}\n"
        f"DATE AS OF CHANGE:\t\t{date}\n\n"
    ).encode()
    return top + b"".join(filer_section(i, form) for i in range(filers)) + b"</SEC-HEADER>\n"


_SEQUENCE = re.compile(rb"<SEQUENCE>[^\r\n]*")
_FILENAME = re.compile(rb"<FILENAME>([^\r\n]*)")


def renumber(block: bytes, sequence: int) -> bytes:
    """A copy of a document block with a new sequence number and a distinct file name."""
    block = _SEQUENCE.sub(b"<SEQUENCE>%d" % sequence, block, count=1)
    return _FILENAME.sub(lambda m: b"<FILENAME>d%04d-" % sequence + m.group(1), block, count=1)


def synthetic_documents() -> list[bytes]:
    """Filler documents for when the corpus is absent (text, HTML, XML)."""
    page = b"".join(b"%05d  Lorem ipsum dolor sit amet, consectetur.\n" % i for i in range(1500))
    return [
        b"<DOCUMENT>\n<TYPE>EX-99\n<SEQUENCE>1\n<FILENAME>a.txt\n<TEXT>\n" + page + b"</TEXT>\n"
        b"</DOCUMENT>",
        b"<DOCUMENT>\n<TYPE>EX-99\n<SEQUENCE>1\n<FILENAME>b.htm\n<TEXT>\n<html><body><pre>\n"
        + page
        + b"</pre></body></html>\n</TEXT>\n</DOCUMENT>",
        b"<DOCUMENT>\n<TYPE>XML\n<SEQUENCE>1\n<FILENAME>c.xml\n<TEXT>\n<XML>\n<?xml version='1.0'?>"
        b"<r>" + page.replace(b"\n", b"<br/>") + b"</r>\n</XML>\n</TEXT>\n</DOCUMENT>",
    ]


def make_large_submission(
    size_mb: float = 100.0,
    min_documents: int = 500,
    files: list[tuple[str, bytes]] | None = None,
    accession: str = "0009999999-25-000001",
) -> bytes:
    """One valid submission of at least `size_mb` MB and `min_documents` documents, built in
    memory by copying corpus documents (renumbered, with distinct file names) under one header.
    PUBLIC DOCUMENT COUNT equals the documents written."""
    pool = corpus_documents(load_corpus() if files is None else files) or synthetic_documents()
    target = int(size_mb * MB)
    blocks: list[bytes] = []
    total = 0
    i = 0
    while total < target or len(blocks) < min_documents:
        block = renumber(pool[i % len(pool)], len(blocks) + 1)
        blocks.append(block)
        total += len(block) + 1
        i += 7 if len(pool) > 7 else 1  # stride through the pool so neighbours differ
    head = header(accession, "10-K", len(blocks))
    return head + b"\n".join(blocks) + b"\n</SEC-DOCUMENT>\n"


def make_many_filers(filers: int, accession: str = "0009999999-25-000002") -> bytes:
    """A header-only 40-APP submission with `filers` FILER sections."""
    return header(accession, "40-APP", 0, filers=filers) + b"</SEC-DOCUMENT>\n"


# --------------------------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------------------------


def best_of(fn: Callable[[], object], rounds: int = 5) -> float:
    """Best wall time of `rounds` calls, in seconds."""
    best = float("inf")
    for _ in range(rounds):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def parse_all(files: list[tuple[str, bytes]]) -> int:
    from filings.edgar import parse

    documents = 0
    for name, data in files:
        documents += len(parse(data, name=name).documents)
    return documents


def regex_split_all(files: list[tuple[str, bytes]]) -> int:
    """The floor: split every file on <DOCUMENT> / </DOCUMENT> markers; count the blocks."""
    return sum((len(DOCUMENT_MARKER.split(data)) - 1) // 2 for _, data in files)


def regex_blocks_all(files: list[tuple[str, bytes]]) -> int:
    """The same with one lazy DOTALL regex per block (what a naive reader would do)."""
    return sum(len(DOCUMENT_BLOCK.findall(data)) for _, data in files)


def edgartools_ratio(files: list[tuple[str, bytes]], rounds: int, table: Table) -> None:
    """(e) The reader against edgartools on the files both read, one pass of each per round."""
    try:
        from edgar.sgml.sgml_common import FilingSGML
    except ImportError as exc:
        print(f"SKIPPED (e): edgartools is not installed ({exc}); pip install -e '.[bench]'")
        return
    from filings.edgar import parse

    # edgartools reads text, so each file is decoded once beforehand (not timed): the
    # comparison favours it by the cost of decoding.
    both, refused = [], 0
    for name, data in files:
        text = data.decode("utf-8", errors="replace")
        try:
            FilingSGML.from_text(text)
        except Exception:
            refused += 1
            continue
        both.append((name, data, text))
    if not both:
        print(f"SKIPPED (e): no corpus files both readers read (corpus at {CORPUS})")
        return
    size = sum(len(data) for _, data, _ in both)
    print(
        f"\n(e) edgartools: {len(both)} files, {size / MB:.1f} MB ({refused} it refuses, left out)"
    )
    ours = theirs = float("inf")
    for _ in range(rounds):
        gc.collect()
        t0 = time.perf_counter()
        for name, data, _ in both:
            parse(data, name=name)
        ours = min(ours, time.perf_counter() - t0)
        gc.collect()
        t0 = time.perf_counter()
        for _, _, text in both:
            FilingSGML.from_text(text)
        theirs = min(theirs, time.perf_counter() - t0)
    ratio = theirs / ours
    table.add("(e) parse(), one pass over the files", f"{ours * 1000:.1f} ms")
    table.add("(e) FilingSGML.from_text, one pass", f"{theirs * 1000:.1f} ms")
    table.add("(e) parse() MB/s, same files", f"{size / MB / ours:,.1f}")
    table.add("(e) FilingSGML.from_text MB/s", f"{size / MB / theirs:,.1f}")
    table.add(
        "(e) parse() speed / edgartools",
        f"{ratio:.2f}x",
        f">= {TARGET_EDGARTOOLS_RATIO:g}x",
        ratio >= TARGET_EDGARTOOLS_RATIO,
    )


_RSS_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])


def vm_hwm_kb():
    # Linux: the high-water RSS of this process's own address space. Unlike ru_maxrss it does
    # not carry over the parent's peak across fork + exec.
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


from filings.edgar import parse
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
base_hwm = vm_hwm_kb()
with open(sys.argv[1], "rb") as fh:
    data = fh.read()
t0 = time.perf_counter()
sub = parse(data, name="large.txt")
elapsed = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"base_kb": base, "peak_kb": peak, "base_hwm_kb": base_hwm,
                  "peak_hwm_kb": vm_hwm_kb(), "seconds": elapsed,
                  "documents": len(sub.documents), "size": len(data)}))
"""


def peak_rss_of_parse(path: Path) -> dict:
    """Read and parse `path` in a fresh interpreter; peak RSS after importing the reader
    (baseline) and after reading + parsing, in kB (ru_maxrss, and VmHWM on Linux)."""
    out = subprocess.run(
        [sys.executable, "-c", _RSS_CHILD, str(path), str(REPO_ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def rss_delta_mb(rss: dict) -> tuple[float, float, str]:
    """(baseline MB, peak minus baseline MB, source). Prefers VmHWM: on Linux ru_maxrss keeps
    the parent's peak across fork + exec, which would hide the child's own growth."""
    if rss.get("base_hwm_kb") is not None and rss.get("peak_hwm_kb") is not None:
        base, peak, source = rss["base_hwm_kb"], rss["peak_hwm_kb"], "VmHWM"
    else:
        base, peak, source = rss["base_kb"], rss["peak_kb"], "ru_maxrss"
    return base * 1024 / MB, (peak - base) * 1024 / MB, source


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, what: str, value: str, target: str = "", ok: bool | None = None) -> None:
        status = "" if ok is None else ("ok" if ok else "MISSED")
        self.rows.append((what, value, target, status))
        print(f"  {what:<46} {value:>20}  {target:<18} {status}", flush=True)


def run(rounds: int, size_mb: float, table: Table) -> None:
    from filings.edgar import PARSER_VERSION, parse

    print(f"filings.edgar PARSER_VERSION {PARSER_VERSION}; best of {rounds} rounds; {CORPUS}")
    print(f"  {'measure':<46} {'value':>20}  {'target':<18} status")
    files = load_corpus()
    if not files:
        print(f"SKIPPED (a)-(c): the EDGAR corpus is absent at {CORPUS} (set EDGAR_CORPUS).")
    else:
        total = sum(len(d) for _, d in files)
        print(f"\n(a)/(b) corpus: {len(files)} files, {total / MB:.1f} MB")
        t_parse = best_of(lambda: parse_all(files), rounds)
        mbps = total / MB / t_parse
        table.add("(a) parse(), all files", f"{t_parse * 1000:.1f} ms")
        table.add("(a) files/s", f"{len(files) / t_parse:,.0f}")
        table.add(
            "(a) MB/s",
            f"{mbps:,.1f}",
            f">= {TARGET_CORPUS_MBPS:.0f} MB/s",
            mbps >= TARGET_CORPUS_MBPS,
        )
        t_floor = best_of(lambda: regex_split_all(files), rounds)
        table.add("(b) regex split on </?DOCUMENT> (floor)", f"{t_floor * 1000:.1f} ms")
        table.add("(b) floor MB/s", f"{total / MB / t_floor:,.1f}")
        table.add("(b) parse time / floor time", f"{t_parse / t_floor:.1f}x")
        t_lazy = best_of(lambda: regex_blocks_all(files), rounds)
        table.add("(b') lazy <DOCUMENT>.*?</DOCUMENT> regex MB/s", f"{total / MB / t_lazy:,.1f}")
        edgartools_ratio(files, rounds, table)

        print(f"\n(c) large submission: building >= {size_mb:g} MB, >= 500 documents")
        big = make_large_submission(size_mb, 500, files)
        size = len(big)
        sub = parse(big, name="large.txt")
        table.add("(c) size", f"{size / MB:.1f} MB")
        table.add("(c) documents", f"{len(sub.documents):,}", ">= 500", len(sub.documents) >= 500)
        counts_ok = sub.public_document_count == len(sub.documents)
        table.add("(c) documents read == PUBLIC DOCUMENT COUNT", str(counts_ok), "True", counts_ok)
        del sub
        t_big = best_of(lambda: parse(big, name="large.txt"), rounds)
        table.add("(c) parse time", f"{t_big:.3f} s")
        table.add("(c) MB/s", f"{size / MB / t_big:,.1f}")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "large.txt"
            path.write_bytes(big)
            del big
            rss = peak_rss_of_parse(path)
        base_mb, delta_mb, source = rss_delta_mb(rss)
        limit_mb = RSS_FACTOR * size / MB + RSS_ALLOWANCE_MB
        table.add("(c) fresh process: parse time", f"{rss['seconds']:.3f} s")
        table.add(f"(c) baseline RSS after import ({source})", f"{base_mb:.1f} MB")
        table.add(
            f"(c) peak RSS minus baseline ({source})",
            f"{delta_mb:.1f} MB",
            f"<= {limit_mb:.0f} MB",
            delta_mb <= limit_mb,
        )
        if source != "ru_maxrss":
            table.add(
                "(c) ru_maxrss before / after (kept from parent)",
                f"{rss['base_kb'] * 1024 / MB:.0f} / {rss['peak_kb'] * 1024 / MB:.0f} MB",
            )

    print("\n(d) headers with many FILER sections (synthetic)")
    times = {}
    for n in (400, 800, 1600):
        data = make_many_filers(n)
        got = len(parse(data, name="many.txt").parties)
        if got != n:
            table.add(f"(d) {n} filers: parties read", str(got), str(n), False)
        times[n] = best_of(lambda data=data: parse(data, name="many.txt"), rounds)
        is_target = n == 1600
        table.add(
            f"(d) {n} FILER sections ({len(data) / 1000:.0f} KB)",
            f"{times[n] * 1000:.1f} ms",
            f"< {TARGET_MANY_FILERS_MS:.0f} ms" if is_target else "",
            times[n] * 1000 < TARGET_MANY_FILERS_MS if is_target else None,
        )
    growth = times[1600] / times[400]
    # Linear growth is 4x from 400 to 1,600; allow noise, flag anything clearly superlinear.
    table.add("(d) time(1600) / time(400)", f"{growth:.2f}x", "~4x (linear) <= 6", growth <= 6)
    table.add("(d) time(1600) / time(800)", f"{times[1600] / times[800]:.2f}x", "~2x (linear)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--size-mb", type=float, default=100.0)
    ap.add_argument("--quick", action="store_true", help="2 rounds, 20 MB large submission")
    ap.add_argument("--edgartools", action="store_true", help="only (e), the edgartools ratio")
    args = ap.parse_args(argv)
    if args.quick:
        args.rounds, args.size_mb = 2, 20.0
    try:
        import filings.edgar  # noqa: F401
    except ImportError as exc:
        print(f"SKIPPED: filings.edgar cannot be imported ({exc})")
        return 0
    table = Table()
    if args.edgartools:
        edgartools_ratio(load_corpus(), args.rounds, table)
    else:
        run(args.rounds, args.size_mb, table)
    print("\nSummary")
    print(f"  {'measure':<46} {'value':>20}  {'target':<18} status")
    for what, value, target, status in table.rows:
        print(f"  {what:<46} {value:>20}  {target:<18} {status}")
    missed = [r[0] for r in table.rows if r[3] == "MISSED"]
    print("\nall targets met" if not missed else f"\ntargets missed: {', '.join(missed)}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filings.settings")
    sys.exit(main())
