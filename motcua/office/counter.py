"""Quầy Một cửa: find the procedure, enter the applicant, tick and scan the documents, then receive (form 01),
ask for a supplement (form 02) or refuse (form 03). Registration and the decision are one transaction.

Every problem of the form is shown at once (fields, each file, each missing document), and the scans that passed
their checks are kept while the officer corrects the rest (office/held.py). Whether the dossier is complete is
decided by the lifecycle (dossiers/completeness.py), from the lines ticked or scanned and the conditional lines
marked "không áp dụng".
"""

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
from motcua.dossiers import completeness, files, lifecycle, permissions
from motcua.dossiers.models import Dossier
from motcua.vntext import formats
from motcua.vntext.validators import validate_email_address, validate_id_number, validate_person_name, validate_phone

from . import held

REQUIRED = {"required": "Vui lòng nhập thông tin này."}


class ApplicantForm(forms.Form):
    desk = forms.ModelChoiceField(
        label="Nơi tiếp nhận",
        queryset=Agency.objects.none(),
        empty_label="Chọn nơi tiếp nhận",
        error_messages={"required": "Chọn nơi tiếp nhận.", "invalid_choice": "Nơi tiếp nhận không hợp lệ."},
    )
    channel = forms.ChoiceField(
        label="Hình thức nộp",
        choices=[
            ("direct", "Trực tiếp"),
            ("postal", "Bưu chính"),
            ("online", "Trực tuyến – cán bộ nộp thay người dân"),
        ],
        error_messages=REQUIRED,
    )
    processing_agency = forms.ModelChoiceField(
        label="Cơ quan giải quyết",
        required=False,
        queryset=Agency.objects.none(),
        empty_label="Theo thẩm quyền của thủ tục",
    )
    applicant_name = forms.CharField(
        label="Họ và tên người có yêu cầu", max_length=200, error_messages=REQUIRED, validators=[validate_person_name]
    )
    applicant_id_number = forms.CharField(
        label="Số định danh cá nhân",
        max_length=12,
        error_messages=REQUIRED,
        validators=[validate_id_number],
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    applicant_birth_date = forms.DateField(
        label="Ngày sinh",
        required=False,
        input_formats=list(formats.DATE_INPUTS),
        help_text="ngày/tháng/năm, ví dụ 05/03/1990",
        error_messages={"invalid": "Ngày sinh không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 05/03/1990."},
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}),
    )
    applicant_phone = forms.CharField(
        label="Số điện thoại",
        max_length=15,
        error_messages=REQUIRED,
        validators=[validate_phone],
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )
    applicant_email = forms.CharField(
        label="Thư điện tử",
        required=False,
        max_length=254,
        validators=[validate_email_address],
        widget=forms.EmailInput(attrs={"placeholder": "ten@example.vn"}),
    )
    applicant_address = forms.CharField(label="Địa chỉ", max_length=300, required=False)
    proxy_name = forms.CharField(
        label="Người nộp thay (nếu có)", max_length=200, required=False, validators=[validate_person_name]
    )
    proxy_id_number = forms.CharField(
        label="Số định danh người nộp thay",
        max_length=12,
        required=False,
        validators=[validate_id_number],
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    decision = forms.ChoiceField(
        choices=[("receive", "Tiếp nhận"), ("supplement", "Yêu cầu bổ sung"), ("refuse", "Từ chối tiếp nhận")],
        widget=forms.HiddenInput,
        required=False,
    )
    refuse_reasons = forms.CharField(label="Lý do từ chối", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user=None, procedure=None, **kwargs):
        super().__init__(*args, **kwargs)
        desks = permissions.agencies_with(user, {permissions.COUNTER})
        self.fields["desk"].queryset = Agency.objects.filter(pk__in=desks).order_by("name")
        if len(desks) == 1:
            self.fields["desk"].initial = next(iter(desks))
            self.fields["desk"].empty_label = None
        self.fields["processing_agency"].queryset = procedure.agencies.all()

    def clean_applicant_birth_date(self):
        from django.utils import timezone

        value = self.cleaned_data["applicant_birth_date"]
        if value and value > timezone.localdate():
            raise ValidationError("Ngày sinh không được sau ngày hôm nay.")
        return value


class Line:
    """One document line as the officer left it: ticked, marked not applicable, its scan (new or kept), its
    reason if missing, and what is wrong with it."""

    def __init__(self, requirement, post, files_in, user):
        self.requirement, self.pk = requirement, requirement.pk
        self.ticked = str(self.pk) in post.getlist("received_line")
        self.not_applicable = requirement.is_required and str(self.pk) in post.getlist("not_applicable")
        self.reason = post.get(f"reason_{self.pk}", "").strip()
        self.token = post.get(f"kept_{self.pk}", "")
        self.upload = files_in.get(f"file_{self.pk}")
        self.kept_name, self.error, self.scan = "", "", None
        self.user = user

    def check_scan(self) -> None:
        """Read and check a new file (kept for the next try if it is good) or take back the kept one."""
        if self.upload is not None:
            try:
                content, kind = files.read_checked(self.upload, f"Tệp “{self.upload.name}”")
            except ValidationError as exc:
                self.error = " ".join(exc.messages)
                return
            if self.token:
                held.release(self.user, self.token)
            self.token = held.hold(self.user, self.pk, self.upload.name, content, kind)
            self.scan = (self.upload.name, content, kind)
        elif self.token:
            self.scan = held.take(self.user, self.token, self.pk)
            if self.scan is None:
                self.token = ""
                self.error = "Tệp quét đã giữ không còn dùng được: hãy chọn lại tệp."
        if self.scan:
            self.kept_name = self.scan[0]

    @property
    def present(self) -> bool:
        return self.ticked or self.scan is not None


@login_required
def counter(request, code=None):
    if not permissions.agencies_with(request.user, {permissions.COUNTER}):
        raise PermissionDenied("Chỉ cán bộ Một cửa mới dùng được quầy tiếp nhận.")
    if code is None:
        return _pick(request)
    procedure = get_object_or_404(Procedure.objects.select_related("current"), code=code, is_published=True)
    version = procedure.current
    form = ApplicantForm(
        request.POST or None,
        user=request.user,
        procedure=procedure,
        initial=returning_applicant(request.user, request.GET.get("so_dinh_danh", "")),
    )
    lines = [Line(r, request.POST, request.FILES, request.user) for r in version.documents.all()]
    problems = []
    if request.method == "POST":
        for line in lines:
            line.check_scan()
        form_ok = form.is_valid()
        problems = _check_lines(form, lines)
        if form_ok and not problems and not any(line.error for line in lines):
            try:
                dossier = _decide(request, form.cleaned_data, version, lines)
            except ValidationError as exc:
                problems = _attach_errors(form, exc)
            except PermissionDenied as exc:
                problems = [str(exc)]
            else:
                for line in lines:
                    if line.token:
                        held.release(request.user, line.token)
                return redirect("office:dossier", code=dossier.code)
        problems = problems or (
            ["Vui lòng sửa các lỗi được đánh dấu bên dưới."] if form.errors or any(line.error for line in lines) else []
        )
    return render(
        request,
        "office/counter.html",
        {
            "procedure": procedure,
            "version": version,
            "form": form,
            "problems": problems,
            "lines": lines,
            "takes_dossiers": version.takes_dossiers,
        },
        status=400 if problems else 200,
    )


def _pick(request):
    query = request.GET.get("q", "").strip()
    found = Procedure.objects.filter(is_published=True)
    if re.fullmatch(r"[\d.]+", query):  # officials often type the procedure's code
        found = found.filter(code__startswith=query).order_by("code")[:20]
    else:
        found = search(found, query)[:20] if query else found.order_by("name_folded")[:20]
    return render(request, "office/counter_pick.html", {"procedures": found, "q": query})


def _check_lines(form, lines) -> list[str]:
    """What the decision needs from the document lines, each problem named (all of them, at once)."""
    decision = form.data.get("decision") or "receive"
    skipped = [line.pk for line in lines if line.not_applicable]
    lacking = completeness.missing(
        [line.requirement for line in lines], [line.pk for line in lines if line.present], skipped
    )
    for line in lines:  # a line the catalogue reads as always required: "không áp dụng" only with a reason
        if line.not_applicable and not line.requirement.condition and not line.reason:
            line.error = line.error or (
                "Giấy tờ này danh mục ghi là bắt buộc: ghi lý do vì sao không áp dụng với người nộp."
            )
    if decision == "receive" and lacking:
        return [
            "Hồ sơ còn thiếu giấy tờ bắt buộc: "
            + "; ".join(line.name for line in lacking)
            + ". Hãy chọn “Yêu cầu bổ sung” và ghi lý do cho từng giấy tờ, hoặc đánh dấu “Không áp dụng” "
            "cho giấy tờ có điều kiện không đúng với người nộp."
        ]
    if decision == "supplement":
        for line in lines:
            if line.requirement in lacking and not line.reason:
                line.error = line.error or "Ghi lý do cần bổ sung giấy tờ này."
        if not lacking and not any(line.reason for line in lines):
            return ["Hồ sơ đã đủ giấy tờ: không có gì để yêu cầu bổ sung. Ghi lý do ở giấy tờ cần bổ sung."]
    if decision == "refuse" and not form.data.get("refuse_reasons", "").strip():
        form.add_error("refuse_reasons", "Ghi rõ lý do từ chối tiếp nhận.")
    return []


def returning_applicant(user, id_number: str) -> dict:
    """Tìm người nộp: the applicant's details from their latest dossier this officer may see."""
    id_number = id_number.strip()
    if not id_number:
        return {}
    latest = (
        permissions.visible_dossiers(Dossier.objects.all(), user)
        .filter(applicant_id_number=id_number)
        .order_by("-created_at")
        .values(*[f for f in lifecycle.intake.APPLICANT_FIELDS if f != "applicant_kind"])
        .first()
    )
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
    from django.core.files.uploadedfile import SimpleUploadedFile

    decision = data["decision"] or "receive"
    uploads = [
        (line.requirement, SimpleUploadedFile(line.scan[0], line.scan[1], content_type=line.scan[2]))
        for line in lines
        if line.scan
    ]
    skipped = [line.pk for line in lines if line.not_applicable]
    reasons = {line.pk: line.reason for line in lines if line.not_applicable and line.reason}
    applicant = {key: data[key] for key in lifecycle.intake.APPLICANT_FIELDS if data.get(key)}
    # "online" here is assisted submission: the officer files an online dossier for someone who cannot use the
    # portal, recorded as such in the dossier's first event.
    dossier = lifecycle.register(
        actor=request.user,
        version=version,
        receiving_agency=data["desk"],
        applicant=applicant,
        channel=data["channel"],
        uploads=uploads,
        processing_agency=data["processing_agency"],
        assisted=data["channel"] == "online",
        not_applicable=skipped,
        not_applicable_reasons=reasons,
    )
    if decision == "receive":
        lifecycle.receive(
            dossier,
            actor=request.user,
            received_lines=[line.pk for line in lines if line.present],
            not_applicable=skipped,
            not_applicable_reasons=reasons,
        )
        messages.success(request, "Đã tiếp nhận hồ sơ. In Giấy tiếp nhận và hẹn trả kết quả (mẫu 01) cho công dân.")
    elif decision == "supplement":
        needed = completeness.needed([line.requirement for line in lines], skipped)
        items = [
            {"item": line.requirement.name, "reason": line.reason}
            for line in lines
            if (line.requirement in needed and not line.present) or line.reason
        ]
        lifecycle.desk_supplement(dossier, actor=request.user, items=items)
        messages.success(request, "Đã lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02).")
    else:
        lifecycle.desk_refuse(dossier, actor=request.user, reasons=data["refuse_reasons"])
        messages.success(request, "Đã lập Phiếu từ chối tiếp nhận (mẫu 03).")
    return dossier
