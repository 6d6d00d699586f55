"""The comparison page and its ways in: two versions of an accession, an amendment
against the filing it amends, a filing against the same company's previous one of its
form; and the company timeline."""

import re

import pytest
from django.test import Client

from filings import comparisons, ingest
from filings.models import Event, Filing
from tests.annotations.helpers import user
from tests.fixtures import submission

pytestmark = pytest.mark.django_db

ACC = "0001193125-04-218426"
LATER = "0001193125-05-000111"
AMENDMENT = "0001193125-05-000222"
OTHER_COMPANY = "0000950123-05-000333"
SENTENCE = "On December 17, 2004, the Board elected Ms. Patricia L. Higgins as a director."


def store(data: bytes, name="f.txt"):
    result = ingest.ingest(data, name)
    assert result.ok and result.status != ingest.KEPT, result.message
    return result


def compare_page(client, **query):
    response = client.get("/compare/", query)
    return response, response.content.decode()


def marked(html: str, tag: str) -> list[str]:
    return re.findall(rf"<{tag}>(.*?)</{tag}>", html)


def offer_links(html: str) -> list[tuple[str, str]]:
    return [
        (href.replace("&amp;", "&"), text)
        for href, text in re.findall(r'<a class="compare-link" href="([^"]+)">([^<]+)</a>', html)
    ]


def test_two_versions_of_an_accession_show_the_changed_words(client):
    store(submission(sentence=SENTENCE), "v1.txt")
    store(submission(sentence=SENTENCE.replace("as a director", "as chair")), "v2.txt")
    assert Filing.objects.get(accession=ACC).version == 2
    page = client.get(f"/filings/{ACC}/").content.decode()
    links = offer_links(page)
    assert links == [(f"/compare/?a={ACC}&av=1&b={ACC}&bv=2", "Compare with previous version (1)")]
    response, html = compare_page(client, a=ACC, av=1, b=ACC, bv=2)
    assert response.status_code == 200
    # Version 1 is read again from its stored upload: its words are on the left.
    assert marked(html, "del") == ["a director"]
    assert marked(html, "ins") == ["chair"]
    assert "1 section changed" in html and "1 word added" in html and "2 words removed" in html
    assert "The two headers say the same." in html
    assert f"Two stored versions of {ACC}." in html
    # The exhibit did not change: listed as unchanged, not shown.
    assert re.search(r"#2 EX-99.1</td>.*?<td>unchanged</td>", html, re.S)
    # The old version's page offers the comparison with the current one.
    old = client.get(f"/filings/{ACC}/versions/1/").content.decode()
    assert f"/compare/?a={ACC}&amp;av=1&amp;b={ACC}&amp;bv=2" in old


def test_the_same_version_twice_shows_no_change(client):
    store(submission(sentence=SENTENCE))
    response, html = compare_page(client, a=ACC, b=ACC)
    assert response.status_code == 200
    assert "nothing differs" in html
    assert marked(html, "del") == marked(html, "ins") == []
    # A single filing, with no other version or sibling, offers nothing to compare with.
    assert offer_links(client.get(f"/filings/{ACC}/").content.decode()) == []


def test_header_differences_are_listed_exactly(client):
    store(submission(sentence=SENTENCE))
    renamed = submission(
        acc=LATER,
        filed="20050110",
        company="INTERNAP NETWORK SERVICES CORPORATION",
        sentence=SENTENCE,
    ).replace(b"601 UNION STREET SUITE 1000", b"250 WILLIAMS STREET")
    store(renamed)
    a = comparisons.side(Filing.objects.get(accession=ACC))
    b = comparisons.side(Filing.objects.get(accession=LATER))
    filer = "Filer INTERNAP NETWORK SERVICES CORPORATION"
    assert [(r["fact"], r["a"], r["b"]) for r in comparisons.header_differences(a, b)] == [
        ("Filed", "2004-12-22", "2005-01-10"),
        ("Date as of change", "2004-12-22", "2005-01-10"),
        (
            f"{filer}: name",
            "INTERNAP NETWORK SERVICES CORP",
            "INTERNAP NETWORK SERVICES CORPORATION",
        ),
        (
            f"{filer}: business address",
            "601 UNION STREET SUITE 1000, SEATTLE, WA 98101 · 2064418800",
            "250 WILLIAMS STREET, SEATTLE, WA 98101 · 2064418800",
        ),
        (
            f"{filer}: former names",
            "INTERNAP NETWORK SERVICES CORP/WA (until 1999-07-21)",
            "INTERNAP NETWORK SERVICES CORPORATION/WA (until 1999-07-21)",
        ),
    ]
    # And on the page, with identical documents: no section changed.
    response, html = compare_page(client, a=ACC, b=LATER)
    assert "0 sections changed" in html and "5 header facts differ" in html
    assert "250 WILLIAMS STREET, SEATTLE" in html


def test_a_document_only_in_one_filing_is_in_the_header_table_and_paired_otherwise():
    store(submission(sentence=SENTENCE))
    store(submission(acc=LATER, filed="20050110", sentence=SENTENCE, image=None))
    a = comparisons.side(Filing.objects.get(accession=ACC))
    b = comparisons.side(Filing.objects.get(accession=LATER))
    rows = comparisons.header_differences(a, b)
    assert ("Document #3 GRAPHIC", "3 · GRAPHIC · logo.gif · LOGO", "") in [
        (r["fact"], r["a"], r["b"]) for r in rows
    ]
    pairs = comparisons.pair_documents(a.documents, b.documents)
    assert [(p.label, p.how, p.status) for p in pairs] == [
        ("#1 8-K", "same type and sequence", "same"),
        ("#2 EX-99.1", "same type and sequence", "same"),
        ("#3 GRAPHIC", "", "removed"),
    ]


def test_an_amendment_is_compared_with_the_filing_it_amends(client):
    store(submission(sentence=SENTENCE))
    store(
        submission(
            acc=AMENDMENT,
            form="8-K/A",
            filed="20050105",
            sentence=SENTENCE.replace("a director", "a director and chair"),
        )
    )
    amendment = Filing.objects.get(accession=AMENDMENT)
    found, how = comparisons.amended_filing(amendment)
    assert found.accession == ACC
    assert how == (
        "the same filer's latest 8-K filed on or before this amendment, for the same "
        "period of report (2004-12-14)"
    )
    links = offer_links(client.get(f"/filings/{AMENDMENT}/").content.decode())
    assert links == [(f"/compare/?a={ACC}&b={AMENDMENT}", f"Compare with the amended 8-K ({ACC})")]
    response, html = compare_page(client, a=ACC, b=AMENDMENT)
    assert marked(html, "ins") == ["and chair"] and marked(html, "del") == []
    assert f"The amendment and the filing it amends, matched as {how}." in html.replace(
        "&#x27;", "'"
    )
    assert re.search(
        r'<th scope="row">Form</th><td class="before">8-K</td><td class="after">8-K/A</td>', html
    )
    # The original 8-K amends nothing and has no earlier 8-K: nothing offered.
    assert offer_links(client.get(f"/filings/{ACC}/").content.decode()) == []


def test_the_previous_filing_of_the_same_form_by_the_same_company(client):
    store(submission(sentence=SENTENCE))
    store(submission(acc=LATER, filed="20050110", sentence="The Board met on January 5."))
    # Another company's later 8-K is nobody's "previous".
    store(submission(acc=OTHER_COMPANY, filed="20050120", company="OTHER CORP", cik="0000999999"))
    later = Filing.objects.get(accession=LATER)
    assert comparisons.previous_of_form(later).accession == ACC
    assert comparisons.previous_of_form(Filing.objects.get(accession=ACC)) is None
    assert comparisons.previous_of_form(Filing.objects.get(accession=OTHER_COMPANY)) is None
    links = offer_links(client.get(f"/filings/{LATER}/").content.decode())
    assert links == [
        (f"/compare/?a={ACC}&b={LATER}", f"Compare with previous 8-K ({ACC}, filed 2004-12-22)")
    ]
    # The company page offers it on the later filing's row only.
    company = client.get("/companies/1056386/").content.decode()
    assert offer_links(company) == [(f"/compare/?a={ACC}&b={LATER}", "Compare with previous 8-K")]
    response, html = compare_page(client, a=ACC, b=LATER)
    assert response.status_code == 200
    assert "The same company&#x27;s 8-K and the one filed before it." in html
    # Too different to be one paragraph changed: the old one removed, the new one added.
    assert marked(html, "del") == [SENTENCE]
    assert marked(html, "ins") == ["The Board met on January 5."]


def test_text_is_escaped_never_markup(client):
    store(submission(sentence="Revenue &lt;rose&gt; &amp; fell."))
    store(submission(acc=LATER, filed="20050110", sentence="Revenue &lt;fell&gt; &amp; rose."))
    response, html = compare_page(client, a=ACC, b=LATER)
    assert "Revenue &lt;" in html and "&gt; &amp; " in html
    assert "<rose" not in html and "<fell" not in html


def test_bad_and_unknown_input_get_clear_messages(client):
    store(submission(sentence=SENTENCE))
    response, html = compare_page(client, a="nonsense", b=ACC)
    assert response.status_code == 400 and "“nonsense” is not an accession number" in html
    response, html = compare_page(client, a=ACC, av="two", b=ACC)
    assert response.status_code == 400 and "Version “two” is not a number." in html
    response, html = compare_page(client, a=LATER, b=ACC)
    assert response.status_code == 404 and f"No filing {LATER} is stored." in html
    response, html = compare_page(client, a=ACC, av=7, b=ACC)
    assert response.status_code == 404 and f"{ACC} has no stored version 7." in html
    response, html = compare_page(client)
    assert response.status_code == 200 and "Compare two filings" in html


def test_with_public_reading_off_a_comparison_needs_login(settings):
    store(submission(sentence=SENTENCE))
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:-1],
        "filings.access.LoginRequired",
        settings.MIDDLEWARE[-1],
    ]
    url = f"/compare/?a={ACC}&b={ACC}"
    for path in (url, "/companies/1056386/timeline/"):
        response = Client().get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    reader = Client()
    reader.force_login(user("rita", "reader"))
    assert reader.get(url).status_code == 200
    assert reader.get("/companies/1056386/timeline/").status_code == 200


# ---------------------------------------------------------------------------
# The company timeline


def test_the_company_timeline_has_names_addresses_file_numbers_events_and_filings(client):
    store(submission(sentence="Item 5.02 Departure of Directors</P><P>" + SENTENCE))
    moved = (
        submission(
            acc=LATER,
            filed="20050110",
            company="INTERNAP NETWORK SERVICES CORPORATION",
            sentence="The Board met on January 5.",
        )
        .replace(b"601 UNION STREET SUITE 1000", b"250 WILLIAMS STREET")
        .replace(b"001-31989", b"000-27265")
    )
    store(moved)
    event = Event.objects.get(filing_id=ACC)
    assert (event.event_type, event.role) == ("elected", "Director")
    elected = f"{event.name} elected (Director)"
    response = client.get("/companies/1056386/timeline/")
    html = response.content.decode()
    rows = re.findall(
        r'<tr class="kind-([a-z-]+)"><td>([\d-]+|—)</td>.*?<a href="([^"]+)">([^<]+)</a>',
        html,
        re.S,
    )
    assert [(kind, date, title) for kind, date, _url, title in rows] == [
        ("filing", "2005-01-10", "8-K filed"),
        ("name", "2005-01-10", "Name written “INTERNAP NETWORK SERVICES CORPORATION”"),
        ("address", "2005-01-10", "Business address: 250 WILLIAMS STREET, SEATTLE, WA 98101"),
        ("file-number", "2005-01-10", "File number 000-27265"),
        ("filing", "2004-12-22", "8-K filed"),
        (
            "address",
            "2004-12-22",
            "Business address: 601 UNION STREET SUITE 1000, SEATTLE, WA 98101",
        ),
        ("address", "2004-12-22", "Mail address: 250 WILLIAMS STREET, ATLANTA, GA 30303"),
        ("file-number", "2004-12-22", "File number 001-31989"),
        # Dated by when it takes effect, not by the filing that reports it.
        ("event", "2004-12-17", elected),
        ("name", "1999-07-21", "Former name “INTERNAP NETWORK SERVICES CORPORATION/WA” given up"),
        ("name", "1999-07-21", "Former name “INTERNAP NETWORK SERVICES CORP/WA” given up"),
    ]
    # Each entry links to its filing (the event to its sentence).
    urls = {title: url for _kind, _date, url, title in rows}
    assert urls["File number 000-27265"] == f"/filings/{LATER}/"
    assert urls[elected] == event.get_absolute_url()
    # Filtered by kind: only those, with every kind's count still in the filter.
    html = client.get("/companies/1056386/timeline/", {"kind": ["address"]}).content.decode()
    kinds = set(re.findall(r'<tr class="kind-([a-z-]+)">', html))
    assert kinds == {"address"}
    assert 'Address changes <span class="muted">(3)</span>' in html
    # The company page links to it.
    assert "/companies/1056386/timeline/" in client.get("/companies/1056386/").content.decode()


def test_the_timeline_filtered_to_one_kind_and_to_a_kind_it_does_not_have(client):
    store(submission(sentence=SENTENCE))  # a sentence the extractor finds no event in
    html = client.get("/companies/1056386/timeline/", {"kind": "name"}).content.decode()
    # The one former name is the only name entry.
    assert re.findall(r'<tr class="kind-([a-z-]+)"><td>([\d-]+)</td>', html) == [
        ("name", "1999-07-21")
    ]
    html = client.get("/companies/1056386/timeline/", {"kind": "event"}).content.decode()
    assert "Nothing of these kinds in the store." in html
    assert client.get("/companies/42/timeline/").status_code == 404


def test_one_document_compared_alone(client):
    store(submission(sentence=SENTENCE))
    store(
        submission(
            acc=LATER, filed="20050110", sentence=SENTENCE.replace("a director", "chair")
        ).replace(b"Press release text.", b"Press release text, revised.")
    )
    response, html = compare_page(client, a=ACC, b=LATER)
    assert marked(html, "ins") == ["chair", ", revised"]
    response, html = compare_page(client, a=ACC, b=LATER, doc="2")
    assert response.status_code == 200
    assert marked(html, "ins") == [", revised"]  # the exhibit's change alone
    # The main document is listed as changed, with its own link to compare it alone.
    assert f'<a href="?a={ACC}&amp;b={LATER}&amp;doc=1">compare it alone</a>' in html
    assert f'<a href="?a={ACC}&amp;b={LATER}">compare every document</a>' in html
    response, html = compare_page(client, a=ACC, b=LATER, doc="9")
    assert response.status_code == 404 and f"{LATER} has no document 9." in html


def test_an_old_version_whose_upload_is_gone_gets_a_clear_message(client):
    from django.core.files.storage import default_storage

    from filings.models import RawFile

    store(submission(sentence=SENTENCE))
    store(submission(sentence=SENTENCE.replace("as a director", "as chair")))
    old = RawFile.objects.get(accession=ACC, version=1)
    default_storage.delete(old.blob)
    comparisons.SNAPSHOTS.clear()  # what another process, never having read it, sees
    response, html = compare_page(client, a=ACC, av=1, b=ACC, bv=2)
    assert response.status_code == 422
    assert "The stored upload of a version could not be read from storage" in html


def test_a_document_only_one_side_has_is_shown_as_added_or_removed(client):
    store(submission(image=None))
    store(submission(acc=LATER, filed="20050301"))  # the same filing with a logo added
    response, page = compare_page(client, a=ACC, b=LATER)
    assert response.status_code == 200
    assert "Only in the filing after (logo.gif)." in page
    response, page = compare_page(client, a=LATER, b=ACC)
    assert response.status_code == 200
    assert "Only in the filing before (logo.gif)." in page
