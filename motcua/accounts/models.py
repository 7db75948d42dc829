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
    # Login lockout (docs/accounts.md): failures since the last success; the account refuses logins until then.
    failed_logins = models.PositiveSmallIntegerField("số lần đăng nhập sai liên tiếp", default=0)
    locked_until = models.DateTimeField("khóa đăng nhập đến", null=True, blank=True)
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
            models.UniqueConstraint(fields=["id_number"], condition=Q(id_verified=True) & ~Q(id_number=""),
                                    name="user_verified_id_number_unique"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.username

