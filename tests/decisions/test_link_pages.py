"""The pages for mentions, flags and exhibit links: the forms the reading view's popover
opens, what saving shows in the panel, flags on header-vs-document differences, and who
may do each."""

import pytest

from filings.models import Annotation, PassageLink
from tests.decisions.helpers import ACC, event_of, reviewer, store_two, user
from tests.decisions.test_record import selection
from tests.search.helpers import store

pytestmark = pytest.mark.django_db

URL = f"/filings/{ACC}/1/links"


@pytest.fixture
def filing():
    return store_two()


def test_the_mention_form_offers_the_people_the_name_may_be(client, filing):
    client.force_login(reviewer())
    smith = event_of(filing, "Smith").person
    response = client.get(
        URL, {"kind": "mention", **selection(filing, "John Smith")}, HTTP_HX_REQUEST="true"
    )
    form = response.content.decode()
    assert form.lstrip().startswith('<form method="post"')
    assert f'value="John Smith (#{smith.pk})"' in form


def test_linking_a_name_flagging_and_linking_an_exhibit_show_in_the_panel(client, filing):
    other = store(7, sentence="Item 1.01</P><P>An agreement.", company="OTHER CO", cik="0000000077")
    client.force_login(reviewer())
    smith = event_of(filing, "Smith").person
    json = {"HTTP_ACCEPT": "application/json"}
    mention = {
        "kind": "mention",
        "person": f"John Smith (#{smith.pk})",
        **selection(filing, "John Smith"),
    }
    assert client.post(URL, mention, **json).status_code == 201
    flag = {
        "kind": "flag",
        "reason": "Resigned on the 21st",
        **selection(filing, "December 20, 2004"),
    }
    assert client.post(URL, flag, **json).status_code == 201
    exhibit = {
        "kind": "exhibit",
        "accession": other.accession,
        "document": "1",
        **selection(filing, "Chief Financial Officer"),
    }
    assert client.post(URL, exhibit, **json).status_code == 201
    page = client.get(filing.get_absolute_url()).content.decode()
    assert f'“John Smith” is <a href="{smith.get_absolute_url()}">John Smith</a>' in page
    assert "“December 20, 2004”: Resigned on the 21st" in page
    assert f'<a href="/filings/{other.accession}/1/">{other.accession} document 1</a>' in page
    # A person that does not exist is named, not guessed.
    wrong = {**mention, "person": "Nobody Here (#999999)"}
    response = client.post(URL, wrong, **json)
    assert (
        response.status_code == 400 and "There is no person" in response.json()["error"]["message"]
    )


def test_a_flag_on_a_header_vs_document_difference(client, filing):
    filing.cover_differences = [
        {"label": "Company name", "header_value": "A", "document_value": "B"}
    ]
    filing.save(update_fields=["cover_differences"])
    client.force_login(reviewer())
    page = client.get(filing.get_absolute_url()).content.decode()
    assert 'name="fact" value="Company name"' in page
    response = client.post(
        f"/filings/{ACC}/flags", {"fact": "Company name", "reason": "Renamed in 2005"}
    )
    assert response.status_code == 302
    page = client.get(filing.get_absolute_url()).content.decode()
    assert "flagged by alice" in page and "Company name: Renamed in 2005" in page


def test_withdrawing_and_who_may(client, filing):
    alice = reviewer()
    client.force_login(alice)
    flag = {"kind": "flag", "reason": "wrong date", **selection(filing, "December 20, 2004")}
    client.post(URL, flag)
    link = PassageLink.objects.get()
    client.force_login(user("rita", "reader", "desk"))
    assert client.post(URL, flag).status_code == 403
    assert (
        client.get(URL, {"kind": "flag", **selection(filing, "December 20, 2004")}).status_code
        == 403
    )
    assert client.post(f"/links/{link.pk}/withdraw").status_code == 403
    assert client.post(f"/filings/{ACC}/flags", {"fact": "x", "reason": "y"}).status_code == 403
    client.logout()
    assert client.post(f"/links/{link.pk}/withdraw").status_code == 302  # to the login page
    assert PassageLink.objects.filter(note__deleted_at=None).count() == 1
    client.force_login(alice)
    assert client.post(f"/links/{link.pk}/withdraw").status_code == 302
    assert Annotation.objects.get(pk=link.note_id).deleted_at is not None
    assert client.post(f"/links/{link.pk}/withdraw").status_code == 404
    assert "wrong date" not in client.get(filing.get_absolute_url()).content.decode()
    assert (
        client.get(URL, {"kind": "nonsense", **selection(filing, "December 20, 2004")}).status_code
        == 302
    )
