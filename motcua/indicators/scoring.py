"""Scores of Decision 766 as the national portal computes them (DOMAIN.md 4a), pure and exact.

Each function takes the published (or our own) numerators and denominators and returns the score as a `Decimal`,
unrounded: rounding to two decimals happens only when a score is shown. `None` means the indicator has no score
for lack of a denominator ("không có dữ liệu"); it does not lower its group's maximum.
"""

from collections.abc import Iterable
from decimal import Decimal

# A numerator or a denominator: a count of ours, or a figure the portal published.
Amount = int | Decimal

GROUP_MAX = {"transparency": 18, "progress": 20, "online": 12, "digitisation": 22, "satisfaction": 18, "payment": 10}


def ratio(numerator: Amount, denominator: Amount | None) -> Decimal | None:
    """numerator / denominator as an exact fraction of 1; None when there is nothing under it."""
    if not denominator:
        return None
    return Decimal(numerator) / Decimal(denominator)


def _capped(maximum: int, r: Decimal | None, target: Decimal = Decimal(1)) -> Decimal | None:
    """max × r / target, never above max: "max if rate ≥ target, else rate / target × max"."""
    if r is None:
        return None
    return min(Decimal(maximum), Decimal(maximum) * r / target)


def _ratio0(numerator: Amount, denominator: Amount | None) -> Decimal:
    """The portal's payment and online-service ratios: 0 when the denominator is 0."""
    return ratio(numerator, denominator) or Decimal(0)


def progress(on_time: Amount, received: Amount | None) -> Decimal:
    """2.1: 20 × early-or-on-time / received; nothing received scores 0 (the portal's rule, DOMAIN.md 4a)."""
    return Decimal(20) * _ratio0(on_time, received)


def online_services(
    online_procedures: Amount,
    procedures: Amount,
    services_used: Amount,
    services: Amount,
    online_dossiers: Amount,
    dossiers: Amount,
) -> Decimal:
    """Group 3 at province level: min(2, 2A/0.80) + 4B + min(6, 6C/0.50) (DOMAIN.md 4a)."""
    a = _ratio0(online_procedures, procedures)
    b = _ratio0(services_used, services)
    c = _ratio0(online_dossiers, dossiers)
    return min(Decimal(2), 2 * a / Decimal("0.8")) + 4 * b + min(Decimal(6), 6 * c / Decimal("0.5"))


def online_payment(
    paid_online: Amount,
    with_obligation: Amount,
    fee_procedures_paid: Amount,
    fee_procedures: Amount,
    fee_procedures_synced: Amount,
) -> Decimal:
    """Group 4: 6A + min(2, 2.5B) + 2.5C (DOMAIN.md 4a; the portal's published score is the authority)."""
    a = _ratio0(paid_online, with_obligation)
    b = _ratio0(fee_procedures_paid, fee_procedures)
    c = _ratio0(fee_procedures_synced, fee_procedures)
    return 6 * a + min(Decimal(2), Decimal("2.5") * b) + Decimal("2.5") * c


# Per-metric rules of transparency, digitisation and satisfaction: (max, target, score when nothing under it).
# `empty` is what the portal scores when the denominator is 0: None (no score) or a number.
METRICS: dict[str, tuple[int, int | Decimal, int | None]] = {
    "1.1": (6, 1, None),
    "1.2": (4, 1, None),
    "1.3": (2, 1, None),
    "1.4": (6, 1, None),
    "ORIGINAL_RESULT_AVAILABLE": (6, 1, None),
    "SO_HOA_GIAY_TO_GIAI_QUYET": (4, 1, None),  # the portal ignores the 80% target of the formula text
    "ELECTRONIC_CERTIFIED_COPY": (2, 1, None),
    "REUSED_DIGITIZED_DATA": (2, Decimal("0.8"), None),
    "SYNCED_WITH_DVCQG_PERSONAL_STORAGE": (4, 1, None),
    "CITIZEN_DATA_CONNECTED_FORMALITY": (2, 1, None),
    "CITIZEN_DATA_CONNECTED_DOSSIER": (2, 1, None),
    "PETITION_CLASSIFICATION_TTHC": (0, 1, None),
    "PETITION_CLASSIFICATION_STAFF": (0, 1, None),
    "PETITION_PROCESSING_ON_TIME": (6, 1, 6),
    "PETITION_HANDLING_SATISFACTION": (6, 1, 6),
    "DOSSIER_RECEIVING_SATISFACTION": (6, Decimal("0.9"), 0),
}


def metric(code: str, numerator: Amount, denominator: Amount | None) -> Decimal | None:
    """Score of one metric of transparency, digitisation or satisfaction from its numerator and denominator."""
    maximum, target, empty = METRICS[code]
    if maximum == 0:
        return None  # tracking only (5.1): the portal publishes no score
    r = ratio(numerator, denominator)
    if r is None:
        return None if empty is None else Decimal(empty)
    return _capped(maximum, r, Decimal(target))


def group_total(scores: Iterable[Decimal | None]) -> Decimal:
    """A group's points: the sum of its non-null scores (a null does not lower the group's maximum)."""
    return sum((s for s in scores if s is not None), Decimal(0))
