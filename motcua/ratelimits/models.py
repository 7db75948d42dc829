"""The tables the rate limits and growing delays count in.

- `WindowCount`: one row per limit and client, its count in the current window (`limits.allow`, one statement).
- `CacheEntry`: the shared cache the growing delays count in (CACHES["ratelimit"], `cache.SharedDatabaseCache`). Its
  columns are exactly those `manage.py createcachetable` makes for Django's database cache.

Declaring them as models means `migrate` creates them on SQLite and PostgreSQL alike (nothing to run besides
`make run`/`make test`), and the test database's flush between tests empties them like any other table.
"""

from django.db import models


class WindowCount(models.Model):
    # A keyed hash of the limit's scope and the client address (`limits.key`), never the address itself.
    key = models.CharField(max_length=64, primary_key=True)
    # The end of the window `count` belongs to; indexed for the occasional removal of old rows (in `limits.hit`).
    window_end = models.DateTimeField(db_index=True)
    count = models.IntegerField()

    class Meta:
        db_table = "motcua_ratelimit_window"
        verbose_name = "lượt đếm giới hạn tần suất"
        verbose_name_plural = "lượt đếm giới hạn tần suất"

    def __str__(self) -> str:
        return f"{self.key[:12]}… {self.count}"


class CacheEntry(models.Model):
    cache_key = models.CharField(max_length=255, primary_key=True)
    value = models.TextField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "motcua_ratelimit_cache"
        verbose_name = "bộ đếm giới hạn tần suất"
        verbose_name_plural = "bộ đếm giới hạn tần suất"

    def __str__(self) -> str:
        return self.cache_key
