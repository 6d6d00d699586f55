"""Every page and fragment through the test client."""

import binascii

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile

from filings import ingest
from filings.models import Filing
from tests.fixtures import GIF_BYTES, submission

pytestmark = pytest.mark.django_db
ACC = "0001193125-04-218426"


@pytest.fixture
def stored():
    result = ingest.ingest(submission(), "internap.txt")
    assert result.status == "created"
    return Filing.objects.get(accession=ACC)


@pytest.fixture
def uploader(client):
    user = User.objects.create_user("analyst", password="a-long-password-1")
    user.user_permissions.add(Permission.objects.get(codename="add_filing"))
    client.force_login(user)
    return user


def csp(response):
    return response.headers["Content-Security-Policy"]


def test_every_app_page_sends_a_strict_csp(client, stored):
    for url in ["/filings/", f"/filings/{ACC}/", f"/filings/{ACC}/source/", "/companies/1056386/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = csp(response)
        assert "script-src 'self'" in policy
        assert "unsafe-eval" not in policy and "script-src 'unsafe-inline'" not in policy
        assert "frame-ancestors 'none'" in policy
        assert "base-uri 'none'" in policy and "object-src 'none'" in policy
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"


def test_filing_list_shows_newest_first_with_company_and_findings(client):
    ingest.ingest(
        submission(acc="0001193125-04-000001", filed="20040101", company="OLDER CO"), "a.txt"
    )
    ingest.ingest(
        submission(acc="0001193125-05-000001", filed="20050101", company="NEWER CO"), "b.txt"
    )
    html = client.get("/filings/").content.decode()
    assert html.index("0001193125-05-000001") < html.index("0001193125-04-000001")
    assert "NEWER CO" in html and "OLDER CO" in html


def test_filing_list_filters_are_held_in_the_url(client):
    ingest.ingest(submission(acc="0001193125-04-000001", filed="20040101", form="8-K"), "a.txt")
    ingest.ingest(submission(acc="0001193125-05-000001", filed="20050101", form="10-Q"), "b.txt")
    html = client.get("/filings/?form=10-Q").content.decode()
    assert "0001193125-05-000001" in html and "0001193125-04-000001" not in html
    html = client.get("/filings/?filed_to=2004-12-31").content.decode()
    assert "0001193125-04-000001" in html and "0001193125-05-000001" not in html
    html = client.get("/filings/?company=1056386").content.decode()
    assert "0001193125-04-000001" in html and "0001193125-05-000001" in html


def test_filing_list_htmx_request_gets_only_the_results_fragment(client, stored):
    response = client.get("/filings/", headers={"HX-Request": "true"})
    body = response.content.decode()
    assert 'id="results"' in body and "<html" not in body
    assert "HX-Request" in response.headers["Vary"]
    restore = client.get(
        "/filings/", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in restore.content.decode()


def test_filing_page_shows_the_metadata_panel(client, stored):
    html = client.get(f"/filings/{ACC}/").content.decode()
    assert "8-K</span>: current report" in html
    assert (
        f"https://www.sec.gov/Archives/edgar/data/1056386/{ACC.replace('-', '')}/{ACC}-index.htm"
        in html
    )
    for text in [
        "2004-12-22",
        "2004-12-14",
        "5.02",
        "9.01",
        "INTERNAP NETWORK SERVICES CORP",
        "0001056386",
        "7370",
        "SEATTLE",
        "ATLANTA",
        "001-31989",
        "041221058",
        "INTERNAP NETWORK SERVICES CORP/WA",
        "1999-07-21",
        "EX-99.1",
        "PRESS RELEASE",
    ]:
        assert text in html, text
    assert 'href="/companies/1056386/"' in html


def test_filing_page_frames_the_document_in_a_sandbox_without_scripts(client, stored):
    html = client.get(f"/filings/{ACC}/").content.decode()
    assert f'src="/filings/{ACC}/1/content"' in html
    assert 'sandbox="allow-same-origin' in html
    assert "allow-scripts" not in html
    assert "filer script" not in html


def test_document_content_is_sanitized_quirks_mode_html_with_its_own_policy(client, stored):
    response = client.get(f"/filings/{ACC}/1/content")
    body = response.content.decode()
    assert response.status_code == 200
    assert not body.lstrip().lower().startswith("<!doctype")
    assert "FORM 8-K" in body and "Patricia L. Higgins" in body
    assert "<script" not in body.lower() and "filer script" not in body
    policy = csp(response)
    assert "default-src 'none'" in policy and "frame-ancestors 'self'" in policy
    assert "script-src" not in policy  # falls back to default-src 'none'
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_switching_documents_with_htmx_returns_only_the_document_pane(client, stored):
    response = client.get(f"/filings/{ACC}/2/", headers={"HX-Request": "true"})
    body = response.content.decode()
    assert 'id="document-pane"' in body and "<html" not in body
    assert f"/filings/{ACC}/2/content" in body
    assert "HX-Request" in response.headers["Vary"]
    full = client.get(f"/filings/{ACC}/2/")
    assert "<html" in full.content.decode() and f"/filings/{ACC}/2/content" in full.content.decode()


def test_unknown_document_is_404(client, stored):
    assert client.get(f"/filings/{ACC}/9/").status_code == 404
    assert client.get("/filings/0000000000-00-000000/").status_code == 404


def test_decoded_image_is_served_inline_with_its_real_type_and_a_sandbox(client, stored):
    response = client.get(f"/filings/{ACC}/3/file")
    assert response.status_code == 200
    assert response.content == GIF_BYTES
    assert response["Content-Type"] == "image/gif"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in csp(response)


def test_a_file_named_like_an_image_that_is_not_one_is_an_attachment(client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    lines = [
        binascii.b2a_uu(svg[i : i + 45], backtick=True).decode() for i in range(0, len(svg), 45)
    ]
    image = "begin 644 logo.gif\n" + "".join(lines) + "`\nend\n"
    assert ingest.ingest(submission(image=image), "evil.txt").ok
    response = client.get(f"/filings/{ACC}/3/file")
    assert response.status_code == 200
    assert response.content == svg
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/octet-stream"


def test_view_source_is_text_and_never_html(client, stored):
    response = client.get(f"/filings/{ACC}/source.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert b"<SCRIPT>alert('filer script')</SCRIPT>" in response.content
    page = client.get(f"/filings/{ACC}/source/").content.decode()
    assert "&lt;SCRIPT&gt;alert(" in page and "<SCRIPT>alert(" not in page
    assert '<mark class="header"' in page and "ACCESSION NUMBER:" in page


def test_company_page_lists_its_filings(client, stored):
    html = client.get("/companies/1056386/").content.decode()
    assert "INTERNAP NETWORK SERVICES CORP" in html and ACC in html and "filer" in html


def test_upload_requires_login_and_permission(client):
    response = client.get("/filings/upload/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    User.objects.create_user("reader", password="a-long-password-1")
    client.login(username="reader", password="a-long-password-1")
    assert client.get("/filings/upload/").status_code == 403


def test_upload_several_files_reports_each_and_links_to_filings(
    client, uploader, upload_in_background
):
    files = [
        SimpleUploadedFile("internap.txt", submission()),
        SimpleUploadedFile("other.txt", submission(acc="0001193125-05-000009")),
        SimpleUploadedFile("error.html", b"<html><body>Not Found</body></html>"),
    ]
    # Several files go to a background worker; the batch's page reports each.
    response = upload_in_background(client, {"files": files})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count(">created<") == 2 and html.count(">refused<") == 1
    assert f'href="/filings/{ACC}/"' in html and 'href="/filings/0001193125-05-000009/"' in html
    assert "error.html" in html
    assert Filing.objects.count() == 2
    assert Filing.objects.get(accession=ACC).raw.uploaded_by == uploader


def test_upload_over_the_size_limit_is_refused_with_a_clear_message(client, uploader, settings):
    settings.MAX_UPLOAD_MB = 0
    response = client.post(
        "/filings/upload/", {"files": [SimpleUploadedFile("big.txt", submission())]}
    )
    html = response.content.decode()
    assert "over the 0 MB limit" in html and "big.txt" in html
    assert Filing.objects.count() == 0
