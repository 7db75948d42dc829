"""Deadline arithmetic (tính thời hạn giải quyết hồ sơ) for DOMAIN.md 0a and 1.10.

Pure module: no Django, no database, no clock. Every function takes the `Calendar` to use; datetimes may be naive
(read as Vietnam time) or aware, and results are aware datetimes in Asia/Ho_Chi_Minh (+07:00).
"""

from __future__ import annotations

import calendar as gregorian
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from motcua.workdays.calendar import (
    WEEKEND_REASONS,
    Calendar,
    OfficeHours,
    fmt_date,
    fmt_moment,
    local,
)
from motcua.workdays.working_time import (
    ZERO,
    DeadlineError,
    Interval,
    advance,
    merge_pauses,
    working_time_between,
)

WORKING_HOURS = "working_hours"
WORKING_DAYS = "working_days"
DAYS = "days"
MONTHS = "months"
WITHIN_DAY = "within_day"
UNITS = (WORKING_HOURS, WORKING_DAYS, DAYS, MONTHS, WITHIN_DAY)
UNIT_LABELS = {
    WORKING_HOURS: "giờ làm việc",
    WORKING_DAYS: "ngày làm việc",
    DAYS: "ngày",
    MONTHS: "tháng",
    WITHIN_DAY: "trong ngày",
}
WORKING_DAY = dt.timedelta(hours=8)  # 8 working hours = 1 working day (DOMAIN.md 1.10, QĐ 766 `thoiGianThucHien/8`)


class ExtensionError(ValueError):
    """Đề nghị gia hạn giải quyết hồ sơ không hợp lệ."""


def _fraction(amount: object) -> Fraction:
    if isinstance(amount, bool) or not isinstance(amount, (int, float, Decimal, Fraction)):
        raise DeadlineError(f"Thời hạn phải là một số, không phải '{amount}'.")
    try:
        return Fraction(str(amount)) if isinstance(amount, float) else Fraction(amount)
    except (ValueError, OverflowError):
        raise DeadlineError(f"Thời hạn không hợp lệ: {amount}.") from None


def fmt_number(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.4g}".replace(".", ",")


def fmt_span(span: dt.timedelta) -> str:
    """A working time as "40 giờ", "2 giờ 40 phút", "30 phút"."""
    minutes = round(span.total_seconds() / 60)
    hours, minutes = divmod(abs(minutes), 60)
    parts = ([f"{hours} giờ"] if hours else []) + ([f"{minutes} phút"] if minutes or not hours else [])
    return ("-" if span < ZERO else "") + " ".join(parts)


@dataclass(frozen=True)
class Duration:
    """Thời hạn giải quyết của một thủ tục: số lượng và đơn vị (giờ làm việc, ngày làm việc, ngày, tháng, trong ngày).

    Working units accept fractions (0.5 working day = 4 working hours); calendar days and months are whole numbers;
    the amount of "within_day" is ignored.
    """

    amount: int | float | Decimal | Fraction
    unit: str

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise DeadlineError(f"Đơn vị thời hạn không hợp lệ: '{self.unit}' (chỉ nhận {', '.join(UNITS)}).")
        value = _fraction(self.amount)
        if value < 0:
            raise DeadlineError(f"Thời hạn không được âm: {self.amount}.")
        if self.unit in (DAYS, MONTHS) and value.denominator != 1:
            raise DeadlineError(f"Thời hạn tính theo {UNIT_LABELS[self.unit]} phải là số nguyên: {self.amount}.")

    @property
    def value(self) -> Fraction:
        return _fraction(self.amount)

    @property
    def counts_working_time(self) -> bool:
        return self.unit in (WORKING_HOURS, WORKING_DAYS)

    def working_time(self) -> dt.timedelta:
        """The working time to elapse, for the working units."""
        hours = self.value * (8 if self.unit == WORKING_DAYS else 1)
        return dt.timedelta(microseconds=round(hours * 3600 * 10**6))

    def label(self) -> str:
        if self.unit == WITHIN_DAY:
            return "trong ngày"
        return f"{fmt_number(self.value)} {UNIT_LABELS[self.unit]}"

    def to_dict(self) -> dict[str, object]:
        value = self.value
        amount = value.numerator if value.denominator == 1 else float(value)
        return {"amount": amount, "unit": self.unit, "label": self.label()}


@dataclass(frozen=True)
class Skipped:
    """Một ngày không làm việc nằm trong khoảng tính thời hạn, và lý do."""

    date: dt.date
    reason: str


@dataclass
class Due:
    """Kết quả tính hạn: thời điểm nhận, thời điểm tiếp nhận được tính, hạn giải quyết, các ngày nghỉ và diễn giải."""

    received: dt.datetime
    receipt: dt.datetime
    due: dt.datetime
    duration: Duration
    skipped: list[Skipped] = field(default_factory=list)
    explanation: list[str] = field(default_factory=list)
    paused: dt.timedelta = ZERO

    def to_dict(self) -> dict[str, object]:
        return {
            "received": local(self.received).isoformat(),
            "receipt": self.receipt.isoformat(),
            "due": self.due.isoformat(),
            "duration": self.duration.to_dict(),
            "paused_seconds": int(self.paused.total_seconds()),
            "skipped": [{"date": s.date.isoformat(), "reason": s.reason} for s in self.skipped],
            "explanation": list(self.explanation),
        }


# --- receipt ---------------------------------------------------------------------------------------------------


def _receipt(submitted: dt.datetime, cal: Calendar, hours: OfficeHours) -> tuple[dt.datetime, str | None]:
    moment = local(submitted)
    day, time = moment.date(), moment.timetz().replace(tzinfo=None)
    reason = cal.why_not_working(day)
    if reason is not None:
        why = f"{fmt_date(day)} không phải ngày làm việc ({reason})"
    elif time >= hours.afternoon_end:
        why = "nhận sau giờ làm việc"
    elif time > hours.cutoff:
        why = f"nhận sau {hours.cutoff:%H:%M} (giờ chốt tiếp nhận trong ngày)"
    elif time < hours.morning_start:
        at = hours.opening(day)
        return at, f"Nhận trước giờ làm việc: tính là tiếp nhận lúc {fmt_moment(at)}."
    elif hours.morning_end <= time < hours.afternoon_start:
        at = dt.datetime.combine(day, hours.afternoon_start, tzinfo=moment.tzinfo)
        return at, f"Nhận trong giờ nghỉ trưa: tính là tiếp nhận lúc {fmt_moment(at)}."
    else:
        return moment, None
    at = hours.opening(cal.next_working_day(day))
    return at, f"{why[0].upper()}{why[1:]}: tính là tiếp nhận lúc {fmt_moment(at)} (ngày làm việc tiếp theo)."


def receipt_moment(submitted: dt.datetime, cal: Calendar, hours: OfficeHours | None = None) -> dt.datetime:
    """Thời điểm tiếp nhận được tính: outside office hours, on a non-working day or after the cut-off → opening of
    the next working day; during the lunch break before the cut-off → start of the afternoon session."""
    return _receipt(submitted, cal, hours or cal.hours)[0]


# --- due -------------------------------------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day `months` later, clamped to the last day of a shorter month (Civil Code 2015, art. 148)."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return dt.date(year, month, min(day.day, gregorian.monthrange(year, month)[1]))


def _calendar_end(
    receipt: dt.datetime, duration: Duration, cal: Calendar, hours: OfficeHours, lines: list[str]
) -> dt.datetime:
    start = receipt.date()
    if duration.unit == WITHIN_DAY:
        lines.append("Thủ tục giải quyết trong ngày: hạn là cuối giờ làm việc của ngày tiếp nhận.")
        return hours.closing(start)
    n = int(duration.value)
    last = add_months(start, n) if duration.unit == MONTHS else start + dt.timedelta(days=n)
    lines.append(
        f"Thời hạn {duration.label()} tính theo lịch (kể cả ngày nghỉ), bắt đầu từ ngày sau ngày tiếp "
        f"nhận {start:%d/%m/%Y} (Bộ luật Dân sự 2015, Điều 147): ngày cuối cùng là {fmt_date(last)}."
    )
    reason = cal.why_not_working(last)
    if reason is not None:
        moved = cal.next_working_day(last)
        lines.append(
            f"Ngày cuối cùng là ngày nghỉ ({reason}): thời hạn kết thúc vào cuối ngày làm việc tiếp theo, "
            f"{fmt_date(moved)} (Bộ luật Dân sự 2015, Điều 148 khoản 5)."
        )
        last = moved
    return hours.closing(last)


def due(
    received: dt.datetime,
    duration: Duration,
    cal: Calendar,
    pauses: Sequence[Interval] = (),
    hours: OfficeHours | None = None,
) -> Due:
    """Hạn giải quyết of a dossier received at `received` (DOMAIN.md 0a); Due.skipped says why each day was skipped.

    Working units: the moment `duration` of working time has elapsed after the receipt moment. Calendar days and
    months: end of office hours of the last day, or of the next working day when the last day is not worked.
    Within the day: end of office hours of the receipt day. Each pause stops the clock: the due moment moves by
    exactly the working time paused (for every unit)."""
    hours = hours or cal.hours
    received_at = local(received)
    receipt, note = _receipt(received_at, cal, hours)
    merged = merge_pauses(pauses)
    lines = [f"Nhận hồ sơ lúc {fmt_moment(received_at)}."]
    if note:
        lines.append(note)
    if duration.counts_working_time:
        need = duration.working_time()
        lines.append(
            f"Thời hạn {duration.label()}: hạn là khi đủ {fmt_span(need)} làm việc kể từ thời điểm tiếp "
            f"nhận (8 giờ làm việc = 1 ngày làm việc; không tính ngày nghỉ và ngoài giờ làm việc)."
        )
    else:
        need = working_time_between(receipt, _calendar_end(receipt, duration, cal, hours, lines), cal, hours=hours)
    due_at = advance(receipt, need, cal, hours, merged)
    paused = ZERO
    if merged:
        paused = working_time_between(receipt, due_at, cal, hours=hours) - need
        for pause_start, pause_end in merged:
            counted = working_time_between(max(pause_start, receipt), min(pause_end, due_at), cal, hours=hours)
            if pause_start < due_at and pause_end > receipt:
                lines.append(
                    f"Tạm dừng tính thời hạn từ {fmt_moment(pause_start)} đến {fmt_moment(pause_end)}: "
                    f"{fmt_span(max(counted, ZERO))} làm việc."
                )
        lines.append(f"Hạn được lùi thêm {fmt_span(paused)} làm việc do thời gian tạm dừng.")
    skipped = [
        Skipped(day, reason)
        for day, reason in cal.non_working_days(min(received_at.date(), receipt.date()), due_at.date())
    ]
    if duration.counts_working_time:
        lines.extend(
            f"Không tính {fmt_date(s.date)}: {'nghỉ cuối tuần' if s.reason in WEEKEND_REASONS.values() else s.reason}."
            for s in skipped
        )
    lines.append(f"Hạn giải quyết: {fmt_moment(due_at)}.")
    return Due(received, receipt, due_at, duration, skipped, lines, paused)


def restart_after_supplement(
    resubmitted: dt.datetime, duration: Duration, cal: Calendar, pauses: Sequence[Interval] = ()
) -> Due:
    """Bổ sung hồ sơ sau tiếp nhận: the legal deadline restarts from zero when the complete dossier is received
    again (DOMAIN.md 1.10); the 766 statistics use `due(..., pauses=...)` on the first receipt instead."""
    result = due(resubmitted, duration, cal, pauses)
    result.explanation.insert(
        0, "Hồ sơ đã được bổ sung đầy đủ: thời hạn giải quyết được tính lại từ đầu kể từ thời điểm nhận lại hồ sơ."
    )
    return result


def working_promise(
    moment: dt.datetime, cal: Calendar, hours: OfficeHours | None = None
) -> tuple[dt.datetime, str | None]:
    """A promised return moment (ngày hẹn trả) at which the office is open, and why it was moved (None if not).

    - on a day that is not a working day: the end of office hours of the next working day (Bộ luật Dân sự 2015,
      Điều 148(5): a period whose last day is a day off ends at the end of the next working day);
    - on a working day after closing time: the end of office hours that day (the last working moment of it);
    - before opening or in the lunch break: the next opening of that day.
    """
    hours = hours or cal.hours
    moment = local(moment)
    day, time = moment.date(), moment.timetz().replace(tzinfo=None)
    reason = cal.why_not_working(day)
    if reason is not None:
        at = hours.closing(cal.next_working_day(day))
        return at, (
            f"{fmt_date(day)} không phải ngày làm việc ({reason}): hẹn trả chuyển sang {fmt_moment(at)}, "
            "cuối giờ làm việc của ngày làm việc tiếp theo (Bộ luật Dân sự 2015, Điều 148 khoản 5)."
        )
    if time > hours.afternoon_end:
        at = hours.closing(day)
        return at, f"Sau giờ làm việc: hẹn trả là {fmt_moment(at)}, cuối giờ làm việc của ngày đó."
    if time < hours.morning_start:
        at = hours.opening(day)
        return at, f"Trước giờ làm việc: hẹn trả là {fmt_moment(at)}, đầu giờ làm việc của ngày đó."
    if hours.morning_end < time < hours.afternoon_start:
        at = dt.datetime.combine(day, hours.afternoon_start, tzinfo=moment.tzinfo)
        return at, f"Trong giờ nghỉ trưa: hẹn trả là {fmt_moment(at)}, đầu giờ làm việc buổi chiều."
    return moment, None


def check_extension(
    due_at: dt.datetime, requested_at: dt.datetime, new_due: dt.datetime, already_extended: bool, cal: Calendar
) -> None:
    """Gia hạn giải quyết: only once per dossier, asked at least 1 working day before the due moment, to a later
    moment. Raises ExtensionError with the reason; returns None when the extension is allowed."""
    if already_extended:
        raise ExtensionError("Hồ sơ đã được gia hạn một lần; mỗi hồ sơ chỉ được gia hạn một lần.")
    left = working_time_between(requested_at, due_at, cal)
    if left < WORKING_DAY:
        raise ExtensionError(
            f"Phải đề nghị gia hạn chậm nhất 01 ngày làm việc trước hạn giải quyết "
            f"({fmt_moment(due_at)}); thời gian làm việc còn lại: {fmt_span(max(left, ZERO))}."
        )
    if local(new_due) <= local(due_at):
        raise ExtensionError(
            f"Hạn mới ({fmt_moment(new_due)}) phải sau hạn giải quyết hiện tại ({fmt_moment(due_at)})."
        )
