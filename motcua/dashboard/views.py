"""Leaders' dashboard (/bang-dieu-khien/), the list behind each of its figures, and the public statistics
(/thong-ke/). `?dinh-dang=xlsx` or `pdf` turns any of their tables into a file (`bang=` picks one table). All three
only read: they read from the replica when one is configured (motcua/replicas.py)."""

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control

from motcua.catalog.models import Procedure
from motcua.indicators import drill, pakn
from motcua.indicators.figures import ROMAN
from motcua.indicators.scorecard import Context
from motcua.replicas import reads_from_replica
from motcua.vntext import formats

from . import board, exports, lists, public, ranking, selection, tables

LIST_SIZE = 50
EXPORT_LIMIT = 5000
FORMATS = {
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exports.xlsx),
    "pdf": ("application/pdf", exports.pdf),
}
PUBLIC_KINDS = {key: selection.PERIOD_KINDS[key] for key in ("thang", "quy", "nam")}
DASHBOARD_TITLE = "Bảng điều khiển chỉ số 766"


def error_page(request, message: str, status: int, back: str = ""):
    return render(request, "dashboard/error.html", {"message": message, "status": status, "back": back}, status=status)


def leaders_only(view):
    """Login first; then heads and monitors only (a Vietnamese 403 page for others); bad filters give a 400 page."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, selection.viewer_of(request.user), *args, **kwargs)
        except PermissionDenied as exc:
            return error_page(request, str(exc) or selection.NOT_A_LEADER, 403)
        except selection.FilterError as exc:
            return error_page(request, str(exc), 400, reverse("dashboard:home"))

    return wrapped


def export_format(request) -> str:
    wanted = request.GET.get("dinh-dang", "")
    if wanted and wanted not in FORMATS:
        raise selection.FilterError(f"Định dạng tải về không hợp lệ: “{wanted}” (chọn xlsx hoặc pdf).")
    return wanted


def download(wanted: str, chosen: list, title: str, subtitle: str, name: str, period) -> HttpResponse:
    content_type, write = FORMATS[wanted]
    response = HttpResponse(write(chosen, title, subtitle), content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{name}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.{wanted}"'
    )
    return response


def subtitle(chosen) -> str:
    return f"{chosen.scope.label} · {chosen.period}"


@reads_from_replica
@leaders_only
def home(request, viewer):
    chosen = selection.read(request.GET, viewer)
    wanted = export_format(request)
    found = board.build(chosen)
    if wanted:
        key = request.GET.get("bang", "")
        if key and key not in found.tables:
            raise selection.FilterError(f"Không có bảng “{key}” để tải về.")
        return download(
            wanted,
            [found.tables[key]] if key else list(found.tables.values()),
            DASHBOARD_TITLE,
            subtitle(chosen),
            f"bang-dieu-khien-{key or 'tat-ca'}",
            chosen.period,
        )
    return render(
        request,
        "dashboard/home.html",
        {
            "board": found,
            "selection": chosen,
            "query": chosen.query(),
            "charts": found.charts,
            "scorecard": found.tables["the-diem"],
            "counts": found.tables["so-lieu"],
            "trend": found.tables["xu-huong"],
            "ranking": found.tables["xep-hang"],
            "overdue": found.tables["qua-han"],
            "on_time": found.card.result("2.1"),
            "online": found.card.result("3.3"),
            "overdue_href": board.drill_href(chosen, "dossiers", "open_overdue"),
            "open_href": board.drill_href(chosen, "dossiers", "open_end"),
            "on_time_href": [board.drill_href(chosen, "dossiers", m) for m in ("early_or_on_time", "handled")],
            "online_href": [board.drill_href(chosen, "dossiers", m) for m in ("received_online", "received")],
            **period_choices(),
            "levels": selection.LEVELS,
            "agencies": [(agency.code, "— " * depth + agency.name) for agency, depth in viewer.choices()],
            "whole_province": viewer.led is None,
        },
    )


def period_choices(kinds=selection.PERIOD_KINDS) -> dict:
    return {
        "kinds": kinds,
        "months": range(1, 13),
        "quarters": [(number, f"Quý {roman}") for number, roman in ROMAN.items()],
    }


@reads_from_replica
@leaders_only
def figure_list(request, viewer):
    """The dossiers (or procedures, or PAKN) behind one figure of the dashboard, 50 a page; its count heads it."""
    chosen = selection.read(request.GET, viewer)
    slug = request.GET.get("loai", "ho-so")
    if slug not in tables.KINDS:
        raise selection.FilterError(f"Loại danh sách không hợp lệ: “{slug}” (chọn hồ sơ, thủ tục hoặc PAKN).")
    kind, measure = tables.KINDS[slug], request.GET.get("chi-so", "")
    if measure not in tables.MEASURES[kind]:
        raise selection.FilterError(f"Chỉ số không hợp lệ: “{measure}”.")
    wanted = export_format(request)
    items, make_table = listing(chosen, kind, measure)
    label = tables.MEASURES[kind][measure]
    if wanted:
        table = make_table(items[:EXPORT_LIMIT])
        table.title = label
        total = items.count()
        if total > EXPORT_LIMIT:
            table.note = f"Chỉ xuất {formats.count(EXPORT_LIMIT)} dòng đầu trong {formats.count(total)} dòng."
        return download(
            wanted, [table], f"{label} ({tables.UNITS[kind]})", subtitle(chosen), "danh-sach", chosen.period
        )
    page = Paginator(items, LIST_SIZE).get_page(request.GET.get("trang"))
    query = chosen.query(loai=slug, **{"chi-so": measure})
    return render(
        request,
        "dashboard/list.html",
        {
            "selection": chosen,
            "label": label,
            "unit": tables.UNITS[kind],
            "page": page,
            "table": make_table(page.object_list, first=page.start_index()),
            "query": query,
            "back": f"{reverse('dashboard:home')}?{chosen.query()}",
        },
    )


def listing(chosen, kind: str, measure: str):
    """The queryset behind a figure and the table builder for its rows."""
    scope, period = chosen.scope, chosen.period
    if kind == "dossiers":
        return drill.dossiers(scope, period, measure).select_related("procedure_version"), lists.dossier_table
    if kind == "procedures":
        ids = Context(scope, period).catalogue[measure]
        return Procedure.objects.filter(pk__in=ids).order_by("code"), lists.procedure_table
    return pakn.feedback(scope, period, measure), lists.pakn_table


@reads_from_replica
@cache_control(max_age=public.CACHE_SECONDS)
def statistics(request):
    """Public: no login, no personal data, no link to any dossier."""
    try:
        chosen = selection.read_period(request.GET, timezone.localdate(), default_kind="nam", kinds=PUBLIC_KINDS)
        wanted = export_format(request)
    except selection.FilterError as exc:
        return error_page(request, str(exc), 400, reverse("dashboard:public"))
    found = public.figures(chosen["period"])
    table = public.table(found)
    if wanted:
        return download(
            wanted,
            [table],
            "Thống kê giải quyết thủ tục hành chính",
            f"Toàn tỉnh · {chosen['period']}",
            "thong-ke",
            chosen["period"],
        )
    params = {"ky": chosen["kind"], "nam": chosen["year"], "thang": chosen["month"], "quy": chosen["quarter"]}
    return render(
        request,
        "dashboard/public.html",
        {
            "chosen": chosen,
            "found": found,
            "table": table,
            **period_choices(PUBLIC_KINDS),
            "on_time": tables.on_time_ratio(found.province),
            "online": tables.online_ratio(found.province),
            "charts": [(ranking.GROUPS[level], public.chart(level, items)) for level, items in found.ranks.items()],
            "query": urlencode(params),
        },
    )
