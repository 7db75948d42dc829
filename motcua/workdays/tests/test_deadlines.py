import datetime as dt

import pytest

from motcua.workdays.calendar import TZ, OfficeHours
from motcua.workdays.deadlines import (
    Duration,
    ExtensionError,
    add_months,
    check_extension,
    due,
    receipt_moment,
    restart_after_supplement,
)
from motcua.workdays.tests.helpers import CAL, d, vn
from motcua.workdays.working_time import DeadlineError, working_time_between

WD = "working_days"


def test_tet_2026_five_working_days_from_friday_13_february():
    result = due(vn("2026-02-13 10:00"), Duration(5, WD), CAL)
    assert result.due == vn("2026-02-27 10:00")
    assert result.due.isoformat() == "2026-02-27T10:00:00+07:00"
    skipped = {s.date: s.reason for s in result.skipped}
    assert [day for day in skipped if "Tết" in skipped[day]] == [d(f"2026-02-{n}") for n in range(16, 21)]
    assert skipped[d("2026-02-14")] == "Thứ Bảy" and skipped[d("2026-02-22")] == "Chủ nhật"
    assert result.explanation[-1] == "Hạn giải quyết: 10:00 thứ Sáu 27/02/2026."


@pytest.mark.parametrize(
    "received, duration, expected",
    [
        ("2026-03-02 07:30", Duration(1, WD), "2026-03-02 17:00"),
        ("2026-03-02 07:30", Duration(0.5, WD), "2026-03-02 11:30"),
        ("2026-03-02 13:00", Duration(4, "working_hours"), "2026-03-02 17:00"),
        ("2026-03-02 10:00", Duration(1.5, "working_hours"), "2026-03-02 11:30"),
        ("2026-03-02 10:00", Duration(2, "working_hours"), "2026-03-02 13:30"),
        ("2026-03-06 09:00", Duration(1, WD), "2026-03-09 09:00"),
    ],
)
def test_due_lands_on_the_session_end_not_on_the_next_session(received, duration, expected):
    assert due(vn(received), duration, CAL).due == vn(expected)


def test_make_up_saturday_22_august_2026_is_counted_and_31_august_skipped():
    assert due(vn("2026-08-21 09:00"), Duration(1, WD), CAL).due == vn("2026-08-22 09:00")
    result = due(vn("2026-08-28 09:00"), Duration(1, WD), CAL)
    assert result.due == vn("2026-09-03 09:00")
    assert [s.date.day for s in result.skipped] == [29, 30, 31, 1, 2]


@pytest.mark.parametrize(
    "received, expected",
    [
        ("2026-03-02 15:00", "2026-03-02 15:00"),  # at the cut-off: still today
        ("2026-03-02 15:01", "2026-03-03 07:30"),  # after it: next working day
        ("2026-03-06 15:30", "2026-03-09 07:30"),  # Friday afternoon → Monday
        ("2026-03-02 12:00", "2026-03-02 13:00"),  # lunch break → afternoon session
        ("2026-03-02 06:00", "2026-03-02 07:30"),  # before opening
        ("2026-03-02 18:00", "2026-03-03 07:30"),  # after closing
        ("2026-03-07 09:00", "2026-03-09 07:30"),  # Saturday
        ("2026-02-13 16:00", "2026-02-23 07:30"),  # after cut-off before Tết
    ],
)
def test_receipt_moment(received, expected):
    assert receipt_moment(vn(received), CAL) == vn(expected)


def test_the_cut_off_moves_the_clock_and_is_explained():
    result = due(vn("2026-03-02 15:30"), Duration(1, WD), CAL)
    assert result.receipt == vn("2026-03-03 07:30") and result.due == vn("2026-03-03 17:00")
    assert any("15:00" in line for line in result.explanation)


def test_agency_hours_and_cut_off_are_used():
    hours = OfficeHours(dt.time(8), dt.time(12), dt.time(13, 30), dt.time(17, 30), dt.time(16))
    cal = CAL.with_hours(hours)
    assert receipt_moment(vn("2026-03-02 15:30"), cal) == vn("2026-03-02 15:30")
    assert due(vn("2026-03-02 15:30"), Duration(1, WD), cal).due == vn("2026-03-03 15:30")
    assert receipt_moment(vn("2026-03-02 12:30"), cal) == vn("2026-03-02 13:30")
    assert receipt_moment(vn("2026-03-02 16:30"), CAL, hours) == vn("2026-03-03 08:00")


def test_naive_and_foreign_time_zones_are_read_as_vietnam_time():
    naive = due(dt.datetime(2026, 2, 13, 10), Duration(5, WD), CAL)
    utc = due(dt.datetime(2026, 2, 13, 3, tzinfo=dt.UTC), Duration(5, WD), CAL)
    assert naive.due == utc.due == vn("2026-02-27 10:00")
    assert naive.due.tzinfo == TZ


def test_sunday_holiday_observed_on_monday_is_skipped():
    # Friday 31/8/2018 + 1 working day: Sunday 2/9 (Quốc khánh) observed on Monday 3/9 → Tuesday 4/9.
    result = due(vn("2018-08-31 09:00"), Duration(1, WD), CAL)
    assert result.due == vn("2018-09-04 09:00")
    assert (d("2018-09-03"), "Quốc khánh (nghỉ bù)") in [(s.date, s.reason) for s in result.skipped]


def test_new_year_2026_swap():
    assert due(vn("2025-12-31 09:00"), Duration(2, WD), CAL).due == vn("2026-01-06 09:00")
    assert due(vn("2026-01-09 09:00"), Duration(1, WD), CAL).due == vn("2026-01-10 09:00")


def test_calendar_days_ending_on_a_weekend_end_on_the_next_working_day():
    result = due(vn("2026-03-02 09:00"), Duration(5, "days"), CAL)
    assert result.due == vn("2026-03-09 17:00")  # last day Saturday 7/3 → Monday 9/3, end of office hours
    assert [s.date for s in result.skipped] == [d("2026-03-07"), d("2026-03-08")]
    assert any("Điều 148" in line for line in result.explanation)
    assert due(vn("2026-03-02 09:00"), Duration(3, "days"), CAL).due == vn("2026-03-05 17:00")
    # Ten calendar days from 13/2/2026 end on Monday 23/2, Tết included in the count.
    assert due(vn("2026-02-13 09:00"), Duration(10, "days"), CAL).due == vn("2026-02-23 17:00")


def test_months_clamp_to_the_last_day_of_the_month():
    assert add_months(d("2024-01-31"), 1) == d("2024-02-29")
    assert add_months(d("2024-02-29"), 12) == d("2025-02-28")
    assert add_months(d("2025-11-30"), 3) == d("2026-02-28")
    assert due(vn("2024-01-31 09:00"), Duration(1, "months"), CAL).due == vn("2024-02-29 17:00")
    # 30/1/2026 + 1 month → 28/2/2026, a Saturday → Monday 2/3/2026.
    assert due(vn("2026-01-30 09:00"), Duration(1, "months"), CAL).due == vn("2026-03-02 17:00")


def test_within_day():
    assert due(vn("2026-03-06 10:00"), Duration(0, "within_day"), CAL).due == vn("2026-03-06 17:00")
    late = due(vn("2026-03-06 16:00"), Duration(0, "within_day"), CAL)
    assert late.receipt == vn("2026-03-09 07:30") and late.due == vn("2026-03-09 17:00")


def test_a_pause_stops_the_clock_for_the_paused_working_time():
    plain = due(vn("2026-03-02 09:00"), Duration(5, WD), CAL)
    assert plain.due == vn("2026-03-09 09:00")
    paused = due(
        vn("2026-03-02 09:00"), Duration(5, WD), CAL, pauses=[(vn("2026-03-04 10:00"), vn("2026-03-09 14:00"))]
    )
    assert paused.paused == dt.timedelta(hours=26, minutes=30)
    assert working_time_between(plain.due, paused.due, CAL) == paused.paused
    assert paused.due == vn("2026-03-12 11:30")
    with pytest.raises(DeadlineError, match="tạm dừng"):
        due(vn("2026-03-02 09:00"), Duration(5, WD), CAL, pauses=[(vn("2026-03-04 10:00"), vn("2026-03-03 10:00"))])


def test_supplement_restarts_the_legal_deadline_from_the_resubmission():
    result = restart_after_supplement(vn("2026-03-09 14:00"), Duration(5, WD), CAL)
    assert result.due == vn("2026-03-16 14:00")
    assert "tính lại từ đầu" in result.explanation[0]


def test_working_time_between():
    assert working_time_between(vn("2026-03-06 16:00"), vn("2026-03-09 08:30"), CAL) == dt.timedelta(hours=2)
    assert working_time_between(vn("2026-03-09 08:30"), vn("2026-03-06 16:00"), CAL) == -dt.timedelta(hours=2)
    assert working_time_between(vn("2026-03-02 11:00"), vn("2026-03-02 13:30"), CAL) == dt.timedelta(hours=1)
    assert working_time_between(vn("2026-02-13 00:00"), vn("2026-02-24 00:00"), CAL) == dt.timedelta(hours=16)
    week = (vn("2026-03-02 00:00"), vn("2026-03-07 00:00"))
    assert working_time_between(*week, CAL) == dt.timedelta(hours=40)
    assert working_time_between(*week, CAL, pauses=[(vn("2026-03-03 00:00"), vn("2026-03-04 00:00"))]) == dt.timedelta(
        hours=32
    )


def test_extension_rules():
    due_at = vn("2026-03-13 17:00")
    check_extension(due_at, vn("2026-03-12 17:00"), vn("2026-03-20 17:00"), False, CAL)
    with pytest.raises(ExtensionError, match="chỉ được gia hạn một lần"):
        check_extension(due_at, vn("2026-03-02 09:00"), vn("2026-03-20 17:00"), True, CAL)
    with pytest.raises(ExtensionError, match="chậm nhất 01 ngày làm việc"):
        check_extension(due_at, vn("2026-03-13 08:00"), vn("2026-03-20 17:00"), False, CAL)
    with pytest.raises(ExtensionError, match="chậm nhất 01 ngày làm việc"):
        check_extension(due_at, vn("2026-03-14 09:00"), vn("2026-03-20 17:00"), False, CAL)
    with pytest.raises(ExtensionError, match="phải sau hạn"):
        check_extension(due_at, vn("2026-03-02 09:00"), due_at, False, CAL)
    # Friday 17:00 due, asked Thursday 17:00 → exactly one working day before: allowed.
    check_extension(vn("2026-03-13 17:00"), vn("2026-03-12 17:00"), vn("2026-03-16 17:00"), False, CAL)


@pytest.mark.parametrize(
    "amount, unit, message",
    [
        (-1, WD, "không được âm"),
        (1, "weeks", "Đơn vị thời hạn không hợp lệ"),
        (1.5, "days", "số nguyên"),
        (1.5, "months", "số nguyên"),
        ("5", WD, "phải là một số"),
        (True, WD, "phải là một số"),
        (float("nan"), WD, "không hợp lệ"),
    ],
)
def test_invalid_durations_are_refused_in_vietnamese(amount, unit, message):
    with pytest.raises(DeadlineError, match=message):
        Duration(amount, unit)


def test_fractional_working_days_and_labels():
    assert Duration(0.5, WD).working_time() == dt.timedelta(hours=4)
    assert Duration(0.1, WD).working_time() == dt.timedelta(minutes=48)
    assert Duration(0.5, WD).label() == "0,5 ngày làm việc"
    assert Duration(0, "within_day").label() == "trong ngày"
    assert Duration(2, WD).to_dict() == {"amount": 2, "unit": WD, "label": "2 ngày làm việc"}
