"""Logs are JSON lines; a request logs one line with its id, and the task it enqueued logs the same id when the
worker runs it."""

import io
import json
import logging
import signal

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from motcua.serving import logs
from motcua.serving.logs import JsonFormatter

# The worker checks its connection between tasks, as Django does between requests: outside a test transaction.
worker_db = pytest.mark.django_db(transaction=True)


@pytest.fixture
def lines():
    """Every line the project's logging writes during the test, parsed (the handler the settings configure,
    pointed at a buffer)."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines()]
    root.removeHandler(handler)


def run_worker(verbosity=1):
    """`motcua worker --batch` in this process; its SIGINT/SIGTERM handlers are put back afterwards."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command(
            "worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=verbosity, stdout=io.StringIO()
        )
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def test_a_line_is_one_json_object_with_time_level_logger_message_and_extras():
    record = logging.LogRecord("motcua.x", logging.WARNING, __file__, 1, "Hồ sơ %s\nquá hạn", ("H01",), None)
    record.status = 200
    with logs.bound(request="abc123def456"):
        text = JsonFormatter().format(record)
    assert "\n" not in text
    line = json.loads(text)
    assert line["time"].endswith("+00:00") and "T" in line["time"]
    assert (line["level"], line["logger"], line["message"]) == ("WARNING", "motcua.x", "Hồ sơ H01\nquá hạn")
    assert (line["request_id"], line["status"]) == ("abc123def456", 200)
    assert "Hồ sơ" in text  # readable, not \\u escapes


def test_a_traceback_stays_inside_its_line():
    try:
        raise ValueError("hỏng")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "lỗi", (), __import__("sys").exc_info())
    line = json.loads(JsonFormatter().format(record))
    assert "ValueError: hỏng" in line["exception"]


def test_the_request_object_and_its_query_string_are_not_written(rf):
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/tra-cuu/",), None)
    record.request = rf.get("/tra-cuu/?ma=H01&sdt=0912345678")
    record.status_code = 404
    text = JsonFormatter().format(record)
    assert "0912345678" not in text and json.loads(text)["status_code"] == 404


@pytest.mark.django_db
def test_a_request_logs_one_line_with_its_id_path_status_and_duration(client, lines):
    response = client.get("/thu-tuc/?q=dang+ky+khai+sinh&sdt=0912345678")
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    access = [line for line in lines() if line["logger"] == "motcua.requests"]
    assert len(access) == 1
    line = access[0]
    assert (line["request_id"], line["method"], line["path"], line["status"]) == (request_id, "GET", "/thu-tuc/", 200)
    assert line["message"] == "GET /thu-tuc/ 200" and line["duration_ms"] > 0 and line["level"] == "INFO"
    assert "0912345678" not in json.dumps(lines())


@pytest.mark.django_db
def test_djangos_own_lines_about_a_request_carry_its_id_and_lines_after_it_none(client, lines):
    response = client.get("/khong-co-trang-nay/")
    logging.getLogger("motcua.tests").warning("sau yêu cầu")
    not_found = [line for line in lines() if line["logger"] == "django.request"]
    assert not_found[0]["message"] == "Not Found: /khong-co-trang-nay/"
    assert not_found[0]["request_id"] == response["X-Request-ID"]
    assert "request_id" not in lines()[-1]


@pytest.mark.django_db
def test_each_request_gets_its_own_id(client):
    assert client.get("/healthz")["X-Request-ID"] != client.get("/healthz")["X-Request-ID"]


@pytest.mark.django_db
def test_the_id_of_a_trusted_proxy_is_kept_and_anyone_elses_is_not(client, settings):
    settings.MOTCUA_TRUSTED_PROXIES = ["10.0.0.5"]
    proxied = client.get("/healthz", REMOTE_ADDR="10.0.0.5", HTTP_X_REQUEST_ID="nginx-7f3a9c21")
    assert proxied["X-Request-ID"] == "nginx-7f3a9c21"
    direct = client.get("/healthz", REMOTE_ADDR="203.0.113.9", HTTP_X_REQUEST_ID="nginx-7f3a9c21")
    assert direct["X-Request-ID"] != "nginx-7f3a9c21"
    forged = client.get("/healthz", REMOTE_ADDR="10.0.0.5", HTTP_X_REQUEST_ID='x"}\n{"level": "ERROR"')
    assert len(forged["X-Request-ID"]) == 32  # not a plain token: replaced, never written to the log as sent


@worker_db
@pytest.mark.urls("motcua.serving.tests.urls")
def test_a_task_enqueued_by_a_request_logs_that_requests_id_when_the_worker_runs_it(client, lines):
    response = client.get("/thu/tac-vu/")
    request_id = response["X-Request-ID"]
    by_request = [line for line in lines() if line.get("request_id") == request_id]
    assert [line["message"] for line in by_request] == ["Trang thử xếp một tác vụ", "GET /thu/tac-vu/ 200"]
    row = DBTaskResult.objects.get()
    assert row.args_kwargs == {"args": ["xin chào"], "kwargs": {}, "request_id": request_id}

    run_worker()
    row.refresh_from_db()
    assert row.status == "SUCCESSFUL" and row.return_value == "xin chào"  # the task saw its own arguments only
    in_worker = [line for line in lines() if line.get("task_id") == str(row.id)]
    assert [line["message"] for line in in_worker] == [
        "Tác vụ thử nhận: xin chào",
        "Kết thúc tác vụ motcua.serving.tests.urls.probe: SUCCESSFUL",
    ]
    assert {line["request_id"] for line in in_worker} == {request_id}
    assert in_worker[-1]["duration_ms"] >= 0 and in_worker[-1]["status"] == "SUCCESSFUL"


@worker_db
def test_a_task_enqueued_outside_a_request_has_no_request_id(lines):
    from motcua.serving.tests.urls import probe

    probe.enqueue("không từ yêu cầu nào")
    assert "request_id" not in DBTaskResult.objects.get().args_kwargs
    run_worker(verbosity=2)
    started = [line for line in lines() if line["message"].startswith("Bắt đầu tác vụ")]
    assert len(started) == 1 and "request_id" not in started[0] and started[0]["task_id"]
