"""Stored files read back against the SHA-256 taken when they were stored (files.serve; docs/storage.md).

"Checked as it is served" can mean two things for a streamed download, because a digest is known only after the
last byte. We do both, in this order:

1. Before the first byte goes out, the stored file is read once, whole, and its SHA-256 and size compared with
   the row's. A file changed or lost in storage behind our back (an object replaced in the bucket, a disk restored
   without its files) is refused with a clear Vietnamese message and logged: it is never served as authentic.
   On S3 this read fetches the object once into a temporary file (memory stays flat) that the download then
   streams from; on local disk the file is read twice.
2. The download then streams in blocks (`Checked`), hashed again on the way; the block before end-of-file is
   handed out only once the digest matches. A file changed between the two reads ends the response short of its
   Content-Length (the browser reports a failed download), logged, instead of completing as a good file.

The wrapper has no `fileno`, so a WSGI server cannot bypass it with sendfile.
"""

import hashlib
import io
import logging

from django.http import HttpResponse

log = logging.getLogger("motcua.files")
CHUNK = 64 * 1024
ADVICE = "Tệp không được gửi đi để không ai nhận một bản không xác thực. Vui lòng báo quản trị hệ thống."


class StoredFileError(Exception):
    """The stored file cannot be served as the file that was stored (its message says why, in Vietnamese)."""


class Missing(StoredFileError):
    pass


class Changed(StoredFileError):
    pass


def sha256_of(handle, chunk: int = CHUNK) -> tuple[str, int]:
    """(SHA-256 hex, size) of what `handle` still has to read."""
    digest, size = hashlib.sha256(), 0
    for block in iter(lambda: handle.read(chunk), b""):
        digest.update(block)
        size += len(block)
    return digest.hexdigest(), size


def _label(stored) -> str:
    return f"{stored._meta.verbose_name} #{stored.pk} ({stored.file.name})"


def open_checked(stored):
    """The stored file, opened for a download once its content was found to be what was stored; raises Missing or
    Changed (logged) otherwise. A row without a SHA-256 has nothing to be checked against and opens as it is."""
    name, expected = stored.file.name, getattr(stored, "sha256", "")
    try:
        handle = stored.file.storage.open(name, "rb")
    except (FileNotFoundError, IsADirectoryError):
        log.error("Tệp lưu trữ không còn trong kho: %s", _label(stored))
        raise Missing(
            f"Không tải được tệp “{name.rsplit('/', 1)[-1]}”: tệp không còn trong kho lưu trữ. {ADVICE}"
        ) from None
    if not expected:
        return handle
    try:
        found, size = sha256_of(handle)
        handle.seek(0)
    except BaseException:
        handle.close()
        raise
    recorded = getattr(stored, "size", 0) or size
    if found != expected or size != recorded:
        handle.close()
        log.error(
            "Tệp lưu trữ đã bị thay đổi: %s: SHA-256 ghi nhận %s (%d byte), đọc được %s (%d byte)",
            _label(stored),
            expected,
            recorded,
            found,
            size,
        )
        raise Changed(
            f"Không tải được tệp “{name.rsplit('/', 1)[-1]}”: nội dung tệp trong kho lưu trữ không còn "
            f"khớp mã SHA-256 ghi khi tiếp nhận (tệp đã bị thay đổi hoặc hỏng). {ADVICE}"
        )
    return Checked(handle, expected, size, _label(stored))


class Checked:
    """Reads a stored file block by block for a response, hashing; the block before end-of-file is given out only
    after the digest and the size match, else the read raises Changed (the response stops short)."""

    def __init__(self, handle, sha256: str, size: int, label: str):
        self.closed = False
        self._handle, self._expected, self._size, self._label = handle, sha256, size, label
        self._digest, self._read = hashlib.sha256(), 0
        self._pending: bytes | None = None  # the block read ahead, not yet given out

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self._pending is None  # FileResponse measures the length before streaming, never after

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if self._pending is not None:
            raise io.UnsupportedOperation("Không thể tua tệp đang được kiểm tra khi gửi.")
        return self._handle.seek(offset, whence)

    def tell(self) -> int:
        return self._handle.tell() if self._pending is None else self._read - len(self._pending)

    def _take(self, size: int) -> bytes:
        block = self._handle.read(size)
        self._digest.update(block)
        self._read += len(block)
        return block

    def read(self, size: int = -1) -> bytes:
        size = size if size and size > 0 else CHUNK
        if self._pending is None:
            self._pending = self._take(size)
        block = self._pending
        self._pending = self._take(size) if block else b""
        if block and not self._pending:  # `block` is the last one: give it out only if the whole file is right
            self._check()
        return block

    def _check(self) -> None:
        found = self._digest.hexdigest()
        if found != self._expected or self._read != self._size:
            log.error(
                "Tệp lưu trữ thay đổi trong khi gửi, đã dừng tải về: %s: SHA-256 ghi nhận %s (%d byte), "
                "đọc được %s (%d byte)",
                self._label,
                self._expected,
                self._size,
                found,
                self._read,
            )
            raise Changed(f"Tệp {self._label} đã thay đổi trong khi gửi: dừng tải về.")

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self._handle.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def refusal(error: StoredFileError) -> HttpResponse:
    """The answer to a download that cannot be served: 500 (the fault is ours), plain Vietnamese text that a browser
    and an API client both show, never cached."""
    response = HttpResponse(f"{error}\n", status=500, content_type="text/plain; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response
