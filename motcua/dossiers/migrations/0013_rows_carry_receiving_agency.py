"""Each row of a dossier carries the dossier's receiving agency: the distribution column on Citus (docs/scaling.md).
Added empty, filled from the dossier in one statement per table, then required (dossiers.agency_column)."""

from django.db import migrations

from motcua.dossiers.agency_column import added, of_dossiers


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0012_idempotency_created"), ("agencies", "0002_agency_portal_code")]

    operations = [
        *added(
            of_dossiers(
                {
                    "document": "dossiers_document",
                    "step": "dossiers_step",
                    "supplementrequest": "dossiers_supplementrequest",
                    "event": "dossiers_event",
                    "ratingtoken": "dossiers_ratingtoken",
                    "rating": "portal_rating",
                }
            )
        ),
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
