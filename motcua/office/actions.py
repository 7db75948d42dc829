"""One small form per lifecycle action on the dossier page; each calls `dossiers.lifecycle` and nothing else."""

import datetime as dt

from django import forms
from django.utils import timezone

from motcua.accounts.models import User
from motcua.agencies.models import Agency
from motcua.dossiers import lifecycle
from motcua.signing.models import Layout
from motcua.vntext import formats

SUPPLEMENT_ROWS = 4


class ActionForm(forms.Form):
    notice = None  # something the officer should know about what the action did (shown after it)

    def __init__(self, *args, dossier=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.dossier, self.user = dossier, user

    def run(self):
        raise NotImplementedError


def other_agencies(dossier):
    return Agency.objects.filter(is_active=True).exclude(pk=dossier.processing_agency_id)


class Receive(ActionForm):
    """Tiếp nhận from the dossier page: each needed line without a file is ticked when its paper is received, and
    each conditional line can be marked "không áp dụng" (the applicant's online answer is the starting point); a
    line without a file that the catalogue reads as always required can be too, with a reason."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_file = set(self.dossier.documents.filter(kind="input").values_list("requirement_id", flat=True))
        self.lines = list(self.dossier.procedure_version.documents.all())
        for line in self.lines:
            if line.condition:
                self.fields[f"na_{line.pk}"] = forms.BooleanField(
                    label=f"Không áp dụng – {line.name} (điều kiện: {line.condition})",
                    required=False,
                    initial=line.pk in self.dossier.not_applicable,
                )
            if line.is_required and line.pk not in with_file:
                self.fields[f"paper_{line.pk}"] = forms.BooleanField(
                    label=f"Đã nhận bản giấy – {line.name}", required=False
                )
                if not line.condition:
                    self.fields[f"na_{line.pk}"] = forms.BooleanField(
                        label=f"Không áp dụng với người nộp – {line.name}", required=False
                    )
                    self.fields[f"why_{line.pk}"] = forms.CharField(
                        label="Lý do không áp dụng (bắt buộc khi đánh dấu)", required=False, max_length=500
                    )

    def run(self):
        data = self.cleaned_data
        return lifecycle.receive(
            self.dossier,
            actor=self.user,
            received_lines=[line.pk for line in self.lines if data.get(f"paper_{line.pk}")],
            not_applicable=[line.pk for line in self.lines if data.get(f"na_{line.pk}")],
            not_applicable_reasons={
                line.pk: data.get(f"why_{line.pk}", "") for line in self.lines if data.get(f"why_{line.pk}")
            },
        )


class SupplementItems(ActionForm):
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(SUPPLEMENT_ROWS):
            self.fields[f"item_{i}"] = forms.CharField(label=f"Giấy tờ {i + 1}", required=False, max_length=300)
            self.fields[f"reason_{i}"] = forms.CharField(label="Lý do", required=False, max_length=500)

    def items(self):
        return [
            {"item": self.cleaned_data[f"item_{i}"], "reason": self.cleaned_data[f"reason_{i}"]}
            for i in range(SUPPLEMENT_ROWS)
        ]


class DeskSupplement(SupplementItems):
    def run(self):
        return lifecycle.desk_supplement(
            self.dossier, actor=self.user, items=self.items(), note=self.cleaned_data["note"]
        )


class RequestSupplement(SupplementItems):
    approved_by = forms.ModelChoiceField(
        label="Lãnh đạo phê duyệt (yêu cầu lần 2)",
        required=False,
        queryset=User.objects.none(),
        empty_label="Không cần (yêu cầu lần đầu)",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approved_by"].queryset = User.objects.filter(
            staff_roles__agency=self.dossier.processing_agency, staff_roles__role="head"
        )

    def run(self):
        return lifecycle.request_supplement(
            self.dossier,
            actor=self.user,
            items=self.items(),
            note=self.cleaned_data["note"],
            approved_by=self.cleaned_data["approved_by"],
        )


class Reasons(ActionForm):
    reasons = forms.CharField(label="Lý do", widget=forms.Textarea(attrs={"rows": 3}))


class DeskRefuse(Reasons):
    def run(self):
        return lifecycle.desk_refuse(self.dossier, actor=self.user, reasons=self.cleaned_data["reasons"])


class Refuse(Reasons):
    def run(self):
        return lifecycle.refuse(self.dossier, actor=self.user, reasons=self.cleaned_data["reasons"])


class Stop(Reasons):
    def run(self):
        return lifecycle.stop(self.dossier, actor=self.user, reason=self.cleaned_data["reasons"])


class Withdraw(Reasons):
    def run(self):
        return lifecycle.withdraw(self.dossier, actor=self.user, reason=self.cleaned_data["reasons"])


class Assign(ActionForm):
    officer = forms.ModelChoiceField(
        label="Chuyên viên",
        queryset=User.objects.none(),
        empty_label="Chọn chuyên viên",
        error_messages={"required": "Chọn chuyên viên được phân công."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = User.objects.filter(
            staff_roles__agency=self.dossier.processing_agency, staff_roles__role="specialist"
        ).distinct()

    def run(self):
        return lifecycle.assign(self.dossier, actor=self.user, officer=self.cleaned_data["officer"])


class Resubmit(ActionForm):
    note = forms.CharField(label="Giấy tờ đã nhận bổ sung", required=False)

    def run(self):
        return lifecycle.resubmit(self.dossier, actor=self.user, note=self.cleaned_data["note"])


class AnswerDeskSupplement(ActionForm):
    note = forms.CharField(label="Giấy tờ đã nhận bổ sung", required=False)
    file = forms.FileField(label="Tệp quét giấy tờ bổ sung (PDF, JPEG, PNG)", required=False)

    def run(self):
        upload = self.cleaned_data["file"]
        return lifecycle.answer_desk_supplement(
            self.dossier, actor=self.user, note=self.cleaned_data["note"], uploads=[(None, upload)] if upload else []
        )


class Forward(ActionForm):
    agencies = forms.ModelMultipleChoiceField(label="Cơ quan phối hợp", queryset=Agency.objects.none())
    days = forms.DecimalField(
        label="Thời hạn cho mỗi cơ quan (ngày làm việc)", min_value=0.5, max_digits=5, decimal_places=1
    )
    parallel = forms.BooleanField(label="Gửi đồng thời (hồ sơ điện tử)", required=False)
    note = forms.CharField(label="Nội dung công việc", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = other_agencies(self.dossier)

    def run(self):
        data = self.cleaned_data
        return lifecycle.forward(
            self.dossier,
            actor=self.user,
            agencies=list(data["agencies"]),
            days=data["days"],
            parallel=data["parallel"],
            note=data["note"],
        )


class CompleteStep(ActionForm):
    note = forms.CharField(label="Kết quả phần việc", required=False)
    next_agency = forms.ModelChoiceField(
        label="Chuyển tiếp cho (liên thông tuần tự)",
        required=False,
        empty_label="Không chuyển tiếp: trả về cơ quan chủ trì",
        queryset=Agency.objects.filter(is_active=True),
    )
    days = forms.DecimalField(
        label="Thời hạn (ngày làm việc)", required=False, min_value=0.5, max_digits=5, decimal_places=1
    )

    def run(self):
        data = self.cleaned_data
        return lifecycle.complete_step(
            self.dossier, actor=self.user, note=data["note"], next_agency=data["next_agency"], days=data["days"]
        )


class Consult(ActionForm):
    agency = forms.ModelChoiceField(
        label="Cơ quan được xin ý kiến",
        queryset=Agency.objects.none(),
        empty_label="Chọn cơ quan",
        error_messages={"required": "Chọn cơ quan được xin ý kiến."},
    )
    days = forms.DecimalField(label="Thời hạn trả lời (ngày làm việc)", min_value=0.5, max_digits=5, decimal_places=1)
    question = forms.CharField(label="Nội dung xin ý kiến", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = other_agencies(self.dossier)

    def run(self):
        data = self.cleaned_data
        return lifecycle.consult(
            self.dossier, actor=self.user, agency=data["agency"], days=data["days"], question=data["question"]
        )


class AnswerConsultation(ActionForm):
    answer = forms.CharField(label="Ý kiến", widget=forms.Textarea(attrs={"rows": 2}))

    def run(self):
        return lifecycle.answer_consultation(self.dossier, actor=self.user, answer=self.cleaned_data["answer"])


class RequestPayment(ActionForm):
    amount = forms.IntegerField(label="Số tiền (đồng)", required=False, min_value=1)

    def run(self):
        return lifecycle.request_payment(self.dossier, actor=self.user, amount=self.cleaned_data["amount"])


class ConfirmPayment(ActionForm):
    reference = forms.CharField(label="Số biên lai", required=False)

    def run(self):
        return lifecycle.confirm_payment(self.dossier, actor=self.user, reference=self.cleaned_data["reference"])


class SubmitForApproval(ActionForm):
    approver = forms.ModelChoiceField(
        label="Lãnh đạo phê duyệt",
        required=False,
        queryset=User.objects.none(),
        empty_label="Lãnh đạo đơn vị (mặc định)",
    )
    proposal = forms.CharField(label="Đề xuất", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approver"].queryset = lifecycle.approval.approvers(self.dossier.processing_agency)
        self.fields["approver"].label_from_instance = lambda user: user.full_name or user.username

    def run(self):
        return lifecycle.submit_for_approval(
            self.dossier,
            actor=self.user,
            approver=self.cleaned_data["approver"],
            proposal=self.cleaned_data["proposal"],
        )


class Approve(ActionForm):
    note = forms.CharField(label="Ý kiến phê duyệt", required=False)

    def run(self):
        return lifecycle.approve(self.dossier, actor=self.user, note=self.cleaned_data["note"])


class ReturnForRework(ActionForm):
    reason = forms.CharField(label="Lý do trả lại", widget=forms.Textarea(attrs={"rows": 2}))

    def run(self):
        return lifecycle.return_for_rework(self.dossier, actor=self.user, reason=self.cleaned_data["reason"])


class IssueResult(ActionForm):
    summary = forms.CharField(label="Kết quả (số, ký hiệu giấy tờ cấp)")
    file = forms.FileField(label="Tệp kết quả đã ký số (PDF)", required=False)

    def run(self):
        upload = self.cleaned_data["file"]
        return lifecycle.issue_result(
            self.dossier,
            actor=self.user,
            summary=self.cleaned_data["summary"],
            uploads=[("Kết quả giải quyết", upload)] if upload else [],
        )


class SendForSigning(ActionForm):
    """Trình ký: the drafted result as a PDF; its number and date are written into it here, before any signature."""

    symbol = forms.ChoiceField(label="Loại văn bản kết quả", choices=list(lifecycle.signing.SYMBOLS.items()))
    summary = forms.CharField(label="Trích yếu kết quả", max_length=500)
    file = forms.FileField(label="Dự thảo kết quả (PDF, chưa ký)")
    layout = forms.ModelChoiceField(
        label="Mẫu trình bày (vị trí số, chữ ký, con dấu)",
        queryset=Layout.objects.all(),
        required=False,
        empty_label="A4 dọc (mặc định)",
    )

    def run(self):
        data = self.cleaned_data
        return lifecycle.send_for_signing(
            self.dossier,
            actor=self.user,
            summary=data["summary"],
            upload=data["file"],
            symbol=data["symbol"],
            layout=data["layout"],
        )


class Sign(ActionForm):
    """The leader's signature, with the key they registered (a .p12 held here, or their remote signing account:
    the request then waits for their approval in the signing app on their phone)."""

    notice = "Đã gửi yêu cầu ký. Ký số từ xa: xác nhận trên ứng dụng ký số của điện thoại trong 5 phút."

    def run(self):
        return lifecycle.sign(self.dossier, actor=self.user)


class Seal(ActionForm):
    notice = "Đã gửi yêu cầu ký số của cơ quan; kết quả được ban hành khi ký xong."

    def run(self):
        return lifecycle.seal(self.dossier, actor=self.user)


class Extend(ActionForm):
    """The new promise typed day first (dd/mm/yyyy) whatever the browser's language, at 17:00 unless a time is
    given; a moment the office is closed is moved to a working one by the lifecycle."""

    new_date = forms.DateField(
        label="Ngày hẹn trả mới",
        input_formats=list(formats.DATE_INPUTS),
        help_text="ngày/tháng/năm, ví dụ 20/03/2026",
        error_messages={
            "required": "Nhập ngày hẹn trả mới.",
            "invalid": "Ngày hẹn trả không hợp lệ: nhập ngày/tháng/năm.",
        },
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}),
    )
    new_time = forms.TimeField(
        label="Giờ hẹn trả",
        required=False,
        input_formats=["%H:%M", "%Hh%M", "%H"],
        help_text="giờ:phút, bỏ trống: 17:00",
        error_messages={"invalid": "Giờ hẹn trả không hợp lệ: nhập giờ:phút, ví dụ 09:30."},
        widget=forms.TimeInput(attrs={"placeholder": "17:00", "inputmode": "numeric"}),
    )
    reason = forms.CharField(label="Lý do chậm trễ (văn bản xin lỗi)", widget=forms.Textarea(attrs={"rows": 2}))

    def run(self):
        moment = dt.datetime.combine(self.cleaned_data["new_date"], self.cleaned_data["new_time"] or dt.time(17))
        new_due = timezone.make_aware(moment)
        dossier = lifecycle.extend(self.dossier, actor=self.user, new_due=new_due, reason=self.cleaned_data["reason"])
        self.notice = dossier.events.order_by("-seq").values_list("data__moved", flat=True).first()
        return dossier


class ReturnResult(ActionForm):
    method = forms.ChoiceField(
        label="Hình thức trả",
        choices=[("desk", "Tại Bộ phận Một cửa"), ("post", "Qua bưu chính"), ("online", "Trực tuyến")],
    )

    def run(self):
        return lifecycle.return_result(self.dossier, actor=self.user, method=self.cleaned_data["method"])


FORMS = {
    "receive": Receive,
    "desk_supplement": DeskSupplement,
    "desk_refuse": DeskRefuse,
    "answer_desk_supplement": AnswerDeskSupplement,
    "assign": Assign,
    "request_supplement": RequestSupplement,
    "resubmit": Resubmit,
    "forward": Forward,
    "complete_step": CompleteStep,
    "consult": Consult,
    "answer_consultation": AnswerConsultation,
    "request_payment": RequestPayment,
    "confirm_payment": ConfirmPayment,
    "submit_for_approval": SubmitForApproval,
    "approve": Approve,
    "return_for_rework": ReturnForRework,
    "refuse": Refuse,
    "issue_result": IssueResult,
    "send_for_signing": SendForSigning,
    "sign": Sign,
    "seal": Seal,
    "extend": Extend,
    "return_result": ReturnResult,
    "stop": Stop,
    "withdraw": Withdraw,
}
