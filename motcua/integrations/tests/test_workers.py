"""Several `motcua worker` processes on one queue (docs/scaling.md: task workers scale out): each task runs once.

Real processes on the test database (PostgreSQL: workers claim a task with `SELECT … FOR UPDATE SKIP LOCKED`; on
SQLite one writer at a time makes several workers pointless, so the test is PostgreSQL's), the SMS stand-in over
HTTP on 127.0.0.1, answering a little slowly as a real gateway does, so that the work spreads over the workers.
"""

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from motcua.database_url import database_url
from motcua.dossiers import lifecycle
from motcua.dossiers.tests.fixtures import vn
from motcua.gateways.standins import free_port
from motcua.integrations.models import Notice
from motcua.integrations.sms_standin import StandinGateway

WORKERS, DOSSIERS = 3, 15


class SlowGateway(StandinGateway):
    def answer(self, request: dict) -> dict:
        time.sleep(0.05)
        return super().answer(request)


@pytest.mark.django_db(transaction=True)  # the workers are other processes: what they read must be committed
def test_three_workers_share_the_queue_and_send_every_notice_exactly_once(
    tmp_path, five_days, province, people, applicant, smtp_sink, settings
):
    if connection.vendor != "postgresql":
        pytest.skip("several workers share a queue on PostgreSQL (SKIP LOCKED); this run is on SQLite")
    gateway = SlowGateway(free_port(), api_key="test-api-key", secret_key="test-secret-key").start()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("MOTCUA_SMS", "EMAIL_"))},
        "DATABASE_URL": database_url(),
        "MOTCUA_SMS_URL": gateway.url,
        "MOTCUA_SMS_API_KEY": "test-api-key",
        "MOTCUA_SMS_SECRET_KEY": "test-secret-key",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(settings.EMAIL_PORT),  # the SMTP sink's
        "MOTCUA_WORKER_HEARTBEAT_SECONDS": "0.5",
        "LOG_LEVEL": "WARNING",
    }
    logs = [open(tmp_path / f"worker-{i}.log", "w") for i in range(WORKERS)]  # noqa: SIM115 - closed below
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "motcua.cli", "worker", "--interval", "0.1", "--no-startup-delay"],
            env=env,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        for log in logs
    ]
    try:
        time.sleep(2)  # every worker polling before the work arrives
        for n in range(DOSSIERS):  # each receipt commits an e-mail and an SMS notice and one task sending both
            at = vn("2026-03-02 08:00") + dt.timedelta(minutes=n)
            dossier = lifecycle.register(
                actor=people["desk"],
                version=five_days,
                receiving_agency=province["centre"],
                applicant={**applicant, "applicant_phone": f"0912{n:06d}"},
                channel="direct",
                at=at,
            )
            lifecycle.receive(dossier.pk, actor=people["desk"], at=at)
        assert Notice.objects.count() == 2 * DOSSIERS
        deadline = time.monotonic() + 90
        while Notice.objects.exclude(status=Notice.Status.SENT).exists():
            assert all(w.poll() is None for w in workers), [p.read_text() for p in tmp_path.glob("*.log")]
            assert time.monotonic() < deadline, Counter(Notice.objects.values_list("status", flat=True))
            time.sleep(0.2)
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
        for worker in workers:
            try:
                worker.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
                worker.wait()
        for log in logs:
            log.close()
        gateway.stop()

    # Each notice reached the phone or the mailbox once: no task was run by two workers, none was lost.
    assert sorted(message["Phone"] for message in gateway.messages) == [f"0912{n:06d}" for n in range(DOSSIERS)]
    assert len(smtp_sink.messages()) == DOSSIERS
    assert set(Notice.objects.values_list("attempts", flat=True)) == {1}
    results = list(DBTaskResult.objects.values_list("status", "worker_ids"))
    assert len(results) == DOSSIERS and {status for status, _ in results} == {"SUCCESSFUL"}
    assert all(len(ids) == 1 for _, ids in results)  # claimed once
    # and the work was shared: more than one worker ran tasks
    by_worker = Counter(ids[0] for _, ids in results)
    assert len(by_worker) >= 2, by_worker
    assert all(worker.returncode == 0 for worker in workers)
