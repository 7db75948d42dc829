from django.core.management.base import BaseCommand, CommandError

from motcua.dossiers.events import verify


class Command(BaseCommand):
    help = "Kiểm tra chuỗi băm nhật ký hồ sơ: motcua events verify"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, **options):
        checked, broken = verify()
        if broken:
            raise CommandError(f"Chuỗi nhật ký bị phá vỡ: {broken} (đã kiểm tra {checked} sự kiện trước đó).")
        self.stdout.write(f"Nhật ký toàn vẹn: {checked} sự kiện đã kiểm tra, không có liên kết nào bị phá vỡ.")
