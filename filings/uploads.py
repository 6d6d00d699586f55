"""Finding and reading the files people hand to `manage.py ingest`."""

import glob
import gzip
import io
from pathlib import Path

# Folder scans pick these up; a file named explicitly is always read.
SUBMISSION_SUFFIXES = (".txt", ".nc", ".sgml", ".gz")


def expand_paths(args: list[str]) -> tuple[list[Path], list[str]]:
    """Files, folders (recursively) and globs -> (files in order, arguments that matched nothing)."""
    found: list[Path] = []
    missing: list[str] = []
    for arg in args:
        matches = [Path(m) for m in sorted(glob.glob(arg, recursive=True))] or [Path(arg)]
        hit = False
        for path in matches:
            if path.is_dir():
                for child in sorted(path.rglob("*")):
                    if child.is_file() and child.name.lower().endswith(SUBMISSION_SUFFIXES):
                        found.append(child)
                        hit = True
            elif path.is_file():
                found.append(path)
                hit = True
        if not hit:
            missing.append(arg)
    seen: set[Path] = set()
    unique = []
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique, missing


def read_upload(path: Path) -> tuple[bytes, str]:
    """The bytes of a submission file and the name to report it under (.gz unpacked)."""
    return unpack(path.read_bytes(), path.name, shown=str(path))


def unpack(data: bytes, name: str, limit: int | None = None, shown: str = "") -> tuple[bytes, str]:
    """A .gz upload's contents under its name without .gz; other files as they are.
    Raises ValueError for a damaged gzip file or, past `limit` bytes, one too large."""
    if not name.lower().endswith(".gz"):
        return data, name
    shown = shown or name
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            data = f.read() if limit is None else f.read(limit + 1)
    except (OSError, EOFError) as exc:
        raise ValueError(f"{shown}: not a readable gzip file ({exc})") from exc
    if limit is not None and len(data) > limit:
        raise ValueError(
            f"{shown}: unpacks to more than {limit / 1048576:.0f} MB, the limit for one file; "
            "use `manage.py ingest` for larger files."
        )
    return data, name[:-3]


def worker_setup() -> None:
    """Start Django in a `--jobs` worker process."""
    import django

    django.setup()


def prepare_path(path: Path):
    """Read and prepare one file: (path, Prepared or None, refusal message or None).

    Runs in worker processes, which import this module before Django is set up,
    hence the import inside.
    """
    from . import ingest

    try:
        data, name = read_upload(path)
        return path, ingest.prepare(data, name), None
    except (ingest.Refused, ValueError, OSError) as exc:
        return path, None, str(exc)
