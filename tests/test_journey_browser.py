"""A new citizen's whole journey on a phone, with the demo's birth registration: finds "khai sinh" typed without
accents, opens the procedure, presses Nộp trực tuyến, registers an account, fills the e-form asking for two copies
of the birth extract, attaches two files, sees the fee (2 × 8.000 đồng), submits, pays in the sandbox gateway, sees
it paid; the desk receives it (office pages, desktop) and the commune issues and returns the signed result; the
citizen sees it received, then returned, downloads the result from Kho dữ liệu (the very bytes issued) and rates it.
Screenshots of every page in artifacts/journey-*.png (phone), a few key pages also at desktop width."""

import base64
import hashlib
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.accounts.models import User
from motcua.demo.agencies import PASSWORD
from motcua.demo.load import load
from motcua.dossiers import lifecycle
from motcua.dossiers.models import Dossier, Rating
from motcua.dossiers.tests import samples
from motcua.payments.tests.conftest import gateway  # noqa: F401 (the sandbox gateway, on a free port)
from motcua.portal.models import StoredDocument
from motcua.portal.tests.browsing import give_documents

pytestmark = pytest.mark.django_db(transaction=True)
BIRTH_CERTIFICATE = samples.png(370, 370, seed=1193)  # a real PNG of 400 KB: goes up in two pieces
SIGNED_EXTRACT = samples.pdf(padding=2048, seed=31)


class Camera:
    """Screenshots in order, each page checked not to scroll sideways at its width."""

    def __init__(self, artifacts):
        self.artifacts, self.count = artifacts, 0

    def __call__(self, page, name: str) -> None:
        self.count += 1
        page.screenshot(path=self.artifacts / f"journey-{self.count:02d}-{name}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"], name


def test_a_new_citizen_registers_a_birth_online_pays_and_receives_the_result(
    live_server, gateway, sms_gateway, chromium, phone_page, desktop_page, artifacts, tmp_path
):
    load()
    page, site, shot = phone_page, live_server.url, Camera(artifacts)

    # Find the procedure without typing accents, open it, start online.
    page.goto(f"{site}/thu-tuc/")
    page.fill("#id_q", "khai sinh")
    page.press("#id_q", "Enter")
    page.wait_for_url(re.compile(r".*\?q=khai\+sinh"))
    shot(page, "search-phone")
    page.get_by_role("link", name="Thủ tục đăng ký khai sinh", exact=True).click()
    assert page.locator("h1").inner_text() == "Thủ tục đăng ký khai sinh"
    assert "8.000 đồng/bản" in page.locator("#cach-thuc").inner_text()
    shot(page, "procedure-phone")
    page.click("text=Nộp trực tuyến")
    page.wait_for_url(re.compile(r".*/dang-nhap/\?next=.*"))
    shot(page, "login-phone")

    # No account yet: register one.
    page.click("text=Đăng ký tài khoản công dân, doanh nghiệp")
    page.fill("#id_full_name", "Vũ Thị Hạnh")
    page.fill("#id_email", "hanh.vu@example.vn")
    page.fill("#id_phone", "0987654321")
    page.fill("#id_id_number", "025190004567")
    page.fill("#id_password1", "Khai-sinh-cho-be-2026")
    page.fill("#id_password2", "Khai-sinh-cho-be-2026")
    shot(page, "register-phone")
    page.click("button[type=submit].primary")
    # A code to the phone (the SMS stand-in) and one to the e-mail (Django's mailbox) confirm both contacts.
    page.wait_for_url(re.compile(r".*/dang-ky/xac-nhan/"))
    page.fill("#id_code_sms", re.search(r"\d{6}", sms_gateway.messages[-1]["Content"]).group(0))
    page.fill("#id_code_email", re.search(r"\d{6}", mail.outbox[-1].body).group(0))
    shot(page, "register-code-phone")
    page.click("button[type=submit].primary")
    # Registration returns the new citizen to "Nộp trực tuyến", which opens the draft e-form of the procedure.
    page.wait_for_url(re.compile(r".*/ho-so-nhap/\d+/"))
    citizen = User.objects.get(email="hanh.vu@example.vn")
    assert citizen.kind == "citizen" and citizen.full_name == "Vũ Thị Hạnh"
    assert page.input_value("#a-applicant_name") == "Vũ Thị Hạnh"
    assert page.input_value("#a-applicant_id_number") == "025190004567"
    assert page.locator("#fee").inner_text() == "Không phải nộp"
    page.select_option("#agency", label="Ủy ban nhân dân phường Việt Trì")
    page.fill("#f-ho_ten_tre", "Vũ Minh Khôi")
    page.fill("#f-ngay_sinh", "2026-11-02")
    page.select_option("#f-gioi_tinh", "Nam")
    page.fill("#f-noi_sinh", "Bệnh viện Đa khoa tỉnh Phú Thọ")
    page.fill("#f-dan_toc", "Kinh")
    page.fill("#f-quoc_tich", "Việt Nam")
    page.fill("#f-ho_ten_me", "Vũ Thị Hạnh")
    page.fill("#f-so_dinh_danh_me", "025190004567")
    page.select_option("#f-quan_he", "Mẹ")
    page.fill("#f-so_ban_sao", "2")
    page.locator("#fee", has_text="16.000 đồng").wait_for()  # recomputed as the form is saved
    certificate = tmp_path / "giay-chung-sinh.png"
    certificate.write_bytes(BIRTH_CERTIFICATE)
    give_documents(page, [certificate])  # the tờ khai is the e-form itself; "không" to the cases asked
    shot(page, "draft-phone")
    citizen_desktop = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    citizen_desktop.add_cookies(page.context.cookies())
    wide = citizen_desktop.new_page()
    wide.goto(page.url)
    shot(wide, "draft-desktop")

    page.click("button[type=submit].primary >> text=Nộp hồ sơ")
    page.wait_for_url(re.compile(r".*/ho-so-cua-toi/.+/"))
    dossier = Dossier.objects.get()
    assert dossier.applicant_user == citizen and dossier.form_data["so_ban_sao"] == 2
    assert dossier.fee_total == 16000 and dossier.payment_status == "pending"
    declaration, certificate = dossier.documents.order_by("requirement__position")
    assert declaration.requirement.declaration and declaration.content_type == "application/pdf"  # the e-form
    assert certificate.sha256 == hashlib.sha256(BIRTH_CERTIFICATE).hexdigest()
    assert "Mới đăng ký" in page.locator("main").inner_text()
    shot(page, "submitted-phone")

    # Pay the fee in the sandbox gateway and come back.
    page.click("text=Thanh toán trực tuyến")
    page.click("button[type=submit] >> text=Thanh toán trực tuyến")
    page.wait_for_url(re.compile(r".*/paymentv2/.*"))
    shot(page, "gateway-phone")
    page.click("button.pay")
    page.wait_for_url(re.compile(r".*/thanh-toan/ket-qua/.*"))
    assert "Thanh toán thành công" in page.locator("main").inner_text()
    shot(page, "paid-phone")
    page.click("text=Xem hồ sơ")
    assert "Đã nộp trực tuyến" in page.locator("main").inner_text()
    assert page.locator("text=Thanh toán trực tuyến").count() == 0

    # The desk of the ward receives it (office pages, desktop).
    office = desktop_page
    office.goto(f"{site}/dang-nhap/")
    office.fill("#id_username", "tiepnhan")
    office.fill("#id_password", PASSWORD)
    office.click("button[type=submit].primary")
    office.wait_for_url(re.compile(r".*/can-bo/.*"))
    office.goto(f"{site}/can-bo/ho-so/{dossier.code}/")
    office.click("#tt-receive summary")
    office.click("#tt-receive button[type=submit]")
    office.locator("h1 .state", has_text="Đã tiếp nhận").wait_for()
    shot(office, "desk-received-desktop")
    dossier.refresh_from_db()
    assert dossier.state == "received" and dossier.payment_status == "paid_online"  # receipt keeps the payment

    page.goto(f"{site}/ho-so-cua-toi/")
    assert "Được tiếp nhận" in page.locator(".procedure-list").inner_text()
    shot(page, "received-phone")

    # The commune decides and returns the signed extract online.
    head, desk = User.objects.get(username="lanhdao"), User.objects.get(username="tiepnhan")
    lifecycle.submit_for_approval(dossier.pk, actor=head)
    lifecycle.approve(dossier.pk, actor=head)
    lifecycle.issue_result(
        dossier.pk,
        actor=head,
        summary="Trích lục khai sinh số 123/2026/TLKS",
        uploads=[
            ("Trích lục khai sinh (bản điện tử có chữ ký số)", SimpleUploadedFile("trich-luc.pdf", SIGNED_EXTRACT))
        ],
    )
    lifecycle.return_result(dossier.pk, actor=desk, method="online")

    page.reload()
    assert "Đã trả kết quả" in page.locator(".procedure-list").inner_text()
    shot(page, "returned-phone")
    page.click(".procedure-name >> text=Thủ tục đăng ký khai sinh")
    page.wait_for_url(re.compile(rf".*/ho-so-cua-toi/{re.escape(dossier.code)}/$"))
    assert "Trích lục khai sinh (bản điện tử có chữ ký số)" in page.locator("main").inner_text()
    shot(page, "result-phone")
    wide.goto(page.url)
    shot(wide, "result-desktop")

    # The result is in the personal data store: download it and compare with what the commune issued.
    page.click("text=kho dữ liệu")
    page.wait_for_url(re.compile(r".*/kho-du-lieu/$"))
    shot(page, "store-phone")
    link = page.get_by_role("link", name="Trích lục khai sinh (bản điện tử có chữ ký số)")
    with page.expect_download() as download:
        link.click()
    assert download.value.path().read_bytes() == SIGNED_EXTRACT
    stored = StoredDocument.objects.get(owner=citizen, kind="result")
    issued = dossier.documents.get(kind="result")
    assert stored.sha256 == issued.sha256 == hashlib.sha256(SIGNED_EXTRACT).hexdigest()
    served = page.request.get(site + link.get_attribute("href"))
    digest = base64.b64encode(hashlib.sha256(SIGNED_EXTRACT).digest()).decode()
    assert served.headers["repr-digest"] == f"sha-256=:{digest}:"

    # And rates the service.
    page.goto(f"{site}/ho-so-cua-toi/{dossier.code}/")
    page.check("input[name=satisfied][value=yes]")
    for criterion in ("time", "contacts", "online"):
        page.check(f"input[name={criterion}][value=yes]")
    page.fill("#comment", "Nộp trực tuyến, không phải đi lại; nhận trích lục ngay trên điện thoại.")
    page.click("button[type=submit] >> text=Gửi đánh giá")
    page.locator(".msg", has_text="Cảm ơn bạn đã đánh giá.").wait_for()
    shot(page, "rated-phone")
    rating = Rating.objects.get(dossier=dossier)
    assert rating.satisfied and rating.channel == "portal"
    assert rating.criteria == {"time": True, "contacts": True, "online": True}
    citizen_desktop.close()
