"""The daily digest emails of watches (filings.alerts); run once a day from cron."""

from django.core.management.base import BaseCommand, CommandError

from filings import alerts


class Command(BaseCommand):
    help = (
        "Email each user the notifications of their watches not yet emailed: the daily "
        "digest (and any immediate alert whose email failed). Each is emailed at most once, "
        "so running it again sends nothing new."
    )

    def handle(self, *args, **options):
        if not alerts.email_enabled():
            raise CommandError(
                "Email is not configured: set EMAIL_HOST (or DJANGO_EMAIL_BACKEND) first."
            )
        emails, notifications = alerts.send_digests()
        self.stdout.write(
            f"{emails} digest email{'s' if emails != 1 else ''} sent, "
            f"with {notifications} notification{'s' if notifications != 1 else ''}."
        )
