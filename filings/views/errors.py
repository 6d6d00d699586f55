"""Error pages: in the app's own layout for people, JSON for the API.

Django calls these for any 400, 403, 404 or 500 that a view did not answer itself
(urls.py names them). API clients get `{"error": {"code", "message"}}` instead of a page.
"""

import logging

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader

log = logging.getLogger(__name__)

TITLES = {
    400: ("Bad request", "The request could not be understood."),
    403: ("Not allowed", "Your account may not do this. Ask an admin for the right role."),
    404: ("Not found", "There is nothing at this address."),
    500: ("Something went wrong", "The page could not be built. The error has been logged."),
}
CODES = {400: "bad-request", 403: "forbidden", 404: "not-found", 500: "server-error"}
UNAVAILABLE = (
    "The database is not answering (restarting, or out of reach). Nothing was changed; "
    "try again in a moment."
)
RETRY_AFTER = "10"


def DatabaseUnavailable(get_response):
    """Middleware: a request that meets a database that is down gets a clean 503 (a plain
    page, since the layout itself needs the database; JSON under /api/) with Retry-After,
    instead of a 500. The transaction it was in rolled back; the next request reconnects."""

    def middleware(request):
        return get_response(request)

    def process_exception(request, exception):
        from django.db import InterfaceError, OperationalError

        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        log.error("database unavailable on %s: %s", request.path, exception)
        if wants_json(request):
            response = JsonResponse(
                {"error": {"code": "unavailable", "message": UNAVAILABLE}}, status=503
            )
        else:
            body = loader.render_to_string(
                "error_plain.html", {"title": "Database unavailable", "explanation": UNAVAILABLE}
            )
            response = HttpResponse(body, status=503)
        response["Retry-After"] = RETRY_AFTER
        return response

    middleware.process_exception = process_exception
    return middleware


def wants_json(request) -> bool:
    return request.path.startswith("/api/")


def error_response(request, status: int, detail: str = ""):
    title, explanation = TITLES[status]
    if wants_json(request):
        message = detail or explanation
        return JsonResponse({"error": {"code": CODES[status], "message": message}}, status=status)
    context = {"status": status, "title": title, "explanation": explanation, "detail": detail}
    return render(request, "error.html", context, status=status)


def detail_of(exception) -> str:
    """The message a view raised with (Http404("Filing X has no document 9.")), when it
    is one of ours: Django's own resolver messages are for developers."""
    if exception is None or not exception.args:
        return ""
    message = exception.args[0]
    return message if isinstance(message, str) else ""


def bad_request(request, exception=None):
    return error_response(request, 400)


def permission_denied(request, exception=None):
    return error_response(request, 403, detail_of(exception))


def csrf_failure(request, reason=""):
    """A form without a valid CSRF token (settings.CSRF_FAILURE_VIEW)."""
    return error_response(
        request,
        403,
        "The form had expired or came from another site: reload the page and try again.",
    )


def page_not_found(request, exception=None):
    return error_response(request, 404, detail_of(exception))


def server_error(request):
    try:
        return error_response(request, 500)
    except Exception:  # the layout itself failed (a database that is down): plain text
        log.exception("the error page could not be rendered")
        body = loader.render_to_string("error_plain.html", {"title": TITLES[500][0]})
        return HttpResponse(body, status=500)
