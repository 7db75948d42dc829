"""Everything the leaders' dashboard shows for one selection, read with a fixed number of queries whatever the
number of dossiers: the 766 score card (plus the portal's published points), the plain counts, the monthly trend,
the ranking of departments and communes, and the first overdue dossiers."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from motcua.indicators import drill
from motcua.indicators.figures import Period, monthly, totals_by
from motcua.indicators.models import OfficialRecord
from motcua.indicators.scorecard import Scorecard, scorecard
from motcua.vntext import formats

from . import charts, lists, ranking, tables
from .selection import Selection

OVERDUE_SHOWN = 20
TREND_MONTHS = 12
ON_TIME = charts.Series("Trước hạn, đúng hạn (2.1)", charts.BLUE)
ONLINE = charts.Series("Nộp trực tuyến (3.3)", charts.TEAL)
POINTS = charts.Series("Điểm", charts.BLUE)
ONLINE_TARGET = 0.5


def drill_href(selection: Selection, kind: str, measure: str, query: str | None = None) -> str:
    """The list behind a figure: `kind` is the engine's (dossiers, procedures, pakn)."""
    extra = {"loai": tables.KIND_OF[kind], "chi-so": measure}
    if query is None:
        query = selection.query(**extra)
    return f"{reverse('dashboard:list')}?{query}"


@dataclass
class Board:
    selection: Selection
    card: Scorecard
    official_total: Decimal | None  # the portal's published total for the same agency and period
    tables: dict  # key (the `bang` of an export) → Table
    charts: dict  # points, trend: SVG; ranking: [(group heading, by 2.1, by 3.3)]


def build(selection: Selection, now: dt.datetime | None = None) -> Board:
    now = now or timezone.now()
    scope, period = selection.scope, selection.period
    card = scorecard(scope, period, now)

    def link(kind, measure):
        return drill_href(selection, kind, measure)

    def month_link(month, measure):
        return drill_href(
            selection, "dossiers", measure, selection.month_query(month, loai="ho-so", **{"chi-so": measure})
        )

    def agency_link(agency, measure):
        return drill_href(
            selection, "dossiers", measure, selection.agency_query(agency, loai="ho-so", **{"chi-so": measure})
        )

    trend = trend_period(selection, now)
    series = monthly(scope, trend, now) if trend else []
    tree, visible = selection.viewer.tree, selection.viewer.visible
    candidates = scope.agency_ids if scope.agency_ids is not None else tree.by_id
    ranks = ranking.ranks(tree, totals_by(scope, period, "agency_id", now), candidates, visible)
    overdue = list(
        drill.dossiers(scope, period, "open_overdue", now).select_related("procedure_version")[:OVERDUE_SHOWN]
    )
    official = official_scores(selection)
    total = published_total(card, official)
    built = [
        tables.scorecard_table(card, official, total, link),
        tables.counts_table(card.totals, link),
        tables.trend_table(series, month_link),
        tables.ranking_table(
            "xep-hang",
            "Xếp hạng cơ quan",
            [(ranking.GROUPS[level], items) for level, items in ranks.items()],
            agency_link,
        ),
        lists.dossier_table(overdue, key="qua-han", title="Hồ sơ đang giải quyết quá hạn"),
    ]
    return Board(
        selection,
        card,
        total,
        {table.key: table for table in built},
        {
            "points": points_chart(card),
            "trend": trend_chart(series) if series else "",
            "ranking": ranking_charts(ranks),
        },
    )


def trend_period(selection: Selection, now: dt.datetime) -> Period | None:
    """The chosen year's months, or the 12 months up to the end of the chosen period; never months to come
    (None when the whole period is still to come)."""
    today = timezone.localdate(now)
    end = min(selection.period.end, Period.month(today.year, today.month).end)
    if selection.kind == "nam":
        start = selection.period.start
    else:
        back = selection.period.end.month - (TREND_MONTHS - 1)
        start = dt.date(selection.period.end.year + (back - 1) // 12, (back - 1) % 12 + 1, 1)
    return Period.between(start, end) if start <= end else None


def official_scores(selection: Selection) -> dict:
    """The portal's published record per group for the same agency (or the province's root) and period."""
    key = selection.official_key
    if key is None:
        return {}
    records = OfficialRecord.objects.filter(period_start=selection.period.start, period_end=selection.period.end)
    if key[0] == "root":
        records = records.filter(is_root=True)
    else:
        records = records.filter(Q(agency=key[1]) | Q(department_code=key[1].code))
    found = {}
    for record in records.order_by("pk"):
        found.setdefault(record.group, record)
    return found


def published_total(card: Scorecard, official: dict) -> Decimal | None:
    """The portal's total, when it published all six groups for this agency and period."""
    if len(official) < len(card.groups):
        return None
    return sum((record.score or Decimal(0) for record in official.values()), Decimal(0))


def points_chart(card: Scorecard):
    items = [
        charts.Bar(
            group.name,
            [float(group.score / group.max_points)],
            [f"{formats.decimal(group.score)}/{group.max_points}"],
            [f"{group.name}: {formats.decimal(group.score)} trên {group.max_points} điểm"],
        )
        for group in card.groups
    ]
    return charts.bars(f"Điểm theo nhóm chỉ số: tổng {formats.decimal(card.total)}/100", items, [POINTS])


def trend_chart(series):
    months = [month.start for month, _ in series]
    on_time = [tables.on_time_ratio(t) for _, t in series]
    online = [tables.online_ratio(t) for _, t in series]

    def tips(name, ratios, parts):
        return [
            f"{month.label} – {name}: {formats.percent(r)} ({formats.count(n)}/{formats.count(d)})"
            for (month, _), r, (n, d) in zip(series, ratios, parts)
        ]

    return charts.lines(
        "Tỷ lệ hồ sơ trước hạn, đúng hạn (2.1) và nộp trực tuyến (3.3) theo tháng",
        months,
        [[None if r is None else float(r) for r in on_time], [None if r is None else float(r) for r in online]],
        [ON_TIME, ONLINE],
        [
            tips("trước hạn, đúng hạn", on_time, [(t.early_or_on_time, t.handled) for _, t in series]),
            tips("nộp trực tuyến", online, [(t.received_online, t.received) for _, t in series]),
        ],
    )


def ranking_charts(ranks: dict) -> list:
    """Per level: its heading, a chart by the on-time rate, one by the online rate (with its 50% target)."""
    found = []
    for level, items in ranks.items():
        name = ranking.GROUPS[level]
        found.append(
            (
                name,
                rate_chart(
                    f"{name}: tỷ lệ trước hạn, đúng hạn (2.1)", ranking.ordered(items, "on_time"), "on_time", ON_TIME
                ),
                rate_chart(
                    f"{name}: tỷ lệ nộp trực tuyến (3.3)",
                    ranking.ordered(items, "online"),
                    "online",
                    ONLINE,
                    ONLINE_TARGET,
                ),
            )
        )
    return found


def rate_chart(title: str, items, rate: str, series: charts.Series, target: float | None = None):
    bars = []
    for rank in items:
        value: Decimal | None = getattr(rank, rate)
        parts = (
            (rank.totals.early_or_on_time, rank.totals.handled)
            if rate == "on_time"
            else (rank.totals.received_online, rank.totals.received)
        )
        shown = formats.percent(value)
        bars.append(
            charts.Bar(
                rank.agency.name,
                [None if value is None else float(value)],
                [shown],
                [f"{rank.agency.name}: {shown} ({formats.count(parts[0])}/{formats.count(parts[1])} hồ sơ)"],
            )
        )
    return charts.bars(title, bars, [series], target, f"Mục tiêu {int(target * 100)}%" if target else "")
