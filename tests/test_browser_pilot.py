"""Issue 10, done when: a walk-in dossier on an imported procedure with conditional lines goes from the counter (one
line marked "không áp dụng") to a specialist, to the leader's queue, approval, and return, in Chromium, each role
starting from its own "Việc cần làm". Screenshots in artifacts/pilot-*.png."""

import json
import re

import pytest
from django.core.management import call_command
from test_browser_dossiers import PDF, login  # a sibling module of tests/, which is not a package

from motcua.agencies.models import Agency
from motcua.catalog.models import Procedure
from motcua.demo.load import load
from motcua.dossiers.models import Dossier

pytestmark = pytest.mark.django_db(transaction=True)
VISA = "1.001194"  # Cấp thị thực cho người nước ngoài tại Việt Nam (thực hiện tại cấp tỉnh)


@pytest.fixture
def site(live_server, shared_data, tmp_path):
    """The demo, plus one procedure imported from the national catalogue and published on purpose."""
    load()
    source = shared_data / "tthc-national-portal" / "procedures.jsonl"
    record = next(line for line in source.open(encoding="utf-8") if json.loads(line)["ma_thu_tuc"] == VISA)
    one = tmp_path / "one.jsonl"
    one.write_text(record, encoding="utf-8")
    call_command("catalog", "import", str(one), "--publish", "--no-progress")
    procedure = Procedure.objects.get(code=VISA)
    # handled, for this walk, by the demo's Department of Justice (its leader, specialist and văn thư)
    procedure.agencies.set([Agency.objects.get(code="000.00.10.H44")])
    return live_server.url


def shot(page, artifacts, name):
    page.screenshot(path=artifacts / f"pilot-{name}.png", full_page=True)


def open_from_work(page, site, section, code):
    """From "Việc cần làm", the section that should hold the dossier, then the dossier itself."""
    page.goto(f"{site}/can-bo/")
    block = page.locator(f"section.work:has(h2 a[href$='/hang-doi/{section}/'])")
    assert block.locator(f"a:text-is('{code}')").count() == 1, (section, block.inner_text())
    block.locator(f"a:text-is('{code}')").click()
    page.wait_for_url(re.compile(rf".*/ho-so/{re.escape(code)}/"))


def act(page, action, fields=None, select=None):
    page.click(f"#tt-{action} summary")
    for name, value in (fields or {}).items():
        page.fill(f"#tt-{action} [name={name}]", value)
    for name, value in (select or {}).items():
        page.select_option(f"#tt-{action} [name={name}]", label=value)
    page.click(f"#tt-{action} button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".msg.error").count() == 0, page.locator(".msg.error").all_inner_texts()


def test_walk_in_dossier_with_a_line_not_applicable_from_counter_to_return(site, desktop_page, artifacts, tmp_path):
    page = desktop_page
    procedure = Procedure.objects.get(code=VISA)
    lines = list(procedure.current.documents.all())
    # the photo is needed only for a separate visa (thị thực rời): this applicant asks for a visa in the passport
    separate_visa = next(line for line in lines if "thị thực rời" in line.condition)
    assert any(not line.condition for line in lines)

    # The counter: the condition is shown; the separate-visa line does not apply to this applicant.
    login(page, site, "tiepnhan")
    page.goto(f"{site}/can-bo/tiep-nhan/?q={VISA}")
    page.click(f"a[href$='/tiep-nhan/{VISA}/']")
    page.select_option("select[name=desk]", label="Trung tâm Phục vụ hành chính công tỉnh Phú Thọ")
    page.fill("#id_applicant_name", "Nguyễn Văn An")
    page.fill("#id_applicant_id_number", "025090001234")
    page.fill("#id_applicant_birth_date", "05/03/1990")
    page.fill("#id_applicant_phone", "0912345678")
    scan = tmp_path / "to-khai.pdf"
    scan.write_bytes(PDF)
    for line in lines:
        if line == separate_visa:
            page.check(f"input[name=not_applicable][value='{line.pk}']")
        else:
            page.check(f"#line-{line.pk}")
    page.set_input_files(f"input[name=file_{lines[0].pk}]", str(scan))
    assert "Điều kiện: nếu thuộc trường hợp cấp thị thực rời" in page.locator("table.doc-lines").inner_text()
    shot(page, artifacts, "1-counter")
    page.click("button[name=decision][value=receive]")
    page.wait_for_url(re.compile(r".*/can-bo/ho-so/.*"))
    code = page.url.rstrip("/").rsplit("/", 1)[-1]
    assert page.locator("h1 .state").inner_text() == "Đã tiếp nhận"
    assert "Không áp dụng" in page.locator("ul.checklist").inner_text()
    shot(page, artifacts, "2-received")

    # The leader lands on "Chờ phân công" and gives it to the specialist.
    login(page, site, "lanhdao")
    open_from_work(page, site, "chua-phan-cong", code)
    act(page, "assign", select={"officer": "Trần Văn Minh"})

    # The specialist finds it in "Của tôi" and submits it to the leader.
    login(page, site, "chuyenvien")
    open_from_work(page, site, "cua-toi", code)
    act(page, "submit_for_approval", {"proposal": "Đủ điều kiện cấp thị thực"}, select={"approver": "Lê Thị Hồng"})
    assert page.locator("h1 .state").inner_text() == "Chờ phê duyệt"
    shot(page, artifacts, "3-submitted")

    # The leader: the menu counts it, "Chờ phê duyệt" holds it; approve.
    login(page, site, "lanhdao")
    menu = page.locator("nav.office-nav a:has-text('Chờ phê duyệt')")
    assert menu.locator(".badge").inner_text() == "1"
    shot(page, artifacts, "4-leader-work")
    open_from_work(page, site, "cho-phe-duyet", code)
    act(page, "approve", {"note": "Đồng ý"})
    assert page.locator("h1 .state").inner_text() == "Đã phê duyệt"

    # The văn thư issues the result from "Chờ ban hành kết quả".
    login(page, site, "vanthu")
    open_from_work(page, site, "cho-ban-hanh", code)
    result = tmp_path / "thi-thuc.pdf"
    result.write_bytes(PDF)
    page.click("#tt-issue_result summary")
    page.fill("#tt-issue_result [name=summary]", "Thị thực số 12/2026")
    page.set_input_files("#tt-issue_result [name=file]", str(result))
    page.click("#tt-issue_result button[type=submit]")
    page.wait_for_load_state()

    # The counter hands it over from "Chờ trả kết quả".
    login(page, site, "tiepnhan")
    open_from_work(page, site, "cho-tra", code)
    act(page, "return_result", select={"method": "Tại Bộ phận Một cửa"})
    assert page.locator("h1 .state").inner_text() == "Đã trả kết quả"
    shot(page, artifacts, "5-returned")

    dossier = Dossier.objects.get(code=code)
    assert dossier.not_applicable == [separate_visa.pk] and dossier.due_at is not None
    received = dossier.events.get(kind="received")
    assert received.actor.username == "tiepnhan" and received.data["not_applicable"] == [separate_visa.name]
    assert [e.kind for e in dossier.events.order_by("seq")] == [
        "registered",
        "received",
        "assigned",
        "submitted_for_approval",
        "approved",
        "result_issued",
        "returned",
    ]
    assert [s.kind for s in dossier.steps.order_by("id")] == ["receive", "process", "approve", "return"]
    assert all(s.outcome for s in dossier.steps.all())
