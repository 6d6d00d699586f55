"""Where `ingest.prepare()` spends its time over the corpus (not a test).

    .venv/bin/python bench/profile_prepare.py [--top 40] [--sort tottime]

Prepares every main corpus file once under cProfile (no database) and prints the
functions with the most time, plus wall-clock and CPU seconds for the whole pass.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--no-profile", action="store_true", help="time only")
    parser.add_argument("--dump", help="also write the raw profile to this file")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filings.settings")
    import django

    django.setup()
    from filings import ingest
    from tests.corpus import main_rows

    files = [(row.name, row.read()) for row in main_rows()]
    mb = sum(len(data) for _, data in files) / 1e6
    profile = None if args.no_profile else cProfile.Profile()
    wall, cpu = time.perf_counter(), time.process_time()
    if profile:
        profile.enable()
    for name, data in files:
        ingest.prepare(data, name)
    if profile:
        profile.disable()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    load = os.getloadavg()[0]
    print(
        f"prepare() over {len(files)} files, {mb:.1f} MB: {wall:.1f} s wall ({mb / wall:.2f} MB/s), "
        f"{cpu:.1f} s CPU ({mb / cpu:.2f} MB per CPU-s); load {load:.2f}"
    )
    if profile:
        if args.dump:
            profile.dump_stats(args.dump)
        pstats.Stats(profile).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
