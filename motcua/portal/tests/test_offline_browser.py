"""Offline that holds (issue 11, item 2), in Chromium: Back pressed right after typing, and typing while the network
is cut then closing the page, lose nothing."""

import re
import time

import pytest
from django.test import Client
from django.urls import reverse

from motcua.portal.models import Draft

pytestmark = pytest.mark.django_db(transaction=True)
ADDRESS = "Số 12 đường Hùng Vương, phường Việt Trì"


@pytest.fixture
def draft_page(live_server, chromium, people, five_days, province, csp_watch):
    """A citizen signed in (session cookie copied into the browser) with a draft of an online procedure."""
    from motcua.catalog import versions

    draft_version = versions.new_draft(five_days.procedure)
    draft_version.online_level = "full"
    draft_version.save()
    version = versions.publish(draft_version)
    client = Client()
    client.force_login(people["citizen"])
    start = client.get(reverse("portal:start", args=[version.procedure.code]))
    draft = Draft.objects.get(pk=int(start.url.rstrip("/").rsplit("/", 1)[-1]))
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    context.set_default_timeout(10_000)
    violations = csp_watch(context)  # issue 12: draft.js and site.js run under the Content-Security-Policy
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    yield context, f"{live_server.url}{reverse('portal:draft', args=[draft.pk])}", draft
    context.close()
    assert not violations, "\n".join(violations)


def server_value(draft, field="applicant_address", wait=5.0):
    deadline = time.monotonic() + wait
    while True:
        value = Draft.objects.get(pk=draft.pk).data.get("applicant", {}).get(field, "")
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def test_back_right_after_typing_loses_nothing(draft_page, live_server, artifacts):
    context, url, draft = draft_page
    page = context.new_page()
    page.goto(f"{live_server.url}/ho-so-cua-toi/")
    page.goto(url)
    page.fill("#a-applicant_address", ADDRESS)  # well within the 800 ms before the typed values are sent
    page.go_back()
    page.wait_for_url("**/ho-so-cua-toi/")
    assert server_value(draft) == ADDRESS  # sent when the page was hidden, by sendBeacon
    page.goto(url)
    assert page.input_value("#a-applicant_address") == ADDRESS
    assert page.locator("#restore").is_hidden()
    page.screenshot(path=artifacts / "draft-after-back.png", full_page=True)


def test_typing_offline_then_closing_the_page_is_offered_back(draft_page, artifacts):
    context, url, draft = draft_page
    page = context.new_page()
    page.goto(url)
    context.set_offline(True)
    page.fill("#a-applicant_address", ADDRESS)
    page.locator("#save-state", has_text="Mất kết nối").wait_for()
    page.close()  # the tab is closed before the network comes back
    assert server_value(draft, wait=1.0) == ""
    context.set_offline(False)
    page = context.new_page()
    page.goto(url)
    restore = page.locator("#restore")
    restore.wait_for(state="visible")
    assert "chưa được lưu lên máy chủ" in restore.inner_text()
    assert re.search(r"lúc \d\d:\d\d \d\d/\d\d/20\d\d chưa", restore.inner_text())  # Vietnam time, dd/mm/yyyy
    assert page.input_value("#a-applicant_address") == ""  # the server's copy, until the citizen chooses
    page.screenshot(path=artifacts / "draft-restore-offered.png", full_page=True)
    restore.locator("button.primary").click()
    assert page.input_value("#a-applicant_address") == ADDRESS
    assert server_value(draft) == ADDRESS
    page.reload()
    assert page.locator("#restore").is_hidden() and page.input_value("#a-applicant_address") == ADDRESS


def test_the_network_coming_back_sends_what_was_typed(draft_page):
    context, url, draft = draft_page
    page = context.new_page()
    page.goto(url)
    context.set_offline(True)
    page.fill("#a-applicant_address", ADDRESS)
    page.locator("#save-state", has_text="Mất kết nối").wait_for()
    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    assert server_value(draft) == ADDRESS
    page.locator("#save-state", has_text="Đã lưu").wait_for()


def test_a_newer_copy_on_the_server_wins_without_asking(draft_page, live_server):
    """Typed on this phone without network, then the draft was completed on another device: no stale offer."""
    context, url, draft = draft_page
    page = context.new_page()
    page.goto(url)
    context.set_offline(True)
    page.fill("#a-applicant_address", "Địa chỉ cũ gõ trên điện thoại")
    page.locator("#save-state", has_text="Mất kết nối").wait_for()
    page.close()
    context.set_offline(False)
    other = Client()
    other.force_login(draft.owner)
    other.post(reverse("portal:autosave", args=[draft.pk]), {"applicant_address": ADDRESS})
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.locator("#restore").is_hidden() and page.input_value("#a-applicant_address") == ADDRESS
