"""Structured logs: one line per request (request id, user, method, path, status, time)
and per ingest, as JSON objects when FILINGS_LOG_FORMAT=json, plain lines otherwise.

The request id comes from the proxy's X-Request-ID header when it sends one (so a line
can be followed from the proxy's log to ours), else a new one; it is sent back in the
response and carried by every log line written while the request runs.
"""

import contextvars
import json
import logging
import re
import time
import uuid

from django.db import DatabaseError

log = logging.getLogger("filings.requests")
request_id = contextvars.ContextVar("request_id", default="")
# What a client may send as its request id: short, and nothing that could forge a line.
_ID = re.compile(r"[A-Za-z0-9._:-]{1,100}")
# Fields of a record that are the logging module's own, not the caller's `extra`.
_OWN = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record):
        line = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if request_id.get():
            line["request_id"] = request_id.get()
        line.update({k: v for k, v in vars(record).items() if k not in _OWN})
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)


JsonFormatter.converter = time.gmtime


def RequestLog(get_response):
    """Middleware, first in the chain: times the whole request and logs it."""

    def middleware(request):
        given = request.headers.get("X-Request-ID", "")
        rid = given if _ID.fullmatch(given) else uuid.uuid4().hex
        token = request_id.set(rid)
        started = time.perf_counter()
        try:
            response = get_response(request)
        finally:
            request_id.reset(token)
        ms = round((time.perf_counter() - started) * 1000, 1)
        response["X-Request-ID"] = rid
        log.info(
            "%s %s %s %.1f ms",
            request.method,
            request.path,
            response.status_code,
            ms,
            extra={
                "request_id": rid,
                "user": username(request),
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "ms": ms,
            },
        )
        return response

    return middleware


def username(request) -> str | None:
    """Who made the request, for the log line. The user is loaded lazily from the session;
    when the database was what failed, asking again would fail again and turn a clean 503
    into a 500, so such a request is logged without a user."""
    user = getattr(request, "user", None)
    try:
        return user.get_username() if user and user.is_authenticated else None
    except DatabaseError:
        return None
