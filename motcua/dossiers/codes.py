"""Mã hồ sơ `<receiving agency e-ID>-YYMMDD-NNNN` (TT 01/2018 Art. 19; DOMAIN.md 2.1): one counter per agency per
day; the numbering rule (at least four digits, never refused before 999,999) is motcua.records.numbering's."""

import datetime as dt

from motcua.records import numbering

from .models import DailySequence

MAX_PER_DAY = numbering.MAX_PER_DAY


def next_code(agency, day: dt.date) -> str:
    return numbering.next_code(DailySequence, agency.code, day, what="hồ sơ", agency=agency)
