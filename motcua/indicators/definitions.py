"""The indicators of Decision 766/QĐ-TTg (six groups, 100 points), each defined once (DESIGN.md principle 5).

Every indicator is a function below: its docstring states the numerator, the denominator, the target, the score
rule and the legal source; it returns (numerator, denominator, score). The scores follow the national portal's
rules (`scoring`, DOMAIN.md 4a). A ratio with nothing under it is "không có dữ liệu" (None), never 0% or 100%.
`drill` names the lists behind the numerator and the denominator: dossiers (`drill.MEASURES`), procedures
(`CATALOGUE_MEASURES`) or PAKN (`pakn.MEASURES`).
"""
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.utils import timezone

from motcua.catalog.models import OnlineLevel, Procedure
from motcua.vntext import formats
from motcua.vntext.normalize import fold

from . import pakn, scoring
from .figures import Period, Scope, Totals, sums, totals

GROUPS = {"transparency": "Công khai, minh bạch", "progress": "Tiến độ giải quyết",
          "online": "Dịch vụ công trực tuyến", "payment": "Thanh toán trực tuyến",
          "digitisation": "Số hóa hồ sơ", "satisfaction": "Mức độ hài lòng"}
CATALOGUE_MEASURES = {
    "in_competence": "Thủ tục thuộc thẩm quyền", "complete": "Thủ tục công khai đủ 7 bộ phận",
    "online_services": "Thủ tục cung cấp dịch vụ công trực tuyến", "used_online": "Dịch vụ trực tuyến có hồ sơ",
    "fee": "Thủ tục có phí, lệ phí", "fee_paid_online": "Thủ tục có phí đã có thanh toán trực tuyến",
    "fee_synced": "Thủ tục có phí có hồ sơ ghi nhận phí", "citizen": "Thủ tục dành cho công dân",
    "citizen_data": "Thủ tục có hồ sơ khai thác dữ liệu dân cư", "certified_copy": "Chứng thực bản sao điện tử",
}


@dataclass(frozen=True)
class Wording:
    """How a person reads an indicator ("Cách tính"): what the numerator and the denominator count, the score rule
    in words, and why there is no data when there is none."""
    numerator: str
    denominator: str
    rule: str
    missing: str = ""


@dataclass
class Definition:
    code: str
    group: str
    name: str
    max_points: int
    target: Decimal | None
    compute: object
    drill: tuple[str, str | None, str | None] | None  # (kind, numerator measure, denominator measure)
    wording: Wording | None = None

    @property
    def doc(self) -> str:
        return self.compute.__doc__ or ""


@dataclass
class Result:
    definition: Definition
    numerator: int | None
    denominator: int | None
    score: Decimal | None
    note: str = ""

    @property
    def ratio(self) -> Decimal | None:
        if self.numerator is None:
            return None
        return scoring.ratio(self.numerator, self.denominator)

    @property
    def percent(self) -> Decimal | None:
        return None if self.ratio is None else self.ratio * 100

    @property
    def meets_target(self) -> bool | None:
        if self.ratio is None or self.definition.target is None:
            return None
        return self.ratio >= self.definition.target

    @property
    def explanation(self) -> str:
        """The formula in words with the numbers that went in, in Vietnamese (the dashboard's "Cách tính")."""
        definition, wording = self.definition, self.definition.wording
        source = f"Nguồn: Quyết định 766/QĐ-TTg, chỉ số {definition.code}."
        if wording is None:
            return source
        if self.numerator is None:
            return f"Không có dữ liệu: {wording.missing} {source}"
        if definition.code == "2.2":
            if not self.denominator:
                return f"Không có dữ liệu: chưa có hồ sơ kết thúc trong kỳ. {source}"
            days = Decimal(self.numerator) / 86400
            return (f"Thời gian trung bình = {formats.decimal(days)} ngày (tổng thời gian {wording.numerator}) ÷ "
                    f"{formats.count(self.denominator)} {wording.denominator} = "
                    f"{formats.decimal(days / self.denominator)} ngày/hồ sơ. {wording.rule} {source}")
        if self.denominator is None:
            parts = [f"{formats.count(self.numerator)} {wording.numerator}."]
        else:
            parts = [f"Tỷ lệ = {formats.count(self.numerator)} {wording.numerator} ÷ "
                     f"{formats.count(self.denominator)} {wording.denominator} = {formats.percent(self.ratio)}."]
        if definition.max_points and self.score is not None:
            parts.append(f"Điểm = {wording.rule} = {formats.decimal(self.score)}/{definition.max_points}.")
        else:
            parts.append(wording.rule[0].upper() + wording.rule[1:] + ".")
        return " ".join([*parts, source])


@dataclass
class GroupResult:
    code: str
    name: str
    max_points: int
    results: list[Result] = field(default_factory=list)

    @property
    def score(self) -> Decimal:
        return scoring.group_total(r.score for r in self.results)


DEFINITIONS: list[Definition] = []


def indicator(code, group, name, max_points, target=None, drill=None):
    def register(compute):
        DEFINITIONS.append(Definition(code, group, name, max_points, Decimal(target) if target else None, compute,
                                      drill, WORDING.get(code)))
        return compute
    return register


W = Wording
WORDING = {
    "1.1": W("thủ tục công bố đúng hạn (quyết định công bố ban hành ít nhất 5 ngày làm việc trước ngày văn bản quy "
             "định thủ tục có hiệu lực)", "thủ tục công bố trong kỳ", "6 × tỷ lệ",
             "danh mục chưa lưu ngày có hiệu lực của văn bản quy định từng thủ tục."),
    "1.2": W("thủ tục được công khai trên Cơ sở dữ liệu quốc gia chậm nhất 5 ngày làm việc sau quyết định công bố",
             "thủ tục phải công khai trong kỳ", "4 × tỷ lệ", "danh mục chưa lưu ngày của quyết định công bố."),
    "1.3": W("thủ tục công khai đủ 7 bộ phận (tên, trình tự, cách thức, thành phần hồ sơ, thời hạn, đối tượng, "
             "cơ quan thực hiện)", "thủ tục đang công khai thuộc phạm vi", "2 × tỷ lệ"),
    "1.4": W("hồ sơ tiếp nhận trong kỳ đã đồng bộ lên Cổng Dịch vụ công quốc gia", "hồ sơ tiếp nhận trong kỳ",
             "6 × tỷ lệ", "hệ thống chưa đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia."),
    "2.1": W("hồ sơ giải quyết trước hạn, đúng hạn hoặc còn trong hạn ở cuối kỳ",
             "hồ sơ kết thúc trong kỳ (trừ hồ sơ công dân rút) và hồ sơ còn đang giải quyết ở cuối kỳ",
             "20 × tỷ lệ"),
    "2.2": W("từ khi tiếp nhận đến khi kết thúc", "hồ sơ kết thúc trong kỳ", "Chỉ số theo dõi, không tính điểm."),
    "3.1": W("thủ tục cung cấp dịch vụ công trực tuyến (toàn trình hoặc một phần)",
             "thủ tục đang công khai thuộc phạm vi", "2 × tỷ lệ ÷ 80%, tối đa 2"),
    "3.2": W("dịch vụ công trực tuyến có ít nhất một hồ sơ nộp trực tuyến trong kỳ",
             "dịch vụ công trực tuyến thuộc phạm vi", "4 × tỷ lệ"),
    "3.3": W("hồ sơ tiếp nhận trực tuyến", "hồ sơ tiếp nhận trong kỳ", "6 × tỷ lệ ÷ 50%, tối đa 6"),
    "3.6": W("hồ sơ đã thanh toán trực tuyến", "hồ sơ tiếp nhận trong kỳ có phí, lệ phí phải nộp", "6 × tỷ lệ"),
    "3.5b": W("thủ tục có phí đã có hồ sơ thanh toán trực tuyến trong kỳ", "thủ tục có phí, lệ phí thuộc phạm vi",
              "2,5 × tỷ lệ, tối đa 2"),
    "3.5": W("thủ tục có phí có hồ sơ trong kỳ ghi nhận phí, lệ phí", "thủ tục có phí, lệ phí thuộc phạm vi",
             "2,5 × tỷ lệ (như Cổng Dịch vụ công quốc gia tính)"),
    "4.1": W("hồ sơ có kết quả điện tử (tệp kết quả)", "hồ sơ tiếp nhận trong kỳ đã có kết quả",
             "6 × tỷ lệ, tối đa 6"),
    "4.2": W("hồ sơ số hóa đủ thành phần (và có kết quả điện tử khi đã có kết quả)", "hồ sơ tiếp nhận trong kỳ",
             "4 × tỷ lệ, tối đa 4 (Cổng không áp dụng mục tiêu 80%)"),
    "ECC": W("thủ tục chứng thực bản sao điện tử từ bản chính đang công khai", "",
             "2 điểm khi có ít nhất một thủ tục; Cổng Dịch vụ công quốc gia không công bố tử số, mẫu số"),
    "4.3": W("hồ sơ dùng giấy tờ lấy từ kho dữ liệu của người nộp", "hồ sơ tiếp nhận trong kỳ",
             "2 × tỷ lệ ÷ 80%, tối đa 2"),
    "4.4": W("hồ sơ lấy giấy tờ từ hoặc đưa kết quả vào kho dữ liệu cá nhân trên Cổng Dịch vụ công quốc gia (kho "
             "dữ liệu của hệ thống chưa kết nối kho quốc gia nên bằng 0)", "hồ sơ tiếp nhận trong kỳ",
             "4 × tỷ lệ, tối đa 4"),
    "4.5a": W("thủ tục dành cho công dân có hồ sơ nộp từ tài khoản đã xác thực VNeID",
              "thủ tục dành cho công dân thuộc phạm vi", "2 × tỷ lệ, tối đa 2"),
    "4.5b": W("hồ sơ nộp từ tài khoản đã xác thực VNeID", "hồ sơ tiếp nhận trong kỳ", "2 × tỷ lệ, tối đa 2"),
    "5.1": W("PAKN về hành vi, thái độ của cán bộ", "PAKN trong kỳ", "chỉ số theo dõi, không tính điểm"),
    "5.2": W("PAKN xử lý đúng hạn mọi bước (từ chối trong 2, đề nghị bổ sung trong 5, trả lời trong 15, công khai "
             "trong 2 ngày làm việc) hoặc còn trong hạn", "PAKN gửi trong kỳ", "6 × tỷ lệ (không có PAKN: 6 điểm)"),
    "5.3": W("PAKN không trễ hạn và không bị người gửi đánh giá không hài lòng", "PAKN trong kỳ",
             "6 × tỷ lệ (không có PAKN: 6 điểm)"),
    "5.4": W("hồ sơ đã và đang giải quyết trừ hồ sơ quá hạn và hồ sơ bị đánh giá không hài lòng",
             "hồ sơ đã và đang giải quyết (mẫu số của chỉ số 2.1)", "6 × tỷ lệ ÷ 90%, tối đa 6"),
}


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
        procedures = procedures.distinct().select_related("current").prefetch_related(
            "current__channels", "current__documents")
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
        rows = sums(self.scope, self.period.start, self.period.end, "procedure_id",
                    ["received_online", "paid_online", "fee_bearing", "citizen_data"])
        use = {"online": set(), "paid_online": set(), "fee_bearing": set(), "citizen_data": set()}
        for procedure_id, row in rows.items():
            for name, column in [("online", "received_online"), ("paid_online", "paid_online"),
                                 ("fee_bearing", "fee_bearing"), ("citizen_data", "citizen_data")]:
                if row[column]:
                    use[name].add(procedure_id)
        return use

    def count(self, measure: str) -> int:
        return len(self.catalogue[measure])


SEVEN = "name, steps, channels, documents, time limit, applicants, agency"


def complete(version) -> bool:
    """Published with all seven components (Decree 63/2010 Art. 8(2)): """ + SEVEN
    channels = list(version.channels.all())
    return bool(version.name.strip() and version.steps.strip() and channels and list(version.documents.all())
                and any(c.unit or c.time_text for c in channels) and version.applicant_types
                and (version.competent_agency.strip() or version.implementing_agency.strip()))


def for_citizens(version) -> bool:
    folded = " ".join(fold(t) for t in version.applicant_types)
    return not version.applicant_types or "cong dan" in folded or "ca nhan" in folded


# ---- 1. Công khai, minh bạch (18) ----

@indicator("1.1", "transparency", "Thủ tục được công bố đúng hạn", 6)
def published_on_time(ctx):
    """Numerator: procedures whose publication decision is dated ≥5 working days before the legal basis takes
    effect; denominator: procedures published in the period. Score 6 × rate. Source: QĐ 766, chỉ số 1.1.
    motcua's catalogue does not hold the effective date of each legal basis yet: no data (None)."""
    return None, None, None


@indicator("1.2", "transparency", "Thủ tục được cập nhật, công khai đúng hạn", 4)
def updated_on_time(ctx):
    """Numerator: procedures made public on the database ≤5 working days after their publication decision;
    denominator: procedures to publish in the period. Score 4 × rate. Source: QĐ 766, chỉ số 1.2.
    The dates of the publication decisions are not in the imported catalogue yet: no data (None)."""
    return None, None, None


@indicator("1.3", "transparency", "Thủ tục công khai đầy đủ 7 bộ phận", 2,
           drill=("procedures", "complete", "in_competence"))
def seven_components(ctx):
    """Numerator: published procedures of the scope with all seven components (name, steps, channels, documents,
    time limit, applicants, agency; Decree 63/2010 Art. 8(2)); denominator: published procedures of the scope.
    Score 2 × rate. Source: QĐ 766, chỉ số 1.3."""
    n, d = ctx.count("complete"), ctx.count("in_competence")
    return n, d, scoring.metric("1.3", n, d)


@indicator("1.4", "transparency", "Hồ sơ được đồng bộ lên Cổng DVCQG", 6)
def synced(ctx):
    """Numerator: dossiers received in the period and synced to the national portal; denominator: dossiers
    received. Score 6 × rate. Source: QĐ 766, chỉ số 1.4. The national-portal outbox is not built yet: no data."""
    return None, None, None


# ---- 2. Tiến độ giải quyết (20) ----

@indicator("2.1", "progress", "Hồ sơ giải quyết trước hạn, đúng hạn", 20,
           drill=("dossiers", "early_or_on_time", "handled"))
def early_or_on_time(ctx):
    """Numerator: dossiers that ended in the period early or on time against the 766 due moment (the first
    promise, shifted by supplement pauses; a second supplement request makes a dossier late), plus those still
    open at the period's end and within time. Denominator: dossiers that ended in the period (withdrawn ones
    excluded) plus those still open at its end. Score 20 × rate; nothing handled scores 0 (DOMAIN.md 4a).
    Source: QĐ 766, chỉ số 2.1; DOMAIN.md 1.10."""
    t = ctx.totals
    return t.early_or_on_time, t.handled, scoring.progress(t.early_or_on_time, t.handled)


@indicator("2.2", "progress", "Thời gian giải quyết trung bình (ngày)", 0, drill=("dossiers", None, "finished"))
def average_time(ctx):
    """Numerator: total calendar time from receipt to end of the dossiers that ended in the period, in seconds;
    denominator: those dossiers. Shown in days; no points. Source: QĐ 766, chỉ số 2.2."""
    t = ctx.totals
    return t.processing_seconds, t.finished, None


# ---- 3. Dịch vụ công trực tuyến (12) ----

@indicator("3.1", "online", "Thủ tục cung cấp dịch vụ công trực tuyến", 2, target="0.8",
           drill=("procedures", "online_services", "in_competence"))
def online_offered(ctx):
    """Numerator: published procedures of the scope offered online (full or partial); denominator: published
    procedures of the scope. Score min(2, 2 × rate / 0.80). Source: QĐ 766, chỉ số 3.1; DOMAIN.md 4a."""
    n, d = ctx.count("online_services"), ctx.count("in_competence")
    r = scoring.ratio(n, d)
    return n, d, None if r is None else min(Decimal(2), 2 * r / Decimal("0.8"))


@indicator("3.2", "online", "Dịch vụ công trực tuyến phát sinh hồ sơ", 4,
           drill=("procedures", "used_online", "online_services"))
def online_used(ctx):
    """Numerator: online services of the scope that received at least one online dossier in the period;
    denominator: online services of the scope. Score 4 × rate. Source: QĐ 766, chỉ số 3.2; DOMAIN.md 4a."""
    n, d = ctx.count("used_online"), ctx.count("online_services")
    r = scoring.ratio(n, d)
    return n, d, None if r is None else 4 * r


@indicator("3.3", "online", "Hồ sơ nộp trực tuyến", 6, target="0.5", drill=("dossiers", "received_online", "received"))
def online_dossiers(ctx):
    """Numerator: dossiers received online in the period; denominator: dossiers received in the period.
    Score min(6, 6 × rate / 0.50). Source: QĐ 766, chỉ số 3.3; DOMAIN.md 4a (the sync-rate factor is 1: every
    motcua dossier is its own record)."""
    n, d = ctx.totals.received_online, ctx.totals.received
    r = scoring.ratio(n, d)
    return n, d, None if r is None else min(Decimal(6), 6 * r / Decimal("0.5"))


# ---- 4. Thanh toán trực tuyến (10) ----

@indicator("3.6", "payment", "Hồ sơ thanh toán trực tuyến", 6, drill=("dossiers", "paid_online", "fee_bearing"))
def paid_online(ctx):
    """Numerator: dossiers received in the period and paid online; denominator: dossiers received in the period
    with a fee to pay. Score 6 × rate (0 when none has a fee). Source: QĐ 766, chỉ số 3.6; DOMAIN.md 4a."""
    t = ctx.totals
    return t.paid_online, t.fee_bearing, 6 * (scoring.ratio(t.paid_online, t.fee_bearing) or 0)


@indicator("3.5b", "payment", "Thủ tục có phí đã phát sinh thanh toán trực tuyến", 2,
           drill=("procedures", "fee_paid_online", "fee"))
def fee_procedures_paid(ctx):
    """Numerator: fee-bearing procedures of the scope with at least one dossier paid online in the period;
    denominator: fee-bearing procedures of the scope. Score min(2, 2.5 × rate). Source: QĐ 766, chỉ số 3.5b;
    DOMAIN.md 4a."""
    n, d = ctx.count("fee_paid_online"), ctx.count("fee")
    return n, d, min(Decimal(2), Decimal("2.5") * (scoring.ratio(n, d) or 0))


@indicator("3.5", "payment", "Thủ tục có phí có dữ liệu phí trên hồ sơ", 2, drill=("procedures", "fee_synced", "fee"))
def fee_procedures_synced(ctx):
    """Numerator: fee-bearing procedures of the scope whose dossiers of the period carry their fee list (the
    portal counts fee data synced to it; motcua counts the fee recorded on the dossier); denominator: fee-bearing
    procedures of the scope. Score 2.5 × rate, as the portal scores it. Source: QĐ 766, chỉ số 3.5; DOMAIN.md 4a."""
    n, d = ctx.count("fee_synced"), ctx.count("fee")
    return n, d, Decimal("2.5") * (scoring.ratio(n, d) or 0)


# ---- 5. Số hóa hồ sơ (22) ----

@indicator("4.1", "digitisation", "Hồ sơ có kết quả điện tử", 6, drill=("dossiers", "e_result", "resulted"))
def e_result(ctx):
    """Numerator: dossiers received in the period whose result was issued with its signed file; denominator:
    dossiers received in the period whose result has been issued. Score min(6, 6 × rate). Source: QĐ 766, chỉ số
    4.1 (ORIGINAL_RESULT_AVAILABLE)."""
    t = ctx.totals
    return t.e_result, t.resulted, scoring.metric("ORIGINAL_RESULT_AVAILABLE", t.e_result, t.resulted)


@indicator("4.2", "digitisation", "Hồ sơ được số hóa", 4, target="0.8", drill=("dossiers", "digitised", "received"))
def digitised(ctx):
    """Numerator: dossiers received in the period with every input document stored as a file and, once issued,
    an e-result; denominator: dossiers received. Score min(4, 4 × rate) (the portal ignores the 80% target).
    Source: QĐ 766, chỉ số 4.2 (SO_HOA_GIAY_TO_GIAI_QUYET)."""
    t = ctx.totals
    return t.digitised, t.received, scoring.metric("SO_HOA_GIAY_TO_GIAI_QUYET", t.digitised, t.received)


@indicator("ECC", "digitisation", "Cung cấp chứng thực bản sao điện tử từ bản chính", 2,
           drill=("procedures", "certified_copy", None))
def certified_copy(ctx):
    """2 points when the scope offers the electronic certified copy from the original (a published procedure of
    that name); the portal publishes no numerator or denominator. Source: QĐ 766 (ELECTRONIC_CERTIFIED_COPY)."""
    n = ctx.count("certified_copy")
    return n, None, Decimal(2) if n else Decimal(0)


@indicator("4.3", "digitisation", "Hồ sơ tái sử dụng dữ liệu số hóa", 2, target="0.8",
           drill=("dossiers", "reused", "received"))
def reused(ctx):
    """Numerator: dossiers received in the period with a document taken from the applicant's data store;
    denominator: dossiers received. Score min(2, 2 × rate / 0.80). Source: QĐ 766, chỉ số 4.3."""
    t = ctx.totals
    return t.reused, t.received, scoring.metric("REUSED_DIGITIZED_DATA", t.reused, t.received)


@indicator("4.4", "digitisation", "Hồ sơ đồng bộ kho dữ liệu cá nhân trên Cổng DVCQG", 4,
           drill=("dossiers", None, "received"))
def national_store(ctx):
    """Numerator: dossiers with a component taken from, or a result pushed to, the personal store on the national
    portal; denominator: dossiers received. Score min(4, 4 × rate). Source: QĐ 766, chỉ số 4.4. motcua's own data
    store is not linked to the national one yet, so the numerator is 0."""
    t = ctx.totals
    return 0, t.received, scoring.metric("SYNCED_WITH_DVCQG_PERSONAL_STORAGE", 0, t.received)


@indicator("4.5a", "digitisation", "Thủ tục khai thác dữ liệu dân cư", 2, drill=("procedures", "citizen_data", "citizen"))
def population_data_procedures(ctx):
    """Numerator: procedures for citizens with at least one dossier in the period from an account verified with
    VNeID; denominator: procedures for citizens of the scope. Score min(2, 2 × rate). Source: QĐ 766, chỉ số 4.5a."""
    n, d = ctx.count("citizen_data"), ctx.count("citizen")
    return n, d, scoring.metric("CITIZEN_DATA_CONNECTED_FORMALITY", n, d)


@indicator("4.5b", "digitisation", "Hồ sơ khai thác dữ liệu dân cư", 2, drill=("dossiers", "citizen_data", "received"))
def population_data_dossiers(ctx):
    """Numerator: dossiers received in the period from an account verified with VNeID; denominator: dossiers
    received. Score min(2, 2 × rate). Source: QĐ 766, chỉ số 4.5b."""
    t = ctx.totals
    return t.citizen_data, t.received, scoring.metric("CITIZEN_DATA_CONNECTED_DOSSIER", t.citizen_data, t.received)


# ---- 6. Mức độ hài lòng (18) ----

@indicator("5.1", "satisfaction", "PAKN về hành vi cán bộ (theo dõi)", 0, drill=("pakn", "pakn_conduct", "pakn"))
def pakn_by_type(ctx):
    """Numerator: PAKN of the period about staff conduct; denominator: PAKN of the period (the rest are about
    rules and procedures). Tracking only, no points. Source: QĐ 766, chỉ số 5.1."""
    return ctx.pakn.conduct, ctx.pakn.total, None


@indicator("5.2", "satisfaction", "PAKN xử lý đúng hạn", 6, drill=("pakn", "pakn_on_time", "pakn"))
def pakn_on_time(ctx):
    """Numerator: PAKN sent in the period whose every step was on time (refuse ≤2, supplement ≤5, answer ≤15,
    publish ≤2 working days), or still open within time; denominator: PAKN sent in the period. Score 6 × rate;
    6 when there is none. Source: QĐ 766, chỉ số 5.2; DOMAIN.md 4, 6."""
    p = ctx.pakn
    return p.on_time, p.total, scoring.metric("PETITION_PROCESSING_ON_TIME", p.on_time, p.total)


@indicator("5.3", "satisfaction", "Hài lòng về xử lý PAKN", 6, drill=("pakn", "pakn_satisfied", "pakn"))
def pakn_satisfaction(ctx):
    """Numerator: PAKN of the period neither late nor rated "không hài lòng" by the sender; denominator: PAKN of
    the period. Score 6 × rate; 6 when there is none. Source: QĐ 766, chỉ số 5.3."""
    p = ctx.pakn
    return p.satisfied, p.total, scoring.metric("PETITION_HANDLING_SATISFACTION", p.satisfied, p.total)


@indicator("5.4", "satisfaction", "Hài lòng về giải quyết hồ sơ", 6, target="0.9", drill=("dossiers", None, "handled"))
def dossier_satisfaction(ctx):
    """100% − (overdue rate + rate of dissatisfied dossiers): numerator = dossiers handled in the period (2.1's
    denominator) − the late ones − dossiers rated "không hài lòng" in the period (never below 0); denominator =
    dossiers handled. Score min(6, 6 × rate / 0.90); 0 when nothing was handled. Source: QĐ 766, chỉ số 5.4."""
    t = ctx.totals
    n = max(0, t.handled - t.late - t.disliked)
    return n, t.handled, scoring.metric("DOSSIER_RECEIVING_SATISFACTION", n, t.handled)


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
