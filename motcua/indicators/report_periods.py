"""Kỳ báo cáo: the periods a reform report covers (month, quarter, half-year, year, or from–to), their codes in the
page's `ky` parameter, and how the report's title and tables name them.

Split from `report.py` (issue 13): the report page, the sector KPI page and the report's text all read periods the
same way, and none of it needs the figures.
"""

import datetime as dt
import re

from django.utils import timezone

from .figures import Period

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
EARLIEST_YEAR = 2015


def half_year(year: int, half: int) -> Period:
    start, end = (
        (dt.date(year, 1, 1), dt.date(year, 6, 30)) if half == 1 else (dt.date(year, 7, 1), dt.date(year, 12, 31))
    )
    return Period(start, end, f"6 tháng {'đầu' if half == 1 else 'cuối'} năm {year}")


PERIOD_CODES = [
    (re.compile(r"^(\d{4})-(\d{2})$"), lambda y, n: Period.month(y, n) if 1 <= n <= 12 else None),
    (re.compile(r"^(\d{4})-Q(\d)$"), lambda y, n: Period.quarter(y, n) if 1 <= n <= 4 else None),
    (re.compile(r"^(\d{4})-H(\d)$"), lambda y, n: half_year(y, n) if n in (1, 2) else None),
    (re.compile(r"^(\d{4})$"), Period.year),
]


class PeriodError(ValueError):
    """A period that cannot be reported on; the message says why, in Vietnamese."""


def standard_period(code: str) -> Period | None:
    """ "2026-03" (month), "2026-Q1" (quarter), "2026-H1" (first half), "2026" (year); None for anything else."""
    for pattern, make in PERIOD_CODES:
        match = pattern.match((code or "").strip())
        if match:
            return make(*(int(part) for part in match.groups()))
    return None


def parse_period(code: str, today: dt.date | None = None) -> Period:
    """A standard period (`standard_period`) that has begun; PeriodError otherwise."""
    if not (code or "").strip():
        raise PeriodError("Chưa chọn kỳ báo cáo.")
    period = standard_period(code)
    if period is None:
        raise PeriodError(f"Kỳ báo cáo không hợp lệ: “{code}”. Chọn tháng, quý, 6 tháng, năm hoặc khoảng thời gian.")
    return sensible(period, today)


def sensible(period: Period, today: dt.date | None = None) -> Period:
    today = today or timezone.localdate()
    if period.end < period.start:
        raise PeriodError("Ngày kết thúc phải sau ngày bắt đầu.")
    if period.start.year < EARLIEST_YEAR:
        raise PeriodError(f"Kỳ báo cáo phải từ năm {EARLIEST_YEAR} trở đi.")
    if period.start > today:
        raise PeriodError(f"Kỳ báo cáo chưa bắt đầu: {period.label} bắt đầu sau ngày hôm nay.")
    return period


def period_code(period: Period) -> str:
    """The code `parse_period` reads back, or "" for a from–to period."""
    whole_months = period.start.day == 1 and (period.end + dt.timedelta(days=1)).day == 1
    months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
    if not whole_months or period.start.year != period.end.year:
        return ""
    y, m = period.start.year, period.start.month
    if months == 1:
        return f"{y}-{m:02d}"
    if months == 3 and m in (1, 4, 7, 10):
        return f"{y}-Q{(m + 2) // 3}"
    if months == 6 and m in (1, 7):
        return f"{y}-H{1 if m == 1 else 2}"
    if months == 12:
        return str(y)
    return ""


def period_phrase(period: Period) -> str:
    """The period as the title of the report names it: "quý I năm 2026", "tháng 3 năm 2026"."""
    code, year = period_code(period), period.start.year
    if not code:
        return f"từ ngày {period.start:%d/%m/%Y} đến ngày {period.end:%d/%m/%Y}"
    if code == str(year):
        return f"năm {year}"
    kind, number = code[5], int(code[-1])
    if kind == "Q":
        return f"quý {ROMAN[number]} năm {year}"
    if kind == "H":
        return f"6 tháng {'đầu' if number == 1 else 'cuối'} năm {year}"
    return f"tháng {period.start.month} năm {year}"


def period_choices(today: dt.date | None = None, years: int = 3) -> list[tuple[str, list[tuple[str, str]]]]:
    """Periods that have begun, newest first, grouped by year: the months, quarters, halves and the year."""
    today = today or timezone.localdate()
    groups = []
    for year in range(today.year, today.year - years, -1):
        periods = [Period.year(year), half_year(year, 2), half_year(year, 1)]
        periods += [Period.quarter(year, q) for q in (4, 3, 2, 1)]
        periods += [Period.month(year, m) for m in range(12, 0, -1)]
        groups.append((f"Năm {year}", [(period_code(p), p.label) for p in periods if p.start <= today]))
    return groups


def period_label(period: Period) -> str:
    """ "Tháng 03/2026", "Quý I/2026", "6 tháng đầu năm 2026", "Năm 2026" or "Từ 01/03/2026 đến 15/03/2026"."""
    return (standard_period(period_code(period)) or Period.between(period.start, period.end)).label


def next_period_phrase(period: Period) -> str:
    """The period after `period`, as the title of section III names it: "quý II năm 2026", "năm 2027"; "kỳ tới" after
    a from–to period."""
    code, year = period_code(period), period.start.year
    if not code:
        return "kỳ tới"
    if code == str(year):
        return f"năm {year + 1}"
    if code[5] == "Q":
        quarter = int(code[-1])
        return period_phrase(Period.quarter(year + quarter // 4, quarter % 4 + 1))
    if code[5] == "H":
        half = int(code[-1])
        return period_phrase(half_year(year + half // 2, half % 2 + 1))
    month = period.start.month
    return period_phrase(Period.month(year + month // 12, month % 12 + 1))
