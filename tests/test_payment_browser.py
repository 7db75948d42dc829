"""A citizen on a phone submits "Đăng ký thường trú" online with its 10.000 đ fee and pays it in the sandbox
gateway; the gateway's IPN reaches our server and the dossier shows the fee paid online. Screenshots in artifacts/."""

import re

import pytest

from motcua.demo.agencies import PASSWORD
from motcua.demo.load import load
from motcua.dossiers.models import Dossier
from motcua.dossiers.tests import samples
from motcua.payments.tests.conftest import gateway  # noqa: F401 (the sandbox gateway, on a free port)
from motcua.portal.tests.browsing import give_documents

pytestmark = pytest.mark.django_db(transaction=True)
PDF = samples.PDF  # a well-formed PDF: files.read_checked opens every PDF it takes


def test_submit_online_and_pay_the_fee_in_the_sandbox(live_server, gateway, phone_page, artifacts, tmp_path):
    load()
    page, site = phone_page, live_server.url
    page.goto(f"{site}/dang-nhap/")
    page.fill("#id_username", "congdan")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].primary")
    page.goto(f"{site}/thu-tuc/?q=dang+ky+thuong+tru")
    page.locator(".procedure-name", has_text="Đăng ký thường trú").first.click()
    page.click("text=Nộp trực tuyến")
    page.wait_for_url(re.compile(r".*/ho-so-nhap/\d+/"))
    page.fill("#a-applicant_id_number", "025090001234")
    page.fill("#a-applicant_phone", "0912345678")
    page.select_option("#agency", label="Ủy ban nhân dân phường Việt Trì")
    page.fill("#f-dia_chi", "Số 5, đường Hùng Vương, phường Việt Trì")
    page.select_option("#f-truong_hop", index=1)
    page.fill("#f-noi_dung", "Đăng ký thường trú vào chỗ ở hợp pháp của gia đình")
    scan = tmp_path / "giay-to.pdf"
    scan.write_bytes(PDF)
    give_documents(page, [scan])
    page.click("button[type=submit].primary >> text=Nộp hồ sơ")
    page.wait_for_url(re.compile(r".*/ho-so-cua-toi/.+/"))
    dossier = Dossier.objects.get()
    assert dossier.fee_total == 10000 and dossier.payment_status == "pending"

    page.click("text=Thanh toán trực tuyến")
    page.click("button[type=submit] >> text=Thanh toán trực tuyến")
    page.wait_for_url(re.compile(r".*/paymentv2/.*"))
    page.screenshot(path=artifacts / "payment-gateway-phone.png", full_page=True)
    page.click("button.pay")
    page.wait_for_url(re.compile(r".*/thanh-toan/ket-qua/.*"))
    page.screenshot(path=artifacts / "payment-return-phone.png", full_page=True)
    dossier.refresh_from_db()
    assert dossier.payment_status == "paid_online"
    assert dossier.events.filter(kind="payment_confirmed").count() == 1
    page.goto(f"{site}/ho-so-cua-toi/{dossier.code}/")
    assert "Đã nộp trực tuyến" in page.locator("main").inner_text()
    assert page.locator("text=Thanh toán trực tuyến").count() == 0
