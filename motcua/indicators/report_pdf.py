"""The reform report and any list of its tables as PDF: HTML templates printed by WeasyPrint with the fonts of the
printed forms (Times New Roman, else Liberation Serif, else DejaVu Serif; see dossiers/printing/pdf.py), A4 with the
margins of Decree 30/2020 (top and bottom 20 mm, left 30 mm, right 15 mm)."""

from django.template.loader import render_to_string

from motcua.dossiers.printing.pdf import html_to_pdf, nfc

from .report_document import Report, Table


def render(report: Report) -> bytes:
    return html_to_pdf(nfc(render_to_string("indicators/report_pdf.html", {"report": report})))


def render_tables(title: str, tables: list[Table], subtitle: str = "") -> bytes:
    """A landscape PDF of tables alone (the sector KPI history)."""
    return html_to_pdf(
        nfc(render_to_string("indicators/tables_pdf.html", {"title": title, "subtitle": subtitle, "tables": tables}))
    )
