"""Officials' PAKN pages: the register (sổ theo dõi PAKN) with filters, and one page per PAKN with its actions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from motcua.dossiers import files
from motcua.dossiers.permissions import staff_required

from . import deadlines, events, lifecycle, permissions
from .forms import ACTION_FORMS
from .models import Feedback
from .transitions import EVENT_LABELS, LABELS, FeedbackError

PAGE_SIZE = 25


def _visible(request):
    return permissions.visible(Feedback.objects.all(), request.user)


def _get(request, code) -> Feedback:
    fb = (
        _visible(request)
        .select_related("receiving_agency", "transferred_to", "answered_by", "procedure", "subject_agency")
        .filter(code=code)
        .first()
    )
    if fb is None:  # another agency learns nothing, not even that the code exists
        raise Http404("Không tìm thấy PAKN.")
    return fb


@staff_required
def register(request):
    now = timezone.now()
    items = _visible(request).select_related("receiving_agency", "transferred_to")
    status = request.GET.get("trang-thai", "")
    if status in Feedback.Status.values:
        items = items.filter(status=status)
    elif status == "dang-xu-ly":
        items = items.exclude(status__in=[Feedback.Status.PUBLISHED, Feedback.Status.REFUSED])
    overdue = request.GET.get("qua-han") == "1"
    if overdue:
        items = items.filter(deadlines.overdue_filter(now))
    q = request.GET.get("q", "").strip()
    if q:
        items = items.filter(Q(code__icontains=q) | Q(title__icontains=q) | Q(sender_name__icontains=q))
    page = Paginator(items.order_by("-submitted_at", "-pk"), PAGE_SIZE).get_page(request.GET.get("trang"))
    params = request.GET.copy()
    params.pop("trang", None)
    return render(
        request,
        "feedback/office_register.html",
        {
            "page": page,
            "statuses": Feedback.Status.choices,
            "status": status,
            "overdue": overdue,
            "q": q,
            "params": params.urlencode(),
            "now": now,
        },
    )


def _steps(fb):
    """(step, deadline, done at, on time) for the page: the deadline of each step and how it went."""
    rows = [
        ("Từ chối tiếp nhận (nếu không tiếp nhận)", fb.refuse_due, fb.refused_at, fb.refuse_on_time),
        ("Đề nghị bổ sung lần đầu (nếu cần)", fb.supplement_due, fb.supplement_requested_at, fb.supplement_on_time),
        (
            "Chuyển cơ quan có thẩm quyền (nếu không thuộc thẩm quyền)",
            fb.transfer_due,
            fb.transferred_at,
            fb.transfer_on_time,
        ),
        ("Trả lời, kết quả xử lý", fb.answer_due, fb.answered_at, fb.answer_on_time),
    ]
    if fb.publish_due:
        rows.append(("Công khai kết quả", fb.publish_due, fb.published_at, fb.publish_on_time))
    return rows


def _ids(action: str) -> dict:
    """Each action panel's fields get ids of their own ("answer-text", "refuse-reason"): the panels share a page."""
    return {"auto_id": f"{action}-%s"}


@staff_required
def detail(request, code, forms=None):
    fb = _get(request, code)
    allowed = permissions.available_actions(request.user, fb)
    forms = forms or {}
    action_forms = []
    for name in allowed:
        form = forms.get(name)
        if form is None:
            form_class, ids = ACTION_FORMS[name], _ids(name)
            if name == "transfer":
                form = form_class(feedback=fb, **ids)
            elif name == "classify":  # after the sender's supplement the classification is usually confirmed
                form = form_class(initial={"classification": fb.classification}, **ids)
            else:
                form = form_class(**ids)
        action_forms.append((name, LABELS[name], form))
    return render(
        request,
        "feedback/office_detail.html",
        {
            "fb": fb,
            "forms": action_forms,
            "steps": _steps(fb),
            "now": timezone.now(),
            "history": fb.events.select_related("agency").order_by("seq"),
            "labels": EVENT_LABELS,
            "attachments": fb.attachments.filter(event__kind="submitted"),
            "supplements": fb.events.filter(kind="supplemented").prefetch_related("attachments").order_by("seq"),
            "chain_broken": events.verify(fb),
        },
        status=400 if forms else 200,
    )


@staff_required
@require_POST
def act(request, code, action):
    fb = _get(request, code)
    if action not in ACTION_FORMS:
        raise Http404("Không có thao tác này.")
    form_class = ACTION_FORMS[action]
    ids = _ids(action)
    form = form_class(request.POST, feedback=fb, **ids) if action == "transfer" else form_class(request.POST, **ids)
    if not form.is_valid():
        return detail(request, code, forms={action: form})
    data = form.cleaned_data
    calls = {
        "classify": lambda: lifecycle.classify(fb.pk, request.user, data["classification"], data["note"]),
        "refuse": lambda: lifecycle.refuse(fb.pk, request.user, data["reason"]),
        "request_supplement": lambda: lifecycle.request_supplement(fb.pk, request.user, data["note"]),
        "transfer": lambda: lifecycle.transfer(fb.pk, request.user, data["to_agency"], data["note"]),
        "answer": lambda: lifecycle.answer(fb.pk, request.user, data["text"]),
        "publish": lambda: lifecycle.publish(fb.pk, request.user),
    }
    try:
        calls[action]()
    except FeedbackError as exc:
        form.add_error(None, str(exc))
        return detail(request, code, forms={action: form})
    except PermissionDenied:
        raise
    messages.success(request, f"Đã thực hiện: {LABELS[action]}.")
    if action == "transfer" and not permissions.visible(Feedback.objects.filter(pk=fb.pk), request.user).exists():
        return redirect("feedback:office")
    return redirect("feedback:office_detail", code=code)


@staff_required
def attachment(request, code, attachment_id):
    fb = _get(request, code)
    item = fb.attachments.filter(pk=attachment_id).first()
    if item is None:
        raise Http404("Không có tệp này.")
    return files.serve(item)
