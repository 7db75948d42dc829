"""The test authority for signing tests anywhere (registered by the root conftest.py, `pytest_plugins`)."""

import pytest

from motcua.gateways.standins import free_port
from motcua.signing import pki
from motcua.signing.standin import AuthorityServer


@pytest.fixture(scope="module")
def authority():
    """The test authority and its CRL and TSA served on a free port of 127.0.0.1."""
    port = free_port()
    made = pki.Authority(AuthorityServer.urls(port)[0])
    server = AuthorityServer(port, made).start()
    yield made, server
    server.stop()
