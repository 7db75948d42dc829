"""Hồ sơ của tôi and Kho dữ liệu: a citizen's own dossiers (status, history, supplement answers, withdrawal,
rating) and their personal data store. Nothing of one citizen is visible to another: every query is by owner."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from motcua.dossiers import files, lifecycle, ratings
from motcua.dossiers.models import Dossier, Rating
from motcua.dossiers.states import FINISHED, NATIONAL_LABELS, State
from motcua.dossiers.transitions import TransitionError

from .models import StoredDocument
from .online import citizen_required
from .tracking import PUBLIC_EVENTS


def own(request, code) -> Dossier:
    dossier = (
        Dossier.objects.filter(applicant_user=request.user, code=code)
        .select_related("procedure_version", "processing_agency", "receiving_agency")
        .first()
    )
    if dossier is None:
        raise Http404("Không tìm thấy hồ sơ.")
    return dossier


@citizen_required
def my_dossiers(request):
    dossiers = Dossier.objects.filter(applicant_user=request.user).select_related("procedure").order_by("-created_at")
    return render(
        request,
        "portal/my_dossiers.html",
        {
            "page": Paginator(dossiers, 20).get_page(request.GET.get("trang")),
            "labels": NATIONAL_LABELS,
            "drafts": request.user.drafts.filter(dossier__isnull=True)
            .select_related("version")
            .order_by("-updated_at"),
        },
    )


@citizen_required
def my_dossier(request, code):
    dossier = own(request, code)
    return render(
        request,
        "portal/my_dossier.html",
        {
            "dossier": dossier,
            "status": NATIONAL_LABELS[dossier.national_status],
            "history": [
                e for e in dossier.events.select_related("to_agency").order_by("seq") if e.kind in PUBLIC_EVENTS
            ],
            # asked before receipt (the desk) or after (the processing agency): answered online the same way
            "supplement": dossier.supplement_requests.filter(answered_at=None).order_by("-number").first()
            if dossier.state in (State.DESK_SUPPLEMENT, State.SUPPLEMENT_REQUESTED)
            else None,
            "earlier": dossier.supplement_requests.exclude(answered_at=None),
            "results": dossier.documents.filter(kind="result"),
            "can_withdraw": dossier.state in (State.SUBMITTED, State.DESK_SUPPLEMENT, State.RECEIVED),
            "can_rate": dossier.state == State.RETURNED and not hasattr(dossier, "rating"),
            "can_pay": bool(dossier.fee_total)
            and dossier.payment_status not in ("paid", "paid_online")
            and dossier.state not in FINISHED,
            "criteria": Rating.CRITERIA,
        },
    )


def _attempt(request, action, done: str):
    try:
        action()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except (TransitionError, PermissionDenied) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)


@citizen_required
@require_POST
def answer_supplement(request, code):
    """Nộp bổ sung trực tuyến: the files for the requested items. Before receipt the dossier goes back to the desk;
    after receipt the legal deadline restarts."""
    dossier = own(request, code)
    uploads = [(None, f) for f in request.FILES.getlist("files")]
    note = request.POST.get("note", "")
    if dossier.state == State.DESK_SUPPLEMENT:
        _attempt(
            request,
            lambda: lifecycle.answer_desk_supplement(dossier, actor=request.user, uploads=uploads, note=note),
            "Đã nộp bổ sung. Bộ phận Một cửa sẽ kiểm tra và tiếp nhận hồ sơ.",
        )
    else:
        _attempt(
            request,
            lambda: lifecycle.resubmit(dossier, actor=request.user, uploads=uploads, note=note),
            "Đã nộp bổ sung. Thời hạn giải quyết được tính lại từ khi hồ sơ bổ sung được tiếp nhận.",
        )
    return redirect("portal:my_dossier", code=code)


@citizen_required
@require_POST
def withdraw(request, code):
    dossier = own(request, code)
    _attempt(
        request,
        lambda: lifecycle.withdraw(dossier, actor=request.user, reason=request.POST.get("reason", "")),
        "Đã rút hồ sơ.",
    )
    return redirect("portal:my_dossier", code=code)


@citizen_required
@require_POST
def rate(request, code):
    """Đánh giá: satisfied or not, and each criterion of Decree 61/2018 Art. 31 the citizen answered."""
    dossier = own(request, code)
    if request.POST.get("satisfied") not in ("yes", "no"):
        messages.error(request, "Chọn Hài lòng hoặc Không hài lòng.")
        return redirect("portal:my_dossier", code=code)
    criteria = {key: request.POST[key] == "yes" for key, _ in Rating.CRITERIA if request.POST.get(key) in ("yes", "no")}
    _attempt(
        request,
        lambda: ratings.rate(
            dossier,
            satisfied=request.POST["satisfied"] == "yes",
            criteria=criteria,
            comment=request.POST.get("comment", "")[: ratings.COMMENT_LIMIT],
            channel="portal",
        ),
        "Cảm ơn bạn đã đánh giá.",
    )
    return redirect("portal:my_dossier", code=code)


@citizen_required
def receipt(request, code):
    """Giấy tiếp nhận và hẹn trả kết quả (form 01) of the citizen's own dossier, once the desk has received it."""
    from motcua.dossiers.printing import render_form

    dossier = own(request, code)
    if dossier.received_at is None:
        raise Http404("Hồ sơ chưa được tiếp nhận.")
    pdf = render_form(1, dossier, base_url=request.build_absolute_uri("/").rstrip("/"))
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="giay-tiep-nhan-{dossier.code}.pdf"'},
    )


@citizen_required
def store(request):
    return render(
        request,
        "portal/store.html",
        {"documents": StoredDocument.objects.filter(owner=request.user).select_related("dossier")},
    )


@citizen_required
def store_download(request, document_id):
    document = get_object_or_404(StoredDocument, pk=document_id, owner=request.user)
    return files.serve(document)


@citizen_required
def result_download(request, code, document_id):
    document = get_object_or_404(own(request, code).documents, pk=document_id, kind="result")
    return files.serve(document)
