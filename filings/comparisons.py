"""Two filings (or two stored versions of one accession) side by side: which pairs the
store offers, the header facts that differ, and each pair of documents compared by
`diffs`.

The current version of a filing is read from its rows; any other stored version is its
raw upload read again with the ingest's own parser and plain-text rendering (no HTML,
which a comparison does not show), kept for a few comparisons in each process.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from rapidfuzz import fuzz

from . import crosscheck, diffs, edgar, ingest, render
from .extract.registry import main_document
from .models import BINARY_KINDS, Filing, RawFile, document_slug
from .templatetags.addresses import address_line

EASTERN = ZoneInfo("America/New_York")
# Text compared word by word per side; documents past it are compared by hash only.
MAX_COMPARED_TEXT = 8_000_000
# Documents paired by content when neither type nor file name pairs them, from this
# similarity (rapidfuzz ratio of their openings).
SIMILAR_DOCUMENTS = 60


@dataclass
class DocumentText:
    position: int
    sequence: str
    type: str
    filename: str
    description: str
    kind: str
    size: int
    text: str
    text_hash: str

    @property
    def slug(self) -> str:
        return document_slug(self.sequence, self.position)

    @property
    def label(self) -> str:
        return " ".join(x for x in (self.sequence and f"#{self.sequence}", self.type) if x)


@dataclass
class Side:
    """One filing as one stored version of it says."""

    filing: Filing
    raw: RawFile
    form: str
    filed_date: dt.date | None
    facts: list[tuple[str, str]]
    parties: list[dict]
    documents: list[DocumentText]

    @property
    def version(self) -> int:
        return self.raw.version

    @property
    def current(self) -> bool:
        return self.raw.pk == self.filing.raw_id

    def url(self) -> str:
        return self.filing.get_absolute_url()


def side(filing: Filing, version: int | None = None) -> Side:
    """The filing as its current version, or as stored `version` (RawFile.DoesNotExist
    when there is no such version)."""
    if version is None or version == filing.version:
        return current_side(filing)
    raw = RawFile.objects.get(accession=filing.accession, version=version)
    snapshot = version_snapshot(raw.sha256, raw.blob, raw.original_name or filing.accession)
    return Side(
        filing,
        raw,
        snapshot.form,
        snapshot.filed_date,
        snapshot.facts,
        snapshot.parties,
        snapshot.documents,
    )


def current_side(filing: Filing) -> Side:
    documents = [
        DocumentText(
            position=d.position,
            sequence=d.sequence,
            type=d.type,
            filename=d.filename,
            description=d.description,
            kind=d.kind,
            size=d.end - d.start,
            text=d.text,
            text_hash=d.text_hash,
        )
        for d in filing.documents.only(
            "position",
            "sequence",
            "type",
            "filename",
            "description",
            "kind",
            "start",
            "end",
            "text",
            "text_hash",
        ).order_by("position")
    ]
    items = [item_label(i.code, i.title or i.raw_title) for i in filing.items.order_by("position")]
    parties = [
        {
            "role": p.role,
            "cik": p.cik,
            "name": p.name,
            "sic": p.sic,
            "sic_description": p.sic_description,
            "state_of_incorporation": p.state_of_incorporation,
            "fiscal_year_end": p.fiscal_year_end,
            "irs_number": p.irs_number,
            "relationships": list(p.relationships),
            "filing_values": p.filing_values,
            "business_address": p.business_address,
            "mail_address": p.mail_address,
            "former_names": p.former_names,
        }
        for p in filing.parties.order_by("position")
    ]
    facts = filing_facts(
        form=filing.form,
        filed=filing.filed_date,
        period=filing.period_of_report,
        change=filing.date_as_of_change,
        effective=filing.effectiveness_date,
        accepted=filing.acceptance_datetime,
        items=items,
        members=filing.group_members,
        findings=[f["code"] for f in filing.findings],
    )
    return Side(filing, filing.raw, filing.form, filing.filed_date, facts, parties, documents)


@dataclass(frozen=True)
class Snapshot:
    form: str
    filed_date: dt.date | None
    facts: list
    parties: list
    documents: list

    @property
    def text_size(self) -> int:
        return sum(len(d.text) for d in self.documents)


# Versions read again, kept per process by sha256 (the newest last), within a bound on
# their text so a few large uploads cannot hold a worker's memory.
SNAPSHOTS: collections.OrderedDict[str, Snapshot] = collections.OrderedDict()
SNAPSHOT_TEXT = 64_000_000
SNAPSHOT_COUNT = 4


def version_snapshot(sha256: str, blob: str, name: str) -> Snapshot:
    """A stored version read again: parsed, and each document's plain text rendered as
    the ingest renders it; read once per process while among the last few compared."""
    if sha256 in SNAPSHOTS:
        SNAPSHOTS.move_to_end(sha256)
        return SNAPSHOTS[sha256]
    snapshot = read_version(sha256, blob, name)
    SNAPSHOTS[sha256] = snapshot
    while len(SNAPSHOTS) > SNAPSHOT_COUNT or (
        len(SNAPSHOTS) > 1 and sum(s.text_size for s in SNAPSHOTS.values()) > SNAPSHOT_TEXT
    ):
        SNAPSHOTS.popitem(last=False)
    if snapshot.text_size > SNAPSHOT_TEXT:
        SNAPSHOTS.pop(sha256)
    return snapshot


def read_version(sha256: str, blob: str, name: str) -> Snapshot:
    raw = RawFile(sha256=sha256, blob=blob)
    sub = edgar.parse(raw.read(), name=name)
    texts = [ingest.document_text(doc) for doc in sub.documents]
    main = main_document(sub)
    rows = crosscheck.check_items(sub, texts[main] if main is not None else None)
    documents = [
        DocumentText(
            position=i,
            sequence=(doc.sequence or "")[:20],
            type=(doc.type or "")[:60],
            filename=(doc.filename or "")[:255],
            description=(doc.description or "")[:1000],
            kind=doc.kind,
            size=doc.end - doc.start,
            text=texts[i],
            text_hash=render.text_hash(texts[i]),
        )
        for i, doc in enumerate(sub.documents)
    ]
    parties = []
    for party in sub.parties:
        row = dataclasses.asdict(party)
        row["cik"] = int(party.cik) if party.cik and party.cik.strip().isdigit() else None
        row["former_names"] = [
            {"name": f.name, "date_of_change": f.date_of_change and f.date_of_change.isoformat()}
            for f in party.former_names
        ]
        parties.append(row)
    facts = filing_facts(
        form=sub.form or "",
        filed=sub.filed_date,
        period=sub.period_of_report,
        change=sub.date_as_of_change,
        effective=sub.effectiveness_date,
        accepted=ingest.aware(sub.acceptance_datetime),
        items=[item_label(r.code, r.title or r.raw_title) for r in rows],
        members=list(sub.group_members),
        findings=[f.code for f in sub.findings],
    )
    return Snapshot(sub.form or "", sub.filed_date, facts, parties, documents)


def item_label(code: str, title: str) -> str:
    return " ".join(x for x in (code, title) if x) or "(blank)"


def iso(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        # As the filing page shows it: EDGAR's own clock, US Eastern.
        return value.astimezone(EASTERN).strftime("%Y-%m-%d %H:%M:%S %Z")
    return value.isoformat()


def filing_facts(
    *, form, filed, period, change, effective, accepted, items, members, findings
) -> list[tuple[str, str]]:
    return [
        ("Form", form or ""),
        ("Filed", iso(filed)),
        ("Period of report", iso(period)),
        ("Date as of change", iso(change)),
        ("Effective", iso(effective)),
        ("Accepted", iso(accepted)),
        ("Items", " · ".join(items)),
        ("Group members", "; ".join(members)),
        ("Data-quality findings", ", ".join(findings)),
    ]


# ---------------------------------------------------------------------------
# Header facts that differ


PARTY_FACTS = (
    ("name", "name"),
    ("CIK", "cik"),
    ("SIC", "sic"),
    ("state of incorporation", "state_of_incorporation"),
    ("fiscal year end", "fiscal_year_end"),
    ("IRS number", "irs_number"),
    ("relationship", "relationships"),
    ("file numbers", "file_numbers"),
    ("business address", "business_address"),
    ("mail address", "mail_address"),
    ("former names", "former_names"),
)


def party_value(party: dict, key: str) -> str:
    if key == "cik":
        return f"{party['cik']:010d}" if party.get("cik") is not None else ""
    if key == "sic":
        return " ".join(x for x in (party.get("sic"), party.get("sic_description")) if x)
    if key == "relationships":
        return ", ".join(party.get("relationships") or [])
    if key == "file_numbers":
        numbers = [v.get("file_number") for v in party.get("filing_values") or []]
        return ", ".join(dict.fromkeys(n for n in numbers if n))
    if key in ("business_address", "mail_address"):
        address = party.get(key)
        line = address_line(address)
        phone = (address or {}).get("phone")
        return f"{line} · {phone}" if line and phone else line or (phone or "")
    if key == "former_names":
        return "; ".join(
            f"{f['name']} (until {f.get('date_of_change') or '?'})"
            for f in party.get("former_names") or []
        )
    return str(party.get(key) or "")


ROLE_NAMES = {
    "filer": "Filer",
    "filed-by": "Filed by",
    "filed-for": "Filed for",
    "subject-company": "Subject company",
    "reporting-owner": "Reporting owner",
    "issuer": "Issuer",
    "serial-company": "Serial company",
}


def pair_parties(a: list[dict], b: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """The same party on both sides: same role and CIK, then same role and name, then
    the n-th of a role (a filer that changed both its name and its CIK is rare)."""
    left = list(a)
    pairs: list[tuple[dict | None, dict | None]] = []
    unmatched: list[dict] = []
    for party in b:
        found = next(
            (
                x
                for x in left
                if x["role"] == party["role"] and party["cik"] and x["cik"] == party["cik"]
            ),
            None,
        ) or next(
            (x for x in left if x["role"] == party["role"] and x["name"] == party["name"]), None
        )
        if found is None:
            unmatched.append(party)
            continue
        left.remove(found)
        pairs.append((found, party))
    for party in unmatched:
        found = next((x for x in left if x["role"] == party["role"]), None)
        if found is not None:
            left.remove(found)
        pairs.append((found, party))
    pairs += [(x, None) for x in left]
    return pairs


def party_title(a: dict | None, b: dict | None) -> str:
    party = b or a
    role = ROLE_NAMES.get(party["role"], party["role"])
    return f"{role} {party['name']}".strip()


def header_differences(a: Side, b: Side) -> list[dict]:
    """Every header fact that is not the same on both sides, in the order the filing
    page shows them: filing facts, each party's facts, then the documents list."""
    rows: list[dict] = []
    for (label, va), (_, vb) in zip(a.facts, b.facts, strict=True):
        if va != vb:
            rows.append({"fact": label, "a": va, "b": vb})
    for pa, pb in pair_parties(a.parties, b.parties):
        title = party_title(pa, pb)
        if pa is None or pb is None:
            present = pb or pa
            value = " ".join(
                x
                for x in (
                    present["name"],
                    party_value(present, "cik") and f"CIK {party_value(present, 'cik')}",
                )
                if x
            )
            rows.append(
                {"fact": title, "a": value if pa else "", "b": value if pb else "", "party": True}
            )
            continue
        for label, key in PARTY_FACTS:
            va, vb = party_value(pa, key), party_value(pb, key)
            if va != vb:
                rows.append({"fact": f"{title}: {label}", "a": va, "b": vb})
    for pair in pair_documents(a.documents, b.documents, a.form, b.form):
        da, db = pair.a, pair.b
        if da is None or db is None:
            doc = da or db
            value = document_line(doc)
            rows.append(
                {
                    "fact": f"Document {doc.label}",
                    "a": value if da else "",
                    "b": value if db else "",
                }
            )
            continue
        va, vb = document_line(da), document_line(db)
        if va != vb:
            rows.append({"fact": f"Document {db.label}", "a": va, "b": vb})
    return rows


def document_line(doc: DocumentText) -> str:
    return " · ".join(x for x in (doc.sequence, doc.type, doc.filename, doc.description) if x)


# ---------------------------------------------------------------------------
# Documents paired and compared


@dataclass
class DocumentPair:
    a: DocumentText | None
    b: DocumentText | None
    how: str = ""
    diff: diffs.TextDiff | None = None
    notice: str = ""
    skipped: bool = False  # changed text not compared on this page (see compare())

    @property
    def status(self) -> str:
        if self.a is None:
            return diffs.ADDED
        if self.b is None:
            return diffs.REMOVED
        if self.a.text_hash == self.b.text_hash and (
            self.a.kind not in BINARY_KINDS or self.a.size == self.b.size
        ):
            return diffs.SAME
        if self.diff is not None and not self.diff.changed:
            return diffs.SAME
        return diffs.CHANGED

    @property
    def anchor(self) -> str:
        return f"doc-{(self.b or self.a).slug}-{'b' if self.b else 'a'}"

    @property
    def label(self) -> str:
        return (self.b or self.a).label

    @property
    def kind(self) -> str:
        """The kind of whichever side there is (an added or removed document has one)."""
        return (self.b or self.a).kind

    @property
    def description(self) -> str:
        return (self.b and self.b.description) or (self.a and self.a.description) or ""


def pair_documents(
    a: list[DocumentText], b: list[DocumentText], form_a: str = "", form_b: str = ""
) -> list[DocumentPair]:
    """Documents of `b` each with its counterpart in `a`: same type and sequence, the
    main documents (of types `form_a` and `form_b`), same file name, the only one of its
    type on both sides, then the most similar text."""
    left = list(a)
    found: dict[int, DocumentPair] = {}

    def take(doc_b: DocumentText, match, how: str) -> None:
        left.remove(match)
        found[doc_b.position] = DocumentPair(match, doc_b, how)

    rules = (
        (lambda x, y: x.type == y.type and x.sequence == y.sequence, "same type and sequence"),
        # A 10-Q/A's own document is the 10-Q's, amended.
        (lambda x, y: x.type == form_a and y.type == form_b, "both the filing's main document"),
        (lambda x, y: bool(y.filename) and x.filename == y.filename, "same file name"),
    )
    for rule, how in rules:
        for doc in b:
            if doc.position in found:
                continue
            match = next((x for x in left if rule(x, doc)), None)
            if match is not None:
                take(doc, match, how)
    for doc in b:
        if doc.position in found or not doc.type:
            continue
        same_a = [x for x in left if x.type == doc.type]
        same_b = [y for y in b if y.type == doc.type and y.position not in found]
        if len(same_a) == 1 and len(same_b) == 1:
            take(doc, same_a[0], "only one of its type")
    for doc in b:
        if doc.position in found or doc.kind in BINARY_KINDS or not doc.text:
            continue
        scored = [
            (fuzz.ratio(x.text[:3000], doc.text[:3000]), x)
            for x in left
            if x.kind not in BINARY_KINDS and x.text
        ]
        if scored:
            score, match = max(scored, key=lambda t: t[0])
            if score >= SIMILAR_DOCUMENTS:
                take(doc, match, f"similar text ({score:.0f}%)")
    pairs = [found.get(doc.position) or DocumentPair(None, doc) for doc in b]
    pairs += [DocumentPair(x, None) for x in left]
    return pairs


@dataclass
class Comparison:
    a: Side
    b: Side
    header: list[dict]
    documents: list[DocumentPair]
    budget: diffs.Budget = field(default_factory=diffs.Budget)
    notices: list[str] = field(default_factory=list)

    @property
    def changed_documents(self) -> list[DocumentPair]:
        return [p for p in self.documents if p.status != diffs.SAME]

    @property
    def sections_changed(self) -> int:
        return sum(p.diff.changed_sections for p in self.documents if p.diff)

    @property
    def words_added(self) -> int:
        return sum(p.diff.words_added for p in self.documents if p.diff)

    @property
    def words_removed(self) -> int:
        return sum(p.diff.words_removed for p in self.documents if p.diff)


def compare(a: Side, b: Side, only: str = "") -> Comparison:
    """The two compared; with `only` (a document slug of `b`), that pair alone is
    compared word by word, with the whole budget to itself."""
    pairs = pair_documents(a.documents, b.documents, a.form, b.form)
    result = Comparison(a, b, header_differences(a, b), pairs)
    compared = 0
    for pair in result.documents:
        da, db = pair.a, pair.b
        if da is None or db is None:
            continue
        if only and db.slug != only:
            pair.skipped = pair.status != diffs.SAME
            continue
        if da.kind in BINARY_KINDS or db.kind in BINARY_KINDS:
            if pair.status != diffs.SAME:
                pair.notice = "A file, not text: the two differ."
            continue
        if da.text_hash == db.text_hash:
            continue
        compared += len(da.text) + len(db.text)
        if compared > 2 * MAX_COMPARED_TEXT:
            pair.notice = (
                "Not compared word by word here: the documents before it already fill this "
                "comparison. Their texts differ; compare this document alone."
            )
            pair.skipped = True
            continue
        pair.diff = diffs.compare_texts(
            da.text, db.text, a.form, b.form, a.filed_date, b.filed_date, result.budget
        )
    if result.budget.exhausted:
        result.notices.append(
            "Some changed paragraphs are too long or too many to mark word by word; they "
            "are shown whole, the old beside the new."
        )
    return result


# ---------------------------------------------------------------------------
# The pairs the store offers


@dataclass
class Offer:
    """A comparison worth a "Compare with previous" link, and how its pair was found."""

    label: str
    url: str
    how: str
    other: Filing | None = None


def compare_url(a: str, b: str, av: int | None = None, bv: int | None = None) -> str:
    from urllib.parse import urlencode

    from django.urls import reverse

    query = {"a": a}
    if av is not None:
        query["av"] = av
    query["b"] = b
    if bv is not None:
        query["bv"] = bv
    return f"{reverse('compare')}?{urlencode(query)}"


def previous_version(filing: Filing, version: int) -> int | None:
    if version <= 1:
        return None  # versions count from 1
    return (
        RawFile.objects.filter(accession=filing.accession, version__lt=version)
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
    )


def filer_companies(filing: Filing) -> list[int]:
    """The companies a filing is by (issuer, filer, subject company ...), not its owners."""
    primary = filing.primary_party
    if primary is not None and primary.company_id:
        return [primary.company_id]
    return list(filing.parties.exclude(company=None).values_list("company_id", flat=True))


def amended_filing(filing: Filing) -> tuple[Filing | None, str]:
    """For an amendment (8-K/A, 10-K/A), the stored filing it amends and how it was
    found: the same filer's latest filing of the base form filed on or before it, for
    the same period of report when the amendment states one."""
    if not filing.form.upper().endswith("/A"):
        return None, ""
    base = filing.form[:-2]
    earlier = Filing.objects.filter(
        form__iexact=base, parties__company_id__in=filer_companies(filing)
    ).exclude(pk=filing.pk)
    how = f"the same filer's latest {base} filed on or before this amendment"
    if filing.filed_date:
        earlier = earlier.filter(filed_date__lte=filing.filed_date)
    earlier = earlier.order_by("-filed_date", "-accession").distinct()
    if filing.period_of_report:
        same_period = earlier.filter(period_of_report=filing.period_of_report).first()
        if same_period is not None:
            period = filing.period_of_report.isoformat()
            return same_period, f"{how}, for the same period of report ({period})"
        how += f" (none is for its period of report, {filing.period_of_report.isoformat()})"
    found = earlier.first()
    return found, how if found else ""


def previous_of_form(filing: Filing) -> Filing | None:
    """The same company's filing of the same form before this one."""
    companies = filer_companies(filing)
    if not companies or filing.filed_date is None:
        return None
    earlier = (
        Filing.objects.filter(form=filing.form, parties__company_id__in=companies)
        .exclude(pk=filing.pk)
        .filter(filed_date__lte=filing.filed_date)
        .exclude(filed_date=filing.filed_date, accession__gt=filing.accession)
    )
    return earlier.order_by("-filed_date", "-accession").distinct().first()


def offers(filing: Filing, version: int | None = None) -> list[Offer]:
    """Every "Compare with previous" the store can answer for this filing (as `version`,
    its current one by default)."""
    found: list[Offer] = []
    version = version or filing.version
    before = previous_version(filing, version)
    if before is not None:
        found.append(
            Offer(
                f"Compare with previous version ({before})",
                compare_url(filing.accession, filing.accession, before, version),
                f"the stored version before version {version} of this accession",
            )
        )
    amended, how = amended_filing(filing)
    if amended is not None:
        found.append(
            Offer(
                f"Compare with the amended {amended.form} ({amended.accession})",
                compare_url(amended.accession, filing.accession),
                how,
                amended,
            )
        )
    previous = previous_of_form(filing)
    if previous is not None and previous != amended:
        found.append(
            Offer(
                f"Compare with previous {previous.form} "
                f"({previous.accession}, filed {iso(previous.filed_date)})",
                compare_url(previous.accession, filing.accession),
                f"the same company's {previous.form} filed before this one",
                previous,
            )
        )
    return found


def previous_of_form_by_accession(rows) -> dict[str, str]:
    """For a company's filings as (accession, form, filed_date) rows: each accession's
    previous filing of the same form."""
    latest: dict[str, str] = {}
    previous: dict[str, str] = {}
    for accession, form, _filed in sorted(set(rows), key=lambda r: (r[2] or dt.date.min, r[0])):
        if form in latest:
            previous[accession] = latest[form]
        latest[form] = accession
    return previous


def how_paired(a: Side, b: Side) -> str:
    """What the store says links the two, for the top of the comparison."""
    if a.filing.pk == b.filing.pk:
        return f"Two stored versions of {a.filing.accession}."
    amended, how = amended_filing(b.filing)
    if amended is not None and amended.pk == a.filing.pk:
        return f"The amendment and the filing it amends, matched as {how}."
    previous = previous_of_form(b.filing)
    if previous is not None and previous.pk == a.filing.pk:
        return f"The same company's {b.form} and the one filed before it."
    return ""
