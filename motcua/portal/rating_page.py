"""Đánh giá bằng mã: the public page that the QR code of the "Phiếu mời đánh giá" and the link in the notice of the
result open, for an applicant without an account (issue 12, item 6; docs/security.md).

- GET /danh-gia/?ma=<token> (or the token typed into the page): the token is looked up (rate-limited per client
  address; an unknown, used, revoked or expired token gets one answer), kept in the session, and the browser is sent
  on to /danh-gia/ at once, so that the token leaves the address bar, the history and the Referer.
- /danh-gia/ then shows the rating form: the procedure and the masked applicant name, nothing else of the dossier.
- POST the rating: recorded through `ratings.rate` with the token, which uses it up in the same transaction
  (channel "portal"). Then a thank-you, and the token is gone from the session.
The applicant signed in on the portal rates their own dossier from "Hồ sơ của tôi" without a token (mine.rate).
"""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from motcua.dossiers import rating_tokens, ratings
from motcua.dossiers.models import RatingToken
from motcua.dossiers.states import State
from motcua.ratelimits import limits

from . import kiosk

SESSION_KEY = "rating_token"
LOOKUPS_PER_MINUTE = 10
TOO_MANY = "Bạn nhập mã quá nhiều lần trong một phút. Vui lòng thử lại sau ít phút."
NOT_RETURNED = "Hồ sơ chưa trả kết quả nên chưa đánh giá được. Ông/Bà vui lòng đánh giá sau khi nhận kết quả."


class PublicRatingForm(kiosk.RatingForm):
    """The kiosk's questions; the token lives in the session here, not in the page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["phien"]


def _page(request, *, form=None, lookup=None, token=None, message="", done=False, status=200):
    context = {"form": form, "lookup": lookup, "message": message, "done": done}
    if token is not None:
        context.update(
            procedure=token.dossier.procedure_version.name,
            applicant=kiosk.masked(token.dossier.applicant_name),
            code=token.dossier.code,
        )
    return render(request, "portal/rate_public.html", context, status=status)


def _held(request) -> RatingToken | None:
    pk = request.session.get(SESSION_KEY)
    return RatingToken.objects.select_related("dossier__procedure_version").filter(pk=pk).first() if pk else None


def _look_up(request, text: str):
    """Check a token typed or scanned; keep it in the session and go on to the clean address."""
    lookup = kiosk.LookupForm({"ma_danh_gia": text})
    if not limits.allow(request, "rating", LOOKUPS_PER_MINUTE, 60):
        return _page(request, lookup=kiosk.LookupForm(), message=TOO_MANY, status=429)
    if not lookup.is_valid():
        return _page(request, lookup=lookup, status=400)
    token = rating_tokens.find(lookup.cleaned_data["ma_danh_gia"])
    if token is None:
        return _page(request, lookup=kiosk.LookupForm(), message=kiosk.NOT_FOUND, status=404)
    if not ratings.may_rate(token.dossier):
        message = NOT_RETURNED if token.dossier.state != State.RETURNED else kiosk.ALREADY_RATED
        return _page(request, lookup=kiosk.LookupForm(), message=message, status=409)
    request.session[SESSION_KEY] = token.pk
    return redirect("portal:rate_by_token")


@never_cache
def rate(request):
    if request.method == "GET" and request.GET.get("ma"):
        return _look_up(request, request.GET["ma"][:40])
    if request.method == "POST" and "ma_danh_gia" in request.POST:
        return _look_up(request, request.POST["ma_danh_gia"][:40])
    token = _held(request)
    if token is None:
        return _page(request, lookup=kiosk.LookupForm())
    if request.method != "POST":
        return _page(request, form=PublicRatingForm(), token=token)
    form = PublicRatingForm(request.POST)
    if not form.is_valid():
        return _page(request, form=form, token=token, status=400)
    try:
        ratings.rate(
            token.dossier,
            satisfied=form.cleaned_data["hai_long"] == "yes",
            criteria=form.criteria(),
            comment=form.cleaned_data["gop_y"],
            channel="portal",
            token=token,
        )
    except ValidationError as exc:
        request.session.pop(SESSION_KEY, None)
        return _page(request, lookup=kiosk.LookupForm(), message=" ".join(exc.messages), status=409)
    request.session.pop(SESSION_KEY, None)
    return _page(request, done=True)
