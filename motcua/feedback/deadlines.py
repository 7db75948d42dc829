"""PAKN deadlines (Decision 766, indicator 5.2; DOMAIN.md 4, 6), in working days of the handling agency's calendar.

Refuse ≤ 2 and first supplement request ≤ 5 from submission; transfer to the competent body ≤ 5 from submission
(Decree 20/2008 Art. 9); answer ≤ 15 from submission or from the (last) transfer; publish ≤ 2 from the answer.
A supplement request does not stop the answer clock, and the sender's supplement does not move any deadline.
"""

from django.db.models import Q
from django.utils import timezone

from motcua.workdays import deadlines
from motcua.workdays.services import calendar_for

from .models import Feedback
from .transitions import ANSWER_CLOCK_RUNS

DAYS = {"refuse": 2, "supplement": 5, "transfer": 5, "answer": 15, "publish": 2}


def due_after(start, days: int, agency):
    return deadlines.due(start, deadlines.Duration(days, deadlines.WORKING_DAYS), calendar_for(agency)).due


def overdue_filter(now=None) -> Q:
    """Open PAKN past the deadline of the step now running."""
    now = now or timezone.now()
    return Q(status=Feedback.Status.ANSWERED, publish_due__lt=now) | Q(status__in=ANSWER_CLOCK_RUNS, answer_due__lt=now)
