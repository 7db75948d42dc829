"""Each row of a dossier carries the dossier's receiving agency: the distribution column on Citus (docs/scaling.md).
Added empty, filled from the dossier (or the PAKN) in one statement, then required (dossiers.agency_column)."""

from django.db import migrations

from motcua.dossiers.agency_column import added


class Migration(migrations.Migration):
    dependencies = [
        ("integrations", "0002_notice_for_feedback"),
        ("dossiers", "0013_rows_carry_receiving_agency"),
        ("feedback", "0002_sender_supplement"),
    ]

    operations = [
        *added(
            {
                "notice": (
                    "integrations_notice",
                    "COALESCE("
                    "(SELECT d.receiving_agency_id FROM dossiers_dossier d "
                    "WHERE d.id = integrations_notice.dossier_id), "
                    "(SELECT f.receiving_agency_id FROM feedback_feedback f JOIN feedback_feedbackevent e "
                    "ON e.feedback_id = f.id WHERE e.id = integrations_notice.feedback_event_id))",
                )
            }
        ),
    ]
