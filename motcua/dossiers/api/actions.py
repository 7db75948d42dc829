"""One input serializer per lifecycle action: it validates the request and calls `dossiers.lifecycle`, nothing else.

Field names are the lifecycle's argument names, so a field error raised inside the lifecycle (for example
`{"items": "Mỗi giấy tờ cần bổ sung phải có cả tên giấy tờ và lý do cụ thể."}`) lands on the field the caller sent.
"""
from decimal import Decimal

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import empty
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.utils import html

from motcua.accounts.models import User
from motcua.agencies.models import Agency

from .. import files, lifecycle
from ..lifecycle.results import RETURN_METHODS
from .errors import vietnamese


# Base of every input: Vietnamese messages on every field; `perform` runs the action. (A comment, not a docstring:
# drf-spectacular would print a docstring as the description of every request body.)
class Input(serializers.Serializer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["invalid"] = "Dữ liệu không hợp lệ: cần một đối tượng JSON (nhận được {datatype})."
        for field in self.fields.values():
            vietnamese(field)

    def perform(self, dossier, actor):
        raise NotImplementedError


class BySlug(serializers.SlugRelatedField):
    """A row named by its code or username. A text with a NUL character names none (PostgreSQL refused to look it
    up: a 500 before this check)."""

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data.replace("\x00", "\\x00"))
        return super().to_internal_value(data)


def agency_field(**kwargs):
    return BySlug(slug_field="code", queryset=Agency.objects.filter(is_active=True), **kwargs)


def staff_field(**kwargs):
    return BySlug(slug_field="username", **kwargs, queryset=User.objects.filter(kind=User.Kind.STAFF, is_active=True))


def sent_as_json(field) -> bool:
    """Whether the body was JSON rather than a multipart form (where every value arrives as text)."""
    return not html.is_html_input(getattr(field.root, "initial_data", None))


class JsonTyped:
    """A JSON value must have the type the schema states: DRF alone takes 5 for a text, "5" or 5.0 for an integer
    and "yes" for a boolean. Multipart values are text by nature and are read as before."""

    def json_type_ok(self, value) -> bool:
        raise NotImplementedError

    def to_internal_value(self, data):
        if sent_as_json(self) and not self.json_type_ok(data):
            self.fail("invalid")
        return super().to_internal_value(data)


class Text(JsonTyped, serializers.CharField):
    def json_type_ok(self, value) -> bool:
        return isinstance(value, str)


class Integer(JsonTyped, serializers.IntegerField):
    def json_type_ok(self, value) -> bool:  # 5.0 is an integer to JSON Schema too
        if isinstance(value, float):
            return value.is_integer()
        return isinstance(value, int) and not isinstance(value, bool)


class Boolean(JsonTyped, serializers.BooleanField):
    def json_type_ok(self, value) -> bool:
        return isinstance(value, bool)


def text(max_length=2000, **kwargs):
    return Text(max_length=max_length, allow_blank=True, trim_whitespace=True, **kwargs)


@extend_schema_field({"type": "string", "pattern": r"\S", "maxLength": 2000})
class Said(Text):
    """Text the lifecycle requires to say something (a reason, a question): the schema says so (a character that is
    not a space), while a blank value still reaches the lifecycle, whose message names what is missing."""

    def __init__(self, **kwargs):
        super().__init__(max_length=2000, trim_whitespace=True, **kwargs)

    def run_validation(self, data=empty):
        if isinstance(data, str) and not data.strip():
            return ""
        return super().run_validation(data)


@extend_schema_field({"type": "array", "items": {"type": "string", "format": "binary"}})
class Uploads(serializers.ListField):
    """Files of a multipart/form-data body (the schema said `uri` strings before: a file is binary)."""


def upload_list(help_text: str):
    return Uploads(child=serializers.FileField(max_length=200), default=list, help_text=help_text)


def carries_files(serializer: type[Input]) -> bool:
    return "files" in serializer._declared_fields


def request_schema(serializer: type[Input]):
    """The request bodies a view documents: JSON, and for an input that carries files also multipart/form-data,
    where the files are; the JSON body has no `files` nor `file_lines` (JSON cannot carry a file)."""
    if not carries_files(serializer):
        return serializer
    as_json = type(f"{serializer.__name__}Json", (serializer,), {"files": None, "file_lines": None,
                                                                   "__module__": serializer.__module__})
    return {"application/json": as_json, "multipart/form-data": serializer}


def parsers(serializer: type[Input]) -> list:
    return [JSONParser, MultiPartParser] if carries_files(serializer) else [JSONParser]


def check_uploads(uploads) -> list:
    """Type (by content: PDF, JPEG, PNG) and size of each file, before the action stores anything."""
    for upload in uploads:
        try:
            files.read_checked(upload, f"Tệp “{upload.name}”")
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from None
        finally:
            upload.seek(0)
    return uploads


def pair_with_lines(version, uploads: list, line_ids: list[int]) -> list[tuple]:
    """(required-document line, file) pairs: `file_lines[i]` names the line of `files[i]`."""
    if len(line_ids) != len(uploads):
        raise serializers.ValidationError({"file_lines": ["Mỗi tệp cần đúng một mã thành phần hồ sơ: file_lines "
                                                          "phải có cùng số phần tử và cùng thứ tự với files."]})
    lines = {line.pk: line for line in version.documents.filter(pk__in=line_ids)}
    unknown = [str(pk) for pk in line_ids if pk not in lines]
    if unknown:
        raise serializers.ValidationError({"file_lines": [f"Thành phần hồ sơ {', '.join(unknown)} không thuộc thủ "
                                                          "tục (phiên bản) của hồ sơ này."]})
    return [(lines[pk], upload) for pk, upload in zip(line_ids, uploads, strict=True)]


class SupplementItem(Input):
    item = text(300, help_text="Giấy tờ cần bổ sung")
    reason = text(500, help_text="Lý do (cụ thể, bắt buộc)")


def reasons_field():
    return serializers.DictField(
        child=text(500), required=False, default=dict,
        help_text="Lý do không áp dụng, theo mã thành phần hồ sơ ({\"12\": \"…\"}): bắt buộc với giấy tờ danh mục ghi là "
                  "bắt buộc")


class Receive(Input):
    received_lines = serializers.ListField(
        child=Integer(min_value=1), required=False, allow_null=True, default=None,
        help_text="Mã các thành phần hồ sơ đã nhận bản giấy. Khi gửi, hồ sơ được kiểm tra đủ giấy tờ (tệp đã có cộng "
                  "bản giấy); bỏ trống với hồ sơ giấy nghĩa là bên gọi tự bảo đảm đã nhận đủ. Hồ sơ trực tuyến luôn "
                  "được kiểm tra theo tệp đã nộp.")
    not_applicable = serializers.ListField(
        child=Integer(min_value=1), required=False, allow_null=True, default=None,
        help_text="Mã các thành phần hồ sơ không áp dụng với người nộp: giấy tờ có điều kiện khi điều kiện không "
                  "đúng; giấy tờ danh mục ghi là bắt buộc chỉ khi có lý do trong not_applicable_reasons; bỏ trống: giữ "
                  "khai báo khi nộp")
    not_applicable_reasons = reasons_field()

    def perform(self, dossier, actor):
        return lifecycle.receive(dossier.pk, actor=actor, **self.validated_data)


class DeskSupplement(Input):
    items = serializers.ListField(child=SupplementItem(), help_text="Mọi giấy tờ còn thiếu, mỗi giấy tờ một lý do")
    note = text(required=False, default="")

    def perform(self, dossier, actor):
        return lifecycle.desk_supplement(dossier.pk, actor=actor, **self.validated_data)


class Reasons(Input):
    reasons = Said(help_text="Lý do (bắt buộc)")


class DeskRefuse(Reasons):
    def perform(self, dossier, actor):
        return lifecycle.desk_refuse(dossier.pk, actor=actor, reasons=self.validated_data["reasons"])


class Assign(Input):
    officer = staff_field(help_text="Tên đăng nhập của chuyên viên được phân công")

    def perform(self, dossier, actor):
        return lifecycle.assign(dossier.pk, actor=actor, officer=self.validated_data["officer"])


class RequestSupplement(DeskSupplement):
    approved_by = staff_field(required=False, allow_null=True, default=None,
                              help_text="Lãnh đạo đơn vị phê duyệt (bắt buộc từ lần yêu cầu thứ hai)")

    def perform(self, dossier, actor):
        return lifecycle.request_supplement(dossier.pk, actor=actor, **self.validated_data)


class Resubmit(Input):
    note = text(required=False, default="", help_text="Giấy tờ đã nhận bổ sung")
    files = upload_list("Tệp bổ sung (multipart/form-data), PDF/JPEG/PNG")
    file_lines = serializers.ListField(child=Integer(min_value=1), default=list,
                                       help_text="Mã thành phần hồ sơ của từng tệp, cùng thứ tự với files")

    def validate_files(self, value):
        return check_uploads(value)

    def validate(self, data):
        data["uploads"] = pair_with_lines(self.context["dossier"].procedure_version, data.pop("files"),
                                          data.pop("file_lines"))
        return data

    def perform(self, dossier, actor):
        return lifecycle.resubmit(dossier.pk, actor=actor, **self.validated_data)


class AnswerDeskSupplement(Resubmit):
    note = text(required=False, default="", help_text="Nội dung đã bổ sung")

    def perform(self, dossier, actor):
        return lifecycle.answer_desk_supplement(dossier.pk, actor=actor, **self.validated_data)


# A number or its text, as DRF's DecimalField reads both; the schema drf-spectacular guessed (a text matching
# ^-?\d{0,4}(?:\.\d{0,1})?$) took "-" and "" for numbers.
@extend_schema_field({"anyOf": [{"type": "number", "minimum": 0.5, "maximum": 999},
                                {"type": "string", "pattern": r"^[0-9]{1,3}(\.[0-9])?$"}]})
class Days(serializers.DecimalField):
    pass


def days_field(**kwargs):
    return Days(max_digits=5, decimal_places=1, min_value=Decimal("0.5"), max_value=999,
                help_text="Thời hạn (ngày làm việc, từ 0,5 đến 999, tối đa một chữ số thập phân), ví dụ 1.5", **kwargs)


class Forward(Input):
    agencies = serializers.ListField(child=agency_field(), allow_empty=False,
                                     help_text="Mã định danh cơ quan phối hợp (tuần tự: đúng một cơ quan)")
    days = days_field()
    parallel = Boolean(default=False, help_text="Gửi đồng thời (hồ sơ điện tử)")
    note = text(required=False, default="", help_text="Nội dung công việc")

    def perform(self, dossier, actor):
        return lifecycle.forward(dossier.pk, actor=actor, **self.validated_data)


class CompleteStep(Input):
    note = text(required=False, default="", help_text="Kết quả phần việc")
    next_agency = agency_field(required=False, allow_null=True, default=None,
                               help_text="Chuyển tiếp cho cơ quan (liên thông tuần tự)")
    days = days_field(required=False, allow_null=True, default=None)

    def perform(self, dossier, actor):
        return lifecycle.complete_step(dossier.pk, actor=actor, **self.validated_data)


class Consult(Input):
    agency = agency_field(help_text="Mã định danh cơ quan được xin ý kiến")
    days = days_field()
    question = Said(help_text="Nội dung xin ý kiến")

    def perform(self, dossier, actor):
        return lifecycle.consult(dossier.pk, actor=actor, **self.validated_data)


class AnswerConsultation(Input):
    answer = Said(help_text="Ý kiến trả lời")

    def perform(self, dossier, actor):
        return lifecycle.answer_consultation(dossier.pk, actor=actor, answer=self.validated_data["answer"])


# Dossier.fee_total is a PositiveIntegerField: an `integer` column on PostgreSQL, so at most 2^31 − 1 đồng; above
# that the database refused the row (a 500) instead of the caller hearing what is wrong (a 400).
MAX_AMOUNT = 2_147_483_647


class RequestPayment(Input):
    amount = Integer(required=False, allow_null=True, default=None, min_value=1, max_value=MAX_AMOUNT,
                     help_text="Số tiền (đồng), tối đa 2.147.483.647; bỏ trống: theo phí, lệ phí của thủ tục")
    note = text(required=False, default="")

    def perform(self, dossier, actor):
        return lifecycle.request_payment(dossier.pk, actor=actor, **self.validated_data)


class ConfirmPayment(Input):
    online = Boolean(default=False, help_text="Đã nộp trực tuyến")
    reference = text(100, required=False, default="", help_text="Số biên lai hoặc mã giao dịch")

    def perform(self, dossier, actor):
        return lifecycle.confirm_payment(dossier.pk, actor=actor, **self.validated_data)


class SubmitForApproval(Input):
    proposal = text(required=False, default="", help_text="Đề xuất của chuyên viên")
    approver = staff_field(required=False, allow_null=True, default=None,
                           help_text="Tên đăng nhập của lãnh đạo phê duyệt; bỏ trống: lãnh đạo của cơ quan giải quyết")

    def perform(self, dossier, actor):
        return lifecycle.submit_for_approval(dossier.pk, actor=actor, **self.validated_data)


class Approve(Input):
    note = text(required=False, default="", help_text="Ý kiến phê duyệt")

    def perform(self, dossier, actor):
        return lifecycle.approve(dossier.pk, actor=actor, **self.validated_data)


class ReturnForRework(Input):
    reason = Said(help_text="Lý do trả lại để chuyên viên xử lý lại (bắt buộc)")

    def perform(self, dossier, actor):
        return lifecycle.return_for_rework(dossier.pk, actor=actor, reason=self.validated_data["reason"])


class Refuse(Reasons):
    def perform(self, dossier, actor):
        return lifecycle.refuse(dossier.pk, actor=actor, reasons=self.validated_data["reasons"])


class IssueResult(Input):
    summary = Said(help_text="Kết quả (số, ký hiệu giấy tờ được cấp)")
    files = upload_list("Tệp kết quả đã ký số (multipart/form-data), PDF/JPEG/PNG")

    def validate_files(self, value):
        return check_uploads(value)

    def perform(self, dossier, actor):
        uploads = self.validated_data["files"]
        names = ["Kết quả giải quyết"] if len(uploads) == 1 else [f"Kết quả giải quyết ({upload.name})"
                                                                 for upload in uploads]
        return lifecycle.issue_result(dossier.pk, actor=actor, summary=self.validated_data["summary"],
                                      uploads=list(zip(names, uploads, strict=True)))


class Extend(Input):
    new_due = serializers.DateTimeField(help_text="Hạn trả mới (ISO 8601)")
    reason = Said(help_text="Lý do chậm trễ (văn bản xin lỗi)")

    def perform(self, dossier, actor):
        return lifecycle.extend(dossier.pk, actor=actor, **self.validated_data)


class ReturnResult(Input):
    method = serializers.ChoiceField(choices=sorted(RETURN_METHODS), default="desk",
                                     help_text="desk: tại Bộ phận Một cửa; post: bưu chính; online: trực tuyến")
    note = text(required=False, default="")

    def perform(self, dossier, actor):
        return lifecycle.return_result(dossier.pk, actor=actor, **self.validated_data)


class Stop(Input):
    reason = Said(help_text="Nội dung đề nghị dừng của người có yêu cầu")

    def perform(self, dossier, actor):
        return lifecycle.stop(dossier.pk, actor=actor, reason=self.validated_data["reason"])


class Withdraw(Input):
    reason = text(required=False, default="", help_text="Lý do rút hồ sơ")

    def perform(self, dossier, actor):
        return lifecycle.withdraw(dossier.pk, actor=actor, reason=self.validated_data["reason"])


ACTIONS: dict[str, type[Input]] = {
    "receive": Receive, "desk_supplement": DeskSupplement, "desk_refuse": DeskRefuse,
    "answer_desk_supplement": AnswerDeskSupplement, "assign": Assign,
    "request_supplement": RequestSupplement, "resubmit": Resubmit, "forward": Forward,
    "complete_step": CompleteStep, "consult": Consult, "answer_consultation": AnswerConsultation,
    "request_payment": RequestPayment, "confirm_payment": ConfirmPayment,
    "submit_for_approval": SubmitForApproval, "approve": Approve, "return_for_rework": ReturnForRework,
    "refuse": Refuse, "issue_result": IssueResult,
    "extend": Extend, "return_result": ReturnResult, "stop": Stop, "withdraw": Withdraw,
}
