"""The test authority for signing tests anywhere (registered by the root conftest.py, `pytest_plugins`)."""

import pytest

from motcua.gateways.standins import free_port
from motcua.signing import pki
from motcua.signing.standin import AuthorityServer

LEADER, AGENCY, TITLE = "Nguyễn Văn Lãnh", "UBND phường Việt Trì", "Chủ tịch"


@pytest.fixture(scope="module")
def authority():
    """The test authority and its CRL and TSA served on a free port of 127.0.0.1."""
    port = free_port()
    made = pki.Authority(AuthorityServer.urls(port)[0])
    server = AuthorityServer(port, made).start()
    yield made, server
    server.stop()


@pytest.fixture(scope="module")
def signers(authority):
    """The certificates an issued result is signed with: the leader's (a person, with a title) and the seal's."""
    made, _ = authority
    return {"leader": made.issue(LEADER, AGENCY, title=TITLE), "seal": made.issue(AGENCY, AGENCY)}
