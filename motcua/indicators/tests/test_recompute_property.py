"""Property: whatever the officials and applicants do, in whatever order, the sums kept by the lifecycle equal the
sums recomputed from the dossiers (issue 5: `recompute --check` after a few thousand random lifecycle actions)."""

import datetime as dt
import io

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motcua.dossiers import lifecycle
from motcua.dossiers.models import Dossier, Event
from motcua.dossiers.tests.fixtures import vn
from motcua.dossiers.transitions import SYSTEM_TABLE, TABLE, TransitionError
from motcua.indicators import recompute

from .scenario import pdf

ACTIONS = [
    "register_direct",
    "register_online",
    "register_postal",
    "receive",
    "assign",
    "supplement",
    "supplement_again",
    "resubmit",
    "request_payment",
    "confirm_payment",
    "pay_online",
    "submit_for_approval",
    "return_for_rework",
    "approve",
    "issue",
    "issue_with_file",
    "refuse",
    "return",
    "extend",
    "stop",
    "withdraw",
    "desk_refuse",
]

TABLE_NAME = {
    "supplement": "request_supplement",
    "supplement_again": "request_supplement",
    "issue": "issue_result",
    "issue_with_file": "issue_result",
    "return": "return_result",
    "pay_online": "record_online_payment",
}
ALLOWED = {
    name: (TABLE | SYSTEM_TABLE)[TABLE_NAME.get(name, name)][0] for name in ACTIONS if not name.startswith("register")
}

steps = st.lists(
    st.tuples(st.sampled_from(ACTIONS), st.integers(0, 11), st.integers(0, 2400)), min_size=150, max_size=250
)


def act(name, pk, at, people, version, province, applicant):
    desk, head, specialist, citizen = people["desk"], people["head"], people["specialist"], people["citizen"]
    items = [{"item": "Tờ khai", "reason": "Thiếu chữ ký"}]
    if name.startswith("register"):
        channel = name.removeprefix("register_") if name.startswith("register") else "direct"
        actor = citizen if channel == "online" else desk
        lines = list(version.documents.all())
        return lifecycle.register(
            actor=actor,
            version=version,
            receiving_agency=province["centre"],
            applicant=applicant,
            channel=channel,
            at=at,
            applicant_user=citizen if channel == "online" else None,
            uploads=[(lines[0], pdf())] if channel == "online" else [],
        )
    calls = {
        "receive": lambda: lifecycle.receive(pk, actor=desk, at=at),
        "assign": lambda: lifecycle.assign(pk, actor=head, officer=specialist, at=at),
        "supplement": lambda: lifecycle.request_supplement(pk, actor=specialist, items=items, at=at),
        "supplement_again": lambda: lifecycle.request_supplement(
            pk, actor=specialist, items=items, approved_by=head, at=at
        ),
        "resubmit": lambda: lifecycle.resubmit(pk, actor=desk, at=at),
        "request_payment": lambda: lifecycle.request_payment(pk, actor=specialist, at=at),
        "confirm_payment": lambda: lifecycle.confirm_payment(pk, actor=desk, at=at),
        "pay_online": lambda: lifecycle.record_online_payment(pk, amount=200000, reference=f"VNP{pk}", at=at),
        "submit_for_approval": lambda: lifecycle.submit_for_approval(pk, actor=specialist, at=at),
        "return_for_rework": lambda: lifecycle.return_for_rework(pk, actor=head, reason="Bổ sung thẩm định", at=at),
        "approve": lambda: lifecycle.approve(pk, actor=head, at=at),
        "issue": lambda: lifecycle.issue_result(pk, actor=head, summary="Kết quả", at=at),
        "issue_with_file": lambda: lifecycle.issue_result(
            pk, actor=head, summary="Kết quả", at=at, uploads=[("Kết quả", pdf("kq.pdf"))]
        ),
        "refuse": lambda: lifecycle.refuse(pk, actor=head, reasons="Không đủ điều kiện", at=at),
        "return": lambda: lifecycle.return_result(pk, actor=desk, method="desk", at=at),
        "extend": lambda: lifecycle.extend(
            pk, actor=head, new_due=at + dt.timedelta(days=10), reason="Chờ xác minh", at=at
        ),
        "stop": lambda: lifecycle.stop(pk, actor=desk, reason="Công dân đề nghị", at=at),
        "withdraw": lambda: lifecycle.withdraw(pk, actor=desk, reason="Công dân rút", at=at),
        "desk_refuse": lambda: lifecycle.desk_refuse(pk, actor=desk, reasons="Sai thẩm quyền", at=at),
    }
    return calls[name]()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(plan=steps)
def test_kept_sums_equal_recomputed_sums_after_random_actions(plan, province, people, five_days, applicant):
    # Examples share the database: each one continues after the last event of the previous one, as time does.
    at = Event.objects.aggregate(last=Max("at"))["last"] or vn("2026-01-05 08:00")
    done = 0
    for name, index, minutes in plan:
        at += dt.timedelta(minutes=minutes)
        # Pick among the recent dossiers one whose state allows the action, so most attempts do something.
        states = ALLOWED.get(name)
        candidates = Dossier.objects.order_by("-pk")
        if states:
            candidates = candidates.filter(state__in=states)
        ids = list(candidates.values_list("pk", flat=True)[:12])
        if not name.startswith("register") and not ids:
            continue
        pk = None if name.startswith("register") else ids[index % len(ids)]
        try:
            act(name, pk, at, people, five_days, province, applicant)
            done += 1
        except (ValidationError, PermissionDenied, TransitionError):
            pass  # an action the dossier's state or the calendar does not allow: nothing may have changed
    out = io.StringIO()
    assert recompute.run(out, check=True) == 0, out.getvalue()
    assert done > 0
