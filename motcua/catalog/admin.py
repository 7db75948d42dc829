"""Catalogue admin. A published version is read-only here: the "new draft" action copies it for editing.

A draft made by an import shows what it changes against the current version (documents, processing time, fees);
publishing one that states no processing time, and is not marked as having none by law, warns that it will take no
dossier until an official sets one."""

from django.contrib import admin, messages
from django.db import models
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from motcua.vntext.normalize import fold

from . import versions
from .importer import IMPORT_MARK
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


class FromImportFilter(admin.SimpleListFilter):
    title = "nguồn"
    parameter_name = "nguon"

    def lookups(self, request, model_admin):
        return [("nhap", "Nhập từ Cổng DVCQG"), ("can-bo", "Cán bộ soạn")]

    def queryset(self, request, queryset):
        if self.value() == "nhap":
            return queryset.filter(import_report__has_key=IMPORT_MARK)
        if self.value() == "can-bo":
            return queryset.exclude(import_report__has_key=IMPORT_MARK)
        return queryset


def _lines(items):
    def describe(line):
        text = line["name"]
        if line.get("condition"):
            text += f" — có điều kiện: {line['condition']}"
        elif not line.get("required", True):
            text += " — nếu có"
        return text

    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((describe(line),) for line in items)))


def report_html(report: dict) -> str:
    """The import's difference report, as an official reads it."""
    if not report:
        return "Không có (phiên bản do cán bộ soạn)."
    parts = []
    base = report.get("base")
    parts.append(
        format_html(
            "<p>So với phiên bản {} đang áp dụng{}.</p>",
            base["number"],
            " (do cán bộ soạn)" if base.get("curated") else "",
        )
        if base
        else mark_safe("<p>Thủ tục mới: chưa có phiên bản nào đang áp dụng.</p>")
    )
    documents = report.get("documents", {})
    for key, label in (("added", "Thành phần hồ sơ thêm"), ("removed", "Thành phần hồ sơ bỏ")):
        if documents.get(key):
            parts.append(
                format_html("<p><strong>{} ({}):</strong></p>{}", label, len(documents[key]), _lines(documents[key]))
            )
    if documents.get("changed"):
        rows = format_html_join(
            "",
            "<li>{}: {} → {}</li>",
            (
                (
                    c["name"],
                    c["before"].get("condition") or ("bắt buộc" if c["before"]["required"] else "nếu có"),
                    c["after"].get("condition") or ("bắt buộc" if c["after"]["required"] else "nếu có"),
                )
                for c in documents["changed"]
            ),
        )
        parts.append(
            format_html(
                "<p><strong>Thành phần hồ sơ thay đổi ({}):</strong></p><ul>{}</ul>", len(documents["changed"]), rows
            )
        )
    if report.get("time"):
        rows = format_html_join(
            "",
            "<li>{}: {} → {}</li>",
            ((t["channel"], t["before"] or "không có", t["after"] or "không có") for t in report["time"]),
        )
        parts.append(format_html("<p><strong>Thời hạn giải quyết:</strong></p><ul>{}</ul>", rows))
    if report.get("time_kept"):
        rows = format_html_join(
            "",
            "<li>{}: nguồn ghi “{}” không có đơn vị, giữ “{}”</li>",
            ((t["channel"], t["source"], t["kept"]) for t in report["time_kept"]),
        )
        parts.append(format_html("<p><strong>Thời hạn giữ từ phiên bản đang áp dụng:</strong></p><ul>{}</ul>", rows))
    if report.get("fees"):
        rows = format_html_join(
            "",
            "<li>{}: {} → {}</li>",
            (
                (f["channel"], "; ".join(f["before"]) or "không có", "; ".join(f["after"]) or "không có")
                for f in report["fees"]
            ),
        )
        parts.append(format_html("<p><strong>Phí, lệ phí:</strong></p><ul>{}</ul>", rows))
    if not (any(documents.get(k) for k in ("added", "removed", "changed")) or report.get("time") or report.get("fees")):
        parts.append(mark_safe("<p>Không khác về thành phần hồ sơ, thời hạn và phí, lệ phí.</p>"))
    labels = {
        "form_schema": "biểu mẫu điện tử",
        "no_time_limit": "đánh dấu không quy định thời hạn",
        "online_level": "mức độ trực tuyến",
    }
    if report.get("inherited"):
        parts.append(
            format_html(
                "<p>Giữ từ phiên bản đang áp dụng: {}.</p>",
                ", ".join(labels.get(name, name) for name in report["inherited"]),
            )
        )
    if report.get("notes"):
        parts.append(
            format_html(
                "<p>{} dòng ghi chú của trang (không phải giấy tờ) được đưa vào mục “Yêu cầu, điều kiện”.</p>",
                report["notes"],
            )
        )
    if not report.get("states_time_limit"):
        parts.append(
            mark_safe(
                "<p><strong>Trang không nêu thời hạn giải quyết đọc được:</strong> phiên bản sẽ "
                "không nhận hồ sơ cho đến khi nhập thời hạn hoặc đánh dấu “pháp luật không quy "
                "định thời hạn giải quyết”.</p>"
            )
        )
    return format_html_join("", "{}", ((part,) for part in parts))


@admin.register(ProcedureVersion)
class ProcedureVersionAdmin(admin.ModelAdmin):
    list_display = ("procedure", "number", "status", "published_at", "online_level")
    list_filter = ("status", FromImportFilter, "online_level")
    search_fields = ("procedure__code", "name")
    raw_id_fields = ("procedure", "field")
    inlines = [ChannelInline, DocumentInline]
    actions = ["publish_versions"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # the portal's pages are https

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_frozen:
            return [f.name for f in self.model._meta.fields] + ["difference_report"]
        return ["status", "published_at", "difference_report"]

    @admin.display(description="khác biệt so với phiên bản đang áp dụng")
    def difference_report(self, obj):
        return report_html(obj.import_report) if obj is not None else ""

    @admin.action(description="Công bố các phiên bản dự thảo đã chọn")
    def publish_versions(self, request, queryset):
        published, without_time = 0, []
        for version in queryset.filter(status=ProcedureVersion.Status.DRAFT).select_related("procedure"):
            versions.publish(version)
            published += 1
            if not version.takes_dossiers:
                without_time.append(f"{version.procedure.code} (phiên bản {version.number})")
        self.message_user(request, f"Đã công bố {published} phiên bản.", messages.SUCCESS)
        if without_time:
            self.message_user(
                request,
                (
                    "Không có thời hạn giải quyết và chưa đánh dấu “pháp luật không quy định thời hạn giải quyết”: "
                    f"{', '.join(without_time)}. Các phiên bản này sẽ không nhận hồ sơ cho đến khi có phiên bản nêu "
                    "thời hạn hoặc được đánh dấu."
                ),
                messages.WARNING,
            )


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
