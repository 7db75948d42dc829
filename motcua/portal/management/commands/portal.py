from django.core.management.base import BaseCommand

from motcua.portal import uploads


class Command(BaseCommand):
    help = (
        "Cổng dịch vụ công: motcua portal purge-uploads (xóa các lượt tải lên dở dang quá "
        f"{uploads.ABANDONED_AFTER.days} ngày; chạy hằng ngày)"
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["purge-uploads"])

    def handle(self, *args, **options):
        dropped = uploads.purge()
        self.stdout.write(f"Đã xóa {dropped} lượt tải lên dở dang quá {uploads.ABANDONED_AFTER.days} ngày.")
