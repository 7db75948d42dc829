"""The DVCQG stand-in, running on a free port of 127.0.0.1 for one test, with the settings pointing at it."""

import threading

import pytest

from motcua.gateways.standins import free_port
from motcua.national.standin import StandinPortal


@pytest.fixture
def portal(settings, tmp_path):
    server = StandinPortal(free_port())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.MOTCUA_DVCQG_URL = server.url + "/relay"
    settings.MOTCUA_DVCQG_TRANSPORT = "relay"
    settings.MOTCUA_DVCQG_TIMEOUT_SECONDS = 0.5
    settings.MOTCUA_DVCQG_RETRY_SECONDS = 0
    settings.MOTCUA_DVCQG_LEASE_SECONDS = 30
    settings.MOTCUA_DVCQG_FILE_BASE_URL = "http://127.0.0.1:8000"
    settings.MEDIA_ROOT = tmp_path
    yield server
    server.shutdown()
    server.server_close()


def use_adapter(settings, server: StandinPortal) -> None:
    settings.MOTCUA_DVCQG_URL = server.url
    settings.MOTCUA_DVCQG_TRANSPORT = "adapter"
