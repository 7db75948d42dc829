"""Quên mật khẩu (issue 12, item 1): the same answer for every address; a one-time code only to a verified contact of
an account; a new password ends the account's other sessions; throttled; and the owner always gets back in."""

import re
import time

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token

from motcua.accounts.models import OneTimeCode, User
from motcua.ratelimits import backoff

from .conftest import CODE_RE, PASSWORD, code_in, mail_to, sms_to

pytestmark = pytest.mark.django_db
START, CONFIRM = "/quen-mat-khau/", "/quen-mat-khau/xac-nhan/"
NEW = "Sen-Hong-2026!"


@pytest.fixture
def citizen(db):
    now = timezone.now()
    return User.objects.create_user(
        "hoa@example.vn",
        email="hoa@example.vn",
        phone="0912000111",
        password=PASSWORD,
        full_name="Lê Thị Hoa",
        email_verified_at=now,
        phone_verified_at=now,
    )


def ask(client, contact):
    return client.post(START, {"contact": contact})


def set_password(client, code, password=NEW, again=None):
    return client.post(CONFIRM, {"code": code, "password1": password, "password2": again or password})


def other(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def test_the_answer_is_the_same_whether_or_not_an_account_has_the_address(citizen, sms_gateway):
    pages = {}
    for contact in ("HOA@example.vn", "ai-do@example.vn", "0912 000 111", "0987000999"):
        client = Client()
        response = ask(client, contact)
        assert response.status_code == 302 and response["Location"] == CONFIRM
        page = client.get(CONFIRM).content.decode()
        assert "mã xác nhận gồm 6 chữ số đã được gửi tới đó" in page
        page = re.sub(r"<strong>[^<]*</strong>", "<strong>…</strong>", page)  # the masked address
        pages[contact] = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)
    assert pages["HOA@example.vn"] == pages["ai-do@example.vn"]
    assert pages["0912 000 111"] == pages["0987000999"]
    # every address got one message; only the account's got a code
    [to_account], [to_nobody] = mail_to("hoa@example.vn"), mail_to("ai-do@example.vn")
    assert CODE_RE.search(to_account.body) and not CODE_RE.search(to_nobody.body)
    assert "không gắn với tài khoản nào" in to_nobody.body
    [sms_account], [sms_nobody] = sms_to(sms_gateway, "0912000111"), sms_to(sms_gateway, "0987000999")
    assert CODE_RE.search(sms_account) and not CODE_RE.search(sms_nobody)


def test_the_code_sets_a_new_password_and_ends_every_other_session(client, citizen):
    elsewhere = Client()
    elsewhere.force_login(citizen)
    token = Token.objects.create(user=citizen)
    ask(client, "hoa@example.vn")
    response = set_password(client, code_in(mail_to("hoa@example.vn")[-1].body))
    assert response.status_code == 302 and response["Location"] == "/ho-so-cua-toi/"
    assert client.session["_auth_user_id"] == str(citizen.pk)
    assert elsewhere.get("/ho-so-cua-toi/").status_code == 302  # that session ended: back to the login page
    assert not Token.objects.filter(pk=token.pk).exists()
    citizen.refresh_from_db()
    assert citizen.check_password(NEW) and not citizen.check_password(PASSWORD)
    assert "vừa được đặt lại" in mail_to("hoa@example.vn")[-1].body  # the owner is told
    assert set_password(client, "000000").status_code == 302  # signed in: the page sends them home


def test_recovery_by_sms(client, citizen, sms_gateway):
    assert ask(client, "+84 912 000 111").status_code == 302
    code = code_in(sms_to(sms_gateway, "0912000111")[-1])
    assert "ma dat lai mat khau" in sms_to(sms_gateway, "0912000111")[-1]
    assert set_password(client, code).status_code == 302
    citizen.refresh_from_db()
    assert citizen.check_password(NEW)


def test_a_contact_nobody_verified_gets_no_code(client, citizen):
    User.objects.filter(pk=citizen.pk).update(email_verified_at=None)
    ask(client, "hoa@example.vn")
    [message] = mail_to("hoa@example.vn")
    assert not CODE_RE.search(message.body) and "chưa được xác nhận" in message.body
    row = OneTimeCode.objects.get(purpose="recover")
    for guess in ("123456", "654321"):  # the code page can only fail
        response = set_password(client, guess)
        assert response.status_code == 400 and "Mã xác nhận không đúng" in response.content.decode()
    assert OneTimeCode.objects.get(pk=row.pk).failed_attempts == 2
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)


def test_a_wrong_code_costs_a_try_and_a_weak_password_costs_none(client, citizen):
    ask(client, "hoa@example.vn")
    code = code_in(mail_to("hoa@example.vn")[-1].body)
    weak = set_password(client, code, "12345678")
    assert weak.status_code == 400 and "Mật khẩu này quá phổ biến" in weak.content.decode()
    mismatch = set_password(client, code, NEW, again="Khac-" + NEW)
    assert "Hai lần nhập mật khẩu không khớp." in mismatch.content.decode()
    wrong = set_password(client, other(code))
    assert "Mã xác nhận không đúng. Còn 4 lần thử." in wrong.content.decode()
    assert set_password(client, code).status_code == 302  # the right code still works


def test_a_staff_account_gets_the_staff_rules_once_the_code_is_right(client):
    staff = User.objects.create_user(
        "canbo", email="canbo@example.vn", password=PASSWORD, kind=User.Kind.STAFF, email_verified_at=timezone.now()
    )
    ask(client, "canbo@example.vn")
    short = set_password(client, code_in(mail_to("canbo@example.vn")[-1].body), "Hoa-Sen-26")  # 10 characters
    html = short.content.decode()
    assert short.status_code == 400 and "cần ít nhất 12 ký tự" in html
    assert "Mã xác nhận đã đúng" in html and 'name="code"' not in html  # the used code is not asked again
    done = client.post(CONFIRM, {"password1": "Cay-Bang-Xanh-2026", "password2": "Cay-Bang-Xanh-2026"})
    assert done.status_code == 302 and done["Location"] == "/can-bo/"
    staff.refresh_from_db()
    assert staff.check_password("Cay-Bang-Xanh-2026")


def test_the_owner_always_gets_back_in(client, citizen, monkeypatch, settings):
    """Someone who types wrong passwords on the owner's name makes them wait; the code lets the owner in at once,
    and their own login works again straight after."""
    clock = [time.time()]
    monkeypatch.setattr(backoff, "_now", lambda: clock[0])
    attacker = Client(REMOTE_ADDR="198.51.100.66")
    for _ in range(15):
        attacker.post("/dang-nhap/", {"username": "hoa@example.vn", "password": "doan-bua"})
        clock[0] += 30
    held = client.post("/dang-nhap/", {"username": "hoa@example.vn", "password": PASSWORD})
    assert held.status_code == 429
    ask(client, "hoa@example.vn")
    assert set_password(client, code_in(mail_to("hoa@example.vn")[-1].body)).status_code == 302
    client.post("/dang-xuat/")
    again = client.post("/dang-nhap/", {"username": "hoa@example.vn", "password": NEW})
    assert again.status_code == 302 and again["Location"] == "/ho-so-cua-toi/"


def test_recovery_requests_are_limited_per_client_address(client, citizen, settings):
    settings.MOTCUA_RECOVERY_PER_HOUR = 2
    assert [ask(Client(), f"nguoi{i}@example.vn").status_code for i in range(2)] == [302, 302]
    refused = ask(Client(), "hoa@example.vn")
    assert refused.status_code == 429 and "quá nhiều yêu cầu đặt lại mật khẩu" in refused.content.decode()
    assert mail_to("hoa@example.vn") == []


def test_bad_input_is_explained_in_vietnamese(client, settings):
    assert "Vui lòng nhập thông tin này." in ask(client, "").content.decode()
    assert "Địa chỉ e-mail không hợp lệ." in ask(client, "hoa@").content.decode()
    assert "số điện thoại di động" in ask(client, "02103812345").content.decode()  # a landline cannot get an SMS
    settings.MOTCUA_SMS_URL = ""
    assert "Hệ thống chưa gửi được tin nhắn" in ask(client, "0912000111").content.decode()
    assert mail.outbox == []


def test_without_a_started_recovery_the_code_page_says_start_again(client):
    page = client.get(CONFIRM).content.decode()
    assert "Phiên đặt lại mật khẩu đã hết hạn hoặc đã hoàn tất" in page
    assert set_password(client, "123456").status_code == 400
