"""A local stand-in for DVCQG (DESIGN.md principle 9), for demos and tests only: both shapes of NATIONAL.md §1.1
on one port, keeping what it receives in memory.

    POST /auth                      {username, password} + header dstcode → {error_code: 0, session}
    POST /integration               {session, madonvi, service: TraCuuHoSo | DongBoHoSoMC | CapNhatTienDoHoSoMC, …}
    POST /relay/ThemMoi, /relay/CapNhat, /relay/DongBoTienTrinh, /relay/TraCuuHoSo   (JSON arrays, no session)
    POST /relay/getfile {DuongDan}  a file of a dossier submitted on DVCQG (`files`, filled by a test or a demo)
    GET  /state     {"dossiers": {MaHoSo: record}, "progress": {MaHoSo: [rows]}, "backwards": [...], "calls": n}
    POST /control   {"fail": 0.3, "hang": 0.05, "hang_seconds": 5, "seed": 1}: a share of the calls fails (HTTP 500
                    or an error answer; half of them after the change was kept, as when an answer is lost on the
                    way) and a share hangs (no answer for hang_seconds, nothing kept)
    DELETE /state   forget everything

`push(url, token, body)` is DVCQG handing a dossier submitted on it to the province (national/inbound.py).
A progress row older than one already kept for the dossier, not a repeat of one, is listed in "backwards": DVCQG
would show the dossier going back in time. Listens on 127.0.0.1 only. `python -m motcua.national.standin
[--port 8031] [--fail 0.3] [--hang 0.05]`.
"""

import argparse
import json
import random
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from motcua.gateways.standins import serve_until_stopped

HOST = "127.0.0.1"
DEFAULT_PORT = 8031
USERNAME, PASSWORD, DSTCODE = "motcua", "standin-password", "000.00.00.H21"


class StandinPortal(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int = DEFAULT_PORT, *, fail: float = 0.0, hang: float = 0.0, hang_seconds: float = 5):
        super().__init__((HOST, port), Handler)
        self.lock = threading.Lock()
        self.sessions: set[str] = set()
        self.control(fail=fail, hang=hang, hang_seconds=hang_seconds)
        self.forget()

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}"

    def control(self, *, fail=0.0, hang=0.0, hang_seconds=5.0, seed=None) -> None:
        self.fail, self.hang, self.hang_seconds = float(fail), float(hang), float(hang_seconds)
        self.random = random.Random(seed)

    def forget(self) -> None:
        with self.lock:
            self.dossiers: dict[str, dict] = {}
            self.progress: dict[str, list[dict]] = {}
            self.backwards: list[dict] = []
            self.calls = 0
            self.files: dict[str, bytes] = {}  # what getfile serves: a dossier submitted here has its files here

    def state(self) -> dict:
        with self.lock:
            return {
                "dossiers": self.dossiers,
                "progress": self.progress,
                "backwards": self.backwards,
                "calls": self.calls,
            }

    # what DVCQG does with what it receives
    def create(self, records: list[dict]) -> tuple[bool, str]:
        with self.lock:
            if any(r.get("MaHoSo") in self.dossiers for r in records):
                return False, "Hồ sơ đã tồn tại trên hệ thống"
            for record in records:
                self.dossiers[record["MaHoSo"]] = record
        return True, "Thêm mới thành công"

    def update(self, records: list[dict]) -> tuple[bool, str]:
        with self.lock:
            missing = [r.get("MaHoSo") for r in records if r.get("MaHoSo") not in self.dossiers]
            if missing:
                return False, f"Không tìm thấy hồ sơ {missing[0]}"
            for record in records:
                self.dossiers[record["MaHoSo"]] = record
        return True, "Cập nhật thành công"

    def add_progress(self, rows: list[dict]) -> tuple[bool, str]:
        with self.lock:
            for row in rows:
                kept = self.progress.setdefault(row.get("MaHoSo", ""), [])
                if row in kept:
                    continue  # a repeat: DVCQG keeps one
                if kept and row.get("ThoiDiemXuLy", "") < max(r.get("ThoiDiemXuLy", "") for r in kept):
                    self.backwards.append(row)
                kept.append(row)
        return True, "Đồng bộ tiến trình thành công"

    def push(self, url: str, token: str, body: dict, timeout: float = 30) -> tuple[int, dict]:
        """What DVCQG does with a dossier submitted on it: POST it to the province's endpoint; (status, answer)."""
        request = urllib.request.Request(
            url,
            data=json.dumps(body, ensure_ascii=False).encode(),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")

    def lookup(self, code: str) -> list[dict]:
        with self.lock:
            return [self.dossiers[code]] if code in self.dossiers else []


class Handler(BaseHTTPRequestHandler):
    server: StandinPortal

    def log_message(self, format, *args):
        pass

    lost = False  # the change is kept but the answer is lost on the way: a 502 goes out instead

    def _answer(self, status: int, body) -> None:
        if self.lost:
            status, body = 502, "Bad Gateway"
        data = body.encode() if isinstance(body, str) else json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8" if isinstance(body, str) else "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _bytes(self, content: bytes) -> None:
        if self.lost:
            return self._answer(502, "Bad Gateway")
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)
        return None

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        try:
            return json.loads(self.rfile.read(length) or b"null")
        except ValueError:
            return None

    def do_GET(self):
        if self.path == "/state":
            return self._answer(200, self.server.state())
        return self._answer(404, {"error_code": "404", "message": "Không có dịch vụ này"})

    def do_DELETE(self):
        if self.path == "/state":
            self.server.forget()
            return self._answer(200, {"ok": True})
        return self._answer(404, {"error_code": "404", "message": "Không có dịch vụ này"})

    def do_POST(self):
        body = self._body()
        if self.path == "/control":
            self.server.control(**(body or {}))
            return self._answer(200, {"ok": True})
        server = self.server
        with server.lock:
            server.calls += 1
            roll = server.random.random()
        if roll < server.hang:
            time.sleep(server.hang_seconds)
            self.close_connection = True
            return None
        failing = roll < server.hang + server.fail
        if failing and roll < server.hang + server.fail / 2:
            return self._answer(500, "Lỗi hệ thống, vui lòng thử lại sau")
        self.lost = failing
        return self._serve(body)

    def _serve(self, body):
        server = self.server
        if self.path == "/auth":
            if (
                not isinstance(body, dict)
                or self.headers.get("dstcode") != DSTCODE
                or (body.get("username"), body.get("password")) != (USERNAME, PASSWORD)
            ):
                return self._answer(200, {"error_code": 1, "message": "Sai tài khoản kết nối"})
            session = uuid.uuid4().hex
            with server.lock:
                server.sessions.add(session)
            return self._answer(200, {"error_code": 0, "session": session})
        if self.path == "/integration":
            return self._integration(body)
        if self.path.startswith("/relay/"):
            return self._relay(self.path.removeprefix("/relay/"), body)
        return self._answer(404, {"error_code": "404", "message": "Không có dịch vụ này"})

    def _integration(self, body):
        server = self.server
        if not isinstance(body, dict) or body.get("session") not in server.sessions:
            return self._answer(200, {"error_code": 2, "message": "Phiên làm việc không hợp lệ"})
        service = body.get("service")
        if service == "TraCuuHoSo":
            return self._answer(200, {"error_code": 0, "result": server.lookup(str(body.get("MaHoSo")))})
        if service == "DongBoHoSoMC":
            records = body.get("data") or []
            ok, message = (server.update if body.get("isUpdating") == "True" else server.create)(records)
            return self._answer(200, {"error_code": "00" if ok else "-3", "message": message})
        if service == "CapNhatTienDoHoSoMC":
            rows = body.get("data") or []
            if len(rows) > 10:
                return self._answer(200, {"error_code": "4", "message": "Tối đa 10 dòng tiến độ một lần"})
            ok, message = server.add_progress(rows)
            return self._answer(200, {"error_code": "00", "message": message})
        return self._answer(200, {"error_code": "9", "message": f"Không có dịch vụ {service}"})

    def _relay(self, name, body):
        server = self.server
        if name == "getfile":
            link = str((body or {}).get("DuongDan", "")) if isinstance(body, dict) else ""
            with server.lock:
                content = server.files.get(link)
            if content is None:
                return self._answer(404, {"error_code": "404", "message": "Không tìm thấy tệp"})
            return self._bytes(content)
        if name == "TraCuuHoSo":
            code = str((body or {}).get("MaHoSo")) if isinstance(body, dict) else ""
            return self._answer(200, {"error_code": "0", "result": server.lookup(code)})
        if not isinstance(body, list):
            return self._answer(400, {"error_code": "400", "message": "Dữ liệu phải là một mảng JSON"})
        if name == "ThemMoi":
            ok, message = server.create(body)
            return self._answer(200, {"error_code": "0" if ok else "-3", "message": message})
        if name == "CapNhat":
            ok, message = server.update(body)
            return self._answer(200, {"error_code": "0" if ok else "1", "message": message})
        if name == "DongBoTienTrinh":
            if len(body) > 10:
                return self._answer(200, "Tối đa 10 dòng tiến độ một lần")
            return self._answer(200, server.add_progress(body)[1])
        return self._answer(404, {"error_code": "404", "message": "Không có dịch vụ này"})


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Máy chủ giả lập Cổng Dịch vụ công quốc gia (chỉ để thử).")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--fail", type=float, default=0.0, help="tỉ lệ cuộc gọi trả lỗi (0-1)")
    parser.add_argument("--hang", type=float, default=0.0, help="tỉ lệ cuộc gọi không trả lời (0-1)")
    args = parser.parse_args(argv)
    return serve_until_stopped(
        lambda: StandinPortal(args.port, fail=args.fail, hang=args.hang),
        "Máy chủ giả lập Cổng DVCQG",
        f"{HOST}:{args.port}",
        lambda server: f"Máy chủ giả lập Cổng DVCQG: {server.url} (adapter /auth, /integration; relay /relay/…)",
    )


if __name__ == "__main__":
    sys.exit(main())
