"""Field checks with Vietnamese messages: personal ID number, phone number, tax code."""
import re

from django.core.exceptions import ValidationError

ID_RE = re.compile(r"^\d{12}$")
PHONE_RE = re.compile(r"^0(3|5|7|8|9)\d{8}$|^02\d{9}$")
TAX_RE = re.compile(r"^\d{10}(-\d{3})?$")


def validate_id_number(value: str) -> None:
    """Số định danh cá nhân: 12 digits, the first three a province code 001-096 (Decree 137/2015, Art. 7)."""
    if not ID_RE.match(value or ""):
        raise ValidationError("Số định danh cá nhân phải gồm đúng 12 chữ số.", code="id_number")
    if not 1 <= int(value[:3]) <= 96:
        raise ValidationError("Số định danh cá nhân không hợp lệ: ba chữ số đầu phải là mã tỉnh (001-096).",
                              code="id_number")


def validate_phone(value: str) -> None:
    if not PHONE_RE.match(value or ""):
        raise ValidationError("Số điện thoại không hợp lệ (ví dụ 0912345678 hoặc 02103812345).", code="phone")


def validate_tax_code(value: str) -> None:
    if not TAX_RE.match(value or ""):
        raise ValidationError("Mã số thuế phải gồm 10 chữ số (chi nhánh thêm -XXX).", code="tax_code")
