"""People events in EX-99 press releases: who is being appointed or elected, who is leaving.

Announcements ("announced the appointment of X as Chief Financial Officer", "X has joined
the Board", "retiring Board member X") use the same trigger reading as Item 5.02
narratives. After the first full mention a press release calls people by family name
alone, so bare family names of people already named in full count as mentions. People who
are only quoted, described by their title or listed as media and investor contacts are not
events of their own, and a contact block gives nobody an event.
"""

from __future__ import annotations

import re

from .events import Hit, People, merge_hits, sentence_hits
from .model import EventCandidate
from .prose import find_dates, is_heading_like, lines, sentences

_QUOTE = re.compile(r"[“”\"]")
# "About Acme Widget Corp." and what follows: the company's boilerplate, not news.
_ABOUT = re.compile(r"(?m)^[ \t]*About[ \t]+(?:the[ \t]+)?[A-Z][^\n]{0,80}$")
_CONTACTS = re.compile(
    r"(?:^|(?<=[.!?] ))[ \t]*(?:[A-Z0-9][\w&.-]*[ \t]+){0,3}(?:Media|Investors?|Press|"
    r"Analysts?|Public[ \t]+Relations)?[ \t]*(?:Relations[ \t]+)?Contacts?(?:\(s\))?[ \t]*:?",
    re.M | re.I,
)


def extract_press_people(
    text: str, *, sequence: str, organizations: tuple = ()
) -> list[EventCandidate]:
    """People appointed, elected or leaving in one press release; one candidate per person,
    event type and position. `organizations` are the filing's own party names."""
    people = People(text, bare_family=True, organizations=organizations)
    contacts = _contact_blocks(text)
    about = _ABOUT.search(text)
    boilerplate = about.start() if about else len(text)
    # The release's own date ("DENVER, April 29, 2025 --") tells a biography's years apart
    # from the news ("led by Martha Quinn, who retired in 2010").
    dated = find_dates(text, 0, min(len(text), 800))
    released = dated[0].date if dated else None
    hits: list[Hit] = []
    for s in sentences(text, 0, boilerplate):
        if any(a <= s.start < b for a, b in contacts):
            continue
        # A quote mentioning pay is commentary; a plain sentence about a grant is news.
        quoted = bool(_QUOTE.search(text, s.start, s.end))
        heading = is_heading_like(text[s.start : s.end])
        hits.extend(
            sentence_hits(text, s, people, released, "", compensation=not (quoted or heading))
        )
    registrant = organizations[0] if organizations else ""
    found = merge_hits(text, [(h, "press-release") for h in hits], sequence, registrant)
    return [e for e in found if e.name.given]


def _contact_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of 'Contacts:' / 'Media Contact' blocks: the heading's line and the short lines
    under it, up to the next blank line followed by prose."""
    spans = []
    for heading in _CONTACTS.finditer(text):
        end = text.find("\n", heading.end())
        end = len(text) if end < 0 else end
        previous = heading.end()
        for ln in lines(text, heading.end(), min(len(text), heading.end() + 600))[:16]:
            if len(text[ln.start : ln.end]) > 120:
                break  # prose again
            if "\n\n" in text[previous : ln.start].replace(" ", "") and ln.start > end:
                break  # a blank line after the block
            end = previous = ln.end
        spans.append((text.rfind("\n", 0, heading.start()) + 1, end))
    return spans
