"""The reader's output: a Submission made of frozen dataclasses.

Document bodies are never copied: a Document keeps offsets into the uploaded
bytes and decodes them only when asked.
"""

from __future__ import annotations

import binascii
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

PARTY_ROLES = (
    "filer",
    "filed-by",
    "filed-for",
    "subject-company",
    "reporting-owner",
    "issuer",
    "serial-company",
)

# Content kinds a document body can be sniffed as.
KINDS = ("html", "ixbrl", "text", "xml", "pdf", "image", "binary", "other")


class EdgarError(Exception):
    """The input cannot be read as an EDGAR submission.

    `code` is a short stable identifier (e.g. "empty", "html-page",
    "xml-error-page", "binary", "no-filing-content"); the message says what is
    wrong and where, in words a person understands.
    """

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class Finding:
    """A data-quality note about an accepted submission."""

    code: str  # e.g. "pem-wrapper", "document-count-mismatch", "truncated"
    message: str
    where: str  # e.g. "header line 14", "byte 20480", "document 6 (EX-27)"


@dataclass(frozen=True, slots=True)
class Address:
    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class FilingValues:
    form_type: str | None = None
    act: str | None = None
    file_number: str | None = None
    film_number: str | None = None


@dataclass(frozen=True, slots=True)
class FormerName:
    name: str
    date_of_change: dt.date | None


@dataclass(frozen=True, slots=True)
class Party:
    """One entity section of the header (FILER:, REPORTING-OWNER:, ...)."""

    role: str  # one of PARTY_ROLES
    cik: str | None = None  # 10 digits, as written
    name: str | None = None  # as written
    sic: str | None = None  # digits only
    sic_description: str | None = None
    organization_name: str | None = None
    irs_number: str | None = None  # IRS NUMBER or EIN
    state_of_incorporation: str | None = None
    fiscal_year_end: str | None = None  # MMDD as written
    relationships: tuple[str, ...] = ()
    # Usually one FILING VALUES block; some filers carry several.
    filing_values: tuple[FilingValues, ...] = ()
    business_address: Address | None = None
    mail_address: Address | None = None
    former_names: tuple[FormerName, ...] = ()
    # Recognised fields with no slot of their own, as (KEY, value) in order.
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class SeriesClass:
    class_id: str | None
    name: str | None
    ticker: str | None


@dataclass(frozen=True, slots=True)
class Series:
    status: str  # "existing", "new" or "merger"
    owner_cik: str | None
    series_id: str | None
    name: str | None
    classes: tuple[SeriesClass, ...] = ()


@dataclass(frozen=True, slots=True)
class ItemRef:
    """One ITEM INFORMATION / <ITEMS> entry with its mapped code."""

    raw: str  # the header value as written ("" when blank)
    code: str | None  # "5.02", "9" (pre-2004 integer items), "3C" (Form D), None if unknown
    title: str | None  # canonical title for the code, None if unknown
    source: str  # "header-title" or "header-code"


@dataclass(frozen=True, slots=True)
class UnknownLine:
    line: int  # 1-based line number in the file
    text: str  # verbatim


@dataclass(frozen=True)
class Document:
    """One <DOCUMENT> block. `start`/`end` delimit the body: every byte between <TEXT>
    and </TEXT>, the line break after <TEXT> included (so text_bytes is that length)."""

    type: str | None
    sequence: str | None  # as written (usually digits)
    filename: str | None
    description: str | None
    start: int
    end: int
    block_start: int  # offset of "<DOCUMENT>"
    block_end: int  # offset just past "</DOCUMENT>" (or end of input when unclosed)
    kind: str  # one of KINDS
    encoding: str  # "utf-8" or "windows-1252"
    uuencoded_name: str | None = None  # the name on the "begin 644 NAME" line
    closed: bool = True
    source: bytes = field(default=b"", repr=False, compare=False)

    @property
    def text_bytes(self) -> int:
        return self.end - self.start

    @property
    def body(self) -> memoryview:
        """The raw body bytes, without copying."""
        return memoryview(self.source)[self.start : self.end]

    @cached_property
    def text(self) -> str:
        """The body decoded with the recorded encoding."""
        raw = self.source[self.start : self.end]
        if self.encoding == "utf-8":
            return raw.decode("utf-8")
        return raw.decode("windows-1252", errors="replace")

    def forget_text(self) -> None:
        """Drop the decoded body (read again from `source` if asked for): a large filing's
        documents would otherwise hold a second copy of the upload until it is stored."""
        self.__dict__.pop("text", None)

    def decoded_binary(self) -> bytes | None:
        """For uuencoded bodies: the decoded file; otherwise None."""
        if self.uuencoded_name is None:
            return None
        return uudecode(self.source[self.start : self.end])


def uudecode(body: bytes) -> bytes:
    """Decode the first `begin ... end` block in `body`, tolerating damaged lines."""
    out = bytearray()
    started = False
    for line in body.splitlines():
        if not started:
            if line.startswith(b"begin "):
                started = True
            continue
        if line.strip() == b"end" or line.startswith(b"end"):
            break
        if not line:
            continue
        try:
            out += binascii.a2b_uu(line)
        except binascii.Error:
            # Some encoders pad lines short; decode what the length byte promises.
            n = (((line[0] - 32) & 63) * 4 + 5) // 3
            try:
                out += binascii.a2b_uu(line[:n])
            except binascii.Error:
                continue  # a damaged line: skip it rather than lose the whole file
    return bytes(out)


@dataclass(frozen=True)
class Submission:
    accession: str | None
    form: str | None
    public_document_count: int | None  # as stated
    filed_date: dt.date | None
    period_of_report: dt.date | None
    date_as_of_change: dt.date | None
    effectiveness_date: dt.date | None
    acceptance_datetime: dt.datetime | None
    dissemination_date: dt.date | None  # the stamp after ".hdr.sgml :"
    dialect: str  # "space", "tag" or "none" (no header)
    envelope: str  # "sec-document", "ims-document", "submission", "header-only" or "none"
    pem: bool
    items: tuple[str, ...]  # raw ITEM INFORMATION / <ITEMS> values in order, blank as ""
    item_refs: tuple[ItemRef, ...]
    group_members: tuple[str, ...]
    # Every top-level header field as (KEY, value) in header order, including the
    # ones above and tag lines such as PRIVATE-TO-PUBLIC or SROS.
    fields: tuple[tuple[str, str], ...]
    parties: tuple[Party, ...]
    series: tuple[Series, ...]
    documents: tuple[Document, ...]
    findings: tuple[Finding, ...]
    unknown_lines: tuple[UnknownLine, ...]
    header_start: int  # byte offsets of the header text
    header_end: int
    size: int  # bytes read

    def field_values(self, key: str) -> list[str]:
        return [v for k, v in self.fields if k == key]
