import datetime as dt
from types import SimpleNamespace

import pytest

from motcua.workdays import services
from motcua.workdays.calendar import VN_OVERRIDES, OfficeHours
from motcua.workdays.models import CalendarOverride
from motcua.workdays.tests.helpers import d


@pytest.fixture(autouse=True)
def fresh_cache():
    services.clear_cache()
    yield
    services.clear_cache()


@pytest.mark.django_db
def test_migration_seeds_the_required_overrides():
    rows = {row.date: row for row in CalendarOverride.objects.all()}
    for override in VN_OVERRIDES:
        row = rows[override.date]
        assert (row.kind, row.name, row.legal_basis) == (override.kind, override.name, override.legal_basis)
    assert "12729/VPCP-KGVX" in rows[d("2026-01-02")].legal_basis
    assert str(rows[d("2026-01-10")]).startswith("10/01/2026 – Ngày làm bù")


@pytest.mark.django_db
def test_calendar_follows_the_override_table():
    assert services.calendar_for().is_working_day(d("2026-03-03"))
    row = CalendarOverride.objects.create(date=d("2026-03-03"), kind="holiday", name="Ngày nghỉ của tỉnh")
    assert services.calendar_for().why_not_working(d("2026-03-03")) == "Ngày nghỉ của tỉnh"
    row.kind, row.name = "swapped_off", "đổi sang thứ Bảy 07/03/2026"
    row.save()
    assert services.calendar_for().why_not_working(d("2026-03-03")).startswith("Nghỉ hoán đổi")
    row.delete()
    assert services.calendar_for().is_working_day(d("2026-03-03"))


@pytest.mark.django_db
def test_cache_is_reused_while_the_table_is_unchanged(django_assert_num_queries):
    first = services.calendar_for()
    with django_assert_num_queries(1):  # the fingerprint only
        assert services.calendar_for() is first


@pytest.mark.django_db
def test_rows_changed_behind_the_signals_are_seen():
    services.calendar_for()
    CalendarOverride.objects.bulk_create([CalendarOverride(date=d("2026-03-04"), kind="holiday", name="X")])
    assert services.calendar_for().why_not_working(d("2026-03-04")) == "X"


def test_agency_office_hours_with_defaults_for_missing_fields():
    agency = SimpleNamespace(
        code="A",
        morning_start=dt.time(8),
        morning_end=None,
        afternoon_start=dt.time(13, 30),
        afternoon_end=dt.time(17, 30),
        cutoff=None,
    )
    assert services.office_hours(agency) == OfficeHours(
        dt.time(8), dt.time(11, 30), dt.time(13, 30), dt.time(17, 30), dt.time(15)
    )
    broken = SimpleNamespace(
        code="B", morning_start=dt.time(14), morning_end=None, afternoon_start=None, afternoon_end=None, cutoff=None
    )
    assert services.office_hours(broken) == OfficeHours()
    assert services.office_hours(None) == OfficeHours()


@pytest.mark.django_db
def test_admin_lists_overrides_by_kind(admin_client):
    response = admin_client.get("/quan-tri/workdays/calendaroverride/", {"kind__exact": "makeup_workday"})
    assert response.status_code == 200
    assert "Làm bù cho ngày nghỉ thứ Sáu 02/01/2026" in response.content.decode()
