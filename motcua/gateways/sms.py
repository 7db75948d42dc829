"""SMS gateway adapter: the JSON-over-HTTP protocol of Vietnamese brandname SMS gateways.

Request: POST <MOTCUA_SMS_URL>, `Content-Type: application/json; charset=utf-8`, body
    {"ApiKey": "...", "SecretKey": "...", "Phone": "0912345678", "Content": "...", "Brandname": "MOTCUA",
     "SmsType": "2"}
Answer (HTTP 200 in every business case): {"CodeResult": "100", "SMSID": "..."} when the gateway accepts the
message; any other CodeResult with an ErrorMessage when it refuses. Codes this project treats as permanent (a retry
cannot help): 101 wrong ApiKey/SecretKey, 102 invalid request (phone, content, missing field), 104 brandname not
registered. Every other code, an HTTP error status, a timeout or a refused connection is transient and retried.

`motcua/integrations/sms_standin.py` is a local server speaking the same protocol for demos and tests; it is never
the production default (settings: production sends SMS only when MOTCUA_SMS_URL and the keys come from the
environment).
"""

import ipaddress
import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

SUCCESS = "100"
PERMANENT_CODES = {"101", "102", "104"}
MOBILE_RE = re.compile(r"^(0|84|\+84)(3|5|7|8|9)\d{8}$")


class SmsError(Exception):
    """The gateway did not take the message; `code` is its CodeResult ("" when it never answered)."""

    def __init__(self, message: str, *, code: str = "", retryable: bool = True):
        super().__init__(message)
        self.code = code
        self.retryable = retryable


@dataclass(frozen=True)
class Gateway:
    url: str
    api_key: str
    secret_key: str
    brandname: str = "MOTCUA"
    sms_type: str = "2"
    timeout: float = 10.0

    @classmethod
    def from_settings(cls) -> "Gateway":
        return cls(
            url=settings.MOTCUA_SMS_URL,
            api_key=settings.MOTCUA_SMS_API_KEY,
            secret_key=settings.MOTCUA_SMS_SECRET_KEY,
            brandname=settings.MOTCUA_SMS_BRANDNAME,
            sms_type=str(settings.MOTCUA_SMS_TYPE),
            timeout=float(settings.MOTCUA_SMS_TIMEOUT),
        )

    def send(self, phone: str, content: str) -> str:
        """Send one message; return the gateway's SMSID or raise SmsError."""
        payload = {
            "ApiKey": self.api_key,
            "SecretKey": self.secret_key,
            "Phone": normalise_phone(phone),
            "Content": content,
            "Brandname": self.brandname,
            "SmsType": self.sms_type,
        }
        request = urllib.request.Request(
            self.url,
            data=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
            method="POST",
            headers={"Content-Type": "application/json; charset=utf-8", "Accept": "application/json"},
        )
        try:
            with _opener(self.url).open(request, timeout=self.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            raise SmsError(f"Cổng SMS trả lỗi HTTP {exc.code}", retryable=exc.code >= 500 or exc.code == 429) from None
        except (urllib.error.URLError, OSError) as exc:  # refused, unreachable, timed out
            reason = getattr(exc, "reason", None) or exc
            raise SmsError(f"Không kết nối được cổng SMS: {reason}") from None
        try:
            answer = json.loads(raw.decode("utf-8"))
            code = str(answer.get("CodeResult", ""))
        except (ValueError, AttributeError):
            raise SmsError("Cổng SMS trả lời không đúng định dạng JSON") from None
        if code == SUCCESS:
            return str(answer.get("SMSID") or "")
        message = answer.get("ErrorMessage") or "không rõ lý do"
        raise SmsError(f"Cổng SMS từ chối (mã {code}): {message}", code=code, retryable=code not in PERMANENT_CODES)


def enabled() -> bool:
    """SMS is configured: development points at the stand-in, production only at a gateway set in the environment."""
    return bool(getattr(settings, "MOTCUA_SMS_URL", ""))


def is_mobile(phone: str) -> bool:
    """Only a mobile number can receive SMS (a landline 02x... cannot)."""
    return bool(MOBILE_RE.match(normalise_phone(phone)))


def normalise_phone(phone: str) -> str:
    return re.sub(r"[\s.\-()]", "", phone or "")


def send(phone: str, content: str) -> str:
    return Gateway.from_settings().send(phone, content)


def _opener(url: str) -> urllib.request.OpenerDirector:
    """Environment proxies apply to the real gateway, never to a gateway on this machine (the stand-in)."""
    host = urlsplit(url).hostname or ""
    try:
        local = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        local = False
    if local:
        return urllib.request.build_opener(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener()
