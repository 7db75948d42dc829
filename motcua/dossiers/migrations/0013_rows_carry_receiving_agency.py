"""Each row of a dossier carries the dossier's receiving agency: the distribution column on Citus (docs/scaling.md).
Added empty, filled from the dossier in one statement per table, then required."""

import django.db.models.deletion
from django.db import migrations, models

FILL = {
    "dossiers_document": "SELECT d.receiving_agency_id FROM dossiers_dossier d WHERE d.id = dossiers_document.dossier_id",
    "dossiers_step": "SELECT d.receiving_agency_id FROM dossiers_dossier d WHERE d.id = dossiers_step.dossier_id",
    "dossiers_supplementrequest": "SELECT d.receiving_agency_id FROM dossiers_dossier d WHERE d.id = dossiers_supplementrequest.dossier_id",
    "dossiers_event": "SELECT d.receiving_agency_id FROM dossiers_dossier d WHERE d.id = dossiers_event.dossier_id",
    "dossiers_ratingtoken": "SELECT d.receiving_agency_id FROM dossiers_dossier d WHERE d.id = dossiers_ratingtoken.dossier_id",
    "portal_rating": "SELECT d.receiving_agency_id FROM dossiers_dossier d WHERE d.id = portal_rating.dossier_id",
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
    dependencies = [("dossiers", "0012_idempotency_created"), ("agencies", "0002_agency_portal_code")]

    operations = [
        migrations.AddField("document", "receiving_agency", field(null=True)),
        migrations.AddField("step", "receiving_agency", field(null=True)),
        migrations.AddField("supplementrequest", "receiving_agency", field(null=True)),
        migrations.AddField("event", "receiving_agency", field(null=True)),
        migrations.AddField("ratingtoken", "receiving_agency", field(null=True)),
        migrations.AddField("rating", "receiving_agency", field(null=True)),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField("document", "receiving_agency", field(null=False)),
        migrations.AlterField("step", "receiving_agency", field(null=False)),
        migrations.AlterField("supplementrequest", "receiving_agency", field(null=False)),
        migrations.AlterField("event", "receiving_agency", field(null=False)),
        migrations.AlterField("ratingtoken", "receiving_agency", field(null=False)),
        migrations.AlterField("rating", "receiving_agency", field(null=False)),
        # ordered by the dossier's id, not by the dossier's own ordering: no join to the dossier (a join Citus
        # could not run on a column other than the distribution column)
        migrations.AlterModelOptions(
            "document",
            {"ordering": ["dossier_id", "kind", "id"], "verbose_name": "giấy tờ", "verbose_name_plural": "giấy tờ"},
        ),
        migrations.AlterModelOptions(
            "event",
            {
                "ordering": ["dossier_id", "seq"],
                "verbose_name": "sự kiện hồ sơ",
                "verbose_name_plural": "nhật ký hồ sơ",
            },
        ),
        migrations.AlterModelOptions(
            "step",
            {
                "ordering": ["dossier_id", "started_at", "id"],
                "verbose_name": "bước xử lý",
                "verbose_name_plural": "bước xử lý",
            },
        ),
        migrations.AlterModelOptions("supplementrequest", {"ordering": ["dossier_id", "number"]}),
    ]
