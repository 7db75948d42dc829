"""The rating kiosk in Chromium on a tablet at the desk (800 px) and on a phone: a citizen types the rating code of
the slip handed over with the result, taps the big buttons, sees the thank-you screen,
which hands a blank start page to the next citizen.
Screenshots go to artifacts/kiosk-*.png."""

import re

import pytest

from motcua.dossiers.models import Rating
from motcua.portal import kiosk

from .test_kiosk import code, returned  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def tablet_page(chromium, csp_watch):
    context = chromium.new_context(viewport={"width": 800, "height": 1280}, locale="vi-VN", has_touch=True)
    context.set_default_timeout(10_000)
    violations = csp_watch(context)  # the idle timer is a script file (issue 12)
    yield context.new_page()
    context.close()
    assert not violations, "\n".join(violations)


def look_up(page, site, typed):
    page.goto(f"{site}/danh-gia-tai-quay/")
    page.fill("#id_ma_danh_gia", typed)
    with page.expect_navigation():  # the next line may read the page at once: wait for the answer to arrive
        page.click("button[type=submit].primary")


def test_kiosk_on_a_tablet(live_server, tablet_page, artifacts, returned, code, monkeypatch):
    monkeypatch.setattr(kiosk, "THANKS_SECONDS", 1)  # the live server runs in this process
    page, site = tablet_page, live_server.url
    page.goto(f"{site}/danh-gia-tai-quay/")
    page.screenshot(path=artifacts / "kiosk-start-tablet.png", full_page=True)
    look_up(page, site, "ABCD-EFGH-JKMN")
    assert kiosk.NOT_FOUND in page.locator(".msg.error").inner_text()
    assert page.input_value("#id_ma_danh_gia") == ""
    page.screenshot(path=artifacts / "kiosk-not-found-tablet.png", full_page=True)

    look_up(page, site, code)
    assert page.locator(".procedure").inner_text() == "Cấp Phiếu lý lịch tư pháp"
    assert page.locator(".applicant").inner_text() == "N***** V** A*"
    page.tap("label.no >> input[name=hai_long]")
    page.tap("label.yes >> input[name=hai_long]")
    page.tap("fieldset.criterion:has-text('Thời gian giải quyết') label.no")
    page.tap("fieldset.criterion:has-text('Thái độ của cán bộ') label.yes")
    box = page.locator("fieldset.overall label.yes").bounding_box()
    assert box["height"] >= 64 and box["width"] >= 300  # a thumb can hit it
    assert page.evaluate("document.documentElement.scrollWidth") <= 800
    page.screenshot(path=artifacts / "kiosk-rate-tablet.png", full_page=True)
    page.click("button[type=submit] >> text=Gửi đánh giá")
    page.wait_for_url(re.compile(r".*/danh-gia-tai-quay/cam-on/$"))
    assert "Cảm ơn Ông/Bà đã đánh giá" in page.locator("h1").inner_text()
    page.screenshot(path=artifacts / "kiosk-thanks-tablet.png", full_page=True)
    page.wait_for_url(re.compile(r".*/danh-gia-tai-quay/$"))  # left alone, it hands over a blank screen
    assert page.input_value("#id_ma_danh_gia") == ""
    rating = Rating.objects.get(dossier=returned)
    assert (rating.channel, rating.satisfied, rating.criteria) == ("kiosk", True, {"time": False, "attitude": True})


def test_kiosk_on_a_phone(live_server, phone_page, artifacts, returned, code):
    page, site = phone_page, live_server.url
    look_up(page, site, code.lower())
    # nothing chosen yet: the browser itself asks for the overall choice before sending
    assert page.evaluate("document.querySelector('input[name=hai_long]').validity.valueMissing")
    page.click("label.no >> input[name=hai_long]")
    page.click("fieldset.criterion:has-text('Số lần phải liên hệ, đi lại') label.no")
    page.fill("#id_gop_y", "Phải đi lại ba lần mới xong.")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=artifacts / "kiosk-rate-phone.png", full_page=True)
    page.click("button[type=submit] >> text=Gửi đánh giá")
    page.wait_for_url(re.compile(r".*/danh-gia-tai-quay/cam-on/$"))
    page.screenshot(path=artifacts / "kiosk-thanks-phone.png", full_page=True)
    rating = Rating.objects.get(dossier=returned)
    assert (rating.satisfied, rating.criteria, rating.comment) == (
        False,
        {"contacts": False},
        "Phải đi lại ba lần mới xong.",
    )
