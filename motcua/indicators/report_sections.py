"""The sections of the reform report (I. results, with its numbered sections; II. shortcomings; III. the next
period's tasks): each gathers its figures (the 766 scorecard, PAKN, satisfaction, sector KPIs, the catalogue) and
writes them as paragraphs, bullets and tables.

Split from `report.py` (issue 13), which assembles these sections under the official heading.
"""

from decimal import Decimal

from django.db.models import Count, Q

from motcua.agencies.models import Agency
from motcua.catalog.models import Level, OnlineLevel, levels_list
from motcua.feedback.models import Feedback
from motcua.vntext import formats
from motcua.vntext.formats import NO_DATA

from . import pakn, satisfaction
from .figures import Period, Scope
from .models import OfficialRecord, SectorKpi
from .report_document import Percent, Row, Score, Section, Table, display, percent_text, ratio_of
from .report_periods import next_period_phrase, period_label
from .sector import BY_CODE, CATALOGUE

# Below this many answers a satisfaction share is reported with a plain warning: its 95% interval is wider than
# ±18 points, too wide to compare units or periods.
SMALL_SAMPLE = 30


def reached(ratio, numerator, denominator, unit: str = "") -> str:
    """ " đạt 63,64% (7/11 hồ sơ)", or ": không có dữ liệu" when there is nothing under the ratio."""
    if ratio is None:
        return f": {NO_DATA}"
    return f" đạt {percent_text(ratio)} ({display(numerator)}/{display(denominator)}{unit})"


def _count(n: int, unit: str = "hồ sơ") -> str:
    return f"{display(n)} {unit}"


def dossiers_section(card, who: str) -> Section:
    t = card.totals
    r21 = card.result("2.1")
    to_handle = t.carried_over + t.received
    average = t.avg_processing_days
    paragraphs = [
        f"Trong kỳ, Bộ phận tiếp nhận và trả kết quả đã tiếp nhận {_count(t.received)} mới thuộc thẩm quyền giải "
        f"quyết của {who} (trực tiếp {display(t.received_direct)}, trực tuyến {display(t.received_online)}, qua "
        f"dịch vụ bưu chính {display(t.received_postal)}); kỳ trước chuyển sang {_count(t.carried_over)}; tổng số "
        f"hồ sơ phải giải quyết là {_count(to_handle)}.",
        f"Đã giải quyết {_count(t.finished)} (trước hạn {display(t.finished_early)}, đúng hạn "
        f"{display(t.finished_on_time)}, quá hạn {display(t.finished_late)}), trong đó từ chối giải quyết "
        f"{display(t.refused)}, dừng xử lý {display(t.stopped)}; công dân rút {_count(t.withdrawn)}; đang giải quyết "
        f"{_count(t.open_end)} (trong hạn {display(t.open_within)}, quá hạn {display(t.open_overdue)}). Tỷ lệ hồ sơ "
        f"giải quyết trước hạn, đúng hạn (chỉ số 2.1, Quyết định số 766/QĐ-TTg)"
        f"{reached(r21.ratio, r21.numerator, r21.denominator, ' hồ sơ')}.",
        "Thời gian giải quyết trung bình: "
        + (f"{formats.decimal(average, strip=True)} ngày/hồ sơ." if average is not None else f"{NO_DATA}.")
        + f" Số hồ sơ phải yêu cầu bổ sung: {_count(t.supplemented)} ({display(t.supplement_requests)} lần yêu cầu).",
    ]
    rows = [
        Row(["Kỳ trước chuyển sang", t.carried_over, None]),
        Row(["Tiếp nhận mới trong kỳ", t.received, None]),
        Row(["Trực tiếp", t.received_direct, Percent(ratio_of(t.received_direct, t.received))], "sub"),
        Row(["Trực tuyến", t.received_online, Percent(ratio_of(t.received_online, t.received))], "sub"),
        Row(["Qua dịch vụ bưu chính", t.received_postal, Percent(ratio_of(t.received_postal, t.received))], "sub"),
        Row(["Đã giải quyết", t.finished, None]),
        Row(["Trước hạn", t.finished_early, Percent(ratio_of(t.finished_early, t.finished))], "sub"),
        Row(["Đúng hạn", t.finished_on_time, Percent(ratio_of(t.finished_on_time, t.finished))], "sub"),
        Row(["Quá hạn", t.finished_late, Percent(ratio_of(t.finished_late, t.finished))], "sub"),
        Row(["Từ chối giải quyết", t.refused, None], "sub"),
        Row(["Dừng xử lý", t.stopped, None], "sub"),
        Row(["Công dân rút hồ sơ", t.withdrawn, None]),
        Row(["Đang giải quyết cuối kỳ", t.open_end, None]),
        Row(["Trong hạn", t.open_within, Percent(ratio_of(t.open_within, t.open_end))], "sub"),
        Row(["Quá hạn", t.open_overdue, Percent(ratio_of(t.open_overdue, t.open_end))], "sub"),
        Row(["Hồ sơ phải yêu cầu bổ sung", t.supplemented, Percent(ratio_of(t.supplemented, t.received))]),
        Row(["Số lần yêu cầu bổ sung", t.supplement_requests, None]),
        Row(["Trước hạn, đúng hạn (chỉ số 2.1)", r21.numerator, Percent(r21.ratio)], "total"),
        Row(["Thời gian giải quyết trung bình (ngày)", average if average is not None else NO_DATA, None]),
    ]
    table = Table(
        "ho-so",
        "Bảng 1. Tình hình tiếp nhận, giải quyết hồ sơ",
        ["Chỉ tiêu", "Số hồ sơ", "Tỷ lệ"],
        rows,
        note="Tỷ lệ của các dòng “trong đó” tính trên dòng cha; chỉ số 2.1 tính trên hồ sơ đã giải quyết "
        "trong kỳ và hồ sơ còn đang giải quyết cuối kỳ (không tính hồ sơ công dân rút).",
    )
    return Section("1. Tiếp nhận và giải quyết hồ sơ thủ tục hành chính", paragraphs, [table])


def procedures_section(card) -> Section:
    ids = card.context.catalogue["in_competence"]
    online_order = [OnlineLevel.FULL, OnlineLevel.PARTIAL, OnlineLevel.NONE]
    counts = {level: dict.fromkeys(online_order, 0) for level in Level.values}
    totals = dict.fromkeys(online_order, 0)
    levels_of = card.context.procedure_levels  # read with the catalogue's measures: no second query by 2,642 ids
    for levels, online in (levels_of[pk] for pk in ids):
        online = online if online in totals else OnlineLevel.NONE
        totals[online] += 1
        for level in levels_list(levels) or [Level.OTHER]:
            if level in counts:
                counts[level][online] += 1
    rows = [
        Row([label, sum(counts[level].values()), *(counts[level][o] for o in online_order)])
        for level, label in Level.choices
        if sum(counts[level].values())
    ]
    rows.append(Row(["Tổng số thủ tục thuộc thẩm quyền", len(ids), *(totals[o] for o in online_order)], "total"))
    online_share = ratio_of(totals[OnlineLevel.FULL] + totals[OnlineLevel.PARTIAL], len(ids))
    paragraph = (
        f"Tổng số thủ tục hành chính thuộc thẩm quyền đang công khai: {_count(len(ids), 'thủ tục')}; trong "
        f"đó cung cấp dịch vụ công trực tuyến toàn trình {display(totals[OnlineLevel.FULL])}, một phần "
        f"{display(totals[OnlineLevel.PARTIAL])} (tỷ lệ {percent_text(online_share)}), chưa trực tuyến "
        f"{display(totals[OnlineLevel.NONE])}."
    )
    table = Table(
        "thu-tuc",
        "Bảng 2. Thủ tục hành chính thuộc thẩm quyền theo cấp và mức độ trực tuyến",
        ["Cấp thực hiện", "Số thủ tục", "Toàn trình", "Một phần", "Không trực tuyến"],
        rows,
        note="Một thủ tục thực hiện ở nhiều cấp được đếm ở mỗi cấp; dòng tổng đếm mỗi thủ tục một lần.",
    )
    return Section("2. Thủ tục hành chính thuộc thẩm quyền", [paragraph], [table])


def _official_scores(agency: Agency | None, period: Period) -> dict[str, Decimal | None]:
    """The national portal's published score per group, for this agency (or the province's root record)."""
    records = OfficialRecord.objects.filter(period_start=period.start, period_end=period.end)
    records = records.filter(agency=agency) if agency is not None else records.filter(is_root=True)
    return dict(records.values_list("group", "score"))


def scorecard_section(card, agency, period) -> Section:
    official = _official_scores(agency, period)
    rows = [
        Row([g.name, g.max_points, Score(g.score), Score(official[g.code]) if g.code in official else "Chưa có"])
        for g in card.groups
    ]
    official_total = sum((s for s in official.values() if s is not None), Decimal(0)) if official else None
    rows.append(Row(["Tổng điểm", 100, Score(card.total), Score(official_total) if official else "Chưa có"], "total"))
    paragraphs = [
        f"Tổng điểm Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp "
        f"(Quyết định số 766/QĐ-TTg) tính từ dữ liệu của hệ thống đạt {display(Score(card.total))}/100 điểm."
    ]
    if official:
        paragraphs.append(
            f"Điểm công bố trên Cổng Dịch vụ công quốc gia cho kỳ này: {display(Score(official_total))} "
            f"điểm ({len(official)}/{len(card.groups)} nhóm chỉ số có số liệu công bố); điểm công bố là "
            f"căn cứ chính thức."
        )
    else:
        paragraphs.append("Chưa có điểm công bố trên Cổng Dịch vụ công quốc gia cho đơn vị và kỳ này.")
    table = Table(
        "chi-so-766",
        "Bảng 3. Điểm Bộ chỉ số 766 theo nhóm",
        ["Nhóm chỉ số", "Điểm tối đa", "Điểm tự tính", "Điểm công bố (Cổng DVCQG)"],
        rows,
    )
    return Section("3. Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp", paragraphs, [table])


DIGITAL = ["4.2", "4.1", "4.3", "3.6", "3.3"]


def _indicator_row(result) -> Row:
    d = result.definition
    target = Percent(d.target) if d.target is not None else ""
    return Row([d.code, d.name, result.numerator, result.denominator, Percent(result.ratio), target])


def digital_section(card) -> Section:
    results = [card.result(code) for code in DIGITAL]
    sentences = [r.definition.name.lower() + reached(r.ratio, r.numerator, r.denominator) for r in results]
    paragraph = "Về chuyển đổi số trong giải quyết thủ tục hành chính: tỷ lệ " + "; ".join(sentences) + "."
    table = Table(
        "so-hoa",
        "Bảng 4. Số hóa, kết quả điện tử, tái sử dụng dữ liệu và thanh toán trực tuyến",
        ["Chỉ số", "Nội dung", "Tử số", "Mẫu số", "Tỷ lệ", "Mục tiêu"],
        [_indicator_row(r) for r in results],
    )
    return Section("4. Số hóa hồ sơ, kết quả điện tử và thanh toán trực tuyến", [paragraph], [table])


def pakn_section(card, scope, period, now) -> Section:
    figures = card.context.pakn
    statuses = Feedback.objects.filter(pakn.feedback_q(scope, period, "pakn", now)).aggregate(
        answered=Count("pk", filter=Q(status__in=[Feedback.Status.ANSWERED, Feedback.Status.PUBLISHED])),
        published=Count("pk", filter=Q(status=Feedback.Status.PUBLISHED)),
        refused=Count("pk", filter=Q(status=Feedback.Status.REFUSED)),
    )
    in_progress = figures.total - statuses["answered"] - statuses["refused"]
    on_time = ratio_of(figures.on_time, figures.total)
    paragraph = (
        f"Trong kỳ tiếp nhận {_count(figures.total, 'phản ánh, kiến nghị')} (về quy định, thủ tục hành "
        f"chính {display(figures.procedure)}, về hành vi của cán bộ, công chức {display(figures.conduct)}); "
        f"đã trả lời {display(statuses['answered'])}, đã công khai kết quả {display(statuses['published'])}, "
        f"không tiếp nhận {display(statuses['refused'])}, đang xử lý {display(in_progress)}. Tỷ lệ xử lý "
        f"đúng hạn (chỉ số 5.2){reached(on_time, figures.on_time, figures.total)}."
    )
    rows = [
        Row(["Phản ánh, kiến nghị tiếp nhận trong kỳ", figures.total, None]),
        Row(
            ["Về quy định, thủ tục hành chính", figures.procedure, Percent(ratio_of(figures.procedure, figures.total))],
            "sub",
        ),
        Row(
            ["Về hành vi của cán bộ, công chức", figures.conduct, Percent(ratio_of(figures.conduct, figures.total))],
            "sub",
        ),
        Row(["Đã có kết quả trả lời", statuses["answered"], Percent(ratio_of(statuses["answered"], figures.total))]),
        Row(
            ["Đã công khai kết quả", statuses["published"], Percent(ratio_of(statuses["published"], figures.total))],
            "sub",
        ),
        Row(["Không tiếp nhận", statuses["refused"], None]),
        Row(["Đang xử lý", in_progress, None]),
        Row(["Xử lý đúng hạn (chỉ số 5.2)", figures.on_time, Percent(on_time)], "total"),
    ]
    table = Table("pakn", "Bảng 5. Tiếp nhận, xử lý phản ánh, kiến nghị", ["Chỉ tiêu", "Số lượng", "Tỷ lệ"], rows)
    return Section("5. Tiếp nhận, xử lý phản ánh, kiến nghị", [paragraph], [table])


def share_text(share) -> str:
    """ "Hài lòng 100% (3/3 ý kiến; khoảng tin cậy 95%: 43,9%–100%)", and plainly when the sample is small."""
    if not share.answers:
        return "chưa có ý kiến đánh giá nào trong kỳ"
    low, high = share.interval
    text = (
        f"Hài lòng {percent_text(share.ratio)} ({display(share.satisfied)}/{display(share.answers)} ý kiến; "
        f"khoảng tin cậy 95%: {percent_text(low, 1)}–{percent_text(high, 1)})"
    )
    if share.answers < SMALL_SAMPLE:
        text += f"; mẫu nhỏ (dưới {SMALL_SAMPLE} ý kiến), tỷ lệ chỉ có ý nghĩa tham khảo"
    return text


def satisfaction_section(card) -> Section:
    shares = satisfaction.shares(card.scope, card.period, card.totals.sums)  # the period's sums, read once
    overall = shares[0]
    paragraphs = [
        f"Đánh giá sự hài lòng của tổ chức, cá nhân (Nghị định số 61/2018/NĐ-CP, Điều 31) trong kỳ: "
        f"{share_text(overall)}."
    ]
    small = [s.label for s in shares[1:] if 0 < s.answers < SMALL_SAMPLE]
    if small and overall.answers >= SMALL_SAMPLE:
        paragraphs.append(
            f"Các tiêu chí có ít hơn {SMALL_SAMPLE} ý kiến chỉ có ý nghĩa tham khảo: " + ", ".join(small) + "."
        )
    rows = []
    for share in shares:
        interval = (
            f"{percent_text(share.interval[0], 1)}–{percent_text(share.interval[1], 1)}" if share.interval else ""
        )
        rows.append(
            Row(
                [
                    share.label,
                    share.answers,
                    share.satisfied,
                    Percent(share.ratio),
                    interval,
                    "Mẫu nhỏ" if 0 < share.answers < SMALL_SAMPLE else "",
                ],
                "total" if share.key == "overall" else "",
            )
        )
    table = Table(
        "hai-long",
        "Bảng 6. Mức độ hài lòng theo tiêu chí",
        ["Tiêu chí", "Số ý kiến", "Hài lòng", "Tỷ lệ hài lòng", "Khoảng tin cậy 95%", "Ghi chú"],
        rows,
        note=f"Khoảng tin cậy 95% theo phương pháp Wilson; dưới {SMALL_SAMPLE} ý kiến là mẫu nhỏ.",
    )
    return Section("6. Mức độ hài lòng của tổ chức, cá nhân", paragraphs, [table])


def sector_entries(scope: Scope, period: Period) -> list[SectorKpi]:
    """For each KPI and reporting agency of the scope, its latest figure of a period inside the report's period
    (the KPIs are stocks, such as accounts activated: a later figure replaces an earlier one, never adds to it)."""
    order = {kpi.code: index for index, kpi in enumerate(CATALOGUE)}
    entries = SectorKpi.objects.filter(period_start__gte=period.start, period_end__lte=period.end)
    if scope.agency_ids is not None:
        entries = entries.filter(agency_id__in=scope.agency_ids)
    latest = {}
    for entry in entries.select_related("agency").order_by("period_end", "period_start"):
        latest[(entry.code, entry.agency_id)] = entry
    return sorted(latest.values(), key=lambda e: (order.get(e.code, len(order)), e.agency.name))


def kpi_row(entry: SectorKpi) -> Row:
    kpi = BY_CODE.get(entry.code)
    period = Period(entry.period_start, entry.period_end)
    return Row(
        [
            kpi.name if kpi else entry.code,
            entry.agency.name,
            period_label(period),
            entry.value,
            entry.denominator,
            Percent(ratio_of(entry.value, entry.denominator)),
        ]
    )


KPI_COLUMNS = ["Chỉ tiêu", "Cơ quan báo cáo", "Kỳ số liệu", "Giá trị", "Mẫu số", "Tỷ lệ"]


def sector_section(scope, period) -> Section:
    entries = sector_entries(scope, period)
    if entries:
        paragraph = (
            f"Các chỉ tiêu ngành do các cơ quan chuyên ngành báo cáo trong kỳ ({len(entries)} số liệu) "
            f"được tổng hợp tại Bảng 7."
        )
    else:
        paragraph = "Chưa có cơ quan nào nhập số liệu chỉ tiêu ngành cho kỳ này."
    table = Table(
        "chi-tieu-nganh",
        "Bảng 7. Chỉ tiêu ngành (Đề án 06)",
        KPI_COLUMNS,
        [kpi_row(entry) for entry in entries],
        note="Tỷ lệ = giá trị / mẫu số; mỗi cơ quan lấy số liệu mới nhất trong kỳ.",
    )
    return Section("7. Chỉ tiêu ngành", [paragraph], [table])


def shortcomings_section(card) -> Section:
    t = card.totals
    bullets = []
    if t.open_overdue or t.finished_late:
        bullets.append(
            f"Còn {_count(t.open_overdue)} đang giải quyết quá hạn tại thời điểm cuối kỳ; "
            f"{_count(t.finished_late)} đã giải quyết quá hạn trong kỳ."
        )
    results = [r for g in card.groups for r in g.results]
    for result in results:
        d = result.definition
        if result.meets_target is False:
            bullets.append(
                f"Chỉ số {d.code} ({d.name}) đạt {percent_text(result.ratio)}, chưa đạt mục tiêu "
                f"{percent_text(d.target)}."
            )
    missing = [r.definition.code for r in results if r.numerator is None]
    if missing:
        bullets.append("Hệ thống chưa có dữ liệu để tính các chỉ số: " + ", ".join(missing) + ".")
    if not bullets:
        bullets.append("Trong kỳ không có hồ sơ quá hạn và các chỉ số có mục tiêu đều đạt.")
    return Section("II. TỒN TẠI, HẠN CHẾ", level=1, bullets=bullets)


def tasks_section(card, period) -> Section:
    """III. The tasks of the next period, one for each shortcoming of section II that the figures show, then the
    standing one: the head adds the rest in the Word version."""
    t = card.totals
    bullets = []
    if t.open_overdue:
        bullets.append(
            f"Giải quyết dứt điểm {_count(t.open_overdue)} đang quá hạn; với hồ sơ chưa thể trả kết quả, "
            f"gửi văn bản xin lỗi và hẹn lại ngày trả kết quả (Mẫu số 04) theo quy định."
        )
    if t.finished_late:
        bullets.append(
            "Rà soát nguyên nhân các hồ sơ giải quyết quá hạn trong kỳ, xác định trách nhiệm của cơ quan, "
            "đơn vị để chấn chỉnh, không để tái diễn."
        )
    for result in (r for g in card.groups for r in g.results):
        d = result.definition
        if result.meets_target is False:
            bullets.append(
                f"Nâng tỷ lệ {d.name.lower()} (chỉ số {d.code}) từ {percent_text(result.ratio)} lên "
                f"mục tiêu {percent_text(d.target)}."
            )
    missing = [r.definition.code for g in card.groups for r in g.results if r.numerator is None]
    if missing:
        bullets.append(
            "Hoàn thiện việc cập nhật, đồng bộ dữ liệu để hệ thống tính được các chỉ số: " + ", ".join(missing) + "."
        )
    bullets.append(
        "Tiếp tục theo dõi, đánh giá hằng tháng Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục "
        "vụ người dân, doanh nghiệp (Quyết định số 766/QĐ-TTg); công khai kết quả trên Cổng Dịch vụ công."
    )
    title = f"III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM {next_period_phrase(period).upper()}"
    return Section(title, level=1, bullets=bullets)
