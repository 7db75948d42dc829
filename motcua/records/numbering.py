"""Codes numbered per day: `<prefix>-YYMMDD-NNNN`, the number restarting each day (and per agency where the counter
row is kept per agency: dossier codes, TT 01/2018 Art. 19; PAKN codes share one counter a day).

Concurrent intakes serialise on the day's counter row: an UPDATE … SET last = last + 1 takes the row lock on
PostgreSQL and the write lock on SQLite, so no two get one number.

NNNN is at least four digits. The 10,000th of one day is not refused: its number is written with the digits it needs
(`…-260302-10000`), so the code stays unique and nobody is turned away because of a counter (docs/dossiers.md). Six
digits (999,999 a day) is the limit the code columns hold; past it the desk gets a Vietnamese error.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F

MAX_PER_DAY = 999_999


def next_code(counters, prefix: str, day: dt.date, *, what: str, **scope) -> str:
    """The next `<prefix>-YYMMDD-NNNN` of `day`. `counters` is the model with a row per day (and `scope`, e.g.
    agency=…) and a `last` column; `what` names the thing numbered in the error past MAX_PER_DAY."""
    rows = counters.objects.filter(day=day, **scope)
    with transaction.atomic():
        if not rows.update(last=F("last") + 1):
            try:
                with transaction.atomic():
                    counters.objects.create(day=day, last=1, **scope)
            except IntegrityError:  # another intake created the row first: take the next number after it
                rows.update(last=F("last") + 1)
        number = rows.values_list("last", flat=True).get()
    if number > MAX_PER_DAY:
        raise ValidationError(f"Đã hết số thứ tự {what} trong ngày (tối đa {MAX_PER_DAY:,}).")
    return f"{prefix}-{day:%y%m%d}-{number:04d}"
