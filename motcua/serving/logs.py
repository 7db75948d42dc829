"""Log lines as JSON objects, one per line, carrying the id of the request that caused them (docs/serving.md).

    {"time": "2026-03-02T02:15:04.120+00:00", "level": "INFO", "logger": "motcua.requests",
     "message": "GET /thu-tuc/ 200", "request_id": "5f0c…", "method": "GET", "path": "/thu-tuc/", "status": 200,
     "duration_ms": 41.7}

The request id lives in a context variable: the request middleware sets it for the request, the task worker sets it
for a task enqueued during that request (`motcua worker`), and every line logged meanwhile carries it. Fields passed
with `extra=` are written as they are. No Django import here: gunicorn's master process formats its own lines with
this class before any Django setting is read.
"""

import contextlib
import contextvars
import json
import logging
from datetime import UTC, datetime

request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("motcua_request_id", default=None)
task_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("motcua_task_id", default=None)

# What every LogRecord has; any other attribute came from `extra=` and becomes a field of the line.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}
# Django passes the request object (its repr holds the query string, where phone and ID numbers travel) and
# runserver the socket: neither is written.
_DROPPED = {"request", "socket"}


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time (ISO 8601, UTC), level, logger, message, request_id and task_id when set,
    the `extra=` fields, and the traceback as `exception`. Text stays readable (UTF-8, not \\u escapes)."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if current := request_id.get():
            line["request_id"] = current
        if current := task_id.get():
            line["task_id"] = current
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in _DROPPED and not key.startswith("_"):
                line.setdefault(key, value)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False, default=str)


@contextlib.contextmanager
def bound(*, request: str | None, task: str | None = None):
    """Lines logged inside the block carry `request` (and `task`) as their ids."""
    tokens = request_id.set(request), task_id.set(task)
    try:
        yield
    finally:
        task_id.reset(tokens[1])
        request_id.reset(tokens[0])
