"""HTML → PDF with WeasyPrint, and what every TT 03/2025 form shares: the agency heading, number, place and date.

Fonts: every PDF is set in the faces shipped in motcua/static/motcua/fonts/ (Liberation 2.1.5, SIL OFL 1.1, full
Vietnamese; Liberation Serif has the metrics of Times New Roman, the face of Decree 30/2020 documents), never in a
font of the machine: `html_to_pdf` adds that folder's fonts.css (@font-face rules with paths relative to it) to every
document, and the templates name only its families, "Liberation Serif motcua", "Liberation Sans motcua" and
"Liberation Mono motcua". The URL fetcher reads those files and data: URIs (the QR code) and nothing else, so a
document can neither reach the network nor read another file. Every text is put in NFC first: a decomposed tone
mark would print as a separate glyph.
"""

import datetime as dt
import functools
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.template.loader import render_to_string

from motcua.vntext import formats
from motcua.vntext.normalize import fold

FONTS = Path(__file__).resolve().parents[2] / "static" / "motcua" / "fonts"
FONT_FACES = FONTS / "fonts.css"
# Words that start the locality part of an agency's name ("... tỉnh Phú Thọ", "UBND phường Việt Trì"): the
# number's suffix is made of the initials before them (Trung tâm Phục vụ hành chính công → TTPVHCC).
LOCALITY_WORDS = {"tinh", "phuong", "xa", "dac", "huyen", "thi"}
SKIPPED_WORDS = {"va", "-", "&"}


def nfc(value):
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


moment_text = formats.moment  # hh:mm dd/mm/yyyy in Vietnam time, as the forms print moments
date_text = formats.date
long_date = formats.long_date  # "ngày 02 tháng 3 năm 2026" (Decree 30/2020, Annex I)


def parse_moment(value) -> dt.datetime | None:
    """A moment stored in an event's JSON data (str(datetime) or ISO 8601)."""
    if not value:
        return None
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


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
        if letters and locality_starts(words, index):
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


@functools.cache
def _face(file: str):
    from fontTools.ttLib import TTFont

    font = TTFont(FONTS / file, lazy=True)
    return font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm


def text_width(text: str, size_pt: float, bold: bool = False) -> float:
    """Width in mm of `text` set in the shipped Liberation Serif (no kerning: a hair wider than printed)."""
    cmap, metrics, units = _face("LiberationSerif-Bold.ttf" if bold else "LiberationSerif-Regular.ttf")
    advance = sum(metrics[cmap.get(ord(char), ".notdef")][0] for char in text)
    return advance / units * size_pt * 25.4 / 72


def _balanced(words: list[str], size_pt: float, bold: bool) -> list[str]:
    """Two lines as even as the words allow ("TRUNG TÂM PHỤC VỤ / HÀNH CHÍNH CÔNG")."""
    if len(words) < 2:
        return [" ".join(words)]
    cut = min(
        range(1, len(words)),
        key=lambda i: max(
            text_width(" ".join(words[:i]), size_pt, bold), text_width(" ".join(words[i:]), size_pt, bold)
        ),
    )
    return [" ".join(words[:cut]), " ".join(words[cut:])]


def name_lines(name: str, width_mm: float, size_pt: float, bold: bool = False) -> list[str]:
    """A body's name in the heading of a document (Decree 30/2020, Annex I): upper case, centred, in whole lines no
    wider than the column. One line where it fits; else broken before its locality ("ỦY BAN NHÂN DÂN / TỈNH PHÚ THỌ",
    never "TỈNH PHÚ / THỌ"), and a part still too wide into two even lines."""
    words = name.upper().split()
    if not words:
        return []
    if text_width(" ".join(words), size_pt, bold) <= width_mm:
        return [" ".join(words)]
    starts = [i for i, word in enumerate(words) if i and locality_starts(words, i)]
    parts = [words[: starts[0]], words[starts[0] :]] if starts else [words]
    lines = []
    for part in parts:
        fits = text_width(" ".join(part), size_pt, bold) <= width_mm
        lines += [" ".join(part)] if fits or (part is parts[-1] and starts) else _balanced(part, size_pt, bold)
    return lines


def locality_starts(words: list[str], index: int) -> bool:
    """Whether the locality part of a name ("tỉnh Phú Thọ", "thành phố Hà Nội", "xã Tam Đảo") starts at words[index]."""
    folded = fold(words[index])
    city = folded == "thanh" and index + 1 < len(words) and fold(words[index + 1]) == "pho"
    return folded in LOCALITY_WORDS or city


def unbroken_locality(name: str) -> str:
    """A name for running text whose locality never splits at a line end: "Trung tâm ... công tỉnh Phú\u00a0Thọ"
    (no-break spaces inside "tỉnh Phú Thọ"); the rest of the name wraps as words do."""
    words = name.split()
    start = next((i for i in range(1, len(words)) if locality_starts(words, i)), None)
    if start is None:
        return name
    return " ".join([*words[:start], "\u00a0".join(words[start:])])


# The heading's left column on the A5 forms (forms.css): half of the 123 mm between the margins, text at 8 pt.
FORM_HEADING = {"width_mm": 61, "size_pt": 8}


def heading(
    agency, moment, number: str, *, width_mm: float = FORM_HEADING["width_mm"], size_pt: float = FORM_HEADING["size_pt"]
) -> dict:
    """Top of every form: superior body and agency (left), national motto (right), number, place and date. The names
    come as whole lines for a column `width_mm` wide set at `size_pt` (`name_lines`)."""
    parent = getattr(agency, "parent", None)
    superior = parent.name.upper() if parent else ""
    return {
        "superior": superior,
        "agency": agency.name.upper(),
        "superior_lines": name_lines(superior, width_mm, size_pt),
        "agency_lines": name_lines(agency.name, width_mm, size_pt, bold=True),
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


def shipped(url: str) -> bool:
    """A data: URI, or a file directly inside the fonts folder: all a PDF of motcua may load."""
    parts = urlsplit(url)
    if parts.scheme == "data":
        return True
    return parts.scheme == "file" and Path(url2pathname(parts.path)).resolve().parent == FONTS


@functools.cache
def _shipped_only():
    from weasyprint import URLFetcher

    class ShippedOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if not shipped(url):
                raise ValueError(f"PDF của motcua chỉ dùng phông chữ kèm theo và dữ liệu data:, không tải {url[:120]}")
            return super().fetch(url, headers)

    return ShippedOnly


def url_fetcher():
    """A fetcher for one document (a fetcher keeps state between calls: never share one between threads)."""
    return _shipped_only()(allowed_protocols=("data", "file"))


def html_to_pdf(html: str) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts, fetcher = FontConfiguration(), url_fetcher()
    faces = CSS(filename=str(FONT_FACES), font_config=fonts, url_fetcher=fetcher)
    return HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=[faces], font_config=fonts)


def render_pdf(template: str, context: dict) -> bytes:
    return html_to_pdf(render_to_string(template, clean(context)))
