"""Chữ ký số: the keys an official signs results with, and the agency's seal (issue 17).

A leader adds their own certificate: a PKCS#12 file with its password (checked at once, then kept only encrypted
and never shown again), or their remote signing account (the service lists its certificate). A văn thư or the
agency's administrator adds the agency's (the seal). A new key retires the old one; nothing is ever downloaded."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from motcua.agencies.models import Agency
from motcua.dossiers import permissions
from motcua.dossiers.permissions import staff_required
from motcua.signing import keys
from motcua.signing.models import SigningKey

PERSONAL, SEAL = "me", "seal"
MAX_P12 = 64 * 1024  # a certificate file is a few kilobytes
MAX_IMAGE = 1024 * 1024


class KeyForm(forms.Form):
    agency = forms.ModelChoiceField(
        label="Cơ quan",
        queryset=Agency.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": "Bạn không có quyền thêm chứng thư số tại cơ quan này."},
    )
    holder = forms.ChoiceField(
        label="Chứng thư của",
        choices=[],
        error_messages={"invalid_choice": "Bạn không có quyền thêm loại chứng thư số này."},
    )
    kind = forms.ChoiceField(label="Loại", choices=SigningKey.Kind.choices, widget=forms.RadioSelect)
    p12 = forms.FileField(label="Tệp chứng thư số (.p12, .pfx)", required=False)
    remote_user = forms.CharField(label="Tài khoản ký số từ xa (số định danh hoặc mã số thuế)", required=False)
    password = forms.CharField(label="Mật khẩu (của tệp .p12 hoặc tài khoản ký từ xa)", widget=forms.PasswordInput)
    image = forms.FileField(
        label="Ảnh chữ ký (lãnh đạo) hoặc ảnh con dấu (cơ quan): PNG nền trong suốt, không bắt buộc",
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        personal = permissions.agencies_with(user, {permissions.HEAD})
        seal = permissions.agencies_with(user, {permissions.CLERK, permissions.ADMIN})
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=personal | seal).order_by("name")
        choices = ([(PERSONAL, "Cá nhân tôi (lãnh đạo ký)")] if personal else []) + (
            [(SEAL, "Cơ quan (con dấu số, văn thư ký)")] if seal else []
        )
        self.fields["holder"].choices = choices
        self.personal, self.seal = personal, seal

    def clean(self):
        data = super().clean()
        agency, holder = data.get("agency"), data.get("holder")
        if agency and holder and agency.pk not in (self.personal if holder == PERSONAL else self.seal):
            raise forms.ValidationError("Bạn không có quyền thêm chứng thư này tại cơ quan đã chọn.")
        if data.get("kind") == SigningKey.Kind.PKCS12:
            upload = data.get("p12")
            if upload is None:
                raise forms.ValidationError("Chọn tệp .p12 (hoặc .pfx) của chứng thư số.")
            if upload.size > MAX_P12:
                raise forms.ValidationError("Tệp chứng thư số quá lớn (tối đa 64 KB).")
        elif data.get("kind") == SigningKey.Kind.REMOTE and not (data.get("remote_user") or "").strip():
            raise forms.ValidationError("Nhập tài khoản ký số từ xa.")
        return data

    def save(self) -> SigningKey:
        data = self.cleaned_data
        owner = self.user if data["holder"] == PERSONAL else None
        picture = data.get("image")
        if picture is not None and picture.size > MAX_IMAGE:
            raise ValueError("Ảnh chữ ký, con dấu quá lớn (tối đa 1 MB).")
        where = {"owner": owner, "agency": data["agency"], "by": self.user, "image": picture.read() if picture else b""}
        if data["kind"] == SigningKey.Kind.PKCS12:
            return keys.add_pkcs12(data["p12"].read(), data["password"], **where)
        return keys.add_remote(data["remote_user"], data["password"], **where)


@staff_required
@require_http_methods(["GET", "POST"])
def keys_page(request):
    form = KeyForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            added = form.save()
        except ValueError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"Đã thêm chứng thư số của {added.holder} ({added.get_kind_display()}).")
            return redirect("office:keys")
    elif request.method == "POST":
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    mine = SigningKey.objects.filter(owner=request.user).select_related("agency")
    seals = SigningKey.objects.filter(owner=None, agency__in=form.seal).select_related("agency")
    return render(
        request,
        "office/keys.html",
        {"form": form, "mine": mine, "seals": seals, "can_add": bool(form.fields["holder"].choices)},
    )
