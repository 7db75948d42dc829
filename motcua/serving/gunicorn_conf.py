"""gunicorn's settings for `motcua serve` (`--config python:motcua.serving.gunicorn_conf`); the command line adds
the address, the number of workers and the timeout.

The master process reads this file before any Django setting: nothing here imports Django.
"""

import glob
import os
import shutil

wsgi_app = "motcua.wsgi:application"
# A busy worker gets this long to finish its request on SIGTERM; `motcua demo serve` waits 15 s before SIGKILL.
graceful_timeout = 10
# gunicorn ≥ 24 opens a control socket at one fixed path per user (~/.gunicorn/gunicorn.ctl): two servers on one
# machine (the demo and a test run) would fight over it, and nothing here uses it.
control_socket_disable = True
accesslog = None  # each request is logged once, as JSON, by motcua.serving.middleware
logconfig_dict = {  # gunicorn's own lines (start, workers booting, errors) as JSON lines too
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "motcua.serving.logs.JsonFormatter"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
    "root": {"level": "WARNING", "handlers": ["stderr"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": [], "propagate": True},
        "gunicorn.access": {"level": "WARNING", "handlers": [], "propagate": True},
    },
}


def _metrics_directory() -> str | None:
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None


def on_starting(server):
    """Counters of an earlier run must not be added to this one's."""
    directory = _metrics_directory()
    if directory:
        os.makedirs(directory, exist_ok=True)
        for leftover in glob.glob(os.path.join(directory, "*.db")):
            os.remove(leftover)


def child_exit(server, worker):
    if _metrics_directory():
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    directory = _metrics_directory()
    if directory and os.environ.get("MOTCUA_METRICS_DIR_TEMPORARY") == "1":
        shutil.rmtree(directory, ignore_errors=True)
