"""Real HTTP on 127.0.0.1: the sandbox gateway on a free port calls our live server's IPN; a cookie-keeping client."""

import re
import urllib.error
import urllib.request
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from django.test import Client

from motcua.dossiers.tests import samples
from motcua.gateways.standins import free_port
from motcua.payments.sandbox import SandboxGateway

TMN, SECRET = "TESTTMN1", "test-hash-secret-0123456789"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A browser without JavaScript: keeps cookies, does not follow redirects (tests follow them by hand)."""

    def __init__(self, cookies: dict | None = None):
        self.cookies = dict(cookies or {})
        self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), NoRedirect)

    def open(self, url: str, data: dict | None = None) -> tuple[int, dict, str]:
        request = urllib.request.Request(url, data=urlencode(data).encode() if data is not None else None)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            response = self.opener.open(request, timeout=20)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, dict(response.headers), response.read().decode("utf-8", "replace")

    def bytes(self, url: str) -> tuple[int, bytes]:
        request = urllib.request.Request(url)
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()


def field(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]+)"', html)
    assert match, f"no {name} in page:\n{html[:2000]}"
    return match.group(1)


@pytest.fixture
def gateway(settings, live_server):
    """The sandbox on a free port, its merchant IPN URL set to our live server; our settings pointed at it."""
    sandbox = SandboxGateway(
        free_port(), tmn_code=TMN, secret=SECRET, ipn_url=f"{live_server.url}/thanh-toan/ipn/"
    ).start()
    settings.MOTCUA_VNPAY_URL, settings.MOTCUA_VNPAY_TRANSACTIONS_URL = sandbox.url, sandbox.transactions_url
    settings.MOTCUA_VNPAY_TMN_CODE, settings.MOTCUA_VNPAY_SECRET = TMN, SECRET
    yield sandbox
    sandbox.stop()


@pytest.fixture
def browser_for(live_server):
    """A logged-in browser for a user (session made by Django's test client, used over real HTTP)."""

    def make(user) -> Browser:
        client = Client()
        client.force_login(user)
        return Browser({"sessionid": client.cookies["sessionid"].value})

    return make


@pytest.fixture
def online_dossier(people, five_days, province, applicant):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from motcua.dossiers import lifecycle

    pdf = samples.PDF
    return lifecycle.register(
        actor=people["citizen"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="online",
        applicant_user=people["citizen"],
        uploads=[(line, SimpleUploadedFile("giay-to.pdf", pdf)) for line in five_days.documents.all()],
    )


@pytest.fixture
def pay(live_server, browser_for):
    """The citizen's whole trip: our start page → POST → gateway page → button → back on our return page."""

    def run(dossier, user, choice="pay") -> tuple[str, str]:
        browser = browser_for(user)
        start = f"{live_server.url}/thanh-toan/ho-so/{dossier.code}/"
        status, _, page = browser.open(start)
        assert status == 200, page
        status, headers, _ = browser.open(start, {"csrfmiddlewaretoken": field(page, "csrfmiddlewaretoken")})
        assert status == 302, status
        status, _, page = browser.open(headers["Location"])
        assert status == 200 and "Thanh toán" in page and "Từ chối" in page, page
        status, headers, _ = browser.open(
            headers["Location"].split("?")[0].replace("vpcpay.html", "complete"),
            {"token": field(page, "token"), "choice": choice},
        )
        assert status == 303
        status, _, result = browser.open(headers["Location"])
        return headers["Location"], result

    return run
