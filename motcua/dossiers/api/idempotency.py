"""Idempotent POSTs: the `Idempotency-Key` header (IETF draft-ietf-httpapi-idempotency-key-header).

The first successful answer to a key is stored in `IdempotencyRecord` in the same transaction as the change it
reports, so a change and its record commit together or not at all. A retry with the same key by the same user gets
the stored status and body back (header `Idempotent-Replayed: true`) and changes nothing; the key sent with another
method or path gets 422. A failed call changed nothing and stores nothing: its retry is simply evaluated again.
Two concurrent calls with one key: the later one fails (its insert collides on (user, key), or the state has moved
on), its work is rolled back, and it answers with the stored first answer.
"""

import json
from functools import wraps

from django.db import transaction
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from ..models import IdempotencyRecord
from .errors import KeyReused

HEADER = "Idempotency-Key"
MAX_KEY = 200

PARAMETER = OpenApiParameter(
    HEADER,
    {"type": "string", "maxLength": MAX_KEY},
    OpenApiParameter.HEADER,
    required=False,
    description="Khóa duy nhất do bên gọi sinh ra (ví dụ UUID) để gửi lại an toàn: gửi lại cùng khóa nhận lại đúng "
    "kết quả lần đầu mà không thay đổi gì thêm. Tối đa 200 ký tự.",
)


def _replay(record: IdempotencyRecord, method_path: str) -> Response:
    if record.method_path != method_path:
        raise KeyReused(
            f"Khóa {HEADER} này đã được dùng cho một yêu cầu khác ({record.method_path}); mỗi thao tác "
            "cần một khóa mới."
        )
    response = Response(record.body, status=record.status_code)
    response["Idempotent-Replayed"] = "true"
    return response


def _stored(user, key: str) -> IdempotencyRecord | None:
    return IdempotencyRecord.objects.filter(user=user, key=key).first()


def idempotent(handler):
    """Decorate a view's `post`: run it once per (user, Idempotency-Key), inside one transaction."""

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
        try:
            with transaction.atomic():
                response = handler(view, request, *args, **kwargs)
                if 200 <= response.status_code < 300:
                    body = json.loads(JSONRenderer().render(response.data) or b"null")
                    IdempotencyRecord.objects.create(
                        key=key, user=request.user, method_path=method_path, status_code=response.status_code, body=body
                    )
        except Exception:  # e.g. IntegrityError or 409: a concurrent call with this key may have committed first
            record = _stored(request.user, key)  # everything done here was rolled back
            if record is None:
                raise
            return _replay(record, method_path)
        return response

    return wrapper
