"""The only write path: bytes -> parse -> render -> one transaction keyed on accession.

`prepare()` does all the slow, pure work (parsing, sanitizing, text extraction) and
touches no database, so it can run in worker processes. `store()` then writes the
prepared filing in one short transaction. A failure anywhere leaves the database
exactly as it was.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import dataclasses
import functools
import gc
import hashlib
import itertools
import logging
import re
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, connections, router, transaction
from django.db.models import Max
from django.urls import reverse

from . import (
    annotations,
    crosscheck,
    decisions,
    edgar,
    identity,
    insiders,
    render,
    sanitize,
    search,
    watches,
)
from .extract import exhibits as exhibit_extract
from .extract import transactions as transaction_extract
from .extract.model import Extraction
from .extract.organizations import normalize_company_name, organization_mentions
from .extract.people import from_header_name
from .extract.prose import sentences
from .extract.registry import extract, main_document
from .models import (
    BINARY_KINDS,
    Company,
    Document,
    Event,
    Exhibit,
    ExhibitReference,
    Filing,
    FilingParty,
    Item,
    OrganizationMention,
    RawFile,
    VersionChange,
    document_slug,
)
from .names import is_person

log = logging.getLogger("filings.ingest")
ACCESSION_RE = re.compile(r"^\d{10}-\d{2}-\d{6}$")

# KEPT: stored as a version of its accession, but not made current (see damage()).
CREATED, UPDATED, UNCHANGED, KEPT, REFUSED = "created", "updated", "unchanged", "kept", "refused"


class Refused(Exception):
    """The upload is not a filing we can store; the message says why."""


@dataclass
class PreparedDocument:
    doc: edgar.Document
    html: str
    text: str
    text_hash: str
    # Set once a rendering is in the database and dropped from memory (write_version).
    released: bool = False

    def release_html(self) -> None:
        self.html = ""
        self.released = True

    def release_text(self) -> None:
        self.text = ""
        self.released = True


@dataclass
class Prepared:
    name: str
    data: bytes = field(repr=False)
    sha256: str
    submission: edgar.Submission = field(repr=False)
    documents: list[PreparedDocument] = field(repr=False)
    items: list[crosscheck.ItemRow] = field(repr=False)
    cover_differences: list[dict] = field(repr=False)
    extraction: Extraction = field(repr=False)
    exhibits: list = field(repr=False)
    exhibit_references: list = field(repr=False)
    organizations: list = field(repr=False)
    ownership: list = field(repr=False, default_factory=list)  # Forms 3, 4, 5

    @property
    def large(self) -> bool:
        """Large enough that storing it lets go of each rendering once it is written."""
        return sum(len(p.html) + len(p.text) for p in self.documents) >= LARGE_FILING_CHARS

    @property
    def released(self) -> bool:
        """Some renderings were let go by storing it: storing it again renders them anew."""
        return any(p.released for p in self.documents)


@dataclass
class IngestResult:
    name: str
    status: str
    accession: str | None = None
    message: str = ""
    findings: list[dict] = field(default_factory=list)
    version: int | None = None

    @property
    def ok(self) -> bool:
        return self.status != REFUSED


def ingest(data: bytes, name: str, user=None, replace_complete: bool = False) -> IngestResult:
    """Parse, validate and store one uploaded submission (and log what became of it)."""
    started = time.perf_counter()
    try:
        prepared = prepare(data, name)
    except Refused as exc:
        result = IngestResult(name=name, status=REFUSED, message=str(exc))
    else:
        result = store(prepared, user=user, replace_complete=replace_complete)
    log_ingest(result, len(data), started, user)
    return result


def check_size(sub: edgar.Submission, name: str) -> None:
    """A submission with more documents or parties than any real filing is refused before
    anything is rendered, so a hostile file cannot make ingest take unbounded time or
    memory. (The largest filings have a few hundred documents and filers.)"""
    for count, limit, what in (
        (len(sub.documents), settings.MAX_DOCUMENTS, "documents"),
        (len(sub.parties), settings.MAX_PARTIES, "filers and other parties"),
    ):
        if count > limit:
            raise Refused(
                f"{name}: {count:,} {what}, more than the {limit:,} one submission may hold "
                "here; nothing was stored."
            )


def log_ingest(result: IngestResult, size: int, started: float, user=None) -> None:
    ms = round((time.perf_counter() - started) * 1000, 1)
    log.log(
        logging.WARNING if result.status == REFUSED else logging.INFO,
        "ingest %s %s %s (%d bytes, %.1f ms)",
        result.name,
        result.status,
        result.accession or "-",
        size,
        ms,
        extra={
            "event": "ingest",
            "file": result.name,
            "status": result.status,
            "accession": result.accession,
            "version": result.version,
            "bytes": size,
            "ms": ms,
            "user": user.get_username() if user is not None and user.is_authenticated else None,
            **({"reason": result.message} if result.status == REFUSED else {}),
        },
    )


def prepare(data: bytes, name: str) -> Prepared:
    """Everything that can fail or take time, before any write. Raises Refused."""
    with _no_cycle_collection():
        return _prepare(data, name)


@contextlib.contextmanager
def _no_cycle_collection():
    """The cycle collector kept off while a filing is read: it walked every object the
    reading keeps (a long filing's hundreds of thousands of names, mentions and spans) over
    and over, a twentieth of the time, to find almost nothing (a dozen objects a filing of
    the corpus), which its next run after the reading frees."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _prepare(data: bytes, name: str) -> Prepared:
    try:
        sub = edgar.parse(data, name=name)
    except edgar.EdgarError as exc:
        raise Refused(exc.message) from exc
    if not sub.accession or not ACCESSION_RE.match(sub.accession):
        raise Refused(
            f"{name}: no accession number was found in the header or the file name, "
            "so the filing cannot be stored."
        )
    check_size(sub, name)
    if not sub.form:
        sub = form_from_first_document(sub, name)
    resolve = same_filing_resolver(sub)
    documents = [render_document(doc, resolve) for doc in sub.documents]
    main = main_document(sub)
    main_text = documents[main].text if main is not None else None
    prepared = Prepared(
        name=name,
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        submission=sub,
        documents=documents,
        items=crosscheck.check_items(sub, main_text),
        cover_differences=crosscheck.cover_differences(sub, main_text),
        **extracted(sub, documents),
    )
    # Everything is rendered and extracted: the decoded bodies would only weigh on the
    # store (and on the pipe from a parse worker).
    for doc in sub.documents:
        doc.forget_text()
    return prepared


def extracted(sub: edgar.Submission, documents: list[PreparedDocument]) -> dict:
    """People, events, exhibits and organisations found in the documents' plain text."""
    texts = {i: p.text for i, p in enumerate(documents) if p.text}
    main = main_document(sub)
    main_text = texts.get(main) if main is not None else None
    # Exhibit references and organisations both need the main text's sentences: split it
    # once. The memo lives as long as this call, so no text outlives its filing.
    split = functools.cache(sentences)
    return {
        "extraction": extract(sub, texts),
        "exhibits": find_exhibits(sub, main, main_text),
        "exhibit_references": (
            exhibit_extract.exhibit_references(
                main_text, sequence=sequence_of(sub, main), split=split
            )
            if main_text
            else []
        ),
        "organizations": find_organizations(sub, texts, split),
        "ownership": transaction_extract.reports(sub),
    }


def sequence_of(sub: edgar.Submission, position: int) -> str:
    return sub.documents[position].sequence or str(position + 1)


def find_exhibits(sub: edgar.Submission, main: int | None, main_text: str | None) -> list:
    """The exhibit index: the filing's EX-* documents merged with the main document's list."""
    listed = exhibit_extract.exhibits_from_documents(sub.documents)
    indexed = (
        exhibit_extract.exhibit_index(main_text, sequence=sequence_of(sub, main))
        if main_text
        else []
    )
    return exhibit_extract.merge_exhibits(listed, indexed)


# Organisations are read where filers write about them in prose.
PROSE_TYPES = re.compile(r"^(8-K|6-K|EX-99|SC 14D9|SC TO|DEFA14A|425|CORRESP|UPLOAD)", re.I)


def find_organizations(sub: edgar.Submission, texts: dict[int, str], split=sentences) -> list:
    known = {}
    for party in sub.parties:
        if party.cik and party.cik.isdigit():
            for name in (party.name, *(f.name for f in party.former_names)):
                if name:
                    known[name] = int(party.cik)
    found = []
    for position, text in texts.items():
        doc = sub.documents[position]
        if doc.kind in ("html", "ixbrl", "text") and PROSE_TYPES.match(doc.type or ""):
            found += organization_mentions(
                text, sequence=sequence_of(sub, position), known=known, split=split
            )
    return found


def form_from_first_document(sub: edgar.Submission, name: str) -> edgar.Submission:
    """With no header, the first document's type is the best statement of the form."""
    first = sub.documents[0].type if sub.documents else None
    if not first:
        raise Refused(
            f"{name}: neither a header nor a first document states the form type, "
            "so the filing cannot be stored."
        )
    note = edgar.Finding(
        code="form-from-document",
        message=f"No header states the form type; it was taken from the first document ({first}).",
        where="document 1",
    )
    return dataclasses.replace(sub, form=first, findings=(*sub.findings, note))


def render_document(doc: edgar.Document, resolve) -> PreparedDocument:
    """The stored renderings of one document: safe HTML for the frame and stable plain text.

    PDFs, images and other binaries get no HTML: they are served as files.
    """
    if doc.kind in BINARY_KINDS:
        return PreparedDocument(doc=doc, html="", text="", text_hash=render.text_hash(""))
    body = unwrap(doc.text.replace("\x00", ""))
    if doc.kind in ("html", "ixbrl"):
        # One parse for both renderings (the body has no NULs left to remove).
        tree = sanitize.parse_body(body)
        hidden = []
        html = doctype_of(body) + (
            sanitize.sanitize_body(tree, resolve=resolve, hidden=hidden) if tree is not None else ""
        )
        text = render.body_text(tree, hidden)
    elif doc.kind == "xml":
        html, text = render.xml_renderings(body)
    elif doc.kind == "text":
        html, text = render.text_renderings(body)
    else:
        html = render.render_text_html(body)
        text = render.plain_text(doc.kind, body)
    return PreparedDocument(doc=doc, html=html, text=text, text_hash=render.text_hash(text))


def document_text(doc: edgar.Document, body: str | None = None) -> str:
    """The stored plain text of a document, without its HTML rendering: what a stored
    version of an accession says, for comparing it with another."""
    if doc.kind in BINARY_KINDS:
        return ""
    if body is None:
        body = unwrap(doc.text.replace("\x00", ""))
    return render.plain_text(doc.kind, body)


# EDGAR's SGML wraps some bodies in <XBRL>, <XML> or <PDF>; the document file itself
# starts inside them (a browser would otherwise open an implicit <body> at the wrapper
# and the filer's own <body> attributes would be lost to our parser).
WRAPPER_OPEN = re.compile(r"^\s*<(XBRL|XML|PDF)>[ \t]*\r?\n?", re.IGNORECASE)


def unwrap(body: str) -> str:
    m = WRAPPER_OPEN.match(body)
    if not m:
        return body
    close = re.compile(rf"</{m.group(1)}>\s*$", re.IGNORECASE)
    return close.sub("", body[m.end() :])


# Doctypes that put a browser in a mode other than quirks, written out by us (never copied
# from the filing) so the frame lays the document out as a browser lays out the raw file.
DOCTYPES = (
    (
        re.compile(
            r'<!DOCTYPE\s+html\s+PUBLIC\s+"-//W3C//DTD HTML 4\.01 Transitional//EN"\s+"', re.I
        ),
        '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" '
        '"http://www.w3.org/TR/html4/loose.dtd">',
    ),
    (
        re.compile(r'<!DOCTYPE\s+html\s+PUBLIC\s+"-//W3C//DTD XHTML 1\.0 Transitional//EN"', re.I),
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
    ),
    (re.compile(r"<!DOCTYPE\s+html\s*>", re.I), "<!DOCTYPE html>"),
)
LEADING_DOCTYPE = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(<!DOCTYPE[^>]*>)", re.I)


def doctype_of(body: str) -> str:
    m = LEADING_DOCTYPE.match(body[:2000])
    if m:
        for pattern, doctype in DOCTYPES:
            if pattern.match(m.group(1)):
                return doctype
    return ""


def same_filing_resolver(sub: edgar.Submission):
    """Map a file name a document links to onto that document of the same filing.

    Images resolve to their decoded file; everything else to the document's content.
    """
    targets = {}
    for position, doc in enumerate(sub.documents):
        slug = document_slug(doc.sequence, position)
        view = "document-file" if doc.kind in BINARY_KINDS else "document-content"
        for fname in (doc.filename, doc.uuencoded_name):
            if fname:
                targets.setdefault(fname.strip().lower(), reverse(view, args=[sub.accession, slug]))

    def resolve(target: str) -> str | None:
        path, _, fragment = target.partition("#")
        url = targets.get(path.strip().lower())
        if url and fragment:
            return f"{url}#{fragment}"
        return url

    return resolve


def whole(prepared: Prepared) -> Prepared:
    """The prepared filing with every rendering: one whose renderings an earlier store let
    go of (a large filing) is prepared again from its bytes."""
    return prepare(prepared.data, prepared.name) if prepared.released else prepared


def store(prepared: Prepared, user=None, replace_complete: bool = False) -> IngestResult:
    """Write a prepared filing in one transaction; idempotent by accession.

    `replace_complete`: let a damaged copy become current over a complete version."""
    prepared = whole(prepared)
    try:
        save_raw_blob(prepared)
    except OSError as exc:
        # The disk full, the bucket read-only: said plainly, and nothing else was written.
        log.error("storing %s failed: %s", prepared.name, exc, extra={"file": prepared.name})
        return IngestResult(
            name=prepared.name,
            status=REFUSED,
            accession=prepared.submission.accession,
            message=f"{prepared.name}: the file could not be stored ({exc.strerror or exc}); "
            "nothing was changed. Try again once the storage has room, or tell an admin.",
        )
    try:
        stored = _store_once(prepared, user, replace_complete)
    except IntegrityError:
        # A concurrent upload of the same accession won the race; ours is now a
        # re-upload of a stored filing, which the second attempt sees and handles.
        stored = _store_once(whole(prepared), user, replace_complete)
    if stored.status in (CREATED, UPDATED):
        watches.filing_stored(stored.accession)  # once the transaction commits
    return stored


def replace(prepared: Prepared) -> IngestResult:
    """Rewrite a stored filing's rows from the same raw bytes (after a reader change)."""
    with transaction.atomic():
        existing = (
            Filing.objects.select_for_update()
            .select_related("raw")
            .get(accession=prepared.submission.accession)
        )
        raw = existing.raw
        describe(raw, prepared)
        raw.save(update_fields=["findings", "document_count"])
        write_version(prepared, raw, existing)
    return result(prepared, UPDATED, "re-read from the stored upload", raw.version)


def make_current(filing: Filing, version: int, user) -> IngestResult:
    """Make a stored version of the filing its current one, recorded as a VersionChange."""
    raw = RawFile.objects.get(accession=filing.accession, version=version)
    prepared = prepare(raw.read(), raw.original_name or filing.accession)
    with transaction.atomic():
        existing = Filing.objects.select_for_update().get(accession=filing.accession)
        if existing.raw_id == raw.pk:
            return result(prepared, UNCHANGED, f"version {version} is already current", version)
        VersionChange.objects.create(
            accession=filing.accession,
            from_version=existing.version,
            to_version=version,
            by=user if user is not None and user.is_authenticated else None,
        )
        write_version(prepared, raw, existing)
    return result(prepared, UPDATED, f"version {version} is now current", version)


def save_raw_blob(prepared: Prepared) -> str:
    """Write the raw bytes to storage under their hash, once.

    Done before the transaction: if the transaction then fails the database is
    unchanged and the blob is merely unreferenced (same bytes, same name).
    """
    name = RawFile.storage_name(prepared.sha256)
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(prepared.data))
    return name


# Findings that make a copy worse than a complete version of the same accession.
DAMAGE = {
    "truncated": "it is truncated",
    "concatenated-copies": "it holds several concatenated copies",
}


def damage(existing: Filing, prepared: Prepared) -> str:
    """Why this upload must not replace the current, complete version ('' if it may)."""
    if any(f["code"] in DAMAGE for f in existing.findings):
        return ""  # the current version is damaged too
    codes = {f.code for f in prepared.submission.findings}
    reasons = [reason for code, reason in DAMAGE.items() if code in codes]
    count = len(prepared.submission.documents)
    if count < existing.document_count:
        reasons.append(f"it has fewer documents ({count}, against {existing.document_count})")
    return " and ".join(reasons)


def _store_once(prepared: Prepared, user, replace_complete: bool) -> IngestResult:
    sub = prepared.submission
    with transaction.atomic():
        existing = (
            Filing.objects.select_for_update()
            .select_related("raw")
            .filter(accession=sub.accession)
            .first()
        )
        known = RawFile.objects.filter(sha256=prepared.sha256).first()
        if existing is not None and known is not None:
            if known.pk == existing.raw_id:
                return result(
                    prepared, UNCHANGED, "already stored with the same bytes", known.version
                )
            return result(
                prepared,
                UNCHANGED,
                f"already stored as version {known.version}; version {existing.version} is "
                "current (make it current from the filing page)",
                known.version,
            )
        uploaded_by = user if user is not None and user.is_authenticated else None
        if existing is not None and existing.raw.is_sample:
            # The real filing replaces the sample written for this project, as if the
            # sample had never been loaded: same version number, no trace of it.
            sample = existing.raw
            raw = new_raw(prepared, sample.version, uploaded_by)
            write_version(prepared, raw, existing)
            sample.delete()
            transaction.on_commit(lambda: default_storage.delete(sample.blob))
            return result(
                prepared, UPDATED, "replaces the sample written for this project", raw.version
            )
        version = (
            RawFile.objects.filter(accession=sub.accession).aggregate(n=Max("version"))["n"] or 0
        ) + 1
        raw = new_raw(prepared, version, uploaded_by)
        if existing is None:
            write_version(prepared, raw, None)
            return result(prepared, CREATED, "", version)
        reason = damage(existing, prepared)
        if reason and not replace_complete:
            return result(
                prepared,
                KEPT,
                f"stored as version {version} but not made current: {reason}. Version "
                f"{existing.version} stays current; make this one current from the filing page.",
                version,
            )
        write_version(prepared, raw, existing)
    return result(
        prepared, UPDATED, f"new bytes for a stored accession: version {version}", version
    )


def result(prepared: Prepared, status: str, message: str, version: int) -> IngestResult:
    return IngestResult(
        name=prepared.name,
        status=status,
        accession=prepared.submission.accession,
        message=message,
        findings=[dataclasses.asdict(f) for f in prepared.submission.findings],
        version=version,
    )


def new_raw(prepared: Prepared, version: int, uploaded_by) -> RawFile:
    raw = RawFile(
        sha256=prepared.sha256,
        blob=RawFile.storage_name(prepared.sha256),
        size=len(prepared.data),
        original_name=prepared.name[:255],
        accession=prepared.submission.accession,
        version=version,
        uploaded_by=uploaded_by,
    )
    describe(raw, prepared)
    raw.save()
    return raw


def describe(raw: RawFile, prepared: Prepared) -> None:
    raw.findings = [dataclasses.asdict(f) for f in prepared.submission.findings]
    raw.document_count = len(prepared.submission.documents)


def write_version(prepared: Prepared, raw: RawFile, existing: Filing | None) -> Filing:
    """The filing's rows from this version's bytes, replacing the current version's."""
    sub = prepared.submission
    if existing is not None:
        # The parsed rows are replaced; every RawFile stays.
        existing.documents.all().delete()
        existing.parties.all().delete()
        existing.items.all().delete()
    previous = forget_extraction(existing) if existing is not None else {}
    findings = [dataclasses.asdict(f) for f in sub.findings]
    filing = write_filing(sub, prepared, raw, raw.version, findings, existing is None)
    large = prepared.large
    documents = write_children(filing, sub, prepared, release=large)
    if existing is not None:
        annotations.reanchor(filing)  # the notes follow their text, in this transaction
    write_extraction(filing, prepared, previous, documents)
    if existing is not None:
        decisions.rematch(filing)  # and the decisions the events now extracted
    # The index takes the text just written from memory, not back from the database, and
    # lets go of each document's text as it encodes it.
    texts = [d.text for d in documents if d.text]
    for row in documents:
        del row.text  # deferred now (read from the database if asked for)
    if large:
        for p in prepared.documents:
            p.release_text()
    del documents
    search.index_filing(filing, texts=texts)
    return filing


def write_filing(
    sub, prepared: Prepared, raw: RawFile, version: int, findings, new: bool
) -> Filing:
    values = dict(
        form=sub.form,
        public_document_count=sub.public_document_count,
        filed_date=sub.filed_date,
        period_of_report=sub.period_of_report,
        date_as_of_change=sub.date_as_of_change,
        effectiveness_date=sub.effectiveness_date,
        acceptance_datetime=aware(sub.acceptance_datetime),
        dissemination_date=sub.dissemination_date,
        dialect=sub.dialect,
        envelope=sub.envelope,
        pem=sub.pem,
        items_raw=list(sub.items),
        group_members=list(sub.group_members),
        header_fields=[list(kv) for kv in sub.fields],
        series=[dataclasses.asdict(s) for s in sub.series],
        unknown_lines=[dataclasses.asdict(u) for u in sub.unknown_lines],
        findings=findings,
        cover_differences=json_ready(prepared.cover_differences),
        items_disagree=crosscheck.items_disagree(prepared.items),
        header_start=sub.header_start,
        header_end=sub.header_end,
        size=sub.size,
        document_count=len(sub.documents),
        parser_version=edgar.PARSER_VERSION,
        raw=raw,
        version=version,
    )
    if new:  # (the caller has looked, under lock: no row to update)
        return Filing.objects.create(accession=sub.accession, **values)
    filing, _ = Filing.objects.update_or_create(accession=sub.accession, defaults=values)
    return filing


def aware(value):
    """EDGAR acceptance times are US Eastern wall-clock times."""
    if value is None or value.tzinfo is not None:
        return value
    from zoneinfo import ZoneInfo

    return value.replace(tzinfo=ZoneInfo("America/New_York"))


def json_ready(rows: list[dict]) -> list[dict]:
    """Dates as ISO strings, for JSON fields."""
    return [
        {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in r.items()} for r in rows
    ]


def write_children(
    filing: Filing, sub, prepared: Prepared, release: bool = False
) -> list[Document]:
    """The filing's documents, parties and items; returns the documents as written."""
    documents = write_documents(filing, prepared.documents, release)
    companies = upsert_companies(sub.parties, sub.filed_date)
    FilingParty.objects.bulk_create(
        party_row(filing, i, party, sub.filed_date, companies)
        for i, party in enumerate(sub.parties)
    )
    Item.objects.bulk_create(
        Item(
            filing=filing,
            position=i,
            code=row.code[:10],
            raw_title=row.raw_title[:500],
            title=row.title[:500],
            source=row.source,
            body_start=row.start,
            body_end=row.end,
        )
        for i, row in enumerate(prepared.items)
    )
    return documents


# Documents go to the database in batches of about this many characters of renderings, so
# the driver's copies of one batch, not of the whole filing, are in memory at once.
DOCUMENT_BATCH_CHARS = 4_000_000


def write_documents(
    filing: Filing, prepared: list[PreparedDocument], release: bool = False
) -> list[Document]:
    """Insert the documents in position order. The rows returned have their HTML deferred
    (read from the database if asked for); with `release`, each document's HTML also
    leaves the prepared filing once it is written."""
    written: list[Document] = []
    batch: list[Document] = []
    pending: list[PreparedDocument] = []
    size = 0
    for i, p in enumerate(prepared):
        batch.append(document_row(filing, i, p))
        pending.append(p)
        size += len(p.html) + len(p.text)
        if size >= DOCUMENT_BATCH_CHARS or i == len(prepared) - 1:
            Document.objects.bulk_create(batch)
            for row, done in zip(batch, pending, strict=True):
                del row.html  # deferred, as if loaded with .defer("html")
                if release:
                    done.release_html()
            written += batch
            batch, pending, size = [], [], 0
    if release:
        return_freed_memory()
    return written


# A filing whose renderings reach this many characters lets go of each one once it is in
# the database (a prepared filing of ordinary size stays whole, to be stored again as is).
LARGE_FILING_CHARS = 20_000_000


def return_freed_memory() -> None:
    """Hand the C allocator's free pages back to the system (glibc only; elsewhere a no-op).

    The HTML of a large filing leaves memory in pieces between objects still alive, so the
    allocator keeps those pages and the index's large buffers come from new ones: the
    process would peak at both."""
    global _TRIM
    if _TRIM is None:
        name = ctypes.util.find_library("c")
        libc = ctypes.CDLL(name) if name else None
        _TRIM = getattr(libc, "malloc_trim", False)
    if _TRIM:
        _TRIM(0)


_TRIM = None


def document_row(filing: Filing, position: int, p: PreparedDocument) -> Document:
    return Document(
        filing=filing,
        position=position,
        sequence=(p.doc.sequence or "")[:20],
        type=(p.doc.type or "")[:60],
        filename=(p.doc.filename or "")[:255],
        description=(p.doc.description or "")[:1000],
        start=p.doc.start,
        end=p.doc.end,
        kind=p.doc.kind,
        encoding=p.doc.encoding,
        uuencoded_name=(p.doc.uuencoded_name or "")[:255],
        closed=p.doc.closed,
        html=p.html,
        sanitizer_version=sanitize.SANITIZER_VERSION,
        text=p.text,
        text_hash=p.text_hash,
        text_version=render.TEXT_VERSION,
    )


def as_dict(value):
    return None if value is None else dataclasses.asdict(value)


def party_row(
    filing: Filing, position: int, party: edgar.Party, filed_date, companies: dict[int, Company]
) -> FilingParty:
    cik = party_cik(party)
    company = person = None
    if cik is not None:
        if is_person_party(party):
            person = identity.by_cik(cik, from_header_name(party.name or ""), filed_date).person
        else:
            company = companies[cik]
    return FilingParty(
        filing=filing,
        position=position,
        role=party.role,
        company=company,
        person=person,
        cik=cik,
        name=(party.name or "")[:255],
        sic=party.sic or "",
        sic_description=(party.sic_description or "")[:255],
        organization_name=(party.organization_name or "")[:255],
        irs_number=(party.irs_number or "")[:20],
        state_of_incorporation=(party.state_of_incorporation or "")[:8],
        fiscal_year_end=(party.fiscal_year_end or "")[:4],
        relationships=list(party.relationships),
        filing_values=[dataclasses.asdict(v) for v in party.filing_values],
        business_address=as_dict(party.business_address),
        mail_address=as_dict(party.mail_address),
        former_names=[
            {
                "name": f.name,
                "date_of_change": f.date_of_change.isoformat() if f.date_of_change else None,
            }
            for f in party.former_names
        ],
        extra=[list(kv) for kv in party.extra],
    )


def is_newer(facts_as_of, filed_date) -> bool:
    return facts_as_of is None or (filed_date is not None and filed_date >= facts_as_of)


def party_cik(party: edgar.Party) -> int | None:
    return int(party.cik) if party.cik and party.cik.strip().isdigit() else None


def is_person_party(party: edgar.Party) -> bool:
    return party.role == "reporting-owner" and is_person(party)


def upsert_companies(parties: list[edgar.Party], filed_date) -> dict[int, Company]:
    """The companies among a filing's parties, by CIK, each keeping the facts of its most
    recent filing seen so far (a company named twice in one header: as its later entry has
    them). One read for them all: a filing may name hundreds of co-registrants."""
    named = [
        (cik, party)
        for party in parties
        if (cik := party_cik(party)) is not None and not is_person_party(party)
    ]
    found = {
        c.cik: c
        for c in Company.objects.select_for_update().filter(cik__in={cik for cik, _ in named})
    }
    new, changed = {}, {}
    for cik, party in named:
        company = found.get(cik) or new.get(cik)
        if company is None:
            company = new[cik] = Company(cik=cik)
        elif not is_newer(company.facts_as_of, filed_date):
            continue
        elif cik in found:
            changed[cik] = company
        company.name = (party.name or company.name or "")[:255]
        company.sic = party.sic or company.sic
        company.sic_description = (party.sic_description or company.sic_description)[:255]
        company.state_of_incorporation = (
            party.state_of_incorporation or company.state_of_incorporation
        )
        company.fiscal_year_end = party.fiscal_year_end or company.fiscal_year_end
        company.facts_as_of = filed_date
        company.normalized_name = normalize_company_name(company.name)[:255]
    Company.objects.bulk_create(new.values())
    for company in changed.values():
        company.save(force_update=True)
    return {**found, **new}


def write_extraction(
    filing: Filing, prepared: Prepared, previous: dict | None = None, documents=None
) -> None:
    """People, events, organisation mentions and exhibits, resolved against the store.

    `previous` maps names as written to the links they had before a re-extraction, so
    people keep their identity (and analysts' merges) across it. `documents`: the filing's
    rows just written (read from the database when not given).
    """
    sub = prepared.submission
    previous = previous or {}
    if documents is None:
        # Extraction reads each document's text, never its sanitized HTML: leaving that
        # column unread keeps a second copy of every rendering out of memory.
        documents = filing.documents.defer("html")
    docs = {d.sequence or f"p{d.position + 1}": d for d in documents}
    company_ids = list(
        filing.parties.exclude(company=None).values_list("company_id", flat=True).distinct()
    )
    cache: dict = {}
    events = []
    for owner in prepared.extraction.owners:
        if owner.is_organization:
            continue
        cik = int(owner.cik) if owner.cik and owner.cik.isdigit() else None
        if cik is not None:
            link = identity.by_cik(cik, owner.name, sub.filed_date)
        else:
            link = previous.get(owner.raw_name) or identity.by_name(
                filing, owner.name, company_ids, cache
            )
        doc = docs.get(owner.document_sequence)
        evidence, start, end = owner_evidence(doc, owner)
        role = ", ".join(
            r
            for r, on in (
                ("director", owner.is_director),
                (owner.officer_title or "officer", owner.is_officer),
                ("10% owner", owner.is_ten_percent_owner),
                (owner.other_text or "other", owner.is_other),
            )
            if on
        )
        events.append(
            Event(
                filing=filing,
                document=doc,
                person=link.person,
                name_raw=owner.raw_name[:255],
                name=(owner.name.display or owner.raw_name)[:255],
                event_type="reporting-owner",
                role=role[:500],
                organization=issuer_name(sub)[:500],
                evidence=evidence,
                start=start,
                end=end,
                source=owner.source,
                link_confidence=link.confidence,
                link_reason=link.reason[:255],
            )
        )
    for candidate in prepared.extraction.events:
        if candidate.name.is_organization:
            continue
        link = previous.get(candidate.name.raw) or identity.by_name(
            filing, candidate.name, company_ids, cache
        )
        events.append(
            Event(
                filing=filing,
                document=docs.get(candidate.document_sequence),
                person=link.person,
                name_raw=candidate.name.raw[:255],
                name=candidate.name.display[:255],
                event_type=candidate.event_type,
                role=candidate.role[:500],
                organization=candidate.organization[:500],
                effective_date=candidate.effective_date,
                disagreement=candidate.disagreement,
                evidence=candidate.evidence,
                start=candidate.start,
                end=candidate.end,
                source=candidate.source,
                link_confidence=link.confidence,
                link_reason=link.reason[:255],
                confidence=candidate.confidence,
                guess=candidate.guess[:255],
            )
        )
    Event.objects.bulk_create(events)

    companies = dict(
        Company.objects.filter(
            normalized_name__in={m.normalized for m in prepared.organizations}
        ).values_list("normalized_name", "cik")
    )
    insert_rows(
        OrganizationMention,
        ("filing", "document", "name", "normalized", "company", "start", "end", "evidence"),
        (
            (
                filing.pk,
                docs[m.document_sequence].pk,
                m.name[:500],
                m.normalized[:500],
                m.cik if m.cik is not None else companies.get(m.normalized),
                m.start,
                m.end,
                by_position_text(docs[m.document_sequence], m.sentence_start, m.sentence_end),
            )
            for m in prepared.organizations
            if m.document_sequence in docs
        ),
    )
    Exhibit.objects.bulk_create(
        Exhibit(
            filing=filing,
            number=x.number[:40],
            description=x.description or "",
            filed_here=x.filed_here,
            incorporated_by_reference=x.incorporated_by_reference,
            source_form=(x.source_form or "")[:40],
            source_date=x.source_date,
            source_exhibit=(x.source_exhibit or "")[:40],
            source_file_number=(x.source_file_number or "")[:40],
            source_accession=(x.source_accession or "")[:20],
            document=docs.get(x.document_sequence) if x.document_sequence else None,
            evidence=x.evidence,
        )
        for x in prepared.exhibits
    )
    targets = {}
    for x in prepared.exhibits:
        if x.document_sequence in docs:
            targets[exhibit_extract.number_key(x.number)] = docs[x.document_sequence]
    insert_rows(
        ExhibitReference,
        ("filing", "document", "number", "target", "start", "end", "evidence"),
        (
            (
                filing.pk,
                docs[r.document_sequence].pk,
                r.number[:40],
                getattr(targets.get(exhibit_extract.number_key(r.number)), "pk", None),
                r.start,
                r.end,
                r.evidence,
            )
            for r in prepared.exhibit_references
            if r.document_sequence in docs
        ),
    )
    insiders.write(filing, prepared.ownership)


def insert_rows(model, fields: tuple[str, ...], rows, batch: int = 2000) -> None:
    """Rows of a model with plain columns (foreign keys given as ids), in order: what
    bulk_create writes, without a model instance and its SQL built anew for each of the
    tens of thousands of mentions a long filing has."""
    meta = model._meta
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(f).column) for f in fields)
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    )
    rows = iter(rows)
    with connection.cursor() as cursor:
        while chunk := list(itertools.islice(rows, batch)):
            cursor.executemany(sql, chunk)


def forget_extraction(filing: Filing) -> dict:
    """Delete a filing's extracted rows; return the links its names had."""
    previous = {
        e.name_raw: identity.Link(e.person, e.link_confidence, e.link_reason)
        for e in filing.events.select_related("person")
    }
    insiders.forget(filing)
    filing.events.all().delete()
    filing.organizations.all().delete()
    filing.exhibits.all().delete()
    filing.exhibit_references.all().delete()
    return previous


def reextract(filing: Filing) -> int:
    """Run extraction again over a stored filing's documents (their stored text)."""
    sub = edgar.parse(filing.raw.read(), name=filing.raw.original_name or filing.accession)
    stored = {d.position: d for d in filing.documents.defer("html")}
    documents = [
        PreparedDocument(doc=doc, html="", text=stored[i].text, text_hash=stored[i].text_hash)
        for i, doc in enumerate(sub.documents)
        if i in stored
    ]
    prepared = Prepared(
        name=filing.raw.original_name,
        data=b"",
        sha256=filing.raw.sha256,
        submission=sub,
        documents=documents,
        items=[],
        cover_differences=[],
        **extracted(sub, documents),
    )
    with transaction.atomic():
        previous = forget_extraction(filing)
        write_extraction(filing, prepared, previous)
        decisions.rematch(filing)
        search.index_filing(filing)
    return filing.events.count()


def by_position_text(doc: Document, start: int, end: int) -> str:
    return doc.text[start:end] if doc.text else ""


def issuer_name(sub: edgar.Submission) -> str:
    for party in sub.parties:
        if party.role in ("issuer", "subject-company"):
            return party.name or ""
    return ""


def owner_evidence(doc: Document | None, owner) -> tuple[str, int | None, int | None]:
    """The line of the Form 4's text naming the owner (XML offsets do not point into it)."""
    if doc is None or not doc.text:
        return "", None, None
    at = doc.text.find(owner.raw_name)
    if at < 0:
        return "", None, None
    start = doc.text.rfind("\n", 0, at) + 1
    end = doc.text.find("\n", at)
    end = len(doc.text) if end < 0 else end
    return doc.text[start:end], start, end
