"""Bảng điều chỉnh lịch làm việc: the dates an administrator sets each year on top of the `holidays` package."""

from django.db import models

from motcua.workdays import calendar


class CalendarOverride(models.Model):
    """Ngày điều chỉnh lịch làm việc (ngày lễ, nghỉ hoán đổi, làm bù) với căn cứ pháp lý."""

    class Kind(models.TextChoices):
        HOLIDAY = calendar.HOLIDAY, "Ngày nghỉ lễ, Tết"
        SWAPPED_OFF = calendar.SWAPPED_OFF, "Ngày nghỉ hoán đổi"
        MAKEUP_WORKDAY = calendar.MAKEUP_WORKDAY, "Ngày làm bù"

    date = models.DateField("ngày", unique=True)
    kind = models.CharField("loại", max_length=16, choices=Kind.choices)
    name = models.CharField("tên, lý do", max_length=200, blank=True)
    legal_basis = models.CharField("căn cứ pháp lý", max_length=255, blank=True)
    created = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "ngày điều chỉnh lịch làm việc"
        verbose_name_plural = "ngày điều chỉnh lịch làm việc"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} – {self.get_kind_display()}" + (f": {self.name}" if self.name else "")

    def to_override(self) -> calendar.Override:
        return calendar.Override(self.date, self.kind, self.name, self.legal_basis)
