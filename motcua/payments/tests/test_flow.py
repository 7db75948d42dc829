"""The payment over real HTTP: our pages on the live server, the sandbox gateway, its IPN back to us."""

import urllib.request
from io import StringIO
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.core.management import CommandError, call_command

from motcua.dossiers import lifecycle
from motcua.dossiers.models import Dossier
from motcua.payments import protocol
from motcua.payments.models import Payment

from .conftest import SECRET, TMN

pytestmark = pytest.mark.django_db(transaction=True)


def ipn(live_server, params: dict) -> dict:
    import json

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(f"{live_server.url}/thanh-toan/ipn/?{urlencode(params)}", timeout=10) as response:
        return json.loads(response.read())


def gateway_result(payment, *, amount=None, code="00", secret=SECRET) -> dict:
    """What the gateway would send for this payment (signed with `secret`)."""
    return protocol.sign(
        {
            "vnp_TmnCode": TMN,
            "vnp_Amount": str((amount or payment.amount) * 100),
            "vnp_BankCode": "NCB",
            "vnp_OrderInfo": "Thanh toan",
            "vnp_PayDate": "20260302100000",
            "vnp_ResponseCode": code,
            "vnp_TransactionNo": "99990001",
            "vnp_TransactionStatus": code,
            "vnp_TxnRef": payment.order_ref,
        },
        secret,
    )


def snapshot(dossier):
    dossier = Dossier.objects.get(pk=dossier.pk)
    return (
        dossier.state,
        dossier.payment_status,
        dossier.event_count,
        list(Payment.objects.filter(dossier=dossier).values_list("status", "transaction_no")),
    )


def test_paid_end_to_end_marks_the_dossier_paid_online_with_one_event(gateway, pay, online_dossier, people):
    location, page = pay(online_dossier, people["citizen"])
    assert location.startswith("http://localhost:") and "/thanh-toan/ket-qua/?" in location
    assert "Thanh toán thành công" in page and "200.000 đồng" in page
    payment = Payment.objects.get(dossier=online_dossier)
    assert (payment.status, payment.amount, payment.bank_code) == ("paid", 200000, "NCB")
    assert payment.transaction_no and payment.raw_ipn["vnp_TxnRef"] == payment.order_ref
    dossier = Dossier.objects.get(pk=online_dossier.pk)
    assert (dossier.payment_status, dossier.state) == ("paid_online", "submitted")
    events = list(dossier.events.filter(kind="payment_confirmed"))
    assert len(events) == 1 and events[0].actor is None
    assert events[0].data == {"online": True, "reference": payment.order_ref, "amount": 200000}
    assert gateway.transactions[0]["ipn_answers"] == [protocol.IPN_OK]
    query = dict(parse_qsl(urlsplit(location).query))
    assert query["vnp_TxnRef"] == payment.order_ref and protocol.verify(query, SECRET)


def test_declined_payment_is_recorded_as_failed_and_the_dossier_is_untouched(gateway, pay, online_dossier, people):
    before = snapshot(online_dossier)
    _, page = pay(online_dossier, people["citizen"], choice="decline")
    assert "Thanh toán không thành công" in page and "Khách hàng hủy giao dịch" in page
    payment = Payment.objects.get(dossier=online_dossier)
    assert (payment.status, payment.response_code) == ("failed", "24")
    assert snapshot(online_dossier)[:3] == before[:3]
    assert gateway.transactions[0]["ipn_answers"] == [protocol.IPN_OK]


def test_return_page_alone_changes_nothing_and_spots_a_forgery(
    gateway, live_server, browser_for, online_dossier, people
):
    from motcua.payments import services

    payment, _ = services.start(online_dossier, user=people["citizen"], ip="127.0.0.1", return_url="http://x/")
    before = snapshot(online_dossier)
    browser = browser_for(people["citizen"])
    status, _, page = browser.open(f"{live_server.url}/thanh-toan/ket-qua/?" + urlencode(gateway_result(payment)))
    assert status == 200 and "Thanh toán thành công" in page
    forged = gateway_result(payment, secret="guessed")
    status, _, page = browser.open(f"{live_server.url}/thanh-toan/ket-qua/?{urlencode(forged)}")
    assert status == 400 and "Không xác minh được" in page
    assert snapshot(online_dossier) == before  # only the IPN changes anything


def test_forged_ipn_is_97_and_changes_nothing(gateway, live_server, online_dossier, people):
    from motcua.payments import services

    payment, _ = services.start(online_dossier, user=people["citizen"], ip="127.0.0.1", return_url="http://x/")
    before = snapshot(online_dossier)
    assert ipn(live_server, gateway_result(payment, secret="guessed")) == {
        "RspCode": "97",
        "Message": "Invalid signature",
    }
    tampered = {**gateway_result(payment), "vnp_ResponseCode": "00", "vnp_Amount": "100"}
    assert ipn(live_server, tampered)["RspCode"] == "97"
    assert (
        ipn(live_server, {k: v for k, v in gateway_result(payment).items() if k != "vnp_SecureHash"})["RspCode"] == "97"
    )
    unknown = protocol.sign({**gateway_result(payment), "vnp_TxnRef": "NOPE"}, SECRET)
    assert ipn(live_server, unknown) == {"RspCode": "01", "Message": "Order not found"}
    assert snapshot(online_dossier) == before


def test_wrong_amount_is_04_and_changes_nothing(gateway, live_server, online_dossier, people):
    from motcua.payments import services

    payment, _ = services.start(online_dossier, user=people["citizen"], ip="127.0.0.1", return_url="http://x/")
    before = snapshot(online_dossier)
    assert ipn(live_server, gateway_result(payment, amount=1000)) == {"RspCode": "04", "Message": "Invalid amount"}
    assert snapshot(online_dossier) == before


def test_duplicate_and_replayed_ipn_are_02_with_exactly_one_event(gateway, live_server, pay, online_dossier, people):
    gateway.duplicate_ipn = True
    pay(online_dossier, people["citizen"])
    assert gateway.transactions[0]["ipn_answers"] == [protocol.IPN_OK, protocol.IPN_ALREADY]
    payment = Payment.objects.get(dossier=online_dossier)
    assert ipn(live_server, payment.raw_ipn) == {"RspCode": "02", "Message": "Order already confirmed"}
    declined_replay = gateway_result(payment, code="24")
    assert ipn(live_server, declined_replay)["RspCode"] == "02"
    dossier = Dossier.objects.get(pk=online_dossier.pk)
    assert dossier.events.filter(kind="payment_confirmed").count() == 1
    assert Payment.objects.get(pk=payment.pk).status == "paid"
    assert dossier.payment_status == "paid_online"


def test_payment_awaited_after_receipt_moves_the_dossier_back_to_processing(gateway, pay, online_dossier, people):
    lifecycle.receive(online_dossier.pk, actor=people["desk"])
    lifecycle.request_payment(online_dossier.pk, actor=people["specialist"], amount=150000)
    pay(online_dossier, people["citizen"])
    dossier = Dossier.objects.get(pk=online_dossier.pk)
    assert (dossier.state, dossier.payment_status, dossier.national_status) == ("in_progress", "paid_online", 4)
    assert Payment.objects.get(dossier=dossier).amount == 150000


def test_a_paid_payment_on_a_withdrawn_dossier_is_kept_and_flagged(gateway, live_server, online_dossier, people):
    from motcua.payments import services

    payment, _ = services.start(online_dossier, user=people["citizen"], ip="127.0.0.1", return_url="http://x/")
    lifecycle.withdraw(online_dossier.pk, actor=people["citizen"], reason="Không cần nữa")
    assert ipn(live_server, gateway_result(payment))["RspCode"] == "00"  # the money is taken: acknowledge it
    payment.refresh_from_db()
    assert payment.status == "paid" and "hoàn tiền" in payment.note
    assert Dossier.objects.get(pk=online_dossier.pk).payment_status != "paid_online"


def test_reconciliation_reports_what_differs(gateway, pay, online_dossier, people, five_days, province, applicant):
    pay(online_dossier, people["citizen"])
    day = gateway.transactions[0]["vnp_PayDate"][:8]
    date = f"{day[:4]}-{day[4:6]}-{day[6:]}"
    out = StringIO()
    call_command("payments", "reconcile", "--date", date, stdout=out)
    assert "khớp 1 giao dịch" in out.getvalue()
    paid = Payment.objects.get()
    gateway.transactions[0]["vnp_Amount"] = "10000000"  # the gateway says 100.000 đồng
    ghost = Payment.objects.create(
        dossier=online_dossier, order_ref="GHOST1", amount=200000, status="paid", pay_date=paid.pay_date
    )
    out = StringIO()
    with pytest.raises(CommandError, match="2 chênh lệch"):
        call_command("payments", "reconcile", "--date", date, stdout=out)
    text = out.getvalue()
    assert f"{paid.order_ref}: số tiền khác nhau: hệ thống 200.000 đồng, cổng thanh toán 100.000 đồng" in text
    assert f"{ghost.order_ref}: có trong hệ thống" in text and "cổng thanh toán không có" in text
