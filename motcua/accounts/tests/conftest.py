"""The OpenID provider stand-in on a free port of 127.0.0.1, with the project's OIDC settings pointed at it; helpers
that register through the one-time codes the SMS stand-in and the mailbox received."""

import http.client
import re
import urllib.parse

import pytest

from motcua.accounts.oidc_standin import StandinProvider
from motcua.gateways.standins import free_port
from motcua.vntext.validators import normalize_phone


@pytest.fixture
def oidc_provider(settings):
    provider = StandinProvider(free_port(), client_id="test-client", client_secret="test-secret").start()
    settings.MOTCUA_OIDC_ISSUER = provider.issuer
    settings.MOTCUA_OIDC_CLIENT_ID, settings.MOTCUA_OIDC_CLIENT_SECRET = "test-client", "test-secret"
    settings.MOTCUA_OIDC_ID_CLAIM, settings.MOTCUA_OIDC_REDIRECT_URI = "so_dinh_danh", ""
    settings.MOTCUA_OIDC_ACR_VALUES, settings.MOTCUA_OIDC_TIMEOUT = "", 5
    yield provider
    provider.stop()


def fetch_redirect(url: str) -> str:
    """GET `url` over real HTTP without following redirects; the Location it answers."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        connection.request("GET", f"{parts.path}?{parts.query}")
        response = connection.getresponse()
        response.read()
        assert response.status == 302, response.status
        return response.getheader("Location")
    finally:
        connection.close()


def start_and_authorize(client, next_url: str = "") -> urllib.parse.SplitResult:
    """Our start view → the provider's /authorize → the callback address it sends the browser to."""
    response = client.get("/dang-nhap/vneid/" + (f"?next={next_url}" if next_url else ""))
    assert response.status_code == 302, response.content
    return urllib.parse.urlsplit(fetch_redirect(response["Location"]))


def follow_callback(client, callback: urllib.parse.SplitResult, **override):
    query = dict(urllib.parse.parse_qsl(callback.query))
    query.update(override)
    return client.get(callback.path, query)


# --- Registration with one-time codes: what the SMS stand-in and the mailbox received ---
CODE_RE = re.compile(r"(?<!\d)(\d{6})(?!\d)")
PASSWORD = "Hoa-Sen-2025!"


def register(client, **fields):
    """POST the registration form (the first step: it sends the codes)."""
    data = {
        "kind": "citizen",
        "full_name": "Lê Thị Hoa",
        "email": "",
        "phone": "",
        "id_number": "",
        "tax_code": "",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **fields,
    }
    return client.post("/dang-ky/", data)


def sms_to(gateway, phone: str) -> list[str]:
    return [m["Content"] for m in gateway.messages if m["Phone"] == phone]


def mail_to(address: str) -> list:
    from django.core import mail

    return [m for m in mail.outbox if address in m.to]


def code_in(text: str) -> str:
    found = CODE_RE.search(text)
    assert found, text
    return found.group(1)


def sms_code(gateway, phone: str) -> str:
    return code_in(sms_to(gateway, phone)[-1])


def mail_code(address: str) -> str:
    return code_in(mail_to(address)[-1].body)


def confirm(client, **codes):
    """POST the code page: confirm(client, sms="123456", email="654321")."""
    return client.post("/dang-ky/xac-nhan/", {f"code_{channel}": code for channel, code in codes.items()})


def register_and_confirm(client, gateway=None, **fields):
    """The whole registration: form, codes read from the SMS stand-in and the mailbox, confirmation."""
    response = register(client, **fields)
    assert response.status_code == 302 and response["Location"] == "/dang-ky/xac-nhan/", response.content.decode()
    codes = {}
    if fields.get("phone"):
        codes["sms"] = sms_code(gateway, normalize_phone(fields["phone"]))
    if fields.get("email"):
        codes["email"] = mail_code(fields["email"].lower())
    return confirm(client, **codes)
