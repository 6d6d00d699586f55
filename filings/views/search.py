"""The search page with its facets, the typeahead in every page's header, and the Atom
feed of a search."""

import html
import re
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_GET

from .. import search
from ..models import Company, Person
from . import htmx_fragment

SEARCH_PAGE_SIZE = 20


FACET_LABELS = {
    "notes": "Notes",
    "form": "Form type",
    "year": "Filing year",
    "company": "Company",
    "person": "Person",
    "role": "Party role",
    "state": "State",
    "sic": "SIC",
    "item": "8-K item",
}


def search_state(request):
    """The query, facet selections and page, all from the URL."""
    text = request.GET.get("q", "")
    query = search.parse_query(text)
    chosen = {name: request.GET.get(name, "") for name in FACET_LABELS if request.GET.get(name)}
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    return text, query, chosen, page


MARK = re.compile(r"<mark>(.*?)</mark>", re.S)


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, is_match) pieces, so the template escapes every character and
    no document-derived HTML needs to be trusted."""
    parts, at = [], 0
    for m in MARK.finditer(snippet or ""):
        if m.start() > at:
            parts.append((html.unescape(snippet[at : m.start()]), False))
        parts.append((html.unescape(m.group(1)), True))
        at = m.end()
    if at < len(snippet or ""):
        parts.append((html.unescape(snippet[at:]), False))
    return parts


@require_GET
def search_page(request):
    text, query, chosen, page = search_state(request)
    show_documents = request.GET.get("docs") == "1"
    results = search.search(
        query,
        page=page,
        per_page=SEARCH_PAGE_SIZE,
        facets=chosen,
        documents=show_documents,
        user=request.user,
    )
    for hit in results.hits:
        hit.parts = snippet_parts(hit.snippet)
        for doc in hit.documents:
            doc.parts = snippet_parts(doc.snippet)
    base = request.GET.copy()
    base.pop("page", None)
    pairs = list(base.lists())
    facets = []
    for name, label in FACET_LABELS.items():
        values = []
        for value, value_label, count in results.facets.get(name, []):
            selected = str(chosen.get(name, "")) == str(value)
            values.append(
                {
                    "label": value_label,
                    "count": count,
                    "selected": selected,
                    "url": facet_url(pairs, name, None if selected else value),
                }
            )
        if values:
            facets.append({"name": name, "label": label, "values": values})
    context = {
        "q": text,
        "query": query,
        "results": results,
        "facets": facets,
        "chosen": chosen,
        "show_documents": show_documents,
        "first_index": (results.page - 1) * results.per_page + 1,
        "base": base.urlencode(),
        "feed_url": f"{reverse('search-feed')}?{base.urlencode()}",
        # Opens a hit's document with the query's words marked in it.
        "marked": "?" + urlencode({"q": words}) if (words := query_words(query)) else "",
    }
    return htmx_fragment(request, "filings/search.html", "search-results", context)


def facet_url(pairs, name: str, value) -> str:
    """The search's URL (its parameters as `QueryDict.lists()`) with the facet set to
    `value`, or without it for None: in the order a QueryDict would write it, without
    copying one for each of a page's hundreds of facet values."""
    items, seen = [], False
    for key, values in pairs:
        if key == name:
            seen = True
            if value is None:
                continue
            values = [value]
        items.extend((key, v) for v in values)
    if not seen and value is not None:
        items.append((name, value))
    return "?" + urlencode(items)


def query_words(query) -> str:
    """The query's words and phrases alone, as the reading view marks them."""
    return " ".join(t.to_string() for t in query.terms)


@require_GET
def typeahead(request):
    text = request.GET.get("q", "")[:200]
    matches = search.typeahead(text) if len(text.strip()) >= 2 else []
    return render(request, "filings/search.html#typeahead", {"matches": matches, "q": text})


class SearchFeed(Feed):
    """New filings matching a saved search, as Atom: the search URL plus /feed."""

    feed_type = Atom1Feed

    def get_object(self, request):
        # The state travels as the feed's object: one Feed instance serves every request.
        text, query, chosen, _page = search_state(request)
        return {
            "text": text,
            "query": query,
            "chosen": chosen,
            "params": request.GET.urlencode(),
            "user": request.user,
        }

    def title(self, state):
        parts = [f"“{state['text']}”" if state["text"] else "all filings"]
        parts += [f"{FACET_LABELS[name].lower()}: {label}" for name, label in chosen_labels(state)]
        return "EDGAR dashboard: " + " · ".join(parts)

    def link(self, state):
        return f"{reverse('search')}?{state['params']}"

    def feed_url(self, state):
        # rel="self" is this feed with its query, so a reader can subscribe to it as is.
        return f"{reverse('search-feed')}?{state['params']}"

    def subtitle(self, state):
        return "The newest filings matching this search."

    def items(self, state):
        # The best matches, newest stored first: a reader polls for what arrived since.
        hits = search.search(
            state["query"], page=1, per_page=100, facets=state["chosen"], user=state["user"]
        ).hits
        hits.sort(key=lambda hit: hit.filing.created_at, reverse=True)
        words = query_words(state["query"])
        for hit in hits:
            hit.link = hit.url + ("?" + urlencode({"q": words}) if words else "")
        return hits[:50]

    def item_title(self, hit):
        filing = hit.filing
        return f"{filing.form} {hit.company} ({filing.accession})"

    def item_description(self, hit):
        # The snippet is our own escaped text with <mark> around the matches.
        filed = f"Filed {hit.filing.filed_date:%Y-%m-%d}. " if hit.filing.filed_date else ""
        return filed + hit.snippet

    def item_link(self, hit):
        return hit.link

    def item_guid(self, hit):
        return hit.filing.get_absolute_url()

    def item_pubdate(self, hit):
        return hit.filing.created_at

    def item_updateddate(self, hit):
        return hit.filing.updated_at


def chosen_labels(state) -> list[tuple[str, str]]:
    """(facet, readable value) for each facet selection of a search."""
    out = []
    for name, value in state["chosen"].items():
        label = value
        if name == "company" and value.isdigit():
            label = Company.objects.filter(cik=int(value)).values_list("name", flat=True).first()
        elif name == "person" and value.isdigit() and len(value) < 19:
            label = Person.objects.filter(pk=int(value)).values_list("name", flat=True).first()
        out.append((name, label or value))
    return out


search_feed = SearchFeed()
