"""The reform report as a plain document: its values (`Percent`, `Score`) and how they read (`display`), and the
`Report` of heading, sections, paragraphs and `Table`s that the HTML preview, the PDF (`report_pdf`), the DOCX
(`report_docx`) and the Excel workbook (`report_xlsx`) all render, so the four never disagree.

Table cells keep their values (int, `Percent`, `Score`, text): each renderer formats them, the text ones with
`display` (Vietnamese style: 1.234; 63,64%; "không có dữ liệu" for a ratio with nothing under it). Split from
`report.py` (issue 13): the renderers need the shape, not the figures that fill it.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from motcua.vntext import formats
from motcua.vntext.formats import NO_DATA

from .figures import Period, Scope
from .report_periods import period_code


@dataclass(frozen=True)
class Percent:
    """A share of 1, shown as a percentage rounded to 2 decimals; None reads "không có dữ liệu"."""

    ratio: Decimal | float | None


@dataclass(frozen=True)
class Score:
    """Points of Decision 766, shown to 2 decimals; None reads "không có dữ liệu"."""

    points: Decimal | None


def percent_text(ratio, places: int = 2) -> str:
    """The report's percentages drop trailing zeros: 50%, 63,64%."""
    return formats.percent(ratio, places, strip=True)


def display(value) -> str:
    """A table cell or a figure as it reads in the report."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int):
        return formats.count(value)
    if isinstance(value, Percent):
        return percent_text(value.ratio)
    if isinstance(value, Score):
        return NO_DATA if value.points is None else formats.decimal(value.points)
    if isinstance(value, (Decimal, float)):
        return formats.decimal(value)
    return str(value)


def ratio_of(numerator, denominator) -> Decimal | None:
    return Decimal(numerator) / Decimal(denominator) if denominator else None


@dataclass
class Row:
    cells: list
    kind: str = ""  # "" | "sub" (an indented "trong đó" line) | "total"


@dataclass
class Table:
    key: str  # short name: the Excel sheet, the anchor
    title: str
    columns: list[str]
    rows: list[Row]
    note: str = ""

    def text_rows(self) -> list[tuple[str, list[tuple[str, bool]]]]:
        """Rows as (kind, [(text, is_number)]) for the HTML, PDF and DOCX renderers."""
        return [
            (
                row.kind,
                [
                    (
                        display(cell),
                        isinstance(cell, (int, Percent, Score, Decimal, float)) and not isinstance(cell, bool),
                    )
                    for cell in row.cells
                ],
            )
            for row in self.rows
        ]


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    level: int = 2  # 1: a part of the report ("I. ..."), 2: a numbered section inside it


@dataclass
class Report:
    scope: Scope
    period: Period
    superior: str  # the body above the issuing agency, upper case ("" when none)
    agency: str  # the issuing agency, upper case
    number: str  # "Số:      /BC-STP": the number itself is left for the văn thư
    place: str
    date: str  # "ngày 05 tháng 4 năm 2026"
    title: str  # "BÁO CÁO"
    subtitle: str  # "Kết quả thực hiện công tác cải cách thủ tục hành chính quý I năm 2026"
    sections: list[Section]
    addressee: str = ""  # "Ủy ban nhân dân tỉnh Phú Thọ": after "Kính gửi:", below the title
    recipients: list[str] = field(default_factory=lambda: ["Như trên;", "Lưu: VT."])
    superior_lines: list[str] = field(default_factory=list)  # the names as whole heading lines (name_lines)
    agency_lines: list[str] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables]

    @property
    def filename(self) -> str:
        code = period_code(self.period) or f"{self.period.start:%Y%m%d}-{self.period.end:%Y%m%d}"
        return f"bao-cao-cai-cach-tthc-{code}"
