"""What was sent to applicants: one row per notice and channel, with every delivery attempt's outcome."""

from django.db import models

from motcua.dossiers.shards import OnShard


class Notice(OnShard):
    """A notice to the applicant about one dossier event, or to the sender about one PAKN event (feedback_event),
    over one channel (e-mail or SMS).

    Its receiving agency (OnShard) is the dossier's, or for a PAKN notice the agency that received the PAKN: on
    Citus a dossier's notices live on its shard (docs/scaling.md). Set where notices are made (tasks.notify_person).

    Written in the lifecycle action's transaction together with the task that sends it; the task updates the
    status, the attempt count and the last error, so officials see what was sent, when, and what failed.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", "Thư điện tử"
        SMS = "sms", "Tin nhắn SMS"

    class Status(models.TextChoices):
        QUEUED = "queued", "Đang chờ gửi"
        SENT = "sent", "Đã gửi"
        FAILED = "failed", "Gửi không thành công"

    dossier = models.ForeignKey(
        "dossiers.Dossier", models.PROTECT, null=True, blank=True, related_name="notices", verbose_name="hồ sơ"
    )
    event = models.ForeignKey(
        "dossiers.Event", models.PROTECT, null=True, blank=True, related_name="notices", verbose_name="sự kiện"
    )
    feedback_event = models.ForeignKey(
        "feedback.FeedbackEvent",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="notices",
        verbose_name="sự kiện PAKN",
    )
    channel = models.CharField("kênh", max_length=5, choices=Channel.choices)
    recipient = models.CharField("người nhận", max_length=254)
    subject = models.CharField("tiêu đề", max_length=300, blank=True)
    body = models.TextField("nội dung")
    status = models.CharField("trạng thái", max_length=6, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField("số lần gửi", default=0)
    last_error = models.TextField("lỗi gần nhất", blank=True)
    provider_message_id = models.CharField("mã tin của nhà cung cấp", max_length=200, blank=True)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    next_attempt_at = models.DateTimeField("gửi lại lúc", null=True, blank=True)
    sent_at = models.DateTimeField("gửi thành công lúc", null=True, blank=True)

    class Meta:
        verbose_name = "thông báo cho người nộp"
        verbose_name_plural = "thông báo cho người nộp"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "channel"], name="notice_event_channel"),
            models.UniqueConstraint(fields=["feedback_event", "channel"], name="notice_feedback_event_channel"),
            models.CheckConstraint(  # about a dossier event or a PAKN event, never both, never neither
                condition=(
                    models.Q(event__isnull=False, dossier__isnull=False, feedback_event__isnull=True)
                    | models.Q(event__isnull=True, dossier__isnull=True, feedback_event__isnull=False)
                ),
                name="notice_about_one_event",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="notice_status")]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.recipient} ({self.get_status_display()})"
