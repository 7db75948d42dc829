"""The signing step (issue 17, docs/signing.md): after approval the result waits for its signatures.

1. `send_for_signing` (Trình ký kết quả, APPROVED → "chờ ký"): the drafted result, a PDF, gets the agency's next
   result number of the year and today's date written into it, and goes to the leader who approved the dossier.
2. `sign` (the leader) and `seal` (the văn thư, the agency's signature) only ask: they write a waiting `Signature`
   and queue the signing task. Signing waits for a timestamp and, remotely, for the signer's phone (minutes), so it
   never runs inside this transaction, which holds the dossier's lock (dossiers/result_signing.py).
3. The task reports back: `record_signed` puts the signed file in place of the draft and moves on (the leader's
   signature → "chờ đóng dấu, ban hành"; the seal → "đã có kết quả", the event `result_issued`, whose subscribers
   keep the result in the applicant's data store and tell them); `record_failure` leaves the dossier where it
   was, with the reason, and the attempt is kept."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from motcua.records import numbering
from motcua.signing import keys
from motcua.signing.models import Layout

from .. import files, result_checks
from ..models import Document, ResultSequence, Signature, Step
from ..printing.numbered import NumberPlace, numbered
from ..printing.pdf import abbreviation, place_of
from ..states import State
from ..transitions import TransitionError
from .core import Ref, load, lock, now, open_step, record
from .results import issued

# Remote signing expires after 5 minutes and the worker gives up after 5.5: a signature still waiting after 10 lost
# its task (a worker killed mid-way), and must not block the result for ever.
STALE = dt.timedelta(minutes=10)
SYMBOLS = {"QĐ": "Quyết định", "GP": "Giấy phép", "GCN": "Giấy chứng nhận", "TB": "Thông báo", "VB": "Văn bản"}


def current_draft(dossier) -> Document | None:
    """The result waiting for signatures: the latest draft (an earlier one was sent back and drafted again)."""
    return dossier.documents.filter(kind=Document.Kind.DRAFT).order_by("-id").first()


def _approver(dossier):
    event = dossier.events.filter(kind="approved").order_by("-seq").select_related("actor").first()
    return event.actor if event else None


@transaction.atomic
def send_for_signing(dossier: Ref, *, actor, summary: str, upload, symbol: str = "QĐ", layout=None, at=None):
    """Trình ký: the drafted result (PDF) numbered and dated, to the approving leader's "Chờ ký" queue. `layout`
    (signing.models.Layout, the result's template) places the number and, later, the signatures."""
    at = now(at)
    dossier, target = load(dossier, actor, "send_for_signing")
    if not (summary or "").strip():
        raise ValidationError({"summary": "Nhập trích yếu kết quả giải quyết."})
    if symbol not in SYMBOLS:
        raise ValidationError({"symbol": "Loại văn bản kết quả không hợp lệ."})
    if upload is None:
        raise ValidationError({"file": "Tải lên dự thảo kết quả (tệp PDF) để trình ký."})
    content, kind = files.read_checked(upload, "Dự thảo kết quả")
    if kind != "application/pdf":
        raise ValidationError({"file": "Kết quả trình ký số phải là tệp PDF."})
    leader = _approver(dossier)
    if leader is None:
        raise ValidationError("Không tìm thấy lãnh đạo đã phê duyệt hồ sơ để trình ký.")
    agency, day = dossier.processing_agency, timezone.localdate(at)
    # a file the number cannot be written into raises below, and the transaction gives the number back
    place = place_of(agency)
    layout = layout or Layout.default()
    at_place = NumberPlace(x=layout.number_x, y=layout.number_y, qr_x=layout.number_x)
    number = f"{numbering.next_number(ResultSequence, agency=agency, year=day.year)}/{symbol}-{abbreviation(agency)}"
    name = f"{SYMBOLS[symbol]} số {number}"
    check = result_checks.register(dossier, name)
    url = result_checks.page_url(check.code)
    written = numbered(content, number, day, place, code=check.code, url=url, at=at_place)
    draft = Document(dossier=dossier, kind=Document.Kind.DRAFT, name=name, uploaded_by=actor)
    files.store(draft, written, f"ket-qua-{dossier.code}", "application/pdf")
    draft.save()
    dossier.result_summary = summary.strip()
    dossier.assignee = leader
    open_step(dossier, Step.Kind.SIGN, agency, at, dossier.due_at, assignee=leader)
    record(
        dossier,
        "sent_for_signing",
        actor,
        at,
        to_state=target,
        note=dossier.result_summary,
        to_agency=agency,
        data={
            "number": number,
            "date": day.isoformat(),
            "signer": leader.get_username(),
            "sha256": draft.sha256,
            "check": check.code,
            "layout": layout.pk,
        },
    )
    return dossier


def _ask(dossier: Ref, actor, action: str, role: str, at) -> Signature:
    at = now(at)
    dossier, _ = load(dossier, actor, action)
    if role == Signature.Role.LEADER and dossier.assignee_id not in (None, actor.pk):
        raise ValidationError("Kết quả này trình lãnh đạo khác ký: chỉ người đã phê duyệt ký kết quả.")
    waiting = dossier.signatures.filter(status=Signature.Status.WAITING).first()
    if waiting is not None and waiting.asked_at > at - STALE:
        raise ValidationError("Kết quả đang được ký: chờ lần ký này xong (hoặc hết hạn) rồi thử lại.")
    if waiting is not None:  # its task never reported (a worker that died): the attempt ends, a new one may start
        waiting.status, waiting.finished_at = Signature.Status.FAILED, at
        waiting.reason = "Không nhận được kết quả ký sau 10 phút; yêu cầu ký đã bị hủy."
        waiting.save(update_fields=["status", "finished_at", "reason"])
    owner = actor if role == Signature.Role.LEADER else None
    key = keys.in_use(owner=owner, agency=dossier.processing_agency)
    if key is None:
        raise ValidationError(
            "Bạn chưa đăng ký chứng thư số tại cơ quan này: vào “Chữ ký số” để thêm tệp .p12 "
            "hoặc tài khoản ký số từ xa."
            if owner
            else "Cơ quan chưa đăng ký chứng thư số của cơ quan (con dấu số): vào “Chữ ký số” để thêm."
        )
    draft = current_draft(dossier)
    if draft is None:
        raise ValidationError("Không có kết quả chờ ký.")
    sent = dossier.events.filter(kind="sent_for_signing").order_by("-seq").first()
    layout_id = sent.data.get("layout") if sent else None
    signature = Signature.objects.create(
        dossier=dossier,
        document=draft,
        role=role,
        key=key,
        layout=Layout.objects.filter(pk=layout_id).first() if layout_id else None,
        asked_by=actor,
        asked_at=at,
        sha256_before=draft.sha256,
    )
    from ..result_signing import sign_result

    sign_result.enqueue(signature.pk, dossier.receiving_agency_id)  # in this transaction: queued if it commits
    return signature


@transaction.atomic
def sign(dossier: Ref, *, actor, at=None) -> Signature:
    """The approving leader asks for their signature on the result (queued; see the module's note)."""
    return _ask(dossier, actor, "sign", Signature.Role.LEADER, at)


@transaction.atomic
def seal(dossier: Ref, *, actor, at=None) -> Signature:
    """The văn thư asks for the agency's signature (the seal) on the result the leader signed."""
    return _ask(dossier, actor, "seal", Signature.Role.SEAL, at)


WAITS_IN = {Signature.Role.LEADER: State.AWAITING_SIGNATURE, Signature.Role.SEAL: State.AWAITING_SEAL}


def _waiting(signature: Signature):
    """The dossier locked and the signature read again under the lock: still waiting, or None. TransitionError when
    the dossier is no longer where this signature was asked for (sent back, withdrawn, refused meanwhile)."""
    dossier, _ = lock(signature.dossier, "record_signature")
    if dossier.state != WAITS_IN[signature.role]:
        raise TransitionError(f"Hồ sơ không còn ở trạng thái “{State(WAITS_IN[signature.role]).label}”.")
    fresh = Signature.objects.filter(pk=signature.pk, receiving_agency_id=dossier.receiving_agency_id).first()
    return dossier, fresh if fresh is not None and fresh.status == Signature.Status.WAITING else None


@transaction.atomic
def record_signed(signature: Signature, signed: bytes, evidence: dict, at=None):
    """The signing task's success: the signed file replaces the draft's, the evidence is kept, the dossier moves on."""
    at = now(at)
    dossier, signature = _waiting(signature)
    if signature is None:
        return None
    document = Document.objects.get(pk=signature.document_id, receiving_agency_id=dossier.receiving_agency_id)
    if document.sha256 != signature.sha256_before:
        return _failed(dossier, signature, Signature.Status.FAILED, "Kết quả đã đổi trong lúc ký: ký lại.", "", at)
    files.store(document, signed, f"ket-qua-{dossier.code}", "application/pdf")
    sealed = signature.role == Signature.Role.SEAL
    if sealed:
        document.kind = Document.Kind.RESULT
    document.save()
    for name, value in evidence.items():
        setattr(signature, name, value)
    signature.status, signature.finished_at, signature.sha256_after = Signature.Status.SIGNED, at, document.sha256
    signature.save()
    data = {"signature": signature.pk, "sha256": document.sha256, "transaction": signature.transaction_id}
    if not sealed:
        dossier.assignee = None  # the văn thư's queue holds it now
        record(dossier, "result_signed", signature.asked_by, at, to_state=State.AWAITING_SEAL, data=data)
        return dossier
    sent = dossier.events.filter(kind="sent_for_signing").order_by("-seq").first()
    if sent is not None and sent.data.get("check"):
        result_checks.issued(sent.data["check"], document.sha256, at)
    issued(dossier, signature.asked_by, at, State.ISSUED, [Step.Kind.SIGN], {**data, "files": 1})
    return dossier


@transaction.atomic
def record_failure(signature: Signature, status: str, reason: str, *, transaction: str = "", at=None):
    """The signing task's failure (refused on the phone, expired, a certificate refused, a service down): the
    dossier stays where it was, and the attempt is kept with its reason, in the signature and in the history."""
    at = now(at)
    dossier, waiting = _waiting(signature)
    if waiting is None:
        return None
    return _failed(dossier, waiting, status, reason, transaction, at)


def _failed(dossier, waiting: Signature, status: str, reason: str, transaction: str, at):
    """`waiting` (read under the dossier's lock) ends as `status`, and the history says why."""
    waiting.status, waiting.finished_at, waiting.reason = status, at, reason[:500]
    waiting.transaction_id = transaction  # a remote refusal or expiry has the service's id too
    waiting.save(update_fields=["status", "finished_at", "reason", "transaction_id"])
    data = {"signature": waiting.pk, "role": waiting.role, "status": status}
    record(dossier, "signing_failed", waiting.asked_by, at, note=waiting.reason, data=data)
    return dossier
