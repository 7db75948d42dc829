"""The report and the sector KPI form as people use them, in Chromium on a desktop and on a 390 px phone: choose the
agency and period, read the preview, download the files; enter the KPIs, see an error, fix it, see the history.
Screenshots go to artifacts/reports/."""

import re

import pytest

from motcua.accounts.tests.signing_in import pass_second_step
from motcua.agencies.models import Agency
from motcua.dossiers.tests.fixtures import staff
from motcua.indicators.models import SectorKpi

from .scenario import build

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(live_server, province, people, five_days, applicant):
    build(province, people, five_days, applicant)
    return live_server.url


@pytest.fixture
def shots(artifacts):
    folder = artifacts / "reports"
    folder.mkdir(exist_ok=True)
    return folder


def login(page, site, username, next_url):
    page.goto(f"{site}/dang-nhap/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", f"pw-{username}")
    page.click("button[type=submit].primary")
    pass_second_step(page, username)  # a leader enrols an authenticator at the first login, then gives codes
    page.wait_for_url(re.compile(re.escape(next_url.split("?")[0]) + ".*"))


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_head_chooses_a_period_and_reads_the_report(site, shots, request, device):
    page = request.getfixturevalue(f"{device}_page")
    login(page, site, "head", "/bao-cao/")
    page.select_option("#id_ky", label="Tháng 03/2026")
    page.click("form.report-filters button[type=submit]")
    page.wait_for_url(re.compile(r".*ky=2026-03.*"))
    document = page.locator("article.report-doc")
    assert "Kết quả thực hiện công tác cải cách thủ tục hành chính tháng 3 năm 2026" in document.inner_text()
    assert "đạt 63,64% (7/11 hồ sơ)" in document.inner_text()
    assert page.locator("#bang-so-hoa tr", has_text="4.2").inner_text().split("\t")[-2:] == ["18,18%", "80%"]
    assert no_horizontal_scroll(page)
    page.screenshot(path=shots / f"report-{device}.png", full_page=True)
    page.locator("#bang-ho-so").scroll_into_view_if_needed()
    page.screenshot(path=shots / f"report-{device}-table.png")
    with page.expect_download() as download:
        page.click("a.button:has-text('Word (DOCX)')")
    assert download.value.suggested_filename == "bao-cao-cai-cach-tthc-2026-03.docx"


def test_a_bad_range_is_explained_on_the_page(site, desktop_page, shots):
    page = desktop_page
    login(page, site, "head", "/bao-cao/")
    page.select_option("#id_ky", value="khoang")
    page.fill("#id_tu", "2026-03-31")
    page.fill("#id_den", "2026-03-01")
    page.click("form.report-filters button[type=submit]")
    assert page.locator(".msg.error").inner_text() == "Ngày kết thúc phải sau ngày bắt đầu."
    assert page.locator("article.report-doc").count() == 0
    page.screenshot(path=shots / "report-bad-range.png")


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_an_officer_enters_the_sector_kpis(site, shots, request, province, device):
    police = Agency.objects.create(code="000.00.14.H44", name="Công an tỉnh Phú Thọ", level="department")
    staff("congan", (police, "specialist"))
    page = request.getfixturevalue(f"{device}_page")
    login(page, site, "congan", "/bao-cao/chi-tieu-nganh/?ky=2026-03")
    page.fill("#id_eid_level2-value", "1.600.000")
    page.fill("#id_eid_level2-denominator", "1.500.000")
    page.click("form.kpi-form button[type=submit]")
    assert "Giá trị (1.600.000) không được lớn hơn mẫu số (1.500.000)." in page.locator("fieldset.kpi").inner_text()
    assert no_horizontal_scroll(page)
    page.screenshot(path=shots / f"sector-error-{device}.png", full_page=True)
    page.fill("#id_eid_level2-value", "812.345")
    page.fill("#id_eid_level2-note", "Theo số liệu hệ thống định danh")
    page.click("form.kpi-form button[type=submit]")
    assert "Đã lưu 1 chỉ tiêu của Công an tỉnh Phú Thọ, Tháng 03/2026." in page.locator(".msg.success").inner_text()
    assert "54,16%" in page.locator("#bang-lich-su").inner_text()
    assert SectorKpi.objects.get().value == 812345
    page.screenshot(path=shots / f"sector-{device}.png", full_page=True)
