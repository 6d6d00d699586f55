"""A stored 8-K with two extracted events, reviewers, and shorthands for deciding."""

from filings.models import Event, Filing
from tests.annotations.helpers import store, user
from tests.fixtures import submission

ACC = "0001193125-04-218426"
SENTENCES = (
    "Item 5.02 Departure of Directors</P><P>"
    "On December 17, 2004, the Board elected Ms. Patricia L. Higgins as a director. "
    "On December 20, 2004, John Smith resigned as Chief Financial Officer of the Company."
)


def two_events(sentence=SENTENCES, **kw) -> bytes:
    return submission(sentence=sentence, image=None, **kw)


def store_two(**kw) -> Filing:
    return store(two_events(**kw))


def event_of(filing, name: str) -> Event:
    return filing.events.get(name__contains=name)


def reviewer(name="alice"):
    return user(name, "analyst", "desk")


__all__ = ["ACC", "event_of", "reviewer", "store_two", "two_events", "user"]
