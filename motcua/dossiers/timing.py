"""Deadlines of a dossier, from its procedure version's processing time and the agency's calendar.

Steps share the procedure's working time: processing 70%, approval 20%, return 10% (cumulative from the receipt
moment), so every step has a deadline the control sheet (form 06) can judge. See docs/dossiers.md.
"""

import datetime as dt
from decimal import Decimal

from motcua.workdays.calendar import local
from motcua.workdays.deadlines import Duration, due, receipt_moment
from motcua.workdays.services import calendar_for
from motcua.workdays.working_time import working_time_between

from .states import Outcome

UNIT_MAP = {
    "working_days": "working_days",
    "working_hours": "working_hours",
    "hours": "working_hours",
    "days": "days",
    "months": "months",
    "within_day": "within_day",
}
STEP_SHARES = {"process": Decimal("0.7"), "approve": Decimal("0.9"), "return": Decimal("1")}


def processing_duration(version, channel: str) -> Duration | None:
    """The time the procedure allows on this channel (falling back to any channel that states one)."""
    rows = sorted(version.channels.all(), key=lambda row: row.kind != channel)
    for row in rows:
        if row.unit == "within_day":
            return Duration(1, "within_day")
        if row.unit in UNIT_MAP and row.amount:
            if row.unit == "years":
                return Duration(int(row.amount * 12), "months")
            return Duration(row.amount, UNIT_MAP[row.unit])
    return None


def receipt(agency, at: dt.datetime) -> dt.datetime:
    return receipt_moment(at, calendar_for(agency))


def due_from(agency, start: dt.datetime, duration: Duration, pauses=()):
    """The Due (moment, skipped days, explanation) of `duration` counted from `start` at this agency."""
    return due(start, duration, calendar_for(agency), pauses=pauses)


def share_deadline(agency, clock_start: dt.datetime, due_at: dt.datetime, kind: str) -> dt.datetime:
    share = STEP_SHARES.get(kind)
    if share is None or share == 1:
        return due_at
    calendar = calendar_for(agency)
    total = working_time_between(clock_start, due_at, calendar)
    hours = Decimal(total.total_seconds()) / 3600 * share
    return due(clock_start, Duration(hours.quantize(Decimal("0.01")), "working_hours"), calendar).due


def after_working_days(agency, start: dt.datetime, days) -> dt.datetime:
    return due(start, Duration(Decimal(str(days)), "working_days"), calendar_for(agency)).due


def judge(finished: dt.datetime, deadline: dt.datetime | None) -> str:
    """Trước hạn: finished on an earlier day than the deadline's; đúng hạn: that day, by the deadline; else quá hạn."""
    if deadline is None:
        return ""
    if finished > deadline:
        return Outcome.LATE
    return Outcome.EARLY if local(finished).date() < local(deadline).date() else Outcome.ON_TIME
