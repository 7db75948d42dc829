"""Each row of a dossier carries the dossier's receiving agency: the distribution column on Citus (docs/scaling.md).
Added empty, filled from the dossier in one statement per table, then required (dossiers.agency_column)."""

from django.db import migrations

from motcua.dossiers.agency_column import added, of_dossiers


class Migration(migrations.Migration):
    dependencies = [("payments", "0001_initial"), ("dossiers", "0013_rows_carry_receiving_agency")]

    operations = [
        *added(of_dossiers({"payment": "payments_payment"})),
    ]
