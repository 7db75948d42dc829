"""Processing after receipt: assignment, supplement requests, liên thông, consultation, fees, extension.

Approval by a leader is in approval.py."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from motcua.vntext import formats
from motcua.workdays.deadlines import ExtensionError, check_extension, working_promise
from motcua.workdays.services import calendar_for

from .. import permissions, timing
from ..models import Step
from ..states import PaymentStatus
from .core import (
    Ref,
    check_uploads,
    close_steps,
    load,
    new_supplement,
    now,
    open_step,
    record,
    share,
    store_inputs,
    supplement_items,
)

MAX_FEE = 2_147_483_647  # the fee column (32-bit); a larger obligation is entered as several payments
SUPPLEMENT_WINDOW = "3"  # working days after receipt (61/2018 Art. 19(2))


@transaction.atomic
def assign(dossier: Ref, *, actor, officer, at=None):
    """Phân công: the head gives the dossier to a specialist of the processing agency."""
    at = now(at)
    dossier, target = load(dossier, actor, "assign")
    if not permissions.can_act_at(officer, dossier.processing_agency, {permissions.SPECIALIST, permissions.HEAD}):
        raise ValidationError({"officer": "Người được phân công phải là cán bộ xử lý của cơ quan đang giải quyết."})
    dossier.assignee = officer
    dossier.steps.filter(finished_at=None, kind=Step.Kind.PROCESS).update(assignee=officer)
    record(
        dossier,
        "assigned",
        actor,
        at,
        to_state=target,
        data={"officer": officer.get_username()},
        note=f"Giao {officer.full_name or officer.username} xử lý",
    )
    return dossier


@transaction.atomic
def request_supplement(dossier: Ref, *, actor, items: list[dict], note: str = "", approved_by=None, at=None):
    """Yêu cầu bổ sung sau tiếp nhận (form 02): within 3 working days of receipt, every item with its reason.

    A second request needs the head of unit's approval, repeats every earlier reason to the applicant, and counts
    the dossier late for the 766 statistics (DOMAIN.md 0a).
    """
    at = now(at)
    dossier, target = load(dossier, actor, "request_supplement")
    items = supplement_items(items)
    limit = timing.after_working_days(dossier.processing_agency, dossier.clock_started_at, SUPPLEMENT_WINDOW)
    if at > limit:
        raise ValidationError(
            f"Đã quá 3 ngày làm việc kể từ khi tiếp nhận ({formats.moment(limit)}): không được yêu "
            "cầu bổ sung nữa; hãy giải quyết hoặc từ chối có lý do."
        )
    earlier = list(dossier.supplement_requests.filter(at_desk=False).values("number", "items", "requested_at"))
    if earlier:
        head = approved_by or actor
        if not permissions.can_act_at(head, dossier.processing_agency, {permissions.HEAD}):
            raise PermissionDenied("Yêu cầu bổ sung lần thứ hai phải được Lãnh đạo đơn vị phê duyệt.")
        approved_by = head
        dossier.late_for_stats = True
    request = new_supplement(dossier, actor, at, items, note, at_desk=False, approved_by=approved_by)
    dossier.supplement_count += 1
    dossier.paused_at = at
    record(
        dossier,
        "supplement_requested",
        actor,
        at,
        to_state=target,
        note=note,
        data={
            "number": request.number,
            "items": items,
            "earlier": earlier,
            "approved_by": approved_by.get_username() if approved_by else None,
        },
    )
    return dossier


@transaction.atomic
def resubmit(dossier: Ref, *, actor, uploads=(), note: str = "", at=None):
    """Nhận hồ sơ đã bổ sung: the legal deadline restarts from zero; the 766 deadline only skips the pause."""
    at = now(at)
    dossier, target = load(dossier, actor, "resubmit")
    checked = check_uploads(uploads)
    request = dossier.supplement_requests.filter(answered_at=None, at_desk=False).order_by("-number").first()
    request.answered_at = at
    request.save(update_fields=["answered_at"])
    store_inputs(dossier, actor, checked)
    dossier.clock_started_at = timing.receipt(dossier.receiving_agency, at)
    duration = timing.processing_duration(dossier.procedure_version, dossier.channel)
    restarted = None
    if duration is not None:
        restarted = timing.due_from(dossier.processing_agency, at, duration)
        dossier.due_at = restarted.due
        pauses = [(r.requested_at, r.answered_at) for r in dossier.supplement_requests.filter(at_desk=False)]
        dossier.stats_due_at = timing.due_from(
            dossier.processing_agency, dossier.received_at, duration, pauses=pauses
        ).due
    dossier.paused_at = None
    dossier.steps.filter(finished_at=None, kind=Step.Kind.PROCESS).update(deadline=share(dossier, "process"))
    record(
        dossier,
        "resubmitted",
        actor,
        at,
        to_state=target,
        note=note,
        data={
            "number": request.number,
            "due": dossier.due_at,
            "stats_due": dossier.stats_due_at,
            "documents": len(checked),
            "explanation": restarted.explanation if restarted else [],
        },
    )
    return dossier


def _days(value) -> str:
    try:
        days = float(value)
    except (TypeError, ValueError):
        days = 0
    if days <= 0:
        raise ValidationError({"days": "Nhập thời hạn (số ngày làm việc, lớn hơn 0) cho cơ quan nhận."})
    return str(value)


@transaction.atomic
def forward(dossier: Ref, *, actor, agencies: list, days, parallel: bool = False, note: str = "", at=None):
    """Chuyển liên thông: sequentially to one agency at a time, or (e-dossier) to all at once with a lead.

    Each receiving agency gets its own deadline in working days; the sending step is handed over and judged.
    """
    at = now(at)
    dossier, target = load(dossier, actor, "forward")
    days = _days(days)
    agencies = [a for a in agencies if a.pk != dossier.processing_agency_id]
    if not agencies:
        raise ValidationError({"agencies": "Chọn cơ quan phối hợp (khác cơ quan đang xử lý)."})
    if not parallel and len(agencies) > 1:
        raise ValidationError({"agencies": "Liên thông tuần tự chuyển cho từng cơ quan một."})
    steps = [
        open_step(dossier, Step.Kind.LIEN_THONG, agency, at, timing.after_working_days(agency, at, days), note=note)
        for agency in agencies
    ]
    if not parallel:
        close_steps(dossier, at, agency=dossier.processing_agency, kind__in=[Step.Kind.PROCESS, Step.Kind.LIEN_THONG])
        dossier.processing_agency = agencies[0]
        dossier.assignee = None
    record(
        dossier,
        "forwarded",
        actor,
        at,
        to_state=target,
        note=note,
        step=steps[0],
        to_agency=agencies[0],
        data={
            "mode": "parallel" if parallel else "sequential",
            "agencies": [a.code for a in agencies],
            "days": days,
            "lead": dossier.lead_agency.code,
        },
    )
    return dossier


@transaction.atomic
def complete_step(dossier: Ref, *, actor, note: str = "", next_agency=None, days=None, at=None):
    """An agency finishes its part of liên thông: on to the next agency, or back to the lead agency."""
    at = now(at)
    dossier, _ = load(dossier, actor, "complete_step")
    mine = permissions.agencies_with(actor, {permissions.SPECIALIST, permissions.HEAD})
    closed = close_steps(dossier, at, kind=Step.Kind.LIEN_THONG, agency__in=mine)
    if not closed:
        raise ValidationError("Cơ quan của bạn không có phần việc liên thông nào đang mở cho hồ sơ này.")
    step = closed[0]
    sequential = dossier.processing_agency_id == step.agency_id
    if sequential and next_agency is not None:
        open_step(
            dossier,
            Step.Kind.LIEN_THONG,
            next_agency,
            at,
            timing.after_working_days(next_agency, at, _days(days)),
            note=note,
        )
        dossier.processing_agency = next_agency
    elif sequential:
        # Back at the lead agency, the dossier returns to the officer who sent it out.
        dossier.processing_agency = dossier.lead_agency
        dossier.assignee = _sender(dossier)
        open_step(
            dossier, Step.Kind.PROCESS, dossier.lead_agency, at, share(dossier, "process"), assignee=dossier.assignee
        )
    record(
        dossier,
        "step_completed",
        actor,
        at,
        note=note,
        step=step,
        to_agency=dossier.processing_agency,
        data={"agency": step.agency.code, "outcome": step.outcome},
    )
    return dossier


def _sender(dossier):
    """The officer of the lead agency who forwarded the dossier for liên thông, if they still work there."""
    event = dossier.events.filter(kind="forwarded").select_related("actor").order_by("-seq").first()
    officer = event.actor if event else None
    lead = {permissions.SPECIALIST, permissions.HEAD}
    return officer if officer and permissions.can_act_at(officer, dossier.lead_agency, lead) else None


@transaction.atomic
def consult(dossier: Ref, *, actor, agency, days, question: str, at=None):
    """Lấy ý kiến: ask another agency, with a deadline tracked like any step."""
    at = now(at)
    if not (question or "").strip():
        raise ValidationError({"question": "Nêu nội dung cần xin ý kiến."})
    dossier, target = load(dossier, actor, "consult")
    step = open_step(
        dossier,
        Step.Kind.CONSULT,
        agency,
        at,
        timing.after_working_days(agency, at, _days(days)),
        note=question.strip()[:500],
    )
    record(
        dossier,
        "consulted",
        actor,
        at,
        to_state=target,
        note=question.strip(),
        step=step,
        to_agency=agency,
        data={"agency": agency.code, "days": str(days)},
    )
    return dossier


@transaction.atomic
def answer_consultation(dossier: Ref, *, actor, answer: str, at=None):
    at = now(at)
    if not (answer or "").strip():
        raise ValidationError({"answer": "Nhập ý kiến trả lời."})
    dossier, _ = load(dossier, actor, "answer_consultation")
    mine = permissions.agencies_with(actor, {permissions.SPECIALIST, permissions.HEAD})
    closed = close_steps(dossier, at, kind=Step.Kind.CONSULT, agency__in=mine)
    if not closed:
        raise ValidationError("Cơ quan của bạn không được xin ý kiến về hồ sơ này.")
    record(
        dossier,
        "consultation_answered",
        actor,
        at,
        note=answer.strip(),
        step=closed[0],
        to_agency=dossier.processing_agency,
        data={"agency": closed[0].agency.code},
    )
    return dossier


@transaction.atomic
def request_payment(dossier: Ref, *, actor, amount: int | None = None, note: str = "", at=None):
    """Yêu cầu thực hiện nghĩa vụ tài chính (portal status 6)."""
    at = now(at)
    dossier, target = load(dossier, actor, "request_payment")
    if amount is not None:
        if int(amount) <= 0:
            raise ValidationError({"amount": "Số tiền phải lớn hơn 0."})
        if int(amount) > MAX_FEE:
            raise ValidationError({"amount": f"Số tiền tối đa {MAX_FEE:,} đồng.".replace(",", ".")})
        dossier.fee_total = int(amount)
    if not dossier.fee_total:
        raise ValidationError({"amount": "Thủ tục không có phí, lệ phí: nhập số tiền phải nộp."})
    dossier.payment_status = PaymentStatus.PENDING
    record(dossier, "payment_requested", actor, at, to_state=target, note=note, data={"amount": dossier.fee_total})
    return dossier


@transaction.atomic
def confirm_payment(dossier: Ref, *, actor, online: bool = False, reference: str = "", at=None):
    at = now(at)
    dossier, target = load(dossier, actor, "confirm_payment")
    dossier.payment_status = PaymentStatus.PAID_ONLINE if online else PaymentStatus.PAID
    record(
        dossier,
        "payment_confirmed",
        actor,
        at,
        to_state=target,
        data={"amount": dossier.fee_total, "online": online, "reference": reference},
    )
    return dossier


@transaction.atomic
def extend(dossier: Ref, *, actor, new_due: dt.datetime, reason: str, at=None):
    """Gia hạn with the apology letter (form 04): once, asked at least 1 working day before the due moment. A new
    date when the office is closed is moved to a working moment (workdays.deadlines.working_promise); the event
    says why."""
    at = now(at)
    if not (reason or "").strip():
        raise ValidationError({"reason": "Nêu lý do chậm trễ trong văn bản xin lỗi."})
    dossier, _ = load(dossier, actor, "extend")
    if dossier.due_at is None:
        raise ValidationError("Hồ sơ không có thời hạn giải quyết nên không gia hạn được.")
    calendar = calendar_for(dossier.processing_agency)
    new_due, moved = working_promise(new_due, calendar)  # a promise falls when the office is open
    try:
        check_extension(dossier.due_at, at, new_due, dossier.extended, calendar)
    except ExtensionError as exc:
        raise ValidationError(str(exc)) from None
    old_due = dossier.due_at
    dossier.due_at = new_due
    dossier.extended = True
    dossier.steps.filter(finished_at=None, deadline=old_due).update(deadline=new_due)
    record(
        dossier,
        "extended",
        actor,
        at,
        note=reason.strip(),
        data={"old_due": old_due, "new_due": new_due, "moved": moved},
    )
    return dossier
