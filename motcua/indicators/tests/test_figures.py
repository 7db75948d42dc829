"""Every figure of a known month, to the value computed by hand (issue 5, "Done when")."""

from decimal import Decimal

import pytest

from motcua.indicators import drill, recompute
from motcua.indicators.figures import Period, Scope, monthly, totals
from motcua.indicators.scorecard import scorecard

from .scenario import build

MARCH = Period.month(2026, 3)


@pytest.fixture
def month(province, people, five_days, applicant):
    return build(province, people, five_days, applicant)


@pytest.fixture
def justice(province):
    return Scope.of_agency(province["justice"])


def test_the_plain_counts_of_march(month, justice):
    t = totals(justice, MARCH)
    # received in March: D1-D10 and D12 (D11 came in February, D13 was never received)
    assert (t.received, t.received_direct, t.received_online, t.received_postal) == (11, 9, 1, 1)
    # ended in March: early D1, D8, D11, D12 (refused); on time D2, D4; late D3, D6 (extended); withdrawn D7
    assert (t.finished_early, t.finished_on_time, t.finished_late, t.withdrawn) == (4, 2, 2, 1)
    assert (t.resolved, t.refused, t.stopped, t.returned) == (7, 1, 0, 2)
    # open: D11 at the start; D5 (late since its second request), D9 (within time), D10 (overdue) at the end
    assert (t.carried_over, t.open_end, t.open_within, t.open_overdue) == (1, 3, 1, 2)
    assert (t.supplemented, t.supplement_requests) == (2, 3)
    # 766 cohort flags of the 11 received: fee 11, paid online D8, digitised D1 and D8, reused and VNeID D8
    assert (t.fee_bearing, t.paid_online, t.digitised, t.reused, t.citizen_data) == (11, 1, 2, 1, 1)
    # results issued among them: D1, D2, D3, D4, D6, D8; with the signed file: D1, D8
    assert (t.resulted, t.e_result) == (6, 2)
    # receipt to end, in seconds: D1 3d1h, D2 6d23h30, D3 8d1h, D4 8d23h30, D6 10d1h, D8 2d1h, D11 6d1h, D12 4d1h
    assert t.processing_seconds == 4251600
    assert t.avg_processing_days == pytest.approx(4251600 / 8 / 86400)


def test_the_766_indicators_of_march(month, justice):
    card = scorecard(justice, MARCH)
    r = card.result
    assert (r("2.1").numerator, r("2.1").denominator) == (7, 11)  # 4 early + 2 on time + 1 open within time
    assert r("2.1").score == Decimal(20) * 7 / 11
    assert (r("3.3").numerator, r("3.3").denominator) == (1, 11)
    assert r("3.3").score == Decimal(6) * (Decimal(1) / 11) / Decimal("0.5")
    assert (r("3.6").numerator, r("3.6").denominator, r("3.6").score) == (1, 11, Decimal(6) / 11)
    assert (r("4.1").numerator, r("4.1").denominator, r("4.1").score) == (2, 6, Decimal(2))
    assert (r("4.2").numerator, r("4.2").denominator) == (2, 11)
    assert (r("4.3").numerator, r("4.3").denominator) == (1, 11)
    assert r("4.3").score == Decimal(2) * (Decimal(1) / 11) / Decimal("0.8")
    assert (r("4.4").numerator, r("4.4").score) == (0, Decimal(0))
    assert (r("4.5b").numerator, r("4.5b").denominator) == (1, 11)
    # 5.4: 11 handled − 4 late (D3, D6, D5, D10) − 0 dissatisfied = 7
    assert (r("5.4").numerator, r("5.4").denominator) == (7, 11)
    assert r("5.4").score == Decimal(6) * (Decimal(7) / 11) / Decimal("0.9")
    # no PAKN: 5.2 and 5.3 score their 6 points, and show "no data" as their ratio
    assert (r("5.2").score, r("5.3").score, r("5.2").ratio) == (Decimal(6), Decimal(6), None)
    # what motcua cannot know yet is "no data", never 0% or 100%
    assert all(r(code).ratio is None and r(code).score is None for code in ("1.1", "1.2"))
    # 1.4 is measured (issue 18): nothing was reconciled with DVCQG in this scenario, so 0 of 11
    assert (r("1.4").numerator, r("1.4").denominator, r("1.4").score) == (0, 11, Decimal(0))
    assert card.total == sum(g.score for g in card.groups)


def test_a_ratio_with_nothing_under_it_is_no_data(province, people):
    card = scorecard(Scope.of_agency(province["construction"]), MARCH)
    assert card.totals.received == 0
    assert card.result("3.3").ratio is None and card.result("3.3").score is None
    assert card.result("2.1").ratio is None and card.result("2.1").score == 0  # the portal scores 0 here


@pytest.mark.parametrize("measure", sorted(drill.MEASURES))
def test_every_figure_opens_onto_exactly_its_dossiers(month, justice, measure):
    assert drill.dossiers(justice, MARCH, measure).count() == getattr(totals(justice, MARCH), measure)


def test_figures_of_a_running_period_judge_open_dossiers_now(month, justice):
    year = Period.year(2026)  # still running today: D5, D9 and D10 are open and all past their due moment now
    t = totals(justice, year)
    assert (t.open_end, t.open_overdue) == (3, 3)
    assert drill.dossiers(justice, year, "open_overdue").count() == 3


def test_months_add_up_and_carry_over(month, justice):
    series = {p.label: t for p, t in monthly(justice, Period.between(MARCH.start.replace(month=2), MARCH.end))}
    february, march = series["Tháng 02/2026"], series["Tháng 03/2026"]
    assert (february.received, february.open_end) == (1, 1)
    assert (march.carried_over, march.received, march.open_end, march.open_overdue) == (1, 11, 3, 2)


def test_the_province_includes_every_agency_and_levels_split_it(month, province):
    assert totals(Scope(), MARCH).received == 11
    assert totals(Scope(level="commune"), MARCH).received == 0


def test_recompute_finds_no_difference_then_names_a_tampered_row(month, capsys):
    class Out:
        lines = []

        def write(self, text):
            self.lines.append(text)

    out = Out()
    assert recompute.run(out, check=True) == 0, out.lines
    assert "không có chênh lệch" in out.lines[-1]
    from motcua.indicators.models import DailyFigure

    row = DailyFigure.objects.filter(received__gt=0).first()
    DailyFigure.objects.filter(pk=row.pk).update(received=row.received + 1)
    out.lines = []
    assert recompute.run(out, check=True) == 1
    assert any(f"{row.day:%d/%m/%Y}" in line and "received: lưu" in line for line in out.lines)
    assert recompute.run(out, check=False) == 0
    out.lines = []
    assert recompute.run(out, check=True) == 0


def test_a_share_from_three_answers_has_a_wide_interval():
    from motcua.indicators.satisfaction import wilson

    low, high = wilson(3, 3)
    assert high == 1.0 and 0.43 < low < 0.44  # "100% hài lòng" from 3 answers: somewhere above 44%
    low, high = wilson(300, 300)
    assert low > 0.98
    assert wilson(0, 0) is None


def test_a_dissatisfied_rating_counts_on_the_day_it_is_given(month, justice):
    from django.utils import timezone

    from motcua.dossiers import ratings
    from motcua.dossiers.models import Dossier

    ratings.rate(
        Dossier.objects.get(pk=month["online"]),
        satisfied=False,
        criteria={"time": False},
        comment="Chờ lâu",
        channel="kiosk",
    )
    today = timezone.localdate()
    t = totals(justice, Period.month(today.year, today.month))
    assert (t.rated, t.disliked) == (1, 1)
    assert totals(justice, MARCH).rated == 0
    assert drill.dossiers(justice, Period.month(today.year, today.month), "disliked").get().pk == month["online"]


RAGGED = Period.between(MARCH.start.replace(month=2, day=26), MARCH.start.replace(day=5))


@pytest.mark.parametrize(
    "measure",
    [
        "received",
        "finished_early",
        "carried_over",
        "open_end",
        "open_overdue",
        "handled",
        "early_or_on_time",
        "late",
        "withdrawn",
        "paid_online",
    ],
)
def test_a_ragged_range_adds_daily_ends_to_whole_months(month, justice, measure):
    assert drill.dossiers(justice, RAGGED, measure).count() == getattr(totals(justice, RAGGED), measure)


def test_pieces_read_whole_months_from_the_monthly_sums():
    import datetime as dt

    from motcua.indicators.figures import pieces

    def kinds(start, end):
        return [model.__name__ for model, _ in pieces(start, end)]

    assert kinds(dt.date(2026, 1, 1), dt.date(2026, 12, 31)) == ["MonthlyFigure"]
    assert kinds(dt.date(2026, 2, 26), dt.date(2026, 4, 5)) == ["DailyFigure", "MonthlyFigure", "DailyFigure"]
    assert kinds(dt.date(2026, 3, 3), dt.date(2026, 3, 9)) == ["DailyFigure"]
    assert kinds(None, dt.date(2026, 3, 31)) == ["MonthlyFigure"]
    assert kinds(None, dt.date(2026, 3, 9)) == ["MonthlyFigure", "DailyFigure"]
