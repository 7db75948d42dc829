from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect

from . import trust
from .models import TrustAnchor


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
