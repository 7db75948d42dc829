"""Forms of the PAKN pages: the public submission form and the officials' action forms, in Vietnamese."""

from django import forms
from django.core.exceptions import ValidationError

from motcua.agencies.models import Agency
from motcua.catalog.models import Procedure
from motcua.dossiers.files import read_checked

from .models import Feedback

MAX_FILES = 5
REQUIRED = "Vui lòng nhập {}."


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to MAX_FILES files, each a PDF, JPEG or PNG checked by content: cleans to [(name, bytes, type)]."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        uploads = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if len(uploads) > MAX_FILES:
            raise ValidationError(f"Chỉ được đính kèm tối đa {MAX_FILES} tệp.")
        checked = []
        for upload in uploads:
            content, kind = read_checked(upload, f"Tệp “{upload.name}”")
            checked.append((upload.name, content, kind))
        return checked


def active_agencies():
    return Agency.objects.filter(is_active=True).order_by("level", "name")


class SubmitForm(forms.ModelForm):
    procedure_code = forms.CharField(label="Mã thủ tục hành chính liên quan (nếu có)", max_length=40, required=False)
    attachments = AttachmentsField(label="Tệp đính kèm (PDF, JPEG, PNG; tối đa 5 tệp)", required=False)

    class Meta:
        model = Feedback
        fields = [
            "kind",
            "sender_name",
            "sender_address",
            "sender_phone",
            "sender_email",
            "receiving_agency",
            "subject_agency",
            "dossier_code",
            "title",
            "content",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "content": forms.Textarea(attrs={"rows": 6}),
            "sender_phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "sender_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "sender_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }
        labels = {
            "receiving_agency": "Cơ quan tiếp nhận",
            "subject_agency": "Cơ quan bị phản ánh (nếu có)",
            "dossier_code": "Mã hồ sơ liên quan (nếu có)",
            "kind": "Loại",
        }
        error_messages = {
            "kind": {"required": "Vui lòng chọn phản ánh hoặc kiến nghị."},
            "sender_name": {"required": REQUIRED.format("họ và tên")},
            "sender_address": {"required": REQUIRED.format("địa chỉ")},
            "sender_phone": {"required": REQUIRED.format("số điện thoại")},
            "sender_email": {"invalid": "Địa chỉ thư điện tử không hợp lệ."},
            "receiving_agency": {"required": "Vui lòng chọn cơ quan tiếp nhận."},
            "title": {"required": REQUIRED.format("tiêu đề")},
            "content": {"required": REQUIRED.format("nội dung phản ánh, kiến nghị")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Feedback.Kind.choices
        self.fields["receiving_agency"].queryset = active_agencies()
        self.fields["subject_agency"].queryset = active_agencies()
        self.fields["receiving_agency"].empty_label = "— Chọn cơ quan —"
        self.fields["subject_agency"].empty_label = "— Không —"
        self.order_fields(
            [
                "kind",
                "sender_name",
                "sender_phone",
                "sender_address",
                "sender_email",
                "receiving_agency",
                "title",
                "content",
                "procedure_code",
                "dossier_code",
                "subject_agency",
                "attachments",
            ]
        )

    def clean_sender_phone(self):
        return "".join(self.cleaned_data["sender_phone"].split()).replace(".", "")

    def clean_procedure_code(self):
        code = self.cleaned_data["procedure_code"].strip()
        if not code:
            return None
        procedure = Procedure.objects.filter(code=code).first()
        if procedure is None:
            raise ValidationError("Không tìm thấy thủ tục hành chính có mã này.")
        return procedure

    def data_for_service(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["procedure"] = self.cleaned_data.get("procedure_code")
        return data


class TrackForm(forms.Form):
    ma = forms.CharField(label="Mã PAKN", max_length=20, error_messages={"required": REQUIRED.format("mã PAKN")})
    dien_thoai = forms.CharField(
        label="Số điện thoại người gửi", max_length=15, error_messages={"required": REQUIRED.format("số điện thoại")}
    )


class RateForm(TrackForm):
    danh_gia = forms.ChoiceField(
        label="Đánh giá kết quả xử lý",
        choices=Feedback.Rating.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Vui lòng chọn Hài lòng hoặc Không hài lòng."},
    )
    y_kien = forms.CharField(
        label="Ý kiến (nếu có)", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class SenderSupplementForm(TrackForm):
    """The sender's answer to a supplement request: text, and files checked like those of the submission."""

    noi_dung = forms.CharField(
        label="Nội dung bổ sung",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": REQUIRED.format("nội dung bổ sung"),
            "max_length": "Nội dung bổ sung dài tối đa 5000 ký tự.",
        },
    )
    tep = AttachmentsField(label="Tệp đính kèm (PDF, JPEG, PNG; tối đa 5 tệp)", required=False)


# --- officials ---------------------------------------------------------------------------------------------------


class ClassifyForm(forms.Form):
    classification = forms.ChoiceField(
        label="Phân loại",
        choices=[c for c in Feedback.Classification.choices if c[0] != Feedback.Classification.NOT_ACCEPTED],
    )
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RefuseForm(forms.Form):
    reason = forms.CharField(label="Lý do không tiếp nhận", widget=forms.Textarea(attrs={"rows": 3}))


class SupplementForm(forms.Form):
    note = forms.CharField(label="Thông tin cần bổ sung", widget=forms.Textarea(attrs={"rows": 3}))


class TransferForm(forms.Form):
    to_agency = forms.ModelChoiceField(
        label="Chuyển đến cơ quan có thẩm quyền",
        queryset=Agency.objects.none(),
        empty_label="Chọn cơ quan có thẩm quyền",
        error_messages={"required": "Chọn cơ quan có thẩm quyền."},
    )
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, feedback=None, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = active_agencies()
        if feedback is not None:
            agencies = agencies.exclude(pk=feedback.handling_agency_id)
        self.fields["to_agency"].queryset = agencies


class AnswerForm(forms.Form):
    text = forms.CharField(label="Nội dung trả lời, kết quả xử lý", widget=forms.Textarea(attrs={"rows": 6}))


class PublishForm(forms.Form):
    pass


ACTION_FORMS = {
    "classify": ClassifyForm,
    "refuse": RefuseForm,
    "request_supplement": SupplementForm,
    "transfer": TransferForm,
    "answer": AnswerForm,
    "publish": PublishForm,
}
