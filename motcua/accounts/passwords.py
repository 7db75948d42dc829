"""Password rules by kind of account (issue 12; OWASP ASVS 2.1.1 and 2.1.7; docs/security.md).

Citizens and businesses keep the rules they had: 8 characters at least, not one of Django's 20,000 common
passwords. A staff account (cán bộ: kind "staff", or access to the admin) needs 12 characters at least, and is
checked against Django's list and a Vietnamese one (data/common-passwords-vi.txt), also once its digits and symbols
are taken away ("Matkhau@2026!" is "matkhau" with a year): a guessable word with a number added is no better.

Django calls these validators wherever a password is set with the user at hand: the admin (the add form asks the
kind of account for that reason), `manage.py changepassword`, and `createsuperuser` (our command of that name
checks a new superuser as staff). `User.objects.create_user` does not validate: the demo and the tests use it.
"""

import functools
import gzip
from pathlib import Path

from django.contrib.auth.password_validation import CommonPasswordValidator, MinimumLengthValidator
from django.core.exceptions import ValidationError

from motcua.vntext.normalize import fold

STAFF_MIN_LENGTH = 12
VIETNAMESE_LIST = Path(__file__).resolve().parent / "data" / "common-passwords-vi.txt"


def is_staff_account(user) -> bool:
    return user is not None and (
        getattr(user, "kind", "") == "staff" or getattr(user, "is_staff", False) or getattr(user, "is_superuser", False)
    )


@functools.cache
def common_passwords() -> frozenset[str]:
    """Django's list of common passwords and ours, lowercased."""
    with gzip.open(CommonPasswordValidator().DEFAULT_PASSWORD_LIST_PATH, "rt", encoding="utf-8") as django_list:
        known = {line.strip() for line in django_list}
    ours = VIETNAMESE_LIST.read_text(encoding="utf-8").splitlines()
    known.update(line.strip() for line in ours if line.strip() and not line.startswith("#"))
    return frozenset(known)


def is_common(password: str) -> bool:
    """The password, or the letters left of it without digits and symbols, is in the lists (or nothing is left)."""
    folded = fold(password).replace(" ", "")
    letters = "".join(ch for ch in folded if ch.isalpha())
    known = common_passwords()
    return password.lower().strip() in known or folded in known or not letters or letters in known


class MinimumLengthByKind(MinimumLengthValidator):
    """8 characters for citizens and businesses (Django's default), 12 for staff."""

    def __init__(self, min_length=8, staff_min_length=STAFF_MIN_LENGTH):
        super().__init__(min_length)
        self.staff_min_length = staff_min_length

    def validate(self, password, user=None):
        if not is_staff_account(user):
            return super().validate(password, user)
        if len(password) < self.staff_min_length:
            raise ValidationError(
                f"Mật khẩu của tài khoản cán bộ quá ngắn: cần ít nhất {self.staff_min_length} ký tự.",
                code="password_too_short",
                params={"min_length": self.staff_min_length},
            )

    def get_help_text(self):
        return (
            f"Mật khẩu cần ít nhất {self.min_length} ký tự; mật khẩu của tài khoản cán bộ cần ít nhất "
            f"{self.staff_min_length} ký tự."
        )


class StaffCommonPasswordValidator:
    """Staff only: not a common password of either list, nor a common word with digits and symbols added."""

    def validate(self, password, user=None):
        if is_staff_account(user) and is_common(password):
            raise ValidationError(
                "Mật khẩu của tài khoản cán bộ quá phổ biến hoặc chỉ là một từ dễ đoán thêm chữ "
                "số, ký hiệu. Vui lòng chọn mật khẩu khác.",
                code="password_too_common",
            )

    def get_help_text(self):
        return "Mật khẩu của tài khoản cán bộ không được là mật khẩu phổ biến hay một từ dễ đoán thêm chữ số."
