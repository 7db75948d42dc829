"""No hot request scans the dossier or the event table (issue 15): on 200,000 generated and analysed dossiers,
PostgreSQL's plan for every statement the hot paths run has no "Seq Scan" on `dossiers_dossier` or
`dossiers_event`. The statements are the ones the real code sends, captured while it runs: the API list (an officer
of one agency, a province monitor: first page, and the third by its `next` links), every queue page of a counter and
of a specialist-leader through the office view (its rows, its tabs' counts, the menu), public tracking by code, the
dashboard's overdue box and the first page of two drill-down lists. No planner switch is turned off, and nothing is
excused: the exact COUNTs that read the table are gone (keyset pages in the API, no count of "Tất cả").

PostgreSQL only: the plans are PostgreSQL's, and SQLite's planner has no statistics to speak of. About 30 s:
    MOTCUA_TEST_DATABASE=test_motcua_f bash scripts/with-postgres.sh .venv/bin/pytest -q -rx tests/test_explain.py
MOTCUA_EXPLAIN_REPORT=1 (with -s) prints each statement's plan with EXPLAIN ANALYZE's time (docs/performance.md).
"""

import datetime as dt
import json
import os

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from motcua.agencies.models import Agency
from motcua.dossiers.models import Dossier, Event, Step
from motcua.dossiers.states import NATIONAL_STATUS, State
from motcua.dossiers.tests.fixtures import make_procedure, staff
from motcua.indicators import drill
from motcua.indicators.figures import Period, Scope
from motcua.indicators.models import DossierFacts
from motcua.office import queues

pytestmark = pytest.mark.django_db

ROWS = 200_000
AGENCIES = 40  # every one processes; the first 8 also have a one-stop desk
DESKS = 8
WATCHED = ("dossiers_dossier", "dossiers_event")
# per 40 dossiers: 33 finished, 5 open (~12%), 2 not received yet
STATES = (
    [State.RETURNED] * 30
    + [State.ISSUED, State.REFUSED, State.WITHDRAWN]
    + [State.RECEIVED, State.IN_PROGRESS, State.IN_PROGRESS, State.SUPPLEMENT_REQUESTED, State.AWAITING_APPROVAL]
    + [State.SUBMITTED, State.DESK_SUPPLEMENT]
)


def sql_array(values) -> str:
    return "ARRAY[" + ",".join(f"'{v}'" if isinstance(v, str) else str(v) for v in values) + "]"


# g runs through the states with period len(STATES); anything else picked by g alone would repeat with it (every
# refused dossier at the same desk), so the other columns also move with g's period number
SPREAD = f"(g + g / {len(STATES)})"


def pick(array: str, expression: str, size: int) -> str:
    """`array[expression mod size + 1]`: a spread over the array without random()."""
    return f"({array})[mod({expression}, {size}) + 1]"


def insert_select(model, expressions: dict[str, str], source: str) -> None:
    """INSERT INTO model's table one row per row of `source`: the given SQL expressions, every other column its
    model default (so a new NOT NULL column with a default needs no change here)."""
    columns, values, params = [], [], []
    for field in model._meta.concrete_fields:
        if field.column in expressions:
            columns.append(field.column)
            values.append(expressions[field.column])
        elif not field.primary_key:
            columns.append(field.column)
            values.append("%s")
            params.append(field.get_db_prep_save(field.get_default(), connection))
    sql = f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) SELECT {', '.join(values)} {source}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def generate(agencies, versions, assignees, now):
    """ROWS dossiers over ~2 years, one event each, a liên thông step for one in ten, and the figures' facts."""
    agency_ids = sql_array([a.pk for a in agencies])
    desk_ids = sql_array([a.pk for a in agencies[:DESKS]])
    version_ids = sql_array([v.pk for v in versions])
    procedure_ids = sql_array([v.procedure_id for v in versions])
    assignee_ids = sql_array([u.pk for u in assignees])
    states = sql_array([str(s) for s in STATES])
    statuses = sql_array([NATIONAL_STATUS[s] for s in STATES])
    created = f"(timestamptz '{now.isoformat()}' - ({ROWS} - g) * interval '5 minutes')"
    state = pick(states, "g", len(STATES))
    is_open = f"mod(g, {len(STATES)}) between 33 and 37"
    received = f"mod(g, {len(STATES)}) < 38"
    insert_select(
        Dossier,
        {
            "code": "'G-' || lpad(g::text, 9, '0')",
            "procedure_id": pick(procedure_ids, SPREAD, len(versions)),
            "procedure_version_id": pick(version_ids, SPREAD, len(versions)),
            "receiving_agency_id": pick(desk_ids, f"g / {len(STATES)}", DESKS),
            "processing_agency_id": pick(agency_ids, f"{SPREAD} * 7", AGENCIES),
            "lead_agency_id": pick(agency_ids, f"{SPREAD} * 7 + (mod(g, 10) = 0)::int", AGENCIES),
            "channel": pick("ARRAY['online','direct','online','postal']", SPREAD, 4),
            "applicant_name": "'Người nộp ' || g",
            "applicant_id_number": "'025' || lpad(g::text, 9, '0')",
            "applicant_phone": "'09' || lpad(g::text, 8, '0')",
            "state": state,
            "national_status": pick(statuses, "g", len(STATES)),
            "assignee_id": f"CASE WHEN {is_open} THEN {pick(assignee_ids, 'g', len(assignees))} END",
            "submitted_at": created,
            "received_at": f"CASE WHEN {received} THEN {created} + interval '1 hour' END",
            "clock_started_at": f"CASE WHEN {received} THEN {created} + interval '1 hour' END",
            "due_at": f"CASE WHEN {received} THEN {created} + (mod({SPREAD}, 20) + 1) * interval '1 day' END",
            "finished_at": f"CASE WHEN {received} AND NOT {is_open} THEN {created} + interval '3 days' END",
            "event_count": "1",
            "last_event_hash": "md5(g::text) || md5((-g)::text)",
            "created_at": created,
            "updated_at": created,
        },
        f"FROM generate_series(1, {ROWS}) AS g",
    )
    first = Dossier.objects.order_by("pk").values_list("pk", flat=True).first()
    dossiers = f"FROM dossiers_dossier d WHERE d.id >= {first}"
    insert_select(
        Event,
        {
            "dossier_id": "d.id",
            "receiving_agency_id": "d.receiving_agency_id",
            "seq": "1",
            "at": "d.created_at",
            "kind": "'submitted'",
            "to_state": "'submitted'",
            "prev_hash": "''",
            "hash": "d.last_event_hash",
        },
        dossiers,
    )
    insert_select(
        Step,
        {
            "dossier_id": "d.id",
            "receiving_agency_id": "d.receiving_agency_id",
            "kind": "'lien_thong'",
            "agency_id": pick(agency_ids, "d.id * 11", AGENCIES),
            "started_at": "d.created_at",
            "finished_at": "d.finished_at",
        },
        dossiers + " AND mod(d.id, 10) = 0",
    )
    insert_select(
        DossierFacts,
        {
            "dossier_id": "d.id",
            "receiving_agency_id": "d.receiving_agency_id",
            "agency_id": "d.lead_agency_id",
            "procedure_id": "d.procedure_id",
            "channel": "d.channel",
            "received_on": "d.received_at::date",
            "finished_on": "d.finished_at::date",
            "overdue_from": "CASE WHEN d.finished_at IS NULL THEN d.due_at END",
        },
        dossiers + " AND d.received_at IS NOT NULL",
    )
    with connection.cursor() as cursor:
        for table in ("dossiers_dossier", "dossiers_event", "dossiers_step", "indicators_dossierfacts"):
            cursor.execute(f"ANALYZE {table}")


def scans(node: dict):
    """(node type, relation) of every node of a plan tree."""
    yield node.get("Node Type"), node.get("Relation Name")
    for child in node.get("Plans", ()):
        yield from scans(child)


def plan(sql: str) -> dict:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
        found = cursor.fetchone()[0]
    return (json.loads(found) if isinstance(found, str) else found)[0]["Plan"]


def analysed(sql: str) -> str:
    """One line for docs/performance.md: the plan's nodes, its estimated cost and the measured time."""
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
        found = cursor.fetchone()[0]
    top = (json.loads(found) if isinstance(found, str) else found)[0]
    nodes = [f"{kind} on {relation}" if relation else kind for kind, relation in scans(top["Plan"])]
    return f"cost {top['Plan']['Total Cost']:.0f}, {top['Execution Time']:.1f} ms: {' > '.join(nodes)}"


def watched(sql: str) -> bool:
    return sql.lstrip().upper().startswith("SELECT") and any(f'"{table}"' in sql for table in WATCHED)


@pytest.fixture
def province_at_volume():
    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN plans are PostgreSQL's: run on PostgreSQL by `make test`")
    agencies = [
        Agency.objects.create(code=f"000.00.{i:02d}.H44", name=f"Cơ quan {i}", level="department")
        for i in range(AGENCIES)
    ]
    Agency.objects.filter(pk__in=[a.pk for a in agencies[:DESKS]]).update(has_one_stop_desk=True)
    versions = [make_procedure(f"1.{i:06d}", f"Thủ tục {i}", 5 + i, "working_days", agencies[i::5]) for i in range(5)]
    people = {
        "officer": staff("officer", (agencies[9], "specialist"), (agencies[9], "head")),
        "desk": staff("desk", (agencies[1], "counter")),
        "monitor": staff("monitor", (agencies[0], "monitor")),
    }
    assignees = [people["officer"]] + [staff(f"specialist{i}", (agencies[i], "specialist")) for i in range(6)]
    now = timezone.now()
    generate(agencies, versions, assignees, now)
    return {"agencies": agencies, "people": people, "now": now}


def hot_statements(data) -> dict[str, list[str]]:
    """Name of a hot path → the statements touching the watched tables that it sent."""
    people, now = data["people"], data["now"]
    runs = {}

    def capture(name, action):
        with CaptureQueriesContext(connection) as captured:
            action()
        runs[name] = [query["sql"] for query in captured.captured_queries if watched(query["sql"])]

    def api_client(user):
        client = APIClient()
        client.force_authenticate(user)
        return client

    def api_list(user, query=""):
        response = api_client(user).get("/api/v1/dossiers/" + query)
        assert response.status_code == 200, response.content
        return response.json()

    capture("API list, officer of one agency", lambda: api_list(people["officer"]))
    capture("API list, province monitor", lambda: api_list(people["monitor"]))
    second = api_list(people["officer"])["next"]
    third = api_client(people["officer"]).get(second).json()["next"]
    capture("API list, officer, page 3", lambda: api_client(people["officer"]).get(third).json())
    for who in ("officer", "desk"):
        client = Client()
        client.force_login(people[who])
        for item in queues.queues_for(people[who]):

            def page(client=client, slug=item.slug):
                response = client.get(reverse("office:queue", args=[slug]))
                assert response.status_code == 200, slug

            capture(f"queue {item.slug} of the {who}", page)
    tracked = Dossier.objects.order_by("pk").values("code", "applicant_phone")[ROWS // 2]

    def track():
        response = Client().post(
            reverse("portal:tracking"), {"ma": tracked["code"], "xac_minh": tracked["applicant_phone"]}
        )
        assert response.status_code == 200

    capture("tracking by code", track)
    scope = Scope.of_agency(data["agencies"][9])
    today = timezone.localdate(now)
    year = Period.between(dt.date(today.year, 1, 1), today)
    capture(
        "dashboard overdue box of one agency",
        lambda: list(drill.dossiers(scope, year, "open_overdue", now).select_related("procedure_version")[:20]),
    )
    for measure in ("received", "finished_late"):
        capture(
            f"drill-down {measure} of the province, first page",
            lambda measure=measure: list(drill.dossiers(Scope(), year, measure, now)[:50]),
        )
    capture(
        "dashboard overdue box of the province",
        lambda: list(drill.dossiers(Scope(), year, "open_overdue", now).select_related("procedure_version")[:20]),
    )
    return runs


def test_no_hot_statement_scans_the_dossier_or_event_table(province_at_volume):
    runs = hot_statements(province_at_volume)
    assert all(runs.values()), [name for name, statements in runs.items() if not statements]
    scanned = []
    for name, statements in runs.items():
        for sql in statements:
            tree = plan(sql)
            if os.environ.get("MOTCUA_EXPLAIN_REPORT"):  # the figures of docs/performance.md
                print(f"{name} | {sql[:25]}... | {analysed(sql)}")
            seq = sorted({relation for kind, relation in scans(tree) if kind == "Seq Scan" and relation in WATCHED})
            if seq:
                scanned.append(f"{name}: Seq Scan on {', '.join(seq)} (cost {tree['Total Cost']}): {sql[:300]}")
    assert not scanned, "\n".join(scanned)
