"""One online payment attempt of a dossier's fee through the gateway, and what the gateway told us about it."""

from django.conf import settings
from django.db import models

from motcua.dossiers.shards import DossierLink, OfDossier


class Payment(OfDossier):
    class Status(models.TextChoices):
        CREATED = "created", "Chờ thanh toán"
        PAID = "paid", "Đã thanh toán"
        FAILED = "failed", "Không thành công"

    dossier = DossierLink("dossiers.Dossier", models.PROTECT, related_name="payments")
    order_ref = models.CharField("mã giao dịch (vnp_TxnRef)", max_length=40, unique=True)
    amount = models.PositiveIntegerField("số tiền (đồng)")
    status = models.CharField("trạng thái", max_length=8, choices=Status.choices, default=Status.CREATED)
    transaction_no = models.CharField("mã giao dịch tại cổng (vnp_TransactionNo)", max_length=40, blank=True)
    bank_code = models.CharField("ngân hàng", max_length=20, blank=True)
    response_code = models.CharField("mã phản hồi", max_length=4, blank=True)
    pay_date = models.DateTimeField("thời điểm thanh toán", null=True, blank=True)
    note = models.TextField("ghi chú", blank=True)  # e.g. paid, but the dossier could not take it (withdrawn)
    raw_ipn = models.JSONField("tham số IPN", default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "giao dịch thanh toán"
        verbose_name_plural = "giao dịch thanh toán"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["pay_date"], name="payment_pay_date"),  # reconciliation by the gateway's date
            models.Index(fields=["created_at"], name="payment_created"),  # attempts that never came back
            models.Index(fields=["dossier", "status"], name="payment_dossier_status"),
        ]

    def __str__(self) -> str:
        return f"{self.order_ref} ({self.amount} đồng, {self.get_status_display()})"
