"""Form 07, Sổ theo dõi hồ sơ: one line per dossier, as a PDF (A4 landscape) and as an Excel workbook.

Both read the same rows, built from one query (the procedure version and the lead agency are joined), so a register
of thousands of dossiers costs one query, not one per line.
"""

import io

from django.db.models import QuerySet

from motcua.workdays.calendar import local

from ..states import DeliveryStatus
from .pdf import moment_text, render_pdf
from .sheets import put

# (heading, Excel column width in characters, PDF column width in mm: 275 mm across A4 landscape)
COLUMNS = [
    ("STT", 6, 8),
    ("Mã hồ sơ", 26, 38),
    ("Tên thủ tục hành chính", 40, 50),
    ("Tên tổ chức, cá nhân", 24, 30),
    ("Địa chỉ, số điện thoại", 30, 38),
    ("Cơ quan chủ trì giải quyết", 26, 30),
    ("Ngày nhận hồ sơ", 17, 17),
    ("Ngày hẹn trả kết quả", 17, 17),
    ("Ngày trả kết quả", 17, 17),
    ("Cách thức trả kết quả", 22, 20),
    ("Ký nhận", 12, 10),
]
DELIVERY = {
    DeliveryStatus.AT_DESK: "Trực tiếp tại Bộ phận Một cửa",
    DeliveryStatus.BY_POST: "Qua dịch vụ bưu chính",
    DeliveryStatus.ONLINE: "Trực tuyến",
}
DATE_FORMAT = "hh:mm dd/mm/yyyy"


def _dossiers(dossiers):
    if isinstance(dossiers, QuerySet):
        return dossiers.select_related("procedure_version", "lead_agency")
    return dossiers


def rows(dossiers) -> list[dict]:
    result = []
    for index, dossier in enumerate(_dossiers(dossiers), start=1):
        contact = ", ".join(part for part in (dossier.applicant_address, dossier.applicant_phone) if part)
        result.append(
            {
                "index": index,
                "code": dossier.code,
                "procedure": dossier.procedure_version.name,
                "applicant": dossier.applicant_name,
                "contact": contact,
                "lead": dossier.lead_agency.name,
                "received_at": dossier.received_at,
                "due_at": dossier.due_at,
                "returned_at": dossier.returned_at,
                "delivery": DELIVERY.get(dossier.delivery_status, ""),
            }
        )
    return result


def register_pdf(dossiers, *, title: str, period_text: str) -> bytes:
    moments = ("received_at", "due_at", "returned_at")
    lines = [
        {**row, **{key: moment_text(row[key]).split(" ") if row[key] else ["", ""] for key in moments}}
        for row in rows(dossiers)
    ]
    return render_pdf(
        "dossiers/forms/07_register.html",
        {
            "title": "Sổ theo dõi hồ sơ",
            "register_title": title,
            "period": period_text,
            "rows": lines,
            "columns": [name for name, *_ in COLUMNS],
            "widths": [width for *_, width in COLUMNS],
            "agency_name": title,
            "code": "",
        },
    )


def _naive_local(moment):
    """Excel has no time zones: the moment as a naive Vietnam-time datetime (a real Excel date)."""
    return local(moment).replace(tzinfo=None) if moment else None


def register_xlsx(dossiers, *, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sổ theo dõi hồ sơ"
    put(sheet, 1, 1, title).font = Font(bold=True, size=13)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column, (name, width, _) in enumerate(COLUMNS, start=1):
        cell = put(sheet, 2, column, name)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        sheet.column_dimensions[get_column_letter(column)].width = width
    for offset, row in enumerate(rows(dossiers)):
        values = [
            row["index"],
            row["code"],
            row["procedure"],
            row["applicant"],
            row["contact"],
            row["lead"],
            _naive_local(row["received_at"]),
            _naive_local(row["due_at"]),
            _naive_local(row["returned_at"]),
            row["delivery"],
            None,
        ]
        for column, value in enumerate(values, start=1):
            cell = put(sheet, 3 + offset, column, value)  # names, addresses: citizens' text, never a formula
            cell.alignment = Alignment(vertical="top", wrap_text=column in (3, 4, 5, 6, 10))
            cell.border = border
            if column in (7, 8, 9):
                cell.number_format = DATE_FORMAT
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(COLUMNS))}{max(2, sheet.max_row)}"
    sheet.print_options.gridLines = False
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "2:2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


__all__ = ["COLUMNS", "register_pdf", "register_xlsx", "rows"]
