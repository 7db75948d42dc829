"""A leader's first login in Chromium at 360 px: the password, then the enrolment page (QR code and key, no inline
script or style: the fixture fails on a CSP violation), the first code, the office; the next login asks for the
code, refuses the one already used and takes a new one. Screenshots: artifacts/second-factor-*.png."""

import re

import pytest

from motcua.accounts.device_codes import code

from .signing_in import code_of_secret

pytestmark = pytest.mark.django_db(transaction=True)
WIDTH = 360


def password(page, site):
    page.goto(f"{site}/dang-nhap/")
    page.fill("#id_username", "head")
    page.fill("#id_password", "pw-head")
    page.click("main button[type=submit].primary")


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= WIDTH


def test_a_leader_enrols_then_logs_in_with_the_code(phone_page, live_server, people, artifacts):
    page, site = phone_page, live_server.url
    page.set_viewport_size({"width": WIDTH, "height": 780})
    password(page, site)
    page.wait_for_url(re.compile(r".*/tai-khoan/xac-thuc-hai-buoc/\?next=.*"))
    assert page.locator(".msg.warning").inner_text().startswith("Tài khoản quản trị và tài khoản lãnh đạo")
    qr = page.locator("#totp-qr")
    assert qr.get_attribute("src").startswith("data:image/svg+xml")
    assert page.evaluate("document.getElementById('totp-qr').naturalWidth") > 100  # the image was allowed and drawn
    assert qr.bounding_box()["width"] <= WIDTH - 20 and fits(page)
    page.screenshot(path=artifacts / "second-factor-enrol-phone.png", full_page=True)

    page.goto(f"{site}/can-bo/")  # nothing else opens before the code
    page.wait_for_url(re.compile(r".*/tai-khoan/xac-thuc-hai-buoc/.*"))
    first = code_of_secret(page.inner_text("#totp-secret"))
    page.fill("#id_code", first)
    page.click("#second-factor-setup button[type=submit]")
    page.wait_for_url(re.compile(r".*/can-bo/$"))
    assert "Đã bật xác thực hai bước" in page.locator("main").inner_text()
    page.screenshot(path=artifacts / "second-factor-enrolled-phone.png", full_page=True)

    page.context.clear_cookies()  # the next day, say
    password(page, site)
    page.wait_for_url(re.compile(r".*/dang-nhap/ma-xac-thuc/\?next=.*"))
    assert fits(page)
    page.screenshot(path=artifacts / "second-factor-code-phone.png", full_page=True)
    page.fill("#id_code", first)  # the code already used to enrol
    page.click("#second-factor button[type=submit]")
    page.locator(".error", has_text="đã được dùng").wait_for()
    assert fits(page)
    page.screenshot(path=artifacts / "second-factor-code-refused-phone.png", full_page=True)
    page.fill("#id_code", code("head")[0])
    page.click("#second-factor button[type=submit]")
    page.wait_for_url(re.compile(r".*/can-bo/$"))
    page.goto(f"{site}/tai-khoan/")
    assert "Đang bật" in page.locator("#second-factor-status").inner_text()
    page.screenshot(path=artifacts / "second-factor-account-phone.png", full_page=True)
