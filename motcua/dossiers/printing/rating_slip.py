"""Phiếu mời đánh giá: the slip the desk hands over with the result, carrying a one-time rating token as a QR code
(the public rating page) and as text (typed at the kiosk). Not a form of TT 03/2025: a half A5 page of our own.

Every print issues a new token and revokes the earlier printed ones (rating_tokens.issue): the token is kept only as
its hash, so a lost slip is replaced, never reprinted.
"""

from .. import rating_tokens
from ..states import State
from . import qr
from .pdf import date_text, render_pdf, unbroken_locality

TITLE = "Phiếu mời đánh giá mức độ hài lòng"
# Whoever may still rate: the result is issued or refused and waits at the desk, or was handed over, and no rating yet.
PRINTABLE_STATES = {State.ISSUED, State.REFUSED, State.RETURNED}


def printable(dossier) -> bool:
    return dossier.state in PRINTABLE_STATES and not hasattr(dossier, "rating")


def render_rating_slip(dossier, *, base_url: str, by=None) -> bytes:
    """A new token for `dossier`, printed `by` an official, and its slip as PDF bytes; ValueError (Vietnamese) if the
    dossier cannot be rated."""
    if not printable(dossier):
        raise ValueError("Hồ sơ chưa có kết quả hoặc đã được đánh giá nên không in Phiếu mời đánh giá.")
    token = rating_tokens.issue(dossier, rating_tokens.Channel.PRINTED, by=by)
    row = dossier.rating_tokens.order_by("-pk").first()
    url = rating_tokens.rating_url(token, base_url)
    desk = unbroken_locality(dossier.receiving_agency.name)
    return render_pdf(
        "dossiers/forms/rating_slip.html",
        {
            "title": TITLE,
            "agency_name": dossier.receiving_agency.name,
            "code": dossier.code,
            "procedure": dossier.procedure_version.name,
            "desk": f"Bộ phận Một cửa – {desk}",
            "qr": qr.png_data_uri(url),
            "url": url,
            "token": rating_tokens.display(token),
            "expires": date_text(row.expires_at),
        },
    )
