from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect

from . import trust
from .models import Layout, TrustAnchor


class AddCertificates(forms.ModelForm):
    file = forms.FileField(label="Tệp chứng thư (.crt, .cer, .pem, .p7b)")

    class Meta:
        model = TrustAnchor
        fields = ["note"]

    def clean_file(self):
        data = self.cleaned_data["file"].read(1_000_001)
        if len(data) > 1_000_000:
            raise forms.ValidationError("Tệp chứng thư không quá 1 MB.")
        try:
            self.certificates = trust.read_certificates(data)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error
        return data


@admin.register(TrustAnchor)
class TrustAnchorAdmin(admin.ModelAdmin):
    """Added from a file, never changed or deleted (an old root still judges old results)."""

    list_display = ("subject", "kind", "valid_to", "sha256", "added_at")
    list_filter = ("kind",)
    search_fields = ("subject", "issuer", "sha256")
    readonly_fields = ("sha256", "kind", "subject", "issuer", "valid_from", "valid_to", "note", "added_at", "added_by")
    exclude = ("der",)

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = AddCertificates
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else ()

    def get_fields(self, request, obj=None):
        return ["file", "note"] if obj is None else list(self.readonly_fields)

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # shown, never edited

    def save_model(self, request, obj, form, change):
        added, held = trust.add(form.cleaned_data["file"], by=request.user, note=form.cleaned_data.get("note", ""))
        self._added = added
        messages.success(request, f"Đã thêm {len(added)} chứng thư; {held} chứng thư đã có trong kho.")

    def response_add(self, request, obj, post_url_continue=None):
        return redirect("admin:signing_trustanchor_changelist")


@admin.register(Layout)
class LayoutAdmin(admin.ModelAdmin):
    """Result templates' places: an administrator adds or corrects one; one in use by a signature is kept."""

    list_display = ["name", "is_default", "signature_page", "number_x", "number_y"]
    fieldsets = [
        (None, {"fields": ["name", "is_default", "signature_page"]}),
        (
            "Ô chữ ký của lãnh đạo (điểm, tính từ góc dưới trái)",
            {"fields": [("person_x1", "person_y1"), ("person_x2", "person_y2")]},
        ),
        ("Ô con dấu (chữ ký số của cơ quan)", {"fields": [("seal_x1", "seal_y1"), ("seal_x2", "seal_y2")]}),
        ("Dòng số, ngày và mã kiểm tra (điểm, tính từ góc trên trái)", {"fields": [("number_x", "number_y")]}),
    ]
