"""`motcua serve`: the web server for real use, gunicorn with static files served by WhiteNoise.

    motcua serve [--host 127.0.0.1] [--port 8000] [--workers N] [--no-collectstatic]

Static files are collected into STATIC_ROOT first (unchanged files are skipped), then this process becomes the
gunicorn master (exec: same pid, so a service manager's or `motcua demo serve`'s SIGTERM reaches gunicorn itself,
which lets the workers finish their requests and exits 0). Workers: --workers, else MOTCUA_SERVE_WORKERS, else
2 × the processor cores this process may use + 1. See docs/serving.md.
"""

import hashlib
import os
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections


def default_workers() -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return 2 * cores + 1


def gunicorn_command(host: str, port: int, workers: int) -> list[str]:
    address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        "python:motcua.serving.gunicorn_conf",
        "--bind",
        address,
        "--workers",
        str(workers),
        "--timeout",
        str(settings.MOTCUA_SERVE_TIMEOUT),
    ]


MARK = ".motcua-collected"  # in STATIC_ROOT: what the last collection was made from


def static_sources() -> str:
    """A digest of every static file collectstatic would take (its path, size and time) and of the storage that
    writes them: the same digest means the same collection."""
    digest = hashlib.sha256(str(settings.STORAGES["staticfiles"]["BACKEND"]).encode())
    for finder in finders.get_finders():
        for path, storage in finder.list(["CVS", ".*", "*~"]):
            found = os.stat(storage.path(path))
            digest.update(f"{path}\0{found.st_size}\0{found.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def static_files_current() -> bool:
    """True when STATIC_ROOT holds a collection of exactly today's static files. The production storage compresses
    every file on each collection (a minute or more on two cores), so a restart that collected anyway kept the
    server closed that long; a deployment with new files still collects."""
    try:
        return (Path(settings.STATIC_ROOT) / MARK).read_text() == static_sources()
    except OSError:
        return False


def remember_static_files() -> None:
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    (Path(settings.STATIC_ROOT) / MARK).write_text(static_sources())


class Command(BaseCommand):
    help = "Máy chủ web (gunicorn, tệp tĩnh qua WhiteNoise): motcua serve [--host H] [--port P] [--workers N]"

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="số tiến trình (mặc định MOTCUA_SERVE_WORKERS, hoặc 2 × số lõi + 1)",
        )
        parser.add_argument(
            "--no-collectstatic",
            dest="collectstatic",
            action="store_false",
            help="không chép tệp tĩnh vào STATIC_ROOT (đã làm khi triển khai)",
        )

    def handle(self, *args, host, port, workers, collectstatic, **options):
        workers = workers or settings.MOTCUA_SERVE_WORKERS or default_workers()
        if workers < 1:
            raise CommandError("--workers phải từ 1 trở lên")
        if collectstatic and not static_files_current():
            call_command("collectstatic", interactive=False, verbosity=0)
            remember_static_files()
        environment = dict(os.environ)
        if not environment.get("PROMETHEUS_MULTIPROC_DIR"):  # the workers' counters, added up by /metrics
            environment["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="motcua-metrics-")
            environment["MOTCUA_METRICS_DIR_TEMPORARY"] = "1"
        self.stdout.write(f"Máy chủ web gunicorn: {workers} tiến trình, http://{host}:{port}/ (pid {os.getpid()})")
        self.stdout.flush()
        sys.stderr.flush()
        connections.close_all()
        command = gunicorn_command(host, port, workers)
        os.execve(command[0], command, environment)
