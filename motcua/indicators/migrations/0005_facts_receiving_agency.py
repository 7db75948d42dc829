"""Each row of a dossier carries the dossier's receiving agency: the distribution column on Citus (docs/scaling.md).
Added empty, filled from the dossier in one statement per table, then required."""

import django.db.models.deletion
from django.db import migrations, models

FILL = {
    "indicators_dossierfacts": "SELECT d.receiving_agency_id FROM dossiers_dossier d WHERE d.id = indicators_dossierfacts.dossier_id",
}


def fill(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":  # checked now: ALTER TABLE refuses pending FK checks
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table, source in FILL.items():
            cursor.execute(f"UPDATE {table} SET receiving_agency_id = ({source}) WHERE receiving_agency_id IS NULL")


def field(null):
    return models.ForeignKey(
        db_index=False,
        editable=False,
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="agencies.agency",
        verbose_name="nơi tiếp nhận",
    )


class Migration(migrations.Migration):
    dependencies = [("indicators", "0004_fill_rating_criteria"), ("dossiers", "0013_rows_carry_receiving_agency")]

    operations = [
        migrations.AddField("dossierfacts", "receiving_agency", field(null=True)),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField("dossierfacts", "receiving_agency", field(null=False)),
    ]
