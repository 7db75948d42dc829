"""Mã yêu cầu (request id) of every request, and its one access log line.

The id comes from the `X-Request-ID` header only when the request arrives from a trusted reverse proxy
(MOTCUA_TRUSTED_PROXIES, the proxies the rate limits also believe) and the value is a plain token; otherwise it is
generated here. It is answered in the `X-Request-ID` response header (a citizen can quote it to the help desk), set
for every line logged during the request, and stored with each task the request enqueues (`motcua.serving.taskcontext`).

The access line is written when the response is ready: method, path (never the query string, where phone and ID
numbers travel), status and duration. Static files, /healthz and /metrics are logged at DEBUG unless they fail:
a load balancer asking every few seconds should not bury the lines people need.
"""

import logging
import re
import time
import uuid

from django.conf import settings

from motcua.ratelimits.clients import is_trusted, parse

from . import logs

access = logging.getLogger("motcua.requests")
HEADER = "X-Request-ID"
_PLAIN = re.compile(r"[A-Za-z0-9._:-]{8,64}\Z")


def incoming_id(request) -> str:
    """The proxy's id when a trusted proxy sent a plain one, else a new one (32 hexadecimal digits)."""
    proposed = request.headers.get(HEADER, "")
    remote = parse(request.META.get("REMOTE_ADDR", ""))
    if proposed and remote is not None and is_trusted(remote) and _PLAIN.match(proposed):
        return proposed
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """First in MIDDLEWARE: every other middleware's log lines carry the id, and the duration covers them all."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.quiet = tuple(p for p in (settings.STATIC_URL, "/healthz", "/metrics") if p)

    def __call__(self, request):
        request.request_id = incoming_id(request)
        started = time.perf_counter()
        # Bound until the response is closed (`forget_request`), not only until it leaves here: Django logs its
        # "Not Found" and 5xx lines after the middleware, and they belong to this request too.
        logs.request_id.set(request.request_id)
        response = self.get_response(request)  # Django turns exceptions into responses below this middleware
        response.headers[HEADER] = request.request_id
        duration = round((time.perf_counter() - started) * 1000, 1)
        level = logging.DEBUG if request.path.startswith(self.quiet) and response.status_code < 400 else logging.INFO
        access.log(
            level,
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration,
            },
        )
        return response


def forget_request(**kwargs) -> None:
    """`request_finished`: the response is closed; lines logged from now on belong to no request."""
    logs.request_id.set(None)
