"""The sender's look-up of what is due runs every two seconds for ever: on 200,000 outbox rows already sent and a
few waiting, PostgreSQL reads it from the partial index of the waiting rows, never the table. The rows are made in
the test's transaction with SQL, pointing at no real dossier, and deleted before the test ends (its foreign keys
are checked then); PostgreSQL only, as tests/test_explain.py."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from motcua.national import sender

pytestmark = pytest.mark.django_db
SENT, WAITING = 200_000, 100


def test_the_senders_look_up_reads_the_waiting_rows_index(province):
    if connection.vendor != "postgresql" or settings.MOTCUA_CITUS:
        # on Citus, EXPLAIN shows one shard's task, an empty one here: tests/test_citus.py judges where it runs
        pytest.skip("PostgreSQL's plans; SQLite's planner has no statistics to speak of")
    agency = province["centre"].pk
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO national_syncitem (receiving_agency_id, dossier_id, event_id, progress, status, attempts,
                                           last_error, created_at, next_attempt_at, sent_at, sent_row)
            SELECT %s, g, g, true, CASE WHEN g <= %s THEN 'pending' ELSE 'sent' END, 0, '',
                   now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval, NULL, '{}'
            FROM generate_series(1, %s) g
            """,
            [agency, WAITING, SENT + WAITING],
        )
        cursor.execute("ANALYZE national_syncitem")
    with CaptureQueriesContext(connection) as captured:
        found = sender.due(50, timezone.now())
    assert len(found) == 50
    [statement] = [q["sql"] for q in captured.captured_queries if "national_syncitem" in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + statement)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("DELETE FROM national_syncitem")  # before the test's end checks the foreign keys
    assert "sync_item_pending" in plan and "Seq Scan" not in plan, plan
