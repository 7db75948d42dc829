"""Ki-ốt đánh giá tại quầy: a tablet at the one-stop desk where a citizen rates a returned dossier without logging in.

The citizen types the one-time rating code (mã đánh giá) printed on the "Phiếu mời đánh giá" handed over with the
result, or sent with the notice of the result (dossiers.rating_tokens). The dossier code plus digits of the phone no
longer rate anything: anyone may read those off a receipt (issue 12, item 6). Lookups are rate-limited per client
address like public tracking, and an unknown, used or expired code gets one answer. The rating page shows only the
procedure name and the masked applicant name, and carries a signed, short-lived reference to the token; the rating
uses the token up in its transaction. Every page is `never_cache` and returns to the blank start page by itself, so
the next citizen sees nothing of the previous one.
"""

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from motcua.dossiers import rating_tokens, ratings
from motcua.dossiers.models import Rating, RatingToken
from motcua.dossiers.states import State
from motcua.ratelimits import limits

LOOKUPS_PER_MINUTE = 10
TOKEN_SALT = "motcua.portal.kiosk"
TOKEN_SECONDS = 10 * 60
RATING_PAGE_SECONDS = 3 * 60  # an abandoned rating page clears itself
MESSAGE_PAGE_SECONDS = 60
THANKS_SECONDS = 8
NOT_FOUND = (
    "Mã đánh giá không đúng, đã được dùng hoặc đã hết hạn. Vui lòng kiểm tra lại mã in trên Phiếu mời đánh "
    "giá hoặc trong tin nhắn."
)
NOT_RETURNED = "Hồ sơ chưa trả kết quả nên chưa đánh giá được. Ông/Bà vui lòng đánh giá sau khi nhận kết quả."
ALREADY_RATED = "Hồ sơ này đã được đánh giá. Cảm ơn Ông/Bà."
EXPIRED = "Phiên đánh giá đã hết hạn. Vui lòng nhập lại mã đánh giá."
TOO_MANY = "Có quá nhiều lượt tra cứu trong một phút. Vui lòng chờ ít phút rồi thử lại."
ANSWERS = [("yes", "Hài lòng"), ("no", "Không hài lòng")]


class LookupForm(forms.Form):
    ma_danh_gia = forms.CharField(
        label="Mã đánh giá (in trên Phiếu mời đánh giá, hoặc trong tin nhắn báo kết quả)",
        max_length=40,
        error_messages={"required": "Vui lòng nhập mã đánh giá."},
    )

    def clean_ma_danh_gia(self):
        value = rating_tokens.normalise(self.cleaned_data["ma_danh_gia"])
        if value is None:
            raise ValidationError("Mã đánh giá gồm 12 chữ và số, ví dụ K7M2-9QXA-4T8B.", code="format")
        return value


class RatingForm(forms.Form):
    """Overall satisfaction (required) and each criterion of Decree 61/2018 Art. 31 (each optional)."""

    phien = forms.CharField(widget=forms.HiddenInput)
    hai_long = forms.ChoiceField(
        label="Ông/Bà có hài lòng không?",
        choices=ANSWERS,
        widget=forms.RadioSelect,
        error_messages={"required": "Vui lòng chọn Hài lòng hoặc Không hài lòng."},
    )
    gop_y = forms.CharField(
        label="Góp ý (nếu có)",
        required=False,
        max_length=ratings.COMMENT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": f"Góp ý dài tối đa {ratings.COMMENT_LIMIT} ký tự."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in Rating.CRITERIA:
            self.fields[key] = forms.ChoiceField(label=label, choices=ANSWERS, required=False, widget=forms.RadioSelect)

    def criteria_rows(self):
        return [self[key] for key, _ in Rating.CRITERIA]

    def criteria(self) -> dict[str, bool]:
        return {key: self.cleaned_data[key] == "yes" for key, _ in Rating.CRITERIA if self.cleaned_data[key]}


def masked(name: str) -> str:
    """“Nguyễn Văn An” → “N***** V** A*”: enough for the citizen to recognise, nothing for the next in line."""
    return " ".join(word[0] + "*" * (len(word) - 1) for word in name.split())


def _start_page(request, form, message="", status=200):
    return render(
        request,
        "portal/kiosk.html",
        {
            "form": form,
            "message": message,
            "refresh": MESSAGE_PAGE_SECONDS if message or form.is_bound else None,
        },
        status=status,
    )


def _rating_page(request, dossier, form, status=200):
    return render(
        request,
        "portal/kiosk_rate.html",
        {
            "form": form,
            "procedure": dossier.procedure_version.name,
            "applicant": masked(dossier.applicant_name),
            "refresh": RATING_PAGE_SECONDS,
        },
        status=status,
    )


def _token_of(session: str) -> RatingToken | None:
    """The rating token the page was opened with (signed, TOKEN_SECONDS at most); the rating service judges whether
    it is still good (used up by another rating, revoked or expired meanwhile)."""
    try:
        pk = signing.loads(session, salt=TOKEN_SALT, max_age=TOKEN_SECONDS)
    except signing.BadSignature:  # tampered or expired
        return None
    return RatingToken.objects.select_related("dossier__procedure_version").filter(pk=pk).first()


@never_cache
def start(request):
    if request.method != "POST":
        return _start_page(request, LookupForm())
    form = LookupForm(request.POST)
    if not limits.allow(request, "kiosk", LOOKUPS_PER_MINUTE, 60):
        return _start_page(request, form, TOO_MANY, status=429)
    if not form.is_valid():
        return _start_page(request, form, status=400)
    token = rating_tokens.find(form.cleaned_data["ma_danh_gia"])
    if token is None:
        return _start_page(request, LookupForm(), NOT_FOUND, status=404)  # the code typed is not shown again
    dossier = token.dossier
    if not ratings.may_rate(dossier):
        return _start_page(
            request, LookupForm(), NOT_RETURNED if dossier.state != State.RETURNED else ALREADY_RATED, status=409
        )
    return _rating_page(request, dossier, RatingForm(initial={"phien": signing.dumps(token.pk, salt=TOKEN_SALT)}))


@never_cache
@require_POST
def submit(request):
    token = _token_of(request.POST.get("phien", ""))
    if token is None:
        return _start_page(request, LookupForm(), EXPIRED, status=400)
    dossier = token.dossier
    form = RatingForm(request.POST)
    if not form.is_valid():
        return _rating_page(request, dossier, form, status=400)
    try:
        ratings.rate(
            dossier,
            satisfied=form.cleaned_data["hai_long"] == "yes",
            criteria=form.criteria(),
            comment=form.cleaned_data["gop_y"],
            channel="kiosk",
            token=token,
        )
    except ValidationError as exc:
        return _start_page(request, LookupForm(), " ".join(exc.messages), status=409)
    return redirect("portal:kiosk_thanks")


@never_cache
def thanks(request):
    return render(request, "portal/kiosk_thanks.html", {"refresh": THANKS_SECONDS})
