"""The OpenID provider stand-in on a free port of 127.0.0.1, with the project's OIDC settings pointed at it."""
import http.client
import urllib.parse

import pytest

from motcua.accounts.oidc_standin import StandinProvider
from motcua.integrations.tests.fixtures import free_port


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
