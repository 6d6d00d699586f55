"""Notes in a real browser: select a sentence in the Internap 8-K, comment and tag it,
reload and see it marked and listed; reply as another analyst; a reader does not see a
private note; back and forward keep the open thread; with JavaScript off, the note's own
page still works."""

import re

import pytest
from playwright.sync_api import expect

from filings import accounts, ingest
from filings.models import Annotation
from tests.corpus import corpus_available, read_corpus_file
from tests.fixtures import submission

ACC = "0001193125-04-218426"
SENTENCE = "the Board elected Ms. Patricia L. Higgins as a director"
QUOTE = "Patricia L. Higgins"


def store():
    if corpus_available():
        data = read_corpus_file(f"{ACC}.txt")
    else:
        data = submission(sentence=f"On December 17, 2004, {SENTENCE}.")
    assert ingest.ingest(data, f"{ACC}.txt").ok


def log_in(page, live_server, name):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", "a-long-password-1")
    page.click("button[type=submit]")
    expect(page.locator("details.whoami summary")).to_have_text(name)


def select(page, words):
    """Select `words` in the document frame (one text node), as a mouse would."""
    frame = page.frame(url=re.compile(r"/content$"))
    found = frame.evaluate(
        """(words) => {
          const pattern = new RegExp(words.split(" ").map(
            (w) => w.replace(/[.*+?^${}()|[\\]\\\\]/g, "\\\\$&")).join("\\\\s+"));
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let node;
          while ((node = walker.nextNode())) {
            const m = pattern.exec(node.nodeValue);
            if (!m) continue;
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const selection = document.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            document.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
            return true;
          }
          return false;
        }""",
        words,
    )
    assert found, words


@pytest.mark.django_db(transaction=True)
def test_comment_tag_reload_reply_visibility_history_and_no_script(
    live_server, page, browser, console_errors
):
    store()
    accounts.add_user("alice", "analyst", "a-long-password-1", teams=["desk"])
    accounts.add_user("bob", "analyst", "a-long-password-1", teams=["desk"])
    accounts.add_user("rita", "reader", "a-long-password-1", teams=["desk"])
    log_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/filings/{ACC}/1/")
    expect(page.locator("#notes-sidebar")).to_contain_text("No notes on this document")

    # The app's script has marked the frame, and the notes script taken it in hand.
    frame = page.locator("#document-frame")
    expect(frame).to_have_attribute("data-prepared", re.compile("/content$"))
    expect(frame).to_have_attribute("data-notes", re.compile("/content$"))
    select(page, QUOTE)
    popover = page.locator(".note-popover")
    expect(popover).to_be_visible()
    popover.get_by_role("button", name="Comment").click()
    popover.locator("textarea[name=body]").fill("Board seat follows the **proxy fight**")
    popover.locator("input[name=tags]").fill("proxy, board")
    popover.locator("input[value=team]").check()
    popover.get_by_role("button", name="Save").click()

    page.wait_for_url(re.compile(r"#note-\d+$"))
    note = Annotation.objects.get()
    assert note.exact == QUOTE
    assert note.visibility == "team" and sorted(t.name for t in note.tags.all()) == [
        "board",
        "proxy",
    ]
    # The page reloads itself at the new note; then once more, as a reader would.
    expect(page.locator("#notes-sidebar")).to_contain_text("Board seat follows")
    page.wait_for_load_state("load")
    page.reload()
    sidebar = page.locator("#notes-sidebar")
    expect(sidebar).to_contain_text("Board seat follows the proxy fight")
    expect(sidebar.locator("strong")).to_have_text("proxy fight")
    marks = page.frame_locator("#document-frame").locator(f'mark.app-note[data-note="{note.pk}"]')
    expect(marks.first).to_be_visible()
    assert " ".join(marks.all_inner_texts()).split() == QUOTE.split()

    # Bob, in the same team, replies on the note's page.
    bob = browser.new_context(viewport={"width": 1400, "height": 900})
    bob_page = bob.new_page()
    log_in(bob_page, live_server, "bob")
    bob_page.goto(f"{live_server.url}/notes/{note.pk}/")
    bob_page.fill("textarea[name=body]", "Agreed; see the 13D.")
    bob_page.get_by_role("button", name="Reply").click()
    expect(bob_page.locator(".thread")).to_contain_text("Agreed; see the 13D.")
    bob.close()

    # A second, private note of alice: Rita, a reader in the same team, sees only the first.
    Annotation.objects.create(
        filing=note.filing,
        document_slug="1",
        author=note.author,
        body="private thoughts",
        body_html="<p>private thoughts</p>",
        exact=note.exact,
        start=note.start,
        end=note.end,
        text_hash=note.text_hash,
    )
    rita = browser.new_context(viewport={"width": 1400, "height": 900})
    rita_page = rita.new_page()
    log_in(rita_page, live_server, "rita")
    rita_page.goto(f"{live_server.url}/filings/{ACC}/1/")
    expect(rita_page.locator("#notes-sidebar")).to_contain_text("Board seat follows")
    expect(rita_page.locator("body")).not_to_contain_text("private thoughts")
    rita.close()

    # Back and forward move between the notes opened, each with its thread open.
    page.goto(f"{live_server.url}/filings/{ACC}/1/")
    second = Annotation.objects.exclude(pk=note.pk).filter(parent=None).get()
    page.locator(f'a[data-note-link="{note.pk}"]').click()
    expect(page).to_have_url(re.compile(rf"#note-{note.pk}$"))
    page.locator(f'a[data-note-link="{second.pk}"]').click()
    expect(page).to_have_url(re.compile(rf"#note-{second.pk}$"))
    page.go_back()
    expect(page).to_have_url(re.compile(rf"#note-{note.pk}$"))
    entry = page.locator(f"#note-{note.pk}")
    expect(entry).to_have_class(re.compile("active"))
    expect(entry.locator("details.thread")).to_have_attribute("open", "")
    expect(entry).to_contain_text("Agreed; see the 13D.")
    page.go_forward()
    expect(page).to_have_url(re.compile(rf"#note-{second.pk}$"))
    assert console_errors == []

    # Without JavaScript, the note's own page shows the passage and the thread.
    plain = browser.new_context(java_script_enabled=False)
    plain_page = plain.new_page()
    log_in(plain_page, live_server, "bob")
    plain_page.goto(f"{live_server.url}/notes/{note.pk}/")
    expect(plain_page.locator("h1")).to_contain_text("Comment by alice")
    expect(plain_page.locator("blockquote.quote mark")).to_contain_text("Patricia L. Higgins")
    expect(plain_page.locator(".thread")).to_contain_text("Agreed; see the 13D.")
    plain.close()
