"""What motcua sends the national public-service portal (DVCQG) and what it knows DVCQG holds (docs/national.md).

`SyncItem` is the outbox: one row per event of a received dossier, written in the action's transaction by the
lifecycle's subscriber (outbox.py) and delivered after commit by `motcua dvcqg send` (sender.py). `DossierSync` is
what DVCQG was last told of a dossier. `StatusCode` maps motcua's states to DVCQG's TrangThaiHoSo 1-10 by date.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from motcua.dossiers.models import Dossier, Event
from motcua.dossiers.shards import DossierLink, OfDossier
from motcua.dossiers.states import State


class StatusCode(models.Model):
    """From `valid_from` on, a dossier in `state` is TrangThaiHoSo `code` on DVCQG. A change of the national code
    list is a new row with its date, never an edit: what was sent before it stays explained."""

    state = models.CharField("trạng thái trong hệ thống", max_length=20, choices=State.choices)
    code = models.PositiveSmallIntegerField(
        "TrangThaiHoSo trên Cổng DVCQG", validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    valid_from = models.DateField("áp dụng từ ngày")

    class Meta:
        verbose_name = "mã trạng thái DVCQG"
        verbose_name_plural = "bảng mã trạng thái DVCQG"
        ordering = ["state", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["state", "valid_from"], name="status_code_state_from"),
            models.CheckConstraint(condition=models.Q(code__gte=1, code__lte=10), name="status_code_1_10"),
        ]

    def __str__(self) -> str:
        return f"{self.get_state_display()} → {self.code} (từ {self.valid_from:%d/%m/%Y})"


class SyncItem(OfDossier):
    """One event of a dossier to tell DVCQG: the dossier as it is when sent (upsert by MaHoSo) and, for an event
    that moves the dossier, its progress row. A dossier's rows are sent in their order, by one sender at a time."""

    class Status(models.TextChoices):
        PENDING = "pending", "Chờ gửi"
        SENT = "sent", "Đã gửi"
        FAILED = "failed", "Gửi không thành công"

    dossier = DossierLink(Dossier, models.CASCADE, related_name="national_items", verbose_name="hồ sơ")
    event = models.ForeignKey(Event, models.CASCADE, related_name="+", verbose_name="sự kiện")
    progress = models.BooleanField("có dòng tiến độ", default=True)
    status = models.CharField("trạng thái", max_length=7, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField("số lần gửi", default=0)
    last_error = models.TextField("lỗi gần nhất", blank=True)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    next_attempt_at = models.DateTimeField("gửi lúc", null=True, blank=True)
    # a sender holds the dossier's rows until then; one killed mid-send lets the next take them after it
    claimed_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField("gửi thành công lúc", null=True, blank=True)
    sent_row = models.JSONField("dòng tiến độ đã gửi", default=dict, blank=True)

    class Meta:
        verbose_name = "mục đồng bộ DVCQG"
        verbose_name_plural = "hàng đợi đồng bộ DVCQG"
        ordering = ["dossier_id", "id"]
        constraints = [models.UniqueConstraint(fields=["event"], name="sync_item_event")]
        indexes = [
            # the sender's look-up of what is due, and the operator's failed list: never the sent rows
            models.Index(
                fields=["next_attempt_at", "id"], condition=models.Q(status="pending"), name="sync_item_pending"
            ),
            models.Index(fields=["dossier", "id"], condition=models.Q(status="failed"), name="sync_item_failed"),
            models.Index(fields=["dossier", "id"], name="sync_item_dossier"),
            models.Index(fields=["receiving_agency", "created_at"], name="sync_item_agency_day"),
        ]


class DossierSync(OfDossier):
    """What DVCQG was last told of one dossier (its record as sent), and when reconciliation last found it there."""

    dossier = models.OneToOneField(Dossier, models.CASCADE, related_name="national_sync", verbose_name="hồ sơ")
    national_code = models.CharField("MaHoSo trên Cổng DVCQG", max_length=40)
    status_code = models.PositiveSmallIntegerField("TrangThaiHoSo đã gửi")
    record = models.JSONField("bản ghi đã gửi", default=dict)
    sent_at = models.DateTimeField("gửi lúc")
    confirmed_at = models.DateTimeField("đối soát thấy trên Cổng lúc", null=True, blank=True)

    class Meta:
        verbose_name = "hồ sơ đã đồng bộ DVCQG"
        verbose_name_plural = "hồ sơ đã đồng bộ DVCQG"


class Reconciliation(models.Model):
    """One run of the daily reconciliation (`motcua dvcqg reconcile`): what TraCuuHoSo was asked and what it said
    differently from motcua, for the operator's page."""

    ran_at = models.DateTimeField("đối soát lúc", auto_now_add=True)
    checked = models.PositiveIntegerField("số hồ sơ tra cứu", default=0)
    confirmed = models.PositiveIntegerField("khớp", default=0)
    differences = models.JSONField("chênh lệch", default=list, help_text='[{"MaHoSo": …, "what": …}]')
    error = models.TextField("lỗi", blank=True)

    class Meta:
        verbose_name = "lần đối soát DVCQG"
        verbose_name_plural = "các lần đối soát DVCQG"
        ordering = ["-ran_at"]


class InboundDossier(models.Model):
    """A dossier submitted on DVCQG (MaHoSoQG) and the dossier it became here: one row per national code, on the
    coordinator (the code is unique across the province, which a distributed table cannot promise), kept as numbers
    like dossiers.ResultCheck. A second push of the code finds it and makes no second dossier."""

    national_code = models.CharField("MaHoSoQG", max_length=40, unique=True)
    dossier_id = models.BigIntegerField("hồ sơ", unique=True)
    receiving_agency_id = models.BigIntegerField("nơi tiếp nhận")
    received_at = models.DateTimeField("nhận từ Cổng lúc", auto_now_add=True)
    pushes = models.PositiveIntegerField("số lần Cổng gửi", default=1)

    class Meta:
        verbose_name = "hồ sơ nộp trên Cổng DVCQG"
        verbose_name_plural = "hồ sơ nộp trên Cổng DVCQG"


class ProcedureMapping(models.Model):
    """A national procedure code (MaTTHC) that is not, or not only, a code of the local catalogue: which local
    procedure a dossier submitted on DVCQG under it belongs to. Without a row, the code itself is looked up."""

    national_code = models.CharField("mã thủ tục trên Cổng DVCQG", max_length=40, unique=True)
    procedure = models.ForeignKey(
        "catalog.Procedure", models.CASCADE, related_name="+", verbose_name="thủ tục trong danh mục của tỉnh"
    )

    class Meta:
        verbose_name = "ánh xạ mã thủ tục DVCQG"
        verbose_name_plural = "ánh xạ mã thủ tục DVCQG"

    def __str__(self) -> str:
        return f"{self.national_code} → {self.procedure.code}"


class MappingGap(models.Model):
    """A national procedure code DVCQG sent a dossier under that the catalogue could not place: for an
    administrator to map (admin "Ánh xạ mã thủ tục DVCQG"); the dossier was refused with the reason."""

    national_code = models.CharField("mã thủ tục trên Cổng DVCQG", max_length=40, unique=True)
    name = models.TextField("tên thủ tục Cổng gửi", blank=True)
    refused = models.PositiveIntegerField("số hồ sơ bị từ chối", default=0)
    last_seen = models.DateTimeField("gần nhất", auto_now=True)

    class Meta:
        verbose_name = "mã thủ tục DVCQG chưa ánh xạ"
        verbose_name_plural = "mã thủ tục DVCQG chưa ánh xạ"
        ordering = ["-last_seen"]
