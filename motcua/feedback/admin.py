from django.contrib import admin

from .models import Attachment, Feedback, FeedbackEvent


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    readonly_fields = ["name", "file", "content_type", "size", "sha256"]


class EventInline(admin.TabularInline):
    model = FeedbackEvent
    extra = 0
    can_delete = False
    fields = ["seq", "kind", "at", "actor_name", "agency", "from_status", "to_status", "note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["code", "kind", "title", "receiving_agency", "transferred_to", "status", "answer_due"]
    list_filter = ["status", "kind", "classification", "receiving_agency"]
    search_fields = ["code", "title", "sender_name", "sender_phone"]
    readonly_fields = [
        "code",
        "submitted_at",
        "answer_clock_at",
        "refuse_due",
        "supplement_due",
        "transfer_due",
        "answer_due",
        "publish_due",
        "event_count",
        "last_event_hash",
    ]
    inlines = [AttachmentInline, EventInline]
