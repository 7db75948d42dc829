"""Tờ khai điện tử: the e-form a citizen filled online, printed as the document of the line it replaces.

The dossier keeps the data structured (`Dossier.form_data`, validated against the version's JSON Schema); this PDF
is what a desk officer or an archive reads, laid out as a declaration: national title, the addressee, who declares,
each field of the form with its value, the time it was filed. Values are shown as a person writes them: dates
dd/mm/yyyy, yes/no as Có/Không.
"""

import datetime as dt

from .pdf import long_date, moment_text, render_pdf


def field_rows(schema: dict | None, data: dict) -> list[tuple[str, str]]:
    """(title, value as a person writes it) for each field of the schema that has a value, in the schema's order."""
    rows = []
    for name, spec in ((schema or {}).get("properties") or {}).items():
        value = data.get(name)
        if value in (None, "", []):
            continue
        rows.append((spec.get("title", name), written(value, spec)))
    return rows


def written(value, spec: dict) -> str:
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if spec.get("format") == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


def render_declaration(
    *,
    title: str,
    procedure: str,
    agency_name: str,
    applicant: dict,
    schema: dict | None,
    data: dict,
    filed_at: dt.datetime,
) -> bytes:
    """The PDF of an e-form as filed (A4 portrait)."""
    context = {
        "title": title,
        "procedure": procedure,
        "agency_name": agency_name,
        "applicant": applicant,
        "rows": field_rows(schema, data),
        "filed_at": moment_text(filed_at),
        "date": long_date(filed_at),
    }
    return render_pdf("dossiers/forms/declaration.html", context)
