"""Who may reach the app: login required everywhere when reading is not public, and
failed logins throttled.

Reading is public by default (FILINGS_PUBLIC_READING), so `make run` is a two-command
demo; writing always needs login and the right role (checked by each view).
"""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import JsonResponse


class LoginRequired(LoginRequiredMiddleware):
    """Django's own login-required middleware; the API answers 401 JSON rather than a
    redirect to the login page."""

    def handle_no_permission(self, request, view_func):
        if request.path.startswith("/api/"):
            error = {"code": "login-required", "message": "Log in to read this store."}
            return JsonResponse({"error": error}, status=401)
        return super().handle_no_permission(request, view_func)


class LoginThrottle(AxesStandaloneBackend):
    """django-axes' lockout for logins through the web. A login without a request (the
    shell, the test client) has no address to count by and goes to the model backend."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def account(request) -> dict:
    """The "who am I" menu in every page's header: role and teams of the user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from .accounts import role_of
    from .models import teams_of

    return {
        "account_role": role_of(user) or "no role",
        "account_teams": list(teams_of(user).values_list("name", flat=True)),
    }
