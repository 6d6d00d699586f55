"""python -m filings.edgar FILE... [--json]: read submissions and say what they hold.

Exit status 1 when any file was refused (or could not be read), 0 otherwise.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import zlib
from pathlib import Path

from . import EdgarError, Submission, parse
from .jsonout import to_json


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m filings.edgar",
        description="Read EDGAR complete-submission files and summarise them.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="a .txt, .nc or .gz file")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    args = parser.parse_args(argv)
    refused = False
    for name in args.files:
        try:
            sub = parse(read(name), name=Path(name).name)
        except EdgarError as exc:
            refused = True
            report_refusal(name, exc.code, exc.message, args.json)
            continue
        if args.json:
            print(json.dumps({"file": name, **to_json(sub)}, ensure_ascii=False))
        else:
            print(summary(name, sub))
    return 1 if refused else 0


def read(name: str) -> bytes:
    """The file's bytes, decompressed when it is gzip; unreadable files are refused."""
    try:
        data = Path(name).read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise EdgarError("unreadable", f"{name}: the file cannot be read ({exc}).") from exc
    return data


def report_refusal(name: str, code: str, message: str, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"file": name, "error": {"code": code, "message": message}}))
    # Refusal messages start with the file name themselves; say it once.
    reason = message.removeprefix(f"{Path(name).name}: ").removeprefix(f"{name}: ")
    print(f"{name}: refused: {reason}", file=sys.stderr)


def summary(name: str, sub: Submission) -> str:
    out = [name]

    def row(label: str, value) -> None:
        out.append(f"  {label:<13}{value}")

    row("accession", sub.accession or "-")
    row("form", sub.form or "-")
    dates = [
        ("filed", sub.filed_date),
        ("period", sub.period_of_report),
        ("changed", sub.date_as_of_change),
        ("effective", sub.effectiveness_date),
        ("accepted", sub.acceptance_datetime),
        ("disseminated", sub.dissemination_date),
    ]
    row("dates", "  ".join(f"{label} {value.isoformat()}" for label, value in dates if value))
    wrapper = ", PEM wrapper" if sub.pem else ""
    row("format", f"{sub.envelope} envelope, {sub.dialect} dialect{wrapper}, {sub.size:,} bytes")
    if sub.parties:
        out.append("  parties")
        for p in sub.parties:
            relations = f"  [{', '.join(p.relationships)}]" if p.relationships else ""
            out.append(f"    {p.role:<16} {p.cik or '-':<11} {p.name or '-'}{relations}")
    if sub.item_refs:
        out.append("  items")
        for ref in sub.item_refs:
            title = ref.title or (f"(unknown) {ref.raw}" if ref.raw else "(blank)")
            out.append(f"    {ref.code or '-':<6} {title}")
    if sub.group_members:
        row("group", "; ".join(sub.group_members))
    if sub.series:
        row(
            "series", f"{len(sub.series)} series, {sum(len(s.classes) for s in sub.series)} classes"
        )
    stated = sub.public_document_count
    count = f"{len(sub.documents)}" + (f" of {stated} stated" if stated is not None else "")
    out.append(f"  documents ({count})")
    if sub.documents:
        out.append(f"    {'seq':<4} {'type':<14} {'kind':<6} {'encoding':<12} {'bytes':>11}  file")
        for d in sub.documents:
            file = d.filename or d.uuencoded_name or ""
            described = f"  {d.description}" if d.description else ""
            unclosed = "  (unclosed)" if not d.closed else ""
            out.append(
                f"    {d.sequence or '-':<4} {d.type or '-':<14} {d.kind:<6} {d.encoding:<12} "
                f"{d.text_bytes:>11,}  {file}{described}{unclosed}"
            )
    if sub.findings:
        out.append("  findings")
        for f in sub.findings:
            out.append(f"    {f.code} ({f.where}): {f.message}")
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
