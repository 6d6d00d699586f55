"""Signers of a filing: "By: /s/ Name" blocks, "Name:/Title:/Date:" lines, 10-K signature
tables (HTML cells on their own lines, or 1990s fixed-width columns with titles wrapped
above and below the name), and conformed signatures without "/s/" ("Alex Trotman*").

Each signer becomes an EventCandidate of type "signed" whose role is the title printed with
the signature and whose effective date is the signature date (the block's "Date:", the
table's date column, or the "this 4th day of December 1997" of the preamble).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass, field, replace

from .events import _role_and_organization
from .model import EventCandidate
from .organizations import normalize_company_name
from .people import STOP_WORDS, PersonName, is_organization_name, normalize_name, same_person
from .prose import FOLDS_TO_ASCII, TITLE, Span, cased, clean_title, lines, parse_date

_SLASH_S = re.compile(r"/s/|/S/|\(s\)|s/\s", re.I)
_BY = re.compile(r"^\s*\*?\s*By\s*:?\s*", re.I)
_BY_SIGNER = re.compile(r"^\s*By\s*:\s*", re.I)
_NAME_LABEL = re.compile(r"^\s*(?:Name|Signature)\s*:\s*", re.I)
_TITLE_LABEL = re.compile(r"^\s*(?:Title|Its|Capacity)\s*:\s*", re.I)
_RULE = re.compile(r"^[\s\-_=*.]*$")
# The header of a fixed-width (1990s text) signature table; HTML tables, whose cells the
# renderer separates with tabs, are read as blocks.
_TABLE_HEADER = re.compile(
    r"^ *(?:Signatures?|SIGNATURES?|Name|NAME) {2,}(?:Title|TITLE|Capacity|CAPACITY)"
    r"(?: *\(?[sS]?\)?)? {2,}(?:Date|DATE) *$",
    re.M,
)
_TITLE_WORDS = re.compile(
    r"\b(?:Director|Officer|President|Chairman|Chair|Vice|Treasurer|Controller|Secretary|"
    r"Counsel|Trustee|Principal|Manager|Partner|Executive|Attorney-in-Fact|Member|"
    r"Representative|Signatory)\b",
    re.I,
)
_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV|JR|SR)\.?$")
# The date in the sentence before the signatures: "... duly authorized, this 4th day of
# December 1997", "... in Zurich, on the 8th day of June, 2023" or "... thereunto duly
# authorized, in Woodland Park, ..., on June 30, 2022."
_PREAMBLE_DATE = re.compile(
    r"(?=[td])"  # (case aside) the first letter of every branch, looked at first
    r"(?:(?:this|the)\s+\d{1,2}(?:st|nd|rd|th)?\s+day\s+of\s+\w+,?\s+\d{4}|"
    r"duly\s+authorized\b[^.;]{0,160}?\bon\s+(?:this\s+)?[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})",
    re.I,
)
_ATTORNEY = re.compile(r",?\s*(?:as\s+)?(?:attorney|attorney-in-fact|agent)\b.*$", re.I)


@dataclass
class Entry:
    name: PersonName
    start: int
    end: int
    titles: list[str] = field(default_factory=list)
    date: dt.date | None = None
    closed: bool = False
    wrapped: bool = False  # title pieces are one title wrapped over lines


_RANK = re.compile(
    r"^(?:(?:Rear|Vice|Lt\.?|Lieutenant|Maj\.?|Major|Brig\.?|Brigadier)\s+)?"
    r"(?:Admiral|Adm\.|General|Gen\.|Colonel|Col\.|Captain|Capt\.)\s+(?=[A-Z])"
)
_RETIRED = re.compile(
    r",?\s*(?:U\.\s?S\.\s?(?:Army|Navy|Air\s+Force|Marine\s+Corps)|USN|USA|USAF|USMC)?"
    r",?\s*\(?(?:Ret\.|Retired)\)?$"
)


# Signature pages repeat the same lines (names, titles, "By:") over and over; a name is read
# once. PersonName is frozen, so sharing one is safe.
@functools.lru_cache(maxsize=16384)
def _person(raw: str) -> PersonName | None:
    """A signer's name from a signature line, or None when it is not a person's name."""
    raw = _SLASH_S.sub(" ", raw)
    raw = _ATTORNEY.sub("", raw)
    raw = raw.replace("*", " ").strip(" ,;:()_-\t")
    raw = re.sub(r"\s+", " ", raw)
    # "/s/ Rear Admiral Kay Lin, USN (Ret.)": a military rank and service are no name words.
    raw = _RETIRED.sub("", _RANK.sub("", raw)).strip(" ,")
    if not raw or re.search(r"\d|@|/", raw):
        return None
    # "/s/ Dr. Raquel E. Izumi": the honorific is not a name word.
    words = re.sub(r"^(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+", "", raw).replace(",", " ").split()
    if not 2 <= len(words) <= 6:
        return None
    for i, word in enumerate(words):
        key = word.casefold().strip(".")
        if _SUFFIX.match(word) or re.fullmatch(r"(?:[A-Z]\.)+", word):
            continue
        if 0 < i < len(words) - 1 and key in _PARTICLES and words[-1][0].isupper():
            continue  # "Ignacio de la Fuente", "Pieter van der Berg"
        if key in STOP_WORDS or not word[0].isupper():
            return None
    name = normalize_name(raw)
    if name.is_organization or not name.family or not name.given:
        return None
    return name


_PARTICLES = frozenset("de la le van von der den du da di del della dos das ten ter".split())


def _name_prefix(text: str) -> tuple[str, str]:
    """Split 'Rebecca Peters, Vice President' or 'STEVEN P. JOBS    Officer and Director'
    into the name and what follows it."""
    text = text.strip()
    m = re.match(r"(.+?)(?:\s{2,}|\t)(.*)$", text)
    if m:
        head, rest = m.group(1), m.group(2)
    else:
        head, rest = text, ""
    # A comma ends the name unless a suffix follows it.
    m = re.match(r"(.+?),(?!\s*(?:Jr|Sr|JR|SR|II|III|IV)\b)\s*(.+)$", head)
    if m:
        head, rest = m.group(1), (m.group(2) + ("  " + rest if rest else "")).strip()
    # Run-together cells: "Rebecca Peters Rebecca Peters Vice President".
    words = head.split()
    for i in range(2, len(words)):
        if words[i] == words[0] or _TITLE_WORDS.fullmatch(words[i].strip(",")):
            return " ".join(words[:i]), (" ".join(words[i:]) + (" " + rest if rest else "")).strip()
    return head, rest


def _same(a: PersonName, b: PersonName) -> bool:
    ok, confidence, _ = same_person(a, b)
    return ok and (confidence >= 0.7 or a.suffix == b.suffix)


def _duplicate(a: PersonName, b: PersonName) -> bool:
    """The same signer twice; "William Clay Ford" and "William Clay Ford, Jr." are two."""
    ok, _, _ = same_person(a, b)
    return ok and a.suffix == b.suffix


def _is_title_text(text: str) -> bool:
    text = text.strip()
    if not text or parse_date(text) or re.search(r"(?i)\bsignature\b", text):
        return False
    if TITLE.match(text) or _TITLE_WORDS.search(text):
        return True
    return bool(re.match(r"(?:and|of|&)\b", text))


def extract_signatures(
    text: str, *, form: str | None = None, sequence: str, registrant: str = ""
) -> list[EventCandidate]:
    tables: list[Entry] = []
    for table in _TABLE_HEADER.finditer(text):
        tables.extend(_column_table(text, table.end()))
    # A letter quoted in a report's text (a director's resignation letter in an 8-K) is
    # not the report's signing: only a filing that is itself a letter is signed after its
    # close.
    letters = not (form or "").upper().startswith(("8-K", "10-K", "10-Q"))
    blocks = [
        e
        for e in _blocks(text, letters=letters)
        if not any(o.start <= e.start < o.end for o in tables)
    ]
    entries = tables + blocks
    entries += _attribute_signatures(text)
    if form and form.upper().startswith("13F"):
        entries += _xml_signatures(text)
        entries = _filing_managers_own(text, entries, registrant)
    entries = _without_attorney_lines(text, entries)
    default = _default_date(text)
    letter_date = _letter_date(text) if (form or "").upper().startswith("CORRESP") else None
    entries.sort(key=lambda e: e.start)
    for prev, entry in zip(entries, entries[1:], strict=False):
        if entry.date is None and prev.date is not None and entry.start - prev.end < 600:
            entry.date = prev.date
    out: list[EventCandidate] = []
    seen: list[PersonName] = []
    first_heading = ""
    for entry in sorted(entries, key=lambda e: e.start):
        role = _join_titles(entry.titles, wrapped=entry.wrapped) or _labelled_title(text, entry)
        if not any(c.islower() for c in role):
            role = cased(role)  # a title printed in capitals reads in Title Case
        role, held_at = _title_at_company(role, registrant)
        entity, through = _signing_for(text, entry.start)
        if entity and not through:
            # The first company heading of the signatures is the filer's, in whatever
            # form the page writes its name.
            first_heading = first_heading or entity
            through = entity != first_heading
        if entity and through and not held_at and not _same_company(entity, registrant):
            held_at = entity
        # One signing per distinct title: someone who signs for the company ("By: /s/ ...
        # Chief Executive Officer") and again in the table as "Chief Executive Officer and
        # Director" signs twice; the same title again ("(Principal Executive Officer)" adds
        # nothing) is one signing, in the table's fuller wording.
        again = [i for i, s in enumerate(seen) if _duplicate(entry.name, s)]
        same = [i for i in again if _capacity(out[i].role) in (_capacity(role), "")]
        if same or (again and not role):
            i = (same or again)[0]
            if len(role) > len(out[i].role):
                out[i] = replace(
                    out[i],
                    role=role,
                    evidence=text[entry.start : entry.end],
                    start=entry.start,
                    end=entry.end,
                    effective_date=entry.date or out[i].effective_date,
                )
            elif out[i].effective_date is None and entry.date:
                # the same signing read twice (an XML 13F's "signature: /s/ ..." line and
                # its block): the block's date completes it
                out[i] = replace(out[i], effective_date=entry.date)
            continue
        seen.append(entry.name)
        # "Chief Financial Officer of Lakemont GP LLC", signing for the partnership: the
        # title is held at that other company.
        title, organization = _role_and_organization(text, role, registrant)
        organization = organization or held_at
        out.append(
            EventCandidate(
                name=entry.name,
                event_type="signed",
                role=title,
                organization=organization,
                effective_date=entry.date
                or _nearest_date(text, entry.start, default)
                or letter_date,
                disagreement=None,
                evidence=text[entry.start : entry.end],
                start=entry.start,
                end=entry.end,
                document_sequence=sequence,
                source="signature",
            )
        )
    return out


_TITLE_END = re.compile(
    r"(?i)\b(?:Officer|President|Director|Chairman|Chairwoman|Chair|Secretary|Treasurer|Counsel|"
    r"Controller|Comptroller|Manager|Partner|Trustee|Member|Board|Directors|Attorney-in-Fact|"
    r"CEO|CFO|COO|CAO|Founder|Operations|Finance|\))\)?\.?$"
)


# The name of a company as a signature page prints it after a title: it ends with a
# corporate designator ("Director, Northwind Holdings AG", "President, Acme Company").
_COMPANY_AFTER_TITLE = re.compile(
    r",\s*(?P<org>[A-Z][^,]*?(?:,?\s+(?:Inc|Corp|Co|Ltd|Pty|L\.P|L\.L\.C|N\.V|S\.A|B\.V|N\.A)\.?"
    r"|\s+(?:Incorporated|Corporation|Company|Limited|LLC|LP|LLP|PLC|plc|GmbH|AG|SA|NV|SE|"
    r"AB|ASA|SARL|S\.?à\.?r\.?l\.?|Bancorp)))\s*$"
)


def _same_company(name: str, registrant: str) -> bool:
    """Whether a company named on the signature page is the filer ("Northwind Holdings AG" for
    NORTHWIND HOLDINGS AG, "Acme" for ACME CORP /DE/)."""
    a, b = normalize_company_name(name).split(), normalize_company_name(registrant).split()
    n = min(len(a), len(b))
    return n > 0 and a[:n] == b[:n]


def _title_at_company(role: str, registrant: str) -> tuple[str, str]:
    """'Director, Northwind Holdings AG' is the title Director held at that company: the
    company leaves the title, and is the organisation unless it is the filer. When the
    company follows several titles ("Director, Vice President and President, Acme Credit
    Company") it may qualify only the last one, so the title is left whole, unless the
    company is the filer."""
    m = _COMPANY_AFTER_TITLE.search(role)
    if not m:
        return role, ""
    head, org = role[: m.start()].strip(), m.group("org").strip()
    if not head or _TITLE_WORDS.search(org) or not _is_title_text(head):
        return role, ""
    if registrant and _same_company(org, registrant):
        return head, ""
    if "," in re.sub(r"\([^)]*\)", "", head):
        return role, ""
    return head, org


_BY_ENTITY = re.compile(r"^\s*By\s*:?\s*(?P<org>\S.*?)[\s,]*$", re.I)
# "Its General Partner", "as Depositor on behalf of ...": the company above acts for another.
_ACTING_AS = re.compile(r"(?i)^\(?(?:its|as)\s+\S.{2,100}$")
_ACTING_AFTER = re.compile(r"(?i),?\s+(?:its|as)\s+[\w\s-]{3,60}$")


def _signing_for(text: str, start: int) -> tuple[str, bool]:
    """The company a "By:" signer signs for, from the lines above the block: the nearest
    "By: Acme Partners, LLC / Its General Partner", else the heading ("ACME FUNDING LLC").
    Other signers' lines of the same company are passed over. The flag says whether the
    company acts through a "By:" or an "as ..." line (a general partner, a depositor): it
    is then the signer's company even when it is named first."""
    if not _BY.match(text[start : start + 80]):
        return "", False  # a row of a signature table, not a block signed for a company
    acting = False
    for line in reversed(text[max(0, start - 1500) : start].split("\n")[-16:]):
        body = line.strip()
        if len(body) > 120:
            break  # the sentence before the signatures
        if _ACTING_AS.match(body):
            acting = True
            continue
        if not body or re.fullmatch(r"\(?(?:Registrant|Issuer)\)?", body, re.I):
            continue
        by = _BY_ENTITY.match(body)
        name = by.group("org").strip(" ,") if by else body
        role = _ACTING_AFTER.search(name) if by else None
        if role:  # "By: Acme GP, LLC, its general partner"
            name, acting = name[: role.start()], True
        if _SLASH_S.search(body) or _NAME_LABEL.match(body) or _TITLE_LABEL.match(body):
            continue
        if parse_date(name) or _TITLE_WORDS.search(name) or re.fullmatch(r"(?i)by\s*:?", body):
            continue
        if by and acting:
            return name, True
        if is_organization_name(name) and _person(name) is None:
            return name, bool(by) or acting
        acting = False
    return "", False


def _capacity(role: str) -> str:
    """A title without its parenthetical designations, to compare two signings."""
    return " ".join(re.sub(r"\([^)]*\)", " ", role).casefold().split())


def _join_titles(parts: list[str], *, wrapped: bool = False) -> str:
    """Title pieces wrapped over lines: 'Senior Vice President, Treasurer' + 'and Chief
    Financial Officer' join with a space; separate titles join with a comma."""
    out = ""
    seen: set[str] = set()
    for part in parts:
        part = " ".join(part.split()).strip()
        if not part or part.casefold() in seen:
            continue
        seen.add(part.casefold())
        if not out:
            out = part
        elif (
            wrapped
            or re.search(r"(?:\b(?:and|of|the|for)|[,&(-])$", out, re.I)
            or re.match(r"(?:(?i:and|of|for)\b|&|\(|[a-z])", part)
            or not _TITLE_END.search(out)
        ):
            out += " " + part
        else:
            out += ", " + part
    out = re.sub(r"\s*--\s*", "--", out)
    out = re.sub(r"^\((.*)\)$", r"\1", out) if out.count("(") == 1 and out.startswith("(") else out
    out = out.rstrip(")") if out.count(")") > out.count("(") else out
    return clean_title(out)


def _default_date(text: str) -> list[tuple[int, dt.date]]:
    found = []
    for m in _PREAMBLE_DATE.finditer(text):
        d = parse_date(m.group())
        if d:
            found.append((m.start(), d))
    return found


def _letter_date(text: str) -> dt.date | None:
    """A letter to the SEC is dated on a line of its own above the address."""
    for line in text[:3000].splitlines():
        line = line.strip()
        if line and len(line) < 40 and (d := parse_date(line)):
            return d
    return None


def _nearest_date(text: str, pos: int, preamble: list[tuple[int, dt.date]]) -> dt.date | None:
    before = [d for p, d in preamble if p < pos and pos - p < 3000]
    if before:
        return before[-1]
    # A "Date: ..." line shortly before the signature block.
    window = text[max(0, pos - 400) : pos]
    for m in reversed(list(re.finditer(r"(?im)^\s*Dated?\s*:?\s*(.+)$", window))):
        d = parse_date(m.group(1))
        if d:
            return d
    return None


def _without_attorney_lines(text: str, entries: list[Entry]) -> list[Entry]:
    """Signers marked "*" signed through an attorney-in-fact, whose "*By: /s/ ..." line
    vouches for them: it is how they signed, not a signing of the attorney's own."""

    def attorney(entry: Entry) -> bool:
        said = " ".join(entry.titles)
        return bool(re.search(r"(?i)\battorney[-\s]in[-\s]fact\b", said)) and not re.search(
            r"(?i)\b(?:Director|Officer|President|Trustee|Chair\w*|Treasurer|Secretary|"
            r"Controller|Partner|Manager)\b",
            said,
        )

    if not any("*" in text[e.start : e.end] for e in entries if not attorney(e)):
        return entries
    return [e for e in entries if not attorney(e)]


# A 13F cover page: "Institutional Investment Manager Filing this Report: / Name: ...".
_MANAGER = re.compile(
    r"(?im)^[^\S\n]*Institutional\s+Investment\s+Manager\s+Filing\s+this\s+Report:?\s*\n"
    r"\s*Name:[^\S\n]*(.+)$"
)


def _filing_managers_own(text: str, entries: list[Entry], registrant: str) -> list[Entry]:
    """A 13F filed for a group binds in the cover pages of the other managers it reports
    for, each signed for that manager: the report's signer is the one of the filer's own
    cover page (the first, when none names the filer)."""
    covers = [(m.start(), m.group(1).strip()) for m in _MANAGER.finditer(text)]
    if len(covers) < 2:
        return entries
    own = [start for start, name in covers if registrant and _same_company(name, registrant)]
    keep = own[0] if own else covers[0][0]
    starts = [start for start, _ in covers]

    def cover_of(entry: Entry) -> int | None:
        before = [start for start in starts if start <= entry.start]
        return before[-1] if before else None

    return [e for e in entries if cover_of(e) in (None, keep)]


_LABELLED_SIGNER = re.compile(
    r"(?im)^[^\S\n]*Name[^\S\n]*:[^\S\n]*(.+)\n(?:[^\S\n]*[-_=][-_= \t]*\n)?"
    r"[^\S\n]*Title[^\S\n]*:[^\S\n]*(.+)$"
)


def _labelled_title(text: str, entry: Entry) -> str:
    """The title a form prints with the signer's name shortly before the signature line
    ("Person Signing this Report ... Name: ... Title: ..." on a 13F cover page)."""
    window = text[max(0, entry.start - 600) : entry.start]
    for m in reversed(list(_LABELLED_SIGNER.finditer(window))):
        name = _person(m.group(1).strip())
        if name is not None and _same(name, entry.name):
            return clean_title(m.group(2))
    # An older 13F cover prints "Quentin A. Rusk, Senior Vice President   (555) 555-0142"
    # over "Name, Phone No., and Title of Person Duly Authorized to Submit This Report".
    window = text[max(0, entry.start - 2500) : entry.start]
    for line in reversed(window.split("\n")):
        cells = _cells(line)
        if not cells or len(line) > 120 or "," not in cells[0]:
            continue
        printed, rest = _name_prefix(cells[0])
        if not rest or not _is_title_text(rest) or _prose(rest):
            continue
        name = _person(printed)
        if name is not None and _same(name, entry.name):
            return clean_title(rest)
    return ""


def _prose(text: str) -> bool:
    """Words of a sentence ("who has served as President since"), not a printed title."""
    return any(w not in _SMALL_WORDS for w in re.findall(r"\b[a-z][a-z'’]*\b", text))


_SMALL_WORDS = frozenset("a an and of the for in to at on & de".split())


# The signature block of an XML 13F as the reading view prints it: "signatureBlock:" then
# "name:", "title:", "signature:" and "signatureDate:" lines.
_XML_SIGNATURE = re.compile(r"(?m)^([^\S\n]*)signatureBlock:[^\S\n]*\n((?:\1[^\S\n]+\S.*\n?)+)")


def _xml_signatures(text: str) -> list[Entry]:
    out = []
    for block in _XML_SIGNATURE.finditer(text):
        fields = {}
        for m in re.finditer(r"(?m)^[^\S\n]*(\w+):[^\S\n]*(.*?)[^\S\n]*$", block.group(2)):
            fields.setdefault(m.group(1), (m.group(2), block.start(2) + m.start(2)))
        signed = fields.get("signature")
        name = _person(signed[0]) if signed and signed[0] else None
        if name is None and fields.get("name"):
            # "<signature>" may hold the filer's CIK: the signer is the block's "<name>".
            signed = fields["name"]
            name = _person(signed[0])
        if name is None:
            continue
        entry = Entry(name, signed[1], signed[1] + len(signed[0]))
        if fields.get("title", ("",))[0]:
            entry.titles.append(fields["title"][0])
        when = fields.get("signatureDate", ("",))[0]
        mdy = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", when)  # the 13F schema's MM-DD-YYYY
        try:
            entry.date = dt.date(int(mdy[3]), int(mdy[1]), int(mdy[2])) if mdy else parse_date(when)
        except ValueError:
            entry.date = None
        out.append(entry)
    return out


# An XML form that signs in the attributes of one element (N-CEN): the reading view prints
# "signature: registrantSignedName=... signedDate=2024-03-12 signature=/s/ Name title=...".
_ATTRIBUTE_SIGNATURE = re.compile(r"(?m)^[^\S\n]*signature:[^\S\n]+(?=.*\bsignature=)(.+)$")
_ATTRIBUTE = re.compile(r"(?:^|(?<=\s))([A-Za-z]\w*)=(.*?)(?=\s+[A-Za-z]\w*=|$)")


def _attribute_signatures(text: str) -> list[Entry]:
    out = []
    for line in _ATTRIBUTE_SIGNATURE.finditer(text):
        fields = {
            m.group(1): (m.group(2).strip(), line.start(1) + m.start(2))
            for m in _ATTRIBUTE.finditer(line.group(1))
        }
        signed = fields.get("signature", ("", 0))
        name = _person(signed[0]) if signed[0] else None
        if name is None:
            continue
        entry = Entry(name, signed[1], signed[1] + len(signed[0]))
        if fields.get("title", ("",))[0]:
            entry.titles.append(fields["title"][0])
        entry.date = parse_date(fields.get("signedDate", ("",))[0])
        out.append(entry)
    return out


# --- block signatures: By: /s/ Name / Name: / Title: / Date: ---------------------------------


_SIGNATURES_HEADING = re.compile(r"\s*SIGNATURES?\b|\s*Signatures?\s*$")
_PURSUANT = re.compile(r"Pursuant to the requirements of\b.{0,120}\bsigned\b", re.I)
_DATE_LABEL = re.compile(r"\s*Dated?\s*(?::|\s{2,}|$)\s*(.*)$", re.I)
_COLUMN_SLASH_S = re.compile(r"(?:^|(?<=\s\s))(?:\*?By:?\s*)?/s/")


def _blocks(text: str, *, letters: bool = True) -> list[Entry]:
    all_lines = lines(text)
    entries: list[Entry] = []
    in_signatures = False
    pending_date: dt.date | None = None
    pending_line = 0
    close = -9
    i = 0
    while i < len(all_lines):
        ln = all_lines[i]
        body = text[ln.start : ln.end]
        if _SIGNATURES_HEADING.match(body) or (
            (FOLDS_TO_ASCII.search(body) or "pursuant" in body.lower()) and _PURSUANT.search(body)
        ):
            in_signatures = True
        if letters and _LETTER_CLOSE.match(body):
            close = i
        date_line = _date_on_line(text, all_lines, i)
        if date_line:
            pending_date, pending_line = date_line, i
        if pending_date is not None and i - pending_line > 12:
            pending_date = None
        group = _side_by_side(text, all_lines, i)
        if group is not None:
            found, used = group
            entries.extend(found)
            i += used
            continue
        entry, used = _entry_at(text, all_lines, i, in_signatures, after_close=i - close <= 2)
        if entry is None:
            _late_title(text, ln, entries)
            i += 1
            continue
        if entry.date is None and pending_date is not None:
            entry.date = pending_date
        pending_date = None
        entries.append(entry)
        i += max(used, 1)
    return entries


def _late_title(text: str, ln: Span, entries: list[Entry]) -> None:
    """Signatures set two to a row print the names and titles after both "/s/" lines:
    "Karen B. DeSalvo, Director" belongs to the recent entry of that name."""
    if not entries:
        return  # no signer yet whom a printed name could belong to
    for cell in _cells(text[ln.start : ln.end]):
        printed, rest = _name_prefix(cell)
        # The cheap tests first: reading a name is the slow one.
        if not rest or not _is_title_text(rest):
            continue
        person = _person(printed)
        if person is None:
            continue
        for entry in reversed(entries[-6:]):
            if _same(person, entry.name):
                if not entry.titles:
                    entry.titles.append(rest)
                break


def _cells(text: str) -> list[str]:
    """Table cells of a line: separated by tabs (HTML) or by two or more spaces (text)."""
    return [c.strip() for c in re.split(r"\t|\s{2,}", text) if c.strip()]


def _take_cells(entry: Entry, cells: list[str]) -> None:
    for cell in cells:
        date = parse_date(cell)
        if date and len(cell) < 40:
            entry.date = entry.date or date
        elif _is_title_text(cell):
            entry.titles.append(cell)


def _side_by_side(text: str, all_lines: list[Span], i: int):
    """Signature blocks set in two or more columns: '/s/ A     /s/ B' and under each its
    name, title and date. Each column is read as a block of its own."""
    ln = all_lines[i]
    if text.count("/s/", ln.start, ln.end) < 2:
        return None  # every column holds one, in cells or not (the line's indent holds none)
    if "\t" in text[ln.start : ln.end]:
        return _side_by_side_cells(text, all_lines, i)
    line_start = text.rfind("\n", 0, ln.start) + 1
    body = text[line_start : ln.end]
    cols = [m.start() for m in _COLUMN_SLASH_S.finditer(body)]
    if len(cols) < 2:
        return None
    group = [ln]
    j = i + 1
    while j < len(all_lines) and text[group[-1].end : all_lines[j].start].count("\n") <= 1:
        group.append(all_lines[j])
        j += 1
    entries = []
    for c, col in enumerate(cols):
        stop = cols[c + 1] if c + 1 < len(cols) else None
        column: list[Span] = []
        for g in group:
            g_start = text.rfind("\n", 0, g.start) + 1
            a = g_start + col
            b = g.end if stop is None else min(g.end, g_start + stop)
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b and a >= g.start - (g.start - g_start):
                column.append(Span(a, b))
        entries += _column_entries(text, column)
    return entries, j - i


def _column_entries(text: str, column: list[Span]) -> list[Entry]:
    """The signers of one column of signature blocks set side by side, read as blocks."""
    entries = []
    k = 0
    while k < len(column):
        entry, used = _entry_at(text, column, k, True)
        if entry is None:
            k += 1
            continue
        entries.append(entry)
        k += max(used, 1)
    return entries


# A table row that starts another signer through an attorney-in-fact: the "*" alone in
# the signature cell, or after the typed name ("Harlan B. Vetter*").
_STARRED_ROW = re.compile(r"^\s*[^\t*]*\*+\s*(?:\t|$)")


def _starred(text: str, all_lines: list[Span], i: int) -> tuple[str, str, int] | None:
    """A conformed signature in a table row, as (name, the row's other cells, the line the
    name is on): "Kenneth J. Bacon*<TAB>Director<TAB>March 1, 2024", or a "*" alone in its
    cell with the printed name on the next line ("*<TAB>Director<TAB>March 1, 2024" over
    "Kenneth J. Bacon", or "*" over "Kenneth J. Bacon<TAB>Director")."""
    cells = _cells(text[all_lines[i].start : all_lines[i].end])
    if not cells:
        return None
    if cells[0].endswith("*") and not cells[0].startswith("*"):
        name, rest = _name_prefix(cells[0])
        found = name, [rest, *cells[1:]], i
    elif re.fullmatch(r"\*+", cells[0]) and i + 1 < len(all_lines):
        below = _cells(text[all_lines[i + 1].start : all_lines[i + 1].end])
        if not below:
            return None
        found = below[0], cells[1:] + below[1:], i + 1
        # "*" and the name each on a line of their own (a cell broken at <br>), the title
        # and date on the line below
        if len(below) == 1 and not cells[1:] and i + 2 < len(all_lines):
            under = _cells(text[all_lines[i + 2].start : all_lines[i + 2].end])
            if under and _is_title_text(under[0]) and _person(under[0]) is None:
                return (below[0], "", i + 1) if _person(below[0]) is not None else None
    else:
        return None
    name, rest, at = found
    # A row of a signature table gives a title ("Interest Rate*" heads a column of figures).
    if not any(_is_title_text(c) for c in rest) or _person(name) is None:
        return None
    return name, "\t".join(rest).strip(), at


def _cell_spans(text: str, ln: Span) -> list[Span]:
    """The tab-separated cells of a line, trimmed, empty ones kept as empty spans."""
    out = []
    for m in re.finditer(r"[^\t]*", text[ln.start : ln.end]):
        if m.start() and m.start() == m.end() and text[ln.start + m.start() - 1] != "\t":
            continue  # the empty match after a cell
        a, b = ln.start + m.start(), ln.start + m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        out.append(Span(a, b))
    return out


def _side_by_side_cells(text: str, all_lines: list[Span], i: int):
    """The same set in an HTML table: "/s/ A<TAB>/s/ B" and, on the lines under it, each
    signer's name, title and date in the cell of the same place."""
    first = _cell_spans(text, all_lines[i])
    signed = [c for c in first if re.match(r"(?:\*?By:?\s*)?/s/", text[c.start : c.end])]
    if len(signed) < 2 or len(signed) != len([c for c in first if c.end > c.start]):
        return None
    width = len(first)
    columns: list[list[Span]] = [[c] if c.end > c.start else [] for c in first]
    j = i + 1
    while j < len(all_lines) and text[all_lines[j - 1].end : all_lines[j].start].count("\n") <= 1:
        cells = _cell_spans(text, all_lines[j])
        if len(cells) != width or _SLASH_S.search(text[all_lines[j].start : all_lines[j].end]):
            break
        for column, cell in zip(columns, cells, strict=True):
            if cell.end > cell.start:
                column.append(cell)
        j += 1
    entries = [e for column in columns for e in _column_entries(text, column)]
    return entries, j - i


def _date_on_line(text: str, all_lines: list[Span], i: int) -> dt.date | None:
    body = text[all_lines[i].start : all_lines[i].end]
    m = _DATE_LABEL.match(body)
    if m and m.group(1).strip():
        return parse_date(m.group(1))
    if m and i + 1 < len(all_lines):
        return parse_date(text[all_lines[i + 1].start : all_lines[i + 1].end])
    return None


# A letter's complimentary close: the signer's typed name follows, with or without "/s/".
_LETTER_CLOSE = re.compile(
    r"(?i)^\s*(?:(?:very\s+)?(?:sincerely|truly|cordially|respectfully)(?:\s+yours)?|"
    r"yours\s+(?:very\s+)?(?:sincerely|truly|faithfully)|(?:best\s+|kind\s+)?regards|"
    r"respectfully\s+submitted)\s*,?\s*$"
)


def _entry_at(
    text: str, all_lines: list[Span], i: int, in_signatures: bool, *, after_close: bool = False
):
    ln = all_lines[i]
    body = text[ln.start : ln.end]
    start = ln.start
    j = i
    by = _BY.match(body)
    if by and not body[by.end() :].strip() and i + 1 < len(all_lines):
        # "By:" alone in its cell; the signature is on the next line.
        j = i + 1
        body = text[all_lines[j].start : all_lines[j].end]
        by = None
    # (every form of the mark has a slash or a parenthesis: a line with neither is not tried)
    slash = _SLASH_S.search(body) if "/" in body or "(" in body else None
    if slash:
        after = body[slash.end() :].strip()
        if not after and j + 1 < len(all_lines):
            j += 1
            after = text[all_lines[j].start : all_lines[j].end]
        name_text, rest = _name_prefix(after)
    elif by and in_signatures:
        name_text, rest = _name_prefix(body[by.end() :])
        if "*" not in name_text and not re.search(r"[A-Z]\.", name_text):
            return None, 0
    elif in_signatures and (starred := _starred(text, all_lines, j)) is not None:
        name_text, rest, j = starred
    elif after_close and "*" not in body:
        name_text, rest = _name_prefix(body)  # "Very truly yours, / Jane Q. Doe"
    else:
        return None, 0
    name = _person(name_text)
    if name is None:
        return None, 0
    attorney = _ATTORNEY.search(after if slash else body)
    entry = Entry(name, start, all_lines[j].end)
    if attorney:
        entry.titles.append("Attorney-in-Fact")
    _take_cells(entry, _cells(rest))  # "/s/ Jane Doe<TAB>Director<TAB>June 27, 2025"
    before_slash = text[all_lines[j].start : all_lines[j].start + slash.start()] if slash else ""
    entry.date = entry.date or parse_date(before_slash)  # "April 15, 2025<TAB>By:<TAB>/s/ ..."
    if not entry.titles and "\t" in before_slash:
        # A table whose title column comes first: "Chief Financial Officer<TAB>/s/ Jane Doe".
        entry.titles += [
            c for c in _cells(before_slash) if _is_title_text(c) and not _BY.fullmatch(c)
        ]
    k = j + 1
    blank_run = 0
    while k < len(all_lines) and k <= j + 8:
        nxt = all_lines[k]
        gap = text[all_lines[k - 1].end : nxt.start].count("\n")
        nbody = text[nxt.start : nxt.end]
        by = None if _SLASH_S.search(nbody) else _BY.match(nbody)
        if by and _BY_SIGNER.match(nbody):
            printed = _person(_BY_SIGNER.sub("", nbody).strip())
            if printed is not None and _same(printed, entry.name):
                # "/s/ Norbert Fenwick" then "By: Norbert Fenwick": the signer's printed name
                entry.end = nxt.end
                k += 1
                continue
        if _SLASH_S.search(nbody) or by:
            break
        if _STARRED_ROW.match(nbody) and _starred(text, all_lines, k) is not None:
            break
        if re.match(r"(?i)\s*(?:b?cc|enclosures?|attachments?)\b", nbody):
            break
        if gap > 2:
            blank_run += 1
            if blank_run > 2 or entry.date:
                break
        if _RULE.match(nbody):
            k += 1
            continue
        label = _NAME_LABEL.match(nbody)
        if label:
            value = nbody[label.end() :].strip()
            if not value and k + 1 < len(all_lines):
                k += 1
                value = text[all_lines[k].start : all_lines[k].end].strip()
            # "Name: Jane Doe, Chief Financial Officer", "Name: Jane Doe<TAB>Title: CFO"
            rest = _TITLE_LABEL.sub("", _name_prefix(value)[1]).strip()
            if rest and _is_title_text(rest):
                entry.titles.append(rest)
            entry.end = all_lines[k].end
            k += 1
            continue
        label = _TITLE_LABEL.match(nbody)
        if label:
            value = nbody[label.end() :].strip()
            if not value and k + 1 < len(all_lines):
                k += 1
                value = text[all_lines[k].start : all_lines[k].end]
            entry.titles.append(value)
            entry.end = all_lines[k].end
            k += 1
            continue
        if re.match(r"\s*Dated?\s*(?::|\s{2,}|$)", nbody, re.I):
            d = _date_on_line(text, all_lines, k)
            if d:
                entry.date = d
                if not parse_date(nbody) and k + 1 < len(all_lines):
                    k += 1
                entry.end = all_lines[k].end
                k += 1
            break
        cells = _cells(nbody)
        if len(cells) > 1:
            # A table row: the printed name, the title, the date in cells of one line.
            first = _person(_name_prefix(cells[0])[0])
            if first is not None and not _same(first, entry.name):
                break
            if first is not None:
                # (a later cell that prints a name again is the next column's signer, who
                # signs for a co-registrant: "R. J. Roe, Secretary<tab>R. J. Roe, Secretary")
                cells = _cells(_name_prefix(cells[0])[1]) + list(
                    itertools.takewhile(lambda c: _person(_name_prefix(c)[0]) is None, cells[1:])
                )
            before = (len(entry.titles), entry.date)
            _take_cells(entry, cells)
            if first is None and (len(entry.titles), entry.date) == before:
                break  # a row that says nothing about this signer
            entry.end = nxt.end
            k += 1
            if entry.date is not None and before[1] is None:
                break
            continue
        bare_date = parse_date(nbody)
        if bare_date and len(nbody.strip()) < 40:
            entry.date = bare_date
            entry.end = nxt.end
            k += 1
            break
        printed, rest = _name_prefix(nbody)
        again = _person(printed)
        if again is not None and _same(again, entry.name):
            if len(again.display) > len(entry.name.display) and again.given == entry.name.given:
                entry.name = again
            if rest and _is_title_text(rest):
                entry.titles.append(rest)
            entry.end = nxt.end
            k += 1
            continue
        if again is not None:
            break  # someone else's printed name: "Karen B. DeSalvo, Director"
        if _is_title_text(nbody) and not _person(nbody) and len(nbody) < 120:
            entry.titles.append(nbody)
            entry.end = nxt.end
            k += 1
            continue
        break
    return entry, k - i


# --- fixed-width signature tables ------------------------------------------------------------


def _segments(text: str, ln: Span) -> list[tuple[int, int, str]]:
    """(column, offset, text) of each run of words separated by 2+ spaces."""
    line_start = text.rfind("\n", 0, ln.start) + 1
    out = []
    for m in re.finditer(r"\S+(?: \S+)*", text[line_start : ln.end]):
        col = m.start()
        out.append((col, line_start + m.start(), m.group()))
    return out


def _table_end(text: str, start: int) -> int:
    """A fixed-width signature table ends at </TABLE>, the exhibit index, or 4000 characters."""
    end = min(len(text), start + 4000)
    stop = re.search(
        r"(?im)^\s*(?:</TABLE>|EXHIBIT\s+INDEX|INDEX\s+TO\s+(?:EXHIBITS|FINANCIAL))",
        text[start:end],
    )
    return start + stop.start() if stop else end


def _column_table(text: str, start: int) -> list[Entry]:
    end = _table_end(text, start)
    table_lines = lines(text, start, end)
    segs = [(ln, _segments(text, ln)) for ln in table_lines]
    title_cols = [
        col
        for _, ss in segs
        for col, _, s in ss
        if _TITLE_WORDS.search(s)
        and not _SLASH_S.search(s)
        and "*" not in s
        and _person(_name_prefix(s.strip("()"))[0]) is None
    ]
    if not title_cols:
        return []
    boundary = min(title_cols)
    entries: list[Entry] = []
    pending: list[str] = []
    current: Entry | None = None
    misses = 0
    for ln, ss in segs:
        body = text[ln.start : ln.end].strip()
        if body.startswith("<") or re.fullmatch(r"-?\s*\d+\s*-?", body):
            continue  # <PAGE>, <TABLE>, page numbers
        if _TABLE_HEADER.match(text[ln.start : ln.end]) or re.fullmatch(r"[\s\-]+", body):
            continue

        def in_name_column(col: int, s: str) -> bool:
            if col >= boundary:
                return False
            return col < 15 or _person(re.sub(r"^\*?\s*By\s*:?", "", s).strip("()")) is not None

        names = [(o, s) for col, o, s in ss if in_name_column(col, s)]
        others = [(col, o, s) for col, o, s in ss if not in_name_column(col, s)]
        line_date = None
        titles = []
        for _, _, s in others:
            d = parse_date(s)
            if d and len(s) < 30:
                line_date = d
            elif s.strip():
                titles.append(s)
        anchor = None
        closing = False
        for o, s in names:
            if _RULE.match(s):
                continue
            clean = re.sub(r"^\*?\s*By\s*:?\s*", "", s, flags=re.I)
            if current is not None and _SUFFIX.match(clean.strip(" ,")):
                current.name = normalize_name(current.name.raw.rstrip(", ") + ", " + clean.strip())
                continue
            is_signed = bool(_SLASH_S.search(clean)) or "*" in s
            person = _person(clean.strip("()"))
            if person is None:
                continue
            if (
                current is not None
                and not current.closed
                and _same(person, current.name)
                and not is_signed
            ):
                closing = True
                if _ATTORNEY.search(clean):
                    titles.append("Attorney-in-Fact")
                continue
            if (
                current is not None
                and current.closed
                and not is_signed
                and _same(person, current.name)
            ):
                continue
            anchor = (o, person)
        if anchor is not None:
            if current is not None:
                entries.append(current)
            current = Entry(anchor[1], anchor[0], ln.end, titles=pending + titles, wrapped=True)
            pending = []
            current.date = line_date
            misses = 0
            if closing:
                current.closed = True
            continue
        if current is not None and not current.closed:
            current.titles.extend(titles)
            current.date = current.date or line_date
            current.end = ln.end
            if closing:
                current.closed = True
            continue
        if closing and current is not None:
            current.closed = True
            current.end = ln.end
            continue
        if titles:
            pending.extend(titles)
            misses = 0
        elif not names:
            misses += 1
            if misses > 6:
                break
    if current is not None:
        entries.append(current)
    return entries
