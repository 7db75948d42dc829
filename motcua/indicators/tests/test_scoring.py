"""motcua's scoring rules of Decision 766 (DOMAIN.md 4a), each against values worked out by hand."""

from decimal import Decimal

import pytest

from motcua.indicators import scoring

D = Decimal


def test_a_ratio_with_nothing_under_it_is_no_data_not_zero():
    assert scoring.ratio(3, 4) == D("0.75")
    assert scoring.ratio(0, 0) is None
    assert scoring.ratio(5, None) is None


@pytest.mark.parametrize(
    "on_time, received, score",
    [
        (1100, 1375, D(16)),  # 20 × 0.8
        (10296, 12480, D("16.5")),  # 20 × 0.825
        (221, 240, D(4420) / D(240)),  # 18.41666…, kept exact: rounding is for display
        (0, 0, D(0)),  # nothing received scores 0, as the portal does
    ],
)
def test_progress_is_twenty_times_the_on_time_rate(on_time, received, score):
    assert scoring.progress(on_time, received) == score


def test_online_services_caps_the_procedures_and_dossiers_parts_at_their_targets():
    # A = 48/60 = 0.8 → min(2, 2·0.8/0.8) = 2; B = 500/2000 → 4·0.25 = 1; C = 5616/12480 = 0.45 → 6·0.45/0.5 = 5.4
    assert scoring.online_services(48, 60, 500, 2000, 5616, 12480) == D("8.4")
    # A = 1 would give 2.5 and C = 0.9 would give 10.8: both capped (2 and 6); B has no cap: 4 × 1
    assert scoring.online_services(60, 60, 10, 10, 900, 1000) == D(12)
    # A = 0.4 → 1; C = 0.25 → 3: below the targets the parts are proportional
    assert scoring.online_services(24, 60, 0, 2000, 250, 1000) == D(4)
    assert scoring.online_services(0, 0, 0, 0, 0, 0) == D(0)


@pytest.mark.parametrize(
    "inputs, score",
    [
        # 6A + min(2, 2.5B) + 2.5C; arguments: paid online, with obligation, fee procedures paid, fee procedures, synced
        ((41250, 50000, 120, 400, 80), D("6.2")),  # 6·0.825 + 2.5·0.3 + 2.5·0.2 = 4.95 + 0.75 + 0.5
        ((18, 18, 3, 4, 1), D("8.5")),  # 6 + 1.875 + 0.625
        ((500, 640, 9, 10, 2), D("7.1875")),  # 4.6875 + min(2, 2.25) + 0.5: B capped at 2 points
        ((0, 0, 0, 0, 0), D(0)),  # a ratio with denominator 0 is 0
        ((0, 0, 3, 4, 4), D("4.375")),  # no obligation: A = 0, the procedure parts still count
    ],
)
def test_online_payment(inputs, score):
    assert scoring.online_payment(*inputs) == score


@pytest.mark.parametrize(
    "code, numerator, denominator, score",
    [
        ("ORIGINAL_RESULT_AVAILABLE", 9360, 12480, D("4.5")),  # 6 × 0.75
        ("ORIGINAL_RESULT_AVAILABLE", 7, 5, D(6)),  # never above the maximum
        ("SO_HOA_GIAY_TO_GIAI_QUYET", 3744, 12480, D("1.2")),  # 4 × 0.3: no 80% target (1.5 with it)
        ("REUSED_DIGITIZED_DATA", 55, 1375, D("0.1")),  # 2 × 0.04 / 0.8
        ("REUSED_DIGITIZED_DATA", 200, 240, D(2)),  # 83% ≥ the 80% target: full points
        ("SYNCED_WITH_DVCQG_PERSONAL_STORAGE", 12, 240, D("0.2")),  # 4 × 0.05
        ("CITIZEN_DATA_CONNECTED_FORMALITY", 9, 45, D("0.4")),  # 2 × 0.2
        ("CITIZEN_DATA_CONNECTED_DOSSIER", 1100, 1375, D("1.6")),  # 2 × 0.8
        ("ORIGINAL_RESULT_AVAILABLE", 0, 0, None),  # digitisation: denominator 0 → no score
        ("1.1", 18, 20, D("5.4")),  # transparency: max × ratio
        ("1.4", 240, 240, D(6)),
        ("1.2", 0, 0, None),
        ("PETITION_PROCESSING_ON_TIME", 34, 40, D("5.1")),  # 6 × 0.85
        ("PETITION_PROCESSING_ON_TIME", 0, 0, D(6)),  # no PAKN: full points
        ("PETITION_HANDLING_SATISFACTION", 1, 2, D(3)),
        ("PETITION_HANDLING_SATISFACTION", 0, 0, D(6)),
        ("DOSSIER_RECEIVING_SATISFACTION", 10296, 12480, D("5.5")),  # 6 × 0.825 / 0.9
        ("DOSSIER_RECEIVING_SATISFACTION", 221, 240, D(6)),  # 92% ≥ the 90% target
        ("DOSSIER_RECEIVING_SATISFACTION", 0, 0, D(0)),  # no dossier: 0, not full points
    ],
)
def test_metric(code, numerator, denominator, score):
    assert scoring.metric(code, numerator, denominator) == score


def test_dossier_satisfaction_below_target_is_proportional_to_the_target():
    # 0.8 / 0.9 × 6 = 16/3
    assert scoring.metric("DOSSIER_RECEIVING_SATISFACTION", 1100, 1375) == D(16) / D(3)


def test_group_total_sums_the_scores_and_ignores_the_null_ones():
    assert scoring.group_total([D("4.5"), None, D("1.2"), D(0), None, D(2)]) == D("7.7")
    assert scoring.group_total([None, None]) == D(0)
    assert sum(scoring.GROUP_MAX.values()) == 100
