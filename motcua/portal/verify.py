"""Kiểm tra chữ ký số: anyone uploads a signed PDF (a result they received, a document sent to them) and reads, in
Vietnamese, who signed it, when, whether it is unchanged and whether the certificate was valid and trusted
(Circular 15/2025 Art. 6), judged against the trust store the administrators keep (`signing.TrustAnchor`).

The file is read in memory, never stored, never served back. Nothing is fetched from what the file names: its
certificates choose the CRL and OCSP addresses, and a public page must not make this server call addresses a
stranger picks; a signature is judged at its timestamp with the revocation answers it carries (B-LT, as this
system's results are), and one without them is "không xác định", never "hợp lệ" (signing.validate)."""

from django import forms
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from motcua.ratelimits import limits
from motcua.signing import trust, validate

MAX_BYTES = 20 * 1024 * 1024
CHECKS_PER_MINUTE = 6


class VerifyForm(forms.Form):
    tep = forms.FileField(label="Tệp PDF đã ký số")

    def clean_tep(self):
        upload = self.cleaned_data["tep"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError("Tệp quá lớn: tối đa 20 MB.")
        return upload


@never_cache
def verify(request):
    form = VerifyForm(request.POST or None, request.FILES or None)
    context = {"form": form, "max_mb": MAX_BYTES // 2**20}
    if request.method != "POST":
        return render(request, "portal/verify.html", context)
    if not limits.allow(request, "verify", CHECKS_PER_MINUTE, 60):
        context["error"] = "Bạn kiểm tra quá nhiều tệp trong một phút. Vui lòng thử lại sau ít phút."
        return render(request, "portal/verify.html", context, status=429)
    if not form.is_valid():
        return render(request, "portal/verify.html", context, status=400)
    roots, intermediates = trust.anchors()
    try:
        found = validate.report(form.cleaned_data["tep"].read(), roots, intermediates, fetch=False)
    except ValueError as error:
        context["error"] = str(error)
        return render(request, "portal/verify.html", context, status=400)
    context.update(reports=found, name=form.cleaned_data["tep"].name, no_store=not roots)
    if not found:
        context["error"] = "Tệp không có chữ ký số nào."
    return render(request, "portal/verify.html", context)
