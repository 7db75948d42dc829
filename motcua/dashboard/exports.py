"""Excel (openpyxl) and PDF (WeasyPrint) of the dashboard's tables, from the same `tables.Table` the page shows.

Excel cells hold real numbers (counts, rates as fractions shown in %, points, dates) so that a reader can sum and
sort them; "không có dữ liệu" stays text. The PDF is A4 landscape, set in Liberation Sans (DejaVu Sans as the
fallback: both cover Vietnamese) as the printed forms are (`motcua.dossiers.printing`).
"""

import io

from django.template.loader import render_to_string
from django.utils import timezone

from motcua.dossiers.printing.pdf import clean, html_to_pdf
from motcua.dossiers.printing.sheets import put

from .tables import Table

SHEET_NAME_CHARS = 31  # Excel's limit
FORBIDDEN_IN_SHEET_NAMES = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def made_at() -> str:
    return f"Lập lúc {timezone.localtime():%H:%M ngày %d/%m/%Y}"


def xlsx(tables: list[Table], title: str, subtitle: str) -> bytes:
    """One sheet per table: the title and the scope/period on top, the headings frozen, one row per table row."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    shaded = PatternFill("solid", fgColor="F1F3F4")
    for table in tables:
        sheet = workbook.create_sheet(table.title.translate(FORBIDDEN_IN_SHEET_NAMES)[:SHEET_NAME_CHARS])
        put(sheet, 1, 1, f"{title} – {table.title}").font = Font(bold=True, size=13)
        put(sheet, 2, 1, subtitle)  # the scope's label: an agency's name
        put(sheet, 3, 1, made_at())
        header = 5
        for column, heading in enumerate(table.columns, start=1):
            cell = put(sheet, header, column, heading.heading)
            cell.font, cell.fill, cell.border = Font(bold=True), shaded, border
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            sheet.column_dimensions[get_column_letter(column)].width = heading.width
        for offset, row in enumerate(table.rows, start=1):
            for column, item in enumerate(row.cells, start=1):
                # applicants' names, PAKN titles, procedure and agency names: text, never a formula
                cell = put(
                    sheet, header + offset, column, item.text if item.value is None and item.text else item.value
                )
                cell.border = border
                cell.alignment = Alignment(
                    vertical="top", wrap_text=not item.numeric, horizontal="right" if item.numeric else "left"
                )
                if item.number_format:
                    cell.number_format = item.number_format
                if row.css in ("group", "total"):
                    cell.font, cell.fill = Font(bold=True), shaded
                if item.span > 1:
                    sheet.merge_cells(
                        start_row=header + offset,
                        start_column=column,
                        end_row=header + offset,
                        end_column=column + item.span - 1,
                    )
        if table.note:
            put(sheet, header + len(table.rows) + 2, 1, table.note).font = Font(italic=True)
        sheet.freeze_panes = sheet.cell(row=header + 1, column=1)
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_title_rows = f"{header}:{header}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pdf(tables: list[Table], title: str, subtitle: str) -> bytes:
    return html_to_pdf(
        render_to_string(
            "dashboard/export.html",
            clean({"title": title, "subtitle": subtitle, "made_at": made_at(), "tables": tables}),
        )
    )
