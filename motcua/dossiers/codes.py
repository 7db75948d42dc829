"""Mã hồ sơ `<receiving agency e-ID>-YYMMDD-NNNN` (TT 01/2018 Art. 19; DOMAIN.md 2.1).

The sequence restarts per agency per day. Concurrent intakes serialise on the (agency, day) row: an UPDATE
… SET last = last + 1 takes the row lock on PostgreSQL and the write lock on SQLite, so no two get one number.

NNNN is at least four digits. The 10,000th dossier of one agency on one day is not refused: its number is written
with the digits it needs (`…-260302-10000`), so the code stays unique and a citizen is never turned away because
of a counter (docs/dossiers.md). Six digits (999,999 a day) is the limit the code column holds.
"""
import datetime as dt

from django.core.exceptions import ValidationError
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
    if number > MAX_PER_DAY:
        raise ValidationError(f"Đã hết số thứ tự hồ sơ trong ngày của cơ quan này (tối đa {MAX_PER_DAY:,}).")
    return f"{agency.code}-{day:%y%m%d}-{number:04d}"


MAX_PER_DAY = 999_999
