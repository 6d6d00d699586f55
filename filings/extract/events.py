"""People events in an 8-K's Item 5.02 narrative (and the pre-2004 Items 5 and 6).

The section is read sentence by sentence. In each sentence, trigger phrases name the
event ("elected", "resigned", "notified the Board of his intention to retire", "named to
serve on the compensation committee"); the person is the object of an active verb whose
subject is the company ("the Board elected Ms. Higgins"), otherwise the subject ("Mr.
Shurtleff resigned", "Ms. Kasenchak was appointed"), or the person after "of" or before
"'s" of a noun ("the resignation of", "Ms. Kasenchak's appointment"). Short references
("Mr. Shurtleff", "he", "her") resolve to the last full name that fits in the document;
a pronoun with no antecedent is dropped. Each person's events of one type merge into one
candidate, keeping the first sentence as evidence and filling role, date and disagreement
from later sentences.

Several people can share one statement: coordinated objects and subjects ("appointed A as
Treasurer and B as Controller", "A and B resigned"), a roster ("The new directors are A,
President of X; B, ..."), or a list under a lead-in ("The following directors were elected
at the meeting:" and one name a line). "A succeeds B" lends the position one of them leaves
unsaid to the other. A 10-Q gives the same kinds of news in its meeting results, "Other
Information" and management-change passages (`extract_report_events`); news from before
the period it covers is background there.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass, field, replace

from . import capitals
from .model import EventCandidate
from .people import Mention, PersonName, family_key, find_mentions, fold, given_gender, same_person
from .prose import (
    AREA_WORDS,
    FOLDS_TO_ASCII,
    UNIT_PATTERN,
    Span,
    cased,
    clean_title,
    find_dates,
    is_heading_like,
    lines,
    parse_date,
    sentences,
    title_at,
    title_before,
)

ITEM_502_START = dt.date(2004, 8, 23)

# --- sections -----------------------------------------------------------------------------

_502_TITLE = re.compile(
    r"(?:\s*[.:;,\-–—]?\s*(?:Departure\s+of\s+Directors\s+or\s+(?:Principal|Certain)\s+Officers|"
    r"Election\s+of\s+Directors|Appointment\s+of\s+(?:Principal|Certain)\s+Officers|"
    r"Compensatory\s+Arrangements\s+of\s+Certain\s+Officers))+\s*\.?",
    re.IGNORECASE,
)
# "Item 5.02Departure of ...": a heading laid out as two cells may reach the text unspaced.
_HEADING_502 = re.compile(r"(?=I)\bItem\s*5\.02(?!\d)\.?", re.IGNORECASE)
# The annual meeting's vote: who the holders elected, who was not re-elected and left.
_HEADING_507 = re.compile(r"(?=I)\bItem\s*5\.07(?!\d)\.?", re.IGNORECASE)
# "Other Events", where filers also tell of a committee chair or an officer named.
_HEADING_801 = re.compile(r"(?=I)\bItem\s*8\.01(?!\d)\.?", re.IGNORECASE)
_HEADING_OLD = re.compile(
    r"\bItem\s*(?P<n>[56])\s*[.:]?\s*(?P<title>Other\s+Events(?:\s+and\s+Regulation\s+FD\s+"
    r"Disclosure)?|Resignations?\s+of\s+Registrant['’]?s\s+Directors)\s*\.?",
    re.IGNORECASE,
)
_NEXT_ITEM = re.compile(
    r"(?=[ISs\u017f\s])"  # where any of the alternatives can start (ſ is an s, case aside)
    r"(?:\bItem\s*(?:\d{1,2}\.\d{2}|\d{1,2}\b\s*[.:]?\s+[A-Z])|^\s*SIGNATURES?\b|"
    r"\bSIGNATURES?\b(?=\s)|^[ \t]*(?i:signatures?)[ \t]*$)",
    re.MULTILINE,
)
_REFERENCE_BEFORE = re.compile(
    r"\b(?:under|pursuant\s+to|in|of|to|see|by|with|and|this|required\s+by)[ \t]*\n?[ \t]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Section:
    start: int  # just after the heading
    end: int
    source: str  # "item-5.02", "item-5" or "item-6"


def _section_end(text: str, pos: int, lowered: str | None = None) -> int:
    """The next item heading or the signatures; cross-references ("under Item 1.01") are
    not headings. `lowered`: text.lower(), when it has the same offsets."""
    while (m := _next_item(text, pos, lowered)) is not None:
        if m.group().lstrip().startswith("Item") and _REFERENCE_BEFORE.search(
            text[max(0, m.start() - 20) : m.start()]
        ):
            pos = m.end()
            continue
        return m.start()
    return len(text)


def _next_item(text: str, pos: int, lowered: str | None) -> re.Match | None:
    """_NEXT_ITEM.search(text, pos), tried only where a match can start: at "Item" or
    "SIGNATURE", or in the blanks right before one of those or before "signature" in any
    case (where a heading's line starts). The pattern alone is tried everywhere."""
    if lowered is None:
        return _NEXT_ITEM.search(text, pos)
    while True:
        found = [
            at
            for at in (
                text.find("Item", pos),
                text.find("SIGNATURE", pos),
                lowered.find("signature", pos),
            )
            if at >= 0
        ]
        if not found:
            return None
        word = min(found)
        at = word
        while at > pos and text[at - 1].isspace():
            at -= 1
        for start in range(at, word + 1):
            m = _NEXT_ITEM.match(text, start)
            if m:
                return m
        pos = word + 1


def _lowered(text: str) -> str | None:
    """text.lower() when its offsets are the text's and it finds every word the patterns
    ignoring case would (no character that lower-casing misreads), else None."""
    return None if FOLDS_TO_ASCII.search(text) else text.lower()


def _headings_502(text: str, lowered: str | None, heading: re.Pattern = _HEADING_502):
    """heading.finditer(text), tried only where "item" is written in some case."""
    if lowered is None:
        yield from heading.finditer(text)
        return
    at = lowered.find("item")
    while at >= 0:
        m = heading.match(text, at)
        if m:
            yield m
        at = lowered.find("item", m.end() if m else at + 1)


def _first_of_overlapping(found: list[Section]) -> list[Section]:
    """The sections in text order, each one that starts inside the one before left out."""
    kept: list[Section] = []
    for s in sorted(found, key=lambda s: s.start):
        if not kept or s.start >= kept[-1].end:
            kept.append(s)
    return kept


def find_sections(text: str, filed: dt.date | None = None) -> list[Section]:
    """The Item 5.02 and 5.07 section(s), or before 2004-08-23 the Items 5 and 6 sections."""
    found: list[Section] = []
    old_era = filed is not None and filed < ITEM_502_START
    lowered = _lowered(text)
    if not old_era:
        for m in _headings_502(text, lowered):
            if _REFERENCE_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
                continue
            title = _502_TITLE.match(text, m.end())
            start = title.end() if title else m.end()
            end = _section_end(text, start, lowered)
            if end - start > 20:
                found.append(Section(start, end, "item-5.02"))
        for code, heading in (("5.07", _HEADING_507), ("8.01", _HEADING_801)):
            for m in _headings_502(text, lowered, heading) if code in text else ():
                if _REFERENCE_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
                    continue
                end = _section_end(text, m.end(), lowered)
                if end - m.end() > 20:
                    found.append(Section(m.end(), end, f"item-{code}"))
    if not found and (old_era or filed is None):
        for m in _HEADING_OLD.finditer(text):
            if _REFERENCE_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
                continue
            end = _section_end(text, m.end(), lowered)
            if end - m.end() > 20:
                found.append(Section(m.end(), end, f"item-{m.group('n')}"))
    return _first_of_overlapping(found)


# --- triggers -----------------------------------------------------------------------------

# Up to 120 characters of one clause; the periods of "Inc." or "J." do not end it.
_SPAN_120 = r"(?:[^.;]|\b(?:Inc|Corp|Co|Ltd|Mr|Ms|Mrs|Dr|Jr|Sr|[A-Z])\.){0,120}?"

# How the person relates to the trigger: "object" (the Board appointed X), "subject"
# (X resigned, X was appointed), "noun" (the resignation of X / X's resignation).
_VERB_TRIGGERS: list[tuple[str, str, str]] = [
    # (event type, pattern, direction)
    (
        "retired",
        rf"notified\b{_SPAN_120}\bof\s+(?:his|her|their)\s+(?:intention|intent|decision|plans?)\s+"
        r"to\s+retire|(?:decided|determined|elected|intends|plans|chose)\s+to\s+retire|"
        r"(?:will|would)\s+retire|retired|retires|to\s+retire",
        "subject",
    ),
    (
        # Not standing for re-election is a retirement from the Board.
        "retired",
        rf"notified\b{_SPAN_120}\bof\s+(?:his|her|their)\s+(?:intention|intent|decision|plans?)\s+"
        r"not\s+to\s+(?:(?:stand|seek|run)\s+for|seek)\s+re-?election|"
        r"(?:decided|determined|elected|chose|informed\b[^.;]{0,60}?)\s+not\s+to\s+"
        r"(?:(?:stand|seek|run)\s+for|seek)\s+re-?election|(?:will|would)\s+not\s+"
        r"(?:(?:stand|seek|run)\s+for|seek)\s+re-?election|is\s+not\s+standing\s+for\s+re-?election",
        "subject",
    ),
    (
        "resigned",
        rf"notified\b{_SPAN_120}\bof\s+(?:his|her|their)\s+(?:intention|intent|decision|plans?)\s+"
        r"(?:to\s+resign|to\s+step\s+down|to\s+depart|"
        r"to\s+leave)|tendered\s+(?:his|her|their)\s+resignation|resigned|resigns|(?:will|would)\s+resign|"
        r"to\s+resign|(?:was|is)\s+resigning|step(?:ped|s)?\s+down|stepping\s+down|will\s+step\s+down|"
        r"ceased\s+to\s+(?:serve|be)(?=\s+(?:as|an?|the|its|our|[Dd]irectors|[Tt]rustees)\b|\s+[A-Z])|"
        r"(?:will\s+(?:be\s+)?)?(?:depart|departed|departs|departing|leave|left|leaving)\s+(?:the|its|our)\s+"
        r"(?:Company|Board|"
        r"Bank|Registrant|Corporation)",
        "subject",
    ),
    (
        "died",
        r"died|passed\s+away|(?:has\s+|is\s+)?deceased",
        "subject",
    ),
    ("retired", r"retiring", "verb"),
    (
        "terminated",
        r"terminated|removed|(?:voted|moved|acted)\s+to\s+remove|dismissed|discharged|fired|"
        r"relieved(?=\s+(?:\S+\s+){0,5}?of\s+(?:his|her|their)\s+(?:duties|responsibilities|positions?)\b)",
        "verb",
    ),
    (
        # The vote's result: a nominee the holders did not re-elect loses the seat.
        "terminated",
        r"(?:was|were)\s+not\s+re-?elected|(?:has|had|have)\s+not\s+been\s+re-?elected",
        "subject",
    ),
    (
        "elected",
        r"re-?elected|elected|elects|elect",
        "verb",
    ),
    (
        "appointed",
        r"appointed|appoints|appoint|named|names|promoted|promotes|hired|hires|selected|"
        r"designated|"
        # "has engaged Daniel Strick, CPA, of Strick Advisory, to serve as interim CFO"
        rf"(?:engaged|retained)(?=\s{_SPAN_120}\bto\s+(?:serve|act)\s+as\b)",
        "verb",
    ),
    (
        "appointed",
        r"became|becomes|will\s+become|has\s+joined|joined|joins|will\s+(?:also\s+)?join|"
        r"(?:will\s+)?succeeds?|succeeded|replaced(?=\s+(?:as\s+[^.;]{0,80}?\s+)?by\b)|"
        r"to\s+succeed|transitioned|transitions|will\s+transition|"
        r"will\s+assume|assumed|assumes|will\s+(?:also\s+)?serve\s+as|will\s+(?:also\s+)?act\s+as|"
        r"(?:been|was|were|is)\s+(?:engaged|retained)\s+to\s+serve\s+as",
        "subject",
    ),
]
_NOUN_TRIGGERS: list[tuple[str, str]] = [
    ("retired", r"retirements?"),
    ("resigned", r"resignations?|departures?"),
    ("died", r"death|passing"),
    ("terminated", r"termination|removal|dismissal"),
    ("elected", r"election|re-?election"),
    ("appointed", r"appointments?|promotions?|hiring"),
]
_COMPENSATION = re.compile(
    r"\b(?:compensation|compensatory|salary|salaries|bonus(?:es)?|equity\s+awards?|"
    r"restricted\s+stock(?:\s+units?)?|stock\s+options?|options?\s+to\s+purchase|RSUs?|PSUs?|"
    r"performance\s+(?:share|stock)\s+units?|employment\s+agreement|offer\s+letter|"
    r"retention\s+(?:award|bonus|agreement)|sign-on|signing\s+bonus|retainer|"
    r"target\s+award|incentive\s+(?:award|plan|compensation)|was\s+granted|will\s+be\s+granted|"
    r"will\s+receive|is\s+entitled\s+to\s+receive|will\s+be\s+entitled\s+to|award\s+of)\b",
    re.IGNORECASE,
)
_COMMITTEE_ROLE = re.compile(
    r"\bto\s+(?:(?:also\s+)?serve\s+(?:on|as\s+(?:a\s+)?(?:member|chair\w*)\s+of)\s+|join\s+)?"
    # "appointed to the Board of Directors and will serve on the Audit Committee": the name
    # runs over no board and no second verb.
    r"(?P<name>(?:the|its|each\s+of\s+the)\s+(?:(?!Board\b(?!['’]s)|will\b|serve\b)[^.;]){0,60}?"
    r"\b[Cc]ommittees?\b(?:\s+of\s+the\s+Board(?:\s+of\s+Directors)?)?)",
)
# "named X, a director since 2011, Chair of the Audit Committee" (with or without "as").
_COMMITTEE_CHAIR = re.compile(
    r"(?:,\s*(?:as\s+)?|\bas\s+|(?<=[a-z.])\s+)(?:the\s+)?(?P<name>(?:Vice\s+)?Chair(?:man|person|woman)?\s+of\s+"
    r"(?:the|its)\s+[^.;,]{0,60}?\b[Cc]ommittee\b(?:\s+of\s+the\s+Board(?:\s+of\s+Directors)?)?)"
)
_COMMITTEE_SERVE = re.compile(
    r"\b(?:will|to|shall|would)\s+(?:also\s+)?(?:(?:serve|sit)\s+(?:on|as\s+(?:a\s+)?(?:member|"
    r"(?P<chair>(?:[Vv]ice\s+)?[Cc]hair\w*))\s+of)|(?P<chairs>chair)|join|move\s+to)\s+"
    r"(?P<name>(?:the|its|each\s+of\s+the)\s+[^.;]{0,60}?\b[Cc]ommittees?\b"
    r"(?:\s+of\s+the\s+Board(?:\s+of\s+Directors)?)?)",
)
# "formed a search committee consisting of A, B and C": each member is named to it.
_FORMED_COMMITTEE = re.compile(
    r"\b(?:formed|forms|created|creates|established|establishes|constituted|organized)\s+"
    r"(?:a|an|the)\s+(?:new\s+)?(?P<name>(?:[A-Za-z-]+\s+){0,3}?[Cc]ommittee)\s*,?\s+"
    r"(?P<verb>consisting\s+of|composed\s+of|comprised\s+of|made\s+up\s+of|"
    # "formed a Search Committee, chaired by Ms. K and including A and B"
    r"(?:(?:to\s+be|which\s+will\s+be)\s+)?chaired\s+by)\s"
)
_COMMITTEE_VERB = re.compile(
    r"\b(?:named|name|appointed|appoint|elected|elect|designated|selected|added|assigned)\b",
    re.IGNORECASE,
)
# Words that look like triggers but are names of things.
_MASKS = re.compile(
    r"\b(?:[Cc]ompensation|[Aa]udit|[Nn]ominating|[Gg]overnance|[Ee]xecutive|[Ff]inance|[Rr]isk|"
    r"[Tt]echnology)(?:\s+(?:and|&)\s+[A-Z]?[a-z]+)*\s+[Cc]ommittees?\b|"
    r"\b[Nn]amed\s+[Ee]xecutive\s+[Oo]fficers?\b|\b[Ee]lected\s+not\s+to\s+use\b|"
    r"\b(?:retirement|death|termination)\s+(?:plans?|benefits?|savings|accounts?|income|"
    r"systems?|programs?|or\s+disability)\b|\b(?:death|disability|retirement)\s+or\s+\w+|"
    r"\b(?<!whose\s)(?:employment|agreement|plan|arrangement)\s+(?:may\s+be\s+|is\s+|was\s+)?"
    r"terminated\b|"
    r"\bupon\s+(?:his|her|their|a|the|any)\s+(?:death|retirement|termination)\b|"
    r"\bprior\s+to\s+joining\b|\bbefore\s+joining\b|"
    # "ratify the appointment of KPMG as independent auditors": a firm, not a person.
    r"\b(?:[Aa]ppointment|[Ss]election|[Ee]ngagement|[Aa]ppointed|[Ss]elected|[Rr]eappointed)\s+"
    r"(?:of\s+)?(?:[^.;]|\b[A-Z]\.){0,80}?\bas\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:independent\s+)?"
    r"(?:registered\s+)?(?:public\s+)?(?:auditors?|accountants?|accounting\s+firm)\b|"
    # "adopted or terminated a Rule 10b5-1 trading arrangement": a plan ends, not a job.
    r"\b(?:[Tt]erminated|[Tt]erminates|[Aa]dopted)\s+(?:or\s+\w+\s+)?(?:a|an|the|his|her|their)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:trading\s+(?:arrangement|plan)s?|plan|agreement|arrangement)\b",
)
_CONDITIONAL = re.compile(
    r"\b(?:if|in\s+the\s+event|should|upon|unless|whether|in\s+case)\b"
    r"(?:[^.;]|\b(?:Mr|Ms|Mrs|Dr|Jr|Sr|[A-Z])\.){0,80}$",  # ("if Mr. McEvoy resigns")
    re.IGNORECASE,
)
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|been|be|is|are|being|has\s+been|have\s+been|had\s+been|will\s+be|to\s+be)"
    r"(?:\s+(?:also|formally|unanimously|subsequently|previously|officially|recently|"
    r"further|then))?\s*$",
    re.IGNORECASE,
)
_ORG_SUBJECT = re.compile(
    r"\b(?:Board|Directors|Company|Committee|Registrant|Corporation|shareholders|stockholders|"
    r"members|Bank|Trust|we|We|Trustees|it)\b",
)
_PRONOUN = re.compile(r"(?=[HhSs])\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Hh]imself|[Hh]erself)\b")
_MALE = {"he", "his", "him", "himself"}
# "appointed Jordan Abernathy ... and elected them to the Board": "them" for one person, read
# only when the sentence names one person before it.
_THEM = re.compile(r"\bthem\b")
# "elected his son, Everett M. Finch III": the relative named next is the one meant, so the
# possessive is not a mention of the father (who would then take the son's event).
_KIN_AFTER = re.compile(
    r"\s+(?:(?:elder|eldest|younger|youngest|older|oldest)\s+)?(?:son|daughter|nephew|niece|"
    r"brother|sister|cousin|father|mother|wife|husband|spouse|son-in-law|daughter-in-law|"
    r"brother-in-law|sister-in-law|grandson|granddaughter)\s*,?\s+(?=[A-Z])"
)
_KIN_BEFORE = re.compile(
    r"\b(?:his|her|their|whose)\s+(?:(?:elder|eldest|younger|youngest|older|oldest)\s+)?(?:son|"
    r"daughter|nephew|niece|brother|sister|cousin|father|mother|wife|husband|spouse|son-in-law|"
    r"daughter-in-law|brother-in-law|sister-in-law|grandson|granddaughter)\s*,?\s*$"
)
# "Mr. Harold Brandt's son": the name tells whose relative the person is.
_KIN_OF = re.compile(
    r"['’]s\s+(?:(?:elder|eldest|younger|youngest|older|oldest)\s+)?(?:son|daughter|nephew|niece|"
    r"brother|sister|cousin|father|mother|wife|husband|spouse|grandson|granddaughter)\b"
)
_DEPARTURES = ("resigned", "retired", "terminated", "died")
_DISAGREEMENT = re.compile(r"\bdisagreements?\b", re.IGNORECASE)
_NO_DISAGREEMENT = re.compile(
    r"\b(?:no|not|any|without|never|neither|nor)\b[^.;]{0,80}?\bdisagreements?\b|"
    r"\bdisagreements?\b[^.;]{0,20}?\bnone\b",
    re.IGNORECASE,
)
_BOARD_ROLE = re.compile(
    r"(?:as\s+)?(?:a\s+)?(?:(?:new|independent|non-employee|Class\s+[IV]+)\s+)*"
    r"(?:member\s+of\s+(?:the\s+)?(?:[A-Z][\w.&-]*\s+){0,4}?(?:Company['’]s\s+|its\s+|our\s+)?"
    r"[Bb]oard(?:\s+of\s+[Dd]irectors)?|(?:the\s+)?(?:Company['’]s\s+|its\s+|our\s+)?"
    r"[Bb]oard\s+of\s+[Dd]irectors|(?:the\s+|its\s+|our\s+)?[Bb]oard\b(?!['’]s)|directors?\b)",
)


# --- people in a document -------------------------------------------------------------------


@dataclass
class Person:
    """A cluster of mentions of one person in one document."""

    names: list[PersonName]
    gender: str | None = None  # "m", "f" or None
    mentions: list[int] = field(default_factory=list)  # mention start offsets
    distinct: set[PersonName] = field(default_factory=set)  # names, each once
    relative: bool = False  # named only as someone's relative ("his son, Carlton V. Ambrose, Jr.")

    @property
    def name(self) -> PersonName:
        def richness(n: PersonName) -> tuple:
            return (bool(n.given), bool(n.middle), bool(n.suffix), len(n.display), -len(n.raw))

        return max(self.names, key=richness)


def _match_key(name: PersonName) -> tuple | None:
    """What two names must share for same_person() to accept them: the folded name of an
    organisation, the family name of a person (None: nothing can match)."""
    if name.is_organization:
        return ("organization", fold(name.display))
    if not name.family:
        return None
    return ("family", family_key(name.family))


class _Covered:
    """Whether an offset falls inside one of some spans, in log time (spans may overlap)."""

    def __init__(self, spans):
        self.starts, self.reach = [], []
        reach = -1
        for start, end in sorted(spans):
            reach = max(reach, end)
            self.starts.append(start)
            self.reach.append(reach)

    def covers(self, at: int) -> bool:
        i = bisect.bisect_right(self.starts, at) - 1
        return i >= 0 and self.reach[i] > at


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to a person in text: a name or a resolved pronoun."""

    start: int
    end: int
    person: Person
    pronoun: bool


_CLAUSE_BREAK_THEM = re.compile(r"[;:]")
_CLAUSE_BREAK = re.compile(
    r"\b(?:and|that|who|whom|which|when|after|before|because|while|said|says|announced|"
    r"informed|notified|told|asked)\b|[;:]"
)
# The stop first, the abbreviations before it looked back at from after it: a pattern that
# starts with a character class is scanned for it at once.
_SENTENCE_END = re.compile(
    r"[.!?](?<!\b[A-Z][.!?])(?<!\bMr[.!?])(?<!\bMs[.!?]|\bDr[.!?]|\bJr[.!?]|\bSr[.!?])"
    r"(?<!\bMrs[.!?])[”\"’)]?\s+[“\"]?[A-Z]"
)
_LEAVER_BEFORE = re.compile(
    r"\b(?:the|his|her)\s+(?:retirement|resignation|death|departure|passing)\s+of\s+$|"
    # "appointed A to succeed Mr. B as ... and elected him to the Board": A
    r"\b(?:succeed|succeeds|succeeding|replace|replaces|replacing)\s+$"
)
_GENDER_OF_TITLE = {"Mr.": "m", "Ms.": "f", "Mrs.": "f", "Miss": "f"}


class People:
    """Resolves names and pronouns of one document to Person clusters, in text order."""

    def __init__(
        self, text: str, *, bare_family: bool = False, organizations: tuple = (), start: int = 0
    ):
        # Names before `start` (an 8-K's cover page) are nobody a pronoun of the items can
        # mean, though the company names written there still tell what is not a person.
        self.text = text
        self.persons: list[Person] = []
        self.refs: list[Ref] = []
        self.by_key: dict[tuple, dict[int, Person]] = {}  # _match_key -> people
        # The same few names come back all through a filing: compare each pair once.
        self._same: dict[tuple[PersonName, PersonName], tuple] = {}
        mentions = _without_organizations(text, find_mentions(_unwrapped(text)), organizations)
        terms = _defined_terms(text)
        mentions = [
            m
            for m in mentions
            if m.start >= start
            and not _defined_term(text, m)
            and text[m.start : m.end] not in terms
        ]
        if bare_family:
            mentions = _with_bare_family_names(text, mentions)
        # "elected Bob Hale's daughter, Mary K. Hale": the relative is the one meant.
        events = [
            (m.start, "name", m)
            for m in mentions
            if not _KIN_AFTER.match(text, m.end + 2) or text[m.end : m.end + 2] not in ("'s", "’s")
        ]
        self._sentence_ends = [e.start() + 1 for e in _SENTENCE_END.finditer(text, start)]
        # "Peg Oyelaran ... when he retires ... Ms. Oyelaran": what an honorific anywhere in
        # the text says of a family name, for a pronoun met before it (none when the text
        # has a Mr. and a Ms. of the name).
        genders: dict[str, set] = {}
        for m in mentions:
            if m.name.title in _GENDER_OF_TITLE and m.name.family:
                genders.setdefault(m.name.family.casefold(), set()).add(
                    _GENDER_OF_TITLE[m.name.title]
                )
        self._family_gender = {f: g.pop() for f, g in genders.items() if len(g) == 1}
        taken = _Covered((m.start, m.end) for m in mentions)
        for p in _PRONOUN.finditer(text, start):
            if taken.covers(p.start()) or _KIN_AFTER.match(text, p.end()):
                continue
            events.append((p.start(), "pronoun", p))
        if "them" in text:
            events.extend((p.start(), "pronoun", p) for p in _THEM.finditer(text, start))
        for _, kind, item in sorted(events, key=lambda e: e[0]):
            if kind == "name":
                self._add_name(item)
            else:
                self._add_pronoun(item)
        self._starts = [r.start for r in self.refs]

    def _add_name(self, m: Mention) -> None:
        gender = _GENDER_OF_TITLE.get(m.name.title) or given_gender(m.name.given)
        person = self._match(m.name, gender)
        kin = bool(_KIN_BEFORE.search(self.text, max(0, m.start - 40), m.start))
        if person is None:
            person = Person([m.name], gender, relative=kin)
            self.persons.append(person)
        else:
            if not kin:
                person.relative = False
            if m.name not in person.distinct:
                # The same name again says nothing new about who the person can be (and a
                # name repeated a thousand times would be compared a thousand times).
                person.names.append(m.name)
        if person.gender is None:
            person.gender = gender
        person.distinct.add(m.name)
        key = _match_key(m.name)
        if key is not None:
            self.by_key.setdefault(key, {})[id(person)] = person
        person.mentions.append(m.start)
        self.refs.append(Ref(m.start, m.end, person, False))

    def _match(self, name: PersonName, gender: str | None) -> Person | None:
        # The most recently mentioned person that can be this name. A full name must fit
        # every full name of the person: "Mr. Finch" may be Finch, Jr. or Finch III, but
        # once it is Finch, Jr. it is not Finch III.
        # Only people with a name of the same family (same_person's first test) can be it.
        key = _match_key(name)
        if key is None:
            return None
        candidates = self.by_key.get(key, {}).values()
        by_recency = sorted(candidates, key=lambda p: p.mentions[-1], reverse=True)
        if not name.given:
            # "Mr. Ambrose's death" after "survived by his son, Carlton V. Ambrose, Jr.": the
            # man the text is about, not the relative it named in passing.
            by_recency.sort(key=lambda p: p.relative)
        for person in by_recency:
            if gender and person.gender and gender != person.gender:
                continue
            if name.given and not all(
                self._same_person(name, known)[0] for known in person.names if known.given
            ):
                continue
            if name.suffix and any(
                known.suffix and known.suffix != name.suffix for known in person.names
            ):
                continue
            if name.suffix and name.given and any(k.given and not k.suffix for k in person.names):
                # "Carlton V. Ambrose ... his son, Carlton V. Ambrose, Jr.": a suffix added to
                # a full name already written without one is another man (filers drop a
                # suffix after the first mention, they do not add one).
                continue
            for known in person.names:
                ok, confidence, _ = self._same_person(name, known)
                if ok and (confidence >= 0.7 or not name.given or not known.given):
                    return person
        return None

    def _same_person(self, a: PersonName, b: PersonName) -> tuple:
        found = self._same.get((a, b))
        if found is None:
            found = self._same[a, b] = same_person(a, b)
        return found

    def _add_pronoun(self, m: re.Match) -> None:
        # The last person of this gender, or failing that the last person of unknown gender,
        # mentioned not too far back.
        gender = "m" if m.group().casefold() in _MALE else "f"
        recent = []
        for r in reversed(self.refs):  # refs are added in text order
            if m.start() - r.end > 1500:
                break
            recent.append(r)
        recent.reverse()
        # "William Greer, Jr. notified the Company of his resignation": someone named earlier
        # in the same sentence, if they can be "his", comes before anyone further back.
        i = bisect.bisect_left(self._sentence_ends, m.start()) - 1
        sentence_start = self._sentence_ends[i] if i >= 0 else 0
        same = []
        for r in reversed(recent):
            if r.end <= sentence_start:
                break
            same.append(r)
        word = m.group().casefold()
        if word == "them":
            people = {id(r.person): r.person for r in same if not r.pronoun}
            if len(people) == 1 and not _CLAUSE_BREAK_THEM.search(
                self.text, same[0].end, m.start()
            ):
                person = next(iter(people.values()))
                person.mentions.append(m.start())
                self.refs.append(Ref(m.start(), m.end(), person, True))
            return
        if (
            same
            and (word == "him" or word == "her" and _OBJECT_HER.match(self.text, m.end()))
            and not _CLAUSE_BREAK.search(self.text, same[0].end, m.start())
        ):
            # "appointed Thomas Okafor ... to succeed her": an object in the clause of the
            # person just named is someone else (it would be "himself" otherwise).
            nearest = same[0].person
            same = [r for r in same if r.person is not nearest]
            recent = [r for r in recent if r.person is not nearest]
        fitting = [r for r in same if self._gender(r.person) in (gender, None)]
        if len(fitting) > 1:
            # "elected A, filling the vacancy left by the retirement of B, and named her to
            # the Audit Committee": the one whose leaving explains the seat is not the one
            # the sentence goes on about.
            told = [
                r
                for r in fitting
                if not _LEAVER_BEFORE.search(self.text, max(0, r.start - 40), r.start)
            ]
            fitting = told or fitting
        person = fitting[0].person if fitting else None
        if person is None:
            person = next(
                (r.person for r in reversed(recent) if self._gender(r.person) == gender), None
            )
        if person is None:
            person = next(
                (r.person for r in reversed(recent) if self._gender(r.person) is None), None
            )
        if person is None:
            return
        person.gender = gender
        person.mentions.append(m.start())
        self.refs.append(Ref(m.start(), m.end(), person, True))

    def _gender(self, person: Person) -> str | None:
        if person.gender is not None:
            return person.gender
        family = next((n.family for n in person.names if n.family), "")
        return self._family_gender.get(family.casefold())

    def refs_in(self, start: int, end: int) -> list[Ref]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.refs) and self.refs[i].start < end:
            if self.refs[i].end <= end:
                out.append(self.refs[i])
            i += 1
        return out


def _defined_term(text: str, m: Mention) -> bool:
    """A phrase the filing defines in quotes, (the “Offer Letter”), (the “Effective Date”):
    a term of the document, not a person."""
    if m.start == 0 or m.end >= len(text):
        return False
    return text[m.start - 1] in "“\"'‘" and text[m.end] in "”\"'’"


_QUOTED_TERM = re.compile(r"[“\"]([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,4})[”\"]")


def _defined_terms(text: str) -> set[str]:
    """Phrases the filing defines in quotes (as amended, the “Mercer Letter”): the term
    is not a person where it comes back unquoted, in a heading or a sentence."""
    return {m.group(1) for m in _QUOTED_TERM.finditer(text)}


_WRAPPED_LINE = re.compile(r"(?m)^[^\n]{40,}\n(?=[ \t]*[(“\"]{0,2}[A-Za-z])")  # anchored: linear


def _unwrapped(text: str) -> str:
    """The text with the line breaks inside wrapped prose turned into spaces, offsets kept,
    so a name the filer's wrapping cut in two ("elected Marion T.\nBellamy") is one name.
    A break after a complete sentence, a heading or a table row stays."""

    def join(m: re.Match) -> str:
        line = m.group()[:-1]
        if line.rstrip()[-1:] in ".:;!?" and not re.search(r"\b[A-Z]\.$", line.rstrip()):
            return m.group()
        if "\t" in line or "   " in line.strip():
            return m.group()
        return line + " "

    return _WRAPPED_LINE.sub(join, text)


_DESIGNATOR_AFTER = re.compile(
    # "Crane Hollow Resources, Inc.": a company word or two may come before the designator
    r"(?:[^\S\n]+[A-Z][\w'’-]*){0,2}?(?:\s*&\s*[A-Z][\w'’-]*)?\s*,?\s*"
    r"(?:Inc\b|Incorporated\b|Corp\b|Corporation\b|Company\b|Co\.|LLC\b|"
    r"L\.L\.C\.|LP\b|L\.P\.|LLP\b|Ltd\b|Limited\b|PLC\b|plc\b|N\.A\.|Bancorp\b|"
    r"Holdings\b|Group\b|Partners\b|Advisors\b|Advisers\b|Associates\b|Capital\b|"
    r"Management\b|Securities\b|GP\b|G\.P\.)"
)
# "Lindquist Vennum & Fors": an ampersand joins the partners' names of a firm, never a person's
# name to the next word.
_AMPERSAND_AFTER = re.compile(r"\s*&\s*[A-Z]")
_PLACE_AFTER = re.compile(
    r"\s+(?:mine|mines|plant|mill|refinery|field|facility|facilities|project|site|station|"
    r"terminal|well|wells|property|properties|campus|hospital|store|stores)\b"
)
# "Senior Vice President, Retail Banking": after a title and its comma, a run that ends in a
# word for a business function is the title's area, not a person.
_TITLE_COMMA_BEFORE = re.compile(
    r"\b(?:President|Officer|Director|Manager|Head|Counsel|Treasurer|Controller)\s*,\s*$"
)
_AREA_LAST = re.compile(rf"(?:^|\s){AREA_WORDS}$")
_AT_BEFORE = re.compile(r"\bat\s+$")
_DEPARTMENT_BEFORE = re.compile(
    r"\b(?:Director|President|Officer|Manager|Head)\s+(?:of\s+|[-–—]\s*)$"
)
# "the Official Committee of Unsecured Creditors", "the University of Southern Maine": the
# words after a body's name and "of" go on naming the body.
_BODY_OF_BEFORE = re.compile(
    r"\b(?:Committee|Board|Department|University|Association|Office|Council|Bureau|"
    r"Commission|Society|Institute|College|School|Court)\s+of\s+(?:the\s+)?$"
)


def _without_organizations(
    text: str, mentions: list[Mention], organizations: tuple
) -> list[Mention]:
    """Mentions that are not companies. A run of capitalised words is a company when a
    designator follows it ("Tamsin Hydraulics, Inc."), when it is written elsewhere in the
    document with one or is one of the filing's own party names (`organizations`), or when
    someone works "at" it ("director of safety at Plainsman Freight Lines")."""
    from .organizations import normalize_company_name

    cores = {normalize_company_name(_core(o)) for o in organizations if o}
    for m in mentions:
        if _DESIGNATOR_AFTER.match(text, m.end):
            cores.add(normalize_company_name(text[m.start : m.end]))
    kept = []
    for m in mentions:
        key = normalize_company_name(text[m.start : m.end])
        if key in cores or _DESIGNATOR_AFTER.match(text, m.end):
            continue
        if not m.name.title and _AT_BEFORE.search(text, max(0, m.start - 20), m.start):
            continue
        if _DEPARTMENT_BEFORE.search(text, max(0, m.start - 30), m.start):
            continue  # "Director of Loan Review", "Senior Vice President - Power Supply"
        if not m.name.title and _BODY_OF_BEFORE.search(text, max(0, m.start - 30), m.start):
            continue
        if _AMPERSAND_AFTER.match(text, m.end) or _PLACE_AFTER.match(text, m.end):
            continue  # "Lindquist Vennum & Fors", "the Red Butte mine"
        if _TITLE_COMMA_BEFORE.search(text, max(0, m.start - 20), m.start) and _AREA_LAST.search(
            text[m.start : m.end]
        ):
            continue
        kept.append(m)
    return kept


def _core(name: str) -> str:
    """A company's name without its designator: 'TAMSIN HYDRAULICS INC' -> 'TAMSIN
    HYDRAULICS'."""
    name = re.sub(r"\s*/[A-Za-z.]{1,6}/?\s*$", "", name.strip())
    return re.sub(
        r"(?i)[\s,]+(?:inc|incorporated|corp|corporation|company|co|llc|l\.l\.c|lp|l\.p|llp|"
        r"ltd|limited|plc|n\.a)\.?$",
        "",
        name,
    )


def _with_bare_family_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Press releases call people by family name alone after the first mention ("said
    Peters"): add those words as mentions, but only for families already named in full."""
    families = {m.name.family: m.name for m in mentions if m.name.given}
    if not families:
        return mentions
    taken = _Covered((m.start, m.end) for m in mentions)
    extra = []
    pattern = re.compile(r"\b(" + "|".join(re.escape(f) for f in families) + r")\b(?!\s+[A-Z])")
    for m in pattern.finditer(text):
        if taken.covers(m.start()):
            continue
        full = families[m.group(1)]
        bare = PersonName(m.group(1), "", "", full.family, "", "", full.family)
        extra.append(Mention(m.start(), m.end(), bare))
    return sorted(mentions + extra, key=lambda m: m.start)


# --- per sentence ------------------------------------------------------------------------------


@dataclass
class Hit:
    person: Person
    event_type: str
    trigger_start: int
    trigger_end: int
    role: str = ""
    organization: str = ""
    date: dt.date | None = None
    disagreement: bool | None = None
    sentence: Span | None = None
    other: Person | None = None  # for a succession: the person succeeded
    pronoun: bool = False  # for a succession: the newcomer is "he" or "she"
    apposed: bool = False  # the role is the appositive after the name: maybe the one held
    unsaid: bool = False  # a successor's post is left unsaid: kept only if one is lent
    guess: str = ""  # what was inferred rather than read, for the review queue
    confidence: float = 1.0

    def infer(self, what: str, confidence: float) -> None:
        """Note a part of this reading the text does not state: the reading is as sure as
        its least sure guess."""
        if what not in self.guess:
            self.guess = f"{self.guess}; {what}" if self.guess else what
        self.confidence = min(self.confidence, confidence)


# Words every mask has in it, each in the case the pattern writes it: a sentence with none
# of them has no mask, and the pattern is not tried on it.
_MASK_WORDS = (
    "ommittee", "fficer", "lected", "retirement", "death", "termination", "disability",
    "terminated", "upon", "joining", "auditor", "accountant", "accounting", "erminat", "dopted",
)  # fmt: skip


def _any_in(text: str, words) -> bool:
    """Whether one of the words is in text (plain substring tests are the cheapest)."""
    for word in words:
        if word in text:
            return True
    return False


def _masked(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if not _any_in(text[start:end], _MASK_WORDS):
        return []
    return [(m.start(), m.end()) for m in _MASKS.finditer(text, start, end)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _triggers(text: str, s: Span, masks: list[tuple[int, int]]) -> list[tuple[str, int, int, str]]:
    """(event type, start, end, direction) for each trigger in the sentence, in order."""
    found: list[tuple[str, int, int, str]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(a < e and s_ < b for s_, e in taken) and not _inside(a, masks)

    sentence = text[s.start : s.end]
    # A pattern whose words are not in the sentence cannot match it. The characters
    # that match an ASCII letter when case is ignored but do not lower-case to one leave
    # every pattern to be tried.
    lowered = _lowered(sentence)
    for (event_type, pattern, direction), words in zip(
        _TRIGGER_PATTERNS, _TRIGGER_WORDS, strict=True
    ):
        if lowered is not None and not _any_in(lowered, words):
            continue
        for m in pattern.finditer(sentence):
            a, b = s.start + m.start(), s.start + m.end()
            if free(a, b):
                found.append((event_type, a, b, direction))
                taken.append((a, b))
    return sorted(found, key=lambda t: t[1])


# Compiled once: every sentence with a name is matched against each of them, verbs first.
_TRIGGER_PATTERNS = [
    (event_type, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), direction)
    for event_type, pattern, direction in _VERB_TRIGGERS
] + [
    (event_type, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), "noun")
    for event_type, pattern in _NOUN_TRIGGERS
]
# For each pattern above, in order: words (lower case) of which every match has one.
_TRIGGER_WORDS = (
    ("retir",),
    ("election",),
    ("resign", "step", "depart", "leav", "left", "ceased"),
    ("died", "passed", "deceased"),
    ("retiring",),
    ("terminated", "remov", "dismissed", "discharged", "fired", "relieved"),
    ("elect",),
    ("elect",),
    ("appoint", "name", "promot", "hire", "selected", "designated", "engaged", "retained"),
    ("became", "become", "join", "succeed", "replac", "transition", "assum", "serve", "act"),
    ("retirement",),
    ("resignation", "departure"),
    ("death", "passing"),
    ("termination", "removal", "dismissal"),
    ("election",),
    ("appointment", "promotion", "hiring"),
)


def _committees(text: str, s: Span):
    """(verb start, verb end, committee name, end) for committee assignments in the sentence."""
    out = []
    if "ommittee" not in text[s.start : s.end]:
        return out  # every pattern below ends with the word
    matches = list(_COMMITTEE_ROLE.finditer(text, s.start, s.end))
    matches += [
        m
        for m in _COMMITTEE_CHAIR.finditer(text, s.start, s.end)
        if not any(o.start() <= m.start("name") < o.end() for o in matches)
    ]
    for m in sorted(matches, key=lambda m: m.start()):
        # "appointed X, who has served as a director since 2006, to the Audit Committee":
        # the verb is looked for before the who-clause.
        stop_at = m.start()
        who = _WHO_BEFORE.search(text, max(s.start, stop_at - 160), stop_at)
        if who:
            stop_at = who.start()
        # (far enough back for "named A and B, Chairman, President and Chief Executive
        # Officer, to the Executive Committee")
        window = text[max(s.start, stop_at - 160) : stop_at]
        verbs = list(_COMMITTEE_VERB.finditer(window))
        if not verbs:
            continue
        verb = verbs[-1]
        between = _BOARD_CHAIR.sub("", window[verb.end() :])
        seat = _SEAT_THEN.fullmatch(between)
        if (
            re.search(r"\bBoard\b|\bcommittee\b", between, re.IGNORECASE)
            and not re.search(r"\bby\s+the\s+Board", between)
            and not seat
        ):
            gapped = _GAPPED_AND.search(window)
            if gapped and re.search(r"\b[Cc]ommittees?\b", window[: gapped.start()]):
                # "appointed A to the Audit Committee, and B to the Compensation Committee":
                # the verb is the first clause's; "and" stands for it before B
                a = stop_at - len(window) + gapped.start("and")
                out.append((a, a + 1, m.group("name"), m.end()))
            continue
        if m.re is _COMMITTEE_CHAIR and re.search(r"\bas\s|\band\s", between):
            continue  # "appointed A as CFO and B, Chair of the Audit Committee, ...": B's title
        if m.re is _COMMITTEE_CHAIR and _AS_AFTER_ASIDE.match(text, m.end()):
            continue  # "designated X, Chair of the Audit Committee, as Lead Director": hers
        a = stop_at - len(window) + verb.start()
        b = stop_at - len(window) + verb.end()
        if seat:
            # the verb stays the board seat's; "and" stands for it before the committee
            a = stop_at - len(between) + seat.start("and")
            b = a + 3
        out.append((a, b, m.group("name"), m.end()))
    for m in _COMMITTEE_SERVE.finditer(text, s.start, s.end):
        if any(a <= m.start() <= e for a, _, _, e in out):
            continue
        if _CONTINUE_BEFORE.search(text, max(s.start, m.start() - 12), m.start()):
            continue  # "will continue to serve on the Audit Committee": no change
        name = m.group("name")
        if m.group("chair") or m.group("chairs"):
            # "Ms. Whitby will serve as chair of the Audit Committee": the chair is the seat
            chair = (m.group("chair") or "chair").capitalize()
            name = f"{chair} of the {_committee_name(name)}"
        out.append((m.start(), m.start() + len(m.group().split()[0]), name, m.end()))
    for m in _FORMED_COMMITTEE.finditer(text, s.start, s.end):
        out.append((m.start("verb"), m.end("verb"), m.group("name"), m.end("name")))
    for m in _COMMITTEE_VACANCY.finditer(text, s.start, s.end):
        # "X resigned from the Audit Committee, and the Board named Y to fill the resulting
        # vacancy on the committee": the committee named before.
        named = list(_NAMED_COMMITTEE.finditer(text, s.start, m.start()))
        verbs = list(_COMMITTEE_VERB.finditer(text, max(s.start, m.start() - 90), m.start()))
        if named and verbs and not any(a <= m.start() <= e for a, _, _, e in out):
            verb = verbs[-1]
            out.append((verb.start(), verb.end(), named[-1].group("name"), m.end()))
    return out


_WHO_BEFORE = re.compile(r",\s*who\s+[^,;()]{0,140},\s*$")
_AS_AFTER_ASIDE = re.compile(r"\s*,\s*(?:to\s+(?:serve|act)\s+)?as\b")
# "appointed to the Board of Directors and to its Audit Committee": the seat, then the committee
_SEAT_THEN = re.compile(r"\s+to\s+the\s+Board(?:\s+of\s+Directors)?\s+(?P<and>and)\s+")
_GAPPED_AND = re.compile(
    r"(?P<and>,(?=\s)|(?<=\s)and(?=\s))\s+(?:and\s+)?(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+$"
)
_CONTINUE_BEFORE = re.compile(r"\bcontinu(?:e|es|ing)\s+$")
_COMMITTEE_VACANCY = re.compile(
    r"\bto\s+fill\s+(?:the|a)\s+(?:resulting\s+|ensuing\s+)?vacanc(?:y|ies)\s+on\s+"
    r"(?:the|that|this)\s+[Cc]ommittee\b"
)
_NAMED_COMMITTEE = re.compile(
    r"\b(?:the|its|our)\s+(?P<name>(?:[A-Z][\w&-]*\s+(?:(?:and|&)\s+)?){1,6}Committee)\b"
)


# "named X, Chairman of the Board, to the Audit Committee": the title beside the name.
_BOARD_CHAIR = re.compile(
    r",\s*(?:the\s+)?(?:Vice\s+)?(?-i:[Cc])hair(?:man|woman|person)?\s+of\s+(?:the\s+Board|"
    # or an aside naming a committee the person chairs: "named X, the chair of the Board's
    # Audit Committee, to the Compensation Committee"
    r"(?:the|its)\s+(?:Board['’]s\s+)?(?:[A-Z][\w&-]*\s+|and\s+){1,6}Committee)\s*,"
)


# "... to the Audit Committee and the Science and Technology Committee", "Chair of the Audit
# Committee and a member of the Safety Committee": one seat per committee.
_MORE_COMMITTEE = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|and\s+|as\s+well\s+as\s+)(?:to\s+)?(?:(?:as\s+)?(?:a\s+)?(?:member|"
    r"(?P<chair>(?:Vice\s+)?Chair(?:man|person|woman)?))\s+of\s+)?(?P<name>(?:the|its)\s+"
    r"(?:[A-Z][\w&-]*\s+(?:(?:and|&)\s+)?){1,6}[Cc]ommittee\b)"
)


_BOARDS_COMMITTEE = re.compile(
    r"(?i)^(?:board['’]s\s+)|\s+of\s+(?:the|its)\s+board(?:\s+of\s+(?:directors|trustees))?$"
)


_AS_ITS_CHAIR = re.compile(
    r"(?i)\s+as\s+(?:(?:its|the\s+committee['’]s)\s+)?chair(?:man|woman|person)?\b"
)
_INTERIM_ROLE = re.compile(r"(?i)(?:interim|acting)\b")
_GOES_BACK = re.compile(
    r"(?i)\b(?:continues?|continuing|remains?|returns?|returned|resumes?|resumed)\s+(?:to\s+serve\s+)?"
    r"(?:as|in|to)\b"
)
_WHICH_BEFORE = re.compile(r"\bwhich\s+(?:[\w.’'-]+\s+){1,4}$")
_WHICH_CHAIR = re.compile(
    r"(?:\s+of\s+the\s+Board)?\s*,\s*(?:which|of\s+which)\s+(?P<who>[^,;.]{1,40}?|(?:(?:Mr|Ms|Mrs|Dr)\."
    r"\s+)[^,;.]{1,40}?)\s+will\s+(?:chair\b|serve\s+as\s+(?:its\s+)?chair)"
)
_WITH_BEFORE = re.compile(r"\bwith\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?$")


def _chairs_it(text: str, refs: list[Ref], ref: Ref, pos: int, end: int) -> bool:
    """ "formed a search committee consisting of A, B and C, with Ms. A as its chair"; "named
    to the Audit Committee, which Ms. A will chair", "..., of which he will serve as chair"."""
    which = _WHICH_CHAIR.match(text, pos, end)
    if which:
        return any(
            r.person is ref.person and which.start("who") <= r.start < which.end("who")
            for r in refs
        )
    for r in refs:
        if r.person is not ref.person:
            continue
        if _CHAIRED_BY.search(text, max(0, r.start - 15), r.start):
            return True  # "formed a Search Committee, chaired by Ms. K and including ..."
        if not pos <= r.start < end:
            continue
        if _AS_ITS_CHAIR.match(text, r.end) and _WITH_BEFORE.search(
            text, max(pos, r.start - 12), r.start
        ):
            return True
        if _WHO_CHAIRS.match(text, r.end):
            return True  # "consisting of A, who will chair it, and B"
    return False


_INCLUDING = re.compile(
    r"\s*,?\s*(?:and\s+)?(?:including|which\s+will\s+(?:also\s+)?include)\s+"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?"
)
_CHAIRED_BY = re.compile(r"\bchaired\s+by\s+$")
_WHO_CHAIRS = re.compile(
    r"(?i)\s*,\s*who\s+(?:will|shall|is\s+to)\s+(?:chair\b|serve\s+as\s+(?:its\s+)?chair)"
)


def _committee_name(name: str) -> str:
    """'the Board's Nuclear Oversight Committee', 'Chairman of the Audit Committee of the
    Board' -> without the board: every committee is one of the board's."""
    return _BOARDS_COMMITTEE.sub("", clean_title(name))


def _each_committee(name: str) -> list[str]:
    """'Audit and Compensation Committees' -> ['Audit Committee', 'Compensation Committee'];
    one committee ("Nominating and Governance Committee") stays whole."""
    m = re.fullmatch(
        r"(?:the\s+|its\s+)?(?P<names>.+?)\s+[Cc]ommittees(?P<rest>\s+of\s+the\s+.*)?", name
    )
    if not m:
        return [name]
    parts = [
        p for p in re.split(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?", m["names"]) if p
    ]
    if len(parts) < 2:
        return [name]
    return [f"{p} Committee" for p in parts]


def _more_committees(text: str, pos: int, end: int) -> list[str]:
    roles = []
    while len(roles) < 6:
        m = _MORE_COMMITTEE.match(text, pos, end)
        if not m:
            break
        name = _committee_name(m.group("name"))
        roles.append(f"{m.group('chair')} of the {name}" if m.group("chair") else name)
        pos = m.end()
    return roles


def _refs_before(refs: list[Ref], pos: int) -> list[Ref]:
    return [r for r in refs if r.end <= pos]


def _subject(refs: list[Ref], pos: int) -> Ref | None:
    """The nearest person before the trigger in the sentence."""
    before = _refs_before(refs, pos)
    return before[-1] if before else None


_TO_COMMITTEE = re.compile(r"\s+(?:to|of)\s+the\s+(?:[\w-]+\s+){0,3}?[Cc]ommittee\b")


def _serves_a_committee(text: str, role: str, start: int, end: int) -> bool:
    """'will act as secretary to the search committee': a service to a committee, not an
    office of the company."""
    at = text.find(role, start, end)
    return (
        at >= 0
        and not re.search(r"(?i)chair|member", role)
        and bool(_TO_COMMITTEE.match(text, at + len(role)))
    )


_SUCCESSOR_TO = re.compile(r"(?i)\b(?:successors?|replacements?)\s+(?:to|for|of)\b")


def _objects(refs: list[Ref], pos: int, stop: int, text: str) -> list[Ref]:
    after = [r for r in refs if r.start >= pos and r.start < stop]
    if after and _possessive(text, after[0]):
        # "elected his son, Everett Finch III, ...": the relative is the object, not the
        # person "his" points back to; "appointed her successor" names nobody.
        apposed = after[1] if len(after) > 1 else None
        if apposed and _APPOSED_TO_POSSESSIVE.fullmatch(text, after[0].end, apposed.start):
            after = after[1:]
        else:
            return []
    if not after:
        return []
    if _SUCCESSOR_TO.search(text, pos, after[0].start):
        return []  # "names a successor to CEO X": X is the one replaced, the newcomer unnamed
    out = [after[0]]
    for r in after[1:]:
        if _KIN_OF.match(text, r.end):
            break  # "appointed Nils Brandt, Mr. Harold Brandt's son, as ...": a relation told
        gap = text[out[-1].end : r.start]
        if re.fullmatch(r"\s*(?:,|,?\s*and|&)\s*", gap):
            out.append(r)
        elif _INCLUDING.fullmatch(gap):
            out.append(r)  # "chaired by Ms. K and including A and B", "..., which will include"
        elif _WHO_CHAIRS.match(gap) and re.search(r",\s*and\s+$", gap):
            out.append(r)  # "consisting of A, who will chair it, and B"
        elif _APPOSED_AND.fullmatch(gap) or _AND_TITLED.fullmatch(gap):
            out.append(r)  # "appointed A, the Company's CFO, and B, its CMO, as ..."
        elif _EACH_AS.fullmatch(gap) and re.match(
            r"(?:\s*,\s*\d{2}\s*,)?\s+as\s", text[r.end : r.end + 12]
        ):
            out.append(r)  # "appointed A as Treasurer and B as Controller"
        elif _each_titled(text, out[-1].end, r):
            out.append(r)  # "appointed A Treasurer and B Controller"
        else:
            break
    return out


# "A, the Company's Chief Financial Officer, and B": each named with the post held now.
_APPOSED_AND = re.compile(
    r"\s*,\s*(?:the\s+(?:Company|Corporation|Bank|Trust|Partnership)['’]s\s+|its\s+|our\s+|an?\s+|"
    rf"the\s+)?{UNIT_PATTERN}(?:(?:\s*,\s*|\s+and\s+){UNIT_PATTERN})*\s*,\s*and\s+"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?"
)


# "promoted the Bank's Chief Lending Officer, A, and its Senior Vice President, Retail
# Banking, B, to ...": the title before each name.
_AND_TITLED = re.compile(
    r"\s*,?\s*and\s+(?:the\s+(?:Company|Corporation|Bank|Trust|Partnership)['’]s\s+|its\s+|our\s+|"
    rf"the\s+){UNIT_PATTERN}(?:(?:\s*,\s*|\s+and\s+){UNIT_PATTERN})*\s*,\s*"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?"
)
_TITLE_AND = re.compile(r"\s+(?P<title>[A-Z][^.;,]{2,80}?)\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def _each_titled(text: str, at: int, r: Ref) -> bool:
    """A title between two names, and another after the second: 'A Treasurer and B Controller'."""
    m = _TITLE_AND.fullmatch(text, at, r.start)
    if not m:
        return False
    t = title_at(text, m.start("title"), m.end("title"))
    after = title_at(text, r.end + 1, min(len(text), r.end + 100))
    return bool(t and t[1] == m.end("title") and after and after[0] == r.end + 1)


_EACH_AS = re.compile(
    # (an age and the title held now may come first: "A, 43, Vice President, as Senior Vice
    # President of the Bank, and B, 39, as ...")
    r"(?:\s*,\s*\d{2}\s*,(?:(?:[^.;,]|\b[A-Z]\.){1,60}?,)?)?"
    r"\s+as\s+(?:[^.;,]|\b[A-Z]\.)(?:[^.;]|\b[A-Z]\.){0,80}?(?:,\s*(?:and\s+)?|\s+and\s+)"
)


def _subjects(text: str, refs: list[Ref], pos: int) -> list[Ref]:
    """The subject before pos and the people coordinated with it: "each of A and B resigned"."""
    who = _who_subject(text, refs, pos) or _before_who_clause(text, refs, pos)
    if who:
        return [who]
    subj = _subject(refs, pos)
    if subj is None:
        return []
    out = [subj]
    for r in reversed(_refs_before(refs, subj.start)):
        if r.pronoun or not (
            re.fullmatch(r"\.?\s*(?:,|,?\s*and|&)\s*", text[r.end : out[0].start])  # "Jr. and"
            or _APPOSED_AND.fullmatch(text, r.end, out[0].start)
            or _ASIDE_AND.fullmatch(text, r.end, out[0].start)
        ):
            break
        out.insert(0, r)
    if len(out) > 1 and not re.search(r"\band\b|&", text[out[-2].end : out[-1].start]):
        return [subj]  # "Following the departure of A, B resigned": no list without "and"
    return out


# "A, Treasurer, and B, Controller, resigned" (_APPOSED_AND), "A, who joined in 2019, and B
# were appointed", "A, 54, and B": an aside about the first of two coordinated subjects.
_ASIDE_AND = re.compile(
    # a who-clause's commas only inside a title ("as Senior Vice President, Advertising
    # Sales"), never before a verb of the sentence ("who has been CFO, will become COO")
    r"\s*,\s*(?:who\s+(?:[^,;.()]|\b[A-Z]\.){3,120}?(?:,\s+(?!(?:will|has|have|had|was|were|is|"
    r"are|shall|would|became|becomes|and)\b)(?:[^,;.()]|\b[A-Z]\.){1,60}?)*?|(?:age\s+)?\d{2})"
    r"\s*,\s*and\s+"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?"
)
_WHO_VERB = re.compile(r",?\s*\band\s+who\s+(?:\w+\s+){0,2}$")
# ", who reported to Chief Executive Officer Mary Quist, was appointed": a who-clause closed
# by a comma, then the verb (with its auxiliaries).
# (A clause with ", and" in it may hold another verb of the sentence.)
_WHO_CLAUSE = re.compile(
    r"\s*,\s*who\b(?:(?!,\s*and\b)[^;.]|\b[A-Z]\.|\b(?:Inc|Corp|Co|Ltd|Jr|Sr)\.)*?,\s*"
    r"(?:(?:was|were|is|are|has|have|had|been|be|will|would|also|then|formally|subsequently)\s+)*"
)


def _before_who_clause(text: str, refs: list[Ref], pos: int) -> Ref | None:
    """The subject of a verb after a who-clause about it: in "X, who reported to Y, was
    appointed" the verb is X's, not Y's, the name nearest to it."""
    before = _refs_before(refs, pos)
    if len(before) < 2 or before[-1].pronoun or text.startswith("to ", pos):
        return None
    for r in reversed(before[:-1]):
        if pos - r.end > 300:
            break
        if not r.pronoun and _WHO_CLAUSE.fullmatch(text, r.end, pos):
            return r
    return None


def _who_subject(text: str, refs: list[Ref], pos: int) -> Ref | None:
    """ "X, who has served as Treasurer since the resignation of Y in 2000, and who will resign
    ...": the second who-clause is still about X, not the last name before the verb."""
    if not _WHO_VERB.search(text, max(0, pos - 30), pos):
        return None
    for r in reversed(_refs_before(refs, pos)):
        if not r.pronoun and re.match(r"\s*,\s*who\b", text[r.end : r.end + 8]):
            return r
    return None


# "his son, ", "her longtime colleague and friend, ": a short noun phrase and a comma.
_APPOSED_TO_POSSESSIVE = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\s*,\s*")
# After "her", words that make it the object ("appointed her as", "elected her a director").
_OBJECT_HER = re.compile(
    r"\s*(?:[,.;:]|$|(?:as|to|a|an|the|its|our|effective|on|in|and|with|from|for|Chief|"
    r"Chair\w*|President|Director|Secretary|Treasurer|[A-Z][\w-]*)\b)"
)


def _possessive(text: str, ref: Ref) -> bool:
    """A possessive pronoun before a noun ("his son", "her successor"), not a person object."""
    if not ref.pronoun:
        return False
    word = text[ref.start : ref.end].casefold()
    if word == "his":
        return True
    return word == "her" and not _OBJECT_HER.match(text, ref.end)


_TITLE_BEFORE_NAME = re.compile(
    r"(?:(?:the\s+)?(?:Company['’]s|its|our)\s+)?(?:(?:[A-Z][\w&.-]*,?|and|of|the)\s+){1,10}|"
    r"(?:(?:independent|non-employee|longtime)\s+)?(?:director|trustee)\s+"
)


def _noun_person(refs: list[Ref], a: int, b: int, text: str, stop: int) -> list[Ref]:
    """The person of a noun trigger: 'resignation of X', "X's resignation", 'his resignation'."""
    m = re.match(
        r"\s+(?:as\s+[^.;]{0,60}?\s+|on\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d\S*)\s+)?of\s+",
        text[b : b + 80],
    )
    if m:
        if _NOBODY_YET.match(text, b + m.end()):
            return []  # "effective upon the appointment of her successor"
        r = next((r for r in refs if r.start >= b), None)
        # "the resignation of Vice President and Treasurer Phillip M. Draycott"
        if r and (
            r.start <= b + m.end() + 2
            or r.start <= b + m.end() + 120
            and _TITLE_BEFORE_NAME.fullmatch(text, b + m.end(), r.start)
        ):
            if text[a:b].casefold().endswith("s"):
                return [r] + _more_of(refs, r, text, stop)
            return [r]
    for r in reversed(_refs_before(refs, a)):
        gap = text[r.end : a]
        if re.fullmatch(
            r"(?:['’]s?)?\s*(?:(?:recent|planned|anticipated|expected|upcoming|"
            r"previously\s+announced|intended)\s+)?",
            gap,
        ):
            return [r]
        break
    their = _THEIR_BEFORE.search(text, max(0, a - 30), a)
    if their:
        # "A and B notified the Company of their resignations": the people before "their"
        people = _subjects(text, refs, their.start())
        if len(people) > 1:
            return people
    return []


_THEIR_BEFORE = re.compile(r"\btheir\s+(?:respective\s+)?(?:[a-z]+\s+)?$")


_NOBODY_YET = re.compile(
    r"(?:his|her|their|a|the|its)\s+(?:permanent\s+)?(?:successors?|replacements?)\b"
)
# "the resignations of A, who ..., and of B, ...": each person after "and of".
_AND_OF = re.compile(r"(?:,\s*|\s+)and\s+(?:of\s+)?(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?$")


def _more_of(refs: list[Ref], first: Ref, text: str, stop: int) -> list[Ref]:
    out = []
    for r in refs:
        if first.start < r.start < stop and not r.pronoun and r.person is not first.person:
            if _AND_OF.search(text, max(first.end, r.start - 12), r.start):
                out.append(r)
    return out


def _org_subject_between(text: str, start: int, end: int) -> bool:
    return bool(_ORG_SUBJECT.search(text, start, end))


_ROLE_LEAD = re.compile(
    r"\b(?:as|to\s+serve\s+as|to\s+the\s+(?:[\w-]+\s+){0,3}?(?:positions?|roles?|offices?|"
    r"titles?|posts?)\s+of|to|from\s+(?:his|her|their)\s+(?:position|role|office)s?\s+as|"
    r"from\s+the\s+role\s+of[^.;]*?\bto|to\s+become|became|becomes|become|"
    r"(?:the\s+)?(?:additional\s+|new\s+)?(?:titles?|positions?|roles?|offices?|duties|"
    r"responsibilities)\s+of)\s+"
)
_WITH_SERVING = re.compile(
    r",\s*with\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+"
    r"(?:serving|to\s+serve)\s+as\s+(?:the\s+|its\s+)?"
)
_WITH_OTHER = re.compile(r",\s*with\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?[A-Z]")
_ADVISER_TO = re.compile(
    r"(?i)\b(?:advis[eo]r|assistant|consultant|counsel|reporting\s+directly|reporting|chief\s+of\s+staff)"
    r"\s+to\s+(?:the\s+)?$"
)
_FILLS_SEAT = re.compile(
    r"^(?:(?!\bas\s)[^.;]){0,80}?\bto\s+fill\s+(?:a|the)\s+(?:[\w-]+\s+){0,3}?(?:directorships?|vacanc(?:y|ies)|seats?)"
)
_ITS_BEFORE = re.compile(r"\bits\s+$")
_BARE_CHAIR = re.compile(r"(?:Co-|Vice[\s-])?[Cc]hair(?:man|woman|person)?")
_BOARD_GREW = re.compile(
    r"(?i)\b(?:size\s+of\s+the\s+board|number\s+of\s+(?:directors|trustees)|board\s+seats?)\b"
)
# A board called by its defined short name: "to the GP Board", "to the Bank Board".
_NAMED_BOARD = re.compile(
    r"\s*(?:to|on)\s+(?:the|its|our)\s+(?:[A-Z][\w&.-]*\s+){1,3}?Board\b(?!\s+of\b)"
)
_BASIS = re.compile(r"^[^.;]{0,20}?\bon\s+an?\s+(interim|acting)\s+basis", re.IGNORECASE)
# What may stand between two positions of one person in one sentence: the rest of a
# company's name and its definition ("of Brightwater Therapeutics, Inc. (“Brightwater”)").
_NEXT_ROLE = re.compile(
    r"(?:[ \t\n]*,?[ \t\n]*(?:Inc|Corp|Co|Ltd|LLC|L\.P|N\.A)\.?)?(?:[ \t\n]*\([^)]{0,80}\))?"
    r"[ \t\n]*[,—–]?[ \t\n]*(?:and|as\s+well\s+as)\s+(?:also\s+)?"
    # "Chair of X and member of Y", "to succeed him as CEO and to serve as President"
    r"(?:(?:as|from|to(?:\s+serve\s+as)?)\s+|(?=(?:a\s+)?member\s+of\s))"
)
# "resigned from all of his positions with the Company—President, ...": the offices listed.
_ALL_POSITIONS = re.compile(
    r"\s+from\s+all\s+(?:of\s+)?(?:his|her|their)\s+(?:positions|offices)\s+with\s+(?:the\s+)?"
    r"(?:Company|Corporation|Registrant)\s*(?:[—–:]|--?|,\s*(?:including|namely)?)\s*"
)
# "resigned from the Board and from his positions as Chair of the Audit Committee": the seat,
# then the offices told after it.
_FROM_BOARD_AND = re.compile(
    r"\s+from\s+(?:the|its|our)\s+(?:[\w’'-]+\s+){0,3}?[Bb]oard(?:\s+of\s+[Dd]irectors)?"
    r"\s*,?\s+and\s+(?:also\s+)?(?=(?:from|as)\s)"
)


# The seat someone already holds, told between the name and the new position.
_SEAT_HELD = re.compile(
    r"\s*,\s*(?:who\s+(?:has\s+)?(?:served|serves|been|is|was)\s+(?:as\s+)?)?"
    r"(?:currently\s+|already\s+)?(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:director|trustee|"
    r"member\s+of\s+the\s+[Bb]oard)(?:\s+(?:since|of\s+the\s+Company\s+since)\s+\d{4})?"
    r"\s*,\s*(?=as\b|to\b|[A-Z])"
)
# "elected X, who has served as a director since 2019 and as Chair of the Audit Committee
# since April 2019, as Chair of the Board": the clause tells what X holds; "as" the news.
# The same for an appositive about the post held: "appointed X, the Company's Executive Vice
# President and Chief Operating Officer, as President", "elected X, a director since 1979 and
# formerly the president of Y Co., to succeed Z as Chairman".
# "named Mr. Greer, who led the company through its 1987 reorganization, Chairman Emeritus"
_WHO_ASIDE = re.compile(r"\s*,\s*who\s+(?:[^,;.]|\b[A-Z]\.){3,140},\s*(?=[A-Z])")
_WHO_HELD = re.compile(
    # (degrees may come first: "Mei-Lin Tsao, M.D., who has served as ...")
    r"\s*,\s*(?:\d{2}\s*,\s*)?(?:(?:M\.D\.|Ph\.D\.|J\.D\.|CPA|CFA|Esq\.)\s*,\s*)*(?:who\s+(?:has\s+|had\s+)?(?:served|serves|been|is|was)\b|"
    r"(?:the\s+)?(?:[A-Z][\w&-]*\s+){0,3}?[A-Z][\w&-]*['’]s\s+(?=[A-Z])|(?:its|our)\s+(?=[A-Z])|"
    r"(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:director|trustee|member)\b|"
    r"(?:the\s+)?(?:son|daughter|nephew|niece|brother|sister|grandson|granddaughter)\s+of\b|"
    r"(?=(?:Senior|Executive|Vice|Chief|Group|Assistant|President)\b))"
    r"(?:[^.;,]|\b[A-Z][a-z]?\.|,\s*(?!as\b|to\b)){0,200}?,\s*"
    r"(?=as\b|to\s+(?:serve|become|succeed|the\s+(?:additional\s+)?(?:office|position)s?)\b)"
)
_TENURE_BEFORE = re.compile(r"\b(?:years?|months?|decades?)\s*$")
_CHAIR = re.compile(
    r"(?i)(?:(?:executive|non-executive|independent|lead|co-|vice[\s-]?)\s*)*"
    r"(?:vice[\s-])?chair(?:man|woman|person)?\b"
)


_BLANK = re.compile(r"\s*")
_BOARD_LEAD = re.compile(r"[^.;]{0,60}?\b(?:to|from|on|of|as)\s+|\s*")
_BOARD_SEAT_WORDS = re.compile(r"\s*(?:[A-Z][\w&.-]*\s+){0,3}?(?:Board|board)\s+(?:member|seat)")
# "will serve as the Company's principal accounting officer", "as Acme's President"
_EMPLOYER_WORDS = re.compile(
    r"\s*(?:(?:the\s+(?:Company|Corporation|Bank|Registrant|Trust|Partnership)['’]s|its|our)\s+)?"
    r"(?:[A-Z0-9][\w&.'’-]*\s+){0,3}"
    r"|\s*an?\s+"  # "named X a Director Emeritus", "... an Executive Vice President"
)
_COMMA = re.compile(r"\s*,\s*(?:\d{2}\s*,\s*)?")  # (an age may come first: "A.J. Marsh, 62, ...")


def _role_span(text: str, s: Span, ref: Ref, trigger_end: int, event_type: str, refs=()):
    """(role, end offset) of the position named for this person in this sentence, or None.
    A title right before someone else's name is theirs: "appointed X, who reported to Chief
    Executive Officer Y, as Senior Vice President"."""
    end = s.end
    if event_type in ("appointed", "elected", "resigned", "retired", "terminated", "died"):
        # after the trigger (and after the person for object triggers)
        pos = max(trigger_end, ref.end if ref.start >= trigger_end else trigger_end)
        by = _AGENT.fullmatch(text, trigger_end, ref.start) if ref.start >= trigger_end else None
        if by and by.group("post"):  # "will be succeeded as Treasurer by Y"
            t = title_at(text, by.start("post"), by.end("post"))
            if t:
                return _board_title(clean_title(text[t[0] : t[1]])), t[1]
        seat = (
            _SEAT_HELD.match(text, pos, end)
            or _WHO_HELD.match(text, pos, end)
            or _WHO_ASIDE.match(text, pos, end)
        )
        if seat and event_type in ("appointed", "elected") and ref.start >= trigger_end:
            pos = seat.end()  # "elected X, a director since 1991, Vice Chairman of the Board"
        rest = text[pos:end]
        fills = _FILLS_SEAT.match(rest)
        if fills and (
            event_type == "elected"
            or event_type == "appointed"
            and (
                not fills.group().endswith(("vacancy", "vacancies"))
                or _BOARD_GREW.search(text, s.start, pos)
            )
        ):
            # "increased the size of the Board ... and appointed A and B to fill the
            # resulting vacancies": seats (an officer's vacancy is filled by "appointed" too)
            return "director", pos + fills.end()
        named_board = _NAMED_BOARD.match(rest)
        if named_board and event_type in ("appointed", "elected"):
            return "director", pos + named_board.end()  # "elected her to the GP Board"
        t = title_at(text, pos, end)
        if (
            t
            and event_type in ("appointed", "elected")
            and _BLANK.fullmatch(text, pos, t[0])
            and (_CHAIR.match(text, t[0], t[1]) or ref.start < trigger_end)
        ):
            # "was elected Executive Chairman of the Board": the chair, not a seat; "X will
            # become Chief Operating Officer ..., and Y will succeed her as ...": the title
            # right after the verb, not one further on
            return _board_title(clean_title(text[t[0] : t[1]])), t[1]
        if text.endswith("be", trigger_end - 2, trigger_end):
            # "ceased to be Chairman of the Board": the title right after the verb
            t = title_at(text, pos, end)
            if t and _BLANK.fullmatch(text, pos, t[0]):
                return _board_title(clean_title(text[t[0] : t[1]])), t[1]
        for m in _ROLE_LEAD.finditer(rest):
            if m.start() > 100:
                break
            if ";" in rest[: m.start()]:
                break
            if _ADVISER_TO.search(rest, max(0, m.start() - 30), m.end()):
                continue  # "Senior Advisor to the Chief Executive Officer": not that post
            if _TENURE_BEFORE.search(rest, max(0, m.start() - 20), m.start()):
                continue  # "will retire ..., after eleven years as Chief Financial Officer"
            if _WITH_OTHER.search(rest, 0, m.start()):
                break  # "appointed as directors, with Mr. Lindahl serving as Chairman": his
            t = title_at(text, pos + m.end(), end)
            if t and _titles_other(text, t[1], ref, refs):
                continue
            chair = _its_committee_chair(text, s, t) if t else None
            if chair:
                return chair, t[1]
            if t:
                return _board_title(clean_title(text[t[0] : t[1]])), t[1]
        board = _BOARD_LEAD.match(rest)
        found = _BOARD_ROLE.match(text, pos + board.end(), end)
        if found:
            return "director", found.end()
        lead = _BLANK.match(rest)
        found = _BOARD_ROLE.match(text, pos + lead.end(), end)
        if found:
            return "director", found.end()
        seat = _BOARD_SEAT_WORDS.match(rest)
        if seat:
            return "director", pos + seat.end()
        t = title_at(text, pos, end)
        if (
            t
            and event_type in ("appointed", "elected")
            and _EMPLOYER_WORDS.fullmatch(text, pos, t[0])
        ):
            chair = _its_committee_chair(text, s, t)
            if chair:
                return chair, t[1]  # "... a member of the committee, has been named its chair"
            return _board_title(clean_title(text[t[0] : t[1]])), t[1]
    # appositive: "X, the Company's Chief Financial Officer," / "X, Vice President, ..."
    m = _COMMA.match(text, ref.end, end)
    if m and not ref.pronoun:
        t = title_at(text, m.end(), end)
        if t:
            return _held_since(text, t, end)
    # before the name: "Chief Financial Officer John Smith"
    if not ref.pronoun:
        t = title_before(text, s.start, ref.start)
        if t:
            return clean_title(text[t[0] : t[1]]), ref.start
    return None


def _its_committee_chair(text: str, s: Span, t: tuple[int, int]) -> str | None:
    """ "designated X, who has served on the Compensation Committee since 1996, as its
    Chairman": the chair of the committee named last before in the sentence."""
    if not (_ITS_BEFORE.search(text, t[0] - 5, t[0]) and _BARE_CHAIR.fullmatch(text, t[0], t[1])):
        return None
    committee = list(_NAMED_COMMITTEE.finditer(text, s.start, t[0]))
    if not committee:
        return None
    name = " ".join(committee[-1].group("name").split())
    chair = text[t[0] : t[1]]
    return f"{chair[:1].upper()}{chair[1:]} of the {name}"


def _titles_other(text: str, at: int, ref: Ref, refs: list[Ref]) -> bool:
    """Whether the title ending at `at` stands right before another person's name."""
    for r in refs:
        if r.start >= at and not r.pronoun and r.person is not ref.person:
            return r.start - at <= 2 and not text[at : r.start].strip()
    return False


def _roles_for(
    text: str, s: Span, ref: Ref, trigger_end: int, event_type: str, refs: list[Ref]
) -> list[str]:
    """Every position named for this person in this sentence: 'resigned as President and
    Chief Executive Officer ... and as a member of the Board' gives two."""
    every = None
    if event_type in _DEPARTURES:
        left = _LEFT_COMMITTEE.match(text, trigger_end, s.end)
        if left:  # "resigned from the Audit Committee": the seat on it
            return _each_committee(" ".join(left.group("name").split()))
        board = _FROM_BOARD_AND.match(text, trigger_end, s.end)
        if board:
            rest = _roles_for(text, s, ref, board.end() - 1, event_type, refs)
            return ["director"] + [r for r in rest if r != "director"]
        every = _ALL_POSITIONS.match(text, trigger_end, s.end)
    t = title_at(text, every.end(), s.end) if every else None
    if t:  # "resigned from all of his positions with the Company—President, ..."
        found = (clean_title(text[t[0] : t[1]]), t[1])
    else:
        found = _role_span(text, s, ref, trigger_end, event_type, refs)
    if event_type in _DEPARTURES and _FROM_THOSE.match(text, trigger_end, s.end):
        # "X, President and COO, tendered his resignation from those offices ... to become
        # chief executive of another company": the offices named before, not the next post
        found = _stated_position(text, s, ref, refs) or found
    if found is None and event_type in _DEPARTURES:
        found = _stated_position(text, s, ref, refs)
    if found is None:
        return []
    role, pos = _of_committee(text, found[0], found[1], s.end)
    if event_type in _DEPARTURES and _THOSE_AND_BOARD.match(text, trigger_end, s.end):
        # "who has served as Chairman, President and CEO ... and who will retire from those
        # positions and from the Board": the seat besides the offices told before.
        return [role, "director"]
    roles = [role]
    basis = _BASIS.match(text[pos : s.end])
    if basis:
        word = basis.group(1).capitalize()
        if word.casefold() not in role.casefold():
            roles[0] = f"{word} {role}"
    if event_type in ("appointed", "elected", "resigned", "retired", "terminated"):
        while len(roles) < 4:
            if roles[-1] == "director":
                pos = _FILER_AFTER_SEAT.match(text, pos, s.end).end()  # "director of X (“X”)"
            joint = _NEXT_ROLE.match(text, pos, s.end)
            if not joint:
                break
            at = joint.end()
            member = _COMMITTEE_MEMBER.match(text, at, s.end)
            if member:  # "and as a member of the Audit Committee"
                roles.append(" ".join(member.group("name").split()))
                pos = member.end()
                continue
            board = _BOARD_ROLE.match(text, at, s.end)
            t = title_at(text, at, s.end)
            if t and not re.match(r"(?i)(?:a\s+)?(?:member\s+of|board)", text[at : s.end]):
                role, pos = _of_committee(
                    text, _board_title(clean_title(text[t[0] : t[1]])), t[1], s.end
                )
                roles.append(role)
            elif board:
                roles.append("director")
                pos = board.end()
            else:
                break
        later = _LATER_SEAT.match(text, pos, s.end) if event_type in _DEPARTURES else None
        if later and "director" not in roles:
            roles.append(
                "director"
            )  # "as President of its subsidiary, X Bank, N.A., and as a director"
    return roles


_LATER_SEAT = re.compile(
    r"(?:[^.;]|\b(?:Inc|Corp|Co|Ltd|[A-Z])\.){0,80}?,?\s+and\s+(?:also\s+)?(?:as|from)\s+(?:a\s+)?"
    r"(?:director\b|member\s+of\s+(?:the|its|our)\s+[Bb]oard\b|(?:the|its|our)\s+[Bb]oard\b)"
)
_LEFT_COMMITTEE = re.compile(
    r"\s+(?:as\s+(?:a\s+)?member\s+of|from)\s+(?:the|its|our)\s+"
    r"(?P<name>(?:[A-Z][\w&-]*\s+(?:(?:and|&)\s+)?){1,6}Committees?)\b"
)
_COMMITTEE_MEMBER = re.compile(
    r"(?:a\s+)?members?\s+of\s+(?:the|its|our)\s+(?P<name>(?:[A-Z][\w&-]*\s+(?:(?:and|&)\s+)?){1,6}"
    r"Committee)\b(?:\s+of\s+the\s+Board(?:\s+of\s+Directors)?)?"
)
_FILER_AFTER_SEAT = re.compile(
    r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w&.'’-]*,?\s+){0,5}[A-Z][\w&.'’-]*(?:\s*\([^)]{0,80}\))?)?"
)
_FROM_THOSE = re.compile(
    r"\s+from\s+(?:those|these|such|both|all\s+(?:of\s+)?(?:those|his|her|their))\s+"
    r"(?:positions|offices|roles|posts)\b"
)
_THOSE_AND_BOARD = re.compile(
    r"\s+from\s+(?:those|these|such|both|all\s+(?:of\s+)?(?:those|his|her|their))\s+"
    r"(?:positions|offices|roles|posts)\s*,?\s*(?:and|as\s+well\s+as)\s+(?:from\s+)?"
    r"(?:the|its|our)\s+[Bb]oard\b"
)


_OF_COMMITTEE = re.compile(
    r"\s+of\s+(?:its|the|our|their)\s+((?:[A-Z][\w&,-]*\s+|and\s+){0,6}Committee)\b"
)


_CHAIR_OR_MEMBER = re.compile(r"(?i)(?:co-|vice[\s-]?)?chair(?:man|woman|person)?|member")


def _of_committee(text: str, role: str, pos: int, end: int) -> tuple[str, int]:
    """'Chair of its Nominating Committee': the chair of a committee, not a bare 'Chair'."""
    if not _CHAIR_OR_MEMBER.fullmatch(role):
        return role, pos
    m = _OF_COMMITTEE.match(text, pos, end)
    if not m:
        return role, pos
    return f"{role} of the {' '.join(m.group(1).split())}", m.end()


_BOARD_MEMBER = re.compile(r"(?i)member\s+of\s+the\s+(?:\S+\s+){0,3}?board(?:\s+of\s+directors)?")
_SEAT_AT = re.compile(r"(?i)member\s+of\s+the\s+board\s+of\s+directors(\s+of\s+.+)")


_SEAT_CLASS = re.compile(r"(?i)(?:class\s+(?:[IV]+|[A-C])|sole)\s+(director|trustee)s?")


def _board_title(title: str) -> str:
    seat_class = _SEAT_CLASS.fullmatch(title)
    if seat_class:  # "to serve as a Class I director": the class is the seat's term, "sole"
        # says how many there are
        return seat_class.group(1).lower()
    if _BOARD_MEMBER.fullmatch(title):
        return "director"
    # "a member of the Board of Directors of Pinehurst Media Group": a seat, at a company
    # named after it (the filer, or another one split off later)
    seat = _SEAT_AT.fullmatch(title)
    if seat:
        return "director" + seat.group(1)
    return title


def _date_for(dates, triggers, index: int) -> dt.date | None:
    """The date of the index-th trigger: an 'effective' date bound to it, else its 'on' date.

    A date binds to the nearest trigger before it with no other trigger in between, or if
    there is none, to the first trigger after it.
    """
    bound = []
    for d in dates:
        before = [i for i, t in enumerate(triggers) if t[2] <= d.start]
        owner = before[-1] if before else 0
        if owner == index:
            bound.append(d)
    # "On October 5, X notified the Bank that she will retire on December 31": the day it
    # takes effect, after the verb, before the day it was told.
    bound.sort(key=lambda d: d.start < triggers[index][2])
    for kind in ("effective", "on", "plain"):
        for d in bound:
            if d.kind == kind:
                return d.date
    return None


_SINCE_APPOSITIVE = re.compile(
    r",[^,;]*\b(?:since|from)\s+(?:[A-Z][a-z]+\.?\s+)?(?:19|20)\d\d\b[^,;]*(?:,|$)"
)


def _year_only_past(text: str, a: int, b: int, filed: dt.date | None) -> bool:
    """A biography clause: 'was named Secretary in 1999', 'the retirement of X in 2012'.
    An appositive about the person (', a director since 1979,') is not the event's time."""
    if filed is None:
        return False
    clause = _SINCE_APPOSITIVE.sub(",", text[a:b])
    m = _PAST_TIME.search(clause)
    if not m:
        return False
    year = int(m.group("year"))
    if not m.group("month"):
        return year < filed.year
    # "the resignation of X in October 2000": a month well before the report is history;
    # last month's news is still this report's.
    month = _MONTH_NUMBER[m.group("month")[:3].casefold()]
    return (filed.year - year) * 12 + filed.month - month > 3


_MONTH_NUMBER = {
    m[:3].casefold(): i + 1
    for i, m in enumerate(
        "January February March April May June July August September October November "
        "December".split()
    )
}
_PAST_TIME = re.compile(
    r"\b(?:(?:in|since|from|during)\s+(?:(?P<month>(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|"
    r"Nov|Dec)\.?)\s+(?:\d{1,2},?\s+)?)?|at\s+the\s+(?:end|beginning|close|start)\s+of\s+)"
    r"(?P<year>(?:19|20)\d\d)\b"
)


# The defined term that names the registrant: '(the "Company")'. Looked for alone first:
# the whole pattern backtracks over the words before every capital, the length of an item.
_DEFINED_REGISTRANT = (
    r"\((?:the\s+|together\s+with\s+"
    r"its\s+subsidiaries,\s+the\s+)?[“\"](?:Company|Registrant|Corporation|Bank|Trust)[”\"]"
)
_REGISTRANT_TERM = re.compile(_DEFINED_REGISTRANT)
_REGISTRANT = re.compile(
    r"((?:[A-Z0-9][\w.,&'’-]*\s+){0,7}[A-Z0-9][\w.&'’-]*),?\s*" + _DEFINED_REGISTRANT
)


def _registrant(text: str, fallback: str) -> str:
    m = _REGISTRANT.search(text) if _REGISTRANT_TERM.search(text) else None
    if m:
        name = m.group(1).strip(" ,")
        name = re.sub(r"^.*?\b(?:of|by|between)\s+", "", name)
        name = re.sub(r"^(?:the|The)\s+(?=[A-Z])", "", name) if len(name.split()) > 1 else name
        return name
    return fallback


_BOARD_OF = re.compile(
    r"\b[Bb]oard\s+of\s+[Dd]irectors\s+(?:\([^)]{0,20}\)\s+)?of\s+"
    r"((?:[A-Z0-9][\w.&'’-]*,?\s+){0,6}(?:[A-Z0-9][\w.&'’-]*))(?=\s*\(|\s+[a-z]|[;:]|\.?\s*$)"
)


def _organization(text: str, s: Span, registrant: str) -> str:
    """The company whose board acts in the sentence, else the registrant."""
    m = _BOARD_OF.search(text, s.start, s.end)
    if m:
        return m.group(1).strip(" ,")
    return registrant


def extract_events(
    text: str,
    *,
    filed: dt.date | None,
    sequence: str,
    registrant: str = "",
) -> list[EventCandidate]:
    """People events in the Item 5.02 (or pre-2004 Item 5 / 6) section(s) of an 8-K's text."""
    sections = find_sections(text, filed)
    if not sections:
        return []
    # Items typed in capitals are read from a copy in ordinary case (same offsets); the
    # evidence stays as the filing wrote it.
    original = text
    text = _recased_sections(text, sections)
    people = People(
        text[: max(s.end for s in sections)],
        organizations=(registrant,),
        start=_heading_start(text, sections[0].start),
    )
    org = _registrant(text, registrant)
    hits: list[tuple[Hit, str]] = []
    # Each section's sentences are found once, for the hits, the lists and disagreements.
    spans = {section: sentences(text, section.start, section.end) for section in sections}
    for section in sections:
        for s in spans[section]:
            for hit in sentence_hits(text, s, people, filed, org):
                hits.append((hit, section.source))
        if section.source != "item-5.07":
            # (the vote's tables list nominees and counts; only a list the text says were
            # elected, below, tells who holds a seat)
            hits.extend((h, section.source) for h in _table_hits(text, section, people, org))
        hits.extend(
            (h, section.source) for h in _list_hits(text, section, people, org, spans[section])
        )
        if section.source == "item-5.07":
            hits.extend(
                (h, section.source)
                for h in _vote_table_hits(text, section, people, org, spans[section])
            )
        told = {id(h.person) for h, _ in hits if h.event_type in _TAKING}
        hits.extend((h, section.source) for h in _marked_rows(text, section, people, org, told))
    _apply_disagreements(text, sections, people, hits, spans)
    found = merge_hits(text, hits, sequence, org)
    if text.count("Board of Trustees") > text.count("Board of Directors"):
        # A trust's board is of trustees: a seat left or taken on "the Board" is a trustee's.
        found = [
            replace(e, role="Trustee") if e.role.casefold() == "director" else e for e in found
        ]
    if text is not original:
        found = [replace(e, evidence=original[e.start : e.end]) for e in found]
    return found


def _recased_sections(text: str, sections: list[Section]) -> str:
    """text with its sections typed in capitals recased; text itself when there are none."""
    parts, done = [], 0
    for s in sections:
        if capitals.mostly_capitals(text[s.start : s.end]):
            parts += (text[done : s.start], capitals.recased(text[s.start : s.end]))
            done = s.end
    return "".join(parts) + text[done:] if parts else text


def _heading_start(text: str, pos: int) -> int:
    """The start of the line of the heading a section begins after."""
    return text.rfind("\n", 0, max(0, pos - 1)) + 1 if pos else 0


# --- periodic reports -------------------------------------------------------------------------

# Where a 10-Q or 10-K gives people news: the vote at the annual meeting (Item 4 before 2010),
# "Other Information", and MD&A passages under a heading about management or the board.
_REPORT_ITEM = re.compile(
    r"(?im)^[ \t]*Item[ \t]*\d{1,2}[A-C]?[ \t]*[.:]?[ \t]*(?P<title>Submission[ \t]+of[ \t]+"
    r"Matters[ \t]+to[ \t]+a[ \t]+Vote[^\n]*|Other[ \t]+Information)[ \t]*\.?[ \t]*$"
)
_REPORT_HEADING = re.compile(
    r"(?im)^[ \t]*(?:(?:Changes?|Transitions?)[ \t]+(?:in|to|of)[ \t]+(?:the[ \t]+)?(?:Senior[ \t]+|"
    r"Executive[ \t]+)?(?:Management|Officers|Board(?:[ \t]+of[ \t]+Directors)?|Directors|"
    r"Leadership)|(?:Senior[ \t]+|Executive[ \t]+)?(?:Management|Officer|Board|Director|Leadership|"
    r"Executive)[ \t]+(?:Changes?|Transitions?))[ \t]*$"
)
# How far before the end of the period news can be: a quarter or a year, and some slack.
_NEWS_WINDOW = {True: dt.timedelta(days=105), False: dt.timedelta(days=380)}
_PERIOD_ENDED = re.compile(
    r"(?i)\b(?:quarterly\s+period|fiscal\s+year|quarter|year|period)\s+ended\s*:?\s+"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})"
)


def find_report_sections(text: str) -> list[Section]:
    """A periodic report's parts that can carry people news, in text order."""
    found = []
    for m in _REPORT_ITEM.finditer(text):
        found.append(Section(m.end(), _report_section_end(text, m.end()), "report"))
    for m in _REPORT_HEADING.finditer(text):
        end = _report_section_end(text, m.end())
        previous = None
        for line in _lazy_lines(text, m.end(), end):
            body = text[line.start : line.end]
            if (
                previous is not None
                and re.search(r"\n[ \t]*\n", text[previous : line.start])
                and is_heading_like(body)
                and not body.endswith((".", ",", ";", ":"))
            ):
                end = line.start  # the next heading of the discussion
                break
            previous = line.end
        found.append(Section(m.end(), end, "report"))
    return _first_of_overlapping(found)


_REPORT_NEXT = re.compile(
    r"(?im)^[ \t]*(?:Item[ \t]*\d{1,2}[A-C]?\b|Part[ \t]+I{1,3}V?\b|Signatures?[ \t]*$|"
    r"Executive[ \t]+Officers[ \t]+of[ \t]+the[ \t]+(?:Registrant|Company))"
)


def _report_section_end(text: str, pos: int) -> int:
    """The next item or part heading, in whatever case the report writes it."""
    m = _REPORT_NEXT.search(text, pos)
    return m.start() if m else len(text)


def extract_report_events(
    text: str,
    *,
    filed: dt.date | None,
    sequence: str,
    registrant: str = "",
    quarterly: bool = True,
) -> list[EventCandidate]:
    """People events a 10-Q or 10-K gives as news: directors elected at the meeting, a
    resignation or new directors told in the discussion. A dated event from well before the
    period (a resignation of last year told again) is background and gives nothing."""
    sections = find_report_sections(text)
    if not sections:
        return []
    people = People(text[: max(s.end for s in sections)], organizations=(registrant,))
    org = _registrant(text, registrant)
    period = _period_end(text)
    if period is None and filed is not None:
        period = filed - dt.timedelta(days=45)
    oldest = period - _NEWS_WINDOW[quarterly] if period else None
    hits: list[tuple[Hit, str]] = []
    for section in sections:
        spans = sentences(text, section.start, section.end)
        found = _list_hits(text, section, people, org, spans)
        for s in spans:
            found.extend(sentence_hits(text, s, people, filed, org, compensation=False))
        for hit in found:
            dated = hit.date or _paragraph_date(text, section.start, hit.sentence.start)
            if oldest and dated and dated < oldest:
                continue
            hit.date = dated
            hits.append((hit, "report"))
    return merge_hits(text, hits, sequence, org)


def _period_end(text: str) -> dt.date | None:
    """The end of the period a report covers, from its cover ("For the quarterly period
    ended June 27, 1997")."""
    m = _PERIOD_ENDED.search(text, 0, 5000)
    return parse_date(m.group("date")) if m else None


def _paragraph_date(text: str, start: int, pos: int) -> dt.date | None:
    """The last date told before pos in its section ("The Company announced on August 6,
    1997 ... The new directors are ...", "The annual meeting was held on ...")."""
    dates = find_dates(text, max(start, pos - 600), pos)
    return dates[-1].date if dates else None


_CONDITIONAL_WORDS = re.compile("if|event|should|upon|unless|whether|case")
_IF_BEFORE = re.compile(r"\b(?:if|in\s+the\s+event|should|unless)\b")
_NEGATED_WORDS = re.compile("not|longer|yet")


def sentence_hits(
    text, s: Span, people: People, filed, org: str, *, compensation: bool = True
) -> list[Hit]:
    refs = people.refs_in(s.start, s.end)
    if not refs:
        return []
    masks = _masked(text, s.start, s.end)
    committees = _committees(text, s)
    committee_verbs = [(a, b) for a, b, _, _ in committees]
    triggers = [
        t for t in _triggers(text, s, masks) if not any(a <= t[1] < b for a, b in committee_verbs)
    ]
    dates = find_dates(text, s.start, s.end)
    ordered = sorted(
        [(t[0], t[1], t[2], t[3]) for t in triggers]
        + [("named-to-committee", a, b, "committee") for a, b, _, _ in committees],
        key=lambda t: t[1],
    )
    hits: list[Hit] = []
    org = _organization(text, s, org)
    # The words the patterns below need are looked for before each trigger first (all
    # patterns are tried when the sentence has a character lower-casing misreads, as in
    # _triggers).
    lowered = _lowered(text[s.start : s.end])
    for index, (event_type, a, b, direction) in enumerate(ordered):
        head = a - s.start
        if (
            (lowered is None or _CONDITIONAL_WORDS.search(lowered, 0, head))
            and _CONDITIONAL.search(text[s.start : a])
            and event_type != "named-to-committee"
        ):
            if _IF_BEFORE.search(text[max(s.start, a - 60) : a]):
                continue
        if (
            (lowered is None or _NEGATED_WORDS.search(lowered, 0, head))
            and _NEGATED.search(text, s.start, a)
        ) or _background(text, s, a, b, direction):
            continue
        if event_type in _TAKING and _INTENDS.search(text, max(s.start, a - 30), a):
            continue  # "the Board intends to elect X": not done yet
        if (
            event_type in _DEPARTURES
            and text.find("ed ", max(s.start, a - 40), a) >= 0
            and _ASKED.search(text, max(s.start, a - 40), a)
        ):
            continue  # "the Board has asked him to resign his seat": not done
        if event_type == "appointed" and _SOMEONES_DUTIES.match(text, b):
            continue  # "will assume Ms. Inglewood's responsibilities": work, not a post
        if event_type in _TAKING and text.startswith("to ", a) and _intended_clause(text, s, a):
            continue  # "... intends to elect X to succeed him": the succession is planned too
        targets = [
            t
            for t in _targets(text, s, refs, ordered, index, event_type, a, b, direction)
            if not _EXCEPT_BEFORE.search(text, max(s.start, t.start - 25), t.start)
            and not (event_type in _TAKING and _AS_OBSERVER.match(text, t.end, s.end))
        ]  # ("each nominee other than Mr. Ferreira ... was elected": not he; an observer
        # sits with the board without a seat)
        if not targets:
            continue
        next_start = ordered[index + 1][1] if index + 1 < len(ordered) else s.end
        if _year_only_past(text, a, next_start, filed):
            continue
        date = _date_for(dates, ordered, index)
        shared = []
        if (
            len(targets) > 1
            and direction in ("verb", "noun")
            and event_type != "named-to-committee"
        ):
            # "voted to remove A and B as directors", "elected A and B, the nominees of the
            # requesting shareholders, to fill the vacancies": the position told after the last
            shared = _roles_for(text, s, targets[-1], b, event_type, refs)
            if not shared and _LEFT_BOARD.match(text, targets[-1].end, s.end):
                shared = ["director"]
        respective = []
        own_titles = (
            direction == "subject"
            and targets[-1].end < a
            and all(
                _APPOSED_AND.fullmatch(text, t.end, u.start) for t, u in itertools.pairwise(targets)
            )
        )
        if len(targets) > 1 and event_type != "named-to-committee" and not own_titles:
            # ("A, Treasurer, and B, Controller, resigned ..., respectively": each has a title
            # of their own, and "respectively" is about something else.)
            # "A and B were appointed Chief Financial Officer and Treasurer, respectively":
            # the positions go to the people in order.
            told = shared or _roles_for(text, s, targets[-1], b, event_type, refs)
            respective = _respective(text, told, len(targets), b, s.end)
            if not respective and direction == "subject" and targets[-1].end < a:
                # "A and B, the Company's Chief Financial Officer and General Counsel,
                # respectively, informed the Company ...": the positions before the verb
                respective = _respective(text, told, len(targets), targets[-1].end, a)
        dated = [date] * len(targets)
        if len(targets) > 1 and _RESPECTIVELY.match(text, b, s.end):
            # "effective May 1 and June 1, 2025, respectively": a day for each, in order
            days = [d.date for d in dates if b <= d.start < next_start]
            dated = days if len(days) == len(targets) else dated
        for i, ref in enumerate(targets):
            date = dated[i]
            if event_type == "named-to-committee":
                name, end = next((c[2], c[3]) for c in committees if c[0] == a)
                roles = _each_committee(_committee_name(name)) + _more_committees(text, end, s.end)
                if len(roles) == 1 and _chairs_it(text, refs, ref, end, s.end):
                    roles = [f"Chair of the {roles[0]}"]
                if len(roles) == len(targets) > 1 and _RESPECTIVELY.match(text, b, s.end):
                    roles = [roles[i]]  # "A and B to the Audit and Risk Committees, respectively"
            elif respective:
                roles = [respective[i]]
            else:
                roles = _roles_for(text, s, ref, b, event_type, refs) or shared
                if not roles and ref.pronoun:
                    # "X, the Company's Chief Legal Officer, told the Board she will resign":
                    # the name earlier in the sentence carries the position.
                    named = [r for r in refs if r.person is ref.person and not r.pronoun]
                    named = [r for r in named if r.end <= ref.start]
                    if named:
                        roles = _roles_for(text, s, named[-1], b, event_type, refs)
            not_standing = event_type == "retired" and _RE_ELECTION.search(text, a, b)
            told = _role_span(text, s, ref, b, event_type, refs) if not_standing else None
            if not_standing and (told is None or told[1] <= a):
                # One who will not stand for re-election leaves the seat, whatever else an
                # appositive calls them ("X, the Lead Independent Director, will not stand").
                roles = []
            if not roles and direction == "subject" and not not_standing:
                stated = _stated_position(text, s, ref, refs)
                roles = [stated[0]] if stated else []
            if event_type == "died":
                roles = [_title_at_death(text, s, r) for r in roles]
            if not roles and not_standing:
                roles = ["director"]  # "will not stand for re-election": the board seat
            if (
                not roles
                and event_type in _DEPARTURES
                and (
                    _LEFT_BOARD.match(text, b, s.end)
                    or ref.start >= b
                    and _LEFT_BOARD.match(text, ref.end, s.end)
                )
            ):
                roles = [
                    "director"
                ]  # "resigned as directors", "the resignation of X as a director"
            if (
                event_type in _TAKING
                and roles
                and text.find("which", max(s.start, a - 60), a) >= 0
                and _WHICH_BEFORE.search(text, max(s.start, a - 60), a)
            ):
                # "to the Compensation Committee, of which he will serve as chair": its chair
                roles = [r for r in roles if not _CHAIR.fullmatch(r)]
                if not roles:
                    continue
            if (
                event_type in _DEPARTURES
                and roles
                and all(_INTERIM_ROLE.match(r) for r in roles)
                and _GOES_BACK.search(text, b, s.end)
            ):
                continue  # "ceased to serve as Interim CEO and continues as President": back
            if event_type == "appointed" and roles:
                roles = [r for r in roles if not _serves_a_committee(text, r, b, s.end)]
                if not roles:
                    continue
            unsaid = False
            if event_type == "appointed" and direction == "subject" and not roles:
                # "became", "joined", "will succeed": only with the position it names, or
                # for a successor, the one the person succeeded leaves ("C and D will
                # succeed them, respectively")
                if not _SUCCEED_VERB.match(text, a):
                    continue
                unsaid = True
            # The role as the text writes it, line breaks and all ("Chief\nFinancial Officer").
            told_at = (
                _written(text, roles[0], ref.end, ref.end + 60 + len(roles[0]))
                if len(roles) == 1 and event_type in ("appointed", "elected")
                else None
            )
            apposed = (
                told_at is not None
                and not ref.pronoun
                and bool(_APPOSITIVE_START.match(text, ref.end))
                and not re.search(r"\bas\s", text[ref.end : told_at[0]])
            )
            if apposed:
                seat = _SEAT_AFTER_APPOSITIVE.match(text, told_at[1], s.end)
                if seat:
                    # "elected Ada Voss, Chief Executive Officer of Tallis Corp., a director":
                    # the appositive is her job elsewhere, the seat is the news.
                    trustee = "rustee" in seat.group()
                    roles, apposed = ["trustee" if trustee else "director"], False
            for role in roles or [""]:
                hit = Hit(ref.person, event_type, a, b, role, org, date, None, s)
                hit.apposed = apposed
                hit.unsaid = unsaid
                if ref.pronoun and {
                    id(r.person) for r in refs if not r.pronoun and r.end <= ref.start
                } != {id(ref.person)}:
                    # ("Ingrid Holm advised the Board of her intention to retire": the one
                    # person named before "her" in the sentence is no guess.)
                    hit.infer(f"the person “{text[ref.start : ref.end]}” refers to", 0.85)
                hits.append(hit)
    serving = text.find("serv", s.start, s.end) >= 0 and text.find(" with ", s.start, s.end) >= 0
    for m in _WITH_SERVING.finditer(text, s.start, s.end) if serving else ():
        # "... were appointed as directors, with Mr. Lindahl serving as Chairman of the Board"
        ref = next((r for r in refs if r.start <= m.start("who") < r.end), None)
        t = title_at(text, m.end(), s.end) if ref and not ref.pronoun else None
        if t and any(h.person is ref.person and h.event_type in _TAKING for h in hits):
            role = _board_title(clean_title(text[t[0] : t[1]]))
            hits.append(
                Hit(
                    ref.person,
                    _type_for("appointed", role),
                    m.start(),
                    m.end(),
                    role,
                    org,
                    None,
                    None,
                    s,
                )
            )
    hits += _roster_hits(text, s, refs, org, dates)
    leavers = [h.person for h in hits if h.event_type in _DEPARTURES]
    hits += _successions(text, s, refs, leavers, people)
    if compensation and _pay_change(text, s):
        comp = [
            m for m in _COMPENSATION.finditer(text, s.start, s.end) if not _inside(m.start(), masks)
        ]
        if comp:
            seen = set()
            for ref in refs:
                if id(ref.person) in seen or ref.pronoun:
                    continue
                seen.add(id(ref.person))
                found = _role_span(text, s, ref, ref.end, "compensation-change")
                found = found or _stated_position(text, s, ref, refs)
                role = found[0] if found else ""
                hits.append(
                    Hit(
                        ref.person,
                        "compensation-change",
                        comp[0].start(),
                        comp[0].end(),
                        role,
                        org,
                        None,
                        None,
                        s,
                    )
                )
    return hits


_RESPECTIVELY = re.compile(r"(?:[^.;]|\b[A-Z]\.){0,250}?\brespectively\b")
# How a combined title may split into one position each: at semicolons, at "and", then at
# commas and "and" ("Senior Vice President, Operations and Treasurer" is two posts for two).
_RESPECTIVE_SPLITS = (
    re.compile(r"\s*;\s*(?:and\s+)?"),
    re.compile(r",?\s+and\s+"),
    re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+"),
)


def _respective(text: str, roles: list[str], count: int, at: int, end: int) -> list[str]:
    """The positions told for `count` people with "respectively" after them, one each in
    order, or [] when the sentence says no "respectively" or the parts do not count out."""
    if not roles or not _RESPECTIVELY.match(text, at, end):
        return []
    if len(roles) == count:
        return roles
    if len(roles) != 1:
        return []
    parts = _cut_positions(roles[0], count)
    if parts:
        return parts
    for split in _RESPECTIVE_SPLITS:
        parts = [p for p in split.split(roles[0]) if p.strip()]
        if len(parts) == count:
            return parts
    return []


_TITLE_UNIT = re.compile(UNIT_PATTERN, re.IGNORECASE)
_UNIT_GAP = re.compile(r"\s*;\s*(?:and\s+)?|\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+|\s*&\s*")
_STARTS_COMBINED = re.compile(r"(?i)(?:executive\s+|senior\s+)?(?:vice\s+)?president\b")


def _cut_positions(title: str, count: int) -> list[str]:
    """A title of several posts cut into `count` positions, one a person: at its strongest
    separators first (semicolons, then commas, then "and"), and among equals before a
    "President" or "Vice President", which starts a combined post ("Chief Executive Officer
    and President and Chief Operating Officer" is CEO, and President and COO). A comma inside
    a post ("Senior Vice President, Operations") is the post's own. [] when the title is not
    made of posts only."""
    units, gaps, at = [], [], 0
    for m in _TITLE_UNIT.finditer(title):
        if units:
            gap = title[at : m.start()]
            if not _UNIT_GAP.fullmatch(gap):
                return []
            strength = 3 if ";" in gap else 2 if "," in gap else 1
            gaps.append((strength, bool(_STARTS_COMBINED.match(title, m.start())), at, m.start()))
        elif title[: m.start()].strip():
            return []
        units.append(m)
        at = m.end()
    if len(units) < count or title[at:].strip():
        return []
    cuts = sorted(gaps, key=lambda g: (-g[0], not g[1], g[2]))[: count - 1]
    if len(cuts) != count - 1:
        return []
    parts, start = [], 0
    for _, _, gap_start, gap_end in sorted(cuts, key=lambda g: g[2]):
        parts.append(title[start:gap_start])
        start = gap_end
    parts.append(title[start:])
    return [p.strip() for p in parts]


_FILER_AND_SUBSIDIARY = re.compile(
    r"^(?P<filer>.+?)\s+of\s+the\s+(?:Company|Corporation|Registrant)\s+and\s+.+\s+of\s+(?:its|the)\s+"
)
_PAST_PART = re.compile(
    r"\s+(?:and|&)\s+(?P<part>[^,;]+?)\s+from\s+(?:19|20)\d\d\s+(?:through|to|until)\b"
)


def _title_at_death(text: str, s: Span, role: str) -> str:
    """The title someone held when they died: at the filer when a subsidiary's is also given
    ("Vice Chairman of the Board of the Corporation and Chairman of the Board of its
    subsidiary"), without a post held years before ("its Chairman Emeritus and Chief
    Executive Officer from 1990 through 2002")."""
    m = _FILER_AND_SUBSIDIARY.match(role + " of its ")
    if m and " of its " not in m.group("filer"):
        return m.group("filer")
    found = _spaced(role).search(text, s.start, s.end)
    if found and " and " in role:
        past = _PAST_PART.search(text, found.start(), min(s.end, found.end() + 40))
        if past and past.end("part") >= found.end():
            return role[: role.rfind(" and ")]
    return role


def _written(text: str, role: str, start: int, end: int) -> tuple[int, int] | None:
    """Where `role` is written in text[start:end], whatever whitespace it is set with."""
    at = text.find(role, start, end)
    if at >= 0:
        return at, at + len(role)
    m = _spaced(role).search(text, start, end)
    return (m.start(), m.end()) if m else None


@functools.lru_cache(maxsize=1024)
def _spaced(role: str) -> re.Pattern:
    return re.compile(r"\s+".join(map(re.escape, role.split())))


# Matched where a name ends, in place: a slice of the rest of the text for each hit made
# the whole item's reading grow with the square of its length.
_APPOSITIVE_START = re.compile(r"\s*,\s*(?:the\s+Company['’]s\s+|its\s+|our\s+)?")
_LEFT_BOARD = re.compile(
    r"\s+(?:as\s+(?:a\s+|an\s+)?(?:(?:independent|non-employee)\s+)?(?:directors?|trustees?|"
    r"members?\s+of\s+(?:the|its|our)\s+(?:\w+\s+){0,3}?[Bb]oard)|from\s+(?:the|its|our)\s+"
    r"(?:[\w’'-]+\s+){0,3}?(?:[Bb]oard|[Bb]oards\s+of\s+[Dd]irectors))\b"
)
_RE_ELECTION = re.compile(r"(?i)\bre-?election\b")
_SEAT_AFTER_APPOSITIVE = re.compile(
    r"(?:,?\s*(?:Inc|Corp|Co|Ltd|LLC|L\.P|N\.A)\b)?"  # "CEO of Tarrow Logistics, Inc., to the Board"
    r"\.?(?:[^.;,]|\b(?:Inc|Corp|Co|Ltd|L\.P|N\.A)\.){0,80}?,\s*(?:as\s+)?(?:(?:a|an)\s+(?:(?:independent|new|"
    r"non-employee|Class\s+\w+)\s+)?(?:[Dd]irector|[Tt]rustee|member\s+of\s+(?:the|its|our)\s+[Bb]oard)|to\s+(?:the|its|our)"
    r"\s+[Bb]oard)\b"
)
_SUCCEEDS = "succeeds"  # not an event: who takes whose place, for the roles left unsaid
_SUCCEED_VERB = re.compile(
    r"\b(?:(?:to|will)\s+(?:succeed|replace)|succeeds|succeeded|succeeding|replaces|replaced|"
    r"replacing)\s+",
    re.IGNORECASE,
)


# A position held at the filer, told in a clause after the name: "X, the Company's Chief
# Legal Officer, notified ...", "who was, at the time of his passing, its Chairman", "who
# has served as the Company's Controller", "who has been acting as interim Chief Financial
# Officer", "who serves as a director".
_HELD_AS = re.compile(
    r"(?:\b(?:was|is|as)|,)\s+(?:at\s+the\s+time\s+of\s+(?:his|her|their)\s+\w+,\s*)?"
    r"(?=(?:its|our|the\s+(?:Company|Bank|Corporation|Registrant)['’]s)\s+"
    r"(?:interim\s+|acting\s+)?[A-Z])|"
    r"\b(?:served|serves|serving|acted|acts|acting)\s+as\s+"
)
# What "will become its Chief Operating Officer" names outranks a seat held beside it.
_BECOMES = re.compile(
    r"\b(?:become|becomes|became)\s+"
    r"(?=(?:its|our|the\s+(?:Company|Bank|Corporation|Registrant)['’]s)\s+[A-Z])"
)
# "X, formerly the Company's Chief Financial Officer, ...", "who previously served as": a
# position left before, not the one this event is about (the time up to a death is not).
_PAST_HELD = re.compile(
    r"(?i)\b(?:former|formerly|previously|"
    r"(?:until|prior\s+to|before)(?!\s+(?:his|her|their)\s+(?:death|passing)\b))\b"
)


def _stated_position(text: str, s: Span, ref: Ref, refs: list[Ref]):
    """The position the sentence gives the person at the filer, in a clause between their
    name and the next person's, as (role, end offset): what a departure, a death or a pay
    change told without the position after the verb is about, or what "will become" names."""
    # This mention first, then the person's earlier names in the sentence ("John Doe, the
    # Company's COO, and the Company agreed that Mr. Doe would step down").
    named = [r for r in refs if r.person is ref.person and not r.pronoun and r.end <= ref.end]
    for at in reversed(named[-3:]):
        nxt = next((r.start for r in refs if r.start > at.end and r.person is not at.person), s.end)
        for m in _position_leads(text, at.end, nxt):
            t = title_at(text, m.end(), nxt)
            if t:
                return _held_since(text, t, nxt)
    # "announced that its President and Chief Executive Officer, Dale Roe, died": the post
    # before the name, set off by commas.
    for at in reversed(named[-3:]):
        comma = _COMMA_BEFORE.search(text, max(s.start, at.start - 3), at.start)
        if not comma:
            continue
        t = title_before(text, s.start, comma.start())
        if t and _OWN_BEFORE.search(text, max(s.start, t[0] - 24), t[0]):
            return _board_title(clean_title(text[t[0] : t[1]])), at.end
    return None


def _held_since(text: str, t: tuple[int, int], end: int) -> tuple[str, int]:
    """The title at t, with a second one joined after its date: "a trustee since 2004 and
    Chair of the Board of Trustees since 2015" holds both."""
    role = _board_title(clean_title(text[t[0] : t[1]]))
    office = _FOUNDER_AND_ITS.match(text, t[1], end) if _FOUNDER.fullmatch(role) else None
    t2 = title_at(text, office.end(), end) if office else None
    if t2:
        # "the founder of the Company and its Chairman and Chief Executive Officer": a
        # founder holds no office by founding; the office is the one after.
        return _board_title(clean_title(text[t2[0] : t2[1]])), t2[1]
    more = _SINCE_AND.match(text, t[1], end)
    t2 = title_at(text, more.end(), end) if more else None
    if t2 and ("ommittee" in text[t2[0] : t2[1]] or _OF_ITS_COMMITTEE.match(text, t2[1], end)):
        t2 = None  # "and Chairman of its Audit Committee": a committee's chair, not a post
    if t2:
        return f"{role} and {_board_title(clean_title(text[t2[0] : t2[1]]))}", t2[1]
    return role, t[1]


_FOUNDER_AND = re.compile(r"^(?i:co-?)?[Ff]ounder(?:\s*,\s*|\s+and\s+)(?=[A-Z])")
_FOUNDER = re.compile(r"(?i)(?:co-?)?founder(?:\s+of\s+.+)?")
_FOUNDER_AND_ITS = re.compile(
    r"[^;()]{0,80}?(?:\s*\([^)]{0,40}\))?\s*,?\s+and\s+(?:its|our|the\s+Company['’]s)\s+"
)
_OF_ITS_COMMITTEE = re.compile(r"\s+of\s+(?:the|its|our)\s+[^.;,]{0,60}?\b[Cc]ommittee\b")
_SINCE_AND = re.compile(
    r"\s+since\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+and\s+(?:(?:the|its|our|a|an)\s+)?(?=[A-Za-z])"
)
_COMMA_BEFORE = re.compile(r",\s*$")
_OWN_BEFORE = re.compile(
    r"\b(?:its|our|their|the\s+(?:Company|Corporation|Bank|Trust|Partnership)['’]s)\s+$"
)


def _position_leads(text: str, start: int, end: int):
    """Where a position may start in the clause after a name, the likeliest first: the title
    right after it ("John Doe, Senior Vice President, Operations, and ..."), what the person
    becomes, then each place the clause says what the person holds or has held."""
    m = _APPOSITIVE_START.match(text, start, end)
    if m:
        yield m
    m = _BECOMES.search(text, start, end)
    if m:
        yield m
    for m in _HELD_AS.finditer(text, start, end):
        if _PAST_HELD.search(text, start, m.end()):
            return
        yield m


# "In connection with Ms. Kahn's resignation, the Board appointed Pia Lund", "in connection
# with the retirement of Teo Frame, ...": the one leaving is named first, the newcomer after.
_IN_CONNECTION = re.compile(
    r"\b[Ii]n\s+connection\s+with\s+(the\s+(?:retirement|resignation|departure)\s+of\s+)?"
)
_LEAVING_AFTER = re.compile(r"(?:['’]s)?\s+(?:retirement|resignation|departure)\b")


def _successions(
    text: str, s: Span, refs: list[Ref], leavers: list[Person] = (), people: People | None = None
) -> list[Hit]:
    """Who takes whose place, as a hit for the newcomer with `other` the one succeeded. "She
    succeeds Marcus Fell", "appointed Thomas Okafor ... to succeed her", "replacing Ben
    Toll": the one succeeded is the person right after the verb, the newcomer the nearest
    other person before it ("appointed X, who reported to Ms. Y, to succeed her"). "In
    connection with Ms. Kahn's resignation, the Board appointed Pia Lund", "X will be
    succeeded by Y": the other way round. "appointed A and B to succeed them, respectively"
    pairs the newcomers in order with the people leaving (`leavers`, those of the sentence's
    departures, in order, else the people named last before it)."""
    found = []  # (match, newcomer, person succeeded)
    for m in _SUCCEED_VERB.finditer(text, s.start, s.end):
        if _RESPECTIVELY.match(text, m.end(), s.end):
            pairs = _respective_successions(text, s, refs, m, leavers, people)
            if pairs:
                found += [(m, new, old) for new, old in pairs]
                continue
        if m.group().casefold().startswith(("succeeded", "replaced")) and _PASSIVE_BEFORE.search(
            text, max(s.start, m.start() - 40), m.start()
        ):
            # "X will be succeeded by Y", "X is being replaced as Treasurer by Y" ("Y is
            # succeeding X" is active)
            by = _AGENT.match(text, m.end(), s.end)
            new = next((r for r in refs if by and by.end() <= r.start <= by.end() + 5), None)
            before = [r for r in _refs_before(refs, m.start()) if not _possessive(text, r)]
            if new and before and before[-1].person is not new.person:
                found.append((m, new, before[-1].person))
            continue
        after = next((r for r in refs if m.end() <= r.start <= m.end() + 5), None)
        if after is None:
            continue
        before = [
            r
            for r in _refs_before(refs, m.start())
            if r.person is not after.person and not _possessive(text, r)
        ]
        if before:
            found.append((m, before[-1], after.person))
    for m in _IN_CONNECTION.finditer(text, s.start, s.end):
        leaver = next((r for r in refs if m.end() <= r.start <= m.end() + 5), None)
        if leaver is None or not (m.group(1) or _LEAVING_AFTER.match(text, leaver.end)):
            continue
        later = (r for r in refs if r.start > leaver.end and r.person is not leaver.person)
        newcomer = next(later, None)
        if newcomer:
            found.append((m, newcomer, leaver.person))
    successor = text.find("successor", s.start, s.end) >= 0
    for m in _AS_SUCCESSOR.finditer(text, s.start, s.end) if successor else ():
        # "the appointment of its Senior Vice President, Olga Petrov, as his successor"
        pronoun = next((r for r in refs if r.start == m.start("who")), None)
        named = [r for r in _refs_before(refs, m.start()) if not r.pronoun]
        if pronoun is None or not named:
            continue
        new = named[-1]
        # Nobody is their own successor: "his" is someone before the newcomer.
        others = [r.person for r in named if r.person is not new.person]
        old = pronoun.person if pronoun.person is not new.person else others[-1] if others else None
        if old is not None:
            found.append((m, new, old))
    return [
        Hit(new.person, _SUCCEEDS, m.start(), m.end(), sentence=s, other=old, pronoun=new.pronoun)
        for m, new, old in found
    ]


_AS_SUCCESSOR = re.compile(r"\bas\s+(?P<who>his|her)\s+(?:permanent\s+)?successor\b")


# What stands between a passive "succeeded" and its agent: "by", or the post and "by".
# "succeeded in those roles by Y": the posts the one succeeded leaves.
_AGENT = re.compile(
    r"\s*(?:as\s+(?P<post>[^.;]{0,80}?)\s+|(?P<those>in\s+(?:that|those|this|these|both|all)\s+"
    r"(?:roles?|positions?|capacit(?:y|ies)|offices?|posts?)\s+))?by\s+"
)
_AS_AFTER_AGENT = re.compile(r"(?:\s*,\s*(?:who\s+)?[^.;,]{0,80}?,)?\s*(?:as|to\s+serve\s+as)\s")


def _respective_successions(text, s: Span, refs: list[Ref], m: re.Match, leavers, people):
    """(newcomer ref, person succeeded) for "A and B ... to succeed C and D (or them),
    respectively", or [] when the two lists do not count out."""
    before = [r for r in _refs_before(refs, m.start()) if not r.pronoun]
    if not before:
        return []
    newcomers = [before[-1]]
    for r in reversed(before[:-1]):
        if not re.fullmatch(r"\s*(?:,|,?\s*and|&)\s*", text[r.end : newcomers[0].start]):
            break
        newcomers.insert(0, r)
    if len(newcomers) < 2:
        return []
    taken = {id(r.person) for r in newcomers}
    if re.match(r"them\b", text[m.end() : m.end() + 5]):
        old = list({id(p): p for p in leavers if id(p) not in taken}.values())
        if not old and people is not None:
            # "A and B resigned ... . The Board appointed C and D to succeed them,
            # respectively": the last people named before, in the order they were named.
            told = people.refs_in(max(0, s.start - 1500), s.start)
            told += [r for r in refs if r.end <= newcomers[0].start]
            last = {}
            for r in told:
                if id(r.person) not in taken:
                    last.pop(id(r.person), None)
                    last[id(r.person)] = r.person
            old = list(last.values())[-len(newcomers) :]
    else:
        first = next((r for r in refs if m.end() <= r.start <= m.end() + 5), None)
        old = [r.person for r in _objects(refs, first.start, len(text), text)] if first else []
    if len(old) != len(newcomers):
        return []
    return list(zip(newcomers, old, strict=True))


# "The new directors are A, President of X; B, ...; and C": a roster of people just elected.
_ROSTER = re.compile(
    r"\b(?:[Tt]he\s+|[Oo]ur\s+|[Ii]ts\s+)?(?:new(?:ly[\s-]+(?:elected|appointed))?|additional)\s+"
    r"(?:independent\s+|non-employee\s+)?(?:directors|members\s+of\s+the\s+[Bb]oard|trustees)\s+"
    r"(?:of\s+the\s+(?:Company|Board|Corporation|Trust)\s+)?(?:are|were|include|included)\s*:?\s+"
)


def _roster_hits(text: str, s: Span, refs: list[Ref], org: str, dates) -> list[Hit]:
    """An election for each person who opens an item of the roster; items are cut at
    semicolons when there are any (each may describe its person with commas), else at
    commas and "and"."""
    if text.find("new", s.start, s.end) < 0 and text.find("additional", s.start, s.end) < 0:
        return []  # the roster's lead-in has one of the two
    m = _ROSTER.search(text, s.start, s.end)
    if not m:
        return []
    rest = text[m.end() : s.end]
    cut = r"\s*;\s*(?:and\s+)?" if ";" in rest else r"\s*,\s*(?:and\s+)?|\s+and\s+"
    starts = [m.end()] + [m.end() + c.end() for c in re.finditer(cut, rest)]
    date = dates[0].date if dates else None
    hits = []
    for at in starts:
        ref = next((r for r in refs if not r.pronoun and at <= r.start <= at + 1), None)
        if ref:
            hits.append(
                Hit(ref.person, "elected", m.start(), m.end(), "director", org, date, None, s)
            )
    return hits


# "did not resign because of a disagreement", "has not yet determined ... will be named"
_NEGATED = re.compile(
    r"\b(?:not\s+yet|has\s+not|have\s+not|had\s+not|did\s+not|does\s+not|no\s+longer|"
    r"has\s+yet\s+to)\b(?:[^.;,]|\b(?:Mr|Ms|Mrs|Dr|[A-Z])\.)*$",
    re.IGNORECASE,
)
_ASKED = re.compile(
    r"\b(?:asked|requested|urged|called\s+on|called\s+upon)\s+(?:him|her|them|"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+$"
)
_SOMEONES_DUTIES = re.compile(
    r"\s+(?:(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}['’]s|his|her|their|"
    r"these|those|such|certain|some)\s+(?:\w+\s+)?(?:responsibilities|duties|functions)\b"
)
_INTENDED = re.compile(r"\b(?:intends?|intended|expects?|expected|anticipates?|plans?)\s+to\s")


def _intended_clause(text: str, s: Span, a: int) -> bool:
    """Whether the clause before `a` (from the last ", and" or ";") says what is only intended."""
    start = max(s.start, a - 160)
    breaks = list(_NEXT_CLAUSE.finditer(text, start, a))
    return bool(_INTENDED.search(text, breaks[-1].end() if breaks else start, a))


_INTENDS = re.compile(
    r"\b(?:intends?|intended|expects?|expected|anticipates?|plans?|may|might|would|could)\s+to\s*$|"
    r"\b(?:may|might|would|could)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_NO_PAY_CHANGE = re.compile(
    r"\b(?:did\s+not\s+(?:increase|change|adjust|raise)|will\s+remain|remains?\s+unchanged|"
    r"no\s+changes?\s+(?:to|in))\b|\bnon-employee\s+directors?\b|\bdirector\s+compensation\b|"
    # What a contract provides is its terms, not a change of pay.
    r"\bprovides?\s+(?:that|for)\b|\bwould\s+(?:be\s+entitled|receive)\b|"
    r"\b(?:separation|severance)\s+(?:agreement|pay|payments?|benefits?)\b|"
    # a relative's pay told under the related-person rule is no change
    r"\bless\s+than\s+\$120,000\b|\brelated\s+person\b|"
    # "As required by his employment agreement, Mr. X also resigned": the contract is a cause
    r"\b(?:as\s+required\s+by|pursuant\s+to|in\s+accordance\s+with|under\s+the\s+terms\s+of)\s+"
    r"(?:his|her|their|the)\s+employment\s+agreement\s*,",
    re.IGNORECASE,
)


# A word of each of _COMPENSATION's phrases, in lower case: a sentence with none of them
# is not tried with the pattern.
_COMPENSATION_WORDS = (
    "compensat", "salar", "bonus", "equity", "restricted", "stock", "option", "rsu", "psu",
    "performance", "employment", "offer", "retention", "sign", "retainer", "target",
    "incentive", "grant", "receive", "entitled", "award",
)  # fmt: skip


def _pay_change(text: str, s: Span) -> bool:
    """A sentence that changes someone's pay; director fees and unchanged pay are not."""
    sentence = text[s.start : s.end]
    if not FOLDS_TO_ASCII.search(sentence) and not _any_in(sentence.lower(), _COMPENSATION_WORDS):
        return False
    return bool(_COMPENSATION.search(text, s.start, s.end)) and not _NO_PAY_CHANGE.search(
        text, s.start, s.end
    )


def _background(text: str, s: Span, a: int, b: int, direction: str) -> bool:
    """A past event told as background: "vacant since the retirement of X", "until her
    retirement", "a retired partner of a law firm"."""
    before = text[max(s.start, a - 30) : a]
    if direction == "noun" and re.search(
        r"\b(?:since|until|before|prior\s+to)\s+(?:the|his|her|their)\s+$", before, re.I
    ):
        return True
    if direction == "noun" and _VACANCY_BY.search(text, max(s.start, a - 50), a):
        # "to fill the vacancy created by the death of X": why the seat is open, told
        # when it happened
        return True
    if direction == "noun" and re.search(
        r"\b(?:[Ii]n\s+connection\s+with|[Uu]pon|[Ff]ollowing|[Aa]fter)\s+(?:his|her|their|[A-Z][\w.’'-]*"
        r"(?:\s+[A-Z][\w.’'-]*)*['’]s?)\s+(?:\w+\s+)?$",
        before,
    ):
        # "In connection with his promotion, Mr. X's salary was increased", "Effective upon
        # Ms. Roe's appointment, ...": the possessive points back to an appointment told
        # elsewhere; this sentence is about its terms. ("Upon the appointment of X" may be
        # the news itself.)
        if re.search(r"\b[Ii]n\s+connection\s+with\s+(?:his|her|their)\s+\w*\s*$", before):
            return True  # "In connection with his departure, the Company and X agreed ..."
        return text[a:b].casefold() in ("appointment", "promotion", "election", "hiring")
    # "As previously reported, X retired ...", "X, who, as previously disclosed, stepped
    # down ...": done and reported before, in the same clause ("will retire" is still to come).
    told = _PREVIOUSLY_REPORTED.search(text, max(s.start, a - 120), a)
    if (
        told
        and not _NEXT_CLAUSE.search(text, told.end(), a)
        and not _FUTURE.search(text, told.end(), b)
    ):
        return True
    word = text[a:b].casefold()
    if (
        word in ("retired", "resigned", "died", "left")
        and _SUCCEEDED_WHO.search(text, max(s.start, a - 120), a)
        and not re.match(r"\s+(?:as|from|effective)\b", text[b : b + 12])
        and not find_dates(text, b, min(s.end, b + 40))
    ):
        # A reminder with no position; "who resigned as President on May 1" is the news.
        return True
    if word != "retired":
        return False
    # "a retired partner", and "X, retired Chairman of Y": the word describes, it tells no news.
    return bool(re.search(r"\b(?:a|an|the|is|was)\s+$", before, re.I)) or bool(
        re.search(r",\s*$", before) and _ATTRIBUTIVE_AFTER.match(text, b)
    )


_PREVIOUSLY_REPORTED = re.compile(
    r"\b[Aa]s\s+(?:was\s+|we\s+)?(?:previously|earlier)\s+(?:reported|disclosed|announced)\b"
)
_NEXT_CLAUSE = re.compile(r",\s+and\s|;")
_FUTURE = re.compile(r"\b(?:will|shall|to)\s")
_VACANCY_BY = re.compile(
    r"\b(?:vacanc(?:y|ies)|seats?|openings?)\s+(?:created|left|caused|vacated)\s+(?:by|from)\s+"
    r"(?:the|his|her|their)\s+$",
    re.IGNORECASE,
)
# "She succeeds X, who retired in March": the predecessor's leaving is the past.
_SUCCEEDED_WHO = re.compile(
    r"\b(?:succeeds?|succeeded|succeeding|replaces?|replaced|replacing)\s+(?:[^.;]|\b[A-Z][a-z]?\.){0,80}?,\s*who\s+"
    r"(?:had\s+)?$"
)
_ATTRIBUTIVE_AFTER = re.compile(
    r"\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)[A-Z][a-z]"
)


_MODAL = re.compile(r"will|to|shall|would")


def _targets(text, s, refs, ordered, index, event_type, a, b, direction) -> list[Ref]:
    stop = ordered[index + 1][1] if index + 1 < len(ordered) else s.end
    if direction == "noun":
        return _noun_person(refs, a, b, text, stop)
    if direction == "committee":
        before = text[max(s.start, a - 40) : a]
        if (
            _PASSIVE_BEFORE.search(before)
            or re.search(r"\bwill\s*$|\bto\s*$", before)
            or _MODAL.fullmatch(text, a, b)
        ):
            # "X will join the Audit Committee; Y ...": the one before the verb joins ("A and
            # B were named to the Audit Committee": both)
            return _subjects(text, refs, a)
        objs = _objects(refs, b, stop, text)
        if objs:
            return objs
        subj = _subject(refs, a)
        return [subj] if subj else []
    if direction == "subject":
        if _PASSIVE_BEFORE.search(text, max(s.start, a - 40), a) and _AGENT.match(text, b + 1):
            # "X will be succeeded by Y as Treasurer": X takes nothing; Y takes the post
            # named after the name (a title beside it is the one Y holds now).
            by = _AGENT.match(text, b + 1)
            agent = next((r for r in refs if 0 <= r.start - by.end() <= 5), None)
            if agent and (
                by.group("post")
                or by.group("those")
                or _AS_AFTER_AGENT.match(text, agent.end, s.end)
            ):
                return [agent]
            return []
        decided = _decider(text, s, refs, a, b)
        if decided:
            return [decided]
        if index and _AND_WILL_BEFORE.search(text, max(s.start, a - 20), a):
            # "X has been named to succeed Ms. Y as Chief Executive Officer and will join the
            # Board": the second verb is the first one's subject's, not the nearest name's.
            p = ordered[index - 1][1]
            first = _subjects(text, refs, p)
            if first and _refs_before([r for r in refs if r.start >= p], a):
                return first
        return _subjects(text, refs, a)
    # "verb": passive -> the subject; active with the company as subject -> the object(s)
    before = text[max(s.start, a - 40) : a]
    if index and re.search(r"\band\s+(?:also\s+)?$", before) and ordered[index - 1][3] == "verb":
        # "X was appointed Chief Executive Officer and elected to the Board": the second verb
        # shares the first's passive subject.
        p = ordered[index - 1][1]
        if _PASSIVE_BEFORE.search(text, max(s.start, p - 40), p) and not _refs_before(
            [r for r in refs if r.start >= p], a
        ):
            return _subjects(text, refs, p)
    if _PASSIVE_BEFORE.search(before):
        if _NOUN_SUBJECT.search(before):
            return []  # "until a successor is named": nobody named yet
        return _subjects(text, refs, a)  # "A, B and C were elected directors"
    prior = _refs_before(refs, a)
    clause_start = prior[-1].end if prior else s.start
    objs = _objects(refs, b, stop, text)
    if objs and (not prior or _org_subject_between(text, clause_start, a)):
        return objs
    if prior and not objs:
        # "Mr. X notified ... and resigned"; "X, who was terminated"
        return [prior[-1]] if event_type == "terminated" else []
    return objs


_AND_WILL_BEFORE = re.compile(r"\band\s+(?:will\s+|also\s+|shall\s+)*$")
_DECISION_OF = re.compile(
    r"\b(?:decision|intention|intent|plans?|wish|desire|request)\s+of\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?$"
)


def _decider(text: str, s: Span, refs: list[Ref], a: int, b: int) -> Ref | None:
    """ "accepted the decision of X, who founded the Company with his late brother Y, to
    retire": the one whose decision it is, not the nearest name."""
    if not text[a:b].casefold().startswith("to "):
        return None
    for r in reversed(_refs_before(refs, a)):
        if not r.pronoun and _DECISION_OF.search(text, max(s.start, r.start - 40), r.start):
            return r
    return None


_NOUN_SUBJECT = re.compile(
    r"\b(?:a|an|the|his|her|their|its)\s+(?:new\s+|permanent\s+)?(?:successors?|replacements?)\s+"
    r"(?:is|are|has\s+been|have\s+been|will\s+be|can\s+be|be)\s*$",
    re.IGNORECASE,
)
_TABLE_APPOINTMENTS = re.compile(
    r"\b(?:appointments?|promotions?|appointed|promoted|elected|named|changes?\s+(?:in|to|of)\s+"
    r"(?:the\s+)?(?:titles?|positions?)|title\s+changes?|new\s+(?:titles?|positions?))\b",
    re.IGNORECASE,
)


def _table_hits(text: str, section: Section, people: People, org: str) -> list[Hit]:
    """Names in a table that a sentence introduces: "The following table sets forth ...
    for the named executive officers:" gives a compensation change per row (the role from
    the row), "approved the following appointments of executive officers:" an appointment
    to the row's new position, "appointed the new directors to the committees ... set forth
    below:" a committee assignment per committee in the row."""
    hits: list[Hit] = []
    for intro in re.finditer(r":\s*\n", text[section.start : section.end]):
        colon = section.start + intro.start()
        # The sentence that introduces the table, wrapped over lines in a text filing: from
        # the start of its paragraph.
        line_start = max(text.rfind("\n\n", section.start, colon) + 2, section.start, colon - 400)
        if _COMPENSATION.search(text, line_start, colon):
            kind = "compensation-change"
        elif re.search(r"(?i)\bcommittees?\b", text[line_start:colon]) and _COMMITTEE_VERB.search(
            text, line_start, colon
        ):
            kind = "named-to-committee"
        elif _TABLE_APPOINTMENTS.search(text, line_start, colon):
            kind = "appointed"
        else:
            continue
        table_end = section.end
        for line in lines(text, colon + 1, section.end):
            body = text[line.start : line.end]
            if len(body) > 120 and body.endswith("."):
                table_end = line.start
                break
        column, prior_column = 1, None
        row_end = 0
        for line in lines(text, colon + 1, table_end):
            if line.start < row_end:
                continue  # the rest of a row a broken name cell carried onto more lines
            # (a name may run onto the next line: "Tobias R.<br>Engelhardt" in one cell)
            near = people.refs_in(line.start, min(table_end, line.end + 60))
            refs = [r for r in near if not r.pronoun and r.start < line.end]
            if not refs or refs[0].start - line.start > 2:
                headers = text[line.start : line.end].split("\t")
                new = [i for i, h in enumerate(headers) if re.search(r"(?i)\bnew\b", h)]
                column = new[0] if new else column
                prior = [i for i, h in enumerate(headers) if _PRIOR_HEADER.search(h)]
                prior_column = prior[0] if prior else prior_column
                continue
            ref = refs[0]
            if kind == "compensation-change":
                hits.append(_pay_row(text, line, ref, table_end, org))
                continue
            cells = text[ref.end : line.end].split("\t")
            if ref.end > line.end:
                line = _broken_row(text, line, ref, table_end)
                row_end = line.end
                cells = re.split(r"[\t\n]", text[ref.end : line.end])
            if len(cells) <= column or not cells[column].strip():
                continue
            cell = cells[column].strip()
            row = Span(line.start, line.end)
            if kind == "appointed":
                t = title_at(text, ref.end + text[ref.end : line.end].index(cell), line.end)
                if t:
                    role = clean_title(text[t[0] : t[1]])
                    held = cells[prior_column] if prior_column and len(cells) > prior_column else ""
                    for part in _new_parts(role, held):
                        hits.append(
                            Hit(
                                ref.person,
                                "appointed",
                                ref.start,
                                ref.end,
                                part,
                                org,
                                None,
                                None,
                                row,
                            )
                        )
                continue
            for part in re.split(r"\s*;\s*", cell):
                chair = re.search(r"\s*\((?:Chair|Chairman|Chairperson|Chairwoman)\)", part)
                name = part[: chair.start()] + part[chair.end() :] if chair else part
                if not re.search(r"(?i)\bcommittee\b", name):
                    continue
                role = f"Chair of the {name.strip()}" if chair else name.strip()
                hits.append(
                    Hit(
                        ref.person,
                        "named-to-committee",
                        ref.start,
                        ref.end,
                        role,
                        org,
                        None,
                        None,
                        row,
                    )
                )
    return hits


def _broken_row(text: str, line: Span, ref: Ref, end: int) -> Span:
    """The row of a table whose name cell broke over lines: a cell of several lines ends its
    line, so the row's other cells, tab-separated, are on the line after the name's end
    (what follows the name on its own line is the rest of the first cell)."""
    name_end = text.find("\n", ref.end, end)
    if name_end < 0:
        return Span(line.start, end)
    if text[ref.end : name_end].strip():
        return Span(line.start, name_end)
    after = next(_lazy_lines(text, name_end, end), None)
    return Span(line.start, after.end if after else name_end)


_PRIOR_HEADER = re.compile(r"(?i)\b(?:prior|former|previous|current|old|present)\b")


def _new_parts(role: str, held: str) -> list[str]:
    """The parts of a new position its holder did not already have: "Chair, President and
    Chief Executive Officer" after "President and Chief Executive Officer" is only "Chair"."""
    if not held.strip():
        return [role]
    before = re.sub(r"\s+", " ", held).casefold()
    parts = [part for _, part in _positions("appointed", role)]
    if len(parts) < 2:
        return [role]
    return [p for p in parts if p.casefold() not in before] or [role]


# "Anneke S. Verhoeven, M.D., Ph.D.<tab>President": the degrees before the title cell.
_DEGREES_AFTER = re.compile(
    r"(?:[ \t]*,?[ \t]*(?:M\.D\.|Ph\.D\.|J\.D\.|D\.O\.|Pharm\.D\.|CPA|CFA|Esq\.|MBA)(?![\w.]))*"
    r"[ \t]*,?[ \t]*"
)


def _pay_row(text: str, line: Span, ref: Ref, table_end: int, org: str) -> Hit:
    role = ""
    row_end = line.end
    lead = _DEGREES_AFTER.match(text, ref.end, line.end)
    at = lead.end()
    t = title_at(text, at, line.end) if line.end - ref.end > 3 else None
    if t is None:
        t = _title_on_next_line(text, line.end, table_end)
        row_end = t[1] if t else row_end
    if t:
        role = clean_title(text[t[0] : t[1]])
    return Hit(
        ref.person,
        "compensation-change",
        ref.start,
        ref.end,
        role,
        org,
        None,
        None,
        Span(line.start, row_end),
    )


_LIST_LEAD = re.compile(
    r"(?i)\b(?:were|was|have\s+been|has\s+been|are|is)\s+(?:duly\s+|re-?)?(?P<verb>elected|"
    r"appointed|named)\b|\b(?P<active>elected|appointed|named)\s+the\s+following\b|"
    # "the stockholders elected the seven nominees for director ..., as follows:"
    r"\b(?:re-?)?elected\s+(?:each\s+of\s+)?the\s+(?:\w+\s+){0,2}nominees\b|"
    # a plan of reorganisation's new board and the old one: "the following persons became
    # directors of the Company:", "... ceased to be directors:"
    r"\b(?:became|become|will\s+become)\s+(?:directors|trustees|members\s+of\s+the\s+board)\b|"
    r"\b(?P<ceased>ceased\s+to\s+(?:be|serve\s+as)\s+(?:directors|trustees|members\s+of\s+the"
    r"\s+board))\b"
)
_LIST_NOT = re.compile(r"(?i)\b(?:nominated|continu\w+|not\s+(?:been\s+)?elected|will\s+be)\b")


def _list_hits(
    text: str, section: Section, people: People, org: str, spans: list[Span]
) -> list[Hit]:
    """People listed after a lead-in that elects or appoints them: "The following directors
    were elected at the meeting:" and one name a line (vote counts may follow the name).
    The evidence runs from the lead-in to the person's line."""
    hits: list[Hit] = []
    for s in spans:
        if text.find(":", s.start, s.end) < 0:
            continue  # every list below follows a colon
        inline = _INLINE_LIST.search(text, s.start, s.end)
        if inline and not people.refs_in(s.start, inline.start()):
            # "the following individuals were appointed as directors, effective June 15,
            # 2016: Nadia Petrosyan, Hollis Grange and Everett Kincaid III."
            lead = text[s.start : inline.start()]
            m = _LIST_LEAD.search(lead)
            if m and not _LIST_NOT.search(lead) and _BOARD_WORDS.search(lead):
                date = next((d.date for d in find_dates(text, s.start, s.end)), None)
                kind = "resigned" if m.group("ceased") else "elected"
                for r in people.refs_in(inline.end(), s.end):
                    if not r.pronoun:
                        hit = Hit(r.person, kind, s.start, inline.end(), "director", org)
                        hit.date, hit.sentence = date, s
                        hits.append(hit)
            continue
        # The list may start on the next line of the same "sentence" (no blank line after
        # the colon) or after it.
        colon = re.search(r":[ \t]*(?:\n|$)", text[s.start : s.end])
        if not colon:
            continue
        s = Span(s.start, s.start + colon.start() + 1)
        lead = text[s.start : s.end]
        if people.refs_in(s.start, s.end):
            continue
        m = _LIST_LEAD.search(lead)
        if not m or _LIST_NOT.search(lead):
            continue
        # Directors are listed by name alone; officers with their titles ("• Jane Roe –
        # Chief Financial Officer").
        board = _BOARD_WORDS.search(lead)
        date = next((d.date for d in find_dates(text, s.start, s.end)), None)
        named = 0
        for line in _lazy_lines(text, s.end, section.end):
            body = text[line.start : line.end]
            refs = [r for r in people.refs_in(line.start, line.end) if not r.pronoun]
            bullet = _BULLET.match(text, line.start, line.end)
            first = bullet.end() if bullet else line.start
            role = ""
            if refs and refs[0].start - first <= 2:
                sep = _TITLE_AFTER_NAME.match(text, refs[0].end, line.end)
                t = title_at(text, sep.end(), line.end) if sep else None
                if t and not text[t[1] : line.end].strip(" .;,"):
                    role = _board_title(clean_title(text[t[0] : t[1]]))
                elif board and _NAME_ROW.fullmatch(text, refs[0].end, line.end):
                    role = "director"
            if role:
                hits.append(
                    Hit(
                        refs[0].person,
                        "resigned" if m.group("ceased") else _type_for("appointed", role),
                        s.start,
                        s.end,
                        role,
                        org,
                        date,
                        None,
                        Span(s.start, line.end),
                    )
                )
                named += 1
            elif is_heading_like(body) and not named:
                continue  # column headings over the names
            else:
                break
    return hits


# A vote's sentence that says the nominees were elected, before their table of votes: "Each
# nominee other than Mr. Ferreira received a majority of the votes cast and was elected.",
# "each of the director nominees listed below ... was elected", "elected all of the nominees".
_NOMINEES_ELECTED = re.compile(
    r"(?i)\b(?:each|all|the)\s+(?:of\s+the\s+)?(?:[\w'’-]+\s+){0,3}?nominees?\b"
    r"(?:[^.;:]|\b(?:Mr|Ms|Mrs|Dr|Jr|Sr|[A-Z])\.){0,200}?"
    r"\b(?:was|were|have\s+been|has\s+been)\s+(?:duly\s+)?(?:re-?)?elected\b|"
    r"\b(?:re-?)?elected\s+(?:each\s+of\s+|all\s+(?:of\s+)?)?the\s+(?:[\w'’-]+\s+){0,3}?"
    r"nominees\b"
)
# A board observer attends without a seat: "designated X, a Principal of Kestrel, as the
# Board Observer".
_AS_OBSERVER = re.compile(
    r"(?i)(?:\s*,[^,;]{0,80},)?\s*(?:to\s+serve\s+)?as\s+(?:the|a|an|its)\s+(?:non-voting\s+)?"
    r"(?:board\s+)?observer\b"
)
# Who the sentence leaves out: "other than Mr. Ferreira", "except Ms. Lind".
_EXCEPT_BEFORE = re.compile(
    r"(?i)\b(?:other\s+than|except(?:\s+for)?|with\s+the\s+exception\s+of)\s+$"
)


def _vote_table_hits(
    text: str, section: Section, people: People, org: str, spans: list[Span]
) -> list[Hit]:
    """Under Item 5.07, the rows of the vote's table (a name, then its counts) after a
    sentence that says the nominees were elected: each holds a seat, but the nominees the
    sentence leaves out. The evidence is the row; the date, the sentence's or the meeting's."""
    hits: list[Hit] = []
    for n, s in enumerate(spans):
        lead = text[s.start : s.end]
        m = _NOMINEES_ELECTED.search(lead)
        if not m or _LIST_NOT.search(lead[: m.end()]) or re.search(r":\s*$", lead):
            continue  # (a lead ending in a colon is _list_hits')
        left_out = {
            id(r.person)
            for r in people.refs_in(s.start, s.end)
            if _EXCEPT_BEFORE.search(text, max(s.start, r.start - 25), r.start)
        }
        start = s.end
        if n + 1 < len(spans) and re.search(r":\s*$", text[spans[n + 1].start : spans[n + 1].end]):
            follows = spans[n + 1]  # "The voting results were as follows:"
            if follows.start - s.end < 5 and not people.refs_in(follows.start, follows.end):
                start = follows.end
        date = next((d.date for d in find_dates(text, s.start, s.end)), None)
        if date is None:
            date = next((d.date for d in find_dates(text, section.start, s.start)), None)
        rows = 0
        for line in _lazy_lines(text, start, section.end):
            refs = [r for r in people.refs_in(line.start, line.end) if not r.pronoun]
            if (
                refs
                and refs[0].start == line.start
                and _NAME_ROW.fullmatch(text, refs[0].end, line.end)
            ):
                rows += 1
                if id(refs[0].person) not in left_out:
                    hit = Hit(refs[0].person, "elected", line.start, line.end, "director", org)
                    hit.date, hit.sentence = date, Span(line.start, line.end)
                    hits.append(hit)
            elif rows or not is_heading_like(text[line.start : line.end]):
                break  # the table's end, or text that is no table
    return hits


# A table's footnote that marks who is new: "* Appointed to the Board as of the Effective
# Date", "(a) New in this position as of January 1, 2022", "(1) Newly elected".
_NEW_MARK_NOTE = re.compile(
    r"(?m)^[ \t]*(?P<mark>\*{1,3}|[†‡]|\([a-z1-9]\))[ \t]*(?P<note>(?i:new|newly|appointed|elected|"
    r"named|promoted|joined)\b[^\n]*)"
)
# The next cell of a row (tab-separated, or two spaces apart in a text table), after an age.
_ROW_CELL = re.compile(
    r"(?:[ ]*\t|[ ]{2,})[ \t]*(?:\d{1,3}(?:[ ]*\t|[ ]{2,})[ \t]*)?(?P<cell>\S(?:[^\t\n ]| (?! ))*)"
)


def _marked_rows(
    text: str, section: Section, people: People, org: str, told: set[int]
) -> list[Hit]:
    """Rows of a table of officers or directors that a footnote marks as new: the person
    takes the position in the row's next cell. Everyone else in the table only holds theirs;
    someone whose change the prose tells already is left to it."""
    hits: list[Hit] = []
    for note in _NEW_MARK_NOTE.finditer(text, section.start, section.end):
        mark = note.group("mark")
        date = next((d.date for d in find_dates(text, note.start(), note.end())), None)
        table_start = max(section.start, note.start() - 3000)
        for ref in people.refs_in(table_start, note.start()):
            if ref.pronoun or id(ref.person) in told:
                continue
            at = ref.end + (text[ref.end : ref.end + 1] == " ")
            if not text.startswith(mark, at):
                continue
            cell = _ROW_CELL.match(text, at + len(mark))
            while cell and cell.group("cell").strip("—–-") == "":
                cell = _ROW_CELL.match(text, cell.end())  # an empty cell ("—") before the post
            t = title_at(text, cell.start("cell"), cell.end("cell")) if cell else None
            if t is None:
                continue
            role = _board_title(clean_title(text[t[0] : t[1]]))
            line_start = text.rfind("\n", 0, ref.start) + 1
            hit = Hit(ref.person, _type_for("appointed", role), note.start(), note.end(), role, org)
            hit.date, hit.sentence = date, Span(line_start, cell.end())
            # (the footnote may mean one part of what the row lists)
            hit.infer("the position in a table row its footnote marks as new", 0.8)
            hits.append(hit)
            told.add(id(ref.person))
    return hits


_BOARD_WORDS = re.compile(r"(?i)\b(?:directors?|trustees?|board)\b")
_INLINE_LIST = re.compile(r":[ \t]+(?=(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?[A-Z])")
_BULLET = re.compile(r"[ \t]*[•·▪◦●\-–*][ \t]*")
_TITLE_AFTER_NAME = re.compile(r"[ \t]*(?:[–—:]|-{1,2}|,)[ \t]*")


_LINE = re.compile(r"[^\n]+")


def _lazy_lines(text: str, start: int, end: int):
    """Non-blank lines, trimmed, one at a time: a reader that stops early reads no further."""
    for m in _LINE.finditer(text, start, end):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            yield Span(a, b)


# What may follow a listed name on its line: vote counts, a class, a term.
_NAME_ROW = re.compile(r"[\s\d,.$%()\-–—*]*(?:\s+(?:Class\s+[IV]+|\w+\s+years?)[\s\d,.]*)?")


def _title_on_next_line(text: str, pos: int, end: int):
    """A title filling the next line (a table cell): 'Executive Vice President, Operations'."""
    nxt = lines(text, pos, end)
    if not nxt:
        return None
    line = text[nxt[0].start : nxt[0].end]
    t = title_at(text, nxt[0].start, nxt[0].end)
    if t and len(line) < 90 and not re.search(r"[\d$%]", line):
        return nxt[0].start, nxt[0].end
    return None


def _apply_disagreements(text, sections, people: People, hits, spans) -> None:
    """A sentence about a disagreement tells it for the departures told up to it of the
    people it names, or failing those of the person of the latest departure told; the
    last such sentence for a departure decides.

    Read in one pass: the departures in order of their sentence, and for each person the
    last disagreement sentence that names them (looking at every departure again for each
    such sentence grew with the product of the two)."""
    departures = sorted(
        (h for h, _ in hits if h.event_type in _DEPARTURES), key=lambda h: h.sentence.start
    )
    told = 0  # departures[:told] are the ones told up to the sentence at hand
    active: dict[int, int] = {}  # person -> departures of theirs told so far
    latest = None  # the first told of the departures with the latest sentence
    decided: dict[int, tuple[int, bool]] = {}  # person -> (sentence start, value), the last
    for section in sections:
        part = text[section.start : section.end]
        if not FOLDS_TO_ASCII.search(part) and "disagreement" not in part.lower():
            continue  # no sentence of it can say anything about a disagreement
        for s in spans[section]:
            if not _DISAGREEMENT.search(text, s.start, s.end):
                continue
            while told < len(departures) and departures[told].sentence.start <= s.start:
                h = departures[told]
                active[id(h.person)] = active.get(id(h.person), 0) + 1
                if latest is None or h.sentence.start > latest.sentence.start:
                    latest = h
                told += 1
            value = not bool(_NO_DISAGREEMENT.search(text, s.start, s.end))
            persons = {id(r.person) for r in people.refs_in(s.start, s.end)}
            named = [p for p in persons if p in active]
            if not named and latest is not None:
                named = [id(latest.person)]
            for p in named:
                decided[p] = (s.start, value)
    for h in departures:
        found = decided.get(id(h.person))
        if found is not None and h.sentence.start <= found[0]:
            h.disagreement = found[1]


def merge_hits(text: str, hits, sequence: str, registrant: str = "") -> list[EventCandidate]:
    """One candidate per person, event type and position, with the evidence of the first
    sentence. The positions are the ones of the first sentence that names any; a sentence
    that names a board seat and an office ("Chairman of the Board and Chief Executive
    Officer") gives one candidate for each, and the position decides the type: a board seat
    is an election, an office an appointment, a committee seat a committee assignment."""
    successions = [h for h, _ in hits if h.event_type == _SUCCEEDS]
    hits = [(h, source) for h, source in hits if h.event_type != _SUCCEEDS]
    groups: dict[tuple[int, str], list[tuple[Hit, str]]] = {}
    for hit, source in hits:
        kind = hit.event_type
        if kind in ("appointed", "elected") and hit.role:
            # "promoted X to Executive Vice President. ... X will join the Board": an office
            # and a seat, told in two sentences, are two positions.
            kind = _type_for(kind, hit.role)
        groups.setdefault((id(hit.person), kind), []).append((hit, source))
    _borrow_roles(text, groups, successions)
    for key, group in list(groups.items()):
        group[:] = [(h, source) for h, source in group if h.role or not h.unsaid]
        if not group:
            del groups[key]
    rows: list[tuple[Hit, str, str, str]] = []  # hit, source, event type, role
    for (_, event_type), group in groups.items():
        first, source = group[0]
        date = next((h.date for h, _ in group if h.date), None)
        disagreement = next((h.disagreement for h, _ in group if h.disagreement is not None), None)
        named = [h for h, _ in group if h.role]
        if not named and event_type == "compensation-change":
            # "a special bonus for Mr. Stavros": the post the filing gives him elsewhere
            # ("Gregory A. Stavros, the Company's Chief Executive Officer").
            first.role = _position_at_filer(text, first.person)
            named = [first] if first.role else []
        told: list[tuple[Hit, str]] = []  # each position, with the hit that tells it
        if named:
            sentence = named[0].sentence
            roles = list(dict.fromkeys(h.role for h in named if h.sentence == sentence))
            if event_type == "elected" and roles == ["director"]:
                # "elected A and B to fill the vacancies. ... the Board elected Mr. A as Vice
                # Chairman of the Board": the seat, then the chair taken on it.
                roles += list(
                    dict.fromkeys(
                        h.role for h in named if _CHAIR.match(h.role) and h.role not in roles
                    )
                )[:1]
            offices = [r for r in roles if _is_office(r)]
            if len(offices) > 1:
                # "to succeed Mr. Ostrander as Chief Executive Officer and to serve as
                # President": one appointment to the offices the sentence gives together
                # (seats and committees stay apart)
                joined = ", ".join(offices[:-1]) + " and " + offices[-1]
                roles = [joined if r == offices[0] else r for r in roles if r not in offices[1:]]
            told = [(first, role) for role in roles]
            if event_type in _TAKING:
                told = _later_positions(text, named, sentence, told)
        else:
            told = [(first, "")]
        first.date = date
        first.disagreement = disagreement
        for hit, role in told:
            if hit is not first:
                hit.date = hit.date or date
            for part_type, part in _positions(event_type, role):
                rows.append((hit, source, part_type, part))
    # A new officer's pay is part of the appointment, not a change of pay.
    appointed = {id(h.person) for h, _, t, _ in rows if t in ("appointed", "elected")}
    rows = [r for r in rows if not (r[2] == "compensation-change" and id(r[0].person) in appointed)]
    # "elected his son ... to succeed him as Chief Executive Officer": the verb without a
    # position gives way to the position read elsewhere in the sentence.
    # A committee seat does not stand for the board seat: "elected X, filling the vacancy
    # ..., and appointed her to the Audit Committee" is both.
    placed = {
        (id(h.person), h.sentence) for h, _, t, r in rows if r and t in ("appointed", "elected")
    }
    out = []
    seen = set()
    elsewhere: set[int] = set()  # ids of candidates whose role names a company not the filer
    for hit, source, event_type, role in rows:
        guess, confidence = hit.guess, hit.confidence
        at_other = False
        if event_type in _TAKING and not role:
            if (id(hit.person), hit.sentence) in placed:
                continue
            if event_type == "elected" and re.search(
                r"\b(?:[Bb]oard|[Dd]irectors?)\b", text[hit.sentence.start : hit.sentence.end]
            ):
                role = "Director"
                seat = "a board seat: the sentence elects without naming a position"
                guess = f"{guess}; {seat}" if guess else seat
                confidence = min(confidence, 0.8)
        organization = hit.organization
        if event_type != "signed":
            # A title stated whole (a death's, a pay change's) keeps every part but the company
            # ("Vice President and General Counsel of TBE", "President of Tidewater Electric").
            whole = role
            role, company = _role_and_organization(text, role, registrant or organization)
            organization = company or organization
            if role != whole:  # "a Class III director of Pinecrest Electric": the seat
                role = _board_title(role).capitalize() if _SEAT_CLASS.fullmatch(role) else role
            if event_type not in ("compensation-change", "died"):
                at_other = bool(company)
                if role != whole:
                    # "a director of the General Partner" is a board seat once the company
                    # is apart.
                    event_type = _type_for(event_type, role)
        # A founder holds no office by founding: "Co-founder and Chief Technology Officer"
        # is the officer's title (a founder and nothing else keeps the word).
        role = _FOUNDER_AND.sub("", role)
        key = (id(hit.person), event_type, role.casefold())
        if key in seen:
            continue
        seen.add(key)
        s = hit.sentence
        out.append(
            EventCandidate(
                name=hit.person.name,
                event_type=event_type,
                role=title_case(role),
                organization=organization,
                effective_date=hit.date,
                disagreement=hit.disagreement if event_type in _DEPARTURES else None,
                evidence=text[s.start : s.end],
                start=s.start,
                end=s.end,
                document_sequence=sequence,
                source=source,
                guess=guess,
                confidence=confidence,
            )
        )
        if at_other:
            elsewhere.add(id(out[-1]))
    out = [e for e in out if not _also_at_filer(e, out, elsewhere)]
    out.sort(key=lambda e: (e.start, e.end))
    return out


def _also_at_filer(e: EventCandidate, out: list[EventCandidate], elsewhere: set[int]) -> bool:
    """ "appointed him President and Chief Executive Officer of TBE, and the Tidewater Electric
    board appointed him Chief Executive Officer of Tidewater Electric": the same post taken at
    the filer and at its subsidiary in one statement is one event, the filer's."""
    if id(e) not in elsewhere or e.event_type not in _TAKING:
        return False
    return any(
        id(o) not in elsewhere
        and o.name is e.name
        and o.event_type == e.event_type
        and o.start == e.start
        and _units(e.role) <= _units(o.role)
        for o in out
    )


_TAKING = ("appointed", "elected", "named-to-committee")
_QUALIFIERS = re.compile(r"(?i)\b(?:interim|acting|the|company['’]s|its|our)\s+")


@functools.lru_cache(maxsize=4096)
def _units(role: str) -> frozenset[str]:
    """The positions a role names, in lower case and without interim or acting."""
    return frozenset(
        _QUALIFIERS.sub("", m.group().strip(" ,")).casefold()
        for m in _UNIT_RE.finditer(role)
        if m.group().strip(" ,")
    ) or frozenset({_QUALIFIERS.sub("", role).casefold()})


def _later_positions(text: str, named: list[Hit], sentence: Span, told):
    """The positions of the first sentence, then any new one a later sentence gives: "was
    appointed Chief Financial Officer. Mr. Varga will also serve as principal accounting
    officer", "named her to the Audit Committee. ... she will succeed Mr. Oakes as Chair of the
    Audit Committee" (the seat, then the chair)."""
    told = list(told)
    had = set().union(*(_units(r) for _, r in told))
    for hit in named:
        if hit.sentence == sentence or hit.apposed or hit.confidence < 1:
            continue
        succeeds = _SUCCEED_VERB.match(text, hit.trigger_start)
        if succeeds and not text.startswith("as ", succeeds.end()) or _CHAIR.fullmatch(hit.role):
            # "Ms. Paik succeeds X, who has served as Treasurer": the post is his ("will be
            # succeeded as Chair of the Audit Committee by Y" is hers); "will succeed Y as
            # its chair": of what, the sentence before says
            continue
        units = _units(hit.role)
        if not units <= had:
            told.append((hit, hit.role))
            had |= units
    return told


_NAME_RUN = re.compile(r"(?:[A-Z][\w.'’-]*\.?,?\s*(?:\([^)]{0,30}\)\s*)?)+")
_FILER_POSSESSIVE = re.compile(
    r",\s*(?:the\s+(?:Company|Corporation|Bank|Registrant)['’]s|its|our)\s+"
)


def _position_at_filer(text: str, person: Person) -> str:
    """The title an appositive gives the person at the filer somewhere in the text."""
    for at in person.mentions:
        name = _NAME_RUN.match(text, at)
        if not name:
            continue
        end = name.end()
        while end > at and text[end - 1] in " ,":
            end -= 1
        lead = _FILER_POSSESSIVE.match(text, end)
        t = title_at(text, lead.end(), min(len(text), lead.end() + 120)) if lead else None
        if t:
            return clean_title(text[t[0] : t[1]])
    return ""


def _borrow_roles(text: str, groups, successions: list[Hit]) -> None:
    """A newcomer or a predecessor whose position goes unsaid holds the other's: "appointed
    Thomas Okafor to succeed her" takes the office she resigned, "She succeeds Marcus Fell,
    who will retire" says what he retires from."""

    def role_of(person: Person, types) -> tuple[list[Hit], str]:
        found = [h for t in types for h, _ in groups.get((id(person), t), [])]
        return found, next((h.role for h in found if h.role and not h.apposed), "")

    for succession in successions:
        # "named Lena Marsh, Assistant Treasurer, to succeed him": the title beside her name
        # is the one she holds; she takes his.
        taking, taken = role_of(succession.person, ("appointed", "elected"))
        leaving, left = role_of(succession.other, _DEPARTURES)
        blank = [h for h in taking if not h.role]
        if blank and left and _BOARD_SEAT.fullmatch(taken):
            # "will be succeeded in those roles by X ..., at which time X will also join the
            # Board": the seat is a post of its own; the roles unsaid are still the other's
            taking, taken = blank, ""
        if taking and not taken and left:
            for h in taking:
                h.role = left
                h.infer("position taken from the person succeeded", 0.6)
        elif leaving and not left:
            guess = "position taken from the successor"
            if not taken and succession.pronoun:
                # "... appointed Oona Adair as General Counsel on the advice of Mary Quist.
                # She succeeds Marcus Fell": whoever "she" was read as, the newcomer is the
                # one appointed in the sentence just before.
                taken = _appointed_just_before(text, groups, succession.sentence)
                guess = "position of the appointment told just before"
            for h in leaving:
                h.role = taken
                if taken:
                    h.infer(guess, 0.6)


def _appointed_just_before(text: str, groups, s: Span) -> str:
    """The position of the last appointment told in the sentence right before s."""
    found = [
        h
        for (_, event_type), group in groups.items()
        if event_type in ("appointed", "elected")
        for h, _ in group
        if h.role and not h.apposed and h.sentence.end <= s.start
    ]
    last = max(found, key=lambda h: h.trigger_start, default=None)
    if last is None or text[last.sentence.end : s.start].strip():
        return ""
    return last.role


_BOARD_SEAT = re.compile(
    r"(?i)(?:(?:non-executive|independent|executive|lead|presiding|class\s+\w+|"
    r"non-employee|new|interim|acting|sole)\s+)*(?:director|trustee|board\s+member|member\s+of\s+the\s+"
    r"(?:\w+\s+)?board(?:\s+of\s+directors)?|(?:vice[\s-])?chair(?:man|woman|person)?"
    r"(?:\s+of\s+the\s+board(?:\s+of\s+(?:directors|trustees))?)?)(?:\s+emerit(?:us|a))?"
)
_COMMITTEE_SEAT = re.compile(r"(?i)\bcommittee\b")
_UNIT_RE = re.compile(UNIT_PATTERN, re.IGNORECASE)


def _positions(event_type: str, role: str) -> list[tuple[str, str]]:
    """(event type, role) for each position a role names, board seats apart from offices."""
    if event_type in ("signed", "died", "compensation-change", "other") or not role:
        return [(event_type, role)]
    units = [m for m in _UNIT_RE.finditer(role) if m.group().strip()]
    tail = ""
    seat = _ORG_OF.search(units[-1].group()) if len(units) > 1 else None
    if seat and _BOARD_SEAT.fullmatch(units[-1].group()[: seat.start()].strip(" ,")):
        # "President, Chief Executive Officer and a director of Kestrel Genomics, Inc.":
        # the company is every position's
        tail = units[-1].group()[seat.start() :]
        role = role[: units[-1].start() + seat.start()]
        units = [m for m in _UNIT_RE.finditer(role) if m.group().strip()]
    board = [m.group() for m in units if _BOARD_SEAT.fullmatch(m.group().strip(" ,"))]
    if not board or len(board) == len(units):
        role = role + tail
        return [(_type_for(event_type, role), role)]
    offices = [m.group().strip(" ,") for m in units if m.group() not in board]
    office = offices[0] if len(offices) == 1 else ", ".join(offices[:-1]) + " and " + offices[-1]
    if len(offices) == 2:
        office = " and ".join(offices)
    parts = [_board_title(b.strip(" ,")) + tail for b in board] + [office + tail]
    return [(_type_for(event_type, p), p) for p in parts]


def _is_office(role: str) -> bool:
    """An officer's post: neither a board seat (or its chair) nor a committee's."""
    return not (
        _BOARD_SEAT.fullmatch(role.strip()) or _COMMITTEE_SEAT.search(role) or _ORG_OF.search(role)
    )


def _type_for(event_type: str, role: str) -> str:
    if event_type not in _TAKING:
        return event_type
    if _COMMITTEE_SEAT.search(role):
        return "named-to-committee"
    if _BOARD_SEAT.fullmatch(role.strip()):
        return "elected"
    # "a director of the General Partner": a seat on another company's board
    seat = _ORG_OF.search(role)
    if seat and _BOARD_SEAT.fullmatch(role[: seat.start()].strip(" ,")):
        return "elected"
    return "appointed"


_ORG_OF = re.compile(
    r"(?:,\s*|\s+)(?:of|for|at)\s+(?P<org>(?:the\s+)?[A-Z][\w&.,'’-]*(?:\s+(?:[A-Z&][\w&.,'’-]*|"
    r"and|of))*)$"
)
# The last "of X" of a role alone (X holds no "of" of its own).
_LAST_ORG_OF = re.compile(
    r"(?:,\s*|\s+)(?:of|for|at)\s+(?P<org>(?:the\s+)?[A-Z][\w&.,'’-]*(?:\s+(?:[A-Z&][\w&.,'’-]*|"
    r"and))*)$"
)
_ORG_WORD = re.compile(
    r"\b(?:Inc|Corp|Corporation|Company|Co|LLC|LP|L\.P|Ltd|Limited|PLC|Bank|Bancorp|Trust|"
    r"Partnership|General\s+Partner|Registrant|Holdings|Group|Subsidiary)\b\.?"
)


def _role_and_organization(text: str, role: str, registrant: str) -> tuple[str, str]:
    """'Vice President of the General Partner' -> ('Vice President', 'Sable Ridge GP, LLC');
    'President of Acme' -> ('President', '') when Acme is the filer. A function ("Vice
    President of Operations") or the board ("Chairman of the Board") stays in the role."""
    each = _EACH_REGISTRANT.search(role)
    if each:
        return role[: each.start()].strip(" ,"), ""  # "Chief Financial Officer of each registrant"
    m = _ORG_OF.search(role)
    if not m:
        return role, ""
    org = m.group("org").strip(" ,.")
    if re.match(r"(?i)the\s+board\b|.*\bcommittee\b", org):
        # "Chairman of the Board, President and Chief Executive Officer of Ozark Prairie
        # Bancshares": the company comes after the board's "of", if at all.
        m = _LAST_ORG_OF.search(role)
        org = m.group("org").strip(" ,.") if m else ""
        if not org or re.match(r"(?i)the\s+board\b|.*\bcommittee\b|directors$|trustees$", org):
            return role, ""
    head = role[: m.start()].strip(" ,")
    # "President of Tidewater Electric" where the text defines it: 'Tidewater Basin Electric
    # Company ("Tidewater Electric")' names a company, whatever its short name lacks.
    short, org = org, _defined_name(text, org)
    registrant_words = [w.casefold() for w in re.findall(r"[A-Za-z][\w'’-]*", _core(registrant))]
    org_words = [w.casefold() for w in re.findall(r"[A-Za-z][\w'’-]*", org)]
    if org_words and org_words[0] == "the":
        org_words = org_words[1:]
    own = (
        bool(org_words) and org_words[: len(registrant_words)] == registrant_words[: len(org_words)]
    )
    if not own and not _ORG_WORD.search(org) and org == short:
        after = text.find(org)
        if after < 0 or not _DESIGNATOR_AFTER.match(text, after + len(org)):
            return role, ""
    if own or re.fullmatch(r"(?i)the\s+(?:company|registrant|corporation)", org):
        return head, ""
    return head, org


_EACH_REGISTRANT = re.compile(
    r"(?i)(?:,\s*|\s+)(?:of|for)\s+(?:(?:each|both)\s+(?:of\s+the\s+)?registrants?|the\s+registrants)$"
)


def _defined_name(text: str, org: str) -> str:
    """The name a short form was defined for: 'the General Partner' -> 'Sable Ridge GP, LLC'
    when the text reads 'Sable Ridge GP, LLC (the “General Partner”)'."""
    short = re.sub(r"(?i)^the\s+", "", org)
    m = re.search(
        r"((?:[A-Z0-9][\w.&'’-]*,?\s+){0,7}[A-Z0-9][\w.&'’-]*),?\s*\((?:the\s+)?[“\"]"
        + re.escape(short)
        + r"[”\"]",
        text,
    )
    return m.group(1).strip(" ,") if m else org


_SMALL = frozenset("a an and as at by for from in of on or the to with".split())


def title_case(role: str) -> str:
    """'interim Chief Financial Officer' -> 'Interim Chief Financial Officer'; words already
    capitalised (CEO, McDonald) stay as written; a title printed in capitals is read in
    Title Case."""
    if not any(c.islower() for c in role):
        role = cased(role)
    words = role.split(" ")
    out = []
    for i, word in enumerate(words):
        if word.islower() and (i == 0 or word not in _SMALL):
            word = word[:1].upper() + word[1:]
        out.append(word)
    return " ".join(out)
