"""Talking to DVCQG (NATIONAL.md §1.1), in either of the two shapes provinces run, chosen by MOTCUA_DVCQG_TRANSPORT:

- "adapter", the session adapter: POST the auth endpoint {username, password} with the header `dstcode` for a
  session, then POST {session, madonvi, service, …} per call: `TraCuuHoSo` says whether the dossier is there,
  `DongBoHoSoMC` sends it with isUpdating "True"/"False", `CapNhatTienDoHoSoMC` its progress rows;
- "relay", the provincial LGSP relay: POST JSON arrays to ThemMoi (and CapNhat when the answer is error_code 3/-3
  "đã tồn tại"), DongBoTienTrinh for progress (a text answer containing "thành công"), TraCuuHoSo for a look-up.

Both answer the same three questions (`upsert`, `progress`, `lookup`) and fail with `SyncError`, whose `retryable`
says whether trying later can help. Progress goes in chunks of at most 10 rows; the caller chunks.
"""

import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from django.conf import settings

PROGRESS_CHUNK = 10
OK_CODES = {0, "0", "00"}
EXISTS_CODES = {3, -3, "3", "-3"}


class SyncError(Exception):
    def __init__(self, message: str, *, retryable: bool = True):
        super().__init__(message)
        self.retryable = retryable


@dataclass
class Http:
    timeout: float

    def post(self, url: str, body, headers: dict | None = None) -> str:
        return self.post_bytes(url, body, headers).decode("utf-8", errors="replace")

    def post_bytes(self, url: str, body, headers: dict | None = None) -> bytes:
        request = urllib.request.Request(
            url,
            data=json.dumps(body, ensure_ascii=False).encode(),
            headers={"Content-Type": "application/json; charset=utf-8", **(headers or {})},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:300].decode("utf-8", errors="replace")
            retry = exc.code >= 500 or exc.code == 429
            raise SyncError(f"Cổng DVCQG trả lỗi HTTP {exc.code}: {detail}", retryable=retry) from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise SyncError(f"Không kết nối được Cổng DVCQG: {reason}") from None


def _json(text: str) -> dict:
    try:
        answer = json.loads(text)
    except ValueError:
        raise SyncError(f"Cổng DVCQG trả lời không phải JSON: {text[:200]!r}") from None
    if not isinstance(answer, dict):
        raise SyncError(f"Cổng DVCQG trả lời không đúng dạng: {text[:200]!r}")
    return answer


def _refused(answer: dict) -> SyncError:
    # retried like a network failure: DVCQG's own errors are mostly passing ones, and the attempts are counted
    return SyncError(
        f"Cổng DVCQG từ chối: mã {answer.get('error_code')!r}, {answer.get('message') or answer.get('error') or ''}"
    )


@dataclass
class Adapter:
    """The session adapter (OpenCPS; still cited in 2025)."""

    url: str
    username: str
    password: str
    dstcode: str
    unit: str  # madonvi
    http: Http
    auth_path: str = "/auth"
    integration_path: str = "/integration"

    def _session(self) -> str:
        answer = _json(
            self.http.post(
                self.url + self.auth_path, {"username": self.username, "password": self.password}, self._headers()
            )
        )
        if answer.get("error_code") not in OK_CODES or not answer.get("session"):
            raise SyncError(f"Cổng DVCQG không cấp phiên làm việc: {answer.get('message', '')}", retryable=False)
        return str(answer["session"])

    def _headers(self) -> dict:
        return {"dstcode": self.dstcode}

    def _call(self, service: str, body: dict) -> dict:
        payload = {"session": self._session(), "madonvi": self.unit, "service": service, **body}
        return _json(self.http.post(self.url + self.integration_path, payload, self._headers()))

    def lookup(self, code: str) -> dict | None:
        answer = self._call("TraCuuHoSo", {"MaHoSo": code})
        if answer.get("error_code") not in OK_CODES:
            raise _refused(answer)
        found = answer.get("result") or []
        return found[0] if found else None

    def upsert(self, record: dict) -> None:
        updating = self.lookup(record["MaHoSo"]) is not None
        answer = self._call("DongBoHoSoMC", {"isUpdating": "True" if updating else "False", "data": [record]})
        if answer.get("error_code") not in OK_CODES:
            raise _refused(answer)

    def progress(self, rows: list[dict]) -> None:
        answer = self._call("CapNhatTienDoHoSoMC", {"data": rows})
        if answer.get("error_code") not in OK_CODES:
            raise _refused(answer)


@dataclass
class Relay:
    """The provincial LGSP relay (2024-2025): plain JSON arrays, the relay authenticates."""

    url: str
    http: Http
    paths: dict = field(
        default_factory=lambda: {
            "create": "/ThemMoi",
            "update": "/CapNhat",
            "progress": "/DongBoTienTrinh",
            "lookup": "/TraCuuHoSo",
            "file": "/getfile",
        }
    )

    def upsert(self, record: dict) -> None:
        answer = _json(self.http.post(self.url + self.paths["create"], [record]))
        code, message = answer.get("error_code"), str(answer.get("message", ""))
        if code in EXISTS_CODES and "đã tồn tại" in message:
            answer = _json(self.http.post(self.url + self.paths["update"], [record]))
            code, message = answer.get("error_code"), str(answer.get("message", ""))
        if code not in OK_CODES or "thành công" not in message:
            raise _refused(answer)

    def progress(self, rows: list[dict]) -> None:
        text = self.http.post(self.url + self.paths["progress"], rows)
        if "thành công" not in text:
            raise SyncError(f"Cổng DVCQG không nhận tiến độ: {text[:200]}")

    def fetch_file(self, link: str) -> bytes:
        """A file of a dossier submitted on DVCQG, by its link (the relay's getfile)."""
        return self.http.post_bytes(self.url + self.paths["file"], {"DuongDan": link})

    def lookup(self, code: str) -> dict | None:
        answer = _json(self.http.post(self.url + self.paths["lookup"], {"MaHoSo": code}))
        if answer.get("error_code") not in OK_CODES:
            raise _refused(answer)
        found = answer.get("result") or []
        return found[0] if found else None


def configured():
    """The client MOTCUA_DVCQG_* describe; None when the sync is off (no URL)."""
    url = settings.MOTCUA_DVCQG_URL.rstrip("/")
    if not url:
        return None
    http = Http(timeout=settings.MOTCUA_DVCQG_TIMEOUT_SECONDS)
    if settings.MOTCUA_DVCQG_TRANSPORT == "adapter":
        return Adapter(
            url=url,
            username=settings.MOTCUA_DVCQG_USERNAME,
            password=settings.MOTCUA_DVCQG_PASSWORD,
            dstcode=settings.MOTCUA_DVCQG_DSTCODE,
            unit=settings.MOTCUA_DVCQG_UNIT,
            http=http,
        )
    return Relay(url=url, http=http)
