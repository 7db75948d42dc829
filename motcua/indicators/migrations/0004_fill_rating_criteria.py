"""Fill the rating criteria of the facts and the sums (0003 added them at 0) from the ratings already given, so the
satisfaction shares read from the sums are what counting the ratings gave before; `motcua indicators recompute
--check` compares the result with a rebuild.

Three UPDATE statements, not a loop over rows: batched updates from Python took about ten minutes for the 280,000
ratings of a million dossiers, and a province that has run for years holds ten times that. Only the ratings' JSON
differs between PostgreSQL and SQLite; `UPDATE … FROM` and `&` on integers are the same in both (SQLite ≥ 3.33).
"""

from django.db import migrations

# CRITERIA of indicators.models as it was when this migration was written: a migration must not follow later edits.
CRITERIA = {"time": 1, "contacts": 2, "information": 4, "attitude": 8, "lawful_cost": 16, "online": 32}


def answered(vendor: str, key: str) -> str:
    if vendor == "postgresql":
        return f"r.criteria ? '{key}'"
    return f"json_type(r.criteria, '$.{key}') IS NOT NULL"


def disliked(vendor: str, key: str) -> str:
    if vendor == "postgresql":
        return f"r.criteria -> '{key}' = 'false'::jsonb"
    return f"json_type(r.criteria, '$.{key}') = 'false'"


def fill(apps, schema_editor):
    connection = schema_editor.connection
    vendor = connection.vendor
    quote = connection.ops.quote_name
    Rating = apps.get_model("dossiers", "Rating")
    facts = quote(apps.get_model("indicators", "DossierFacts")._meta.db_table)
    ratings = quote(Rating._meta.db_table)
    bits = {
        "criteria_answered": " + ".join(f"(CASE WHEN {answered(vendor, k)} THEN {b} ELSE 0 END)" for k, b in CRITERIA.items()),
        "criteria_disliked": " + ".join(f"(CASE WHEN {disliked(vendor, k)} THEN {b} ELSE 0 END)" for k, b in CRITERIA.items()),
    }
    month = "date_trunc('month', rated_on)::date" if vendor == "postgresql" else "date(rated_on, 'start of month')"
    columns = [(f"{kind}_{key}", f"criteria_{'answered' if kind == 'rated' else 'disliked'}", bit)
               for key, bit in CRITERIA.items() for kind in ("rated", "disliked")]
    sums = ", ".join(f"SUM(CASE WHEN ({source} & {bit}) <> 0 THEN 1 ELSE 0 END) AS {quote(name)}"
                     for name, source, bit in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {facts} SET {', '.join(f'{quote(c)} = {v}' for c, v in bits.items())} "
            f"FROM {ratings} AS r WHERE r.dossier_id = {facts}.dossier_id AND {facts}.rated_on IS NOT NULL"
        )
        for name, day in (("DailyFigure", "rated_on"), ("MonthlyFigure", month)):
            table = quote(apps.get_model("indicators", name)._meta.db_table)
            cursor.execute(
                f"UPDATE {table} SET {', '.join(f'{quote(c)} = s.{quote(c)}' for c, _, _ in columns)} "
                f"FROM (SELECT {day} AS day, agency_id, procedure_id, channel, {sums} FROM {facts} "
                f"WHERE rated_on IS NOT NULL AND criteria_answered <> 0 "
                f"GROUP BY {day}, agency_id, procedure_id, channel) AS s "
                f"WHERE {table}.day = s.day AND {table}.agency_id = s.agency_id "
                f"AND {table}.procedure_id = s.procedure_id AND {table}.channel = s.channel"
            )


class Migration(migrations.Migration):
    dependencies = [("indicators", "0003_rating_criteria_in_sums"), ("dossiers", "0011_step_agency_between_agencies")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
