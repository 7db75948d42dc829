"""Idempotent POSTs: the `Idempotency-Key` header (IETF draft-ietf-httpapi-idempotency-key-header).

A retry with the same key by the same user gets the first answer back (status and body, header
`Idempotent-Replayed: true`) and changes nothing; the key sent with another method or path gets 422. A failed call
changed nothing and stores nothing: its retry is simply evaluated again.

The key is claimed in the change's own transaction: when the lifecycle publishes the action's event, `claim` (a
subscriber of the bus, dossiers/apps.py) inserts the `IdempotencyRecord` there, so the change and its key commit
together or not at all. The transaction, and with it the dossier's row lock and the day's code counter, then ends
with the lifecycle action; the answer is read and serialised after the commit and stored in the claimed record by
one UPDATE (issue 15: the wrapper used to hold its transaction, and every lock taken in it, while the response was
built). Two concurrent calls with one key: the later one's claim collides on (user, key) and waits for the first to
commit, its work is rolled back, and it answers with the first answer, or, while that is still being written, 409
(as the draft says of a request still in progress). Should the process die between the commit and the UPDATE, the
change stands once and a retry hears 409 with what to do, never a second change.
"""

import json
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps

from django.db import IntegrityError, transaction
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from ..models import IdempotencyRecord
from .errors import Conflict, KeyReused

HEADER = "Idempotency-Key"
MAX_KEY = 200
CLAIMED = 0  # the status code of a claimed key whose answer is not stored yet

PARAMETER = OpenApiParameter(
    HEADER,
    {"type": "string", "maxLength": MAX_KEY},
    OpenApiParameter.HEADER,
    required=False,
    description="Khóa duy nhất do bên gọi sinh ra (ví dụ UUID) để gửi lại an toàn: gửi lại cùng khóa nhận lại đúng "
    "kết quả lần đầu mà không thay đổi gì thêm. Tối đa 200 ký tự.",
)


@dataclass
class Pending:
    """The key of the call being handled, to be claimed in the transaction of the change it makes."""

    key: str
    user_id: int
    method_path: str
    record_id: int | None = None


_pending: ContextVar[Pending | None] = ContextVar("motcua_idempotency_pending", default=None)


def claim(event) -> None:
    """Subscriber of dossier events (dossiers/apps.py): the first event of an idempotent call claims its key, in the
    action's transaction. A concurrent call that claimed it first makes this insert fail, which rolls the action
    back."""
    pending = _pending.get()
    if pending is None or pending.record_id is not None:
        return
    record = IdempotencyRecord.objects.create(
        key=pending.key, user_id=pending.user_id, method_path=pending.method_path, status_code=CLAIMED, body={}
    )
    pending.record_id = record.pk


def _replay(record: IdempotencyRecord, method_path: str) -> Response:
    if record.method_path != method_path:
        raise KeyReused(
            f"Khóa {HEADER} này đã được dùng cho một yêu cầu khác ({record.method_path}); mỗi thao tác "
            "cần một khóa mới."
        )
    if record.status_code == CLAIMED:
        raise Conflict(
            f"Yêu cầu với khóa {HEADER} này đã được thực hiện nhưng câu trả lời chưa được lưu (đang xử lý hoặc bị "
            "gián đoạn): không thực hiện lại. Xem hồ sơ để biết kết quả, hoặc gửi lại sau ít giây."
        )
    response = Response(record.body, status=record.status_code)
    response["Idempotent-Replayed"] = "true"
    return response


def _stored(user, key: str) -> IdempotencyRecord | None:
    return IdempotencyRecord.objects.filter(user=user, key=key).first()


def idempotent(handler):
    """Decorate a view's `post`: run it once per (user, Idempotency-Key)."""

    @wraps(handler)
    def wrapper(view, request, *args, **kwargs):
        key = request.headers.get(HEADER, "").strip()
        if not key:
            return handler(view, request, *args, **kwargs)
        if len(key) > MAX_KEY:
            raise exceptions.ValidationError({HEADER: [f"Khóa {HEADER} dài tối đa {MAX_KEY} ký tự."]})
        method_path = f"{request.method} {request.path}"
        record = _stored(request.user, key)
        if record is not None:
            return _replay(record, method_path)
        pending = Pending(key=key, user_id=request.user.pk, method_path=method_path)
        token = _pending.set(pending)
        try:
            response = handler(view, request, *args, **kwargs)
        except Exception:  # e.g. IntegrityError or 409: a concurrent call with this key may have committed first
            if pending.record_id is not None:
                raise  # this call's own change committed; its retry hears 409 (_replay), never a second change
            record = _stored(request.user, key)  # everything done here was rolled back
            if record is None:
                raise
            return _replay(record, method_path)
        finally:
            _pending.reset(token)
        if pending.record_id is None and not 200 <= response.status_code < 300:
            return response  # nothing changed, nothing stored: a retry is evaluated again
        # Serialised after the change committed: no lock is held while the answer is built.
        body = json.loads(JSONRenderer().render(response.data) or b"null")
        if pending.record_id is not None:
            IdempotencyRecord.objects.filter(pk=pending.record_id).update(status_code=response.status_code, body=body)
            return response
        try:  # a success that published no event: the record alone, as before
            with transaction.atomic():
                IdempotencyRecord.objects.create(
                    key=key, user=request.user, method_path=method_path, status_code=response.status_code, body=body
                )
        except IntegrityError:
            return _replay(_stored(request.user, key), method_path)
        return response

    return wrapper
