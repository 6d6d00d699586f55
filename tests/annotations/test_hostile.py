"""Hostile note bodies, tags and quotes: written through the page's own form, they render
inert on every page that shows notes (the note's page, the list, the reading view's sidebar),
in the reading view's JSON marks and in the export.

Each page is parsed with lxml and held to: no <script> but the app's own (a file under
/static/, or a JSON block that parses); no on* attribute anywhere; no javascript:, vbscript:
or data: address in any URL attribute; in note bodies only the note allow-list, and every
link http(s) or mailto with rel="noopener noreferrer nofollow"; each note's text inside its
.note-body (from its first word to its last); no bidirectional override or NUL on the page;
a Content-Security-Policy that allows no inline script.
"""

import json
import re
from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.test import Client, override_settings
from lxml import html as lxml_html

from filings.models import Annotation
from filings.sanitize import NOTE_REL, NOTE_TAGS
from tests.annotations.helpers import ACC, SENTENCE, main_document, store, target, user
from tests.fixtures import submission

pytestmark = pytest.mark.django_db

BODIES = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="https://example.com/" onclick="alert(1)" onmouseover=alert(1)>x</a>',
    '<div onclick=alert(1) style="position:fixed;inset:0">cover</div>',
    '"><svg onload=alert(1)>',
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java&#x73;cript:alert(1))",
    "[x](  javascript:alert(1)  )",
    "[x](java\tscript:alert(1))",
    "<javascript:alert(1)>",
    "[x][evil]\n\n[evil]: javascript:alert(1)",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](data:image/png;base64,iVBORw0KGgo=)",
    "![x](https://example.com/pixel.png)",
    "[ok](https://example.com/a?b=1) <https://example.com/auto> https://example.com/bare "
    "[mail](mailto:someone@example.com)",
    "<iframe src=https://example.com/></iframe>\n\n<style>body{display:none}</style>",
    "<form action=https://example.com/><input name=x></form>",
    "</div></li></ol></details></section></article><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "```\n</code></pre><script>alert(1)</script>\n```",
    "<!-- <script>alert(1)</script> -->",
    "a\x00b\x00<scr\x00ipt>alert(1)</script>",
    "invoice\u202egnp.exe and \u2066isolated\u2069 \u202atext\u202c",
    "word " * 8_000,  # 40 KB
]
TAGS = [
    '"><script>alert(1)</script>',
    "</textarea><script>alert(1)</script>",
    'x" onmouseover="alert(1)',
    "\u202eevil",
]
# Filer text a note may quote: the plain text holds what the HTML's entities said.
QUOTE = "</textarea><script>alert(1)</script><img src=x onerror=alert(1)>"
DOCUMENT = submission(
    sentence=SENTENCE
    + "</P>\n<P>Quoted: &lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    + "&lt;img src=x onerror=alert(1)&gt; end of it."
)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcdoc", "data", "poster", "xlink:href"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
EMPTY_ICON = "data:,"  # the layout's <link rel="icon">: no favicon request


def framed(i, payload):
    """The payload between two words: the note's text is where both are."""
    return f"zqstart{i}q\n\n{payload}\n\nzqend{i}q"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The hostile notes, each written through the page's form by an analyst, public;
    one with the hostile tags, one on the hostile quote, and a hostile reply."""
    storage = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path_factory.mktemp("raw")},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(STORAGES=storage, PASSWORD_HASHERS=fast),
        transaction.atomic(),
    ):
        filing = store(DOCUMENT)
        author = user("alice", "analyst", "desk")
        other = user("bob", "analyst", "desk")
        client = Client()
        client.force_login(author)
        notes = []
        for i, payload in enumerate(BODIES):
            tags = ",".join(TAGS) if i == 0 else ""
            quote = QUOTE if i == 1 else "Patricia L. Higgins"
            response = post_note(client, filing, quote, framed(i, payload), tags)
            assert response.status_code == 201, response.content
            notes.append(response.json()["id"])
        reply_to = Client()
        reply_to.force_login(other)
        i = len(BODIES)
        response = reply_to.post(
            f"/notes/{notes[0]}/reply", {"body": framed(i, BODIES[0] + BODIES[5])}
        )
        assert response.status_code == 302
        yield {"author": author, "other": other, "notes": notes, "filing": filing}
        transaction.set_rollback(True)


def post_note(client, filing, quote, body, tags=""):
    t = target(filing, quote)
    data = {
        "start": t.start,
        "end": t.end,
        "exact": t.exact,
        "text_hash": t.text_hash,
        "body": body,
        "tags": tags,
        "visibility": "public",
    }
    return client.post(f"/filings/{ACC}/1/notes", data, HTTP_ACCEPT="application/json")


def viewer(world, who):
    client = Client()
    if who != "anonymous":
        client.force_login(world[who])
    return client


def quote_span(world):
    text = main_document(world["filing"]).text
    start = text.index(QUOTE)
    return f"{start}-{start + len(QUOTE)}"


# --- what every page is held to ---------------------------------------------------------


def note_bodies(tree):
    return tree.xpath('//*[contains(concat(" ", normalize-space(@class), " "), " note-body ")]')


def assert_inert(response, shown: list[int]):
    """The page is inert and each note i in `shown` is whole inside one .note-body."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    csp = response.headers.get("Content-Security-Policy", "")
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    assert "'self'" in directives["script-src"], csp
    assert not {"'unsafe-inline'", "'unsafe-eval'", "*"} & set(directives["script-src"]), csp
    assert directives.get("object-src") == ["'none'"], csp

    page = response.content.decode()
    assert "\x00" not in page
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", page)
    tree = lxml_html.document_fromstring(page)

    for script in tree.iter("script"):
        if script.get("src"):
            assert urlsplit(script.get("src")).path.startswith("/static/"), script.get("src")
            assert not (script.text or "").strip()
        else:
            assert script.get("type") == "application/json", lxml_html.tostring(script)[:200]
            json.loads(script.text or "")
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # a comment
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name, value)
            if name.lower() in URL_ATTRIBUTES and value != EMPTY_ICON:
                squeezed = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                assert not squeezed.startswith(BAD_SCHEMES), (element.tag, name, value)

    bodies = note_bodies(tree)
    for body in bodies:
        for element in body.iterdescendants():
            if not isinstance(element.tag, str):
                continue
            assert element.tag in NOTE_TAGS, element.tag
            if element.tag == "a":
                assert set(element.attrib) <= {"href", "title", "rel", "target"}
                if element.get("href") is not None:
                    assert urlsplit(element.get("href")).scheme in ("http", "https", "mailto")
                    assert set(element.get("rel", "").split()) == set(NOTE_REL.split())
            else:
                assert not element.attrib, (element.tag, dict(element.attrib))
    for i in shown:
        holding = [b for b in bodies if f"zqstart{i}q" in b.text_content()]
        assert len(holding) == 1, f"note {i}: in {len(holding)} .note-body elements"
        assert f"zqend{i}q" in holding[0].text_content(), f"note {i} left its .note-body"
    # A note's words appear nowhere but in a note body, the author's edit box, the history.
    astray = tree.xpath(
        '//text()[contains(., "zqstart") or contains(., "zqend")]'
        '[not(ancestor::*[contains(concat(" ", normalize-space(@class), " "), " note-body ")]'
        ' or ancestor::textarea or ancestor::pre[contains(@class, "version-body")])]'
    )
    assert not astray, [str(t)[:80] for t in astray]
    return tree


# --- the pages ------------------------------------------------------------------------------


VIEWERS = ("author", "other", "anonymous")


@pytest.mark.parametrize("who", VIEWERS)
@pytest.mark.parametrize("i", range(len(BODIES)))
def test_the_notes_page_is_inert(world, who, i):
    note = world["notes"][i]
    response = viewer(world, who).get(f"/notes/{note}/")
    shown = [i, len(BODIES)] if i == 0 else [i]
    tree = assert_inert(response, shown)
    # Nothing closed the page's own elements early: the thread is still in the article.
    assert tree.xpath('//article[contains(@class, "note-page")]//section[@aria-label="Replies"]')
    stored = Annotation.objects.get(pk=note)
    if who == "author":
        # The edit box holds the text as written (cleaned), whole: </textarea> did not end it.
        (box,) = tree.xpath('//form[contains(@action, "/edit")]//textarea[@name="body"]')
        assert box.text_content().strip("\n") == stored.body.strip("\n")
        (tags,) = tree.xpath('//form[contains(@action, "/edit")]//input[@name="tags"]')
        assert tags.get("value") == ", ".join(t.name for t in stored.tags.all())
    shown_tags = [a.text_content() for a in tree.xpath('//a[@class="tag"]')]
    assert shown_tags == [t.name for t in stored.tags.all()]


def test_tags_are_kept_as_written_but_cleaned(world):
    stored = Annotation.objects.get(pk=world["notes"][0])
    assert sorted(t.name for t in stored.tags.all()) == sorted(
        ['"><script>alert(1)</script>', "</textarea><script>alert(1)</script>", "evil"]
        + ['x" onmouseover="alert(1)']
    )


def test_bodies_are_cleaned_when_stored(world):
    notes = {i: Annotation.objects.get(pk=pk) for i, pk in enumerate(world["notes"])}
    nul = next(i for i, b in enumerate(BODIES) if "\x00" in b)
    assert "\x00" not in notes[nul].body and "<script>alert(1)</script>" in notes[nul].body
    bidi = next(i for i, b in enumerate(BODIES) if "\u202e" in b)
    assert "invoicegnp.exe" in notes[bidi].body
    long = next(i for i, b in enumerate(BODIES) if len(b) > 30_000)
    assert len(notes[long].body) > 40_000
    for note in notes.values():
        assert "<script" not in note.body_html and "<img" not in note.body_html


def test_a_body_over_the_limit_is_refused(world):
    client = viewer(world, "author")
    response = post_note(client, world["filing"], "Patricia L. Higgins", "x" * 50_001)
    assert response.status_code == 400
    assert not Annotation.objects.filter(body="x" * 50_001).exists()


@pytest.mark.parametrize("who", VIEWERS)
def test_the_notes_list_is_inert(world, who):
    assert_inert(viewer(world, who).get("/annotations/"), list(range(len(BODIES))))


@pytest.mark.parametrize("who", VIEWERS)
@pytest.mark.parametrize("tag", TAGS[:2])
def test_the_notes_list_filtered_by_a_hostile_tag_is_inert(world, who, tag):
    response = viewer(world, who).get("/annotations/", {"tag": tag})
    assert_inert(response, [0])


@pytest.mark.parametrize("who", VIEWERS)
def test_the_reading_views_sidebar_and_marks_are_inert(world, who):
    response = viewer(world, who).get(f"/filings/{ACC}/1/notes")
    shown = list(range(len(BODIES) + 1))  # every note, and the reply in its thread
    tree = assert_inert(response, shown)
    (marks,) = tree.xpath('//div[@id="document-notes"]/@data-marks')
    marks = json.loads(marks)
    assert sorted(m["id"] for m in marks) == sorted(world["notes"])
    for mark in marks:
        assert set(mark) >= {"id", "start", "end", "kind", "url"}
        assert mark["url"] == f"/notes/{mark['id']}/"
    # Each note of the sidebar is one list item holding its own quote, body and meta.
    items = tree.xpath('//ol[contains(@class, "notes-in-document")]/li[@data-note]')
    assert len(items) == len(BODIES)
    for item in items:
        assert len(item.xpath('./a[contains(@class, "note-quote")]')) == 1
        assert len(item.xpath('./div[contains(@class, "note-body")]')) == 1
    hostile = tree.xpath(
        f'//li[@data-note="{world["notes"][1]}"]/a[contains(@class, "note-quote")]'
    )
    assert QUOTE[:60] in hostile[0].text_content()


@pytest.mark.parametrize("who", VIEWERS)
def test_the_reading_view_with_hostile_filters_and_highlight_is_inert(world, who):
    client = viewer(world, who)
    assert_inert(client.get(f"/filings/{ACC}/1/notes", {"tag": TAGS[0]}), [0])
    assert_inert(
        client.get(f"/filings/{ACC}/1/notes", {"notes": '"><script>alert(1)</script>'}), []
    )
    # The page itself carries no notes (its sidebar loads them), and is inert too.
    response = client.get(f"/filings/{ACC}/1/", {"hl": quote_span(world)})
    tree = assert_inert(response, [])
    (frame,) = tree.xpath('//iframe[@id="document-frame"]')
    assert frame.get("data-highlight") == QUOTE


def test_the_search_page_echoing_a_hostile_query_is_inert(world):
    for query in ('note:"<script>alert(1)</script>"', f"tag:{json.dumps(TAGS[0])}", QUOTE):
        response = Client().get("/search/", {"q": query})
        tree = assert_inert(response, [])
        assert query in [i.get("value") for i in tree.xpath('//input[@name="q"]')]


def test_the_export_is_json_that_keeps_the_text_as_data(world):
    response = Client().get("/api/annotations.jsonld", {"limit": 1000})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    assert response["X-Content-Type-Options"] == "nosniff"
    data = json.loads(response.content)
    assert not re.search("[\u202a-\u202e\u2066-\u2069\x00]", json.dumps(data, ensure_ascii=False))
    by_id = {item["id"].rsplit("/notes/", 1)[1].strip("/"): item for item in data["items"]}
    for pk in world["notes"]:
        note = Annotation.objects.get(pk=pk)
        item = by_id[str(pk)]
        texts = [b["value"] for b in item["body"] if b.get("format") == "text/markdown"]
        assert texts == [note.body]
        tags = sorted(b["value"] for b in item["body"] if b.get("purpose") == "tagging")
        assert tags == sorted(t.name for t in note.tags.all())
    quoted = by_id[str(world["notes"][1])]["target"]["selector"][0]
    assert quoted["exact"] == QUOTE


@pytest.mark.parametrize(
    "stored,seen",
    [
        ("<p>zqstart2q</p><script>alert(1)</script><p>zqend2q</p>", "<script>"),
        ('<p>zqstart2q <img src="x" onerror="alert(1)"> zqend2q</p>', "onerror"),
        ('<p>zqstart2q <a href="javascript:alert(1)">x</a> zqend2q</p>', "javascript:"),
        ('<p>zqstart2q <a href="https://example.com/">x</a> zqend2q</p>', "noopener"),
        ("<p>zqstart2q</p></div></li><p>zqend2q</p>", "zqend2q"),
    ],
    ids=["script", "handler", "javascript-link", "link-without-rel", "container"],
)
def test_the_checks_see_what_they_look_for(world, stored, seen):
    """A body stored unsanitized (behind the writer's back) fails the page's checks."""
    Annotation.objects.filter(pk=world["notes"][2]).update(body_html=stored)
    with pytest.raises(AssertionError, match=re.escape(seen)):
        assert_inert(Client().get(f"/notes/{world['notes'][2]}/"), [2])
