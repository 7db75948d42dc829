"""A fixed-window counter per client in Django's cache: enough to stop guessing dossier codes at the tracking page.

With several server processes, point CACHES at a shared cache (database or Redis) so the limit holds across them.
"""
from django.core.cache import cache


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def allow(request, scope: str, limit: int, window_seconds: int) -> bool:
    key = f"ratelimit:{scope}:{client_ip(request)}"
    if cache.add(key, 1, timeout=window_seconds):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return True
