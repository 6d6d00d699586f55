"""The document pane over every corpus document: marking names leaves the layout as it was,
the frame's text is the stored text the mapping indexes, and nothing is out of reach."""

import pytest

from filings.models import Document
from filings.render import BINARY_KINDS
from tests.browser.corpus_pages import (
    load_corpus,
    open_reading_view,
    reload_frame_without_names,
    squeeze,
)
from tests.corpus import corpus_available

needs_corpus = pytest.mark.skipif(not corpus_available(), reason="EDGAR corpus not found")

# Where every text node of the frame is, each element's box and each table row's cells:
# saved in the page, then compared with the same document shown without marks. The text is
# measured by character spans, so that the spans of the split text nodes can be measured
# again in the unsplit ones. Boxes may differ by a pixel where a span wraps from one line to
# the next (whether the range takes the line's trailing space). <br> boxes are left out:
# Chromium places an unpainted <br> by the text node before it.
LAYOUT = """(compare) => {
  const doc = document.querySelector('#document-frame').contentDocument;
  const nodes = [], starts = [], walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let at = 0, node;
  while ((node = walker.nextNode())) {
    nodes.push(node);
    starts.push(at);
    at += node.nodeValue.length;
  }
  const saved = compare ? window.layoutWithMarks : null;
  let spans = saved ? saved.spans : [];
  if (!saved) nodes.forEach((n, i) => {
    if (n.nodeValue.trim()) spans.push([starts[i], starts[i] + n.nodeValue.length]);
  });
  function point(position) {
    let lo = 0, hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= position) lo = mid; else hi = mid - 1;
    }
    return [nodes[lo], position - starts[lo]];
  }
  const range = doc.createRange(), box = r => [r.left, r.top, r.right, r.bottom];
  const text = spans.map(([a, b]) => {
    range.setStart(...point(a));
    const [end, offset] = point(b - 1);
    range.setEnd(end, offset + 1);
    return box(range.getBoundingClientRect());
  });
  const marks = 'a.app-known, mark.app-evidence';
  const elements = Array.from(doc.body.querySelectorAll('*'))
    .filter(el => !el.matches(marks) && el.tagName !== 'BR')
    .map(el => box(el.getBoundingClientRect()));
  const rows = Array.from(doc.querySelectorAll('tr'), tr => tr.cells.length);
  const layout = {spans, text, elements, rows, length: at};
  if (!saved) {
    window.layoutWithMarks = layout;
    return doc.querySelectorAll(marks).length;
  }
  function moved(before, after) {
    if (before.length !== after.length) return Math.max(before.length, after.length);
    return before.filter((a, i) => a.some((x, k) => Math.abs(x - after[i][k]) > 1)).length;
  }
  const differences = {
    'text spans moved': moved(saved.text, text),
    'elements moved': moved(saved.elements, elements),
    'rows with other cells': saved.rows.length !== rows.length
      ? Math.max(saved.rows.length, rows.length) : saved.rows.filter((n, i) => n !== rows[i]).length,
    'text length changed': saved.length !== at,
  };
  return Object.fromEntries(Object.entries(differences).filter(([k, v]) => v));
}"""

# Content the user cannot scroll to: text or images beyond the frame's own viewport (whose
# scroll bars would sit below the end of the document) and not cut off by the filer's own
# overflow:hidden, or a pane that scrolls sideways without a scroll bar in the window.
REACH = """async () => {
  const frame = document.querySelector('#document-frame'), doc = frame.contentDocument;
  const root = doc.scrollingElement, holder = frame.parentElement;
  const bar = document.querySelector('.frame-scrollbar');
  function clippedByFiler(node, r) {
    for (let el = node.parentElement; el && el !== doc.body; el = el.parentElement) {
      const box = el.getBoundingClientRect();
      if (getComputedStyle(el).overflowX !== 'visible' && box.right < r.right - 1) return true;
    }
    return false;
  }
  let right = 0, bottom = 0;
  function reach(node, r) {
    if (r.right > root.clientWidth + 1 && clippedByFiler(node, r)) return;
    right = Math.max(right, r.right);
    bottom = Math.max(bottom, r.bottom);
  }
  const range = doc.createRange(), walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    if (!node.nodeValue.trim()) continue;
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) if (r.width > 0) reach(node, r);
  }
  for (const img of doc.images) reach(img, img.getBoundingClientRect());
  const problems = [];
  if (right > root.clientWidth + 1) problems.push(`text ends at ${right}, the frame shows ${root.clientWidth}`);
  if (bottom > root.clientHeight + 1) problems.push(`text ends at ${bottom}, the frame shows ${root.clientHeight}`);
  const wide = Math.max(root.scrollWidth, holder.scrollWidth) > holder.clientWidth + 1;
  if (holder.scrollWidth > holder.clientWidth + 1) {
    const r = bar ? bar.getBoundingClientRect() : null;
    if (!['auto', 'scroll'].includes(getComputedStyle(holder).overflowX)) problems.push('the pane does not scroll sideways');
    if (!bar || bar.hidden || r.height === 0) problems.push('no scroll bar for a pane wider than the window');
    else if (r.top >= innerHeight || r.bottom > innerHeight + 1) problems.push(`scroll bar at ${r.top}-${r.bottom}, outside the window`);
    else if (bar.scrollWidth < holder.scrollWidth - 1) problems.push('scroll bar narrower than the document');
    else {
      bar.scrollLeft = bar.scrollWidth;
      await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 20)));
      if (holder.scrollLeft < holder.scrollWidth - holder.clientWidth - 1) problems.push('the scroll bar does not scroll the pane');
      bar.scrollLeft = 0;
    }
  }
  return {problems, wide};
}"""

STREAM = """() => window.documentText
  && documentText.map(document.querySelector('#document-frame').contentDocument).text"""


@needs_corpus
@pytest.mark.django_db(transaction=True)
def test_every_corpus_document_is_within_reach_and_unchanged_by_marks(
    live_server, browser, record_property
):
    load_corpus()
    # A small laptop's window: plain-text tables of the 1990s are wider than the pane.
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    out_of_reach, changed, text_differs = {}, {}, []
    wide = marked = 0
    documents = Document.objects.exclude(kind__in=BINARY_KINDS).order_by("filing_id", "position")
    for doc in documents.only("filing_id", "sequence", "position", "kind"):
        url = doc.get_absolute_url()
        open_reading_view(page, live_server.url + url)
        reach = page.evaluate(REACH)
        wide += reach["wide"]
        if reach["problems"]:
            out_of_reach[url] = reach["problems"]
        if doc.kind != "xml":
            stored = Document.objects.values_list("text", flat=True).get(pk=doc.pk)
            if page.evaluate(STREAM) != squeeze(stored):
                text_differs.append(url)
        if not page.evaluate(LAYOUT, False):
            continue
        marked += 1
        reload_frame_without_names(page)
        differences = page.evaluate(LAYOUT, True)
        if differences:
            changed[url] = differences
    context.close()
    record_property("documents", documents.count())
    record_property("with marks", marked)
    record_property("wider than the pane", wide)
    problems = {
        "marking names changed the layout": changed,
        "content the reader cannot scroll to": out_of_reach,
        "the frame's text is not the stored text the mapping indexes": text_differs,
        "page errors": errors,
    }
    assert {what: where for what, where in problems.items() if where} == {}
    assert marked > 0 and wide > 0, "the corpus should exercise marks and wide documents"
