"""Kiểm tra nội dung tệp: what a PDF or an image holds that must never reach an officer's or a citizen's screen.

Called by `files.read_checked` after the type is known from the first bytes, so every way a file comes in (counter
scans, portal uploads including the resumable ones, the API, PAKN attachments, result files) gets the same checks.
Each refusal is a ValidationError with a Vietnamese reason and its own code; nothing is stored for a refused file.

PDF (read with pypdf, every object the cross-reference table names, object streams included, walked as data; no
page is rendered and no content stream is decoded):
- refused when pypdf cannot read it at all ("tệp PDF bị hỏng"): what cannot be inspected is not accepted;
- refused when it is encrypted with an opening password: it cannot be inspected either;
- refused when it carries JavaScript anywhere: a /JS entry, a /JavaScript action or name tree (whatever triggers it:
  /OpenAction, /AA on the document, a page, an annotation or a field, a link's /A), or a link to a javascript: URI;
- refused when it carries a /Launch action (opens another program or file on the reader's machine);
- refused when it holds embedded files (/EmbeddedFiles, /EmbeddedFile streams, file attachment annotations, /EF):
  a file inside the file escapes the type check, a reader opens it with one click, and no scan, declaration or
  signed result of a procedure needs one (docs/security.md);
- refused when it is an XFA form: XFA carries its scripts inside XML that this check does not read;
- refused when a stream inflates past pypdf's limits (75 MB) while being read (a decompression bomb).
Links to web pages (/URI), bookmarks, forms (AcroForm without scripts) and signatures are kept: they run nothing.

Images (Pillow, header first): refused when Pillow does not read the file as the type its first bytes announce,
when width × height exceeds MOTCUA_MAX_IMAGE_PIXELS (checked from the header, before any pixel is decoded: a few
kilobytes of PNG can announce 50,000 × 50,000 pixels and inflate to gigabytes in a browser), when a PNG's compressed
text or colour-profile chunk inflates past 1 MB, or when a PNG's chunks are cut short or fail their checksums.
"""

import io
import struct
import warnings
import zlib

from django.conf import settings
from django.core.exceptions import ValidationError

from motcua.vntext import formats

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
PILLOW_FORMATS = {JPEG: "JPEG", PNG: "PNG"}
IMAGE_NAMES = {JPEG: "JPEG", PNG: "PNG"}
DEFAULT_MAX_IMAGE_PIXELS = 100_000_000  # 100 megapixels: a 48 MP phone photo or an A3 page scanned at 600 dpi fits
MAX_CHUNK_INFLATED = 1024 * 1024  # a PNG's compressed text or colour profile: Pillow's own limit (SAFEBLOCK)
MAX_PDF_OBJECTS = 200_000  # more than a scanned or printed document of 20 MB holds; bounds the time

# (reason code, what the person reads after "tệp PDF …")
JAVASCRIPT = (
    "pdf_javascript",
    "chứa mã JavaScript (mã lệnh tự chạy khi mở tệp). Hãy in tài liệu ra tệp PDF "
    "thông thường hoặc quét lại rồi tải lên",
)
LAUNCH = (
    "pdf_launch",
    "chứa lệnh mở chương trình hoặc tệp khác trên máy người xem (Launch). Hãy in tài liệu ra "
    "tệp PDF thông thường hoặc quét lại rồi tải lên",
)
EMBEDDED = (
    "pdf_embedded_file",
    "có tệp khác đính kèm bên trong. Hãy tải lên từng giấy tờ thành tệp riêng (PDF, JPEG hoặc PNG)",
)
TOO_MANY = (
    "pdf_too_many_objects",
    f"có hơn {formats.count(MAX_PDF_OBJECTS)} đối tượng, quá nhiều để kiểm tra. "
    "Hãy in lại tài liệu ra tệp PDF hoặc quét lại rồi tải lên",
)
XFA = ("pdf_xfa", "là biểu mẫu động XFA, có thể chứa mã lệnh. Hãy in biểu mẫu ra tệp PDF thông thường rồi tải lên")


def max_image_pixels() -> int:
    return getattr(settings, "MOTCUA_MAX_IMAGE_PIXELS", DEFAULT_MAX_IMAGE_PIXELS)


def check(content: bytes, content_type: str, label: str) -> None:
    """Raise a ValidationError saying why `content` (already known by its first bytes to be `content_type`) is
    refused; return quietly when it is fine."""
    if content_type == PDF:
        check_pdf(content, label)
    elif content_type in PILLOW_FORMATS:
        check_image(content, content_type, label)


# ---- PDF ----


class TooManyObjects(Exception):
    """More objects than MAX_PDF_OBJECTS: reading them all would take too long."""


def _refuse_pdf(label: str, reason: tuple[str, str]):
    code, text = reason
    return ValidationError(f"{label} bị từ chối: tệp PDF {text}.", code=code)


def _corrupt(label: str) -> ValidationError:
    return ValidationError(
        f"{label} bị từ chối: tệp PDF bị hỏng, không đọc được cấu trúc tệp. Hãy lưu hoặc quét "
        "lại tài liệu rồi tải lên.",
        code="pdf_corrupt",
    )


def check_pdf(content: bytes, label: str = "Tệp") -> None:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, LimitReachedError

    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted and not _opens_without_password(reader):
            raise ValidationError(
                f"{label} bị từ chối: tệp PDF được đặt mật khẩu mở tệp nên không kiểm tra được. "
                "Hãy gỡ mật khẩu rồi tải lên lại.",
                code="pdf_encrypted",
            )
        reader.root_object  # noqa: B018 (a PDF without a catalogue is no document: pypdf raises here)
        reason = _danger(reader)
    except ValidationError:
        raise
    except TooManyObjects:
        raise _refuse_pdf(label, TOO_MANY) from None
    except LimitReachedError:
        raise ValidationError(
            f"{label} bị từ chối: tệp PDF chứa dữ liệu nén phình ra quá lớn khi giải nén (nghi là “bom giải nén”).",
            code="decompression_bomb",
        ) from None
    except FileNotDecryptedError:
        raise ValidationError(
            f"{label} bị từ chối: tệp PDF được đặt mật khẩu mở tệp nên không kiểm tra được. "
            "Hãy gỡ mật khẩu rồi tải lên lại.",
            code="pdf_encrypted",
        ) from None
    except Exception:
        raise _corrupt(label) from None
    if reason:
        raise _refuse_pdf(label, reason)


def _opens_without_password(reader) -> bool:
    """An encrypted PDF that opens with the empty user password (only printing or copying is restricted)."""
    from pypdf import PasswordType

    try:
        return reader.decrypt("") != PasswordType.NOT_DECRYPTED
    except Exception:
        return False


def _references(reader) -> list:
    """Every object the cross-reference table (and its object streams) names, as indirect references."""
    from pypdf.generic import IndirectObject

    numbers = [(number, generation) for generation, entries in reader.xref.items() for number in entries]
    numbers += [(number, 0) for number in reader.xref_objStm]
    if len(numbers) > MAX_PDF_OBJECTS:
        raise TooManyObjects
    return [IndirectObject(number, generation, reader) for number, generation in numbers]


def _danger(reader) -> tuple[str, str] | None:
    """The first dangerous thing found in the PDF, as (code, reason), or None. Walked from the trailer and from every
    object of the cross-reference table, each indirect object once: an object no table names is still reached
    through whatever refers to it."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    seen: set[tuple[int, int]] = set()
    stack = [reader.trailer, *_references(reader)]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            if len(seen) >= MAX_PDF_OBJECTS:
                raise TooManyObjects
            seen.add(key)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            if reason := _dangerous_dictionary(item):
                return reason
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return None


def _value(item, key: str):
    """An entry of a PDF dictionary, followed when it is an indirect reference (a name can hide behind one)."""
    value = item.get(key)
    return value.get_object() if hasattr(value, "get_object") else value


def _dangerous_dictionary(item) -> tuple[str, str] | None:
    keys = set(item.keys())
    action = _value(item, "/S")
    if "/JS" in keys or "/JavaScript" in keys or action == "/JavaScript":
        return JAVASCRIPT
    if action == "/URI" and str(_value(item, "/URI") or "").strip().lower().startswith("javascript:"):
        return JAVASCRIPT
    if action == "/Launch":
        return LAUNCH
    if (
        keys & {"/EmbeddedFiles", "/EF"}
        or action == "/GoToE"
        or _value(item, "/Type") == "/EmbeddedFile"
        or _value(item, "/Subtype") == "/FileAttachment"
    ):
        return EMBEDDED
    if "/XFA" in keys:
        return XFA
    return None


# ---- images ----


def check_image(content: bytes, content_type: str, label: str = "Tệp") -> None:
    from PIL import Image

    name = IMAGE_NAMES[content_type]
    if content_type == PNG:
        _check_png_chunks(content, label, name)
    limit = max_image_pixels()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # our own limit is checked below
            with Image.open(io.BytesIO(content), formats=[PILLOW_FORMATS[content_type]]) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        raise ValidationError(
            f"{label} bị từ chối: ảnh có kích thước quá lớn, vượt mức tối đa "
            f"{formats.count(limit // 1_000_000)} triệu điểm ảnh (nghi là “bom giải nén”).",
            code="decompression_bomb",
        ) from None
    except Exception:
        raise _broken_image(label, name) from None
    if width < 1 or height < 1:
        raise _broken_image(label, name)
    if width * height > limit:
        raise _bomb(label, width, height, limit)


def _check_png_chunks(content: bytes, label: str, name: str) -> None:
    """Every chunk whole and matching its CRC, IHDR first and IEND last, and no compressed text or colour profile
    (zTXt, iTXt, iCCP) inflating past MAX_CHUNK_INFLATED. Done here rather than by Pillow's verify(): WeasyPrint
    sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process, and Pillow then skips these checks silently."""
    position, first = 8, True
    while True:
        head = content[position : position + 8]
        if len(head) < 8:
            raise _broken_image(label, name)  # cut short: no IEND
        length, kind = struct.unpack(">I4s", head)
        data = content[position + 8 : position + 8 + length]
        crc = content[position + 8 + length : position + 12 + length]
        if (
            len(data) < length
            or len(crc) < 4
            or zlib.crc32(kind + data) != struct.unpack(">I", crc)[0]
            or first != (kind == b"IHDR")
        ):
            raise _broken_image(label, name)
        if kind == b"IEND":
            return
        if kind in (b"zTXt", b"iCCP", b"iTXt") and _inflates_too_far(kind, data):
            raise ValidationError(
                f"{label} bị từ chối: ảnh chứa dữ liệu nén phình ra quá lớn khi giải nén (nghi là “bom giải nén”).",
                code="decompression_bomb",
            )
        position, first = position + 12 + length, False


def _inflates_too_far(kind: bytes, data: bytes) -> bool:
    """Whether a compressed text or ICC chunk inflates past MAX_CHUNK_INFLATED (inflating stops there)."""
    keyword_end = data.find(b"\0")
    if keyword_end < 0:
        return False
    rest = data[keyword_end + 1 :]
    if kind == b"iTXt":  # compression flag, method, language\0, translated keyword\0, text
        if not rest or rest[0] != 1:
            return False
        language_end = rest.find(b"\0", 2)
        translated_end = rest.find(b"\0", language_end + 1) if language_end >= 0 else -1
        if translated_end < 0:
            return False
        compressed = rest[translated_end + 1 :]
    else:  # compression method, then the compressed bytes
        compressed = rest[1:]
    inflater = zlib.decompressobj()
    try:
        inflater.decompress(compressed, MAX_CHUNK_INFLATED)
    except zlib.error:
        return False  # not inflatable: Pillow drops or refuses it, and nothing grows
    return bool(inflater.unconsumed_tail)


def _bomb(label: str, width: int, height: int, limit: int) -> ValidationError:
    return ValidationError(
        f"{label} bị từ chối: ảnh khai báo {formats.count(width)} × {formats.count(height)} điểm ảnh, vượt mức tối đa "
        f"{formats.count(limit // 1_000_000)} triệu điểm ảnh (nghi là “bom giải nén”). Hãy chụp hoặc quét lại với "
        "độ phân giải thấp hơn.",
        code="decompression_bomb",
    )


def _broken_image(label: str, name: str) -> ValidationError:
    return ValidationError(
        f"{label} bị từ chối: tệp ảnh {name} bị hỏng hoặc nội dung không đúng định dạng {name}. "
        "Hãy chụp hoặc quét lại rồi tải lên.",
        code="image_corrupt",
    )
