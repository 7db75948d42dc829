from django.conf import settings
from django.db import models


class TrustAnchor(models.Model):
    """A certificate signatures are judged against: a root (NEAC's G2 and G3, the Government CA's G1 and G2) or an
    intermediate a validator must already hold (Government CA PDFs embed only the signer's certificate). Added by
    an administrator as data, pinned by its SHA-256, never edited or removed: an old root still judges old results
    (../shared/SIGNING.md §3, "What motcua must do" 4)."""

    class Kind(models.TextChoices):
        ROOT = "root", "Chứng thư gốc"
        INTERMEDIATE = "intermediate", "Chứng thư trung gian"

    sha256 = models.CharField("SHA-256", max_length=64, unique=True)
    kind = models.CharField("loại", max_length=12, choices=Kind.choices)
    subject = models.CharField("chủ thể", max_length=500)
    issuer = models.CharField("tổ chức cấp", max_length=500)
    valid_from = models.DateTimeField("hiệu lực từ")
    valid_to = models.DateTimeField("hiệu lực đến")
    der = models.BinaryField("chứng thư (DER)")
    note = models.CharField("ghi chú (nguồn, ngày tải)", max_length=300, blank=True)
    added_at = models.DateTimeField("thêm lúc", auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="người thêm"
    )

    class Meta:
        verbose_name = "chứng thư tin cậy"
        verbose_name_plural = "kho chứng thư tin cậy"
        ordering = ["kind", "subject"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject}"
