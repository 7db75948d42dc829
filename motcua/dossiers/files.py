"""Stored files of dossiers: type checked by content (PDF, JPEG, PNG), size limit, what the file holds
(`filechecks`: no script, no launch action, no embedded file, no decompression bomb), SHA-256 on the way in.

A rejected upload raises before anything is written, so nothing is stored for it. A stored file is named by a slug
of the name it came with and the extension of the type its content was found to be; the name a person gave it is
kept only as text to show (`display_name`). Going back to a browser, it is always a download that runs nothing
(`serve`).
"""

import hashlib
import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.text import slugify

from motcua.vntext import formats
from motcua.vntext.normalize import fold, nfc

from . import filechecks

SIGNATURES = [(b"%PDF-", "application/pdf"), (b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png")]
EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
NAME_LIMIT = 200
OWN_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")
# A response that carries a stored file: nothing in it may run, load or be framed, whatever a browser makes of it.
FILE_POLICY = "sandbox; default-src 'none'"


def too_large(label: str, size: int) -> str:
    """ "Tệp quá lớn: 30 MB, tối đa 20 MB."; in bytes when the rounded sizes would read alike (1 MB and 1 MB)."""
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
        raise ValidationError(too_large(label, size), code="too_large")
    content = upload.read() if hasattr(upload, "read") else bytes(upload)
    if len(content) > max_bytes():
        raise ValidationError(f"{label} quá lớn: tối đa {formats.size(max_bytes())}.", code="too_large")
    if not content:
        raise ValidationError(f"{label} rỗng.", code="empty")
    kind = sniff(content[:16])
    if kind is None:
        raise ValidationError(
            f"{label} không đúng định dạng: chỉ nhận PDF, JPEG hoặc PNG (kiểm tra theo nội dung "
            "tệp, không theo đuôi tên).",
            code="file_type",
        )
    filechecks.check(content, kind, label)
    return content, kind


def display_name(name, fallback: str = "tệp") -> str:
    """The name a person gave a file, as text to show: its last path part, NFC, without control or formatting
    characters (a right-to-left override can make "gpj.exe" read as "exe.jpg"), spaces collapsed, 200 characters."""
    text = nfc(str(name or "")).replace("\\", "/").rsplit("/", 1)[-1]
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("C"))
    text = " ".join(text.split()).strip(" .")
    return text[:NAME_LIMIT].strip() or fallback


def _stem(name: str) -> str:
    return OWN_EXTENSION.sub("", name).strip(" .")


def storage_name(name, content_type: str) -> str:
    """The name a file is stored under: an ASCII slug of the name it came with, and the extension of the type its
    content was found to be (never the extension it came with)."""
    slug = slugify(fold(_stem(display_name(name))))[:60].strip("-")
    return f"{slug or 'tep'}{EXTENSIONS.get(content_type, '.bin')}"


def download_name(name, content_type: str) -> str:
    """The name a download is saved under: the name shown, with the extension of the type found in the content."""
    shown = display_name(name)
    extension = EXTENSIONS.get(content_type)
    return f"{_stem(shown) or 'tep'}{extension}" if extension else shown


def store(document, content: bytes, filename: str, content_type: str) -> None:
    document.sha256 = hashlib.sha256(content).hexdigest()
    document.size = len(content)
    document.content_type = content_type
    document.file.save(storage_name(filename, content_type), ContentFile(content), save=False)


def serve(stored, *, filename: str | None = None):
    """A stored file (dossier document, data-store item, PAKN attachment) as a response: always a download (never
    shown in our origin, where a PDF's or an image's tricks would run as us), never sniffed as another type, run
    sandboxed with nothing allowed should a browser open it anyway, its SHA-256 announced (Repr-Digest)."""
    import base64

    from django.http import FileResponse

    from .integrity import StoredFileError, open_checked, refusal

    content_type = stored.content_type or "application/octet-stream"
    name = filename or getattr(stored, "name", "") or stored.file.name.rsplit("/", 1)[-1]
    try:  # the whole file is checked against its SHA-256 before a byte goes out, and again as it streams
        handle = open_checked(stored)
    except StoredFileError as error:
        return refusal(error)
    response = FileResponse(
        handle, as_attachment=True, filename=download_name(name, content_type), content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_POLICY
    if stored.sha256:
        response["Repr-Digest"] = f"sha-256=:{base64.b64encode(bytes.fromhex(stored.sha256)).decode()}:"
    return response
