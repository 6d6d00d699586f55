"""filings.extract.capitals: items typed all in capitals are read as if typed in ordinary
case, and what they report is found with its evidence as the filing wrote it."""

import datetime as dt

from filings.extract.capitals import mostly_capitals, recased

from .test_events import events, one


def test_names_titles_and_a_companys_words_keep_their_capitals_and_the_rest_is_small():
    text = (
        "AT A SPECIAL MEETING HELD ON JUNE 3, 1999, THE BOARD OF DIRECTORS OF TAMARACK RIDGE "
        'MINING COMPANY (THE "COMPANY") ACCEPTED THE RESIGNATION OF J. ROBERT KILBRIDE AS '
        "PRESIDENT. THE BOARD ALSO ELECTED MARGARET TOOMBS, CONTROLLER, AS SECRETARY-TREASURER,"
        " AFTER MR. HEPPNER'S DEPARTURE."
    )
    out = recased(text)
    assert len(out) == len(text)
    assert out == (
        "At a special meeting held on June 3, 1999, the Board of Directors of Tamarack Ridge "
        'Mining Company (the "Company") accepted the resignation of J. Robert Kilbride as '
        "President. The Board also elected Margaret Toombs, Controller, as Secretary-Treasurer,"
        " after Mr. Heppner's departure."
    )


def test_only_a_passage_mostly_in_capitals_counts():
    assert mostly_capitals("THE BOARD ELECTED JANE Q. DOE AS A DIRECTOR OF THE COMPANY. " * 5)
    assert not mostly_capitals("The Board elected JANE Q. DOE as a director. " * 10)


def test_an_item_typed_in_capitals_reports_its_events_with_the_evidence_as_written():
    found = events(
        "ON FEBRUARY 28, 2001, THE BOARD OF DIRECTORS ELECTED WALTER E. DUNLEVY, JR., "
        "PRESIDENT AND CHIEF OPERATING OFFICER, AS CHAIRMAN OF THE BOARD AND CHIEF EXECUTIVE "
        "OFFICER OF THE COMPANY. ON FEBRUARY 24, 2001, WALTER E. DUNLEVY, SR., THE FOUNDER OF "
        'ACME WIDGET CORPORATION (THE "COMPANY") AND ITS CHAIRMAN OF THE BOARD, DIED.',
        filed=dt.date(2001, 3, 2),
        heading="ITEM 5.  OTHER EVENTS.\n\n",
    )
    elected = one(found, "Walter E. Dunlevy Jr.", "elected")
    assert elected.role == "Chairman of the Board"
    assert elected.evidence.startswith("ON FEBRUARY 28, 2001, THE BOARD OF DIRECTORS ELECTED")
    assert one(found, "Walter E. Dunlevy Jr.", "appointed").role == "Chief Executive Officer"
    assert one(found, "Walter E. Dunlevy Sr.", "died").role == "Chairman of the Board"
