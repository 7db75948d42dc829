"""HTML → PDF with WeasyPrint, and what every TT 03/2025 form shares: the agency heading, number, place and date.

Fonts: the CSS asks for "Times New Roman" (the usual font of Vietnamese official papers), then Liberation Serif
(metric-compatible, full Vietnamese coverage, Debian package fonts-liberation), then DejaVu Serif, so no glyph
is ever missing. Every text is put in NFC first: a decomposed tone mark would print as a separate glyph.
"""
import datetime as dt
import re
import unicodedata

from django.conf import settings
from django.template.loader import render_to_string

from motcua.vntext.normalize import fold

VN_TZ = dt.timezone(dt.timedelta(hours=7))
# Words that start the locality part of an agency's name ("... tỉnh Phú Thọ", "UBND phường Việt Trì"): the
# number's suffix is made of the initials before them (Trung tâm Phục vụ hành chính công → TTPVHCC).
LOCALITY_WORDS = {"tinh", "phuong", "xa", "dac", "huyen", "thi"}
SKIPPED_WORDS = {"va", "-", "&"}


def nfc(value):
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def local(moment: dt.datetime | None) -> dt.datetime | None:
    return moment.astimezone(VN_TZ) if moment else None


def moment_text(moment: dt.datetime | None) -> str:
    """hh:mm dd/mm/yyyy in Vietnam time, as the forms print moments."""
    return local(moment).strftime("%H:%M %d/%m/%Y") if moment else ""


def date_text(moment: dt.datetime | None) -> str:
    return local(moment).strftime("%d/%m/%Y") if moment else ""


def parse_moment(value) -> dt.datetime | None:
    """A moment stored in an event's JSON data (str(datetime) or ISO 8601)."""
    if not value:
        return None
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def long_date(moment: dt.datetime | None) -> str:
    """"ngày 02 tháng 3 năm 2026": a zero before days under 10 and months 1 and 2 (Decree 30/2020, Annex I)."""
    if moment is None:
        return "ngày ..... tháng ..... năm ........"
    day = local(moment).date()
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_of(agency) -> str:
    """The place before the date: the agency's locality, or MOTCUA_PLACE_NAME, or dots to write it by hand."""
    unit = getattr(agency, "unit", None)
    if unit is not None:
        return unit.name
    return getattr(settings, "MOTCUA_PLACE_NAME", "") or "................"


def abbreviation(agency) -> str:
    """The agency part of a number: its short name, or the initials of its name before the locality."""
    if agency.short_name:
        return agency.short_name
    letters, words = [], agency.name.split()
    for index, word in enumerate(words):
        folded = fold(word)
        city = folded == "thanh" and index + 1 < len(words) and fold(words[index + 1]) == "pho"
        if letters and (folded in LOCALITY_WORDS or city):
            break
        if folded in SKIPPED_WORDS:
            continue
        if word.isupper() and len(word) > 1:
            letters.append(fold(word).upper())
        elif folded[:1].isalnum():
            letters.append(folded[0].upper())
    return "".join(letters) or "MC"


def number_base(dossier) -> str:
    """The dossier code without the agency part (YYMMDD-NNNN): unique within the agency that issues the form."""
    return dossier.code.split("-", 1)[1] if "-" in dossier.code else dossier.code


def heading(agency, moment, number: str) -> dict:
    """Top of every form: superior body and agency (left), national motto (right), number, place and date."""
    parent = getattr(agency, "parent", None)
    return {
        "superior": parent.name.upper() if parent else "",
        "agency": agency.name.upper(),
        "number": number,
        "place": place_of(agency),
        "date": long_date(moment),
    }


def clean(value):
    """NFC every string of a template context, through lists and dicts."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dict):
        return {key: clean(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(item) for item in value]
    return value


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    return HTML(string=html, base_url=None).write_pdf(font_config=fonts)


def render_pdf(template: str, context: dict) -> bytes:
    return html_to_pdf(render_to_string(template, clean(context)))


WHITESPACE = re.compile(r"\s+")


def one_line(text: str) -> str:
    return WHITESPACE.sub(" ", text or "").strip()
