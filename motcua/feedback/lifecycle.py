"""The only way a PAKN changes, shaped like motcua.dossiers.lifecycle: one function per action, each in one
transaction on the locked row, checked against the transition table (transitions.py) and, for officials, the roles
at the handling agency (permissions.py); each adds one link to the PAKN's hash chain (events.py) and publishes it on
the bus (motcua.happened), where the sender's notices listen (notifications.py, subscribed in apps.py).

Views, the officials' pages and tests call these; none sets `status` itself. Deadlines are deadlines.py's.
"""

import hashlib
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from motcua import happened
from motcua.dossiers import files as stored_files
from motcua.records import numbering
from motcua.workdays.calendar import local

from . import events, permissions, transitions
from .deadlines import DAYS, due_after
from .models import Attachment, DailySequence, Feedback
from .tracking import NOT_FOUND, find_for_sender
from .transitions import FeedbackError

S = Feedback.Status
HANDLING = object()  # the event's agency: the one handling the PAKN once the action is done


def _load(pk, actor, action: str) -> tuple[Feedback, str | None]:
    """Lock the PAKN's row, check the official's role and the transition; return it and the status it goes to."""
    fb = _locked(pk)
    permissions.require(actor, action, fb)
    return fb, transitions.require(action, fb.status)


def _locked(pk) -> Feedback:
    # of=("self",): PostgreSQL cannot lock the nullable side of the outer join to transferred_to
    return (
        Feedback.objects.select_for_update(of=("self",)).select_related("receiving_agency", "transferred_to").get(pk=pk)
    )


def _sender(code: str, phone: str, action: str) -> tuple[Feedback, str | None]:
    """`_load` for the sender: found by code + phone (PermissionDenied with the tracking page's words otherwise)."""
    found = find_for_sender(code, phone)
    if found is None:
        raise PermissionDenied(NOT_FOUND)
    fb = _locked(found.pk)
    return fb, transitions.require(action, fb.status)


def _record(fb: Feedback, kind: str, at, actor=None, *, to=None, agency=HANDLING, note="", data=None, files=()):
    """Move to `to` (if given), append the event, keep its files, save the PAKN and publish the event: its
    subscribers (the sender's notices) run here, in the action's transaction."""
    from_status = fb.status if fb.event_count else ""
    if to:
        fb.status = to
    event = events.append(
        fb,
        kind,
        at,
        actor,
        from_status=from_status,
        note=note,
        data=data,
        agency=fb.handling_agency if agency is HANDLING else agency,
    )
    _attach(fb, event, files)
    fb.save()
    happened.publish(event)
    return event


def _attach(fb: Feedback, event, files) -> None:
    """Files already checked by motcua.dossiers.files.read_checked, as (name, content, content type)."""
    for name, content, content_type in files:
        attachment = Attachment(
            feedback=fb,
            event=event,
            name=stored_files.display_name(name),
            content_type=content_type,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
        )
        attachment.file.save(stored_files.storage_name(name, content_type), ContentFile(content), save=False)
        attachment.save()


# --- the sender's submission -------------------------------------------------------------------------------------


def submit(data: dict, files=(), at: datetime | None = None) -> Feedback:
    """Gửi PAKN (public). `data`: the model's sender and subject fields; `files`: (name, content, content type)
    already checked by motcua.dossiers.files.read_checked. Validates the row before anything is written."""
    at = at or timezone.now()
    with transaction.atomic():
        fb = Feedback(**data, submitted_at=at, answer_clock_at=at, status=S.RECEIVED)
        agency = fb.receiving_agency
        fb.refuse_due = due_after(at, DAYS["refuse"], agency)
        fb.supplement_due = due_after(at, DAYS["supplement"], agency)
        fb.transfer_due = due_after(at, DAYS["transfer"], agency)
        fb.answer_due = due_after(at, DAYS["answer"], agency)
        fb.code = "PAKN-000000-0000"
        fb.full_clean(exclude=["code"])
        fb.code = numbering.next_code(DailySequence, "PAKN", local(at).date(), what="PAKN")
        fb.save()
        _record(fb, "submitted", at, data={"answer_due": fb.answer_due, "files": len(files)}, files=files)
    return fb


# --- the officials' actions --------------------------------------------------------------------------------------


def classify(pk, actor, classification: str, note: str = "", at=None) -> Feedback:
    choices = {c for c in Feedback.Classification.values if c != Feedback.Classification.NOT_ACCEPTED}
    if classification not in choices:
        raise FeedbackError("Chọn một cách phân loại (không tiếp nhận thì dùng thao tác “Không tiếp nhận”).")
    at = at or timezone.now()
    with transaction.atomic():
        fb, target = _load(pk, actor, "classify")
        fb.classification, fb.classified_at = classification, at
        _record(fb, "classified", at, actor, to=target, note=note, data={"classification": classification})
    return fb


def refuse(pk, actor, reason: str, at=None) -> Feedback:
    if not reason.strip():
        raise FeedbackError("Phải ghi rõ lý do không tiếp nhận.")
    at = at or timezone.now()
    with transaction.atomic():
        fb, target = _load(pk, actor, "refuse")
        fb.classification, fb.refuse_reason, fb.refused_at = Feedback.Classification.NOT_ACCEPTED, reason.strip(), at
        fb.refuse_on_time = at <= fb.refuse_due
        _record(
            fb,
            "refused",
            at,
            actor,
            to=target,
            note=fb.refuse_reason,
            data={"due": fb.refuse_due, "on_time": fb.refuse_on_time},
        )
    return fb


def request_supplement(pk, actor, note: str, at=None) -> Feedback:
    if not note.strip():
        raise FeedbackError("Phải ghi rõ thông tin cần bổ sung.")
    at = at or timezone.now()
    with transaction.atomic():
        fb, target = _load(pk, actor, "request_supplement")
        if fb.supplement_requested_at is None:  # 766 counts the first request
            fb.supplement_requested_at, fb.supplement_on_time = at, at <= fb.supplement_due
        fb.supplement_note = note.strip()
        _record(
            fb,
            "supplement_requested",
            at,
            actor,
            to=target,
            note=fb.supplement_note,
            data={"due": fb.supplement_due, "on_time": fb.supplement_on_time},
        )
    return fb


def transfer(pk, actor, to_agency, note: str = "", at=None) -> Feedback:
    at = at or timezone.now()
    with transaction.atomic():
        fb, target = _load(pk, actor, "transfer")
        if to_agency is None or to_agency.pk == fb.handling_agency_id:
            raise FeedbackError("Chọn cơ quan có thẩm quyền khác với cơ quan đang xử lý.")
        if fb.transferred_at is None:
            fb.transfer_on_time = at <= fb.transfer_due
        if not fb.classification:
            fb.classification = Feedback.Classification.NOT_COMPETENT
        fb.transferred_to, fb.transferred_at = to_agency, at
        fb.answer_clock_at, fb.answer_due = at, due_after(at, DAYS["answer"], to_agency)  # the answer clock restarts
        _record(
            fb,
            "transferred",
            at,
            actor,
            to=target,
            note=note,
            data={"answer_due": fb.answer_due, "on_time": fb.transfer_on_time},
        )
    return fb


def answer(pk, actor, text: str, at=None) -> Feedback:
    if not text.strip():
        raise FeedbackError("Nội dung trả lời không được để trống.")
    at = at or timezone.now()
    with transaction.atomic():
        fb, target = _load(pk, actor, "answer")
        fb.answer, fb.answered_at, fb.answered_by = text.strip(), at, fb.handling_agency
        fb.answer_on_time = at <= fb.answer_due
        fb.publish_due = due_after(at, DAYS["publish"], fb.handling_agency)
        _record(
            fb,
            "answered",
            at,
            actor,
            to=target,
            data={"due": fb.answer_due, "on_time": fb.answer_on_time, "publish_due": fb.publish_due},
        )
    return fb


def publish(pk, actor, at=None) -> Feedback:
    at = at or timezone.now()
    with transaction.atomic():
        fb, target = _load(pk, actor, "publish")
        fb.published_at, fb.publish_on_time = at, at <= fb.publish_due
        _record(fb, "published", at, actor, to=target, data={"due": fb.publish_due, "on_time": fb.publish_on_time})
    return fb


# --- the sender's answers ----------------------------------------------------------------------------------------


def rate(code: str, phone: str, rating: str, comment: str = "", at=None) -> Feedback:
    """Người gửi đánh giá kết quả: verified by code + phone, once, after the answer."""
    if rating not in Feedback.Rating.values:
        raise FeedbackError("Chọn “Hài lòng” hoặc “Không hài lòng”.")
    with transaction.atomic():
        fb, _ = _sender(code, phone, "rate")
        if fb.rating:
            raise FeedbackError("Bạn đã đánh giá kết quả xử lý PAKN này.")
        at = at or timezone.now()
        fb.rating, fb.rating_comment, fb.rated_at = rating, comment.strip()[:2000], at
        _record(fb, "rated", at, agency=None, note=fb.rating_comment, data={"rating": rating})
    return fb


def supplement(code: str, phone: str, text: str, files=(), at=None) -> Feedback:
    """Người gửi bổ sung thông tin theo đề nghị: verified by code + phone, while a request is open. `files` as for
    submit. The PAKN goes back to the officials (status supplemented); no deadline moves (766 counts the answer
    from submission or transfer, whatever the sender's delay)."""
    text = text.strip()
    if not text:
        raise FeedbackError("Vui lòng nhập nội dung bổ sung.")
    with transaction.atomic():
        fb, target = _sender(code, phone, "supplement")
        at = at or timezone.now()
        _record(
            fb,
            "supplemented",
            at,
            to=target,
            note=text,
            files=files,
            data={
                "files": [{"name": name, "sha256": hashlib.sha256(content).hexdigest()} for name, content, _ in files]
            },
        )
    return fb
