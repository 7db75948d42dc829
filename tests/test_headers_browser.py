"""Issue 12, item 3, in Chromium: the pages that run scripts still work under the Content-Security-Policy (the
desktop_page and phone_page fixtures fail a test on any violation), and a session that ends on the server loses
nothing the citizen typed. Screenshots go to artifacts/csp-*.png."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from motcua.accounts import session_limits
from motcua.portal.models import Draft

pytestmark = pytest.mark.django_db(transaction=True)


def signed_in(context, site, user):
    """The browser context signed in as `user` (the test client's session cookie copied into it)."""
    client = Client()
    client.force_login(user)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}])


def test_swagger_ui_works_under_the_policy(live_server, desktop_page, people, received, artifacts):
    page, site = desktop_page, live_server.url
    signed_in(page.context, site, people["desk"])
    answer = page.goto(f"{site}/api/v1/docs/")
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    page.locator(".swagger-ui .info .title", has_text="motcua API").wait_for()
    operation = page.locator(".opblock-get", has_text="/api/v1/dossiers/").first
    operation.locator(".opblock-summary").click()
    operation.locator("button.try-out__btn").click()
    operation.locator("button.execute").click()
    code = operation.locator(".live-responses-table tbody .response-col_status").first
    code.wait_for()
    assert code.inner_text().strip() == "200"
    assert received.code in operation.locator(".live-responses-table .microlight").first.inner_text()
    page.screenshot(path=artifacts / "csp-swagger-ui.png")


def test_the_browsable_api_works_under_its_policy(live_server, desktop_page, people, received, artifacts):
    page, site = desktop_page, live_server.url
    signed_in(page.context, site, people["desk"])
    page.goto(f"{site}/api/v1/dossiers/")
    assert received.code in page.locator(".response-info").inner_text()
    page.goto(f"{site}/api/v1/dossiers/{received.code}/actions/assign/")  # a form to send the action (jQuery)
    page.locator("form").first.wait_for()
    page.screenshot(path=artifacts / "csp-browsable-api.png", full_page=True)


def test_the_admin_works_under_the_policy(live_server, desktop_page, people, admin_user, artifacts):
    page, site = desktop_page, live_server.url
    signed_in(page.context, site, admin_user)
    page.goto(f"{site}/quan-tri/accounts/user/{people['desk'].pk}/change/")
    page.locator(".selector .selector-available").first.wait_for()  # filter_horizontal, built by SelectFilter2.js
    assert page.locator(".datetimeshortcuts").count() >= 2  # "Today | Now" shortcuts, by DateTimeShortcuts.js
    page.screenshot(path=artifacts / "csp-admin-change.png", full_page=True)
    page.goto(f"{site}/quan-tri/accounts/user/add/")
    password = page.locator("#id_password1")
    assert password.is_visible()
    page.check("input[name=usable_password][value=false]")  # unusable_password_field.js hides the password fields
    assert not password.is_visible()
    page.check("input[name=usable_password][value=true]")
    page.fill("#id_username", "canbo.moi")
    page.select_option("#id_kind", "staff")
    page.fill("#id_password1", "matkhau123456")
    page.fill("#id_password2", "matkhau123456")
    page.click("input[name=_save]")
    assert "tài khoản cán bộ quá phổ biến" in page.locator(".errorlist").first.inner_text()
    page.screenshot(path=artifacts / "csp-admin-add-staff.png", full_page=True)


def test_scripts_run_from_files_before_the_page_is_painted(live_server, phone_page):
    page, site = phone_page, live_server.url
    page.goto(f"{site}/thu-tuc/")
    assert page.evaluate("document.documentElement.classList.contains('js')")
    assert page.evaluate("[...document.scripts].every(s => s.src)")
    head = page.evaluate("[...document.head.querySelectorAll('script')].map(s => [s.src, s.defer])")
    assert re.search(r"/static/motcua/head\.js$", head[0][0]) and head[0][1] is False  # runs before the first paint
    assert not page.locator("nav.main-nav a").first.is_visible()  # the menu is folded on a phone
    page.click("button.menu-button")
    assert page.locator("nav.main-nav a").first.is_visible()


class Clock:
    def __init__(self, moment=1_800_000_000.0):
        self.moment = moment

    def __call__(self):
        return self.moment


def test_a_session_that_ends_while_typing_loses_nothing(
    live_server, phone_page, people, five_days, monkeypatch, artifacts
):
    """The citizen types (saved), goes away past 30 minutes, types again: the page says the session has ended and
    keeps the typing in the browser; after login the draft opens again and offers the later typing back."""
    from motcua.catalog import versions

    clock = Clock()
    monkeypatch.setattr(session_limits, "now", clock)  # the live server runs in this process
    draft_version = versions.new_draft(five_days.procedure)
    draft_version.online_level = "full"
    draft_version.save()
    version = versions.publish(draft_version)
    page, site = phone_page, live_server.url
    page.goto(f"{site}/dang-nhap/")
    page.fill("#id_username", "citizen")
    page.fill("#id_password", "pw-citizen")
    page.click("main button[type=submit].primary")
    page.wait_for_url(re.compile(r".*/ho-so-cua-toi/$"))
    page.goto(f"{site}{reverse('portal:start', args=[version.procedure.code])}")
    draft_url = page.url
    page.fill("#a-applicant_address", "Số 12 đường Hùng Vương")
    page.locator("#save-state", has_text="Đã lưu lúc").wait_for()

    clock.moment += 31 * 60
    page.fill("#a-applicant_address", "Số 12 đường Hùng Vương, phường Việt Trì")
    state = page.locator("#save-state", has_text="Phiên đăng nhập đã hết hạn")
    state.wait_for()
    page.screenshot(path=artifacts / "csp-session-ended-draft.png", full_page=True)
    draft = Draft.objects.get()
    assert draft.data["applicant"]["applicant_address"] == "Số 12 đường Hùng Vương"  # refused, not saved as nobody

    state.locator("a", has_text="đăng nhập lại").click()
    page.wait_for_url(re.compile(r".*/dang-nhap/\?next=.*"))
    assert "quá 30 phút không thao tác" in page.locator("main .msg").inner_text()
    page.screenshot(path=artifacts / "csp-session-ended-login.png", full_page=True)
    page.fill("#id_username", "citizen")
    page.fill("#id_password", "pw-citizen")
    page.click("main button[type=submit].primary")
    page.wait_for_url(draft_url)
    assert page.input_value("#a-applicant_address") == "Số 12 đường Hùng Vương"  # the server's copy
    page.locator("#restore").wait_for()  # and the later typing, kept in the browser, offered back
    page.click("#restore button.primary")
    assert page.input_value("#a-applicant_address") == "Số 12 đường Hùng Vương, phường Việt Trì"
    page.locator("#save-state", has_text="Đã lưu lúc").wait_for()
    draft.refresh_from_db()
    assert draft.data["applicant"]["applicant_address"] == "Số 12 đường Hùng Vương, phường Việt Trì"
