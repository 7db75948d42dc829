"""`motcua bench run`, the seconds-long version that keeps it from rotting (issue 15): a small generated province,
every scenario on the real production server for a second, each beside its limit. It checks that the bench runs
and says what it measured, not how fast this machine is (speed is the bench's own report, never a test)."""

import io
import json
import logging
import os

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from motcua.bench import limits, profile, run
from motcua.dossiers.models import Dossier


@pytest.mark.django_db(transaction=True)  # the server's processes read what this test wrote: it must be committed
def test_every_scenario_runs_beside_its_limit_and_is_reported(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("motcua bench runs on PostgreSQL (COPY, pgbench); this run is on SQLite")
    call_command(
        "bench",
        "generate",
        "--dossiers",
        "600",
        "--data",
        str(tmp_path / "none"),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    out = io.StringIO()
    levels = [logging.getLogger(name).level for name in ("motcua.requests", "django.request")]
    call_command(
        "bench",
        "run",
        "--seconds",
        "1",
        "--users",
        "2",
        "--workers",
        "1",
        "--servers",
        "2",
        "--out",
        str(tmp_path / "kq"),
        "--profile",
        stdout=out,
        stderr=io.StringIO(),
    )
    # quiet while it ran, as before afterwards: later tests read the request lines
    assert [logging.getLogger(name).level for name in ("motcua.requests", "django.request")] == levels
    [written] = (tmp_path / "kq").glob("*.json")
    report = json.loads(written.read_text())
    results = report["results"]
    table = written.with_suffix(".md").read_text()
    assert report["machine"]["dossiers"] >= 600 and report["machine"]["cpus"] >= 1
    assert results["bare"]["p50_ms"] > 0 and results["bare"]["requests_per_second"] > 0
    for name in run.TARGETS:
        row = results[name]
        assert row["errors"] == 0, (name, row["error_samples"])
        assert row["ratio"] is not None and row["ratio"] > 0, (name, row)
    assert results["submission"]["pgbench"]["tps"] > 0 and results["submission"]["pgbench"]["failed"] == 0
    submitted = results["submission"]
    assert submitted["dossiers_per_second"] > 0
    # Two app servers, one worker each, and the generator's two users split between them.
    assert report["servers"] == 2 and len(results["worker_memory_mb"]) == 2
    assert all(size > 20 for size in results["worker_memory_mb"])
    assert len(submitted["requests_by_server"]) == 2 and all(n > 0 for n in submitted["requests_by_server"])
    # What a dossier costs in CPU, by who spent it; the database is this machine's, readable as root (CI).
    assert submitted["dossiers_made"] > 0 and submitted["cpu_ms_per_dossier"]["app"] > 0
    assert submitted["cpu_ms_per_dossier"]["load"] > 0
    database_cost = submitted["cpu_ms_per_dossier"]["database"]
    assert database_cost > 0 if os.geteuid() == 0 else database_cost is None, submitted
    assert report["machine"]["database"] == "PostgreSQL"  # by node only on Citus, where the coordinator is one
    assert "database_nodes" not in submitted["cpu_ms_per_dossier"] and "điều phối" not in table
    assert "CPU mỗi hồ sơ nộp + tiếp nhận" in table and "2 máy chủ ứng dụng × 1 tiến trình" in table
    assert "| queue |" in table and "| submission |" in table and table in out.getvalue()
    # --profile: py-spy sampled the worker in each scenario; the queue page's busy time is spread over the places
    queue = results["queue"]["profile"]
    assert queue["samples"] > 0 and abs(sum(queue["shares"].values()) - 1) < 0.01, queue
    assert queue["shares"]["template"] > 0 and queue["shares"]["sql"] > 0, queue
    assert "| queue |" in table.split("py-spy")[1]
    [samples] = (tmp_path / "kq").glob("profiles-*/queue.txt")
    assert "office/views.py" in samples.read_text()
    # The scenario's dossiers were really made and received, through the server.
    assert Dossier.objects.filter(procedure__code="BENCH.000001", state="received").count() > 16


def test_each_sampled_stack_goes_to_the_first_place_met_from_the_innermost_frame(tmp_path):
    views = f"work ({profile.PROJECT}office/views.py:30)"
    handler = "get_response (/venv/lib/python3.11/site-packages/django/core/handlers/base.py:174)"
    render = "render (/venv/lib/python3.11/site-packages/django/template/base.py:170)"
    fetch = "execute (/venv/lib/python3.11/site-packages/django/db/models/sql/compiler.py:1593)"
    wait = "wait (/venv/lib/python3.11/site-packages/psycopg/connection.py:479)"
    raw = tmp_path / "queue.txt"
    raw.write_text(
        f"{handler};{views};{fetch};{wait} 6\n"  # waiting for PostgreSQL, under the ORM, under our view
        f"{handler};{views};{render} 3\n"
        f"{handler};{views} 1\n"
        f"{handler} 2\n"
        f"{handler};{views};{fetch} 8\n"
        "a line py-spy would not write\n"
    )
    found = profile.shares(raw)
    assert found["samples"] == 20
    assert found["shares"] == {
        "sql": 0.3,
        "template": 0.15,
        "orm": 0.4,
        "drf": 0.0,
        "motcua": 0.05,
        "framework": 0.1,
    }


def test_the_bench_refuses_sqlite_and_odd_numbers(settings):
    if connection.vendor == "postgresql":
        with pytest.raises(CommandError, match="--users 1-64"):
            call_command("bench", "run", "--users", "0", stdout=io.StringIO())
    else:
        with pytest.raises(CommandError, match="PostgreSQL"):
            call_command("bench", "run", stdout=io.StringIO())


def test_a_pgbench_script_makes_every_dossier_its_own(db):
    """The captured literals that must differ per dossier become pgbench variables (checked on made-up SQL)."""
    from motcua.bench.submission import Statement

    dossier = Dossier(pk=987654, code="000.00.01.H44-261207-0001")
    statements = [
        Statement("SELECT 1 FROM agencies_staffrole WHERE user_id = 9", False),
        Statement(
            'INSERT INTO "dossiers_dossier" ("code", "x") VALUES (\'000.00.01.H44-261207-0001\', 987654) '
            'RETURNING "dossiers_dossier"."id"',
            True,
        ),
        Statement('UPDATE "dossiers_dossier" SET "size" = 9876540 WHERE "id" = 987654', True),
        Statement("INSERT INTO t (id) VALUES ('1231bbd0ba3646fe8d6793529ef366ac'::uuid)", True),
        Statement("UPDATE t SET n = 1 WHERE id = '1231bbd0ba3646fe8d6793529ef366ac'::uuid", True),
        Statement("SELECT 2", False),
    ]
    script, made = limits.pgbench_script(statements, dossier)
    lines = script.splitlines()
    assert lines[0].startswith(r"\set bench_n random(")
    assert lines[1] == "SELECT 1 FROM agencies_staffrole WHERE user_id = 9;" and lines[2] == "BEGIN;"
    assert "VALUES (('B' || :bench_n), 987654) RETURNING" in lines[3] and lines[4] == r"\gset dossiers_dossier_0_"
    assert lines[5] == 'UPDATE "dossiers_dossier" SET "size" = 9876540 WHERE "id" = :dossiers_dossier_0_id;'
    # no volatile function (Citus refuses one in an UPDATE of a distributed table), the same UUID for the same row
    assert lines[6] == "INSERT INTO t (id) VALUES ((md5((:bench_n)::text || '-u0')::uuid));"
    assert lines[7] == "UPDATE t SET n = 1 WHERE id = (md5((:bench_n)::text || '-u0')::uuid);"
    assert lines[8:] == ["COMMIT;", "SELECT 2;"] and made == 4
    assert "random()" not in script and "gen_random_uuid" not in script
