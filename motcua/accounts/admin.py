from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class MotcuaUserAdmin(UserAdmin):
    list_display = ("username", "full_name", "kind", "phone", "is_active")
    list_filter = ("kind", "is_active", "is_staff")
    search_fields = ("username", "full_name", "phone", "id_number", "email")
    fieldsets = UserAdmin.fieldsets + (("motcua", {"fields": ("kind", "full_name", "phone", "id_number", "tax_code",
                                                                 "failed_logins", "locked_until",
                                                                 "vneid_verified_at")}),)
