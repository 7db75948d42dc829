"""The scorecard of Decision 766 for one scope and period: the definitions (`definitions`) computed over what the
database holds (`Context`: the dossier figures, the PAKN figures and the published catalogue), grouped as the
portal groups them (`results`).

The catalogue part costs one query whatever the size of the catalogue (issue 15): what a procedure offers (seven
components, fee, citizens, certified copy) is decided once when its version is published and stored on the version
(`motcua.catalog.version_flags`), so a report reads a few booleans per procedure instead of every version with its
channels and documents. Chosen over an in-process memo keyed by a stamp of the catalogue: a published version never
changes, so stored flags need no invalidation across gunicorn workers or inside a transaction, and every scope stays
an ordinary filter."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.utils import timezone

from motcua.catalog.models import OnlineLevel, Procedure

from . import pakn, scoring
from .definitions import CATALOGUE_MEASURES, DEFINITIONS, GROUPS
from .figures import Period, Scope, Totals, sums, totals
from .results import GroupResult, Result


class Context:
    """What the indicators of one scope and period are computed from, each part read once when first needed."""

    def __init__(self, scope: Scope, period: Period, now: dt.datetime | None = None):
        self.scope, self.period, self.now = scope, period, now or timezone.now()

    @cached_property
    def by_procedure(self) -> dict:
        """The period's sums per procedure, every counter, in one pass over the sums' rows: the totals add them up
        and `procedure_use` reads which were used, so the rows are read once, not twice (issue 15)."""
        return sums(self.scope, self.period.start, self.period.end, "procedure_id")

    @cached_property
    def totals(self) -> Totals:
        inside = Counter()
        for row in self.by_procedure.values():
            inside.update(row)
        return totals(self.scope, self.period, self.now, inside)

    @cached_property
    def pakn(self) -> pakn.PaknFigures:
        return pakn.figures(self.scope, self.period, self.now)

    @cached_property
    def catalogue_rows(self) -> list[tuple]:
        """The published procedures of the scope, each with its levels, its online level and the flags stored on
        its current version, in one query: the measures and the report's table of procedures read it."""
        procedures = Procedure.objects.filter(is_published=True, current__isnull=False)
        through = Procedure.agencies.through.objects
        # each its own condition, as two filter() calls over the agencies would be (distinct procedures, no join)
        if self.scope.agency_ids is not None:
            procedures = procedures.filter(
                pk__in=through.filter(agency_id__in=self.scope.agency_ids).values("procedure_id")
            )
        if self.scope.level:
            procedures = procedures.filter(pk__in=through.filter(agency__level=self.scope.level).values("procedure_id"))
        if self.scope.procedure_id:
            procedures = procedures.filter(pk=self.scope.procedure_id)
        return list(
            procedures.order_by().values_list(
                "pk",
                "levels",
                "online_level",
                "current__seven_components",
                "current__charges_fee",
                "current__for_citizens",
                "current__certified_copy",
            )
        )

    @cached_property
    def procedure_levels(self) -> dict[int, tuple[str, str]]:
        """(levels, online level) of each published procedure of the scope."""
        return {pk: (levels, online_level) for pk, levels, online_level, *_ in self.catalogue_rows}

    @cached_property
    def catalogue(self) -> dict[str, set[int]]:
        """Procedure ids per catalogue measure: the published procedures of the scope and what they offer."""
        sets = {name: set() for name in CATALOGUE_MEASURES}
        online = (OnlineLevel.FULL, OnlineLevel.PARTIAL)
        for pk, _, online_level, seven_components, charges_fee, for_citizens, certified_copy in self.catalogue_rows:
            sets["in_competence"].add(pk)
            if seven_components:
                sets["complete"].add(pk)
            if online_level in online:
                sets["online_services"].add(pk)
            if charges_fee:
                sets["fee"].add(pk)
            if for_citizens:
                sets["citizen"].add(pk)
            if certified_copy:
                sets["certified_copy"].add(pk)
        used = self.procedure_use
        sets["used_online"] = sets["online_services"] & used["online"]
        sets["fee_paid_online"] = sets["fee"] & used["paid_online"]
        sets["fee_synced"] = sets["fee"] & used["fee_bearing"]
        sets["citizen_data"] = sets["citizen"] & used["citizen_data"]
        return sets

    @cached_property
    def procedure_use(self) -> dict[str, set[int]]:
        """Which procedures had, in the period, an online dossier, an online payment, a fee, population data."""
        rows = self.by_procedure
        use = {"online": set(), "paid_online": set(), "fee_bearing": set(), "citizen_data": set()}
        for procedure_id, row in rows.items():
            for name, column in [
                ("online", "received_online"),
                ("paid_online", "paid_online"),
                ("fee_bearing", "fee_bearing"),
                ("citizen_data", "citizen_data"),
            ]:
                if row[column]:
                    use[name].add(procedure_id)
        return use

    def count(self, measure: str) -> int:
        return len(self.catalogue[measure])


@dataclass
class Scorecard:
    scope: Scope
    period: Period
    groups: list[GroupResult]
    context: Context

    @property
    def total(self) -> Decimal:
        return sum((g.score for g in self.groups), Decimal(0))

    @property
    def totals(self) -> Totals:
        return self.context.totals

    def result(self, code: str) -> Result:
        return next(r for g in self.groups for r in g.results if r.definition.code == code)


def scorecard(scope: Scope, period: Period, now: dt.datetime | None = None) -> Scorecard:
    ctx = Context(scope, period, now)
    groups = {code: GroupResult(code, name, scoring.GROUP_MAX[code]) for code, name in GROUPS.items()}
    for definition in DEFINITIONS:
        numerator, denominator, score = definition.compute(ctx)
        groups[definition.group].results.append(Result(definition, numerator, denominator, score))
    return Scorecard(scope, period, list(groups.values()), ctx)
