"""The migration operations that give the rows of a dossier its receiving agency, the distribution column on Citus
(docs/scaling.md): dossiers 0013, payments 0002, indicators 0005, integrations 0003. Each table's column is added
empty, filled by one UPDATE, then required. Migrations run this code as it is: change it only with a new
migration that needs the change, never under the ones above."""

from django.db import migrations, models


def _field(null: bool) -> models.ForeignKey:
    return models.ForeignKey(
        db_index=False,
        editable=False,
        null=null,
        on_delete=models.PROTECT,
        related_name="+",
        to="agencies.agency",
        verbose_name="nơi tiếp nhận",
    )


def of_dossiers(tables: dict[str, str]) -> dict[str, tuple[str, str]]:
    """`added`'s sources for {model name: table} whose rows have a dossier_id: each row takes its dossier's."""
    return {
        model: (table, f"SELECT d.receiving_agency_id FROM dossiers_dossier d WHERE d.id = {table}.dossier_id")
        for model, table in tables.items()
    }


def added(sources: dict[str, tuple[str, str]]) -> list:
    """`sources`: {model name: (its table, the SQL expression that gives a row's agency)}."""

    def fill(apps, schema_editor):
        with schema_editor.connection.cursor() as cursor:
            if schema_editor.connection.vendor == "postgresql":  # checked now: ALTER TABLE refuses pending FK checks
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for table, source in sources.values():
                cursor.execute(f"UPDATE {table} SET receiving_agency_id = ({source}) WHERE receiving_agency_id IS NULL")

    return [
        *(migrations.AddField(model, "receiving_agency", _field(null=True)) for model in sources),
        migrations.RunPython(fill, migrations.RunPython.noop),
        *(migrations.AlterField(model, "receiving_agency", _field(null=False)) for model in sources),
    ]
