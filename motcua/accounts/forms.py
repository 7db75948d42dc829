"""Login and registration forms for citizens and businesses; every message the user sees is Vietnamese."""

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from motcua.gateways import sms
from motcua.vntext.validators import normalize_phone, validate_id_number, validate_phone, validate_tax_code

from . import throttle
from .models import User

# Django's Vietnamese catalogue misses some validator texts; these are ours, by error code.
PASSWORD_MESSAGES = {
    "password_too_short": "Mật khẩu quá ngắn: cần ít nhất {min_length} ký tự.",
    "password_too_common": "Mật khẩu này quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác.",
    "password_entirely_numeric": "Mật khẩu không được chỉ gồm chữ số.",
    "password_too_similar": "Mật khẩu quá giống thông tin cá nhân của bạn.",
}
REQUIRED = {"required": "Vui lòng nhập thông tin này."}


def password_errors(password: str, user=None) -> list[ValidationError]:
    """Django's password validators (settings.AUTH_PASSWORD_VALIDATORS), their messages in Vietnamese."""
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        return [
            ValidationError(PASSWORD_MESSAGES[e.code].format(**(e.params or {})), code=e.code)
            if e.code in PASSWORD_MESSAGES
            else e
            for e in exc.error_list
        ]
    return []


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label="E-mail, số điện thoại hoặc tên đăng nhập",
        max_length=254,
        error_messages=REQUIRED,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label="Mật khẩu",
        strip=False,
        error_messages=REQUIRED,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng.",
        "inactive": "Tài khoản này đã bị vô hiệu hóa.",
    }

    def clean(self):
        """The same answer whether or not the name has an account; a try made too soon is not checked at all."""
        username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if not (username and password):
            return self.cleaned_data
        self.user_cache = authenticate(self.request, username=username, password=password)
        if self.user_cache is None:
            wait = getattr(self.request, "login_wait", 0)
            if wait:
                raise ValidationError(throttle.WAIT_MESSAGE.format(duration=throttle.duration(wait)), code="throttled")
            if getattr(self.request, "login_inactive", False):
                raise ValidationError(self.error_messages["inactive"], code="inactive")
            raise self.get_invalid_login_error()
        self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class RegistrationForm(forms.Form):
    kind = forms.ChoiceField(
        label="Loại tài khoản",
        error_messages=REQUIRED,
        initial=User.Kind.CITIZEN,
        choices=[(User.Kind.CITIZEN, "Công dân"), (User.Kind.BUSINESS, "Doanh nghiệp, tổ chức")],
        widget=forms.RadioSelect,
    )
    full_name = forms.CharField(
        label="Họ và tên (hoặc tên tổ chức)",
        max_length=200,
        error_messages=REQUIRED,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.CharField(
        label="E-mail", required=False, max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    phone = forms.CharField(
        label="Số điện thoại",
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    id_number = forms.CharField(
        label="Số định danh cá nhân (không bắt buộc)",
        required=False,
        max_length=12,
        help_text="Số tự nhập chưa được xác thực. Sau khi đăng ký, bạn có thể liên kết "
        "tài khoản định danh điện tử (VNeID) để xác thực.",
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    tax_code = forms.CharField(label="Mã số thuế (bắt buộc với doanh nghiệp)", required=False, max_length=14)
    password1 = forms.CharField(
        label="Mật khẩu",
        strip=False,
        error_messages=REQUIRED,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label="Nhập lại mật khẩu",
        strip=False,
        error_messages=REQUIRED,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    # Whether an e-mail or phone already has an account is never said here (that would let anyone test addresses):
    # the person proves they receive at it with a one-time code, and an address in use gets "you already have an
    # account" instead of a code (registration.py).
    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise ValidationError("Địa chỉ e-mail không hợp lệ.", code="email") from None
        return email

    def clean_phone(self):
        phone = normalize_phone(self.cleaned_data["phone"])
        if phone:
            validate_phone(phone)
            if not sms.is_mobile(phone):
                raise ValidationError("Cần số điện thoại di động để nhận mã xác nhận qua tin nhắn.", code="not_mobile")
            if not sms.enabled():
                raise ValidationError(
                    "Hệ thống chưa gửi được tin nhắn để xác nhận số điện thoại. Vui lòng để trống "
                    "và đăng ký bằng e-mail.",
                    code="sms_off",
                )
        return phone

    def clean_id_number(self):
        # Kept as typed and unverified: it proves nothing, so it neither blocks nor reveals another account.
        value = self.cleaned_data["id_number"].strip()
        if value:
            validate_id_number(value)
        return value

    def clean_tax_code(self):
        value = self.cleaned_data["tax_code"].strip()
        if value:
            validate_tax_code(value)
        return value

    def clean(self):
        data = super().clean()
        if (
            not data.get("email")
            and not data.get("phone")
            and "email" not in self.errors
            and "phone" not in self.errors
        ):
            self.add_error("email", ValidationError("Vui lòng nhập e-mail hoặc số điện thoại.", code="contact"))
        if data.get("kind") == User.Kind.BUSINESS and not data.get("tax_code") and "tax_code" not in self.errors:
            self.add_error("tax_code", ValidationError("Doanh nghiệp phải nhập mã số thuế.", code="tax_required"))
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", ValidationError("Hai lần nhập mật khẩu không khớp.", code="mismatch"))
        elif p1:
            errors = password_errors(
                p1,
                User(
                    username=data.get("email") or data.get("phone") or "",
                    full_name=data.get("full_name", ""),
                    email=data.get("email", ""),
                ),
            )
            if errors:
                self.add_error("password1", errors)
        return data

    def pending(self) -> dict:
        """What the account will be made of once the codes are confirmed (kept in the session: the password only
        as its hash)."""
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "full_name": data["full_name"].strip(),
            "email": data["email"],
            "phone": data["phone"],
            "id_number": data["id_number"],
            "tax_code": data["tax_code"] if data["kind"] == User.Kind.BUSINESS else "",
            "password": make_password(data["password1"]),
        }


class ConfirmForm(forms.Form):
    """The one-time codes sent to the contacts given at registration, one field per channel."""

    def __init__(self, *args, channels=(), **kwargs):
        super().__init__(*args, **kwargs)
        for channel, label in channels:
            self.fields[f"code_{channel}"] = forms.CharField(
                label=label,
                required=False,
                max_length=12,
                widget=forms.TextInput(
                    attrs={
                        "inputmode": "numeric",
                        "autocomplete": "one-time-code",
                        "pattern": "[0-9 ]*",
                        "maxlength": "7",
                    }
                ),
            )


class RecoveryForm(forms.Form):
    """Quên mật khẩu, step 1: where the code should go. Only the format is checked here; whether an account has
    the address is never said (recovery.py)."""

    contact = forms.CharField(
        label="E-mail hoặc số điện thoại di động của tài khoản",
        max_length=254,
        error_messages=REQUIRED,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )

    def clean_contact(self):
        value = self.cleaned_data["contact"].strip()
        if "@" in value:
            try:
                validate_email(value)
            except ValidationError:
                raise ValidationError("Địa chỉ e-mail không hợp lệ.", code="email") from None
            self.channel = "email"
            return value.lower()
        phone = normalize_phone(value)
        if not (phone.isdigit() and sms.is_mobile(phone)):
            raise ValidationError(
                "Vui lòng nhập địa chỉ e-mail hoặc số điện thoại di động (ví dụ 0912345678).", code="contact"
            )
        if not sms.enabled():
            raise ValidationError(
                "Hệ thống chưa gửi được tin nhắn. Vui lòng nhập e-mail của tài khoản, hoặc liên hệ Bộ phận Một cửa.",
                code="sms_off",
            )
        self.channel = "sms"
        return phone


class NewPasswordForm(forms.Form):
    """Quên mật khẩu, step 2: the code received and the new password twice."""

    code = forms.CharField(
        label="Mã xác nhận",
        max_length=12,
        error_messages=REQUIRED,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9 ]*", "maxlength": "7"}
        ),
    )
    password1 = forms.CharField(
        label="Mật khẩu mới",
        strip=False,
        error_messages=REQUIRED,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label="Nhập lại mật khẩu mới",
        strip=False,
        error_messages=REQUIRED,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, code_needed: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not code_needed:  # the code was right already; only the password is still to choose
            del self.fields["code"]

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", ValidationError("Hai lần nhập mật khẩu không khớp.", code="mismatch"))
        elif p1:
            # Checked here without the account, so that the answer before the code is the same for an address with
            # an account and one without; the account's own rules (staff: longer) are checked once the code is right.
            errors = password_errors(p1)
            if errors:
                self.add_error("password1", errors)
        return data
