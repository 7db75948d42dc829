""" "Kiểm tra chữ ký số" in Chromium on a 360 px phone: a citizen picks the signed result they received and reads
the report; the page fits the screen and axe finds nothing critical or serious. Screenshots:
artifacts/verify-*.png."""

import pytest
from cryptography.hazmat.primitives import serialization

from motcua.signing import trust
from motcua.signing.tests.fixtures import AGENCY, LEADER
from motcua.signing.tests.test_signing import signed_by_both

pytestmark = pytest.mark.django_db(transaction=True)


def serious_axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    page.evaluate(Axe().axe_script)
    found = page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]
    return [f"{v['id']}: {v['help']}" for v in found if v["impact"] in ("critical", "serious")]


def test_a_citizen_checks_a_signed_result_on_a_phone(live_server, chromium, csp_watch, artifacts, authority, signers):
    made, _ = authority
    trust.add(made.root.cert.public_bytes(serialization.Encoding.PEM))
    signed = signed_by_both(authority, signers)  # while Playwright's loop runs in this thread (signing.aio)
    context = chromium.new_context(viewport={"width": 360, "height": 780}, locale="vi-VN")
    context.set_default_timeout(10_000)
    violations = csp_watch(context)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/kiem-tra-chu-ky/")
        page.screenshot(path=artifacts / "verify-empty-phone.png", full_page=True)
        assert serious_axe_violations(page) == []
        page.set_input_files(
            "#id_tep", files=[{"name": "ket-qua.pdf", "mimeType": "application/pdf", "buffer": signed}]
        )
        with page.expect_navigation():
            page.click("main button[type=submit].primary")
        cards = page.locator("article.signature")
        assert cards.count() == 2
        assert [v.strip() for v in page.locator(".verdict").all_inner_texts()] == ["Hợp lệ", "Hợp lệ"]
        assert LEADER in cards.nth(0).inner_text() and AGENCY in cards.nth(1).inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.screenshot(path=artifacts / "verify-result-phone.png", full_page=True)
        assert serious_axe_violations(page) == []
    finally:
        context.close()
    assert not violations, violations
