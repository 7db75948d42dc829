"""Fixed-window limits per client address, counted by django-ratelimit in the shared database cache.

    allow(request, "tracking", 10, 60)  # False from the 11th lookup within the minute of this client address

The client address is `clients.client_address` (settings.RATELIMIT_IP_META_KEY), an IPv6 client counted by its /64.
The window is django-ratelimit's: fixed, its edges shifted per key so that not every count restarts at once. Every
server process counts in the same table (CACHES["ratelimit"]), so four workers allow what one would.
"""

from django_ratelimit.core import get_usage


def allow(request, scope: str, limit: int, window_seconds: int) -> bool:
    """Count one more request of `scope` from this client; False once more than `limit` fell in the window."""
    usage = get_usage(request, group=f"motcua:{scope}", key="ip", rate=(limit, window_seconds), increment=True)
    return usage is None or not usage["should_limit"]
