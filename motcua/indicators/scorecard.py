"""The scorecard of Decision 766 for one scope and period: the definitions (`definitions`) computed over what the
database holds (`Context`: the dossier figures, the PAKN figures and the published catalogue), grouped as the
portal groups them (`results`)."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.utils import timezone

from motcua.catalog.models import OnlineLevel, Procedure
from motcua.vntext.normalize import fold

from . import pakn, scoring
from .definitions import CATALOGUE_MEASURES, DEFINITIONS, GROUPS
from .figures import Period, Scope, Totals, sums, totals
from .results import GroupResult, Result


class Context:
    """What the indicators of one scope and period are computed from, each part read once when first needed."""

    def __init__(self, scope: Scope, period: Period, now: dt.datetime | None = None):
        self.scope, self.period, self.now = scope, period, now or timezone.now()

    @cached_property
    def totals(self) -> Totals:
        return totals(self.scope, self.period, self.now)

    @cached_property
    def pakn(self) -> pakn.PaknFigures:
        return pakn.figures(self.scope, self.period, self.now)

    @cached_property
    def catalogue(self) -> dict[str, set[int]]:
        """Procedure ids per catalogue measure: the published procedures of the scope and what they offer."""
        procedures = Procedure.objects.filter(is_published=True, current__isnull=False)
        if self.scope.agency_ids is not None:
            procedures = procedures.filter(agencies__in=self.scope.agency_ids)
        if self.scope.level:
            procedures = procedures.filter(agencies__level=self.scope.level)
        if self.scope.procedure_id:
            procedures = procedures.filter(pk=self.scope.procedure_id)
        procedures = (
            procedures.distinct().select_related("current").prefetch_related("current__channels", "current__documents")
        )
        sets = {name: set() for name in CATALOGUE_MEASURES}
        for procedure in procedures:
            version = procedure.current
            sets["in_competence"].add(procedure.pk)
            if complete(version):
                sets["complete"].add(procedure.pk)
            if procedure.online_level in (OnlineLevel.FULL, OnlineLevel.PARTIAL):
                sets["online_services"].add(procedure.pk)
            if version.has_fee:
                sets["fee"].add(procedure.pk)
            if for_citizens(version):
                sets["citizen"].add(procedure.pk)
            if "ban sao dien tu" in fold(version.name):
                sets["certified_copy"].add(procedure.pk)
        used = self.procedure_use
        sets["used_online"] = sets["online_services"] & used["online"]
        sets["fee_paid_online"] = sets["fee"] & used["paid_online"]
        sets["fee_synced"] = sets["fee"] & used["fee_bearing"]
        sets["citizen_data"] = sets["citizen"] & used["citizen_data"]
        return sets

    @cached_property
    def procedure_use(self) -> dict[str, set[int]]:
        """Which procedures had, in the period, an online dossier, an online payment, a fee, population data."""
        rows = sums(
            self.scope,
            self.period.start,
            self.period.end,
            "procedure_id",
            ["received_online", "paid_online", "fee_bearing", "citizen_data"],
        )
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


SEVEN = "name, steps, channels, documents, time limit, applicants, agency"


def complete(version) -> bool:
    """Published with all seven components (Decree 63/2010 Art. 8(2)): """ + SEVEN
    channels = list(version.channels.all())
    return bool(
        version.name.strip()
        and version.steps.strip()
        and channels
        and list(version.documents.all())
        and any(c.unit or c.time_text for c in channels)
        and version.applicant_types
        and (version.competent_agency.strip() or version.implementing_agency.strip())
    )


def for_citizens(version) -> bool:
    folded = " ".join(fold(t) for t in version.applicant_types)
    return not version.applicant_types or "cong dan" in folded or "ca nhan" in folded


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
