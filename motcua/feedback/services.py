"""PAKN actions: one function per action, each in one transaction on the locked row, each checked for role and
agency the way motcua.dossiers.permissions checks dossiers, each adding one link to the PAKN's hash chain.

Deadlines (Decision 766, indicator 5.2; DOMAIN.md 4, 6), in working days of the agency's calendar:
refuse ≤ 2 and first supplement request ≤ 5 from submission; transfer to the competent body ≤ 5 from submission
(Decree 20/2008 Art. 9); answer ≤ 15 from submission or from the (last) transfer; publish ≤ 2 from the answer.
A supplement request does not stop the answer clock, and the sender's supplement does not move any deadline.

The sender is told by e-mail and SMS (notifications.py) of the events in notifications.NOTIFIED, in the action's
own transaction.
"""
import hashlib
import json
import re
from datetime import UTC, datetime

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from motcua.dossiers import files as stored_files
from motcua.dossiers import permissions as perms
from motcua.vntext.validators import normalize_phone
from motcua.workdays import deadlines
from motcua.workdays.calendar import local
from motcua.workdays.services import calendar_for

from . import notifications
from .models import Attachment, DailySequence, Feedback, FeedbackEvent

S = Feedback.Status
GENESIS = "0" * 64
DAYS = {"refuse": 2, "supplement": 5, "transfer": 5, "answer": 15, "publish": 2}
INTAKE = {perms.COUNTER, perms.SPECIALIST, perms.HEAD}
HANDLERS = {perms.SPECIALIST, perms.HEAD}
# action → (roles at the handling agency, statuses it may start from)
RULES = {
    "classify": (INTAKE, {S.RECEIVED, S.SUPPLEMENT, S.SUPPLEMENTED}),
    "refuse": (INTAKE, {S.RECEIVED, S.SUPPLEMENT, S.SUPPLEMENTED, S.CLASSIFIED}),
    "request_supplement": (INTAKE, {S.RECEIVED, S.CLASSIFIED, S.SUPPLEMENTED}),
    "transfer": (HANDLERS, {S.RECEIVED, S.SUPPLEMENT, S.SUPPLEMENTED, S.CLASSIFIED, S.TRANSFERRED}),
    "answer": (HANDLERS, {S.CLASSIFIED, S.TRANSFERRED}),
    "publish": ({perms.HEAD, perms.ADMIN}, {S.ANSWERED}),
}
LABELS = {"classify": "Phân loại", "refuse": "Không tiếp nhận", "request_supplement": "Đề nghị bổ sung thông tin",
          "transfer": "Chuyển cơ quan có thẩm quyền", "answer": "Trả lời (kết quả xử lý)",
          "publish": "Công khai kết quả"}
EVENT_LABELS = {"submitted": "Gửi phản ánh, kiến nghị", "classified": "Phân loại", "refused": "Không tiếp nhận",
                "supplement_requested": "Đề nghị bổ sung thông tin",
                "supplemented": "Người gửi bổ sung thông tin", "transferred": "Chuyển cơ quan có thẩm quyền",
                "answered": "Có kết quả xử lý", "published": "Công khai kết quả", "rated": "Người gửi đánh giá"}
NOT_FOUND = "Không tìm thấy PAKN khớp với mã và số điện thoại đã nhập."


class FeedbackError(ValueError):
    """Thao tác không hợp lệ với trạng thái hiện tại của PAKN."""


def due_after(start, days: int, agency):
    return deadlines.due(start, deadlines.Duration(days, deadlines.WORKING_DAYS), calendar_for(agency)).due


# --- permissions -------------------------------------------------------------------------------------------------

def visible(queryset, user):
    """PAKN a user may see: monitors all; staff those received by or transferred to their agencies."""
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    if user.is_superuser or perms.is_monitor(user):
        return queryset
    agencies = {agency for agency, role in perms.roles_of(user) if role != perms.MONITOR}
    return queryset.filter(Q(receiving_agency__in=agencies) | Q(transferred_to__in=agencies))


def can(user, action: str, fb: Feedback) -> bool:
    roles, statuses = RULES[action]
    return fb.status in statuses and fb.handling_agency_id in perms.agencies_with(user, roles)


def available_actions(user, fb: Feedback) -> list[str]:
    return [action for action in RULES if can(user, action, fb)]


def _require(user, action: str, fb: Feedback) -> None:
    roles, statuses = RULES[action]
    if fb.handling_agency_id not in perms.agencies_with(user, roles):
        raise PermissionDenied("Bạn không có quyền thực hiện thao tác này với PAKN của cơ quan khác.")
    if fb.status not in statuses:
        raise FeedbackError(f"Không thể {LABELS[action].lower()} khi PAKN đang ở trạng thái "
                            f"“{fb.get_status_display()}”.")


# --- history -----------------------------------------------------------------------------------------------------

def _moment(value):
    return value.astimezone(UTC).isoformat() if value else None


def digest(event: FeedbackEvent, code: str) -> str:
    content = {"feedback": code, "seq": event.seq, "kind": event.kind, "at": _moment(event.at),
               "actor": event.actor_id, "actor_name": event.actor_name, "agency": event.agency_id,
               "from": event.from_status, "to": event.to_status, "note": event.note, "data": event.data,
               "prev": event.prev_hash}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _log(fb: Feedback, kind: str, at, actor=None, *, from_status="", agency=None, note="", data=None):
    event = FeedbackEvent(
        feedback=fb, seq=fb.event_count + 1, kind=kind, at=at, actor=actor,
        actor_name=(getattr(actor, "full_name", "") or getattr(actor, "username", "")) if actor else "",
        agency=agency, from_status=from_status, to_status=fb.status, note=note,
        data=json.loads(json.dumps(data or {}, default=str)), prev_hash=fb.last_event_hash or GENESIS)
    event.hash = digest(event, fb.code)
    event.save(force_insert=True)
    fb.event_count, fb.last_event_hash = event.seq, event.hash
    if kind in notifications.NOTIFIED:
        notifications.notify(event)
    return event


def verify(fb: Feedback) -> int | None:
    """The seq of the first broken link of this PAKN's history, or None when the chain is intact."""
    previous, events = GENESIS, list(fb.events.order_by("seq"))
    for expected, event in enumerate(events, start=1):
        if event.seq != expected or event.prev_hash != previous or digest(event, fb.code) != event.hash:
            return expected
        previous = event.hash
    if len(events) != fb.event_count or previous != (fb.last_event_hash or GENESIS):
        return len(events) + 1
    return None


# --- actions -----------------------------------------------------------------------------------------------------

def next_code(day) -> str:
    with transaction.atomic():
        if not DailySequence.objects.filter(day=day).update(last=F("last") + 1):
            try:
                with transaction.atomic():
                    DailySequence.objects.create(day=day, last=1)
            except IntegrityError:
                DailySequence.objects.filter(day=day).update(last=F("last") + 1)
        number = DailySequence.objects.filter(day=day).values_list("last", flat=True).get()
    return f"PAKN-{day:%y%m%d}-{number:04d}"


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
        fb.code = next_code(local(at).date())
        fb.save()
        event = _log(fb, "submitted", at, agency=agency, data={"answer_due": fb.answer_due, "files": len(files)})
        _attach(fb, event, files)
        fb.save(update_fields=["event_count", "last_event_hash"])
    return fb


def _attach(fb: Feedback, event: FeedbackEvent, files) -> None:
    for name, content, content_type in files:
        attachment = Attachment(feedback=fb, event=event, name=stored_files.display_name(name),
                                content_type=content_type, size=len(content),
                                sha256=hashlib.sha256(content).hexdigest())
        attachment.file.save(stored_files.storage_name(name, content_type), ContentFile(content), save=False)
        attachment.save()


def _locked(pk) -> Feedback:
    # of=("self",): PostgreSQL cannot lock the nullable side of the outer join to transferred_to
    return (Feedback.objects.select_for_update(of=("self",))
            .select_related("receiving_agency", "transferred_to").get(pk=pk))


def _act(action: str, pk, actor, at):
    fb = _locked(pk)
    _require(actor, action, fb)
    return fb, fb.status, at or timezone.now()


def classify(pk, actor, classification: str, note: str = "", at=None) -> Feedback:
    choices = {c for c in Feedback.Classification.values if c != Feedback.Classification.NOT_ACCEPTED}
    if classification not in choices:
        raise FeedbackError("Chọn một cách phân loại (không tiếp nhận thì dùng thao tác “Không tiếp nhận”).")
    with transaction.atomic():
        fb, old, at = _act("classify", pk, actor, at)
        fb.classification, fb.classified_at, fb.status = classification, at, S.CLASSIFIED
        _log(fb, "classified", at, actor, from_status=old, agency=fb.handling_agency, note=note,
             data={"classification": classification})
        fb.save()
    return fb


def refuse(pk, actor, reason: str, at=None) -> Feedback:
    if not reason.strip():
        raise FeedbackError("Phải ghi rõ lý do không tiếp nhận.")
    with transaction.atomic():
        fb, old, at = _act("refuse", pk, actor, at)
        fb.classification, fb.refuse_reason, fb.refused_at = Feedback.Classification.NOT_ACCEPTED, reason.strip(), at
        fb.refuse_on_time, fb.status = at <= fb.refuse_due, S.REFUSED
        _log(fb, "refused", at, actor, from_status=old, agency=fb.handling_agency, note=fb.refuse_reason,
             data={"due": fb.refuse_due, "on_time": fb.refuse_on_time})
        fb.save()
    return fb


def request_supplement(pk, actor, note: str, at=None) -> Feedback:
    if not note.strip():
        raise FeedbackError("Phải ghi rõ thông tin cần bổ sung.")
    with transaction.atomic():
        fb, old, at = _act("request_supplement", pk, actor, at)
        if fb.supplement_requested_at is None:  # 766 counts the first request
            fb.supplement_requested_at, fb.supplement_on_time = at, at <= fb.supplement_due
        fb.supplement_note, fb.status = note.strip(), S.SUPPLEMENT
        _log(fb, "supplement_requested", at, actor, from_status=old, agency=fb.handling_agency, note=fb.supplement_note,
             data={"due": fb.supplement_due, "on_time": fb.supplement_on_time})
        fb.save()
    return fb


def transfer(pk, actor, to_agency, note: str = "", at=None) -> Feedback:
    with transaction.atomic():
        fb, old, at = _act("transfer", pk, actor, at)
        if to_agency is None or to_agency.pk == fb.handling_agency_id:
            raise FeedbackError("Chọn cơ quan có thẩm quyền khác với cơ quan đang xử lý.")
        if fb.transferred_at is None:
            fb.transfer_on_time = at <= fb.transfer_due
        if not fb.classification:
            fb.classification = Feedback.Classification.NOT_COMPETENT
        fb.transferred_to, fb.transferred_at, fb.status = to_agency, at, S.TRANSFERRED
        fb.answer_clock_at, fb.answer_due = at, due_after(at, DAYS["answer"], to_agency)  # the answer clock restarts
        _log(fb, "transferred", at, actor, from_status=old, agency=to_agency, note=note,
             data={"answer_due": fb.answer_due, "on_time": fb.transfer_on_time})
        fb.save()
    return fb


def answer(pk, actor, text: str, at=None) -> Feedback:
    if not text.strip():
        raise FeedbackError("Nội dung trả lời không được để trống.")
    with transaction.atomic():
        fb, old, at = _act("answer", pk, actor, at)
        fb.answer, fb.answered_at, fb.answered_by = text.strip(), at, fb.handling_agency
        fb.answer_on_time, fb.status = at <= fb.answer_due, S.ANSWERED
        fb.publish_due = due_after(at, DAYS["publish"], fb.handling_agency)
        _log(fb, "answered", at, actor, from_status=old, agency=fb.handling_agency,
             data={"due": fb.answer_due, "on_time": fb.answer_on_time, "publish_due": fb.publish_due})
        fb.save()
    return fb


def publish(pk, actor, at=None) -> Feedback:
    with transaction.atomic():
        fb, old, at = _act("publish", pk, actor, at)
        fb.published_at, fb.publish_on_time, fb.status = at, at <= fb.publish_due, S.PUBLISHED
        _log(fb, "published", at, actor, from_status=old, agency=fb.handling_agency,
             data={"due": fb.publish_due, "on_time": fb.publish_on_time})
        fb.save()
    return fb


def find_for_sender(code: str, phone: str) -> Feedback | None:
    """The PAKN with this code whose sender's phone is `phone`; None whichever of the two is wrong."""
    fb = (Feedback.objects.select_related("receiving_agency", "transferred_to", "answered_by")
          .filter(code=re.sub(r"\s+", "", code or "").upper()).first())
    phone = normalize_phone(phone)
    return fb if fb and phone and normalize_phone(fb.sender_phone) == phone else None


def rate(code: str, phone: str, rating: str, comment: str = "", at=None) -> Feedback:
    """Người gửi đánh giá kết quả: verified by code + phone, once, after the answer."""
    if rating not in Feedback.Rating.values:
        raise FeedbackError("Chọn “Hài lòng” hoặc “Không hài lòng”.")
    found = find_for_sender(code, phone)
    if found is None:
        raise PermissionDenied(NOT_FOUND)
    with transaction.atomic():
        fb = _locked(found.pk)
        if fb.status not in (S.ANSWERED, S.PUBLISHED):
            raise FeedbackError("Chỉ đánh giá được khi PAKN đã có kết quả trả lời.")
        if fb.rating:
            raise FeedbackError("Bạn đã đánh giá kết quả xử lý PAKN này.")
        at = at or timezone.now()
        fb.rating, fb.rating_comment, fb.rated_at = rating, comment.strip()[:2000], at
        _log(fb, "rated", at, from_status=fb.status, note=fb.rating_comment, data={"rating": rating})
        fb.save()
    return fb


def supplement(code: str, phone: str, text: str, files=(), at=None) -> Feedback:
    """Người gửi bổ sung thông tin theo đề nghị: verified by code + phone, while a request is open. `files` as for
    submit. The PAKN goes back to the officials (status supplemented); no deadline moves (766 counts the answer
    from submission or transfer, whatever the sender's delay)."""
    text = text.strip()
    if not text:
        raise FeedbackError("Vui lòng nhập nội dung bổ sung.")
    found = find_for_sender(code, phone)
    if found is None:
        raise PermissionDenied(NOT_FOUND)
    with transaction.atomic():
        fb = _locked(found.pk)
        if fb.status != S.SUPPLEMENT:
            raise FeedbackError("PAKN này không có đề nghị bổ sung thông tin nào đang chờ.")
        at = at or timezone.now()
        fb.status = S.SUPPLEMENTED
        event = _log(fb, "supplemented", at, from_status=S.SUPPLEMENT, agency=fb.handling_agency, note=text,
                     data={"files": [{"name": name, "sha256": hashlib.sha256(content).hexdigest()}
                                     for name, content, _ in files]})
        _attach(fb, event, files)
        fb.save()
    return fb


def overdue_filter(now=None) -> Q:
    """Open PAKN past the deadline of the step now running."""
    now = now or timezone.now()
    return (Q(status=S.ANSWERED, publish_due__lt=now)
            | Q(status__in=[S.RECEIVED, S.CLASSIFIED, S.SUPPLEMENT, S.SUPPLEMENTED, S.TRANSFERRED],
                answer_due__lt=now))

