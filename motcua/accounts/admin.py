from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class MotcuaUserAdmin(UserAdmin):
    list_display = ("username", "full_name", "kind", "phone", "id_verified", "is_active")
    list_filter = ("kind", "id_verified", "is_active", "is_staff")
    search_fields = ("username", "full_name", "phone", "id_number", "email")
    fieldsets = UserAdmin.fieldsets + (("motcua", {"fields": ("kind", "full_name", "phone", "id_number", "tax_code",
                                                                 "id_verified", "vneid_subject", "vneid_verified_at",
                                                                 "email_verified_at", "phone_verified_at")}),)
    # The kind is asked on the add form: a staff account's password is checked by the staff rules (passwords.py).
    add_fieldsets = ((None, {"classes": ("wide",),
                             "fields": ("username", "kind", "usable_password", "password1", "password2")}),)
