"""Field checks with Vietnamese messages: personal ID number, phone number, tax code, names, e-mail."""

import re
import unicodedata

from django.core.exceptions import ValidationError

ID_RE = re.compile(r"^\d{12}$")
PHONE_RE = re.compile(r"^0(3|5|7|8|9)\d{8}$|^02\d{9}$")
TAX_RE = re.compile(r"^\d{10}(-\d{3})?$")


PHONE_SEPARATORS = re.compile(r"[\s.\-()]")


def normalize_phone(value: str) -> str:
    """'+84 912 345 678', '84912345678' and '0912.345.678' all become '0912345678'."""
    value = PHONE_SEPARATORS.sub("", value or "")
    if value.startswith("+84"):
        value = "0" + value[3:]
    elif value.startswith("84") and len(value) == 11:
        value = "0" + value[2:]
    return value


def validate_id_number(value: str) -> None:
    """Số định danh cá nhân: 12 digits, the first three a province code 001-096 (Decree 137/2015, Art. 7)."""
    if not ID_RE.match(value or ""):
        raise ValidationError("Số định danh cá nhân phải gồm đúng 12 chữ số.", code="id_number")
    if not 1 <= int(value[:3]) <= 96:
        raise ValidationError(
            "Số định danh cá nhân không hợp lệ: ba chữ số đầu phải là mã tỉnh (001-096).", code="id_number"
        )


def validate_phone(value: str) -> None:
    if not PHONE_RE.match(value or ""):
        raise ValidationError("Số điện thoại không hợp lệ (ví dụ 0912345678 hoặc 02103812345).", code="phone")


def validate_tax_code(value: str) -> None:
    if not TAX_RE.match(value or ""):
        raise ValidationError("Mã số thuế phải gồm 10 chữ số (chi nhánh thêm -XXX).", code="tax_code")


def validate_person_name(value: str) -> None:
    """Họ và tên: letters (Vietnamese or other), spaces and the marks names use (. ' -); no digits, no emoji."""
    value = (value or "").strip()
    if not value:
        raise ValidationError("Nhập họ và tên.", code="name")
    for char in value:
        if char.isdigit():
            raise ValidationError("Họ và tên không được chứa chữ số.", code="name_digit")
        if not (char.isalpha() or char in " .'-’" or unicodedata.category(char) == "Mn"):
            raise ValidationError(
                f"Họ và tên có ký tự không hợp lệ: “{char}”. Chỉ dùng chữ cái, dấu cách và dấu chấm, gạch nối.",
                code="name_char",
            )


def validate_organisation_name(value: str) -> None:
    """Tên tổ chức: digits allowed ("Công ty TNHH 3A"), but no emoji or control characters."""
    value = (value or "").strip()
    if not value:
        raise ValidationError("Nhập tên tổ chức.", code="name")
    for char in value:
        if not (char.isalnum() or char in " .,'’-&()/+\"" or unicodedata.category(char) in ("Mn", "Pd")):
            raise ValidationError(f"Tên tổ chức có ký tự không hợp lệ: “{char}”.", code="name_char")


def validate_email_address(value: str) -> None:
    from django.core.validators import validate_email

    try:
        validate_email(value)
    except ValidationError:
        raise ValidationError("Địa chỉ thư điện tử không hợp lệ (ví dụ ten@example.vn).", code="email") from None
