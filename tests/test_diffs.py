"""Two texts compared: nothing marked when they are the same, exactly the changed words
marked when a sentence changes, sections paired by heading when they move."""

from filings import diffs

BUSINESS = "We make widgets in Dayton, Ohio and sell them to hardware stores across the country."
PROPERTIES = "We own a plant of 40,000 square feet in Dayton and lease a warehouse in Columbus."
LEGAL = "No legal proceedings are pending against the company or any of its subsidiaries."


def ten_k(*sections: tuple[str, str]) -> str:
    parts = ["ANNUAL REPORT ON FORM 10-K\n\nWidget Corp"]
    for heading, body in sections:
        parts.append(f"{heading}\n\n{body}\n\nA second paragraph of {heading} that stays.")
    return "\n\n".join(parts)


ITEMS = (
    ("Item 1. Business", BUSINESS),
    ("Item 2. Properties", PROPERTIES),
    ("Item 3. Legal Proceedings", LEGAL),
)


def marks(pieces, mark):
    return [p.text for p in pieces if p.mark == mark]


def changed_rows(diff):
    return [r for s in diff.sections for r in diffs.rows_of(s)]


def test_identical_documents_show_no_change():
    text = ten_k(*ITEMS)
    diff = diffs.compare_texts(text, text, "10-K", "10-K")
    assert not diff.changed and diff.changed_sections == 0
    assert diff.words_added == diff.words_removed == 0
    assert changed_rows(diff) == []
    # All of it is there, collapsed: the preamble and the three items, one run.
    (run,) = diff.groups()
    assert [s.key for s in run.sections] == ["", "Item 1", "Item 2", "Item 3"]


def test_white_space_alone_is_no_change():
    text = ten_k(*ITEMS)
    rewrapped = text.replace("sell them to", "sell them\nto").replace(" in Dayton", "   in Dayton")
    assert not diffs.compare_texts(text, rewrapped, "10-K", "10-K").changed


def test_a_changed_sentence_is_marked_exactly_where_it_changed():
    before = ten_k(*ITEMS)
    after = before.replace("in Dayton, Ohio and sell", "in Lexington, Kentucky and sell")
    diff = diffs.compare_texts(before, after, "10-K", "10-K")
    assert diff.changed_sections == 1
    (section,) = [s for s in diff.sections if s.status == diffs.CHANGED]
    assert section.key == "Item 1" and section.title == "Item 1. Business"
    (row,) = changed_rows(diff)
    assert marks(row.left, "del") == ["Dayton, Ohio"]
    assert marks(row.right, "ins") == ["Lexington, Kentucky"]
    # Each side still reads as its whole paragraph, the marks in their places.
    assert "".join(p.text for p in row.left) == BUSINESS
    assert "".join(p.text for p in row.right) == BUSINESS.replace(
        "Dayton, Ohio", "Lexington, Kentucky"
    )
    assert row.right[0].text == "We make widgets in " and row.right[1].mark == "ins"
    assert diff.words_added == 2 and diff.words_removed == 2
    # The unchanged heading before it and paragraph after it are collapsed, counted.
    assert [type(b).__name__ for b in section.blocks] == ["Unchanged", "Row", "Unchanged"]
    assert [b.count for b in section.blocks if isinstance(b, diffs.Unchanged)] == [1, 1]


def test_an_inserted_and_a_deleted_word():
    before = "The Board elected Ms. Higgins as a director of the company."
    after = "The Board unanimously elected Ms. Higgins as a director."
    (row,) = changed_rows(diffs.compare_texts(before, after))
    assert marks(row.right, "ins") == ["unanimously"]
    assert marks(row.left, "del") == ["of the company"]
    assert marks(row.left, "ins") == [] and marks(row.right, "del") == []


def test_a_moved_section_is_paired_by_its_heading_and_marked_moved():
    before = ten_k(*ITEMS)
    after = ten_k(ITEMS[0], ITEMS[2], ITEMS[1])
    diff = diffs.compare_texts(before, after, "10-K", "10-K")
    moved = [s.key for s in diff.sections if s.moved]
    assert moved == ["Item 2"] or moved == ["Item 3"]
    assert changed_rows(diff) == []  # no words changed
    assert diff.words_added == diff.words_removed == 0


def test_a_moved_paragraph_is_not_counted_as_removed_and_added():
    a, b, c = "First paragraph here.", "Second paragraph is about revenue.", "Third one."
    diff = diffs.compare_texts("\n\n".join([a, b, c]), "\n\n".join([b, a, c]))
    statuses = sorted(r.status for r in changed_rows(diff))
    assert statuses == [diffs.MOVED, diffs.MOVED]
    assert diff.words_added == diff.words_removed == 0


def test_sections_only_on_one_side_are_added_or_removed():
    before = ten_k(*ITEMS)
    after = ten_k(
        ITEMS[0], ITEMS[2], ("Item 4. Mine Safety", "Not applicable to our plants at all.")
    )
    diff = diffs.compare_texts(before, after, "10-K", "10-K")
    status = {s.key: s.status for s in diff.sections}
    assert status["Item 2"] == diffs.REMOVED and status["Item 4"] == diffs.ADDED
    assert status["Item 1"] == status["Item 3"] == diffs.SAME
    # The removed section stands where it stood: after Item 1, before Item 3.
    assert [s.key for s in diff.sections] == ["", "Item 1", "Item 2", "Item 3", "Item 4"]


def test_8k_items_are_the_sections():
    before = (
        "FORM 8-K\n\nItem 5.02 Departure of Directors\n\nMs. Higgins was elected a director."
        "\n\nItem 9.01 Financial Statements and Exhibits\n\n(d) Exhibit 99.1 Press release."
    )
    after = before.replace("elected a director", "elected chair of the board")
    diff = diffs.compare_texts(before, after, "8-K", "8-K")
    changed = [s.key for s in diff.sections if s.status == diffs.CHANGED]
    assert changed == ["Item 5.02"]
    assert {s.key for s in diff.sections} == {"", "Item 5.02", "Item 9.01"}


def test_a_table_of_contents_does_not_take_the_items_keys():
    toc = "TABLE OF CONTENTS\n\nItem 1. Business 3\nItem 2. Properties 9\nItem 3. Legal Proceedings 11"
    before = ten_k(*ITEMS).replace("Widget Corp", "Widget Corp\n\n" + toc)
    after = ten_k(*ITEMS)  # no table of contents at all
    diff = diffs.compare_texts(before, after, "10-K", "10-K")
    status = {s.key: s.status for s in diff.sections}
    assert status == {"": diffs.CHANGED, "Item 1": "same", "Item 2": "same", "Item 3": "same"}


def test_over_the_budget_a_changed_paragraph_is_shown_whole():
    before, after = "alpha beta gamma delta", "alpha beta epsilon delta"
    diff = diffs.compare_texts(before, after, budget=diffs.Budget(cells=0))
    (row,) = changed_rows(diff)
    assert row.whole and diff.whole_paragraphs
    assert marks(row.left, "del") == [before] and marks(row.right, "ins") == [after]


def test_repetitive_text_stays_cheap():
    # Thousands of equal lines (empty table cells) are the case difflib turns quadratic on.
    before = "\n\n".join(["$"] * 5000 + ["Total revenue was 10."] + ["—"] * 5000)
    after = before.replace("was 10.", "was 12.")
    (row,) = changed_rows(diffs.compare_texts(before, after))
    assert marks(row.left, "del") == ["10"] and marks(row.right, "ins") == ["12"]


def test_a_text_without_blank_lines_is_compared_line_by_line():
    lines = [f"<value id='{i}'>{i * 7}</value>" for i in range(3000)]
    changed = list(lines)
    changed[1500] = "<value id='1500'>999</value>"
    diff = diffs.compare_texts("\n".join(lines), "\n".join(changed))
    (row,) = changed_rows(diff)
    assert marks(row.left, "del") == ["10500"] and marks(row.right, "ins") == ["999"]
    assert not diff.whole_paragraphs


def test_a_reference_at_the_start_of_a_line_is_not_a_heading():
    text = (
        "PART I\n\nItem 1. Business\n\nWe refer to the risks described in\n"
        "Item 7 of this report and in\nPart II, Item 8 below, which the reader should see.\n\n"
        "PART II. OTHER INFORMATION\n\nItem 7. Management's Discussion\n\nRevenue grew in the year."
    )
    keys = [s.key for s in diffs.sections(text, "10-K")]
    assert keys == ["", "Part I, Item 1", "Part II, Item 7"]


def test_documents_pair_by_type_and_sequence_file_name_type_then_similar_text():
    from filings.comparisons import DocumentText, pair_documents

    def doc(position, sequence, type_, filename, text):
        return DocumentText(position, sequence, type_, filename, "", "html", len(text), text, text)

    release = "Widget Corp reports record revenue for the fourth quarter of the year. " * 5
    before = [
        doc(0, "1", "10-K", "a10k.htm", "The annual report."),
        doc(4, "6", "EX-32", "cert.htm", "Certification of the officers."),
        doc(1, "2", "EX-21", "subs.htm", "Subsidiaries: Widget Ohio LLC."),
        doc(2, "3", "EX-99", "pr.htm", release),
        doc(3, "4", "EX-23", "consent.htm", "Consent of the auditors."),
    ]
    after = [
        doc(0, "1", "10-K", "b10k.htm", "The annual report, revised."),
        doc(1, "5", "EX-21.1", "subs.htm", "Subsidiaries: Widget Kentucky LLC."),
        doc(2, "7", "EX-99.1", "release.htm", release.replace("record", "strong")),
        doc(3, "8", "EX-23", "consent-2024.htm", "Consent of the auditors, updated."),
        doc(4, "9", "EX-10", "loan.htm", "A loan agreement between unrelated parties."),
    ]
    pairs = pair_documents(before, after, "10-K", "10-K")
    assert [(p.a and p.a.sequence, p.b and p.b.sequence, p.how) for p in pairs] == [
        ("1", "1", "same type and sequence"),
        ("2", "5", "same file name"),
        ("3", "7", "similar text (94%)"),
        ("4", "8", "only one of its type"),
        (None, "9", ""),
        ("6", None, ""),
    ]
