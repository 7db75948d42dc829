"""The TT 03/2025 forms as PDFs (DOMAIN.md 2.2): page size, the Vietnamese text as pypdf extracts it, the fonts
(only the shipped ones: the PDFs are printed with a fontconfig that has no font), the receipt's QR code read back,
and the register as PDF and Excel. Every page is also saved as a PNG under artifacts/forms/ for a person to look at."""

import datetime as dt
import io

import pytest
import segno
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from PIL import Image

from motcua.agencies.models import Agency
from motcua.dossiers import lifecycle
from motcua.dossiers.models import Dossier
from motcua.dossiers.printing import FORM_TITLES, register_pdf, register_xlsx, render_form
from motcua.dossiers.printing.pdf import name_lines

from .fixtures import vn
from .printed import Printed, no_system_fonts  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

A5 = (419.53, 595.28)
A4_LANDSCAPE = (841.89, 595.28)
ROUND_1 = [
    {"item": "Tờ khai", "reason": "Thiếu chữ ký của người yêu cầu"},
    {"item": "Giấy chứng sinh", "reason": "Bản chụp mờ, không đọc được"},
]
ROUND_2 = [{"item": "Giấy chứng sinh", "reason": "Sai ngày sinh so với tờ khai"}]


def check_form(sheet: Printed, number: int, size=A5):
    assert sheet.size == pytest.approx(size, abs=0.01)
    assert sheet.title == FORM_TITLES[number]
    sheet.has(FORM_TITLES[number].upper(), f"Mẫu số {number:02d} – Thông tư số 03/2025/TT-VPCP")
    if number != 7:  # the register is a book, not a paper sent out
        sheet.has("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    # One face, the shipped one: a Vietnamese letter missing from it would have come out in no font at all.
    sheet.set_in("Liberation Serif")


@pytest.fixture
def printed(artifacts, no_system_fonts):
    return lambda pdf, name: Printed(pdf, name, artifacts / "forms")


def test_receipt_01_carries_the_dossier_the_promise_and_a_qr_to_the_tracking_page(received, printed):
    sheet = printed(render_form(1, received, base_url="https://dichvucong.phutho.gov.vn/"), "01-giay-tiep-nhan")
    check_form(sheet, 1)
    assert sheet.pages == 1
    sheet.has(
        "Số: 260302-0001/TTPVHCC",
        "ngày 02 tháng 3 năm 2026",
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH",
        "Mã hồ sơ: 000.01.01.H44-260302-0001",
        "Bộ phận Một cửa – Trung tâm Phục vụ hành chính công tỉnh",
        "Tiếp nhận hồ sơ của: Nguyễn Văn An",
        "Số định danh cá nhân: 025090001234",
        "Địa chỉ: Phường Việt Trì, tỉnh Phú Thọ",
        "Số điện thoại: 0912345678; thư điện tử: an@example.vn",
        "Nội dung yêu cầu giải quyết: Cấp Phiếu lý lịch tư pháp",
        "Tờ khai",
        "Giấy chứng sinh",
        "Thời gian giải quyết hồ sơ theo quy định: 5 ngày làm việc",
        "Thời gian nhận hồ sơ: 09:00 02/03/2026",
        "Thời gian trả kết quả giải quyết hồ sơ: 09:00 09/03/2026",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
    )
    url = "https://dichvucong.phutho.gov.vn/tra-cuu/?ma=000.01.01.H44-260302-0001"
    sheet.has(url)
    [image] = sheet.images()
    assert read_qr(image) == url


def test_the_heading_keeps_each_name_whole_as_decree_30_lays_it_out(received, province, printed):
    """Two centred columns; the body above over the issuing agency, each line whole: "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ"
    on one line where it fits, never "TỈNH PHÚ / THỌ"; a name too long is broken before its locality."""
    committee = Agency.objects.create(code="000.00.00.H44", name="Ủy ban nhân dân tỉnh Phú Thọ", level="province")
    centre = province["centre"]
    centre.name, centre.parent = "Trung tâm Phục vụ hành chính công tỉnh Phú Thọ", committee
    centre.save()
    sheet = printed(render_form(1, Dossier.objects.get(pk=received.pk)), "01-giay-tiep-nhan-tieu-de")
    check_form(sheet, 1)
    lines = sheet.raw.splitlines()
    top = lines.index("ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ")
    assert lines[top + 1 : top + 4] == ["TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "TỈNH PHÚ THỌ", "Số: 260302-0001/TTPVHCC"]
    assert lines[top + 4 : top + 6] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


@pytest.mark.parametrize(
    "name, width, lines",
    [
        ("Ủy ban nhân dân tỉnh Phú Thọ", 61, ["ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ"]),
        ("Ủy ban nhân dân tỉnh Phú Thọ", 40, ["ỦY BAN NHÂN DÂN", "TỈNH PHÚ THỌ"]),
        ("Ủy ban nhân dân thành phố Hồ Chí Minh", 61, ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"]),
        ("Sở Nông nghiệp và Môi trường", 61, ["SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"]),
        (
            "Trung tâm Phục vụ hành chính công tỉnh Phú Thọ",
            45,
            ["TRUNG TÂM PHỤC VỤ", "HÀNH CHÍNH CÔNG", "TỈNH PHÚ THỌ"],
        ),
        ("", 61, []),
    ],
)
def test_name_lines_break_only_between_whole_parts(name, width, lines):
    assert name_lines(name, width, 8, bold=True) == lines


def test_receipt_for_an_organisation_filed_by_a_proxy_by_post(five_days, province, people, applicant, printed):
    applicant.update(
        applicant_kind="organisation",
        applicant_name="Công ty TNHH Hòa Bình",
        applicant_id_number="",
        organisation_tax_code="2600123456",
        organisation_representative="Đỗ Văn Hùng",
        proxy_name="Trần Thị Bình",
        proxy_id_number="025190004321",
        proxy_phone="0987654321",
    )
    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="postal",
        at=vn("2026-03-02 14:00"),
    )
    dossier = lifecycle.receive(dossier.pk, actor=people["desk"], at=vn("2026-03-02 15:30"))
    sheet = printed(render_form(1, dossier), "01-giay-tiep-nhan-nop-thay")
    check_form(sheet, 1)
    assert sheet.pages == 1
    sheet.has(
        "Tiếp nhận hồ sơ của: Công ty TNHH Hòa Bình",
        "Mã số thuế: 2600123456; người đại diện: Đỗ Văn Hùng",
        "Người nộp thay: Trần Thị Bình; số định danh: 025190004321; điện thoại: 0987654321",
        "Thời gian nhận hồ sơ: 15:30 02/03/2026",
        "Thời gian trả kết quả giải quyết hồ sơ: 17:00 09/03/2026",
        "Qua dịch vụ bưu chính công ích, tại địa chỉ: Phường Việt Trì, tỉnh Phú Thọ",
    )
    [image] = sheet.images()
    assert read_qr(image) == "http://127.0.0.1:8000/tra-cuu/?ma=000.01.01.H44-260302-0001"


def test_receipt_needs_a_received_dossier(five_days, province, people, applicant):
    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        at=vn("2026-03-02 08:00"),
    )
    with pytest.raises(ValueError, match="chưa được tiếp nhận"):
        render_form(1, dossier)


def test_supplement_02_lists_every_item_and_a_second_request_repeats_the_first(received, people, printed):
    d = received.pk
    lifecycle.request_supplement(d, actor=people["specialist"], items=ROUND_1, at=vn("2026-03-02 10:00"))
    lifecycle.resubmit(d, actor=people["desk"], at=vn("2026-03-03 08:00"))
    dossier = lifecycle.request_supplement(
        d, actor=people["specialist"], items=ROUND_2, approved_by=people["head"], at=vn("2026-03-03 09:00")
    )
    first = dossier.supplement_requests.get(number=1)

    sheet = printed(render_form(2, dossier, supplement=first), "02-yeu-cau-bo-sung-lan-1")
    check_form(sheet, 2)
    sheet.has(
        "Số: 260302-0001.1/PBS",
        "SỞ TƯ PHÁP",
        "Hồ sơ của: Nguyễn Văn An",
        "Thiếu chữ ký của người yêu cầu",
        "Bản chụp mờ, không đọc được",
        "Thời hạn giải quyết được tính lại từ đầu sau khi nhận đủ hồ sơ",
    )
    sheet.lacks("Sai ngày sinh so với tờ khai", "Nhắc lại")

    sheet = printed(render_form(2, dossier), "02-yeu-cau-bo-sung-lan-2")  # the latest request by default
    check_form(sheet, 2)
    sheet.has(
        "yêu cầu bổ sung lần thứ 2",
        "Sai ngày sinh so với tờ khai",
        "Nhắc lại các nội dung đã yêu cầu bổ sung trước đây",
        "Lần 1 (ngày 02/03/2026)",
        "Thiếu chữ ký của người yêu cầu",
        "Bản chụp mờ, không đọc được",
        "Head",
    )


def test_supplement_02_at_the_desk_comes_from_the_desk(five_days, province, people, applicant, printed):
    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        at=vn("2026-03-02 08:00"),
    )
    with pytest.raises(ValueError, match="chưa có yêu cầu bổ sung"):
        render_form(2, dossier)
    dossier = lifecycle.desk_supplement(
        dossier.pk,
        actor=people["desk"],
        at=vn("2026-03-02 08:05"),
        items=[{"item": "Giấy chứng sinh", "reason": "Chưa nộp bản sao chứng thực"}],
    )
    sheet = printed(render_form(2, dossier), "02-yeu-cau-bo-sung-tai-quay")
    check_form(sheet, 2)
    sheet.has("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH", "Chưa nộp bản sao chứng thực", "NGƯỜI HƯỚNG DẪN")
    sheet.lacks("tính lại từ đầu")


def test_refusal_03_at_the_desk_and_after_appraisal(five_days, province, people, applicant, received, printed):
    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        at=vn("2026-03-02 08:00"),
    )
    dossier = lifecycle.desk_refuse(
        dossier.pk,
        actor=people["desk"],
        at=vn("2026-03-02 08:10"),
        reasons="Thủ tục không thuộc thẩm quyền giải quyết của tỉnh Phú Thọ",
    )
    sheet = printed(render_form(3, dossier), "03-tu-choi-tai-quay")
    check_form(sheet, 3)
    sheet.has(
        "Số: 260302-0002/PTC",
        "thông báo không tiếp nhận, giải quyết hồ sơ",
        "Thủ tục không thuộc thẩm quyền giải quyết của tỉnh Phú Thọ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
    )

    refused = lifecycle.refuse(
        received.pk,
        actor=people["head"],
        at=vn("2026-03-04 10:00"),
        reasons="Người yêu cầu đang bị truy cứu trách nhiệm hình sự",
    )
    event = refused.events.get(kind="refused")
    sheet = printed(render_form(3, refused, event=event), "03-tu-choi-sau-tham-dinh")
    check_form(sheet, 3)
    sheet.has(
        "SỞ TƯ PHÁP",
        "Qua thẩm định, Sở Tư pháp thông báo từ chối giải quyết hồ sơ",
        "Người yêu cầu đang bị truy cứu trách nhiệm hình sự",
        "THỦ TRƯỞNG CƠ QUAN",
    )


def test_apology_04_gives_the_old_and_new_promise(received, people, printed):
    dossier = lifecycle.extend(
        received.pk,
        actor=people["head"],
        new_due=vn("2026-03-12 09:00"),
        reason="Chờ kết quả xác minh của Công an tỉnh",
        at=vn("2026-03-05 09:00"),
    )
    sheet = printed(render_form(4, dossier), "04-xin-loi-gia-han")
    check_form(sheet, 4)
    sheet.has(
        "Số: 260302-0001/PXL",
        "Kính gửi: Ông/Bà Nguyễn Văn An",
        "Ngày 02 tháng 3 năm 2026",
        "Thời gian hẹn trả kết quả giải quyết hồ sơ: 09:00 09/03/2026",
        "Chờ kết quả xác minh của Công an tỉnh",
        "hẹn trả kết quả giải quyết hồ sơ vào lúc: 09:00 12/03/2026",
        "xin lỗi Ông/Bà",
    )


def test_stop_notice_05(received, people, printed):
    dossier = lifecycle.stop(
        received.pk, actor=people["desk"], reason="Công dân đề nghị dừng để bổ sung giấy tờ", at=vn("2026-03-03 09:00")
    )
    sheet = printed(render_form(5, dossier), "05-thong-bao-dung")
    check_form(sheet, 5)
    sheet.has(
        "Số: 260302-0001/TBD",
        "Công dân đề nghị dừng để bổ sung giấy tờ",
        "dừng giải quyết hồ sơ nêu trên kể từ 09:00 03/03/2026",
    )


def test_forms_need_their_event_and_their_dossier(received, people, five_days, province, applicant):
    for number, message in (
        (3, "chưa bị từ chối"),
        (4, "chưa được gia hạn"),
        (5, "chưa bị dừng"),
        (2, "chưa có yêu cầu bổ sung"),
        (9, "Không có mẫu số 9"),
        (7, "register_pdf"),
    ):
        with pytest.raises(ValueError, match=message):
            render_form(number, received)
    other = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        at=vn("2026-03-02 10:00"),
    )
    other = lifecycle.desk_refuse(other.pk, actor=people["desk"], reasons="Sai thẩm quyền", at=vn("2026-03-02 10:05"))
    with pytest.raises(ValueError, match="không thuộc hồ sơ"):
        render_form(3, received, event=other.events.get(kind="desk_refused"))
    with pytest.raises(ValueError, match="không dùng để in mẫu này"):
        render_form(4, received, event=received.events.get(kind="received"))


def test_control_sheet_06_has_a_row_per_step_judged(received, people, province, printed):
    d = received.pk
    lifecycle.forward(
        d,
        actor=people["specialist"],
        agencies=[province["land"]],
        days=1,
        note="Xác minh đất",
        at=vn("2026-03-02 10:00"),
    )
    lifecycle.complete_step(
        d, actor=people["surveyor"], next_agency=province["construction"], days=1, at=vn("2026-03-03 09:00")
    )
    lifecycle.complete_step(d, actor=people["builder"], note="Không vi phạm", at=vn("2026-03-05 09:00"))
    lifecycle.submit_for_approval(d, actor=people["specialist"], at=vn("2026-03-05 10:00"))
    lifecycle.approve(d, actor=people["head"], at=vn("2026-03-05 11:00"))
    lifecycle.issue_result(d, actor=people["clerk"], summary="Phiếu LLTP số 123/2026", at=vn("2026-03-05 14:00"))
    dossier = lifecycle.return_result(d, actor=people["desk"], method="desk", at=vn("2026-03-06 08:00"))
    outcomes = [s.outcome for s in dossier.steps.order_by("started_at", "id")]
    assert outcomes == ["on_time", "early", "on_time", "late", "on_time", "early", "early"]

    sheet = printed(render_form(6, dossier), "06-phieu-kiem-soat")
    check_form(sheet, 6)
    sheet.has(
        "Số: 260302-0001/PKS",
        "Cơ quan chủ trì giải quyết: Sở Tư pháp",
        "Cơ quan phối hợp giải quyết: Sở Nông nghiệp và Môi trường, Sở Xây dựng",
        "Thời gian nhận hồ sơ: 09:00 02/03/2026",
        "Thời gian trả kết quả: 09:00 09/03/2026",
    )
    assert sheet.pages == 1
    rows = [
        "1 Trung tâm Phục vụ hành chính công tỉnh → Sở Tư pháp Tiếp nhận, chuyển hồ sơ "
        "09:00 02/03/2026 14:30 02/03/2026 09:00 02/03/2026 Đúng hạn",
        "2 Sở Tư pháp → Sở Nông nghiệp và Môi trường Thẩm định, xử lý "
        "09:00 02/03/2026 14:30 05/03/2026 10:00 02/03/2026 Trước hạn",
        "3 Sở Nông nghiệp và Môi trường → Sở Xây dựng Xử lý liên thông "
        "10:00 02/03/2026 10:00 03/03/2026 09:00 03/03/2026 Đúng hạn Xác minh đất",
        "4 Sở Xây dựng → Sở Tư pháp Xử lý liên thông 09:00 03/03/2026 09:00 04/03/2026 09:00 05/03/2026 Quá hạn",
        "5 Sở Tư pháp → Lãnh đạo Sở Tư pháp Thẩm định, xử lý "
        "09:00 05/03/2026 14:30 05/03/2026 10:00 05/03/2026 Đúng hạn",
        "6 Sở Tư pháp → Trung tâm Phục vụ hành chính công tỉnh Phê duyệt "
        "10:00 05/03/2026 14:30 06/03/2026 11:00 05/03/2026 Trước hạn",
        "7 Trung tâm Phục vụ hành chính công tỉnh → Nguyễn Văn An (nhận kết quả) Trả kết quả "
        "14:00 05/03/2026 09:00 09/03/2026 08:00 06/03/2026 Trước hạn",
    ]
    sheet.has(" ".join(rows))


def make_register(five_days, province, people, applicant) -> list[Dossier]:
    dossiers = []
    for hour, name in ((8, "Nguyễn Văn An"), (9, "Lê Thị Hồng Nhung"), (10, "Phạm Đức Thắng")):
        applicant = {**applicant, "applicant_name": name}
        dossier = lifecycle.register(
            actor=people["desk"],
            version=five_days,
            receiving_agency=province["centre"],
            applicant=applicant,
            channel="direct",
            at=vn(f"2026-03-02 {hour:02d}:00"),
        )
        dossiers.append(lifecycle.receive(dossier.pk, actor=people["desk"], at=vn(f"2026-03-02 {hour:02d}:05")))
    d = dossiers[0].pk
    lifecycle.submit_for_approval(d, actor=people["head"], at=vn("2026-03-04 10:00"))
    lifecycle.approve(d, actor=people["head"], at=vn("2026-03-04 10:00"))
    lifecycle.issue_result(d, actor=people["clerk"], summary="Phiếu LLTP số 7/2026", at=vn("2026-03-04 11:00"))
    lifecycle.return_result(d, actor=people["desk"], method="post", at=vn("2026-03-05 08:30"))
    return dossiers


def test_register_07_as_pdf_in_one_query(five_days, province, people, applicant, printed):
    make_register(five_days, province, people, applicant)
    queryset = Dossier.objects.order_by("code")
    with CaptureQueriesContext(connection) as queries:
        pdf = register_pdf(
            queryset, title="Trung tâm Phục vụ hành chính công tỉnh", period_text="Từ ngày 01/3/2026 đến ngày 31/3/2026"
        )
    assert len(queries) == 1
    sheet = printed(pdf, "07-so-theo-doi")
    check_form(sheet, 7, size=A4_LANDSCAPE)
    sheet.has(
        "SỔ THEO DÕI HỒ SƠ",
        "Từ ngày 01/3/2026 đến ngày 31/3/2026",
        "Cơ quan chủ trì giải quyết",
        "Cách thức trả kết quả",
        "000.01.01.H44-260302-0001",
        "000.01.01.H44-260302-0003",
        "Lê Thị Hồng Nhung",
        "Phạm Đức Thắng",
        "08:05 02/03/2026",
        "08:05 09/03/2026",
        "08:30 05/03/2026",
        "Qua dịch vụ bưu chính",
    )


def test_register_07_as_excel_with_real_dates(five_days, province, people, applicant):
    make_register(five_days, province, people, applicant)
    with CaptureQueriesContext(connection) as queries:
        data = register_xlsx(Dossier.objects.order_by("code"), title="Sổ theo dõi hồ sơ tháng 3/2026")
    assert len(queries) == 1
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["A1"].value == "Sổ theo dõi hồ sơ tháng 3/2026"
    header = list(sheet[2])
    assert [cell.value for cell in header] == [
        "STT",
        "Mã hồ sơ",
        "Tên thủ tục hành chính",
        "Tên tổ chức, cá nhân",
        "Địa chỉ, số điện thoại",
        "Cơ quan chủ trì giải quyết",
        "Ngày nhận hồ sơ",
        "Ngày hẹn trả kết quả",
        "Ngày trả kết quả",
        "Cách thức trả kết quả",
        "Ký nhận",
    ]
    assert all(cell.font.bold for cell in header)
    first = [cell.value for cell in sheet[3]]
    assert first[:6] == [
        1,
        "000.01.01.H44-260302-0001",
        "Cấp Phiếu lý lịch tư pháp",
        "Nguyễn Văn An",
        "Phường Việt Trì, tỉnh Phú Thọ, 0912345678",
        "Sở Tư pháp",
    ]
    assert first[6:10] == [
        dt.datetime(2026, 3, 2, 8, 5),
        dt.datetime(2026, 3, 9, 8, 5),
        dt.datetime(2026, 3, 5, 8, 30),
        "Qua dịch vụ bưu chính",
    ]
    assert sheet["G3"].is_date and sheet["G3"].number_format == "hh:mm dd/mm/yyyy"
    assert [sheet.cell(row=row, column=4).value for row in (4, 5)] == ["Lê Thị Hồng Nhung", "Phạm Đức Thắng"]
    assert sheet["I4"].value is None and sheet["J4"].value is None  # not returned yet
    assert sheet.max_row == 5


# A reader for the clean, axis-aligned QR symbols the forms embed (no decoder library is installed): it samples
# the module grid, reads the format bits, unmasks, de-interleaves the data codewords and parses byte-mode data.
# The block layout per version and level comes from segno's copy of ISO/IEC 18004 Table 9.
def read_qr(image: Image.Image) -> str:
    gray = image.convert("L")
    width, height = gray.size
    pixel = gray.load()
    dark = lambda x, y: pixel[x, y] < 128  # noqa: E731
    top = next(y for y in range(height) if any(dark(x, y) for x in range(width)))
    left = next(x for x in range(width) if dark(x, top))
    module = (next(x for x in range(left, width) if not dark(x, top)) - left) / 7  # a finder is 7 modules wide
    size = round((max(x for x in range(width) if dark(x, top)) - left + 1) / module)
    grid = [
        [dark(int(left + (c + 0.5) * module), int(top + (r + 0.5) * module)) for c in range(size)] for r in range(size)
    ]
    version = (size - 17) // 4
    cells = [(r, 8) for r in (0, 1, 2, 3, 4, 5, 7, 8)] + [(8, c) for c in (7, 5, 4, 3, 2, 1, 0)]
    read = sum(grid[r][c] << i for i, (r, c) in enumerate(cells))
    level, mask = next(divmod(data, 8) for data in range(32) if format_bits(data) == read)
    reserved = function_modules(size, version)
    bits, right = [], size - 1
    while right >= 1:
        right = 5 if right == 6 else right
        for step in range(size):
            r = size - 1 - step if (right + 1) & 2 == 0 else step
            for c in (right, right - 1):
                if not reserved[r][c]:
                    bits.append(grid[r][c] ^ MASKS[mask](r, c))
        right -= 2
    codewords = iter(int("".join("01"[b] for b in bits[i : i + 8]), 2) for i in range(0, len(bits) - 7, 8))
    lengths = [ec.num_data for ec in segno.consts.ECC[version][level] for _ in range(ec.num_blocks)]
    blocks = [[] for _ in lengths]
    for i in range(max(lengths)):
        for block, length in zip(blocks, lengths):
            if i < length:
                block.append(next(codewords))
    stream = "".join(f"{byte:08b}" for block in blocks for byte in block)
    assert stream[:4] == "0100", "byte mode expected"
    count_bits = 8 if version < 10 else 16
    count = int(stream[4 : 4 + count_bits], 2)
    start = 4 + count_bits
    return bytes(int(stream[start + 8 * i : start + 8 * i + 8], 2) for i in range(count)).decode()


MASKS = [
    lambda r, c: (r + c) % 2 == 0,
    lambda r, c: r % 2 == 0,
    lambda r, c: c % 3 == 0,
    lambda r, c: (r + c) % 3 == 0,
    lambda r, c: (r // 2 + c // 3) % 2 == 0,
    lambda r, c: (r * c) % 2 + (r * c) % 3 == 0,
    lambda r, c: ((r * c) % 2 + (r * c) % 3) % 2 == 0,
    lambda r, c: ((r + c) % 2 + (r * c) % 3) % 2 == 0,
]


def format_bits(data: int) -> int:
    rem = data
    for _ in range(10):
        rem = (rem << 1) ^ ((rem >> 9) * 0x537)
    return (data << 10 | rem) ^ 0x5412


def function_modules(size: int, version: int) -> list[list[bool]]:
    """Finders with separators and format areas, timing lines, alignment patterns, version blocks."""
    taken = [[False] * size for _ in range(size)]

    def block(row, col, rows, cols):
        for r in range(row, row + rows):
            for c in range(col, col + cols):
                taken[r][c] = True

    block(0, 0, 9, 9), block(0, size - 8, 9, 8), block(size - 8, 0, 8, 9), block(6, 0, 1, size)
    block(0, 6, size, 1)
    if version > 1:
        count = version // 7 + 2
        step = 26 if version == 32 else (version * 4 + count * 2 + 1) // (count * 2 - 2) * 2
        centres = [6] + [size - 7 - i * step for i in range(count - 1)]
        for r in centres:
            for c in centres:
                if (r, c) not in ((6, 6), (6, size - 7), (size - 7, 6)):
                    block(r - 2, c - 2, 5, 5)
    if version >= 7:
        block(0, size - 11, 6, 3), block(size - 11, 0, 3, 6)
    return taken


@pytest.mark.parametrize("version_error", [("1", "L"), ("5", "M"), ("8", "H"), ("13", "Q")])
def test_the_qr_reader_reads_what_segno_writes(version_error):
    version, error = version_error
    payload = "https://dichvucong.gov.vn/tra-cuu/?ma=000.01.01.H44-260302-0001"[: 17 if version == "1" else None]
    symbol = segno.make(payload, version=int(version), error=error, mode="byte", boost_error=False)
    buffer = io.BytesIO()
    symbol.save(buffer, kind="png", scale=5, border=4)
    assert read_qr(Image.open(buffer)) == payload


def test_a_pdf_loads_the_shipped_fonts_and_data_uris_and_nothing_else(tmp_path):
    from motcua.dossiers.printing.pdf import FONTS, shipped

    assert shipped((FONTS / "LiberationSerif-Regular.ttf").as_uri()) and shipped("data:image/png;base64,AAAA")
    secret = tmp_path / "secret.txt"
    secret.write_text("x")
    for url in (
        secret.as_uri(),
        (FONTS / ".." / "site.css").as_uri(),
        "file:///etc/passwd",
        "http://127.0.0.1:8000/",
        "https://example.vn/logo.png",
    ):
        assert not shipped(url), url
