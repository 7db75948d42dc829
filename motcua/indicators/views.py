"""Báo cáo (/bao-cao/): the periodic reform report of an agency or of the province (preview, PDF, Word, Excel), and
the sector KPI entry with its history. Heads report on their agencies and those below; monitors on any agency or
the whole province; any staff member enters the sector KPIs of the agencies they work at."""

import datetime as dt
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from motcua.agencies.models import Agency
from motcua.dossiers import permissions
from motcua.replicas import reads_from_replica
from motcua.vntext import formats

from . import report, report_docx, report_pdf, report_xlsx, sector
from .figures import Period
from .models import SectorKpi
from .report_document import Percent, Row, Table, ratio_of
from .report_periods import PeriodError, parse_period, period_choices, period_code, period_label, sensible

PROVINCE = "toan-tinh"
RANGE = "khoang"
HISTORY_PAGE = 30
FILES = {
    "pdf": ("application/pdf", "pdf", "inline"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "attachment"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "attachment"),
}


class Refused(Exception):
    """A request this page cannot answer: shown as a Vietnamese error page with its status."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def error_page(request, status: int, message: str):
    return render(request, "indicators/error.html", {"status": status, "message": message}, status=status)


def staff_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not permissions.roles_of(request.user):
            return error_page(request, 403, "Trang này dành cho cán bộ, công chức.")
        try:
            return view(request, *args, **kwargs)
        except Refused as refused:
            return error_page(request, refused.status, refused.message)

    return wrapped


def _file(content: bytes, kind: str, name: str) -> HttpResponse:
    content_type, extension, disposition = FILES[kind]
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'{disposition}; filename="{name}.{extension}"'
    return response


# ---- the report ----


def reportable_ids(user) -> set[int] | None:
    """Agencies whose report the user may read: None for a monitor (every agency and the province)."""
    if permissions.is_monitor(user):
        return None
    ids = set()
    for agency in Agency.objects.filter(pk__in=permissions.agencies_with(user, {permissions.HEAD})):
        ids.update(agency.descendant_ids())
    return ids


def _agency(code: str, allowed: set[int] | None) -> Agency | None:
    if code in ("", PROVINCE):
        if allowed is not None:
            raise Refused(403, "Chỉ cán bộ giám sát cấp tỉnh xem được báo cáo toàn tỉnh; hãy chọn đơn vị của bạn.")
        return None
    agency = Agency.objects.select_related("parent", "unit").filter(code=code).first()
    if agency is None:
        raise Refused(404, f"Không có cơ quan, đơn vị mã “{code}”.")
    if allowed is not None and agency.pk not in allowed:
        raise Refused(
            403,
            f"Bạn chỉ xem được báo cáo của đơn vị mình và các đơn vị trực thuộc; {agency.name} không thuộc phạm vi đó.",
        )
    return agency


def _date(value: str, label: str) -> dt.date:
    day = formats.parse_date(value)
    if day:
        return day
    raise PeriodError(f"{label} không hợp lệ: “{value}” (nhập theo dạng ngày/tháng/năm, ví dụ 01/03/2026).")


def _period(params) -> Period:
    if params.get("ky", "") == RANGE:
        start = _date(params.get("tu", ""), "Từ ngày")
        end = _date(params.get("den", ""), "Đến ngày")
        return sensible(Period.between(start, end))
    return parse_period(params.get("ky", ""))


def _default_agency(allowed: set[int] | None) -> str:
    if allowed is None:
        return PROVINCE
    return Agency.objects.filter(pk__in=allowed).order_by("code").values_list("code", flat=True).first()


@reads_from_replica
@staff_only
def report_page(request):
    allowed = reportable_ids(request.user)
    if allowed is not None and not allowed:
        raise Refused(
            403,
            "Báo cáo cải cách thủ tục hành chính dành cho lãnh đạo đơn vị và cán bộ giám sát. "
            "Cán bộ các cơ quan chuyên ngành nhập chỉ tiêu ngành tại mục “Chỉ tiêu ngành”.",
        )
    params = request.GET.copy()
    if "co_quan" not in params:
        params["co_quan"] = _default_agency(allowed)
    if "ky" not in params:
        today = timezone.localdate()
        params["ky"] = period_code(Period.month(today.year, today.month))
    agencies = (
        Agency.objects.order_by("code") if allowed is None else Agency.objects.filter(pk__in=allowed).order_by("code")
    )
    context = {
        "params": params,
        "agencies": agencies,
        "whole_province": allowed is None,
        "periods": period_choices(),
        "range": RANGE,
        "province": PROVINCE,
    }
    agency = _agency(params["co_quan"], allowed)
    try:
        period = _period(params)
    except PeriodError as problem:
        return render(request, "indicators/report.html", {**context, "error": str(problem)}, status=400)
    built = report.build(agency, period)
    output = params.get("xuat", "")
    if output == "pdf":
        return _file(report_pdf.render(built), "pdf", built.filename)
    if output == "docx":
        return _file(report_docx.render(built), "docx", built.filename)
    if output == "xlsx":
        return _file(
            report_xlsx.render(f"{built.title} {built.subtitle}", built.tables, built.scope.label),
            "xlsx",
            built.filename,
        )
    params.pop("xuat", None)
    return render(request, "indicators/report.html", {**context, "report": built, "query": params.urlencode()})


# ---- sector KPIs ----


def _history(user):
    entries = SectorKpi.objects.select_related("agency", "entered_by").order_by(
        "-period_end", "-period_start", "agency__code", "code"
    )
    if not permissions.is_monitor(user):
        entries = entries.filter(agency_id__in={agency for agency, _ in permissions.roles_of(user)})
    return entries


def history_table(entries) -> Table:
    rows = []
    for entry in entries:
        kpi = sector.BY_CODE.get(entry.code)
        rows.append(
            Row(
                [
                    period_label(Period(entry.period_start, entry.period_end)),
                    entry.agency.name,
                    kpi.name if kpi else entry.code,
                    entry.value,
                    entry.denominator,
                    Percent(ratio_of(entry.value, entry.denominator)),
                    entry.entered_by.full_name or entry.entered_by.username,
                    formats.moment(entry.entered_at),
                ]
            )
        )
    return Table(
        "lich-su",
        "Số liệu chỉ tiêu ngành đã nhập",
        ["Kỳ số liệu", "Cơ quan báo cáo", "Chỉ tiêu", "Giá trị", "Mẫu số", "Tỷ lệ", "Người nhập", "Cập nhật lúc"],
        rows,
    )


def catalogue_table() -> Table:
    return Table(
        "danh-muc",
        "Danh mục chỉ tiêu ngành",
        ["Chỉ tiêu", "Giá trị (tử số)", "Mẫu số", "Cơ quan báo cáo"],
        [Row([k.name, k.value_label, k.denominator_label, k.reporter]) for k in sector.CATALOGUE],
    )


def _previous_month() -> str:
    last = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
    return f"{last.year}-{last.month:02d}"


@staff_only  # it saves the sector KPIs, and its history must show them at once: always the primary
def sector_page(request):
    user = request.user
    mine = Agency.objects.filter(pk__in={agency for agency, _ in permissions.roles_of(user)}).order_by("code")
    enterable = [agency for agency in mine if sector.relevant(agency)]
    output = request.GET.get("xuat", "")
    if output in ("xlsx", "pdf"):
        table = history_table(_history(user))
        title = "Số liệu chỉ tiêu ngành"
        if output == "xlsx":
            return _file(report_xlsx.render(title, [table]), "xlsx", "chi-tieu-nganh")
        return _file(report_pdf.render_tables(title, [table]), "pdf", "chi-tieu-nganh")
    if request.method == "POST" and not enterable:
        raise Refused(403, "Cơ quan của bạn không có chỉ tiêu ngành phải báo cáo.")
    params = request.POST if request.method == "POST" else request.GET
    context = {"enterable": enterable, "periods": period_choices(), "catalogue": catalogue_table()}
    agency, period, status = None, None, 200
    if enterable:
        code = params.get("co_quan") or enterable[0].code
        agency = next((a for a in enterable if a.code == code), None)
        if agency is None:
            raise Refused(
                403 if Agency.objects.filter(code=code).exists() else 404,
                f"Bạn không nhập được chỉ tiêu ngành cho cơ quan mã “{code}”: chỉ nhập cho cơ quan mình "
                f"công tác và có chỉ tiêu ngành phải báo cáo.",
            )
        try:
            period = parse_period(params.get("ky") or _previous_month())
        except PeriodError as problem:
            context["error"], status = str(problem), 400
    if agency is not None and period is not None:
        forms = sector.forms_for(agency, period, request.POST if request.method == "POST" else None)
        if request.method == "POST":
            if all([form.is_valid() for form in forms]):  # noqa: C419 (a list: every form checked, every error shown)
                stored = sector.save(forms, agency=agency, period=period, user=user)
                messages.success(request, f"Đã lưu {stored} chỉ tiêu của {agency.name}, {period.label}.")
                return redirect(f"{reverse('indicators:sector')}?co_quan={agency.code}&ky={period_code(period)}")
            status = 400
        context.update(agency=agency, period=period, period_code=period_code(period), forms=forms)
    page = Paginator(_history(user), HISTORY_PAGE).get_page(request.GET.get("trang"))
    context.update(page=page, history=history_table(page.object_list), is_monitor=permissions.is_monitor(user))
    return render(request, "indicators/sector.html", context, status=status)
