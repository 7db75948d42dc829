"""`motcua demo serve` runs the web server (gunicorn), the task worker and the SMS stand-in; Ctrl-C leaves no
process behind, not even gunicorn's workers."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from cryptography import x509

from motcua.demo import processes, results
from motcua.gateways.standins import free_port
from motcua.signing import pki, remote
from motcua.signing.standin import AuthorityServer


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def children_of(pid: int) -> list[int]:
    found = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(line) for line in found.split()]


def get(url: str):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=2) as response:
        return response.status, response.read()


def wait_for(url: str, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while True:
        try:
            return get(url)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def session_members(sid: int) -> list[int]:
    found = subprocess.run(["ps", "-e", "-o", "pid=,sid="], capture_output=True, text=True).stdout
    return [int(pid) for pid, session in (line.split() for line in found.splitlines()) if int(session) == sid]


def test_demo_serve_starts_the_worker_and_the_standin_and_ctrl_c_stops_them_all(tmp_path):
    web, sms, ca, signing, dvcqg = free_port(), free_port(), free_port(), free_port(), free_port()
    authority = tmp_path / "demo-ca.pem"  # as `demo load` leaves it: the demo authority, served again
    authority.write_bytes(pki.Authority(AuthorityServer.urls(ca)[0], label="motcua demo").dump())
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOTCUA_", "DJANGO_ALLOW"))}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        MOTCUA_SMS_URL=f"http://127.0.0.1:{sms}/api/sms/send",
        MOTCUA_SMS_API_KEY="k",
        MOTCUA_SMS_SECRET_KEY="s",
        MOTCUA_DEMO_CA=str(authority),
        MOTCUA_TSA_URL=AuthorityServer.urls(ca)[1],
        MOTCUA_REMOTE_SIGNING_URL=f"http://127.0.0.1:{signing}",
        MOTCUA_DVCQG_URL=f"http://127.0.0.1:{dvcqg}/relay",
        STATIC_ROOT=str(tmp_path / "static"),
    )
    cli = [sys.executable, "-m", "motcua.cli"]
    subprocess.run([*cli, "migrate", "--no-input", "-v", "0"], env=env, check=True, timeout=120)
    serve = subprocess.Popen(
        [*cli, "demo", "serve", "--port", str(web), "--workers", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # a terminal of its own
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # noqa: PLW1509 (a shell would do the same)
    )
    try:
        assert wait_for(f"http://127.0.0.1:{sms}/messages") == (200, b"[]")
        assert wait_for(f"http://127.0.0.1:{web}/thu-tuc/")[0] == 200
        assert wait_for(f"http://127.0.0.1:{web}/healthz")[0] == 200  # the worker beats
        assert wait_for(f"http://127.0.0.1:{dvcqg}/state")[0] == 200  # the national portal's stand-in
        status, crl = wait_for(AuthorityServer.urls(ca)[0])  # the demo authority's CRL, for B-LT signing
        assert status == 200 and x509.load_der_x509_crl(crl).issuer.rfc4514_string().startswith("CN=CA phục vụ")
        demo_client = remote.Client(
            f"http://127.0.0.1:{signing}", client_id="motcua-dev", client_secret="standin-signing-secret",
            user=results.REMOTE_ACCOUNT[0], password=results.REMOTE_ACCOUNT[1],
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while True:
            try:
                [credential] = demo_client.credentials()
                break
            except remote.RemoteError:
                assert time.monotonic() < deadline
                time.sleep(0.2)
        assert credential.cert.subject.rfc4514_string().startswith("CN=Lê Thị Hồng")
        helpers = children_of(serve.pid)
        commands = [Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ") for pid in helpers]
        assert any("motcua.cli worker" in c for c in commands) and any("sms_standin" in c for c in commands)
        assert any("gunicorn" in c for c in commands)  # `motcua serve` became the gunicorn master
        assert any("national.standin" in c for c in commands) and any("dvcqg send" in c for c in commands)
        everyone = [pid for helper in helpers for pid in session_members(helper)]  # gunicorn's workers too
        assert len(everyone) >= len(helpers) + 2
        os.killpg(serve.pid, signal.SIGINT)  # Ctrl-C: the terminal signals its foreground process group
        output, _ = serve.communicate(timeout=30)
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()
    assert serve.returncode == 0
    assert "Bộ xử lý nền (motcua worker)" in output and "Cổng SMS giả lập" in output
    assert "Tổ chức cấp chứng thư THỬ NGHIỆM" in output and "Ký số từ xa giả lập" in output
    assert "Cổng Dịch vụ công quốc gia giả lập" in output
    assert "Máy chủ web gunicorn: 2 tiến trình" in output and f"Sẵn sàng: http://127.0.0.1:{web}/" in output
    time.sleep(0.5)
    assert not [pid for pid in everyone if alive(pid)]


def test_stop_escalates_to_sigkill_for_a_child_that_ignores_sigterm():
    stubborn = processes.start(
        "stubborn",
        [
            "-c",
            "import signal, time; signal.signal(signal.SIGTERM, "
            "signal.SIG_IGN); print('ready', flush=True); time.sleep(60)",
        ],
    )
    polite = processes.start("polite", ["-c", "import time; time.sleep(60)"])
    time.sleep(0.5)
    started = time.monotonic()
    processes.stop([stubborn, polite], grace=1)
    assert time.monotonic() - started < 5
    assert stubborn[1].returncode == -signal.SIGKILL and polite[1].returncode == -signal.SIGTERM


def test_the_standin_is_started_only_for_a_gateway_on_this_machine(settings):
    settings.MOTCUA_SMS_URL = "http://127.0.0.1:8025/api/sms/send"
    assert processes.standin_port() == 8025
    settings.MOTCUA_SMS_URL = "https://sms.example.vn/api/sms/send"
    assert processes.standin_port() is None
    settings.MOTCUA_SMS_URL = ""
    assert processes.standin_port() is None
