"""Catalogue admin. A published version is read-only here: the "new draft" action copies it for editing."""
from django.contrib import admin, messages

from motcua.vntext.normalize import fold

from . import versions
from .models import Channel, Field, Procedure, ProcedureVersion, RequiredDocument


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ("name", "code")
    search_fields = ("name", "code")


class FrozenAwareInline(admin.TabularInline):
    extra = 0

    def has_change_permission(self, request, obj=None):
        return obj is None or not obj.is_frozen

    has_add_permission = has_delete_permission = has_change_permission


class ChannelInline(FrozenAwareInline):
    model = Channel


class DocumentInline(FrozenAwareInline):
    model = RequiredDocument


@admin.register(ProcedureVersion)
class ProcedureVersionAdmin(admin.ModelAdmin):
    list_display = ("procedure", "number", "status", "published_at", "online_level")
    list_filter = ("status", "online_level")
    search_fields = ("procedure__code", "name")
    raw_id_fields = ("procedure", "field")
    inlines = [ChannelInline, DocumentInline]
    actions = ["publish_versions"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_frozen:
            return [f.name for f in self.model._meta.fields]
        return ["status", "published_at"]

    @admin.action(description="Công bố các phiên bản dự thảo đã chọn")
    def publish_versions(self, request, queryset):
        for version in queryset.filter(status=ProcedureVersion.Status.DRAFT):
            versions.publish(version)
        self.message_user(request, "Đã công bố.", messages.SUCCESS)


@admin.register(Procedure)
class ProcedureAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "field", "levels", "online_level", "is_published")
    list_filter = ("is_published", "online_level", "field")
    search_fields = ("code", "name_folded")
    readonly_fields = ("current", "name", "levels", "field", "online_level", "is_published")
    filter_horizontal = ("agencies",)
    actions = ["make_drafts"]
    list_select_related = ("field",)

    @admin.action(description="Tạo phiên bản dự thảo mới để sửa")
    def make_drafts(self, request, queryset):
        for procedure in queryset:
            versions.new_draft(procedure)
        self.message_user(request, "Đã tạo phiên bản dự thảo; sửa rồi công bố.", messages.SUCCESS)

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, fold(search_term) if search_term else search_term)
