"""What every benchmark shares: Django set up on its own database file (or DATABASE_URL), the results folder, and
the median of repeated timings. Import it before anything from Django: `harness.start("name.sqlite3")`."""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def start(sqlite_name: str) -> None:
    """Set Django up on DATABASE_URL, or on bench/results/<sqlite_name> when none is given."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{RESULTS / sqlite_name}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    import django

    django.setup()


def median_ms(fn, runs: int) -> float:
    """Median wall time of `runs` calls of `fn` in milliseconds, after one warm-up call."""
    fn()
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        times.append((time.perf_counter() - began) * 1000)
    return round(statistics.median(times), 2)
