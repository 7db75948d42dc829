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
