"""Django's database cache, made fit to count in (CACHES["ratelimit"]): the growing delays of `backoff` count here;
the limits of `limits.allow` have their own table and one statement (`models.WindowCount`).

Two changes to `django.core.cache.backends.db.DatabaseCache`, both about counting:
- `incr` (and so `decr`) is atomic: the row is locked (SELECT … FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE
  transactions take the write lock at BEGIN), read and rewritten in one transaction. Django's own reads and writes
  separately, so two workers counting at once lose a count; that is why django-ratelimit's system check refuses
  `DatabaseCache` (E003, "does not support atomic increment").
- culling removes expired rows only. Django's drops a third of the table, live rows included, once it holds more
  than MAX_ENTRIES: anyone able to create keys (a new login name per attempt) could wipe the counts of others.
  Every key here expires within a day or two, so the table stays as large as the traffic of that time.
"""

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, models, router, transaction
from django.utils.timezone import now as tz_now


class SharedDatabaseCache(DatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table = quote(self._table)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote('value')}, {quote('expires')} FROM {table} WHERE {quote('cache_key')} = %s{lock}", [key]
            )
            row = cursor.fetchone()
            if row is None or self._expires(connection, row[1]) < tz_now():
                raise ValueError(f"Key '{key}' not found.")
            value = pickle.loads(base64.b64decode(connection.ops.process_clob(row[0]).encode())) + delta
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(f"UPDATE {table} SET {quote('value')} = %s WHERE {quote('cache_key')} = %s", [encoded, key])
        return value

    @staticmethod
    def _expires(connection, value):
        expression = models.Expression(output_field=models.DateTimeField())
        for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(connection):
            value = converter(value, expression, connection)
        return value

    def _cull(self, db, cursor, now, num):
        connection = connections[db]
        cursor.execute(
            f"DELETE FROM {connection.ops.quote_name(self._table)} WHERE {connection.ops.quote_name('expires')} < %s",
            [connection.ops.adapt_datetimefield_value(now)],
        )
