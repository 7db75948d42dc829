"""Printable forms of Circular 03/2025/TT-VPCP, Annex I (DOMAIN.md 2.2): PDFs from HTML/CSS templates.

    render_form(number, dossier, *, event=None, supplement=None, base_url=...) -> PDF bytes, forms 01-06 (A5)
    register_pdf(dossiers, *, title, period_text) -> PDF bytes, form 07 (A4 landscape)
    register_xlsx(dossiers, *, title) -> .xlsx bytes, form 07 with the same columns
    FORM_TITLES: {number: Vietnamese title}

Form 02 prints `supplement` (default: the dossier's latest supplement request); forms 03, 04 and 05 print `event`
(default: the latest "desk_refused"/"refused", "extended" or "stopped" event). When the dossier has none, or the
one given belongs elsewhere, a ValueError says so in Vietnamese.
"""

from . import forms
from .forms import FORM_TITLES
from .pdf import render_pdf
from .register import register_pdf, register_xlsx

DEFAULT_BASE_URL = "http://127.0.0.1:8000"


def render_form(number: int, dossier, *, event=None, supplement=None, base_url: str = DEFAULT_BASE_URL) -> bytes:
    """The PDF (A5 portrait) of form `number` (1-6) for `dossier`."""
    if number == 1:
        template, context = forms.receipt(dossier, base_url)
    elif number == 2:
        template, context = forms.supplement_form(dossier, supplement)
    elif number in forms.EVENT_KINDS:
        kinds, missing = forms.EVENT_KINDS[number]
        event = forms.find_event(dossier, kinds, event, missing)
        builder = {3: forms.refusal, 4: forms.apology, 5: forms.stop_notice}[number]
        template, context = builder(dossier, event)
    elif number == 6:
        template, context = forms.control_sheet(dossier)
    elif number == 7:
        raise ValueError("Mẫu số 07 (Sổ theo dõi hồ sơ) in cho nhiều hồ sơ: dùng register_pdf hoặc register_xlsx.")
    else:
        raise ValueError(f"Không có mẫu số {number}: chỉ in được các mẫu từ 01 đến 06 theo Thông tư 03/2025/TT-VPCP.")
    return render_pdf(template, context)


__all__ = ["DEFAULT_BASE_URL", "FORM_TITLES", "register_pdf", "register_xlsx", "render_form"]
