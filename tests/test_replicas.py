"""The read-replica router (motcua/replicas.py) against a real second database: a second PostgreSQL database on the
test cluster (a second SQLite file on SQLite) holding the calendar-override table, with rows the test database does
not have, so every answer shows which database it came from. Real streaming replication: test_replicas_streaming.py.
"""

import copy
import datetime as dt
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.db import connection, connections, router, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from motcua import replicas
from motcua.gateways.standins import free_port
from motcua.replicas import REPLICA, ReplicaRouter, from_replica, reads_from_replica
from motcua.workdays.models import CalendarOverride

ROOT = Path(__file__).resolve().parents[1]
ON_DEFAULT = dt.date(2030, 1, 2)
ON_REPLICA = dt.date(2030, 1, 3)
ROUTERS = ["motcua.replicas.ReplicaRouter"]


def dates(queryset) -> list[dt.date]:
    """The test's own rows (the migrations seed real holidays before 2030)."""
    return list(queryset.filter(date__year=2030).order_by("date").values_list("date", flat=True))


# ---- without a replica: nothing changes ----


def settings_in_a_fresh_process(**env) -> dict:
    """settings.DATABASES and DATABASE_ROUTERS as a server started with this environment would have them."""
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'motcua.settings'); "
            "from django.conf import settings; "
            "print(json.dumps({'databases': settings.DATABASES, 'routers': settings.DATABASE_ROUTERS}, default=str))",
        ],
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k != "MOTCUA_REPLICA_URL"}, "MOTCUA_ENV": "development", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_without_the_setting_there_is_no_replica_alias():
    found = settings_in_a_fresh_process(DATABASE_URL="postgres://motcua:motcua@127.0.0.1:5432/motcua")
    assert list(found["databases"]) == ["default"]


def test_the_replica_alias_takes_the_primarys_options_and_no_test_database_of_its_own():
    found = settings_in_a_fresh_process(
        DATABASE_URL="postgres://motcua:motcua@127.0.0.1:5432/motcua",
        MOTCUA_REPLICA_URL="postgres://motcua:secret@10.0.0.7:5433/motcua",
    )
    default, replica = found["databases"]["default"], found["databases"]["replica"]
    assert (replica["HOST"], str(replica["PORT"]), replica["PASSWORD"]) == ("10.0.0.7", "5433", "secret")
    assert replica["CONN_MAX_AGE"] == default["CONN_MAX_AGE"] == 60
    assert replica["CONN_HEALTH_CHECKS"] is True
    assert replica["OPTIONS"]["connect_timeout"] == 3  # an unreachable standby costs seconds, not minutes
    assert replica["TEST"] == {"MIRROR": "default"}
    assert found["routers"] == ROUTERS


def test_a_replica_of_another_engine_is_refused():
    run = subprocess.run(
        [sys.executable, "-c", "import motcua.settings"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": "sqlite:///x.sqlite3", "MOTCUA_REPLICA_URL": "postgres://a:b@h/db"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode != 0 and "MOTCUA_REPLICA_URL phải dùng cùng loại cơ sở dữ liệu" in run.stderr


@pytest.mark.django_db
def test_without_a_replica_the_router_has_no_opinion_and_from_replica_does_nothing():
    assert REPLICA not in connections.settings
    chosen = ReplicaRouter()
    with from_replica():
        assert chosen.db_for_read(CalendarOverride) is None
        assert chosen.db_for_write(CalendarOverride) is None
        assert chosen.allow_migrate("default", "workdays") is None
        CalendarOverride.objects.create(date=ON_DEFAULT, kind="holiday")
        assert dates(CalendarOverride.objects.all()) == [ON_DEFAULT]
    page = reads_from_replica(lambda request: dates(CalendarOverride.objects.all()))
    assert page(RequestFactory().get("/")) == [ON_DEFAULT]


# ---- with a second database as the replica ----


@pytest.fixture(scope="class")
def second_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """The "replica" alias, pointed at a second database with one table and one row the test database lacks."""
    default = connections["default"].settings_dict
    postgres = connections["default"].vendor == "postgresql"
    with django_db_blocker.unblock():
        if postgres:
            name = f"{default['NAME']}_replica"
            with connections["default"]._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
                cursor.execute(f'CREATE DATABASE "{name}"')
        else:
            name = str(tmp_path_factory.mktemp("replica") / "replica.sqlite3")
        settings_dict = copy.deepcopy(default)
        settings_dict.update(NAME=name, CONN_HEALTH_CHECKS=True)
        settings_dict["TEST"] = {**settings_dict["TEST"], "MIRROR": "default"}  # never flushed by the test runner
        connections.settings[REPLICA] = settings_dict
        with connections[REPLICA].schema_editor() as editor:
            editor.create_model(CalendarOverride)
        with connections[REPLICA].cursor() as cursor:
            table = connections[REPLICA].ops.quote_name(CalendarOverride._meta.db_table)
            cursor.execute(
                f"INSERT INTO {table} (id, date, kind, name, legal_basis, created, updated) "
                "VALUES (1000, %s, 'holiday', 'chỉ ở bản sao', '', %s, %s)",
                [ON_REPLICA, dt.datetime(2030, 1, 1, tzinfo=dt.UTC), dt.datetime(2030, 1, 1, tzinfo=dt.UTC)],
            )
        try:
            yield settings_dict
        finally:
            connections[REPLICA].close()
            del connections[REPLICA]
            del connections.settings[REPLICA]
            if postgres:
                with connections["default"]._nodb_cursor() as cursor:
                    cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.mark.usefixtures("second_database")
@pytest.mark.django_db(transaction=True, databases=["default", REPLICA])
class TestWithASecondDatabase:
    @pytest.fixture(autouse=True)
    def fresh(self):
        replicas.reset()
        CalendarOverride.objects.create(date=ON_DEFAULT, kind="holiday", name="chỉ ở cơ sở dữ liệu chính")
        yield
        replicas.reset()

    def test_reads_go_to_the_replica_only_inside_from_replica(self):
        assert dates(CalendarOverride.objects.all()) == [ON_DEFAULT]
        with CaptureQueriesContext(connections[REPLICA]) as on_replica, from_replica():
            assert dates(CalendarOverride.objects.all()) == [ON_REPLICA]
            assert CalendarOverride.objects.get(date=ON_REPLICA).name == "chỉ ở bản sao"
        assert len(on_replica) == 2
        assert dates(CalendarOverride.objects.all()) == [ON_DEFAULT]

    def test_writes_inside_from_replica_go_to_default(self):
        with from_replica():
            CalendarOverride.objects.create(date=dt.date(2030, 1, 4), kind="holiday")
            read = CalendarOverride.objects.get(pk=1000)  # from the replica…
            read.name = "sửa khi đọc từ bản sao"
            read.save()  # …saved on default, never on the replica
            assert dates(CalendarOverride.objects.all()) == [ON_REPLICA]
        assert dates(CalendarOverride.objects.all()) == [ON_DEFAULT, ON_REPLICA, dt.date(2030, 1, 4)]
        assert CalendarOverride.objects.get(pk=1000).name == "sửa khi đọc từ bản sao"
        on_replica = CalendarOverride.objects.using(REPLICA)
        assert dates(on_replica.all()) == [ON_REPLICA] and on_replica.get().name == "chỉ ở bản sao"

    def test_migrations_only_on_default_and_relations_allowed(self):
        chosen = ReplicaRouter()
        with from_replica():
            assert chosen.db_for_write(CalendarOverride) == "default"
            assert router.db_for_write(CalendarOverride) == "default"
        assert chosen.allow_migrate("default", "workdays") is True
        assert chosen.allow_migrate(REPLICA, "workdays") is False
        assert chosen.allow_relation(object(), object()) is True

    def test_a_transaction_and_the_sessions_read_from_default(self):
        with from_replica():
            assert router.db_for_read(CalendarOverride) == REPLICA
            assert router.db_for_read(Session) == "default"  # a login made a moment ago is never missed
            with transaction.atomic():
                CalendarOverride.objects.create(date=dt.date(2030, 1, 5), kind="holiday")
                assert dates(CalendarOverride.objects.all()) == [ON_DEFAULT, dt.date(2030, 1, 5)]

    def test_the_decorator_routes_get_and_head_never_a_post(self):
        page = reads_from_replica(lambda request: dates(CalendarOverride.objects.all()))
        factory = RequestFactory()
        assert page(factory.get("/")) == [ON_REPLICA]
        assert page(factory.head("/")) == [ON_REPLICA]
        assert page(factory.post("/")) == [ON_DEFAULT]
        assert dates(CalendarOverride.objects.all()) == [ON_DEFAULT]  # the context ended with the view

    def test_an_unreachable_replica_falls_back_to_default_with_one_warning(self, second_database, caplog):
        connections[REPLICA].close()
        saved = dict(second_database)
        if connection.vendor == "postgresql":
            second_database.update(HOST="127.0.0.1", PORT=str(free_port()))  # nothing listens there
        else:
            second_database["NAME"] = "/nonexistent/motcua/replica.sqlite3"
        try:
            with caplog.at_level(logging.INFO, logger="motcua.replicas"), from_replica():
                assert dates(CalendarOverride.objects.all()) == [ON_DEFAULT]
                assert dates(CalendarOverride.objects.all()) == [ON_DEFAULT]
        finally:
            connections[REPLICA].close()
            second_database.clear()
            second_database.update(saved)
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1 and "read replica unreachable" in warnings[0].getMessage()
        with from_replica():  # still within the retry pause: not tried, default answers
            assert dates(CalendarOverride.objects.all()) == [ON_DEFAULT]
        replicas._down_until = 0.0  # the pause is over: tried again, and it answers
        with caplog.at_level(logging.INFO, logger="motcua.replicas"), from_replica():
            assert dates(CalendarOverride.objects.all()) == [ON_REPLICA]
        assert "reachable again" in caplog.records[-1].getMessage()
        assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1
