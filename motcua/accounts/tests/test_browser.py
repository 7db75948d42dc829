"""A citizen signs in with VNeID (the stand-in, showing its form) in Chromium at phone width."""

import re

import pytest

from motcua.accounts.models import User


@pytest.mark.django_db(transaction=True)
def test_phone_sso_login_through_the_standin(phone_page, live_server, oidc_provider, artifacts):
    oidc_provider.auto_approve = False
    page = phone_page
    page.goto(f"{live_server.url}/dang-nhap/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling at phone width
    page.screenshot(path=str(artifacts / "accounts-login-phone.png"), full_page=True)
    page.click("#vneid-login")
    page.wait_for_url(re.compile(r".*/authorize\?.*"))
    page.fill("input[name=so_dinh_danh]", "036195001122")
    page.fill("input[name=name]", "Phạm Minh Khoa")
    page.click("#approve")
    page.wait_for_url(re.compile(r".*/ho-so-cua-toi/.*"))
    page.screenshot(path=str(artifacts / "accounts-vneid-done-phone.png"), full_page=True)
    user = User.objects.get(id_number="036195001122")
    assert user.full_name == "Phạm Minh Khoa" and user.kind == User.Kind.CITIZEN


@pytest.mark.django_db(transaction=True)
def test_phone_registration_errors(phone_page, live_server, artifacts):
    page = phone_page
    page.goto(f"{live_server.url}/dang-ky/")
    page.fill("#id_full_name", "Lê Thị Hoa")
    page.fill("#id_id_number", "12345")
    page.fill("#id_password1", "Hoa-Sen-2025!")
    page.fill("#id_password2", "Hoa-Sen-2025!")
    page.click("button[type=submit].primary")
    page.wait_for_selector("text=Vui lòng nhập e-mail hoặc số điện thoại.")
    assert page.is_visible("text=Số định danh cá nhân phải gồm đúng 12 chữ số.")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(artifacts / "accounts-register-errors-phone.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
def test_phone_registration_with_the_code_from_the_sms_standin(phone_page, live_server, sms_gateway, artifacts):
    page = phone_page
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"{live_server.url}/dang-ky/")
    page.fill("#id_full_name", "Đỗ Thị Thu Trang")
    page.fill("#id_phone", "0987 654 321")
    page.fill("#id_id_number", "025190004567")
    page.fill("#id_password1", "Thu-Trang-2026!")
    page.fill("#id_password2", "Thu-Trang-2026!")
    page.click("button[type=submit].primary")
    page.wait_for_url(re.compile(r".*/dang-ky/xac-nhan/$"))
    assert page.is_visible("text=09******21") and page.is_disabled("button.resend")
    [message] = sms_gateway.messages
    code = re.search(r"(?<!\d)\d{6}(?!\d)", message["Content"]).group(0)
    page.fill("#id_code_sms", "000000" if code != "000000" else "111111")
    page.click("button[type=submit].primary")
    page.wait_for_selector("text=Mã xác nhận không đúng. Còn 4 lần thử.")
    page.fill("#id_code_sms", code)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=str(artifacts / "accounts-register-code-phone.png"), full_page=True)
    page.click("button[type=submit].primary")
    page.wait_for_url(re.compile(r".*/ho-so-cua-toi/$"))
    user = User.objects.get(phone="0987654321")
    assert user.full_name == "Đỗ Thị Thu Trang" and user.phone_verified_at and not user.id_verified
    page.click("header button.menu-button")  # on a phone the site menu is folded behind its button
    page.click("nav.main-nav >> text=Tài khoản")
    page.wait_for_url(re.compile(r".*/tai-khoan/$"))
    assert page.is_visible("text=tự khai, chưa xác thực") and page.is_visible("#vneid-link")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=str(artifacts / "accounts-account-phone.png"), full_page=True)
