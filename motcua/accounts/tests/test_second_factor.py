"""Xác thực hai bước (issue 12, item 3): staff enrol a TOTP app; after the password, an account with one gives its
code; admins and leaders must enrol before anything opens; wrong codes wait like wrong passwords; a recovery does not
skip the code; an admin resets a lost device, on the record; API tokens are not asked for a code.

The server's TOTP clock is fixed by the `clock` fixture (mid-step), so that a code computed here is the code of the
step the server is in; the login pages are used throughout (the test client's own logins skip the second step:
conftest.py)."""

import base64
import re
import types

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from motcua.accounts import second_factor
from motcua.accounts.models import User

from .conftest import code_in, mail_to

pytestmark = pytest.mark.django_db
LOGIN, STEP, SETUP = "/dang-nhap/", "/dang-nhap/ma-xac-thuc/", "/tai-khoan/xac-thuc-hai-buoc/"
KEY = "3132333435363738393031323334353637383930"  # RFC 6238's test key, hex
T = 1_780_000_015  # a moment 15 s into a 30 s step


@pytest.fixture
def clock(monkeypatch):
    """The moment django-otp checks codes at (and the moment the code step began, for its ten minutes)."""
    now = types.SimpleNamespace(value=T)
    fake = types.SimpleNamespace(time=lambda: now.value)
    monkeypatch.setattr("django_otp.plugins.otp_totp.models.time", fake)
    monkeypatch.setattr(second_factor, "time", fake)
    return now


def code_at(key_hex: str, moment: float, steps: int = 0) -> str:
    totp = TOTP(bytes.fromhex(key_hex))
    totp.time = moment + 30 * steps
    return f"{totp.token():06d}"


def enrol(user, key=KEY) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Ứng dụng", key=key, confirmed=True)


def password(client, user, next_url=""):
    data = {"username": user.username, "password": "pw-" + user.username}
    return client.post(LOGIN + (f"?next={next_url}" if next_url else ""), {**data, "next": next_url})


def give(client, code, url=STEP):
    return client.post(url, {"code": code})


def signed_in_fully(client) -> bool:
    return "_auth_user_id" in client.session and second_factor.PENDING not in client.session


# --- Enrolment ------------------------------------------------------------------------------------------------------


def test_a_specialist_enrols_from_the_account_page(client, people, clock):
    user = people["specialist"]
    client.force_login(user)
    account = client.get("/tai-khoan/").content.decode()
    assert "Chưa bật" in account and f'href="{SETUP}"' in account
    page = client.get(SETUP)
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=user)
    assert page.status_code == 200 and not device.confirmed  # not active before its first code
    assert re.search(r'<img class="totp-qr" id="totp-qr" src="data:image/svg\+xml;charset=utf-8,%3Csvg', html)
    secret = re.search(r'<code class="totp-secret" id="totp-secret">([A-Z2-7 ]+)</code>', html).group(1)
    assert base64.b32decode(secret.replace(" ", "")) == device.bin_key  # the text a person types is the key
    assert "otpauth" not in html and "style=" not in html and "<script>" not in html
    assert client.get(SETUP).content.decode().count(secret) == 1  # the same key again until it is confirmed

    wrong = give(client, code_at(device.key, T, steps=5), SETUP)
    assert wrong.status_code == 400 and "Mã xác thực không đúng" in wrong.content.decode()
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    done = give(client, code_at(device.key, T), SETUP)
    assert done.status_code == 302 and done["Location"] == "/tai-khoan/"
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    after = client.get(SETUP).content.decode()
    assert "đang bật" in after and secret not in after and "totp-qr" not in after  # the key is never shown again
    assert "Đang bật" in client.get("/tai-khoan/").content.decode()


def test_the_qr_code_carries_the_key_and_the_issuer(people):
    device = second_factor.enrolling_device(people["specialist"])
    assert device.config_url.startswith("otpauth://totp/C%E1%BB%95ng%20d%E1%BB%8Bch%20v%E1%BB%A5%20c%C3%B4ng%3A")
    assert base64.b32encode(device.bin_key).decode().rstrip("=") in device.config_url
    assert second_factor.qr_data_uri(device).startswith("data:image/svg+xml")


def test_citizens_have_no_enrolment(client, people):
    client.force_login(people["citizen"])
    response = client.get(SETUP)
    assert response.status_code == 302 and response["Location"] == "/tai-khoan/"
    assert not TOTPDevice.objects.exists()


# --- Login with a code ------------------------------------------------------------------------------------------------


def test_login_asks_for_the_code_and_refuses_wrong_and_replayed_ones(client, people, clock):
    user = people["specialist"]
    enrol(user)
    first = password(client, user)
    assert first.status_code == 302 and first["Location"] == f"{STEP}?next=%2Fcan-bo%2F"
    assert not signed_in_fully(client)
    blocked = client.get("/can-bo/")
    assert blocked.status_code == 302 and blocked["Location"] == f"{STEP}?next=%2Fcan-bo%2F"
    assert client.get("/tai-khoan/").status_code == 302

    page = client.get(first["Location"]).content.decode()
    assert "Nhập mã xác thực" in page and 'autocomplete="one-time-code"' in page
    wrong = give(client, code_at(KEY, T, steps=3))
    assert wrong.status_code == 400 and "Mã xác thực không đúng hoặc đã được dùng" in wrong.content.decode()
    assert client.get("/can-bo/").status_code == 302
    before = client.session.session_key
    right = client.post(STEP, {"code": code_at(KEY, T), "next": "/can-bo/"})
    assert right.status_code == 302 and right["Location"] == "/can-bo/"
    assert signed_in_fully(client) and client.session.session_key != before  # a new key once fully signed in
    assert client.get("/can-bo/").status_code == 200

    again = Client()  # the same code, seen over a shoulder, on another computer, within its 30 s
    password(again, user)
    replay = give(again, code_at(KEY, T))
    assert replay.status_code == 400 and not signed_in_fully(again)
    earlier = give(again, code_at(KEY, T, steps=-1))  # nor a code of an earlier step
    assert earlier.status_code == 400 and not signed_in_fully(again)
    clock.value += 30  # the next step: its code is new
    assert give(again, code_at(KEY, clock.value)).status_code == 302 and signed_in_fully(again)


def test_one_step_of_drift_each_way_is_tolerated(client, people, clock):
    user = people["specialist"]
    enrol(user)
    for steps, accepted in ((-2, False), (2, False), (-1, True)):
        fresh = Client()
        password(fresh, user)
        assert (give(fresh, code_at(KEY, T, steps)).status_code == 302) is accepted, steps
    fresh = Client()
    password(fresh, user)
    assert give(fresh, code_at(KEY, T, 1)).status_code == 302  # the phone's clock a little ahead


def test_a_code_that_is_not_six_digits_costs_no_try(client, people, clock):
    user = people["specialist"]
    enrol(user)
    password(client, user)
    for text in ("", "12345", "abcdef", "1234567"):
        assert give(client, text).status_code == 400
    assert give(client, " " + code_at(KEY, T)[:3] + " " + code_at(KEY, T)[3:]).status_code == 302  # spaces are fine


def test_wrong_codes_wait_like_wrong_passwords(client, people, clock, settings):
    user = people["specialist"]
    enrol(user)
    password(client, user)
    for _ in range(settings.MOTCUA_LOGIN_FREE_FAILURES + 1):
        assert give(client, code_at(KEY, T, steps=4)).status_code == 400
    waiting = give(client, code_at(KEY, T))  # the right code, during the wait: not even checked
    assert waiting.status_code == 429 and "Vui lòng chờ 1 giây" in waiting.content.decode()
    assert TOTPDevice.objects.get(user=user).last_t == -1
    other = Client()  # a new login does not start a new count: it is the account's
    password(other, user)
    assert give(other, code_at(KEY, T)).status_code == 429


def test_wrong_codes_count_with_wrong_passwords_per_address(client, people, clock, settings):
    settings.MOTCUA_LOGIN_FREE_FAILURES_PER_ADDRESS = 1
    enrol(people["specialist"])
    password(client, people["specialist"])
    give(client, code_at(KEY, T, steps=4))
    give(client, code_at(KEY, T, steps=5))  # two wrong codes from this address
    guess = Client().post(LOGIN, {"username": "desk", "password": "not-the-password"})
    assert guess.status_code == 429  # the next password of any name from here waits


def test_the_code_must_follow_the_password_within_ten_minutes(client, people, clock):
    user = people["specialist"]
    enrol(user)
    password(client, user)
    clock.value += 11 * 60
    late = client.get("/can-bo/")
    assert late.status_code == 302 and late["Location"].startswith("/dang-nhap/?next=")
    assert "_auth_user_id" not in client.session
    assert "Quá 10 phút chưa nhập mã xác thực" in client.get(late["Location"]).content.decode()


def test_a_form_sent_before_the_code_does_nothing(client, people, received, clock):
    head = people["head"]
    enrol(head)
    password(client, head)
    events = received.events.count()
    response = client.post(reverse("office:act", args=[received.code, "assign"]), {"officer": people["specialist"].pk})
    assert response.status_code == 303 and response["Location"] == STEP
    assert received.events.count() == events


def test_an_unconfirmed_device_asks_for_nothing(client, people):
    second_factor.enrolling_device(people["specialist"])  # the page was opened, the code never given
    response = password(client, people["specialist"])
    assert response.status_code == 302 and response["Location"] == "/can-bo/" and signed_in_fully(client)


def test_a_device_enrolled_cannot_be_replaced_while_its_code_is_owed(client, people, clock):
    user = people["specialist"]
    enrol(user)
    password(client, user)
    for method in (client.get, client.post):
        response = method(SETUP)
        assert response.status_code == 302 and response["Location"].startswith(STEP)
    assert TOTPDevice.objects.filter(user=user).count() == 1


# --- Who must enrol ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["head", "monitor", "commune_head", "superuser", "is_staff"])
def test_admins_and_leaders_must_enrol_before_anything_opens(client, people, clock, who, settings):
    if who in ("superuser", "is_staff"):
        user = User.objects.create_user(
            "quantri", password="pw-quantri", kind="staff", is_staff=True, is_superuser=who == "superuser"
        )
    else:
        user = people[who]
    response = password(client, user)
    assert response.status_code == 302 and response["Location"] == f"{STEP}?next=%2Fcan-bo%2F"
    setup = client.get(response["Location"])
    assert setup.status_code == 302 and setup["Location"] == f"{SETUP}?next=%2Fcan-bo%2F"
    page = client.get(setup["Location"]).content.decode()
    assert "phải bật xác thực hai bước trước khi làm việc tiếp" in page and "Đăng xuất" in page
    for url in (
        "/can-bo/",
        "/quan-tri/",
        "/quan-tri/accounts/user/",
        "/bang-dieu-khien/",
        "/bao-cao/",
        "/tai-khoan/",
        "/api/v1/dossiers/",
    ):
        blocked = client.get(url)
        assert blocked.status_code == 302 and blocked["Location"].startswith(STEP), url
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    done = client.post(SETUP, {"code": code_at(device.key, T), "next": "/can-bo/"})
    assert done.status_code == 302 and done["Location"] == "/can-bo/" and signed_in_fully(client)
    if who in ("superuser", "is_staff"):
        assert client.get("/quan-tri/").status_code == 200
    else:
        assert client.get("/can-bo/").status_code == 200
    again = Client()
    assert password(again, user)["Location"].startswith(STEP)  # from now on, the code at every login
    assert again.get(STEP).status_code == 200


def test_the_admin_login_page_is_held_too(client, clock):
    admin = User.objects.create_user("quantri", password="pw-quantri", kind="staff", is_staff=True, is_superuser=True)
    response = client.post(
        "/quan-tri/login/?next=/quan-tri/", {"username": "quantri", "password": "pw-quantri", "next": "/quan-tri/"}
    )
    assert response.status_code == 302 and response["Location"] == "/quan-tri/"
    held = client.get("/quan-tri/")
    assert held.status_code == 302 and held["Location"] == f"{STEP}?next=%2Fquan-tri%2F"
    enrol(admin)
    assert client.get(held["Location"]).status_code == 200  # the code page, since a device now exists
    assert client.post(STEP, {"code": code_at(KEY, T), "next": "/quan-tri/"})["Location"] == "/quan-tri/"
    assert client.get("/quan-tri/").status_code == 200


@pytest.mark.parametrize("who", ["desk", "specialist", "clerk", "commune_desk", "citizen"])
def test_other_staff_and_citizens_are_not_forced(client, people, who):
    response = password(client, people[who])
    assert response.status_code == 302 and not response["Location"].startswith(STEP)
    assert signed_in_fully(client)


# --- Recovery, reset, API ------------------------------------------------------------------------------------------


def test_a_password_recovery_still_asks_for_the_code(client, clock):
    from django.utils import timezone

    head = User.objects.create_user(
        "truongphong",
        password="Old-Password-2026",
        kind="staff",
        email="tp@example.vn",
        email_verified_at=timezone.now(),
    )
    enrol(head)
    client.post("/quen-mat-khau/", {"contact": "tp@example.vn"})
    done = client.post(
        "/quen-mat-khau/xac-nhan/",
        {
            "code": code_in(mail_to("tp@example.vn")[-1].body),
            "password1": "Cay-Bang-Xanh-2026",
            "password2": "Cay-Bang-Xanh-2026",
        },
    )
    assert done.status_code == 302 and done["Location"] == f"{STEP}?next=%2Fcan-bo%2F"
    assert client.get("/can-bo/").status_code == 302 and not signed_in_fully(client)
    assert client.post(STEP, {"code": code_at(KEY, T)}).status_code == 302 and signed_in_fully(client)


def test_a_leader_without_a_device_enrols_after_a_recovery_as_at_a_first_login(client, people):
    from django.utils import timezone

    User.objects.filter(pk=people["head"].pk).update(email="head@example.vn", email_verified_at=timezone.now())
    client.post("/quen-mat-khau/", {"contact": "head@example.vn"})
    done = client.post(
        "/quen-mat-khau/xac-nhan/",
        {
            "code": code_in(mail_to("head@example.vn")[-1].body),
            "password1": "Cay-Bang-Xanh-2026",
            "password2": "Cay-Bang-Xanh-2026",
        },
    )
    assert done["Location"].startswith(STEP) and client.get("/can-bo/").status_code == 302


def test_an_admin_resets_a_lost_device_on_the_record(client, people, clock):
    admin = User.objects.create_superuser("quantri", password="pw-quantri", kind="staff")
    head = people["head"]
    enrol(head)
    client.force_login(admin)
    response = client.post("/quan-tri/accounts/user/", {"action": "reset_second_factor", "_selected_action": [head.pk]})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=head).exists()
    entry = LogEntry.objects.get(object_id=str(head.pk))
    assert entry.user == admin and "Đặt lại xác thực hai bước" in entry.get_change_message()
    assert "Đặt lại xác thực hai bước" in client.get(f"/quan-tri/accounts/user/{head.pk}/history/").content.decode()
    leader = Client()  # the leader's next login enrols a new phone
    assert leader.get(password(leader, head)["Location"])["Location"].startswith(SETUP)


def test_the_admin_never_shows_a_key(client, people):
    admin = User.objects.create_superuser("quantri", password="pw-quantri", kind="staff")
    device = enrol(people["head"])
    client.force_login(admin)
    listing = client.get("/quan-tri/otp_totp/totpdevice/").content.decode()
    change = client.get(f"/quan-tri/otp_totp/totpdevice/{device.pk}/change/").content.decode()
    assert "head" in listing and KEY not in listing + change and "qrcode" not in listing + change
    assert client.get("/quan-tri/otp_totp/totpdevice/add/").status_code == 403
    users = client.get("/quan-tri/accounts/user/").content.decode()
    assert "xác thực hai bước" in users


def test_api_tokens_need_no_code(people, clock):
    """Tokens are the integrations' credentials, issued in the admin: no person at a screen to type a code."""
    head = people["head"]
    enrol(head)
    token = Token.objects.create(user=head)
    api = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get("/api/v1/dossiers/").status_code == 200
    browser = Client()  # the same account's session, before its code, gets nothing from the API
    password(browser, head)
    assert browser.get("/api/v1/dossiers/").status_code == 302
