"""The sender answers a supplement request online: verified by code + phone, recorded in the chained history, seen
by the office, and no deadline moves (766 indicator 5.2 counts the answer from submission or transfer)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motcua.dossiers.tests.fixtures import vn
from motcua.feedback import deadlines, events, lifecycle, permissions, tracking, transitions
from motcua.feedback.models import Attachment, Feedback

from .helpers import PDF, PNG

S = Feedback.Status
PHONE = "0912345678"
NOTE = "Cho biết mã hồ sơ và ngày nộp."
ANSWER = "Mã hồ sơ 000.01.01.H44-260302-0001, nộp ngày 02/03/2026 tại Trung tâm."


@pytest.fixture
def requested(pakn, people):
    return lifecycle.request_supplement(pakn.pk, people["specialist"], NOTE, at=vn("2026-02-26 09:00"))


def test_the_sender_answers_and_the_deadlines_stay(requested, people):
    before = Feedback.objects.get(pk=requested.pk)
    fb = lifecycle.supplement(
        requested.code, PHONE, f"  {ANSWER}  ", [("bien-nhan.pdf", PDF, "application/pdf")], at=vn("2026-03-12 09:00")
    )
    assert fb.status == S.SUPPLEMENTED
    event = fb.events.get(kind="supplemented")
    assert (event.note, event.from_status, event.to_status, event.actor) == (ANSWER, S.SUPPLEMENT, S.SUPPLEMENTED, None)
    assert event.data["files"][0]["name"] == "bien-nhan.pdf" and len(event.data["files"][0]["sha256"]) == 64
    [attachment] = Attachment.objects.filter(event=event)
    assert attachment.feedback == fb and attachment.file.read() == PDF
    fb = Feedback.objects.get(pk=fb.pk)
    for field in (
        "answer_due",
        "answer_clock_at",
        "supplement_due",
        "supplement_requested_at",
        "supplement_on_time",
        "refuse_due",
        "transfer_due",
    ):
        assert getattr(fb, field) == getattr(before, field), field
    assert permissions.available_actions(people["head"], fb) == ["classify", "refuse", "request_supplement", "transfer"]
    lifecycle.classify(fb.pk, people["specialist"], "competent", at=vn("2026-03-13 09:00"))
    fb = lifecycle.answer(fb.pk, people["specialist"], "Đã kiểm tra, hồ sơ đúng hạn.", at=vn("2026-03-16 09:00"))
    # the supplement did not stop the clock: due Fri 13 Mar 10:00 from the submission, answered on Mon 16 Mar
    assert fb.answer_due == vn("2026-03-13 10:00") and fb.answer_on_time is False
    assert events.verify(fb) is None


def test_a_second_request_after_the_supplement_keeps_the_first_for_766(requested, people):
    lifecycle.supplement(requested.code, PHONE, ANSWER, at=vn("2026-02-27 09:00"))
    fb = lifecycle.request_supplement(
        requested.pk, people["specialist"], "Gửi bản chụp biên nhận.", at=vn("2026-03-04 09:00")
    )
    assert fb.status == S.SUPPLEMENT and fb.supplement_note == "Gửi bản chụp biên nhận."
    assert fb.supplement_requested_at == vn("2026-02-26 09:00") and fb.supplement_on_time is True
    fb = lifecycle.supplement(
        requested.code, PHONE, "Đính kèm biên nhận.", [("a.png", PNG, "image/png")], at=vn("2026-03-05 09:00")
    )
    assert list(fb.events.filter(kind="supplemented").values_list("note", flat=True)) == [ANSWER, "Đính kèm biên nhận."]


def test_a_supplemented_pakn_past_its_answer_deadline_is_overdue(requested):
    lifecycle.supplement(requested.code, PHONE, ANSWER, at=vn("2026-02-27 09:00"))
    assert Feedback.objects.filter(deadlines.overdue_filter(vn("2026-03-13 10:01"))).exists()
    assert not Feedback.objects.filter(deadlines.overdue_filter(vn("2026-03-13 09:59"))).exists()


def test_only_the_sender_and_only_while_a_request_is_open(pakn, people):
    with pytest.raises(transitions.FeedbackError, match="không có đề nghị bổ sung"):
        lifecycle.supplement(pakn.code, PHONE, ANSWER)
    lifecycle.request_supplement(pakn.pk, people["specialist"], NOTE, at=vn("2026-02-26 09:00"))
    with pytest.raises(PermissionDenied):
        lifecycle.supplement(pakn.code, "0987654321", ANSWER)
    with pytest.raises(transitions.FeedbackError, match="nhập nội dung bổ sung"):
        lifecycle.supplement(pakn.code, PHONE, "   ")
    fb = Feedback.objects.get(pk=pakn.pk)
    assert fb.status == S.SUPPLEMENT and not fb.events.filter(kind="supplemented").exists()


# --- the pages ------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_supplement_from_the_tracking_page_reaches_the_office(client, requested, people):
    tracked = client.post(reverse("feedback:track"), {"ma": requested.code, "dien_thoai": PHONE})
    html = tracked.content.decode()
    assert NOTE in html and 'action="/phan-anh-kien-nghi/tra-cuu/bo-sung/"' in html
    photo = SimpleUploadedFile("bien-nhan.png", PNG, content_type="image/png")
    sent = client.post(
        reverse("feedback:supplement"), {"ma": requested.code, "dien_thoai": PHONE, "noi_dung": ANSWER, "tep": [photo]}
    )
    html = sent.content.decode()
    assert sent.status_code == 200 and "Đã gửi thông tin bổ sung" in html and "Người gửi bổ sung thông tin" in html
    assert "Gửi bổ sung" not in html  # no second answer to the same request
    assert Feedback.objects.get(pk=requested.pk).status == S.SUPPLEMENTED

    client.force_login(people["specialist"])
    office = client.get(reverse("feedback:office_detail", args=[requested.code])).content.decode()
    assert "Thông tin bổ sung của người gửi" in office and ANSWER in office and "bien-nhan.png" in office
    attachment = Attachment.objects.get(name="bien-nhan.png")
    download = client.get(reverse("feedback:office_attachment", args=[requested.code, attachment.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PNG
    register = client.get(reverse("feedback:office"), {"trang-thai": "supplemented"}).content.decode()
    assert requested.code in register


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change, message, typed_text_kept",
    [
        ({"noi_dung": ""}, "Vui lòng nhập nội dung bổ sung.", False),
        ({"tep": [SimpleUploadedFile("to-khai.pdf", b"MZ\x90\x00 not a pdf")]}, "không đúng định dạng", True),
        ({"dien_thoai": "0987654321"}, tracking.NOT_FOUND, False),  # only a tampered hidden field gets here
    ],
)
def test_bad_supplement_is_explained_and_changes_nothing(client, requested, change, message, typed_text_kept):
    data = {"ma": requested.code, "dien_thoai": PHONE, "noi_dung": ANSWER, **change}
    response = client.post(reverse("feedback:supplement"), data)
    html = response.content.decode()
    assert response.status_code == 400 and message in html
    assert (ANSWER in html) is typed_text_kept
    fb = Feedback.objects.get(pk=requested.pk)
    assert fb.status == S.SUPPLEMENT and not fb.events.filter(kind="supplemented").exists()
    assert Attachment.objects.count() == 0


@pytest.mark.django_db
def test_oversized_supplement_file_is_refused(client, requested, settings):
    settings.MOTCUA_MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("lon.pdf", PDF + b"0" * (1024 * 1024 + 1), content_type="application/pdf")
    response = client.post(
        reverse("feedback:supplement"), {"ma": requested.code, "dien_thoai": PHONE, "noi_dung": ANSWER, "tep": [big]}
    )
    assert response.status_code == 400 and "quá lớn" in response.content.decode()
    assert Feedback.objects.get(pk=requested.pk).status == S.SUPPLEMENT


@pytest.mark.django_db
def test_supplement_posts_share_the_tracking_rate_limit(client, requested):
    for _ in range(10):
        client.post(reverse("feedback:track"), {"ma": "PAKN-260213-9999", "dien_thoai": PHONE})
    response = client.post(
        reverse("feedback:supplement"), {"ma": requested.code, "dien_thoai": PHONE, "noi_dung": ANSWER}
    )
    assert response.status_code == 429 and Feedback.objects.get(pk=requested.pk).status == S.SUPPLEMENT
