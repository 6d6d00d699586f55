import json

from django.core.management.base import BaseCommand

from filings.accuracy import Counts, report

COLUMNS = (
    ("TP", "tp"),
    ("FP", "fp"),
    ("FN", "fn"),
    ("role miss", "role_misses"),
    ("precision", "precision"),
    ("recall", "recall"),
    ("F1", "f1"),
    ("role P", "role_precision"),
    ("role R", "role_recall"),
    ("role F1", "role_f1"),
)


class Command(BaseCommand):
    help = (
        "Precision, recall and F1 of the extracted events against the analysts' live "
        "decisions (accepted and corrected: found; rejected: wrong; recorded: missed), "
        "overall, by event type and by form."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="write the figures as JSON"
        )

    def handle(self, *args, as_json: bool, **options):
        found = report()
        if as_json:
            self.stdout.write(json.dumps(found.as_dict(), indent=2))
            return
        decided = ", ".join(f"{n} {state}" for state, n in found.decisions.items())
        self.stdout.write(
            f"{found.decided} live decisions ({decided}); "
            f"{found.unreviewed} extracted events unreviewed, not counted."
        )
        self.stdout.write(
            "TP: accepted or corrected. FP: rejected. FN: recorded, or decided on but no "
            "longer extracted.\nrole miss: a TP whose role the analyst has otherwise; the "
            "role figures count it as no hit.\n"
        )
        self.stdout.write(table(found))


def table(found) -> str:
    """The figures as an aligned text table: a row overall, then one per event type and
    one per form."""
    lines = [("", *(title for title, _ in COLUMNS)), ("overall", *cells(found.overall))]
    for heading, groups in (("by event type", found.by_event_type), ("by form", found.by_form)):
        lines.append((heading,) + ("",) * len(COLUMNS))
        lines += [(f"  {name or '(none)'}", *cells(counts)) for name, counts in groups.items()]
    widths = [max(len(line[i]) for line in lines) for i in range(len(COLUMNS) + 1)]
    return "\n".join(
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in lines
    )


def cells(counts: Counts) -> list[str]:
    values = [getattr(counts, name) for _, name in COLUMNS]
    return ["-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v) for v in values]
