"""The JSON API: /api/<kind>.json serves filings.export's rows a page at a time.

A page is {"kind", "rows", "next"}; `next` repeats the request's filters with a cursor,
the signed sort key of the page's last row, so inserts never shift what comes next.
Events come in two parts, the extracted events with their reviews and then the events
analysts recorded (filings.accuracy): a cursor into the second part names it.
Every error is {"error": {"code", "message"}} with its HTTP status.
/api/annotations.jsonld pages the same way through the notes a user may see, in the W3C
Web Annotation model (filings.w3c).
"""

import itertools
import re
from datetime import date, datetime

from django.core import signing
from django.http import JsonResponse
from django.utils import timezone

from .. import accuracy, export, w3c
from ..ingest import ACCESSION_RE
from ..models import Annotation

LIMIT, MAX_LIMIT = 100, 1000
PAGING = ("limit", "cursor")
REPEATABLE = frozenset({"accession", "cik", "person", "form", "author", "tag"})
# Kinds served from more than one listing, one after the other.
PARTS = {"events": accuracy.EVENT_LISTINGS}


class BadParameter(Exception):
    def __init__(self, message: str, code: str = "bad-parameter"):
        super().__init__(message)
        self.code = code


def api_rows(request, kind):
    if request.method not in ("GET", "HEAD"):
        response = error(405, "method-not-allowed", "The API only reads: use GET.")
        response["Allow"] = "GET, HEAD"
        return response
    listing = export.LISTS.get(kind)
    if listing is None:
        endpoints = ", ".join(f"/api/{k}.json" for k in export.LISTS)
        return error(404, "not-found", f"There is no /api/{kind}.json; there are {endpoints}.")
    parts = PARTS.get(kind, (listing,))
    try:
        params = parameters(request.GET, parts[0].params)
        limit = page_size(request.GET)
        part, key = 0, None
        if "cursor" in request.GET:
            part, key = cursor_key(request.GET, kind, [len(p.order) for p in parts])
        page = []  # (part, object): a page may end one part and begin the next
        for index in range(part, len(parts)):
            objects = parts[index].select(params)
            if index == part and key is not None:
                objects = parts[index].after(objects, key)
            page += [(index, o) for o in parts[index].ordered(objects)[: limit + 1 - len(page)]]
            if len(page) > limit:
                break
    except BadParameter as exc:
        return error(400, exc.code, str(exc))
    rows = []
    for index, objects in itertools.groupby(page[:limit], key=lambda pair: pair[0]):
        rows += parts[index].as_rows([o for _, o in objects])
    for row in rows:
        # Rows name pages by path (export.py knows no host); the API answers whole URLs.
        if "url" in row:
            row["url"] = request.build_absolute_uri(row["url"])
    following = None
    if len(page) > limit:
        index, last = page[limit - 1]
        key = [v.isoformat() if isinstance(v, date) else v for v in parts[index].key(last)]
        query = request.GET.copy()
        query["cursor"] = signing.dumps(
            key if index == 0 else {"part": index, "key": key}, salt=f"api:{kind}", compress=True
        )
        following = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return JsonResponse({"kind": kind, "rows": rows, "next": following})


def api_annotations(request):
    """/api/annotations.jsonld: the notes this user may see (anonymous readers: the public
    ones), oldest first, as a W3C AnnotationCollection a page at a time."""
    if request.method not in ("GET", "HEAD"):
        response = error(405, "method-not-allowed", "The API only reads: use GET.")
        response["Allow"] = "GET, HEAD"
        return response
    try:
        params = parameters(request.GET, export.ANNOTATION_PARAMS)
        limit = page_size(request.GET)
        notes = export.select_annotations(Annotation.objects.visible_to(request.user), params)
        total = notes.count()
        if "cursor" in request.GET:
            notes = notes.filter(pk__gt=cursor_key(request.GET, "annotations", (1,))[1][0])
        page = list(notes[: limit + 1])
    except BadParameter as exc:
        return error(400, exc.code, str(exc))
    following = None
    if len(page) > limit:
        query = request.GET.copy()
        query["cursor"] = signing.dumps([page[limit - 1].pk], salt="api:annotations")
        following = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    items = list(w3c.annotations_of(page[:limit], request.build_absolute_uri))
    answer = w3c.collection(items, total=total, id=request.build_absolute_uri(), next=following)
    return JsonResponse(answer, content_type=w3c.MEDIA_TYPE)


def error(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse({"error": {"code": code, "message": message}}, status=status)


def parameters(query, allowed: tuple[str, ...]) -> dict:
    """The filters given, parsed: a list for repeatable ones, else one value."""
    known = (*allowed, *PAGING)
    for name in query:
        if name not in known:
            raise BadParameter(
                f"Unknown parameter {name!r}; this endpoint takes {', '.join(known)}.",
                code="unknown-parameter",
            )
    params = {}
    for name in allowed:
        values = query.getlist(name)
        if not values:
            continue
        if len(values) > 1 and name not in REPEATABLE:
            raise BadParameter(f"{name} may be given once.")
        parsed = [PARSERS[name](name, value) for value in values]
        params[name] = parsed if name in REPEATABLE else parsed[0]
    return params


def page_size(query) -> int:
    values = query.getlist("limit")
    if not values:
        return LIMIT
    if len(values) > 1:
        raise BadParameter("limit may be given once.")
    if not re.fullmatch(r"[0-9]{1,4}", values[0]) or not 1 <= int(values[0]) <= MAX_LIMIT:
        raise BadParameter(f"limit is a number of rows from 1 to {MAX_LIMIT}, not {values[0]!r}.")
    return int(values[0])


def cursor_key(query, kind: str, lengths) -> tuple[int, list]:
    """The part and the sort key a `next` link of this endpoint carries (a key into the
    first part alone, else {"part", "key"}); `lengths` are the parts' key lengths."""
    values = query.getlist("cursor")
    if len(values) > 1:
        raise BadParameter("cursor may be given once.")
    try:
        loaded = signing.loads(values[0], salt=f"api:{kind}")
    except signing.BadSignature:
        loaded = None
    part, key = 0, loaded
    if isinstance(loaded, dict) and loaded.keys() == {"part", "key"}:
        part, key = loaded["part"], loaded["key"]
    if (
        not isinstance(part, int)
        or not 0 <= part < len(lengths)
        or not isinstance(key, list)
        or len(key) != lengths[part]
    ):
        raise BadParameter("cursor is not one this endpoint gave; follow the `next` links.")
    return part, key


def accession(name, value):
    if not ACCESSION_RE.match(value):
        raise BadParameter(f"{name} is written like 0001193125-04-218426, not {value!r}.")
    return value


def number(digits: int):
    def parse(name, value):
        if not re.fullmatch(rf"[0-9]{{1,{digits}}}", value):
            raise BadParameter(f"{name} is a number of at most {digits} digits, not {value!r}.")
        return int(value)

    return parse


def text(name, value):
    if not value.strip():
        raise BadParameter(f"{name} is empty.")
    return value.strip()


def iso_date(name, value):
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadParameter(f"{name} is a date written YYYY-MM-DD, not {value!r}.") from None


def moment(name, value):
    """A date (its first moment) or an ISO date and time; without an offset, the site's
    time zone."""
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise BadParameter(
            f"{name} is a date (YYYY-MM-DD) or an ISO date and time "
            f"(YYYY-MM-DDTHH:MM:SS+00:00, the + written %2B), not {value!r}."
        ) from None
    return at if timezone.is_aware(at) else timezone.make_aware(at)


def flag(name, value):
    if value not in ("true", "false", "1", "0"):
        raise BadParameter(f"{name} is true or false (or 1 or 0), not {value!r}.")
    return value in ("true", "1")


PARSERS = {
    "accession": accession,
    "cik": number(10),
    "person": number(18),
    "form": text,
    "filed_from": iso_date,
    "filed_to": iso_date,
    "merged": flag,
    "reviewed": flag,
    "author": text,
    "tag": text,
    "since": moment,
}
