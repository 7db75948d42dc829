"""The officials' queues, each one indexed query (see the indexes on Dossier) over the user's agencies."""
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from motcua.dossiers import permissions
from motcua.dossiers.models import Dossier, Step
from motcua.dossiers.states import OPEN, State
from motcua.workdays.deadlines import Duration, due
from motcua.workdays.services import calendar_for

SOON_WORKING_DAYS = 2

QUEUES = {
    "cua-toi": "Của tôi",
    "co-quan": "Cơ quan đang xử lý",
    "moi-nop": "Mới nộp, chờ tiếp nhận",
    "sap-den-han": "Sắp đến hạn (2 ngày làm việc)",
    "qua-han": "Quá hạn",
    "cho-bo-sung": "Chờ bổ sung",
    "cho-co-quan-khac": "Chờ cơ quan khác",
    "cho-tra": "Chờ trả kết quả",
    "tat-ca": "Tất cả",
}
SORTS = {"han": "due_at", "-han": "-due_at", "nhan": "received_at", "-nhan": "-received_at", "ma": "code",
         "-moi": "-created_at"}


def my_agencies(user) -> set[int]:
    return {agency for agency, role in permissions.roles_of(user) if role != permissions.MONITOR}


def queue(user, name: str):
    """Dossiers of queue `name` as this user may see them (a monitor sees every agency)."""
    now = timezone.now()
    base = Dossier.objects.all()
    monitor = permissions.is_monitor(user)
    mine = my_agencies(user)
    processing = base if monitor else base.filter(processing_agency__in=mine)
    desk = base if monitor else base.filter(receiving_agency__in=mine)
    open_states = list(OPEN)
    if name == "cua-toi":
        return base.filter(assignee=user, state__in=open_states)
    if name == "co-quan":
        return processing.filter(state__in=open_states)
    if name == "moi-nop":
        return desk.filter(state=State.SUBMITTED)
    if name == "sap-den-han":
        soon = due(now, Duration(Decimal(SOON_WORKING_DAYS), "working_days"), calendar_for()).due
        return processing.filter(state__in=open_states, due_at__gte=now, due_at__lte=soon)
    if name == "qua-han":
        return processing.filter(state__in=open_states, due_at__lt=now)
    if name == "cho-bo-sung":
        # the desk takes the supplemented dossier back in, so it sees both kinds of request
        return (processing.filter(state=State.SUPPLEMENT_REQUESTED)
                | desk.filter(state__in=[State.SUPPLEMENT_REQUESTED, State.DESK_SUPPLEMENT]))
    if name == "cho-co-quan-khac":
        waiting = Step.objects.filter(finished_at=None, kind__in=[Step.Kind.LIEN_THONG, Step.Kind.CONSULT])
        if not monitor:
            waiting = waiting.exclude(agency__in=mine)
            base = base.filter(Q(lead_agency__in=mine) | Q(processing_agency__in=mine))
        return base.filter(state__in=open_states, pk__in=waiting.values("dossier_id"))
    if name == "cho-tra":
        return desk.filter(state__in=[State.ISSUED, State.REFUSED])
    return base.visible_to(user)


def counts(user) -> dict[str, int]:
    """How many dossiers wait in each queue (one COUNT each; shown on the queue tabs)."""
    return {name: queue(user, name).count() for name in QUEUES if name != "tat-ca"}

