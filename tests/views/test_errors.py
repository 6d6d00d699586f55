"""Error pages: branded, with navigation and a search box; JSON under /api/."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import path

from filings import urls as app_urls

pytestmark = pytest.mark.django_db


def broken(request):
    raise RuntimeError("a bug in a view")


# A URLconf with the app's pages and error handlers, plus a view that fails.
urlpatterns = [*app_urls.urlpatterns, path("broken/", broken), path("api/broken", broken)]
handler400 = app_urls.handler400
handler403 = app_urls.handler403
handler404 = app_urls.handler404
handler500 = app_urls.handler500


def assert_branded(response, status, title):
    assert response.status_code == status
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    assert 'class="topbar"' in html and 'name="q"' in html  # navigation and search
    assert "Content-Security-Policy" in response.headers
    assert "Traceback" not in html
    return html


def test_404_is_a_page_in_the_apps_layout_with_the_reason(client):
    html = assert_branded(client.get("/filings/0000000000-00-000000/"), 404, "Not found")
    assert "All filings" in html
    assert_branded(client.get("/no/such/page/"), 404, "Not found")


def test_403_explains_and_offers_a_login(client):
    User.objects.create_user("reader", password="pw")
    client.login(username="reader", password="pw")
    html = assert_branded(client.get("/filings/upload/"), 403, "Not allowed")
    assert "right role" in html


def test_a_form_without_its_csrf_token_gets_a_branded_403():
    User.objects.create_superuser("admin", password="pw")
    client = Client(enforce_csrf_checks=True)
    client.login(username="admin", password="pw")
    html = assert_branded(client.post("/filings/upload/", {}), 403, "Not allowed")
    assert "reload the page" in html


def test_500_is_branded_and_hides_the_error(settings):
    settings.ROOT_URLCONF = __name__
    client = Client(raise_request_exception=False)
    html = assert_branded(client.get("/broken/"), 500, "Something went wrong")
    assert "a bug in a view" not in html


@pytest.mark.parametrize(
    "url, status, code",
    [("/api/nothing-here", 404, "not-found"), ("/api/nothing.txt", 404, "not-found")],
)
def test_api_errors_answer_json(client, url, status, code):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["message"]


def test_api_server_errors_answer_json(settings):
    settings.ROOT_URLCONF = __name__
    client = Client(raise_request_exception=False)
    response = client.get("/api/broken")
    assert response.status_code == 500
    assert response.json() == {
        "error": {"code": "server-error", "message": TITLES_500},
    }


TITLES_500 = "The page could not be built. The error has been logged."
