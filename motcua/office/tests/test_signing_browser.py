"""The signing step in Chromium (issue 17): the specialist sends the drafted result for signing, the leader signs it
on a 360 px phone, the văn thư seals it on a desktop, the signing tasks run by the real database worker between the
clicks. Each page fits its screen, axe finds nothing critical or serious, no CSP violation. Screenshots:
artifacts/signing-*.png."""

import re

import pytest
from django.conf import settings

from motcua.accounts.tests.signing_in import pass_second_step
from motcua.dossiers import result_checks
from motcua.dossiers.models import Document, Dossier, ResultCheck
from motcua.dossiers.states import State
from motcua.dossiers.tests.fixtures import run_worker
from motcua.dossiers.tests.test_signing_step import approved, draft_pdf, setup  # noqa: F401 (fixtures)
from motcua.signing import trust, validate

pytestmark = pytest.mark.django_db(transaction=True)
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def serious_axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    page.evaluate(Axe().axe_script)
    found = page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]
    return [f"{v['id']}: {v['help']}" for v in found if v["impact"] in ("critical", "serious")]


def login(page, site, username):
    page.goto(f"{site}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw-" + username)
    page.click("button[type=submit].primary")
    pass_second_step(page, username)
    page.wait_for_url(re.compile(r".*/can-bo/.*"))


def look(page, artifacts, name):
    assert page.evaluate(OVERFLOW) <= 0, f"{name}: the page scrolls sideways"
    assert serious_axe_violations(page) == [], name
    page.screenshot(path=artifacts / f"signing-{name}.png", full_page=True)


def open_action(page, name):
    page.click(f"#tt-{name} summary")


def test_specialist_sends_leader_signs_clerk_seals(live_server, chromium, csp_watch, artifacts, setup, approved):
    site, code = live_server.url, approved.code
    contexts, violations = [], []

    def new_page(width, height):
        context = chromium.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
        context.set_default_timeout(15_000)
        violations.append(csp_watch(context))
        contexts.append(context)
        return context.new_page()

    try:
        # the specialist drafts the result and sends it for signing
        desk = new_page(1280, 900)
        login(desk, site, "specialist")
        desk.goto(f"{site}/can-bo/ho-so/{code}/")
        open_action(desk, "send_for_signing")
        desk.fill("#send_for_signing-summary", "Cấp Phiếu lý lịch tư pháp số 12/LLTP")
        draft = draft_pdf()
        desk.set_input_files(
            "#send_for_signing-file",
            files=[{"name": "du-thao.pdf", "mimeType": "application/pdf", "buffer": draft.read()}],
        )
        with desk.expect_navigation():
            desk.click("#tt-send_for_signing button[type=submit]")
        assert "Đã thực hiện: Trình ký kết quả." in desk.inner_text(".messages")
        assert "Chờ ký" in desk.inner_text("h1 .state")
        look(desk, artifacts, "sent-desktop")

        # the leader, on a phone, finds it in "Chờ ký" and signs
        phone = new_page(360, 780)
        login(phone, site, "head")
        phone.goto(f"{site}/can-bo/hang-doi/cho-ky/")
        assert code in phone.inner_text("main")
        look(phone, artifacts, "leader-queue-phone")
        phone.click(f"text={code}")
        phone.wait_for_url(re.compile(rf".*/ho-so/{re.escape(code)}/"))
        open_action(phone, "sign")
        with phone.expect_navigation():
            phone.click("#tt-sign button[type=submit]")
        assert "Đã gửi yêu cầu ký" in phone.inner_text(".messages")
        assert "Đang ký" in phone.inner_text("#ky-so + ul, .signatures")
        look(phone, artifacts, "leader-waiting-phone")
        run_worker()  # the signing task: the .p12 key, the CRL and the TSA over HTTP
        phone.reload()
        assert "Chờ đóng dấu, ban hành" in phone.inner_text("h1 .state")
        assert "Đã ký" in phone.inner_text(".signatures")
        look(phone, artifacts, "leader-signed-phone")
        phone.goto(f"{site}/can-bo/chu-ky-so/")
        assert "Head" in phone.inner_text("main") and "Đang dùng" in phone.inner_text("main")
        look(phone, artifacts, "keys-phone")

        # the văn thư seals it: the result is issued
        clerk = new_page(1280, 900)
        login(clerk, site, "clerk")
        clerk.goto(f"{site}/can-bo/hang-doi/cho-dong-dau/")
        assert code in clerk.inner_text("main")
        clerk.goto(f"{site}/can-bo/ho-so/{code}/")
        open_action(clerk, "seal")
        with clerk.expect_navigation():
            clerk.click("#tt-seal button[type=submit]")
        run_worker()
        clerk.reload()
        assert "Đã có kết quả" in clerk.inner_text("h1 .state")
        assert clerk.locator(".sig-signed").count() == 2
        look(clerk, artifacts, "sealed-desktop")

        # anyone holding the result: its QR opens "Kiểm tra kết quả", and the file is found as issued
        check = ResultCheck.objects.get(dossier_id=approved.pk)
        result = Document.objects.get(dossier_id=approved.pk, kind=Document.Kind.RESULT)
        with result.file.open("rb") as handle:
            signed = handle.read()
        citizen = new_page(360, 780)
        citizen.goto(result_checks.page_url(check.code).replace(settings.MOTCUA_PUBLIC_URL, site))
        assert "Mã kiểm tra hợp lệ: kết quả đã được ban hành" in citizen.inner_text("main")
        look(citizen, artifacts, "check-code-phone")
        picked = {"name": "ket-qua.pdf", "mimeType": "application/pdf", "buffer": signed}
        citizen.set_input_files("#id_tep", files=[picked])
        with citizen.expect_navigation():
            citizen.click("form[enctype] button[type=submit]")
        assert "còn nguyên bản" in citizen.inner_text("main")
        look(citizen, artifacts, "check-file-phone")
    finally:
        for context in contexts:
            context.close()
    assert all(not found for found in violations), violations

    dossier = Dossier.objects.get(pk=approved.pk)
    assert dossier.state == State.ISSUED
    result = dossier.documents.get(kind=Document.Kind.RESULT)
    with result.file.open("rb") as handle:
        reports = validate.report(handle.read(), *trust.anchors())
    assert [r.verdict for r in reports] == [validate.VALID, validate.VALID]
