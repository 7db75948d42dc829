from collections import Counter, defaultdict

from django.core.management.base import BaseCommand, CommandError

from motcua.dossiers.events import verify
from motcua.dossiers.models import Event


class Command(BaseCommand):
    help = (
        "Nhật ký hồ sơ: motcua events verify (kiểm tra chuỗi băm) | motcua events overrides (các giấy tờ danh "
        "mục ghi là bắt buộc nhưng cán bộ đánh dấu không áp dụng, kèm lý do: để sửa danh mục)"
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify", "overrides"])

    def handle(self, *args, action, **options):
        if action == "overrides":
            return self.overrides()
        checked, broken = verify()
        if broken:
            raise CommandError(f"Chuỗi nhật ký bị phá vỡ: {broken} (đã kiểm tra {checked} sự kiện trước đó).")
        self.stdout.write(f"Nhật ký toàn vẹn: {checked} sự kiện đã kiểm tra, không có liên kết nào bị phá vỡ.")

    def overrides(self):
        """Per procedure and document line: how often the desk marked it "không áp dụng" and why."""
        counts, reasons = Counter(), defaultdict(list)
        events = (
            Event.objects.filter(kind__in=["registered", "received"], data__has_key="overrides")
            .select_related("dossier__procedure")
            .only("data", "dossier__code", "dossier__procedure__code")
        )
        for event in events.iterator(chunk_size=2000):
            for override in event.data.get("overrides") or []:
                key = (event.dossier.procedure.code, override["name"])
                counts[key] += 1
                reasons[key].append(f"{event.dossier.code}: {override['reason']}")
        if not counts:
            self.stdout.write("Không có giấy tờ bắt buộc nào bị đánh dấu không áp dụng.")
            return
        for (procedure, name), count in counts.most_common():
            self.stdout.write(f"{procedure} – {name[:100]}: {count} lần")
            for reason in reasons[(procedure, name)][-3:]:
                self.stdout.write(f"    {reason}")
