import getpass
import secrets
import sys

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from filings import accounts
from filings.models import ROLES


class Command(BaseCommand):
    help = (
        "Make an account with a role (reader, analyst or admin) and its teams. The password "
        "is asked for, or generated and shown once with --generate-password (or when there "
        "is no terminal to ask on)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=ROLES, required=True)
        parser.add_argument(
            "--team", action="append", default=[], help="a team (desk, fund); repeatable"
        )
        parser.add_argument("--email", default="")
        parser.add_argument("--generate-password", action="store_true")

    def handle(self, *args, username, role, team, email, generate_password, **options):
        generated = generate_password or not sys.stdin.isatty()
        if generated:
            password = secrets.token_urlsafe(16)
        else:
            password = getpass.getpass(f"Password for {username}: ")
            if password != getpass.getpass("The same again: "):
                raise CommandError("The two passwords differ; nothing was made.")
            try:
                validate_password(password)
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from exc
        try:
            accounts.add_user(username, role, password, teams=team, email=email)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        teams = f" in {', '.join(team)}" if team else ""
        self.stdout.write(f"Made {role} account '{username}'{teams}.")
        if generated:
            self.stdout.write(f"Password: {password}\nIt is shown only this once.")
