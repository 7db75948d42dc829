"""Two server processes on one database count one limit: the tracking page allows 10 lookups a minute per client,
however the lookups are spread over the workers; and behind a trusted proxy each client has its own count.

Real HTTP to two `runserver --noreload` processes (separate memories, like gunicorn's workers) on the test's database:
a migrated SQLite file, or the PostgreSQL test database when the tests run on PostgreSQL.
"""

import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from django.db import connection

from motcua.database_url import database_url as this_database_url
from motcua.gateways.standins import free_port
from motcua.portal.tracking import LOOKUPS_PER_MINUTE

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory):
    """A migrated SQLite file, made once; each test gets its own copy."""
    path = tmp_path_factory.mktemp("shared") / "template.sqlite3"
    done = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "--verbosity", "0"],
        cwd=ROOT,
        env=server_env(f"sqlite:///{path}"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return path


def server_env(database_url: str, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("MOTCUA_TEST_DATABASE", "MOTCUA_TRUSTED_PROXIES")}
    env.update(
        DATABASE_URL=database_url,
        MOTCUA_ENV="development",
        DJANGO_SETTINGS_MODULE="motcua.settings",
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


@pytest.fixture
def database_url(request, tmp_path):
    if connection.vendor == "postgresql":
        request.getfixturevalue("transactional_db")  # the servers' rows are committed; the flush after removes them
        return this_database_url()
    path = tmp_path / "shared.sqlite3"
    shutil.copy(request.getfixturevalue("sqlite_template"), path)
    return f"sqlite:///{path}"


class Servers:
    def __init__(self, database_url: str, log_dir: Path, **extra):
        self.ports, self.processes = [], []
        for n in range(2):
            port = free_port()
            with open(log_dir / f"server-{n}.log", "w") as log:  # the server keeps its own copy of the file
                self.processes.append(
                    subprocess.Popen(
                        [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks", f"127.0.0.1:{port}"],
                        cwd=ROOT,
                        env=server_env(database_url, **extra),
                        stdout=log,
                        stderr=subprocess.STDOUT,
                    )
                )
            self.ports.append(port)
        self.log_dir = log_dir
        for port, process in zip(self.ports, self.processes):
            wait_for(port, process, log_dir)
        self.cookie = self.token = ""

    def stop(self):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()

    def request(self, n: int, method: str, path: str, body: dict | None = None, headers: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.ports[n], timeout=20)
        try:
            all_headers = {"Cookie": f"csrftoken={self.cookie}"} if self.cookie else {}
            data = None
            if body is not None:
                data = urllib.parse.urlencode({**body, "csrfmiddlewaretoken": self.token})
                all_headers["Content-Type"] = "application/x-www-form-urlencoded"
            all_headers.update(headers or {})
            conn.request(method, path, body=data, headers=all_headers)
            response = conn.getresponse()
            return response.status, response.getheader("Set-Cookie") or "", response.read().decode()
        finally:
            conn.close()

    def track(self, n: int, code: str, **headers) -> int:
        if not self.cookie:  # one CSRF cookie, valid on both (same SECRET_KEY)
            _, cookie, _ = self.request(0, "GET", "/tra-cuu/")
            self.cookie = self.token = re.search(r"csrftoken=([^;]+)", cookie).group(1)
        status, _, _ = self.request(n, "POST", "/tra-cuu/", {"ma": code, "xac_minh": "0912345678"}, headers)
        return status


def wait_for(port: int, process, log_dir: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server stopped: {(log_dir / 'server-0.log').read_text()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"the server on port {port} did not start")


@pytest.fixture
def servers(database_url, tmp_path):
    made = []

    def start(**extra):
        made.append(Servers(database_url, tmp_path, **extra))
        return made[-1]

    yield start
    for pair in made:
        pair.stop()


def clear_of_a_window_edge(client: str, period: int = 60, margin: int = 20) -> None:
    """Wait until the fixed minute of `client`'s count has `margin` seconds left: a window that ends mid-test
    would start a fresh count (the limits' windows are fixed, their edges shifted per address)."""
    from motcua.ratelimits.limits import window_end

    now = time.time()
    left = window_end(client, period, now) - now
    if left < margin:  # never negative: on a loaded machine a second may pass between the window's clock and ours
        time.sleep(max(left, 0.0) + 1)


def test_two_server_processes_count_one_tracking_limit(servers):
    pair = servers()
    clear_of_a_window_edge("127.0.0.1")
    # 10 lookups spread over both processes: each one alone would allow 10 more
    statuses = [pair.track(n % 2, f"000.01.01.H44-260302-{n:04d}") for n in range(LOOKUPS_PER_MINUTE)]
    assert statuses == [404] * LOOKUPS_PER_MINUTE
    assert pair.track(0, "000.01.01.H44-260302-0100") == 429
    assert pair.track(1, "000.01.01.H44-260302-0101") == 429
    # a forged X-Forwarded-For does not buy a fresh count: no proxy is trusted
    assert pair.track(1, "000.01.01.H44-260302-0102", **{"X-Forwarded-For": "198.51.100.77"}) == 429


def test_behind_a_trusted_proxy_each_client_has_its_own_count(servers):
    pair = servers(MOTCUA_TRUSTED_PROXIES="127.0.0.1")  # the test plays the proxy
    clear_of_a_window_edge("198.51.100.7")
    first = {"X-Forwarded-For": "1.1.1.1, 198.51.100.7"}  # the client wrote 1.1.1.1; the proxy saw .7
    statuses = [pair.track(n % 2, f"X-{n}", **first) for n in range(LOOKUPS_PER_MINUTE + 1)]
    assert statuses == [404] * LOOKUPS_PER_MINUTE + [429]
    assert pair.track(1, "X-a", **{"X-Forwarded-For": "1.1.1.1, 198.51.100.8"}) == 404  # another client
    assert pair.track(0, "X-b", **{"X-Forwarded-For": "198.51.100.8, 198.51.100.7"}) == 429  # still .7
