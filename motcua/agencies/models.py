"""Administrative units (đơn vị hành chính) before and after the 2025 reform, agencies (cơ quan) and staff roles.

Units are keyed by (era, level, code): the General Statistics Office reused ward codes after 1 July 2025, so a code
alone does not name a unit. Old units point to their successors (full or partial), never rewritten (DOMAIN.md 9).
"""

import datetime as dt
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from motcua.vntext.normalize import fold

REFORM_DATE = dt.date(2025, 7, 1)
AGENCY_CODE_RE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")


def validate_agency_code(value: str) -> None:
    """Mã định danh điện tử V1V2V3.Z1Z2.Y1Y2.MX1X2 (QCVN 102:2016, Decision 20/2020/QĐ-TTg)."""
    if not AGENCY_CODE_RE.match(value or ""):
        raise ValidationError(
            "Mã định danh cơ quan không hợp lệ: '%(value)s' (đúng dạng V1V2V3.Z1Z2.Y1Y2.MX1X2, ví dụ 000.00.12.H62)",
            params={"value": value},
            code="invalid_agency_code",
        )


class Unit(models.Model):
    class Era(models.TextChoices):
        PRE_2025 = "pre2025", "Trước 01/7/2025 (3 cấp)"
        POST_2025 = "post2025", "Từ 01/7/2025 (2 cấp)"

    class Level(models.TextChoices):
        PROVINCE = "province", "Cấp tỉnh"
        DISTRICT = "district", "Cấp huyện"
        COMMUNE = "commune", "Cấp xã"

    era = models.CharField("giai đoạn", max_length=8, choices=Era.choices)
    level = models.CharField("cấp", max_length=8, choices=Level.choices)
    code = models.CharField("mã", max_length=8)
    name = models.CharField("tên", max_length=120)
    full_name = models.CharField("tên đầy đủ", max_length=160)
    kind = models.CharField("loại đơn vị", max_length=60, blank=True)
    name_folded = models.CharField(max_length=160, editable=False, db_index=True)
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children", verbose_name="đơn vị cấp trên"
    )
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    successors = models.ManyToManyField(
        "self", through="UnitSuccession", symmetrical=False, related_name="predecessors", verbose_name="đơn vị kế thừa"
    )

    class Meta:
        verbose_name = "đơn vị hành chính"
        verbose_name_plural = "đơn vị hành chính"
        constraints = [models.UniqueConstraint(fields=["era", "level", "code"], name="unit_era_level_code")]
        indexes = [models.Index(fields=["era", "parent", "name"])]
        ordering = ["era", "code"]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.full_name)
        super().save(*args, **kwargs)


class UnitSuccession(models.Model):
    """Old unit → new unit. "partial": only part of the old unit's territory went to the new one."""

    old = models.ForeignKey(Unit, models.CASCADE, related_name="succession_to")
    new = models.ForeignKey(Unit, models.CASCADE, related_name="succession_from")
    partial = models.BooleanField("một phần", default=False)

    class Meta:
        verbose_name = "kế thừa đơn vị"
        verbose_name_plural = "kế thừa đơn vị"
        constraints = [models.UniqueConstraint(fields=["old", "new"], name="unit_succession_pair")]


class Agency(models.Model):
    class Level(models.TextChoices):
        CENTRAL = "central", "Trung ương"
        PROVINCE = "province", "Cấp tỉnh"
        DEPARTMENT = "department", "Sở, ban, ngành"
        COMMUNE = "commune", "Cấp xã"

    code = models.CharField("mã định danh", max_length=16, unique=True, validators=[validate_agency_code])
    name = models.CharField("tên cơ quan", max_length=255)
    portal_code = models.CharField(
        "mã đơn vị trên Cổng DVCQG",
        max_length=32,
        blank=True,
        db_index=True,
        help_text="departmentCode of the national portal's 766 reports, e.g. H44.15",
    )
    short_name = models.CharField("tên viết tắt", max_length=40, blank=True)
    level = models.CharField("cấp", max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children", verbose_name="cơ quan cấp trên"
    )
    unit = models.ForeignKey(
        Unit, models.PROTECT, null=True, blank=True, related_name="agencies", verbose_name="địa bàn"
    )
    has_one_stop_desk = models.BooleanField("có Bộ phận Một cửa", default=False)
    address = models.CharField("địa chỉ", max_length=255, blank=True)
    phone = models.CharField("điện thoại", max_length=20, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    # Office hours (giờ hành chính, DOMAIN.md 0a): configurable per agency; the deadline engine reads them.
    morning_start = models.TimeField("sáng từ", default=dt.time(7, 30))
    morning_end = models.TimeField("sáng đến", default=dt.time(11, 30))
    afternoon_start = models.TimeField("chiều từ", default=dt.time(13, 0))
    afternoon_end = models.TimeField("chiều đến", default=dt.time(17, 0))
    cutoff = models.TimeField("giờ chốt tiếp nhận trong ngày", default=dt.time(15, 0))
    is_active = models.BooleanField("đang hoạt động", default=True)
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)

    class Meta:
        verbose_name = "cơ quan"
        verbose_name_plural = "cơ quan"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if not (self.morning_start < self.morning_end <= self.afternoon_start < self.afternoon_end):
            raise ValidationError("Giờ làm việc không hợp lệ: buổi sáng phải trước buổi chiều.")
        if not (self.morning_start <= self.cutoff <= self.afternoon_end):
            raise ValidationError("Giờ chốt tiếp nhận phải nằm trong giờ làm việc.")

    def descendant_ids(self) -> list[int]:
        """This agency and every agency below it, walking the tree level by level (one query per level)."""
        ids, frontier = [self.pk], [self.pk]
        while frontier:
            frontier = list(Agency.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
            ids.extend(frontier)
        return ids


class StaffRole(models.Model):
    """Vai trò của cán bộ tại một cơ quan. A person may hold several roles, each scoped to one agency."""

    class Role(models.TextChoices):
        COUNTER_OFFICER = "counter", "Cán bộ tiếp nhận (Một cửa)"
        SPECIALIST = "specialist", "Chuyên viên xử lý"
        HEAD = "head", "Lãnh đạo đơn vị"
        CLERK = "clerk", "Văn thư"
        AGENCY_ADMIN = "agency_admin", "Quản trị cơ quan"
        PROVINCE_MONITOR = "monitor", "Giám sát cấp tỉnh"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="staff_roles", verbose_name="cán bộ"
    )
    agency = models.ForeignKey(Agency, models.CASCADE, related_name="staff_roles", verbose_name="cơ quan")
    role = models.CharField("vai trò", max_length=12, choices=Role.choices)

    class Meta:
        verbose_name = "vai trò cán bộ"
        verbose_name_plural = "vai trò cán bộ"
        constraints = [models.UniqueConstraint(fields=["user", "agency", "role"], name="staff_role_unique")]
        indexes = [models.Index(fields=["agency", "role"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.agency.short_name or self.agency.name}"

    def clean(self):
        if self.user_id and self.user.kind != "staff":
            raise ValidationError("Chỉ tài khoản cán bộ mới được giao vai trò tại cơ quan.")
