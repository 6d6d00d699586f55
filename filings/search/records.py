"""What a filing contributes to the index: its header words, its documents' text, its
facet values and the names it gives companies and people."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..models import Company, Document, Event, Filing, FilingParty, Item, Person
from .words import tokens


@dataclass
class Record:
    """What the index stores for one filing."""

    accession: str
    form: str
    filed_date: dt.date | None
    head: str
    texts: list[str]
    facets: set[tuple[str, str]]
    names: set[tuple[str, int, str, str]]  # kind, ref, name, source

    @property
    def body(self) -> str:
        return "\n\n".join(self.texts)

    def take_body_utf8(self) -> bytearray:
        """`body` as UTF-8, built a document at a time and emptying `texts` as it goes:
        joining a large filing's texts into one string first would hold it twice more (as
        text, then as the driver's UTF-8)."""
        out = bytearray()
        self.texts.reverse()
        while self.texts:
            out += self.texts.pop().encode()
            if self.texts:
                out += b"\n\n"
        return out


def build_records(
    accessions: Sequence[str], known_texts: dict[str, list[str]] | None = None
) -> list[Record]:
    """Everything indexed for these filings, read in a handful of queries.

    `known_texts`: the documents' non-empty texts of filings just written, in position
    order, so a large filing's text is not read back from the database."""
    filings = list(
        Filing.objects.filter(accession__in=accessions).values_list(
            "accession", "form", "filed_date"
        )
    )
    if not filings:
        return []
    accs = [a for a, _, _ in filings]
    texts = defaultdict(list, known_texts or {})
    doc_head = defaultdict(list)
    columns = ["filing_id", "type", "description", "filename"]
    if not known_texts:
        columns.append("text")
    for filing_id, type_, description, filename, *text in (
        Document.objects.filter(filing_id__in=accs)
        .order_by("filing_id", "position")
        .values_list(*columns)
    ):
        doc_head[filing_id].append(" ".join(x for x in (type_, description, filename) if x))
        if text and text[0]:
            texts[filing_id].append(text[0])
    parties = defaultdict(list)
    company_ids, person_ids = set(), set()
    for row in (
        FilingParty.objects.filter(filing_id__in=accs)
        .order_by("filing_id", "position")
        .values_list(
            "filing_id",
            "role",
            "cik",
            "name",
            "company_id",
            "person_id",
            "state_of_incorporation",
            "sic",
            "former_names",
        )
    ):
        parties[row[0]].append(row)
        if row[4] is not None:
            company_ids.add(row[4])
        if row[5] is not None:
            person_ids.add(row[5])
    items = defaultdict(list)
    for filing_id, code, title, raw_title in (
        Item.objects.filter(filing_id__in=accs)
        .order_by("filing_id", "position")
        .values_list("filing_id", "code", "title", "raw_title")
    ):
        items[filing_id].append((code, title or raw_title))
    events = defaultdict(list)
    for filing_id, person_id, name_raw, name in Event.objects.filter(
        filing_id__in=accs
    ).values_list("filing_id", "person_id", "name_raw", "name"):
        events[filing_id].append((person_id, name_raw, name))
        person_ids.add(person_id)
    companies = dict(Company.objects.filter(cik__in=company_ids).values_list("cik", "name"))
    people = {
        pk: (name, raw, cik)
        for pk, name, raw, cik in Person.objects.filter(pk__in=person_ids).values_list(
            "pk", "name", "raw_name", "cik"
        )
    }
    records = []
    for accession, form, filed_date in filings:
        head = [accession, form]
        facets = {("form", form)}
        names = set()
        if filed_date:
            facets.add(("year", str(filed_date.year)))
        for _f, role, cik, name, company_id, person_id, state, sic, former in parties[accession]:
            head.append(name)
            facets.add(("role", role))
            if cik is not None:
                facets.add(("cik", str(cik)))
            if state:
                facets.add(("state", state.upper()))
            if sic:
                facets.add(("sic", sic))
            former_names = [f.get("name") or "" for f in former or [] if isinstance(f, dict)]
            head.extend(former_names)
            if company_id is not None:
                facets.add(("company", str(company_id)))
                current = companies.get(company_id, "")
                head.append(current)
                names.add(("company", company_id, current, "name"))
                names.add(("company", company_id, name, "written"))
                names.update(("company", company_id, n, "former") for n in former_names)
            if person_id is not None:
                facets.add(("person", str(person_id)))
                names.add(("person", person_id, name, "written"))
                names.update(("person", person_id, n, "former") for n in former_names)
        for code, title in items[accession]:
            head.append(f"Item {code} {title}".strip())
            if code:
                facets.add(("item", code))
        for person_id, name_raw, name in events[accession]:
            facets.add(("person", str(person_id)))
            head.extend((name_raw, name))
            names.add(("person", person_id, name_raw, "written"))
        for kind, ref, _name, _source in list(names):
            if kind == "person" and ref in people:
                display, raw, _cik = people[ref]
                names.add(("person", ref, display, "name"))
                names.add(("person", ref, raw, "raw"))
        head.extend(doc_head[accession])
        records.append(
            Record(
                accession=accession,
                form=form,
                filed_date=filed_date,
                head="\n".join(dict.fromkeys(h for h in head if h)),
                texts=texts[accession],
                facets={(k, v[:255]) for k, v in facets if v},
                names={n for n in names if n[2]},
            )
        )
    return records


def name_token_rows(names: Iterable[tuple[str, int, str, str]], ciks: dict) -> list[tuple]:
    """(kind, ref, name, token, source) rows: one per word of each name, one for its words
    run together (what name_matches compares typed text with), and the CIK."""
    rows = set()
    for kind, ref, name, source in names:
        name = name[:255]
        words = tokens(name)
        for token in words:
            rows.add((kind, ref, name, token[:100], source))
        if len(words) > 1:
            rows.add((kind, ref, name, "".join(words)[:100], source))
        cik = ciks.get((kind, ref))
        if cik:
            rows.add((kind, ref, name, str(cik), "cik"))
    return sorted(rows)


def person_ciks(names) -> dict:
    refs = {ref for kind, ref, _n, _s in names if kind == "person"}
    ciks = {
        ("person", pk): cik
        for pk, cik in Person.objects.filter(pk__in=refs, cik__isnull=False).values_list(
            "pk", "cik"
        )
    }
    ciks.update({("company", ref): ref for kind, ref, _n, _s in names if kind == "company"})
    return ciks
