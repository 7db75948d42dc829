"""The helper processes of `motcua demo serve`: the task worker and, in development, the stand-ins (SMS gateway,
payment sandbox, VNeID); the demo adds the web server (`motcua serve`, gunicorn) to the same list.

    with helper_processes(stdout) as children:
        children.append(start("web", ["-m", "motcua.cli", "serve", ...]))

All run as child processes in their own sessions, so the terminal's Ctrl-C reaches only this process (a second
SIGINT would make the worker abandon a task in flight, and gunicorn's workers drop their requests). On leaving the
block (Ctrl-C, SIGTERM, or the web server stopping) each child gets one SIGTERM and time to finish its current task
or request (gunicorn stops its own workers), then SIGKILL, and is waited for, so nothing is left behind. On Linux
each child also gets SIGTERM if this process dies uncleanly.
"""

import contextlib
import ctypes
import ipaddress
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

from motcua.gateways.standins import local_port
from motcua.integrations.sms_standin import SEND_PATH
from motcua.payments.sandbox import PAY_PATH

from . import results

GRACE_SECONDS = 15  # a task in flight (an SMTP or gateway call) may take up to its timeout to finish


def remote_signing_port() -> int | None:
    """The remote signing stand-in's port when the settings point at it on this machine (development)."""
    return local_port(settings.MOTCUA_REMOTE_SIGNING_URL)


def remote_signing_args(ca_file: Path, port: int) -> list[str]:
    return [
        "-m",
        "motcua.signing.remote_standin",
        "--authority",
        str(ca_file),
        "--port",
        str(port),
        "--client-id",
        settings.MOTCUA_REMOTE_SIGNING_CLIENT_ID,
        "--client-secret",
        settings.MOTCUA_REMOTE_SIGNING_CLIENT_SECRET,
        "--auto",
        "approve",
        "--account",
        ":".join(results.REMOTE_ACCOUNT),
    ]


def _child_setup() -> None:  # runs in the child between fork and exec
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # a parent started in the background has SIGINT ignored
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def standin_port() -> int | None:
    """The stand-in's port when the SMS settings point at a gateway on this machine, else None."""
    parts = urlsplit(settings.MOTCUA_SMS_URL or "")
    try:
        local = parts.hostname == "localhost" or ipaddress.ip_address(parts.hostname or "").is_loopback
    except ValueError:
        local = False
    return (parts.port or 80) if local and parts.path == SEND_PATH else None


def payment_sandbox_port() -> int | None:
    """The payment sandbox's port when the gateway settings point at it on this machine (development), else None."""
    return local_port(settings.MOTCUA_VNPAY_URL, PAY_PATH)


def oidc_standin_port() -> int | None:
    """The OpenID provider stand-in's port when single sign-on points at it on this machine (development)."""
    return local_port(getattr(settings, "MOTCUA_OIDC_ISSUER", ""))


def dvcqg_standin_port() -> int | None:
    """The DVCQG stand-in's port when the sync points at it on this machine (development), relay or adapter."""
    return local_port(settings.MOTCUA_DVCQG_URL)


def start(name: str, args: list[str], env: dict | None = None) -> tuple[str, subprocess.Popen]:
    process = subprocess.Popen(
        [sys.executable, *args],
        env={**os.environ, **(env or {})},
        start_new_session=True,
        # before exec, in the child alone: the parent-death signal (no thread runs in the child yet)
        preexec_fn=_child_setup if sys.platform.startswith("linux") else None,  # noqa: PLW1509
    )
    return name, process


def wait_until_listening(host: str, port: int, process: subprocess.Popen, seconds: float = 60) -> bool:
    """True once something accepts connections at host:port; False if `process` ended first or time ran out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=1):
            return True
        time.sleep(0.2)
    return False


def stop(children: list[tuple[str, subprocess.Popen]], grace: float = GRACE_SECONDS) -> None:
    """SIGTERM (every child stops gracefully on it), then SIGKILL after `grace`; always wait, leaving no orphan."""
    for _, process in children:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                process.terminate()
    deadline = time.monotonic() + grace
    for _, process in children:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
    for _, process in children:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            process.wait()


@contextlib.contextmanager
def helper_processes(stdout=sys.stdout, public_url: str = ""):
    """Start the worker (and the stand-in); stop them all when the block ends, however it ends.

    `public_url` (the address being served) becomes the tracking link of notices unless MOTCUA_PUBLIC_URL is set.
    """
    children = []
    if public_url and not os.environ.get("MOTCUA_PUBLIC_URL"):
        settings.MOTCUA_PUBLIC_URL = public_url
        os.environ["MOTCUA_PUBLIC_URL"] = public_url  # the web server and the worker are processes of their own

    def on_sigterm(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        port = standin_port()
        if port:
            children.append(
                start(
                    "sms",
                    ["-m", "motcua.integrations.sms_standin", "--port", str(port)],
                    {
                        "MOTCUA_SMS_API_KEY": settings.MOTCUA_SMS_API_KEY,
                        "MOTCUA_SMS_SECRET_KEY": settings.MOTCUA_SMS_SECRET_KEY,
                    },
                )
            )
        pay_port = payment_sandbox_port()
        if pay_port:  # the merchant's IPN URL is a setting of the gateway, as on the real merchant portal
            children.append(
                start(
                    "payments",
                    [
                        "-m",
                        "motcua.payments.sandbox",
                        "--port",
                        str(pay_port),
                        "--ipn-url",
                        settings.MOTCUA_PUBLIC_URL.rstrip("/") + "/thanh-toan/ipn/",
                    ],
                    {
                        "MOTCUA_VNPAY_TMN_CODE": settings.MOTCUA_VNPAY_TMN_CODE,
                        "MOTCUA_VNPAY_SECRET": settings.MOTCUA_VNPAY_SECRET,
                    },
                )
            )
        oidc_port = oidc_standin_port()
        if oidc_port:  # "Đăng nhập bằng VNeID" works in the demo against the stand-in (a form to approve)
            children.append(
                start(
                    "vneid",
                    [
                        "-m",
                        "motcua.accounts.oidc_standin",
                        "--port",
                        str(oidc_port),
                        "--form",
                        "--client-id",
                        settings.MOTCUA_OIDC_CLIENT_ID,
                        "--client-secret",
                        settings.MOTCUA_OIDC_CLIENT_SECRET,
                    ],
                )
            )
        ca_port = results.demo_port()
        ca_file = Path(settings.MOTCUA_DEMO_CA)
        remote_port = remote_signing_port()
        if ca_port and ca_file.exists():  # the demo authority's CRL and TSA: the signing step signs B-LT locally
            children.append(
                start("ca", ["-m", "motcua.signing.standin", "--authority", str(ca_file), "--port", str(ca_port)])
            )
            if remote_port:  # remote signing (ký số từ xa) against a stand-in whose phone approves at once
                children.append(start("remote-signing", remote_signing_args(ca_file, remote_port)))
        dvcqg_port = dvcqg_standin_port()
        if dvcqg_port:  # the national portal's stand-in, and the sender delivering the outbox to it
            children.append(start("dvcqg", ["-m", "motcua.national.standin", "--port", str(dvcqg_port)]))
        if settings.MOTCUA_DVCQG_URL:
            children.append(start("dvcqg-sender", ["-m", "motcua.cli", "dvcqg", "send"]))
        # the signing queue has a worker of its own: a remote signature waits for a phone, notices must not
        worker = ["-m", "motcua.cli", "worker", "--interval", "1"]
        children.append(start("signing", [*worker, "--queue-name", "signing"]))
        children.append(start("worker", [*worker, "--exclude-queues", "signing"]))
        time.sleep(0.5)
        for name, process in children:
            if process.poll() is not None:
                stdout.write(f"  ! {name} dừng ngay khi khởi động (mã {process.returncode})\n")
        stdout.write(f"Bộ xử lý nền (motcua worker): pid {children[-1][1].pid}\n")
        if port:
            stdout.write("Tin nhắn SMS gửi người nộp được in ra màn hình này (cổng SMS giả lập).\n")
        elif settings.MOTCUA_SMS_URL:
            stdout.write(f"Tin nhắn SMS gửi qua cổng: {settings.MOTCUA_SMS_URL}\n")
        if pay_port:
            stdout.write(f"Cổng thanh toán giả lập: {settings.MOTCUA_VNPAY_URL}\n")
        if oidc_port:
            stdout.write(f"Máy chủ xác thực VNeID giả lập: {settings.MOTCUA_OIDC_ISSUER}\n")
        if ca_port and ca_file.exists():
            stdout.write(f"Tổ chức cấp chứng thư THỬ NGHIỆM (CRL, dấu thời gian): {settings.MOTCUA_TSA_URL}\n")
            if remote_port:
                user, password, name, *_ = results.REMOTE_ACCOUNT
                stdout.write(
                    f"Ký số từ xa giả lập: {settings.MOTCUA_REMOTE_SIGNING_URL} (tự xác nhận); {name} thêm tài khoản "
                    f"{user} / {password} ở trang “Chữ ký số”.\n"
                )
        if dvcqg_port:
            stdout.write(f"Cổng Dịch vụ công quốc gia giả lập: {settings.MOTCUA_DVCQG_URL} (hồ sơ gửi lên: /state)\n")
        if settings.EMAIL_BACKEND.endswith("console.EmailBackend"):
            stdout.write("Thư điện tử gửi người nộp được in ra màn hình này (EMAIL_BACKEND console).\n")
        yield children
    except KeyboardInterrupt:
        pass
    finally:
        # A terminal may deliver Ctrl-C more than once (make, timeout, the shell): once shutting down, further
        # interrupts are ignored so the children are stopped cleanly and no traceback is printed.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, previous)
        stop(children)
