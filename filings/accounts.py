"""Accounts and roles: the reader, analyst and admin groups with their permissions, and
teams (every other group). Migration 0007 makes the roles in a new store; ensure_roles()
makes them again where they are missing (a flushed test database, an old store)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from .models import ROLES

READER = ["view_filing", "view_document", "view_company", "view_person", "add_annotation"]
ANALYST = [
    *READER,
    "change_annotation",
    "share_annotation",
    "add_filing",
    "change_filing",
    "change_person",
    "review_event",
]


def ensure_roles() -> dict[str, Group]:
    """The role groups, each with its permissions (admin: every permission of the app)."""
    app = Permission.objects.filter(content_type__app_label="filings")
    wanted = {"reader": READER, "analyst": ANALYST, "admin": None}
    groups = {}
    with transaction.atomic():
        for name in ROLES:
            group, _ = Group.objects.get_or_create(name=name)
            codenames = wanted[name]
            group.permissions.add(
                *(app if codenames is None else app.filter(codename__in=codenames))
            )
            groups[name] = group
    return groups


def role_of(user) -> str:
    """The strongest role a user has ('' for none)."""
    if user.is_superuser:
        return "admin"
    names = set(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
    return next((r for r in reversed(ROLES) if r in names), "")


def add_user(username: str, role: str, password: str, teams=(), email: str = ""):
    """A new account with one role and its teams (made when missing)."""
    if role not in ROLES:
        raise ValueError(f"The role is one of {', '.join(ROLES)}, not {role!r}.")
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise ValueError(f"There is already a user named {username!r}.")
    groups = ensure_roles()
    with transaction.atomic():
        user = User.objects.create_user(username, email=email, password=password)
        user.groups.add(groups[role])
        for team in teams:
            if team in ROLES:
                raise ValueError(f"{team!r} is a role, not a team.")
            user.groups.add(Group.objects.get_or_create(name=team)[0])
    return user
