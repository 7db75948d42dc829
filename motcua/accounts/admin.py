from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import Exists, OuterRef
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import second_factor
from .models import User


@admin.register(User)
class MotcuaUserAdmin(UserAdmin):
    list_display = ("username", "full_name", "kind", "phone", "id_verified", "has_second_factor", "is_active")
    list_filter = ("kind", "id_verified", "is_active", "is_staff")
    search_fields = ("username", "full_name", "phone", "id_number", "email")
    fieldsets = UserAdmin.fieldsets + (
        (
            "motcua",
            {
                "fields": (
                    "kind",
                    "full_name",
                    "phone",
                    "id_number",
                    "tax_code",
                    "id_verified",
                    "vneid_subject",
                    "vneid_verified_at",
                    "email_verified_at",
                    "phone_verified_at",
                )
            },
        ),
    )
    # The kind is asked on the add form: a staff account's password is checked by the staff rules (passwords.py).
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "kind", "usable_password", "password1", "password2")}),
    )
    actions = ["reset_second_factor"]

    def get_queryset(self, request):
        devices = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return super().get_queryset(request).annotate(second_factor_on=Exists(devices))

    @admin.display(description="xác thực hai bước", boolean=True, ordering="second_factor_on")
    def has_second_factor(self, user):
        return user.second_factor_on

    @admin.action(description="Đặt lại xác thực hai bước (mất hoặc đổi điện thoại)", permissions=["change"])
    def reset_second_factor(self, request, queryset):
        """A lost device: its key is removed; the person enrols again at the next login (admins and leaders must)
        or from the account page. Written in each account's history (Django's admin log) and in the server log."""
        done = 0
        for user in queryset:
            removed = second_factor.reset(user, by=request.user)
            if removed:
                self.log_change(request, user, f"Đặt lại xác thực hai bước: đã xóa {removed} thiết bị xác thực.")
                done += 1
        messages.success(request, f"Đã đặt lại xác thực hai bước của {done} tài khoản.")


@admin.register(TOTPDevice)
class DeviceAdmin(admin.ModelAdmin):
    """Which accounts have an authenticator app, read only: no key is ever shown, none is typed here (django-otp's
    own admin would show the key and its QR code, and let an admin give an account a device of their own choosing).
    A device is removed by the user admin's "Đặt lại xác thực hai bước", which is recorded."""

    list_display = ("user", "name", "confirmed", "created_at", "last_used_at")
    list_filter = ("confirmed",)
    search_fields = ("user__username", "user__full_name")
    fields = ("user", "name", "confirmed", "created_at", "last_used_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
