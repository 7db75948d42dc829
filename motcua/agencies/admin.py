from django.contrib import admin

from .models import Agency, StaffRole, Unit, UnitSuccession


class SuccessionInline(admin.TabularInline):
    model = UnitSuccession
    fk_name = "old"
    raw_id_fields = ("new",)
    extra = 0
    verbose_name_plural = "đơn vị kế thừa (cũ → mới)"


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("code", "full_name", "level", "era", "parent", "valid_from", "valid_to")
    list_filter = ("era", "level")
    search_fields = ("code", "name_folded", "full_name")
    raw_id_fields = ("parent",)
    inlines = [SuccessionInline]
    list_select_related = ("parent",)


class StaffRoleInline(admin.TabularInline):
    model = StaffRole
    raw_id_fields = ("user",)
    extra = 0


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "parent", "has_one_stop_desk", "is_active")
    list_filter = ("level", "has_one_stop_desk", "is_active")
    search_fields = ("code", "name", "short_name")
    raw_id_fields = ("parent", "unit")
    inlines = [StaffRoleInline]
    list_select_related = ("parent",)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "code",
                    "name",
                    "short_name",
                    "level",
                    "parent",
                    "unit",
                    "has_one_stop_desk",
                    "is_active",
                    "valid_from",
                    "valid_to",
                )
            },
        ),
        ("Liên hệ", {"fields": ("address", "phone", "email")}),
        ("Giờ làm việc", {"fields": ("morning_start", "morning_end", "afternoon_start", "afternoon_end", "cutoff")}),
    )


@admin.register(StaffRole)
class StaffRoleAdmin(admin.ModelAdmin):
    list_display = ("user", "agency", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "user__full_name", "agency__name", "agency__code")
    raw_id_fields = ("user", "agency")
    list_select_related = ("user", "agency")
