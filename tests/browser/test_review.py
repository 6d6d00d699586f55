"""Reviewing events in a real browser: the queue driven from the keyboard (j/k to move,
a to accept, r and e to open the forms, Escape to close them), states kept on reload."""

import pytest
from playwright.sync_api import expect

from filings.models import EventDecision
from tests.browser.test_notes import log_in
from tests.decisions.helpers import reviewer, store_two
from tests.search.helpers import store

# Select a passage across the frame's text nodes (names in it are marked, so it spans
# several), through the page's own text map, and let go of the mouse.
SELECT = """(words) => {
  const doc = document.querySelector('#document-frame').contentDocument;
  const map = documentText.map(doc), span = documentText.find(map, words);
  if (!span) return false;
  const pieces = documentText.pieces(map, span.start, span.end), last = pieces[pieces.length - 1];
  const range = doc.createRange();
  range.setStart(pieces[0].node, pieces[0].start);
  range.setEnd(last.node, last.end);
  doc.getSelection().removeAllRanges();
  doc.getSelection().addRange(range);
  doc.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
  return true;
}"""

MAJOR = "Item 5.02</P><P>On May 1, 2004, Mary Major was appointed Chief Executive Officer."


@pytest.mark.django_db(transaction=True)
def test_accept_three_events_with_the_keyboard_then_reload(live_server, page, console_errors):
    store_two()
    store(7, sentence=MAJOR, company="OTHER CO", cik="0000000077")
    reviewer("alice")
    log_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/review/")
    rows = page.locator("[data-review-list] > li.event-row")
    expect(rows).to_have_count(3)
    names = [rows.nth(i).locator(".event-facts a").first.inner_text() for i in range(3)]

    for i in range(3):
        page.keyboard.press("j")
        expect(rows.nth(i)).to_have_class("event-row state-unreviewed is-current")
        page.keyboard.press("a")
        expect(rows.nth(i).locator(".badge")).to_have_text("accepted")
    # k goes back up; r opens the rejection form with the cursor in the reason; Escape closes it.
    page.keyboard.press("k")
    page.keyboard.press("r")
    reason = rows.nth(1).locator("input[name=reason]")
    expect(reason).to_be_focused()
    page.keyboard.press("Escape")
    expect(rows.nth(1).locator(".decision-form")).to_have_count(0)
    expect(rows.nth(1).locator(".badge")).to_have_text("accepted")

    page.reload()
    expect(page.locator("[data-review-list] > li.event-row")).to_have_count(0)
    expect(page.locator(".review-states")).to_contain_text("accepted 3")
    page.goto(f"{live_server.url}/review/?state=accepted")
    expect(rows).to_have_count(3)
    assert sorted(
        rows.nth(i).locator(".event-facts a").first.inner_text() for i in range(3)
    ) == sorted(names)
    assert EventDecision.objects.filter(state="accepted").count() == 3
    assert console_errors == []


@pytest.mark.django_db(transaction=True)
def test_reject_and_correct_from_the_panel_with_the_keyboard(live_server, page, console_errors):
    filing = store_two()
    reviewer("alice")
    log_in(page, live_server, "alice")
    page.goto(f"{live_server.url}{filing.get_absolute_url()}")
    rows = page.locator("[data-review-list] > li.event-row")
    expect(rows).to_have_count(2)
    page.keyboard.press("j")
    page.keyboard.press("r")
    reason = rows.nth(0).locator("input[name=reason]")
    expect(reason).to_be_focused()
    reason.fill("Mentioned only")
    page.keyboard.press("Enter")
    expect(rows.nth(0).locator(".badge")).to_have_text("rejected")
    expect(rows.nth(0)).to_contain_text("“Mentioned only”")
    page.keyboard.press("j")
    page.keyboard.press("e")
    kind = rows.nth(1).locator("select[name=event_type]")
    expect(kind).to_be_focused()
    kind.select_option("retired")
    rows.nth(1).locator("input[name=role]").fill("Chief Accounting Officer")
    rows.nth(1).get_by_role("button", name="Save decision").click()
    expect(rows.nth(1).locator(".badge")).to_have_text("corrected")
    page.reload()
    expect(rows.nth(0).locator(".badge")).to_have_text("rejected")
    expect(rows.nth(1)).to_contain_text("retired · Chief Accounting Officer")
    assert console_errors == []


@pytest.mark.django_db(transaction=True)
def test_record_a_missed_event_from_a_selection(live_server, page, console_errors):
    filing = store_two()
    reviewer("alice")
    log_in(page, live_server, "alice")
    page.goto(f"{live_server.url}{filing.get_absolute_url()}")
    expect(page.locator("#note-target[data-can-review]")).to_have_count(1)
    page.wait_for_function("document.querySelector('#document-frame').dataset.prepared")
    assert page.evaluate(SELECT, "John Smith resigned as Chief Financial Officer of the Company.")
    page.locator(".note-popover button[data-kind=event]").click()
    form = page.locator(".note-popover form.record-form")
    expect(form.locator("select[name=event_type]")).to_have_value("resigned")
    expect(form.locator("select[name=event_type]")).to_be_focused()
    expect(form.locator("input[name=name]")).to_have_value("John Smith")
    form.locator("select[name=event_type]").select_option("named-to-committee")
    form.locator("input[name=role]").fill("Audit Committee")
    form.get_by_role("button", name="Record event").click()
    lost = page.locator("ul.lost-decisions li")
    expect(lost).to_have_count(1)
    expect(lost).to_contain_text("recorded John Smith named-to-committee · Audit Committee")
    decision = EventDecision.objects.get()
    assert decision.state == "recorded" and decision.decided_by.username == "alice"
    assert console_errors == []


@pytest.mark.django_db(transaction=True)
def test_link_a_name_to_a_person_from_a_selection(live_server, page, console_errors):
    filing = store_two()
    other = store(
        7, sentence=MAJOR.replace("Mary Major", "John Smith"), company="OTHER CO", cik="0000000077"
    )
    theirs = other.events.get().person
    reviewer("alice")
    log_in(page, live_server, "alice")
    page.goto(f"{live_server.url}{filing.get_absolute_url()}")
    # The popover needs the note target, which comes with the notes sidebar's fragment.
    expect(page.locator("#note-target[data-can-link-people]")).to_have_count(1)
    page.wait_for_function("document.querySelector('#document-frame').dataset.prepared")
    assert page.evaluate(SELECT, "John Smith")
    page.locator(".note-popover button[data-kind=mention]").click()
    box = page.locator(".note-popover input[name=person]")
    expect(box).to_be_focused()
    # The list offers both John Smiths; typing narrows it through the server.
    box.fill("John Sm")
    expect(page.locator(f"#merge-options option[value='John Smith (#{theirs.pk})']")).to_have_count(
        1
    )
    box.fill(f"John Smith (#{theirs.pk})")
    page.locator(".note-popover").get_by_role("button", name="Save").click()
    expect(page.locator("ul.passage-links li")).to_contain_text("“John Smith” is John Smith")
    assert filing.events.get(name="John Smith").person == theirs
    assert console_errors == []
