from django.core.management import call_command
from django.core.management.base import BaseCommand

from motcua.demo.dossiers import load_dossiers
from motcua.demo.load import load, logins


class Command(BaseCommand):
    help = "Dữ liệu mẫu: motcua demo load | motcua demo serve [--host H] [--port P]"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["load", "serve"])
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, action, host, port, **options):
        if action == "load":
            result = load()
            dossiers = load_dossiers()
            self.stdout.write(f"Dữ liệu mẫu: {result['agencies']} cơ quan, {result['procedures']} thủ tục "
                              f"({result['published']} phiên bản mới công bố), {dossiers} hồ sơ mới.")
            return
        self.stdout.write(f"\nmotcua đang chạy tại http://{host}:{port}/  (Ctrl-C để dừng)\n")
        self.stdout.write("Tài khoản mẫu (tên đăng nhập / mật khẩu):")
        for username, password, what in logins():
            self.stdout.write(f"  {username:<12} {password:<18} {what}")
        self.stdout.write("")
        from motcua.integrations.processes import helper_processes  # the task worker and the SMS stand-in

        # Stopped, all of them, on Ctrl-C or when the web server ends.
        with helper_processes(self.stdout, public_url=f"http://{host}:{port}"):
            self.stdout.write("")
            # insecure: serve the static files with DEBUG off (the Vietnamese 404 and 500 pages show)
            call_command("runserver", f"{host}:{port}", use_reloader=False, insecure_serving=True)
