"""Delivering the outbox to DVCQG (`motcua dvcqg send`): one dossier at a time, its rows in their order.

For each dossier with rows due, a sender claims them (a lease: `claimed_until`), sends the dossier as it is now
(upsert by MaHoSo), then the progress rows of its events in chunks of at most 10, and marks each chunk sent only
on DVCQG's success answer. A failure leaves what is not yet sent pending with the next attempt after
MOTCUA_DVCQG_RETRY_SECONDS × 2^(attempts-1); after MOTCUA_DVCQG_MAX_ATTEMPTS, or a record DVCQG's code lists
refuse, the dossier's rows are "failed" with the error, for the operator's "gửi lại".

Safe to kill at any moment: the state is the rows. A sender killed mid-dossier leaves its lease to run out and the
next sender sends that dossier again; DVCQG updates by MaHoSo and a repeated progress row is the same row, so a
second delivery changes nothing. The lease outlasts a dossier's calls (each bounded by the timeout), and a sender
that finds its lease nearly spent stops before the next call: two senders never send one dossier at once, so
DVCQG never sees a dossier's rows out of order.
"""

import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from motcua.dossiers import shards
from motcua.dossiers.models import Dossier, Event

from . import payload
from .client import PROGRESS_CHUNK, SyncError
from .codes import InvalidRecord
from .models import DossierSync, InboundDossier, SyncItem

logger = logging.getLogger(__name__)


@dataclass
class Round:
    dossiers: int = 0
    sent: int = 0
    failed: int = 0
    retrying: int = 0
    errors: list[str] = field(default_factory=list)


class LeaseSpent(Exception):
    pass


def due(limit: int, now) -> list[tuple[int, int]]:
    """(dossier id, agency id) of the dossiers with rows due and not held by another sender, oldest first."""
    rows = (
        SyncItem.objects.filter(status=SyncItem.Status.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "id")
        .values_list("dossier_id", "receiving_agency_id", "claimed_until")[: limit * 10]
    )
    found: dict[tuple[int, int], None] = {}
    for dossier_id, agency_id, claimed_until in rows:
        if claimed_until is None or claimed_until < now:
            found.setdefault((dossier_id, agency_id))
        if len(found) >= limit:
            break
    return list(found)


def claim(dossier_id: int, agency_id: int) -> tuple[list[SyncItem], object] | None:
    """The dossier's pending rows, held for this sender until the returned moment; None when another holds them."""
    now = timezone.now()
    until = now + timedelta(seconds=settings.MOTCUA_DVCQG_LEASE_SECONDS)
    with transaction.atomic():
        items = list(
            SyncItem.objects.filter(
                dossier_id=dossier_id, receiving_agency_id=agency_id, status=SyncItem.Status.PENDING
            )
            .select_for_update(skip_locked=True)
            .order_by("id")
        )
        if not items or any(i.claimed_until and i.claimed_until >= now for i in items):
            return None
        SyncItem.objects.filter(pk__in=[i.pk for i in items], receiving_agency_id=agency_id).update(
            claimed_until=until, attempts=items[0].attempts + 1
        )
    for item in items:
        item.attempts += 1
    return items, until


def send_round(client, *, limit: int = 50) -> Round:
    """Send every dossier due now (at most `limit`)."""
    done = Round()
    table = payload.Codes()
    for dossier_id, agency_id in due(limit, timezone.now()):
        claimed = claim(dossier_id, agency_id)
        if claimed is None:
            continue
        done.dossiers += 1
        send_dossier(client, table, *claimed, done)
    return done


def send_dossier(client, table, items: list[SyncItem], until, done: Round) -> None:
    agency_id = items[0].receiving_agency_id
    dossier = Dossier.objects.select_related("procedure__field", "processing_agency", "applicant_user").get(
        pk=items[0].dossier_id, receiving_agency_id=agency_id
    )
    events = {
        e.pk: e
        for e in Event.objects.filter(pk__in=[i.event_id for i in items], receiving_agency_id=agency_id).select_related(
            "from_agency", "to_agency"
        )
    }
    code = InboundDossier.objects.filter(dossier_id=dossier.pk).values_list("national_code", flat=True).first() or ""
    margin = settings.MOTCUA_DVCQG_TIMEOUT_SECONDS + 1

    def in_lease():
        if timezone.now() + timedelta(seconds=margin) >= until:
            raise LeaseSpent()

    remaining = list(items)
    try:
        record = payload.dossier_record(dossier, table, code=code)
        rows = [
            (i, payload.progress_row(events[i.event_id], dossier, table, code) if i.progress else None) for i in items
        ]
        in_lease()
        client.upsert(record)
        _remember(dossier, record)
        # the rows without progress go with the chunk after them; the last ones alone once the dossier is sent
        batch: list[tuple[SyncItem, dict | None]] = []
        for item, row in rows:
            batch.append((item, row))
            if sum(1 for _, r in batch if r) == PROGRESS_CHUNK:
                in_lease()
                _deliver(client, batch)
                remaining = remaining[len(batch) :]
                batch = []
        if any(r for _, r in batch):
            in_lease()
        _deliver(client, batch)
        done.sent += len(items)
    except LeaseSpent:
        SyncItem.objects.filter(pk__in=[i.pk for i in remaining], receiving_agency_id=agency_id).update(
            claimed_until=None
        )
    except InvalidRecord as exc:
        _fail(remaining, str(exc), retry=False, done=done)
    except SyncError as exc:
        _fail(remaining, str(exc), retry=exc.retryable, done=done)


def _deliver(client, batch) -> None:
    rows = [row for _, row in batch if row]
    if rows:
        client.progress(rows)
    now = timezone.now()
    for item, row in batch:
        shards.row(item).update(
            status=SyncItem.Status.SENT, sent_at=now, sent_row=row or {}, last_error="", claimed_until=None
        )


def _remember(dossier: Dossier, record: dict) -> None:
    DossierSync.objects.update_or_create(
        dossier=dossier,
        receiving_agency_id=dossier.receiving_agency_id,
        defaults={
            "national_code": record["MaHoSo"],
            "status_code": int(record["TrangThaiHoSo"]),
            "record": record,
            "sent_at": timezone.now(),
        },
    )


def _fail(items: list[SyncItem], error: str, *, retry: bool, done: Round) -> None:
    if not items:
        return
    attempts = items[0].attempts
    retry = retry and attempts < settings.MOTCUA_DVCQG_MAX_ATTEMPTS
    rows = SyncItem.objects.filter(pk__in=[i.pk for i in items], receiving_agency_id=items[0].receiving_agency_id)
    if retry:
        delay = min(settings.MOTCUA_DVCQG_RETRY_SECONDS * 2 ** (attempts - 1), 3600)
        rows.update(last_error=error, next_attempt_at=timezone.now() + timedelta(seconds=delay), claimed_until=None)
        done.retrying += len(items)
    else:
        rows.update(status=SyncItem.Status.FAILED, last_error=error, claimed_until=None)
        done.failed += len(items)
    done.errors.append(error)
    logger.warning("DVCQG: hồ sơ %s, lần %s: %s%s", items[0].dossier_id, attempts, error, "" if retry else " (dừng)")


def run(client, *, once: bool = False, interval: float = 2.0, log=print) -> None:
    """Send rounds until stopped (`once`: one round). Stopping mid-dossier is safe: see above."""
    while True:
        done = send_round(client)
        if done.dossiers:
            log(f"Đã gửi {done.sent} mục của {done.dossiers} hồ sơ; chờ gửi lại {done.retrying}; lỗi {done.failed}.")
        if once:
            return
        if not done.dossiers:
            time.sleep(interval)
