"""Locate the shared EDGAR corpus and read its MANIFEST.tsv.

The corpus is never copied into this repository. It lives beside the checkout, at
``<repo root>/../shared/corpus``; set ``EDGAR_CORPUS`` to use another folder. When it is
absent, everything that needs it skips (see ``requires_corpus`` and ``corpus_file``).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("EDGAR_CORPUS") or REPO_ROOT.parent / "shared" / "corpus")
MANIFEST = CORPUS / "MANIFEST.tsv"
DAMAGED = CORPUS / "damaged"

SKIP_REASON = f"EDGAR corpus not found at {CORPUS} (set EDGAR_CORPUS to its folder)"

# How MANIFEST.tsv spells party roles -> the role strings of filings.edgar.model.PARTY_ROLES.
MANIFEST_ROLES = {
    "filer": "filer",
    "filed-by": "filed-by",
    "filed by": "filed-by",
    "filed-for": "filed-for",
    "filed for": "filed-for",
    "subject": "subject-company",
    "subject company": "subject-company",
    "subject-company": "subject-company",
    "reporting-owner": "reporting-owner",
    "issuer": "issuer",
    "serial company": "serial-company",
    "serial-company": "serial-company",
}

_PARTY = re.compile(r"\s*(.*?) \[([^\]]+)\]\s*(?:;|$|(?=\(\+))")
_MORE = re.compile(r"\(\+(\d+) more\)\s*$")
_PDC = re.compile(r"^pdc-mismatch\((\d+)/(\d+)\)$")


def corpus_available() -> bool:
    return MANIFEST.is_file()


@dataclass(frozen=True)
class ManifestParty:
    role: str  # normalised to a PARTY_ROLES string
    cik: str | None
    name: str
    manifest_role: str  # as the manifest writes it ("subject", "serial company", ...)


@dataclass(frozen=True)
class ManifestRow:
    file: str  # path relative to the corpus folder ("x.txt" or "damaged/x.txt")
    accession: str | None
    form_type: str | None
    filed_date: dt.date | None
    parties: tuple[ManifestParty, ...]  # distinct (role, CIK, name), in header order
    more_parties: int  # the "(+N more)" the manifest leaves off
    document_count: int  # <DOCUMENT> blocks present
    bytes: int
    features: tuple[str, ...]
    source: str
    sha256: str

    @property
    def name(self) -> str:
        return self.file.rsplit("/", 1)[-1]

    @property
    def path(self) -> Path:
        return CORPUS / self.file

    @property
    def damaged(self) -> bool:
        return self.file.startswith("damaged/")

    @property
    def total_parties(self) -> int:
        return len(self.parties) + self.more_parties

    @property
    def pdc_mismatch(self) -> tuple[int, int] | None:
        """(PUBLIC DOCUMENT COUNT, documents present) from a pdc-mismatch(a/b) feature."""
        for feature in self.features:
            m = _PDC.match(feature)
            if m:
                return int(m.group(1)), int(m.group(2))
        return None

    def has(self, feature: str) -> bool:
        return feature in self.features

    def read(self) -> bytes:
        return self.path.read_bytes()


def _parse_parties(ciks_field: str, names_field: str) -> tuple[tuple[ManifestParty, ...], int]:
    more = 0
    m = _MORE.search(names_field)
    if m:
        more = int(m.group(1))
        names_field = names_field[: m.start()]
    ciks_field = _MORE.sub("", ciks_field).strip()
    ciks = [c.strip() for c in ciks_field.split(";")] if ciks_field else []
    named = _PARTY.findall(names_field.strip())
    parties = []
    for i, (name, role) in enumerate(named):
        parties.append(
            ManifestParty(
                role=MANIFEST_ROLES.get(role.strip().lower(), role.strip().lower()),
                cik=ciks[i] if i < len(ciks) else None,
                name=name.strip(),
                manifest_role=role,
            )
        )
    return tuple(parties), more


@cache
def manifest_rows() -> tuple[ManifestRow, ...]:
    """Every MANIFEST.tsv row (main and damaged files); empty when the corpus is absent."""
    if not corpus_available():
        return ()
    rows = []
    with MANIFEST.open(newline="", encoding="utf-8") as fh:
        for raw in csv.DictReader(fh, delimiter="\t"):
            parties, more = _parse_parties(raw["filer_ciks"], raw["filer_names"])
            rows.append(
                ManifestRow(
                    file=raw["file"],
                    accession=raw["accession"] or None,
                    form_type=raw["form_type"] or None,
                    filed_date=dt.date.fromisoformat(raw["filed_date"])
                    if raw["filed_date"]
                    else None,
                    parties=parties,
                    more_parties=more,
                    document_count=int(raw["document_count"]),
                    bytes=int(raw["bytes"]),
                    features=tuple(f for f in raw["features"].split(",") if f),
                    source=raw["source"],
                    sha256=raw["sha256"],
                )
            )
    return tuple(rows)


def main_rows() -> tuple[ManifestRow, ...]:
    return tuple(r for r in manifest_rows() if not r.damaged)


def damaged_rows() -> tuple[ManifestRow, ...]:
    return tuple(r for r in manifest_rows() if r.damaged)


def manifest_row(file: str) -> ManifestRow:
    """The row for a file name ("x.txt", or "damaged/x.txt")."""
    for row in manifest_rows():
        if row.file == file or row.name == file:
            return row
    raise KeyError(f"{file} is not in {MANIFEST}")


def corpus_file(name: str) -> Path:
    """Path of a corpus file ("x.txt" or "damaged/x.txt"); skips the calling test if absent."""
    path = CORPUS / name
    if not path.is_file():
        candidate = DAMAGED / name
        if candidate.is_file():
            return candidate
        import pytest

        pytest.skip(f"{name} not found in {CORPUS}" if corpus_available() else SKIP_REASON)
    return path


@cache
def read_corpus_file(name: str) -> bytes:
    return corpus_file(name).read_bytes()
