"""Read replicas for the dashboards: reports read from a PostgreSQL standby, everything else from the primary.

`MOTCUA_REPLICA_URL` adds a "replica" database alias (settings.py). `ReplicaRouter` (DATABASE_ROUTERS) then sends a
read to it only inside `from_replica()`, a context variable the report and dashboard views enter through
`@reads_from_replica`; every write goes to "default", inside the context too, and migrations run on "default" only.
Reads stay on "default" for the tables a request reads and then writes (sessions, rate limits, the database cache)
and inside an atomic block on "default" (a transaction reads its own writes).

A replica that cannot be reached is no reason for a dashboard to fail: the first read that cannot connect logs one
warning and the reads go to "default" for `RETRY_SECONDS`, after which the replica is tried again (one info line
when it answers again). A query that fails after the connection was made (the standby stopped mid-request, a
recovery conflict) is not retried: that request fails, the next one falls back.

Without the alias every function here is inert: `from_replica()` does nothing and the router has no opinion.
"""

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import InterfaceError, OperationalError

REPLICA = "replica"
RETRY_SECONDS = 30.0
# Read and then written by the same request, or counted exactly: never from a copy that may lag.
PRIMARY_ONLY = frozenset({"sessions", "ratelimits", "django_cache", "otp_totp", "django_tasks_database"})
SAFE_METHODS = frozenset({"GET", "HEAD"})

log = logging.getLogger(__name__)
_active: ContextVar[bool] = ContextVar("motcua_from_replica", default=False)
_lock = threading.Lock()
_down_until = 0.0  # time.monotonic() before which the replica is not tried again
_down = False


def configured() -> bool:
    return REPLICA in connections.settings


@contextmanager
def from_replica() -> Iterator[None]:
    """Reads inside this block go to the replica (when one is configured and answers); writes never do."""
    if not configured():
        yield
        return
    token = _active.set(True)
    try:
        yield
    finally:
        _active.reset(token)


def reads_from_replica(view: Callable[..., Any]) -> Callable[..., Any]:
    """A read-only page: its GET and HEAD requests read from the replica. The user (and so the session) is loaded
    from "default" first, so a login made a moment ago on the primary is never missed by a lagging replica."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in SAFE_METHODS or not configured():
            return view(request, *args, **kwargs)
        user = getattr(request, "user", None)
        if user is not None:
            user.is_authenticated  # noqa: B018 (evaluates the lazy user outside the replica context)
        with from_replica():
            return view(request, *args, **kwargs)

    return wrapped


def replica_available() -> bool:
    """Connect to the replica if needed; False (one warning per outage) when it cannot be reached."""
    global _down, _down_until
    if _down and time.monotonic() < _down_until:
        return False
    connection = connections[REPLICA]
    try:
        connection.close_if_health_check_failed()
        connection.ensure_connection()
    except (OperationalError, InterfaceError) as error:
        with _lock:
            if not _down:
                log.warning(
                    "read replica unreachable, dashboards read from the primary for now (retry every %ss): %s",
                    int(RETRY_SECONDS),
                    str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__,
                )
            _down, _down_until = True, time.monotonic() + RETRY_SECONDS
        connection.close()
        return False
    if _down:
        with _lock:
            if _down:
                log.info("read replica reachable again, dashboards read from it")
            _down = False
    return True


def reset() -> None:
    """Forget an outage (tests, or an operator's shell after fixing the standby)."""
    global _down, _down_until
    with _lock:
        _down, _down_until = False, 0.0


class ReplicaRouter:
    """Reads inside `from_replica()` to the replica, every write and every migration to "default"."""

    def db_for_read(self, model, **hints):
        if not configured():
            return None
        if not _active.get() or model._meta.app_label in PRIMARY_ONLY or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return REPLICA if replica_available() else DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS if configured() else None

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS if configured() else None
