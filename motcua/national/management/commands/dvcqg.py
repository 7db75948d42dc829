"""`motcua dvcqg send [--once]`: deliver the outbox to DVCQG (national/sender.py), until stopped or for one round;
`motcua dvcqg reconcile`: the daily reconciliation with TraCuuHoSo (national/reconcile.py)."""

import signal

from django.core.management.base import BaseCommand, CommandError

from motcua.national import client, reconcile, sender


class Command(BaseCommand):
    help = (
        "Gửi hàng đợi đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia (send, liên tục hoặc một lượt với --once); "
        "đối soát với Cổng (reconcile)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["send", "reconcile"])
        parser.add_argument("--once", action="store_true", help="gửi một lượt rồi dừng")
        parser.add_argument("--interval", type=float, default=2.0, help="số giây chờ khi không có gì để gửi")

    def handle(self, *args, action, once, interval, **options):
        portal = client.configured()
        if portal is None:
            raise CommandError("Chưa cấu hình kết nối Cổng DVCQG (MOTCUA_DVCQG_URL).")
        if action == "reconcile":
            run = reconcile.reconcile(portal)
            self.stdout.write(
                f"Đối soát {run.checked} hồ sơ: {run.confirmed} khớp, {len(run.differences)} chênh lệch."
                + (f" Dừng vì lỗi: {run.error}" if run.error else "")
            )
            for difference in run.differences[:50]:
                self.stdout.write(f"  {difference['MaHoSo']}: {difference['what']}")
            return
        signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
        try:
            sender.run(portal, once=once, interval=interval, log=self.stdout.write)
        except KeyboardInterrupt:
            self.stdout.write("Dừng gửi.")
