"""Phản ánh, kiến nghị (PAKN) on administrative rules and procedures (Decree 20/2008, DOMAIN.md 6; 766 index 5.2).

A Feedback row carries its current state, the deadline of every step (working days, computed by motcua.workdays
when the step's clock starts) and whether each step was done on time. FeedbackEvent rows are its history:
append-only and hash-chained like dossier events, so a changed or removed row is detectable (events.verify).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from motcua.records.append_only import ChainedEntry
from motcua.vntext.validators import validate_phone


class Feedback(models.Model):
    class Kind(models.TextChoices):
        REPORT = "report", "Phản ánh"
        PROPOSAL = "proposal", "Kiến nghị"

    class Status(models.TextChoices):
        RECEIVED = "received", "Đã tiếp nhận"
        CLASSIFIED = "classified", "Đã phân loại, đang xử lý"
        SUPPLEMENT = "supplement_requested", "Đề nghị bổ sung thông tin"
        SUPPLEMENTED = "supplemented", "Người gửi đã bổ sung thông tin"
        TRANSFERRED = "transferred", "Đã chuyển cơ quan có thẩm quyền"
        ANSWERED = "answered", "Đã có kết quả, chờ công khai"
        PUBLISHED = "published", "Đã công khai kết quả"
        REFUSED = "refused", "Không tiếp nhận"

    class Classification(models.TextChoices):
        NOT_ACCEPTED = "not_accepted", "Không tiếp nhận (không đủ điều kiện)"
        CONDUCT = "conduct", "Hành vi, thực thi của cán bộ, công chức"
        COMPETENT = "competent", "Thuộc thẩm quyền"
        NOT_COMPETENT = "not_competent", "Không thuộc thẩm quyền"

    class Rating(models.TextChoices):
        SATISFIED = "satisfied", "Hài lòng"
        DISSATISFIED = "dissatisfied", "Không hài lòng"

    code = models.CharField("mã PAKN", max_length=20, unique=True)
    kind = models.CharField("loại", max_length=10, choices=Kind.choices)
    sender_name = models.CharField("họ và tên", max_length=120)
    sender_address = models.CharField("địa chỉ", max_length=255)
    sender_phone = models.CharField("số điện thoại", max_length=15, validators=[validate_phone])
    sender_email = models.EmailField("thư điện tử", blank=True)
    procedure = models.ForeignKey(
        "catalog.Procedure",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="thủ tục hành chính liên quan",
    )
    dossier_code = models.CharField("mã hồ sơ liên quan", max_length=40, blank=True)
    subject_agency = models.ForeignKey(
        "agencies.Agency", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="cơ quan bị phản ánh"
    )
    title = models.CharField("tiêu đề", max_length=200)
    content = models.TextField("nội dung")
    receiving_agency = models.ForeignKey(
        "agencies.Agency", models.PROTECT, related_name="feedback_received", verbose_name="cơ quan tiếp nhận"
    )
    transferred_to = models.ForeignKey(
        "agencies.Agency",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="feedback_transferred",
        verbose_name="chuyển đến cơ quan",
    )
    status = models.CharField("trạng thái", max_length=24, choices=Status.choices, default=Status.RECEIVED)
    classification = models.CharField("phân loại", max_length=16, choices=Classification.choices, blank=True)
    refuse_reason = models.TextField("lý do không tiếp nhận", blank=True)
    supplement_note = models.TextField("nội dung đề nghị bổ sung", blank=True)
    answer = models.TextField("kết quả xử lý, trả lời", blank=True)
    answered_by = models.ForeignKey(
        "agencies.Agency", models.PROTECT, null=True, blank=True, related_name="+", verbose_name="cơ quan trả lời"
    )

    submitted_at = models.DateTimeField("thời điểm gửi")
    answer_clock_at = models.DateTimeField("bắt đầu tính hạn trả lời")  # submission, or the last transfer
    classified_at = models.DateTimeField(null=True, blank=True)
    refused_at = models.DateTimeField(null=True, blank=True)
    supplement_requested_at = models.DateTimeField(null=True, blank=True)
    transferred_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField("ngày công khai", null=True, blank=True)

    refuse_due = models.DateTimeField("hạn từ chối tiếp nhận")
    supplement_due = models.DateTimeField("hạn đề nghị bổ sung")
    transfer_due = models.DateTimeField("hạn chuyển cơ quan có thẩm quyền")
    answer_due = models.DateTimeField("hạn trả lời")
    publish_due = models.DateTimeField("hạn công khai", null=True, blank=True)

    refuse_on_time = models.BooleanField(null=True, blank=True)
    supplement_on_time = models.BooleanField(null=True, blank=True)
    transfer_on_time = models.BooleanField(null=True, blank=True)
    answer_on_time = models.BooleanField(null=True, blank=True)
    publish_on_time = models.BooleanField(null=True, blank=True)

    rating = models.CharField("đánh giá", max_length=12, choices=Rating.choices, blank=True)
    rating_comment = models.TextField("ý kiến", blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)

    event_count = models.PositiveIntegerField(default=0, editable=False)
    last_event_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = "phản ánh, kiến nghị"
        verbose_name_plural = "phản ánh, kiến nghị"
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "published_at"]),
            models.Index(fields=["receiving_agency", "status"]),
            models.Index(fields=["transferred_to", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.title}"

    @property
    def handling_agency(self):
        """The agency that answers now: the one it was transferred to, else the receiving agency."""
        return self.transferred_to if self.transferred_to_id else self.receiving_agency

    @property
    def handling_agency_id(self):
        return self.transferred_to_id or self.receiving_agency_id

    @property
    def is_open(self) -> bool:
        return self.status not in (self.Status.PUBLISHED, self.Status.REFUSED)

    def current_due(self):
        """The deadline of the step now running (publication once answered, else the answer)."""
        if self.status == self.Status.ANSWERED:
            return self.publish_due
        return self.answer_due if self.is_open else None


class Attachment(models.Model):
    feedback = models.ForeignKey(Feedback, models.CASCADE, related_name="attachments")
    # the submission or the sender's supplement that brought the file
    event = models.ForeignKey("FeedbackEvent", models.PROTECT, related_name="attachments")
    name = models.CharField("tên tệp", max_length=200)
    file = models.FileField(upload_to="pakn/%Y/%m/")
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"


class FeedbackEvent(ChainedEntry):
    """One action on a PAKN (who, when, what); append-only and hash-chained (records.append_only.ChainedEntry)."""

    log_name = "Nhật ký PAKN"
    refusal_class = ValidationError

    feedback = models.ForeignKey(Feedback, models.PROTECT, related_name="events")
    kind = models.CharField(max_length=24)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    actor_name = models.CharField(max_length=150, blank=True)
    agency = models.ForeignKey("agencies.Agency", models.PROTECT, null=True, blank=True, related_name="+")
    from_status = models.CharField(max_length=24, blank=True)
    to_status = models.CharField(max_length=24, blank=True)

    class Meta:
        ordering = ["feedback", "seq"]
        constraints = [models.UniqueConstraint(fields=["feedback", "seq"], name="feedback_event_seq")]


class DailySequence(models.Model):
    day = models.DateField(unique=True)
    last = models.PositiveIntegerField(default=0)
