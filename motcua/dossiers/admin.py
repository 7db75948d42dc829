"""Admin: dossiers are read-only here (changes go through the lifecycle); events can be neither edited nor deleted."""

from django.contrib import admin

from .models import Document, Dossier, Event, Step, SupplementRequest


class ReadOnly:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class EventInline(ReadOnly, admin.TabularInline):
    model = Event
    fields = ("seq", "kind", "at", "actor_name", "from_state", "to_state", "note", "hash")
    readonly_fields = fields
    extra = 0


class StepInline(ReadOnly, admin.TabularInline):
    model = Step
    fields = ("kind", "agency", "started_at", "deadline", "finished_at", "outcome")
    readonly_fields = fields
    extra = 0


class DocumentInline(ReadOnly, admin.TabularInline):
    model = Document
    fields = ("kind", "name", "file", "content_type", "size", "sha256", "digitised")
    readonly_fields = fields
    extra = 0


@admin.register(Dossier)
class DossierAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("code", "applicant_name", "procedure", "state", "national_status", "due_at", "processing_agency")
    list_filter = ("state", "channel", "national_status")
    search_fields = ("code", "applicant_name", "applicant_id_number")
    list_select_related = ("procedure", "processing_agency")
    inlines = [DocumentInline, StepInline, EventInline]
    show_full_result_count = False  # no COUNT(*) over millions of rows on every page


@admin.register(Event)
class EventAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("dossier", "seq", "kind", "at", "actor_name", "to_state")
    list_filter = ("kind",)
    search_fields = ("dossier__code",)
    list_select_related = ("dossier",)
    show_full_result_count = False


@admin.register(SupplementRequest)
class SupplementRequestAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("dossier", "number", "at_desk", "requested_at", "answered_at")
    list_select_related = ("dossier",)
