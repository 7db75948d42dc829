"""The database backend on a Citus cluster (MOTCUA_CITUS=1): PostgreSQL's, with a schema editor that lets `migrate`
run on a cluster already distributed by `motcua citus distribute` (serving/citus.py).

On a cluster not yet distributed (a fresh database) it does exactly what PostgreSQL's does. Once the dossier side is
distributed, a migration meets Citus's rules:
- a table it creates is placed as soon as it can be, where serving/citus.py says: a reference table at once, a
  dossier-side table once it has its distribution column (Django often adds a new table's links after creating it);
- a foreign key it adds takes the form Citus allows: between co-located distributed tables it holds the
  distribution column, to a reference table it stays as written, and one Citus cannot hold (from a distributed table
  to a coordinator table, or to a distributed table from elsewhere) is left to the application, as `distribute`
  does;
- a unique constraint on a distributed table holds the distribution column, and a column's check is added by name;
- it runs its statements on one connection per node, as Citus requires of a transaction adding foreign keys.
Without this, the first migration adding a link to a new table failed on every upgraded cluster (found by CI, on a
cluster kept from an earlier run).
"""

from django.db.backends.ddl_references import Columns, Statement
from django.db.backends.postgresql import base, schema

from motcua.serving import citus


class KeptByApplication(Statement):
    """A foreign key Citus cannot hold: not executed, as `distribute` drops such keys (the application keeps them)."""


class DatabaseSchemaEditor(schema.DatabaseSchemaEditor):
    # every foreign key through _create_fk_sql, which knows where the tables live
    sql_create_column_inline_fk = None

    def __enter__(self):
        self._placed = None
        editor = super().__enter__()
        if self.connection.in_atomic_block and self._placement() is not None:
            self.execute("SET LOCAL citus.multi_shard_modify_mode = 'sequential'")
            # as `distribute`: a coordinator table linked to a reference table stays a plain table
            self.execute("SET LOCAL citus.enable_local_reference_table_foreign_keys = off")
        return editor

    def _placement(self) -> dict[str, str] | None:
        """{table: kind} once the dossier side is distributed; None before (a plain PostgreSQL schema)."""
        if self._placed is None:
            kinds = citus.placed() if citus.is_citus() else {}
            self._placed = kinds if kinds.get(citus.DISTRIBUTED[0][0]) == "h" else {}
        return self._placed or None

    @staticmethod
    def _intended(table: str) -> str | None:
        """Where serving/citus.py places the table: 'h' distributed, 'n' reference, None on the coordinator."""
        if table in dict(citus.DISTRIBUTED):
            return "h"
        return "n" if table in citus.reference_tables() else None

    def _kind(self, table: str) -> str | None:
        """Where the table is when this migration's foreign keys are added: where it is meant to be, or where it is."""
        return self._intended(table) or (self._placement() or {}).get(table)

    def _place(self, table: str) -> None:
        kinds = self._placement()
        intended = self._intended(table)
        if kinds is not None and intended and kinds.get(table) != intended and not self.collect_sql:
            # the table's own foreign keys wait in deferred_sql: they are added once it is placed
            citus.distribute(log=lambda line: None)
            self._placed = None

    def create_model(self, model):
        super().create_model(model)
        self._place(model._meta.db_table)

    def add_field(self, model, field):
        table = model._meta.db_table
        check = field.db_parameters(connection=self.connection)["check"]
        if not check or (self._placement() or {}).get(table) is None:
            super().add_field(model, field)
        else:
            # Citus refuses ADD COLUMN with an unnamed CHECK (a PositiveIntegerField's): the column, then the check
            self.sql_check_constraint = ""
            try:
                super().add_field(model, field)
            finally:
                del self.sql_check_constraint
            name = self._create_index_name(table, [field.column], suffix="_check")
            self.execute(self._create_check_sql(model, self.quote_name(name), check))
        self._place(table)

    def _create_fk_sql(self, model, field, suffix):
        statement = super()._create_fk_sql(model, field, suffix)
        if self._placement() is None:
            return statement
        table, target = model._meta.db_table, field.target_field.model._meta.db_table
        kinds = {name: kind for name in (table, target) if (kind := self._kind(name))}
        form = citus.link_form(table, [field.column], target, [field.target_field.column], kinds)
        if form is None:
            return KeptByApplication("")
        statement.parts["column"] = Columns(table, form[0], self.quote_name)
        statement.parts["to_column"] = Columns(target, form[1], self.quote_name)
        return statement

    def _create_unique_sql(self, model, fields, *args, **kwargs):
        table = model._meta.db_table
        column = dict(citus.DISTRIBUTED).get(table)
        if self._placement() is not None and column and column not in [f.column for f in fields]:
            # Citus keeps a row unique only within its shard: the constraint holds the distribution column, in
            # front, as `distribute` makes it on a fresh cluster
            fields = [next(f for f in model._meta.local_fields if f.column == column), *fields]
        return super()._create_unique_sql(model, fields, *args, **kwargs)

    def execute(self, sql, params=()):
        if isinstance(sql, KeptByApplication):
            return None
        return super().execute(sql, params)


class DatabaseWrapper(base.DatabaseWrapper):
    SchemaEditorClass = DatabaseSchemaEditor
