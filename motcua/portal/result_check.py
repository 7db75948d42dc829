"""Kiểm tra kết quả: is this paper or this file a result this system issued, unchanged, and for which dossier?

Two ways in, for anyone and without an account:
- the QR printed on a result (or its code typed: "Mã kiểm tra kết quả"), `?ma=…`: the result the code names, as
  issued, and where to compare the paper against;
- a PDF uploaded: its SHA-256 against every result issued here; if none matches but the file carries a code of
  ours, the file is not the one issued under that code (changed, or a copy made from something else).

It says what the result says of itself (its title and number, the issuing agency, the procedure, the dossier's
code, when it was issued), nothing of the applicant: who it was issued to is for the tracking page, with the
applicant's own check. The file is read in memory and never kept; the checks are counted per address, with the
signature check's limit."""

import hashlib
import io

from django import forms
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from motcua.dossiers import result_checks
from motcua.dossiers.models import ResultCheck
from motcua.ratelimits import limits

from .verify import CHECKS_PER_MINUTE, MAX_BYTES, VerifyForm


class CheckForm(VerifyForm):
    tep = forms.FileField(label="Tệp kết quả (PDF)")  # the signature check's form, size limit and all


def _first_page_text(content: bytes) -> str:
    try:
        return PdfReader(io.BytesIO(content)).pages[0].extract_text() or ""
    except (PyPdfError, IndexError, ValueError, KeyError, TypeError):
        return ""


def by_file(content: bytes) -> tuple[ResultCheck | None, str]:
    """(the result, the verdict): "nguyen-ban" the file is a result as issued; "khac-ban" it carries our code but is
    not the file issued under it; "khong-thay" nothing of ours matches."""
    digest = hashlib.sha256(content).hexdigest()
    exact = ResultCheck.objects.filter(sha256=digest).first()
    if exact is not None:
        return exact, "nguyen-ban"
    code = result_checks.code_in(_first_page_text(content))
    named = ResultCheck.objects.filter(code=code).first() if code else None
    return (named, "khac-ban") if named is not None else (None, "khong-thay")


@never_cache
def result_check(request):
    form = CheckForm(request.POST or None, request.FILES or None)
    context = {"form": form, "max_mb": MAX_BYTES // 2**20}
    typed = request.GET.get("ma", "")
    if request.method == "GET" and not typed:
        return render(request, "portal/result_check.html", context)
    if not limits.allow(request, "verify", CHECKS_PER_MINUTE, 60):
        context["error"] = "Bạn kiểm tra quá nhiều lần trong một phút. Vui lòng thử lại sau ít phút."
        return render(request, "portal/result_check.html", context, status=429)
    if request.method == "GET":
        found = result_checks.by_code(typed)
        context.update(result=found, verdict="ma" if found else "khong-co-ma", typed=typed[:20])
        return render(request, "portal/result_check.html", context, status=200 if found else 404)
    if not form.is_valid():
        return render(request, "portal/result_check.html", context, status=400)
    found, verdict = by_file(form.cleaned_data["tep"].read())
    context.update(result=found, verdict=verdict, name=form.cleaned_data["tep"].name)
    return render(request, "portal/result_check.html", context)
