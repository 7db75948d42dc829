"""The state → TrangThaiHoSo table as it stands (DOMAIN.md 1.11), in force from 1 January 2019: the national
portal's code list of Decree 61/2018 and Circular 01/2018. Refused (8 "Dừng xử lý"), supplement (5) and payment
(6) stay themselves: never folded into 9 as one province's code does (NATIONAL.md §1.3)."""

from datetime import date

from django.db import migrations

CODES = {
    "submitted": 1,
    "desk_supplement": 5,
    "rejected_at_desk": 3,
    "received": 2,
    "in_progress": 4,
    "supplement": 5,
    "awaiting_payment": 6,
    "awaiting_approval": 4,
    "approved": 4,
    "awaiting_signature": 4,
    "awaiting_seal": 4,
    "issued": 9,
    "refused": 8,
    "returned": 10,
    "stopped": 8,
    "withdrawn": 7,
}


def seed(apps, schema_editor):
    StatusCode = apps.get_model("national", "StatusCode")
    StatusCode.objects.bulk_create(
        [StatusCode(state=state, code=code, valid_from=date(2019, 1, 1)) for state, code in CODES.items()]
    )


class Migration(migrations.Migration):
    dependencies = [("national", "0001_outbox")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
