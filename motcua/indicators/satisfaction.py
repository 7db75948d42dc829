"""Satisfaction per criterion of Decree 61/2018 Art. 31, with its sample size and a 95% confidence interval,
so that "100% hài lòng" from three answers is shown as what it is (Wilson score interval)."""

import datetime as dt
import math
from dataclasses import dataclass

from django.db.models import Count, Q

from motcua.dossiers.models import Rating

from .figures import Period, Scope, day_start

Z95 = 1.959964


@dataclass
class Share:
    key: str
    label: str
    satisfied: int
    answers: int

    @property
    def ratio(self) -> float | None:
        return self.satisfied / self.answers if self.answers else None

    @property
    def interval(self) -> tuple[float, float] | None:
        """Wilson 95% interval of the share; None without answers."""
        return wilson(self.satisfied, self.answers)


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    if not n:
        return None
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def ratings(scope: Scope, period: Period):
    """Ratings given in the period on dossiers of the scope (by lead agency and procedure, as the figures)."""
    found = Rating.objects.filter(
        created_at__gte=day_start(period.start), created_at__lt=day_start(period.end + dt.timedelta(days=1))
    )
    if scope.agency_ids is not None:
        found = found.filter(dossier__lead_agency_id__in=scope.agency_ids)
    if scope.level:
        found = found.filter(dossier__lead_agency__level=scope.level)
    if scope.procedure_id:
        found = found.filter(dossier__procedure_id=scope.procedure_id)
    return found


def shares(scope: Scope, period: Period) -> list[Share]:
    """The overall share first ("Hài lòng chung"), then one per criterion, each over the answers it got."""
    # Counted in SQL, one statement: reading a province's year of ratings to count them in Python took 130 ms at
    # 27,000 ratings (issue 15). A criterion's answer is always true or false (dossiers.ratings checks it).
    counts = {"answers": Count("pk"), "yes": Count("pk", filter=Q(satisfied=True))}
    for key, _ in Rating.CRITERIA:
        counts[f"{key}_answers"] = Count("pk", filter=Q(criteria__has_key=key))
        counts[f"{key}_yes"] = Count("pk", filter=Q(**{f"criteria__{key}": True}))
    found = ratings(scope, period).aggregate(**counts)
    result = [Share("overall", "Hài lòng chung", found["yes"], found["answers"])]
    for key, label in Rating.CRITERIA:
        result.append(Share(key, label, found[f"{key}_yes"], found[f"{key}_answers"]))
    return result
