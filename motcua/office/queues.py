"""The officials' queues, each one indexed query (see the indexes on Dossier) over the user's agencies.

A queue belongs to the roles whose work it holds: the counter receives online dossiers, takes back supplements and
hands results over; a leader assigns, approves and signs; a specialist works on what was given to them and on what
other agencies asked of theirs; the văn thư seals the results the leader signed (or issues a paper one). Every
hand-over in the lifecycle lands the dossier in one of these queues of the receiver (tests in
office/tests/test_queues.py follow a dossier through them).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import connections, router
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from motcua.dossiers import permissions
from motcua.dossiers.models import Dossier, Step, SupplementRequest
from motcua.dossiers.states import OPEN, State
from motcua.workdays.deadlines import Duration, due
from motcua.workdays.services import calendar_for

SOON_WORKING_DAYS = 2
C, S, H, K, M = (permissions.COUNTER, permissions.SPECIALIST, permissions.HEAD, permissions.CLERK, permissions.MONITOR)
EVERY_ROLE = frozenset({C, S, H, K, M, permissions.ADMIN})


@dataclass(frozen=True)
class Queue:
    slug: str
    label: str
    roles: frozenset
    work: bool = False  # shown on the landing page "Việc cần làm": something is waiting for this user to act


QUEUE_LIST = [
    Queue("moi-nop", "Chờ tiếp nhận", frozenset({C}), work=True),
    Queue("da-bo-sung", "Đã bổ sung, chờ tiếp nhận", frozenset({C}), work=True),
    Queue("cho-tra", "Chờ trả kết quả", frozenset({C}), work=True),
    Queue("chua-phan-cong", "Chờ phân công", frozenset({H}), work=True),
    Queue("cho-phe-duyet", "Chờ phê duyệt", frozenset({H}), work=True),
    Queue("cho-ky", "Chờ ký", frozenset({H}), work=True),
    Queue("cua-toi", "Của tôi", frozenset({S, H}), work=True),
    Queue("phoi-hop", "Phối hợp, xin ý kiến", frozenset({S, H}), work=True),
    Queue("cho-dong-dau", "Chờ đóng dấu, ban hành", frozenset({K}), work=True),
    Queue("cho-ban-hanh", "Đã phê duyệt, chờ ban hành", frozenset({K}), work=True),
    Queue("qua-han", "Quá hạn", frozenset({S, H, M}), work=True),
    Queue("sap-den-han", "Sắp đến hạn (2 ngày làm việc)", frozenset({S, H, M})),
    Queue("cho-bo-sung", "Chờ công dân bổ sung", frozenset({C, S, H})),
    Queue("cho-co-quan-khac", "Chờ cơ quan khác", frozenset({S, H, M})),
    Queue("co-quan", "Cơ quan đang xử lý", frozenset({S, H, K, M})),
    Queue("tat-ca", "Tất cả", EVERY_ROLE),
]
QUEUES = {q.slug: q.label for q in QUEUE_LIST}
BY_SLUG = {q.slug: q for q in QUEUE_LIST}
SORTS = {
    "han": "due_at",
    "-han": "-due_at",
    "nhan": "received_at",
    "-nhan": "-received_at",
    "ma": "code",
    "-moi": "-created_at",
}
SORT_LABELS = {"han": "Hạn gần nhất", "-nhan": "Mới tiếp nhận", "ma": "Mã hồ sơ", "-moi": "Mới nộp nhất"}
# A work queue holds open dossiers: nearest due moment first. "Tất cả" holds every dossier a user may see, finished
# ones for years back: newest first, each order read off an index (dossier_created, dossier_received, the code's),
# never the whole table sorted by due moment (issue 15, docs/performance.md).
WORK_SORTS = ("han", "-nhan", "ma")
EVERYTHING_SORTS = ("-moi", "-nhan", "ma")


def sorts_of(name: str) -> dict[str, str]:
    """The orders offered on queue `name`, the default first, with their labels."""
    return {key: SORT_LABELS[key] for key in (EVERYTHING_SORTS if name == "tat-ca" else WORK_SORTS)}


def roles(user) -> set[str]:
    return {role for _, role in permissions.roles_of(user)}


def queues_for(user) -> list[Queue]:
    """The queues this user has, in the order of the list above."""
    mine = roles(user)
    return [q for q in QUEUE_LIST if q.roles & mine]


def landing(user) -> str:
    """The first queue holding work for this user (the counter: dossiers to receive; a leader: to assign)."""
    return next((q.slug for q in queues_for(user) if q.work), "tat-ca")


def my_agencies(user, roles_wanted=None) -> set[int]:
    return {
        agency
        for agency, role in permissions.roles_of(user)
        if role != M and (roles_wanted is None or role in roles_wanted)
    }


def queue(user, name: str):
    """Dossiers of queue `name` as this user may see them (a monitor sees every agency)."""
    now = timezone.now()
    base = Dossier.objects.all()
    monitor = permissions.is_monitor(user)
    mine = my_agencies(user)
    processing = base if monitor else base.filter(processing_agency__in=mine)
    desk = base.filter(receiving_agency__in=my_agencies(user, {C}))
    open_states = list(OPEN)
    if name == "moi-nop":
        return desk.filter(state=State.SUBMITTED)
    if name == "da-bo-sung":
        answered = SupplementRequest.objects.filter(at_desk=True, answered_at__isnull=False)
        return desk.filter(state=State.SUBMITTED, pk__in=answered.values("dossier_id"))
    if name == "cho-tra":
        return desk.filter(state__in=[State.ISSUED, State.REFUSED])
    if name == "chua-phan-cong":
        return base.filter(processing_agency__in=my_agencies(user, {H}), state=State.RECEIVED)
    if name == "cho-phe-duyet":
        # "Given to me, or to no one" as one expression, not an OR of two conditions on the assignee: with the OR,
        # PostgreSQL joined the assignee index's bitmaps (every unassigned dossier of the province) to the agency's,
        # 12-19 ms for 342 dossiers at a million; this reads the agency's queue through its index, 0.7 ms (issue 15).
        return (
            base.filter(processing_agency__in=my_agencies(user, {H}), state=State.AWAITING_APPROVAL)
            .alias(given_to=Coalesce("assignee_id", Value(user.pk)))
            .filter(given_to=user.pk)
        )
    if name == "cho-ky":  # the approving leader's own signature: given to them (the same index as above)
        return (
            base.filter(processing_agency__in=my_agencies(user, {H}), state=State.AWAITING_SIGNATURE)
            .alias(given_to=Coalesce("assignee_id", Value(user.pk)))
            .filter(given_to=user.pk)
        )
    if name == "cho-dong-dau":
        return base.filter(processing_agency__in=my_agencies(user, {K}), state=State.AWAITING_SEAL)
    if name == "cua-toi":
        return base.filter(assignee=user, state__in=open_states)
    if name == "phoi-hop":
        asked = Step.objects.filter(
            finished_at=None, kind__in=[Step.Kind.LIEN_THONG, Step.Kind.CONSULT], agency__in=my_agencies(user, {S, H})
        )
        return base.filter(state__in=open_states, pk__in=asked.values("dossier_id"))
    if name == "cho-ban-hanh":
        return base.filter(processing_agency__in=my_agencies(user, {K}), state=State.APPROVED)
    if name == "co-quan":
        return processing.filter(state__in=open_states)
    if name == "sap-den-han":
        soon = due(now, Duration(Decimal(SOON_WORKING_DAYS), "working_days"), calendar_for()).due
        return processing.filter(state__in=open_states, due_at__gte=now, due_at__lte=soon)
    if name == "qua-han":
        return processing.filter(state__in=open_states, due_at__lt=now)
    if name == "cho-bo-sung":
        # the desk takes the supplemented dossier back in, so it sees both kinds of request
        return processing.filter(state=State.SUPPLEMENT_REQUESTED) | desk.filter(
            state__in=[State.SUPPLEMENT_REQUESTED, State.DESK_SUPPLEMENT]
        )
    if name == "cho-co-quan-khac":
        waiting = Step.objects.filter(finished_at=None, kind__in=[Step.Kind.LIEN_THONG, Step.Kind.CONSULT])
        if not monitor:
            waiting = waiting.exclude(agency__in=mine)
            base = base.filter(Q(lead_agency__in=mine) | Q(processing_agency__in=mine))
        return base.filter(state__in=open_states, pk__in=waiting.values("dossier_id"))
    return permissions.visible_dossiers(base, user)


def counts(user, names=None) -> dict[str, int]:
    """How many dossiers wait in each of the user's queues (shown on the queue tabs): each queue's own indexed
    COUNT, all sent as one statement of scalar subqueries. Sent one by one they were twelve round trips, a third
    of the queue page's busy time at 16 users (issue 15, `motcua bench run --profile`); each keeps its own plan."""
    names = names or [q.slug for q in queues_for(user) if q.slug != "tat-ca"]
    if not names:
        return {}
    counted, params = [], []
    for number, name in enumerate(names):
        sql, values = queue(user, name).order_by().values("pk").query.sql_with_params()
        counted.append(f"(SELECT COUNT(*) FROM ({sql}) AS queue_{number})")
        params.extend(values)
    with connections[router.db_for_read(Dossier)].cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(counted)}", params)
        row = cursor.fetchone()
    return dict(zip(names, row, strict=True))
