"""`motcua worker`: the background task worker, django-tasks-db's `db_worker` with what operating it needs.

- a heartbeat row rewritten every MOTCUA_WORKER_HEARTBEAT_SECONDS by a thread of this process, read by /healthz,
  and removed when the worker stops (not with `--batch`, which runs what is ready and exits);
- each task runs with the id of the request that enqueued it bound, so every line logged meanwhile carries it,
  and one line when it ends (status, duration; its start too with --verbosity 2);
- every queue by default (`--queue-name '*'`), no autoreload, a worker id that names the machine and the process.

SIGTERM or SIGINT: an idle worker exits at once (status 0); a busy one finishes its task first, then exits 0; a
second signal abandons the task (db_worker's own handling).
"""

import logging
import os
import socket
import time

from django.conf import settings
from django.core.management.base import CommandError
from django_tasks_db.compat import TASKS_LOGGER
from django_tasks_db.management.commands import db_worker

from motcua.serving import logs, taskcontext
from motcua.serving.heartbeat import Heartbeat

log = logging.getLogger("motcua.worker")


class Worker(db_worker.Worker):
    def run_task(self, db_task_result) -> None:
        path = db_task_result.task_path
        with logs.bound(request=taskcontext.request_of(db_task_result), task=str(db_task_result.id)):
            log.debug("Bắt đầu tác vụ %s", path, extra={"task": path})
            started = time.perf_counter()
            try:
                super().run_task(db_task_result)
            finally:
                log.info(
                    "Kết thúc tác vụ %s: %s",
                    path,
                    db_task_result.status,
                    extra={
                        "task": path,
                        "status": db_task_result.status,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    },
                )


def default_worker_id() -> str:
    return f"{socket.gethostname()[:50]}-{os.getpid()}"


class Command(db_worker.Command):
    help = "Bộ xử lý nền: chạy các tác vụ nền và báo nhịp cho /healthz (dừng êm khi nhận SIGTERM)"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*", reload=False, worker_id=default_worker_id())

    def configure_logging(self, verbosity: int) -> None:
        super().configure_logging(verbosity)
        # Our own start and end lines replace django-tasks' English ones; its failures (ERROR, with the
        # traceback) still come through.
        if verbosity == 1:
            logging.getLogger(TASKS_LOGGER).setLevel(logging.WARNING)
        log.setLevel({0: logging.CRITICAL, 1: logging.INFO}.get(verbosity, logging.DEBUG))

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ) -> None:
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues chỉ dùng được cùng --queue-name='*'")
        worker = Worker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        # `--batch` runs what is ready and exits: not a worker the site can count on, so it does not beat.
        heartbeat = None if batch else Heartbeat(worker_id, settings.MOTCUA_WORKER_HEARTBEAT_SECONDS).start()
        worker.configure_signals()
        try:
            worker.run()
        finally:
            if heartbeat:
                heartbeat.stop()
