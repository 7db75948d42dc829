"""Báo cáo kết quả thực hiện công tác cải cách thủ tục hành chính: the periodic reform report of an agency (and the
agencies below it) or of the whole province, written from the live figures of the indicator engine.

`build(agency, period)` returns a plain `Report` (heading, sections of paragraphs and tables) that the HTML preview,
the PDF (`report_pdf`), the DOCX (`report_docx`) and the Excel workbook (`report_xlsx`) all render, so the four never
disagree. Table cells keep their values (int, `Percent`, `Score`, text): each renderer formats them, the text ones with
`display` (Vietnamese style: 1.234; 63,64%; "không có dữ liệu" for a ratio with nothing under it).
"""
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace

from django.db.models import Count, Q
from django.utils import timezone

from motcua.agencies.models import Agency
from motcua.catalog.models import Level, OnlineLevel, Procedure, levels_list
from motcua.dossiers.printing.pdf import abbreviation, long_date, name_lines, place_of
from motcua.feedback.models import Feedback
from motcua.vntext import formats
from motcua.vntext.formats import NO_DATA

from . import pakn, satisfaction
from .definitions import scorecard
from .figures import Period, Scope
from .models import OfficialRecord, SectorKpi
from .sector import BY_CODE, CATALOGUE

# Below this many answers a satisfaction share is reported with a plain warning: its 95% interval is wider than
# ±18 points, too wide to compare units or periods.
SMALL_SAMPLE = 30
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
EARLIEST_YEAR = 2015
# The room left in "Số:      /BC-STP" for the văn thư to write the number in: no-break spaces, which HTML keeps.
BLANK = "\u00a0" * 10
# Where a report of the whole province goes: the Government Office follows administrative procedure control and the
# one-stop mechanism nationwide.
NATIONAL_ADDRESSEE = "Văn phòng Chính phủ"
# The heading's left column in the A4 PDF (indicators/pdf.css) and the DOCX: 75 of the 165 mm between the
# margins, text at 12 pt.
REPORT_HEADING = {"width_mm": 75, "size_pt": 12}


# ---- values and how they read ----

@dataclass(frozen=True)
class Percent:
    """A share of 1, shown as a percentage rounded to 2 decimals; None reads "không có dữ liệu"."""
    ratio: Decimal | float | None


@dataclass(frozen=True)
class Score:
    """Points of Decision 766, shown to 2 decimals; None reads "không có dữ liệu"."""
    points: Decimal | None


def percent_text(ratio, places: int = 2) -> str:
    """The report's percentages drop trailing zeros: 50%, 63,64%."""
    return formats.percent(ratio, places, strip=True)


def display(value) -> str:
    """A table cell or a figure as it reads in the report."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int):
        return formats.count(value)
    if isinstance(value, Percent):
        return percent_text(value.ratio)
    if isinstance(value, Score):
        return NO_DATA if value.points is None else formats.decimal(value.points)
    if isinstance(value, (Decimal, float)):
        return formats.decimal(value)
    return str(value)


def ratio_of(numerator, denominator) -> Decimal | None:
    return Decimal(numerator) / Decimal(denominator) if denominator else None


# ---- periods ----

def half_year(year: int, half: int) -> Period:
    start, end = (dt.date(year, 1, 1), dt.date(year, 6, 30)) if half == 1 else (dt.date(year, 7, 1),
                                                                                  dt.date(year, 12, 31))
    return Period(start, end, f"6 tháng {'đầu' if half == 1 else 'cuối'} năm {year}")


PERIOD_CODES = [
    (re.compile(r"^(\d{4})-(\d{2})$"), lambda y, n: Period.month(y, n) if 1 <= n <= 12 else None),
    (re.compile(r"^(\d{4})-Q(\d)$"), lambda y, n: Period.quarter(y, n) if 1 <= n <= 4 else None),
    (re.compile(r"^(\d{4})-H(\d)$"), lambda y, n: half_year(y, n) if n in (1, 2) else None),
    (re.compile(r"^(\d{4})$"), lambda y: Period.year(y)),
]


class PeriodError(ValueError):
    """A period that cannot be reported on; the message says why, in Vietnamese."""


def standard_period(code: str) -> Period | None:
    """"2026-03" (month), "2026-Q1" (quarter), "2026-H1" (first half), "2026" (year); None for anything else."""
    for pattern, make in PERIOD_CODES:
        match = pattern.match((code or "").strip())
        if match:
            return make(*(int(part) for part in match.groups()))
    return None


def parse_period(code: str, today: dt.date | None = None) -> Period:
    """A standard period (`standard_period`) that has begun; PeriodError otherwise."""
    if not (code or "").strip():
        raise PeriodError("Chưa chọn kỳ báo cáo.")
    period = standard_period(code)
    if period is None:
        raise PeriodError(f"Kỳ báo cáo không hợp lệ: “{code}”. Chọn tháng, quý, 6 tháng, năm hoặc khoảng thời gian.")
    return sensible(period, today)


def sensible(period: Period, today: dt.date | None = None) -> Period:
    today = today or timezone.localdate()
    if period.end < period.start:
        raise PeriodError("Ngày kết thúc phải sau ngày bắt đầu.")
    if period.start.year < EARLIEST_YEAR:
        raise PeriodError(f"Kỳ báo cáo phải từ năm {EARLIEST_YEAR} trở đi.")
    if period.start > today:
        raise PeriodError(f"Kỳ báo cáo chưa bắt đầu: {period.label} bắt đầu sau ngày hôm nay.")
    return period


def period_code(period: Period) -> str:
    """The code `parse_period` reads back, or "" for a from–to period."""
    whole_months = period.start.day == 1 and (period.end + dt.timedelta(days=1)).day == 1
    months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
    if not whole_months or period.start.year != period.end.year:
        return ""
    y, m = period.start.year, period.start.month
    if months == 1:
        return f"{y}-{m:02d}"
    if months == 3 and m in (1, 4, 7, 10):
        return f"{y}-Q{(m + 2) // 3}"
    if months == 6 and m in (1, 7):
        return f"{y}-H{1 if m == 1 else 2}"
    if months == 12:
        return str(y)
    return ""


def period_phrase(period: Period) -> str:
    """The period as the title of the report names it: "quý I năm 2026", "tháng 3 năm 2026"."""
    code, year = period_code(period), period.start.year
    if not code:
        return f"từ ngày {period.start:%d/%m/%Y} đến ngày {period.end:%d/%m/%Y}"
    if code == str(year):
        return f"năm {year}"
    kind, number = code[5], int(code[-1])
    if kind == "Q":
        return f"quý {ROMAN[number]} năm {year}"
    if kind == "H":
        return f"6 tháng {'đầu' if number == 1 else 'cuối'} năm {year}"
    return f"tháng {period.start.month} năm {year}"


def period_choices(today: dt.date | None = None, years: int = 3) -> list[tuple[str, list[tuple[str, str]]]]:
    """Periods that have begun, newest first, grouped by year: the months, quarters, halves and the year."""
    today = today or timezone.localdate()
    groups = []
    for year in range(today.year, today.year - years, -1):
        periods = [Period.year(year), half_year(year, 2), half_year(year, 1)]
        periods += [Period.quarter(year, q) for q in (4, 3, 2, 1)]
        periods += [Period.month(year, m) for m in range(12, 0, -1)]
        groups.append((f"Năm {year}", [(period_code(p), p.label) for p in periods if p.start <= today]))
    return groups


# ---- the report ----

@dataclass
class Row:
    cells: list
    kind: str = ""   # "" | "sub" (an indented "trong đó" line) | "total"


@dataclass
class Table:
    key: str            # short name: the Excel sheet, the anchor
    title: str
    columns: list[str]
    rows: list[Row]
    note: str = ""

    def text_rows(self) -> list[tuple[str, list[tuple[str, bool]]]]:
        """Rows as (kind, [(text, is_number)]) for the HTML, PDF and DOCX renderers."""
        return [(row.kind, [(display(cell), isinstance(cell, (int, Percent, Score, Decimal, float))
                             and not isinstance(cell, bool)) for cell in row.cells]) for row in self.rows]


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    level: int = 2      # 1: a part of the report ("I. ..."), 2: a numbered section inside it


@dataclass
class Report:
    scope: Scope
    period: Period
    superior: str           # the body above the issuing agency, upper case ("" when none)
    agency: str             # the issuing agency, upper case
    number: str             # "Số:      /BC-STP": the number itself is left for the văn thư
    place: str
    date: str               # "ngày 05 tháng 4 năm 2026"
    title: str              # "BÁO CÁO"
    subtitle: str           # "Kết quả thực hiện công tác cải cách thủ tục hành chính quý I năm 2026"
    sections: list[Section]
    addressee: str = ""     # "Ủy ban nhân dân tỉnh Phú Thọ": after "Kính gửi:", below the title
    recipients: list[str] = field(default_factory=lambda: ["Như trên;", "Lưu: VT."])
    superior_lines: list[str] = field(default_factory=list)   # the names as whole heading lines (name_lines)
    agency_lines: list[str] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables]

    @property
    def filename(self) -> str:
        code = period_code(self.period) or f"{self.period.start:%Y%m%d}-{self.period.end:%Y%m%d}"
        return f"bao-cao-cai-cach-tthc-{code}"


def _issuer(agency: Agency | None) -> Agency | None:
    """Who signs: the agency reported on, or for the whole province its top agency (the provincial People's
    Committee), when there is one."""
    if agency is not None:
        return agency
    return Agency.objects.filter(level=Agency.Level.PROVINCE, parent=None).select_related("unit").order_by(
        "code").first()


def _heading(agency: Agency | None, today: dt.date) -> dict:
    issuer = _issuer(agency)
    if issuer is None:
        heading = {"superior": "", "agency": "ỦY BAN NHÂN DÂN TỈNH", "number": f"Số:{BLANK}/BC-UBND",
                   "place": place_of(None), "date": long_date(_noon(today))}
    else:
        # The number's suffix is the initials of the name ("Sở Tư pháp tỉnh Phú Thọ" → STP), not the short name.
        suffix = abbreviation(SimpleNamespace(short_name="", name=issuer.name))
        heading = {"superior": issuer.parent.name.upper() if issuer.parent_id else "", "agency": issuer.name.upper(),
                   "number": f"Số:{BLANK}/BC-{suffix}", "place": place_of(issuer), "date": long_date(_noon(today))}
    return {**heading, "addressee": addressee(issuer),
            "superior_lines": name_lines(heading["superior"], **REPORT_HEADING),
            "agency_lines": name_lines(heading["agency"], **REPORT_HEADING, bold=True)}


def addressee(issuer: Agency | None) -> str:
    """"Kính gửi": the body the issuer reports to. A unit reports to the body above it; an agency with none above
    it to the province's People's Committee; the province (its People's Committee, or no agency) to the Government
    Office."""
    if issuer is not None and issuer.parent_id:
        return issuer.parent.name
    root = _issuer(None) if issuer is not None else None
    if issuer is None or (root is not None and root.pk == issuer.pk):
        return NATIONAL_ADDRESSEE
    return root.name if root is not None else "Ủy ban nhân dân tỉnh"


def _noon(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def build(agency: Agency | None, period: Period, now: dt.datetime | None = None) -> Report:
    """The report of `agency` and the agencies below it (None: the whole province) for `period`."""
    now = now or timezone.now()
    scope = Scope.of_agency(agency) if agency is not None else Scope()
    card = scorecard(scope, period, now)
    who = agency.name if agency is not None else "các cơ quan, đơn vị trên địa bàn tỉnh"
    sections = [
        Section("I. KẾT QUẢ THỰC HIỆN", level=1),
        _dossiers_section(card, who),
        _procedures_section(card),
        _scorecard_section(card, agency, period),
        _digital_section(card),
        _pakn_section(card, scope, period, now),
        _satisfaction_section(scope, period),
        _sector_section(scope, period),
        _shortcomings_section(card),
        _tasks_section(card, period),
    ]
    return Report(scope=scope, period=period, **_heading(agency, timezone.localdate(now)), title="BÁO CÁO",
                  subtitle=f"Kết quả thực hiện công tác cải cách thủ tục hành chính {period_phrase(period)}",
                  sections=sections)


def reached(ratio, numerator, denominator, unit: str = "") -> str:
    """" đạt 63,64% (7/11 hồ sơ)", or ": không có dữ liệu" when there is nothing under the ratio."""
    if ratio is None:
        return f": {NO_DATA}"
    return f" đạt {percent_text(ratio)} ({display(numerator)}/{display(denominator)}{unit})"


def _count(n: int, unit: str = "hồ sơ") -> str:
    return f"{display(n)} {unit}"


def _dossiers_section(card, who: str) -> Section:
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
    table = Table("ho-so", "Bảng 1. Tình hình tiếp nhận, giải quyết hồ sơ", ["Chỉ tiêu", "Số hồ sơ", "Tỷ lệ"], rows,
                  note="Tỷ lệ của các dòng “trong đó” tính trên dòng cha; chỉ số 2.1 tính trên hồ sơ đã giải quyết "
                       "trong kỳ và hồ sơ còn đang giải quyết cuối kỳ (không tính hồ sơ công dân rút).")
    return Section("1. Tiếp nhận và giải quyết hồ sơ thủ tục hành chính", paragraphs, [table])


def _procedures_section(card) -> Section:
    ids = card.context.catalogue["in_competence"]
    online_order = [OnlineLevel.FULL, OnlineLevel.PARTIAL, OnlineLevel.NONE]
    counts = {level: {o: 0 for o in online_order} for level in Level.values}
    totals = {o: 0 for o in online_order}
    for levels, online in Procedure.objects.filter(pk__in=ids).values_list("levels", "online_level"):
        online = online if online in totals else OnlineLevel.NONE
        totals[online] += 1
        for level in levels_list(levels) or [Level.OTHER]:
            if level in counts:
                counts[level][online] += 1
    rows = [Row([label, sum(counts[level].values()), *(counts[level][o] for o in online_order)])
            for level, label in Level.choices if sum(counts[level].values())]
    rows.append(Row(["Tổng số thủ tục thuộc thẩm quyền", len(ids), *(totals[o] for o in online_order)], "total"))
    online_share = ratio_of(totals[OnlineLevel.FULL] + totals[OnlineLevel.PARTIAL], len(ids))
    paragraph = (f"Tổng số thủ tục hành chính thuộc thẩm quyền đang công khai: {_count(len(ids), 'thủ tục')}; trong "
                 f"đó cung cấp dịch vụ công trực tuyến toàn trình {display(totals[OnlineLevel.FULL])}, một phần "
                 f"{display(totals[OnlineLevel.PARTIAL])} (tỷ lệ {percent_text(online_share)}), chưa trực tuyến "
                 f"{display(totals[OnlineLevel.NONE])}.")
    table = Table("thu-tuc", "Bảng 2. Thủ tục hành chính thuộc thẩm quyền theo cấp và mức độ trực tuyến",
                  ["Cấp thực hiện", "Số thủ tục", "Toàn trình", "Một phần", "Không trực tuyến"], rows,
                  note="Một thủ tục thực hiện ở nhiều cấp được đếm ở mỗi cấp; dòng tổng đếm mỗi thủ tục một lần.")
    return Section("2. Thủ tục hành chính thuộc thẩm quyền", [paragraph], [table])


def _official_scores(agency: Agency | None, period: Period) -> dict[str, Decimal | None]:
    """The national portal's published score per group, for this agency (or the province's root record)."""
    records = OfficialRecord.objects.filter(period_start=period.start, period_end=period.end)
    records = records.filter(agency=agency) if agency is not None else records.filter(is_root=True)
    return {group: score for group, score in records.values_list("group", "score")}


def _scorecard_section(card, agency, period) -> Section:
    official = _official_scores(agency, period)
    rows = [Row([g.name, g.max_points, Score(g.score), Score(official[g.code]) if g.code in official else "Chưa có"])
            for g in card.groups]
    official_total = sum((s for s in official.values() if s is not None), Decimal(0)) if official else None
    rows.append(Row(["Tổng điểm", 100, Score(card.total), Score(official_total) if official else "Chưa có"],
                    "total"))
    paragraphs = [f"Tổng điểm Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp "
                  f"(Quyết định số 766/QĐ-TTg) tính từ dữ liệu của hệ thống đạt {display(Score(card.total))}/100 điểm."]
    if official:
        paragraphs.append(f"Điểm công bố trên Cổng Dịch vụ công quốc gia cho kỳ này: {display(Score(official_total))} "
                          f"điểm ({len(official)}/{len(card.groups)} nhóm chỉ số có số liệu công bố); điểm công bố là "
                          f"căn cứ chính thức.")
    else:
        paragraphs.append("Chưa có điểm công bố trên Cổng Dịch vụ công quốc gia cho đơn vị và kỳ này.")
    table = Table("chi-so-766", "Bảng 3. Điểm Bộ chỉ số 766 theo nhóm",
                  ["Nhóm chỉ số", "Điểm tối đa", "Điểm tự tính", "Điểm công bố (Cổng DVCQG)"], rows)
    return Section("3. Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp", paragraphs, [table])


DIGITAL = ["4.2", "4.1", "4.3", "3.6", "3.3"]


def _indicator_row(result) -> Row:
    d = result.definition
    target = Percent(d.target) if d.target is not None else ""
    return Row([d.code, d.name, result.numerator, result.denominator, Percent(result.ratio), target])


def _digital_section(card) -> Section:
    results = [card.result(code) for code in DIGITAL]
    sentences = [r.definition.name.lower() + reached(r.ratio, r.numerator, r.denominator) for r in results]
    paragraph = "Về chuyển đổi số trong giải quyết thủ tục hành chính: tỷ lệ " + "; ".join(sentences) + "."
    table = Table("so-hoa", "Bảng 4. Số hóa, kết quả điện tử, tái sử dụng dữ liệu và thanh toán trực tuyến",
                  ["Chỉ số", "Nội dung", "Tử số", "Mẫu số", "Tỷ lệ", "Mục tiêu"],
                  [_indicator_row(r) for r in results])
    return Section("4. Số hóa hồ sơ, kết quả điện tử và thanh toán trực tuyến", [paragraph], [table])


def _pakn_section(card, scope, period, now) -> Section:
    figures = card.context.pakn
    statuses = Feedback.objects.filter(pakn.feedback_q(scope, period, "pakn", now)).aggregate(
        answered=Count("pk", filter=Q(status__in=[Feedback.Status.ANSWERED, Feedback.Status.PUBLISHED])),
        published=Count("pk", filter=Q(status=Feedback.Status.PUBLISHED)),
        refused=Count("pk", filter=Q(status=Feedback.Status.REFUSED)))
    in_progress = figures.total - statuses["answered"] - statuses["refused"]
    on_time = ratio_of(figures.on_time, figures.total)
    paragraph = (f"Trong kỳ tiếp nhận {_count(figures.total, 'phản ánh, kiến nghị')} (về quy định, thủ tục hành "
                 f"chính {display(figures.procedure)}, về hành vi của cán bộ, công chức {display(figures.conduct)}); "
                 f"đã trả lời {display(statuses['answered'])}, đã công khai kết quả {display(statuses['published'])}, "
                 f"không tiếp nhận {display(statuses['refused'])}, đang xử lý {display(in_progress)}. Tỷ lệ xử lý "
                 f"đúng hạn (chỉ số 5.2){reached(on_time, figures.on_time, figures.total)}.")
    rows = [
        Row(["Phản ánh, kiến nghị tiếp nhận trong kỳ", figures.total, None]),
        Row(["Về quy định, thủ tục hành chính", figures.procedure, Percent(ratio_of(figures.procedure, figures.total))],
            "sub"),
        Row(["Về hành vi của cán bộ, công chức", figures.conduct, Percent(ratio_of(figures.conduct, figures.total))],
            "sub"),
        Row(["Đã có kết quả trả lời", statuses["answered"], Percent(ratio_of(statuses["answered"], figures.total))]),
        Row(["Đã công khai kết quả", statuses["published"], Percent(ratio_of(statuses["published"], figures.total))],
            "sub"),
        Row(["Không tiếp nhận", statuses["refused"], None]),
        Row(["Đang xử lý", in_progress, None]),
        Row(["Xử lý đúng hạn (chỉ số 5.2)", figures.on_time, Percent(on_time)], "total"),
    ]
    table = Table("pakn", "Bảng 5. Tiếp nhận, xử lý phản ánh, kiến nghị", ["Chỉ tiêu", "Số lượng", "Tỷ lệ"], rows)
    return Section("5. Tiếp nhận, xử lý phản ánh, kiến nghị", [paragraph], [table])


def share_text(share) -> str:
    """"Hài lòng 100% (3/3 ý kiến; khoảng tin cậy 95%: 43,9%–100%)", and plainly when the sample is small."""
    if not share.answers:
        return "chưa có ý kiến đánh giá nào trong kỳ"
    low, high = share.interval
    text = (f"Hài lòng {percent_text(share.ratio)} ({display(share.satisfied)}/{display(share.answers)} ý kiến; "
            f"khoảng tin cậy 95%: {percent_text(low, 1)}–{percent_text(high, 1)})")
    if share.answers < SMALL_SAMPLE:
        text += f"; mẫu nhỏ (dưới {SMALL_SAMPLE} ý kiến), tỷ lệ chỉ có ý nghĩa tham khảo"
    return text


def _satisfaction_section(scope, period) -> Section:
    shares = satisfaction.shares(scope, period)
    overall = shares[0]
    paragraphs = [f"Đánh giá sự hài lòng của tổ chức, cá nhân (Nghị định số 61/2018/NĐ-CP, Điều 31) trong kỳ: "
                  f"{share_text(overall)}."]
    small = [s.label for s in shares[1:] if 0 < s.answers < SMALL_SAMPLE]
    if small and overall.answers >= SMALL_SAMPLE:
        paragraphs.append("Các tiêu chí có ít hơn " f"{SMALL_SAMPLE} ý kiến chỉ có ý nghĩa tham khảo: "
                          + ", ".join(small) + ".")
    rows = []
    for share in shares:
        interval = (f"{percent_text(share.interval[0], 1)}–{percent_text(share.interval[1], 1)}"
                    if share.interval else "")
        rows.append(Row([share.label, share.answers, share.satisfied, Percent(share.ratio), interval,
                         "Mẫu nhỏ" if 0 < share.answers < SMALL_SAMPLE else ""],
                        "total" if share.key == "overall" else ""))
    table = Table("hai-long", "Bảng 6. Mức độ hài lòng theo tiêu chí",
                  ["Tiêu chí", "Số ý kiến", "Hài lòng", "Tỷ lệ hài lòng", "Khoảng tin cậy 95%", "Ghi chú"], rows,
                  note=f"Khoảng tin cậy 95% theo phương pháp Wilson; dưới {SMALL_SAMPLE} ý kiến là mẫu nhỏ.")
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
    return Row([kpi.name if kpi else entry.code, entry.agency.name, period_label(period), entry.value,
                entry.denominator, Percent(ratio_of(entry.value, entry.denominator))])


def period_label(period: Period) -> str:
    """"Tháng 03/2026", "Quý I/2026", "6 tháng đầu năm 2026", "Năm 2026" or "Từ 01/03/2026 đến 15/03/2026"."""
    return (standard_period(period_code(period)) or Period.between(period.start, period.end)).label


KPI_COLUMNS = ["Chỉ tiêu", "Cơ quan báo cáo", "Kỳ số liệu", "Giá trị", "Mẫu số", "Tỷ lệ"]


def _sector_section(scope, period) -> Section:
    entries = sector_entries(scope, period)
    if entries:
        paragraph = (f"Các chỉ tiêu ngành do các cơ quan chuyên ngành báo cáo trong kỳ ({len(entries)} số liệu) "
                     f"được tổng hợp tại Bảng 7.")
    else:
        paragraph = "Chưa có cơ quan nào nhập số liệu chỉ tiêu ngành cho kỳ này."
    table = Table("chi-tieu-nganh", "Bảng 7. Chỉ tiêu ngành (Đề án 06)", KPI_COLUMNS,
                  [kpi_row(entry) for entry in entries],
                  note="Tỷ lệ = giá trị / mẫu số; mỗi cơ quan lấy số liệu mới nhất trong kỳ.")
    return Section("7. Chỉ tiêu ngành", [paragraph], [table])


def _shortcomings_section(card) -> Section:
    t = card.totals
    bullets = []
    if t.open_overdue or t.finished_late:
        bullets.append(f"Còn {_count(t.open_overdue)} đang giải quyết quá hạn tại thời điểm cuối kỳ; "
                       f"{_count(t.finished_late)} đã giải quyết quá hạn trong kỳ.")
    results = [r for g in card.groups for r in g.results]
    for result in results:
        d = result.definition
        if result.meets_target is False:
            bullets.append(f"Chỉ số {d.code} ({d.name}) đạt {percent_text(result.ratio)}, chưa đạt mục tiêu "
                           f"{percent_text(d.target)}.")
    missing = [r.definition.code for r in results if r.numerator is None]
    if missing:
        bullets.append("Hệ thống chưa có dữ liệu để tính các chỉ số: " + ", ".join(missing) + ".")
    if not bullets:
        bullets.append("Trong kỳ không có hồ sơ quá hạn và các chỉ số có mục tiêu đều đạt.")
    return Section("II. TỒN TẠI, HẠN CHẾ", level=1, bullets=bullets)


def next_period_phrase(period: Period) -> str:
    """The period after `period`, as the title of section III names it: "quý II năm 2026", "năm 2027"; "kỳ tới" after
    a from–to period."""
    code, year = period_code(period), period.start.year
    if not code:
        return "kỳ tới"
    if code == str(year):
        return f"năm {year + 1}"
    if code[5] == "Q":
        quarter = int(code[-1])
        return period_phrase(Period.quarter(year + quarter // 4, quarter % 4 + 1))
    if code[5] == "H":
        half = int(code[-1])
        return period_phrase(half_year(year + half // 2, half % 2 + 1))
    month = period.start.month
    return period_phrase(Period.month(year + month // 12, month % 12 + 1))


def _tasks_section(card, period) -> Section:
    """III. The tasks of the next period, one for each shortcoming of section II that the figures show, then the
    standing one: the head adds the rest in the Word version."""
    t = card.totals
    bullets = []
    if t.open_overdue:
        bullets.append(f"Giải quyết dứt điểm {_count(t.open_overdue)} đang quá hạn; với hồ sơ chưa thể trả kết quả, "
                       f"gửi văn bản xin lỗi và hẹn lại ngày trả kết quả (Mẫu số 04) theo quy định.")
    if t.finished_late:
        bullets.append("Rà soát nguyên nhân các hồ sơ giải quyết quá hạn trong kỳ, xác định trách nhiệm của cơ quan, "
                       "đơn vị để chấn chỉnh, không để tái diễn.")
    for result in (r for g in card.groups for r in g.results):
        d = result.definition
        if result.meets_target is False:
            bullets.append(f"Nâng tỷ lệ {d.name.lower()} (chỉ số {d.code}) từ {percent_text(result.ratio)} lên "
                           f"mục tiêu {percent_text(d.target)}.")
    missing = [r.definition.code for g in card.groups for r in g.results if r.numerator is None]
    if missing:
        bullets.append("Hoàn thiện việc cập nhật, đồng bộ dữ liệu để hệ thống tính được các chỉ số: "
                       + ", ".join(missing) + ".")
    bullets.append("Tiếp tục theo dõi, đánh giá hằng tháng Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục "
                   "vụ người dân, doanh nghiệp (Quyết định số 766/QĐ-TTg); công khai kết quả trên Cổng Dịch vụ công.")
    title = f"III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM {next_period_phrase(period).upper()}"
    return Section(title, level=1, bullets=bullets)
