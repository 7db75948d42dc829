"""Seed the override table with the dates DOMAIN.md 0a requires (idempotent; mirrors calendar.VN_OVERRIDES).

The values are copied here, not imported, so this migration keeps its meaning if the constant changes later.
"""
import datetime as dt

from django.db import migrations

NEW_YEAR_2026 = "Công văn 12729/VPCP-KGVX ngày 25/12/2025"
SEED = [
    (dt.date(2025, 4, 26), "makeup_workday", "Làm bù cho ngày nghỉ thứ Sáu 02/05/2025 (dịp 30/4 - 1/5)",
     "Hoán đổi ngày làm việc dịp 30/4 - 1/5/2025 (số hiệu văn bản chưa đối chiếu)"),
    (dt.date(2026, 1, 2), "swapped_off", "Tết Dương lịch 2026, làm bù thứ Bảy 10/01/2026", NEW_YEAR_2026),
    (dt.date(2026, 1, 10), "makeup_workday", "Làm bù cho ngày nghỉ thứ Sáu 02/01/2026 (Tết Dương lịch)",
     NEW_YEAR_2026),
    (dt.date(2026, 8, 22), "makeup_workday", "Làm bù cho ngày nghỉ thứ Hai 31/08/2026 (dịp Quốc khánh)",
     "Hoán đổi ngày làm việc dịp Quốc khánh 2026 (số hiệu văn bản chưa đối chiếu)"),
]


def seed(apps, schema_editor):
    CalendarOverride = apps.get_model("workdays", "CalendarOverride")
    for date, kind, name, legal_basis in SEED:
        CalendarOverride.objects.update_or_create(
            date=date, defaults={"kind": kind, "name": name, "legal_basis": legal_basis})


def unseed(apps, schema_editor):
    CalendarOverride = apps.get_model("workdays", "CalendarOverride")
    CalendarOverride.objects.filter(date__in=[row[0] for row in SEED]).delete()


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
