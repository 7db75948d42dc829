"""Thống kê công khai: anyone sees the province's and each agency's on-time and online rates, and nothing personal;
the page reads the daily sums once and then comes from the cache."""

import pytest

from .conftest import MARCH

PUBLIC = "/thong-ke/"


def test_anyone_sees_the_rates_of_the_province_and_of_each_agency(client, march, commune_march):
    response = client.get(PUBLIC, MARCH)
    html = response.content.decode()
    assert response.status_code == 200 and "Toàn tỉnh · Tháng 03/2026" in html
    assert "57,14%" in html and "8 / 14 hồ sơ" in html  # 2.1 of the province: (7 + 1) / (11 + 3)
    assert "14,29%" in html and "2 / 14 hồ sơ" in html  # 3.3: (1 + 1) / (11 + 3)
    from .pages import row_naming

    assert row_naming(html, "t-thong-ke", "Sở Tư pháp")[2:8] == ["11", "7", "63,64%", "11", "1", "9,09%"]
    assert row_naming(html, "t-thong-ke", "Sở Xây dựng")[4] == "không có dữ liệu"
    assert row_naming(html, "t-thong-ke", "Sở Xây dựng")[7] == "không có dữ liệu"
    assert html.count('role="img"') == 2


def test_the_public_page_shows_nothing_personal_and_opens_no_dossier(client, march):
    from motcua.dossiers.models import Dossier

    html = client.get(PUBLIC, MARCH).content.decode()
    assert "Nguyễn Văn An" not in html and "0912345678" not in html
    assert not any(code in html for code in Dossier.objects.values_list("code", flat=True))
    assert "/can-bo/" not in html and "/bang-dieu-khien/" not in html


def test_quarters_and_years_and_nothing_handled(client, march):
    html = client.get(PUBLIC, {"ky": "quy", "nam": 2026, "quy": 1}).content.decode()
    assert "Toàn tỉnh · Quý I/2026" in html and "63,64%" in html
    empty = client.get(PUBLIC, {"ky": "nam", "nam": 2024}).content.decode()
    assert "Năm 2024" in empty and '<span class="tile-value no-data">không có dữ liệu</span>' in empty


@pytest.mark.parametrize(
    "params, message",
    [
        ({"ky": "khoang", "tu": "2026-03-01", "den": "2026-03-31"}, "Kỳ báo cáo không hợp lệ"),
        ({"ky": "thang", "thang": "0"}, "Tháng không hợp lệ"),
        ({"ky": "quy", "quy": "5"}, "Quý không hợp lệ"),
    ],
)
def test_bad_filters_get_a_vietnamese_400_page(client, params, message):
    response = client.get(PUBLIC, params)
    assert response.status_code == 400 and message in response.content.decode()


def test_the_page_is_cheap_and_cache_friendly(client, march, django_assert_max_num_queries, django_assert_num_queries):
    with django_assert_max_num_queries(5):  # the agencies, then the sums grouped by agency (no dossier row)
        first = client.get(PUBLIC, MARCH)
    assert "max-age=300" in first["Cache-Control"]
    with django_assert_num_queries(0):
        again = client.get(PUBLIC, MARCH)
    assert b"63,64%" in again.content


def test_the_public_table_downloads(client, march):
    import io

    from openpyxl import load_workbook

    response = client.get(PUBLIC, {**MARCH, "dinh-dang": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "Toàn tỉnh · Tháng 03/2026"
    assert [cell.value for cell in sheet[6]][1:5] == ["Toàn tỉnh", 11, 7, pytest.approx(7 / 11)]


def test_the_site_menu_links_to_the_statistics(client, db):
    assert f'href="{PUBLIC}"' in client.get("/thu-tuc/").content.decode()
