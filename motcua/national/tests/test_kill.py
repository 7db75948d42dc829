"""The sender killed with kill -9 mid-run, against a stand-in that fails 30 % of the calls and leaves 5 % without an
answer: a second sender finishes, and DVCQG ends holding every dossier as motcua has it, each progress row once, in
order, none going back in time.

Real processes on the test database, so PostgreSQL's (and Citus's): on SQLite the in-process run in test_sync.py
covers the same failures without the kill."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.db import connection

from motcua.database_url import database_url
from motcua.national.models import SyncItem
from motcua.national.tests.test_sync import assert_portal_equals_motcua, new_dossier, to_the_end

DOSSIERS, FINISHED = 8, 5


def start_sender(env: dict, log) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "motcua.cli", "dvcqg", "send", "--interval", "0.2"],
        env=env,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )


def wait(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"after {seconds} s: {what}")
        time.sleep(0.2)


@pytest.mark.django_db(transaction=True)  # the senders are other processes: what they read must be committed
def test_a_sender_killed_mid_run_leaves_dvcqg_equal_to_motcua(five_days, province, people, applicant, portal, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the senders are other processes on the test database: PostgreSQL's")
    dossiers = [new_dossier(five_days, province, people, applicant) for _ in range(DOSSIERS)]
    for dossier in dossiers[:FINISHED]:
        to_the_end(dossier, people)
    portal.control(fail=0.3, hang=0.05, hang_seconds=1, seed=2026)
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "MOTCUA_DVCQG_URL": portal.url + "/relay",
        "MOTCUA_DVCQG_TRANSPORT": "relay",
        "MOTCUA_DVCQG_TIMEOUT_SECONDS": "0.5",
        "MOTCUA_DVCQG_RETRY_SECONDS": "0",
        "MOTCUA_DVCQG_LEASE_SECONDS": "3",
        "LOG_LEVEL": "ERROR",
    }
    with open(tmp_path / "sender.log", "w") as log:
        first = start_sender(env, log)
        try:
            wait(lambda: portal.state()["calls"] >= 12, 60, "the first sender made no calls")
        finally:
            os.kill(first.pid, signal.SIGKILL)
            first.wait()
        killed_with = SyncItem.objects.filter(status=SyncItem.Status.PENDING).count()
        second = start_sender(env, log)
        try:
            wait(
                lambda: not SyncItem.objects.filter(status=SyncItem.Status.PENDING).exists(),
                120,
                "rows still pending",
            )
        finally:
            second.terminate()
            second.wait(10)
    assert killed_with > 0  # the kill came mid-run
    assert not SyncItem.objects.filter(status=SyncItem.Status.FAILED).exists()
    assert_portal_equals_motcua(portal)
