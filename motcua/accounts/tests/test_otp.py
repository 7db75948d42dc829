"""One-time codes (otp.py) and registration confirmed by them, over the SMS stand-in and Django's mailbox."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.db.models import F
from django.test import Client

from motcua.accounts import otp
from motcua.accounts.models import OneTimeCode, User

from .conftest import PASSWORD, code_in, confirm, mail_code, mail_to, register, sms_code, sms_to

pytestmark = pytest.mark.django_db
PHONE = "0912000111"


def other(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def age(**delta) -> None:
    """Move every code's clock back, as if `delta` had passed."""
    OneTimeCode.objects.update(
        last_sent_at=F("last_sent_at") - timedelta(**delta), expires_at=F("expires_at") - timedelta(**delta)
    )


def test_registration_waits_for_the_code_and_keeps_no_password_in_clear(client, sms_gateway):
    response = register(client, phone="0912 000 111", id_number="001190000123")
    assert response.status_code == 302 and response["Location"] == "/dang-ky/xac-nhan/"
    assert not User.objects.exists()
    pending = client.session["pending_registration"]
    assert PASSWORD not in str(pending) and pending["account"]["password"].startswith("md5$")
    page = client.get("/dang-ky/xac-nhan/").content.decode()
    assert "09******11" in page and PHONE not in page and "Gửi lại mã" in page
    [text] = sms_to(sms_gateway, PHONE)
    assert "ma xac nhan dang ky" in text and "10 phut" in text
    response = confirm(client, sms=code_in(text))
    assert response.status_code == 302 and response["Location"] == "/ho-so-cua-toi/"
    user = User.objects.get()
    assert user.phone == PHONE and user.phone_verified_at and not user.id_verified


def test_the_code_is_kept_only_as_a_keyed_hash(client, sms_gateway):
    register(client, phone=PHONE)
    code = sms_code(sms_gateway, PHONE)
    row = OneTimeCode.objects.values().get()
    stored = " ".join(str(v) for v in row.values())
    assert code not in stored and PHONE not in stored and row["destination_hint"] == "09******11"
    assert len(row["code_hash"]) == 64 and row["purpose"] == "register"


def test_a_wrong_code_costs_a_try_and_says_how_many_are_left(client, sms_gateway):
    register(client, phone=PHONE)
    code = sms_code(sms_gateway, PHONE)
    response = confirm(client, sms=other(code))
    assert response.status_code == 200 and "Mã xác nhận không đúng. Còn 4 lần thử." in response.content.decode()
    assert "Mã xác nhận gồm 6 chữ số." in confirm(client, sms="12ab").content.decode()  # not counted
    assert "Vui lòng nhập mã xác nhận." in confirm(client, sms="").content.decode()
    assert OneTimeCode.objects.get().failed_attempts == 1 and not User.objects.exists()
    assert confirm(client, sms=code).status_code == 302 and User.objects.count() == 1


def test_an_expired_code_is_refused(client, sms_gateway):
    register(client, phone=PHONE)
    code = sms_code(sms_gateway, PHONE)
    age(minutes=10)
    response = confirm(client, sms=code)
    assert "Mã xác nhận đã hết hạn" in response.content.decode() and not User.objects.exists()


def test_five_wrong_codes_kill_the_code_until_a_new_one_is_sent(client, sms_gateway):
    register(client, phone=PHONE)
    code = sms_code(sms_gateway, PHONE)
    for _ in range(4):
        confirm(client, sms=other(code))
    response = confirm(client, sms=other(code))
    assert "Bạn đã nhập sai mã 5 lần" in response.content.decode()
    response = confirm(client, sms=code)  # even the right code now
    assert "Bạn đã nhập sai mã 5 lần" in response.content.decode() and not User.objects.exists()
    age(seconds=61)
    client.post("/dang-ky/xac-nhan/", {"resend": "sms"})
    fresh = sms_code(sms_gateway, PHONE)
    assert confirm(client, sms=fresh).status_code == 302 and User.objects.count() == 1


def test_a_code_is_used_once(client, sms_gateway):
    register(client, phone=PHONE)
    code = sms_code(sms_gateway, PHONE)
    challenge = OneTimeCode.objects.get()
    assert otp.verify(challenge.pk, "register", code).ok
    assert otp.verify(challenge.pk, "register", code).outcome is otp.Outcome.USED
    assert otp.verify(challenge.pk, "password_reset", code).outcome is otp.Outcome.EXPIRED  # another purpose


def test_a_confirmed_registration_cannot_be_replayed(client, sms_gateway):
    register(client, phone=PHONE)
    code = sms_code(sms_gateway, PHONE)
    assert confirm(client, sms=code).status_code == 302
    client.post("/dang-xuat/")
    response = confirm(client, sms=code)
    assert response.status_code == 400 and "Phiên đăng ký đã hết hạn hoặc đã hoàn tất" in response.content.decode()
    assert User.objects.count() == 1


def test_resend_waits_a_minute_then_replaces_the_code(client, sms_gateway):
    register(client, phone=PHONE)
    first = sms_code(sms_gateway, PHONE)
    page = client.get("/dang-ky/xac-nhan/").content.decode()
    assert re.search(r'data-wait="(5\d|60)"\s+disabled', page)
    response = client.post("/dang-ky/xac-nhan/", {"resend": "sms"}, follow=True)
    assert re.search(r"Vui lòng chờ \d+ giây rồi bấm “Gửi lại mã”.", response.content.decode())
    assert len(sms_to(sms_gateway, PHONE)) == 1
    age(seconds=61)
    response = client.post("/dang-ky/xac-nhan/", {"resend": "sms"}, follow=True)
    assert "Đã gửi mã mới tới 09******11." in response.content.decode()
    second = sms_code(sms_gateway, PHONE)
    assert len(sms_to(sms_gateway, PHONE)) == 2
    if second != first:
        assert "Mã xác nhận không đúng" in confirm(client, sms=first).content.decode()
    assert confirm(client, sms=second).status_code == 302


def test_a_destination_gets_at_most_five_codes_an_hour(client, sms_gateway):
    register(client, phone=PHONE)
    for _ in range(4):
        age(seconds=61)
        client.post("/dang-ky/xac-nhan/", {"resend": "sms"})
    assert len(sms_to(sms_gateway, PHONE)) == 5
    age(seconds=61)
    response = client.post("/dang-ky/xac-nhan/", {"resend": "sms"}, follow=True)
    assert "Đã gửi nhiều mã xác nhận tới nơi nhận này trong một giờ qua" in response.content.decode()
    response = register(Client(), phone=PHONE)  # a new registration is no way around it
    assert "Đã gửi nhiều mã xác nhận tới nơi nhận này" in response.content.decode()
    assert len(sms_to(sms_gateway, PHONE)) == 5
    age(minutes=60)
    assert register(Client(), phone=PHONE).status_code == 302 and len(sms_to(sms_gateway, PHONE)) == 6


def test_an_address_in_use_gets_the_same_answer_and_no_second_account(client, sms_gateway):
    def answer(fields) -> tuple:
        browser = Client()
        response = register(browser, **fields)
        page = browser.get("/dang-ky/xac-nhan/").content.decode()
        page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
        page = re.sub(r'data-wait="\d+"|\(sau \d+ giây\)', "", page)
        return response.status_code, response["Location"], page, browser

    fields = {"email": "hoa@example.vn", "phone": PHONE}
    *fresh, _ = answer(fields)
    mail.outbox.clear()
    owner = User.objects.create_user("hoa.le", email="hoa@example.vn", phone=PHONE, password="x-Secret-123")
    age(seconds=61)
    *used, browser = answer(fields)
    assert used == fresh

    # The owner is told an account exists, with the way in; no code reaches anyone.
    [letter] = mail_to("hoa@example.vn")
    assert letter.subject == "Bạn đã có tài khoản trên Cổng dịch vụ công"
    assert "/dang-nhap/" in letter.body and not re.search(r"(?<!\d)\d{6}(?!\d)", letter.body)
    text = sms_to(sms_gateway, PHONE)[-1]
    assert "da co tai khoan" in text and not re.search(r"(?<!\d)\d{6}(?!\d)", text)
    response = confirm(browser, sms="123456", email="654321")
    assert "Mã xác nhận không đúng. Còn 4 lần thử." in response.content.decode()
    assert list(User.objects.values_list("pk", flat=True)) == [owner.pk]


def test_both_contacts_need_their_own_code(client, sms_gateway):
    register(client, email="Hoa@Example.vn", phone=PHONE)
    phone_code, mail_code_ = sms_code(sms_gateway, PHONE), mail_code("hoa@example.vn")
    response = confirm(client, sms=phone_code, email=other(mail_code_))
    page = response.content.decode()
    assert "✓ Đã xác nhận số điện thoại 09******11" in page and "Mã xác nhận không đúng" in page
    assert not User.objects.exists()
    assert confirm(client, email=mail_code_).status_code == 302
    user = User.objects.get()
    assert user.email_verified_at and user.phone_verified_at and user.username == "hoa@example.vn"


def test_an_address_taken_while_the_code_was_pending_makes_no_account(client, sms_gateway):
    register(client, phone=PHONE)
    code = sms_code(sms_gateway, PHONE)
    User.objects.create_user("someone", phone=PHONE, password="x-Secret-123")
    response = confirm(client, sms=code)
    assert response.status_code == 400 and "Không tạo được tài khoản" in response.content.decode()
    assert User.objects.count() == 1


def test_a_gateway_that_refuses_is_told_in_vietnamese(client, sms_gateway):
    sms_gateway.fail = ("99", "Loi he thong")
    response = register(client, phone=PHONE)
    assert response.status_code == 200
    assert "Chưa gửi được mã xác nhận tới số điện thoại 09******11" in response.content.decode()
    assert "pending_registration" not in client.session
    sms_gateway.fail = None
    assert register(client, phone=PHONE).status_code == 302  # the failed send did not count against the hour


def test_the_email_code_goes_out_over_smtp(client, smtp_sink):
    register(client, email="hoa@example.vn")
    [letter] = smtp_sink.messages()
    assert letter["to"] == "hoa@example.vn" and letter["subject"] == "Mã xác nhận đăng ký tài khoản"
    assert confirm(client, email=code_in(letter["body"])).status_code == 302


def test_one_address_cannot_start_endless_registrations(client, sms_gateway, settings):
    settings.MOTCUA_REGISTER_PER_HOUR = 2
    for n in range(2):
        assert register(client, phone=f"091200011{n}").status_code == 302
    response = register(client, phone="0912000119")
    assert "Có quá nhiều yêu cầu đăng ký từ thiết bị này" in response.content.decode()
    assert len(sms_gateway.messages) == 2


def test_hints_show_enough_to_recognise_not_to_read():
    assert otp.hint("sms", "+84 912 345 678") == "09******78"
    assert otp.hint("email", "Hoa.Le@Example.vn") == "h*****@example.vn"
    assert len({otp.new_code() for _ in range(50)}) > 40 and all(len(otp.new_code()) == 6 for _ in range(50))
