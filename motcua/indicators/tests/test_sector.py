"""Chỉ tiêu ngành: who enters which KPI, how the figures are checked (whole numbers, value ≤ denominator, a period
that has begun), the upsert on the model's key, and who sees the history."""

import datetime as dt
import io

import pytest
from django.urls import reverse

from motcua.agencies.models import Agency
from motcua.dossiers.tests.fixtures import staff
from motcua.indicators import sector
from motcua.indicators.figures import Period
from motcua.indicators.models import SectorKpi

pytestmark = pytest.mark.django_db
URL = "/bao-cao/chi-tieu-nganh/"


@pytest.fixture
def police(province):
    return Agency.objects.create(code="000.00.14.H44", name="Công an tỉnh Phú Thọ", level="department")


@pytest.fixture
def officer(police):
    return staff("congan", (police, "specialist"))


def entry(**figures) -> dict:
    """POST data for the police's one KPI (e-ID level 2) in March 2026."""
    return {"co_quan": "000.00.14.H44", "ky": "2026-03", **{f"eid_level2-{k}": v for k, v in figures.items()}}


def test_reverse_names_the_page():
    assert reverse("indicators:sector") == URL


@pytest.mark.parametrize(
    "name, level, codes",
    [
        ("Công an tỉnh Phú Thọ", "department", ["eid_level2"]),
        ("Sở Y tế tỉnh Phú Thọ", "department", ["cashless_hospital", "cccd_health_insurance"]),
        ("Bệnh viện Đa khoa tỉnh Phú Thọ", "department", ["cashless_hospital"]),
        ("Bảo hiểm xã hội tỉnh Phú Thọ", "department", ["cccd_health_insurance"]),
        ("Sở Nội vụ tỉnh Phú Thọ", "department", ["welfare_accounts"]),
        ("Ủy ban nhân dân phường Việt Trì", "commune", ["welfare_accounts"]),
        ("Sở Tư pháp tỉnh Phú Thọ", "department", []),
        ("Sở Kinh tế và Đầu tư", "department", []),  # "kinh tế" is not "y tế"
    ],
)
def test_which_agency_reports_which_kpi(name, level, codes):
    assert [kpi.code for kpi in sector.relevant(Agency(name=name, level=level))] == codes


@pytest.mark.parametrize(
    "typed, number", [("1234567", 1234567), ("1.234.567", 1234567), ("1 234 567", 1234567), ("0", 0), (" 42 ", 42)]
)
def test_whole_numbers_as_people_type_them(typed, number):
    assert sector.WholeNumber().clean(typed) == number


@pytest.mark.parametrize("typed", ["-5", "1,5", "1.5", "12.34", "abc", "1e6", "1.2345"])
def test_anything_else_is_not_a_whole_number(typed):
    with pytest.raises(Exception, match="Phải là số nguyên không âm"):
        sector.WholeNumber().clean(typed)


def form(**data):
    kpi = sector.BY_CODE["eid_level2"]
    return sector.EntryForm({f"eid_level2-{k}": v for k, v in data.items()}, kpi=kpi)


def test_the_value_cannot_exceed_its_denominator():
    checked = form(value="1.500.001", denominator="1.500.000")
    assert not checked.is_valid()
    assert checked.errors["value"] == ["Giá trị (1.500.001) không được lớn hơn mẫu số (1.500.000)."]
    assert form(value="1.500.000", denominator="1.500.000").is_valid()


def test_a_kpi_needs_both_figures_or_none():
    assert form(value="5").errors["denominator"] == ["Nhập mẫu số."]
    assert form(denominator="5").errors["value"] == ["Nhập giá trị (tử số)."]
    empty = form()
    assert empty.is_valid() and not empty.is_filled
    assert form(note="chưa có số").non_field_errors() == ["Nhập giá trị và mẫu số trước khi ghi chú."]


def test_an_officer_enters_the_figures_and_enters_them_again(client, officer, police):
    client.force_login(officer)
    page = client.get(URL, {"ky": "2026-03"})
    assert page.status_code == 200
    assert [f.kpi.code for f in page.context["forms"]] == ["eid_level2"]
    assert "Số tài khoản định danh điện tử mức độ 2 đã kích hoạt" in page.content.decode()
    response = client.post(URL, entry(value="812.345", denominator="1.500.000", note="Số liệu hệ thống VNeID"))
    assert response.status_code == 302 and response["Location"] == f"{URL}?co_quan=000.00.14.H44&ky=2026-03"
    stored = SectorKpi.objects.get()
    assert (
        stored.code,
        stored.agency,
        stored.period_start,
        stored.period_end,
        stored.value,
        stored.denominator,
        stored.entered_by,
    ) == ("eid_level2", police, dt.date(2026, 3, 1), dt.date(2026, 3, 31), 812345, 1500000, officer)
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Đã lưu 1 chỉ tiêu của Công an tỉnh Phú Thọ, Tháng 03/2026." in html
    assert page.context["forms"][0].initial["value"] == "812.345"  # the form shows what was entered
    assert "54,16%" in html  # 812.345 / 1.500.000 in the history
    client.post(URL, entry(value="900000", denominator="1500000"))
    assert SectorKpi.objects.count() == 1 and SectorKpi.objects.get().value == 900000  # upsert, never a duplicate
    client.post(URL, {**entry(value="950000", denominator="1500000"), "ky": "2026-Q1"})
    assert SectorKpi.objects.count() == 2  # another period, another row


@pytest.mark.parametrize(
    "data, message",
    [
        (entry(value="2000", denominator="1000"), "Giá trị (2.000) không được lớn hơn mẫu số (1.000)."),
        (entry(value="-1", denominator="1000"), "Phải là số nguyên không âm"),
        (entry(value="12,5", denominator="1000"), "Phải là số nguyên không âm"),
        (entry(value="10"), "Nhập mẫu số."),
        ({**entry(value="1", denominator="2"), "ky": "2099-01"}, "chưa bắt đầu"),
        ({**entry(value="1", denominator="2"), "ky": "2026-14"}, "Kỳ báo cáo không hợp lệ"),
        ({**entry(value="1", denominator="2"), "ky": "2009"}, "từ năm 2015"),
    ],
)
def test_bad_figures_are_refused_in_vietnamese_and_nothing_is_stored(client, officer, data, message):
    client.force_login(officer)
    response = client.post(URL, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SectorKpi.objects.exists()


def test_an_officer_enters_only_for_their_own_agency(client, officer, province):
    client.force_login(officer)
    commune = client.post(
        URL,
        {
            "co_quan": province["commune"].code,
            "ky": "2026-03",
            "welfare_accounts-value": "1",
            "welfare_accounts-denominator": "2",
        },
    )
    assert commune.status_code == 403 and "chỉ nhập cho cơ quan mình công tác" in commune.content.decode()
    unknown = client.get(URL, {"co_quan": "999.99.99.H99"})
    assert unknown.status_code == 404
    assert not SectorKpi.objects.exists()


def test_an_agency_without_sector_kpis_is_told_so(client, people):
    client.force_login(people["specialist"])  # Sở Tư pháp
    page = client.get(URL)
    assert page.status_code == 200 and "forms" not in page.context
    assert "Cơ quan của bạn không có chỉ tiêu ngành phải báo cáo" in page.content.decode()
    assert "Công an tỉnh, Công an cấp xã" in page.content.decode()  # the catalogue says who does
    posted = client.post(
        URL, {"co_quan": "000.00.10.H44", "ky": "2026-03", "eid_level2-value": "1", "eid_level2-denominator": "2"}
    )
    assert posted.status_code == 403 and not SectorKpi.objects.exists()


def test_the_default_period_is_last_month(client, officer):
    client.force_login(officer)
    page = client.get(URL)
    today = dt.date.today()
    last = today.replace(day=1) - dt.timedelta(days=1)
    assert page.context["period"] == Period.month(last.year, last.month)


def test_staff_see_their_agencys_history_and_monitors_see_all(client, officer, police, province, people):
    commune_entry = SectorKpi.objects.create(
        code="welfare_accounts",
        agency=province["commune"],
        period_start=dt.date(2026, 3, 1),
        period_end=dt.date(2026, 3, 31),
        value=120,
        denominator=150,
        entered_by=people["commune_head"],
    )
    SectorKpi.objects.create(
        code="eid_level2",
        agency=police,
        period_start=dt.date(2026, 3, 1),
        period_end=dt.date(2026, 3, 31),
        value=5,
        denominator=10,
        entered_by=officer,
    )
    client.force_login(officer)
    mine = client.get(URL).context["history"].text_rows()
    assert [[text for text, _ in cells][1] for _, cells in mine] == ["Công an tỉnh Phú Thọ"]
    client.force_login(people["monitor"])
    everyone = client.get(URL)
    assert everyone.status_code == 200
    assert {[text for text, _ in cells][1] for _, cells in everyone.context["history"].text_rows()} == {
        "Công an tỉnh Phú Thọ",
        commune_entry.agency.name,
    }
    client.force_login(people["commune_head"])  # a commune enters welfare payments
    page = client.get(URL, {"ky": "2026-03"})
    assert [f.kpi.code for f in page.context["forms"]] == ["welfare_accounts"]
    assert page.context["forms"][0].initial == {"value": "120", "denominator": "150", "note": ""}


def test_the_history_as_excel_and_pdf(client, officer, police):
    from openpyxl import load_workbook

    SectorKpi.objects.create(
        code="eid_level2",
        agency=police,
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 3, 31),
        value=812345,
        denominator=1500000,
        entered_by=officer,
    )
    client.force_login(officer)
    xlsx = client.get(URL, {"xuat": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    row = [cell.value for cell in sheet[6]]
    assert row[:5] == [
        "Quý I/2026",
        "Công an tỉnh Phú Thọ",
        "Tài khoản định danh điện tử mức độ 2 được kích hoạt",
        812345,
        1500000,
    ]
    assert row[5] == pytest.approx(812345 / 1500000)
    pdf = client.get(URL, {"xuat": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")


def test_only_staff_enter_kpis(client, people):
    assert client.get(URL).status_code == 302
    client.force_login(people["citizen"])
    refused = client.get(URL)
    assert refused.status_code == 403 and "dành cho cán bộ, công chức" in refused.content.decode()
