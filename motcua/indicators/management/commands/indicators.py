"""`motcua indicators official import|check FILE…` and `motcua indicators recompute [--check]`.

The arguments are read here rather than by argparse subcommands so that every mistake gets a Vietnamese message.
"""

import datetime as dt
from decimal import Decimal
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from motcua.indicators import official, official_check
from motcua.indicators.models import OfficialRecord

USAGE = (
    "motcua indicators official import FILE… --from YYYY-MM-DD --to YYYY-MM-DD [--group NHÓM] | "
    "motcua indicators official check FILE… [--group NHÓM] | motcua indicators recompute [--check]"
)


class Command(BaseCommand):
    help = "Chỉ số 766: " + USAGE

    def add_arguments(self, parser):
        parser.add_argument("area", nargs="?", help="official hoặc recompute")
        parser.add_argument("words", nargs="*", help="với official: import hoặc check, rồi các tệp JSON")
        parser.add_argument("--from", dest="period_start", metavar="YYYY-MM-DD", help="đầu kỳ số liệu (YYYY-MM-DD)")
        parser.add_argument("--to", dest="period_end", metavar="YYYY-MM-DD", help="cuối kỳ số liệu (YYYY-MM-DD)")
        parser.add_argument(
            "--group",
            metavar="NHÓM",
            help="nhóm chỉ số khi tệp không tự cho biết: " + ", ".join(OfficialRecord.Group.values),
        )
        parser.add_argument("--check", action="store_true", help="với recompute: chỉ so sánh, không ghi")

    def handle(self, *args, area=None, words=(), **options):
        if area == "recompute" and not words:
            return self.recompute(options["check"])
        if area == "official" and words and words[0] in ("import", "check"):
            files = [Path(word) for word in words[1:]]
            if not files:
                raise CommandError(f"Thiếu tệp JSON. Cách dùng: {USAGE}")
            try:
                if words[0] == "import":
                    return self.import_files(files, options)
                return self.check_files(files, options["group"])
            except official.OfficialFormatError as exc:
                raise CommandError(str(exc)) from None
        raise CommandError(f"Lệnh không hợp lệ. Cách dùng: {USAGE}")

    def import_files(self, files, options):
        start, end = date(options["period_start"], "--from"), date(options["period_end"], "--to")
        if end < start:
            raise CommandError(f"Kỳ số liệu không hợp lệ: --to {end:%d/%m/%Y} trước --from {start:%d/%m/%Y}.")
        with transaction.atomic():  # several files: all of them are stored, or none
            summaries = [official.import_file(path, start, end, options["group"]) for path in files]
        for s in summaries:
            label = OfficialRecord.Group(s.group).label
            line = (
                f"{s.source_name}: nhóm {label}, kỳ {start:%d/%m/%Y}–{end:%d/%m/%Y}: {s.records} bản ghi "
                f"({s.created} mới, {s.updated} cập nhật); {s.records - len(s.unmatched_codes)} đơn vị khớp cơ "
                f"quan trong motcua"
            )
            if s.unmatched_codes:
                shown = s.unmatched_codes[:10]
                more = len(s.unmatched_codes) - len(shown)
                line += f", chưa khớp: {', '.join(shown)}" + (f" và {more} đơn vị khác" if more else "")
            if s.page:
                line += f". Tệp là trang {s.page[0]}/{s.page[1]}: hãy nhập cả các trang còn lại"
            self.stdout.write(line + ".")

    def check_files(self, files, group):
        failed = 0
        for path in files:
            result = official_check.check_file(path, group)
            label = OfficialRecord.Group(result.group).label
            largest = "—" if result.largest_difference is None else decimal(result.largest_difference, 4)
            self.stdout.write(
                f"{result.source_name} – {label}: khớp {result.matched}/{result.checked} bản ghi, bỏ qua "
                f"{result.skipped} (không công bố tử số, mẫu số), chênh lệch lớn nhất {largest}"
            )
            for c in result.mismatches:
                self.stdout.write(
                    f"  không khớp: {c.department} – {c.item}: công bố {decimal(c.published, 2)}, "
                    f"tính lại {decimal(c.recomputed, 4)} (chênh {decimal(c.difference, 4)})"
                )
            failed += result.checked - result.matched
        if failed:
            raise CommandError(f"{failed} bản ghi có tử số, mẫu số nhưng điểm công bố không khớp quy tắc của motcua.")

    def recompute(self, check: bool):
        try:
            from motcua.indicators import recompute
        except ModuleNotFoundError as exc:
            if exc.name != "motcua.indicators.recompute":
                raise
            raise CommandError("Chức năng tính lại số liệu chưa có trong bản cài đặt này.") from None
        code = recompute.run(stdout=self.stdout, check=check)
        if code:
            raise CommandError(f"Tính lại số liệu kết thúc với mã {code}; xem chi tiết ở trên.", returncode=code)


def date(text: str | None, option: str) -> dt.date:
    if not text:
        raise CommandError(f"Thiếu {option}: kỳ của số liệu (ví dụ --from 2026-03-01 --to 2026-03-31).")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"Ngày không hợp lệ ở {option}: {text!r} (đúng dạng YYYY-MM-DD).") from None


def decimal(value: Decimal | None, places: int) -> str:
    """A number as Vietnamese writes it (decimal comma); a null score is "không có" ("no data")."""
    if value is None:
        return "không có"
    return f"{value:.{places}f}".replace(".", ",")
