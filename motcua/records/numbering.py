"""Codes numbered per day: `<prefix>-YYMMDD-NNNN`, the number restarting each day (and per agency where the counter
row is kept per agency: dossier codes, TT 01/2018 Art. 19; PAKN codes share one counter a day).

The day's number is taken in one statement, `INSERT … ON CONFLICT DO UPDATE SET last = last + 1 RETURNING last`
(PostgreSQL, and SQLite from 3.35): the first intake of a day creates the row, every later one increments it, and
concurrent intakes serialise on that row (PostgreSQL's row lock, SQLite's write lock), so no two get one number. It
was an UPDATE, then on a new day a savepoint, an INSERT and a retry on IntegrityError, then a SELECT of the number:
six statements where one does (issue 15). The row stays locked until the intake commits, so a rolled-back intake
gives its number back (decision 0009); callers take the number as late as they can, just before the row that needs it.

NNNN is at least four digits. The 10,000th of one day is not refused: its number is written with the digits it needs
(`…-260302-10000`), so the code stays unique and nobody is turned away because of a counter (docs/dossiers.md). Six
digits (999,999 a day) is the limit the code columns hold; past it the desk gets a Vietnamese error.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import connections, router

MAX_PER_DAY = 999_999


def next_code(counters, prefix: str, day: dt.date, *, what: str, **scope) -> str:
    """The next `<prefix>-YYMMDD-NNNN` of `day`. `counters` is the model with a row per day (and `scope`, e.g.
    agency=…) and a `last` column, unique on (day, *scope); `what` names the thing numbered past MAX_PER_DAY."""
    number = _increment(counters, {"day": day, **scope})
    if number > MAX_PER_DAY:
        raise ValidationError(f"Đã hết số thứ tự {what} trong ngày (tối đa {MAX_PER_DAY:,}).")
    return f"{prefix}-{day:%y%m%d}-{number:04d}"


def next_number(counters, **key) -> int:
    """The next number of the counter row of `key` (1 for a new row), e.g. a result's number of the year."""
    return _increment(counters, key)


def _increment(counters, key: dict) -> int:
    """`last` of the row of `key` after adding one to it (1 for a new row), in one statement."""
    connection = connections[router.db_for_write(counters)]
    quote = connection.ops.quote_name
    columns, values = [], []
    for name, value in key.items():
        field = counters._meta.get_field(name)
        columns.append(quote(field.column))
        values.append(field.get_db_prep_save(getattr(value, "pk", value), connection))
    table, last = quote(counters._meta.db_table), quote(counters._meta.get_field("last").column)
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}, {last}) VALUES ({', '.join(['%s'] * len(values))}, 1) "
        f"ON CONFLICT ({', '.join(columns)}) DO UPDATE SET {last} = {table}.{last} + 1 RETURNING {last}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        return cursor.fetchone()[0]
