"""PostgreSQL only: pg_trgm and a trigram GIN index on the folded name, for ILIKE '%…%' and typo search.

SQLite has neither; there the catalogue (a few thousand rows) is scanned, which stays fast at that size.
"""
from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS catalog_procedure_name_trgm ON catalog_procedure USING gin (name_folded gin_trgm_ops)",
]
BACKWARD = ["DROP INDEX IF EXISTS catalog_procedure_name_trgm"]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)
    return apply


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]
    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
