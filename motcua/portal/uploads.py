"""Tải lên có thể tiếp tục: the core of tus 1.0 (https://tus.io/protocols/resumable-upload) and its creation
extension, for one file of one document line of the citizen's own draft (docs/uploads.md).

POST …/tai-len/ with Upload-Length and Upload-Metadata (filename, filetype, base64) opens an upload → 201 and its
Location; HEAD on it says how many bytes the server holds (Upload-Offset); PATCH sends the next bytes from exactly
that offset (409 otherwise). A PATCH cut off by the network keeps the bytes that arrived, so the browser asks HEAD
and goes on. When the last byte arrives the whole file is checked by content like a one-piece upload and becomes
the line's DraftFile; a refused file leaves the line as it was.
"""

import base64
import datetime as dt
import secrets
import tempfile

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from motcua.dossiers import files
from motcua.vntext.normalize import nfc

from .models import UploadSession
from .online import citizen_required, keep_file, my_draft

TUS_VERSION = "1.0.0"
PIECES = "tai-len"  # storage folder of the pieces received so far
READ_SIZE = 64 * 1024
ABANDONED_AFTER = dt.timedelta(days=7)


def _tus(response: HttpResponse) -> HttpResponse:
    response["Tus-Resumable"] = TUS_VERSION
    response["Cache-Control"] = "no-store"
    return response


def _refuse(message: str, status: int, **headers) -> HttpResponse:
    return _tus(JsonResponse({"error": message}, status=status, headers=headers))


def _count(value: str | None) -> int | None:
    return int(value) if value is not None and value.isdigit() else None


def _metadata(header: str) -> dict[str, str]:
    """Upload-Metadata: comma-separated `key base64(value)` pairs; ValueError when a value is not base64 UTF-8."""
    pairs = {}
    for item in filter(None, (part.strip() for part in header.split(","))):
        key, _, value = item.partition(" ")
        pairs[key] = base64.b64decode(value, validate=True).decode() if value else ""
    return pairs


def _other_version(request) -> HttpResponse | None:
    if request.headers.get("Tus-Resumable") != TUS_VERSION:
        return _refuse(
            "Trình duyệt gửi tệp theo phiên bản giao thức không được hỗ trợ.", 412, **{"Tus-Version": TUS_VERSION}
        )
    return None


@citizen_required
@require_http_methods(["POST", "OPTIONS"])
def create(request, draft_id, line_id):
    """Open an upload for the line; the size limit is checked here, before any byte is sent."""
    draft = my_draft(request, draft_id)
    line = get_object_or_404(draft.version.documents, pk=line_id)
    if request.method == "OPTIONS":
        return _tus(
            HttpResponse(
                status=204,
                headers={
                    "Tus-Version": TUS_VERSION,
                    "Tus-Extension": "creation",
                    "Tus-Max-Size": str(files.max_bytes()),
                },
            )
        )
    if refused := _other_version(request):
        return refused
    length = _count(request.headers.get("Upload-Length"))
    if length is None:
        return _refuse("Thiếu hoặc sai kích thước tệp (Upload-Length).", 400)
    if length == 0:
        return _refuse("Tệp rỗng.", 400)
    if length > files.max_bytes():
        return _refuse(files.too_large("Tệp", length), 413)
    try:
        metadata = _metadata(request.headers.get("Upload-Metadata", ""))
    except ValueError:
        return _refuse("Thông tin tệp (Upload-Metadata) không hợp lệ.", 400)
    session = UploadSession.objects.create(
        draft=draft,
        requirement=line,
        length=length,
        name=nfc(metadata.get("filename") or "tệp")[:255],
        declared_type=metadata.get("filetype", "")[:100],
    )
    location = reverse("portal:resumable", args=[draft.pk, line.pk, session.pk])
    return _tus(HttpResponse(status=201, headers={"Location": location}))


@citizen_required
@require_http_methods(["HEAD", "PATCH"])
def resource(request, draft_id, line_id, upload_id):
    session = get_object_or_404(
        UploadSession, pk=upload_id, draft_id=draft_id, requirement_id=line_id, draft__owner=request.user
    )
    if refused := _other_version(request):
        return refused
    if request.method == "HEAD":
        return _tus(HttpResponse(headers={"Upload-Offset": str(session.offset), "Upload-Length": str(session.length)}))
    return _append(request, session)


def _append(request, session: UploadSession) -> HttpResponse:
    if request.content_type != "application/offset+octet-stream":
        return _refuse("Phần tệp phải gửi dạng application/offset+octet-stream.", 415)
    start, announced = _count(request.headers.get("Upload-Offset")), _count(request.META.get("CONTENT_LENGTH"))
    if start is None:
        return _refuse("Thiếu vị trí gửi tiếp (Upload-Offset).", 400)
    if start != session.offset:
        return _refuse(
            f"Vị trí gửi tiếp không khớp: máy chủ đã nhận {session.offset} byte.",
            409,
            **{"Upload-Offset": str(session.offset)},
        )
    if announced is None:
        return _refuse("Thiếu độ dài phần gửi (Content-Length).", 411)
    if start + announced > session.length:
        return _refuse("Phần gửi vượt quá kích thước tệp đã khai báo.", 413)
    piece, received = _save_piece(request, session, start, announced)
    with transaction.atomic():
        current = UploadSession.objects.select_for_update().filter(pk=session.pk).first()
        if current is None or current.offset != start:  # another request got there first
            _delete([piece] if piece else [])
            return _refuse("Vị trí gửi tiếp không khớp: tệp đang được gửi từ nơi khác.", 409)
        if piece:
            current.parts.append(piece)
            current.offset += received
            current.save(update_fields=["parts", "offset", "updated_at"])
        if current.offset < current.length:
            return _tus(HttpResponse(status=204, headers={"Upload-Offset": str(current.offset)}))
        refusal = _finish(current)
        current.delete()  # finished either way: a refused file is sent again from the start
    _delete(current.parts)
    if refusal:
        return _refuse(" ".join(refusal.messages), 415 if refusal.code == "file_type" else 400)
    return _tus(HttpResponse(status=204, headers={"Upload-Offset": str(current.offset)}))


def _save_piece(request, session: UploadSession, start: int, announced: int) -> tuple[str | None, int]:
    """Store what arrives of the body, even when the connection breaks off before `announced` bytes."""
    with tempfile.SpooledTemporaryFile(max_size=1024 * 1024) as buffer:
        received = 0
        while received < announced:
            try:
                chunk = request.read(min(READ_SIZE, announced - received))
            except OSError:  # the client went away: keep what came
                break
            if not chunk:
                break
            buffer.write(chunk)
            received += len(chunk)
        if not received:
            return None, 0
        buffer.seek(0)
        name = f"{PIECES}/{session.pk}-{start:012d}-{secrets.token_hex(4)}"
        return default_storage.save(name, File(buffer)), received


def _finish(session: UploadSession) -> ValidationError | None:
    """The assembled file checked as a one-piece upload is, kept as the line's file; the refusal otherwise."""
    content = b"".join(_read(name) for name in session.parts)
    try:
        if len(content) != session.length:  # a piece lost on the server
            raise ValidationError("Tệp nhận được không đầy đủ: hãy tải lên lại.", code="incomplete")
        content, kind = files.read_checked(content, "Tệp")
    except ValidationError as exc:
        return exc
    keep_file(session.draft, session.requirement, session.name, content, kind)
    return None


def _read(name: str) -> bytes:
    try:
        with default_storage.open(name, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return b""


def _delete(names) -> None:
    for name in names:
        default_storage.delete(name)


def purge(now=None) -> int:
    """Drop uploads nobody has added to for ABANDONED_AFTER, and every stored piece whose upload is gone (finished,
    abandoned, or its draft submitted or deleted). Returns how many uploads were dropped."""
    cutoff = (now or timezone.now()) - ABANDONED_AFTER
    dropped, _ = UploadSession.objects.filter(updated_at__lt=cutoff).delete()
    try:
        _, names = default_storage.listdir(PIECES)
    except FileNotFoundError:
        return dropped
    live = {str(pk) for pk in UploadSession.objects.values_list("pk", flat=True)}
    _delete(f"{PIECES}/{name}" for name in names if name[:36] not in live)
    return dropped
