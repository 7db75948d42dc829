"""PAKN figures of 766 group 6 (5.1-5.3), read from the PAKN table itself: a province receives thousands of
reports a year, not millions, so they are counted directly (indexed by status and agency) instead of kept in sums."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from motcua.feedback.models import Feedback

from .figures import Period, Scope, day_start, is_live

CLOSED = [Feedback.Status.PUBLISHED, Feedback.Status.REFUSED]
MEASURES = {
    "pakn": "PAKN tiếp nhận trong kỳ",
    "pakn_on_time": "PAKN xử lý đúng hạn",
    "pakn_late": "PAKN xử lý quá hạn",
    "pakn_satisfied": "PAKN được xử lý hài lòng",
    "pakn_procedure": "PAKN về quy định, thủ tục hành chính",
    "pakn_conduct": "PAKN về hành vi cán bộ",
}


@dataclass
class PaknFigures:
    total: int
    on_time: int
    satisfied: int
    procedure: int
    conduct: int


def _judged_at(period: Period, now: dt.datetime) -> dt.datetime:
    """An open PAKN is judged now while the period runs, else at the end of its last day."""
    return now if is_live(period, now) else day_start(period.end + dt.timedelta(days=1))


def feedback_q(scope: Scope, period: Period, measure: str, now: dt.datetime | None = None) -> Q:
    """The PAKN a measure counts: sent in the period to an agency of the scope (the one answering it now)."""
    now = now or timezone.now()
    q = Q(submitted_at__gte=day_start(period.start), submitted_at__lt=day_start(period.end + dt.timedelta(days=1)))
    if scope.agency_ids is not None:
        q &= Q(transferred_to_id__in=scope.agency_ids) | Q(
            transferred_to=None, receiving_agency_id__in=scope.agency_ids
        )
    if measure == "pakn":
        return q
    judged = _judged_at(period, now)
    steps_on_time = (
        ~Q(refuse_on_time=False)
        & ~Q(supplement_on_time=False)
        & ~Q(transfer_on_time=False)
        & ~Q(answer_on_time=False)
        & ~Q(publish_on_time=False)
    )
    open_in_time = Q(status=Feedback.Status.ANSWERED, publish_due__gte=judged) | (
        ~Q(status__in=[*CLOSED, Feedback.Status.ANSWERED]) & Q(answer_due__gte=judged)
    )
    on_time = steps_on_time & (Q(status__in=CLOSED) | open_in_time)
    if measure == "pakn_on_time":
        return q & on_time
    if measure == "pakn_late":
        return q & ~on_time
    if measure == "pakn_satisfied":
        return q & on_time & ~Q(rating=Feedback.Rating.DISSATISFIED)
    if measure == "pakn_conduct":
        return q & Q(classification=Feedback.Classification.CONDUCT)
    if measure == "pakn_procedure":
        return q & ~Q(classification=Feedback.Classification.CONDUCT)
    raise KeyError(measure)


def figures(scope: Scope, period: Period, now: dt.datetime | None = None) -> PaknFigures:
    now = now or timezone.now()
    base = feedback_q(scope, period, "pakn", now)
    counts = {
        name: Count("pk", filter=feedback_q(scope, period, measure, now) if measure != "pakn" else None)
        for name, measure in [
            ("total", "pakn"),
            ("on_time", "pakn_on_time"),
            ("satisfied", "pakn_satisfied"),
            ("procedure", "pakn_procedure"),
            ("conduct", "pakn_conduct"),
        ]
    }
    return PaknFigures(**Feedback.objects.filter(base).aggregate(**counts))


def feedback(scope: Scope, period: Period, measure: str, now: dt.datetime | None = None):
    return Feedback.objects.filter(feedback_q(scope, period, measure, now)).order_by("-submitted_at", "-pk")
