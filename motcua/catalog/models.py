"""Procedure catalogue (danh mục thủ tục hành chính), versioned.

A `Procedure` is the identity (national code). Its content lives in `ProcedureVersion`s: a published version is
frozen (DESIGN.md principle 3) and a dossier keeps the version it was filed under; an edit makes a new draft.
The procedure row carries a copy of what the public list filters and sorts on (name, field, level, online level),
refreshed on publication, so the catalogue list never joins the version tables.
"""

from django.core.exceptions import ValidationError
from django.db import models

from motcua.vntext.normalize import fold, nfc

from . import version_flags


class Field(models.Model):
    """Lĩnh vực: the sector a procedure belongs to."""

    name = models.CharField("tên lĩnh vực", max_length=255, unique=True)
    code = models.CharField("mã lĩnh vực", max_length=20, blank=True)
    name_folded = models.CharField(max_length=255, editable=False)

    class Meta:
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)


class Level(models.TextChoices):
    CENTRAL = "central", "Cấp bộ, trung ương"
    PROVINCE = "province", "Cấp tỉnh"
    DISTRICT = "district", "Cấp huyện (trước 01/7/2025)"
    COMMUNE = "commune", "Cấp xã"
    OTHER = "other", "Khác"


LEVELS_HELP = "mã cấp, bọc bởi dấu phẩy để lọc bằng một phép so khớp: ,province,commune,"


def levels_value(levels) -> str:
    return "," + ",".join(levels) + "," if levels else ""


def levels_list(value: str) -> list[str]:
    return [code for code in value.strip(",").split(",") if code]


class OnlineLevel(models.TextChoices):
    FULL = "full", "Toàn trình"
    PARTIAL = "partial", "Một phần"
    NONE = "none", "Không trực tuyến"


class Procedure(models.Model):
    code = models.CharField("mã thủ tục", max_length=40, unique=True)
    current = models.ForeignKey(
        "ProcedureVersion",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="phiên bản đang áp dụng",
    )
    # Copied from the current published version (see ProcedureVersion.publish) for the list and its filters.
    name = models.TextField("tên thủ tục", blank=True)
    name_folded = models.TextField(editable=False, blank=True)
    field = models.ForeignKey(
        Field, models.PROTECT, null=True, blank=True, related_name="procedures", verbose_name="lĩnh vực"
    )
    levels = models.CharField("cấp thực hiện", max_length=40, blank=True, help_text=LEVELS_HELP)
    online_level = models.CharField(
        "mức độ trực tuyến", max_length=8, choices=OnlineLevel.choices, default=OnlineLevel.NONE
    )
    agencies = models.ManyToManyField(
        "agencies.Agency", blank=True, related_name="procedures", verbose_name="cơ quan thực hiện"
    )
    is_published = models.BooleanField("đang công khai", default=False)

    class Meta:
        verbose_name = "thủ tục hành chính"
        verbose_name_plural = "thủ tục hành chính"
        ordering = ["code"]
        indexes = [
            models.Index(fields=["is_published", "field"]),
            models.Index(fields=["is_published", "online_level"]),
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"

    def get_levels_display(self) -> str:
        return ", ".join(Level(code).label for code in levels_list(self.levels))


class ProcedureVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Dự thảo"
        PUBLISHED = "published", "Đã công bố"
        RETIRED = "retired", "Hết hiệu lực"

    procedure = models.ForeignKey(Procedure, models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("phiên bản")
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField("công bố lúc", null=True, blank=True)
    name = models.TextField("tên thủ tục")
    field = models.ForeignKey(Field, models.PROTECT, null=True, blank=True, verbose_name="lĩnh vực")
    levels = models.CharField("cấp thực hiện", max_length=40, blank=True, help_text=LEVELS_HELP)
    level_text = models.CharField("cấp thực hiện (nguyên văn)", max_length=255, blank=True)
    decision_number = models.CharField("số quyết định công bố", max_length=255, blank=True)
    kind = models.CharField("loại thủ tục", max_length=255, blank=True)
    applicant_types = models.JSONField("đối tượng thực hiện", default=list, blank=True)
    competent_agency = models.TextField("cơ quan có thẩm quyền", blank=True)
    implementing_agency = models.TextField("cơ quan thực hiện", blank=True)
    receiving_address = models.TextField("địa chỉ tiếp nhận", blank=True)
    coordinating_agency = models.TextField("cơ quan phối hợp", blank=True)
    steps = models.TextField("trình tự thực hiện", blank=True)
    conditions = models.TextField("yêu cầu, điều kiện", blank=True)
    results = models.JSONField("kết quả thực hiện", default=list, blank=True)
    legal_basis = models.JSONField("căn cứ pháp lý", default=list, blank=True)
    online_level = models.CharField(
        "mức độ trực tuyến", max_length=8, choices=OnlineLevel.choices, default=OnlineLevel.NONE
    )
    form_schema = models.JSONField("biểu mẫu điện tử (JSON Schema)", null=True, blank=True)
    # A version whose channels state no processing time takes no dossier (no due moment, never late, never
    # counted) unless an official marks that the law sets none (issue 10, docs/catalog.md).
    no_time_limit = models.BooleanField("pháp luật không quy định thời hạn giải quyết", default=False)
    # What an import changed against the version current when it was imported (documents, deadline, fees).
    import_report = models.JSONField(
        "khác biệt so với phiên bản đang áp dụng", default=dict, blank=True, editable=False
    )
    # What the scorecard asks of a published version (version_flags), decided once by versions.publish: a published
    # version never changes, and the report reads these instead of every version's channels and documents.
    seven_components = models.BooleanField("công khai đủ bảy bộ phận", default=False, editable=False)
    charges_fee = models.BooleanField("có phí, lệ phí", default=False, editable=False)
    for_citizens = models.BooleanField("công dân thực hiện được", default=False, editable=False)
    certified_copy = models.BooleanField("cấp bản sao điện tử", default=False, editable=False)
    source_url = models.URLField("nguồn", max_length=500, blank=True)
    source_hash = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="SHA-256 of the imported record, so that re-import is idempotent",
    )
    import_problems = models.JSONField(default=list, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "phiên bản thủ tục"
        verbose_name_plural = "phiên bản thủ tục"
        ordering = ["procedure", "-number"]
        constraints = [models.UniqueConstraint(fields=["procedure", "number"], name="procedure_version_number")]

    def __str__(self) -> str:
        return f"{self.procedure.code} v{self.number}"

    def save(self, *args, **kwargs):
        if self.pk and not kwargs.pop("allow_frozen", False):
            stored = ProcedureVersion.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored and stored != self.Status.DRAFT:
                raise ValidationError("Phiên bản đã công bố không được sửa; hãy tạo phiên bản mới.")
        self.name = nfc(self.name)
        super().save(*args, **kwargs)

    @property
    def is_frozen(self) -> bool:
        return self.status != self.Status.DRAFT

    def get_levels_display(self) -> str:
        return ", ".join(Level(code).label for code in levels_list(self.levels)) or self.level_text

    @property
    def has_fee(self) -> bool:
        return version_flags.charges_fee(self.channels.all())

    @property
    def states_time_limit(self) -> bool:
        """A channel states a processing time the deadline engine can count (a number with its unit)."""
        return any(row.unit == Channel.Unit.WITHIN_DAY or (row.unit and row.amount) for row in self.channels.all())

    @property
    def takes_dossiers(self) -> bool:
        """Published, and every dossier received on it gets a due moment (or the law sets none, on purpose)."""
        return self.status == self.Status.PUBLISHED and (self.states_time_limit or self.no_time_limit)


class Channel(models.Model):
    """Cách thức thực hiện: one row per channel with its processing time and fees."""

    class Kind(models.TextChoices):
        DIRECT = "direct", "Trực tiếp"
        ONLINE = "online", "Trực tuyến"
        POSTAL = "postal", "Dịch vụ bưu chính"

    class Unit(models.TextChoices):
        WORKING_DAYS = "working_days", "Ngày làm việc"
        DAYS = "days", "Ngày"
        WORKING_HOURS = "working_hours", "Giờ làm việc"
        HOURS = "hours", "Giờ"
        MONTHS = "months", "Tháng"
        YEARS = "years", "Năm"
        WITHIN_DAY = "within_day", "Trong ngày"

    version = models.ForeignKey(ProcedureVersion, models.CASCADE, related_name="channels")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField("hình thức nộp", max_length=8, choices=Kind.choices)
    amount = models.DecimalField("thời hạn", max_digits=8, decimal_places=2, null=True, blank=True)
    unit = models.CharField("đơn vị thời hạn", max_length=14, choices=Unit.choices, blank=True)
    time_text = models.CharField("thời hạn (nguyên văn)", max_length=255, blank=True)
    fees = models.JSONField(
        "phí, lệ phí",
        default=list,
        blank=True,
        help_text='[{"kind": "le_phi", "amount": 8000, "text": "Lệ phí: 8.000 đồng"}]',
    )
    description = models.TextField("mô tả", blank=True)

    class Meta:
        verbose_name = "cách thức thực hiện"
        verbose_name_plural = "cách thức thực hiện"
        ordering = ["version", "position"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.time_display}"

    def save(self, *args, **kwargs):
        refuse_if_frozen(self.version_id)
        super().save(*args, **kwargs)

    @property
    def time_display(self) -> str:
        if self.unit == self.Unit.WITHIN_DAY:
            return "Trong ngày"
        if self.amount is None:
            if self.time_text.strip().replace(",", "").replace(".", "").isdigit():
                return f"{self.time_text} (nguồn không ghi đơn vị)"
            return self.time_text or "Không có thông tin"
        amount = f"{self.amount.normalize():f}".replace(".", ",")
        return f"{amount} {self.get_unit_display().lower()}" if self.unit else self.time_text

    @property
    def fee_total(self) -> int | None:
        amounts = [fee["amount"] for fee in self.fees if fee.get("amount") is not None]
        return sum(amounts) if amounts else None


class RequiredDocument(models.Model):
    """Thành phần hồ sơ: one line of the required-documents list."""

    version = models.ForeignKey(ProcedureVersion, models.CASCADE, related_name="documents")
    position = models.PositiveSmallIntegerField(default=0)
    group = models.CharField("nhóm", max_length=500, blank=True)
    name = models.TextField("tên giấy tờ")
    originals = models.PositiveSmallIntegerField("số bản chính", default=0)
    copies = models.PositiveSmallIntegerField("số bản sao", default=0)
    is_required = models.BooleanField("bắt buộc", default=True)
    # Empty: needed in every dossier. Otherwise the case it is needed in, as the catalogue words it ("Trường hợp
    # người yêu cầu là người nước ngoài…"): the desk may mark it "không áp dụng", the citizen answers yes or no.
    condition = models.TextField("điều kiện áp dụng", blank=True)
    # The tờ khai the version's e-form replaces: a citizen who fills the e-form is not asked to upload it; the
    # filled form is rendered to PDF as this line's document (issue 11), its data kept structured on the dossier.
    declaration = models.BooleanField("tờ khai điền trên biểu mẫu điện tử", default=False)
    form_name = models.CharField("mẫu đơn, tờ khai", max_length=500, blank=True)

    class Meta:
        verbose_name = "thành phần hồ sơ"
        verbose_name_plural = "thành phần hồ sơ"
        ordering = ["version", "position"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        refuse_if_frozen(self.version_id)
        super().save(*args, **kwargs)

    @property
    def is_conditional(self) -> bool:
        return bool(self.condition)


def refuse_if_frozen(version_id) -> None:
    status = ProcedureVersion.objects.filter(pk=version_id).values_list("status", flat=True).first()
    if status and status != ProcedureVersion.Status.DRAFT:
        raise ValidationError("Phiên bản đã công bố không được sửa; hãy tạo phiên bản mới.")
