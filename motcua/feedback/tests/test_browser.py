"""A citizen on a phone sends a PAKN with a photo, is shown its code, answers the office's supplement request from
the tracking page, later finds the published answer there and rates it; the official's PAKN page at desktop width
shows the supplement. Screenshots go to artifacts/pakn-*.png."""

import re

import pytest

from motcua.accounts.tests.signing_in import pass_second_step
from motcua.feedback import lifecycle
from motcua.feedback.models import Feedback

from .helpers import PDF, PNG

pytestmark = pytest.mark.django_db(transaction=True)


def test_pakn_on_a_phone(live_server, phone_page, desktop_page, artifacts, tmp_path, province, people):
    page, site = phone_page, live_server.url
    page.goto(f"{site}/phan-anh-kien-nghi/")
    page.click("a.button.primary >> text=Gửi phản ánh, kiến nghị")
    page.check("input[name=kind][value=proposal]")
    page.fill("#id_sender_name", "Trần Thị Bình")
    page.fill("#id_sender_phone", "0987 654 321")
    page.select_option("#id_receiving_agency", label="Sở Tư pháp")
    page.fill("#id_title", "Đề nghị bỏ yêu cầu nộp bản sao giấy khai sinh")
    page.fill("#id_content", "Thủ tục cấp Phiếu lý lịch tư pháp vẫn yêu cầu bản sao giấy khai sinh.")
    page.click("button[type=submit].primary")  # the address is missing: an error, nothing typed is lost
    assert "Vui lòng nhập địa chỉ." in page.locator("main").inner_text()
    assert page.input_value("#id_title") == "Đề nghị bỏ yêu cầu nộp bản sao giấy khai sinh"
    page.screenshot(path=artifacts / "pakn-submit-error-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.fill("#id_sender_address", "Phường Việt Trì, tỉnh Phú Thọ")
    photo = tmp_path / "anh.png"
    photo.write_bytes(PNG)
    page.set_input_files("#id_attachments", str(photo))
    page.click("button[type=submit].primary")
    page.wait_for_url(re.compile(r".*/phan-anh-kien-nghi/da-gui/"))
    fb = Feedback.objects.get()
    assert fb.code in page.locator(".pakn-code").inner_text() and fb.sender_phone == "0987654321"
    assert fb.attachments.count() == 1
    page.screenshot(path=artifacts / "pakn-sent-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    lifecycle.request_supplement(fb.pk, people["specialist"], "Đề nghị bà cho biết mã hồ sơ đã nộp.")
    page.goto(f"{site}/phan-anh-kien-nghi/tra-cuu/?ma={fb.code}")  # the link in the SMS
    assert page.input_value("#id_ma") == fb.code and not page.locator(".error").count()
    page.fill("#id_dien_thoai", "0987654321")
    page.click("button[type=submit].primary >> text=Tra cứu")
    assert "Đề nghị bà cho biết mã hồ sơ đã nộp." in page.locator(".answer").inner_text()
    page.fill("#id_noi_dung", "Mã hồ sơ 000.01.01.H44-260302-0001, nộp ngày 02/03/2026.")
    receipt = tmp_path / "bien-nhan.pdf"
    receipt.write_bytes(PDF)
    page.set_input_files("#id_tep", str(receipt))
    page.screenshot(path=artifacts / "pakn-supplement-form-phone.png", full_page=True)
    page.click("button[type=submit] >> text=Gửi bổ sung")
    assert "Đã gửi thông tin bổ sung" in page.locator(".msg.success").inner_text()
    assert "Mã hồ sơ 000.01.01.H44-260302-0001" in page.locator(".timeline").inner_text()
    page.screenshot(path=artifacts / "pakn-supplement-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    desktop = desktop_page
    desktop.goto(f"{site}/dang-nhap/")
    desktop.fill("#id_username", "head")
    desktop.fill("#id_password", "pw-head")
    desktop.click("button[type=submit].primary")
    pass_second_step(desktop, "head")  # a leader enrols an authenticator at the first login
    desktop.goto(f"{site}/phan-anh-kien-nghi/can-bo/{fb.code}/")
    assert "Người gửi đã bổ sung thông tin" in desktop.locator("h1").inner_text()
    assert "bien-nhan.pdf" in desktop.locator(".supplement").inner_text()
    desktop.screenshot(path=artifacts / "pakn-office-supplement-desktop.png", full_page=True)
    lifecycle.classify(fb.pk, people["specialist"], "competent")
    lifecycle.answer(fb.pk, people["specialist"], "Sở Tư pháp đã đề nghị bãi bỏ yêu cầu này.\nCảm ơn bà Bình.")
    desktop.goto(f"{site}/phan-anh-kien-nghi/can-bo/{fb.code}/")
    desktop.click("#tt-publish summary")
    desktop.click("#tt-publish button[type=submit]")
    desktop.wait_for_load_state()
    assert "Đã công khai kết quả" in desktop.locator("h1").inner_text()
    desktop.screenshot(path=artifacts / "pakn-office-desktop.png", full_page=True)

    page.goto(f"{site}/phan-anh-kien-nghi/tra-cuu/")
    page.fill("#id_ma", fb.code)
    page.fill("#id_dien_thoai", "0987654321")
    page.click("button[type=submit].primary >> text=Tra cứu")
    assert "Sở Tư pháp đã đề nghị bãi bỏ" in page.locator(".answer").inner_text()
    page.check("input[name=danh_gia][value=satisfied]")
    page.click("button[type=submit] >> text=Gửi đánh giá")
    assert "Bạn đã đánh giá: Hài lòng" in page.locator("main").inner_text()
    page.screenshot(path=artifacts / "pakn-tracking-phone.png", full_page=True)
    page.goto(f"{site}/phan-anh-kien-nghi/")
    page.click(f"text={fb.title}")
    assert "Cảm ơn bà Bình" in page.locator(".answer").inner_text()
    page.screenshot(path=artifacts / "pakn-published-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
