"""Shared steps of every lifecycle action: load and lock, check, record the event, open and close steps."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils import timezone

from motcua import happened

from .. import events, files, permissions, shards, timing, transitions
from ..models import Document, Dossier, Event, Step, SupplementRequest
from ..states import NATIONAL_STATUS


def now(at):
    return at or timezone.now()


# Which dossier an action is on: its id, or the dossier the caller has already read (a view found it by its code).
# Given the dossier, its receiving agency names the shard at once; given an id, Citus first looks the agency up on
# every shard (`shards.narrowed`). Either way the row is read again, under its lock.
Ref = int | Dossier


def _locked(dossier: Ref) -> Dossier:
    # The dossier's own row only (`of`): without it PostgreSQL locks the joined version's row too, and every dossier
    # of one procedure would wait for the one being worked on (dossiers/tests/test_locks.py).
    # The agencies come with it: the deadlines read their office hours, the event names them.
    pk, agency = (dossier.pk, dossier.receiving_agency_id) if isinstance(dossier, Dossier) else (dossier, None)
    return (
        shards.narrowed(Dossier.objects.filter(pk=pk), agency)
        .select_for_update(of=("self",))
        .select_related("procedure_version", "receiving_agency", "processing_agency")
        .get()
    )


def load(dossier: Ref, actor, action: str) -> tuple[Dossier, str | None]:
    """Lock the dossier's row, check the actor's right and the transition; return it and the target state."""
    dossier = _locked(dossier)
    permissions.require(actor, action, dossier)
    return dossier, transitions.require(action, dossier.state)


def lock(dossier: Ref, action: str) -> tuple[Dossier, str | None]:
    """`load` for a system action (a verified gateway's callback, no user): lock the row, check the transition."""
    dossier = _locked(dossier)
    return dossier, transitions.require(action, dossier.state)


def record(
    dossier: Dossier,
    kind: str,
    actor,
    at,
    *,
    to_state=None,
    note="",
    data=None,
    to_agency=None,
    step: Step | None = None,
    rows: Callable[[], None] | None = None,
) -> Event:
    """Move to `to_state` (if given), append the event, save the dossier and publish the event: its subscribers
    (the figures, the citizen's data store, the applicant's notices: see `happened.subscribers(Event)`) run here, in
    the action's transaction.

    The event is linked first and the dossier saved with its new head, then the event inserted: a new dossier is
    one INSERT, not an INSERT and an UPDATE. `rows()`, when given, writes what needs the saved dossier (a new
    dossier's documents) before the event is inserted and published."""
    from_state = dossier.state
    if to_state:
        dossier.state = to_state
    dossier.national_status = NATIONAL_STATUS[dossier.state]
    event = events.link(
        dossier,
        kind=kind,
        at=at,
        actor=actor,
        from_state=from_state,
        to_state=dossier.state,
        from_agency=step.agency if step else dossier.processing_agency,
        to_agency=to_agency,
        note=note,
        data=data,
        step_deadline=step.deadline if step else None,
        step_outcome=step.outcome if step else "",
    )
    dossier.save()
    if rows is not None:
        rows()
    event.save(force_insert=True)
    happened.publish(event)
    return event


def open_step(dossier, kind, agency, at, deadline, assignee=None, note="", is_lead=False) -> Step:
    return Step.objects.create(
        dossier=dossier,
        kind=kind,
        agency=agency,
        started_at=at,
        deadline=deadline,
        assignee=assignee,
        note=note,
        is_lead=is_lead,
    )


def close_steps(dossier, at, **filters) -> list[Step]:
    """Hand over: finish the open steps matching `filters`, each judged early / on time / late."""
    closed = []
    for step in dossier.steps.filter(finished_at=None, **filters):
        step.finished_at = at
        step.outcome = timing.judge(at, step.deadline)
        step.save(update_fields=["finished_at", "outcome"])
        closed.append(step)
    return closed


def share(dossier, kind: str):
    """The deadline of a step of `kind`, its share of the dossier's working time from the clock start."""
    if dossier.due_at is None:
        return None
    return timing.share_deadline(dossier.processing_agency, dossier.clock_started_at, dossier.due_at, kind)


def supplement_items(items) -> list[dict]:
    """Every missing item with its reason (bổ sung một lần đầy đủ): none without a reason, none left empty."""
    cleaned = [{"item": (i.get("item") or "").strip(), "reason": (i.get("reason") or "").strip()} for i in items]
    cleaned = [i for i in cleaned if i["item"] or i["reason"]]
    if not cleaned:
        raise ValidationError({"items": "Liệt kê đầy đủ các giấy tờ cần bổ sung, mỗi giấy tờ kèm lý do."})
    if any(not i["item"] or not i["reason"] for i in cleaned):
        raise ValidationError({"items": "Mỗi giấy tờ cần bổ sung phải có cả tên giấy tờ và lý do cụ thể."})
    return cleaned


def new_supplement(dossier, actor, at, items, note, at_desk, approved_by=None) -> SupplementRequest:
    number = dossier.supplement_requests.count() + 1
    return SupplementRequest.objects.create(
        dossier=dossier,
        number=number,
        at_desk=at_desk,
        items=items,
        note=note,
        requested_by=actor,
        approved_by=approved_by,
        requested_at=at,
    )


def check_uploads(uploads) -> list[tuple]:
    """(line, upload, reused, content, content type) for each (required-document line, upload[, reused]);
    every file is read and checked here, before anything is written, so one bad file stores nothing."""
    return [
        (line, upload, bool(reused and reused[0]), *files.read_checked(upload, f"Tệp “{getattr(upload, 'name', '')}”"))
        for line, upload, *reused in uploads
    ]


def store_inputs(dossier, actor, checked) -> None:
    """The checked uploads as the dossier's input documents, each with its SHA-256: the files stored, the rows
    inserted in one statement."""
    documents = []
    for line, upload, reused, content, kind in checked:
        document = Document(
            dossier=dossier,
            receiving_agency_id=dossier.receiving_agency_id,
            requirement=line,
            name=line.name if line else files.display_name(upload.name),
            uploaded_by=actor,
            digitised=True,
            reused=reused,
        )
        files.store(document, content, upload.name, kind)
        documents.append(document)
    Document.objects.bulk_create(documents)
