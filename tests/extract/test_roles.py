"""Roles read off the text: multi-part titles, titles in capitals, roles two clauses away
from the event, chair titles kept apart from a plain board seat."""

from filings.extract.prose import clean_title, title_at

from .test_events import events, one


def title(text: str, pos: int = 0) -> str:
    found = title_at(text, pos, len(text))
    assert found is not None, text
    return clean_title(text[found[0] : found[1]])


def test_chief_officer_after_a_comma_is_the_next_title_not_an_area():
    assert title("Senior Vice President, Chief Risk Officer, effective May 1") == (
        "Senior Vice President, Chief Risk Officer"
    )
    # an area after the comma still belongs to the title
    assert title("Vice President, Investor Relations, effective May 1") == (
        "Vice President, Investor Relations"
    )


def test_title_in_capitals_is_read_in_title_case():
    # the whole title is found; the event's role is printed in Title Case
    assert title("EXECUTIVE VICE PRESIDENT, SALES, effective immediately") == (
        "EXECUTIVE VICE PRESIDENT, SALES"
    )
    assert title("the Company's CHIEF FINANCIAL OFFICER, to the") == "CHIEF FINANCIAL OFFICER"
    assert title("CEO and CFO of the Company") == "CEO and CFO"


def test_role_in_capitals_on_an_event():
    found = events(
        "On July 23, 2013, the Board removed Alan B. Quarry from the office of "
        "EXECUTIVE VICE PRESIDENT, SALES, effective immediately.\n"
    )
    assert one(found, "Alan B. Quarry", "terminated").role == "Executive Vice President, Sales"
