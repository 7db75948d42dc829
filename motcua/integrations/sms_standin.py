"""A local stand-in for the brandname SMS gateway (DESIGN.md principle 9), for demos and tests only.

It speaks the protocol of `motcua/gateways/sms.py`: POST SEND_PATH with the JSON request, answer {"CodeResult":
"100", "SMSID"} or an error code with an ErrorMessage. It keeps what it received in memory:
    GET /messages     every accepted message, oldest first (JSON list; the keys are never stored)
    DELETE /messages  forget them
It listens on 127.0.0.1 only. Run it with `python -m motcua.integrations.sms_standin [--port 8025]`; the
ApiKey/SecretKey it accepts come from --api-key/--secret-key or MOTCUA_SMS_API_KEY/MOTCUA_SMS_SECRET_KEY.
`--fail CODE` makes it refuse every message with that code (to watch retries and failures in a demo).
"""

import argparse
import hmac
import json
import os
import re
import sys
import threading
import uuid
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from motcua.gateways.standins import serve_until_stopped

SEND_PATH = "/api/sms/send"
HOST = "127.0.0.1"
DEFAULT_PORT = 8025
DEV_API_KEY = "standin-api-key"
DEV_SECRET_KEY = "standin-secret-key"
MAX_CONTENT = 612  # four concatenated GSM segments; the project sends at most 320 characters
MOBILE_RE = re.compile(r"^(0|84|\+84)(3|5|7|8|9)\d{8}$")
FIELDS = ("ApiKey", "SecretKey", "Phone", "Content", "Brandname", "SmsType")


class StandinGateway(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self, port: int = DEFAULT_PORT, *, api_key: str = DEV_API_KEY, secret_key: str = DEV_SECRET_KEY, echo=None
    ):
        super().__init__((HOST, port), Handler)
        self.api_key, self.secret_key = api_key, secret_key
        self.messages: list[dict] = []
        self.lock = threading.Lock()
        self.fail: tuple[str, str] | None = None  # (CodeResult, ErrorMessage) answered to every send
        self.echo = echo  # called with each accepted message (the CLI prints it)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}{SEND_PATH}"

    def answer(self, request: dict) -> dict:
        """The gateway's business answer to one send request."""
        missing = [name for name in FIELDS if not str(request.get(name) or "").strip()]
        if {"ApiKey", "SecretKey"} & set(missing) or not (
            hmac.compare_digest(str(request["ApiKey"]), self.api_key)
            and hmac.compare_digest(str(request["SecretKey"]), self.secret_key)
        ):
            return {"CodeResult": "101", "ErrorMessage": "Sai ApiKey hoặc SecretKey"}
        if missing:
            return {"CodeResult": "102", "ErrorMessage": f"Thiếu trường {', '.join(missing)}"}
        if not MOBILE_RE.match(str(request["Phone"])):
            return {"CodeResult": "102", "ErrorMessage": "Số điện thoại không phải số di động hợp lệ"}
        if len(str(request["Content"])) > MAX_CONTENT:
            return {"CodeResult": "102", "ErrorMessage": f"Nội dung dài quá {MAX_CONTENT} ký tự"}
        if self.fail:
            return {"CodeResult": self.fail[0], "ErrorMessage": self.fail[1]}
        message = {
            "SMSID": uuid.uuid4().hex,
            "Phone": str(request["Phone"]),
            "Content": str(request["Content"]),
            "Brandname": str(request["Brandname"]),
            "SmsType": str(request["SmsType"]),
            "ReceivedAt": datetime.now(UTC).isoformat(),
        }
        with self.lock:
            self.messages.append(message)
        if self.echo:
            self.echo(message)
        return {"CodeResult": "100", "SMSID": message["SMSID"]}

    def start(self) -> "StandinGateway":
        """Serve in a background thread (tests); `stop()` ends it."""
        threading.Thread(target=self.serve_forever, name="sms-standin", daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class Handler(BaseHTTPRequestHandler):
    server: StandinGateway
    protocol_version = "HTTP/1.1"

    def _reply(self, status: int, payload) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        if self.path.split("?")[0] != SEND_PATH:
            return self._reply(404, {"CodeResult": "404", "ErrorMessage": "Không có dịch vụ này"})
        length = int(self.headers.get("Content-Length") or 0)
        try:
            request = json.loads(self.rfile.read(length).decode("utf-8"))
            if not isinstance(request, dict):
                raise ValueError
        except (ValueError, UnicodeDecodeError):
            return self._reply(200, {"CodeResult": "102", "ErrorMessage": "Yêu cầu không phải JSON hợp lệ"})
        return self._reply(200, self.server.answer(request))

    def do_GET(self):
        if self.path.split("?")[0] != "/messages":
            return self._reply(404, {"error": "not found"})
        with self.server.lock:
            return self._reply(200, list(self.server.messages))

    def do_DELETE(self):
        if self.path.split("?")[0] != "/messages":
            return self._reply(404, {"error": "not found"})
        with self.server.lock:
            self.server.messages.clear()
        return self._reply(200, [])

    def log_message(self, format, *args):
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Cổng SMS giả lập (chỉ dùng để thử nghiệm, trình diễn)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("MOTCUA_SMS_STANDIN_PORT", DEFAULT_PORT)))
    parser.add_argument("--api-key", default=os.environ.get("MOTCUA_SMS_API_KEY", DEV_API_KEY))
    parser.add_argument("--secret-key", default=os.environ.get("MOTCUA_SMS_SECRET_KEY", DEV_SECRET_KEY))
    parser.add_argument("--fail", metavar="CODE", help="từ chối mọi tin nhắn với mã lỗi này (ví dụ 99)")
    args = parser.parse_args(argv)

    def echo(message):
        print(f"[SMS giả lập] → {message['Phone']}: {message['Content']}", flush=True)

    def make():
        server = StandinGateway(args.port, api_key=args.api_key, secret_key=args.secret_key, echo=echo)
        if args.fail:
            server.fail = (args.fail, "Lỗi hệ thống cổng SMS (giả lập)")
        return server

    return serve_until_stopped(
        make,
        "Cổng SMS giả lập",
        f"{HOST}:{args.port}",
        lambda server: f"Cổng SMS giả lập: {server.url}  (GET http://{HOST}:{args.port}/messages)",
    )


if __name__ == "__main__":
    sys.exit(main())
