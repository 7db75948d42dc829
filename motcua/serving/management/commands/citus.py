"""`motcua citus distribute`: place a migrated database's tables on its Citus cluster (serving/citus.py), after
every `migrate`; `motcua citus status`: where each table is."""

from django.core.management.base import BaseCommand, CommandError

from motcua.serving import citus


class Command(BaseCommand):
    help = "Phân tán các bảng hồ sơ trên cụm Citus (distribute) hoặc xem vị trí các bảng (status)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["distribute", "status"])

    def handle(self, *args, action, **options):
        if not citus.is_citus():
            raise CommandError("Cơ sở dữ liệu này không có phần mở rộng Citus (CREATE EXTENSION citus).")
        if action == "distribute":
            dropped = citus.distribute(log=self.stdout.write)
            for name in dropped:
                self.stdout.write(f"  bỏ khóa ngoại {name} (Citus không cho phép; ứng dụng giữ ràng buộc này)")
            return
        kinds = {"h": "phân tán", "n": "tham chiếu", "l": "cục bộ (Citus quản lý)"}
        for table, kind in sorted(citus.placed().items()):
            self.stdout.write(f"{table}: {kinds.get(kind, kind)}")
