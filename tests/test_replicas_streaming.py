"""Real streaming replication: the dashboards and the report read from a PostgreSQL hot standby, and still answer
when it is stopped.

The test cluster itself is not copied: pg_basebackup copies a whole cluster, and the shared one holds every test
and benchmark database (gigabytes). Instead a throwaway primary is made with initdb in a temporary directory, a
standby of it with `pg_basebackup -R` (streaming, hot standby), both on free ports of 127.0.0.1, run as the
`postgres` user when the test runs as root. The primary is migrated, then tests/replica_scenario.py runs in a
process of its own with DATABASE_URL at the primary and MOTCUA_REPLICA_URL at the standby, exactly as a server
would be configured. Skipped on SQLite; required on PostgreSQL when MOTCUA_REQUIRE_POSTGRES=1.
"""

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.db import connection

from conftest import require
from motcua.gateways.standins import free_port

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = Path(__file__).with_name("replica_scenario.py")
LATE = "Sở Thử nghiệm bản sao"


def postgres_bin() -> Path | None:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if versions:
        return versions[-1].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


class Pair:
    """A primary and its streaming standby in one temporary directory."""

    def __init__(self, bindir: Path):
        self.bin = bindir
        self.root = Path(tempfile.mkdtemp(prefix="motcua-replica-"))
        self.primary, self.standby = self.root / "primary", self.root / "standby"
        self.primary_port, self.standby_port = free_port(), free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")

    def run(self, *args: str, timeout: float = 60) -> str:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=self.root)
        assert done.returncode == 0, f"{' '.join(args)}: {done.stdout}{done.stderr}"
        return done.stdout

    @property
    def to_primary(self) -> list[str]:
        """libpq's arguments for the primary, as its superuser over the private socket (trusted there)."""
        return ["-h", str(self.root), "-p", str(self.primary_port), "-U", "postgres"]

    def psql(self, sql: str, database: str = "postgres") -> str:
        return self.run("psql", *self.to_primary, "-d", database, "-v", "ON_ERROR_STOP=1", "-Atqc", sql)

    def start(self, data: Path, port: int) -> None:
        self.run(
            "pg_ctl", "-D", str(data), "-l", str(data / "server.log"), "-w", "-t", "30", "-o", f"-p {port}", "start"
        )

    def stop(self, data: Path) -> None:
        if (data / "postmaster.pid").exists():
            self.run("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop")

    def create(self) -> None:
        self.run(
            "initdb",
            "-D",
            str(self.primary),
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "--no-sync",
        )
        with open(self.primary / "postgresql.conf", "a") as conf:
            # Local sockets only in this private directory (trust there); TCP on 127.0.0.1 with a password.
            conf.write(
                f"listen_addresses = '127.0.0.1'\nunix_socket_directories = '{self.root}'\n"
                "fsync = off\nwal_level = replica\nhot_standby = on\n"
            )
        self.start(self.primary, self.primary_port)
        self.psql("CREATE ROLE motcua LOGIN CREATEDB PASSWORD 'motcua'")
        self.psql("CREATE DATABASE motcua OWNER motcua")
        # The scenario pauses the standby's replay to show the page comes from it; the grant replicates.
        self.psql("GRANT EXECUTE ON FUNCTION pg_wal_replay_pause(), pg_wal_replay_resume() TO motcua", "motcua")
        self.run(
            "pg_basebackup",
            *self.to_primary,
            "-D",
            str(self.standby),
            "-R",
            "-X",
            "stream",
            "--checkpoint=fast",
            "--no-sync",
        )
        self.start(self.standby, self.standby_port)

    def url(self, port: int) -> str:
        return f"postgres://motcua:motcua@127.0.0.1:{port}/motcua"

    def remove(self) -> None:
        for data in (self.standby, self.primary):
            with contextlib.suppress(AssertionError):
                self.stop(data)
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="module")
def pair():
    if connection.vendor != "postgresql":
        pytest.skip("real replication needs PostgreSQL (the tests run on SQLite)")
    bindir = postgres_bin()
    require(
        bindir is not None,
        "PostgreSQL's server programs (initdb, pg_basebackup) are not installed",
        "MOTCUA_REQUIRE_POSTGRES",
    )
    if os.geteuid() == 0:
        require(
            shutil.which("runuser") is not None and _has_user("postgres"),
            "as root, a 'postgres' user and runuser are needed to run a server",
            "MOTCUA_REQUIRE_POSTGRES",
        )
    made = Pair(bindir)
    try:
        made.create()
        yield made
    finally:
        made.remove()


def _has_user(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def env_for(pair: Pair, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("MOTCUA_TEST_DATABASE", "MOTCUA_REPLICA_URL")}
    env.update(DATABASE_URL=pair.url(pair.primary_port), MOTCUA_ENV="development", PYTHONUNBUFFERED="1", **extra)
    return env


def python(pair: Pair, *args: str, **extra) -> str:
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env_for(pair, **extra), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_dashboards_read_from_a_streaming_standby_and_survive_it_stopping(pair):
    python(pair, "manage.py", "migrate", "--no-input", "--verbosity", "0")
    replica = {"MOTCUA_REPLICA_URL": pair.url(pair.standby_port)}

    live = json.loads(python(pair, str(SCENARIO), "live", **replica).splitlines()[-1])
    for key, page in live["pages"].items():
        assert page["status"] == 200, key
        assert page["replica_queries"] > 0, f"{key} read nothing from the standby"
    assert live["committed_on_primary"] is True
    assert live["while_paused"] == [200, False]  # committed on the primary, not replayed: the page is the standby's
    assert live["once_replayed"] == [200, True]
    assert live["written_to_primary"] is True  # a write inside the replica context went to the primary

    pair.stop(pair.standby)
    down = json.loads(python(pair, str(SCENARIO), "down", **replica).splitlines()[-1])
    assert down["report"] == [[200, True], [200, True]]  # read from the primary instead
    assert all(status == 200 for status in down["pages"].values()), down["pages"]
    assert len(down["warnings"]) == 1 and "read replica unreachable" in down["warnings"][0]
