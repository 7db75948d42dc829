"""The satisfaction shares per criterion come from the sums, kept with each rating; migration 0004 fills them for the
ratings given before, so the shares read the same as counting the ratings did."""

import importlib
import io
from types import SimpleNamespace

import pytest
from django.apps import apps as current_apps
from django.db import connection

from motcua.dossiers import lifecycle, ratings
from motcua.dossiers.models import Dossier, Rating
from motcua.indicators import recompute, satisfaction
from motcua.indicators.figures import Period, Scope
from motcua.indicators.models import CRITERIA, CRITERION_COUNTERS, DailyFigure, DossierFacts, MonthlyFigure

from .scenario import build

pytestmark = pytest.mark.django_db
fill = importlib.import_module("motcua.indicators.migrations.0004_fill_rating_criteria").fill
GIVEN = [
    ("early", True, {"time": True, "attitude": False}),
    ("online", False, {"time": False, "contacts": True, "online": False}),
    ("on_time", True, {}),
]


@pytest.fixture
def rated(province, people, five_days, applicant):
    month = build(province, people, five_days, applicant)
    lifecycle.return_result(month["on_time"], actor=people["desk"], method="desk")
    for key, satisfied, criteria in GIVEN:
        ratings.rate(
            Dossier.objects.get(pk=month[key]), satisfied=satisfied, criteria=criteria, comment="", channel="kiosk"
        )
    return Rating.objects.latest("created_at").created_at


def counted() -> dict[str, tuple[int, int]]:
    """What counting every rating itself gives: (satisfied, answers) per criterion and overall."""
    found = {"overall": [0, 0], **{key: [0, 0] for key, _ in Rating.CRITERIA}}
    for rating in Rating.objects.all():
        found["overall"][0] += rating.satisfied
        found["overall"][1] += 1
        for key, answer in rating.criteria.items():
            found[key][0] += answer
            found[key][1] += 1
    return {key: (yes, answers) for key, (yes, answers) in found.items()}


def shares(scope: Scope, period: Period) -> dict[str, tuple[int, int]]:
    return {share.key: (share.satisfied, share.answers) for share in satisfaction.shares(scope, period)}


def test_the_criteria_of_the_sums_are_the_ratings_criteria():
    assert list(CRITERIA) == [key for key, _ in Rating.CRITERIA]
    assert sorted(CRITERIA.values()) == [1 << n for n in range(len(CRITERIA))]


def test_the_shares_from_the_sums_are_the_ratings_counted(rated, province):
    day = rated.date()
    period = Period.month(day.year, day.month)
    expected = counted()  # every rating is of this month and of the Department of Justice
    assert expected["time"] == (1, 2) and expected["attitude"] == (0, 1) and expected["overall"] == (2, 3)
    assert shares(Scope(), period) == expected
    assert shares(Scope.of_agency(province["justice"]), period) == expected  # the lead agency of all three
    assert shares(Scope.of_agency(province["construction"]), period)["overall"] == (0, 0)


def test_the_migration_fills_what_was_rated_before_it(rated):
    day = rated.date()
    period = Period.month(day.year, day.month)
    before = shares(Scope(), period)
    columns = dict.fromkeys(CRITERION_COUNTERS, 0)
    DossierFacts.objects.update(criteria_answered=0, criteria_disliked=0)  # as 0003 left them
    DailyFigure.objects.update(**columns)
    MonthlyFigure.objects.update(**columns)
    assert shares(Scope(), period)["time"] == (0, 0)

    fill(current_apps, SimpleNamespace(connection=connection))  # what RunPython hands it: the schema editor
    assert shares(Scope(), period) == before
    out = io.StringIO()
    assert recompute.run(out, check=True) == 0, out.getvalue()  # facts and sums as a rebuild makes them
