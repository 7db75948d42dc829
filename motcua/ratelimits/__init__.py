"""Giới hạn tần suất: the rate limits and growing delays of the public pages, counted where every server process sees
them (docs/security.md, "Rate limits and login throttling").

- `clients.client_address(request)`: the address a limit counts by (REMOTE_ADDR, or X-Forwarded-For when the request
  comes from a proxy listed in MOTCUA_TRUSTED_PROXIES);
- `limits.allow(request, scope, limit, window_seconds)`: a fixed-window limit per client address, one SQL statement
  a request on its own table (`models.WindowCount`);
- `backoff`: failures that make the next attempt wait longer, 1 s, 2 s, 4 s … up to a cap (login, password recovery);
- `cache.SharedDatabaseCache` and `models.CacheEntry`: the database cache the delays are counted in (django-ratelimit).
"""
