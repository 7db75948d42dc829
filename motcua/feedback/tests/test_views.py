"""PAKN pages: the public form and its Vietnamese errors, tracking and rating, the published list, the officials'
register and PAKN page, and who sees what."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motcua.dossiers.tests.fixtures import vn
from motcua.feedback import lifecycle
from motcua.feedback.models import Attachment, Feedback

from .helpers import PDF, PNG, sender


def form_data(province, **extra):
    data = sender(receiving_agency=province["justice"].pk)
    data.update(extra)
    return data


@pytest.mark.django_db
def test_submit_then_track(client, province):
    upload = SimpleUploadedFile("anh.png", PNG, content_type="image/png")
    response = client.post(reverse("feedback:submit"), {**form_data(province), "attachments": [upload]})
    assert response.status_code == 302
    fb = Feedback.objects.get()
    assert fb.attachments.get().content_type == "image/png"
    page = client.get(response.url)
    assert fb.code in page.content.decode()
    tracked = client.post(reverse("feedback:track"), {"ma": fb.code.lower(), "dien_thoai": "0912345678"})
    assert tracked.status_code == 200 and "Đã tiếp nhận" in tracked.content.decode()
    wrong = client.post(reverse("feedback:track"), {"ma": fb.code, "dien_thoai": "0987654321"})
    assert wrong.status_code == 404 and "Không tìm thấy PAKN" in wrong.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change, message",
    [
        ({"sender_phone": ""}, "Vui lòng nhập số điện thoại."),
        ({"sender_phone": "123456"}, "Số điện thoại không hợp lệ"),
        ({"sender_address": ""}, "Vui lòng nhập địa chỉ."),
        ({"content": ""}, "Vui lòng nhập nội dung phản ánh, kiến nghị."),
        ({"procedure_code": "9.999999"}, "Không tìm thấy thủ tục hành chính có mã này."),
    ],
)
def test_bad_input_keeps_values_and_stores_nothing(client, province, change, message):
    response = client.post(reverse("feedback:submit"), form_data(province, **change))
    html = response.content.decode()
    assert response.status_code == 400 and message in html
    assert "Nguyễn Văn An" in html and "Yêu cầu thêm giấy tờ không có trong TTHC" in html  # nothing lost
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_wrong_type_or_oversized_attachment_is_refused(client, province, settings):
    settings.MOTCUA_MAX_UPLOAD_MB = 1
    fake = SimpleUploadedFile("to-khai.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(reverse("feedback:submit"), {**form_data(province), "attachments": [fake]})
    assert response.status_code == 400 and "không đúng định dạng" in response.content.decode()
    big = SimpleUploadedFile("lon.pdf", PDF + b"0" * (1024 * 1024 + 1), content_type="application/pdf")
    response = client.post(reverse("feedback:submit"), {**form_data(province), "attachments": [big]})
    assert response.status_code == 400 and "quá lớn" in response.content.decode()
    assert not Feedback.objects.exists() and not Attachment.objects.exists()


@pytest.mark.django_db
def test_tracking_is_rate_limited(client, pakn):
    url = reverse("feedback:track")
    for _ in range(10):
        assert client.post(url, {"ma": "PAKN-260213-9999", "dien_thoai": "0912345678"}).status_code == 404
    response = client.post(url, {"ma": pakn.code, "dien_thoai": "0912345678"})
    assert response.status_code == 429 and "quá nhiều lần" in response.content.decode()


def _publish(fb, people, at_day):
    lifecycle.classify(fb.pk, people["specialist"], "competent", at=vn(f"{at_day} 08:00"))
    lifecycle.answer(fb.pk, people["specialist"], f"Trả lời cho {fb.title}", at=vn(f"{at_day} 09:00"))
    return lifecycle.publish(fb.pk, people["head"], at=vn(f"{at_day} 10:00"))


@pytest.mark.django_db
def test_published_list_detail_and_query_count(client, province, people, django_assert_max_num_queries):
    for number in range(25):
        fb = lifecycle.submit(
            sender(receiving_agency=province["justice"], title=f"Kiến nghị số {number}"), at=vn("2026-03-02 09:00")
        )
        _publish(fb, people, "2026-03-03")
    lifecycle.submit(sender(receiving_agency=province["justice"], title="Chưa trả lời"), at=vn("2026-03-02 09:00"))
    with django_assert_max_num_queries(4):
        response = client.get(reverse("feedback:published"))
    html = response.content.decode()
    assert "25 kết quả" in html and "Chưa trả lời" not in html and "Trang 1/2" in html
    assert "0912345678" not in html  # the sender's phone is never public
    found = client.get(reverse("feedback:published"), {"q": "số 7"})
    assert "Kiến nghị số 7" in found.content.decode() and "Kiến nghị số 8" not in found.content.decode()
    code = Feedback.objects.get(title="Kiến nghị số 3").code
    detail = client.get(reverse("feedback:published_detail", args=[code]))
    assert "Trả lời cho Kiến nghị số 3" in detail.content.decode() and "0912345678" not in detail.content.decode()
    hidden = Feedback.objects.get(title="Chưa trả lời").code
    assert client.get(reverse("feedback:published_detail", args=[hidden])).status_code == 404


@pytest.mark.django_db
def test_whole_flow_through_the_pages(client, pakn, province, people):
    detail = reverse("feedback:office_detail", args=[pakn.code])
    client.force_login(people["head"])
    page = client.get(detail)
    assert page.status_code == 200 and "24/02/2026" in page.content.decode()  # refusal deadline shown
    act = lambda who, action, data: client.post(  # noqa: E731
        reverse("feedback:office_act", args=[pakn.code, action]), data
    )
    assert act(people["head"], "classify", {"classification": "not_competent"}).status_code == 302
    assert act(people["head"], "transfer", {"to_agency": province["justice"].pk}).status_code == 400  # itself
    assert act(people["head"], "transfer", {"to_agency": province["land"].pk}).status_code == 302
    assert client.get(detail).status_code == 200  # the receiving agency still sees it
    assert act(people["head"], "answer", {"text": "x"}).status_code == 403
    client.force_login(people["surveyor"])
    assert act(people["surveyor"], "answer", {"text": ""}).status_code == 400
    assert act(people["surveyor"], "answer", {"text": "Đã sửa quy trình."}).status_code == 302
    register = client.get(reverse("feedback:office"), {"trang-thai": "answered"})
    assert pakn.code in register.content.decode()
    from motcua.dossiers.tests.fixtures import staff

    client.force_login(staff("land_head", (province["land"], "head")))
    assert act(None, "publish", {}).status_code == 302
    client.logout()
    public = client.get(reverse("feedback:published"))
    assert pakn.title in public.content.decode()
    rated = client.post(
        reverse("feedback:rate"),
        {"ma": pakn.code, "dien_thoai": "0912345678", "danh_gia": "dissatisfied", "y_kien": "Chậm"},
    )
    assert rated.status_code == 200 and "Không hài lòng" in rated.content.decode()
    assert Feedback.objects.get(pk=pakn.pk).rating == "dissatisfied"
    again = client.post(
        reverse("feedback:rate"), {"ma": pakn.code, "dien_thoai": "0912345678", "danh_gia": "satisfied"}
    )
    assert again.status_code == 400 and Feedback.objects.get(pk=pakn.pk).rating == "dissatisfied"


@pytest.mark.django_db
def test_other_agency_gets_404_and_cannot_act(client, pakn, people):
    client.force_login(people["builder"])
    assert client.get(reverse("feedback:office_detail", args=[pakn.code])).status_code == 404
    response = client.post(reverse("feedback:office_act", args=[pakn.code, "refuse"]), {"reason": "x"})
    assert response.status_code == 404
    assert pakn.code not in client.get(reverse("feedback:office")).content.decode()
    assert Feedback.objects.get(pk=pakn.pk).status == Feedback.Status.RECEIVED
    client.force_login(people["citizen"])
    assert client.get(reverse("feedback:office")).status_code == 403
    client.logout()
    assert client.get(reverse("feedback:office")).status_code == 302


@pytest.mark.django_db
def test_overdue_filter(client, pakn, province, people):
    lifecycle.submit(sender(receiving_agency=province["justice"], title="Mới gửi"))
    client.force_login(people["specialist"])
    html = client.get(reverse("feedback:office"), {"qua-han": "1"}).content.decode()
    assert pakn.code in html and "Mới gửi" not in html


@pytest.mark.django_db
def test_pakn_tracking_posts_and_reads_the_phone_as_people_write_it(client, pakn):
    url = reverse("feedback:track")
    assert client.post(url, {"ma": f" {pakn.code.lower()} ", "dien_thoai": "+84 912.345.678"}).status_code == 200
    page = client.get(url, {"ma": pakn.code, "dien_thoai": "0912345678"}).content.decode()
    assert 'method="post"' in page and pakn.title not in page  # nothing is looked up from a URL
