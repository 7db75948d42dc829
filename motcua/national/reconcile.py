"""The daily reconciliation with DVCQG (`motcua dvcqg reconcile`): each dossier sent and not yet confirmed, or sent
again since, is looked up with TraCuuHoSo. Found with the status motcua sent, it is confirmed, and the first
confirmation is announced on the bus (the figures count it synced: 766, 1.4); missing, or holding another status,
it is listed as a difference for the operator. A failure of DVCQG ends the run with what it found so far.
"""

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from motcua import happened
from motcua.dossiers import shards

from .client import SyncError
from .models import DossierSync, Reconciliation


def status_of(found: dict) -> str | None:
    for key in ("TrangThaiHoSo", "TRANGTHAIHOSO", "trangThaiHoSo"):
        if key in found:
            return str(found[key])
    return None


def reconcile(client, *, limit: int = 100_000) -> Reconciliation:
    run = Reconciliation()
    waiting = (
        DossierSync.objects.filter(Q(confirmed_at__isnull=True) | Q(confirmed_at__lt=F("sent_at")))
        .select_related("dossier")
        .order_by("sent_at")[:limit]
    )
    for sync in waiting:
        try:
            found = client.lookup(sync.national_code)
        except SyncError as exc:
            run.error = str(exc)
            break
        run.checked += 1
        sent = sync.record.get("TrangThaiHoSo")
        if found is None:
            run.differences.append({"MaHoSo": sync.national_code, "what": "Không có trên Cổng DVCQG"})
            continue
        held = status_of(found)
        if held is not None and held != sent:
            run.differences.append(
                {"MaHoSo": sync.national_code, "what": f"Trạng thái trên Cổng {held}, hệ thống đã gửi {sent}"}
            )
            continue
        run.confirmed += 1
        with transaction.atomic():
            first = sync.confirmed_at is None
            sync.confirmed_at = timezone.now()
            shards.row(sync).update(confirmed_at=sync.confirmed_at)
            if first:
                happened.publish(sync)
    run.save()
    return run
