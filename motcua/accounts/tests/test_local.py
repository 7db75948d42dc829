"""Local accounts: registration (confirmed by one-time codes), login by e-mail/phone/username, Argon2. Wrong passwords
and their delays: test_login_delays.py; password recovery: test_recovery.py."""

import pytest

from motcua.accounts.models import User

from .conftest import PASSWORD, register, register_and_confirm

pytestmark = pytest.mark.django_db


def login(client, username, password=PASSWORD):
    return client.post("/dang-nhap/", {"username": username, "password": password})


def test_registration_with_email_stores_an_argon2_hash_and_logs_in(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    response = register_and_confirm(client, email="Hoa.Le@Example.vn", id_number="001190000123")
    assert response.status_code == 302 and response["Location"] == "/ho-so-cua-toi/"
    user = User.objects.get()
    assert user.password.startswith("argon2$argon2id$")
    assert (user.username, user.email, user.kind, user.id_number) == (
        "hoa.le@example.vn",
        "hoa.le@example.vn",
        "citizen",
        "001190000123",
    )
    # The typed ID number proves nothing; the e-mail was proven by its code.
    assert not user.id_verified and user.vneid_subject is None and user.email_verified_at is not None
    assert "pending_registration" not in client.session


def test_argon2_is_the_first_configured_hasher():
    import importlib
    import os

    # The settings module itself, by the name Django was started with: the tests swap in a fast hasher at run time,
    # and the registry's tests do not import the wiring above them.
    project_settings = importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
    assert project_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_business_registration_with_phone_and_tax_code(client, sms_gateway):
    response = register_and_confirm(
        client,
        sms_gateway,
        kind="business",
        full_name="Công ty TNHH Sen Vàng",
        phone="+84 912 000 111",
        tax_code="0101234567",
    )
    assert response.status_code == 302
    user = User.objects.get()
    assert (user.username, user.phone, user.kind, user.tax_code) == (
        "0912000111",
        "0912000111",
        "business",
        "0101234567",
    )
    assert user.phone_verified_at is not None and user.email_verified_at is None


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({}, "email", "Vui lòng nhập e-mail hoặc số điện thoại."),
        ({"email": "khong-phai-email"}, "email", "Địa chỉ e-mail không hợp lệ."),
        ({"phone": "12345"}, "phone", "Số điện thoại không hợp lệ"),
        ({"email": "a@example.vn", "id_number": "12345"}, "id_number", "Số định danh cá nhân phải gồm đúng 12 chữ số."),
        ({"email": "a@example.vn", "id_number": "999000000000"}, "id_number", "ba chữ số đầu phải là mã tỉnh"),
        ({"email": "a@example.vn", "kind": "business"}, "tax_code", "Doanh nghiệp phải nhập mã số thuế."),
        ({"email": "a@example.vn", "password2": "khac-mat-khau"}, "password2", "Hai lần nhập mật khẩu không khớp."),
        ({"email": "a@example.vn", "full_name": ""}, "full_name", "Vui lòng nhập thông tin này."),
        (
            {"email": "a@example.vn", "password1": "abc", "password2": "abc"},
            "password1",
            "Mật khẩu quá ngắn: cần ít nhất 8 ký tự.",
        ),
        (
            {"email": "a@example.vn", "password1": "12345678", "password2": "12345678"},
            "password1",
            "Mật khẩu này quá phổ biến",
        ),
    ],
)
def test_registration_errors_are_vietnamese(client, fields, field, message):
    response = register(client, **fields)
    assert response.status_code == 200 and not User.objects.exists()
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert message in response.content.decode()


def test_the_form_never_says_that_an_email_phone_or_id_number_is_taken(client, sms_gateway):
    User.objects.create_user(
        "someone", email="hoa@example.vn", phone="0912000111", password="x", id_number="001190000123"
    )
    response = register(client, email="HOA@example.vn", phone="0912 000 111", id_number="001190000123")
    assert response.status_code == 302 and response["Location"] == "/dang-ky/xac-nhan/"  # as for anyone
    assert User.objects.count() == 1


def test_a_landline_cannot_receive_the_code(client, sms_gateway):
    response = register(client, phone="02103812345")
    assert "Cần số điện thoại di động để nhận mã xác nhận qua tin nhắn." in response.content.decode()
    assert sms_gateway.messages == [] and "pending_registration" not in client.session


def test_without_an_sms_gateway_registration_asks_for_an_email(client, settings):
    settings.MOTCUA_SMS_URL = ""
    response = register(client, phone="0912000111")
    assert "Vui lòng để trống và đăng ký bằng e-mail." in response.content.decode()


@pytest.fixture
def citizen(db):
    return User.objects.create_user(
        "hoa.le", email="hoa@example.vn", phone="0912000111", password=PASSWORD, full_name="Lê Thị Hoa"
    )


@pytest.mark.parametrize("name", ["hoa.le", "HOA@example.vn", "0912000111", "+84912000111", "0912 000 111"])
def test_login_by_username_email_or_phone(client, citizen, name):
    response = login(client, name)
    assert response.status_code == 302 and response["Location"] == "/ho-so-cua-toi/"


def test_staff_go_to_the_office_after_login(client):
    User.objects.create_user("canbo", password=PASSWORD, kind=User.Kind.STAFF)
    assert login(client, "canbo")["Location"] == "/can-bo/"


def test_logout(client, citizen):
    client.force_login(citizen)
    assert client.post("/dang-xuat/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_pages_render_with_links(client, db):
    page = client.get("/dang-nhap/").content.decode()
    assert 'id="id_username"' in page and 'id="id_password"' in page and "/dang-ky/" in page
    assert "Đăng ký tài khoản" in client.get("/dang-ky/").content.decode()


def test_registration_returns_to_the_page_that_asked_for_an_account_and_nowhere_else(client, sms_gateway):
    page = client.get("/dang-ky/?next=/nop-truc-tuyen/1.001193/")
    assert 'name="next" value="/nop-truc-tuyen/1.001193/"' in page.content.decode()
    response = register_and_confirm(client, sms_gateway, phone="0912000222", next="/nop-truc-tuyen/1.001193/")
    assert response["Location"] == "/nop-truc-tuyen/1.001193/"
    client.logout()
    response = register_and_confirm(client, sms_gateway, phone="0912000333", next="https://phishing.example/")
    assert response["Location"] == "/ho-so-cua-toi/"
