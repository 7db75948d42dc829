"""/healthz: 200 when the database answers and a worker beat recently; 503 saying what failed otherwise."""

from datetime import timedelta

import pytest
from django.db import OperationalError, connections
from django.utils import timezone

from motcua.serving.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def beat(seconds_ago: float, worker_id: str = "may-1-100") -> WorkerHeartbeat:
    moment = timezone.now() - timedelta(seconds=seconds_ago)
    return WorkerHeartbeat.objects.create(worker_id=worker_id, host="may-1", pid=100, started_at=moment, beat_at=moment)


def test_a_fresh_heartbeat_and_a_database_that_answers_are_healthy(client):
    beat(3)
    response = client.get("/healthz")
    assert response.status_code == 200
    answer = response.json()
    assert (answer["status"], answer["database"], answer["worker"], answer["errors"]) == ("ok", "ok", "ok", [])
    assert 2 <= answer["worker_heartbeat_age_seconds"] < 30
    assert "no-cache" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]


def test_without_any_heartbeat_the_answer_is_503_naming_the_worker(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    answer = response.json()
    assert (answer["status"], answer["database"], answer["worker"]) == ("error", "ok", "error")
    assert answer["errors"] == ["Không có bộ xử lý nền nào đang chạy (chưa có nhịp nào)."]


def test_a_stale_heartbeat_is_503_with_its_age(client, settings):
    settings.MOTCUA_WORKER_HEARTBEAT_MAX_AGE = 60
    beat(120)
    response = client.get("/healthz")
    assert response.status_code == 503
    answer = response.json()
    assert answer["worker"] == "error" and 119 <= answer["worker_heartbeat_age_seconds"] < 180
    assert "không báo nhịp đã 12" in answer["errors"][0] and "ngưỡng 60 giây" in answer["errors"][0]


def test_the_freshest_of_several_workers_counts(client):
    beat(600, "may-1-100")
    beat(2, "may-2-200")
    assert client.get("/healthz").status_code == 200


def test_a_database_that_does_not_answer_is_503_without_its_error_text(client, monkeypatch, caplog):
    beat(1)

    def refused(*args, **kwargs):
        raise OperationalError(
            'connection to server at "10.0.0.5", port 5432 failed: password authentication failed for user "motcua"'
        )

    monkeypatch.setattr(connections["default"], "cursor", refused)
    response = client.get("/healthz")
    assert response.status_code == 503
    answer = response.json()
    assert (answer["database"], answer["worker"], answer["errors"]) == (
        "error",
        "unknown",
        ["Cơ sở dữ liệu không trả lời."],
    )
    assert "10.0.0.5" not in response.content.decode() and "motcua" not in response.content.decode()
    assert "password authentication failed" in caplog.text  # the operator finds the reason in the log


def test_anyone_may_ask_and_only_reading_is_allowed(client, django_user_model):
    beat(1)
    assert client.get("/healthz").status_code == 200  # no login
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_livez_answers_without_asking_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/livez")
    assert (response.status_code, response.content) == (200, b"ok")
    assert "no-cache" in response["Cache-Control"] and client.post("/livez").status_code == 405
