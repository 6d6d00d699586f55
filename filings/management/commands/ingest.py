import argparse
import contextlib
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from django.core.management.base import BaseCommand

from filings import ingest, search
from filings.uploads import expand_paths, prepare_path, worker_setup


class Command(BaseCommand):
    help = "Ingest EDGAR submission files: files, folders, globs and .gz."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files, folders or glob patterns")
        parser.add_argument("--jobs", type=int, default=1, help="parse in N processes")
        parser.add_argument("--no-progress", action="store_true", help="never draw a progress bar")
        parser.add_argument(
            "--replace-complete",
            action="store_true",
            help="let a damaged copy (truncated, concatenated, fewer documents) become the "
            "current version of a complete filing; by default it is kept but not made current",
        )
        parser.add_argument(
            "--defer-index",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="on PostgreSQL, load with the word indexes absent and build them once at the "
            "end (--defer-index), or keep them up to date file by file (--no-defer-index); by "
            "default a batch of 1,000 files or more, at least four times the filings already "
            "stored, defers",
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="queue the files for a background worker (manage.py db_worker) and return at "
            "once; the batch's page shows their progress",
        )

    def handle(
        self, *args, paths, jobs, no_progress, replace_complete, background, defer_index, **options
    ):
        files, missing = expand_paths(paths)
        if background:
            return self.queue(files, missing, replace_complete)
        counts = dict.fromkeys(
            (ingest.CREATED, ingest.UPDATED, ingest.UNCHANGED, ingest.KEPT, ingest.REFUSED), 0
        )
        for arg in missing:
            self.report(f"{'refused':9} {'-':20} {arg}: no such file or folder")
            counts[ingest.REFUSED] += 1

        with contextlib.ExitStack() as stack:
            # The workers start first: a fork must not copy the progress bar's thread (nor
            # a database connection).
            results = self.prepared(files, jobs, stack)
            # An ingest killed while the indexes were absent must not leave searches slow.
            for name in search.restore_indexes():
                self.report(
                    f"rebuilt the search index {name}, left absent by an interrupted ingest"
                )
            # Closed before the workers: the indexes are built once every file is stored
            # (or the batch stopped), in this process.
            if stack.enter_context(search.loading(len(files), defer_index)):
                self.report(
                    "the search indexes are built once this batch is stored; until then "
                    "searches find everything, more slowly"
                )
            bar = None
            if sys.stderr.isatty() and not no_progress and files:
                from tqdm import tqdm

                bar = tqdm(total=len(files), unit="file", file=sys.stderr)
            self.bar = bar
            for path, prepared, error in results:
                started = time.perf_counter()  # (the store; preparing may run in a worker)
                if prepared is None:
                    result = ingest.IngestResult(
                        name=str(path), status=ingest.REFUSED, message=error
                    )
                else:
                    result = ingest.store(prepared, replace_complete=replace_complete)
                ingest.log_ingest(result, len(prepared.data) if prepared else 0, started)
                counts[result.status] += 1
                self.report(self.line(path, result))
                if bar:
                    bar.update()
            if bar:
                bar.close()
        # "kept" (a damaged copy not made current) is rare: named only when it happened.
        summary = ", ".join(
            f"{n} {status}" for status, n in counts.items() if n or status != ingest.KEPT
        )
        self.stdout.write(f"{sum(counts.values())} files: {summary}")
        if counts[ingest.REFUSED]:
            sys.exit(1)

    def queue(self, files, missing, replace_complete):
        """Every readable file into one batch for the worker; what cannot be read is said
        here, and nothing is queued when nothing can be."""
        from filings import background
        from filings.uploads import read_upload

        readable, unreadable = [], list(missing)
        for path in files:
            try:
                data, name = read_upload(path)
            except (ValueError, OSError) as exc:
                unreadable.append(f"{path}: {exc}")
                continue
            readable.append((name, data))
        for problem in unreadable:
            self.report(f"{'refused':9} {'-':20} {problem}")
        if not readable:
            self.stdout.write("nothing to queue")
            sys.exit(1)
        batch = background.queue(readable, replace_complete=replace_complete, source="command")
        self.stdout.write(
            f"{len(readable)} files queued as upload #{batch.pk} "
            f"({batch.get_absolute_url()}); a worker (manage.py db_worker) ingests them"
        )
        if unreadable:
            sys.exit(1)

    def prepared(self, files, jobs, stack):
        """(path, Prepared or None, refusal) for each file, in order; with several jobs the
        worker processes (closed with `stack`) have started when this returns."""
        if jobs <= 1 or len(files) < 2:
            return map(prepare_path, files)
        # On Linux the workers are forks of this process: they start with Django set up and
        # the parsers imported instead of spending a second of CPU each on importing them
        # again. (They never touch the database connection they inherit, and leave without
        # closing it.) Elsewhere, fresh interpreters.
        context = get_context("fork" if sys.platform == "linux" else "spawn")
        pool = stack.enter_context(
            ProcessPoolExecutor(jobs, mp_context=context, initializer=worker_setup)
        )
        return pool.map(prepare_path, files, chunksize=1)

    def line(self, path, result):
        detail = result.message
        if result.ok and result.findings:
            codes = sorted({f["code"] for f in result.findings})
            detail = "; ".join(filter(None, [detail, "findings: " + ", ".join(codes)]))
        return f"{result.status:9} {result.accession or '-':20} {path}" + (
            f": {detail}" if detail else ""
        )

    def report(self, text):
        if getattr(self, "bar", None):
            self.bar.write(text, file=sys.stdout)
        else:
            self.stdout.write(text)
