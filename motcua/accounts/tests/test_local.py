"""Local accounts: registration, login by e-mail/phone/username, Argon2, lockout after 5 failures."""
from datetime import timedelta

import pytest
from django.utils import timezone

from motcua.accounts.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "Hoa-Sen-2025!"


def register(client, **fields):
    data = {"kind": "citizen", "full_name": "Lê Thị Hoa", "email": "", "phone": "", "id_number": "",
            "tax_code": "", "password1": PASSWORD, "password2": PASSWORD, **fields}
    return client.post("/dang-ky/", data)


def login(client, username, password=PASSWORD):
    return client.post("/dang-nhap/", {"username": username, "password": password})


def test_registration_with_email_stores_an_argon2_hash_and_logs_in(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    response = register(client, email="Hoa.Le@Example.vn", id_number="001190000123")
    assert response.status_code == 302 and response["Location"] == "/ho-so-cua-toi/"
    user = User.objects.get()
    assert user.password.startswith("argon2$argon2id$")
    assert (user.username, user.email, user.kind, user.id_number) == (
        "hoa.le@example.vn", "hoa.le@example.vn", "citizen", "001190000123")


def test_argon2_is_the_first_configured_hasher():
    from motcua import settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_business_registration_with_phone_and_tax_code(client):
    response = register(client, kind="business", full_name="Công ty TNHH Sen Vàng", phone="+84 912 000 111",
                        tax_code="0101234567")
    assert response.status_code == 302
    user = User.objects.get()
    assert (user.username, user.phone, user.kind, user.tax_code) == ("0912000111", "0912000111", "business",
                                                                    "0101234567")


@pytest.mark.parametrize("fields, field, message", [
    ({}, "email", "Vui lòng nhập e-mail hoặc số điện thoại."),
    ({"email": "khong-phai-email"}, "email", "Địa chỉ e-mail không hợp lệ."),
    ({"phone": "12345"}, "phone", "Số điện thoại không hợp lệ"),
    ({"email": "a@example.vn", "id_number": "12345"}, "id_number", "Số định danh cá nhân phải gồm đúng 12 chữ số."),
    ({"email": "a@example.vn", "id_number": "999000000000"}, "id_number", "ba chữ số đầu phải là mã tỉnh"),
    ({"email": "a@example.vn", "kind": "business"}, "tax_code", "Doanh nghiệp phải nhập mã số thuế."),
    ({"email": "a@example.vn", "password2": "khac-mat-khau"}, "password2", "Hai lần nhập mật khẩu không khớp."),
    ({"email": "a@example.vn", "full_name": ""}, "full_name", "Vui lòng nhập thông tin này."),
    ({"email": "a@example.vn", "password1": "abc", "password2": "abc"}, "password1", "Mật khẩu quá ngắn: cần ít nhất 8 ký tự."),
    ({"email": "a@example.vn", "password1": "12345678", "password2": "12345678"}, "password1",
     "Mật khẩu này quá phổ biến"),
])
def test_registration_errors_are_vietnamese(client, fields, field, message):
    response = register(client, **fields)
    assert response.status_code == 200 and not User.objects.exists()
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert message in response.content.decode()


def test_email_and_phone_are_unique_across_accounts(client):
    User.objects.create_user("someone", email="hoa@example.vn", phone="0912000111", password="x")
    response = register(client, email="HOA@example.vn", phone="0912 000 111")
    errors = response.context["form"].errors
    assert "E-mail này đã được dùng cho một tài khoản khác." in errors["email"]
    assert "Số điện thoại này đã được dùng cho một tài khoản khác." in errors["phone"]


@pytest.fixture
def citizen(db):
    return User.objects.create_user("hoa.le", email="hoa@example.vn", phone="0912000111", password=PASSWORD,
                                    full_name="Lê Thị Hoa")


@pytest.mark.parametrize("name", ["hoa.le", "HOA@example.vn", "0912000111", "+84912000111", "0912 000 111"])
def test_login_by_username_email_or_phone(client, citizen, name):
    response = login(client, name)
    assert response.status_code == 302 and response["Location"] == "/ho-so-cua-toi/"


def test_staff_go_to_the_office_after_login(client):
    User.objects.create_user("canbo", password=PASSWORD, kind=User.Kind.STAFF)
    assert login(client, "canbo")["Location"] == "/can-bo/"


def test_wrong_password_message_is_vietnamese(client, citizen):
    response = login(client, "hoa@example.vn", "sai")
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng. Còn 4 lần thử" in response.content.decode()
    response = login(client, "khong-co-ai", "sai")
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()


def test_five_failures_lock_the_account_for_fifteen_minutes(client, citizen):
    for _ in range(5):
        response = login(client, "hoa@example.vn", "sai")
    assert "Tài khoản đã bị tạm khóa do nhập sai mật khẩu 5 lần liên tiếp" in response.content.decode()
    assert "15 phút" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.locked_until > timezone.now() + timedelta(minutes=14)
    response = login(client, "0912000111")  # the right password does not open a locked account
    assert response.status_code == 200 and "tạm khóa" in response.content.decode()
    assert not client.login(username="hoa.le", password=PASSWORD)  # nor any other authenticate() caller


def test_lock_expires_and_success_resets_the_count(client, citizen):
    for _ in range(5):
        login(client, "hoa.le", "sai")
    User.objects.filter(pk=citizen.pk).update(locked_until=timezone.now() - timedelta(seconds=1))
    assert login(client, "hoa.le").status_code == 302
    citizen.refresh_from_db()
    assert citizen.failed_logins == 0 and citizen.locked_until is None


def test_success_resets_earlier_failures(client, citizen):
    for _ in range(4):
        login(client, "hoa.le", "sai")
    assert login(client, "hoa.le").status_code == 302
    client.post("/dang-xuat/")
    for _ in range(4):
        login(client, "hoa.le", "sai")
    citizen.refresh_from_db()
    assert citizen.failed_logins == 4 and citizen.locked_until is None


def test_logout(client, citizen):
    client.force_login(citizen)
    assert client.post("/dang-xuat/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_pages_render_with_links(client, db):
    page = client.get("/dang-nhap/").content.decode()
    assert 'id="id_username"' in page and 'id="id_password"' in page and "/dang-ky/" in page
    assert "Đăng ký tài khoản" in client.get("/dang-ky/").content.decode()


def test_registration_returns_to_the_page_that_asked_for_an_account_and_nowhere_else(client):
    page = client.get("/dang-ky/?next=/nop-truc-tuyen/1.001193/")
    assert 'name="next" value="/nop-truc-tuyen/1.001193/"' in page.content.decode()
    response = register(client, phone="0912000222", next="/nop-truc-tuyen/1.001193/")
    assert response["Location"] == "/nop-truc-tuyen/1.001193/"
    client.logout()
    response = register(client, phone="0912000333", next="https://phishing.example/")
    assert response["Location"] == "/ho-so-cua-toi/"
