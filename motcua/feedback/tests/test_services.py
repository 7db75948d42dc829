"""PAKN actions: the whole flow, working-day deadlines on known dates, roles and agencies, the history chain."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from motcua.dossiers.tests.fixtures import staff, vn
from motcua.feedback import events, lifecycle, permissions, transitions
from motcua.feedback.models import Feedback, FeedbackEvent
from motcua.records import chain

from .helpers import sender

S = Feedback.Status


def test_deadlines_on_submission_skip_tet(pakn):
    # Friday 13 Feb 2026 10:00; Tết 16-20 Feb and weekends are not counted.
    assert pakn.code == "PAKN-260213-0001"
    assert pakn.status == S.RECEIVED
    assert pakn.refuse_due == vn("2026-02-24 10:00")
    assert pakn.supplement_due == vn("2026-02-27 10:00")
    assert pakn.transfer_due == vn("2026-02-27 10:00")
    assert pakn.answer_due == vn("2026-03-13 10:00")


def test_codes_follow_the_day(province):
    first = lifecycle.submit(sender(receiving_agency=province["justice"]), at=vn("2026-03-02 09:00"))
    second = lifecycle.submit(sender(receiving_agency=province["land"]), at=vn("2026-03-02 09:05"))
    assert (first.code, second.code) == ("PAKN-260302-0001", "PAKN-260302-0002")


def test_whole_flow_with_transfer(pakn, province, people):
    head, builder = people["head"], people["builder"]
    boss = staff("builder_head", (province["construction"], "head"))
    fb = lifecycle.classify(
        pakn.pk, people["specialist"], Feedback.Classification.NOT_COMPETENT, at=vn("2026-02-23 08:00")
    )
    assert fb.status == S.CLASSIFIED
    fb = lifecycle.transfer(
        pakn.pk, head, province["construction"], "Thuộc lĩnh vực xây dựng", at=vn("2026-02-25 14:00")
    )
    assert fb.status == S.TRANSFERRED and fb.transfer_on_time is True
    # the answer clock restarts at the transfer: 15 working days from Wed 25 Feb 14:00
    assert fb.answer_clock_at == vn("2026-02-25 14:00")
    assert fb.answer_due == vn("2026-03-18 14:00")
    with pytest.raises(PermissionDenied):  # the receiving agency no longer answers it
        lifecycle.answer(pakn.pk, head, "Trả lời", at=vn("2026-03-02 09:00"))
    fb = lifecycle.answer(pakn.pk, builder, "Sở Xây dựng đã chấn chỉnh bộ phận một cửa.", at=vn("2026-03-17 16:00"))
    assert fb.status == S.ANSWERED and fb.answer_on_time is True and fb.answered_by == province["construction"]
    # answered after the 15:00 cut-off: the clock starts Wed 18 Mar 07:30, so 16 working hours end Thu 19 Mar 17:00
    assert fb.publish_due == vn("2026-03-19 17:00")
    with pytest.raises(PermissionDenied):  # a specialist may not publish
        lifecycle.publish(pakn.pk, builder)
    fb = lifecycle.publish(pakn.pk, boss, at=vn("2026-03-20 08:00"))
    assert fb.status == S.PUBLISHED and fb.publish_on_time is False and fb.published_at == vn("2026-03-20 08:00")
    fb = lifecycle.rate(pakn.code, "0912345678", "satisfied", "Cảm ơn", at=vn("2026-03-21 09:00"))
    assert fb.rating == "satisfied"
    with pytest.raises(transitions.FeedbackError):
        lifecycle.rate(pakn.code, "0912345678", "dissatisfied")
    kinds = list(fb.events.order_by("seq").values_list("kind", flat=True))
    assert kinds == ["submitted", "classified", "transferred", "answered", "published", "rated"]
    assert events.verify(fb) is None


def test_refusal_within_two_working_days(pakn, people):
    with pytest.raises(transitions.FeedbackError):
        lifecycle.refuse(pakn.pk, people["specialist"], "   ")
    fb = lifecycle.refuse(
        pakn.pk, people["specialist"], "Nội dung là khiếu nại, không phải PAKN.", at=vn("2026-02-24 09:59")
    )
    assert fb.status == S.REFUSED and fb.refuse_on_time is True
    assert fb.classification == Feedback.Classification.NOT_ACCEPTED
    with pytest.raises(transitions.FeedbackError):  # nothing follows a refusal
        lifecycle.answer(pakn.pk, people["specialist"], "Trả lời")


def test_late_refusal_is_marked_late(pakn, people):
    fb = lifecycle.refuse(pakn.pk, people["head"], "Không đủ thông tin người gửi.", at=vn("2026-02-24 10:01"))
    assert fb.refuse_on_time is False


def test_first_supplement_request_sets_the_flag_once(pakn, people):
    fb = lifecycle.request_supplement(pakn.pk, people["specialist"], "Cho biết mã hồ sơ", at=vn("2026-02-26 09:00"))
    assert fb.status == S.SUPPLEMENT and fb.supplement_on_time is True
    fb = lifecycle.classify(pakn.pk, people["specialist"], Feedback.Classification.COMPETENT, at=vn("2026-03-05 09:00"))
    fb = lifecycle.request_supplement(pakn.pk, people["specialist"], "Lần hai", at=vn("2026-03-06 09:00"))
    assert fb.supplement_requested_at == vn("2026-02-26 09:00") and fb.supplement_on_time is True


def test_officer_of_another_agency_cannot_act(pakn, people):
    for action in (
        lambda: lifecycle.classify(pakn.pk, people["builder"], "competent"),
        lambda: lifecycle.refuse(pakn.pk, people["surveyor"], "x"),
        lambda: lifecycle.classify(pakn.pk, people["monitor"], "competent"),
    ):
        with pytest.raises(PermissionDenied):
            action()
    assert Feedback.objects.get(pk=pakn.pk).status == S.RECEIVED
    assert permissions.visible(Feedback.objects.all(), people["builder"]).count() == 0
    assert permissions.visible(Feedback.objects.all(), people["monitor"]).count() == 1


def test_action_not_allowed_in_state(pakn, people):
    with pytest.raises(transitions.FeedbackError):
        lifecycle.publish(pakn.pk, people["head"])
    assert permissions.available_actions(people["head"], pakn) == [
        "classify",
        "refuse",
        "request_supplement",
        "transfer",
    ]
    assert permissions.available_actions(people["desk"], pakn) == []


def test_rate_needs_the_right_phone_and_an_answer(pakn, people):
    with pytest.raises(PermissionDenied):
        lifecycle.rate(pakn.code, "0987654321", "satisfied")
    with pytest.raises(transitions.FeedbackError):
        lifecycle.rate(pakn.code, "0912345678", "satisfied")


def test_history_is_append_only_and_chained(pakn, people):
    lifecycle.classify(pakn.pk, people["specialist"], "competent", at=vn("2026-02-23 08:00"))
    event = FeedbackEvent.objects.filter(feedback=pakn).first()
    for change in (
        event.save,
        event.delete,
        lambda: FeedbackEvent.objects.filter(pk=event.pk).update(note="sửa lén"),
        FeedbackEvent.objects.all().delete,
    ):
        with pytest.raises(ValidationError, match="Nhật ký PAKN chỉ được ghi thêm"):
            change()
    with connection.cursor() as cursor:  # what someone with database access could do behind the application's back
        cursor.execute("UPDATE feedback_feedbackevent SET note = %s WHERE id = %s", ["sửa lén", event.pk])
    assert events.verify(Feedback.objects.get(pk=pakn.pk)) == 1


def test_submit_validates_before_writing(province):
    with pytest.raises(ValidationError) as caught:
        lifecycle.submit(sender(receiving_agency=province["justice"], sender_phone="12345"))
    assert "Số điện thoại không hợp lệ" in str(caught.value)
    assert not Feedback.objects.exists()


def test_the_hash_of_a_stored_event_does_not_change():
    """Chains already stored verify only while an event's content hashes as it did when it was written."""
    event = FeedbackEvent(
        seq=3,
        kind="answered",
        at=vn("2026-03-17 16:00"),
        actor_id=5,
        actor_name="Trần Văn Cường",
        agency_id=4,
        from_status="transferred",
        to_status="answered",
        note="",
        data={"due": "2026-03-20 10:00:00+07:00", "on_time": True},
        prev_hash="cd" * 32,
    )
    assert (
        chain.digest(events.content(event, "PAKN-260302-0001"))
        == "66cb63ee08fbbc0d7f7be5f13a35c48970d0dd0733ce47ae8d80f1b4fd348c99"
    )


def test_the_table_and_the_roles_name_the_same_actions():
    assert list(transitions.TABLE) == list(permissions.ROLES)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_submissions_get_one_number_each(province):
    """The day's counter (records.numbering, shared with dossier codes) under real concurrency: the first submissions
    of a day race to create its row. PostgreSQL only: SQLite's test database is one connection the threads share."""
    if connection.vendor == "sqlite":
        pytest.skip("needs a database that serves concurrent connections: run on PostgreSQL by `make test`")
    barrier, codes = threading.Barrier(8), []

    def submit():
        try:
            barrier.wait()
            codes.append(lifecycle.submit(sender(receiving_agency=province["justice"]), at=vn("2026-03-02 09:00")).code)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(codes) == [f"PAKN-260302-{n:04d}" for n in range(1, 9)]
