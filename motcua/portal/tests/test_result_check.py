"""Kiểm tra kết quả (issue 17): a result issued here is found by its code or its file; the page says what the result
says of itself and nothing of the applicant; anything else gets a plain answer in Vietnamese, and the checks are
limited per address."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers import lifecycle, result_checks
from motcua.dossiers.models import ResultCheck
from motcua.dossiers.printing.numbered import numbered
from motcua.dossiers.printing.pdf import html_to_pdf
from motcua.dossiers.tests.fixtures import vn

pytestmark = pytest.mark.django_db
PAGE = "/kiem-tra-ket-qua/"


def pdf(text: str) -> bytes:
    return html_to_pdf(f"<p style='margin-top: 200pt'>{text}</p>")


@pytest.fixture
def issued(received, people):
    """A result issued on paper and uploaded (the paper path): registered by its hash."""
    lifecycle.assign(received.pk, actor=people["head"], officer=people["specialist"], at=vn("2026-03-02 10:00"))
    lifecycle.submit_for_approval(received.pk, actor=people["specialist"], at=vn("2026-03-03 10:00"))
    lifecycle.approve(received.pk, actor=people["head"], at=vn("2026-03-04 09:00"))
    content = pdf("GIẤY PHÉP số 7/GP-STP")
    upload = SimpleUploadedFile("gp.pdf", content, content_type="application/pdf")
    lifecycle.issue_result(received.pk, actor=people["clerk"], summary="Số 7", uploads=[("Giấy phép", upload)])
    return content, ResultCheck.objects.get(dossier_id=received.pk)


def test_the_file_as_issued_is_found_and_nothing_personal_is_shown(client, issued, received):
    content, check = issued
    assert check.sha256 and check.issued_at and check.title == "Giấy phép"
    page = client.post(PAGE, {"tep": SimpleUploadedFile("gp.pdf", content)})
    text = page.content.decode()
    assert page.status_code == 200 and "còn nguyên bản" in text and received.code in text and "Sở Tư pháp" in text
    assert received.applicant_name not in text and received.applicant_id_number not in text
    other = client.post(PAGE, {"tep": SimpleUploadedFile("khac.pdf", pdf("Một văn bản khác"))}).content.decode()
    assert "Không tìm thấy kết quả nào khớp tệp này" in other and received.code not in other


def test_by_code_issued_not_yet_issued_unknown_and_malformed(client, received):
    waiting = result_checks.register(received, "Quyết định số 3/QĐ-STP")
    page = client.get(PAGE, {"ma": waiting.code})
    assert page.status_code == 200 and "Kết quả này chưa được ban hành" in page.content.decode()
    result_checks.issued(waiting.code, "ab" * 32, received.received_at)
    page = client.get(PAGE, {"ma": f" {waiting.code.lower()} "})
    assert "Mã kiểm tra hợp lệ: kết quả đã được ban hành" in page.content.decode()
    for typed in ("AAAA-BBBB-CCCC", "xin chào", "0000-1111-IIII", "A" * 200):
        page = client.get(PAGE, {"ma": typed})
        assert page.status_code == 404 and "Không có kết quả nào với mã này" in page.content.decode()


def test_a_file_carrying_our_code_but_not_as_issued_is_said_to_differ(client, received):
    check = result_checks.register(received, "Quyết định số 4/QĐ-STP")
    url = result_checks.page_url(check.code)
    day = vn("2026-03-05 09:00").date()
    printed = numbered(pdf("QUYẾT ĐỊNH"), "4/QĐ-STP", day, "Việt Trì", code=check.code, url=url)
    result_checks.issued(check.code, "cd" * 32, received.received_at)  # the issued file is another one
    page = client.post(PAGE, {"tep": SimpleUploadedFile("gia.pdf", printed)}).content.decode()
    assert "Không phải bản kết quả đã ban hành" in page and check.code in page


def test_bad_input_and_the_limit(client):
    assert client.get(PAGE).status_code == 200
    assert client.post(PAGE, {}).status_code == 400
    assert client.post(PAGE, {"tep": SimpleUploadedFile("x.pdf", b"not a pdf")}).status_code == 200  # not ours
    for _ in range(4):  # with the two posts, six checks in the minute: the limit
        assert client.get(PAGE, {"ma": "AAAA-BBBB-CCCC"}).status_code == 404
    page = client.get(PAGE, {"ma": "AAAA-BBBB-CCCC"})
    assert page.status_code == 429 and "quá nhiều" in page.content.decode()
