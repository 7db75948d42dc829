"""Only the dossier's applicant starts a payment or reads its receipt; the receipt PDF prints the amount."""

import pytest

from motcua.accounts.models import User
from motcua.dossiers.tests.printed import Printed, no_system_fonts  # noqa: F401 (a fixture)
from motcua.payments.models import Payment

pytestmark = pytest.mark.django_db(transaction=True)


def test_receipt_pdf_prints_the_amount_in_vietnamese(
    gateway, pay, live_server, browser_for, online_dossier, people, artifacts, no_system_fonts
):
    pay(online_dossier, people["citizen"])
    payment = Payment.objects.get()
    status, pdf = browser_for(people["citizen"]).bytes(f"{live_server.url}/thanh-toan/bien-lai/{payment.order_ref}/")
    assert status == 200 and pdf.startswith(b"%PDF")
    receipt = Printed(pdf, "bien-lai", artifacts / "payments")
    receipt.has(
        "BIÊN LAI THANH TOÁN PHÍ, LỆ PHÍ TRỰC TUYẾN",
        "200.000 đồng",
        "Hai trăm nghìn đồng",
        payment.order_ref,
        online_dossier.code,
        "Nguyễn Văn An",
    )
    receipt.set_in("Liberation Serif")  # printed with no font of the machine


def test_someone_else_can_neither_start_a_payment_nor_read_the_receipt(
    gateway, pay, live_server, browser_for, online_dossier, people
):
    pay(online_dossier, people["citizen"])
    payment = Payment.objects.get()
    other = User.objects.create_user("other", password="pw-other", kind="citizen", full_name="Người Khác")
    for user in (other, people["desk"], people["specialist"]):
        browser = browser_for(user)
        status, _, _ = browser.open(f"{live_server.url}/thanh-toan/ho-so/{online_dossier.code}/")
        assert status == 404
        status, _ = browser.bytes(f"{live_server.url}/thanh-toan/bien-lai/{payment.order_ref}/")
        assert status == 404
    from motcua.payments.tests.conftest import Browser

    status, headers, _ = Browser().open(f"{live_server.url}/thanh-toan/ho-so/{online_dossier.code}/")
    assert status == 302 and "next=" in headers["Location"]  # anonymous: log in first
    assert Payment.objects.count() == 1


def test_nothing_left_to_pay_creates_no_payment(gateway, pay, live_server, browser_for, online_dossier, people):
    pay(online_dossier, people["citizen"])
    browser = browser_for(people["citizen"])
    url = f"{live_server.url}/thanh-toan/ho-so/{online_dossier.code}/"
    status, _, page = browser.open(url)
    assert status == 200 and "không còn khoản phí" in page and "Biên lai giao dịch" in page


def test_the_sandbox_refuses_a_request_with_a_bad_signature(gateway):
    from motcua.payments.tests.conftest import Browser

    status, _, page = Browser().open(f"{gateway.url}?vnp_Amount=100&vnp_TxnRef=X&vnp_SecureHash=abc")
    assert status == 400 and "Sai chữ ký" in page
