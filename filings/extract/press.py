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
from .prose import Span, clean_title, lines, sentences, title_at, title_before

_SPEECH = (
    r"(?:said|says|stated|states|noted|notes|commented|comments|added|adds|explained|"
    r"explains|remarked|continued|concluded|observed|declared|emphasized|emphasised)"
)
_SPEECH_AFTER = re.compile(rf"^\s*,?\s*{_SPEECH}\b")
_SPEECH_BEFORE = re.compile(rf"\b{_SPEECH}\s*$")
_QUOTE = re.compile(r"[“”\"]")
_CONTACTS = re.compile(
    r"^\s*(?:[A-Z][\w&.-]*\s+){0,3}(?:Media|Investor|Press|Analyst|Public\s+Relations)?\s*"
    r"(?:Relations\s+)?Contacts?\s*:?\s*$|^\s*(?:For\s+(?:more|further)\s+information|"
    r"CONTACTS?)\s*[:,]?.*$",
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
    org = ""
    of = re.search(r"\s*,?\s+(?:of|for|at)\s+(?=[A-Z])", text[t[0] : t[1]])
    if of:
        after = _ORG_AFTER_TITLE.match(text, t[0] + of.start(), end)
        role = clean_title(text[t[0] : t[0] + of.start()])
        if after:
            org = after.group(1)
    else:
        after = _ORG_AFTER_TITLE.match(text, t[1], end)
        if after:
            org = after.group(1)
    return role, org.strip(" ,."), t[1]


def _appositive(text: str, ref: Ref, end: int) -> tuple[str, str]:
    m = re.match(r"\s*,\s*", text[ref.end : end])
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


def extract_press_people(text: str, *, sequence: str, registrant: str = "") -> list[EventCandidate]:
    people = People(text, bare_family=True)
    hits: list[Hit] = []
    for s in sentences(text):
        refs = people.refs_in(s.start, s.end)
        if not refs:
            continue
        hits.extend(sentence_hits(text, s, people, None, "", compensation=False))
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
            refs = [r for r in people.refs_in(ln.start, ln.end) if not r.pronoun]
            if not refs:
                continue
            ref = refs[0]
            if text[ln.start : ref.start].strip(" :-–—") or len(refs) > 1:
                continue
            rest = text[ref.end : ln.end].strip(" ,")
            role = "contact"
            if rest:
                t = title_at(
                    text,
                    ref.end
                    + (len(text[ref.end : ln.end]) - len(text[ref.end : ln.end].lstrip(" ,"))),
                    ln.end,
                )
                if t:
                    role = clean_title(text[t[0] : t[1]])
            hits.append(
                Hit(
                    ref.person,
                    "other",
                    ref.start,
                    ref.end,
                    role,
                    "",
                    None,
                    None,
                    Span(ln.start, ln.end),
                )
            )
    return hits
