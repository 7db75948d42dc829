"""``manage.py text fix [FILE]``: repair legacy-encoded Vietnamese text and print it as NFC Unicode."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.vntext.charsets import decode_bytes
from motcua.vntext.legacy import repair
from motcua.vntext.normalize import nfc

USAGE = "text fix [TỆP]"


class Command(BaseCommand):
    help = (
        "Sửa văn bản tiếng Việt mã cũ (TCVN3, VNI, VISCII) sang Unicode NFC: "
        "text fix [TỆP] — không có TỆP (hoặc '-') thì đọc từ đầu vào chuẩn, kết quả ra đầu ra chuẩn."
    )
    requires_system_checks: list[str] = []  # text only: no database, no checks

    def add_arguments(self, parser):
        parser.add_argument("words", nargs="*", metavar="fix [TỆP]", help="thao tác fix và tệp cần sửa (tùy chọn)")

    def handle(self, *args, words, **options):
        if not words:
            raise CommandError(f"Thiếu thao tác. Cách dùng: {USAGE}")
        action, rest = words[0], words[1:]
        if action != "fix":
            raise CommandError(f"Thao tác không hợp lệ: «{action}». Thao tác có: fix. Cách dùng: {USAGE}")
        if len(rest) > 1:
            raise CommandError(f"Chỉ sửa một tệp mỗi lần. Cách dùng: {USAGE}")
        data = self._read(rest[0] if rest else "-")
        self._write(nfc(repair(decode_bytes(data))))

    def _read(self, name: str) -> bytes:
        if name == "-":
            try:
                return sys.stdin.buffer.read()
            except (OSError, AttributeError, ValueError) as exc:
                raise CommandError(f"Không đọc được đầu vào chuẩn: {exc}") from None
        path = Path(name)
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise CommandError(f"Không tìm thấy tệp: {path}") from None
        except IsADirectoryError:
            raise CommandError(f"Đây là thư mục, không phải tệp: {path}") from None
        except PermissionError:
            raise CommandError(f"Không có quyền đọc tệp: {path}") from None
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp {path}: {exc.strerror or exc}") from None

    def _write(self, text: str) -> None:
        stream = getattr(self.stdout, "_out", None)
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # a text stream given by call_command(stdout=...)
            self.stdout.write(text, ending="")
            return
        stream.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
