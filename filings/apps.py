from django.apps import AppConfig


class FilingsConfig(AppConfig):
    name = "filings"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "EDGAR filings"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy checks)
