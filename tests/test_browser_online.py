"""A citizen on a phone: finds "khai sinh" typed without accents, fills the e-form, attaches two files (with the
upload progress), closes the tab, comes back to the same draft, submits, and sees the dossier in Hồ sơ của tôi."""

import re

import pytest

from motcua.demo.agencies import PASSWORD
from motcua.demo.load import load
from motcua.dossiers.models import Dossier
from motcua.dossiers.tests import samples
from motcua.portal.tests.browsing import give_documents

pytestmark = pytest.mark.django_db(transaction=True)
PDF = samples.PDF  # a well-formed PDF: files.read_checked opens every PDF it takes
PNG = samples.PNG


def test_online_birth_registration_on_a_phone(live_server, phone_page, artifacts, tmp_path):
    load()
    page, site = phone_page, live_server.url
    page.goto(f"{site}/dang-nhap/")
    page.fill("#id_username", "congdan")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].primary")
    page.goto(f"{site}/thu-tuc/?q=dang+ky+khai+sinh")
    page.locator(".procedure-name").first.click()
    page.click("text=Nộp trực tuyến")
    page.wait_for_url(re.compile(r".*/ho-so-nhap/\d+/"))
    page.fill("#a-applicant_id_number", "025090001234")
    page.fill("#a-applicant_phone", "0912345678")
    page.select_option("#agency", label="Ủy ban nhân dân phường Việt Trì")
    page.fill("#f-ho_ten_tre", "Vũ Minh An")
    page.fill("#f-ngay_sinh", "2026-11-01")
    page.select_option("#f-gioi_tinh", "Nam")
    page.fill("#f-noi_sinh", "Bệnh viện Đa khoa tỉnh Phú Thọ")
    page.fill("#f-dan_toc", "Kinh")
    page.fill("#f-quoc_tich", "Việt Nam")
    page.fill("#f-ho_ten_me", "Vũ Thị Mai")
    page.fill("#f-so_dinh_danh_me", "025090001234")
    page.select_option("#f-quan_he", "Mẹ")
    page.locator("#save-state", has_text="Đã lưu").wait_for()
    scan = tmp_path / "giay-chung-sinh.png"
    scan.write_bytes(PNG)
    assert [name[:16] for name in give_documents(page, [scan])] == ["Giấy chứng sinh;"]  # the tờ khai is the e-form
    page.screenshot(path=artifacts / "online-draft-phone.png", full_page=True)

    page.goto(f"{site}/ho-so-cua-toi/")  # the tab is closed; the draft waits on the server
    page.click("text=Thủ tục đăng ký khai sinh")
    assert page.input_value("#f-ho_ten_tre") == "Vũ Minh An"
    assert page.locator(".upload-state", has_text="Đã tải lên").count() == 1
    assert page.locator("input[type=radio][value=no]:checked").count() == 3  # the answers were kept too
    page.click("button[type=submit].primary >> text=Nộp hồ sơ")
    page.wait_for_url(re.compile(r".*/ho-so-cua-toi/.+/"))
    dossier = Dossier.objects.get()
    assert dossier.documents.count() == 2 and dossier.form_data["ho_ten_tre"] == "Vũ Minh An"  # + the tờ khai PDF
    assert dossier.documents.filter(requirement__declaration=True, content_type="application/pdf").exists()
    assert "Mới đăng ký" in page.locator("main").inner_text()
    page.screenshot(path=artifacts / "online-submitted-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
