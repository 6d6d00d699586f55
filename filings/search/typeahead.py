"""Suggestions as a reader types: companies (any name, former names, CIK digits) and people
(any name they were written as, with their latest role)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..models import Company, Event, Person
from .names import name_matches, name_rows
from .words import tokens


def typeahead(text: str, limit: int = 10) -> list[dict]:
    """Companies and people whose name (any variant, former names included) matches what
    was typed (see name_matches); companies and reporting owners also by CIK digits."""
    text = (text or "")[:100]
    words = tokens(text)
    if not words:
        return []
    digits = "".join(words) if all(w.isdigit() for w in words) else ""
    candidates: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    rows = name_rows(None, words, limit=400)
    if digits:  # a CIK, written with or without its leading zeros; or "1-800"
        rows += name_rows(None, [digits.lstrip("0") or "0"], limit=200)
    for kind, ref, name, source in rows:
        if (name, source) not in candidates[(kind, ref)]:
            candidates[(kind, ref)].append((name, source))
    if not candidates:
        return []
    company_ids = [ref for kind, ref in candidates if kind == "company"]
    person_ids = [ref for kind, ref in candidates if kind == "person"]
    companies = {c.cik: c for c in Company.objects.filter(cik__in=company_ids)}
    people = {p.pk: p for p in Person.objects.filter(pk__in=person_ids)}
    survivors = {}
    for person in people.values():
        survivor = person.canonical() if person.merged_into_id else person
        survivors[person.pk] = survivor
    squashed = "".join(words)
    entries: dict[tuple[str, int], dict] = {}
    for (kind, ref), variants in candidates.items():
        if kind == "company":
            company = companies.get(ref)
            if company is None:
                continue
            key, label, url = ("company", company.cik), company.name, f"/companies/{company.cik}/"
            detail = f"CIK {company.cik_padded}"
            word = "formerly"
        else:
            person = survivors.get(ref)
            if person is None:
                continue
            key, label, url = ("person", person.pk), person.name, f"/people/{person.pk}/"
            detail = "Person" + (f" · CIK {person.cik_padded}" if person.cik else "")
            word = "as"
        if not name_matches(label, words):
            # Matched through another name: say which.
            others = sorted({n for n, source in variants if source != "cik" and n != label})
            if others:
                if {source for n, source in variants if n in others} == {"former"}:
                    word = "formerly"  # a person's FORMER NAME
                detail += f" · {word} " + "; ".join(others[:3])
        starts = "".join(tokens(label)).startswith(squashed)  # punctuation and spaces aside
        rank = (
            0 if starts or (digits and str(ref).startswith(digits)) else 1,
            0 if key[0] == "company" else 1,
            len(label),
            label,
        )
        if key not in entries or rank < entries[key]["_rank"]:
            entries[key] = {"kind": key[0], "label": label, "detail": detail, "url": url}
            entries[key]["_rank"] = rank
    ordered = sorted(entries.items(), key=lambda e: e[1]["_rank"])[:limit]
    roles = latest_roles([ref for (kind, ref), _ in ordered if kind == "person"])
    out = []
    for (kind, ref), entry in ordered:
        if kind == "person" and ref in roles:
            entry["detail"] = entry["detail"].replace("Person", roles[ref], 1)
        out.append({k: v for k, v in entry.items() if k != "_rank"})
    return out


def latest_roles(person_ids: list[int]) -> dict[int, str]:
    """Each person's role in their most recent filing that states one (their own events
    or those of people merged into them)."""
    owner = {pk: pk for pk in person_ids}
    owner.update(
        Person.objects.filter(merged_into_id__in=person_ids).values_list("pk", "merged_into_id")
    )
    latest: dict[int, tuple] = {}
    for person_id, role, organization, filed, pk in (
        Event.objects.filter(person_id__in=owner)
        .exclude(role="")
        .values_list("person_id", "role", "organization", "filing__filed_date", "pk")
    ):
        key = (filed or dt.date.min, pk)
        who = owner[person_id]
        if who not in latest or key > latest[who][0]:
            latest[who] = (key, f"{role}, {organization}" if organization else role)
    return {pk: text[:120] for pk, (_key, text) in latest.items()}
