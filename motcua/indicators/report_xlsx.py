"""The tables of the reform report (or any list of `report.Table`) as an Excel workbook, one sheet per table.

Numbers stay numbers (a share is a real percentage cell, a score a 2-decimal number) so that the figures can be added
up in Excel; a ratio with nothing under it is the text "không có dữ liệu", never 0%.
"""

import io
import re
from decimal import Decimal

from motcua.dossiers.printing.sheets import put

from .report_document import NO_DATA, Percent, Score, Table

WIDTHS = {0: 46}
DEFAULT_WIDTH = 16


def _cell(value):
    """(value, number format) of one cell."""
    if isinstance(value, Percent):
        return (NO_DATA, None) if value.ratio is None else (float(value.ratio), "0.00%")
    if isinstance(value, Score):
        return (NO_DATA, None) if value.points is None else (float(value.points), "0.00")
    if isinstance(value, (Decimal, float)):
        return float(value), "0.00"
    if isinstance(value, int) and not isinstance(value, bool):
        return value, "#,##0"
    return ("" if value is None else str(value)), None


def sheet_name(table: Table) -> str:
    """The table's title ("Bảng 3. Điểm ..."), cut to Excel's 31 characters, without the characters Excel forbids."""
    return re.sub(r"[\[\]:*?/\\]", "-", table.title)[:31].strip()


def render(title: str, tables: list[Table], subtitle: str = "") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for table in tables:
        sheet = workbook.create_sheet(sheet_name(table))
        put(sheet, 1, 1, title).font = Font(bold=True, size=13)
        put(sheet, 2, 1, subtitle)  # the scope's label: an agency's name
        put(sheet, 3, 1, table.title).font = Font(bold=True)
        header = 5
        for column, name in enumerate(table.columns, start=1):
            cell = put(sheet, header, column, name)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="F0F0F0")
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = border
            sheet.column_dimensions[get_column_letter(column)].width = WIDTHS.get(column - 1, DEFAULT_WIDTH)
        for index, row in enumerate(table.rows, start=header + 1):
            for column, value in enumerate(row.cells, start=1):
                shown, number_format = _cell(value)
                if column == 1 and row.kind == "sub":
                    shown = f"   {shown}"
                cell = put(sheet, index, column, shown)  # agency and procedure names: text, never a formula
                cell.border = border
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                if number_format:
                    cell.number_format = number_format
                if row.kind == "total":
                    cell.font = Font(bold=True)
        if table.note:
            put(sheet, header + len(table.rows) + 2, 1, table.note).font = Font(italic=True)
        sheet.freeze_panes = sheet.cell(header + 1, 1)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
