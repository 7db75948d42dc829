"""Starting a payment and taking the gateway's IPN: the only code that writes Payment rows."""

import logging
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from motcua.dossiers import lifecycle, shards
from motcua.dossiers.models import Dossier
from motcua.dossiers.states import FINISHED, PaymentStatus

from . import protocol
from .models import Payment

log = logging.getLogger(__name__)


def enabled() -> bool:
    return bool(settings.MOTCUA_VNPAY_URL and settings.MOTCUA_VNPAY_TMN_CODE and settings.MOTCUA_VNPAY_SECRET)


def outstanding(dossier: Dossier) -> int:
    """What the applicant still has to pay online: the fee, unless paid, nothing to pay, or the dossier is over."""
    if dossier.payment_status in (PaymentStatus.PAID, PaymentStatus.PAID_ONLINE) or dossier.state in FINISHED:
        return 0
    return dossier.fee_total or 0


def order_info(dossier: Dossier) -> str:
    """vnp_OrderInfo: Vietnamese without tone marks or special characters (the gateway's rule)."""
    return f"Thanh toan phi ho so {dossier.code}"


def new_reference() -> str:
    return timezone.localtime().strftime("%y%m%d") + secrets.token_hex(5).upper()


def start(dossier: Dossier, *, user, ip: str, return_url: str) -> tuple[Payment, str]:
    """A Payment for the outstanding fee and the signed gateway URL to send the applicant's browser to."""
    amount = outstanding(dossier)
    if not enabled():
        raise ValidationError("Chưa cấu hình cổng thanh toán trực tuyến.")
    if not amount:
        raise ValidationError("Hồ sơ không còn khoản phí, lệ phí nào phải nộp.")
    for _ in range(3):
        try:
            with transaction.atomic():
                payment = Payment.objects.create(
                    dossier=dossier, order_ref=new_reference(), amount=amount, created_by=user
                )
            break
        except IntegrityError:  # the same 40-bit reference twice: draw again
            continue
    else:
        raise ValidationError("Không tạo được mã giao dịch, vui lòng thử lại.")
    params = protocol.payment_params(
        tmn_code=settings.MOTCUA_VNPAY_TMN_CODE,
        amount=amount,
        reference=payment.order_ref,
        info=order_info(dossier),
        return_url=return_url,
        ip=ip,
        created=timezone.now(),
        expire_minutes=settings.MOTCUA_VNPAY_EXPIRE_MINUTES,
    )
    return payment, protocol.payment_url(settings.MOTCUA_VNPAY_URL, params, settings.MOTCUA_VNPAY_SECRET)


def take_ipn(params) -> dict:
    """The merchant's answer to one IPN, checked in the gateway's order: signature, order, amount, not yet done.

    The Payment row is locked and updated in the same transaction as the dossier (lifecycle), so a duplicate IPN
    arriving at the same time waits and then sees "already confirmed".
    """
    params = {key: params.get(key) for key in params}
    if (
        not protocol.verify(params, settings.MOTCUA_VNPAY_SECRET)
        or params.get("vnp_TmnCode") != settings.MOTCUA_VNPAY_TMN_CODE
    ):
        return protocol.IPN_BAD_SIGNATURE
    with transaction.atomic():
        found = Payment.objects.filter(order_ref=params.get("vnp_TxnRef") or "")
        payment = shards.narrowed(found).select_for_update().first()
        if payment is None:
            return protocol.IPN_NOT_FOUND
        if str(params.get("vnp_Amount")) != str(payment.amount * 100):
            return protocol.IPN_BAD_AMOUNT
        if payment.status != Payment.Status.CREATED:
            return protocol.IPN_ALREADY
        _apply(payment, params)
    return protocol.IPN_OK


def _apply(payment: Payment, params: dict) -> None:
    payment.raw_ipn = params
    payment.transaction_no = params.get("vnp_TransactionNo") or ""
    payment.bank_code = params.get("vnp_BankCode") or ""
    payment.response_code = params.get("vnp_ResponseCode") or ""
    payment.pay_date = protocol.parse_stamp(params.get("vnp_PayDate") or "") or timezone.now()
    if not protocol.is_paid(params):
        payment.status = Payment.Status.FAILED
        payment.note = protocol.response_text(payment.response_code)
        payment.save()
        return
    payment.status = Payment.Status.PAID
    try:
        with transaction.atomic():  # a savepoint: the money is taken even if the dossier can no longer take it
            lifecycle.record_online_payment(
                payment.dossier_id, amount=payment.amount, reference=payment.order_ref, at=payment.pay_date
            )
    except (ValidationError, ValueError) as exc:
        message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        payment.note = f"Đã nhận tiền nhưng chưa ghi vào hồ sơ: {message} Cần xử lý thủ công (hoàn tiền)."
        log.warning("payment %s: %s", payment.order_ref, payment.note)
    payment.save()
