"""Filings as uploaded: the raw bytes of every version, the parsed header, parties and
items, and each document with its sanitized rendering and plain text."""

import functools
import hashlib
import re
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.urls import reverse

from .companies import Company, Person, padded_cik

# The sample filing (the 2004 Internap 8-K) as written for this project.
SAMPLE_PATH = Path(__file__).resolve().parents[1] / "sample" / "0001193125-04-218426.txt"


# The party a filing is "by", first found: the issuer of a Form 4 rather than its owner.
PRIMARY_ROLES = ("filer", "issuer", "subject-company", "filed-for", "filed-by")
# A party's rank among them, for ordering parties in a query (the rest after).
PRIMARY_ROLE_RANK = models.Case(
    *(models.When(role=role, then=rank) for rank, role in enumerate(PRIMARY_ROLES)), default=99
)


# Document kinds served as files rather than rendered as HTML.
BINARY_KINDS = frozenset({"pdf", "image", "binary"})


def document_slug(sequence: str | None, position: int) -> str:
    """The URL segment naming a document: its sequence number, or its position."""
    return sequence if sequence and sequence.isdigit() else f"p{position + 1}"


class RawFile(models.Model):
    """An uploaded submission, byte for byte, content-addressed by sha256.

    Kept for every version of an accession so a filing can be re-parsed at any time.
    """

    sha256 = models.CharField(max_length=64, unique=True)
    blob = models.CharField(max_length=200, help_text="Name in the default storage")
    size = models.PositiveBigIntegerField()
    original_name = models.CharField(max_length=255, blank=True)
    accession = models.CharField(max_length=20, db_index=True)
    version = models.PositiveIntegerField(default=1)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    # What the reader found in these bytes, so every version can be listed with its
    # damage without parsing it again.
    findings = models.JSONField(default=list, blank=True)
    document_count = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["accession", "version"]

    def __str__(self):
        return f"{self.accession} v{self.version} ({self.sha256[:12]})"

    @staticmethod
    def storage_name(sha256: str) -> str:
        return f"{sha256[:2]}/{sha256[2:4]}/{sha256}.txt"

    def read(self) -> bytes:
        with default_storage.open(self.blob, "rb") as f:
            return f.read()

    def read_range(self, start: int, end: int) -> bytes:
        with default_storage.open(self.blob, "rb") as f:
            f.seek(start)
            return f.read(end - start)

    @property
    def is_sample(self) -> bool:
        """The sample `make run` loads when the real filing is not at hand: text written
        for this project under a real accession number."""
        return self.sha256 == sample_sha256()


@functools.cache
def sample_sha256() -> str:
    return hashlib.sha256(SAMPLE_PATH.read_bytes()).hexdigest()


class VersionChange(models.Model):
    """Who made which stored version of an accession its current one, and when."""

    accession = models.CharField(max_length=20, db_index=True)
    from_version = models.PositiveIntegerField()
    to_version = models.PositiveIntegerField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.accession}: v{self.from_version} -> v{self.to_version}"


class FilingQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by("-filed_date", "-accession")


class Filing(models.Model):
    accession = models.CharField(max_length=20, primary_key=True)
    form = models.CharField(max_length=40, db_index=True)
    public_document_count = models.PositiveIntegerField(null=True, blank=True)
    filed_date = models.DateField(null=True, blank=True, db_index=True)
    period_of_report = models.DateField(null=True, blank=True)
    date_as_of_change = models.DateField(null=True, blank=True)
    effectiveness_date = models.DateField(null=True, blank=True)
    acceptance_datetime = models.DateTimeField(null=True, blank=True)
    dissemination_date = models.DateField(null=True, blank=True)
    dialect = models.CharField(max_length=10)
    envelope = models.CharField(max_length=20)
    pem = models.BooleanField(default=False)
    items_raw = models.JSONField(default=list, blank=True)
    group_members = models.JSONField(default=list, blank=True)
    header_fields = models.JSONField(default=list, blank=True, help_text="[KEY, value] in order")
    series = models.JSONField(default=list, blank=True)
    unknown_lines = models.JSONField(default=list, blank=True)
    findings = models.JSONField(default=list, blank=True)
    cover_differences = models.JSONField(
        default=list, blank=True, help_text="Cover page vs header, from the main document"
    )
    items_disagree = models.BooleanField(default=False)
    header_start = models.PositiveBigIntegerField(default=0)
    header_end = models.PositiveBigIntegerField(default=0)
    size = models.PositiveBigIntegerField()
    document_count = models.PositiveIntegerField(default=0)
    parser_version = models.PositiveIntegerField()
    raw = models.ForeignKey(RawFile, on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FilingQuerySet.as_manager()

    class Meta:
        ordering = ["-filed_date", "-accession"]
        # The home page's "what arrived": without it the newest ten are a sort of every
        # filing (a quarter of a second at 300,000).
        indexes = [models.Index(fields=["-created_at", "-accession"], name="filing_arrivals")]

    def __str__(self):
        return f"{self.accession} {self.form}"

    def get_absolute_url(self):
        return reverse("filing", args=[self.accession])

    @property
    def edgar_index_url(self) -> str:
        cik = self.accession.split("-")[0].lstrip("0") or "0"
        # From the parties themselves, so a page that has them prefetched runs no query.
        first = next((p for p in self.parties.all() if p.cik is not None), None)
        if first:
            cik = str(first.cik)
        plain = self.accession.replace("-", "")
        return f"https://www.sec.gov/Archives/edgar/data/{cik}/{plain}/{self.accession}-index.htm"

    @property
    def is_sample(self) -> bool:
        return self.raw.is_sample

    def versions(self):
        """Every stored upload of this accession, oldest first."""
        return RawFile.objects.filter(accession=self.accession).select_related("uploaded_by")

    @property
    def primary_party(self):
        parties = list(self.parties.all())
        for role in PRIMARY_ROLES:
            for p in parties:
                if p.role == role:
                    return p
        return parties[0] if parties else None


# ASCII digits only, and few of them: str.isdigit() also accepts "²", which int() refuses, and
# a position past SQLite's 64-bit integers would fail in the query instead of giving a 404.
_SLUG = re.compile(r"(?:(?P<sequence>[0-9]{1,20})|p(?P<position>[0-9]{1,9}))")


def parse_slug(slug: str) -> tuple[str | None, str | int | None]:
    """("sequence", "3") or ("position", 0) for a document's URL segment; (None, None) when it
    names neither."""
    match = _SLUG.fullmatch(slug)
    if match is None or match["position"] == "0":
        return None, None
    if match["sequence"] is not None:
        return "sequence", match["sequence"]
    return "position", int(match["position"]) - 1


class DocumentQuerySet(models.QuerySet):
    def by_slug(self, slug: str):
        """The document a URL segment names (its sequence number, or p<position>), or None."""
        kind, value = parse_slug(slug)
        if kind == "sequence":
            return self.filter(sequence=value).order_by("position").first()
        if kind == "position":
            return self.filter(position=value).first()
        return None

    def without_bodies(self):
        """Documents without their stored renderings. `only`, not `defer`: SQLite reads a
        row's overflow pages up to the last column selected, so any column after the big
        ones would cost their whole size."""
        return self.only(
            "filing_id",
            "position",
            "sequence",
            "type",
            "filename",
            "description",
            "start",
            "end",
            "kind",
            "encoding",
            "uuencoded_name",
            "closed",
        )


class Document(models.Model):
    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="documents")
    position = models.PositiveIntegerField(help_text="0-based order in the file")
    sequence = models.CharField(max_length=20, blank=True)
    type = models.CharField(max_length=60, blank=True)
    filename = models.CharField(max_length=255, blank=True)
    description = models.CharField(max_length=1000, blank=True)
    start = models.PositiveBigIntegerField(help_text="Body offset in the raw file")
    end = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=10)
    encoding = models.CharField(max_length=20)
    uuencoded_name = models.CharField(max_length=255, blank=True)
    closed = models.BooleanField(default=True)
    html = models.TextField(blank=True, help_text="Sanitized rendering, served in the frame")
    sanitizer_version = models.PositiveIntegerField(default=0)
    text = models.TextField(blank=True, help_text="Stable plain text: evidence offsets point here")
    text_hash = models.CharField(max_length=64, blank=True)
    text_version = models.PositiveIntegerField(default=0)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["filing", "position"]
        constraints = [
            models.UniqueConstraint(fields=["filing", "position"], name="document_position")
        ]

    def __str__(self):
        return f"{self.filing_id} #{self.sequence or self.position + 1} {self.type}"

    def get_absolute_url(self):
        return reverse("document", args=[self.filing_id, self.slug])

    @property
    def size(self) -> int:
        return self.end - self.start

    @property
    def slug(self) -> str:
        return document_slug(self.sequence, self.position)

    def raw_body(self) -> bytes:
        return self.filing.raw.read_range(self.start, self.end)

    def body_text(self) -> str:
        """The decoded body, read back from the stored upload."""
        raw = self.raw_body()
        if self.encoding == "utf-8":
            return raw.decode("utf-8")
        return raw.decode("windows-1252", errors="replace")


# A related document without its stored renderings, which can be megabytes.
LIGHT_DOCUMENT = models.Prefetch("document", queryset=Document.objects.without_bodies())


class FilingParty(models.Model):
    """One entity section of a filing's header, with that filing's snapshot of its data."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="parties")
    position = models.PositiveIntegerField()
    role = models.CharField(max_length=20, db_index=True)
    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.PROTECT, related_name="parties"
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="parties"
    )
    cik = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    name = models.CharField(max_length=255, blank=True, help_text="As written in this filing")
    sic = models.CharField(max_length=8, blank=True)
    sic_description = models.CharField(max_length=255, blank=True)
    organization_name = models.CharField(max_length=255, blank=True)
    irs_number = models.CharField(max_length=20, blank=True)
    state_of_incorporation = models.CharField(max_length=8, blank=True)
    fiscal_year_end = models.CharField(max_length=4, blank=True)
    relationships = models.JSONField(default=list, blank=True)
    filing_values = models.JSONField(default=list, blank=True)
    business_address = models.JSONField(null=True, blank=True)
    mail_address = models.JSONField(null=True, blank=True)
    former_names = models.JSONField(default=list, blank=True)
    extra = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["filing", "position"]
        verbose_name_plural = "filing parties"

    def __str__(self):
        return f"{self.role}: {self.name}"

    @property
    def cik_padded(self) -> str:
        return padded_cik(self.cik)

    @property
    def addresses(self) -> list[tuple[str, dict]]:
        pairs = [("Business address", self.business_address), ("Mail address", self.mail_address)]
        return [(label, a) for label, a in pairs if a and any(a.values())]


class Item(models.Model):
    """An 8-K item (or Form D / ABS-15G item) of a filing, with where it came from."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    code = models.CharField(max_length=10, blank=True, db_index=True)
    raw_title = models.CharField(max_length=500, blank=True, help_text="The header line")
    title = models.CharField(max_length=500, blank=True)
    source = models.CharField(max_length=20, help_text="header, body or both")
    # The body heading announcing the item, in the main document's plain text.
    body_start = models.PositiveIntegerField(null=True, blank=True)
    body_end = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["filing", "position"]

    def __str__(self):
        return f"{self.code or '?'} {self.title or self.raw_title}"
