"""Stored files of dossiers: type checked by content (PDF, JPEG, PNG), size limit, what the file holds
(`filechecks`: no script, no launch action, no embedded file, no decompression bomb), SHA-256 on the way in.

A rejected upload raises before anything is written, so nothing is stored for it.
"""
import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from motcua.vntext import formats

from . import filechecks

SIGNATURES = [(b"%PDF-", "application/pdf"), (b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png")]


def too_large(label: str, size: int) -> str:
    """"Tệp quá lớn: 30 MB, tối đa 20 MB."; in bytes when the rounded sizes would read alike (1 MB and 1 MB)."""
    shown, limit = formats.size(size), formats.size(max_bytes())
    if shown == limit:
        shown, limit = f"{formats.count(size)} byte", f"{formats.count(max_bytes())} byte"
    return f"{label} quá lớn: {shown}, tối đa {limit}."


def max_bytes() -> int:
    return getattr(settings, "MOTCUA_MAX_UPLOAD_MB", 20) * 1024 * 1024


def sniff(head: bytes) -> str | None:
    return next((kind for magic, kind in SIGNATURES if head.startswith(magic)), None)


def read_checked(upload, label: str = "Tệp") -> tuple[bytes, str]:
    """(content, content type) of an upload, or a ValidationError saying what is wrong with it."""
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes():
        raise ValidationError(too_large(label, size),
                              code="too_large")
    content = upload.read() if hasattr(upload, "read") else bytes(upload)
    if len(content) > max_bytes():
        raise ValidationError(f"{label} quá lớn: tối đa {formats.size(max_bytes())}.", code="too_large")
    if not content:
        raise ValidationError(f"{label} rỗng.", code="empty")
    kind = sniff(content[:16])
    if kind is None:
        raise ValidationError(f"{label} không đúng định dạng: chỉ nhận PDF, JPEG hoặc PNG (kiểm tra theo nội dung "
                              "tệp, không theo đuôi tên).", code="file_type")
    filechecks.check(content, kind, label)
    return content, kind


def store(document, content: bytes, filename: str, content_type: str) -> None:
    document.sha256 = hashlib.sha256(content).hexdigest()
    document.size = len(content)
    document.content_type = content_type
    document.file.save(filename, ContentFile(content), save=False)


def serve(stored, *, filename: str | None = None, attachment: bool = True):
    """A stored file (dossier document, data-store item, PAKN attachment) as a response: never sniffed as
    another type, its SHA-256 announced (Repr-Digest); a download also runs sandboxed if a browser opens it."""
    import base64

    from django.http import FileResponse

    response = FileResponse(stored.file.open("rb"), as_attachment=attachment,
                            filename=filename or stored.file.name.rsplit("/", 1)[-1],
                            content_type=stored.content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    if attachment:
        response["Content-Security-Policy"] = "sandbox"
    if stored.sha256:
        response["Repr-Digest"] = f"sha-256=:{base64.b64encode(bytes.fromhex(stored.sha256)).decode()}:"
    return response
