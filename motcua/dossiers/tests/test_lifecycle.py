"""The dossier lifecycle read as the rules it follows (DOMAIN.md 0a, 1.4-1.8)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from motcua.dossiers import lifecycle, permissions
from motcua.dossiers.models import Dossier
from motcua.dossiers.transitions import TransitionError

from .fixtures import vn

pytestmark = pytest.mark.django_db


def kinds(dossier):
    return [e.kind for e in dossier.events.order_by("seq")]


def test_desk_receipt_gives_a_code_and_a_due_moment_in_working_days(received):
    assert received.code == "000.01.01.H44-260302-0001"
    assert received.state == "received" and received.national_status == 2
    assert received.due_at == vn("2026-03-09 09:00")  # 5 working days = 40 working hours from Monday 09:00
    assert received.processing_agency.code == "000.00.10.H44"
    assert kinds(received) == ["registered", "received"]
    # The time limit as words in the record (it held "<bound method Duration.label …>", the method unread)
    assert received.events.get(kind="received").data["duration"] == "5 ngày làm việc"
    desk, process = received.steps.order_by("id")
    assert desk.outcome == "on_time" and process.finished_at is None  # handed over the same day
    assert process.deadline == vn("2026-03-05 14:30")  # 70% of the 40 working hours: 28 h from Monday 09:00


def test_receipt_after_the_cutoff_counts_from_the_next_working_day(five_days, province, people, applicant):
    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        at=vn("2026-03-06 15:30"),
    )
    dossier = lifecycle.receive(dossier.pk, actor=people["desk"], at=vn("2026-03-06 15:30"))
    assert dossier.clock_started_at == vn("2026-03-09 07:30")
    assert dossier.due_at == vn("2026-03-13 17:00")


def test_codes_run_per_agency_per_day(five_days, province, people, applicant):
    desk = people["desk"]
    codes = [
        lifecycle.register(
            actor=desk,
            version=five_days,
            receiving_agency=province["centre"],
            applicant=applicant,
            channel="direct",
            at=vn(f"2026-03-02 0{h}:00"),
        ).code
        for h in (8, 9)
    ]
    codes.append(
        lifecycle.register(
            actor=desk,
            version=five_days,
            receiving_agency=province["centre"],
            applicant=applicant,
            channel="direct",
            at=vn("2026-03-03 08:00"),
        ).code
    )
    assert codes == ["000.01.01.H44-260302-0001", "000.01.01.H44-260302-0002", "000.01.01.H44-260303-0001"]


def test_supplement_after_receipt_restarts_the_legal_deadline_and_pauses_the_766_one(received, people):
    lifecycle.assign(received.pk, actor=people["head"], officer=people["specialist"], at=vn("2026-03-02 10:00"))
    dossier = lifecycle.request_supplement(
        received.pk,
        actor=people["specialist"],
        at=vn("2026-03-04 10:00"),
        items=[{"item": "Giấy chứng sinh", "reason": "Bản chụp mờ, không đọc được"}],
    )
    assert dossier.state == "supplement" and dossier.national_status == 5
    dossier = lifecycle.resubmit(received.pk, actor=people["desk"], at=vn("2026-03-09 14:00"))
    assert dossier.due_at == vn("2026-03-16 14:00")
    # 766: the first promise (9 March 09:00) shifted by the paused working time (Wed 10:00 → Mon 14:00 = 26.5 h)
    assert dossier.stats_due_at == vn("2026-03-12 11:30")
    assert kinds(dossier)[-3:] == ["assigned", "supplement_requested", "resubmitted"]
    assert not dossier.late_for_stats


def test_the_admin_names_a_supplement_request_by_its_number_and_dossier(received, people, admin_client):
    lifecycle.assign(received.pk, actor=people["head"], officer=people["specialist"], at=vn("2026-03-02 10:00"))
    lifecycle.request_supplement(
        received.pk,
        actor=people["specialist"],
        at=vn("2026-03-04 10:00"),
        items=[{"item": "Giấy chứng sinh", "reason": "Bản chụp mờ, không đọc được"}],
    )
    request = received.supplement_requests.get()
    page = admin_client.get(f"/quan-tri/dossiers/supplementrequest/{request.pk}/change/").content.decode()
    assert f"Yêu cầu bổ sung lần 1 – {received.code}" in page


def test_every_supplement_item_needs_a_reason(received, people):
    with pytest.raises(ValidationError, match="lý do"):
        lifecycle.request_supplement(
            received.pk,
            actor=people["specialist"],
            at=vn("2026-03-03 10:00"),
            items=[{"item": "Giấy chứng sinh", "reason": ""}],
        )
    with pytest.raises(ValidationError, match="Liệt kê đầy đủ"):
        lifecycle.request_supplement(received.pk, actor=people["specialist"], at=vn("2026-03-03 10:00"), items=[])
    assert Dossier.objects.get(pk=received.pk).state == "received"


def test_supplement_only_within_three_working_days_of_receipt(received, people):
    with pytest.raises(ValidationError, match="quá 3 ngày làm việc"):
        lifecycle.request_supplement(
            received.pk,
            actor=people["specialist"],
            at=vn("2026-03-05 09:01"),
            items=[{"item": "Tờ khai", "reason": "Thiếu chữ ký"}],
        )


def test_second_supplement_needs_the_head_shows_earlier_reasons_and_counts_late(received, people):
    item = [{"item": "Tờ khai", "reason": "Thiếu chữ ký"}]
    lifecycle.request_supplement(received.pk, actor=people["specialist"], items=item, at=vn("2026-03-02 10:00"))
    lifecycle.resubmit(received.pk, actor=people["desk"], at=vn("2026-03-03 08:00"))
    again = [{"item": "Giấy chứng sinh", "reason": "Sai ngày sinh so với tờ khai"}]
    with pytest.raises(PermissionDenied, match="Lãnh đạo đơn vị"):
        lifecycle.request_supplement(received.pk, actor=people["specialist"], items=again, at=vn("2026-03-03 09:00"))
    dossier = lifecycle.request_supplement(
        received.pk, actor=people["specialist"], items=again, approved_by=people["head"], at=vn("2026-03-03 09:00")
    )
    assert dossier.late_for_stats and dossier.supplement_count == 2
    event = dossier.events.order_by("-seq").first()
    assert event.data["earlier"][0]["items"] == item and event.data["approved_by"] == "head"


def test_extension_once_and_at_least_one_working_day_before_the_due_moment(received, people):
    with pytest.raises(ValidationError, match="lý do"):
        lifecycle.extend(
            received.pk, actor=people["head"], new_due=vn("2026-03-12 09:00"), reason="", at=vn("2026-03-05 09:00")
        )
    with pytest.raises(ValidationError):
        lifecycle.extend(
            received.pk,
            actor=people["head"],
            new_due=vn("2026-03-12 09:00"),
            reason="Chờ xác minh",
            at=vn("2026-03-06 10:00"),
        )  # less than 1 working day before 9 March 09:00
    dossier = lifecycle.extend(
        received.pk,
        actor=people["head"],
        new_due=vn("2026-03-12 09:00"),
        reason="Chờ kết quả xác minh của Công an",
        at=vn("2026-03-05 09:00"),
    )
    assert dossier.due_at == vn("2026-03-12 09:00") and dossier.first_due_at == vn("2026-03-09 09:00")
    with pytest.raises(ValidationError):
        lifecycle.extend(
            received.pk,
            actor=people["head"],
            new_due=vn("2026-03-13 09:00"),
            reason="Lần hai",
            at=vn("2026-03-06 09:00"),
        )


def test_full_path_to_the_returned_result_judges_each_step(received, people):
    d = received.pk
    lifecycle.assign(d, actor=people["head"], officer=people["specialist"], at=vn("2026-03-02 10:00"))
    lifecycle.submit_for_approval(d, actor=people["specialist"], proposal="Đủ điều kiện cấp", at=vn("2026-03-04 16:00"))
    lifecycle.approve(d, actor=people["head"], at=vn("2026-03-05 09:00"))
    lifecycle.issue_result(d, actor=people["clerk"], summary="Phiếu LLTP số 123/2026", at=vn("2026-03-05 10:00"))
    dossier = lifecycle.return_result(d, actor=people["desk"], method="desk", at=vn("2026-03-06 08:00"))
    assert dossier.state == "returned" and dossier.national_status == 10 and dossier.delivery_status == "at_desk"
    assert dossier.outcome == "early" and dossier.stats_outcome == "early"
    assert [(s.kind, s.outcome) for s in dossier.steps.order_by("id")] == [
        ("receive", "on_time"),
        ("process", "early"),
        ("approve", "early"),
        ("return", "early"),
    ]


def test_late_result_is_late(received, people):
    d = received.pk
    lifecycle.submit_for_approval(d, actor=people["head"], at=vn("2026-03-09 10:00"))
    lifecycle.approve(d, actor=people["head"], at=vn("2026-03-09 10:00"))
    dossier = lifecycle.issue_result(d, actor=people["head"], summary="Phiếu số 1", at=vn("2026-03-09 10:30"))
    assert dossier.outcome == "late" and dossier.stats_outcome == "late"


def test_sequential_lien_thong_through_two_agencies_then_back_to_the_lead(received, people, province):
    d = received.pk
    lifecycle.forward(
        d,
        actor=people["specialist"],
        agencies=[province["land"]],
        days=1,
        note="Xác minh đất",
        at=vn("2026-03-02 10:00"),
    )
    dossier = Dossier.objects.get(pk=d)
    assert dossier.processing_agency == province["land"]
    with pytest.raises(PermissionDenied):
        lifecycle.complete_step(d, actor=people["builder"], at=vn("2026-03-02 11:00"))
    lifecycle.complete_step(
        d, actor=people["surveyor"], next_agency=province["construction"], days=1, at=vn("2026-03-03 09:00")
    )
    lifecycle.complete_step(d, actor=people["builder"], note="Không vi phạm", at=vn("2026-03-05 09:00"))
    dossier = Dossier.objects.get(pk=d)
    assert dossier.processing_agency == province["justice"]
    lien_thong = dossier.steps.filter(kind="lien_thong").order_by("id")
    assert [(s.agency.code, s.outcome) for s in lien_thong] == [("000.00.12.H44", "on_time"), ("000.00.11.H44", "late")]
    # Back at the lead, both agencies that took part still see it (through their liên thông steps alone), an
    # agency that took no part does not.
    for who, sees in (("surveyor", True), ("builder", True), ("commune_head", False)):
        visible = permissions.visible_dossiers(Dossier.objects.all(), people[who]).filter(pk=d).exists()
        assert visible is sees, who


def test_parallel_lien_thong_blocks_approval_until_every_agency_answers(received, people, province):
    d = received.pk
    lifecycle.forward(
        d,
        actor=people["specialist"],
        agencies=[province["land"], province["construction"]],
        days=2,
        parallel=True,
        at=vn("2026-03-02 10:00"),
    )
    assert Dossier.objects.get(pk=d).processing_agency == province["justice"]
    lifecycle.complete_step(d, actor=people["surveyor"], at=vn("2026-03-03 09:00"))
    with pytest.raises(ValidationError, match="chưa trả lời"):
        lifecycle.submit_for_approval(d, actor=people["head"], at=vn("2026-03-03 10:00"))
    lifecycle.complete_step(d, actor=people["builder"], at=vn("2026-03-03 11:00"))
    lifecycle.submit_for_approval(d, actor=people["head"], at=vn("2026-03-03 11:30"))
    assert lifecycle.approve(d, actor=people["head"], at=vn("2026-03-03 12:00")).state == "approved"


def test_consultation_has_its_own_deadline(received, people, province):
    d = received.pk
    lifecycle.consult(
        d,
        actor=people["specialist"],
        agency=province["land"],
        days=1,
        question="Thửa đất có tranh chấp?",
        at=vn("2026-03-02 10:00"),
    )
    lifecycle.answer_consultation(d, actor=people["surveyor"], answer="Không tranh chấp", at=vn("2026-03-02 16:00"))
    step = Dossier.objects.get(pk=d).steps.get(kind="consult")
    assert step.deadline == vn("2026-03-03 10:00") and step.outcome == "early"  # answered the day before


def test_payment_moves_through_status_6(received, people):
    dossier = lifecycle.request_payment(received.pk, actor=people["specialist"], at=vn("2026-03-02 10:00"))
    assert dossier.state == "awaiting_payment" and dossier.national_status == 6 and dossier.fee_total == 200000
    dossier = lifecycle.confirm_payment(received.pk, actor=people["desk"], at=vn("2026-03-02 11:00"))
    assert dossier.payment_status == "paid" and dossier.state == "in_progress"


def test_desk_supplement_and_refusal_before_receipt(five_days, province, people, applicant):
    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        at=vn("2026-03-02 08:00"),
    )
    dossier = lifecycle.desk_supplement(
        dossier.pk,
        actor=people["desk"],
        at=vn("2026-03-02 08:05"),
        items=[{"item": "Giấy chứng sinh", "reason": "Chưa nộp"}],
    )
    assert dossier.state == "desk_supplement" and dossier.due_at is None and dossier.received_at is None
    dossier = lifecycle.desk_refuse(
        dossier.pk, actor=people["desk"], reasons="Không thuộc thẩm quyền", at=vn("2026-03-02 08:10")
    )
    assert dossier.state == "rejected_at_desk" and dossier.national_status == 3
    with pytest.raises(TransitionError, match="Từ chối tiếp nhận"):
        lifecycle.receive(dossier.pk, actor=people["desk"], at=vn("2026-03-02 09:00"))


def test_stop_and_withdraw(received, people, five_days, province, applicant):
    assert (
        lifecycle.stop(
            received.pk, actor=people["desk"], reason="Công dân đề nghị dừng", at=vn("2026-03-03 09:00")
        ).national_status
        == 8
    )
    online = lifecycle.register(
        actor=people["citizen"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="online",
        applicant_user=people["citizen"],
        at=vn("2026-03-02 20:00"),
    )
    assert online.national_status == 1
    assert lifecycle.withdraw(online.pk, actor=people["citizen"], at=vn("2026-03-02 21:00")).national_status == 7


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("applicant_id_number", "12345", "12 chữ số"),
        ("applicant_id_number", "999090001234", "mã tỉnh"),
        ("applicant_phone", "12345", "Số điện thoại không hợp lệ"),
        ("applicant_name", "", "Nhập họ tên"),
    ],
)
def test_bad_applicant_fields_get_field_level_vietnamese_errors(
    five_days, province, people, applicant, field, value, message
):
    applicant[field] = value
    with pytest.raises(ValidationError) as error:
        lifecycle.register(
            actor=people["desk"],
            version=five_days,
            receiving_agency=province["centre"],
            applicant=applicant,
            channel="direct",
        )
    assert message in " ".join(error.value.message_dict[field])
    assert not Dossier.objects.exists()
