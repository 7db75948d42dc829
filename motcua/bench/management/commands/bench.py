"""`motcua bench generate --dossiers N` builds a province's volume on PostgreSQL; `motcua bench run` measures the
hot paths on the production server beside the machine's own limits (docs/performance.md)."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Đo tốc độ: motcua bench generate --dossiers N (tạo dữ liệu một tỉnh trên PostgreSQL) | "
        "motcua bench run [--seconds S] [--users U] (đo trên máy chủ thật, so với giới hạn của chính máy này)"
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        generate = actions.add_parser("generate", help="tạo dữ liệu một tỉnh")
        generate.add_argument("--dossiers", type=int, required=True, help="số hồ sơ cần có")
        generate.add_argument("--seed", type=int, default=2026)
        generate.add_argument("--data", default=None, help="thư mục dữ liệu tham chiếu (mặc định ../shared/data)")
        run = actions.add_parser("run", help="đo các kịch bản")
        run.add_argument("--seconds", type=float, default=10.0, help="thời gian đo mỗi kịch bản (giây)")
        run.add_argument("--users", type=int, default=16, help="số người dùng đồng thời")
        run.add_argument("--workers", type=int, default=4, help="số tiến trình gunicorn mỗi máy chủ ứng dụng")
        run.add_argument(
            "--servers", type=int, default=1, help="số máy chủ ứng dụng (mỗi máy một gunicorn; người dùng chia đều)"
        )
        run.add_argument("--only", default="", help="chỉ chạy các kịch bản này (cách nhau dấu phẩy)")
        run.add_argument("--out", default="bench/results", help="thư mục ghi kết quả JSON và Markdown")
        run.add_argument(
            "--profile",
            dest="profile_workers",
            action="store_true",
            help="lấy mẫu các tiến trình máy chủ (máy chủ thứ nhất) bằng py-spy trong từng kịch bản: "
            "thời gian tiêu tốn ở đâu",
        )

    def handle(self, *args, action, **options):
        if action == "generate":
            from motcua.bench import generate

            generate.command(self, **options)
        else:
            from motcua.bench import run

            run.command(self, **options)
