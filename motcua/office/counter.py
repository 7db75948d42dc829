"""Quầy Một cửa: find the procedure, enter the applicant, tick and scan the documents, then receive (form 01),
ask for a supplement (form 02) or refuse (form 03). Registration and the decision are one transaction."""
import re

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render

from motcua.agencies.models import Agency
from motcua.catalog.models import Procedure
from motcua.catalog.search import search
from motcua.dossiers import lifecycle, permissions
from motcua.dossiers.models import Dossier


class ApplicantForm(forms.Form):
    desk = forms.ModelChoiceField(label="Nơi tiếp nhận", queryset=Agency.objects.none())
    channel = forms.ChoiceField(label="Hình thức nộp", choices=[
        ("direct", "Trực tiếp"), ("postal", "Bưu chính"),
        ("online", "Trực tuyến – cán bộ nộp thay người dân")])
    processing_agency = forms.ModelChoiceField(label="Cơ quan giải quyết", required=False,
                                               queryset=Agency.objects.none(),
                                               empty_label="Theo thẩm quyền của thủ tục")
    applicant_name = forms.CharField(label="Họ và tên người có yêu cầu", max_length=200)
    applicant_id_number = forms.CharField(label="Số định danh cá nhân", max_length=12)
    applicant_birth_date = forms.DateField(label="Ngày sinh", required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"],
                                           widget=forms.DateInput(attrs={"type": "date"}))
    applicant_phone = forms.CharField(label="Số điện thoại", max_length=15)
    applicant_email = forms.EmailField(label="Thư điện tử", required=False)
    applicant_address = forms.CharField(label="Địa chỉ", max_length=300, required=False)
    proxy_name = forms.CharField(label="Người nộp thay (nếu có)", max_length=200, required=False)
    proxy_id_number = forms.CharField(label="Số định danh người nộp thay", max_length=12, required=False)
    decision = forms.ChoiceField(choices=[("receive", "Tiếp nhận"), ("supplement", "Yêu cầu bổ sung"),
                                          ("refuse", "Từ chối tiếp nhận")], widget=forms.HiddenInput, required=False)
    refuse_reasons = forms.CharField(label="Lý do từ chối", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user=None, procedure=None, **kwargs):
        super().__init__(*args, **kwargs)
        desks = permissions.agencies_with(user, {permissions.COUNTER})
        self.fields["desk"].queryset = Agency.objects.filter(pk__in=desks)
        if len(desks) == 1:
            self.fields["desk"].initial = next(iter(desks))
        self.fields["processing_agency"].queryset = procedure.agencies.all()


@login_required
def counter(request, code=None):
    if not permissions.agencies_with(request.user, {permissions.COUNTER}):
        raise PermissionDenied("Chỉ cán bộ Một cửa mới dùng được quầy tiếp nhận.")
    if code is None:
        query = request.GET.get("q", "").strip()
        found = Procedure.objects.filter(is_published=True)
        if re.fullmatch(r"[\d.]+", query):  # officials often type the procedure's code
            found = found.filter(code__startswith=query).order_by("code")[:20]
        else:
            found = search(found, query)[:20] if query else found.order_by("name_folded")[:20]
        return render(request, "office/counter_pick.html", {"procedures": found, "q": query})
    procedure = get_object_or_404(Procedure.objects.select_related("current"), code=code, is_published=True)
    version = procedure.current
    lines = list(version.documents.all())
    form = ApplicantForm(request.POST or None, user=request.user, procedure=procedure,
                         initial=returning_applicant(request.user, request.GET.get("so_dinh_danh", "")))
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            dossier = _decide(request, form.cleaned_data, version, lines)
        except ValidationError as exc:
            problems = _attach_errors(form, exc)
        except PermissionDenied as exc:
            problems = [str(exc)]
        else:
            return redirect("office:dossier", code=dossier.code)
    ticked = {int(x) for x in request.POST.getlist("received_line") if x.isdigit()}
    return render(request, "office/counter.html", {
        "procedure": procedure, "version": version, "form": form, "problems": problems,
        "lines": [(line, line.pk in ticked, request.POST.get(f"reason_{line.pk}", "")) for line in lines],
    })


def returning_applicant(user, id_number: str) -> dict:
    """Tìm người nộp: the applicant's details from their latest dossier this officer may see."""
    id_number = id_number.strip()
    if not id_number:
        return {}
    latest = (Dossier.objects.visible_to(user).filter(applicant_id_number=id_number).order_by("-created_at")
              .values(*[f for f in lifecycle.intake.APPLICANT_FIELDS if f != "applicant_kind"]).first())
    return {key: value for key, value in (latest or {"applicant_id_number": id_number}).items() if value}


def _attach_errors(form, exc: ValidationError) -> list[str]:
    if not hasattr(exc, "error_dict"):
        return exc.messages
    loose = []
    for field, errors in exc.message_dict.items():
        if field in form.fields:
            for error in errors:
                form.add_error(field, error)
        else:
            loose.extend(errors)
    return loose


@transaction.atomic
def _decide(request, data, version, lines) -> Dossier:
    ticked = {int(x) for x in request.POST.getlist("received_line") if x.isdigit()}
    uploads = [(line, request.FILES[f"file_{line.pk}"]) for line in lines if f"file_{line.pk}" in request.FILES]
    missing = [line for line in lines if line.is_required and line.pk not in ticked]
    decision = data["decision"] or "receive"
    if decision == "receive" and missing:
        raise ValidationError("Hồ sơ còn thiếu giấy tờ bắt buộc: " + "; ".join(l.name for l in missing)
                              + ". Hãy chọn “Yêu cầu bổ sung” và ghi lý do cho từng giấy tờ.")
    if decision == "refuse" and not data["refuse_reasons"].strip():
        raise ValidationError({"refuse_reasons": "Ghi rõ lý do từ chối tiếp nhận."})
    applicant = {key: data[key] for key in lifecycle.intake.APPLICANT_FIELDS if key in data and data[key]}
    # "online" here is assisted submission: the officer files an online dossier for someone who cannot use the
    # portal, recorded as such in the dossier's first event.
    dossier = lifecycle.register(actor=request.user, version=version, receiving_agency=data["desk"],
                                 applicant=applicant, channel=data["channel"], uploads=uploads,
                                 processing_agency=data["processing_agency"], assisted=data["channel"] == "online")
    if decision == "receive":
        lifecycle.receive(dossier.pk, actor=request.user)
        messages.success(request, "Đã tiếp nhận hồ sơ. In Giấy tiếp nhận và hẹn trả kết quả (mẫu 01) cho công dân.")
    elif decision == "supplement":
        items = [{"item": line.name, "reason": request.POST.get(f"reason_{line.pk}", "")}
                 for line in lines if line.pk not in ticked and (line.is_required or
                                                                 request.POST.get(f"reason_{line.pk}"))]
        lifecycle.desk_supplement(dossier.pk, actor=request.user, items=items)
        messages.success(request, "Đã lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02).")
    else:
        lifecycle.desk_refuse(dossier.pk, actor=request.user, reasons=data["refuse_reasons"])
        messages.success(request, "Đã lập Phiếu từ chối tiếp nhận (mẫu 03).")
    return dossier
