"""Trình phê duyệt → chờ phê duyệt → phê duyệt or trả lại (issue 10, item 4): a real state with a leader in charge."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from rest_framework.test import APIClient

from motcua.dossiers import lifecycle
from motcua.dossiers.models import Dossier, Step
from motcua.dossiers.states import NATIONAL_STATUS, OPEN, State
from motcua.dossiers.transitions import TransitionError

from .fixtures import staff, vn

pytestmark = pytest.mark.django_db


def submitted(received, people, approver=None):
    lifecycle.assign(received.pk, actor=people["head"], officer=people["specialist"], at=vn("2026-03-02 10:00"))
    return lifecycle.submit_for_approval(
        received.pk,
        actor=people["specialist"],
        proposal="Đủ điều kiện cấp",
        approver=approver,
        at=vn("2026-03-04 16:00"),
    )


def test_submitting_for_approval_changes_the_state_and_hands_it_to_the_leader(received, people):
    dossier = submitted(received, people)
    assert dossier.state == State.AWAITING_APPROVAL == "awaiting_approval"
    assert dossier.national_status == 4 == NATIONAL_STATUS[State.AWAITING_APPROVAL]  # "Đang xử lý" on DVCQG
    assert dossier.assignee == people["head"]  # the agency's only leader
    step = dossier.steps.get(kind=Step.Kind.APPROVE)
    assert step.assignee == people["head"] and step.finished_at is None and step.deadline is not None
    event = dossier.events.order_by("-seq").first()
    assert (event.kind, event.from_state, event.to_state) == (
        "submitted_for_approval",
        "in_progress",
        "awaiting_approval",
    )
    assert event.data["approver"] == "head" and event.data["submitted_by"] == "specialist"


def test_a_dossier_never_submitted_cannot_be_approved(received, people):
    with pytest.raises(TransitionError, match="Không thể “phê duyệt” khi hồ sơ đang ở trạng thái “Đã tiếp nhận”"):
        lifecycle.approve(received.pk, actor=people["head"])
    assert Dossier.objects.get(pk=received.pk).state == State.RECEIVED


def test_approving_needs_a_leader_and_hands_back_to_the_specialist(received, people):
    submitted(received, people)
    with pytest.raises(Exception, match="không có quyền"):
        lifecycle.approve(received.pk, actor=people["specialist"])
    dossier = lifecycle.approve(received.pk, actor=people["head"], note="Đồng ý", at=vn("2026-03-05 09:00"))
    assert dossier.state == State.APPROVED and dossier.assignee == people["specialist"]
    assert dossier.steps.get(kind=Step.Kind.APPROVE).outcome == "early"
    with pytest.raises(TransitionError):  # approved once; a second approval is refused
        lifecycle.approve(received.pk, actor=people["head"])


def test_return_for_rework_needs_a_reason_and_goes_back_to_who_submitted(received, people):
    submitted(received, people)
    with pytest.raises(ValidationError, match="lý do"):
        lifecycle.return_for_rework(received.pk, actor=people["head"], reason="  ")
    dossier = lifecycle.return_for_rework(
        received.pk, actor=people["head"], reason="Thiếu kết quả xác minh", at=vn("2026-03-05 09:00")
    )
    assert dossier.state == State.IN_PROGRESS and dossier.assignee == people["specialist"]
    rework = dossier.steps.filter(kind=Step.Kind.PROCESS, finished_at=None).get()
    assert rework.assignee == people["specialist"] and rework.note == "Thiếu kết quả xác minh"
    assert dossier.events.order_by("-seq").first().kind == "returned_for_rework"
    # and round again
    lifecycle.submit_for_approval(received.pk, actor=people["specialist"], at=vn("2026-03-05 14:00"))
    assert lifecycle.approve(received.pk, actor=people["head"], at=vn("2026-03-05 15:00")).state == State.APPROVED


def test_a_chosen_leader_must_lead_the_processing_agency(received, people, province):
    deputy = staff("deputy", (province["justice"], "head"))
    with pytest.raises(ValidationError, match="lãnh đạo của cơ quan"):
        submitted(received, people, approver=people["commune_head"])
    assert submitted(received, people, approver=deputy).assignee == deputy


def test_with_several_leaders_and_none_chosen_every_leader_sees_it(received, people, province):
    staff("deputy", (province["justice"], "head"))
    dossier = submitted(received, people)
    assert dossier.state == State.AWAITING_APPROVAL and dossier.assignee is None


def test_waiting_for_approval_is_open_the_clock_runs_and_it_turns_overdue(received, people):
    dossier = submitted(received, people)
    assert State.AWAITING_APPROVAL in OPEN and dossier.is_open
    index = next(i for i in Dossier._meta.indexes if i.name == "dossier_open_due")
    assert State.AWAITING_APPROVAL in dict(index.condition.children)["state__in"]
    assert (
        Dossier.objects.filter(state__in=list(OPEN), due_at__lt=vn("2026-03-10 09:00")).filter(pk=dossier.pk).exists()
    )  # what the figures make of it: indicators/tests/test_facts.py


def test_extension_and_stop_are_still_possible_while_waiting(received, people):
    submitted(received, people)
    dossier = lifecycle.extend(
        received.pk,
        actor=people["head"],
        new_due=vn("2026-03-16 17:00"),
        reason="Chờ ý kiến",
        at=vn("2026-03-05 09:00"),
    )
    assert dossier.extended and dossier.state == State.AWAITING_APPROVAL
    assert lifecycle.refuse(received.pk, actor=people["head"], reasons="Không đủ điều kiện").state == State.REFUSED


def test_the_api_answers_409_to_approving_a_dossier_not_waiting(received, people):
    client = APIClient()
    client.force_authenticate(people["head"])
    url = f"/api/v1/dossiers/{received.code}/actions/approve/"
    response = client.post(url, {"note": "Đồng ý"}, format="json")
    assert response.status_code == 409
    assert "Không thể “phê duyệt”" in response.json()["detail"]
    client.force_authenticate(people["specialist"])
    response = client.post(
        f"/api/v1/dossiers/{received.code}/actions/submit_for_approval/",
        {"proposal": "Đủ điều kiện", "approver": "head"},
        format="json",
    )
    assert response.status_code == 200 and response.json()["state"] == "awaiting_approval"
    client.force_authenticate(people["head"])
    response = client.post(
        f"/api/v1/dossiers/{received.code}/actions/return_for_rework/", {"reason": ""}, format="json"
    )
    assert response.status_code == 400 and "reason" in response.json()
    assert client.post(url, {"note": "Đồng ý"}, format="json").json()["state"] == "approved"


def test_the_page_says_in_vietnamese_why_approval_is_refused(client, received, people):
    client.force_login(people["head"])
    page = client.post(f"/can-bo/ho-so/{received.code}/thao-tac/approve/", {"note": ""}, follow=True)
    text = page.content.decode()
    assert "Không thể “phê duyệt” khi hồ sơ đang ở trạng thái “Đã tiếp nhận”" in text
    assert Dossier.objects.get(pk=received.pk).state == State.RECEIVED


def test_the_migrations_match_the_models():
    """The open-dossier index and the new state are in a migration (makemigrations has nothing to write)."""
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_stats_keep_counting_a_dossier_held_for_approval_past_its_due(received, people):
    submitted(received, people)
    late = received.due_at + dt.timedelta(days=3)
    lifecycle.approve(received.pk, actor=people["head"], at=late)
    dossier = lifecycle.issue_result(
        received.pk, actor=people["head"], summary="Phiếu số 9", at=late + dt.timedelta(hours=1)
    )
    assert dossier.outcome == "late" and dossier.stats_outcome == "late"
