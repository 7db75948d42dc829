import datetime as dt

import pytest

from motcua.workdays.calendar import (
    HOLIDAY,
    MAKEUP_WORKDAY,
    SWAPPED_OFF,
    VN_OVERRIDES,
    Calendar,
    CalendarError,
    OfficeHours,
    Override,
    vn_calendar,
)
from motcua.workdays.tests.helpers import CAL, d


def test_weekends_are_named_in_vietnamese():
    assert CAL.why_not_working(d("2026-03-07")) == "Thứ Bảy"
    assert CAL.why_not_working(d("2026-03-08")) == "Chủ nhật"
    assert CAL.why_not_working(d("2026-03-09")) is None


def test_tet_2026_runs_from_monday_16_to_friday_20_february():
    for day in range(16, 21):
        reason = CAL.why_not_working(dt.date(2026, 2, day))
        assert reason is not None and "Tết" in reason
    assert CAL.is_working_day(d("2026-02-13")) and CAL.is_working_day(d("2026-02-23"))


def test_new_year_2026_swap_friday_2_off_saturday_10_worked():
    assert CAL.kind(d("2026-01-02")) == SWAPPED_OFF
    assert CAL.why_not_working(d("2026-01-02")).startswith("Nghỉ hoán đổi")
    assert CAL.kind(d("2026-01-10")) == MAKEUP_WORKDAY and CAL.is_working_day(d("2026-01-10"))
    assert not CAL.is_working_day(d("2026-01-03"))


def test_package_swaps_and_make_up_saturdays():
    # The package has the days off; DOMAIN.md 0a requires the make-up Saturdays as working days.
    assert CAL.why_not_working(d("2025-05-02")) == "Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)"
    assert CAL.why_not_working(d("2026-08-31")) == "Nghỉ hoán đổi (làm bù thứ Bảy 22/08/2026)"
    assert CAL.is_working_day(d("2025-04-26")) and CAL.is_working_day(d("2026-08-22"))


def test_make_up_saturdays_hold_without_the_package_marking_them():
    cal = vn_calendar([2026])
    assert all(cal.is_working_day(o.date) for o in VN_OVERRIDES if o.kind == MAKEUP_WORKDAY)


def test_holiday_on_a_sunday_is_observed_the_next_monday():
    # 2 September 2018 was a Sunday (Labor Code art. 111(3)); so was Hùng Kings' Day 2026 (26 April).
    assert CAL.why_not_working(d("2018-09-02")) == "Quốc khánh"
    assert CAL.why_not_working(d("2018-09-03")) == "Quốc khánh (nghỉ bù)"
    assert CAL.why_not_working(d("2026-04-27")) == "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)"


def test_years_outside_the_preloaded_ones_are_loaded_on_demand():
    cal = vn_calendar([])
    assert cal.why_not_working(d("2030-09-02")) == "Quốc khánh"
    # A substitution across New Year: 31/12/2018 off, made up on Saturday 5/1/2019.
    assert cal.kind(d("2019-01-05")) == MAKEUP_WORKDAY
    assert cal.kind(d("2018-12-31")) == SWAPPED_OFF


def test_vietnam_culture_day_from_2026():
    assert CAL.why_not_working(d("2026-11-24")) == "Ngày Văn hóa Việt Nam"
    assert CAL.is_working_day(d("2025-11-24"))


def test_overrides_have_the_last_word():
    cal = vn_calendar(
        [2026],
        [
            Override(d("2026-03-03"), HOLIDAY, "Ngày nghỉ riêng của tỉnh", "QĐ 1/2026"),
            Override(d("2026-01-02"), MAKEUP_WORKDAY, "Hủy hoán đổi"),
            Override(d("2026-03-07"), MAKEUP_WORKDAY),
        ],
    )
    assert cal.why_not_working(d("2026-03-03")) == "Ngày nghỉ riêng của tỉnh"
    assert cal.is_working_day(d("2026-01-02")) and cal.is_working_day(d("2026-03-07"))
    assert vn_calendar([2026], builtin=False).why_not_working(d("2026-01-02")) is None


def test_a_plain_calendar_needs_no_package():
    cal = Calendar(
        holidays={d("2026-03-03"): "Lễ"}, swapped_off={d("2026-03-04"): "đổi"}, makeup_workdays={d("2026-03-07"): "bù"}
    )
    assert cal.why_not_working(d("2026-03-03")) == "Lễ"
    assert cal.why_not_working(d("2026-03-04")) == "Nghỉ hoán đổi (đổi)"
    assert cal.is_working_day(d("2026-03-07")) and not cal.is_working_day(d("2026-03-08"))
    assert cal.next_working_day(d("2026-03-02")) == d("2026-03-05")
    assert cal.next_working_day(d("2026-03-02"), include=True) == d("2026-03-02")


def test_invalid_office_hours_and_kinds_are_refused():
    with pytest.raises(CalendarError, match="Giờ làm việc không hợp lệ"):
        OfficeHours(morning_start=dt.time(12))
    with pytest.raises(CalendarError, match="Giờ chốt"):
        OfficeHours(cutoff=dt.time(18))
    with pytest.raises(CalendarError, match="Loại ngày không hợp lệ"):
        Override(d("2026-03-03"), "vacation")


def test_a_calendar_without_working_days_stops_searching():
    never = Calendar(holidays={dt.date(2026, 1, 1) + dt.timedelta(days=i): "x" for i in range(4000)})
    with pytest.raises(CalendarError, match="Không tìm thấy ngày làm việc"):
        never.next_working_day(d("2026-01-01"))
