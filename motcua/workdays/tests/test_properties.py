"""Invariants of the deadline engine, checked with hypothesis on the real Vietnamese calendar 2024-2028."""

import datetime as dt
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from motcua.workdays.calendar import TZ
from motcua.workdays.deadlines import Duration, due, receipt_moment
from motcua.workdays.tests.helpers import CAL
from motcua.workdays.working_time import ZERO, working_time_between

SETTINGS = settings(max_examples=200, deadline=None)
BOUNDARIES = [
    dt.time(h, m)
    for h, m in ((0, 0), (7, 29), (7, 30), (11, 30), (12, 0), (13, 0), (15, 0), (15, 1), (17, 0), (23, 59))
]


@st.composite
def moments(draw) -> dt.datetime:
    """Moments from 2024 to mid-2027, often on a session boundary or the cut-off."""
    day = draw(st.dates(dt.date(2024, 1, 1), dt.date(2027, 6, 30)))
    time = draw(st.one_of(st.sampled_from(BOUNDARIES), st.times()))
    return dt.datetime.combine(day, time, tzinfo=TZ)


working_amounts = st.one_of(
    st.integers(0, 60).map(lambda n: Duration(n, "working_days")),
    st.integers(0, 120).map(lambda n: Duration(Fraction(n, 4), "working_days")),
    st.integers(0, 400).map(lambda n: Duration(n, "working_hours")),
)
durations = st.one_of(
    working_amounts,
    st.integers(0, 400).map(lambda n: Duration(n, "days")),
    st.integers(0, 24).map(lambda n: Duration(n, "months")),
    st.just(Duration(0, "within_day")),
)


def inside_office_hours(moment: dt.datetime) -> bool:
    day = moment.date()
    return CAL.is_working_day(day) and any(start <= moment <= end for start, end in CAL.hours.sessions(day))


@SETTINGS
@given(received=moments(), duration=durations)
def test_due_lies_inside_office_hours_of_a_working_day(received, duration):
    result = due(received, duration, CAL)
    assert inside_office_hours(result.due)
    assert result.due >= result.receipt >= received
    assert result.due.utcoffset() == dt.timedelta(hours=7)
    assert all(not CAL.is_working_day(s.date) for s in result.skipped)


@SETTINGS
@given(received=moments())
def test_receipt_is_in_office_hours_no_later_than_the_cut_off(received):
    receipt = receipt_moment(received, CAL)
    assert inside_office_hours(receipt) and receipt.time() <= CAL.hours.cutoff
    assert receipt >= received and receipt_moment(receipt, CAL) == receipt


@SETTINGS
@given(received=moments(), duration=working_amounts)
def test_exactly_the_working_time_elapses(received, duration):
    result = due(received, duration, CAL)
    assert working_time_between(result.receipt, result.due, CAL) == duration.working_time()


@SETTINGS
@given(first=moments(), second=moments(), duration=durations)
def test_due_is_monotonic_in_the_received_moment(first, second, duration):
    first, second = sorted((first, second))
    assert due(first, duration, CAL).due <= due(second, duration, CAL).due


@SETTINGS
@given(
    received=moments(),
    unit=st.sampled_from(["working_days", "working_hours", "days", "months"]),
    amounts=st.tuples(st.integers(0, 40), st.integers(0, 40)),
)
def test_due_is_monotonic_in_the_amount(received, unit, amounts):
    small, large = sorted(amounts)
    assert due(received, Duration(small, unit), CAL).due <= due(received, Duration(large, unit), CAL).due


@SETTINGS
@given(received=moments(), duration=durations, offset=st.floats(-0.2, 1.2), length=st.integers(0, 30 * 24 * 60))
def test_a_pause_moves_the_due_moment_by_exactly_the_paused_working_time(received, duration, offset, length):
    plain = due(received, duration, CAL)
    span = plain.due - plain.receipt
    start = plain.receipt + dt.timedelta(seconds=round(span.total_seconds() * offset))
    end = start + dt.timedelta(minutes=length)
    paused = due(received, duration, CAL, pauses=[(start, end)])
    counted = working_time_between(max(start, paused.receipt), min(end, paused.due), CAL)
    counted = max(counted, ZERO)
    assert working_time_between(plain.due, paused.due, CAL) == counted == paused.paused
    assert paused.due >= plain.due
