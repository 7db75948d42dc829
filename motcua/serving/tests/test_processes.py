"""`motcua serve` (gunicorn) and `motcua worker` as real processes: they serve, beat, log JSON lines, and stop
cleanly on SIGTERM (status 0, within seconds, no process left behind).

They run on a SQLite file of their own (the test database lives in this process), whatever DATABASE_URL says.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from motcua.gateways.standins import free_port

CLI = [sys.executable, "-m", "motcua.cli"]
# An idle server stops in 1-3 s; the bound is gunicorn's graceful_timeout (10 s) plus a loaded machine's slack,
# below the 15 s after which `motcua demo serve` would SIGKILL. An idle worker stops at once.
WEB_STOPS_WITHIN, WORKER_STOPS_WITHIN = 13, 8


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Environment of a migrated SQLite database and a static folder of its own."""
    folder = tmp_path_factory.mktemp("serve")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MOTCUA_", "DJANGO_ALLOW", "PROMETHEUS_")) and k not in ("DATABASE_URL", "DEBUG")
    }
    env.update(
        DATABASE_URL=f"sqlite:///{folder / 'site.sqlite3'}",
        STATIC_ROOT=str(folder / "static"),
        MOTCUA_WORKER_HEARTBEAT_SECONDS="0.5",
        LOG_LEVEL="WARNING",
    )
    subprocess.run([*CLI, "migrate", "--no-input", "-v", "0"], env=env, check=True, timeout=180)
    return folder, env


def get(url: str, headers: dict | None = None):
    """(status, headers, body) of a GET, whatever the status."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(urllib.request.Request(url, headers=headers or {}), timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_for(url: str, process: subprocess.Popen, seconds: float = 60, status: int | None = None):
    deadline = time.monotonic() + seconds
    while True:
        assert process.poll() is None, f"the process ended with {process.returncode}"
        try:
            answer = get(url)
            if status is None or answer[0] == status:
                return answer
        except OSError:
            pass
        assert time.monotonic() < deadline, f"{url} did not answer{f' {status}' if status else ''} in time"
        time.sleep(0.2)


def launch(args: list[str], env: dict, log) -> subprocess.Popen:
    return subprocess.Popen([*CLI, *args], env=env, stdout=log, stderr=log, start_new_session=True)


def session_members(sid: int) -> list[int]:
    out = subprocess.run(["ps", "-e", "-o", "pid=,sid=,stat="], capture_output=True, text=True).stdout
    return [
        int(pid)
        for pid, session, stat in (line.split()[:3] for line in out.splitlines())
        if int(session) == sid and not stat.startswith("Z")
    ]


def stop_with_sigterm(process: subprocess.Popen, seconds: float) -> float:
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=seconds)
    return time.monotonic() - started


def kill_if_running(*processes):
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def heartbeats(folder) -> list[tuple]:
    with sqlite3.connect(folder / "site.sqlite3") as db:
        return db.execute("SELECT worker_id, pid FROM serving_workerheartbeat").fetchall()


def json_lines(path) -> list[dict]:
    lines = []
    for text in path.read_text().splitlines():
        if text.startswith("{"):
            lines.append(json.loads(text))  # a line that starts as JSON must be JSON, whole
    return lines


def test_serve_and_worker_answer_healthy_serve_static_files_and_stop_on_sigterm(site, tmp_path):
    folder, env = site
    env = {**env, "TMPDIR": str(tmp_path)}  # where `motcua serve` makes its metrics folder
    port = free_port()
    worker_log, web_log = tmp_path / "worker.log", tmp_path / "web.log"
    with open(worker_log, "w") as wlog, open(web_log, "w") as slog:
        worker = launch(["worker", "--interval", "0.2"], env, wlog)
        web = launch(["serve", "--port", str(port), "--workers", "2"], env, slog)
        try:
            status, headers, body = wait_for(f"http://127.0.0.1:{port}/healthz", web, status=200)
            answer = json.loads(body)
            assert (answer["database"], answer["worker"]) == ("ok", "ok")
            assert [pid for _, pid in heartbeats(folder)] == [worker.pid]

            status, headers, body = get(f"http://127.0.0.1:{port}/static/motcua/site.css")  # WhiteNoise
            assert status == 200 and headers["Content-Type"].startswith("text/css") and b"{" in body
            assert (folder / "static" / "motcua" / "site.css").exists()  # collected by `motcua serve`

            ids = {get(f"http://127.0.0.1:{port}/thu-tuc/?sdt=0912345678")[1]["X-Request-ID"] for _ in range(6)}
            status, _, body = get(f"http://127.0.0.1:{port}/metrics")
            assert status == 200
            text = body.decode()
            assert "motcua_tasks_ready 0.0" in text and "motcua_worker_heartbeat_age_seconds" in text
            total = sum(
                float(line.rsplit(" ", 1)[1])
                for line in text.splitlines()
                if line.startswith('django_http_requests_total_by_method_total{method="GET"}')
            )
            assert total >= 6 + 2, text  # every worker's requests, added up (prometheus multiprocess mode)
            assert get(f"http://127.0.0.1:{port}/metrics", {"X-Forwarded-For": "203.0.113.9"})[0] == 404

            gunicorn = session_members(web.pid)
            assert web.pid in gunicorn and len(gunicorn) == 3  # the master (this very process, exec'd) and 2 workers
            assert stop_with_sigterm(web, 20) < WEB_STOPS_WITHIN and web.returncode == 0
            time.sleep(0.3)
            assert session_members(web.pid) == []

            assert stop_with_sigterm(worker, 15) < WORKER_STOPS_WITHIN and worker.returncode == 0
            assert session_members(worker.pid) == [] and heartbeats(folder) == []
        finally:
            kill_if_running(web, worker)

    web_lines = json_lines(web_log)
    access = [line for line in web_lines if line["logger"] == "motcua.requests" and line["path"] == "/thu-tuc/"]
    assert {line["request_id"] for line in access} == ids and all(line["status"] == 200 for line in access)
    assert "0912345678" not in web_log.read_text()
    assert any(line["logger"] == "gunicorn.error" and "Listening at" in line["message"] for line in web_lines)
    assert not list(tmp_path.glob("motcua-metrics-*"))  # removed when gunicorn exits


def test_a_database_that_is_down_makes_healthz_503(site, tmp_path):
    _folder, env = site
    port, nowhere = free_port(), free_port()
    env = {**env, "DATABASE_URL": f"postgres://motcua:motcua@127.0.0.1:{nowhere}/motcua"}
    with open(tmp_path / "web.log", "w") as log:
        web = launch(["serve", "--port", str(port), "--workers", "1", "--no-collectstatic"], env, log)
        try:
            status, _, body = wait_for(f"http://127.0.0.1:{port}/healthz", web)
            assert status == 503
            assert json.loads(body)["database"] == "error" and str(nowhere).encode() not in body
            assert stop_with_sigterm(web, 20) < WEB_STOPS_WITHIN and web.returncode == 0
        finally:
            kill_if_running(web)
    assert any("/healthz" in line["message"] and line["level"] == "ERROR" for line in json_lines(tmp_path / "web.log"))


def test_the_worker_stops_on_sigterm_even_in_the_middle_of_its_sleep(site, tmp_path):
    folder, env = site
    with open(tmp_path / "worker.log", "w") as log:
        worker = launch(["worker", "--interval", "30"], env, log)
        try:
            deadline = time.monotonic() + 60
            while not heartbeats(folder):
                assert worker.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
            assert stop_with_sigterm(worker, 15) < WORKER_STOPS_WITHIN and worker.returncode == 0
        finally:
            kill_if_running(worker)
    assert heartbeats(folder) == []
