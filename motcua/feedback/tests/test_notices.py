"""The PAKN sender is told by e-mail and SMS when the PAKN is registered, a supplement is requested, it is answered
and the answer is published: notices written in the action's transaction and sent by the shared notice worker."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from motcua import happened
from motcua.dossiers.notifications import SMS_LIMIT
from motcua.dossiers.tests.fixtures import run_worker, vn
from motcua.feedback import lifecycle, transitions
from motcua.feedback.models import Feedback, FeedbackEvent
from motcua.integrations.models import Notice

from .helpers import sender

CODE = "PAKN-260213-0001"
TRACKING = f"http://127.0.0.1:8000/phan-anh-kien-nghi/tra-cuu/?ma={CODE}"
PUBLISHED = f"http://127.0.0.1:8000/phan-anh-kien-nghi/{CODE}/"


@pytest.fixture
def with_email(province):
    return lifecycle.submit(
        sender(receiving_agency=province["justice"], sender_email="an@example.vn"), at=vn("2026-02-13 10:00")
    )


def notices_of(kind):
    return {n.channel: n for n in Notice.objects.filter(feedback_event__kind=kind)}


def test_registration_notice_gives_the_tracking_code(with_email):
    notices = notices_of("submitted")
    assert set(notices) == {"email", "sms"}
    email, sms = notices["email"], notices["sms"]
    assert (email.recipient, sms.recipient) == ("an@example.vn", "0912345678")
    assert email.subject == f"Phản ánh, kiến nghị {CODE} đã được tiếp nhận"
    for text in (
        "Kính gửi Ông/Bà Nguyễn Văn An,",
        f"Mã PAKN: {CODE}",
        "Cơ quan tiếp nhận: Sở Tư pháp",
        "Hạn trả lời: 10:00 ngày 13/03/2026",
        f"Tra cứu tình trạng xử lý: {TRACKING}",
        "Phản ánh “Yêu cầu thêm giấy tờ không có trong TTHC” của Ông/Bà đã được tiếp nhận.",
    ):
        assert text in email.body
    assert sms.body == (
        f"Phản ánh, kiến nghị {CODE} đã được tiếp nhận. Hạn trả lời: 10:00 ngày 13/03/2026. Tra cứu: {TRACKING}"
    )
    assert (email.status, sms.status) == ("queued", "queued") and email.dossier is None
    # Both first attempts in one task (issue 15: one task row an action).
    assert DBTaskResult.objects.filter(args_kwargs__args=[[email.pk, sms.pk]]).count() == 1


def test_without_an_email_address_only_the_sms(pakn):
    assert set(notices_of("submitted")) == {"sms"}


def test_no_sms_to_a_landline_nor_without_a_gateway(province, settings):
    lifecycle.submit(
        sender(receiving_agency=province["justice"], sender_phone="02103812345", sender_email="an@example.vn")
    )
    assert set(notices_of("submitted")) == {"email"}
    settings.MOTCUA_SMS_URL = ""
    lifecycle.submit(sender(receiving_agency=province["justice"]))
    assert Notice.objects.count() == 1


def test_supplement_answer_and_publication_are_notified(with_email, people):
    fb = with_email
    lifecycle.request_supplement(fb.pk, people["specialist"], "Cho biết mã hồ sơ đã nộp.", at=vn("2026-02-16 09:00"))
    notices = notices_of("supplement_requested")
    assert notices["email"].subject == f"Phản ánh, kiến nghị {CODE} cần bổ sung thông tin"
    assert "Cho biết mã hồ sơ đã nộp." in notices["email"].body and TRACKING in notices["email"].body
    assert notices["sms"].body.startswith(f"Phản ánh, kiến nghị {CODE} cần bổ sung thông tin. Nội dung: Cho biết")

    lifecycle.supplement(fb.code, "0912345678", "Mã hồ sơ 000.01.01.H44-260302-0001.", at=vn("2026-02-23 09:00"))
    lifecycle.classify(fb.pk, people["specialist"], "competent", at=vn("2026-02-23 10:00"))
    assert not Notice.objects.filter(feedback_event__kind__in=["supplemented", "classified"]).exists()

    answer = "Sở Tư pháp đã chấn chỉnh bộ phận một cửa. " * 20  # longer than an SMS
    lifecycle.answer(fb.pk, people["specialist"], answer, at=vn("2026-02-24 09:00"))
    notices = notices_of("answered")
    assert notices["email"].subject == f"Phản ánh, kiến nghị {CODE} đã có kết quả xử lý"
    assert "Kết quả xử lý, trả lời của Sở Tư pháp:" in notices["email"].body
    assert answer.strip() in notices["email"].body
    sms = notices["sms"].body
    assert len(sms) <= SMS_LIMIT and CODE in sms and sms.endswith(f"Tra cứu: {TRACKING}") and "…" in sms

    lifecycle.publish(fb.pk, people["head"], at=vn("2026-02-24 10:00"))
    notices = notices_of("published")
    assert notices["email"].subject == f"Phản ánh, kiến nghị {CODE} đã được công khai kết quả xử lý"
    assert f"Kết quả xử lý đã được công khai tại: {PUBLISHED}" in notices["email"].body
    assert notices["sms"].body == (f"Phản ánh, kiến nghị {CODE} đã được công khai kết quả xử lý. Tra cứu: {PUBLISHED}")
    assert Notice.objects.count() == 8  # four events, two channels each


def test_no_notice_when_the_action_fails(province, people, with_email):
    with pytest.raises(ValidationError):
        lifecycle.submit(
            sender(receiving_agency=province["justice"], sender_phone="12345", sender_email="binh@example.vn")
        )
    with pytest.raises(PermissionDenied):  # another agency's officer
        lifecycle.request_supplement(with_email.pk, people["builder"], "Bổ sung")
    with pytest.raises(transitions.FeedbackError):  # no note
        lifecycle.request_supplement(with_email.pk, people["specialist"], " ")
    with pytest.raises(transitions.FeedbackError):  # nothing to publish yet
        lifecycle.publish(with_email.pk, people["head"])
    lifecycle.classify(with_email.pk, people["specialist"], "competent")
    with pytest.raises(RuntimeError), transaction.atomic():  # the caller's transaction fails after the answer
        lifecycle.answer(with_email.pk, people["specialist"], "Trả lời")
        raise RuntimeError("lỗi sau khi trả lời")
    assert Feedback.objects.get(pk=with_email.pk).status == "classified"
    assert set(Notice.objects.values_list("feedback_event__kind", flat=True)) == {"submitted"}
    assert (Notice.objects.count(), DBTaskResult.objects.count()) == (2, 1)  # the submission's two, in one task


@pytest.mark.django_db(transaction=True)
def test_the_shared_worker_delivers_pakn_notices(with_email, smtp_sink, sms_gateway):
    run_worker()
    [mail] = smtp_sink.messages()
    assert mail["to"] == "an@example.vn" and mail["subject"] == f"Phản ánh, kiến nghị {CODE} đã được tiếp nhận"
    assert f"Mã PAKN: {CODE}" in mail["body"]
    [text] = sms_gateway.messages
    assert text["Phone"] == "0912345678" and CODE in text["Content"]
    assert set(Notice.objects.values_list("status", flat=True)) == {"sent"}


def test_the_lifecycle_announces_and_the_notices_listen():
    """The PAKN lifecycle publishes its events on the bus, as the dossier's does; the notices are its subscriber."""
    assert [f"{s.order} {s.name}" for s in happened.subscribers(FeedbackEvent)] == [
        "30 motcua.feedback.notifications.on_event"
    ]
