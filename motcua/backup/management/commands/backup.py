from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.backup import backups


class Command(BaseCommand):
    help = (
        "Sao lưu và khôi phục (docs/backup.md): motcua backup create THƯ_MỤC (cơ sở dữ liệu, toàn bộ kho tệp, "
        "bản kê) | motcua backup restore THƯ_MỤC [--force] (vào cơ sở dữ liệu và kho tệp trống) | "
        "motcua backup verify THƯ_MỤC (so hệ thống với bản kê: số dòng, SHA-256 từng tệp, chuỗi nhật ký; "
        "mã thoát 1 nếu có khác biệt)"
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["create", "restore", "verify"])
        parser.add_argument("directory", type=Path, help="thư mục của bản sao lưu")
        parser.add_argument(
            "--force",
            action="store_true",
            help="restore: xóa sạch cơ sở dữ liệu và kho tệp hiện có trước khi khôi phục",
        )

    def handle(self, *args, action, directory, force, **options):
        if force and action != "restore":
            raise CommandError("--force chỉ dùng với restore.")
        try:
            if action == "create":
                outcome = backups.create(directory)
            elif action == "restore":
                outcome = backups.restore(directory, force=force)
            else:
                outcome = backups.verify(directory)
        except backups.BackupError as exc:
            raise CommandError(str(exc)) from None
        for line in outcome.lines:
            self.stdout.write(line)
        if action == "create":
            for problem in outcome.problems:  # the backup is written; what it found wrong is told, not hidden
                self.stderr.write(f"Cảnh báo: {problem}")
            return
        for problem in outcome.problems:
            self.stderr.write(f"- {problem}")
        if outcome.problems:
            what = "Khôi phục xong nhưng có" if action == "restore" else "Hệ thống khác bản sao lưu:"
            raise CommandError(f"{what} {len(outcome.problems)} điểm cần xem (liệt kê ở trên).")
        if action == "verify":
            self.stdout.write("Hệ thống khớp bản sao lưu: số dòng, tệp và chuỗi nhật ký đều đúng.")
