"""Excel and PDF of every table: the cells hold the numbers the page shows (real numbers, rates as fractions), and
the PDF, read back with pypdf and turned into pictures with pypdfium2, is kept in artifacts/ to be looked at; it is
printed with no font of the machine, in the fonts motcua ships."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from motcua.dossiers.tests.printed import Printed, no_system_fonts  # noqa: F401 (a fixture)

from .conftest import DASHBOARD, LIST, MARCH


def get(client, user, url=DASHBOARD, **params):
    client.force_login(user)
    response = client.get(url, {**MARCH, **params})
    assert response.status_code == 200, response.content[:500]
    return response


def workbook(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return load_workbook(io.BytesIO(response.content))


def row_starting(sheet, text):
    return next(
        [cell.value for cell in row]
        for row in sheet.iter_rows()
        if isinstance(row[0].value, str) and row[0].value.startswith(text)
    )


def test_the_whole_dashboard_in_one_workbook(client, people, march):
    book = workbook(get(client, people["head"], **{"dinh-dang": "xlsx"}))
    assert book.sheetnames == [
        "Điểm Bộ chỉ số 766",
        "Số liệu hồ sơ",
        "Xu hướng theo tháng",
        "Xếp hạng cơ quan",
        "Hồ sơ đang giải quyết quá hạn",
    ]
    card = book["Điểm Bộ chỉ số 766"]
    assert card["A2"].value == "Sở Tư pháp · Tháng 03/2026"
    _code, numerator, denominator, rate, _target, points, maximum, official = row_starting(card, "2.1 ")
    assert (numerator, denominator, maximum, official) == (7, 11, 20, None)
    assert rate == pytest.approx(7 / 11) and points == pytest.approx(20 * 7 / 11, abs=1e-4)
    assert (
        card.cell(
            row=next(r for r in range(1, card.max_row + 1) if str(card.cell(r, 1).value).startswith("2.1 ")), column=4
        ).number_format
        == "0.00%"
    )
    assert row_starting(card, "1.1 ")[3] == "không có dữ liệu"
    assert row_starting(card, "Tổng điểm")[7] == "chưa có điểm công bố"
    counts = book["Số liệu hồ sơ"]
    assert row_starting(counts, "Tiếp nhận trong kỳ")[1] == 11
    assert row_starting(counts, "Đang giải quyết quá hạn")[1] == 2
    assert row_starting(book["Xu hướng theo tháng"], "Tháng 03/2026")[1:8] == [
        11,
        1,
        pytest.approx(1 / 11),
        11,
        7,
        pytest.approx(7 / 11),
        4,
    ]
    assert row_starting(book["Xếp hạng cơ quan"], "Sở, ban, ngành")[0] == "Sở, ban, ngành và cơ quan cấp tỉnh"


def test_one_table_and_a_list_behind_a_number(client, people, march):
    from motcua.dossiers.models import Dossier

    book = workbook(get(client, people["head"], **{"dinh-dang": "xlsx", "bang": "xep-hang"}))
    assert book.sheetnames == ["Xếp hạng cơ quan"]
    ranked = book.active
    assert [cell.value for cell in ranked[7]][:5] == [1, "Sở Tư pháp", 11, 7, pytest.approx(7 / 11)]

    listed = workbook(get(client, people["head"], LIST, **{"chi-so": "open_overdue", "dinh-dang": "xlsx"})).active
    rows = [[cell.value for cell in row] for row in listed.iter_rows(min_row=6)]
    expected = Dossier.objects.filter(pk__in=[march["supplement_twice"], march["overdue_open"]])
    assert sorted(row[1] for row in rows) == sorted(expected.values_list("code", flat=True))
    received = {row[1]: row[4] for row in rows}[expected.get(pk=march["overdue_open"]).code]
    assert received == dt.datetime(2026, 3, 16, 9, 0)  # a real date, in Vietnam time


@pytest.mark.parametrize(
    "name, url, params",
    [
        ("dashboard", DASHBOARD, {}),
        ("dashboard-list", LIST, {"chi-so": "received"}),
    ],
)
def test_pdf_of_the_tables(client, people, march, commune_march, artifacts, no_system_fonts, name, url, params):
    response = get(client, people["monitor"], url, **params, **{"dinh-dang": "pdf"})
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    sheet = Printed(response.content, f"{name}-pdf", artifacts, resolution=70, pictures=2)
    assert sheet.size == pytest.approx((841.89, 595.28), abs=0.01)  # A4 landscape
    if name == "dashboard":
        sheet.has(
            "Hồ sơ giải quyết trước hạn, đúng hạn", "57,14%", "không có dữ liệu", "Ủy ban nhân dân cấp xã", "Trang 1/"
        )
    else:
        sheet.has("Cấp Phiếu lý lịch tư pháp", "Đăng ký khai sinh", "Nguyễn Văn An")
        assert any(font.startswith("Liberation-Mono-motcua") for font in sheet.fonts)  # the dossier codes
    sheet.set_in("Liberation Sans", "Liberation Mono")
    assert sheet.pictures[0].exists()
