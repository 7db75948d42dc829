"""The periodic reform report (issue 5) built on the known month of `scenario.py`: the figures it states, "không có
dữ liệu" where nothing is under a ratio, satisfaction with its sample size and interval, the sector KPIs, the
official score beside ours, the PDF (looked at as PNGs), the DOCX, the Excel workbook and the page."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from motcua.agencies.models import Agency
from motcua.dossiers import lifecycle, ratings
from motcua.dossiers.models import Dossier
from motcua.dossiers.tests.fixtures import vn
from motcua.dossiers.tests.printed import Printed, no_system_fonts  # noqa: F401 (a fixture)
from motcua.indicators import report, report_document, report_docx, report_pdf, report_periods, report_xlsx
from motcua.indicators.figures import Period
from motcua.indicators.models import OfficialRecord, SectorKpi

from .scenario import build

pytestmark = pytest.mark.django_db
MARCH = Period.month(2026, 3)
NOW = vn("2026-11-20 10:00")  # the scenario's month is long over: nothing in it is judged "now"


@pytest.fixture
def month(province, people, five_days, applicant):
    return build(province, people, five_days, applicant)


@pytest.fixture
def police(province):
    return Agency.objects.create(code="000.00.14.H44", name="Công an tỉnh", level="department")


def table(built, key) -> dict:
    """A report table as {first cell: [the other cells as they read]}."""
    found = next(t for t in built.tables if t.key == key)
    return {cells[0][0]: [text for text, _ in cells[1:]] for _, cells in found.text_rows()}


def text_of(built) -> str:
    return "\n".join(p for s in built.sections for p in [s.title, *s.paragraphs, *s.bullets])


# ---- numbers as Vietnamese write them ----


def test_numbers_and_percentages_read_the_vietnamese_way():
    assert report_document.percent_text(Decimal(7) / 11) == "63,64%"
    assert report_document.percent_text(Decimal("0.87675")) == "87,68%"
    assert report_document.percent_text(1) == "100%" and report_document.percent_text(Decimal("0.5")) == "50%"
    assert report_document.percent_text(None) == "không có dữ liệu"
    assert report_document.percent_text(0) == "0%"  # a real zero stays a zero
    assert report_document.display(1234567) == "1.234.567"
    assert report_document.display(report_document.Score(Decimal(20) * 7 / 11)) == "12,73"
    assert report_document.display(report_document.Score(None)) == "không có dữ liệu"


@pytest.mark.parametrize(
    "code, label, phrase",
    [
        ("2026-03", "Tháng 03/2026", "tháng 3 năm 2026"),
        ("2026-Q1", "Quý I/2026", "quý I năm 2026"),
        ("2026-H1", "6 tháng đầu năm 2026", "6 tháng đầu năm 2026"),
        ("2025-H2", "6 tháng cuối năm 2025", "6 tháng cuối năm 2025"),
        ("2025", "Năm 2025", "năm 2025"),
    ],
)
def test_a_period_code_names_its_period(code, label, phrase):
    period = report_periods.parse_period(code, today=dt.date(2026, 11, 24))
    assert (period.label, report_periods.period_phrase(period), report_periods.period_code(period)) == (
        label,
        phrase,
        code,
    )


@pytest.mark.parametrize(
    "code, message",
    [
        ("2026-13", "không hợp lệ"),
        ("2026-Q5", "không hợp lệ"),
        ("2026-H3", "không hợp lệ"),
        ("tháng 3", "không hợp lệ"),
        ("", "Chưa chọn kỳ báo cáo"),
        ("2027-01", "chưa bắt đầu"),
        ("2010", "từ năm 2015"),
    ],
)
def test_a_period_that_cannot_be_reported_on_says_why(code, message):
    with pytest.raises(report_periods.PeriodError, match=message):
        report_periods.parse_period(code, today=dt.date(2026, 11, 24))


def test_a_from_to_period_is_named_by_its_days():
    period = report_periods.sensible(Period.between(dt.date(2026, 3, 1), dt.date(2026, 3, 15)), dt.date(2026, 11, 24))
    assert report_periods.period_phrase(period) == "từ ngày 01/03/2026 đến ngày 15/03/2026"
    assert report_periods.period_code(period) == ""
    with pytest.raises(report_periods.PeriodError, match="Ngày kết thúc phải sau ngày bắt đầu"):
        report_periods.sensible(Period.between(dt.date(2026, 3, 15), dt.date(2026, 3, 1)))


# ---- the content ----


def test_the_march_report_states_the_known_figures(month, province):
    built = report.build(province["justice"], MARCH, NOW)
    text = text_of(built)
    assert built.subtitle == "Kết quả thực hiện công tác cải cách thủ tục hành chính tháng 3 năm 2026"
    assert built.agency == "SỞ TƯ PHÁP" and built.number.startswith("Số:") and built.number.endswith("/BC-STP")
    assert built.date == "ngày 20 tháng 11 năm 2026"
    # D1-D10 and D12 received in March; D11 came in February; D13 was refused at the desk, never received
    assert "đã tiếp nhận 11 hồ sơ mới thuộc thẩm quyền giải quyết của Sở Tư pháp" in text
    assert "(trực tiếp 9, trực tuyến 1, qua dịch vụ bưu chính 1); kỳ trước chuyển sang 1 hồ sơ" in text
    assert "tổng số hồ sơ phải giải quyết là 12 hồ sơ" in text
    assert "Đã giải quyết 8 hồ sơ (trước hạn 4, đúng hạn 2, quá hạn 2)" in text
    assert "đang giải quyết 3 hồ sơ (trong hạn 1, quá hạn 2)" in text
    assert "(chỉ số 2.1, Quyết định số 766/QĐ-TTg) đạt 63,64% (7/11 hồ sơ)" in text
    # 4 251 600 s over the 8 finished dossiers = 6,15 days
    assert "Thời gian giải quyết trung bình: 6,15 ngày/hồ sơ" in text
    assert "Số hồ sơ phải yêu cầu bổ sung: 2 hồ sơ (3 lần yêu cầu)" in text
    dossiers = table(built, "ho-so")
    assert dossiers["Tiếp nhận mới trong kỳ"] == ["11", ""]
    assert dossiers["Trực tiếp"] == ["9", "81,82%"]
    assert dossiers["Trước hạn, đúng hạn (chỉ số 2.1)"] == ["7", "63,64%"]
    assert dossiers["Công dân rút hồ sơ"] == ["1", ""]
    # the procedures in competence: the one five-day procedure, at province level, not online
    assert table(built, "thu-tuc")["Cấp tỉnh"] == ["1", "0", "0", "1"]
    scores = table(built, "chi-so-766")
    assert scores["Tiến độ giải quyết"] == ["20", "12,73", "Chưa có"]  # 20 × 7/11
    digital = table(built, "so-hoa")
    assert digital["4.2"] == ["Hồ sơ được số hóa", "2", "11", "18,18%", "80%"]
    assert digital["4.1"] == ["Hồ sơ có kết quả điện tử", "2", "6", "33,33%", ""]
    assert digital["4.3"] == ["Hồ sơ tái sử dụng dữ liệu số hóa", "1", "11", "9,09%", "80%"]
    assert digital["3.6"] == ["Hồ sơ thanh toán trực tuyến", "1", "11", "9,09%", ""]
    shortcomings, tasks = built.sections[-2:]
    assert shortcomings.title == "II. TỒN TẠI, HẠN CHẾ"
    assert tasks.title == "III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM THÁNG 4 NĂM 2026"
    assert tasks.bullets[:2] == [
        "Giải quyết dứt điểm 2 hồ sơ đang quá hạn; với hồ sơ chưa thể trả kết quả, gửi văn bản xin lỗi và hẹn lại "
        "ngày trả kết quả (Mẫu số 04) theo quy định.",
        "Rà soát nguyên nhân các hồ sơ giải quyết quá hạn trong kỳ, xác định trách nhiệm của cơ quan, đơn vị để chấn "
        "chỉnh, không để tái diễn.",
    ]
    assert "Nâng tỷ lệ hồ sơ nộp trực tuyến (chỉ số 3.3) từ 9,09% lên mục tiêu 50%." in tasks.bullets
    assert "Hoàn thiện việc cập nhật, đồng bộ dữ liệu để hệ thống tính được các chỉ số: 1.1, 1.2." in tasks.bullets
    assert built.addressee == "Ủy ban nhân dân tỉnh"  # the fixtures' province has no People's Committee agency
    assert shortcomings.bullets[0] == (
        "Còn 2 hồ sơ đang giải quyết quá hạn tại thời điểm cuối kỳ; 2 hồ sơ đã giải quyết quá hạn trong kỳ."
    )
    assert "Chỉ số 3.3 (Hồ sơ nộp trực tuyến) đạt 9,09%, chưa đạt mục tiêu 50%." in shortcomings.bullets
    assert "Chỉ số 5.4 (Hài lòng về giải quyết hồ sơ) đạt 63,64%, chưa đạt mục tiêu 90%." in shortcomings.bullets
    assert "Hệ thống chưa có dữ liệu để tính các chỉ số: 1.1, 1.2." in shortcomings.bullets


def test_the_province_report_counts_every_agency(month, province):
    built = report.build(None, MARCH, NOW)
    assert built.scope.agency_ids is None
    assert "đã tiếp nhận 11 hồ sơ mới thuộc thẩm quyền giải quyết của các cơ quan, đơn vị trên địa bàn tỉnh" in text_of(
        built
    )
    assert built.agency == "ỦY BAN NHÂN DÂN TỈNH"  # the fixtures' province has no top agency


def test_a_ratio_with_nothing_under_it_reads_no_data_never_a_percentage(month, province):
    built = report.build(province["construction"], MARCH, NOW)
    text = text_of(built)
    assert "đã tiếp nhận 0 hồ sơ mới" in text
    assert "(chỉ số 2.1, Quyết định số 766/QĐ-TTg): không có dữ liệu." in text
    assert "Tỷ lệ xử lý đúng hạn (chỉ số 5.2): không có dữ liệu." in text
    assert table(built, "so-hoa")["4.2"][3] == "không có dữ liệu"
    assert table(built, "ho-so")["Trực tuyến"] == ["0", "không có dữ liệu"]
    assert "Thời gian giải quyết trung bình: không có dữ liệu." in text


def test_satisfaction_gives_the_sample_size_and_the_interval(month, province, people):
    lifecycle.return_result(month["on_time"], actor=people["desk"], method="desk")
    for key, criteria in [("early", {"time": True}), ("online", {"time": True}), ("on_time", {"time": False})]:
        ratings.rate(Dossier.objects.get(pk=month[key]), satisfied=True, criteria=criteria, comment="", channel="kiosk")
    today = timezone.localdate()
    built = report.build(province["justice"], Period.month(today.year, today.month))
    assert (
        "Hài lòng 100% (3/3 ý kiến; khoảng tin cậy 95%: 43,9%–100%); mẫu nhỏ (dưới 30 ý kiến), tỷ lệ chỉ có "
        "ý nghĩa tham khảo"
    ) in text_of(built)
    shares = table(built, "hai-long")
    assert shares["Hài lòng chung"] == ["3", "3", "100%", "43,9%–100%", "Mẫu nhỏ"]
    assert shares["Thời gian giải quyết"] == ["3", "2", "66,67%", "20,8%–93,9%", "Mẫu nhỏ"]
    assert shares["Thái độ của cán bộ"] == ["0", "0", "không có dữ liệu", "", ""]


def test_the_sector_kpis_of_the_period_with_their_ratios(month, province, police, people):
    entered_by = people["monitor"]
    for month_number, value in [(1, 700_000), (3, 812_345)]:  # a stock: March's figure replaces January's
        SectorKpi.objects.create(
            code="eid_level2",
            agency=police,
            period_start=dt.date(2026, month_number, 1),
            period_end=Period.month(2026, month_number).end,
            value=value,
            denominator=1_500_000,
            entered_by=entered_by,
        )
    SectorKpi.objects.create(
        code="welfare_accounts",
        agency=province["commune"],
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 3, 31),
        value=0,
        denominator=0,
        entered_by=entered_by,
    )
    SectorKpi.objects.create(
        code="eid_level2",
        agency=police,
        period_start=dt.date(2026, 4, 1),
        period_end=dt.date(2026, 4, 30),
        value=900_000,
        denominator=1_500_000,
        entered_by=entered_by,
    )  # after the quarter: not in it
    built = report.build(None, Period.quarter(2026, 1), NOW)
    rows = next(t for t in built.tables if t.key == "chi-tieu-nganh").text_rows()
    assert [[text for text, _ in cells] for _, cells in rows] == [
        [
            "Tài khoản định danh điện tử mức độ 2 được kích hoạt",
            "Công an tỉnh",
            "Tháng 03/2026",
            "812.345",
            "1.500.000",
            "54,16%",
        ],
        ["Chi trả an sinh xã hội qua tài khoản", "UBND phường Việt Trì", "Quý I/2026", "0", "0", "không có dữ liệu"],
    ]
    # the justice department's report holds only its own (none)
    assert next(t for t in report.build(province["justice"], MARCH, NOW).tables if t.key == "chi-tieu-nganh").rows == []


def test_the_official_score_is_shown_beside_ours(month, province):
    OfficialRecord.objects.create(
        group="progress",
        department_code="H44.10",
        agency=province["justice"],
        period_start=MARCH.start,
        period_end=MARCH.end,
        score=Decimal("12.5"),
        max_score=20,
    )
    built = report.build(province["justice"], MARCH, NOW)
    scores = table(built, "chi-so-766")
    assert scores["Tiến độ giải quyết"] == ["20", "12,73", "12,50"]
    assert scores["Số hóa hồ sơ"][2] == "Chưa có"
    assert "Điểm công bố trên Cổng Dịch vụ công quốc gia cho kỳ này: 12,50 điểm (1/6 nhóm" in text_of(built)
    # the province's report reads the root record, not a unit's
    assert table(report.build(None, MARCH, NOW), "chi-so-766")["Tiến độ giải quyết"][2] == "Chưa có"


def test_building_the_report_costs_the_same_queries_for_more_dossiers(month, province, people, five_days, applicant):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            report.build(province["justice"], MARCH, NOW)
        return len(captured)

    before = queries()
    for day in range(2, 22):
        dossier = lifecycle.register(
            actor=people["desk"],
            version=five_days,
            receiving_agency=province["centre"],
            applicant=applicant,
            channel="online",
            at=vn(f"2026-03-{day:02d} 08:00"),
        )
        lifecycle.receive(
            dossier.pk,
            actor=people["desk"],
            at=vn(f"2026-03-{day:02d} 09:00"),
            received_lines=[line.pk for line in five_days.documents.all()],
        )
    assert "đã tiếp nhận 31 hồ sơ mới" in text_of(report.build(province["justice"], MARCH, NOW))
    assert queries() == before <= 16


# ---- the files ----


def test_the_pdf_is_an_a4_document_with_the_figures(month, province, police, people, artifacts, no_system_fonts):
    SectorKpi.objects.create(
        code="eid_level2",
        agency=police,
        period_start=MARCH.start,
        period_end=MARCH.end,
        value=812_345,
        denominator=1_500_000,
        entered_by=people["monitor"],
    )
    sheet = Printed(
        report_pdf.render(report.build(None, MARCH, NOW)), "bao-cao-thang-03-2026", artifacts / "reports", resolution=60
    )
    assert sheet.size == pytest.approx((595.28, 841.89), abs=0.01)  # A4
    assert sheet.pages >= 3 and len(sheet.pictures) == sheet.pages
    sheet.has(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BÁO CÁO",
        "Kết quả thực hiện công tác cải cách thủ tục hành chính tháng 3 năm 2026",
        "Kính gửi: Văn phòng Chính phủ.",
        "đã tiếp nhận 11 hồ sơ mới",
        "đạt 63,64% (7/11 hồ sơ)",
        "Bảng 7. Chỉ tiêu ngành",
        "812.345 1.500.000 54,16%",
        "II. TỒN TẠI, HẠN CHẾ",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM THÁNG 4 NĂM 2026",
        "Giải quyết dứt điểm 2 hồ sơ đang quá hạn",
        "Nơi nhận: - Như trên; - Lưu: VT.",
    )
    # Every glyph from the shipped serif of official papers, printed with no font of the machine at hand
    sheet.set_in("Liberation Serif")


def test_the_heading_keeps_each_name_whole_and_the_report_goes_to_the_body_above(
    month, province, artifacts, no_system_fonts
):
    """Decree 30/2020: the body above over the issuer, centred, each line whole ("TỈNH PHÚ / THỌ" never)."""
    committee = Agency.objects.create(code="000.00.00.H44", name="Ủy ban nhân dân tỉnh Phú Thọ", level="province")
    centre = province["centre"]
    centre.name, centre.parent = "Trung tâm Phục vụ hành chính công tỉnh Phú Thọ", committee
    centre.save()
    built = report.build(centre, MARCH, NOW)
    assert (built.superior_lines, built.agency_lines) == (
        ["ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ"],
        ["TRUNG TÂM PHỤC VỤ", "HÀNH CHÍNH CÔNG", "TỈNH PHÚ THỌ"],
    )
    assert built.addressee == "Ủy ban nhân dân tỉnh Phú Thọ" and built.number.endswith("/BC-TTPVHCC")
    sheet = Printed(
        report_pdf.render(built), "bao-cao-trung-tam-thang-03-2026", artifacts / "reports", resolution=100, pictures=1
    )
    lines = sheet.raw.splitlines()
    top = lines.index("ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ")
    assert lines[top + 1 : top + 4] == ["TRUNG TÂM PHỤC VỤ", "HÀNH CHÍNH CÔNG", "TỈNH PHÚ THỌ"]
    sheet.has("Kính gửi: Ủy ban nhân dân tỉnh Phú Thọ.")
    # a department with no body above it in the registry reports to the province's People's Committee
    assert report.build(province["justice"], MARCH, NOW).addressee == "Ủy ban nhân dân tỉnh Phú Thọ"
    assert report.build(None, MARCH, NOW).addressee == "Văn phòng Chính phủ"


@pytest.mark.parametrize(
    "code, phrase",
    [
        ("2026-03", "tháng 4 năm 2026"),
        ("2026-12", "tháng 1 năm 2027"),
        ("2026-Q4", "quý I năm 2027"),
        ("2026-Q1", "quý II năm 2026"),
        ("2026-H1", "6 tháng cuối năm 2026"),
        ("2025-H2", "6 tháng đầu năm 2026"),
        ("2025", "năm 2026"),
    ],
)
def test_section_iii_names_the_next_period(code, phrase):
    assert report_periods.next_period_phrase(report_periods.standard_period(code)) == phrase
    assert report_periods.next_period_phrase(Period.between(dt.date(2026, 3, 1), dt.date(2026, 3, 15))) == "kỳ tới"


def test_the_docx_has_the_heading_title_figures_and_kpi_table(month, province, police, people, artifacts):
    from docx import Document

    SectorKpi.objects.create(
        code="eid_level2",
        agency=police,
        period_start=MARCH.start,
        period_end=MARCH.end,
        value=812_345,
        denominator=1_500_000,
        entered_by=people["monitor"],
    )
    content = report_docx.render(report.build(None, Period.quarter(2026, 1), NOW))
    (artifacts / "reports").mkdir(exist_ok=True)
    (artifacts / "reports" / "bao-cao-quy-1-2026.docx").write_bytes(content)
    document = Document(io.BytesIO(content))
    heading = document.tables[0]
    left, right = ([p.text for p in cell.paragraphs if p.text] for cell in heading.rows[0].cells)
    assert left[0] == "ỦY BAN NHÂN DÂN TỈNH" and left[-1].startswith("Số:") and left[-1].endswith("/BC-UBND")
    assert right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert right[2].endswith("ngày 20 tháng 11 năm 2026")
    texts = [p.text for p in document.paragraphs]
    title = texts.index("BÁO CÁO")
    assert texts[title + 1] == "Kết quả thực hiện công tác cải cách thủ tục hành chính quý I năm 2026"
    assert "Kính gửi: Văn phòng Chính phủ." in texts
    assert "III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2026" in texts
    # the quarter receives February's D11 too; it ended in March, so 2.1 is March's 7/11
    assert any(t.startswith("Trong kỳ, Bộ phận tiếp nhận và trả kết quả đã tiếp nhận 12 hồ sơ mới") for t in texts)
    assert any("đạt 63,64% (7/11 hồ sơ)" in t for t in texts)
    runs = [run for p in document.paragraphs for run in p.runs if run.text.strip()]
    assert {run.font.name for run in runs} == {"Times New Roman"}
    body = next(p for p in document.paragraphs if p.text.startswith("Trong kỳ"))
    assert body.runs[0].font.size.pt == 14
    kpi_table = next(
        t
        for t in document.tables
        if t.rows[0].cells[0].text == "Chỉ tiêu" and t.rows[0].cells[1].text == "Cơ quan báo cáo"
    )
    assert [c.text for c in kpi_table.rows[1].cells] == [
        "Tài khoản định danh điện tử mức độ 2 được kích hoạt",
        "Công an tỉnh",
        "Tháng 03/2026",
        "812.345",
        "1.500.000",
        "54,16%",
    ]
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm), round(section.left_margin.mm)) == (
        210,
        297,
        30,
    )


def test_the_excel_workbook_holds_every_table_with_real_numbers(month, province):
    from openpyxl import load_workbook

    built = report.build(province["justice"], MARCH, NOW)
    workbook = load_workbook(io.BytesIO(report_xlsx.render(built.subtitle, built.tables)))
    assert len(workbook.sheetnames) == len(built.tables) == 7
    sheet = workbook[workbook.sheetnames[0]]
    rows = {row[0].value.strip(): row for row in sheet.iter_rows(min_row=6) if row[0].value}
    assert rows["Tiếp nhận mới trong kỳ"][1].value == 11
    ratio = rows["Trước hạn, đúng hạn (chỉ số 2.1)"][2]
    assert ratio.value == pytest.approx(7 / 11) and ratio.number_format == "0.00%"
    digital = workbook[next(name for name in workbook.sheetnames if name.startswith("Bảng 4"))]
    no_data = report.build(province["construction"], MARCH, NOW)
    empty = load_workbook(io.BytesIO(report_xlsx.render("", no_data.tables)))
    assert [c.value for c in next(iter(empty.worksheets[3].iter_rows(min_row=6)))][4] == "không có dữ liệu"
    assert digital.cell(6, 1).value == "4.2" and digital.cell(6, 3).value == 2 and digital.cell(6, 4).value == 11


# ---- the page ----


def test_a_head_previews_and_downloads_the_report_of_their_agency(client, month, people):
    client.force_login(people["head"])
    url = reverse("indicators:report")
    page = client.get(url, {"co_quan": "000.00.10.H44", "ky": "2026-03"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "đạt 63,64% (7/11 hồ sơ)" in html and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html
    assert "Toàn tỉnh" not in html  # a head cannot choose the province
    pdf = client.get(url, {"co_quan": "000.00.10.H44", "ky": "2026-03", "xuat": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    docx = client.get(url, {"co_quan": "000.00.10.H44", "ky": "2026-03", "xuat": "docx"})
    assert (
        docx.content.startswith(b"PK")
        and 'filename="bao-cao-cai-cach-tthc-2026-03.docx"' in docx["Content-Disposition"]
    )
    xlsx = client.get(url, {"co_quan": "000.00.10.H44", "ky": "2026-03", "xuat": "xlsx"})
    assert xlsx.content.startswith(b"PK") and "spreadsheetml" in xlsx["Content-Type"]
    ranged = client.get(url, {"co_quan": "000.00.10.H44", "ky": "khoang", "tu": "2026-03-01", "den": "2026-03-05"})
    assert ranged.status_code == 200 and "từ ngày 01/03/2026 đến ngày 05/03/2026" in ranged.content.decode()


def test_the_report_page_defaults_to_this_month_of_the_heads_agency(client, month, people):
    client.force_login(people["head"])
    page = client.get(reverse("indicators:report"))
    today = timezone.localdate()
    assert page.status_code == 200 and page.context["report"].scope.label == "Sở Tư pháp"
    assert page.context["report"].period == Period.month(today.year, today.month)


@pytest.mark.parametrize(
    "params, status, message",
    [
        ({"co_quan": "000.00.31.H44", "ky": "2026-03"}, 403, "chỉ xem được báo cáo của đơn vị mình"),
        ({"co_quan": "toan-tinh", "ky": "2026-03"}, 403, "Chỉ cán bộ giám sát cấp tỉnh xem được báo cáo toàn tỉnh"),
        ({"co_quan": "999.99.99.H99", "ky": "2026-03"}, 404, "Không có cơ quan, đơn vị mã “999.99.99.H99”"),
        ({"co_quan": "000.00.10.H44", "ky": "2026-13"}, 400, "Kỳ báo cáo không hợp lệ"),
        ({"co_quan": "000.00.10.H44", "ky": "2099"}, 400, "chưa bắt đầu"),
        (
            {"co_quan": "000.00.10.H44", "ky": "khoang", "tu": "2026-03-31", "den": "2026-03-01"},
            400,
            "Ngày kết thúc phải sau ngày bắt đầu",
        ),
        (
            {"co_quan": "000.00.10.H44", "ky": "khoang", "tu": "31/02/2026", "den": "2026-03-01"},
            400,
            "Từ ngày không hợp lệ",
        ),
    ],
)
def test_bad_choices_get_a_vietnamese_error_page(client, people, province, params, status, message):
    client.force_login(people["head"])
    page = client.get(reverse("indicators:report"), params)
    assert page.status_code == status
    assert message in page.content.decode()


def test_who_may_read_which_report(client, month, people, province):
    url = reverse("indicators:report")
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(people["citizen"])
    assert client.get(url).status_code == 403
    client.force_login(people["specialist"])
    refused = client.get(url)
    assert refused.status_code == 403 and "dành cho lãnh đạo đơn vị và cán bộ giám sát" in refused.content.decode()
    client.force_login(people["monitor"])
    page = client.get(url, {"co_quan": "toan-tinh", "ky": "2026-03"})
    assert page.status_code == 200 and "các cơ quan, đơn vị trên địa bàn tỉnh" in page.content.decode()
    assert client.get(url, {"co_quan": "000.00.31.H44", "ky": "2026-03"}).status_code == 200


def test_a_sub_agency_is_in_its_heads_reach(client, people, province):
    office = Agency.objects.create(
        code="000.01.10.H44", name="Phòng Hành chính tư pháp", level="department", parent=province["justice"]
    )
    client.force_login(people["head"])
    page = client.get(reverse("indicators:report"), {"co_quan": office.code, "ky": "2026-03"})
    assert page.status_code == 200 and page.context["report"].superior == "SỞ TƯ PHÁP"


def test_the_report_page_queries_stay_flat(client, month, people, django_assert_max_num_queries):
    client.force_login(people["head"])
    with django_assert_max_num_queries(24):
        client.get(reverse("indicators:report"), {"co_quan": "000.00.10.H44", "ky": "2026-03"})


def test_the_register_of_a_period_lists_the_dossiers_the_report_counts(client, month, people, province):
    """Sổ theo dõi (form 07) per period: from–to on the received date, as the report counts "tiếp nhận"."""
    client.force_login(people["desk"])
    url = reverse("office:register")
    march = client.get(url, {"tu": "2026-03-01", "den": "2026-03-31"})
    received = report.build(province["justice"], MARCH, NOW).tables[0].rows[1].cells[1]
    assert march.context["total"] == received == 11
    assert client.get(url, {"tu": "2026-02-01", "den": "2026-02-28"}).context["total"] == 1  # D11
    assert client.get(url, {"tu": "2026-03-30", "den": "2026-03-30"}).context["total"] == 1  # D9 by post
