"""Accounts: one user table for staff (cán bộ), citizens (công dân) and businesses (doanh nghiệp).

Staff roles are scoped to an agency and live in `agencies.StaffRole`; a citizen or business account never holds one.
An ID number typed at registration proves nothing: `id_verified` tells the numbers the e-ID (VNeID) vouched for, and
at most one account holds a given verified number (docs/accounts.md).
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q


class User(AbstractUser):
    class Kind(models.TextChoices):
        STAFF = "staff", "Cán bộ, công chức"
        CITIZEN = "citizen", "Công dân"
        BUSINESS = "business", "Doanh nghiệp, tổ chức"

    kind = models.CharField("loại tài khoản", max_length=10, choices=Kind.choices, default=Kind.CITIZEN)
    full_name = models.CharField("họ và tên", max_length=200, blank=True)
    phone = models.CharField("số điện thoại", max_length=15, blank=True)
    id_number = models.CharField("số định danh cá nhân", max_length=12, blank=True, db_index=True)
    tax_code = models.CharField("mã số thuế", max_length=14, blank=True)
    # No lockout columns: wrong passwords cost growing delays counted in the shared cache (throttle.py).
    # Last login through the national identity provider (VNeID / DVCQG); reported to DVCQG by QĐ 766.
    vneid_verified_at = models.DateTimeField("xác thực qua VNeID lúc", null=True, blank=True)
    # True only when the e-ID vouched for id_number (sign-in or linking); a typed number stays False.
    id_verified = models.BooleanField("số định danh đã xác thực qua VNeID", default=False)
    # The provider's `sub` for this person: the key an e-ID sign-in looks up first.
    vneid_subject = models.CharField("mã tài khoản VNeID (sub)", max_length=255, null=True, blank=True, unique=True)
    # When a one-time code sent to the address or number proved the person receives it (otp.py).
    email_verified_at = models.DateTimeField("xác nhận e-mail lúc", null=True, blank=True)
    phone_verified_at = models.DateTimeField("xác nhận số điện thoại lúc", null=True, blank=True)

    class Meta:
        verbose_name = "tài khoản"
        verbose_name_plural = "tài khoản"
        constraints = [
            # Unverified duplicates are allowed (a typed number proves nothing); a verified number is one person's.
            models.UniqueConstraint(
                fields=["id_number"],
                condition=Q(id_verified=True) & ~Q(id_number=""),
                name="user_verified_id_number_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.username


class OneTimeCode(models.Model):
    """Mã xác nhận một lần: a 6-digit code sent by SMS or e-mail to prove a person receives at that contact.

    Only an HMAC of the code is kept (with a per-row salt), and only a digest of the destination plus a masked hint;
    the rules (expiry, tries, single use, resend throttle) live in `otp.py`.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", "Thư điện tử"
        SMS = "sms", "Tin nhắn SMS"

    purpose = models.CharField("mục đích", max_length=30)
    channel = models.CharField("kênh", max_length=5, choices=Channel.choices)
    destination_digest = models.CharField("mã băm nơi nhận", max_length=64)
    destination_hint = models.CharField("nơi nhận (che bớt)", max_length=80)
    salt = models.CharField(max_length=32)
    code_hash = models.CharField("mã băm của mã xác nhận", max_length=64)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    expires_at = models.DateTimeField("hết hạn lúc")
    last_sent_at = models.DateTimeField("gửi gần nhất lúc", null=True, blank=True)
    sends = models.PositiveSmallIntegerField("số lần gửi", default=0)
    failed_attempts = models.PositiveSmallIntegerField("số lần nhập sai", default=0)
    used_at = models.DateTimeField("đã dùng lúc", null=True, blank=True)

    class Meta:
        verbose_name = "mã xác nhận một lần"
        verbose_name_plural = "mã xác nhận một lần"
        indexes = [models.Index(fields=["destination_digest", "last_sent_at"], name="otp_destination_sent")]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.destination_hint} ({self.purpose})"
