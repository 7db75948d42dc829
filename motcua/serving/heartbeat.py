"""The worker's heartbeat: written by a thread of `motcua worker`, read by /healthz and /metrics.

The thread proves the worker process is alive and reaches the database; a task stuck for long shows as a growing
task lag in the metrics (motcua_task_lag_seconds), not as a missing beat.
"""

import logging
import os
import socket
import threading
from datetime import timedelta

from django.db import DatabaseError, connection
from django.db.models import DurationField, ExpressionWrapper, F
from django.db.models.functions import Now
from django.utils import timezone

from .models import WorkerHeartbeat

log = logging.getLogger(__name__)
FORGOTTEN_AFTER = timedelta(days=1)  # rows of workers that died without removing their own


def latest_age() -> float | None:
    """Seconds since the freshest beat of any worker, by the database's clock; None when no worker beats."""
    age = (
        WorkerHeartbeat.objects.annotate(age=ExpressionWrapper(Now() - F("beat_at"), output_field=DurationField()))
        .order_by("-beat_at")
        .values_list("age", flat=True)
        .first()
    )
    return None if age is None else max(0.0, age.total_seconds())


class Heartbeat:
    """`start()` writes the first beat (in the caller's thread) and starts the beating thread; `stop()` ends the
    thread and removes the row, so a worker that stops cleanly is no longer counted at once."""

    def __init__(self, worker_id: str, every: float):
        self.worker_id = worker_id
        self.every = every
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="motcua-heartbeat", daemon=True)

    def start(self) -> "Heartbeat":
        WorkerHeartbeat.objects.filter(beat_at__lt=timezone.now() - FORGOTTEN_AFTER).delete()
        self.beat()
        self._thread.start()
        return self

    def beat(self) -> None:
        try:
            if not WorkerHeartbeat.objects.filter(worker_id=self.worker_id).update(beat_at=Now()):
                WorkerHeartbeat.objects.create(
                    worker_id=self.worker_id,
                    host=socket.gethostname()[:255],
                    pid=os.getpid(),
                    started_at=Now(),
                    beat_at=Now(),
                )
        except DatabaseError as exc:  # the next beat tries again; /healthz reports the silence meanwhile
            log.warning("Không ghi được nhịp của bộ xử lý nền %s: %s", self.worker_id, exc)
            connection.close()

    def _run(self) -> None:
        try:
            while not self._stopping.wait(self.every):
                self.beat()
        finally:
            connection.close()  # this thread's own connection

    def stop(self) -> None:
        self._stopping.set()
        if self._thread.is_alive():
            self._thread.join(timeout=self.every + 5)
        try:
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
        except DatabaseError as exc:
            log.warning("Không xoá được nhịp của bộ xử lý nền %s: %s", self.worker_id, exc)
