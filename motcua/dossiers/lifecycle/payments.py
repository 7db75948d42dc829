"""Fees paid online through the payment gateway (DOMAIN.md 1.9, 3.2; docs/payments.md).

`record_online_payment` is a *system* action: nobody clicks it. It runs when the gateway's IPN (server-to-server
call, signature verified with the merchant secret, amount checked against our order) says the money was taken.
There is no user actor because no officer saw the money and none should be able to claim it: the proof is the
gateway's signed message, kept on the Payment row and referenced in the event. So the permission check of `load`
(a role at an agency) does not apply; only the transition is checked (transitions.SYSTEM_TABLE).
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from ..states import PaymentStatus, State
from .core import Ref, lock, now, record

ACTION = "record_online_payment"


@transaction.atomic
def record_online_payment(dossier: Ref, *, amount: int, reference: str, at=None):
    """Ghi nhận phí, lệ phí đã nộp trực tuyến: payment_status → paid_online, one "payment_confirmed" event.

    Allowed before receipt (the fee paid with the online submission) and while the dossier is open; when it was
    awaiting the financial obligation it goes back to processing, as `confirm_payment` does.
    """
    at = now(at)
    dossier, _ = lock(dossier, ACTION)
    if dossier.payment_status in (PaymentStatus.PAID, PaymentStatus.PAID_ONLINE):
        raise ValidationError("Hồ sơ đã được ghi nhận nộp phí, lệ phí trước đó.")
    if not dossier.fee_total or int(amount) != dossier.fee_total:
        raise ValidationError(f"Số tiền đã nộp ({int(amount)} đồng) khác số phải nộp ({dossier.fee_total} đồng).")
    target = State.IN_PROGRESS if dossier.state == State.AWAITING_PAYMENT else None
    dossier.payment_status = PaymentStatus.PAID_ONLINE
    record(
        dossier,
        "payment_confirmed",
        None,
        at,
        to_state=target,
        note="Nộp qua cổng thanh toán trực tuyến",
        data={"online": True, "reference": reference, "amount": int(amount)},
    )
    return dossier
