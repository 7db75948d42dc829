"""Fixed-window limits per client address, one SQL statement a request.

    allow(request, "tracking", 10, 60)  # False from the 11th lookup within the minute of this client address

The client address is `clients.client_network`: `client_address` (trusted proxies), an IPv6 client counted by its /64.
Each limit and client has one row in `WindowCount`, raised by a single `INSERT … ON CONFLICT DO UPDATE … RETURNING`
(PostgreSQL, and SQLite from 3.35): the row is created, raised, or started afresh when its window has ended, and the
new count read back, atomically, whatever the number of server processes counting at once. It runs in autocommit or
in the caller's transaction; in a transaction the row stays locked until it ends, so keep it short.

Django's database cache, which django-ratelimit counted in before, spent five statements on a client's first request
in a window (a COUNT(*) of the whole table to decide on culling, BEGIN, a read, an insert, COMMIT) and nine on each
later one (the same up to an insert that fails, ROLLBACK, then the increment's BEGIN, read, UPDATE, COMMIT), the
COUNT growing with every client address seen that day.

The window is fixed, its edges shifted per client address so that not every count restarts at the same moment; the
shift is django-ratelimit's (crc32 of the address modulo the window), so the edges stayed where they were when the
counting moved here (tests/test_two_servers.py waits for them with `window_end`).

The row is stored under a keyed hash (HMAC-SHA256 with SECRET_KEY) of the scope and the address, never the address:
a plain hash of an IPv4 address is undone by hashing all 2^32 of them.

Old rows: a row whose window has ended is dead (its next use starts at 1), but nothing else removes it, so one call
in PURGE_ONE_IN deletes up to PURGE_BATCH rows whose window ended more than a day ago, found through the index on
`window_end`; no statement here ever counts the table. Done here rather than in the daily timer (docs/deploy.md) so
that a server without that timer does not grow the table; the day of margin keeps any count a server with a slow clock
may still be using. The batch is twice the most rows PURGE_ONE_IN calls can create, so removal keeps up.
"""

import random
import time
import zlib
from datetime import UTC, datetime, timedelta

from django.db import connections, router
from django.utils.crypto import salted_hmac

from .clients import client_network
from .models import WindowCount

PURGE_ONE_IN = 1000
PURGE_BATCH = 2 * PURGE_ONE_IN
PURGE_AFTER = timedelta(days=1)


def _now() -> float:
    return time.time()


def _purge_due() -> bool:
    return random.randrange(PURGE_ONE_IN) == 0


def key(scope: str, address: str) -> str:
    return salted_hmac("motcua.ratelimits.limits", f"{scope} {address}", algorithm="sha256").hexdigest()


def window_end(address: str, window_seconds: int, now: float) -> int:
    """The end (seconds since the epoch) of the window of `address` that `now` falls in; the window is the
    `window_seconds` up to and including its end."""
    moment = int(now)
    end = moment - moment % window_seconds + zlib.crc32(address.encode()) % window_seconds
    return end + window_seconds if end < moment else end


def hit(request, scope: str, window_seconds: int) -> int:
    """Count one more request of `scope` from this client; the count in the current window, this one included."""
    address = client_network(request)
    now = _now()
    end = datetime.fromtimestamp(window_end(address, window_seconds, now), tz=UTC)
    connection = connections[router.db_for_write(WindowCount)]
    quote = connection.ops.quote_name
    table, pk, ends, count = (quote(name) for name in (WindowCount._meta.db_table, "key", "window_end", "count"))
    with connection.cursor() as cursor:
        # SET reads the row as it was, so `count` is compared with the old window's end before that is replaced.
        cursor.execute(
            f"INSERT INTO {table} ({pk}, {ends}, {count}) VALUES (%s, %s, 1) ON CONFLICT ({pk}) DO UPDATE SET "
            f"{count} = CASE WHEN {table}.{ends} = excluded.{ends} THEN {table}.{count} + 1 ELSE 1 END, "
            f"{ends} = excluded.{ends} RETURNING {count}",
            [key(scope, address), connection.ops.adapt_datetimefield_value(end)],
        )
        (counted,) = cursor.fetchone()
        if _purge_due():
            before = datetime.fromtimestamp(now, tz=UTC) - PURGE_AFTER
            # A bounded batch: one call never pays for a backlog. IN (… LIMIT) because DELETE has no LIMIT on
            # PostgreSQL.
            cursor.execute(
                f"DELETE FROM {table} WHERE {pk} IN (SELECT {pk} FROM {table} WHERE {ends} < %s LIMIT {PURGE_BATCH})",
                [connection.ops.adapt_datetimefield_value(before)],
            )
    return counted


def allow(request, scope: str, limit: int, window_seconds: int) -> bool:
    """Count one more request of `scope` from this client; False once more than `limit` fell in the window."""
    return hit(request, scope, window_seconds) <= limit
