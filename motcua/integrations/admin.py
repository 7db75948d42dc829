"""Admin: what was sent to applicants, and what failed; notices change only through delivery (or "send again")."""

from django.contrib import admin, messages

from . import tasks
from .models import Notice


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = (
        "created_at",
        "subject_code",
        "event_kind",
        "channel",
        "recipient",
        "status",
        "attempts",
        "sent_at",
        "last_error",
    )
    list_filter = ("status", "channel")
    search_fields = ("dossier__code", "feedback_event__feedback__code", "recipient")
    list_select_related = ("dossier", "event", "feedback_event__feedback")
    readonly_fields = (
        "dossier",
        "event",
        "feedback_event",
        "channel",
        "recipient",
        "subject",
        "body",
        "status",
        "attempts",
        "last_error",
        "provider_message_id",
        "created_at",
        "next_attempt_at",
        "sent_at",
    )
    actions = ["send_again"]

    @admin.display(description="hồ sơ / PAKN")
    def subject_code(self, notice):
        return notice.dossier.code if notice.dossier_id else notice.feedback_event.feedback.code

    @admin.display(description="sự kiện")
    def event_kind(self, notice):
        return (notice.event or notice.feedback_event).kind

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Gửi lại các thông báo gửi không thành công")
    def send_again(self, request, queryset):
        failed = list(queryset.filter(status=Notice.Status.FAILED))
        for notice in failed:
            tasks.resend(notice)
        self.message_user(request, f"Đã đưa {len(failed)} thông báo vào hàng đợi gửi lại.", messages.SUCCESS)
