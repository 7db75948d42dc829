"""A citizen searches the catalogue without accents, on a phone and on a desktop, in Debian's Chromium."""

import pytest

from motcua.demo.load import load

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("page_fixture", ["phone_page", "desktop_page"])
def test_search_without_accents_then_open_the_procedure(request, live_server, artifacts, page_fixture):
    load()
    page = request.getfixturevalue(page_fixture)
    page.goto(f"{live_server.url}/")
    page.fill("input[name=q]", "dang ky khai sinh")
    page.click("form[role=search] button.primary")
    first = page.locator(".procedure-list li .procedure-name").first
    assert first.inner_text() == "Thủ tục đăng ký khai sinh"
    page.screenshot(path=artifacts / f"catalog-search-{page_fixture}.png", full_page=True)

    first.click()
    assert page.locator("h1").inner_text() == "Thủ tục đăng ký khai sinh"
    assert page.locator("#thanh-phan table tbody tr").count() >= 1
    body = page.locator("main").inner_text()
    assert "1.001193" in body and "Hộ tịch" in body
    page.screenshot(path=artifacts / f"catalog-detail-{page_fixture}.png", full_page=True)
    # nothing may overflow sideways on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_typo_and_filters_in_the_browser(live_server, desktop_page, artifacts):
    load()
    page = desktop_page
    page.goto(f"{live_server.url}/thu-tuc/?q=thuong+tru+dang+kyy")
    assert page.locator(".procedure-name").first.inner_text() == "Đăng ký thường trú"
    page.goto(f"{live_server.url}/thu-tuc/")
    page.select_option("select[name=level]", "province")
    page.click("form[role=search] button.primary")
    levels = page.locator(".procedure-list .meta").all_inner_texts()
    assert levels and all("Cấp tỉnh" in text for text in levels)
    page.screenshot(path=artifacts / "catalog-filter-province.png", full_page=True)
