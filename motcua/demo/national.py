"""The demo's dossiers on a stand-in DVCQG (issue 18), so that indicator 1.4 has a value from the first page: at
`demo load` the outbox is sent to a stand-in started for the moment and reconciled, except the rows of the three
dossiers received last, which wait for the sender `motcua demo serve` starts (and the drill-down of 1.4 lists
them). One dossier is dropped from the stand-in before the reconciliation: the operator's page shows a
difference, as it would when DVCQG loses one."""

import datetime as dt
import threading

from django.conf import settings
from django.utils import timezone

from motcua.dossiers.models import Dossier
from motcua.gateways.standins import free_port
from motcua.national import reconcile, sender
from motcua.national.client import Http, Relay
from motcua.national.models import SyncItem
from motcua.national.standin import StandinPortal


def sync_and_reconcile(held: int = 3) -> tuple[int, int]:
    """(dossiers confirmed on the stand-in, rows left waiting)."""
    if not SyncItem.objects.exists():
        return 0, 0
    server = StandinPortal(free_port())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        portal = Relay(url=server.url + "/relay", http=Http(timeout=settings.MOTCUA_DVCQG_TIMEOUT_SECONDS))
        recent = list(
            Dossier.objects.filter(received_at__isnull=False)
            .order_by("-received_at")
            .values_list("pk", flat=True)[:held]
        )
        held_ids = list(
            SyncItem.objects.filter(dossier__in=recent, status=SyncItem.Status.PENDING).values_list("pk", flat=True)
        )
        later = timezone.now() + dt.timedelta(days=1)
        SyncItem.objects.filter(pk__in=held_ids).update(next_attempt_at=later)
        while sender.send_round(portal, limit=200).dossiers:
            pass
        with server.lock:  # DVCQG lost one: the reconciliation lists it
            if server.dossiers:
                server.dossiers.pop(next(iter(server.dossiers)))
        run = reconcile.reconcile(portal)
        SyncItem.objects.filter(pk__in=held_ids).update(next_attempt_at=timezone.now())
        return run.confirmed, len(held_ids)
    finally:
        server.shutdown()
        server.server_close()
