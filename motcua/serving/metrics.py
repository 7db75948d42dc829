"""/metrics for Prometheus: django-prometheus' request counts and latencies, and the task queue read from the
database at each scrape (ready tasks, the oldest one's wait, running tasks, the worker's heartbeat age).

Closed to the public. A scrape is let in when it carries `Authorization: Bearer <MOTCUA_METRICS_TOKEN>`, or when it
comes straight from an address of MOTCUA_METRICS_ALLOWED (default 127.0.0.1 and ::1). "Straight" matters: behind a
reverse proxy on the same machine every request comes from 127.0.0.1, so a request that names a forwarded client
(X-Forwarded-For, Forwarded, X-Real-IP) is judged by that client, and only when the proxy is trusted
(MOTCUA_TRUSTED_PROXIES); otherwise it is refused. A wrong token is 403; anyone else gets 404, as if nothing
were there.

Several gunicorn workers: each process counts its own requests. `motcua serve` points PROMETHEUS_MULTIPROC_DIR at a
fresh directory, prometheus_client's multiprocess mode writes every worker's counters there, and this view adds
them up, so a scrape sees the whole server whichever worker answers it (docs/serving.md).
"""

import hmac
import ipaddress
import logging
import os
from functools import lru_cache

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Count, Min, Q
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks_db.models import DBTaskResult, get_date_max
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector

from motcua.ratelimits.clients import client_address, is_trusted, parse

from . import heartbeat

log = logging.getLogger(__name__)
FORWARDING_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED", "HTTP_X_REAL_IP")


class TaskQueueCollector:
    """The task queue as the database holds it now: the same for every process that is asked."""

    def collect(self):
        try:
            yield from self._gauges()
        except DatabaseError:
            log.warning("/metrics: không đọc được hàng đợi tác vụ", exc_info=True)

    def _gauges(self):
        never = get_date_max()  # run_after of a task that may run at once
        ready = DBTaskResult.objects.ready().aggregate(
            count=Count("id"),
            enqueued=Min("enqueued_at", filter=Q(run_after=never)),  # waiting since it was written
            due=Min("run_after", filter=~Q(run_after=never)),
        )  # a deferred one: waiting since it fell due
        running = DBTaskResult.objects.running().count()
        waiting_since = min((moment for moment in (ready["enqueued"], ready["due"]) if moment), default=None)
        lag = max(0.0, (timezone.now() - waiting_since).total_seconds()) if waiting_since else 0.0
        yield GaugeMetricFamily(
            "motcua_tasks_ready", "Số tác vụ nền đã đến lượt chạy mà chưa chạy", value=ready["count"]
        )
        yield GaugeMetricFamily("motcua_tasks_running", "Số tác vụ nền đang chạy", value=running)
        yield GaugeMetricFamily(
            "motcua_task_lag_seconds",
            "Thời gian chờ (giây) của tác vụ nền đã đến lượt mà chờ lâu nhất; 0 khi hàng đợi trống",
            value=lag,
        )
        age = heartbeat.latest_age()
        if age is not None:
            yield GaugeMetricFamily(
                "motcua_worker_heartbeat_age_seconds", "Số giây từ nhịp gần nhất của bộ xử lý nền", value=age
            )


class _Together:
    """What generate_latest needs of a registry (`collect`), over several of them."""

    def __init__(self, *collectors):
        self.collectors = collectors

    def collect(self):
        for collector in self.collectors:
            yield from collector.collect()


def request_metrics():
    """This process's registry, or every gunicorn worker's counters added up in multiprocess mode."""
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not directory:
        return REGISTRY
    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=directory)
    return registry


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip())


def access(request) -> str:
    """ "open", "forbidden" (a wrong token) or "hidden"."""
    authorization = request.META.get("HTTP_AUTHORIZATION", "")
    if authorization[:7].lower() == "bearer ":
        token = settings.MOTCUA_METRICS_TOKEN
        given = authorization[7:].strip()
        return "open" if token and hmac.compare_digest(given.encode(), token.encode()) else "forbidden"
    remote = parse(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return "hidden"
    if is_trusted(remote):
        client = parse(client_address(request))
        if client is None or client == remote:  # the proxy named no client: whoever it is, not let in by address
            return "hidden"
    elif any(request.META.get(header) for header in FORWARDING_HEADERS):
        return "hidden"  # an untrusted proxy (or a client pretending): its word counts for nothing
    else:
        client = remote
    allowed = _networks(tuple(settings.MOTCUA_METRICS_ALLOWED))
    return "open" if any(client.version == net.version and client in net for net in allowed) else "hidden"


@never_cache
def metrics(request):
    verdict = access(request)
    if verdict == "forbidden":
        return HttpResponseForbidden("Mã truy cập không đúng.", content_type="text/plain; charset=utf-8")
    if verdict != "open":
        raise Http404
    body = generate_latest(_Together(request_metrics(), TaskQueueCollector()))
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
