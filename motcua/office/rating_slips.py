"""In Phiếu mời đánh giá: the desk prints, with the result, a slip carrying a new one-time rating token (QR code and
text) for the applicant to rate the dossier at the kiosk or on their phone (dossiers.printing.rating_slip).

A POST, since each print issues a token and revokes the slip printed before; the PDF opens in a new tab."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from motcua.dossiers.permissions import staff_required
from motcua.dossiers.printing.rating_slip import render_rating_slip

from .views import visible_dossier


@staff_required
@require_POST
def print_slip(request, code):
    dossier = visible_dossier(request, code)
    try:
        pdf = render_rating_slip(dossier, base_url=settings.MOTCUA_PUBLIC_URL, by=request.user)
    except ValueError as exc:
        messages.error(request, str(exc))
        return redirect("office:dossier", code=code)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="phieu-moi-danh-gia-{dossier.code}.pdf"'
    response["Cache-Control"] = "no-store"  # the token is on it
    return response
