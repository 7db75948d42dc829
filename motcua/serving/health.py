"""/healthz: is this server able to serve, and is the background work being done? /livez: is this process alive?

200 when a trivial query answers and a worker beat less than MOTCUA_WORKER_HEARTBEAT_MAX_AGE seconds ago; 503
otherwise, saying which failed. /livez answers 200 "ok" without touching the database: a liveness probe restarts a
process that hangs, not one whose database is down; `motcua bench run` uses it as the bare route, the server
stack's own limit (every middleware, no query). Open to anyone (load balancers, monitors): it names no person, no
host, no database error text (those go to the log), and is never cached.
"""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import heartbeat

log = logging.getLogger(__name__)


def check() -> tuple[bool, dict]:
    """(healthy, what to answer)."""
    answer = {"status": "ok", "database": "ok", "worker": "ok", "worker_heartbeat_age_seconds": None, "errors": []}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        age = heartbeat.latest_age()
    except DatabaseError:
        log.exception("/healthz: cơ sở dữ liệu không trả lời")
        answer.update(database="error", worker="unknown")
        answer["errors"].append("Cơ sở dữ liệu không trả lời.")
    else:
        limit = settings.MOTCUA_WORKER_HEARTBEAT_MAX_AGE
        if age is None:
            answer["worker"] = "error"
            answer["errors"].append("Không có bộ xử lý nền nào đang chạy (chưa có nhịp nào).")
        else:
            answer["worker_heartbeat_age_seconds"] = round(age, 1)
            if age > limit:
                answer["worker"] = "error"
                answer["errors"].append(f"Bộ xử lý nền không báo nhịp đã {age:.0f} giây (ngưỡng {limit} giây).")
    healthy = not answer["errors"]
    if not healthy:
        answer["status"] = "error"
    return healthy, answer


@never_cache
@require_safe
def healthz(request):
    healthy, answer = check()
    return JsonResponse(answer, status=200 if healthy else 503, json_dumps_params={"ensure_ascii": False})


@never_cache
@require_safe
def livez(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
