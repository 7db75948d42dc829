"""`motcua idempotency purge [--days N]`: forget the Idempotency-Keys older than their retention (docs/api.md).

Every state-changing API call with a key leaves a record (the first answer, for its retries), a few per dossier:
without a purge the table grows with the province's whole history. A key is remembered for `--days` (default
MOTCUA_IDEMPOTENCY_DAYS, 30): a client retries within minutes or hours, never a month later. Run daily by the
housekeeping timer (docs/deploy.md). Deleted in batches through the `idempotency_created` index, oldest first, each
batch its own short transaction, so API calls going on meanwhile never wait long.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from motcua.dossiers.models import IdempotencyRecord

BATCH = 5000


class Command(BaseCommand):
    help = "Khóa gửi lại an toàn (Idempotency-Key): motcua idempotency purge [--days N] xóa các khóa quá hạn lưu giữ"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["purge"])
        parser.add_argument("--days", type=int, default=None, help="số ngày lưu giữ (mặc định MOTCUA_IDEMPOTENCY_DAYS)")

    def handle(self, *args, action, days=None, **options):
        days = settings.MOTCUA_IDEMPOTENCY_DAYS if days is None else days
        if not 1 <= days <= 3650:
            raise CommandError("--days phải từ 1 đến 3650 ngày.")
        before = timezone.now() - timedelta(days=days)
        removed = 0
        while True:
            batch = list(
                IdempotencyRecord.objects.filter(created_at__lt=before)
                .order_by("created_at")
                .values_list("pk", flat=True)[:BATCH]
            )
            if not batch:
                break
            removed += IdempotencyRecord.objects.filter(pk__in=batch).delete()[0]
        self.stdout.write(f"Đã xóa {removed:,} khóa gửi lại an toàn cũ hơn {days} ngày.".replace(",", "."))
