"""The dashboard, a list behind one of its numbers and the public statistics in Chromium, at desktop and phone
width: nothing overflows the page, no chart label runs past its drawing's edge. Screenshots go to artifacts/."""

import re

import pytest

from motcua.accounts.tests.signing_in import pass_second_step

from .conftest import MARCH

pytestmark = pytest.mark.django_db(transaction=True)
QUERY = "&".join(f"{key}={value}" for key, value in MARCH.items())

# Every text of every chart, measured by the browser with the real font, against its drawing's viewBox.
CLIPPED_LABELS = """() => {
  const out = [];
  for (const svg of document.querySelectorAll('svg.chart')) {
    const box = svg.viewBox.baseVal;
    for (const text of svg.querySelectorAll('text')) {
      const b = text.getBBox();
      if (b.x < -0.5 || b.x + b.width > box.width + 0.5 || b.y < -0.5 || b.y + b.height > box.height + 0.5)
        out.push(text.textContent + ' [' + Math.round(b.x) + '..' + Math.round(b.x + b.width)
                 + ' of ' + box.width + ']');
    }
  }
  return out;
}"""
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def login(page, site, username):
    page.goto(f"{site}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw-" + username)
    page.click("button[type=submit].primary")
    pass_second_step(page, username)  # a leader or monitor enrols an authenticator at the first login
    page.wait_for_url(re.compile(r".*/can-bo/.*"))


def look(page, artifacts, name):
    clipped = page.evaluate(CLIPPED_LABELS)
    assert clipped == [], f"{name}: " + "; ".join(clipped)
    assert page.evaluate(OVERFLOW) <= 0, f"{name}: the page scrolls sideways"
    page.screenshot(path=artifacts / f"{name}.png", full_page=True)


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_dashboard_a_list_and_the_public_page_read_well(
    request, live_server, march, commune_march, artifacts, width
):
    page = request.getfixturevalue(f"{width}_page")
    site = live_server.url
    login(page, site, "monitor")
    page.goto(f"{site}/bang-dieu-khien/?{QUERY}")
    assert page.locator("svg.chart[role=img][aria-label]").count() == 6  # points, trend, 2 levels × 2 rates
    assert page.locator("svg.chart title").count() > 20  # a tooltip on every bar and point
    look(page, artifacts, f"dashboard-{width}")

    page.click("#so-lieu a.n >> nth=0")  # "Tiếp nhận trong kỳ"
    page.wait_for_url(re.compile(r".*/danh-sach/.*chi-so=received.*"))
    assert page.locator(".drill-count").inner_text() == "14"
    assert page.locator("table.t-danh-sach tbody tr").count() == 14
    look(page, artifacts, f"dashboard-list-{width}")

    response = page.goto(f"{site}/bang-dieu-khien/?ky=thang&nam=2026&thang=13")
    assert response.status == 400 and "Tháng không hợp lệ: “13”" in page.locator("main").inner_text()
    look(page, artifacts, f"dashboard-error-{width}")

    page.context.clear_cookies()
    page.goto(f"{site}/thong-ke/?{QUERY}")
    assert page.locator("svg.chart[role=img]").count() == 2
    assert "không có dữ liệu" in page.locator("table.t-thong-ke").inner_text()
    look(page, artifacts, f"public-statistics-{width}")
