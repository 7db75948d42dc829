"""Issue 3 as officials live it, in Chromium: the counter receives and prints form 01, the specialist and head
process, the result is issued and returned; a second dossier goes through a supplement request (the deadline
restarts), a third through liên thông with two agencies and an extension. Screenshots go to artifacts/."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from motcua.accounts.tests.signing_in import pass_second_step
from motcua.demo.agencies import PASSWORD
from motcua.demo.load import load
from motcua.dossiers.models import Dossier
from motcua.dossiers.tests import samples

pytestmark = pytest.mark.django_db(transaction=True)
PDF = samples.PDF  # a well-formed PDF: files.read_checked opens every PDF it takes


@pytest.fixture
def site(live_server):
    load()
    return live_server.url


def login(page, site, username):
    page.context.clear_cookies()
    page.goto(f"{site}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].primary")
    pass_second_step(page, username)  # lanhdao: the code of the demo's authenticator
    page.wait_for_url(re.compile(r".*/can-bo/.*"))


def act(page, action, fields=None, select=None):
    page.click(f"#tt-{action} summary")
    for name, value in (fields or {}).items():
        page.fill(f"#tt-{action} [name={name}]", value)
    for name, value in (select or {}).items():
        page.select_option(f"#tt-{action} [name={name}]", label=value)
    page.click(f"#tt-{action} button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".msg.error").count() == 0, page.locator(".msg.error").all_inner_texts()


def counter_intake(page, site, tmp_path, code, desk_label, decision="receive", reasons=None):
    page.goto(f"{site}/can-bo/tiep-nhan/?q=" + code)
    page.click(f"a[href$='/tiep-nhan/{code}/']")
    page.select_option("select[name=desk]", label=desk_label)
    page.fill("#id_applicant_name", "Nguyễn Văn An")
    page.fill("#id_applicant_id_number", "025090001234")
    page.fill("#id_applicant_phone", "0912345678")
    page.fill("#id_applicant_email", "an@example.vn")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(PDF)
    boxes = page.locator("input[name=received_line]")
    for i in range(boxes.count()):
        if decision == "receive" or i == 0:
            boxes.nth(i).check()
    page.locator("input[type=file]").first.set_input_files(str(scan))
    for name, text in (reasons or {}).items():
        page.fill(f"input[name={name}]", text)
    page.click(f"button[name=decision][value={decision}]")
    page.wait_for_url(re.compile(r".*/can-bo/ho-so/.*"))
    return page.url.rstrip("/").rsplit("/", 1)[-1]


def test_birth_registration_from_counter_to_returned_result(site, desktop_page, artifacts, tmp_path):
    page = desktop_page
    login(page, site, "tiepnhan")
    code = counter_intake(page, site, tmp_path, "1.001193", "Ủy ban nhân dân phường Việt Trì")
    assert page.locator("h1 .state").inner_text() == "Đã tiếp nhận"
    page.screenshot(path=artifacts / "office-received.png", full_page=True)
    receipt = page.request.get(site + page.locator("a[href*='/mau/1/']").get_attribute("href"))
    assert receipt.ok and receipt.headers["content-type"] == "application/pdf" and receipt.body()[:5] == b"%PDF-"

    login(page, site, "lanhdao")
    page.goto(f"{site}/can-bo/ho-so/{code}/")
    act(page, "assign", select={"officer": "Trần Văn Minh"})
    login(page, site, "chuyenvien")
    page.goto(f"{site}/can-bo/hang-doi/cua-toi/")
    page.click(f"text={code}")
    act(page, "submit_for_approval", {"proposal": "Đủ điều kiện đăng ký khai sinh"})
    login(page, site, "lanhdao")
    page.goto(f"{site}/can-bo/ho-so/{code}/")
    act(page, "approve")
    login(page, site, "chuyenvien")
    page.goto(f"{site}/can-bo/ho-so/{code}/")
    result = tmp_path / "giay-khai-sinh.pdf"
    result.write_bytes(PDF)
    page.click("#tt-issue_result summary")
    page.fill("#tt-issue_result [name=summary]", "Giấy khai sinh số 15/2026")
    page.set_input_files("#tt-issue_result [name=file]", str(result))
    page.click("#tt-issue_result button[type=submit]")
    login(page, site, "tiepnhan")
    page.goto(f"{site}/can-bo/hang-doi/cho-tra/")
    page.click(f"text={code}")
    act(page, "return_result", select={"method": "Tại Bộ phận Một cửa"})
    assert page.locator("h1 .state").inner_text() == "Đã trả kết quả"
    page.screenshot(path=artifacts / "office-returned.png", full_page=True)
    dossier = Dossier.objects.get(code=code)
    assert [s.kind for s in dossier.steps.order_by("id")] == ["receive", "process", "approve", "return"]
    assert all(s.outcome for s in dossier.steps.all())


def test_supplement_request_restarts_the_deadline(site, phone_page, artifacts, tmp_path):
    page = phone_page
    login(page, site, "tiepnhan")
    code = counter_intake(page, site, tmp_path, "3.000333", "Trung tâm Phục vụ hành chính công tỉnh Phú Thọ")
    first_due = Dossier.objects.get(code=code).due_at
    login(page, site, "chuyenvien")
    page.goto(f"{site}/can-bo/ho-so/{code}/")
    act(
        page,
        "request_supplement",
        {"item_0": "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "reason_0": "Thiếu chữ ký của người yêu cầu"},
    )
    page.screenshot(path=artifacts / "office-supplement-phone.png", full_page=True)
    login(page, site, "tiepnhan")
    page.goto(f"{site}/can-bo/hang-doi/cho-bo-sung/")
    page.click(f"text={code}")
    act(page, "resubmit", {"note": "Đã ký tờ khai"})
    dossier = Dossier.objects.get(code=code)
    assert dossier.state == "in_progress" and dossier.due_at >= first_due and dossier.supplement_count == 1
    page.goto(f"{site}/tra-cuu/?ma={code}")  # the link of the notice: the code only, the phone is typed
    page.fill("#id_xac_minh", "0912345678")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    assert "Thiếu chữ ký của người yêu cầu" in page.locator("main").inner_text()
    page.screenshot(path=artifacts / "tracking-phone.png", full_page=True)


def test_lien_thong_with_two_agencies_and_an_extension(site, desktop_page, artifacts, tmp_path):
    page = desktop_page
    login(page, site, "tiepnhan")
    code = counter_intake(page, site, tmp_path, "3.000333", "Trung tâm Phục vụ hành chính công tỉnh Phú Thọ")
    login(page, site, "chuyenvien")
    page.goto(f"{site}/can-bo/ho-so/{code}/")
    page.click("#tt-forward summary")
    page.select_option("#tt-forward [name=agencies]", label="Công an tỉnh Phú Thọ")
    page.fill("#tt-forward [name=days]", "2")
    page.fill("#tt-forward [name=note]", "Xác minh án tích")
    page.click("#tt-forward button[type=submit]")
    login(page, site, "congan")
    page.goto(f"{site}/can-bo/ho-so/{code}/")
    act(
        page,
        "complete_step",
        {"note": "Không có án tích", "days": "1"},
        select={"next_agency": "Văn phòng Đăng ký đất đai tỉnh Phú Thọ"},
    )
    login(page, site, "diachinh")
    page.goto(f"{site}/can-bo/ho-so/{code}/")
    act(page, "complete_step", {"note": "Đã đối chiếu"})
    login(page, site, "lanhdao")
    page.goto(f"{site}/can-bo/ho-so/{code}/")
    dossier = Dossier.objects.get(code=code)
    new_due = timezone.localtime(dossier.due_at + dt.timedelta(days=3))
    act(
        page,
        "extend",
        {"new_date": f"{new_due:%d/%m/%Y}", "new_time": f"{new_due:%H:%M}", "reason": "Chờ kết quả xác minh bổ sung"},
    )
    dossier.refresh_from_db()
    assert dossier.extended and dossier.processing_agency.code == "000.00.10.H44"
    steps = [(s.kind, s.agency.code) for s in dossier.steps.order_by("id")]
    assert ("lien_thong", "000.00.14.H44") in steps and ("lien_thong", "000.01.12.H44") in steps
    assert "#tt-extend" not in page.content() or page.locator("#tt-extend").count() == 0  # only once
    page.screenshot(path=artifacts / "office-lien-thong-extended.png", full_page=True)
