"""Đồng bộ Cổng DVCQG: the province's operator's page (issue 18). For every agency (a monitor, a superuser) or the
agencies the official administers: the outbox per agency and day (waiting, failed, sent), the dossiers
whose rows failed with DVCQG's last answer and a "gửi lại", and the last reconciliation with its differences and
the dossiers indicator 1.4 still misses."""

import datetime as dt
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Min, Q
from django.db.models.functions import TruncDate
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from motcua.agencies.models import Agency
from motcua.dossiers import permissions, shards
from motcua.dossiers.models import Dossier
from motcua.dossiers.permissions import staff_required
from motcua.national import outbox
from motcua.national.models import Reconciliation, SyncItem
from motcua.vntext.formats import VIETNAM

DAYS = 14
FAILED_SHOWN = 50
OPERATORS = {permissions.MONITOR, permissions.ADMIN}


def watched_agencies(user) -> list[int] | None:
    """The agencies whose sync the official watches; None for all of them (a monitor watches the province)."""
    if user.is_superuser or permissions.is_monitor(user):
        return None
    agencies = permissions.agencies_with(user, OPERATORS)
    if not agencies:
        raise PermissionDenied("Trang này dành cho cán bộ giám sát, quản trị của cơ quan.")
    return sorted(agencies)


@staff_required
@require_http_methods(["GET", "POST"])
def sync_page(request):
    agencies = watched_agencies(request.user)
    items = SyncItem.objects.all() if agencies is None else SyncItem.objects.filter(receiving_agency__in=agencies)
    if request.method == "POST":
        return _resend(request, items)
    since = timezone.now() - dt.timedelta(days=DAYS)
    per_day = (
        items.filter(created_at__gte=since)
        .annotate(day=TruncDate("created_at", tzinfo=VIETNAM))
        .values("receiving_agency", "day")
        .annotate(
            pending=Count("id", filter=Q(status=SyncItem.Status.PENDING)),
            failed=Count("id", filter=Q(status=SyncItem.Status.FAILED)),
            sent=Count("id", filter=Q(status=SyncItem.Status.SENT)),
        )
        .order_by("-day", "receiving_agency")
    )
    names = dict(Agency.objects.values_list("pk", "name"))
    rows = [{**row, "agency": names.get(row["receiving_agency"], "")} for row in per_day]
    failed = list(
        items.filter(status=SyncItem.Status.FAILED)
        .values("dossier_id", "receiving_agency_id")
        .annotate(rows=Count("id"), last=Max("id"), since=Min("created_at"))
        .order_by("-last")[:FAILED_SHOWN]
    )
    errors = dict(SyncItem.objects.filter(pk__in=[f["last"] for f in failed]).values_list("pk", "last_error"))
    codes = dict(Dossier.objects.filter(pk__in=[f["dossier_id"] for f in failed]).values_list("pk", "code"))
    for row in failed:
        row["code"], row["error"] = codes.get(row["dossier_id"], ""), errors.get(row["last"], "")
    waiting = items.filter(status=SyncItem.Status.PENDING).aggregate(n=Count("id"), oldest=Min("created_at"))
    today = timezone.localdate()
    unsynced = (
        reverse("dashboard:list")
        + "?"
        + urlencode({"loai": "ho-so", "chi-so": "unsynced", "ky": "thang", "nam": today.year, "thang": today.month})
    )
    return render(
        request,
        "office/national.html",
        {
            "rows": rows,
            "failed": failed,
            "waiting": waiting,
            "last": Reconciliation.objects.first(),
            "unsynced_href": unsynced,
            "days": DAYS,
        },
    )


def _resend(request, items):
    wanted = request.POST.get("ho_so", "")
    failed = items.filter(status=SyncItem.Status.FAILED)
    if wanted != "tat-ca":
        dossier = shards.by_code(Dossier.objects.all(), wanted).values("pk", "receiving_agency_id").first()
        failed = (
            failed.filter(dossier_id=dossier["pk"], receiving_agency_id=dossier["receiving_agency_id"])
            if dossier
            else failed.none()
        )
    dossiers = failed.values("dossier_id").distinct().count()
    count = outbox.resend(failed)
    if count:
        messages.success(request, f"Đã đưa {count} mục của {dossiers} hồ sơ vào hàng đợi gửi lại.")
    else:
        messages.error(request, "Không có mục gửi lỗi nào của hồ sơ này để gửi lại.")
    return redirect("office:national")
