"""Applicant notices end to end over real sockets on 127.0.0.1: a lifecycle action queues them in its transaction,
`db_worker` sends them, the e-mail arrives at an SMTP server and the SMS at the gateway stand-in."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from motcua.dossiers import lifecycle
from motcua.dossiers.models import Dossier
from motcua.dossiers.notifications import SMS_LIMIT, compose
from motcua.dossiers.tests.fixtures import run_worker, vn
from motcua.gateways.standins import free_port
from motcua.integrations import tasks
from motcua.integrations.models import Notice

network = pytest.mark.django_db(transaction=True)
CODE = "000.01.01.H44-260302-0001"
LINK = f"http://127.0.0.1:8000/tra-cuu/?ma={CODE}"


def notices(**filters):
    return list(Notice.objects.filter(**filters).order_by("id"))


@network
def test_receipt_notice_reaches_the_mailbox_and_the_phone(received, smtp_sink, sms_gateway):
    assert [(n.channel, n.status, n.attempts) for n in notices()] == [("email", "queued", 0), ("sms", "queued", 0)]
    run_worker()
    [mail] = smtp_sink.messages()
    assert mail["to"] == "an@example.vn" and "khong-tra-loi@" in mail["from"]
    assert mail["subject"] == f"Hồ sơ {CODE} đã được tiếp nhận"
    for text in (
        "Kính gửi Ông/Bà Nguyễn Văn An",
        f"Mã hồ sơ: {CODE}",
        "Thủ tục: Cấp Phiếu lý lịch tư pháp",
        "Nơi tiếp nhận: Trung tâm Phục vụ hành chính công tỉnh",
        "Ngày hẹn trả kết quả: 09:00 ngày 09/03/2026",
        f"Tra cứu tình trạng hồ sơ: {LINK}",
    ):
        assert text in mail["body"]
    [text] = sms_gateway.messages
    assert text["Phone"] == "0912345678" and len(text["Content"]) <= SMS_LIMIT
    assert text["Content"] == (
        f"Hồ sơ {CODE} đã được tiếp nhận. Hẹn trả kết quả: 09:00 ngày 09/03/2026. Tra cứu: {LINK}"
    )
    email, sms = notices()
    assert (email.status, email.attempts, email.provider_message_id) == ("sent", 1, mail["message_id"])
    assert (sms.status, sms.attempts, sms.provider_message_id) == ("sent", 1, text["SMSID"])
    assert email.sent_at and sms.sent_at and not email.last_error
    # One task for both first attempts: an action writes one task row, however many channels (issue 15).
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 1
    run_worker()  # nothing is sent twice
    assert len(smtp_sink.messages()) == 1 and len(sms_gateway.messages) == 1


@network
def test_supplement_request_lists_every_item_with_its_reason(received, people, smtp_sink, sms_gateway):
    lifecycle.assign(received.pk, actor=people["head"], officer=people["specialist"], at=vn("2026-03-02 10:00"))
    lifecycle.request_supplement(
        received.pk,
        actor=people["specialist"],
        at=vn("2026-03-03 10:00"),
        note="Nộp tại Bộ phận Một cửa",
        items=[
            {"item": "Giấy chứng sinh", "reason": "Bản chụp mờ, không đọc được"},
            {"item": "Tờ khai", "reason": "Thiếu chữ ký của người yêu cầu"},
        ],
    )
    run_worker()
    mail = smtp_sink.messages()[-1]
    assert mail["subject"] == f"Hồ sơ {CODE} cần bổ sung, hoàn thiện"
    assert ("  1. Giấy chứng sinh: Bản chụp mờ, không đọc được\n  2. Tờ khai: Thiếu chữ ký của người yêu cầu") in mail[
        "body"
    ]
    assert "Ghi chú: Nộp tại Bộ phận Một cửa" in mail["body"] and LINK in mail["body"]
    text = sms_gateway.messages[-1]["Content"]
    assert "Giấy chứng sinh (Bản chụp mờ, không đọc được)" in text and text.endswith(LINK)
    assert Notice.objects.filter(status="sent").count() == 4  # receipt and supplement, two channels each


@network
def test_extension_gives_the_new_date_and_refusal_the_reasons(received, people, smtp_sink, sms_gateway):
    lifecycle.extend(
        received.pk,
        actor=people["head"],
        new_due=vn("2026-03-12 09:00"),
        reason="Chờ kết quả xác minh của Công an",
        at=vn("2026-03-05 09:00"),
    )
    lifecycle.refuse(
        received.pk,
        actor=people["head"],
        reasons="Người yêu cầu không thuộc diện được cấp Phiếu",
        at=vn("2026-03-06 09:00"),
    )
    run_worker()
    extended, refused = smtp_sink.messages()[1:]
    assert extended["subject"] == f"Hồ sơ {CODE} được gia hạn thời hạn giải quyết"
    assert "Ngày hẹn trả kết quả mới: 09:00 ngày 12/03/2026" in extended["body"]
    assert "Ngày hẹn trả trước đây: 09:00 ngày 09/03/2026" in extended["body"]
    assert "Lý do: Chờ kết quả xác minh của Công an" in extended["body"] and "xin lỗi" in extended["body"]
    assert refused["subject"] == f"Hồ sơ {CODE} bị từ chối giải quyết"
    assert "Lý do: Người yêu cầu không thuộc diện được cấp Phiếu" in refused["body"]
    assert "Hẹn trả mới: 09:00 ngày 12/03/2026" in sms_gateway.messages[1]["Content"]
    assert "Lý do: Người yêu cầu không thuộc diện" in sms_gateway.messages[2]["Content"]


@network
def test_a_rolled_back_action_sends_nothing(received, people, smtp_sink, sms_gateway):
    run_worker()
    before = (Notice.objects.count(), DBTaskResult.objects.count())
    with pytest.raises(ValidationError), transaction.atomic():
        lifecycle.refuse(received.pk, actor=people["head"], reasons="Không đủ điều kiện", at=vn("2026-03-03 09:00"))
        assert Notice.objects.count() == before[0] + 2  # queued inside the action's transaction...
        raise ValidationError("the caller fails after the action")
    assert (Notice.objects.count(), DBTaskResult.objects.count()) == before  # ...and gone with it
    with pytest.raises(ValidationError):  # an action refused on its own rules queues nothing either
        lifecycle.extend(
            received.pk, actor=people["head"], new_due=vn("2026-03-12 09:00"), reason="Muộn", at=vn("2026-03-06 10:00")
        )
    assert (Notice.objects.count(), DBTaskResult.objects.count()) == before
    run_worker()
    assert len(smtp_sink.messages()) == 1 and len(sms_gateway.messages) == 1  # the receipt only
    assert Dossier.objects.get(pk=received.pk).state == "received"


@network
def test_a_gateway_error_fails_the_sms_after_retries_and_leaves_the_dossier_alone(
    received, people, smtp_sink, sms_gateway, fast_retries
):
    sms_gateway.fail = ("99", "Lỗi hệ thống nhà mạng")
    run_worker()
    email, sms = notices()
    assert (email.status, email.attempts) == ("sent", 1)
    assert (sms.status, sms.attempts) == ("failed", 3)
    assert sms.last_error == "Cổng SMS từ chối (mã 99): Lỗi hệ thống nhà mạng" and not sms.sent_at
    assert sms_gateway.messages == [] and len(smtp_sink.messages()) == 1
    # The tasks end cleanly: the first attempts of both notices together, then the SMS's two retries on their own.
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 3
    dossier = Dossier.objects.get(pk=received.pk)
    assert dossier.state == "received" and dossier.event_count == 2
    lifecycle.assign(received.pk, actor=people["head"], officer=people["specialist"], at=vn("2026-03-02 10:00"))
    sms_gateway.fail = None  # the gateway is back: an official sends the failed notice again
    tasks.resend(sms)
    run_worker()
    sms.refresh_from_db()
    assert (sms.status, sms.attempts) == ("sent", 1) and sms_gateway.messages[0]["SMSID"] == sms.provider_message_id


@network
def test_wrong_gateway_credentials_fail_at_once(received, smtp_sink, sms_gateway, settings, fast_retries):
    settings.MOTCUA_SMS_SECRET_KEY = "not-the-secret"
    run_worker()
    sms = Notice.objects.get(channel="sms")
    assert (sms.status, sms.attempts) == ("failed", 1)  # a retry cannot fix the keys
    assert "mã 101" in sms.last_error and sms_gateway.messages == []


@network
def test_a_mail_server_that_is_down_fails_the_email_after_retries(received, settings, sms_gateway, fast_retries):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    run_worker()
    email = Notice.objects.get(channel="email")
    assert (email.status, email.attempts) == ("failed", 3)
    assert email.last_error.startswith("Không kết nối được máy chủ thư")
    assert Notice.objects.get(channel="sms").status == "sent"


@network
def test_retries_wait_longer_each_time(received, smtp_sink, sms_gateway, settings):
    settings.MOTCUA_NOTICE_RETRY_SECONDS, settings.MOTCUA_NOTICE_MAX_ATTEMPTS = 60, 4
    sms_gateway.fail = ("99", "Bận")
    started = timezone.now()
    run_worker()
    sms = Notice.objects.get(channel="sms")
    assert (sms.status, sms.attempts) == ("queued", 1)  # the next attempt waits a minute: not run yet
    waiting = DBTaskResult.objects.get(status="READY")
    assert waiting.run_after == sms.next_attempt_at
    assert dt.timedelta(seconds=59) < sms.next_attempt_at - started < dt.timedelta(seconds=70)
    DBTaskResult.objects.filter(pk=waiting.pk).update(run_after=timezone.now())  # time passes
    run_worker()
    sms.refresh_from_db()
    assert sms.attempts == 2 and sms.status == "queued"
    assert dt.timedelta(seconds=110) < sms.next_attempt_at - timezone.now() <= dt.timedelta(seconds=120)


@pytest.mark.django_db
def test_reachable_channels_only(five_days, province, people, applicant, settings):
    applicant = {**applicant, "applicant_email": "", "applicant_phone": "02103812345"}  # no e-mail, a landline
    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        at=vn("2026-03-02 08:55"),
    )
    lifecycle.receive(dossier.pk, actor=people["desk"], at=vn("2026-03-02 09:00"))
    assert Notice.objects.count() == 0
    settings.MOTCUA_SMS_URL = ""  # production without a gateway: e-mail only
    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant={**applicant, "applicant_email": "b@example.vn", "applicant_phone": "0912345678"},
        channel="direct",
        at=vn("2026-03-02 08:55"),
    )
    lifecycle.receive(dossier.pk, actor=people["desk"], at=vn("2026-03-02 09:00"))
    assert [n.channel for n in notices()] == ["email"]


@pytest.mark.django_db
def test_every_notified_kind_reads_well_and_fits_an_sms(received, people, five_days, province, applicant):
    d = received.pk
    lifecycle.submit_for_approval(d, actor=people["head"], at=vn("2026-03-05 09:00"))
    lifecycle.approve(d, actor=people["head"], at=vn("2026-03-05 09:00"))
    lifecycle.issue_result(
        d, actor=people["head"], summary="Phiếu LLTP số 123/2026 " + "rất dài " * 60, at=vn("2026-03-05 10:00")
    )
    other = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        at=vn("2026-03-02 09:30"),
    )
    lifecycle.desk_supplement(
        other.pk,
        actor=people["desk"],
        at=vn("2026-03-02 09:35"),
        items=[{"item": "Giấy chứng sinh", "reason": "Chưa nộp " * 80}],
    )
    lifecycle.desk_refuse(other.pk, actor=people["desk"], reasons="Không thuộc thẩm quyền", at=vn("2026-03-02 09:40"))
    third = lifecycle.receive(
        lifecycle.register(
            actor=people["desk"],
            version=five_days,
            receiving_agency=province["centre"],
            applicant=applicant,
            channel="direct",
            at=vn("2026-03-02 10:00"),
        ).pk,
        actor=people["desk"],
        at=vn("2026-03-02 10:00"),
    )
    lifecycle.stop(third.pk, actor=people["desk"], reason="Công dân đề nghị dừng", at=vn("2026-03-03 09:00"))
    subjects = {n.event.kind: n for n in notices(channel="email")}
    assert set(subjects) == {"received", "result_issued", "desk_supplement", "desk_refused", "stopped"}
    assert "Kết quả giải quyết: Phiếu LLTP số 123/2026" in subjects["result_issued"].body
    assert "trước khi tiếp nhận" in subjects["desk_supplement"].subject
    assert "Lý do: Không thuộc thẩm quyền" in subjects["desk_refused"].body
    assert "Nội dung đề nghị dừng: Công dân đề nghị dừng" in subjects["stopped"].body
    for notice in notices(channel="sms"):
        assert len(notice.body) <= SMS_LIMIT and notice.body.endswith("/tra-cuu/?ma=" + notice.dossier.code)
    assert compose(subjects["stopped"].event).subject.endswith("đã dừng giải quyết")
