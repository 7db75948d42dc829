"""Run by test_replicas_streaming.py in a process of its own, with DATABASE_URL at a throwaway primary and
MOTCUA_REPLICA_URL at its streaming standby: the dashboard and report pages as a leader opens them. Prints what it
saw as JSON; the test judges it. `live`: the standby runs; `down`: the standby has been stopped."""

import json
import logging
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")

import django

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from motcua.accounts import second_factor  # noqa: E402
from motcua.accounts.models import User  # noqa: E402
from motcua.agencies.models import Agency, StaffRole  # noqa: E402
from motcua.replicas import from_replica  # noqa: E402

PAGES = {
    "report": "/bao-cao/",
    "dashboard": "/bang-dieu-khien/",
    "list": "/bang-dieu-khien/danh-sach/?chi-so=received",
    "public": "/thong-ke/",
    "export": "/bang-dieu-khien/?dinh-dang=xlsx",
}
LATE = "Sở Thử nghiệm bản sao"


def sql(alias: str, statement: str, params=()):
    with connections[alias].cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchone()[0]


def wait_replayed(seconds: float = 20) -> None:
    target = sql("default", "SELECT pg_current_wal_lsn()::text")
    deadline = time.monotonic() + seconds
    while not sql("replica", "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target]):
        if time.monotonic() > deadline:
            raise SystemExit(f"the standby did not replay {target} within {seconds} s")
        time.sleep(0.05)


def leader(client: Client) -> None:
    """A finished login, second factor included (as the root conftest.py's fixture does for tests)."""
    client.force_login(User.objects.get(username="giamsat"))
    session = client.session
    if session.pop(second_factor.PENDING, None) is not None:
        session.save()


def report_shows(client: Client, name: str) -> tuple[int, bool]:
    response = client.get(PAGES["report"])
    return response.status_code, name in response.content.decode()


def live() -> dict:
    justice = Agency.objects.create(code="000.00.10.H44", name="Sở Tư pháp", level="department")
    monitor = User.objects.create_user("giamsat", password="pw-giamsat-123", kind="staff", full_name="Giám Sát")
    StaffRole.objects.create(user=monitor, agency=justice, role="monitor")
    wait_replayed()
    client = Client()
    leader(client)
    seen: dict = {"pages": {}}
    for key, url in PAGES.items():
        cache.clear()
        with CaptureQueriesContext(connections["replica"]) as replica, CaptureQueriesContext(connections["default"]):
            response = client.get(url)
        seen["pages"][key] = {"status": response.status_code, "replica_queries": len(replica)}
    # Replay paused: a row committed on the primary is not on the page, which therefore comes from the standby.
    sql("replica", "SELECT pg_wal_replay_pause()::text")
    deadline = time.monotonic() + 10
    while sql("replica", "SELECT pg_get_wal_replay_pause_state()") != "paused" and time.monotonic() < deadline:
        time.sleep(0.05)
    Agency.objects.create(code="000.00.77.H44", name=LATE, level="department")
    seen["committed_on_primary"] = Agency.objects.filter(name=LATE).exists()
    seen["while_paused"] = report_shows(client, LATE)
    sql("replica", "SELECT pg_wal_replay_resume()::text")
    wait_replayed()
    seen["once_replayed"] = report_shows(client, LATE)
    # A write inside the replica context goes to the primary (the standby would refuse it: read-only).
    with from_replica():
        Agency.objects.create(code="000.00.78.H44", name="Sở ghi trong ngữ cảnh bản sao", level="department")
    seen["written_to_primary"] = Agency.objects.filter(code="000.00.78.H44").exists()
    return seen


def down() -> dict:
    warnings: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            if record.levelno >= logging.WARNING:
                warnings.append(record.getMessage())

    logging.getLogger("motcua.replicas").addHandler(Keep())
    client = Client()
    leader(client)
    seen = {"report": [report_shows(client, LATE) for _ in range(2)], "pages": {}}
    for key, url in PAGES.items():
        cache.clear()
        seen["pages"][key] = client.get(url).status_code
    seen["warnings"] = warnings
    return seen


if __name__ == "__main__":
    print(json.dumps({"live": live, "down": down}[sys.argv[1]]()))
