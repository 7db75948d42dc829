"""One input serializer per lifecycle action: it validates the request and calls `dossiers.lifecycle`, nothing else.

Field names are the lifecycle's argument names, so a field error raised inside the lifecycle (for example
`{"items": "Mỗi giấy tờ cần bổ sung phải có cả tên giấy tờ và lý do cụ thể."}`) lands on the field the caller sent.
The fields and the `Input` base they are built of are in `inputs.py`.
"""

from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from motcua.signing.models import Layout

from .. import lifecycle
from ..lifecycle.results import RETURN_METHODS
from .inputs import (
    Boolean,
    Input,
    Integer,
    Said,
    agency_field,
    check_uploads,
    pair_with_lines,
    reasons_field,
    staff_field,
    text,
    upload_list,
)


class SupplementItem(Input):
    item = text(300, help_text="Giấy tờ cần bổ sung")
    reason = text(500, help_text="Lý do (cụ thể, bắt buộc)")


class Receive(Input):
    received_lines = serializers.ListField(
        child=Integer(min_value=1),
        required=False,
        allow_null=True,
        default=None,
        help_text="Mã các thành phần hồ sơ đã nhận bản giấy. Khi gửi, hồ sơ được kiểm tra đủ giấy tờ (tệp đã có cộng "
        "bản giấy); bỏ trống với hồ sơ giấy nghĩa là bên gọi tự bảo đảm đã nhận đủ. Hồ sơ trực tuyến luôn "
        "được kiểm tra theo tệp đã nộp.",
    )
    not_applicable = serializers.ListField(
        child=Integer(min_value=1),
        required=False,
        allow_null=True,
        default=None,
        help_text="Mã các thành phần hồ sơ không áp dụng với người nộp: giấy tờ có điều kiện khi điều kiện không "
        "đúng; giấy tờ danh mục ghi là bắt buộc chỉ khi có lý do trong not_applicable_reasons; bỏ trống: giữ "
        "khai báo khi nộp",
    )
    not_applicable_reasons = reasons_field()

    def perform(self, dossier, actor):
        return lifecycle.receive(dossier, actor=actor, **self.validated_data)


class DeskSupplement(Input):
    items = serializers.ListField(child=SupplementItem(), help_text="Mọi giấy tờ còn thiếu, mỗi giấy tờ một lý do")
    note = text(required=False, default="")

    def perform(self, dossier, actor):
        return lifecycle.desk_supplement(dossier, actor=actor, **self.validated_data)


class Reasons(Input):
    reasons = Said(help_text="Lý do (bắt buộc)")


class DeskRefuse(Reasons):
    def perform(self, dossier, actor):
        return lifecycle.desk_refuse(dossier, actor=actor, reasons=self.validated_data["reasons"])


class Assign(Input):
    officer = staff_field(help_text="Tên đăng nhập của chuyên viên được phân công")

    def perform(self, dossier, actor):
        return lifecycle.assign(dossier, actor=actor, officer=self.validated_data["officer"])


class RequestSupplement(DeskSupplement):
    approved_by = staff_field(
        required=False,
        allow_null=True,
        default=None,
        help_text="Lãnh đạo đơn vị phê duyệt (bắt buộc từ lần yêu cầu thứ hai)",
    )

    def perform(self, dossier, actor):
        return lifecycle.request_supplement(dossier, actor=actor, **self.validated_data)


class Resubmit(Input):
    note = text(required=False, default="", help_text="Giấy tờ đã nhận bổ sung")
    files = upload_list("Tệp bổ sung (multipart/form-data), PDF/JPEG/PNG")
    file_lines = serializers.ListField(
        child=Integer(min_value=1), default=list, help_text="Mã thành phần hồ sơ của từng tệp, cùng thứ tự với files"
    )

    def validate_files(self, value):
        return check_uploads(value)

    def validate(self, data):
        data["uploads"] = pair_with_lines(
            self.context["dossier"].procedure_version, data.pop("files"), data.pop("file_lines")
        )
        return data

    def perform(self, dossier, actor):
        return lifecycle.resubmit(dossier, actor=actor, **self.validated_data)


class AnswerDeskSupplement(Resubmit):
    note = text(required=False, default="", help_text="Nội dung đã bổ sung")

    def perform(self, dossier, actor):
        return lifecycle.answer_desk_supplement(dossier, actor=actor, **self.validated_data)


# A number or its text, as DRF's DecimalField reads both; the schema drf-spectacular guessed (a text matching
# ^-?\d{0,4}(?:\.\d{0,1})?$) took "-" and "" for numbers.
@extend_schema_field(
    {
        "anyOf": [
            {"type": "number", "minimum": 0.5, "maximum": 999},
            {"type": "string", "pattern": r"^[0-9]{1,3}(\.[0-9])?$"},
        ]
    }
)
class Days(serializers.DecimalField):
    pass


def days_field(**kwargs):
    return Days(
        max_digits=5,
        decimal_places=1,
        min_value=Decimal("0.5"),
        max_value=999,
        help_text="Thời hạn (ngày làm việc, từ 0,5 đến 999, tối đa một chữ số thập phân), ví dụ 1.5",
        **kwargs,
    )


class Forward(Input):
    agencies = serializers.ListField(
        child=agency_field(), allow_empty=False, help_text="Mã định danh cơ quan phối hợp (tuần tự: đúng một cơ quan)"
    )
    days = days_field()
    parallel = Boolean(default=False, help_text="Gửi đồng thời (hồ sơ điện tử)")
    note = text(required=False, default="", help_text="Nội dung công việc")

    def perform(self, dossier, actor):
        return lifecycle.forward(dossier, actor=actor, **self.validated_data)


class CompleteStep(Input):
    note = text(required=False, default="", help_text="Kết quả phần việc")
    next_agency = agency_field(
        required=False, allow_null=True, default=None, help_text="Chuyển tiếp cho cơ quan (liên thông tuần tự)"
    )
    days = days_field(required=False, allow_null=True, default=None)

    def perform(self, dossier, actor):
        return lifecycle.complete_step(dossier, actor=actor, **self.validated_data)


class Consult(Input):
    agency = agency_field(help_text="Mã định danh cơ quan được xin ý kiến")
    days = days_field()
    question = Said(help_text="Nội dung xin ý kiến")

    def perform(self, dossier, actor):
        return lifecycle.consult(dossier, actor=actor, **self.validated_data)


class AnswerConsultation(Input):
    answer = Said(help_text="Ý kiến trả lời")

    def perform(self, dossier, actor):
        return lifecycle.answer_consultation(dossier, actor=actor, answer=self.validated_data["answer"])


# Dossier.fee_total is a PositiveIntegerField: an `integer` column on PostgreSQL, so at most 2^31 − 1 đồng; above
# that the database refused the row (a 500) instead of the caller hearing what is wrong (a 400).
MAX_AMOUNT = 2_147_483_647


class RequestPayment(Input):
    amount = Integer(
        required=False,
        allow_null=True,
        default=None,
        min_value=1,
        max_value=MAX_AMOUNT,
        help_text="Số tiền (đồng), tối đa 2.147.483.647; bỏ trống: theo phí, lệ phí của thủ tục",
    )
    note = text(required=False, default="")

    def perform(self, dossier, actor):
        return lifecycle.request_payment(dossier, actor=actor, **self.validated_data)


class ConfirmPayment(Input):
    online = Boolean(default=False, help_text="Đã nộp trực tuyến")
    reference = text(100, required=False, default="", help_text="Số biên lai hoặc mã giao dịch")

    def perform(self, dossier, actor):
        return lifecycle.confirm_payment(dossier, actor=actor, **self.validated_data)


class SubmitForApproval(Input):
    proposal = text(required=False, default="", help_text="Đề xuất của chuyên viên")
    approver = staff_field(
        required=False,
        allow_null=True,
        default=None,
        help_text="Tên đăng nhập của lãnh đạo phê duyệt; bỏ trống: lãnh đạo của cơ quan giải quyết",
    )

    def perform(self, dossier, actor):
        return lifecycle.submit_for_approval(dossier, actor=actor, **self.validated_data)


class Approve(Input):
    note = text(required=False, default="", help_text="Ý kiến phê duyệt")

    def perform(self, dossier, actor):
        return lifecycle.approve(dossier, actor=actor, **self.validated_data)


class ReturnForRework(Input):
    reason = Said(help_text="Lý do trả lại để chuyên viên xử lý lại (bắt buộc)")

    def perform(self, dossier, actor):
        return lifecycle.return_for_rework(dossier, actor=actor, reason=self.validated_data["reason"])


class Refuse(Reasons):
    def perform(self, dossier, actor):
        return lifecycle.refuse(dossier, actor=actor, reasons=self.validated_data["reasons"])


class IssueResult(Input):
    summary = Said(help_text="Kết quả (số, ký hiệu giấy tờ được cấp)")
    files = upload_list("Tệp kết quả đã ký số (multipart/form-data), PDF/JPEG/PNG")

    def validate_files(self, value):
        return check_uploads(value)

    def perform(self, dossier, actor):
        uploads = self.validated_data["files"]
        names = (
            ["Kết quả giải quyết"]
            if len(uploads) == 1
            else [f"Kết quả giải quyết ({upload.name})" for upload in uploads]
        )
        return lifecycle.issue_result(
            dossier,
            actor=actor,
            summary=self.validated_data["summary"],
            uploads=list(zip(names, uploads, strict=True)),
        )


class SendForSigning(Input):
    summary = Said(help_text="Trích yếu kết quả giải quyết")
    symbol = serializers.ChoiceField(
        choices=sorted(lifecycle.signing.SYMBOLS), default="QĐ", help_text="Loại văn bản kết quả (ký hiệu)"
    )
    files = upload_list("Dự thảo kết quả: một tệp PDF chưa ký (multipart/form-data); số và ngày được ghi vào tệp")
    layout = Integer(
        min_value=1,
        max_value=2**31 - 1,  # a key's range: a larger number is a 400, not a database overflow
        required=False,
        allow_null=True,
        default=None,
        help_text="Mã mẫu trình bày kết quả (vị trí số, chữ ký, con dấu); bỏ trống: mẫu mặc định",
    )

    def validate_layout(self, value):
        if value is None:
            return None
        found = Layout.objects.filter(pk=value).first()
        if found is None:
            raise serializers.ValidationError("Không có mẫu trình bày kết quả này.")
        return found

    def validate_files(self, value):
        if len(value) != 1:
            raise serializers.ValidationError("Gửi đúng một tệp PDF dự thảo kết quả.")
        return check_uploads(value)

    def perform(self, dossier, actor):
        data = self.validated_data
        return lifecycle.send_for_signing(
            dossier,
            actor=actor,
            summary=data["summary"],
            upload=data["files"][0],
            symbol=data["symbol"],
            layout=data["layout"],
        )


class Sign(Input):
    """Ký số: the signature is asked for and signed in the background; the dossier's `signatures` tell the outcome."""

    def perform(self, dossier, actor):
        return lifecycle.sign(dossier, actor=actor)


class Seal(Input):
    def perform(self, dossier, actor):
        return lifecycle.seal(dossier, actor=actor)


class Extend(Input):
    new_due = serializers.DateTimeField(help_text="Hạn trả mới (ISO 8601)")
    reason = Said(help_text="Lý do chậm trễ (văn bản xin lỗi)")

    def perform(self, dossier, actor):
        return lifecycle.extend(dossier, actor=actor, **self.validated_data)


class ReturnResult(Input):
    method = serializers.ChoiceField(
        choices=sorted(RETURN_METHODS),
        default="desk",
        help_text="desk: tại Bộ phận Một cửa; post: bưu chính; online: trực tuyến",
    )
    note = text(required=False, default="")

    def perform(self, dossier, actor):
        return lifecycle.return_result(dossier, actor=actor, **self.validated_data)


class Stop(Input):
    reason = Said(help_text="Nội dung đề nghị dừng của người có yêu cầu")

    def perform(self, dossier, actor):
        return lifecycle.stop(dossier, actor=actor, reason=self.validated_data["reason"])


class Withdraw(Input):
    reason = text(required=False, default="", help_text="Lý do rút hồ sơ")

    def perform(self, dossier, actor):
        return lifecycle.withdraw(dossier, actor=actor, reason=self.validated_data["reason"])


ACTIONS: dict[str, type[Input]] = {
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
