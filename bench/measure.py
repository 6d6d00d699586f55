"""What the in-process benchmarks share: Django set up on a throwaway store, percentiles
and the machine's load to print beside every figure."""

import os


def setup_django(data_dir: str | None = None) -> None:
    """Django on the store in DATA_DIR (or the one the environment names), migrated."""
    if data_dir is not None:
        os.environ["FILINGS_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filings.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} (1/5/15 min, {os.cpu_count()} CPUs)"
