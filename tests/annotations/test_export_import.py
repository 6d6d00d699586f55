"""Notes out and back in: /api/annotations.jsonld and `manage.py export annotations` in the
W3C Web Annotation model (and CSV), `manage.py import annotations` reading them back."""

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test.utils import CaptureQueriesContext

from filings import annotations, ingest
from filings.export import ANNOTATION_COLUMNS
from filings.models import ANCHORED, RELOCATED, Annotation, Filing
from tests.annotations.helpers import ACC, SENTENCE, main_document, store, target, user
from tests.fixtures import submission

pytestmark = pytest.mark.django_db

OTHER = "0001193125-05-000002"
API = "/api/annotations.jsonld"


@pytest.fixture
def filing():
    return store()


@pytest.fixture
def people():
    return {
        "alice": user("alice", "analyst", "desk", "fund"),
        "bob": user("bob", "analyst", "fund"),
        "rita": user("rita", "reader"),
    }


@pytest.fixture
def notes(filing, people):
    """Alice's public comment with tags and Bob's reply, her note for the desk team only, her
    private note, Bob's public highlight, a tag note, and a deleted public note."""
    alice, bob = people["alice"], people["bob"]
    public = annotations.create(
        alice,
        target(filing),
        body="Elected *after* the proxy fight",
        tags=["board", "Proxy fight"],
        visibility="public",
    )
    made = {
        "public": public,
        "reply": annotations.reply(bob, public, "Confirmed in the 10-K."),
        "desk": annotations.create(
            alice, target(filing, "the Board"), body="desk only", visibility="team", teams=["desk"]
        ),
        "private": annotations.create(alice, target(filing, "director"), body="my own"),
        "highlight": annotations.create(
            bob, target(filing, "December 17, 2004"), kind="highlight", visibility="public"
        ),
        "tagged": annotations.create(
            bob, target(filing, "Board"), kind="tag", tags=["board"], visibility="team"
        ),
    }
    gone = annotations.create(alice, target(filing, "elected"), body="gone", visibility="public")
    annotations.delete(alice, gone)
    return made


def store_other():
    assert ingest.ingest(submission(acc=OTHER, sentence=SENTENCE), "b.txt").ok
    return Filing.objects.get(accession=OTHER)


def page(client, status=200, **params):
    response = client.get(API, params)
    assert response.status_code == status, response.content
    return response.json()


def ids(collection):
    return [int(urlsplit(item["id"]).path.split("/")[2]) for item in collection["items"]]


def export(tmp_path, *args, name="notes.jsonld"):
    out = tmp_path / name
    call_command("export", "annotations", *args, "--out", str(out), stderr=io.StringIO())
    return out


def run_import(path):
    out = io.StringIO()
    try:
        call_command("import", "annotations", str(path), stdout=out)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue()


def snapshot():
    """Every field of every note that an export carries, by its content not its id."""
    rows = []
    for n in Annotation.objects.order_by("created_at"):
        rows.append(
            {
                "author": n.author.username,
                "filing": n.filing_id,
                "document": n.document_slug,
                "kind": n.kind,
                "parent": n.parent and (n.parent.author.username, n.parent.created_at),
                "body": n.body,
                "body_html": n.body_html,
                "tags": [t.name for t in n.tags.all()],
                "visibility": n.visibility,
                "all_author_teams": n.all_author_teams,
                "teams": sorted(g.name for g in n.teams.all()),
                "exact": n.exact,
                "prefix": n.prefix,
                "suffix": n.suffix,
                "start": n.start,
                "end": n.end,
                "text_hash": n.text_hash,
                "anchor_state": n.anchor_state,
                "created": n.created_at,
                "modified": n.updated_at,
                "deleted": n.deleted_at is not None,
            }
        )
    return rows


def wipe():
    Annotation.objects.exclude(parent=None).delete()
    Annotation.objects.all().delete()


def quote(exact, start=None, prefix="", suffix=""):
    selectors = [{"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix}]
    if start is not None:
        selectors.append(
            {"type": "TextPositionSelector", "start": start, "end": start + len(exact)}
        )
    return selectors


# --- the JSON-LD shape ---------------------------------------------------------------------


def test_the_collection_and_each_annotation_follow_the_web_annotation_model(client, notes, people):
    client.force_login(people["alice"])
    response = client.get(API)
    assert response["Content-Type"].startswith("application/ld+json")
    assert 'profile="http://www.w3.org/ns/anno.jsonld"' in response["Content-Type"]
    collection = response.json()
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    assert collection["id"] == "http://testserver/api/annotations.jsonld"
    assert collection["next"] is None
    # All six live notes: Bob's team note goes to his team, fund, which Alice is in too.
    assert collection["total"] == len(collection["items"]) == 6

    by_id = {item["id"]: item for item in collection["items"]}
    public, doc = notes["public"], main_document(notes["public"].filing)
    item = by_id[f"http://testserver/notes/{public.pk}/"]
    assert item == {
        "id": f"http://testserver/notes/{public.pk}/",
        "type": "Annotation",
        "motivation": "commenting",
        "creator": {"type": "Person", "nickname": "alice", "name": "alice"},
        "created": public.created_at.isoformat(),
        "modified": Annotation.objects.get(pk=public.pk).updated_at.isoformat(),
        "body": [
            {
                "type": "TextualBody",
                "value": "Elected *after* the proxy fight",
                "format": "text/markdown",
            },
            {"type": "TextualBody", "value": "board", "purpose": "tagging"},
            {"type": "TextualBody", "value": "Proxy fight", "purpose": "tagging"},
        ],
        "target": {
            "source": f"http://testserver/filings/{ACC}/1/",
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": "Patricia L. Higgins",
                    "prefix": public.prefix,
                    "suffix": public.suffix,
                },
                {"type": "TextPositionSelector", "start": public.start, "end": public.end},
            ],
            "state": {
                "type": "TimeState",
                "sourceDate": item["target"]["state"]["sourceDate"],
                "textHash": doc.text_hash,
            },
        },
        "anchorState": "anchored",
        "visibility": "public",
    }
    assert doc.text[public.start : public.end] == "Patricia L. Higgins"
    datetime.fromisoformat(item["target"]["state"]["sourceDate"])

    reply = by_id[f"http://testserver/notes/{notes['reply'].pk}/"]
    assert reply["motivation"] == "replying"
    assert reply["target"] == item["id"]
    assert reply["creator"]["nickname"] == "bob" and reply["visibility"] == "public"
    assert "anchorState" not in reply

    desk = by_id[f"http://testserver/notes/{notes['desk'].pk}/"]
    assert desk["visibility"] == "team" and desk["teams"] == ["desk"]
    tagged = by_id[f"http://testserver/notes/{notes['tagged'].pk}/"]
    assert tagged["motivation"] == "tagging" and "teams" not in tagged  # all of Bob's teams
    assert tagged["body"] == [{"type": "TextualBody", "value": "board", "purpose": "tagging"}]
    highlight = by_id[f"http://testserver/notes/{notes['highlight'].pk}/"]
    assert highlight["motivation"] == "highlighting" and "body" not in highlight


def test_a_person_with_a_name_is_named_and_an_orphan_has_no_source_date(client, notes, people):
    people["bob"].first_name, people["bob"].last_name = "Robert", "Stone"
    people["bob"].save()
    Annotation.objects.filter(pk=notes["highlight"].pk).update(
        anchor_state="orphaned", text_hash="0" * 64
    )
    items = page(client)["items"]
    highlight = next(i for i in items if i["id"].endswith(f"/notes/{notes['highlight'].pk}/"))
    assert highlight["creator"] == {"type": "Person", "nickname": "bob", "name": "Robert Stone"}
    assert highlight["anchorState"] == "orphaned"
    assert highlight["target"]["state"] == {"type": "TimeState", "textHash": "0" * 64}


def test_hostile_bodies_are_written_by_the_json_encoder_and_never_rendered(client, filing, people):
    hostile = '</script><script>alert("x")</script><img src=x onerror=alert(1)> & \u202e'
    note = annotations.create(
        people["alice"],
        target(filing),
        body=hostile,
        tags=['<b onmouseover="x">'],
        visibility="public",
    )
    response = client.get(API)
    assert response["Content-Type"].startswith("application/ld+json")
    collection = response.json()
    # The answer is exactly what the JSON encoder makes of these values: no other escaping.
    assert response.content == json.dumps(collection, cls=DjangoJSONEncoder).encode()
    [item] = collection["items"]
    assert item["body"][0]["value"] == note.body  # the Markdown as stored, not its HTML
    assert item["body"][1]["value"] == '<b onmouseover="x">'
    assert note.body_html not in response.content.decode()
    assert b"&lt;" not in response.content and b"<p>" not in response.content


# --- who sees what -------------------------------------------------------------------------


def test_only_notes_the_reader_may_see_are_exported_and_never_deleted_ones(client, notes, people):
    def seen():
        return set(ids(page(client)))

    everything = {n.pk for n in notes.values()}
    public = {notes[k].pk for k in ("public", "reply", "highlight")}
    assert seen() == public  # anonymous: public notes only
    client.force_login(people["bob"])
    assert seen() == everything - {notes["private"].pk, notes["desk"].pk}
    client.force_login(people["alice"])
    assert seen() == everything
    client.force_login(people["rita"])  # a reader in no team
    assert seen() == public
    moderator = user("mo", "admin")
    client.force_login(moderator)  # sees deleted notes on pages, but they are not exported
    assert seen() == public
    assert Annotation.objects.visible_to(moderator).count() == len(public) + 1


# --- filters and paging --------------------------------------------------------------------


def test_filters_by_accession_author_tag_and_since(client, filing, notes, people):
    client.force_login(people["alice"])
    other = store_other()
    elsewhere = annotations.create(people["alice"], target(other), body="other filing")
    assert set(ids(page(client, accession=OTHER))) == {elsewhere.pk}
    assert len(ids(page(client, accession=[ACC, OTHER]))) == 7
    assert set(ids(page(client, author="bob"))) == {
        notes[k].pk for k in ("reply", "highlight", "tagged")
    }
    assert set(ids(page(client, tag="BOARD"))) == {notes["public"].pk, notes["tagged"].pk}
    assert set(ids(page(client, tag=["proxy fight", "nothing"]))) == {notes["public"].pk}

    past = datetime(2020, 1, 1, tzinfo=UTC)
    Annotation.objects.update(created_at=past, updated_at=past)
    Annotation.objects.filter(pk=notes["desk"].pk).update(updated_at=past + timedelta(days=40))
    Annotation.objects.filter(pk=elsewhere.pk).update(
        created_at=past + timedelta(days=50), updated_at=past + timedelta(days=50)
    )
    assert set(ids(page(client, since="2020-02-01"))) == {notes["desk"].pk, elsewhere.pk}
    assert set(ids(page(client, since="2020-02-15T00:00:00+00:00"))) == {elsewhere.pk}
    assert set(ids(page(client, since="2020-02-15T00:00:00Z", author="bob"))) == set()
    assert len(ids(page(client, since="2019-12-31"))) == 7


def test_pages_follow_next_links_with_the_filters_and_a_constant_total(client, notes, people):
    client.force_login(people["alice"])
    first = page(client, limit=2, author="alice")
    seen, link = ids(first), first["next"]
    assert first["total"] == 3 and len(seen) == 2
    assert link.startswith("http://testserver/api/annotations.jsonld?")
    while link:
        response = client.get(link)
        assert response.status_code == 200
        following = response.json()
        assert following["total"] == 3
        seen += ids(following)
        link = following["next"]
    assert seen == sorted(n.pk for k, n in notes.items() if n.author.username == "alice")


def test_bad_parameters_are_json_errors(client, notes):
    for params, code in [
        ({"since": "last week"}, "bad-parameter"),
        ({"accession": "x"}, "bad-parameter"),
        ({"author": " "}, "bad-parameter"),
        ({"since": ["2020-01-01", "2021-01-01"]}, "bad-parameter"),
        ({"limit": "0"}, "bad-parameter"),
        ({"cursor": "forged"}, "bad-parameter"),
        ({"color": "blue"}, "unknown-parameter"),
    ]:
        assert page(client, status=400, **params)["error"]["code"] == code
    response = client.post(API)
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"


def test_a_page_takes_the_same_queries_for_few_notes_and_many(client, filing, people):
    client.force_login(people["alice"])
    annotations.create(people["alice"], target(filing), body="one", tags=["a"], visibility="public")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(API).status_code == 200
        return len(captured)

    few = queries()
    for n in range(6):
        annotations.create(
            people["alice"], target(filing), body=str(n), tags=["a", f"t{n}"], visibility="team"
        )
    assert queries() == few


# --- the commands: export, CSV, and the round trip -----------------------------------------


def test_export_import_round_trip_gives_the_same_notes_at_the_same_offsets(tmp_path, notes):
    before = snapshot()
    out = export(tmp_path)
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    # The operator's export: every visibility, but not the deleted note.
    assert collection["total"] == len(collection["items"]) == 6
    assert collection["items"][0]["id"] == f"/notes/{notes['public'].pk}/"
    wipe()
    code, report = run_import(out)
    assert code == 0, report
    assert report.splitlines()[-1] == "6 notes: 6 imported, 0 already there, 0 skipped"
    assert snapshot() == [row for row in before if not row["deleted"]]
    for note in Annotation.objects.all():
        assert note.versions.get().action == "imported"
    # Importing the same file again writes nothing new.
    code, report = run_import(out)
    assert code == 0
    assert report.splitlines()[-1] == "6 notes: 0 imported, 6 already there, 0 skipped"
    assert Annotation.objects.count() == 6


def test_the_export_command_can_write_whole_urls_and_only_some_filings(tmp_path, notes):
    other = store_other()
    annotations.create(notes["public"].author, target(other), body="elsewhere")
    out = export(tmp_path, OTHER, "--base-url", "https://filings.example.org/")
    [item] = json.loads(out.read_text(encoding="utf-8"))["items"]
    assert item["id"].startswith("https://filings.example.org/notes/")
    assert item["target"]["source"] == f"https://filings.example.org/filings/{OTHER}/1/"
    empty = export(tmp_path, "0000000000-00-000000", name="empty.jsonld")
    assert json.loads(empty.read_text(encoding="utf-8"))["items"] == []


def test_csv_has_flat_columns_for_the_same_rows(tmp_path, notes):
    out = export(tmp_path, "--format", "csv", name="notes.csv")
    with open(out, newline="", encoding="utf-8") as stream:
        reader = csv.DictReader(stream)
        rows = {int(r["id"]): r for r in reader}
    assert (
        reader.fieldnames
        == ANNOTATION_COLUMNS
        == [
            "id",
            "accession",
            "document",
            "kind",
            "author",
            "created",
            "modified",
            "visibility",
            "teams",
            "tags",
            "body",
            "exact",
            "prefix",
            "suffix",
            "start",
            "end",
            "text_hash",
            "anchor_state",
            "parent",
        ]
    )
    assert set(rows) == {n.pk for n in notes.values()}
    public = notes["public"]
    row = rows[public.pk]
    assert row["accession"] == ACC and row["document"] == "1" and row["kind"] == "comment"
    assert row["author"] == "alice" and row["tags"] == "board; Proxy fight"
    assert row["created"] == public.created_at.isoformat()
    assert (row["exact"], int(row["start"]), int(row["end"])) == (
        "Patricia L. Higgins",
        public.start,
        public.end,
    )
    assert row["text_hash"] == public.text_hash and row["anchor_state"] == "anchored"
    assert rows[notes["desk"].pk]["teams"] == "desk" and rows[notes["tagged"].pk]["teams"] == ""
    assert rows[notes["reply"].pk]["parent"] == str(public.pk)
    assert rows[notes["reply"].pk]["exact"] == "" and rows[notes["reply"].pk]["anchor_state"] == ""


def test_jsonl_is_not_a_format_for_annotations(tmp_path):
    with pytest.raises(Exception, match="jsonld or csv"):
        call_command("export", "annotations", "--format", "jsonl")


# --- importing files from elsewhere --------------------------------------------------------


def test_a_plain_list_with_bare_usernames_and_another_hosts_urls_is_imported(
    tmp_path, filing, people
):
    doc = main_document(filing)
    start = doc.text.index("Patricia L. Higgins")
    note_id = "https://annotations.elsewhere.example/notes/99/"
    data = [
        {
            "id": "https://annotations.elsewhere.example/notes/100/",
            "type": "Annotation",
            "motivation": "replying",
            "creator": "bob",
            "created": "2024-05-02T09:00:00Z",
            "body": {"type": "TextualBody", "value": "Agreed."},
            "target": note_id,
        },
        {
            "id": note_id,
            "type": "Annotation",
            "creator": "alice",
            "created": "2024-05-01T10:00:00+02:00",
            "modified": "2024-05-01T11:00:00+02:00",
            "body": [
                {
                    "type": "TextualBody",
                    "value": "From the **old** store",
                    "format": "text/markdown",
                },
                {"type": "TextualBody", "value": "imported", "purpose": "tagging"},
            ],
            "target": {
                "source": f"https://annotations.elsewhere.example/app/filings/{ACC}/1/#note-99",
                "selector": quote("Patricia L. Higgins", start),
                "state": {"type": "TimeState", "textHash": doc.text_hash},
            },
            "visibility": "team",
            "teams": ["fund"],
        },
        {
            # A path, a quote without position or hash, and no id: found where the quote is.
            "type": "Annotation",
            "motivation": "highlighting",
            "creator": {"nickname": "alice"},
            "created": "2024-05-03T00:00:00",
            "target": {"source": f"/filings/{ACC}/1/", "selector": quote("the Board")},
        },
    ]
    path = tmp_path / "list.jsonld"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, report = run_import(path)
    assert code == 0, report
    note = Annotation.objects.get(parent=None, kind="comment")
    assert note.author.username == "alice" and note.body == "From the **old** store"
    assert "<strong>old</strong>" in note.body_html
    assert (note.start, note.end, note.exact) == (start, start + 19, "Patricia L. Higgins")
    assert note.anchor_state == ANCHORED and note.text_hash == doc.text_hash
    assert note.created_at == datetime(2024, 5, 1, 8, tzinfo=UTC)
    assert note.updated_at == datetime(2024, 5, 1, 9, tzinfo=UTC)
    assert [t.name for t in note.tags.all()] == ["imported"]
    assert note.visibility == "team" and not note.all_author_teams
    assert [g.name for g in note.teams.all()] == ["fund"]
    reply = Annotation.objects.get(parent=note)
    assert reply.author.username == "bob" and reply.body == "Agreed."
    assert reply.visibility == "team" and [g.name for g in reply.teams.all()] == ["fund"]
    highlight = Annotation.objects.get(kind="highlight")
    assert doc.text[highlight.start : highlight.end] == "the Board"
    assert highlight.anchor_state == ANCHORED and highlight.visibility == "private"
    assert highlight.created_at == datetime(2024, 5, 3, tzinfo=UTC)
    assert len(highlight.prefix) == 32


def test_unknown_users_missing_teams_and_quotes_not_in_the_text_are_reported(
    tmp_path, filing, people
):
    doc = main_document(filing)
    start = doc.text.index("Patricia L. Higgins")

    def item(n, creator="alice", exact="Patricia L. Higgins", at=start, **extra):
        return {
            "id": f"https://old.example/notes/{n}/",
            "type": "Annotation",
            "creator": creator,
            "created": f"2024-05-0{n}T10:00:00Z",
            "body": [{"type": "TextualBody", "value": f"note {n}"}],
            "target": {
                "source": f"https://old.example/filings/{ACC}/1/",
                "selector": quote(exact, at),
                "state": {"type": "TimeState", "textHash": doc.text_hash},
            },
            **extra,
        }

    data = {
        "type": "AnnotationCollection",
        "items": [
            item(1, creator="mallory"),
            item(2, exact="an unrelated sentence that this filing never says"),
            item(3, visibility="team", teams=["fund", "nobody"]),
            item(4, at=start + 3),  # the quote is there, a little earlier: relocated
            {**item(5), "target": {"source": f"/filings/{ACC}/9/", "selector": quote("x", 0)}},
            {**item(6), "target": {"source": "/companies/1056386/", "selector": quote("x", 0)}},
            {**item(7), "creator": {"name": "No Nickname"}},
            {
                "id": "https://old.example/notes/8/",
                "motivation": "replying",
                "creator": "bob",
                "created": "2024-05-08T00:00:00Z",
                "body": {"type": "TextualBody", "value": "re"},
                "target": "https://old.example/notes/1/",
            },
            item(9, creator="bob", exact="Patricia Q. Higgins"),  # fuzzily: relocated
        ],
    }
    path = tmp_path / "collection.jsonld"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, report = run_import(path)
    assert code == 1
    lines = report.splitlines()
    assert lines[-1] == "9 notes: 2 imported, 0 already there, 7 skipped"
    problems = {line.split(":", 2)[1].strip(): line for line in lines[:-1]}
    assert len(problems) == 7
    assert "note https://old.example/notes/1/: there is no user named 'mallory'; skipped" in lines
    assert "is not in the document's text" in problems["//old.example/notes/2/"]
    assert "no team named 'nobody'" in problems["//old.example/notes/3/"]
    assert f"the filing {ACC} has no document 9" in problems["//old.example/notes/5/"]
    assert "is not a document page" in problems["//old.example/notes/6/"]
    assert "no creator username" in problems["//old.example/notes/7/"]
    assert "replies to https://old.example/notes/1/" in problems["//old.example/notes/8/"]
    moved = Annotation.objects.get(body="note 4")
    assert moved.anchor_state == RELOCATED
    assert (moved.start, moved.previous_start) == (start, start + 3)
    fuzzy = Annotation.objects.get(body="note 9")
    assert fuzzy.author.username == "bob" and fuzzy.anchor_state == RELOCATED
    assert fuzzy.exact == "Patricia Q. Higgins"  # kept, as re-anchoring keeps it
    assert doc.text[fuzzy.start : fuzzy.end] == "Patricia L. Higgins"
    assert not Annotation.objects.filter(author__username="mallory").exists()


def test_a_file_that_is_not_annotations_is_refused_whole(tmp_path, filing):
    path = tmp_path / "bad.jsonld"
    path.write_text('{"type": "Something"}', encoding="utf-8")
    with pytest.raises(Exception, match="not an AnnotationCollection"):
        call_command("import", "annotations", str(path))
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(Exception, match="bad.jsonld"):
        call_command("import", "annotations", str(path))
