"""The single write path: validation first, one transaction, idempotent by accession."""

import hashlib
import threading
from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.db import connection, transaction

from filings import ingest, search
from filings.models import Company, Document, Filing, FilingParty, Item, Person, RawFile
from filings.search import parse_query
from tests.fixtures import GIF_BYTES, submission

pytestmark = pytest.mark.django_db


def counts():
    return {
        m.__name__: m.objects.count()
        for m in (Filing, Document, FilingParty, Item, Company, Person, RawFile)
    }


def test_new_filing_is_created_with_its_header_documents_and_parties():
    result = ingest.ingest(submission(), "internap.txt")
    assert result.status == "created"
    filing = Filing.objects.get(accession="0001193125-04-218426")
    assert filing.form == "8-K"
    assert filing.filed_date.isoformat() == "2004-12-22"
    assert filing.period_of_report.isoformat() == "2004-12-14"
    assert filing.acceptance_datetime is not None
    assert [d.type for d in filing.documents.order_by("position")] == ["8-K", "EX-99.1", "GRAPHIC"]
    assert [(i.code, i.source) for i in filing.items.order_by("position")] == [
        ("5.02", "header"),
        ("9.01", "header"),
    ]
    party = filing.parties.get()
    assert (party.role, party.cik, party.name) == (
        "filer",
        1056386,
        "INTERNAP NETWORK SERVICES CORP",
    )
    assert party.business_address["city"] == "SEATTLE"
    assert party.mail_address["city"] == "ATLANTA"
    assert party.filing_values[0]["file_number"] == "001-31989"
    assert party.former_names == [
        {"name": "INTERNAP NETWORK SERVICES CORP/WA", "date_of_change": "1999-07-21"}
    ]
    company = Company.objects.get(cik=1056386)
    assert (company.name, company.sic, company.state_of_incorporation) == (
        "INTERNAP NETWORK SERVICES CORP",
        "7370",
        "DE",
    )
    assert filing.parser_version >= 1


def test_raw_bytes_are_kept_exactly_and_addressed_by_hash():
    data = submission()
    ingest.ingest(data, "internap.txt")
    raw = Filing.objects.get().raw
    assert raw.sha256 == hashlib.sha256(data).hexdigest()
    assert raw.blob.endswith(raw.sha256 + ".txt")
    assert raw.read() == data
    assert default_storage.exists(raw.blob)


def test_documents_keep_offsets_into_the_raw_upload_and_stored_renderings():
    data = submission()
    ingest.ingest(data, "internap.txt")
    main, exhibit, image = Document.objects.order_by("position")
    assert main.raw_body() == data[main.start : main.end]
    assert "Patricia L. Higgins" in main.text
    assert main.text_hash == hashlib.sha256(main.text.encode()).hexdigest()
    assert "filer script" not in main.html and "<script" not in main.html.lower()
    assert image.kind == "image"
    assert image.html == ""


def test_same_bytes_again_is_unchanged_and_writes_nothing():
    data = submission()
    ingest.ingest(data, "a.txt")
    before = counts()
    result = ingest.ingest(data, "a-again.txt")
    assert result.status == "unchanged"
    assert counts() == before


def test_different_bytes_for_the_same_accession_make_a_new_version_and_keep_the_old_raw():
    first = submission()
    second = submission(sentence="A corrected sentence naming Ms. Patricia L. Higgins.")
    ingest.ingest(first, "a.txt")
    result = ingest.ingest(second, "b.txt")
    assert result.status == "updated"
    assert result.version == 2
    filing = Filing.objects.get()
    assert filing.version == 2
    assert filing.raw.read() == second
    assert RawFile.objects.count() == 2
    old = RawFile.objects.get(version=1)
    assert old.read() == first
    assert "corrected sentence" in filing.documents.get(position=0).text
    assert Document.objects.count() == 3  # replaced, not added


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"<html><body><h1>404 Not Found</h1></body></html>", "HTML"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
    ],
)
def test_refused_input_gets_a_specific_message_and_leaves_the_database_as_it_was(data, reason):
    ingest.ingest(submission(), "ok.txt")
    before = counts()
    result = ingest.ingest(data, "upload.txt")
    assert result.status == "refused"
    assert "upload.txt" in result.message
    assert reason.lower() in result.message.lower()
    assert counts() == before


def test_a_failure_inside_the_transaction_rolls_everything_back():
    ingest.ingest(submission(acc="0000000001-04-000001"), "first.txt")
    before = counts()
    with mock.patch.object(
        ingest.Item.objects, "bulk_create", side_effect=RuntimeError("disk full")
    ):
        with pytest.raises(RuntimeError):
            ingest.ingest(submission(), "second.txt")
    assert counts() == before
    assert not Filing.objects.filter(accession="0001193125-04-218426").exists()


def test_a_failing_update_keeps_the_previous_version_intact():
    ingest.ingest(submission(), "first.txt")
    with mock.patch.object(ingest.Item.objects, "bulk_create", side_effect=RuntimeError("boom")):
        with pytest.raises(RuntimeError):
            ingest.ingest(submission(sentence="Changed."), "second.txt")
    filing = Filing.objects.get()
    assert filing.version == 1
    assert filing.documents.count() == 3
    assert filing.items.count() == 2
    assert "Higgins" in filing.documents.get(position=0).text


def test_reporting_owner_with_a_cik_is_a_person_not_a_company():
    data = submission(
        acc="0001193125-05-000001",
        form="4",
        owners=[("HIGGINS PATRICIA L", "0001234567")],
    )
    ingest.ingest(data, "form4.txt")
    person = Person.objects.get(cik=1234567)
    assert person.name == "Patricia L. Higgins"
    assert person.raw_name == "HIGGINS PATRICIA L"
    assert not Company.objects.filter(cik=1234567).exists()
    owner = FilingParty.objects.get(role="reporting-owner")
    assert owner.person == person and owner.company is None


def test_company_keeps_the_name_from_its_newest_filing():
    ingest.ingest(
        submission(acc="0001193125-05-000002", filed="20050301", company="NEW NAME CORP"), "new.txt"
    )
    ingest.ingest(
        submission(acc="0001193125-04-000003", filed="20040301", company="OLD NAME CORP"), "old.txt"
    )
    assert Company.objects.get(cik=1056386).name == "NEW NAME CORP"
    old = FilingParty.objects.get(filing__accession="0001193125-04-000003")
    assert old.name == "OLD NAME CORP"  # the filing's own snapshot is kept


def test_links_between_documents_of_one_filing_are_rewritten_to_the_app():
    ingest.ingest(submission(), "a.txt")
    main = Document.objects.get(position=0)
    assert "/filings/0001193125-04-218426/2/content" in main.html
    assert "/filings/0001193125-04-218426/3/file" in main.html


def test_uuencoded_image_is_decoded_from_the_stored_raw():
    ingest.ingest(submission(), "a.txt")
    image = Document.objects.get(position=2)
    from filings.edgar.model import uudecode

    assert uudecode(image.raw_body()) == GIF_BYTES


@pytest.mark.django_db(transaction=True)
def test_concurrent_uploads_of_one_accession_make_one_filing():
    data = submission()
    prepared = [ingest.prepare(data, f"copy{i}.txt") for i in range(4)]
    results = []
    barrier = threading.Barrier(len(prepared))

    def worker(p):
        barrier.wait()
        try:
            results.append(ingest.store(p).status)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(p,)) for p in prepared]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["created", "unchanged", "unchanged", "unchanged"]
    assert Filing.objects.count() == 1
    assert Document.objects.count() == 3


def test_documents_without_a_header_take_the_form_from_the_first_document():
    data = submission(acc="0000899681-95-000096")
    body = data[data.index(b"<DOCUMENT>") :]
    result = ingest.ingest(body, "0000899681-95-000096.no-header.txt")
    assert result.status == "created", result.message
    filing = Filing.objects.get()
    assert filing.form == "8-K"
    codes = {f["code"] for f in filing.findings}
    assert {"no-header", "accession-from-filename", "form-from-document"} <= codes


def test_sgml_wrappers_around_a_body_are_not_part_of_the_rendering():
    assert ingest.unwrap("\n<XBRL>\n<html><body style='x'>a</body></html>\n</XBRL>\n") == (
        "<html><body style='x'>a</body></html>\n"
    )
    assert ingest.unwrap("\n<html>no wrapper</html>") == "\n<html>no wrapper</html>"


def stored_rows():
    """What a reader sees of a stored filing: its renderings, events and mentions."""
    filing = Filing.objects.get()
    return (
        list(filing.documents.order_by("position").values_list("html", "text", "text_hash")),
        list(
            filing.events.order_by("pk").values_list(
                "event_type", "name", "evidence", "start", "end", "document__position"
            )
        ),
        list(
            filing.organizations.order_by("pk").values_list(
                "name", "evidence", "document__position"
            )
        ),
        search.search(parse_query("Higgins")).total,
    )


def test_a_large_filing_stores_its_renderings_whole_after_letting_them_go(monkeypatch):
    data = submission(form="4", owners=[("HIGGINS PATRICIA L", "0001234567")])
    with transaction.atomic():
        ingest.ingest(data, "x.txt")
        expected = stored_rows()
        transaction.set_rollback(True)
    assert expected[1] and expected[3] == 1
    # Every filing counts as large: its HTML and text leave memory as they are written.
    monkeypatch.setattr(ingest, "LARGE_FILING_CHARS", 1)
    prepared = ingest.prepare(data, "x.txt")
    assert ingest.store(prepared).status == "created"
    assert prepared.released
    assert stored_rows() == expected


def test_a_prepared_filing_that_let_go_of_its_renderings_can_be_stored_again(monkeypatch):
    monkeypatch.setattr(ingest, "LARGE_FILING_CHARS", 1)
    data = submission()
    expected = [(p.html, p.text) for p in ingest.prepare(data, "x.txt").documents]
    prepared = ingest.prepare(data, "x.txt")
    with transaction.atomic():
        assert ingest.store(prepared).status == "created"
        transaction.set_rollback(True)  # as if this database had never seen it
    assert Filing.objects.count() == 0
    assert ingest.store(prepared).status == "created"
    assert list(Document.objects.order_by("position").values_list("html", "text")) == expected
