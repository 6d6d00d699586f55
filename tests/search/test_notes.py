"""Notes in search: note: and tag: over the notes each reader may see, the index written in
the notes' own transactions, and the "has notes" facet."""

import re

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from filings import annotations, search
from filings.search import parse_query
from filings.search.notes import readable
from tests.annotations.helpers import target, user
from tests.search.helpers import HIGGINS, accessions, facet_counts, find, store

pytestmark = pytest.mark.django_db

F1, F2, F3 = (f"0000000001-04-00000{n}" for n in (1, 2, 3))


@pytest.fixture
def filings():
    return (
        store(1, sentence=HIGGINS),
        store(2, filed="20050310", sentence="Quarterly results were strong."),
        store(3, filed="20050601", sentence="Widgets and more widgets."),
    )


@pytest.fixture
def people():
    return {
        "alice": user("alice", "analyst", "desk"),
        "bob": user("bob", "analyst", "desk"),
        "carol": user("carol", "analyst"),
        "mo": user("mo", "admin"),
    }


def notes_facet(results):
    return facet_counts(results).get("notes", {})


def found(q, who=None, **kw):
    return sorted(accessions(find(q, user=who, per_page=100, **kw)))


def note(author, filing, quote, body, **kw):
    return annotations.create(author, target(filing, quote=quote), body=body, **kw)


def test_note_and_tag_find_the_filings_whose_notes_have_them(filings, people):
    f1, f2, _f3 = filings
    alice = people["alice"]
    note(
        alice,
        f1,
        "Patricia L. Higgins",
        "Board seat after the proxy fight; Résumé attached",
        tags=["13D", "Proxy fight"],
        visibility="public",
    )
    note(alice, f2, "Quarterly results", "Strong quarter, watch the guidance", tags="earnings")
    assert found("note:proxy", alice) == [F1]
    assert found("note:PROXY", alice) == found("note:resume", alice) == [F1]
    assert found('note:"fight proxy"', alice) == [F1]  # every word, in any order
    assert found("note:prox", alice) == found("note:proxyfight", alice) == []  # whole words
    assert found("note:board note:seat", alice) == [F1]  # several note: add words
    assert found("note:board note:guidance", alice) == []  # ... of one note
    assert found("note:guidance", alice) == [F2]
    assert found("tag:13d", alice) == [F1]
    assert found('tag:"proxy  FIGHT"', alice) == [F1]
    assert found("tag:proxy", alice) == []  # the tag's whole name
    assert found("tag:earnings note:quarter", alice) == [F2]
    assert found("Higgins note:proxy", alice) == [F1]
    assert found("Higgins note:guidance", alice) == []
    assert found("note:proxy", None) == [F1]  # public
    assert found("note:guidance", None) == []  # alice's private note


def test_private_and_team_notes_match_only_for_those_who_may_see_them(filings, people):
    _f1, f2, f3 = filings
    alice, bob, carol = people["alice"], people["bob"], people["carol"]
    note(alice, f3, "Widgets", "secret merger talk", tags=["confidential"])
    note(alice, f2, "Quarterly results", "desk only guidance", visibility="team")
    for q in ("note:secret", "tag:confidential"):
        assert found(q, alice) == [F3]
        assert found(q, bob) == found(q, None) == found(q, people["mo"]) == []
    assert found("note:guidance", alice) == found("note:guidance", bob) == [F2]
    assert found("note:guidance", carol) == found("note:guidance", None) == []
    assert notes_facet(find("", user=alice)) == {"1": 2, "mine": 2}
    assert notes_facet(find("", user=bob)) == {"1": 1}
    assert notes_facet(find("", user=carol)) == {}
    assert notes_facet(find("")) == {}


def test_a_deleted_note_stops_matching_and_its_thread_with_it(filings, people):
    f1 = filings[0]
    alice, bob, mo = people["alice"], people["bob"], people["mo"]
    first = note(alice, f1, "Patricia L. Higgins", "proxy fight", tags="13D", visibility="team")
    annotations.reply(bob, first, "agreed, activist letter")
    assert found("note:activist", alice) == found("note:proxy", bob) == [F1]
    annotations.delete(alice, first)
    for who in (alice, bob, mo):
        assert found("note:proxy", who) == found("note:activist", who) == []
        assert found("tag:13d", who) == []
        assert notes_facet(find("", user=who)) == {}
    annotations.restore(mo, first)
    assert found("note:activist", alice) == found("tag:13d", bob) == [F1]


def test_an_edit_reindexes_the_note_in_its_own_transaction(filings, people):
    f1 = filings[0]
    alice = people["alice"]
    first = note(alice, f1, "Patricia L. Higgins", "proxy fight", tags="13D")
    with pytest.raises(RuntimeError), transaction.atomic():
        annotations.edit(alice, first, version=1, body="settlement reached", tags=["deal"])
        assert found("note:settlement", alice) == found("tag:deal", alice) == [F1]
        assert found("note:proxy", alice) == found("tag:13d", alice) == []
        raise RuntimeError("rolled back")
    assert found("note:proxy", alice) == found("tag:13d", alice) == [F1]
    assert found("note:settlement", alice) == found("tag:deal", alice) == []
    first.refresh_from_db()
    annotations.edit(alice, first, version=1, body="settlement reached", tags=["deal"])
    assert found("note:settlement", alice) == found("tag:deal", alice) == [F1]
    assert found("note:proxy", alice) == found("tag:13d", alice) == []
    with pytest.raises(annotations.AnnotationError):  # someone saved in between
        annotations.edit(alice, first, version=1, body="stale words")
    assert found("note:stale", alice) == []


def test_a_replys_words_match(filings, people):
    f1 = filings[0]
    alice, bob = people["alice"], people["bob"]
    first = note(alice, f1, "Patricia L. Higgins", "proxy fight", visibility="public")
    reply = annotations.reply(bob, first, "The activist letter is in exhibit 99")
    assert found("note:activist note:letter", None) == [F1]
    annotations.edit(bob, reply, version=1, body="no letter after all")
    assert found("note:activist", alice) == []
    assert found("note:letter", alice) == [F1]
    annotations.delete(bob, reply)
    assert found("note:letter", alice) == []
    assert found("note:proxy", alice) == [F1]


@pytest.mark.parametrize(
    "q, message",
    [
        ("note:", 'note: needs a value (e.g. note:"proxy fight"); it was ignored.'),
        ('note:"--"', "note:-- has no letters or digits to look for; it was ignored."),
        ("tag:", "tag: needs a value (e.g. tag:13D); it was ignored."),
        ("tag:" + "x" * 101, "… is not a tag (at most 100 characters); it was ignored."),
        ("-note:proxy", "A field cannot be excluded: -note:proxy was ignored."),
        ("tag:a tag:b", "tag: was given twice; the last one (b) was used."),
    ],
)
def test_malformed_note_and_tag_values_are_reported(filings, people, q, message):
    note(people["alice"], filings[0], "Patricia L. Higgins", "proxy", visibility="public")
    results = find(q)
    assert any(message in error for error in results.errors), results.errors
    assert "note" not in results.query.filters
    assert results.total == 0  # never every filing


def test_note_and_tag_values_are_kept_folded_and_round_trip():
    query = parse_query('note:Proxy note:"fight  Board" note:proxy tag:"proxy   Fight"')
    assert query.filters == {"note": "proxy fight board", "tag": "proxy Fight"}
    assert query.to_string() == 'note:"proxy fight board" tag:"proxy Fight"'
    assert parse_query(query.to_string()).filters == query.filters


def test_the_notes_facet_counts_and_narrows(filings, people):
    f1, f2, f3 = filings
    alice, bob = people["alice"], people["bob"]
    note(alice, f1, "Patricia L. Higgins", "proxy fight", visibility="public")
    note(alice, f3, "Widgets", "private widget thoughts")
    note(bob, f2, "Quarterly results", "strong quarter", visibility="public")
    note(bob, f2, "Quarterly results", "second note, same filing", visibility="public")
    assert notes_facet(find("")) == {"1": 2}
    assert notes_facet(find("", user=alice)) == {"1": 3, "mine": 2}
    assert notes_facet(find("", user=bob)) == {"1": 2, "mine": 1}
    assert notes_facet(find("higgins", user=alice)) == {"1": 1, "mine": 1}
    assert find("", user=alice).facets["notes"] == [
        ("1", "with notes", 3),
        ("mine", "with my notes", 2),
    ]
    assert found("", None, facets={"notes": "1"}) == [F1, F2]
    assert found("", alice, facets={"notes": "mine"}) == [F1, F3]
    assert found("", bob, facets={"notes": "mine"}) == [F2]
    assert found("", None, facets={"notes": "mine"}) == []  # anonymous has no notes
    chosen = find("", user=alice, facets={"notes": "mine"})
    assert notes_facet(chosen) == {"1": 3, "mine": 2}  # not narrowed by itself
    assert facet_counts(chosen)["form"] == {"8-K": 2}
    assert found("", alice, facets={"notes": "mine", "year": "2005"}) == [F3]


def test_search_pays_one_notes_query_and_note_fields_one_each(filings, people):
    note(people["alice"], filings[0], "Patricia L. Higgins", "proxy", tags="13D")

    def notes_queries(q):
        with CaptureQueriesContext(connection) as queries:
            find(q, user=people["alice"])
        return sum("filings_annotation" in query["sql"] for query in queries.captured_queries)

    assert notes_queries("") == notes_queries("higgins form:8-K") == 1
    assert notes_queries("note:proxy") == notes_queries("tag:13d") == 2
    assert notes_queries("note:proxy tag:13d") == 3


def test_reindex_rebuilds_the_note_index(filings, people):
    alice = people["alice"]
    first = note(alice, filings[0], "Patricia L. Higgins", "proxy fight", tags="13D")
    annotations.reply(alice, first, "activist")
    deleted = note(alice, filings[1], "Quarterly results", "gone words", tags="gone")
    annotations.delete(alice, deleted)
    with connection.cursor() as cur:
        cur.execute("DELETE FROM filings_searchnote")
        cur.execute("DELETE FROM filings_searchnotetag")
    assert found("note:proxy", alice) == []
    search.reindex()
    assert found("note:proxy", alice) == found("note:activist", alice) == [F1]
    assert found("tag:13d", alice) == [F1]
    assert found("note:gone", alice) == found("tag:gone", alice) == []


def test_the_search_page_shows_the_notes_facet_and_keeps_it_in_links(client, filings, people):
    alice = people["alice"]
    note(alice, filings[0], "Patricia L. Higgins", "proxy fight")
    one = re.compile(r'class="count">1 filing(?!s)')
    assert 'data-facet="notes"' not in client.get("/search/", {"q": ""}).content.decode()
    client.force_login(alice)
    html = client.get("/search/", {"q": "", "notes": "mine"}).content.decode()
    assert 'data-facet="notes"' in html and "with my notes" in html and one.search(html)
    assert 'name="notes" value="mine"' in html  # the search box keeps the selection
    html = client.get("/search/", {"q": "note:proxy"}).content.decode()
    assert one.search(html) and F1 in html
    feed = client.get("/search/feed", {"q": "note:proxy"}).content.decode()
    assert F1 in feed  # the feed searches as the signed-in reader
    client.logout()
    assert F1 not in client.get("/search/feed", {"q": "note:proxy"}).content.decode()


def test_the_notes_facet_agrees_with_visible_to_for_every_reader(filings, people):
    f1, f2, f3 = filings
    alice, bob, carol, mo = people["alice"], people["bob"], people["carol"], people["mo"]
    dora, erin = user("dora", "analyst", "fund"), user("erin", "analyst", "fund", "desk")
    frank = user("frank", "reader", "desk")
    readers = [None, alice, bob, carol, mo, dora, erin, frank]
    note(bob, f1, "Patricia L. Higgins", "bob's teams", visibility="team")
    fund = note(dora, f2, "Quarterly results", "dora's teams", visibility="team")
    # Seen by whoever sees dora's note, not by bob's team: not bob's note's audience.
    annotations.reply(bob, fund, "a reply from the desk")
    chosen = note(
        erin, f1, "Patricia L. Higgins", "the desk only", visibility="team", teams=["desk"]
    )
    annotations.reply(erin, chosen, "a reply to the desk")
    first = note(alice, f3, "Widgets", "the note its audience asks about")
    note(alice, f2, "Quarterly results", "same audience")

    def check():
        for who in readers:
            expected = sorted(set(readable(who).values_list("filing_id", flat=True)))
            assert found("", who, facets={"notes": "1"}) == expected, who
            assert notes_facet(find("", user=who)).get("1", 0) == len(expected), who

    check()
    assert found("", alice, facets={"notes": "1"}) == [F1, F2, F3]
    assert found("", dora, facets={"notes": "1"}) == [F2]
    assert found("", frank, facets={"notes": "1"}) == [F1]  # not bob's reply on F2
    annotations.delete(alice, first)  # its audience asks about the other one now
    check()
    assert found("", alice, facets={"notes": "mine"}) == [F2]
    annotations.edit(dora, fund, version=1, body="now public", visibility="public")
    check()
    annotations.delete(dora, fund)
    check()
    annotations.restore(mo, fund)
    check()
    search.index_filing(F3)  # a re-indexed filing keeps its notes' audiences
    check()
    search.reindex()
    check()
