import datetime as dt

from motcua.workdays.calendar import TZ, vn_calendar

CAL = vn_calendar(range(2024, 2029))


def vn(text: str) -> dt.datetime:
    """'2026-02-13 10:00' as a Vietnam-time aware datetime."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=TZ)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
