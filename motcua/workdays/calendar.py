"""Working-day calendar (lịch làm việc): office hours, public holidays, swapped days off, make-up working days.

Pure module: no Django, no database, no clock. The service layer builds a `Calendar` from the `holidays` package
plus the override table and passes it to the deadline functions (DOMAIN.md 0a and 8).
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from motcua.vntext.formats import VIETNAM, in_vietnam

TZ = VIETNAM

HOLIDAY = "holiday"
SWAPPED_OFF = "swapped_off"
MAKEUP_WORKDAY = "makeup_workday"
KINDS = (HOLIDAY, SWAPPED_OFF, MAKEUP_WORKDAY)

WEEKDAY_NAMES = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
WEEKEND_REASONS = {5: "Thứ Bảy", 6: "Chủ nhật"}
# A calendar with no working day for this many days is misconfigured; searches stop instead of looping forever.
MAX_SEARCH_DAYS = 3660


class CalendarError(ValueError):
    """Lịch làm việc cấu hình sai (ví dụ không còn ngày làm việc nào)."""


@dataclass(frozen=True)
class OfficeHours:
    """Giờ làm việc (giờ hành chính) của một cơ quan và giờ chốt tiếp nhận trong ngày."""

    morning_start: dt.time = dt.time(7, 30)
    morning_end: dt.time = dt.time(11, 30)
    afternoon_start: dt.time = dt.time(13, 0)
    afternoon_end: dt.time = dt.time(17, 0)
    cutoff: dt.time = dt.time(15, 0)

    def __post_init__(self) -> None:
        if not (self.morning_start < self.morning_end <= self.afternoon_start < self.afternoon_end):
            raise CalendarError("Giờ làm việc không hợp lệ: buổi sáng phải kết thúc trước buổi chiều.")
        if not (self.morning_start <= self.cutoff <= self.afternoon_end):
            raise CalendarError("Giờ chốt tiếp nhận phải nằm trong giờ làm việc.")

    def sessions(self, day: dt.date) -> tuple[tuple[dt.datetime, dt.datetime], ...]:
        """The two office sessions of `day` as tz-aware [start, end) intervals (whether or not the day is worked)."""
        return (
            (_at(day, self.morning_start), _at(day, self.morning_end)),
            (_at(day, self.afternoon_start), _at(day, self.afternoon_end)),
        )

    def opening(self, day: dt.date) -> dt.datetime:
        return _at(day, self.morning_start)

    def closing(self, day: dt.date) -> dt.datetime:
        return _at(day, self.afternoon_end)


@dataclass(frozen=True)
class Override:
    """Một ngày điều chỉnh lịch: ngày lễ, ngày nghỉ hoán đổi hoặc ngày làm bù, kèm căn cứ pháp lý."""

    date: dt.date
    kind: str
    name: str = ""
    legal_basis: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise CalendarError(f"Loại ngày không hợp lệ: '{self.kind}' (chỉ nhận {', '.join(KINDS)}).")


# DOMAIN.md 0a: entries every motcua calendar carries, whatever the `holidays` package says. The package (v0.109)
# already has 2025-05-02 and 2026-08-31 off as substituted days, and their Saturdays in `weekend_workdays`; the
# make-up Saturdays are repeated here so the calendar does not depend on that, and the override table is seeded
# with these entries. The 2026 New Year swap is not in the package at all.
VN_OVERRIDES: tuple[Override, ...] = (
    Override(
        dt.date(2025, 4, 26),
        MAKEUP_WORKDAY,
        "Làm bù cho ngày nghỉ thứ Sáu 02/05/2025 (dịp 30/4 - 1/5)",
        "Hoán đổi ngày làm việc dịp 30/4 - 1/5/2025 (số hiệu văn bản chưa đối chiếu)",
    ),
    Override(
        dt.date(2026, 1, 2),
        SWAPPED_OFF,
        "Tết Dương lịch 2026, làm bù thứ Bảy 10/01/2026",
        "Công văn 12729/VPCP-KGVX ngày 25/12/2025",
    ),
    Override(
        dt.date(2026, 1, 10),
        MAKEUP_WORKDAY,
        "Làm bù cho ngày nghỉ thứ Sáu 02/01/2026 (Tết Dương lịch)",
        "Công văn 12729/VPCP-KGVX ngày 25/12/2025",
    ),
    Override(
        dt.date(2026, 8, 22),
        MAKEUP_WORKDAY,
        "Làm bù cho ngày nghỉ thứ Hai 31/08/2026 (dịp Quốc khánh)",
        "Hoán đổi ngày làm việc dịp Quốc khánh 2026 (số hiệu văn bản chưa đối chiếu)",
    ),
)


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=TZ)


def local(moment: dt.datetime) -> dt.datetime:
    """`moment` in Vietnam time; a naive datetime is taken as Vietnam local time.

    The name the deadline code uses for the project's one conversion to Vietnam time, `vntext.formats.in_vietnam`
    (the lowest foundation: every printed moment goes through it too); a caller whose moment may be missing checks
    for None itself."""
    return in_vietnam(moment)


def fmt_date(day: dt.date) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()]} {day:%d/%m/%Y}"


def fmt_moment(moment: dt.datetime) -> str:
    moment = local(moment)
    return f"{moment:%H:%M} {fmt_date(moment.date())}"


# A year's entries: {date: (kind, reason)}
Entries = dict[dt.date, tuple[str, str]]
YearSeed = Callable[[int], Entries]


class _Store:
    """The day data shared by calendars that differ only in office hours; seeded years are loaded lazily."""

    def __init__(self, explicit: Entries, seed: YearSeed | None):
        self.explicit = explicit
        self.seed = seed
        self.seeded: Entries = {}
        self.years: set[int] = set()
        self.lock = threading.Lock()

    def entry(self, day: dt.date) -> tuple[str, str] | None:
        found = self.explicit.get(day)
        if found is not None:
            return found
        if self.seed is not None and day.year not in self.years:
            self.load(day.year)
        return self.seeded.get(day)

    def load(self, year: int) -> None:
        with self.lock:
            if year in self.years or self.seed is None:
                return
            for day, value in self.seed(year).items():
                self.seeded.setdefault(day, value)
            # Entries of other years a seed may yield (a make-up day across New Year) stay; the year is marked done.
            self.years.add(year)


class Calendar:
    """Lịch ngày làm việc: thứ Hai - thứ Sáu, trừ ngày lễ, Tết và ngày nghỉ hoán đổi, cộng ngày làm bù.

    `holidays`, `swapped_off` and `makeup_workdays` map a date to its name (reason). They win over `seed`, a
    function giving the entries of one year, called the first time a date of that year is asked about.
    """

    def __init__(
        self,
        holidays: Mapping[dt.date, str] | None = None,
        swapped_off: Mapping[dt.date, str] | None = None,
        makeup_workdays: Mapping[dt.date, str] | None = None,
        hours: OfficeHours = OfficeHours(),
        *,
        seed: YearSeed | None = None,
        _store: _Store | None = None,
    ):
        self.hours = hours
        if _store is not None:
            self._store = _store
            return
        explicit: Entries = {}
        for kind, mapping in ((HOLIDAY, holidays), (SWAPPED_OFF, swapped_off), (MAKEUP_WORKDAY, makeup_workdays)):
            for day, name in (mapping or {}).items():
                explicit[day] = (kind, _reason(kind, day, name))
        self._store = _Store(explicit, seed)

    def with_hours(self, hours: OfficeHours) -> Calendar:
        """The same days with other office hours (an agency's)."""
        return Calendar(hours=hours, _store=self._store)

    def kind(self, day: dt.date) -> str | None:
        """holiday / swapped_off / makeup_workday for an adjusted date, None for an ordinary one."""
        entry = self._store.entry(day)
        return entry[0] if entry else None

    def is_working_day(self, day: dt.date) -> bool:
        return self.why_not_working(day) is None

    def why_not_working(self, day: dt.date) -> str | None:
        """None for a working day, else why not: "Thứ Bảy", "Chủ nhật", the holiday's name, "Nghỉ hoán đổi ..."."""
        if isinstance(day, dt.datetime):
            day = local(day).date()
        entry = self._store.entry(day)
        if entry is not None:
            kind, reason = entry
            return None if kind == MAKEUP_WORKDAY else reason
        return WEEKEND_REASONS.get(day.weekday())

    def next_working_day(self, day: dt.date, *, include: bool = False) -> dt.date:
        """The first working day after `day` (or from `day` on, with include=True)."""
        current = day if include else day + dt.timedelta(days=1)
        for _ in range(MAX_SEARCH_DAYS):
            if self.is_working_day(current):
                return current
            current += dt.timedelta(days=1)
        raise CalendarError(f"Không tìm thấy ngày làm việc nào sau {day:%d/%m/%Y}: kiểm tra lại lịch làm việc.")

    def non_working_days(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
        """Every non-working day in [first, last] with its reason."""
        days, current = [], first
        while current <= last:
            reason = self.why_not_working(current)
            if reason is not None:
                days.append((current, reason))
            current += dt.timedelta(days=1)
        return days


def _reason(kind: str, day: dt.date, name: str) -> str:
    if kind == SWAPPED_OFF:
        return f"Nghỉ hoán đổi ({name})" if name else "Nghỉ hoán đổi"
    if kind == HOLIDAY:
        return name or "Ngày nghỉ lễ"
    return name or "Ngày làm bù"


def _vn_year(year: int) -> Entries:
    """One year of Vietnamese public holidays from the `holidays` package, in Vietnamese."""
    import holidays  # imported here: building a calendar without the package (tests, overrides only) still works

    # Neighbouring years too: a substitution across New Year (2018-12-31 off, 2019-01-05 worked) is recorded
    # while the package populates the earlier year.
    data = holidays.country_holidays("VN", years=(year - 1, year, year + 1), language="vi")
    # The package names a substituted day off "Ngày nghỉ (thay cho ngày dd/mm/yyyy)" ("Day off (substituted from
    # ...)" in English): build the pattern from its own label so a translation change does not break detection.
    label = data.tr(getattr(data, "substituted_label", "Ngày nghỉ (thay cho ngày %s)"))
    pattern = re.compile("^" + re.escape(label).replace("%s", "(?P<makeup>.+)") + "$")
    date_format = data.tr(getattr(data, "substituted_date_format", "%d/%m/%Y"))
    entries: Entries = {}
    for day, names in sorted(data.items()):
        if day.year != year:
            continue
        name = str(names)
        match = pattern.match(name)
        if match:
            try:
                makeup = dt.datetime.strptime(match["makeup"], date_format).date()
                entries[day] = (SWAPPED_OFF, f"Nghỉ hoán đổi (làm bù {fmt_date(makeup)})")
            except ValueError:
                entries[day] = (SWAPPED_OFF, f"Nghỉ hoán đổi ({name})")
        else:
            entries[day] = (HOLIDAY, name)
    # v0.109 records the make-up Saturdays of its substitutions in `weekend_workdays` (not in the mapping itself).
    for day in sorted(getattr(data, "weekend_workdays", ()) or ()):
        if day.year == year:
            entries[day] = (MAKEUP_WORKDAY, "Ngày làm bù")
    return entries


def vn_calendar(
    years: Iterable[int],
    overrides: Iterable[Override] = (),
    hours: OfficeHours = OfficeHours(),
    *,
    builtin: bool = True,
) -> Calendar:
    """Vietnam's calendar: the `holidays` package (country VN), then VN_OVERRIDES (unless builtin=False), then
    `overrides` (the last word for a date). `years` are loaded now; any other year is loaded when first asked."""
    explicit: dict[str, dict[dt.date, str]] = {kind: {} for kind in KINDS}
    for override in (*(VN_OVERRIDES if builtin else ()), *overrides):
        for mapping in explicit.values():
            mapping.pop(override.date, None)
        explicit[override.kind][override.date] = override.name
    calendar = Calendar(explicit[HOLIDAY], explicit[SWAPPED_OFF], explicit[MAKEUP_WORKDAY], hours, seed=_vn_year)
    for year in years:
        calendar._store.load(year)
    return calendar
