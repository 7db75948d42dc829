"""Approval (phê duyệt): the specialist submits the appraised dossier to a leader of the processing agency, who
approves it (the result can then be issued) or returns it for rework with the reason."""

from django.core.exceptions import ValidationError
from django.db import transaction

from .. import permissions
from ..models import Step
from .core import Ref, close_steps, load, now, open_step, record, share

SIDE_WORK = [Step.Kind.LIEN_THONG, Step.Kind.CONSULT]  # work of other agencies that must be answered first


def _side_work_open(dossier) -> bool:
    return dossier.steps.filter(finished_at=None, kind__in=SIDE_WORK).exists()


def approvers(agency):
    """The leaders who may approve at `agency` (lãnh đạo: the head role), by name."""
    from motcua.accounts.models import User

    return (
        User.objects.filter(staff_roles__agency=agency, staff_roles__role=permissions.HEAD, is_active=True)
        .distinct()
        .order_by("full_name", "username")
    )


def _approver(dossier, chosen):
    """The leader the dossier goes to: the one chosen, else the agency's only leader, else none (every leader of
    the agency then sees it in "Chờ phê duyệt")."""
    if chosen is not None:
        if not permissions.can_act_at(chosen, dossier.processing_agency, {permissions.HEAD}):
            raise ValidationError({"approver": "Người phê duyệt phải là lãnh đạo của cơ quan đang giải quyết."})
        return chosen
    leaders = list(approvers(dossier.processing_agency)[:2])
    return leaders[0] if len(leaders) == 1 else None


@transaction.atomic
def submit_for_approval(dossier: Ref, *, actor, proposal: str = "", approver=None, at=None):
    """Trình phê duyệt: the specialist hands the appraised dossier to a leader; it waits in "chờ phê duyệt" (an open
    state: the legal clock runs) in that leader's queue until it is approved or sent back for rework."""
    at = now(at)
    dossier, target = load(dossier, actor, "submit_for_approval")
    if _side_work_open(dossier):
        raise ValidationError("Còn cơ quan phối hợp hoặc được xin ý kiến chưa trả lời: chưa trình phê duyệt được.")
    leader = _approver(dossier, approver)
    closed = close_steps(dossier, at, kind=Step.Kind.PROCESS)
    open_step(dossier, Step.Kind.APPROVE, dossier.processing_agency, at, share(dossier, "approve"), assignee=leader)
    dossier.assignee = leader
    record(
        dossier,
        "submitted_for_approval",
        actor,
        at,
        to_state=target,
        note=proposal,
        step=closed[0] if closed else None,
        to_agency=dossier.processing_agency,
        data={"approver": leader.get_username() if leader else None, "submitted_by": actor.get_username()},
    )
    return dossier


def _submitter(dossier):
    """Who submitted the dossier for approval (the event says), to hand it back to them."""
    from motcua.accounts.models import User

    event = dossier.events.filter(kind="submitted_for_approval").order_by("-seq").first()
    username = event.data.get("submitted_by") if event else None
    return User.objects.filter(username=username).first() if username else None


@transaction.atomic
def approve(dossier: Ref, *, actor, note: str = "", at=None):
    """Phê duyệt by a leader of the processing agency; only a dossier waiting for approval can be approved."""
    at = now(at)
    dossier, target = load(dossier, actor, "approve")
    closed = close_steps(dossier, at, kind=Step.Kind.APPROVE)
    dossier.assignee = _submitter(dossier) or dossier.assignee  # the specialist prepares the result for issue
    record(dossier, "approved", actor, at, to_state=target, note=note, step=closed[-1] if closed else None)
    return dossier


@transaction.atomic
def return_for_rework(dossier: Ref, *, actor, reason: str, at=None):
    """Trả lại để xử lý lại: the leader sends the dossier back to the specialist who submitted it, with the reason."""
    at = now(at)
    if not (reason or "").strip():
        raise ValidationError({"reason": "Nêu lý do trả lại để chuyên viên xử lý lại."})
    dossier, target = load(dossier, actor, "return_for_rework")
    closed = close_steps(dossier, at, kind__in=[Step.Kind.APPROVE, Step.Kind.SIGN])  # a draft is drafted again
    specialist = _submitter(dossier)
    dossier.assignee = specialist
    open_step(
        dossier,
        Step.Kind.PROCESS,
        dossier.processing_agency,
        at,
        share(dossier, "process"),
        assignee=specialist,
        note=reason.strip()[:500],
    )
    record(
        dossier,
        "returned_for_rework",
        actor,
        at,
        to_state=target,
        note=reason.strip(),
        step=closed[-1] if closed else None,
        to_agency=dossier.processing_agency,
        data={"to": specialist.get_username() if specialist else None},
    )
    return dossier
