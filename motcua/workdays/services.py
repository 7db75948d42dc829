"""Calendars for the rest of motcua: the `holidays` package + VN_OVERRIDES + the override table, per agency hours.

The day data is built once per process and reused. It is dropped when a CalendarOverride is saved or deleted
(signals, this process) and whenever the table's fingerprint (row count, last update) changes, which one small
query per call checks: so other processes, and rolled-back transactions in tests, never see a stale calendar.
"""

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Count, Max
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from motcua.workdays.calendar import Calendar, CalendarError, OfficeHours, vn_calendar
from motcua.workdays.models import CalendarOverride

log = logging.getLogger(__name__)

HOUR_FIELDS = ("morning_start", "morning_end", "afternoon_start", "afternoon_end", "cutoff")

_lock = threading.Lock()
_cached: tuple[object, Calendar] | None = None  # (fingerprint, calendar with default hours)
_NOT_PINNED = object()
_pinned: ContextVar = ContextVar("motcua_calendar_pinned", default=_NOT_PINNED)  # one_calendar()'s memo


def _fingerprint() -> tuple:
    row = CalendarOverride.objects.aggregate(count=Count("id"), last=Max("updated"))
    return row["count"], row["last"]


def _build() -> Calendar:
    today = timezone.localdate()
    overrides = [row.to_override() for row in CalendarOverride.objects.all()]
    return vn_calendar(range(today.year - 1, today.year + 3), overrides)


@contextmanager
def one_calendar() -> Iterator[None]:
    """Within the block, the override table is checked once: an action that counts several deadlines (a receipt
    counts four) asks once, not at each (issue 15). A memo of one call, never shared between requests or processes."""
    token = _pinned.set(None)
    try:
        yield
    finally:
        _pinned.reset(token)


def base_calendar() -> Calendar:
    """The calendar with default office hours (07:30-11:30, 13:00-17:00, cut-off 15:00)."""
    pinned = _pinned.get()
    if pinned is not _NOT_PINNED:
        if pinned is None:
            pinned = _fresh_calendar()
            _pinned.set(pinned)
        return pinned
    return _fresh_calendar()


def _fresh_calendar() -> Calendar:
    global _cached
    fingerprint = _fingerprint()
    cached = _cached
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    with _lock:
        if _cached is None or _cached[0] != fingerprint:
            _cached = (fingerprint, _build())
        return _cached[1]


def office_hours(agency=None) -> OfficeHours:
    """Giờ làm việc của cơ quan: the agency's TimeFields, each missing one taken from the defaults."""
    defaults = OfficeHours()
    if agency is None:
        return defaults
    values = {}
    for name in HOUR_FIELDS:
        value = getattr(agency, name, None)
        values[name] = getattr(defaults, name) if value is None else value
    try:
        return OfficeHours(**values)
    except CalendarError:
        log.warning("Giờ làm việc của cơ quan %s không hợp lệ; dùng giờ mặc định.", getattr(agency, "code", agency))
        return defaults


def calendar_for(agency=None) -> Calendar:
    """Lịch làm việc dùng để tính hạn: for `agency` (its office hours) or, without one, the default hours."""
    base = base_calendar()
    hours = office_hours(agency)
    return base if hours == base.hours else base.with_hours(hours)


def clear_cache() -> None:
    global _cached
    with _lock:
        _cached = None


@receiver(post_save, sender=CalendarOverride, dispatch_uid="workdays_override_saved")
@receiver(post_delete, sender=CalendarOverride, dispatch_uid="workdays_override_deleted")
def _override_changed(**kwargs) -> None:
    clear_cache()
