"""Satisfaction per criterion of Decree 61/2018 Art. 31, with its sample size and a 95% confidence interval,
so that "100% hài lòng" from three answers is shown as what it is (Wilson score interval)."""

import math
from collections import Counter
from dataclasses import dataclass

from motcua.dossiers.models import Rating

from .figures import Period, Scope, sums
from .models import CRITERION_COUNTERS

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


def shares(scope: Scope, period: Period, period_sums: dict | None = None) -> list[Share]:
    """The overall share first ("Hài lòng chung"), then one per criterion, each over the answers it got.
    `period_sums`: the period's sums of every counter, when the caller has read them already (the report has)."""
    # From the figures' sums (rated, disliked, and both per criterion), kept with each rating: counting a province's
    # year of ratings in the ratings table took 139 ms at a million dossiers (issue 15).
    columns = ["rated", "disliked", *CRITERION_COUNTERS]
    if period_sums is None:
        period_sums = sums(scope, period.start, period.end, None, columns).get(None, Counter())
    found = Counter({column: period_sums.get(column) or 0 for column in columns})
    result = [Share("overall", "Hài lòng chung", found["rated"] - found["disliked"], found["rated"])]
    for key, label in Rating.CRITERIA:
        answers = found[f"rated_{key}"]
        result.append(Share(key, label, answers - found[f"disliked_{key}"], answers))
    return result
