"""Ingest time against document size, and peak memory of a large submission (not a test).

    .venv/bin/python bench/bench_scale.py [--sizes 5,20] [--large-mb 100] [--no-memory]

- A generated plain-text 10-K and an HTML 8-K whose tables hold 5,000 rows, each ingested
  at 5 MB and at 20 MB on a throwaway SQLite store: wall and CPU seconds, and how the CPU
  time grows from the small to the large one (linear work grows 4x; target: each 20 MB
  document in under 10 s).
- The generated 100 MB submission (bench_parse.make_large_submission) ingested in a fresh
  process: its peak memory above the baseline after start-up (VmHWM), against 4x its size.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_parse import header, make_large_submission  # noqa: E402

MB = 1_000_000
TARGET_SECONDS = 10.0
MEMORY_FACTOR = 4.0

PEOPLE = ("Jane A. Doe", "Richard Roe", "Maria L. Santos", "Kenji Watanabe", "Olu Adeyemi")
COMPANIES = ("Acme Widget Corporation", "Borealis Holdings, Inc.", "Cobalt Partners LLC")


def prose(i: int) -> str:
    """One paragraph: names of people and companies, dates, exhibit numbers, a title."""
    person = PEOPLE[i % len(PEOPLE)]
    company = COMPANIES[i % len(COMPANIES)]
    return (
        f"On March {i % 28 + 1}, 2024, the Board of Directors of {company} appointed "
        f"{person} as Senior Vice President, Finance, effective April 1, 2024. The terms of "
        f"the agreement with {COMPANIES[(i + 1) % len(COMPANIES)]} are described in Exhibit "
        f"10.{i % 40 + 1} to this report and incorporated herein by reference. Revenue for "
        f"segment {i} was ${i * 37 % 9000:,} thousand, compared with ${i * 41 % 9000:,} "
        "thousand in the prior year, reflecting higher volumes and pricing."
    )


def signatures_text() -> str:
    rows = [
        "SIGNATURES",
        "",
        "Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant "
        "has duly caused this report to be signed on its behalf by the undersigned.",
        "",
    ]
    for person in PEOPLE:
        rows += [f"/s/ {person}", f"Name: {person}", "Title: Director", "Date: March 3, 2025", ""]
    return "\n".join(rows)


def document(kind: str, form: str, body: str) -> bytes:
    name = "main.txt" if kind == "text" else "main.htm"
    block = (
        f"<DOCUMENT>\n<TYPE>{form}\n<SEQUENCE>1\n<FILENAME>{name}\n<DESCRIPTION>{form}\n"
        f"<TEXT>\n{body}\n</TEXT>\n</DOCUMENT>\n"
    )
    return block.encode()


def text_10k(size: int) -> bytes:
    """A plain-text 10-K of about `size` bytes: items, prose, fixed-width tables, signatures."""
    parts, total, i = [], 0, 0
    while total < size:
        if i % 50 == 0:
            piece = f"\n<PAGE>\nItem {i // 50 % 15 + 1}.  Part {i}\n\n"
        elif i % 7 == 0:
            piece = "".join(
                f"  {'Line item ' + str(i * 10 + r):<40}{r * 1234:>14,}{r * 987:>14,}\n"
                for r in range(12)
            )
        else:
            piece = prose(i) + "\n\n"
        parts.append(piece)
        total += len(piece)
        i += 1
    body = "".join(parts) + "\n" + signatures_text()
    return submission("10-K", document("text", "10-K", body))


def html_8k(size: int, rows: int = 5000) -> bytes:
    """An HTML 8-K of about `size` bytes whose tables hold `rows` rows in all, the rest prose."""
    cell = '<td style="padding:0 4pt;text-align:right;font-size:9pt">'
    table_rows = [
        f"<tr>{cell}<p>Line item {r}</p></td>{cell}{r * 1234:,}</td>{cell}{r * 987:,}</td>"
        f'{cell}{r % 97}%</td><td style="width:1%">&nbsp;</td></tr>'
        for r in range(rows)
    ]
    tables = [
        '<table cellpadding=0 cellspacing=0 style="width:100%">'
        + "".join(table_rows[t : t + 100])
        + "</table>"
        for t in range(0, rows, 100)
    ]
    fixed = sum(len(t) for t in tables)
    paragraphs, total, i = [], fixed, 0
    while total < size:
        piece = f'<p style="margin:0 0 6pt;font-family:Times New Roman">{prose(i)}</p>\n'
        paragraphs.append(piece)
        total += len(piece)
        i += 1
    # The tables spread through the prose, as in a filing.
    step = max(1, len(paragraphs) // len(tables))
    out = []
    for t, table in enumerate(tables):
        out += paragraphs[t * step : (t + 1) * step]
        out.append(table)
    out += paragraphs[len(tables) * step :]
    body = "<html><body>\n<p>Item 5.02 Departure of Directors</p>\n" + "".join(out)
    body += "<pre>" + signatures_text() + "</pre></body></html>"
    return submission("8-K", document("html", "8-K", body))


def submission(form: str, *documents: bytes) -> bytes:
    accession = f"0009999999-25-{abs(hash(form + str(len(documents[0])))) % 1_000_000:06d}"
    return header(accession, form, len(documents)) + b"".join(documents) + b"</SEC-DOCUMENT>\n"


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f}"


def timed_ingest(data: bytes, name: str) -> tuple[float, float]:
    from filings import ingest

    start, cpu = time.perf_counter(), time.process_time()
    result = ingest.ingest(data, name)
    assert result.ok, result.message
    return time.perf_counter() - start, time.process_time() - cpu


_MEMORY_CHILD = r"""
import json, os, sys, tempfile, time
sys.path.insert(0, sys.argv[2])
os.environ["FILINGS_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-scale-")
os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filings.settings")
os.environ["FILINGS_MAX_UPLOAD_MB"] = "1000"


def hwm_kb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])


import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from filings import ingest
base = hwm_kb()
with open(sys.argv[1], "rb") as fh:
    data = fh.read()
start, cpu = time.perf_counter(), time.process_time()
result = ingest.ingest(data, "large.txt")
print(json.dumps({"ok": result.ok, "message": result.message, "base_kb": base,
                  "peak_kb": hwm_kb(), "size": len(data),
                  "seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu}))
"""


def memory_of_large(size_mb: float) -> dict:
    big = make_large_submission(size_mb, 500)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.txt"
        path.write_bytes(big)
        size = len(big)
        del big
        out = subprocess.run(
            [sys.executable, "-c", _MEMORY_CHILD, str(path), str(REPO)],
            check=True,
            capture_output=True,
            text=True,
        )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["size"] = size
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="5,20", help="document sizes in MB, smallest first")
    parser.add_argument("--large-mb", type=float, default=100.0)
    parser.add_argument("--no-memory", action="store_true")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]

    os.environ["FILINGS_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-scale-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filings.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.MAX_UPLOAD_MB = max(settings.MAX_UPLOAD_MB, int(max(sizes)) + 10)
    call_command("migrate", verbosity=0)

    for label, make in (("plain-text 10-K", text_10k), ("HTML 8-K, 5,000 rows", html_8k)):
        cpus = []
        for size_mb in sizes:
            data = make(int(size_mb * MB))
            wall, cpu = timed_ingest(data, f"scale-{size_mb:g}.txt")
            cpus.append(cpu)
            ok = "" if size_mb != max(sizes) else ("ok" if wall < TARGET_SECONDS else "MISSED")
            print(
                f"{label:22} {len(data) / MB:6.1f} MB: {wall:6.2f} s wall, {cpu:6.2f} CPU-s "
                f"({len(data) / MB / cpu:5.2f} MB per CPU-s; {load()})  "
                f"target < {TARGET_SECONDS:.0f} s {ok}"
            )
        if len(sizes) > 1:
            print(
                f"{label:22} CPU time x{cpus[-1] / cpus[0]:.1f} for size x{sizes[-1] / sizes[0]:.1f}"
                " (linear: the same)"
            )
    if not args.no_memory:
        m = memory_of_large(args.large_mb)
        assert m["ok"], m["message"]
        grown = (m["peak_kb"] - m["base_kb"]) * 1024 / MB
        limit = MEMORY_FACTOR * m["size"] / MB
        print(
            f"large submission {m['size'] / MB:.1f} MB ingested in {m['seconds']:.1f} s wall, "
            f"{m['cpu']:.1f} CPU-s: peak memory above start-up {grown:.0f} MB (VmHWM), "
            f"target < {limit:.0f} MB ({MEMORY_FACTOR:g}x) {'ok' if grown < limit else 'MISSED'}"
        )


if __name__ == "__main__":
    main()
