"""Recording an event the extractor missed, from a passage selected in the reading view:
the form starts from what the extractor reads in that passage, and only analysts save."""

import pytest

from filings.annotations import stream_runs, to_stream
from filings.models import EventDecision
from tests.annotations.helpers import main_document
from tests.decisions.helpers import ACC, reviewer, store_two, user

pytestmark = pytest.mark.django_db

PASSAGE = "John Smith resigned as Chief Financial Officer of the Company."


@pytest.fixture
def filing():
    return store_two()


def selection(filing, passage=PASSAGE) -> dict:
    """What the page's script sends for a selection of `passage`."""
    doc = main_document(filing)
    start = doc.text.index(passage)
    runs = stream_runs(doc.text)
    return {
        "stream_start": to_stream(runs, start),
        "stream_end": to_stream(runs, start + len(passage) - 1) + 1,
        "exact": passage,
        "text_hash": doc.text_hash,
    }


def url():
    return f"/filings/{ACC}/1/events"


def test_the_form_starts_from_what_the_extractor_reads_in_the_passage(client, filing):
    client.force_login(reviewer())
    response = client.get(url(), selection(filing), HTTP_HX_REQUEST="true")
    form = response.content.decode()
    assert response.status_code == 200 and form.lstrip().startswith("<form")
    assert '<option value="resigned" selected>' in form
    assert 'value="John Smith"' in form and 'value="Chief Financial Officer"' in form
    # A passage it reads nothing in: the filer as the company, the rest for the analyst.
    quiet = client.get(url(), selection(filing, "the Board"), HTTP_HX_REQUEST="true")
    assert 'value="INTERNAP NETWORK SERVICES CORP"' in quiet.content.decode()
    assert 'name="name" maxlength="255" id="id_name">' in quiet.content.decode()


def test_recording_saves_the_event_on_its_passage(client, filing):
    client.force_login(reviewer())
    data = {
        **selection(filing),
        "event_type": "named-to-committee",
        "name": "John Smith",
        "role": "Audit Committee",
        "organization": "Internap",
        "effective_immediately": "on",
    }
    response = client.post(url(), data, HTTP_ACCEPT="application/json")
    assert response.status_code == 201, response.content
    recorded = EventDecision.objects.get()
    assert recorded.state == "recorded" and recorded.note.exact == PASSAGE
    assert recorded.effective_immediately and recorded.role == "Audit Committee"
    page = client.get(filing.get_absolute_url()).content.decode()
    assert "recorded</span> John Smith" in page


def test_a_wrong_selection_or_a_reader_saves_nothing(client, filing):
    client.force_login(reviewer())
    wrong = {**selection(filing), "exact": "John Smyth resigned"}
    response = client.post(
        url(), {**wrong, "event_type": "resigned", "name": "J"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400 and "does not match" in response.json()["error"]["message"]
    client.force_login(user("rita", "reader", "desk"))
    data = {**selection(filing), "event_type": "resigned", "name": "John Smith"}
    assert client.post(url(), data).status_code == 403
    assert client.get(url(), selection(filing)).status_code == 403
    assert not EventDecision.objects.exists()
