"""People in EX-99 press releases: who is quoted, who is named with a title, who is being
appointed or is leaving, and the media / investor contacts.

Quotes come as '"...," said John Smith, Chief Executive Officer of Acme', '"...," said
Smith', 'John Smith, CEO, said' or 'Smith noted'. After the first full mention a press
release calls people by family name alone, so bare family names of people already named
in full count as mentions. Quoted and titled people become "other" events (role and
organisation when stated); announcements ("announced the appointment of X as Chief
Financial Officer", "X has joined the Board", "retiring Board member X") use the same
trigger reading as Item 5.02 narratives.
"""

from __future__ import annotations

import re

from .events import Hit, People, Ref, merge_hits, sentence_hits
from .model import EventCandidate
from .prose import Span, clean_title, is_heading_like, lines, sentences, title_at, title_before

_SPEECH = (
    r"(?:said|says|stated|states|noted|notes|commented|comments|added|adds|explained|"
    r"explains|remarked|continued|concluded|observed|declared|emphasized|emphasised)"
)
_SPEECH_AFTER = re.compile(rf"^\s*,?\s*{_SPEECH}\b")
_SPEECH_BEFORE = re.compile(rf"\b{_SPEECH}\s*$")
_QUOTE = re.compile(r"[“”\"]")
_CONTACTS = re.compile(
    r"(?:^|(?<=[.!?] ))[ \t]*(?:[A-Z0-9][\w&.-]*[ \t]+){0,3}(?:Media|Investors?|Press|"
    r"Analysts?|Public[ \t]+Relations)?[ \t]*(?:Relations[ \t]+)?Contacts?(?:\(s\))?[ \t]*:?",
    re.M | re.I,
)
_ORG_AFTER_TITLE = re.compile(
    r"\s*,?\s*(?:of|for|at)\s+(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*,\s+[A-Z]{2}-based\s+)?"
    r"((?:[A-Z0-9][\w.&'’-]*)(?:\s+(?:[A-Z0-9&][\w.&'’-]*|and|of|de|du))*)"
)


def _title_and_org(text: str, start: int, end: int) -> tuple[str, str, int]:
    """A title at text[start:] and the organisation after it: ('president and chief
    executive officer', 'Internap', end offset)."""
    t = title_at(text, start, end)
    if not t:
        return "", "", start
    role = clean_title(text[t[0] : t[1]])
    lead = text[start : t[0]].strip()
    employer = re.sub(r"^(?:the|a|an|its|our|their|his|her|former|new|then|current)\s+", "", lead)
    org = employer if employer and employer[0].isupper() and not employer.endswith("s") else ""
    of = re.search(r"\s*,?\s+(?:of|for|at)\s+(?=[A-Z])", text[t[0] : t[1]])
    if of:
        after = _ORG_AFTER_TITLE.match(text, t[0] + of.start(), end)
        role = clean_title(text[t[0] : t[0] + of.start()])
        if after:
            org = after.group(1)
    elif not org:
        after = _ORG_AFTER_TITLE.match(text, t[1], end)
        if after:
            org = after.group(1)
    return role, org.strip(" ,."), t[1]


def _appositive(text: str, ref: Ref, end: int) -> tuple[str, str]:
    """'John Smith, Chief Executive Officer of Acme' or 'Bryan Hanson as Chief Executive
    Officer'."""
    m = re.match(r"\s*,\s*|\s+as\s+", text[ref.end : end])
    if not m or ref.pronoun:
        return "", ""
    role, org, _ = _title_and_org(text, ref.end + m.end(), end)
    return role, org


def _quoted(text: str, s: Span, ref: Ref) -> bool:
    """Is this person the speaker of a quote in the sentence?"""
    if not _QUOTE.search(text, s.start, s.end) and not re.search(_SPEECH, text[s.start : s.end]):
        return False
    before = text[max(s.start, ref.start - 25) : ref.start]
    if _SPEECH_BEFORE.search(before):
        return True
    after_start = ref.end
    m = re.match(r"\s*,[^,.“”\"]{0,120}?,", text[ref.end : s.end])
    if m:
        after_start = ref.end + m.end()  # "John Smith, CEO of Acme, said"
    return bool(_SPEECH_AFTER.match(text[after_start : s.end]))


def extract_press_people(text: str, *, sequence: str) -> list[EventCandidate]:
    """People quoted, named with a title, appointed or leaving, and the contacts, of one
    press release; one candidate per person and event type."""
    people = People(text, bare_family=True)
    hits: list[Hit] = []
    for s in sentences(text):
        refs = people.refs_in(s.start, s.end)
        if not refs:
            continue
        # A quote mentioning pay is commentary; a plain sentence about a grant is news.
        quoted = bool(_QUOTE.search(text, s.start, s.end))
        heading = is_heading_like(text[s.start : s.end])
        hits.extend(sentence_hits(text, s, people, None, "", compensation=not (quoted or heading)))
        for ref in refs:
            if ref.pronoun:
                continue
            role, org = _appositive(text, ref, s.end)
            if not role:
                t = title_before(text, s.start, ref.start)
                if t:
                    role = clean_title(text[t[0] : t[1]])
            if role or _quoted(text, s, ref):
                hits.append(Hit(ref.person, "other", ref.start, ref.end, role, org, None, None, s))
    hits.extend(_contacts(text, people))
    found = merge_hits(text, [(h, "press-release") for h in hits], sequence)
    return [e for e in found if e.name.given]


def _contacts(text: str, people: People) -> list[Hit]:
    """People listed under a 'Contacts:' / 'Media Contact' heading."""
    hits = []
    for heading in _CONTACTS.finditer(text):
        block = lines(text, heading.end(), min(len(text), heading.end() + 600))
        for ln in block[:16]:
            if "\n" in text[heading.end() : ln.start] and len(text[ln.start : ln.end]) > 200:
                break  # prose again
            refs = [
                r
                for r in people.refs_in(ln.start, ln.end)
                if not r.pronoun and r.start >= heading.end() and r.start < heading.end() + 600
            ]
            if len(refs) > 1 or (refs and text[ln.start : refs[0].start].strip(" :-–—")):
                # Contacts run together on one line: "Media: Brad Carroll Community: ..."
                hits.extend(
                    Hit(r.person, "other", r.start, r.end, "contact", "", None, None, ln)
                    for r in refs
                    if r.person.name.given
                )
                continue
            if not refs:
                continue
            ref = refs[0]
            lead = re.match(r"[\s,]*", text[ref.end : ln.end])
            t = title_at(text, ref.end + lead.end(), ln.end)
            role = clean_title(text[t[0] : t[1]]) if t else "contact"
            hits.append(Hit(ref.person, "other", ref.start, ref.end, role, "", None, None, ln))
    return hits
