"""Đăng ký hồ sơ through the API: a citizen (or business) submits online for themselves, or a counter officer
enters a dossier at the desk (any channel, or online on the applicant's behalf: `assisted`).

Files come as multipart `files`, each tied to a required-document line by `file_lines` (same order). The applicant's
fields are checked by `lifecycle.register` itself (one rule, one Vietnamese message, whichever door is used).
"""

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from motcua.catalog import frozen_lines
from motcua.catalog.models import Procedure

from .. import lifecycle, permissions
from ..lifecycle.intake import APPLICANT_FIELDS
from ..models import Dossier
from ..states import Channel
from .inputs import (
    Boolean,
    Input,
    Integer,
    Text,
    agency_field,
    check_uploads,
    pair_with_lines,
    reasons_field,
    text,
    upload_list,
)

STAFF_ONLY = (
    "Chỉ cán bộ Một cửa của nơi tiếp nhận mới nhập được hồ sơ tại quầy, qua bưu chính hoặc nộp thay; "
    "tài khoản cán bộ không tự nộp hồ sơ trực tuyến."
)


def has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(has_nul(key) or has_nul(item) for key, item in value.items())
    if isinstance(value, list):
        return any(has_nul(item) for item in value)
    return False


@extend_schema_field({"type": "object", "additionalProperties": True})
class FormData(serializers.JSONField):
    """The e-form's data: a JSON object (in multipart/form-data, one part holding the object as JSON text)."""


class Registration(Input):
    procedure = Text(max_length=40, help_text="Mã thủ tục (đang công khai)")
    receiving_agency = agency_field(help_text="Mã định danh nơi tiếp nhận")
    processing_agency = agency_field(
        required=False,
        allow_null=True,
        default=None,
        help_text="Cơ quan giải quyết, khi thủ tục do nhiều cơ quan giải quyết",
    )
    channel = serializers.ChoiceField(choices=Channel.choices, default=Channel.ONLINE)
    assisted = Boolean(default=False, help_text="Cán bộ Một cửa nộp thay (hỗ trợ tại quầy)")
    applicant_kind = serializers.ChoiceField(
        choices=Dossier.ApplicantKind.choices, default=Dossier.ApplicantKind.CITIZEN
    )
    applicant_name = text(200, required=False, help_text="Họ tên người có yêu cầu hoặc tên tổ chức")
    applicant_id_number = text(20, required=False, help_text="Số định danh cá nhân (12 chữ số)")
    applicant_birth_date = serializers.DateField(required=False, allow_null=True)
    applicant_address = text(300, required=False)
    applicant_phone = text(20, required=False)
    applicant_email = serializers.EmailField(required=False, allow_blank=True, max_length=254)
    organisation_tax_code = text(14, required=False)
    organisation_representative = text(200, required=False)
    proxy_name = text(200, required=False, help_text="Người nộp thay (nếu có)")
    proxy_id_number = text(20, required=False)
    proxy_phone = text(20, required=False)
    form_data = FormData(required=False, default=dict, help_text="Dữ liệu tờ khai điện tử (đối tượng JSON)")
    files = upload_list("Tệp thành phần hồ sơ (multipart/form-data), PDF/JPEG/PNG")
    file_lines = serializers.ListField(
        child=Integer(min_value=1),
        default=list,
        help_text="Mã thành phần hồ sơ (id) của từng tệp, cùng thứ tự với files",
    )
    not_applicable = serializers.ListField(
        child=Integer(min_value=1),
        default=list,
        help_text="Mã các thành phần hồ sơ không áp dụng với người nộp (giấy tờ danh mục ghi là bắt buộc: kèm lý do)",
    )
    not_applicable_reasons = reasons_field()

    def validate_procedure(self, code):
        # What the registration reads of the version, each once: the competent agencies here, its document lines
        # (the files' lines, the completeness) and its channels (the time limit, the fee) kept by the process.
        procedure = (
            Procedure.objects.select_related("current")
            .prefetch_related("agencies")
            .filter(code=code.strip(), is_published=True)
            .first()
        )
        if procedure is None or procedure.current is None:
            raise serializers.ValidationError(f"Không tìm thấy thủ tục đang công khai có mã “{code}”.")
        frozen_lines.prefetch([procedure.current])
        procedure.current.procedure = procedure  # the version's own procedure, loaded already
        return procedure.current

    def validate_form_data(self, value):
        if not isinstance(value, dict):
            raise serializers.ValidationError("Dữ liệu tờ khai phải là một đối tượng JSON.")
        if has_nul(value):  # PostgreSQL's jsonb refuses \u0000 (a 500 before this check)
            raise serializers.ValidationError("Dữ liệu tờ khai không được chứa ký tự NUL (\\u0000).")
        return value

    def validate_files(self, value):
        return check_uploads(value)

    def validate(self, data):
        data["uploads"] = pair_with_lines(data["procedure"], data.pop("files"), data.pop("file_lines"))
        return data

    def perform(self, actor) -> Dossier:
        data = dict(self.validated_data)
        receiving = data["receiving_agency"]
        applicant = {key: value for key, value in data.items() if key in APPLICANT_FIELDS and value is not None}
        applicant_user = None
        if not permissions.can_act_at(actor, receiving, {permissions.COUNTER}):
            # Online self-service: a citizen or business account, for itself, never a staff account.
            if (
                actor.kind == actor.Kind.STAFF
                or permissions.roles_of(actor)
                or data["assisted"]
                or data["channel"] != Channel.ONLINE
            ):
                raise PermissionDenied(STAFF_ONLY)
            applicant_user = actor
            self._own_identity(actor, applicant)
        return lifecycle.register(
            actor=actor,
            version=data["procedure"],
            receiving_agency=receiving,
            applicant=applicant,
            channel=data["channel"],
            form_data=data["form_data"],
            uploads=data["uploads"],
            processing_agency=data["processing_agency"],
            applicant_user=applicant_user,
            assisted=data["assisted"],
            not_applicable=data["not_applicable"],
            not_applicable_reasons=data["not_applicable_reasons"],
        )

    @staticmethod
    def _own_identity(actor, applicant: dict) -> None:
        """A citizen files for themselves: the ID number is the account's own (filled in when left out)."""
        if applicant.get("applicant_kind", "citizen") != Dossier.ApplicantKind.CITIZEN or not actor.id_number:
            return
        given = applicant.get("applicant_id_number") or actor.id_number
        if given != actor.id_number:
            raise serializers.ValidationError(
                {
                    "applicant_id_number": [
                        "Nộp trực tuyến chỉ cho chính mình: số định danh phải là số định danh của tài khoản đang đăng "
                        "nhập."
                    ]
                }
            )
        applicant["applicant_id_number"] = given
