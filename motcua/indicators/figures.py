"""Figures of a scope (province, agency with its sub-agencies, level, procedure) over a period, from the daily sums.

Conventions (docs/indicators.md): a dossier belongs to its lead agency; the received cohort of a period is the
dossiers received in it; the dossiers handled in a period (766, 2.1) are those that ended in it plus those still
open at its end. A dossier still open is judged at the end of the period's last day, or now while the period runs.
Every figure has a drill-down (`dossiers`) that selects exactly the dossiers it counts.
"""
import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from motcua.dossiers.states import Channel

from .models import COUNTERS, DailyFigure, DossierFacts

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
    carried_over: int = 0        # open at the start (kỳ trước chuyển sang)
    open_end: int = 0            # still open at the end (đang giải quyết)
    open_overdue: int = 0        # of which overdue (quá hạn)

    def __getattr__(self, name):
        if name in COUNTERS or name in CHANNEL_SUMS:
            return self.sums.get(name) or 0
        raise AttributeError(name)

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


def _aggregates(start: dt.date) -> dict:
    sums = {f"in__{c}": Sum(c, filter=Q(day__gte=start)) for c in COUNTERS}
    sums |= {f"in__received_{ch}": Sum("received", filter=Q(day__gte=start, channel=ch)) for ch in Channel.values}
    sums |= {f"end__{c}": Sum(c) for c in CUMULATIVE}
    sums |= {f"start__{c}": Sum(c, filter=Q(day__lt=start)) for c in CUMULATIVE}
    return sums


def _totals(row: dict, live_open: tuple[int, int] | None) -> Totals:
    value = {k: v or 0 for k, v in row.items()}

    def open_at(prefix):
        return value[f"{prefix}__received"] - sum(value[f"{prefix}__{c}"] for c in ENDED)

    totals = Totals(sums={c: value.get(f"in__{c}", 0) for c in [*COUNTERS, *CHANNEL_SUMS]},
                    carried_over=open_at("start"))
    if live_open is None:
        totals.open_end, totals.open_overdue = open_at("end"), value["end__due"] - value["end__settled"]
    else:
        totals.open_end, totals.open_overdue = live_open
    return totals


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


def totals(scope: Scope, period: Period, now: dt.datetime | None = None) -> Totals:
    """The figures of one scope and period: one query over the daily sums (plus one for the open ones if live)."""
    now = now or timezone.now()
    row = DailyFigure.objects.filter(scope.q(), day__lte=period.end).aggregate(**_aggregates(period.start))
    return _totals(row, _live_open(scope, now) if is_live(period, now) else None)


def totals_by(scope: Scope, period: Period, group: str, now: dt.datetime | None = None) -> dict:
    """Totals per agency_id or procedure_id (for rankings), in one grouped query."""
    now = now or timezone.now()
    rows = DailyFigure.objects.filter(scope.q(), day__lte=period.end).values(group) \
        .annotate(**_aggregates(period.start)).order_by()
    live = _live_open(scope, now, group) if is_live(period, now) else None
    result = {}
    for row in map(dict, rows):
        key = row.pop(group)
        result[key] = _totals(row, None if live is None else live.get(key, (0, 0)))
    return result


def _monthly_sums() -> dict:
    return {f"in__{c}": Sum(c) for c in COUNTERS} | {f"in__received_{ch}": Sum("received", filter=Q(channel=ch))
                                                     for ch in Channel.values}


def monthly(scope: Scope, period: Period, now: dt.datetime | None = None) -> list[tuple[Period, Totals]]:
    """Totals of each month of the period (trends), from one query grouped by month."""
    now = now or timezone.now()
    rows = {row.pop("month"): row for row in DailyFigure.objects.filter(scope.q(), day__lte=period.end)
            .annotate(month=TruncMonth("day")).values("month").annotate(**_monthly_sums()).order_by()}
    series, cumulative = [], {c: 0 for c in CUMULATIVE}
    for month in sorted(rows):
        if hasattr(month, "date"):
            month = month.date()
        if month >= period.start.replace(day=1):
            break
        for c in CUMULATIVE:
            cumulative[c] += rows[month][f"in__{c}"] or 0
    for month in period.months():
        row = rows.get(month.start, {})
        start = {f"start__{c}": cumulative[c] for c in CUMULATIVE}
        for c in CUMULATIVE:
            cumulative[c] += row.get(f"in__{c}") or 0
        values = {f"in__{c}": row.get(f"in__{c}") or 0 for c in [*COUNTERS, *CHANNEL_SUMS]} | start | {f"end__{c}": cumulative[c] for c in CUMULATIVE}
        live = _live_open(scope, now) if is_live(month, now) and month.start <= timezone.localdate(now) else None
        series.append((month, _totals(values, live)))
    return series
