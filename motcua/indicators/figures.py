"""Figures of a scope (province, agency with its sub-agencies, level, procedure) over a period, from the daily sums.

Conventions (docs/indicators.md): a dossier belongs to its lead agency; the received cohort of a period is the
dossiers received in it; the dossiers handled in a period (766, 2.1) are those that ended in it plus those still
open at its end. A dossier still open is judged at the end of the period's last day, or now while the period runs.
Every figure has a drill-down (`dossiers`) that selects exactly the dossiers it counts.
"""

import calendar
import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils import timezone

from motcua.dossiers.states import Channel

from .models import COUNTERS, DailyFigure, DossierFacts, MonthlyFigure

# Cumulative counters give what was open at a day's end: received − ended, and overdue: due − settled.
ENDED = ["finished_early", "finished_on_time", "finished_late", "withdrawn"]
CUMULATIVE = ["received", *ENDED, "due", "settled"]
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    label: str = ""

    @classmethod
    def month(cls, year: int, month: int) -> "Period":
        last = calendar.monthrange(year, month)[1]
        return cls(dt.date(year, month, 1), dt.date(year, month, last), f"Tháng {month:02d}/{year}")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> "Period":
        first = 3 * quarter - 2
        return cls(dt.date(year, first, 1), cls.month(year, first + 2).end, f"Quý {ROMAN[quarter]}/{year}")

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), f"Năm {year}")

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> "Period":
        return cls(start, end, f"Từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}")

    def months(self) -> list["Period"]:
        months, cursor = [], self.start.replace(day=1)
        while cursor <= self.end:
            months.append(Period.month(cursor.year, cursor.month))
            cursor = (cursor + dt.timedelta(days=32)).replace(day=1)
        return months

    def __str__(self) -> str:
        return self.label or Period.between(self.start, self.end).label


@dataclass(frozen=True)
class Scope:
    """Whose figures: the whole province (no agency), an agency and everything below it, a level, a procedure."""

    agency_ids: tuple[int, ...] | None = None
    level: str = ""
    procedure_id: int | None = None
    label: str = "Toàn tỉnh"

    @classmethod
    def of_agency(cls, agency, **kwargs) -> "Scope":
        return cls(agency_ids=tuple(agency.descendant_ids()), label=agency.name, **kwargs)

    def q(self) -> Q:
        q = Q()
        if self.agency_ids is not None:
            q &= Q(agency_id__in=self.agency_ids)
        if self.level:
            q &= Q(agency__level=self.level)
        if self.procedure_id:
            q &= Q(procedure_id=self.procedure_id)
        return q


@dataclass
class Totals:
    """The plain counts of a scope and period, and what the indicators are made of."""

    sums: dict = field(default_factory=dict)
    carried_over: int = 0  # open at the start (kỳ trước chuyển sang)
    open_end: int = 0  # still open at the end (đang giải quyết)
    open_overdue: int = 0  # of which overdue (quá hạn)

    def __getattr__(self, name):
        if name in COUNTERS or name in CHANNEL_SUMS:
            return self.sums.get(name) or 0
        raise AttributeError(name)

    @property
    def unsynced(self) -> int:
        """Received, and not (yet) found on DVCQG by the reconciliation (766, 1.4): the gap to follow up."""
        return self.received - self.synced

    @property
    def open_within(self) -> int:
        return self.open_end - self.open_overdue

    @property
    def finished(self) -> int:
        """Ended in the period and judged (withdrawn ones are not)."""
        return self.finished_early + self.finished_on_time + self.finished_late

    @property
    def handled(self) -> int:
        """766, 2.1 denominator: ended in the period, or still open at its end."""
        return self.finished + self.open_end

    @property
    def early_or_on_time(self) -> int:
        """766, 2.1 numerator: ended early or on time, or still open and within time."""
        return self.finished_early + self.finished_on_time + self.open_within

    @property
    def late(self) -> int:
        return self.finished_late + self.open_overdue

    @property
    def avg_processing_days(self):
        return self.processing_seconds / 86400 / self.finished if self.finished else None


CHANNEL_SUMS = [f"received_{channel}" for channel in Channel.values]
DAY = dt.timedelta(days=1)


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def pieces(start: dt.date | None, end: dt.date) -> list[tuple[type, Q]]:
    """The rows that hold [start, end] (start None: since the beginning): the whole months from the monthly sums,
    the ragged ends from the daily sums."""
    found = []
    first_full = start if start is None or start.day == 1 else _next_month(start)
    if start is not None and first_full > start:
        found.append((DailyFigure, Q(day__range=(start, min(end, first_full - DAY)))))
        if first_full > end:
            return found
    after_full = end + DAY if (end + DAY).day == 1 else end.replace(day=1)
    if first_full is None or first_full < after_full:
        found.append((MonthlyFigure, Q(day__lt=after_full) & (Q(day__gte=first_full) if first_full else Q())))
    if after_full <= end:
        found.append((DailyFigure, Q(day__range=(after_full, end))))
    return found


def sums(
    scope: Scope, start: dt.date | None, end: dt.date, group: str | None = None, columns=(*COUNTERS, *CHANNEL_SUMS)
) -> dict:
    """The counters summed over [start, end], per value of `group` (or under None): one query per piece."""
    aggregates = {
        f"in__{c}": Sum("received", filter=Q(channel=c.removeprefix("received_"))) if c in CHANNEL_SUMS else Sum(c)
        for c in columns
    }
    found: dict = defaultdict(Counter)
    for model, q in pieces(start, end):
        rows = model.objects.filter(scope.q(), q)
        if group is None:
            rows = [rows.aggregate(**aggregates)]
        else:
            rows = rows.values(group).annotate(**aggregates).order_by()
        for row in rows:
            found[row.get(group)].update({k.removeprefix("in__"): v or 0 for k, v in row.items() if k != group})
    return found


def _totals(period: Counter, end: Counter, start: Counter, live_open: tuple[int, int] | None) -> Totals:
    def open_at(cumulative):
        return cumulative["received"] - sum(cumulative[c] for c in ENDED)

    totals = Totals(sums=dict(period), carried_over=open_at(start))
    if live_open is None:
        totals.open_end, totals.open_overdue = open_at(end), end["due"] - end["settled"]
    else:
        totals.open_end, totals.open_overdue = live_open
    return totals


def day_start(day: dt.date) -> dt.datetime:
    """The first moment of `day` in Vietnam time: periods are whole days, so [start, end] is
    [day_start(start), day_start(end + 1 day))."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def is_live(period: Period, now: dt.datetime | None = None) -> bool:
    return period.end >= timezone.localdate(now or timezone.now())


def _live_open(scope: Scope, now, group: str | None = None):
    """Open now, and of which overdue now: read from the open dossiers' facts (a bounded set, partial index)."""
    facts = DossierFacts.objects.filter(scope.q(), finished_on=None)
    counts = {"open": Count("pk"), "overdue": Count("pk", filter=Q(overdue_from__lte=now))}
    if group is None:
        row = facts.aggregate(**counts)
        return row["open"], row["overdue"]
    return {row[group]: (row["open"], row["overdue"]) for row in facts.values(group).annotate(**counts)}


def totals(scope: Scope, period: Period, now: dt.datetime | None = None, inside: Counter | None = None) -> Totals:
    """The figures of one scope and period: two small queries for a period of whole months (its sums, and the sums
    since the beginning up to its start), plus one for the open dossiers while it runs. `inside`, when given, is
    the period's sums already read (the scorecard reads them per procedure and adds them up)."""
    given = None if inside is None else {None: inside}
    return totals_by(scope, period, None, now, given).get(None) or _totals(Counter(), Counter(), Counter(), None)


def totals_by(
    scope: Scope, period: Period, group: str | None, now: dt.datetime | None = None, inside: dict | None = None
) -> dict:
    """Totals per agency_id or procedure_id (for rankings), with the same queries grouped."""
    now = now or timezone.now()
    if inside is None:
        inside = sums(scope, period.start, period.end, group)
    start = sums(scope, None, period.start - DAY, group, CUMULATIVE)
    # Up to the end is up to the start plus the period itself: the same days, added, so the rows of every month
    # since the beginning are not read a second time (issue 15: 51 ms of a province's year at 1M dossiers).
    end = {
        key: Counter({c: start.get(key, Counter())[c] + inside.get(key, Counter())[c] for c in CUMULATIVE})
        for key in set(start) | set(inside)
    }
    live = _live_open(scope, now, group) if is_live(period, now) else None
    if group is None and live is not None:
        live = {None: live}
    keys = set(end) | set(inside)
    return {
        key: _totals(
            inside.get(key, Counter()),
            end.get(key, Counter()),
            start.get(key, Counter()),
            None if live is None else live.get(key, (0, 0)),
        )
        for key in keys
    }


def monthly(scope: Scope, period: Period, now: dt.datetime | None = None) -> list[tuple[Period, Totals]]:
    """Totals of each month of the period (trends), from one query over the monthly sums."""
    now = now or timezone.now()
    months = period.months()
    aggregates = {f"in__{c}": Sum(c) for c in COUNTERS} | {
        f"in__received_{ch}": Sum("received", filter=Q(channel=ch)) for ch in Channel.values
    }
    rows = {
        row.pop("day"): Counter({k.removeprefix("in__"): v or 0 for k, v in row.items()})
        for row in MonthlyFigure.objects.filter(scope.q(), day__lte=months[-1].start)
        .values("day")
        .annotate(**aggregates)
        .order_by()
    }
    cumulative = Counter()
    for day in sorted(rows):
        if day < months[0].start:
            cumulative.update({c: rows[day][c] for c in CUMULATIVE})
    series = []
    for month in months:
        inside = rows.get(month.start, Counter())
        start = Counter(cumulative)
        cumulative.update({c: inside[c] for c in CUMULATIVE})
        live = _live_open(scope, now) if month.start <= timezone.localdate(now) <= month.end else None
        series.append((month, _totals(inside, Counter(cumulative), start, live)))
    return series
