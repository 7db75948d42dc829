"""The database part of a backup: one consistent dump, what the manifest records of it, and its restore.

PostgreSQL: `pg_dump --format=custom` runs inside a snapshot that our own REPEATABLE READ transaction exported
(`pg_export_snapshot`), so the row counts, file references and chain heads read for the manifest describe exactly
the rows in the dump. `pg_restore` loads it in one transaction. The client tools must be at least the server's
major version (Debian: `postgresql-client-15` for a server 15); the ones under /usr/lib/postgresql/<major>/bin
are preferred, else those on PATH. Connection parameters are Django's own (NAME, USER, PASSWORD, HOST, PORT,
OPTIONS), handed to the tools as libpq variables, never on the command line.

SQLite: the online backup API (`sqlite3.Connection.backup`) copies the live database into `database.sqlite3`
while others keep working; the manifest is read from that copy. A restore copies it back the same way, which
replaces whatever the target database held.
"""

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.db import connection, models, transaction

DUMPS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
VENDORS = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
# The hash chains whose heads the manifest keeps: {key: (app label, model, what one of them is called)}.
CHAINS = {"dossiers": ("dossiers", "Dossier", "Hồ sơ"), "feedback": ("feedback", "Feedback", "PAKN")}
LIBPQ = {"HOST": "PGHOST", "PORT": "PGPORT", "USER": "PGUSER", "PASSWORD": "PGPASSWORD"}
LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
}


class BackupError(Exception):
    """Why a backup, a restore or a check cannot go on (in Vietnamese, for the person at the console)."""


@dataclass(frozen=True)
class Reference:
    """A row's file field: the stored file the row needs, and the SHA-256 the row recorded for it ("" if none)."""

    table: str
    pk: str
    name: str
    sha256: str


@dataclass
class Contents:
    """What the manifest records of a database, read in one consistent view of it."""

    tables: dict[str, int]
    migrations: list[str]
    references: list[Reference]
    chains: dict[str, dict[str, list]]  # {"dossiers": {code: [event count, head hash]}, "feedback": {...}}


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def file_fields():
    """(model, field) for every file field of every installed model."""
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                yield model, field


def labels() -> dict[str, str]:
    """{table: what one row of it is called} for the tables whose rows point at files."""
    return {model._meta.db_table: str(model._meta.verbose_name) for model, _ in file_fields()}


def tables(cursor, vendor: str) -> list[str]:
    """The tables of the database, in the same way for the live database and for a copy of it."""
    if vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")
        return [row[0] for row in cursor.fetchall()]
    return sorted(connection.introspection.table_names(cursor))


def read(cursor, names: list[str]) -> Contents:
    """Row counts, applied migrations, file references and chain heads, through a DB-API cursor."""
    counts = {}
    for name in sorted(names):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(name)}")
        counts[name] = cursor.fetchone()[0]
    migrations = []
    if "django_migrations" in counts:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        migrations = [f"{app}.{name}" for app, name in cursor.fetchall()]
    references = []
    for model, field in file_fields():
        table = model._meta.db_table
        if table not in counts:
            continue
        digest = next((f.column for f in model._meta.concrete_fields if f.name == "sha256"), None)
        columns = [quote(model._meta.pk.column), quote(field.column), quote(digest) if digest else "''"]
        cursor.execute(f"SELECT {', '.join(columns)} FROM {quote(table)} WHERE {quote(field.column)} <> '' ORDER BY 1")
        references += [Reference(table, str(pk), name, sha or "") for pk, name, sha in cursor.fetchall()]
    chains = {}
    for key, (app, model_name, _) in CHAINS.items():
        model = apps.get_model(app, model_name)
        heads = {}
        if model._meta.db_table in counts:
            cursor.execute(
                f"SELECT code, event_count, last_event_hash FROM {quote(model._meta.db_table)} "
                f"ORDER BY {quote(model._meta.pk.column)}"
            )
            heads = {code: [count, head or ""] for code, count, head in cursor.fetchall()}
        chains[key] = heads
    return Contents(counts, migrations, references, chains)


def read_live() -> Contents:
    with transaction.atomic(), connection.cursor() as cursor:
        return read(cursor, tables(cursor, connection.vendor))


def table_names() -> list[str]:
    with connection.cursor() as cursor:
        return tables(cursor, connection.vendor)


def _vendor() -> str:
    if connection.vendor not in DUMPS:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {connection.vendor}: chỉ PostgreSQL và SQLite.")
    return connection.vendor


# --- dump and restore ---------------------------------------------------------------------------------------------


def dump(directory: Path) -> tuple[dict, Contents]:
    """Write the database into `directory`; return (its entry in the manifest, what it holds)."""
    vendor = _vendor()
    if connection.in_atomic_block:
        raise BackupError("Sao lưu phải chạy ngoài một giao dịch cơ sở dữ liệu đang mở.")
    path = directory / DUMPS[vendor]
    info, contents = _dump_postgresql(path) if vendor == "postgresql" else _dump_sqlite(path)
    return {
        "vendor": vendor,
        "file": path.name,
        "size": path.stat().st_size,
        "sha256": sha256_file(path),
        **info,
    }, contents


def _dump_postgresql(path: Path) -> tuple[dict, Contents]:
    major = server_major()
    tool, version = pg_tool("pg_dump", major)
    connection.ensure_connection()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        run(
            [tool, "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}", f"--file={path}"],
            "pg_dump",
        )
        contents = read(cursor, tables(cursor, "postgresql"))
    return {"server_version": str(connection.pg_version), "tool": version}, contents


def _dump_sqlite(path: Path) -> tuple[dict, Contents]:
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        cursor = target.cursor()
        contents = read(cursor, tables(cursor, "sqlite"))
    finally:
        target.close()
    return {"server_version": sqlite3.sqlite_version, "tool": "sqlite3.Connection.backup"}, contents


def load(path: Path, vendor: str) -> None:
    """Load a dump into the (empty) database of this installation."""
    if vendor != _vendor():
        raise BackupError(
            f"Bản sao lưu là của {VENDORS.get(vendor, vendor)}, còn hệ thống này dùng "
            f"{VENDORS[connection.vendor]}: không khôi phục chéo được."
        )
    if vendor == "postgresql":
        tool, _ = pg_tool("pg_restore", server_major())
        # Comments are left out: COMMENT ON EXTENSION needs the extension's owner, often not our role.
        run(
            [
                tool,
                "--no-owner",
                "--no-privileges",
                "--no-comments",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={connection.settings_dict['NAME']}",
                str(path),
            ],
            "pg_restore",
        )
        return
    connection.ensure_connection()
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def wipe() -> None:
    """Drop every table of the database (restore --force, and the tests' "lost everything")."""
    names = table_names()
    if connection.vendor == "postgresql":
        if names:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS {', '.join(quote(n) for n in names)} CASCADE")
        return
    with connection.constraint_checks_disabled(), connection.cursor() as cursor:
        for name in names:
            cursor.execute(f"DROP TABLE IF EXISTS {quote(name)}")
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'")
        if cursor.fetchone():
            cursor.execute("DELETE FROM sqlite_sequence")


# --- PostgreSQL client tools --------------------------------------------------------------------------------------


def server_major() -> int:
    connection.ensure_connection()
    return connection.pg_version // 10000


def pg_tool(name: str, major: int) -> tuple[str, str]:
    """(path, `--version` line) of a PostgreSQL client tool of at least the server's major version."""
    for candidate in (f"/usr/lib/postgresql/{major}/bin/{name}", shutil.which(name)):
        if not candidate or not os.access(candidate, os.X_OK):
            continue
        version = subprocess.run([candidate, "--version"], capture_output=True, text=True, check=True).stdout.strip()
        found = re.search(r"\(PostgreSQL\) (\d+)", version)
        if found and int(found.group(1)) >= major:
            return candidate, version
        raise BackupError(f"{name} ({version}) cũ hơn máy chủ PostgreSQL {major}: cài gói postgresql-client-{major}.")
    raise BackupError(
        f"Không tìm thấy {name}: cài gói postgresql-client-{major} (Debian: apt-get install postgresql-client-{major})."
    )


def libpq_environment() -> dict[str, str]:
    settings = connection.settings_dict
    environment = {**os.environ, "PGDATABASE": str(settings["NAME"])}
    environment.update({var: str(settings[key]) for key, var in LIBPQ.items() if settings.get(key)})
    options = settings.get("OPTIONS") or {}
    environment.update({var: str(options[key]) for key, var in LIBPQ_OPTIONS.items() if options.get(key)})
    return environment


def run(command: list[str], what: str) -> None:
    result = subprocess.run(command, env=libpq_environment(), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{what} thất bại (mã thoát {result.returncode}): {result.stderr.strip()[-2000:]}")
