"""Working time (thời gian làm việc): the office sessions of working days between two moments, less paused time,
and the moment a given amount of it has elapsed. The deadline rules (deadlines.py) are built on these.

Pure module: no Django, no database, no clock; datetimes may be naive (read as Vietnam time) or aware.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from motcua.workdays.calendar import MAX_SEARCH_DAYS, Calendar, CalendarError, OfficeHours, fmt_moment, local

ZERO = dt.timedelta(0)

Interval = tuple[dt.datetime, dt.datetime]


class DeadlineError(ValueError):
    """Dữ liệu tính thời hạn không hợp lệ."""


def merge_pauses(pauses: Sequence[Interval]) -> list[Interval]:
    spans = []
    for pause in pauses:
        try:
            start, end = pause
        except (TypeError, ValueError):
            raise DeadlineError("Mỗi khoảng tạm dừng phải gồm thời điểm bắt đầu và kết thúc.") from None
        if start is None or end is None:
            raise DeadlineError("Khoảng tạm dừng phải có cả thời điểm bắt đầu và kết thúc.")
        start, end = local(start), local(end)
        if end < start:
            raise DeadlineError(
                f"Khoảng tạm dừng kết thúc ({fmt_moment(end)}) trước khi bắt đầu ({fmt_moment(start)})."
            )
        if end > start:
            spans.append((start, end))
    merged: list[Interval] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _subtract(start: dt.datetime, end: dt.datetime, pauses: list[Interval]) -> Iterator[Interval]:
    """[start, end) minus the (merged, sorted) pauses."""
    for pause_start, pause_end in pauses:
        if pause_end <= start:
            continue
        if pause_start >= end:
            break
        if pause_start > start:
            yield start, pause_start
        start = max(start, pause_end)
        if start >= end:
            return
    if start < end:
        yield start, end


def _working_intervals(start: dt.datetime, cal: Calendar, hours: OfficeHours) -> Iterator[Interval]:
    """Office sessions of working days from `start` on, the first one clipped at `start`."""
    day, idle = start.date(), 0
    while True:
        if cal.is_working_day(day):
            idle = 0
            for session_start, session_end in hours.sessions(day):
                if session_end > start:
                    yield max(session_start, start), session_end
        else:
            idle += 1
            if idle > MAX_SEARCH_DAYS:
                raise CalendarError("Lịch không còn ngày làm việc nào: kiểm tra lại lịch làm việc.")
        day += dt.timedelta(days=1)


def advance(
    start: dt.datetime, need: dt.timedelta, cal: Calendar, hours: OfficeHours, pauses: list[Interval]
) -> dt.datetime:
    """The first moment at which `need` of unpaused working time has elapsed since `start`."""
    if need <= ZERO:
        return start
    for session_start, session_end in _working_intervals(start, cal, hours):
        for piece_start, piece_end in _subtract(session_start, session_end, pauses):
            span = piece_end - piece_start
            if need <= span:
                return piece_start + need  # landing exactly on a session end gives 11:30 / 17:00
            need -= span
    raise AssertionError("unreachable")


def working_time_between(
    start: dt.datetime,
    end: dt.datetime,
    cal: Calendar,
    pauses: Sequence[Interval] = (),
    hours: OfficeHours | None = None,
) -> dt.timedelta:
    """Thời gian làm việc giữa hai thời điểm (office hours of working days, less the paused time).

    Signed: negative when `end` is before `start` (how late a result was, for statistics)."""
    hours = hours or cal.hours
    start, end = local(start), local(end)
    if end < start:
        return -working_time_between(end, start, cal, pauses, hours)
    merged = merge_pauses(pauses)
    total, day = ZERO, start.date()
    while day <= end.date():
        if cal.is_working_day(day):
            for session_start, session_end in hours.sessions(day):
                lo, hi = max(session_start, start), min(session_end, end)
                if lo < hi:
                    total += sum((b - a for a, b in _subtract(lo, hi, merged)), ZERO)
        day += dt.timedelta(days=1)
    return total
