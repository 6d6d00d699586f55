"""The admin shows the store read-only: parsed rows change only by reparse, people only
through the audited merge and split on their page."""

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from filings import ingest
from filings.models import Company, Document, Filing, FilingParty, Item, Person, RawFile
from tests.fixtures import submission

pytestmark = pytest.mark.django_db

ACC = "0001193125-04-218426"
MODELS = [Filing, Document, FilingParty, Item, Company, Person, RawFile]


@pytest.fixture
def admin_client(client):
    sentence = (
        "Item 5.02 Election of Directors</P><P>On December 17, 2004, the Board of Directors "
        "of Internap Network Services Corporation elected Ms. Patricia L. Higgins as a "
        "director."
    )
    data = submission(acc=ACC, sentence=sentence, owners=[("HIGGINS PATRICIA L", "1234567")])
    assert ingest.ingest(data, "internap.txt").status == "created"
    client.force_login(User.objects.create_superuser("admin", password=None))
    return client


def url(model, view, *args):
    return reverse(f"admin:filings_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_changelist_and_change_page_opens(admin_client, model):
    assert admin_client.get(url(model, "changelist")).status_code == 200
    obj = model.objects.first()
    response = admin_client.get(url(model, "change", obj.pk))
    assert response.status_code == 200
    assert b'name="_save"' not in response.content


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_nothing_is_added_or_deleted(admin_client, model):
    assert admin_client.get(url(model, "add")).status_code == 403
    obj = model.objects.first()
    assert admin_client.get(url(model, "delete", obj.pk)).status_code == 403
    assert admin_client.post(url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403
    assert model.objects.filter(pk=obj.pk).exists()


def test_no_delete_action_on_the_changelists(admin_client):
    for model in MODELS:
        assert b"delete_selected" not in admin_client.get(url(model, "changelist")).content


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        (Filing, "form", "10-K"),
        (Document, "description", "EDITED"),
        (Person, "name", "Someone Else"),
        (Company, "name", "EDITED CORP"),
    ],
)
def test_a_posted_change_changes_nothing(admin_client, model, field, value):
    obj = model.objects.first()
    before = getattr(obj, field)
    response = admin_client.post(url(model, "change", obj.pk), {field: value})
    assert response.status_code == 403
    obj.refresh_from_db()
    assert getattr(obj, field) == before != value


def test_the_person_page_is_where_people_change(admin_client):
    person = Person.objects.get(cik=None)
    response = admin_client.get(url(Person, "change", person.pk))
    assert "Merges and splits are made on the person's page" in response.content.decode()
    view_on_site = reverse(
        "admin:view_on_site", args=[ContentType.objects.get_for_model(Person).pk, person.pk]
    )
    assert view_on_site in response.content.decode()
    assert admin_client.get(view_on_site)["Location"].endswith(person.get_absolute_url())
