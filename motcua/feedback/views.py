"""Public PAKN pages: submit, track by code + phone (rate-limited), answer a supplement request and rate the
answer from the tracking page, published answers."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from motcua.ratelimits import limits

from . import lifecycle
from .forms import RateForm, SenderSupplementForm, SubmitForm, TrackForm
from .models import Feedback
from .tracking import NOT_FOUND, find_for_sender
from .transitions import EVENT_LABELS, FeedbackError

LOOKUPS_PER_MINUTE = 10
PAGE_SIZE = 20
TOO_MANY = "Bạn thao tác quá nhiều lần trong một phút. Vui lòng thử lại sau."


def submit(request):
    form = SubmitForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            fb = lifecycle.submit(form.data_for_service(), form.cleaned_data["attachments"])
            request.session["pakn_sent"] = fb.code
            return redirect("feedback:sent")
        status = 400
    else:
        status = 200
    return render(request, "feedback/submit.html", {"form": form}, status=status)


def sent(request):
    fb = Feedback.objects.select_related("receiving_agency").filter(code=request.session.get("pakn_sent") or "").first()
    if fb is None:
        return redirect("feedback:submit")
    return render(request, "feedback/sent.html", {"fb": fb})


def _history(fb):
    return fb.events.select_related("agency").order_by("seq")


@never_cache
def track(request):
    # The form posts: the phone never travels in a URL. A link with the code alone (from the notice or the "sent"
    # page) opens the form filled in, without errors.
    form = TrackForm(request.POST if request.method == "POST" else None, initial={"ma": request.GET.get("ma", "")[:20]})
    context = {"form": form, "labels": EVENT_LABELS}
    if not form.is_bound:
        return render(request, "feedback/track.html", context)
    if not limits.allow(request, "pakn-tracking", LOOKUPS_PER_MINUTE, 60):
        context["error"] = "Bạn tra cứu quá nhiều lần trong một phút. Vui lòng thử lại sau ít phút."
        return render(request, "feedback/track.html", context, status=429)
    if not form.is_valid():
        return render(request, "feedback/track.html", context, status=400)
    fb = find_for_sender(form.cleaned_data["ma"], form.cleaned_data["dien_thoai"])
    if fb is None:  # the same answer whether the code or the phone is wrong
        context["error"] = NOT_FOUND
        return render(request, "feedback/track.html", context, status=404)
    sender = {"ma": fb.code, "dien_thoai": form.cleaned_data["dien_thoai"]}
    context.update(
        fb=fb,
        history=_history(fb),
        rate_form=RateForm(initial=sender),
        supplement_form=SenderSupplementForm(initial=sender),
    )
    return render(request, "feedback/track.html", context)


def _sender_action(request, make_form, act, form_key: str, done_key: str):
    """What the sender does from the tracking page (rate the answer, answer a supplement request): run it and show
    the PAKN again, or the form with its error; a wrong code or phone gets the one answer that reveals nothing."""
    if not limits.allow(request, "pakn-tracking", LOOKUPS_PER_MINUTE, 60):
        return render(request, "feedback/track.html", {"form": TrackForm(), "error": TOO_MANY}, status=429)
    form = make_form()
    fb = None
    if form.is_valid():
        try:
            fb = act(form.cleaned_data)
        except PermissionDenied:
            form.add_error(None, NOT_FOUND)
        except FeedbackError as exc:
            form.add_error(None, str(exc))
    if fb is not None:
        return render(
            request,
            "feedback/track.html",
            {
                "form": TrackForm(initial={"ma": fb.code}),
                "fb": fb,
                "history": _history(fb),
                "labels": EVENT_LABELS,
                done_key: True,
            },
        )
    found = find_for_sender(request.POST.get("ma", ""), request.POST.get("dien_thoai", ""))
    context = {
        "form": TrackForm(initial={"ma": request.POST.get("ma", "")}),
        "labels": EVENT_LABELS,
        form_key: form,
        "error": " ".join(form.non_field_errors()) or None,
    }
    if found:
        context.update(fb=found, history=_history(found))
    return render(request, "feedback/track.html", context, status=400)


@require_POST
def rate(request):
    return _sender_action(
        request,
        lambda: RateForm(request.POST),
        lambda data: lifecycle.rate(data["ma"], data["dien_thoai"], data["danh_gia"], data["y_kien"]),
        "rate_form",
        "rated",
    )


@require_POST
def supplement(request):
    """The sender answers the office's supplement request from the tracking page."""
    return _sender_action(
        request,
        lambda: SenderSupplementForm(request.POST, request.FILES),
        lambda data: lifecycle.supplement(data["ma"], data["dien_thoai"], data["noi_dung"], data["tep"]),
        "supplement_form",
        "supplemented",
    )


def published(request):
    items = (
        Feedback.objects.filter(status=Feedback.Status.PUBLISHED)
        .select_related("answered_by", "procedure")
        .order_by("-published_at", "-pk")
    )
    q = request.GET.get("q", "").strip()
    if q:
        items = items.filter(
            Q(code__iexact=q) | Q(title__icontains=q) | Q(content__icontains=q) | Q(answer__icontains=q)
        )
    kind = request.GET.get("loai", "")
    if kind in Feedback.Kind.values:
        items = items.filter(kind=kind)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("trang"))
    params = request.GET.copy()
    params.pop("trang", None)
    return render(
        request,
        "feedback/published_list.html",
        {"page": page, "q": q, "kind": kind, "kinds": Feedback.Kind.choices, "params": params.urlencode()},
    )


def published_detail(request, code):
    fb = (
        Feedback.objects.select_related("answered_by", "receiving_agency", "procedure")
        .filter(code=code, status=Feedback.Status.PUBLISHED)
        .first()
    )
    if fb is None:
        raise Http404("Không có kết quả PAKN đã công khai với mã này.")
    return render(request, "feedback/published_detail.html", {"fb": fb})
