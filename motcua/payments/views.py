"""The applicant's payment pages, the gateway's return and IPN, and the receipt (biên lai) PDF."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from motcua.dossiers import shards
from motcua.dossiers.models import Dossier
from motcua.dossiers.printing.pdf import render_pdf
from motcua.vntext.formats import money as vnd

from . import protocol, services
from .models import Payment
from .money import amount_in_words


def _own_dossier(request, code) -> Dossier:
    """The dossier of this code when the logged-in user is its applicant; 404 otherwise (no hint it exists)."""
    return get_object_or_404(
        Dossier.objects.select_related("procedure_version"), code=code, applicant_user=request.user
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def start(request, code):
    """GET: what is owed and a button; POST: a new Payment, then the browser goes to the gateway."""
    dossier = _own_dossier(request, code)
    amount = services.outstanding(dossier)
    error = ""
    if request.method == "POST":
        try:
            _, url = services.start(
                dossier,
                user=request.user,
                ip=request.META.get("REMOTE_ADDR", ""),
                return_url=request.build_absolute_uri(reverse("payments:return")),
            )
            return redirect(url)
        except ValidationError as exc:
            error = " ".join(exc.messages)
    paid = dossier.payments.filter(status=Payment.Status.PAID).order_by("-pay_date")
    return render(
        request,
        "payments/start.html",
        {
            "dossier": dossier,
            "amount": amount,
            "amount_text": vnd(amount),
            "error": error,
            "paid": paid,
            "enabled": services.enabled(),
        },
        status=400 if error else 200,
    )


@never_cache
@require_GET
def gateway_return(request):
    """Where the gateway sends the browser back. Shows the result; changes nothing (the IPN is authoritative)."""
    params = request.GET
    genuine = protocol.verify(params, settings.MOTCUA_VNPAY_SECRET)
    payment = None
    if genuine:
        found = Payment.objects.filter(order_ref=params.get("vnp_TxnRef", ""))
        payment = shards.narrowed(found, joined=("dossier",)).select_related("dossier").first()
    if not genuine or payment is None:
        outcome = "forged"
    else:
        outcome = "paid" if protocol.is_paid(params) else "declined"
    amount = int(params.get("vnp_Amount") or 0) // 100 if genuine else 0
    return render(
        request,
        "payments/result.html",
        {
            "outcome": outcome,
            "payment": payment,
            "amount_text": vnd(amount),
            "reason": protocol.response_text(params.get("vnp_ResponseCode", "")),
            "transaction_no": params.get("vnp_TransactionNo", "") if genuine else "",
            "owner": payment is not None and payment.dossier.applicant_user_id == request.user.pk,
        },
        status=400 if outcome == "forged" else 200,
    )


@never_cache
@require_GET
def ipn(request):
    """Instant Payment Notification: the gateway's server calls this (GET, signed) and reads the JSON answer."""
    return JsonResponse(services.take_ipn(request.GET))


@never_cache
@login_required
@require_GET
def receipt(request, order_ref):
    """Biên lai: the PDF of a paid online payment, for the dossier's applicant only."""
    payment = get_object_or_404(
        shards.narrowed(Payment.objects.filter(order_ref=order_ref), joined=("dossier",)).select_related(
            "dossier__receiving_agency"
        ),
        dossier__applicant_user=request.user,
    )
    if payment.status != Payment.Status.PAID:
        raise Http404("Giao dịch chưa được thanh toán.")
    dossier = payment.dossier
    pdf = render_pdf(
        "payments/receipt.html",
        {
            "title": "Biên lai thanh toán phí, lệ phí trực tuyến",
            "payment": payment,
            "dossier": dossier,
            "agency_name": dossier.receiving_agency.name.upper(),
            "amount_text": vnd(payment.amount),
            "amount_words": amount_in_words(payment.amount),
            "pay_date": payment.pay_date,
            "procedure": dossier.procedure_version.name,
            "tmn_code": settings.MOTCUA_VNPAY_TMN_CODE,
        },
    )
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="bien-lai-{payment.order_ref}.pdf"'},
    )
