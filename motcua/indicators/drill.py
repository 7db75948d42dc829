"""Drill-down: the dossiers behind each figure, selected by the same facts that were summed (DESIGN.md principle 5).

`dossiers(scope, period, measure)` returns exactly the dossiers a figure of `figures.Totals` counts, so a list's
count equals the number it was opened from; the tests check every measure against the sums.
"""

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from motcua.dossiers.models import Dossier
from motcua.dossiers.states import Channel, Outcome

from .facts import FLAGS
from .figures import Period, Scope, day_start, is_live
from .models import DossierFacts

MEASURES = {
    "received": "Tiếp nhận trong kỳ",
    "received_online": "Tiếp nhận trực tuyến",
    "received_direct": "Tiếp nhận trực tiếp",
    "received_postal": "Tiếp nhận qua bưu chính",
    "fee_bearing": "Có nghĩa vụ tài chính",
    "paid_online": "Thanh toán trực tuyến",
    "digitised": "Được số hóa",
    "reused": "Tái sử dụng dữ liệu số hóa",
    "citizen_data": "Khai thác dữ liệu dân cư (VNeID)",
    "resulted": "Có kết quả giải quyết",
    "e_result": "Có kết quả điện tử",
    "synced": "Đã đồng bộ lên Cổng DVCQG",
    "unsynced": "Chưa đồng bộ lên Cổng DVCQG",
    "supplemented": "Phải bổ sung",
    "finished_early": "Giải quyết trước hạn",
    "finished_on_time": "Giải quyết đúng hạn",
    "finished_late": "Giải quyết quá hạn",
    "finished": "Đã giải quyết",
    "resolved": "Có kết quả",
    "refused": "Từ chối giải quyết",
    "stopped": "Dừng xử lý",
    "withdrawn": "Công dân rút hồ sơ",
    "returned": "Đã trả kết quả",
    "rated": "Được đánh giá",
    "disliked": "Không hài lòng",
    "carried_over": "Kỳ trước chuyển sang",
    "open_end": "Đang giải quyết",
    "open_within": "Đang giải quyết trong hạn",
    "open_overdue": "Đang giải quyết quá hạn",
    "handled": "Hồ sơ xử lý trong kỳ (766, 2.1)",
    "early_or_on_time": "Trước hạn, đúng hạn, trong hạn (766, 2.1)",
    "late": "Quá hạn (766, 2.1)",
}
OUTCOMES = {
    "finished_early": [Outcome.EARLY],
    "finished_on_time": [Outcome.ON_TIME],
    "finished_late": [Outcome.LATE],
    "finished": [Outcome.EARLY, Outcome.ON_TIME, Outcome.LATE],
}


def facts_q(period: Period, measure: str, now: dt.datetime | None = None) -> Q:
    """The facts that `measure` counts in `period` (see figures.Totals)."""
    now = now or timezone.now()
    span = (period.start, period.end)
    received = Q(received_on__range=span)
    if measure == "received":
        return received
    if measure.startswith("received_"):
        return received & Q(channel=Channel(measure.removeprefix("received_")))
    if measure in FLAGS:
        return received & Q(**{measure: True})
    if measure == "unsynced":
        return received & Q(synced=False)
    if measure == "supplemented":
        return received & Q(supplement_requests__gt=0)
    if measure in OUTCOMES:
        return Q(finished_on__range=span, outcome__in=OUTCOMES[measure])
    if measure in ("resolved", "refused", "stopped", "withdrawn"):
        return Q(finished_on__range=span, finish_kind=measure)
    if measure == "returned":
        return Q(returned_on__range=span)
    if measure in ("rated", "disliked"):
        return Q(rated_on__range=span) & (Q(disliked=True) if measure == "disliked" else Q())
    if measure == "carried_over":
        return Q(received_on__lt=period.start) & (Q(finished_on=None) | Q(finished_on__gte=period.start))
    open_end = Q(received_on__lte=period.end) & (Q(finished_on=None) | Q(finished_on__gt=period.end))
    after_end = day_start(period.end + dt.timedelta(days=1))
    overdue = Q(overdue_from__lte=now) if is_live(period, now) else Q(overdue_from__lt=after_end)
    if is_live(period, now):
        open_end = Q(finished_on=None)
    if measure == "open_end":
        return open_end
    if measure == "open_overdue":
        return open_end & overdue
    if measure == "open_within":
        return open_end & ~Q(overdue & Q(overdue_from__isnull=False))
    if measure == "handled":
        return facts_q(period, "finished", now) | open_end
    if measure == "early_or_on_time":
        return Q(finished_on__range=span, outcome__in=[Outcome.EARLY, Outcome.ON_TIME]) | facts_q(
            period, "open_within", now
        )
    if measure == "late":
        return facts_q(period, "finished_late", now) | (open_end & overdue)
    raise KeyError(measure)


def dossiers(scope: Scope, period: Period, measure: str, now: dt.datetime | None = None):
    """The dossiers behind a figure, newest received first."""
    facts = DossierFacts.objects.filter(scope.q(), facts_q(period, measure, now))
    return Dossier.objects.filter(pk__in=facts.values("pk")).order_by("-received_at", "-pk")
