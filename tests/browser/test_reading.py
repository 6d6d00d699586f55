"""The reading view in a real browser: corpus filings, document switching, history, safety
and layout fidelity against the raw filer HTML."""

import io
import re

import pytest
from playwright.sync_api import expect

from filings import edgar, ingest
from filings.models import Filing
from tests.corpus import corpus_available, read_corpus_file
from tests.fixtures import document, submission

needs_corpus = pytest.mark.skipif(not corpus_available(), reason="EDGAR corpus not found")

# (accession, what it exercises)
READING_CASES = {
    "0001193125-04-218426": "HTML 8-K",
    "0001193125-23-048785": "iXBRL 8-K",
    "0000320193-94-000016": "1990s plain-text 10-K",
    "0001045810-23-000128": "Form 4 XML",
    "0000037996-17-000084": "uuencoded images",
    "0000000000-24-003505": "PDF letter",
    "0000950123-14-009048": "13F information table",
}


def load(*accessions):
    for acc in accessions:
        result = ingest.ingest(read_corpus_file(f"{acc}.txt"), f"{acc}.txt")
        assert result.ok, result.message


@needs_corpus
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("accession", list(READING_CASES), ids=list(READING_CASES.values()))
def test_corpus_filing_opens_with_its_panel_and_every_document(
    live_server, page, console_errors, accession
):
    load(accession)
    filing = Filing.objects.get(accession=accession)
    page.goto(f"{live_server.url}/filings/{accession}/")
    expect(page.locator("#metadata-panel")).to_contain_text(accession)
    expect(page.locator("#metadata-panel")).to_contain_text(filing.form)
    for doc in filing.documents.order_by("position")[:6]:
        page.goto(f"{live_server.url}{doc.get_absolute_url()}")
        if doc.kind in ("pdf", "image", "binary"):
            expect(page.locator(".download a")).to_be_visible()
            if doc.kind == "image":
                natural = page.locator(".download img").evaluate(
                    "i => i.complete && i.naturalWidth"
                )
                assert natural > 0, doc
            continue
        frame = page.frame_locator("#document-frame")
        expect(frame.locator("body")).not_to_be_empty()
        body_text = page.frame(url=re.compile(r"/content$")).inner_text("body")
        if doc.kind in ("html", "ixbrl", "text") and doc.text.strip():
            first_word = doc.text.split()[0]
            assert first_word in body_text, (doc, first_word)
        if doc.kind == "xml" and doc.type in ("4", "INFORMATION TABLE"):
            assert page.frame(url=re.compile(r"/content$")).locator("table").count() > 0
    assert console_errors == []


@needs_corpus
@pytest.mark.django_db(transaction=True)
def test_switching_documents_swaps_the_pane_and_back_forward_work(
    live_server, page, console_errors
):
    acc = "0001193125-04-218426"
    load(acc)
    page.goto(f"{live_server.url}/filings/{acc}/")
    page.evaluate("window.__marker = 'same page'")
    expect(page.locator("#document-frame")).to_have_attribute("src", f"/filings/{acc}/1/content")
    page.locator("#document-list a", has_text="EX-99.1").click()
    expect(page).to_have_url(f"{live_server.url}/filings/{acc}/2/")
    expect(page.locator("#document-frame")).to_have_attribute("src", f"/filings/{acc}/2/content")
    expect(page.locator("#document-list tr.current")).to_contain_text("EX-99.1")
    assert page.evaluate("window.__marker") == "same page"  # swapped by htmx, not reloaded
    page.go_back()
    expect(page).to_have_url(f"{live_server.url}/filings/{acc}/")
    expect(page.locator("#document-frame")).to_have_attribute("src", f"/filings/{acc}/1/content")
    page.go_forward()
    expect(page).to_have_url(f"{live_server.url}/filings/{acc}/2/")
    expect(page.locator("#document-frame")).to_have_attribute("src", f"/filings/{acc}/2/content")
    assert console_errors == []


@needs_corpus
@pytest.mark.django_db(transaction=True)
def test_document_counter_counts_positions_not_sequence_numbers(live_server, page):
    acc = "0000066740-24-000023"  # sequence numbers 1-17 for 14 documents
    load(acc)
    page.goto(f"{live_server.url}/filings/{acc}/16/")
    expect(page.locator(".doc-header")).to_contain_text("Document 13 of 14")


@pytest.mark.django_db(transaction=True)
def test_document_links_work_with_javascript_off(live_server, browser):
    ingest.ingest(submission(), "internap.txt")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    acc = "0001193125-04-218426"
    page.goto(f"{live_server.url}/filings/{acc}/")
    page.locator("#document-list a", has_text="EX-99.1").click()
    expect(page).to_have_url(f"{live_server.url}/filings/{acc}/2/")
    expect(page.frame_locator("#document-frame").locator("body")).to_contain_text("Press release")
    context.close()


HOSTILE = """<html><head><title>leak-title</title>
<script>window.top.document.title = 'pwned-script'; alert(1)</script>
<style>body { display: none } .x { background: url(http://evil.example/track) }</style>
<base href="http://evil.example/"><meta http-equiv="refresh" content="0;url=http://evil.example/">
</head><body>
<p id="csrf" onclick="alert(1)" style="position:fixed;top:0;left:0;width:100%;height:100%">Overlay attempt</p>
<img src="x" onerror="window.top.document.title='pwned-img'">
<svg onload="window.top.document.title='pwned-svg'"><circle r="5"/></svg>
<a href="javascript:window.top.document.title='pwned-link'" id="jslink">click me</a>
<iframe srcdoc="<script>top.document.title='pwned-srcdoc'</script>"></iframe>
<form action="http://evil.example/"><input name="q"><button>go</button></form>
<div hx-get="/admin/" hx-trigger="load">htmx attempt</div>
<p>Visible filer text</p>
</body></html>
"""


@pytest.mark.django_db(transaction=True)
def test_nothing_a_filer_wrote_runs_or_escapes_the_frame(live_server, page, console_errors):
    data = submission().replace(
        b"</SEC-DOCUMENT>",
        document("EX-99.2", 4, "evil.htm", "HOSTILE", HOSTILE).encode() + b"</SEC-DOCUMENT>",
    )
    assert ingest.ingest(data, "hostile.txt").ok
    acc = "0001193125-04-218426"
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{live_server.url}/filings/{acc}/4/")
    frame = page.frame_locator("#document-frame")
    expect(frame.locator("body")).to_contain_text("Visible filer text")
    page.wait_for_timeout(300)
    assert "pwned" not in page.title()
    assert dialogs == []
    # Probe the frame from the app page: the frame itself may run no script, not even ours.
    frame_doc = "document.querySelector('#document-frame').contentDocument"
    text = page.evaluate(f"() => {frame_doc}.body.innerText")
    assert "leak-title" not in text and "window.top" not in text and "display: none" not in text
    position = page.evaluate(
        f"() => getComputedStyle({frame_doc}.querySelector('#doc-csrf')).position"
    )
    assert position == "static"
    assert page.locator("#csrf").count() == 0  # filer ids never reach the app page
    page.evaluate(f"() => {frame_doc}.querySelector('#doc-jslink').click()")
    page.wait_for_timeout(200)
    assert "pwned" not in page.title()
    assert console_errors == []


def screenshot(page) -> "Image":  # noqa: F821
    from PIL import Image

    return Image.open(io.BytesIO(page.screenshot(full_page=True))).convert("RGB")


def similarity(a, b) -> float:
    """Share of pixels that are the same in both screenshots (the shorter padded white)."""
    from PIL import Image, ImageChops

    width, height = max(a.width, b.width), max(a.height, b.height)
    canvas_a = Image.new("RGB", (width, height), "white")
    canvas_b = Image.new("RGB", (width, height), "white")
    canvas_a.paste(a)
    canvas_b.paste(b)
    diff = (
        ImageChops.difference(canvas_a, canvas_b).convert("L").point(lambda v: 255 if v > 24 else 0)
    )
    differing = diff.histogram()[255]
    return 1 - differing / (width * height)


def html_filings():
    """Every corpus filing with HTML documents (the manifest's "html" feature)."""
    from tests.corpus import main_rows

    if not corpus_available():
        return []
    return [row.accession for row in main_rows() if row.has("html")]


FIDELITY_SAMPLE = [
    "0001193125-04-218426",
    "0000950137-05-004969",
    "0001010412-10-000078",
    "0001193125-23-048785",
    "0000066740-24-000023",
    "0001213900-25-032135",
    "0001437749-25-013070",
    "0001045810-26-000024",
    "0000320193-24-000061",
    "0001193125-25-110092",
    "0001104659-25-002604",
    "0001779026-23-000027",
]


@needs_corpus
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("accession", html_filings())
def test_sanitized_view_looks_like_the_raw_filing(live_server, browser, accession, record_property):
    """Raw filer HTML (scripts off, images served from the filing) vs the app's frame content."""
    data = read_corpus_file(f"{accession}.txt")
    load(accession)
    sub = edgar.parse(data, name=f"{accession}.txt")
    files = {
        (d.uuencoded_name or d.filename or "").lower(): d.decoded_binary()
        for d in sub.documents
        if d.uuencoded_name
    }
    raw_context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1100, "height": 900}
    )
    app_context = browser.new_context(viewport={"width": 1100, "height": 900})
    raw_page, app_page = raw_context.new_page(), app_context.new_page()
    filing = Filing.objects.get(accession=accession)
    scores = []
    for position, doc in enumerate(sub.documents):
        if doc.kind not in ("html", "ixbrl") or doc.text_bytes > 400_000:  # screenshot size
            continue

        def serve(route, request, body=doc.text):
            name = request.url.rsplit("/", 1)[-1].lower()
            if name == "doc.htm":
                route.fulfill(body=body, content_type="text/html; charset=utf-8")
            elif name in files:
                route.fulfill(body=files[name])
            else:
                route.fulfill(status=404, body="")

        raw_page.route("http://raw.test/**", serve)
        raw_page.goto("http://raw.test/doc.htm")
        stored = filing.documents.get(position=position)
        app_page.goto(f"{live_server.url}/filings/{accession}/{stored.slug}/content")
        score = similarity(screenshot(raw_page), screenshot(app_page))
        scores.append((doc.filename, round(score, 4)))
        raw_page.unroute("http://raw.test/**")
    record_property("similarity", scores)
    raw_context.close()
    app_context.close()
    if not scores:
        pytest.skip("every HTML document of this filing is over 400 KB (too tall to screenshot)")
    low = [(name, s) for name, s in scores if s < 0.97]
    assert low == [], f"documents below 0.97 similarity: {low}"
