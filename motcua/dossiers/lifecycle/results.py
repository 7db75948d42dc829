"""Endings: the result issued or refused, returned to the applicant; stopped at their request or withdrawn."""

from django.core.exceptions import ValidationError
from django.db import transaction

from .. import files, result_checks, timing
from ..models import Document, Step
from ..states import DeliveryStatus, Outcome
from .core import Ref, close_steps, load, now, open_step, record

RETURN_METHODS = {"desk": DeliveryStatus.AT_DESK, "post": DeliveryStatus.BY_POST, "online": DeliveryStatus.ONLINE}


def _finish(dossier, at) -> None:
    """Ngày kết thúc xử lý: judged against the legal promise and, for 766, against the pause-shifted promise."""
    dossier.finished_at = at
    dossier.outcome = timing.judge(at, dossier.due_at)
    # An extension moves the legal promise, not the 766 one: the statistics judge against the first promise.
    dossier.stats_outcome = Outcome.LATE if dossier.late_for_stats else timing.judge(at, dossier.stats_due_at)


def _await_return(dossier, at) -> None:
    open_step(dossier, Step.Kind.RETURN, dossier.receiving_agency, at, max(dossier.due_at or at, at))
    dossier.delivery_status = DeliveryStatus.READY


@transaction.atomic
def issue_result(dossier: Ref, *, actor, summary: str, uploads=(), at=None):
    """Ban hành kết quả: the signed result files are stored and the dossier is done (portal status 9). The event's
    subscribers copy the files into the applicant's data store (portal.store.keep_result) and send the notice."""
    at = now(at)
    dossier, target = load(dossier, actor, "issue_result")
    if not (summary or "").strip():
        raise ValidationError({"summary": "Nhập nội dung kết quả giải quyết (ví dụ số giấy tờ đã cấp)."})
    checked = [(name, *files.read_checked(upload)) for name, upload in uploads]
    for name, content, kind in checked:
        document = Document(dossier=dossier, kind=Document.Kind.RESULT, name=name, uploaded_by=actor, digitised=True)
        files.store(document, content, f"ket-qua-{dossier.code}", kind)
        document.save()
        result_checks.register(dossier, name, sha256=document.sha256, issued_at=at)  # checkable by its hash
    dossier.result_summary = summary.strip()
    issued(dossier, actor, at, target, [Step.Kind.APPROVE, Step.Kind.PROCESS], {"files": len(checked)})
    return dossier


def issued(dossier, actor, at, target, steps, data) -> None:
    """The result is out (a paper one uploaded, or the signing step's seal): the dossier is finished and judged,
    the open `steps` of these kinds are handed over, the desk awaits the applicant, and `result_issued` is recorded
    with `data` and the outcomes; its subscribers keep the result in the applicant's store and tell them."""
    _finish(dossier, at)
    closed = close_steps(dossier, at, kind__in=steps)
    _await_return(dossier, at)
    record(
        dossier,
        "result_issued",
        actor,
        at,
        to_state=target,
        note=dossier.result_summary,
        step=closed[-1] if closed else None,
        to_agency=dossier.receiving_agency,
        data={**data, "outcome": dossier.outcome, "stats_outcome": dossier.stats_outcome},
    )


@transaction.atomic
def refuse(dossier: Ref, *, actor, reasons: str, at=None):
    """Từ chối giải quyết sau thẩm định, with reasons, entered as the result within the processing time."""
    at = now(at)
    if not (reasons or "").strip():
        raise ValidationError({"reasons": "Ghi rõ lý do từ chối giải quyết."})
    dossier, target = load(dossier, actor, "refuse")
    dossier.result_summary = reasons.strip()
    _finish(dossier, at)
    closed = close_steps(dossier, at)
    _await_return(dossier, at)
    record(
        dossier,
        "refused",
        actor,
        at,
        to_state=target,
        note=dossier.result_summary,
        step=closed[-1] if closed else None,
        to_agency=dossier.receiving_agency,
    )
    return dossier


@transaction.atomic
def return_result(dossier: Ref, *, actor, method: str = "desk", note: str = "", at=None):
    """Trả kết quả at the desk, by post, or online (portal status 10)."""
    at = now(at)
    if method not in RETURN_METHODS:
        raise ValidationError({"method": "Hình thức trả kết quả không hợp lệ (tại quầy, bưu chính, trực tuyến)."})
    dossier, target = load(dossier, actor, "return_result")
    dossier.returned_at = at
    dossier.delivery_status = RETURN_METHODS[method]
    closed = close_steps(dossier, at, kind=Step.Kind.RETURN)
    record(
        dossier,
        "returned",
        actor,
        at,
        to_state=target,
        note=note,
        step=closed[0] if closed else None,
        data={"method": method},
    )
    return dossier


@transaction.atomic
def stop(dossier: Ref, *, actor, reason: str, at=None):
    """Dừng giải quyết at the applicant's request, before any result (form 05, TT 03/2025 Art. 7)."""
    at = now(at)
    if not (reason or "").strip():
        raise ValidationError({"reason": "Ghi nội dung đề nghị dừng của người có yêu cầu."})
    dossier, target = load(dossier, actor, "stop")
    dossier.finished_at = at
    close_steps(dossier, at)
    record(dossier, "stopped", actor, at, to_state=target, note=reason.strip())
    return dossier


@transaction.atomic
def withdraw(dossier: Ref, *, actor, reason: str = "", at=None):
    """Công dân rút hồ sơ (portal status 7)."""
    at = now(at)
    dossier, target = load(dossier, actor, "withdraw")
    dossier.finished_at = at
    close_steps(dossier, at)
    record(dossier, "withdrawn", actor, at, to_state=target, note=(reason or "").strip())
    return dossier
