"""The table of the shared cache the rate limits count in (CACHES["ratelimit"], `cache.SharedDatabaseCache`).

Its columns are exactly those `manage.py createcachetable` makes for Django's database cache. Declaring it as a model
means `migrate` creates it on SQLite and PostgreSQL alike (nothing to run besides `make run`/`make test`), and the
test database's flush between tests empties it like any other table.
"""

from django.db import models


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
