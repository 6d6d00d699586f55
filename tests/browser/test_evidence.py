"""Every event's evidence link, for every corpus filing: the sentence is highlighted where
the event's span says, and the page scrolls to it."""

import pytest

from filings.models import Event
from tests.browser.corpus_pages import load_corpus, open_reading_view, squeeze
from tests.corpus import corpus_available

needs_corpus = pytest.mark.skipif(not corpus_available(), reason="EDGAR corpus not found")

# The highlight's pieces, whether they hold only text (a name's link at most: the filer's
# elements stay where they were), where the first one is in the window, and which characters
# of the frame's text (the page's own mapping, DOM range -> text offsets) they cover.
HIGHLIGHT = """() => {
  const frame = document.querySelector('#document-frame'), doc = frame.contentDocument;
  const marks = Array.from(doc.querySelectorAll('mark.app-evidence'));
  if (!marks.length) return null;
  const outer = frame.getBoundingClientRect(), first = marks[0].getBoundingClientRect();
  const pane = frame.parentElement.getBoundingClientRect();
  const range = doc.createRange();
  range.setStartBefore(marks[0]);
  range.setEndAfter(marks[marks.length - 1]);
  const covered = window.documentText ? documentText.range(documentText.map(doc), range) : {};
  const textOnly = el => Array.from(el.childNodes).every(c => c.nodeType === Node.TEXT_NODE);
  return {
    text: marks.map(m => m.textContent).join(' '),
    onlyText: marks.every(m => Array.from(m.childNodes).every(
      c => c.nodeType === Node.TEXT_NODE || (c.matches('a.app-known') && textOnly(c)))),
    xml: !!doc.querySelector('body > .xml-document'),
    painted: first.width > 0 && first.height > 0 && getComputedStyle(marks[0]).backgroundColor !== 'rgba(0, 0, 0, 0)',
    inView: outer.top + first.top >= 0 && outer.top + first.bottom <= innerHeight
      && outer.left + first.left >= pane.left - 1 && outer.left + first.right <= pane.right + 1,
    covered: [covered.start, covered.end],
  };
}"""


def xml_values(evidence: str, starts_in_line: bool = False) -> str:
    """The stored text writes XML as "element: value" lines; the rendering shows the values.
    A span that starts after a line's "element: " (a signer's name alone) shows its first
    line as it is."""
    lines = evidence.split("\n")
    shown = [line.split(":", 1)[1] if ":" in line else "" for line in lines]
    if starts_in_line:
        shown[0] = lines[0]
    return "\n".join(shown)


@needs_corpus
@pytest.mark.django_db(transaction=True)
def test_every_evidence_link_highlights_its_sentence_in_view(live_server, page, record_property):
    load_corpus()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    events = (
        Event.objects.exclude(document=None)
        .exclude(start=None)
        .select_related("document")
        .order_by("filing_id", "document__position", "start", "pk")
    )
    failures = {}
    for event in events:
        url = event.get_absolute_url()
        open_reading_view(page, live_server.url + url)
        found = page.evaluate(HIGHLIGHT)
        if found is None:
            failures[url] = "no highlight"
            continue
        text = event.document.text
        in_line = ":" in text[text.rfind("\n", 0, event.start) + 1 : event.start]
        wanted = xml_values(event.evidence, in_line) if found["xml"] else event.evidence
        problems = []
        if squeeze(found["text"]) != squeeze(wanted):
            problems.append(f"highlights {found['text'][:120]!r}")
        if not found["onlyText"]:
            problems.append("highlight wraps elements of the document")
        if not found["painted"]:
            problems.append("highlight not painted")
        if not found["inView"]:
            problems.append("highlight not scrolled into view")
        if not found["xml"]:
            # The occurrence the span points at, when the sentence occurs more than once.
            start = len(squeeze(text[: event.start]))
            if found["covered"] != [start, start + len(squeeze(event.evidence))]:
                problems.append(f"another occurrence: {found['covered']}, not from {start}")
        if problems:
            failures[url] = problems
    record_property("events", events.count())
    assert events.count() > 0
    assert failures == {}
    assert errors == []
