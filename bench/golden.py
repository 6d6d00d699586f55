"""Golden results: everything ingest derives from the corpus, written once and compared
after a change that must not alter results (speed work). Not a test; `make golden-check`.

    .venv/bin/python bench/golden.py write [DIR]   # before the change
    .venv/bin/python bench/golden.py check [DIR]   # after: identical, or each difference

DIR defaults to FILINGS_GOLDEN_DIR or ../golden beside the repository (never inside it).
For every corpus filing (the damaged copies aside) it keeps each document's sanitized HTML
and plain text with the text's hash, the search index's source text, facet and name rows
and terms, the rows of `manage.py export` for events, organisations and exhibits, and
every other row ingest writes (parties, items, exhibit references, people, companies,
mentions' evidence ...), timestamps aside. The filings are ingested in one process, in
the manifest's order, on a throwaway SQLite store.
"""

import difflib
import hashlib
import io
import json
import os
import sys
import tempfile
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DEFAULT = Path(os.environ.get("FILINGS_GOLDEN_DIR") or REPO.parent / "golden")


def produce(out: Path) -> int:
    """Ingest the corpus on a fresh store and write what it derived into `out`."""
    os.environ["FILINGS_DATA_DIR"] = tempfile.mkdtemp(prefix="golden-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filings.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from filings import ingest
    from filings.models import Document, Filing
    from tests.corpus import main_rows

    call_command("migrate", verbosity=0)
    rows = main_rows()
    for row in rows:
        result = ingest.ingest(row.read(), row.name)
        assert result.ok, result.message
    hashes = []
    for doc in Document.objects.order_by("filing_id", "position").iterator():
        folder = out / "documents" / doc.filing_id
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{doc.slug}.html").write_text(doc.html or "")
        (folder / f"{doc.slug}.txt").write_text(doc.text or "")
        actual = hashlib.sha256((doc.text or "").encode()).hexdigest()
        hashes.append(f"{doc.filing_id}\t{doc.slug}\t{doc.text_hash}\t{actual}")
    (out / "text_hashes.tsv").write_text("\n".join(hashes) + "\n")
    with connection.cursor() as cur:
        cur.execute(
            "SELECT f.accession, s.head, s.body_z FROM filings_searchsource s "
            "JOIN filings_searchfiling f ON f.key = s.key ORDER BY f.accession"
        )
        lines = []
        for accession, head, body in cur.fetchall():
            text = zlib.decompress(body).decode() if body else ""
            lines.append(f"== {accession}\n{head}\n{text}")
        (out / "search_source.txt").write_text("\n".join(lines) + "\n")
        for table, order in (
            ("filings_searchfacet", "fkey, facet, value"),
            ("filings_searchname", "kind, ref, name, token, source"),
        ):
            cur.execute(f"SELECT * FROM {table} ORDER BY {order}")
            rows = [json.dumps(row, default=str) for row in cur.fetchall()]
            (out / f"{table}.jsonl").write_text("\n".join(rows) + "\n")
        # The terms FTS5 holds, with the rows and places each is in.
        cur.execute(
            "CREATE VIRTUAL TABLE temp.golden_vocab USING fts5vocab(main, filings_searchtext, row)"
        )
        cur.execute("SELECT term, doc, cnt FROM temp.golden_vocab ORDER BY term")
        (out / "search_terms.tsv").write_text(
            "".join(f"{t}\t{d}\t{c}\n" for t, d, c in cur.fetchall())
        )
    for kind in ("events", "organizations", "exhibits"):
        buffer = io.StringIO()
        call_command("export", kind, stdout=buffer)
        (out / f"export_{kind}.jsonl").write_text(buffer.getvalue())
    write_rows(out / "rows")
    return Filing.objects.count()


# Columns that say when a row was written, not what ingest derived; documents' renderings
# have their own files.
UNSTABLE = {"created_at", "updated_at", "uploaded_at", "at"}
OWN_FILES = {("document", "html"), ("document", "text")}


def write_rows(folder: Path) -> None:
    """Every row of every model of the app, in key order, one JSON line each."""
    from django.apps import apps

    folder.mkdir(parents=True, exist_ok=True)
    for model in apps.get_app_config("filings").get_models():
        if not model._meta.managed:
            continue
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if f.name not in UNSTABLE and (model._meta.model_name, f.name) not in OWN_FILES
        ]
        lines = [
            json.dumps(row, default=str, sort_keys=True)
            for row in model.objects.order_by("pk").values(*fields).iterator()
        ]
        if lines:
            (folder / f"{model._meta.model_name}.jsonl").write_text("\n".join(lines) + "\n")


def compare(golden: Path, new: Path) -> list[str]:
    differences = []
    old_files = {p.relative_to(golden) for p in golden.rglob("*") if p.is_file()}
    new_files = {p.relative_to(new) for p in new.rglob("*") if p.is_file()}
    for missing in sorted(old_files - new_files):
        differences.append(f"{missing}: no longer written")
    for extra in sorted(new_files - old_files):
        differences.append(f"{extra}: new")
    for name in sorted(old_files & new_files):
        a, b = (golden / name).read_bytes(), (new / name).read_bytes()
        if a == b:
            continue
        diff = difflib.unified_diff(
            a.decode(errors="replace").splitlines(),
            b.decode(errors="replace").splitlines(),
            lineterm="",
            n=1,
        )
        shown = list(diff)[2:14]
        differences.append(f"{name} differs:\n    " + "\n    ".join(line[:200] for line in shown))
    return differences


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in ("write", "check"):
        print(__doc__)
        return 2
    target = Path(sys.argv[2]).resolve() if len(sys.argv) > 2 else DEFAULT.resolve()
    if REPO in target.parents or target == REPO:
        print(f"{target} is inside the repository; the golden folder lives outside it")
        return 2
    from tests.corpus import corpus_available

    if not corpus_available():
        print("no corpus; nothing to do")
        return 0
    if sys.argv[1] == "write":
        target.mkdir(parents=True, exist_ok=True)
        count = produce(target)
        print(f"golden results of {count} filings written to {target}")
        return 0
    if not target.exists():
        print(f"no golden results at {target}: run `bench/golden.py write` before the change")
        return 2
    with tempfile.TemporaryDirectory(prefix="golden-new-") as new:
        count = produce(Path(new))
        differences = compare(target, Path(new))
    for difference in differences[:50]:
        print(difference)
    verdict = f"{len(differences)} files differ" if differences else "identical"
    print(f"{count} filings compared with {target}: {verdict}")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
