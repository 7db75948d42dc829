"""On a Citus cluster (`make test-citus`): a cluster distributed by an earlier release takes the later migrations.

A database is given the schema of the release before the signing step (which added tables and links to the
dossiers and the signing app), distributed, then migrated to today and distributed again: the migrations place
every table they make themselves (serving/citus_db), and the database ends with the same placement, keys and
foreign keys as one migrated from scratch and distributed once (the test database). Found by CI: the first
migration adding a link to a new table failed on a cluster kept from an earlier run.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from conftest import require
from motcua.serving import citus

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
SHARD = re.compile(r"_\d{4,}$")

# what a table looks like to Citus and to its rows' integrity: placement, keys, unique indexes and foreign keys
SCHEMA = """
SELECT 'placed', logicalrelid::regclass::text,
       CASE WHEN partmethod = 'n' AND repmodel <> 't' THEN 'l' ELSE partmethod::text END
FROM pg_dist_partition
UNION ALL
SELECT 'constraint', conrelid::regclass::text, conname || ' ' || pg_get_constraintdef(oid)
FROM pg_constraint WHERE contype IN ('p', 'u', 'f') AND connamespace = 'public'::regnamespace
UNION ALL
SELECT 'unique index', indrelid::regclass::text, pg_get_indexdef(indexrelid)
FROM pg_index JOIN pg_class c ON c.oid = indrelid
WHERE indisunique AND c.relnamespace = 'public'::regnamespace
  AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = indexrelid)
"""


def schema(rows) -> set[tuple[str, str, str]]:
    """The rows of SCHEMA, less the coordinator's own copies of the reference tables (their shards: table_102031),
    whose numbers differ from one database to another."""
    return {tuple(row) for row in rows if not SHARD.search(row[1])}


@pytest.fixture
def cluster_database():
    """An empty database of its own on every node of the test cluster, with Citus and the workers registered."""
    require(citus.is_citus(), "the database is not a Citus cluster (make test-citus)", "MOTCUA_REQUIRE_CITUS")
    params = connection.get_connection_params()
    host, port, user = params["host"], int(params["port"]), params["user"]
    workers = citus.worker_ports()
    name = f"{connection.settings_dict['NAME']}_upgrade"

    def on(node_port: int, database: str = "postgres"):
        return psycopg.connect(host=host, port=node_port, user=user, dbname=database, autocommit=True)

    def drop():
        for node in [port, *map(int, workers)]:
            with on(node) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    drop()
    for node in [port, *map(int, workers)]:
        with on(node) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        with on(node, name) as conn:
            conn.execute("CREATE EXTENSION citus")
    with on(port, name) as conn:
        conn.execute("SELECT citus_set_coordinator_host(%s, %s)", [host, port])
        for worker in workers:
            conn.execute("SELECT citus_add_node(%s, %s)", [host, int(worker)])
    yield f"postgres://{user}@{host}:{port}/{name}", lambda: on(port, name)
    drop()


def motcua(url: str, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": url, "MOTCUA_CITUS": "1"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_a_cluster_distributed_by_an_earlier_release_takes_the_new_migrations(cluster_database):
    url, connect = cluster_database
    # the schema of the release before the signing step: everything, less what that step added
    motcua(url, "migrate", "-v0")
    motcua(url, "migrate", "signing", "0001", "-v0")
    motcua(url, "migrate", "dossiers", "0013", "-v0")
    assert "Đã phân tán" in motcua(url, "citus", "distribute")
    with connect() as conn:
        assert not conn.execute("SELECT to_regclass('dossiers_signature')").fetchone()[0]

    motcua(url, "migrate", "-v0")
    # every table the migrations made was placed by them: nothing is left for `distribute`
    assert "Đã phân tán" not in motcua(url, "citus", "distribute")

    with connect() as conn:
        upgraded = schema(conn.execute(SCHEMA).fetchall())
    with connection.cursor() as cursor:
        cursor.execute(SCHEMA)
        fresh = schema(cursor.fetchall())
    assert ("placed", "dossiers_signature", "h") in upgraded
    assert sorted(fresh - upgraded) == [] and sorted(upgraded - fresh) == []
