"""The JSON API: /api/<kind>.json serves filings.export's rows a page at a time.

A page is {"kind", "rows", "next"}; `next` repeats the request's filters with a cursor,
the signed sort key of the page's last row, so inserts never shift what comes next.
Every error is {"error": {"code", "message"}} with its HTTP status.
/api/annotations.jsonld pages the same way through the notes a user may see, in the W3C
Web Annotation model (filings.w3c).
"""

import re
from datetime import date, datetime

from django.core import signing
from django.http import JsonResponse
from django.utils import timezone

from .. import export, w3c
from ..ingest import ACCESSION_RE
from ..models import Annotation

LIMIT, MAX_LIMIT = 100, 1000
PAGING = ("limit", "cursor")
REPEATABLE = frozenset({"accession", "cik", "person", "form", "author", "tag"})


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
    try:
        params = parameters(request.GET, listing.params)
        limit = page_size(request.GET)
        objects = listing.select(params)
        if "cursor" in request.GET:
            objects = listing.after(objects, cursor_key(request.GET, kind, len(listing.order)))
        page = list(listing.ordered(objects)[: limit + 1])
    except BadParameter as exc:
        return error(400, exc.code, str(exc))
    rows = list(listing.as_rows(page[:limit]))
    for row in rows:
        # Rows name pages by path (export.py knows no host); the API answers whole URLs.
        if "url" in row:
            row["url"] = request.build_absolute_uri(row["url"])
    following = None
    if len(page) > limit:
        query = request.GET.copy()
        key = [v.isoformat() if isinstance(v, date) else v for v in listing.key(page[limit - 1])]
        query["cursor"] = signing.dumps(key, salt=f"api:{kind}", compress=True)
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
            notes = notes.filter(pk__gt=cursor_key(request.GET, "annotations", 1)[0])
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


def cursor_key(query, kind: str, length: int) -> list:
    """The sort key a `next` link of this endpoint carries."""
    values = query.getlist("cursor")
    if len(values) > 1:
        raise BadParameter("cursor may be given once.")
    try:
        key = signing.loads(values[0], salt=f"api:{kind}")
    except signing.BadSignature:
        key = None
    if not isinstance(key, list) or len(key) != length:
        raise BadParameter("cursor is not one this endpoint gave; follow the `next` links.")
    return key


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
    if value not in ("true", "false"):
        raise BadParameter(f"{name} is true or false, not {value!r}.")
    return value == "true"


PARSERS = {
    "accession": accession,
    "cik": number(10),
    "person": number(18),
    "form": text,
    "filed_from": iso_date,
    "filed_to": iso_date,
    "merged": flag,
    "author": text,
    "tag": text,
    "since": moment,
}
