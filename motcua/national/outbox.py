"""The outbox toward DVCQG, as a subscriber of the lifecycle's bus (national/apps.py): every event of a dossier that
has been received (or refused at the desk) writes one SyncItem in the action's transaction, so a committed action
always has its row and a rolled-back one never does. `motcua dvcqg send` (sender.py) delivers after commit.

Before receipt nothing is written: DVCQG takes a dossier from its receipt on (NgayTiepNhan), as provinces push
it; a dossier refused at the desk is sent with its NgayTuChoi, since 766 counts it."""

from django.utils import timezone

from motcua.dossiers.states import State

from .models import SyncItem


def on_dossier_event(event) -> None:
    dossier = event.dossier
    if dossier.received_at is None and dossier.state != State.REJECTED_AT_DESK:
        return
    SyncItem.objects.create(
        dossier=dossier,
        event=event,
        receiving_agency_id=dossier.receiving_agency_id,
        progress=bool(event.to_state or event.to_agency_id),
        next_attempt_at=timezone.now(),
    )


def resend(items) -> int:
    """The operator's "gửi lại": the failed rows among `items` (a dossier's, or all the operator watches) go back to
    the queue, due now, in one statement; returns how many."""
    return items.filter(status=SyncItem.Status.FAILED).update(
        status=SyncItem.Status.PENDING, attempts=0, next_attempt_at=timezone.now(), claimed_until=None
    )
