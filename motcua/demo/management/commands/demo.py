from django.core.management.base import BaseCommand, CommandError

from motcua.accounts import device_codes
from motcua.demo import second_factor
from motcua.demo.dossiers import load_dossiers
from motcua.demo.load import load, logins, second_factor_logins


class Command(BaseCommand):
    help = (
        "Dữ liệu mẫu: motcua demo load | motcua demo serve [--host H] [--port P] [--workers N] | "
        "motcua demo otp TÊN_ĐĂNG_NHẬP (mã xác thực hai bước của tài khoản mẫu)"
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["load", "serve", "otp"])
        parser.add_argument("username", nargs="?", help="với otp: tài khoản mẫu (admin, lanhdao, giamsat)")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=None, help="tiến trình gunicorn (mặc định: motcua serve)")

    def handle(self, *args, action, host, port, workers, username=None, **options):
        if action == "otp":
            return self.otp(username)
        if action == "load":
            result = load()
            dossiers = load_dossiers()
            self.stdout.write(
                f"Dữ liệu mẫu: {result['agencies']} cơ quan, {result['procedures']} thủ tục "
                f"({result['published']} phiên bản mới công bố), {dossiers} hồ sơ mới."
            )
            return
        url = f"http://{host}:{port}"
        self.stdout.write(f"\nmotcua đang khởi động tại {url}/  (Ctrl-C để dừng)\n")
        self.stdout.write("Tài khoản mẫu (tên đăng nhập / mật khẩu):")
        for username, password, what in logins():
            self.stdout.write(f"  {username:<12} {password:<18} {what}")
        keys = second_factor_logins()
        if keys:
            self.stdout.write(
                "Quản trị, lãnh đạo và giám sát nhập thêm mã xác thực hai bước sau mật khẩu: chạy "
                "`motcua demo otp TÊN` để lấy mã, hoặc thêm khóa vào ứng dụng xác thực:"
            )
            for username, secret in keys:
                self.stdout.write(f"  {username:<12} {secret}")
        self.stdout.write("")
        from motcua.demo import processes

        # The production web server (gunicorn, `motcua serve`), the task worker and the stand-ins: child processes,
        # stopped, all of them, on Ctrl-C, on SIGTERM, or when the web server ends.
        with processes.helper_processes(self.stdout, public_url=url) as children:
            serve = ["-m", "motcua.cli", "serve", "--host", host, "--port", str(port)]
            web = processes.start("web", serve + (["--workers", str(workers)] if workers else []))
            children.append(web)
            if processes.wait_until_listening(host, port, web[1]):
                self.stdout.write(f"Sẵn sàng: {url}/  (tình trạng: {url}/healthz)\n")
            web[1].wait()
            raise CommandError(f"Máy chủ web dừng bất ngờ (mã {web[1].returncode}); các tiến trình khác đã dừng theo.")

    def otp(self, username):
        """The code of the moment of a demo account's authenticator (the demo key), one not used yet."""
        from django_otp.plugins.otp_totp.models import TOTPDevice

        if not username:
            raise CommandError("Cần tên đăng nhập: motcua demo otp lanhdao")
        if not TOTPDevice.objects.filter(user__username=username, name=second_factor.DEVICE_NAME).exists():
            names = ", ".join(name for name, _ in second_factor_logins()) or "chưa có (chạy motcua demo load)"
            raise CommandError(f"“{username}” không có khóa xác thực mẫu. Tài khoản mẫu có khóa: {names}.")
        code, left = device_codes.code(username)
        self.stdout.write(f"{code}")
        self.stderr.write(f"Mã xác thực của {username}, dùng được trong khoảng {left} giây.")
