"""The indicators of Decision 766/QĐ-TTg (six groups, 100 points), each defined once (DESIGN.md principle 5).

Every indicator is a function below: its docstring states the numerator, the denominator, the target, the score
rule and the legal source; it returns (numerator, denominator, score). The scores follow the national portal's
rules (`scoring`, DOMAIN.md 4a). A ratio with nothing under it is "không có dữ liệu" (None), never 0% or 100%.
`drill` names the lists behind the numerator and the denominator: dossiers (`drill.MEASURES`), procedures
(`CATALOGUE_MEASURES`) or PAKN (`pakn.MEASURES`).

Pure: an indicator reads only the counts it is given (`Sources`); `scorecard` gives it those of a scope and period
from the database, `results` holds and words what it returns, `wording` how a person reads it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from . import scoring
from .wording import WORDING, Wording

GROUPS = {
    "transparency": "Công khai, minh bạch",
    "progress": "Tiến độ giải quyết",
    "online": "Dịch vụ công trực tuyến",
    "payment": "Thanh toán trực tuyến",
    "digitisation": "Số hóa hồ sơ",
    "satisfaction": "Mức độ hài lòng",
}
CATALOGUE_MEASURES = {
    "in_competence": "Thủ tục thuộc thẩm quyền",
    "complete": "Thủ tục công khai đủ 7 bộ phận",
    "online_services": "Thủ tục cung cấp dịch vụ công trực tuyến",
    "used_online": "Dịch vụ trực tuyến có hồ sơ",
    "fee": "Thủ tục có phí, lệ phí",
    "fee_paid_online": "Thủ tục có phí đã có thanh toán trực tuyến",
    "fee_synced": "Thủ tục có phí có hồ sơ ghi nhận phí",
    "citizen": "Thủ tục dành cho công dân",
    "citizen_data": "Thủ tục có hồ sơ khai thác dữ liệu dân cư",
    "certified_copy": "Chứng thực bản sao điện tử",
}


class DossierCounts(Protocol):
    """The dossier counts of a scope and period that the indicators read (`figures.Totals` holds them)."""

    received: int
    received_online: int
    fee_bearing: int
    paid_online: int
    resulted: int
    e_result: int
    digitised: int
    reused: int
    citizen_data: int
    synced: int
    finished: int
    processing_seconds: int
    handled: int
    early_or_on_time: int
    late: int
    disliked: int


class PaknCounts(Protocol):
    """The PAKN counts of a scope and period that the indicators read (`pakn.PaknFigures` holds them)."""

    total: int
    on_time: int
    satisfied: int
    conduct: int


class Sources(Protocol):
    """What an indicator is computed from (`scorecard.Context` reads it from the database once, when needed)."""

    @property
    def totals(self) -> DossierCounts: ...

    @property
    def pakn(self) -> PaknCounts: ...

    def count(self, measure: str) -> int:
        """How many procedures of the scope a catalogue measure (`CATALOGUE_MEASURES`) holds."""
        ...


# What an indicator returns: numerator, denominator, score; None for each that has no data.
Outcome = tuple[int | None, int | None, Decimal | None]
Compute = Callable[[Sources], Outcome]
# The lists behind an indicator's figures: (kind, numerator measure, denominator measure).
Drill = tuple[str, str | None, str | None]


@dataclass
class Definition:
    code: str
    group: str
    name: str
    max_points: int
    target: Decimal | None
    compute: Compute
    drill: Drill | None
    wording: Wording | None = None

    @property
    def doc(self) -> str:
        return self.compute.__doc__ or ""


DEFINITIONS: list[Definition] = []


def indicator(
    code: str, group: str, name: str, max_points: int, target: str | None = None, drill: Drill | None = None
) -> Callable[[Compute], Compute]:
    def register(compute: Compute) -> Compute:
        DEFINITIONS.append(
            Definition(
                code, group, name, max_points, Decimal(target) if target else None, compute, drill, WORDING.get(code)
            )
        )
        return compute

    return register


# ---- 1. Công khai, minh bạch (18) ----


@indicator("1.1", "transparency", "Thủ tục được công bố đúng hạn", 6)
def published_on_time(ctx: Sources) -> Outcome:
    """Numerator: procedures whose publication decision is dated ≥5 working days before the legal basis takes
    effect; denominator: procedures published in the period. Score 6 × rate. Source: QĐ 766, chỉ số 1.1.
    motcua's catalogue does not hold the effective date of each legal basis yet: no data (None)."""
    return None, None, None


@indicator("1.2", "transparency", "Thủ tục được cập nhật, công khai đúng hạn", 4)
def updated_on_time(ctx: Sources) -> Outcome:
    """Numerator: procedures made public on the database ≤5 working days after their publication decision;
    denominator: procedures to publish in the period. Score 4 × rate. Source: QĐ 766, chỉ số 1.2.
    The dates of the publication decisions are not in the imported catalogue yet: no data (None)."""
    return None, None, None


@indicator(
    "1.3", "transparency", "Thủ tục công khai đầy đủ 7 bộ phận", 2, drill=("procedures", "complete", "in_competence")
)
def seven_components(ctx: Sources) -> Outcome:
    """Numerator: published procedures of the scope with all seven components (name, steps, channels, documents,
    time limit, applicants, agency; Decree 63/2010 Art. 8(2)); denominator: published procedures of the scope.
    Score 2 × rate. Source: QĐ 766, chỉ số 1.3."""
    n, d = ctx.count("complete"), ctx.count("in_competence")
    return n, d, scoring.metric("1.3", n, d)


@indicator("1.4", "transparency", "Hồ sơ được đồng bộ lên Cổng DVCQG", 6, drill=("dossiers", "synced", "received"))
def synced(ctx: Sources) -> Outcome:
    """Numerator: dossiers received in the period that the daily reconciliation found on the national portal as
    motcua sent them (national/reconcile.py); denominator: dossiers received. Score 6 × rate. Source: QĐ 766, chỉ
    số 1.4."""
    t = ctx.totals
    return t.synced, t.received, 6 * (scoring.ratio(t.synced, t.received) or Decimal(0))


# ---- 2. Tiến độ giải quyết (20) ----


@indicator(
    "2.1", "progress", "Hồ sơ giải quyết trước hạn, đúng hạn", 20, drill=("dossiers", "early_or_on_time", "handled")
)
def early_or_on_time(ctx: Sources) -> Outcome:
    """Numerator: dossiers that ended in the period early or on time against the 766 due moment (the first
    promise, shifted by supplement pauses; a second supplement request makes a dossier late), plus those still
    open at the period's end and within time. Denominator: dossiers that ended in the period (withdrawn ones
    excluded) plus those still open at its end. Score 20 × rate; nothing handled scores 0 (DOMAIN.md 4a).
    Source: QĐ 766, chỉ số 2.1; DOMAIN.md 1.10."""
    t = ctx.totals
    return t.early_or_on_time, t.handled, scoring.progress(t.early_or_on_time, t.handled)


@indicator("2.2", "progress", "Thời gian giải quyết trung bình (ngày)", 0, drill=("dossiers", None, "finished"))
def average_time(ctx: Sources) -> Outcome:
    """Numerator: total calendar time from receipt to end of the dossiers that ended in the period, in seconds;
    denominator: those dossiers. Shown in days; no points. Source: QĐ 766, chỉ số 2.2."""
    t = ctx.totals
    return t.processing_seconds, t.finished, None


# ---- 3. Dịch vụ công trực tuyến (12) ----


@indicator(
    "3.1",
    "online",
    "Thủ tục cung cấp dịch vụ công trực tuyến",
    2,
    target="0.8",
    drill=("procedures", "online_services", "in_competence"),
)
def online_offered(ctx: Sources) -> Outcome:
    """Numerator: published procedures of the scope offered online (full or partial); denominator: published
    procedures of the scope. Score min(2, 2 × rate / 0.80). Source: QĐ 766, chỉ số 3.1; DOMAIN.md 4a."""
    n, d = ctx.count("online_services"), ctx.count("in_competence")
    r = scoring.ratio(n, d)
    return n, d, None if r is None else min(Decimal(2), 2 * r / Decimal("0.8"))


@indicator(
    "3.2",
    "online",
    "Dịch vụ công trực tuyến phát sinh hồ sơ",
    4,
    drill=("procedures", "used_online", "online_services"),
)
def online_used(ctx: Sources) -> Outcome:
    """Numerator: online services of the scope that received at least one online dossier in the period;
    denominator: online services of the scope. Score 4 × rate. Source: QĐ 766, chỉ số 3.2; DOMAIN.md 4a."""
    n, d = ctx.count("used_online"), ctx.count("online_services")
    r = scoring.ratio(n, d)
    return n, d, None if r is None else 4 * r


@indicator("3.3", "online", "Hồ sơ nộp trực tuyến", 6, target="0.5", drill=("dossiers", "received_online", "received"))
def online_dossiers(ctx: Sources) -> Outcome:
    """Numerator: dossiers received online in the period; denominator: dossiers received in the period.
    Score min(6, 6 × rate / 0.50). Source: QĐ 766, chỉ số 3.3; DOMAIN.md 4a (the sync-rate factor is 1: every
    motcua dossier is its own record)."""
    n, d = ctx.totals.received_online, ctx.totals.received
    r = scoring.ratio(n, d)
    return n, d, None if r is None else min(Decimal(6), 6 * r / Decimal("0.5"))


# ---- 4. Thanh toán trực tuyến (10) ----


@indicator("3.6", "payment", "Hồ sơ thanh toán trực tuyến", 6, drill=("dossiers", "paid_online", "fee_bearing"))
def paid_online(ctx: Sources) -> Outcome:
    """Numerator: dossiers received in the period and paid online; denominator: dossiers received in the period
    with a fee to pay. Score 6 × rate (0 when none has a fee). Source: QĐ 766, chỉ số 3.6; DOMAIN.md 4a."""
    t = ctx.totals
    return t.paid_online, t.fee_bearing, 6 * (scoring.ratio(t.paid_online, t.fee_bearing) or Decimal(0))


@indicator(
    "3.5b",
    "payment",
    "Thủ tục có phí đã phát sinh thanh toán trực tuyến",
    2,
    drill=("procedures", "fee_paid_online", "fee"),
)
def fee_procedures_paid(ctx: Sources) -> Outcome:
    """Numerator: fee-bearing procedures of the scope with at least one dossier paid online in the period;
    denominator: fee-bearing procedures of the scope. Score min(2, 2.5 × rate). Source: QĐ 766, chỉ số 3.5b;
    DOMAIN.md 4a."""
    n, d = ctx.count("fee_paid_online"), ctx.count("fee")
    return n, d, min(Decimal(2), Decimal("2.5") * (scoring.ratio(n, d) or 0))


@indicator("3.5", "payment", "Thủ tục có phí có dữ liệu phí trên hồ sơ", 2, drill=("procedures", "fee_synced", "fee"))
def fee_procedures_synced(ctx: Sources) -> Outcome:
    """Numerator: fee-bearing procedures of the scope whose dossiers of the period carry their fee list (the
    portal counts fee data synced to it; motcua counts the fee recorded on the dossier); denominator: fee-bearing
    procedures of the scope. Score 2.5 × rate, as the portal scores it. Source: QĐ 766, chỉ số 3.5; DOMAIN.md 4a."""
    n, d = ctx.count("fee_synced"), ctx.count("fee")
    return n, d, Decimal("2.5") * (scoring.ratio(n, d) or 0)


# ---- 5. Số hóa hồ sơ (22) ----


@indicator("4.1", "digitisation", "Hồ sơ có kết quả điện tử", 6, drill=("dossiers", "e_result", "resulted"))
def e_result(ctx: Sources) -> Outcome:
    """Numerator: dossiers received in the period whose result was issued with its signed file; denominator:
    dossiers received in the period whose result has been issued. Score min(6, 6 × rate). Source: QĐ 766, chỉ số
    4.1 (ORIGINAL_RESULT_AVAILABLE)."""
    t = ctx.totals
    return t.e_result, t.resulted, scoring.metric("ORIGINAL_RESULT_AVAILABLE", t.e_result, t.resulted)


@indicator("4.2", "digitisation", "Hồ sơ được số hóa", 4, target="0.8", drill=("dossiers", "digitised", "received"))
def digitised(ctx: Sources) -> Outcome:
    """Numerator: dossiers received in the period with every input document stored as a file and, once issued,
    an e-result; denominator: dossiers received. Score min(4, 4 × rate) (the portal ignores the 80% target).
    Source: QĐ 766, chỉ số 4.2 (SO_HOA_GIAY_TO_GIAI_QUYET)."""
    t = ctx.totals
    return t.digitised, t.received, scoring.metric("SO_HOA_GIAY_TO_GIAI_QUYET", t.digitised, t.received)


@indicator(
    "ECC",
    "digitisation",
    "Cung cấp chứng thực bản sao điện tử từ bản chính",
    2,
    drill=("procedures", "certified_copy", None),
)
def certified_copy(ctx: Sources) -> Outcome:
    """2 points when the scope offers the electronic certified copy from the original (a published procedure of
    that name); the portal publishes no numerator or denominator. Source: QĐ 766 (ELECTRONIC_CERTIFIED_COPY)."""
    n = ctx.count("certified_copy")
    return n, None, Decimal(2) if n else Decimal(0)


@indicator(
    "4.3", "digitisation", "Hồ sơ tái sử dụng dữ liệu số hóa", 2, target="0.8", drill=("dossiers", "reused", "received")
)
def reused(ctx: Sources) -> Outcome:
    """Numerator: dossiers received in the period with a document taken from the applicant's data store;
    denominator: dossiers received. Score min(2, 2 × rate / 0.80). Source: QĐ 766, chỉ số 4.3."""
    t = ctx.totals
    return t.reused, t.received, scoring.metric("REUSED_DIGITIZED_DATA", t.reused, t.received)


@indicator(
    "4.4", "digitisation", "Hồ sơ đồng bộ kho dữ liệu cá nhân trên Cổng DVCQG", 4, drill=("dossiers", None, "received")
)
def national_store(ctx: Sources) -> Outcome:
    """Numerator: dossiers with a component taken from, or a result pushed to, the personal store on the national
    portal; denominator: dossiers received. Score min(4, 4 × rate). Source: QĐ 766, chỉ số 4.4. motcua's own data
    store is not linked to the national one yet, so the numerator is 0."""
    t = ctx.totals
    return 0, t.received, scoring.metric("SYNCED_WITH_DVCQG_PERSONAL_STORAGE", 0, t.received)


@indicator(
    "4.5a", "digitisation", "Thủ tục khai thác dữ liệu dân cư", 2, drill=("procedures", "citizen_data", "citizen")
)
def population_data_procedures(ctx: Sources) -> Outcome:
    """Numerator: procedures for citizens with at least one dossier in the period from an account verified with
    VNeID; denominator: procedures for citizens of the scope. Score min(2, 2 × rate). Source: QĐ 766, chỉ số 4.5a."""
    n, d = ctx.count("citizen_data"), ctx.count("citizen")
    return n, d, scoring.metric("CITIZEN_DATA_CONNECTED_FORMALITY", n, d)


@indicator("4.5b", "digitisation", "Hồ sơ khai thác dữ liệu dân cư", 2, drill=("dossiers", "citizen_data", "received"))
def population_data_dossiers(ctx: Sources) -> Outcome:
    """Numerator: dossiers received in the period from an account verified with VNeID; denominator: dossiers
    received. Score min(2, 2 × rate). Source: QĐ 766, chỉ số 4.5b."""
    t = ctx.totals
    return t.citizen_data, t.received, scoring.metric("CITIZEN_DATA_CONNECTED_DOSSIER", t.citizen_data, t.received)


# ---- 6. Mức độ hài lòng (18) ----


@indicator("5.1", "satisfaction", "PAKN về hành vi cán bộ (theo dõi)", 0, drill=("pakn", "pakn_conduct", "pakn"))
def pakn_by_type(ctx: Sources) -> Outcome:
    """Numerator: PAKN of the period about staff conduct; denominator: PAKN of the period (the rest are about
    rules and procedures). Tracking only, no points. Source: QĐ 766, chỉ số 5.1."""
    return ctx.pakn.conduct, ctx.pakn.total, None


@indicator("5.2", "satisfaction", "PAKN xử lý đúng hạn", 6, drill=("pakn", "pakn_on_time", "pakn"))
def pakn_on_time(ctx: Sources) -> Outcome:
    """Numerator: PAKN sent in the period whose every step was on time (refuse ≤2, supplement ≤5, answer ≤15,
    publish ≤2 working days), or still open within time; denominator: PAKN sent in the period. Score 6 × rate;
    6 when there is none. Source: QĐ 766, chỉ số 5.2; DOMAIN.md 4, 6."""
    p = ctx.pakn
    return p.on_time, p.total, scoring.metric("PETITION_PROCESSING_ON_TIME", p.on_time, p.total)


@indicator("5.3", "satisfaction", "Hài lòng về xử lý PAKN", 6, drill=("pakn", "pakn_satisfied", "pakn"))
def pakn_satisfaction(ctx: Sources) -> Outcome:
    """Numerator: PAKN of the period neither late nor rated "không hài lòng" by the sender; denominator: PAKN of
    the period. Score 6 × rate; 6 when there is none. Source: QĐ 766, chỉ số 5.3."""
    p = ctx.pakn
    return p.satisfied, p.total, scoring.metric("PETITION_HANDLING_SATISFACTION", p.satisfied, p.total)


@indicator("5.4", "satisfaction", "Hài lòng về giải quyết hồ sơ", 6, target="0.9", drill=("dossiers", None, "handled"))
def dossier_satisfaction(ctx: Sources) -> Outcome:
    """100% − (overdue rate + rate of dissatisfied dossiers): numerator = dossiers handled in the period (2.1's
    denominator) − the late ones − dossiers rated "không hài lòng" in the period (never below 0); denominator =
    dossiers handled. Score min(6, 6 × rate / 0.90); 0 when nothing was handled. Source: QĐ 766, chỉ số 5.4."""
    t = ctx.totals
    n = max(0, t.handled - t.late - t.disliked)
    return n, t.handled, scoring.metric("DOSSIER_RECEIVING_SATISFACTION", n, t.handled)
