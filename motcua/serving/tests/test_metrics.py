"""/metrics: request counters and the task queue for Prometheus, closed to anyone but the scraper."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from motcua.integrations.tasks import send_notice
from motcua.serving.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def value(text: str, name: str) -> float:
    for line in text.splitlines():
        if line.startswith((name + " ", name + "{")):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"{name} not in the metrics")


def scrape(client, **extra):
    return client.get("/metrics", REMOTE_ADDR=extra.pop("REMOTE_ADDR", "127.0.0.1"), **extra)


def test_the_scraper_on_this_machine_reads_requests_and_the_task_queue(client):
    client.get("/thu-tuc/")
    old = send_notice.enqueue(1)
    send_notice.enqueue(2)
    DBTaskResult.objects.filter(pk=old.id).update(enqueued_at=timezone.now() - timedelta(seconds=90))
    WorkerHeartbeat.objects.create(worker_id="w", host="h", pid=1, started_at=timezone.now(), beat_at=timezone.now())
    response = scrape(client)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert value(text, "django_http_requests_total_by_method_total") >= 1
    assert "django_http_requests_latency_seconds_by_view_method" in text
    assert value(text, "motcua_tasks_ready") == 2
    assert value(text, "motcua_tasks_running") == 0
    assert 89 <= value(text, "motcua_task_lag_seconds") < 150
    assert 0 <= value(text, "motcua_worker_heartbeat_age_seconds") < 30


def test_a_deferred_task_waits_from_the_moment_it_fell_due_and_a_future_one_not_at_all(client):
    send_notice.using(run_after=timezone.now() + timedelta(hours=1)).enqueue(1)
    text = scrape(client).content.decode()
    assert value(text, "motcua_tasks_ready") == 0 and value(text, "motcua_task_lag_seconds") == 0
    send_notice.using(run_after=timezone.now() - timedelta(seconds=30)).enqueue(2)
    text = scrape(client).content.decode()
    assert value(text, "motcua_tasks_ready") == 1 and 29 <= value(text, "motcua_task_lag_seconds") < 90
    assert "motcua_worker_heartbeat_age_seconds" not in text  # no worker: no age, rather than a made-up one


def test_the_public_gets_404(client):
    assert scrape(client, REMOTE_ADDR="203.0.113.9").status_code == 404


def test_a_request_forwarded_by_an_untrusted_proxy_on_this_machine_gets_404(client, settings):
    settings.MOTCUA_TRUSTED_PROXIES = []
    assert scrape(client, HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 404
    assert scrape(client, HTTP_X_REAL_IP="203.0.113.9").status_code == 404


def test_behind_a_trusted_proxy_the_forwarded_client_decides(client, settings):
    settings.MOTCUA_TRUSTED_PROXIES = ["127.0.0.1"]
    settings.MOTCUA_METRICS_ALLOWED = ["10.8.0.0/24"]
    assert scrape(client, HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 404
    assert scrape(client, HTTP_X_FORWARDED_FOR="10.8.0.7").status_code == 200
    assert scrape(client).status_code == 404  # the proxy named no client: not let in as the proxy


def test_a_bearer_token_opens_it_from_anywhere_and_a_wrong_one_is_403(client, settings):
    settings.MOTCUA_METRICS_TOKEN = "mã-bí-mật-đủ-dài-0123456789"
    assert (
        scrape(client, REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION="Bearer mã-bí-mật-đủ-dài-0123456789").status_code
        == 200
    )
    assert scrape(client, REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION="Bearer đoán-bừa").status_code == 403
    settings.MOTCUA_METRICS_TOKEN = ""
    assert scrape(client, REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION="Bearer ").status_code == 403


def test_no_proxy_or_browser_keeps_a_copy(client):
    assert "no-cache" in scrape(client)["Cache-Control"]
