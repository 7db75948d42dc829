"""On a Citus cluster (`make test-citus`, docs/scaling.md): where the statements of the hot pages run.

Every statement a page sends that reads a distributed table is captured and EXPLAINed on the coordinator: the
desk's queue, the public tracking, the dossier's page and the API's dossier run each of theirs as one task on one
worker (Citus's router), and a province's yearly report runs as one task per shard on both workers. Skipped off
Citus; a failure with MOTCUA_REQUIRE_CITUS=1.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.authtoken.models import Token

from conftest import require
from motcua.dossiers import lifecycle
from motcua.dossiers.tests.fixtures import vn
from motcua.dossiers.tests.test_signing_step import approved, setup  # noqa: F401 (fixtures)
from motcua.indicators.figures import Period
from motcua.indicators.report_periods import period_code
from motcua.serving import citus

pytestmark = pytest.mark.django_db

DISTRIBUTED = {table for table, _ in citus.DISTRIBUTED}
READS_DISTRIBUTED = re.compile(r'"(' + "|".join(sorted(DISTRIBUTED)) + r')"')


@pytest.fixture(autouse=True)
def on_citus(db):
    require(citus.is_citus(), "the database is not a Citus cluster (make test-citus)", "MOTCUA_REQUIRE_CITUS")


def plan(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL citus.explain_all_tasks = on")
        cursor.execute("EXPLAIN " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def tasks(sql: str) -> tuple[int, set[str]]:
    """(the number of tasks, the workers' ports) of the statement's distributed plan; a statement that runs inside
    a subplan counts every task of the plan."""
    text = plan(sql)
    return sum(int(n) for n in re.findall(r"Task Count: (\d+)", text)), set(re.findall(r"port=(\d+)", text))


def distributed_reads(captured) -> list[str]:
    return [
        q["sql"]
        for q in captured.captured_queries
        if READS_DISTRIBUTED.search(q["sql"]) and q["sql"].lstrip().upper().startswith("SELECT")
    ]


def routed(capture) -> list[tuple[int, str]]:
    """The statements of `capture` that read distributed tables, with their task counts; at least one."""
    statements = distributed_reads(capture)
    assert statements, "the page read no distributed table"
    return [(tasks(sql)[0], sql[:160]) for sql in statements]


def test_the_dossier_side_is_distributed_and_co_located():
    placed = citus.placed()
    assert {table for table, kind in placed.items() if kind == "h"} == DISTRIBUTED
    assert placed["agencies_agency"] == placed["catalog_procedureversion"] == placed["accounts_user"] == "n"
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(DISTINCT colocationid) FROM pg_dist_partition WHERE partmethod = 'h'")
        assert cursor.fetchone()[0] == 1
        cursor.execute("SELECT count(*) FROM citus_get_active_worker_nodes()")
        assert cursor.fetchone()[0] == 2
        # the keys hold the distribution column: (receiving_agency_id, id)
        cursor.execute(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'dossiers_event'::regclass "
            "AND contype IN ('p', 'f') AND pg_get_constraintdef(oid) LIKE '%%dossiers_dossier%%' OR "
            "(conrelid = 'dossiers_event'::regclass AND contype = 'p')"
        )
        keys = {row[0] for row in cursor.fetchall()}
    assert "PRIMARY KEY (receiving_agency_id, id)" in keys
    assert (
        "FOREIGN KEY (receiving_agency_id, dossier_id) REFERENCES dossiers_dossier(receiving_agency_id, id) "
        "DEFERRABLE INITIALLY DEFERRED" in keys
    )


@pytest.fixture
def several(received, five_days, province, people, applicant):
    """Dossiers received at the centre and at a commune, so that the shards hold more than one agency."""
    for n, (agency, desk) in enumerate([("centre", "desk"), ("commune", "commune_desk")] * 2):
        dossier = lifecycle.register(
            actor=people[desk],
            version=five_days,
            receiving_agency=province[agency],
            applicant=applicant,
            channel="direct",
            at=vn(f"2026-03-0{3 + n} 08:55"),
        )
        lifecycle.receive(dossier.pk, actor=people[desk], at=vn(f"2026-03-0{3 + n} 09:00"))
    return received


@pytest.mark.parametrize("name", ["moi-nop", "cho-tra"])
def test_the_desk_queues_run_on_one_shard(several, people, name):
    """A counter officer's own queues (online dossiers to receive, results to hand over) are by receiving agency:
    one shard. The lists by processing agency ("Tất cả", a specialist's) and the tab counts that mix both ask every
    shard, by design (docs/scaling.md)."""
    from motcua.office import queues

    with CaptureQueriesContext(connection) as captured:
        list(queues.queue(people["desk"], name).order_by("-created_at")[:20])
    assert [n for n, _ in routed(captured)] == [1], routed(captured)


def test_tracking_runs_on_one_shard(client, several, applicant):
    with CaptureQueriesContext(connection) as captured:
        response = client.post(
            reverse("portal:tracking"), {"ma": several.code, "xac_minh": applicant["applicant_phone"]}
        )
    assert response.status_code == 200 and several.code in response.content.decode()
    assert all(n == 1 for n, _ in routed(captured)), routed(captured)


def test_the_dossier_page_runs_on_one_shard(client, several, people):
    client.force_login(people["specialist"])
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("office:dossier", args=[several.code])).status_code == 200
    assert all(n == 1 for n, _ in routed(captured)), routed(captured)


def test_the_api_dossier_runs_on_one_shard(several, people):
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=people['specialist'])[0].key}")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("dossiers_api:dossier", args=[several.code]))
    assert response.status_code == 200 and response.json()["code"] == several.code
    assert all(n == 1 for n, _ in routed(captured)), routed(captured)


def test_a_province_yearly_report_runs_on_both_workers(client, several, people):
    client.force_login(people["monitor"])
    with CaptureQueriesContext(connection) as captured:
        response = client.get(
            reverse("indicators:report"), {"co_quan": "toan-tinh", "ky": period_code(Period.year(2026))}
        )
    assert response.status_code == 200
    spread = [tasks(sql) for sql in distributed_reads(captured)]
    shards, workers = citus.shard_count(), citus.worker_ports()
    assert spread and all(n >= shards and ports == workers for n, ports in spread), spread


def test_an_online_submission_and_its_receipt_ask_no_more_than_one_shard(province, people, settings, tmp_path):
    """The write path as a citizen's app and the desk send it (the bench's create + receive, through the API): no
    statement on a distributed table asks every shard. Two did, and cost 25 times the throughput on the bench
    (docs/scaling.md §8): the answer's re-read of the dossier by id alone, and the figures' subqueries naming the
    agency through the outer row. A statement the coordinator runs itself (0 tasks: rows it routes, a reference
    table) is fine."""
    from motcua.bench import submission

    settings.MEDIA_ROOT = str(tmp_path)
    procedure = submission.procedure([province["centre"]])
    statements, dossier = submission.capture(people["citizen"], people["desk"], procedure, province["centre"].code)
    assert dossier.state == "received"
    touching = [s.sql for s in statements if READS_DISTRIBUTED.search(s.sql)]
    counted = [(tasks(sql)[0], sql[:200]) for sql in touching]
    assert len(counted) >= 15, counted  # reads and writes of the dossier, its document, events, steps, figures
    assert [c for c in counted if c[0] > 1] == []


def test_the_signing_step_asks_no_more_than_one_shard(setup, approved, people):
    """The signing step (issue 17) from the draft to the issued result: the lifecycle's three actions and the two
    signing tasks, their every statement on a distributed table EXPLAINed: each runs on the dossier's shard. The
    task's first read joined the dossier and the document by their ids alone, a repartition join Citus refused
    inside the transaction."""
    from motcua.dossiers.result_signing import sign_result
    from motcua.dossiers.tests.test_signing_step import sent

    statements: list[str] = []

    def remember(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        statements.append(connection.ops.last_executed_query(context["cursor"], sql, params) if not many else sql)
        return result

    with connection.execute_wrapper(remember):
        dossier = sent(approved, people)
        for actor, action in ((people["head"], lifecycle.sign), (people["clerk"], lifecycle.seal)):
            signature = action(dossier, actor=actor)
            assert sign_result.call(signature.pk, dossier.receiving_agency_id) == "signed"
    dossier.refresh_from_db()
    assert dossier.state == "issued"
    counted = [(tasks(sql)[0], sql[:200]) for sql in statements if READS_DISTRIBUTED.search(sql)]
    assert len(counted) >= 20, counted
    assert [c for c in counted if c[0] > 1] == []
