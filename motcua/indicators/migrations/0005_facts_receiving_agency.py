"""Each row of a dossier carries the dossier's receiving agency: the distribution column on Citus (docs/scaling.md).
Added empty, filled from the dossier in one statement per table, then required (dossiers.agency_column)."""

from django.db import migrations

from motcua.dossiers.agency_column import added, of_dossiers


class Migration(migrations.Migration):
    dependencies = [("indicators", "0004_fill_rating_criteria"), ("dossiers", "0013_rows_carry_receiving_agency")]

    operations = [
        *added(of_dossiers({"dossierfacts": "indicators_dossierfacts"})),
    ]
