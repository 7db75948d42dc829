"""The reform report as a Word document (python-docx), laid out as Decree 30/2020/NĐ-CP lays out an administrative
document: A4, margins 20/15/20/30 mm, Times New Roman 14 pt for the text (13 pt in the heading and the tables), the
agency top left with the number ("Số:      /BC-STP", the number itself left for the văn thư to fill in), the national
motto top right with the place and date, the title in bold capitals, recipients and signature at the end."""

import io
import unicodedata

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from .report_document import Report, Table

FONT = "Times New Roman"
BODY = Pt(14)
GAP = Pt(6)  # below a paragraph, unless the caller says otherwise
SMALL = Pt(13)
TABLE = Pt(12)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _font(run, size=BODY, bold=False, italic=False):
    run.font.name = FONT
    run.font.size = size
    run.bold, run.italic = bold, italic
    # Word picks the font of Vietnamese letters from the "cs" and "eastAsia" slots too: set them all.
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)
    return run


def _paragraph(container, text="", *, size=BODY, bold=False, italic=False, align=None, indent=False, space_after=GAP):
    paragraph = container.add_paragraph()
    if text:
        _font(paragraph.add_run(_nfc(text)), size, bold, italic)
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), space_after
    if align is not None:
        paragraph.alignment = align
    if indent:
        fmt.first_line_indent = Cm(1)
    return paragraph


def _rule(container, margin_cm: float):
    """A short centred line under a heading line: the bottom border of a tiny empty paragraph, indented by
    `margin_cm` on both sides."""
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Cm(margin_cm)
    fmt.space_before, fmt.space_after = Pt(0), Pt(2)
    _font(paragraph.add_run(""), Pt(2))
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    paragraph._p.get_or_add_pPr().append(border)


def _no_borders(table):
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _no_cell_margins(table):
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _cell_text(cell, text, *, size=SMALL, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER):
    paragraph = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    _font(paragraph.add_run(_nfc(text)), size, bold, italic)
    return paragraph


def _heading(document, report: Report):
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    _no_borders(table)
    left, right = table.rows[0].cells
    # 16.5 cm of text width as in the PDF: 7.5 cm for the names at 12 pt, in the lines report.name_lines made for
    # that width, and 9 cm for the motto at 12 pt; no cell margins, so that a line that fits there fits here.
    _no_cell_margins(table)
    left.width, right.width = Cm(7.5), Cm(9)
    for line in report.superior_lines:  # whole lines: Word would break "TỈNH PHÚ / THỌ" on its own
        _cell_text(left, line, size=TABLE)
    for line in report.agency_lines:
        _cell_text(left, line, size=TABLE, bold=True)
    _rule(left, 2)
    _cell_text(left, report.number, size=TABLE)
    _cell_text(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=TABLE, bold=True)
    _cell_text(right, "Độc lập - Tự do - Hạnh phúc", size=BODY, bold=True)
    _rule(right, 2.2)
    _cell_text(right, f"{report.place}, {report.date}", size=BODY, italic=True)


def _table(document, table: Table):
    _paragraph(document, table.title, size=SMALL, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=Pt(3))
    rows = table.text_rows()
    grid = document.add_table(rows=1 + max(len(rows), 1), cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, name in zip(grid.rows[0].cells, table.columns):
        _cell_text(cell, name, size=TABLE, bold=True)
    if not rows:
        merged = grid.rows[1].cells[0].merge(grid.rows[1].cells[-1])
        _cell_text(merged, "Không có số liệu.", size=TABLE, italic=True)
    for (kind, cells), row in zip(rows, grid.rows[1:]):
        for index, ((text, is_number), cell) in enumerate(zip(cells, row.cells)):
            align = WD_ALIGN_PARAGRAPH.RIGHT if is_number else WD_ALIGN_PARAGRAPH.LEFT
            paragraph = _cell_text(
                cell, text, size=TABLE, bold=kind == "total", italic=kind == "sub" and index == 0, align=align
            )
            if kind == "sub" and index == 0:
                paragraph.paragraph_format.left_indent = Cm(0.5)
    if table.note:
        _paragraph(document, table.note, size=Pt(11), italic=True, space_after=Pt(8))
    else:
        _paragraph(document, space_after=Pt(4))


def _signatures(document, report: Report):
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    _cell_text(left, "Nơi nhận:", size=Pt(12), bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for recipient in report.recipients:
        _cell_text(left, f"- {recipient}", size=Pt(11), align=WD_ALIGN_PARAGRAPH.LEFT)
    _cell_text(right, "THỦ TRƯỞNG CƠ QUAN", size=BODY, bold=True)
    _cell_text(right, "(Ký, ghi rõ họ tên và đóng dấu)", size=SMALL, italic=True)


def render(report: Report) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, BODY
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    document.core_properties.title = _nfc(f"{report.title} {report.subtitle}")
    document.core_properties.author = _nfc(report.agency)

    _heading(document, report)
    _paragraph(document, space_after=Pt(6))
    _paragraph(document, report.title, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=Pt(0))
    _paragraph(document, report.subtitle, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=Pt(0))
    _rule(document, 6)
    _paragraph(document, space_after=Pt(0))
    if report.addressee:
        _paragraph(document, f"Kính gửi: {report.addressee}.", align=WD_ALIGN_PARAGRAPH.CENTER)
    for part in report.sections:
        _paragraph(document, part.title, bold=True, indent=part.level == 2, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        for text in part.paragraphs:
            _paragraph(document, text, indent=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        for text in part.bullets:
            _paragraph(document, f"- {text}", indent=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        for table in part.tables:
            _table(document, table)
    _signatures(document, report)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
