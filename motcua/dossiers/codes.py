"""Mã hồ sơ `<receiving agency e-ID>-YYMMDD-NNNN` (TT 01/2018 Art. 19; DOMAIN.md 2.1).

The sequence restarts per agency per day. Concurrent intakes serialise on the (agency, day) row: an UPDATE
… SET last = last + 1 takes the row lock on PostgreSQL and the write lock on SQLite, so no two get one number.
"""
import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import F

from .models import DailySequence


def next_code(agency, day: dt.date) -> str:
    with transaction.atomic():
        updated = DailySequence.objects.filter(agency=agency, day=day).update(last=F("last") + 1)
        if not updated:
            try:
                with transaction.atomic():
                    DailySequence.objects.create(agency=agency, day=day, last=1)
            except IntegrityError:  # another intake created the row first: take the next number after it
                DailySequence.objects.filter(agency=agency, day=day).update(last=F("last") + 1)
        number = DailySequence.objects.filter(agency=agency, day=day).values_list("last", flat=True).get()
    if number > 9999:
        raise ValueError("Đã hết số thứ tự hồ sơ trong ngày (tối đa 9999) của cơ quan này.")
    return f"{agency.code}-{day:%y%m%d}-{number:04d}"
