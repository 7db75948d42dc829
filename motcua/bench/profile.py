"""`motcua bench run --profile`: where each scenario's time goes on the server, sampled while it runs.

py-spy (a sampling profiler that attaches to running processes; the `bench` extra, and `test` for the smoke
test) samples every gunicorn worker of the bench's server during each scenario and writes the stacks it saw (its
"raw" format: one line per distinct stack, `frame;frame;… count`). Each stack is put in the first of these places
met from the innermost frame outwards, so the shares answer "what was the worker doing":
- `sql`: waiting for PostgreSQL or reading its answer (psycopg);
- `template`: rendering Django templates;
- `orm`: Django's ORM building statements and making model instances;
- `drf`: Django REST framework (parsing, serialising, its request cycle);
- `motcua`: the project's own code;
- `framework`: everything else in a request (Django's handlers and middleware, gunicorn, the standard library).
A worker waiting for a request is idle and not sampled (py-spy leaves idle threads out), so the shares are of the
busy time. Python's own frames are what py-spy sees; time in C extensions counts in the frame that called them.
"""

import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import CommandError

import motcua

PROJECT = str(Path(motcua.__file__).resolve().parent) + "/"  # this checkout's package, never a library beside it
PLACES = [  # (place, a frame's file path contains any of these), first match from the innermost frame
    ("sql", ("/psycopg/", "/psycopg_pool/")),
    ("template", ("/django/template/", "/django/templatetags/")),
    ("orm", ("/django/db/",)),
    ("drf", ("/rest_framework/",)),
    ("motcua", (PROJECT,)),
]
RATE = 250  # samples a second per process: enough for shares over ten seconds, light on two cores


def available() -> str:
    """py-spy beside this Python (the virtualenv's, `pip install 'motcua[bench]'`), or on the PATH."""
    beside = Path(sys.executable).parent / "py-spy"
    found = str(beside) if beside.exists() else shutil.which("py-spy")
    if found is None:
        raise CommandError("--profile cần py-spy (pip install 'motcua[bench]'): không tìm thấy lệnh py-spy.")
    return found


@contextmanager
def sampled(pid: int, path: Path):
    """Sample process `pid` and its children into `path` while the block runs."""
    process = subprocess.Popen(
        [available(), "record", "--pid", str(pid), "--subprocesses", "--nonblocking"]
        + ["--rate", str(RATE), "--full-filenames", "--format", "raw", "--output", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    time.sleep(0.5)  # attached before the load starts
    try:
        yield
    finally:
        process.send_signal(signal.SIGINT)  # py-spy writes what it has on Ctrl-C
        try:
            _, errors = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            _, errors = process.communicate()
        if not path.exists():
            raise CommandError(f"py-spy không ghi được mẫu: {errors.decode('utf-8', 'replace')[-500:]}")


def place(stack: list[str]) -> str:
    for frame in reversed(stack):
        for name, needles in PLACES:
            if any(needle in frame for needle in needles):
                return name
    return "framework"


def shares(path: Path) -> dict:
    """The samples of a raw py-spy file per place, as shares of all samples (and the count)."""
    counted: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        counted[place(stack.split(";"))] += int(count)
    total = sum(counted.values())
    return {
        "samples": total,
        "shares": {name: round(counted[name] / total, 3) if total else 0.0 for name, _ in [*PLACES, ("framework", ())]},
    }
