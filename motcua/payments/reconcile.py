"""Đối soát: our Payment rows of one day against the gateway's transaction list of that day.

The day is the gateway's vnp_PayDate (Vietnam time). A mismatch is a transaction missing on either side, or one
whose amount or outcome differs. Attempts that never reached the gateway (status "created") are not mismatches.
"""

import datetime as dt
import json
import urllib.request
from dataclasses import dataclass

from django.conf import settings

from motcua.vntext.formats import money as vnd

from . import protocol
from .models import Payment
from .sandbox import transactions_query


@dataclass
class Mismatch:
    order_ref: str
    text: str

    def __str__(self) -> str:
        return f"{self.order_ref}: {self.text}"


def fetch(date: dt.date) -> list[dict]:
    """The gateway's transactions of `date` (GET, signed with the merchant secret)."""
    query = transactions_query(settings.MOTCUA_VNPAY_TMN_CODE, settings.MOTCUA_VNPAY_SECRET, f"{date:%Y%m%d}")
    with urllib.request.urlopen(
        f"{settings.MOTCUA_VNPAY_TRANSACTIONS_URL}?{query}", timeout=settings.MOTCUA_VNPAY_TIMEOUT
    ) as response:
        return json.loads(response.read().decode("utf-8"))


def ours(date: dt.date) -> dict[str, Payment]:
    start = dt.datetime.combine(date, dt.time.min, tzinfo=protocol.VN_TZ)
    rows = (
        Payment.objects.filter(pay_date__gte=start, pay_date__lt=start + dt.timedelta(days=1))
        .exclude(status=Payment.Status.CREATED)
        .order_by("order_ref")
    )
    return {payment.order_ref: payment for payment in rows}


def compare(date: dt.date, gateway: list[dict]) -> list[Mismatch]:
    local = ours(date)
    theirs = {row["vnp_TxnRef"]: row for row in gateway}
    found = []
    for ref in sorted(set(local) | set(theirs)):
        payment, row = local.get(ref), theirs.get(ref)
        if row is None:
            found.append(
                Mismatch(
                    ref,
                    f"có trong hệ thống ({payment.get_status_display().lower()}, "
                    f"{vnd(payment.amount)}) nhưng cổng thanh toán không có giao dịch này",
                )
            )
            continue
        paid = protocol.is_paid(row)
        amount = int(row.get("vnp_Amount") or 0) // 100
        if payment is None:
            outcome = "thành công" if paid else "không thành công"
            found.append(
                Mismatch(ref, f"cổng thanh toán có giao dịch {outcome} {vnd(amount)} nhưng hệ thống không ghi nhận")
            )
            continue
        if amount != payment.amount:
            found.append(
                Mismatch(ref, f"số tiền khác nhau: hệ thống {vnd(payment.amount)}, cổng thanh toán {vnd(amount)}")
            )
        if paid != (payment.status == Payment.Status.PAID):
            found.append(
                Mismatch(
                    ref,
                    f"trạng thái khác nhau: hệ thống “{payment.get_status_display()}”, cổng "
                    f"thanh toán “{'thành công' if paid else 'không thành công'}”",
                )
            )
    return found
