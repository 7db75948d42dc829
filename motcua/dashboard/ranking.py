"""Ranking of agencies: the figures of every agency rolled up into its department or commune
(`AgencyTree.ranking_unit`), ordered by the on-time rate of 766 (2.1) or by the online rate (3.3)."""

from dataclasses import dataclass
from decimal import Decimal

from motcua.agencies.models import Agency
from motcua.indicators.figures import Totals

from .selection import LEVEL_OF_AGENCY, AgencyTree
from .tables import on_time_ratio, online_ratio

GROUPS = {"tinh": "Sở, ban, ngành và cơ quan cấp tỉnh", "xa": "Ủy ban nhân dân cấp xã"}


@dataclass
class Rank:
    agency: Agency
    totals: Totals

    @property
    def on_time(self) -> Decimal | None:
        return on_time_ratio(self.totals)

    @property
    def online(self) -> Decimal | None:
        return online_ratio(self.totals)


def add(a: Totals, b: Totals) -> Totals:
    """The figures of two disjoint sets of dossiers together (every figure is a sum)."""
    keys = a.sums.keys() | b.sums.keys()
    return Totals(
        sums={key: (a.sums.get(key) or 0) + (b.sums.get(key) or 0) for key in keys},
        carried_over=a.carried_over + b.carried_over,
        open_end=a.open_end + b.open_end,
        open_overdue=a.open_overdue + b.open_overdue,
    )


def total(figures: dict) -> Totals:
    result = Totals()
    for totals in figures.values():
        result = add(result, totals)
    return result


def ranks(tree: AgencyTree, figures: dict, candidates, visible: set[int] | None) -> dict[str, list[Rank]]:
    """Ranks per level ("tinh", "xa"), best on-time rate first, those with nothing handled last.

    `figures`: Totals per agency id (`figures.totals_by(..., "agency_id")`); `candidates`: the agencies of the
    scope, so a department or commune with no dossier is listed too ("không có dữ liệu")."""
    units: dict[int, Totals] = {}
    for agency_id in candidates:
        if tree.by_id[agency_id].level in ("department", "commune"):
            units.setdefault(tree.ranking_unit(agency_id, visible), Totals())
    for agency_id, totals in figures.items():
        unit = tree.ranking_unit(agency_id, visible)
        units[unit] = add(units.get(unit, Totals()), totals)
    grouped = {level: [] for level in GROUPS}
    for unit, totals in units.items():
        agency = tree.by_id[unit]
        grouped[LEVEL_OF_AGENCY[agency.level]].append(Rank(agency, totals))
    return {level: ordered(items, "on_time") for level, items in grouped.items() if items}


def ordered(items: list[Rank], rate: str) -> list[Rank]:
    """Best rate first; ties by the larger number of dossiers, then by name; no data last."""

    def key(rank):
        value = getattr(rank, rate)
        base = rank.totals.handled if rate == "on_time" else rank.totals.received
        return (value is None, -(value or 0), -base, rank.agency.name)

    return sorted(items, key=key)
