"""The number and date written into a result before its first signature (Decree 30/2020, Annex I: "Số: …" under
the issuing body's name, the place and date on the right). Everything signed afterwards covers them.

The specialist uploads the drafted result as a PDF; the number is the agency's next result number of the year,
taken when the draft goes for signing. The line is set by WeasyPrint in the shipped Liberation Serif on a
transparent page of the first page's size and merged over it with pypdf: real text, Vietnamese marks intact.
Where it goes is a box in points from the page's top left, configurable per template (`NumberPlace`)."""

import datetime as dt
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.html import escape
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

from .pdf import html_to_pdf, nfc
from .qr import png_data_uri


@dataclass(frozen=True)
class NumberPlace:
    """The number's box on the first page, in points from the top left (x, y, width), and its size; the check
    code's QR at the page's bottom left (qr_x, points above the bottom edge, its side)."""

    x: float = 60
    y: float = 118
    width: float = 480
    size: float = 13
    qr_x: float = 60
    qr_bottom: float = 36
    qr_side: float = 56


# A4 results whose heading (the body's name, two or three lines) ends about 110 pt from the top.
DEFAULT = NumberPlace()


def has_signature(pdf: bytes) -> bool:
    """Whether the file already carries a signature: rewriting it would break that signature."""
    return b"/ByteRange" in pdf


def numbered(
    pdf: bytes, number: str, day: dt.date, place_name: str, *, code: str = "", url: str = "", at: NumberPlace = DEFAULT
) -> bytes:
    """`pdf` with "Số: <number>" and "<place>, ngày dd tháng mm năm yyyy" written on its first page, and with a check
    `code`, the QR of `url` (where the result is checked) and the code in words at the page's bottom left."""
    if has_signature(pdf):
        raise ValidationError("Dự thảo kết quả đã có chữ ký số: tải lên bản chưa ký, số và ngày được ghi trước khi ký.")
    try:
        reader = PdfReader(io.BytesIO(pdf))
        first = reader.pages[0]
    except (PyPdfError, IndexError, ValueError) as error:
        raise ValidationError("Tệp dự thảo kết quả không đọc được như một tệp PDF.") from error
    width, height = float(first.mediabox.width), float(first.mediabox.height)
    dated = f"{place_name}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
    check = ""
    if code:
        check = (
            f'<div class="check"><img src="{png_data_uri(url)}" alt=""><span>Mã kiểm tra kết quả: <b>{escape(code)}</b>'
            f"<br>Kiểm tra bản gốc tại {escape(url.split('?')[0])}</span></div>"
        )
    html = f"""<html><head><style>@page {{ size: {width}pt {height}pt; margin: 0 }}
      p {{ position: absolute; left: {at.x}pt; top: {at.y}pt; width: {at.width}pt; margin: 0;
           font-family: "Liberation Serif motcua"; font-size: {at.size}pt; display: flex;
           justify-content: space-between }}
      .check {{ position: absolute; left: {at.qr_x}pt; top: {height - at.qr_bottom - at.qr_side}pt; display: flex;
           gap: 8pt; align-items: center; font-family: "Liberation Sans motcua"; font-size: 7.5pt; width: 420pt }}
      .check img {{ width: {at.qr_side}pt; height: {at.qr_side}pt }}</style></head>
      <body><p><span>Số: {escape(nfc(number))}</span><i>{escape(nfc(dated))}</i></p>{check}</body></html>"""
    overlay = PdfReader(io.BytesIO(html_to_pdf(html))).pages[0]
    writer = PdfWriter(clone_from=reader)
    writer.pages[0].merge_page(overlay)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
