"""Excel cells that never execute: every export writes its cells through `put` (OWASP "CSV/formula injection").

openpyxl stores a text beginning with "=" as a formula, which Excel or LibreOffice evaluates on opening
(=HYPERLINK(...) sends the reader elsewhere, =WEBSERVICE(...) sends the sheet's data out); a text beginning with
"+", "-" or "@" is stored as text but becomes a formula as soon as someone edits the cell. A person's name, address,
PAKN title or an imported procedure or agency name can begin with any of them. `put` writes such a text as a string
cell with the quote prefix set (Excel's leading apostrophe: shown as typed, kept as text when edited), and drops the
control characters a workbook cannot hold (openpyxl would raise on them). Numbers and dates are written as they are.
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010\013\014\016-\037]")  # as openpyxl.cell.cell's: XML 1.0 forbids them


def write(cell, value):
    """Set `cell` to `value`; a text is always a string cell, never a formula."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.value = value
        if value.startswith(FORMULA_STARTS):
            cell.data_type = "s"
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def put(sheet, row: int, column: int, value):
    """The cell at (row, column) of `sheet`, set to `value` with `write`."""
    return write(sheet.cell(row=row, column=column), value)
