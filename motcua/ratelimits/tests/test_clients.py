"""The client address a limit counts by: X-Forwarded-For is believed only from a trusted proxy, read from the right."""

import pytest
from django.test import RequestFactory

from motcua.ratelimits.clients import client_address, client_network

PROXY = "10.0.0.5"


def request(remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/tra-cuu/", **headers)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.MOTCUA_TRUSTED_PROXIES = []
    assert client_address(request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_a_header_from_an_untrusted_address_is_ignored(settings):
    settings.MOTCUA_TRUSTED_PROXIES = [PROXY]
    assert client_address(request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@pytest.mark.parametrize(
    "forwarded, client",
    [
        ("198.51.100.1", "198.51.100.1"),
        # the client wrote the left part; the proxy appended what it saw
        ("1.2.3.4, 198.51.100.1", "198.51.100.1"),
        ("evil, 198.51.100.1", "198.51.100.1"),
        # a second trusted proxy in the chain (a network entry) is skipped
        ("1.2.3.4, 198.51.100.1, 10.1.2.3", "198.51.100.1"),
        ("198.51.100.1:51234", "198.51.100.1"),
        ("[2001:db8::7]:443", "2001:db8::7"),
        ("::ffff:198.51.100.1", "198.51.100.1"),
        # nothing usable where the proxy's entry should be: the proxy itself, the strict choice
        ("", PROXY),
        ("1.2.3.4, garbage", PROXY),
        ("10.1.2.3", PROXY),
    ],
)
def test_from_a_trusted_proxy_the_right_most_untrusted_address_is_the_client(settings, forwarded, client):
    settings.MOTCUA_TRUSTED_PROXIES = [PROXY, "10.1.0.0/16"]
    assert client_address(request(PROXY, forwarded)) == client


def test_a_trusted_proxy_without_the_header_counts_as_itself(settings):
    settings.MOTCUA_TRUSTED_PROXIES = [PROXY]
    assert client_address(request(PROXY)) == PROXY


def test_an_ipv6_client_is_counted_by_its_network(settings):
    settings.MOTCUA_TRUSTED_PROXIES = []
    assert (
        client_network(request("2001:db8:1:2:aaaa::1"))
        == client_network(request("2001:db8:1:2:bbbb::9"))
        == "2001:db8:1:2::"
    )
    assert client_network(request("203.0.113.9")) == "203.0.113.9"


def test_no_remote_address_shares_one_count(settings):
    assert client_address(request("")) == "0.0.0.0"


def test_a_bad_proxy_setting_stops_the_settings_from_loading(monkeypatch):
    import importlib
    import os

    # The module Django was started with, by its name: a foundation's test does not import the wiring above it.
    project_settings = importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
    monkeypatch.setenv("MOTCUA_TRUSTED_PROXIES", "10.0.0.5,not-an-address")
    with pytest.raises(RuntimeError, match="MOTCUA_TRUSTED_PROXIES"):
        importlib.reload(project_settings)
    monkeypatch.delenv("MOTCUA_TRUSTED_PROXIES")
    importlib.reload(project_settings)
