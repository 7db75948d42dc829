"""A local stand-in for the VNPay payment gateway (DESIGN.md principle 9), for demos and tests only.

It speaks `protocol.py`, the gateway's own protocol:
    GET  /paymentv2/vpcpay.html?<signed request>  the payment page (a bad signature, merchant or expired request
                                                   is refused with an error page)
    POST /paymentv2/complete                       the buyer's choice ("Thanh toán" / "Từ chối"): the gateway
         calls the merchant's IPN URL server-to-server (GET, signed; twice with --duplicate-ipn), then sends the
         browser to vnp_ReturnUrl with the same signed result
    GET  /transactions?vnp_TmnCode=..&vnp_Date=YYYYMMDD&vnp_SecureHash=..  that day's transactions as JSON, for
         reconciliation (the real gateway offers a reconciliation file / querydr API; this is its simple twin)
The IPN URL is a setting of the merchant (as on the real merchant portal), not a request parameter. It listens on
127.0.0.1 only: `python -m motcua.payments.sandbox [--port 8027] --ipn-url http://127.0.0.1:8000/thanh-toan/ipn/`.
"""

import argparse
import datetime as dt
import html
import json
import os
import secrets
import sys
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlencode, urlsplit

from motcua.gateways.standins import serve_until_stopped
from motcua.payments import protocol

PAY_PATH = "/paymentv2/vpcpay.html"
COMPLETE_PATH = "/paymentv2/complete"
TRANSACTIONS_PATH = "/transactions"
HOST = "127.0.0.1"
DEFAULT_PORT = 8027
DEV_TMN_CODE = "MOTCUA01"
DEV_SECRET = "sandbox-hash-secret"
REQUIRED = (
    "vnp_Version",
    "vnp_Command",
    "vnp_TmnCode",
    "vnp_Amount",
    "vnp_CurrCode",
    "vnp_TxnRef",
    "vnp_OrderInfo",
    "vnp_ReturnUrl",
    "vnp_IpAddr",
    "vnp_CreateDate",
)


class SandboxGateway(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self,
        port: int = DEFAULT_PORT,
        *,
        tmn_code: str = DEV_TMN_CODE,
        secret: str = DEV_SECRET,
        ipn_url: str = "",
        duplicate_ipn: bool = False,
        echo=None,
    ):
        super().__init__((HOST, port), Handler)
        self.tmn_code, self.secret, self.ipn_url, self.duplicate_ipn = tmn_code, secret, ipn_url, duplicate_ipn
        self.pending: dict[str, dict] = {}  # token of a shown payment page → the verified request
        self.transactions: list[dict] = []
        self.lock = threading.Lock()
        self.echo = echo
        self._next_no = 14000000

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}{PAY_PATH}"

    @property
    def transactions_url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}{TRANSACTIONS_PATH}"

    def check_request(self, params: dict) -> str:
        """Why a payment request is refused ("" when it is good)."""
        if not protocol.verify(params, self.secret):
            return "Sai chữ ký (vnp_SecureHash) – yêu cầu không hợp lệ"
        if params.get("vnp_TmnCode") != self.tmn_code:
            return "Mã website (vnp_TmnCode) không tồn tại"
        missing = [name for name in REQUIRED if not params.get(name)]
        if missing:
            return f"Thiếu tham số {', '.join(missing)}"
        if params["vnp_Command"] != "pay" or params["vnp_CurrCode"] != "VND" or not params["vnp_Amount"].isdigit():
            return "Tham số không hợp lệ"
        expire = protocol.parse_stamp(params.get("vnp_ExpireDate", ""))
        if expire and expire < dt.datetime.now(protocol.VN_TZ):
            return "Giao dịch đã quá thời gian chờ thanh toán"
        return ""

    def show(self, params: dict) -> str:
        token = secrets.token_urlsafe(16)
        with self.lock:
            self.pending[token] = params
        return token

    def complete(self, token: str, pay: bool) -> dict | None:
        """The buyer chose: make the signed result, keep the transaction, send the IPN. None for an unknown token."""
        with self.lock:
            request = self.pending.pop(token, None)
            if request is None:
                return None
            self._next_no += 1
            number = str(self._next_no)
        result = {
            "vnp_TmnCode": self.tmn_code,
            "vnp_Amount": request["vnp_Amount"],
            "vnp_BankCode": "NCB",
            "vnp_BankTranNo": f"VNP{number}" if pay else "",
            "vnp_CardType": "ATM",
            "vnp_OrderInfo": request["vnp_OrderInfo"],
            "vnp_PayDate": protocol.stamp(dt.datetime.now(protocol.VN_TZ)),
            "vnp_ResponseCode": "00" if pay else "24",
            "vnp_TransactionNo": number if pay else "0",
            "vnp_TransactionStatus": "00" if pay else "02",
            "vnp_TxnRef": request["vnp_TxnRef"],
        }
        signed = protocol.sign(result, self.secret)
        record = {
            key: result[key]
            for key in (
                "vnp_TxnRef",
                "vnp_Amount",
                "vnp_TransactionNo",
                "vnp_BankCode",
                "vnp_ResponseCode",
                "vnp_TransactionStatus",
                "vnp_PayDate",
            )
        }
        record["ipn_answers"] = []
        with self.lock:
            self.transactions.append(record)
        for _ in range(2 if self.duplicate_ipn else 1):
            record["ipn_answers"].append(self.send_ipn(signed))
        if self.echo:
            self.echo(record)
        return {"return_url": request["vnp_ReturnUrl"], "params": signed}

    def send_ipn(self, signed: dict) -> dict:
        if not self.ipn_url:
            return {"error": "chưa cấu hình IPN URL"}
        try:
            with urllib.request.urlopen(f"{self.ipn_url}?{urlencode(signed)}", timeout=10) as response:
                return json.loads(response.read().decode("utf-8"))
        except (OSError, ValueError) as exc:  # the real gateway retries later; the sandbox just notes it
            return {"error": str(exc)}

    def day(self, date: str) -> list[dict]:
        with self.lock:
            return [dict(t) for t in self.transactions if t["vnp_PayDate"].startswith(date)]

    def start(self) -> "SandboxGateway":
        threading.Thread(target=self.serve_forever, name="vnpay-sandbox", daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title} – Cổng thanh toán (giả lập)</title>
<style>body{{font-family:sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem}} .box{{border:1px solid #ccc;
padding:1rem;border-radius:6px}} button{{font-size:1rem;padding:.6rem 1.2rem;margin-right:.5rem}}
.pay{{background:#005baa;color:#fff;border:0}} .warn{{color:#a00}}</style></head><body>
<p><strong>CỔNG THANH TOÁN GIẢ LẬP</strong> – chỉ dùng để thử nghiệm, không trừ tiền thật.</p>{body}</body></html>"""


def payment_page(params: dict, token: str) -> str:
    amount = f"{int(params['vnp_Amount']) // 100:,}".replace(",", ".")
    e = html.escape
    body = (
        f'<div class="box"><h1>Thanh toán đơn hàng</h1><p>Nội dung: {e(params["vnp_OrderInfo"])}</p>'
        f"<p>Mã giao dịch: {e(params['vnp_TxnRef'])}</p><p>Số tiền: <strong>{amount} VND</strong></p>"
        f'<form method="post" action="{COMPLETE_PATH}"><input type="hidden" name="token" value="{e(token)}">'
        '<button class="pay" name="choice" value="pay">Thanh toán</button>'
        '<button name="choice" value="decline">Từ chối</button></form></div>'
    )
    return PAGE.format(title="Thanh toán", body=body)


def error_page(reason: str) -> str:
    return PAGE.format(title="Lỗi", body=f'<h1 class="warn">Giao dịch không hợp lệ</h1><p>{html.escape(reason)}</p>')


class Handler(BaseHTTPRequestHandler):
    server: SandboxGateway
    protocol_version = "HTTP/1.1"

    def _send(self, status: int, body: str, content_type: str, headers: dict | None = None) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def _html(self, status: int, body: str) -> None:
        self._send(status, body, "text/html; charset=utf-8")

    def _json(self, status: int, payload) -> None:
        self._send(status, json.dumps(payload, ensure_ascii=False), "application/json; charset=utf-8")

    def do_GET(self):
        parts = urlsplit(self.path)
        params = dict(parse_qsl(parts.query, keep_blank_values=True))
        if parts.path == PAY_PATH:
            reason = self.server.check_request(params)
            if reason:
                return self._html(400, error_page(reason))
            return self._html(200, payment_page(params, self.server.show(params)))
        if parts.path == TRANSACTIONS_PATH:
            if not protocol.verify(params, self.server.secret) or params.get("vnp_TmnCode") != self.server.tmn_code:
                return self._json(403, {"error": "Sai chữ ký hoặc mã website"})
            return self._json(200, self.server.day(params.get("vnp_Date", "")))
        return self._json(404, {"error": "not found"})

    def do_POST(self):
        if urlsplit(self.path).path != COMPLETE_PATH:
            return self._json(404, {"error": "not found"})
        length = int(self.headers.get("Content-Length") or 0)
        form = dict(parse_qsl(self.rfile.read(length).decode("utf-8")))
        done = self.server.complete(form.get("token", ""), form.get("choice") == "pay")
        if done is None:
            return self._html(400, error_page("Phiên thanh toán không tồn tại hoặc đã kết thúc"))
        location = done["return_url"] + ("&" if "?" in done["return_url"] else "?") + urlencode(done["params"])
        return self._send(303, "", "text/plain", {"Location": location})

    def log_message(self, format, *args):
        pass


def transactions_query(tmn_code: str, secret: str, date: str) -> str:
    """The signed query of GET /transactions (what the reconcile command sends)."""
    return urlencode(protocol.sign({"vnp_TmnCode": tmn_code, "vnp_Date": date}, secret))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Cổng thanh toán giả lập kiểu VNPay (chỉ dùng để thử nghiệm)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("MOTCUA_VNPAY_SANDBOX_PORT", DEFAULT_PORT)))
    parser.add_argument("--tmn-code", default=os.environ.get("MOTCUA_VNPAY_TMN_CODE", DEV_TMN_CODE))
    parser.add_argument("--secret", default=os.environ.get("MOTCUA_VNPAY_SECRET", DEV_SECRET))
    parser.add_argument(
        "--ipn-url",
        default=os.environ.get("MOTCUA_VNPAY_IPN_URL", ""),
        help="địa chỉ IPN của đơn vị (như cấu hình trên cổng quản lý đơn vị)",
    )
    parser.add_argument("--duplicate-ipn", action="store_true", help="gửi mỗi IPN hai lần (thử chống lặp)")
    args = parser.parse_args(argv)

    def echo(record):
        print(
            f"[Thanh toán giả lập] {record['vnp_TxnRef']}: {int(record['vnp_Amount']) // 100} đồng, mã "
            f"{record['vnp_ResponseCode']}, IPN → {record['ipn_answers']}",
            flush=True,
        )

    return serve_until_stopped(
        lambda: SandboxGateway(
            args.port,
            tmn_code=args.tmn_code,
            secret=args.secret,
            ipn_url=args.ipn_url,
            duplicate_ipn=args.duplicate_ipn,
            echo=echo,
        ),
        "Cổng thanh toán giả lập",
        f"{HOST}:{args.port}",
        lambda server: f"Cổng thanh toán giả lập: {server.url}  (IPN → {args.ipn_url or 'chưa cấu hình'})",
    )


if __name__ == "__main__":
    sys.exit(main())
