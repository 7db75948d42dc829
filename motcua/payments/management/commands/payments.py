import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from motcua.payments import reconcile


class Command(BaseCommand):
    help = "Thanh toán trực tuyến: motcua payments reconcile --date YYYY-MM-DD (đối soát với cổng thanh toán)"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["reconcile"])
        parser.add_argument("--date", required=True, help="ngày giao dịch (giờ Việt Nam), dạng YYYY-MM-DD")

    def handle(self, *args, **options):
        try:
            date = dt.date.fromisoformat(options["date"])
        except ValueError:
            raise CommandError("Ngày phải có dạng YYYY-MM-DD, ví dụ 2026-03-02.") from None
        try:
            gateway = reconcile.fetch(date)
        except (OSError, ValueError) as exc:
            raise CommandError(f"Không lấy được danh sách giao dịch từ cổng thanh toán: {exc}") from None
        mismatches = reconcile.compare(date, gateway)
        checked = len(set(reconcile.ours(date)) | {row["vnp_TxnRef"] for row in gateway})
        for mismatch in mismatches:
            self.stdout.write(f"  ✗ {mismatch}")
        if mismatches:
            raise CommandError(f"Đối soát ngày {date:%d/%m/%Y}: {len(mismatches)} chênh lệch trên {checked} giao dịch.")
        self.stdout.write(f"Đối soát ngày {date:%d/%m/%Y}: khớp {checked} giao dịch, không có chênh lệch.")
