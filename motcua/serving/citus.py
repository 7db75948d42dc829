"""Distributing a migrated motcua database over a Citus cluster (`motcua citus distribute`, docs/scaling.md).

The dossier side is distributed on the receiving agency, which never changes in a dossier's life: the dossier and
every row of it (events, documents, steps, supplement requests, rating tokens, the rating, payments, notices, the
facts the figures count) live on one shard, together with the agency-keyed daily code counter and the figures. The
registry (units, agencies, users and their rights), the catalogue, the calendar and the PAKN are reference tables,
copied to every node. What is left (the task queue, sessions, rate limits, idempotency records, one-time codes,
portal drafts and uploads, heartbeats, official scores, sector KPIs) stays on the coordinator as Citus-managed
local tables.

What Citus requires of a distributed table, and what this module does about it (the spike, docs/scaling.md §3):
- every primary key and unique constraint holds the distribution column: the primary key becomes
  (column, id), every other unique constraint or index gets the column in front;
- a foreign key between distributed tables is co-located and holds the column: a row's link to its dossier (or a
  notice's to its event) becomes (receiving_agency_id, dossier_id) → (receiving_agency_id, id);
- a foreign key from a distributed or reference table may only point at a reference table, and one from a local
  table at a reference or local one: the others (a draft's link to the dossier it became, a local table's link to a
  dossier) are dropped and listed by `motcua citus status`; the application keeps them (it only ever sets them to
  rows it has just read).

Run after every `migrate`: it only does what is not done yet, in one transaction.
"""

from dataclasses import dataclass

from django.db import connection, transaction

# (table, distribution column); the first is the co-location group's anchor
DISTRIBUTED = [
    ("dossiers_dossier", "receiving_agency_id"),
    ("dossiers_event", "receiving_agency_id"),
    ("dossiers_document", "receiving_agency_id"),
    ("dossiers_step", "receiving_agency_id"),
    ("dossiers_supplementrequest", "receiving_agency_id"),
    ("dossiers_signature", "receiving_agency_id"),
    ("dossiers_ratingtoken", "receiving_agency_id"),
    ("portal_rating", "receiving_agency_id"),
    ("payments_payment", "receiving_agency_id"),
    ("integrations_notice", "receiving_agency_id"),
    ("indicators_dossierfacts", "receiving_agency_id"),
    ("national_syncitem", "receiving_agency_id"),
    ("national_dossiersync", "receiving_agency_id"),
    ("dossiers_dailysequence", "agency_id"),
    ("dossiers_resultsequence", "agency_id"),
    ("indicators_dailyfigure", "agency_id"),
    ("indicators_monthlyfigure", "agency_id"),
]
REFERENCE_APPS = (
    "agencies",
    "accounts",
    "auth",
    "contenttypes",
    "catalog",
    "workdays",
    "feedback",
    "authtoken",
    "signing",  # the trust store and the signing keys: a few rows an agency, read beside every signature
)
# the links between distributed tables: (table, column) → (table it points at), made composite on the column
CO_LOCATED_LINKS = {
    (table, "dossier_id"): "dossiers_dossier"
    for table, column in DISTRIBUTED
    if column == "receiving_agency_id" and table != "dossiers_dossier"
} | {
    ("integrations_notice", "event_id"): "dossiers_event",
    ("national_syncitem", "event_id"): "dossiers_event",
    ("dossiers_signature", "document_id"): "dossiers_document",
}


@dataclass
class ForeignKey:
    table: str
    name: str
    columns: list[str]
    target: str
    target_columns: list[str]
    deferrable: bool


def is_citus() -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'citus'")
        return cursor.fetchone() is not None


def reference_tables() -> list[str]:
    from django.apps import apps

    tables = set()
    for label in REFERENCE_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            tables.add(model._meta.db_table)
    return sorted(tables)


def _rows(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def placed() -> dict[str, str]:
    """{table: 'h' (distributed), 'n' (reference) or 'l' (Citus-managed local)} for the tables Citus knows."""
    # a Citus-managed local table has the reference tables' method, 'n', but no replication ('s', not 't'): Citus
    # makes one of a coordinator table that gets a foreign key to a reference table
    rows = _rows(
        "SELECT logicalrelid::regclass::text, CASE WHEN partmethod = 'n' AND repmodel <> 't' THEN 'l' "
        "ELSE partmethod END FROM pg_dist_partition"
    )
    return {name.strip('"'): method for name, method in rows}


def foreign_keys(tables) -> list[ForeignKey]:
    """The foreign keys from or to `tables`."""
    rows = _rows(
        """
        SELECT c.conrelid::regclass::text, c.conname, c.confrelid::regclass::text, c.condeferrable,
               ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i),
               ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                     JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)
        FROM pg_constraint c
        WHERE c.contype = 'f' AND (c.conrelid::regclass::text = ANY(%s) OR c.confrelid::regclass::text = ANY(%s))
        ORDER BY 1, 2
        """,
        [list(tables), list(tables)],
    )
    return [ForeignKey(t, n, list(cols), target, list(tcols), d) for t, n, target, d, cols, tcols in rows]


def _unique_without(table: str, column: str):
    """The table's primary key, unique constraints and unique indexes that do not hold `column`:
    (name, is_constraint, is_primary, columns, predicate)."""
    return _rows(
        """
        SELECT i.indexrelid::regclass::text, c.conname IS NOT NULL, i.indisprimary,
               ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(n, o)
                     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o),
               pg_get_expr(i.indpred, i.indrelid)
        FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.contype IN ('p', 'u')
        WHERE i.indrelid = %s::regclass AND i.indisunique
          AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attname = %s
                          AND a.attnum = ANY(i.indkey))
        """,
        [table, column],
    )


def distribute(log=print, shard_count: int | None = None) -> list[str]:
    """Make the database's placement the one above; returns the foreign keys it dropped (table.name).
    `shard_count`: shards of the co-location group when it is made (Citus's default, 32, otherwise)."""
    if not is_citus():
        raise RuntimeError("Cơ sở dữ liệu này không có phần mở rộng Citus.")
    dropped: list[str] = []
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL citus.enable_local_reference_table_foreign_keys = off")
        cursor.execute("SET LOCAL citus.multi_shard_modify_mode = 'sequential'")
        if shard_count:
            cursor.execute(f"SET LOCAL citus.shard_count = {int(shard_count)}")
        done = placed()
        distributed = dict(DISTRIBUTED)
        # inside a migration (serving/citus_db) a table may not be made yet, or not have its distribution column
        # yet: it is placed once it has
        ready = _ready(reference_tables(), distributed)
        # a table a migration made on a distributed cluster without serving/citus_db is a Citus-managed local
        # table: placed like a new one
        reference = [t for t in reference_tables() if done.get(t) != "n" and t in ready]
        todo = [t for t, _ in DISTRIBUTED if done.get(t) != "h" and t in ready]
        if not reference and not todo:
            return dropped
        # 1. every foreign key from or to a table about to be placed goes, to be added back once the tables are
        # placed, in the form Citus allows
        keys = foreign_keys(reference + todo)
        for key in keys:
            cursor.execute(f'ALTER TABLE "{key.table}" DROP CONSTRAINT "{key.name}"')
        # 2. the keys of the tables to distribute hold the distribution column
        for table in todo:
            column = distributed[table]
            for name, is_constraint, is_primary, columns, predicate in _unique_without(table, column):
                cols = _cols([column, *columns])
                if is_constraint:
                    constraint = name.split(".")[-1].strip('"')
                    cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{constraint}"')
                    kind = "PRIMARY KEY" if is_primary else "UNIQUE"
                    cursor.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{constraint}" {kind} ({cols})')
                else:
                    cursor.execute(f"DROP INDEX {name}")
                    where = f" WHERE {predicate}" if predicate else ""
                    cursor.execute(f'CREATE UNIQUE INDEX {name} ON "{table}" ({cols}){where}')
        # 3. place them: reference tables, then the distributed ones co-located with the dossiers
        for table in reference:
            cursor.execute("SELECT create_reference_table(%s)", [table])
        anchor = DISTRIBUTED[0][0]
        for table in todo:
            colocate = "default" if table == anchor else anchor
            cursor.execute(
                "SELECT create_distributed_table(%s, %s, colocate_with => %s)", [table, distributed[table], colocate]
            )
        # 4. the foreign keys back, where Citus allows them
        kinds = placed()
        for key in keys:
            form = link_form(key.table, key.columns, key.target, key.target_columns, kinds)
            if form is None:
                dropped.append(f"{key.table}.{key.name}")
                continue
            columns, target_columns = form
            deferrable = " DEFERRABLE INITIALLY DEFERRED" if key.deferrable else ""
            cursor.execute(
                f'ALTER TABLE "{key.table}" ADD CONSTRAINT "{key.name}" FOREIGN KEY ({_cols(columns)}) '
                f'REFERENCES "{key.target}" ({_cols(target_columns)}){deferrable}'
            )
        log(f"Đã phân tán {len(todo)} bảng, {len(reference)} bảng tham chiếu; bỏ {len(dropped)} khóa ngoại.")
    return dropped


def link_form(table: str, columns: list, target: str, target_columns: list, kinds: dict):
    """The foreign key table(columns) → target(target_columns) as Citus can hold it, the tables being where `kinds`
    says ('h', 'n', 'l' or absent): (columns, target columns), composite on the distribution column between
    co-located distributed tables; None when Citus cannot hold it (to a distributed table from elsewhere, from a
    distributed table to a coordinator one, from a reference table to a local one): the application keeps it."""
    source, goal = kinds.get(table), kinds.get(target)
    if source == "h" and goal == "h":
        if (CO_LOCATED_LINKS.get((table, columns[0])) if len(columns) == 1 else None) != target:
            return None
        distributed = dict(DISTRIBUTED)
        return [distributed[table], *columns], [distributed[target], *target_columns]
    if goal != "n" and not (source is None and goal is None):
        return None
    return columns, target_columns


def _ready(reference: list[str], distributed: dict[str, str]) -> set[str]:
    """The tables that exist, and for those to distribute, have their distribution column."""
    rows = _rows(
        """
        SELECT t.name FROM unnest(%s::text[], %s::text[]) AS t(name, col)
        WHERE to_regclass(quote_ident(t.name)) IS NOT NULL
          AND (t.col = '' OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = to_regclass(quote_ident(t.name))
                                     AND a.attname = t.col AND NOT a.attisdropped))
        """,
        [[*reference, *distributed], [""] * len(reference) + list(distributed.values())],
    )
    return {name for (name,) in rows}


def _cols(columns) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def shard_count() -> int:
    """The number of shards of the dossiers' co-location group."""
    return _rows("SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'dossiers_dossier'::regclass")[0][0]


def worker_ports() -> set[str]:
    return {str(port) for _, port in _rows("SELECT * FROM citus_get_active_worker_nodes()")}
