from django.core.management.base import BaseCommand, CommandError

from motcua.demo.dossiers import load_dossiers
from motcua.demo.load import load, logins


class Command(BaseCommand):
    help = "Dữ liệu mẫu: motcua demo load | motcua demo serve [--host H] [--port P] [--workers N]"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["load", "serve"])
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=None, help="tiến trình gunicorn (mặc định: motcua serve)")

    def handle(self, *args, action, host, port, workers, **options):
        if action == "load":
            result = load()
            dossiers = load_dossiers()
            self.stdout.write(f"Dữ liệu mẫu: {result['agencies']} cơ quan, {result['procedures']} thủ tục "
                              f"({result['published']} phiên bản mới công bố), {dossiers} hồ sơ mới.")
            return
        url = f"http://{host}:{port}"
        self.stdout.write(f"\nmotcua đang khởi động tại {url}/  (Ctrl-C để dừng)\n")
        self.stdout.write("Tài khoản mẫu (tên đăng nhập / mật khẩu):")
        for username, password, what in logins():
            self.stdout.write(f"  {username:<12} {password:<18} {what}")
        self.stdout.write("")
        from motcua.integrations import processes

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
