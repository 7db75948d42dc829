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


class SigningKey(models.Model):
    """What signs for someone: an official's personal certificate (`owner` set) or an agency's seal certificate
    (`owner` empty), held either as a PKCS#12 file or as an account at a remote signing service (ký số từ xa).

    The PKCS#12 file and its password, and the remote account's password, are kept only encrypted (`vault`): the
    file is never shown or served again after upload. What the certificate says (holder, title, organisation,
    period) is copied out for the pages. A new key of the same holder retires the old one (`active`); an old key is
    kept, as the evidence of past signatures names it."""

    class Kind(models.TextChoices):
        PKCS12 = "pkcs12", "Tệp chứng thư số (.p12)"
        REMOTE = "remote", "Ký số từ xa"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="signing_keys",
        verbose_name="người ký",
    )
    agency = models.ForeignKey("agencies.Agency", models.PROTECT, related_name="signing_keys", verbose_name="cơ quan")
    kind = models.CharField("loại", max_length=8, choices=Kind.choices)
    sealed = models.BinaryField("dữ liệu đã mã hóa", editable=False)
    # the image stamped with the signature (Decree 30/2020 Annex I: the signer's signature, blue; the agency's seal,
    # red, actual size), a transparent PNG re-encoded at upload; empty: the stand-in of signing/images.py
    image = models.BinaryField("ảnh chữ ký hoặc con dấu (PNG)", blank=True, default=b"")
    remote_user = models.CharField("tài khoản ký số từ xa", max_length=64, blank=True)
    credential_id = models.CharField("mã chứng thư ở dịch vụ ký từ xa", max_length=128, blank=True)
    holder = models.CharField("chủ thể chứng thư", max_length=300)
    title = models.CharField("chức danh", max_length=200, blank=True)
    organisation = models.CharField("tổ chức", max_length=300, blank=True)
    issuer = models.CharField("tổ chức cấp", max_length=300)
    serial = models.CharField("số hiệu", max_length=64)
    valid_to = models.DateTimeField("hiệu lực đến")
    active = models.BooleanField("đang dùng", default=True)
    added_at = models.DateTimeField("thêm lúc", auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="người thêm"
    )

    class Meta:
        verbose_name = "khóa ký số"
        verbose_name_plural = "khóa ký số"
        ordering = ["-added_at"]
        constraints = [
            # one key in use per official at an agency, and one seal per agency
            models.UniqueConstraint(
                fields=["owner", "agency"], condition=models.Q(active=True), name="signingkey_one_active"
            ),
            models.UniqueConstraint(
                fields=["agency"], condition=models.Q(active=True, owner=None), name="signingkey_one_seal"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.holder} ({self.get_kind_display()})"


class Layout(models.Model):
    """Where things go on a result of one template (mẫu trình bày kết quả): the number and date line on the first
    page, the leader's signature box and the seal's on the signing page, in points (1/72 inch) from the page's
    bottom left for the boxes, from its top left for the number line. An administrator adds one per result
    template whose signature block sits elsewhere; the specialist picks it when sending the result for signing."""

    name = models.CharField("tên mẫu", max_length=120, unique=True)
    is_default = models.BooleanField("mẫu mặc định", default=False)
    signature_page = models.SmallIntegerField("trang ký", default=-1, help_text="0: trang đầu, -1: trang cuối")
    person_x1 = models.PositiveSmallIntegerField("ô chữ ký lãnh đạo: x trái", default=340)
    person_y1 = models.PositiveSmallIntegerField("ô chữ ký lãnh đạo: y dưới", default=345)
    person_x2 = models.PositiveSmallIntegerField("ô chữ ký lãnh đạo: x phải", default=500)
    person_y2 = models.PositiveSmallIntegerField("ô chữ ký lãnh đạo: y trên", default=405)
    seal_x1 = models.PositiveSmallIntegerField("ô con dấu: x trái", default=300)
    seal_y1 = models.PositiveSmallIntegerField("ô con dấu: y dưới", default=325)
    seal_x2 = models.PositiveSmallIntegerField("ô con dấu: x phải", default=400)
    seal_y2 = models.PositiveSmallIntegerField("ô con dấu: y trên", default=425)
    number_x = models.PositiveSmallIntegerField("dòng số, ngày: cách mép trái", default=60)
    number_y = models.PositiveSmallIntegerField("dòng số, ngày: cách mép trên", default=118)

    class Meta:
        verbose_name = "mẫu trình bày kết quả"
        verbose_name_plural = "mẫu trình bày kết quả"
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=models.Q(is_default=True), name="layout_one_default"
            ),
            models.CheckConstraint(
                condition=models.Q(person_x1__lt=models.F("person_x2"), person_y1__lt=models.F("person_y2"))
                & models.Q(seal_x1__lt=models.F("seal_x2"), seal_y1__lt=models.F("seal_y2")),
                name="layout_boxes_not_empty",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def default(cls) -> "Layout":
        """The default layout: the one marked, else the first, else the built-in A4 one (not saved)."""
        return cls.objects.order_by("-is_default", "pk").first() or cls(name="A4 dọc (mặc định)", is_default=True)
