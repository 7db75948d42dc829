"""Errors of the API in Vietnamese, one mapping for every view (docs/api.md, "Lỗi").

lifecycle raises Django's ValidationError (400, with the field names of the request), transitions.TransitionError
(409: not allowed in this state) or PermissionDenied (403); a dossier the caller may not see is 404, worded exactly
like a code that does not exist. DRF's own English messages that its Vietnamese catalogue lacks are replaced here.
"""

from django.core import validators
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.settings import api_settings
from rest_framework.validators import ProhibitSurrogateCharactersValidator

from ..transitions import TransitionError

NOT_FOUND = "Không tìm thấy hồ sơ."
FORBIDDEN = "Bạn không có quyền thực hiện thao tác này."


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Thao tác không thực hiện được ở trạng thái hiện tại của hồ sơ."
    default_code = "invalid_transition"


class KeyReused(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "idempotency_key_reused"


def field_errors(exc: DjangoValidationError) -> dict:
    """{field: [messages]} of a Django ValidationError; errors without a field go under `non_field_errors`."""
    if hasattr(exc, "error_dict"):
        return {
            (api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field): messages
            for field, messages in exc.message_dict.items()
        }
    return {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}


def translate(exc: Exception) -> Exception:
    """The DRF exception (with a Vietnamese message) that stands for `exc`; unknown exceptions pass unchanged."""
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(field_errors(exc))
    if isinstance(exc, TransitionError):
        return Conflict(str(exc))
    if isinstance(exc, PermissionDenied):
        return exceptions.PermissionDenied(str(exc) or FORBIDDEN)
    if isinstance(exc, Http404):
        return exceptions.NotFound(NOT_FOUND)
    if isinstance(exc, exceptions.NotAuthenticated):
        return exceptions.NotAuthenticated(
            "Chưa xác thực: đăng nhập hoặc gửi mã truy cập (tiêu đề Authorization: Token …)."
        )
    if isinstance(exc, exceptions.AuthenticationFailed):
        return exceptions.AuthenticationFailed("Mã truy cập hoặc thông tin đăng nhập không hợp lệ.")
    if isinstance(exc, exceptions.PermissionDenied) and str(exc.detail).startswith("CSRF Failed"):
        return exceptions.PermissionDenied(
            "Yêu cầu bị từ chối: thiếu hoặc sai mã CSRF (bắt buộc khi dùng phiên "
            "đăng nhập; tích hợp hệ thống hãy dùng mã truy cập)."
        )
    if (
        isinstance(exc, exceptions.PermissionDenied)
        and exc.get_codes() == "permission_denied"
        and str(exc.detail) == str(exceptions.PermissionDenied.default_detail)
    ):
        return exceptions.PermissionDenied(FORBIDDEN)
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return exceptions.UnsupportedMediaType(
            "",
            detail="Kiểu dữ liệu gửi lên không được hỗ trợ: dùng "
            "application/json (multipart/form-data khi gửi kèm tệp).",
        )
    if isinstance(exc, exceptions.ParseError):  # a 400 like every other, in the shape of the others
        return exceptions.ValidationError(
            {api_settings.NON_FIELD_ERRORS_KEY: ["Dữ liệu gửi lên không đọc được (JSON hoặc multipart sai cú pháp)."]}
        )
    if isinstance(exc, exceptions.NotFound):
        if "page" in str(exc.detail).lower():
            return exceptions.NotFound("Trang không tồn tại.")
        if str(exc.detail) == str(exceptions.NotFound.default_detail):
            return exceptions.NotFound(NOT_FOUND)
    return exc


class VietnameseErrors:
    """View mixin: every error leaves the view as a DRF response with a Vietnamese message."""

    def handle_exception(self, exc):
        return super().handle_exception(translate(exc))


# Field messages in Vietnamese, by error key; a serializer built on `Input` gets them for every field it declares.
FIELD_MESSAGES = {
    "required": "Trường này là bắt buộc.",
    "null": "Trường này không được để trống.",
    "blank": "Trường này không được để trống.",
    "max_length": "Tối đa {max_length} ký tự.",
    "min_length": "Tối thiểu {min_length} ký tự.",
    "max_value": "Giá trị tối đa là {max_value}.",
    "min_value": "Giá trị tối thiểu là {min_value}.",
    "max_digits": "Tối đa {max_digits} chữ số.",
    "max_decimal_places": "Tối đa {max_decimal_places} chữ số thập phân.",
    "max_whole_digits": "Tối đa {max_whole_digits} chữ số phần nguyên.",
    "max_string_length": "Giá trị quá dài.",
    "invalid_choice": "“{input}” không phải là lựa chọn hợp lệ.",
    "not_a_list": "Cần một danh sách (nhận được kiểu {input_type}).",
    "not_a_dict": "Cần một đối tượng JSON (nhận được kiểu {input_type}).",
    "empty": "Không được để trống.",
    "does_not_exist": "Không tìm thấy “{value}”.",
    "no_name": "Không xác định được tên tệp.",
    "date": "Cần cả ngày và giờ, không chỉ ngày.",
    "datetime": "Cần một ngày, không kèm giờ.",
    "make_aware": "Thời điểm không hợp lệ ở múi giờ {timezone}.",
    "overflow": "Thời điểm nằm ngoài phạm vi cho phép.",
}
INVALID = {
    "IntegerField": "Cần một số nguyên.",
    "DecimalField": "Cần một số (dùng dấu chấm thập phân, ví dụ 1.5).",
    "BooleanField": "Cần giá trị true hoặc false.",
    "DateTimeField": "Thời điểm sai định dạng: dùng ISO 8601, ví dụ 2026-03-09T09:00:00+07:00.",
    "DateField": "Ngày sai định dạng: dùng YYYY-MM-DD, ví dụ 1990-05-17.",
    "EmailField": "Địa chỉ thư điện tử không hợp lệ.",
    "FileField": "Dữ liệu gửi lên không phải là tệp: hãy gửi multipart/form-data.",
    "JSONField": "Giá trị phải là JSON hợp lệ.",
    "CharField": "Cần một chuỗi ký tự.",
    "SlugRelatedField": "Giá trị không hợp lệ.",
    "ListSerializer": "Cần một danh sách.",
}


# DRF builds these validators in the field's __init__, with its English messages already formatted in.
LIMIT_VALIDATORS = {
    validators.MaxValueValidator: "max_value",
    validators.MinValueValidator: "min_value",
    validators.MaxLengthValidator: "max_length",
    validators.MinLengthValidator: "min_length",
}
CHARACTER_VALIDATORS = {
    validators.ProhibitNullCharactersValidator: "Không được chứa ký tự NUL (\\x00).",
    ProhibitSurrogateCharactersValidator: "Không được chứa ký tự thay thế UTF-16 (U+{code_point:X}).",
}


def vietnamese(field) -> None:
    """Replace the English messages of `field` (and of the child of a list field) with Vietnamese ones."""
    for validator in field.validators:
        if type(validator) in LIMIT_VALIDATORS:
            key = LIMIT_VALIDATORS[type(validator)]
            validator.message = FIELD_MESSAGES[key].format(**{key: validator.limit_value})
        elif type(validator) in CHARACTER_VALIDATORS:
            validator.message = CHARACTER_VALIDATORS[type(validator)]
    for key in field.error_messages:
        if key == "invalid":
            kind = next((k.__name__ for k in type(field).__mro__ if k.__name__ in INVALID), None)
            if kind:
                field.error_messages[key] = INVALID[kind]
        elif key in FIELD_MESSAGES:
            field.error_messages[key] = FIELD_MESSAGES[key]
    if field.__class__.__name__ == "FileField":
        field.error_messages["required"] = "Chưa gửi tệp."
        field.error_messages["empty"] = "Tệp gửi lên rỗng."
    child = getattr(field, "child", None)
    if child is not None:
        vietnamese(child)
