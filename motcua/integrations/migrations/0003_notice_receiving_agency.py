"""Each row of a dossier carries the dossier's receiving agency: the distribution column on Citus (docs/scaling.md).
Added empty, filled from the dossier (or the PAKN) in one statement per table, then required."""

import django.db.models.deletion
from django.db import migrations, models

FILL = {
    "integrations_notice": "COALESCE("
    "(SELECT d.receiving_agency_id FROM dossiers_dossier d WHERE d.id = integrations_notice.dossier_id), "
    "(SELECT f.receiving_agency_id FROM feedback_feedback f JOIN feedback_feedbackevent e ON e.feedback_id = f.id "
    "WHERE e.id = integrations_notice.feedback_event_id))",
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
    dependencies = [
        ("integrations", "0002_notice_for_feedback"),
        ("dossiers", "0013_rows_carry_receiving_agency"),
        ("feedback", "0002_sender_supplement"),
    ]

    operations = [
        migrations.AddField("notice", "receiving_agency", field(null=True)),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField("notice", "receiving_agency", field(null=False)),
    ]
