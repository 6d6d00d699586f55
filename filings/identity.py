"""Who is who: turning extracted names into Person rows.

Rules, strongest first:
- an analyst's split (PersonOverride) for this name in this filing;
- the same CIK is the same person;
- otherwise the normalized name (given/nickname, middle initial, family, suffix) matched
  against people already linked to one of this filing's companies;
- otherwise a new person. Namesakes at unrelated companies stay apart until an
  analyst merges them.
Every link keeps its confidence and reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Q

from .extract.people import PersonName, normalize_name, same_person
from .models import (
    Company,
    Document,
    Event,
    Filing,
    FilingParty,
    IdentityChange,
    Person,
    PersonOverride,
)


@dataclass(frozen=True)
class Link:
    person: Person
    confidence: float
    reason: str


def _family(name: PersonName) -> str:
    """The family name as stored and looked up: "O’Neill" and "O'Neill" are one name."""
    return name.family.replace("’", "'")


def person_fields(name: PersonName) -> dict:
    return {
        "name": (name.display or name.raw)[:255],
        "raw_name": name.raw[:255],
        "given": name.given[:100],
        "middle": name.middle[:100],
        "family": _family(name)[:100],
        "suffix": name.suffix[:20],
        "nickname": name.nickname[:100],
    }


def as_person_name(person: Person) -> PersonName:
    return PersonName(
        raw=person.raw_name,
        given=person.given,
        middle=person.middle,
        family=person.family,
        suffix=person.suffix,
        nickname=person.nickname,
        display=person.name,
    )


def by_cik(cik: int, name: PersonName, filed_date) -> Link:
    person = Person.objects.select_for_update().filter(cik=cik).first()
    if person is None:
        person = Person(cik=cik, facts_as_of=filed_date, **person_fields(name))
        person.save()
        return Link(person, 1.0, f"new person for CIK {cik:010d}")
    if filed_date and (person.facts_as_of is None or filed_date >= person.facts_as_of):
        for field, value in person_fields(name).items():
            setattr(person, field, value)
        person.facts_as_of = filed_date
        person.save()
    absorb_name_only(person)
    return Link(person, 1.0, f"same CIK {cik:010d}")


# How sure a name without a CIK must be to join a reporting owner, in whichever order the
# filings arrive: a given name (or initials with the middle one) that fits, not a family
# name or one initial alone; those are offered as likely duplicates instead.
OWNER_JOIN_CONFIDENCE = 0.75


def _can_join_owner(person: Person, name: PersonName, confidence: float) -> bool:
    """Whether a name may link to this person at ingest: always for a person without a CIK;
    for a reporting owner, only as surely as a name stored first joins the owner later."""
    if person.cik is None and not cluster_ciks(person.canonical()):
        return True
    return bool(name.given) and confidence >= OWNER_JOIN_CONFIDENCE


def absorb_name_only(owner: Person) -> list[IdentityChange]:
    """Name-only people stored before this owner's Form 4 join the owner: people without a
    CIK, at a company where the owner is a reporting owner, whose name can be the owner's
    given name and all (not a family name or an initial alone). Each join is a merge by
    nobody, undone like an analyst's; people an analyst split, linked or unmerged are left
    alone, so that reading order never decides who is who."""
    companies = list(
        FilingParty.objects.filter(
            filing__parties__person=owner, filing__parties__role="reporting-owner"
        )
        .exclude(company=None)
        .values_list("company_id", flat=True)
        .distinct()
    )
    if not companies or not owner.family:
        return []
    touched = set(
        IdentityChange.objects.filter(action__in=("split", "link")).values_list(
            "other_id", flat=True
        )
    ) | set(IdentityChange.objects.filter(action="merge").values_list("other_id", flat=True))
    touched |= set(PersonOverride.objects.values_list("person_id", flat=True))
    name = as_person_name(owner)
    changes = []
    others = (
        Person.objects.filter(
            cik=None,
            merged_into__isnull=True,
            family__iexact=owner.family,
            events__filing__parties__company_id__in=companies,
        )
        .exclude(pk=owner.pk)
        .distinct()
    )
    for other in others:
        if other.pk in touched or not other.given or cluster_ciks(other):
            continue
        same, confidence, _ = same_person(name, as_person_name(other))
        if not same or confidence < OWNER_JOIN_CONFIDENCE:
            continue
        other.merged_into = owner
        other.save(update_fields=["merged_into"])
        changes.append(
            IdentityChange.objects.create(action="merge", person=owner, other=other, by=None)
        )
    return changes


def by_name(filing: Filing, name: PersonName, company_ids: list[int], cache: dict) -> Link:
    """Match a name without a CIK within this filing and its companies."""
    # (The filing's splits and its companies' names are read once, into the cache, under
    # string keys beside the names' tuple keys.)
    if "overrides" not in cache:
        cache["overrides"] = {
            o.name: o.person
            for o in PersonOverride.objects.filter(filing=filing).select_related("person")
        }
    if name.raw in cache["overrides"]:
        return Link(cache["overrides"][name.raw], 1.0, "analyst split")
    key = (_family(name).casefold(), name.given.casefold(), name.middle.casefold(), name.suffix)
    if key in cache:
        return cache[key]
    best: Link | None = None
    # The filing itself writes this full name with a suffix and without: a father and his
    # namesake son ("Corliss T. Amberly" and "Corliss T. Amberly, Jr." signing one report).
    namesakes = {
        link.person.pk
        for other, link in cache.items()
        if isinstance(link, Link)
        and other[:3] == key[:3]
        and bool(other[3]) != bool(name.suffix)
        and not _is_initial(other[1])
    }
    for person in candidates(name, company_ids, cache):
        if person.pk in namesakes:
            continue
        same, confidence, reason = same_person(name, as_person_name(person))
        if same and not _can_join_owner(person, name, confidence):
            continue
        if same and (best is None or confidence > best.confidence):
            best = Link(person.canonical(), confidence, f"{reason}, same company")
    if best is None:
        best = named_with_their_company(filing, name, company_ids, cache)
    if best is None:
        person = Person.objects.create(**person_fields(name))
        best = Link(person, 1.0, "first mention")
    elif _fuller(name, best.person):
        # A person first met as "Mr. Wrenfield" takes the full name when it comes.
        for field, value in person_fields(name).items():
            setattr(best.person, field, value)
        best.person.save()
    cache[key] = best
    return best


def named_with_their_company(
    filing: Filing, name: PersonName, company_ids: list[int], cache: dict | None = None
):
    """A person of another company, when one of the two filings names the other's company:
    the new CFO "was most recently Chief Financial Officer of Pellham Industrial
    Corporation", where a Vice President and CFO of that name resigned. Full names only
    (given name and family name on both sides, middle initials agreeing); less sure than a
    match at the same company. Namesakes whose filings never name each other's companies
    stay apart."""
    if not _full(name.given, name.middle):
        return None
    people = (
        Person.objects.filter(merged_into__isnull=True, family__iexact=_family(name))
        .exclude(given="")
        .exclude(events__filing__parties__company_id__in=company_ids)
        .distinct()
    )
    cache = {} if cache is None else cache
    if "own names" not in cache:
        cache["own names"] = list(
            Company.objects.filter(cik__in=company_ids).values_list("name", flat=True)
        )
    own = cache["own names"]
    for person in people[:50]:
        same, confidence, reason = same_person(name, as_person_name(person))
        if not same or confidence < 0.9 or not _full(person.given, person.middle):
            continue
        theirs = list(
            Company.objects.filter(parties__filing__events__person=person)
            .values_list("name", flat=True)
            .distinct()
        )
        if "texts" not in cache:
            cache["texts"] = list(
                Document.objects.filter(filing=filing).values_list("text", flat=True)
            )
        mentioned = any(_names(cache["texts"], company) for company in theirs)
        if not mentioned:
            their_texts = list(
                Document.objects.filter(filing__events__person=person)
                .distinct()
                .values_list("text", flat=True)
            )
            mentioned = any(_names(their_texts, company) for company in own)
        if mentioned:
            return Link(
                person.canonical(), round(confidence * 0.8, 3), f"{reason}, named with its company"
            )
    return None


def _fuller(name: PersonName, person: Person) -> bool:
    """Whether a name without a CIK says more than the person's stored name."""
    if person.cik is not None or not name.given:
        return False
    return not person.given or (_is_initial(person.given) and not _is_initial(name.given))


def _full(given: str, middle: str) -> bool:
    """A given name written out, or an initial with a middle name written out ("C. Everett")."""
    return bool(given) and (not _is_initial(given) or bool(middle) and not _is_initial(middle))


def _is_initial(given: str) -> bool:
    return len(given.strip(".")) <= 1


def _names(texts: list[str], company: str) -> bool:
    """Whether any of these texts writes the company's name (without its designator)."""
    core = re.sub(r"\s*/[A-Za-z.]{1,6}/?\s*$", "", company.strip())
    core = re.sub(
        r"(?i)[\s,]+(?:inc|incorporated|corp|corporation|company|co|llc|lp|l\.p|ltd|plc)\.?$",
        "",
        core,
    )
    words = re.findall(r"[A-Za-z0-9&]+", core)
    if len(words) < 2:
        return False  # one word is too common to tell a company by
    pattern = r"(?i)\b" + r"[\s,.]+".join(re.escape(w) for w in words) + r"\b"
    return any(re.search(pattern, text) for text in texts)


def candidates(name: PersonName, company_ids: list[int], cache: dict) -> list[Person]:
    """People with this family name already linked to one of the companies, or to this
    filing (earlier names in the same document)."""
    created = [link.person for link in cache.values() if isinstance(link, Link)]
    linked = Person.objects.filter(family__iexact=_family(name))
    if company_ids:
        # Oldest first: of two people who match as well, the one met first (an analyst's
        # split is the newer) wins, on every database.
        linked = (
            linked.filter(events__filing__parties__company_id__in=company_ids)
            .distinct()
            .order_by("pk")
        )
    else:
        linked = linked.none()
    return [p for p in created if p.family.casefold() == _family(name).casefold()] + list(linked)


def events_for(person: Person):
    return Event.objects.filter(person_id__in=person.cluster_ids())


class IdentityError(Exception):
    """An analyst's merge or split that cannot be done; the message says why."""


@dataclass(frozen=True)
class Duplicate:
    person: Person
    reason: str


def likely_duplicates(person: Person, limit: int = 10) -> list[Duplicate]:
    """Other people who are probably this one: a name that can be the same (nicknames,
    initials, a middle name) at a company they share, such as a name-only 8-K mention and
    the CIK owner of the same issuer's Form 4. People with another CIK are left out."""
    if not person.family:
        return []
    cluster = person.cluster_ids()
    companies = dict(
        Company.objects.filter(parties__filing__events__person_id__in=cluster)
        .values_list("cik", "name")
        .distinct()
    )
    if not companies:
        return []
    others = (
        Person.objects.filter(
            merged_into__isnull=True,
            family__iexact=person.family,
            events__filing__parties__company_id__in=companies,
        )
        .exclude(pk__in=cluster)
        .distinct()
        .order_by("name", "pk")
    )
    ciks = cluster_ciks(person)
    name = as_person_name(person)
    found = []
    for other in others[:200]:
        same, _confidence, reason = same_person(name, as_person_name(other))
        if not same:
            continue
        other_ciks = cluster_ciks(other)
        if ciks and other_ciks and ciks != other_ciks:
            continue
        shared = sorted(
            companies[c]
            for c in Company.objects.filter(
                parties__filing__events__person_id__in=other.cluster_ids(), cik__in=companies
            ).values_list("cik", flat=True)
        )
        found.append(Duplicate(other, f"{reason}; both at {', '.join(dict.fromkeys(shared))}"))
        if len(found) == limit:
            break
    return found


def find_person(text: str) -> Person:
    """The person an analyst named in a form: "#12", "Name (#12)" as the suggestions
    write them, or a name that only one person has. Raises IdentityError, or
    Person.DoesNotExist for a number no person has."""
    text = (text or "").strip()
    number = re.search(r"#\s*(\d{1,18})\b", text) or re.fullmatch(r"(\d{1,18})", text)
    if number:
        return Person.objects.get(pk=int(number.group(1)))  # DoesNotExist: no such page
    if not text:
        raise IdentityError("Name the person to merge: start typing and pick one from the list.")
    people = list(
        Person.objects.filter(merged_into__isnull=True)
        .filter(Q(name__iexact=text) | Q(raw_name__iexact=text))
        .order_by("pk")[:2]
    )
    if not people:
        raise IdentityError(f"No person is named “{text}”: pick one from the suggestions.")
    if len(people) > 1:
        raise IdentityError(
            f"Several people are named “{text}”: pick the one you mean from the suggestions."
        )
    return people[0]


def suggest_people(text: str, limit: int = 10) -> list[Person]:
    """People (survivors of merges) whose name contains every word typed."""
    words = [w for w in re.split(r"\W+", text or "") if w]
    if not words:
        return []
    people = Person.objects.filter(merged_into__isnull=True)
    for word in words[:5]:
        people = people.filter(Q(name__icontains=word) | Q(raw_name__icontains=word))
    return list(people.order_by("name", "pk")[:limit])


def merge(person: Person, other: Person, user) -> IdentityChange:
    """`other` (and everyone merged into it) becomes part of `person`. Reversible."""
    from django.db import transaction

    if other.canonical().pk == person.canonical().pk:
        raise IdentityError(f"{other.name} is already the same person as {person.name}.")
    ciks = [cluster_ciks(p.canonical()) for p in (person, other)]
    if ciks[0] and ciks[1] and ciks[0] != ciks[1]:
        raise IdentityError("Two different CIKs are two different people; they cannot be merged.")
    with transaction.atomic():
        target = other.canonical()
        target.merged_into = person
        target.save(update_fields=["merged_into"])
        return IdentityChange.objects.create(action="merge", person=person, other=target, by=user)


def cluster_ciks(person: Person) -> set[int]:
    """The CIKs of a person and everyone merged into it."""
    ids = person.cluster_ids()
    return set(Person.objects.filter(pk__in=ids).exclude(cik=None).values_list("cik", flat=True))


def split(person: Person, event_ids: list[int], user) -> Person:
    """Move these events of a wrongly merged person to a new person. Reversible.

    The moves are also recorded as overrides, so re-extraction keeps them apart. An
    override is per name and filing, so a name's other events in that filing move too."""
    from django.db import transaction
    from django.db.models import Q

    cluster = person.cluster_ids()
    chosen = Event.objects.filter(pk__in=event_ids, person_id__in=cluster).select_related("person")
    if not chosen:
        raise IdentityError("Choose the events that belong to someone else.")
    for event in chosen:
        if event.event_type == "reporting-owner" and event.person.cik is not None:
            raise IdentityError(
                f"{event.name_raw} in {event.filing_id} is the reporting owner with CIK "
                f"{event.person.cik_padded}; one CIK is one person, so it cannot be split off."
            )
    same_name = Q()
    for event in chosen:
        same_name |= Q(filing_id=event.filing_id, name_raw=event.name_raw)
    events = list(Event.objects.filter(same_name, person_id__in=cluster).order_by("pk"))
    if len(events) == events_for(person).count():
        raise IdentityError("A split must leave at least one event with this person.")
    with transaction.atomic():
        first = events[0]
        fields = person_fields(normalize_name(first.name or first.name_raw))
        new = Person.objects.create(**{**fields, "name": first.name, "raw_name": first.name_raw})
        for event in events:
            PersonOverride.objects.update_or_create(
                filing=event.filing, name=event.name_raw, defaults={"person": new}
            )
        Event.objects.filter(pk__in=[e.pk for e in events]).update(
            person=new, link_confidence=1.0, link_reason="analyst split"
        )
        # [event id, the person it was linked to], so an undo puts each one back.
        moved = [[e.pk, e.person_id] for e in events]
        IdentityChange.objects.create(
            action="split", person=person, other=new, events=moved, by=user
        )
        reindex_filings_of(events)
    return new


def link_name(filing: Filing, names: set[str], person: Person | None, user) -> IdentityChange:
    """An analyst's person mention: these names in this filing are `person` (a new person
    from the first name when None). The filing's events of those names move to them, and
    overrides keep the link through re-extraction. Undone like a split."""
    from django.db import transaction

    names = {n for n in names if n}
    if not names:
        raise IdentityError("Select the name to link.")
    events = list(
        Event.objects.filter(Q(name_raw__in=names) | Q(name__in=names), filing=filing)
        .select_related("person")
        .order_by("pk")
    )
    for event in events:
        if event.event_type == "reporting-owner" and event.person.cik is not None:
            if person is None or event.person.canonical().pk != person.canonical().pk:
                raise IdentityError(
                    f"{event.name_raw} is the reporting owner with CIK "
                    f"{event.person.cik_padded}; one CIK is one person."
                )
    with transaction.atomic():
        if person is None:
            first = sorted(names)[0]
            fields = person_fields(normalize_name(first))
            person = Person.objects.create(**{**fields, "name": first, "raw_name": first})
        person = person.canonical()
        pinned = sorted(names | {e.name_raw for e in events})
        for name in pinned:
            PersonOverride.objects.update_or_create(
                filing=filing, name=name, defaults={"person": person}
            )
        moved = [[e.pk, e.person_id] for e in events]
        Event.objects.filter(pk__in=[e.pk for e in events]).update(
            person=person, link_confidence=1.0, link_reason="analyst's mention"
        )
        previous = events[0].person_id if events else person.pk
        change = IdentityChange.objects.create(
            action="link",
            person=person,
            other_id=previous,
            events=moved,
            names=[[filing.accession, n] for n in pinned],
            by=user,
        )
        reindex_filings_of(events)
    return change


def reindex_filings_of(events: list[Event]) -> None:
    """A split moves events between people: the person facet of their filings follows.
    (A merge needs nothing: search counts merged people as the survivor.)"""
    from . import search

    search.index_filings(sorted({event.filing_id for event in events}))


def undo(change: IdentityChange, user) -> None:
    from django.db import transaction
    from django.utils import timezone

    if change.undone_at:
        raise IdentityError("That change is already undone.")
    with transaction.atomic():
        if change.action == "merge":
            Person.objects.filter(pk=change.other_id, merged_into=change.person).update(
                merged_into=None
            )
        elif change.action == "link":
            # Each event back to whom it was linked to; the overrides go.
            origin = dict(change.events)
            moved_back = list(Event.objects.filter(pk__in=origin, person=change.person))
            for event in moved_back:
                event.person_id = origin[event.pk]
                event.link_reason = "mention withdrawn"
                event.save(update_fields=["person", "link_reason"])
            for accession, name in change.names:
                PersonOverride.objects.filter(
                    filing_id=accession, name=name, person=change.person
                ).delete()
            reindex_filings_of(moved_back)
        else:
            # Older rows list bare event ids; those events go back to the split person.
            origin = dict(
                e if isinstance(e, list) else (e, change.person_id) for e in change.events
            )
            # Events re-extracted since the split have new ids: they go to the split person.
            moved_back = list(Event.objects.filter(person=change.other))
            for event in moved_back:
                event.person_id = origin.get(event.pk, change.person_id)
                event.link_reason = "split undone"
                event.save(update_fields=["person", "link_reason"])
            reindex_filings_of(moved_back)
            PersonOverride.objects.filter(person=change.other).delete()
            Person.objects.filter(pk=change.other_id).update(merged_into=change.person)
        change.undone_at = timezone.now()
        change.undone_by = user
        change.save(update_fields=["undone_at", "undone_by"])
