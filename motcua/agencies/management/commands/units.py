from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.agencies.units_import import UnitsFormatError, import_path


class Command(BaseCommand):
    help = "Nhập đơn vị hành chính: motcua units import PATH (tệp JSON hoặc thư mục)"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["import"], help="import")
        parser.add_argument("path", type=Path)

    def handle(self, *args, action, path, **options):
        try:
            reports = import_path(path)
        except UnitsFormatError as exc:
            raise CommandError(f"Không nhập được: {exc}") from None
        for report in reports:
            self.stdout.write(report.summary())
