"""The EDGAR header, in either dialect, into fields, parties and series.

One reader serves both dialects (EDGAR.md §1): tag names are translated to the
space-dialect keys, so `<CONFORMED-NAME>x` and `COMPANY CONFORMED NAME: x` take
the same path. Lines are recognised by their key, not by their indentation,
because real headers break the indentation rules: mid-2000 headers indent each
subsection one tab deeper, SERIAL COMPANY and pre-XML <REPORTING-OWNER> blocks
put their subsections in column 0, and re-indented copies indent everything.

A line is understood when its key belongs where it stands (a top-level key, a
party opener, a subsection opener inside a party, a field of the open
subsection, a series tag inside series data). Everything else is kept
verbatim as an unknown line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .model import Address, FilingValues, FormerName, Party, Series, SeriesClass, UnknownLine

SIC = "STANDARD INDUSTRIAL CLASSIFICATION"

# Space-dialect party openers -> role.
PARTY_KEYS = {
    "FILER": "filer",
    "FILED BY": "filed-by",
    "FILED FOR": "filed-for",
    "SUBJECT COMPANY": "subject-company",
    "REPORTING-OWNER": "reporting-owner",
    "ISSUER": "issuer",
    "SERIAL COMPANY": "serial-company",
}

# Subsection openers -> the kind of block they open.
SECTION_KEYS = {
    "COMPANY DATA": "company",
    "OWNER DATA": "company",
    "FILING VALUES": "values",
    "BUSINESS ADDRESS": "business",
    "MAIL ADDRESS": "mail",
    "FORMER COMPANY": "former",
    "FORMER NAME": "former",
}

_ADDRESS_FIELDS = frozenset(
    (
        "STREET 1",
        "STREET 2",
        "CITY",
        "STATE",
        "ZIP",
        "BUSINESS PHONE",
        "NON US STATE TERRITORY",
        "ADDRESS IS A NON US LOCATION",
    )
)
# The keys each kind of subsection accepts.
SECTION_FIELDS = {
    "company": frozenset(
        (
            "COMPANY CONFORMED NAME",
            "CENTRAL INDEX KEY",
            SIC,
            "ORGANIZATION NAME",
            "IRS NUMBER",
            "EIN",
            "STATE OF INCORPORATION",
            "FISCAL YEAR END",
        )
    ),
    "values": frozenset(("FORM TYPE", "SEC ACT", "SEC FILE NUMBER", "FILM NUMBER")),
    "business": _ADDRESS_FIELDS,
    "mail": _ADDRESS_FIELDS,
    "former": frozenset(("FORMER CONFORMED NAME", "DATE OF NAME CHANGE")),
}

# Top-level keys of the space dialect (EDGAR.md §1.2 and the secsgml mapping).
TOP_KEYS = frozenset(
    (
        "ACCESSION NUMBER",
        "CONFORMED SUBMISSION TYPE",
        "PUBLIC DOCUMENT COUNT",
        "CONFORMED PERIOD OF REPORT",
        "ITEM INFORMATION",
        "FILED AS OF DATE",
        "DATE AS OF CHANGE",
        "EFFECTIVENESS DATE",
        "GROUP MEMBERS",
        "SROS",
        "CONFIRMING COPY",
        "PAPER",
        "ABS RULE",
        "PERIOD START",
        "ABS ASSET CLASS",
        "WITHDRAWN ACCESSION NUMBER",
        "PUBLIC REFERENCE ACCESSION NUMBER",
        "ACTION DATE",
        "RECIEVED DATE",
    )
)

# Top-level tags that keep their own name (they have no space-dialect spelling).
TOP_TAGS = frozenset(
    (
        "ACCEPTANCE-DATETIME",
        "PRIVATE-TO-PUBLIC",
        "DEPOSITOR-CIK",
        "SPONSOR-CIK",
        "PREVIOUS-ACCESSION-NUMBER",
        "PUBLIC-REL-DATE",
        "NO-QUARTERLY-ACTIVITY",
        "NO-ANNUAL-ACTIVITY",
        "CONFIRMING-COPY",
        "PAPER",
        "SROS",
        "ABS-ASSET-CLASS",
        "ABS-RULE",
        "PERIOD-START",
        "ACTION-DATE",
        "RECIEVED-DATE",
    )
)

# Tag-dialect names -> the space-dialect key they mean.
TAG_KEYS = {
    "ACCESSION-NUMBER": "ACCESSION NUMBER",
    "TYPE": "CONFORMED SUBMISSION TYPE",
    "PUBLIC-DOCUMENT-COUNT": "PUBLIC DOCUMENT COUNT",
    "PERIOD": "CONFORMED PERIOD OF REPORT",
    "ITEMS": "ITEM INFORMATION",
    "FILING-DATE": "FILED AS OF DATE",
    "DATE-OF-FILING-DATE-CHANGE": "DATE AS OF CHANGE",
    "EFFECTIVENESS-DATE": "EFFECTIVENESS DATE",
    "GROUP-MEMBERS": "GROUP MEMBERS",
    "FILER": "FILER",
    "FILED-BY": "FILED BY",
    "FILED-FOR": "FILED FOR",
    "SUBJECT-COMPANY": "SUBJECT COMPANY",
    "REPORTING-OWNER": "REPORTING-OWNER",
    "ISSUER": "ISSUER",
    "SERIAL-COMPANY": "SERIAL COMPANY",
    "COMPANY-DATA": "COMPANY DATA",
    "OWNER-DATA": "OWNER DATA",
    "FILING-VALUES": "FILING VALUES",
    "BUSINESS-ADDRESS": "BUSINESS ADDRESS",
    "MAIL-ADDRESS": "MAIL ADDRESS",
    "FORMER-COMPANY": "FORMER COMPANY",
    "FORMER-NAME": "FORMER NAME",
    "CONFORMED-NAME": "COMPANY CONFORMED NAME",
    "CIK": "CENTRAL INDEX KEY",
    "ASSIGNED-SIC": SIC,
    "ORGANIZATION-NAME": "ORGANIZATION NAME",
    "IRS-NUMBER": "IRS NUMBER",
    "EIN": "EIN",
    "STATE-OF-INCORPORATION": "STATE OF INCORPORATION",
    "FISCAL-YEAR-END": "FISCAL YEAR END",
    "FORM-TYPE": "FORM TYPE",
    "ACT": "SEC ACT",
    "FILE-NUMBER": "SEC FILE NUMBER",
    "FILM-NUMBER": "FILM NUMBER",
    "STREET1": "STREET 1",
    "STREET2": "STREET 2",
    "CITY": "CITY",
    "STATE": "STATE",
    "ZIP": "ZIP",
    "PHONE": "BUSINESS PHONE",
    "NON-US-STATE-TERRITORY": "NON US STATE TERRITORY",
    "ADDRESS-IS-A-NON-US-LOCATION": "ADDRESS IS A NON US LOCATION",
    "FORMER-CONFORMED-NAME": "FORMER CONFORMED NAME",
    "DATE-CHANGED": "DATE OF NAME CHANGE",
}

# Series and classes of investment companies (EDGAR.md §1.4, last row).
_SERIES_WRAPPERS = {
    "EXISTING-SERIES-AND-CLASSES-CONTRACTS": "existing",
    "NEW-SERIES-AND-CLASSES-CONTRACTS": "new",
    "MERGER-SERIES-AND-CLASSES-CONTRACTS": "merger",
}
_SERIES_OPENERS = frozenset(("SERIES", "NEW-SERIES", "NEW-CLASSES-CONTRACTS"))
_SERIES_STRUCTURE = frozenset(("MERGER", "ACQUIRING-DATA", "TARGET-DATA"))
_SERIES_FIELDS = frozenset(("OWNER-CIK", "SERIES-ID", "SERIES-NAME"))
_CLASS_FIELDS = frozenset(
    ("CLASS-CONTRACT-ID", "CLASS-CONTRACT-NAME", "CLASS-CONTRACT-TICKER-SYMBOL")
)
SERIES_DATA = "SERIES-AND-CLASSES-CONTRACTS-DATA"
MULTI_ACCESSION = "MULTI-ACCESSION-NUMBERS"

# Tags on the same line as other tags (the tag dialect written without line breaks).
_TAG_TOKENS = re.compile(r"<(/?[^<>]*)>([^<]*)")
_CLOSE_TAG = re.compile(r"</([^<>]+)>")


class _PartyDraft:
    # A plain slotted class rather than a dataclass: one is made per party, and a 40-APP
    # has 1,600 of them.
    __slots__ = (
        "role",
        "company",
        "values",
        "business",
        "mail",
        "former",
        "relationships",
        "extra",
        "spill",
    )

    def __init__(self, role: str):
        self.role = role
        self.company: dict[str, str] = {}
        self.values: list[dict[str, str]] = []
        self.business: dict[str, str] | None = None
        self.mail: dict[str, str] | None = None
        self.former: list[dict[str, str]] = []
        self.relationships: list[str] = []
        self.extra: list[tuple[str, str]] = []
        # Repeated address blocks; their fields are kept in `extra`.
        self.spill: list[dict[str, str]] = []


@dataclass
class Header:
    """What the header says, before the reader turns it into a Submission."""

    fields: list[tuple[str, str]] = field(default_factory=list)  # (KEY as written, value)
    # (space-dialect KEY, value, KEY as written) for the top-level fields.
    top: list[tuple[str, str, str]] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    unknown: list[UnknownLine] = field(default_factory=list)
    space_lines: int = 0  # lines in the space dialect's KEY: value form
    tag_lines: int = 0
    indented_line: int | None = None  # first top-level line with leading whitespace

    def first(self, key: str) -> str | None:
        for k, v, _ in self.top:
            if k == key:
                return v
        return None

    def values(self, key: str) -> list[str]:
        return [v for k, v, _ in self.top if k == key]


def split_lines(text: str) -> list[str]:
    """Lines broken at CR LF, LF or a lone CR (the 2025 .nc files use CR only)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def parse_header(text: str, first_line: int = 1) -> Header:
    """Read the header text; `first_line` is the file line number of its first line."""
    reader = _HeaderReader(text)
    out = reader.out
    # The bulk of a header is fields of the open subsection, subsection openers, party
    # openers and top-level fields; they are handled right here, because a 40-APP can list
    # 1,600 co-applicants (50,000 lines) and must still read in tens of milliseconds. Each
    # shortcut does what reader.line() would do with the line. Only reader.line() and the
    # reader methods called here change the reader's state; the locals follow them.
    fields = section = party = None
    plain = True  # not inside an unknown tag block
    lines = split_lines(text)
    for index, line in enumerate(map(str.strip, lines)):
        if not line:
            continue
        if plain:
            key, colon, value = line.partition(":")
            if colon:
                if fields is not None and key in fields and key not in section:
                    section[key] = value.lstrip()
                    continue
                if not value:
                    if party is not None and key in SECTION_KEYS:
                        kind = SECTION_KEYS[key]
                        if kind == "company":
                            section = party.company
                        elif kind == "values":
                            section = {}
                            party.values.append(section)
                        else:  # the rest, as reader.open_section() does them
                            reader.open_section(kind)
                            fields, section = reader.section_fields, reader.section
                            continue
                        reader.section = section
                        reader.section_fields = fields = SECTION_FIELDS[kind]
                        continue
                    role = PARTY_KEYS.get(key)
                    if role is not None:
                        out.space_lines += 1
                        reader.open_party(role, lines[index], first_line + index)
                        fields = section = None
                        party = reader.party
                        continue
                elif key in TOP_KEYS and not reader.in_multi:
                    # reader.top_field(), inlined: a header is mostly these and fields.
                    out.space_lines += 1
                    if party is not None or section is not None:
                        reader.end_party()
                        fields = section = party = None
                    if out.indented_line is None and lines[index][:1] in (" ", "\t"):
                        out.indented_line = first_line + index
                    value = value.strip()
                    out.fields.append((key, value))
                    out.top.append((key, value, key))
                    continue
        reader.line(line, lines[index], first_line + index)
        fields, section, party = reader.section_fields, reader.section, reader.party
        plain = reader.skip_until is None
    return reader.finish()


class _HeaderReader:
    def __init__(self, text: str):
        self.text = text
        self.out = Header()
        self.party: _PartyDraft | None = None
        self.section: dict[str, str] | None = None
        self.section_fields: frozenset[str] | None = None
        self.skip_until: str | None = None  # close tag of an unknown tag block
        self._close_tags: frozenset[str] | None = None
        self.in_multi = False
        self.in_series = False
        self.series_status: str | None = None
        self.series: dict[str, str] | None = None
        self.classes: list[SeriesClass] = []
        self.klass: dict[str, str] | None = None
        # The CIK that owns the series to come: <OWNER-CIK> ahead of <NEW-SERIES>, or the
        # <CIK> of a merger's acquiring or target data.
        self.owner_cik: str | None = None

    # -- dispatch ----------------------------------------------------------------

    def line(self, line: str, raw: str, number: int) -> None:
        if self.skip_until is not None:
            self.unknown(number, raw)
            if line.startswith(self.skip_until):
                self.skip_until = None
            return
        if line[0] == "]" and self.sic_continues():
            # Mid-2000 headers split "[3571" and "]"; the next field may follow the "]".
            self.section[SIC] += "]"
            rest = line[1:].strip()
            if rest:
                self.line(rest, raw, number)
            return
        if line[0] == "<":
            self.tag_line(line, raw, number)
            return
        key, colon, value = line.partition(":")
        if not colon:
            self.unknown(number, raw)
            return
        self.out.space_lines += 1
        value = value.strip()
        if self.section_fields is not None and key in self.section_fields:
            self.set_field(key, value)
        else:
            self.key(key.rstrip(), value, raw, number, key)

    def tag_line(self, line: str, raw: str, number: int) -> None:
        self.out.tag_lines += 1
        if line.find("<", 1) < 0:
            end = line.find(">")
            if end > 1:
                self.tag(line[1:end], line[end + 1 :].strip(), raw, number)
                return
        tokens = list(_TAG_TOKENS.finditer(line))
        if not tokens or tokens[0].start() != 0 or not all(t.group(1) for t in tokens):
            self.unknown(number, raw)
            return
        for token in tokens:
            self.tag(token.group(1), token.group(2).strip(), raw, number)

    def tag(self, name: str, value: str, raw: str, number: int) -> None:
        if name[0] == "/":
            self.close_tag(name[1:], raw, number)
            return
        if self.in_series and self.party is None and self.series_tag(name, value):
            return
        key = TAG_KEYS.get(name)
        if key is not None:
            if self.section_fields is not None and key in self.section_fields:
                self.set_field(key, value)
            else:
                self.key(key, value, raw, number, name)
        elif name in TOP_TAGS:
            self.top_field(name, name, value, raw, number)
        elif name == "RELATIONSHIP" and self.party is not None:
            if value:
                self.party.relationships.append(value)
        elif name == SERIES_DATA:
            self.end_party()
            self.check_indent(raw, number)
            self.in_series = True
        elif name == MULTI_ACCESSION:
            self.end_party()
            self.in_multi = True
        else:
            self.unknown(number, raw)
            if not value and name in self.close_tags():
                # An entity kind this reader has no slot for (DEPOSITOR, SECURITIZER, ...):
                # keep its whole block as written.
                self.skip_until = f"</{name}>"

    def key(self, key: str, value: str, raw: str, number: int, written: str) -> None:
        """A key that is not a field of the open subsection."""
        role = PARTY_KEYS.get(key)
        if role is not None and not value:
            self.open_party(role, raw, number)
            return
        kind = SECTION_KEYS.get(key)
        if kind is not None and not value and self.party is not None:
            self.open_section(kind)
            return
        if key in TOP_KEYS:
            if self.in_multi and key == "ACCESSION NUMBER":
                self.out.fields.append((MULTI_ACCESSION, value))
                return
            self.top_field(key, written, value, raw, number)
            return
        self.unknown(number, raw)
        if not value and raw[:1] not in (" ", "\t"):
            # A column-0 section this reader does not know: its body must not be taken
            # for more of the party above it.
            self.end_party()

    def open_party(self, role: str, raw: str, number: int) -> None:
        self.end_party()
        self.check_indent(raw, number)
        self.party = _PartyDraft(role)

    # -- top level -----------------------------------------------------------------

    def top_field(self, key: str, written: str, value: str, raw: str, number: int) -> None:
        self.end_party()
        self.check_indent(raw, number)
        self.out.fields.append((written, value))
        self.out.top.append((key, value, written))

    def check_indent(self, raw: str, number: int) -> None:
        if self.out.indented_line is None and raw[:1] in (" ", "\t"):
            self.out.indented_line = number

    # -- parties -------------------------------------------------------------------

    def open_section(self, kind: str) -> None:
        party = self.party
        if kind == "company":
            section = party.company
        elif kind == "values":
            section = {}
            party.values.append(section)
        elif kind == "former":
            section = {}
            party.former.append(section)
        else:
            section = {}
            if getattr(party, kind) is None:
                setattr(party, kind, section)
            else:
                party.spill.append(section)
        self.section = section
        self.section_fields = SECTION_FIELDS[kind]

    def set_field(self, key: str, value: str) -> None:
        section = self.section
        if key in section:
            self.party.extra.append((key, value))
            return
        section[key] = value

    def sic_continues(self) -> bool:
        sic = self.section.get(SIC) if self.section else None
        return sic is not None and "[" in sic and "]" not in sic

    def close_tag(self, name: str, raw: str, number: int) -> None:
        key = TAG_KEYS.get(name)
        if key in PARTY_KEYS:
            self.end_party()
        elif key in SECTION_KEYS:
            self.section = self.section_fields = None
        elif name == MULTI_ACCESSION:
            self.in_multi = False
        elif not self.close_series_tag(name):
            self.unknown(number, raw)

    def end_party(self) -> None:
        self.section = self.section_fields = None
        if self.party is not None:
            self.out.parties.append(_build_party(self.party))
            self.party = None

    # -- series and classes -------------------------------------------------------

    def series_tag(self, name: str, value: str) -> bool:
        if name in _SERIES_FIELDS:
            if self.series is not None:
                self.series.setdefault(name, value)
            elif name == "OWNER-CIK" and self.series_status is not None:
                self.owner_cik = value or None
            else:
                return False
        elif name in _CLASS_FIELDS:
            if self.klass is None:
                return False
            self.klass.setdefault(name, value)
        elif name == "CLASS-CONTRACT":
            if self.series is None:
                return False
            self.end_class()
            self.klass = {}
        elif name in _SERIES_OPENERS:
            self.end_series()
            self.series = {}
        elif name in _SERIES_WRAPPERS:
            self.end_series()
            self.series_status = _SERIES_WRAPPERS[name]
            self.owner_cik = None
        elif name == "CIK" and self.series_status == "merger":
            self.owner_cik = value or None
        elif name not in _SERIES_STRUCTURE:
            return False
        return True

    def close_series_tag(self, name: str) -> bool:
        if name == "CLASS-CONTRACT":
            self.end_class()
        elif name in _SERIES_OPENERS:
            self.end_series()
        elif name in _SERIES_WRAPPERS or name == SERIES_DATA:
            self.end_series()
            self.series_status = self.owner_cik = None
            if name == SERIES_DATA:
                self.in_series = False
        elif name not in _SERIES_STRUCTURE:
            return False
        return True

    def end_class(self) -> None:
        k = self.klass
        if k is not None:
            self.classes.append(
                SeriesClass(
                    class_id=k.get("CLASS-CONTRACT-ID") or None,
                    name=k.get("CLASS-CONTRACT-NAME") or None,
                    ticker=k.get("CLASS-CONTRACT-TICKER-SYMBOL") or None,
                )
            )
            self.klass = None

    def end_series(self) -> None:
        self.end_class()
        s = self.series
        if s is not None:
            self.out.series.append(
                Series(
                    status=self.series_status or "new",
                    owner_cik=s.get("OWNER-CIK") or self.owner_cik,
                    series_id=s.get("SERIES-ID") or None,
                    name=s.get("SERIES-NAME") or None,
                    classes=tuple(self.classes),
                )
            )
            self.series = None
            self.classes = []

    # -- the rest ------------------------------------------------------------------

    def close_tags(self) -> frozenset[str]:
        """Names of every close tag in the header, found once when first needed."""
        if self._close_tags is None:
            self._close_tags = frozenset(_CLOSE_TAG.findall(self.text))
        return self._close_tags

    def unknown(self, number: int, raw: str) -> None:
        self.out.unknown.append(UnknownLine(number, raw))

    def finish(self) -> Header:
        self.end_party()
        self.end_series()
        return self.out


def _build_party(draft: _PartyDraft) -> Party:
    # Positional arguments throughout: this runs once per party, and a 40-APP has 1,600.
    get = draft.company.get
    extra = draft.extra
    sic_description, sic = split_sic(get(SIC))
    irs = get("IRS NUMBER") or None
    if irs is None:
        irs = get("EIN") or None
    elif get("EIN"):
        extra.append(("EIN", get("EIN")))
    business, mail = draft.business, draft.mail
    if business and not business.keys() <= _ADDRESS_SLOTS:
        extra.extend((k, v) for k, v in business.items() if k not in _ADDRESS_SLOTS)
    if mail and not mail.keys() <= _ADDRESS_SLOTS:
        extra.extend((k, v) for k, v in mail.items() if k not in _ADDRESS_SLOTS)
    for block in draft.spill:
        extra.extend(block.items())
    values, former = draft.values, draft.former
    return Party(
        draft.role,
        get("CENTRAL INDEX KEY") or None,
        get("COMPANY CONFORMED NAME") or None,
        sic,
        sic_description,
        get("ORGANIZATION NAME") or None,
        irs,
        get("STATE OF INCORPORATION") or None,
        get("FISCAL YEAR END") or None,
        tuple(draft.relationships),
        tuple(
            [
                FilingValues(
                    v.get("FORM TYPE") or None,
                    v.get("SEC ACT") or None,
                    v.get("SEC FILE NUMBER") or None,
                    v.get("FILM NUMBER") or None,
                )
                for v in values
            ]
        )
        if values
        else (),
        None if business is None else _address(business),
        None if mail is None else _address(mail),
        tuple([_former_name(block, extra) for block in former]) if former else (),
        tuple(extra),
    )


def _former_name(block: dict[str, str], extra: list[tuple[str, str]]) -> FormerName:
    raw_date = block.get("DATE OF NAME CHANGE") or None
    date = parse_date(raw_date)
    if raw_date and date is None:
        extra.append(("DATE OF NAME CHANGE", raw_date))
    return FormerName(block.get("FORMER CONFORMED NAME") or "", date)


_ADDRESS_SLOTS = frozenset(("STREET 1", "STREET 2", "CITY", "STATE", "ZIP", "BUSINESS PHONE"))


def _address(block: dict[str, str] | None) -> Address | None:
    if block is None:
        return None
    get = block.get
    return Address(
        get("STREET 1") or None,
        get("STREET 2") or None,
        get("CITY") or None,
        get("STATE") or None,
        get("ZIP") or None,
        get("BUSINESS PHONE") or None,
    )


def split_sic(value: str | None) -> tuple[str | None, str | None]:
    """(description, code) of "ELECTRONIC COMPUTERS [3571]", "[3571]", "3571" or "[]"."""
    if not value:
        return None, None
    bracket = value.find("[")
    if bracket < 0:
        return (None, value) if value.isdigit() else (value, None)
    description = value[:bracket].strip() or None
    code = value[bracket + 1 :].strip().rstrip("]").strip()
    if code.isdigit():
        return description, code
    if not code:
        return description, None
    return value, None


def parse_date(value: str | None) -> dt.date | None:
    """YYYYMMDD -> date; anything else -> None."""
    if value is None or len(value) != 8 or not value.isdigit():
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def parse_datetime(value: str | None) -> dt.datetime | None:
    """YYYYMMDDHHMMSS -> naive datetime (EDGAR's US Eastern wall clock); else None."""
    if value is None or len(value) != 14 or not value.isdigit():
        return None
    try:
        return dt.datetime(
            int(value[:4]),
            int(value[4:6]),
            int(value[6:8]),
            int(value[8:10]),
            int(value[10:12]),
            int(value[12:]),
        )
    except ValueError:
        return None
