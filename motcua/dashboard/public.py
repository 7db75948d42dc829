"""Thống kê công khai: the province's and each department's and commune's on-time rate (766, 2.1) and online rate
(3.3), for anyone. Counts only: no dossier, no person. Read from the daily sums in one grouped query (plus the
agency list, and the open dossiers' facts while the period runs) and kept in the cache for a few minutes."""

from dataclasses import dataclass

from django.core.cache import cache

from motcua.indicators.figures import Period, Scope, Totals, totals_by
from motcua.vntext import formats

from . import charts, ranking, tables
from .board import ON_TIME, ONLINE
from .selection import AgencyTree

CACHE_SECONDS = 300


@dataclass
class Figures:
    province: Totals
    ranks: dict  # level → [Rank]


def figures(period: Period) -> Figures:
    def compute():
        tree = AgencyTree.load()
        by_agency = totals_by(Scope(), period, "agency_id")
        return Figures(ranking.total(by_agency), ranking.ranks(tree, by_agency, tree.by_id, None))

    return cache.get_or_set(f"dashboard:public:{period.start}:{period.end}", compute, CACHE_SECONDS)


def table(found: Figures) -> tables.Table:
    return tables.ranking_table(
        "thong-ke",
        "Tỷ lệ giải quyết đúng hạn và nộp trực tuyến",
        [(ranking.GROUPS[level], items) for level, items in found.ranks.items()],
        total=found.province,
    )


def chart(level: str, items) -> str:
    """Both rates of each agency, side by side, best on-time rate first."""
    bars = []
    for rank in items:
        on_time, online = rank.on_time, rank.online
        bars.append(
            charts.Bar(
                rank.agency.name,
                [None if on_time is None else float(on_time), None if online is None else float(online)],
                [formats.percent(on_time), formats.percent(online)],
                [
                    f"{rank.agency.name} – trước hạn, đúng hạn: {formats.percent(on_time)}",
                    f"{rank.agency.name} – nộp trực tuyến: {formats.percent(online)}",
                ],
            )
        )
    return charts.bars(
        f"{ranking.GROUPS[level]}: tỷ lệ trước hạn, đúng hạn (2.1) và nộp trực tuyến (3.3)", bars, [ON_TIME, ONLINE]
    )
