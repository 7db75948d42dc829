"""Login and registration forms for citizens and businesses; every message the user sees is Vietnamese."""
from django import forms
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.hashers import make_password
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from motcua.dossiers.validators import normalize_phone, validate_id_number, validate_phone, validate_tax_code
from motcua.integrations import sms

from .backends import find_user, is_locked, lock_minutes, max_failures, minutes_left
from .models import User

# Django's Vietnamese catalogue misses some validator texts; these are ours, by error code.
PASSWORD_MESSAGES = {
    "password_too_short": "Mật khẩu quá ngắn: cần ít nhất {min_length} ký tự.",
    "password_too_common": "Mật khẩu này quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác.",
    "password_entirely_numeric": "Mật khẩu không được chỉ gồm chữ số.",
    "password_too_similar": "Mật khẩu quá giống thông tin cá nhân của bạn.",
}
REQUIRED = {"required": "Vui lòng nhập thông tin này."}


class LoginForm(AuthenticationForm):
    username = forms.CharField(label="E-mail, số điện thoại hoặc tên đăng nhập", max_length=254,
                               error_messages=REQUIRED,
                               widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}))
    password = forms.CharField(label="Mật khẩu", strip=False, error_messages=REQUIRED,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    error_messages = {
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng.",
        "inactive": "Tài khoản này đã bị vô hiệu hóa.",
    }

    def clean(self):
        username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if not (username and password):
            return self.cleaned_data
        account = find_user(username)
        if account and is_locked(account):
            raise self.locked_error(account)
        self.user_cache = authenticate(self.request, username=username, password=password)
        if self.user_cache is None:
            if account:
                account.refresh_from_db(fields=["failed_logins", "locked_until"])
                if is_locked(account):
                    raise self.locked_error(account)
                if not account.is_active and account.check_password(password):
                    raise ValidationError(self.error_messages["inactive"], code="inactive")
                left = max_failures() - account.failed_logins
                raise ValidationError(
                    f"Tên đăng nhập hoặc mật khẩu không đúng. Còn {left} lần thử trước khi tài khoản bị tạm khóa "
                    f"{lock_minutes()} phút.", code="invalid_login")
            raise self.get_invalid_login_error()
        self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data

    @staticmethod
    def locked_error(account) -> ValidationError:
        return ValidationError(
            f"Tài khoản đã bị tạm khóa do nhập sai mật khẩu {max_failures()} lần liên tiếp. "
            f"Vui lòng thử lại sau {minutes_left(account)} phút.", code="locked")


class RegistrationForm(forms.Form):
    kind = forms.ChoiceField(label="Loại tài khoản", error_messages=REQUIRED, initial=User.Kind.CITIZEN,
                             choices=[(User.Kind.CITIZEN, "Công dân"), (User.Kind.BUSINESS, "Doanh nghiệp, tổ chức")],
                             widget=forms.RadioSelect)
    full_name = forms.CharField(label="Họ và tên (hoặc tên tổ chức)", max_length=200, error_messages=REQUIRED,
                                widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.CharField(label="E-mail", required=False, max_length=254,
                            widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    phone = forms.CharField(label="Số điện thoại", required=False, max_length=20,
                            widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}))
    id_number = forms.CharField(label="Số định danh cá nhân (không bắt buộc)", required=False, max_length=12,
                                help_text="Số tự nhập chưa được xác thực. Sau khi đăng ký, bạn có thể liên kết "
                                          "tài khoản định danh điện tử (VNeID) để xác thực.",
                                widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    tax_code = forms.CharField(label="Mã số thuế (bắt buộc với doanh nghiệp)", required=False, max_length=14)
    password1 = forms.CharField(label="Mật khẩu", strip=False, error_messages=REQUIRED,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(label="Nhập lại mật khẩu", strip=False, error_messages=REQUIRED,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

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
                raise ValidationError("Hệ thống chưa gửi được tin nhắn để xác nhận số điện thoại. Vui lòng để trống "
                                      "và đăng ký bằng e-mail.", code="sms_off")
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
        if not data.get("email") and not data.get("phone") and "email" not in self.errors \
                and "phone" not in self.errors:
            self.add_error("email", ValidationError("Vui lòng nhập e-mail hoặc số điện thoại.", code="contact"))
        if data.get("kind") == User.Kind.BUSINESS and not data.get("tax_code") and "tax_code" not in self.errors:
            self.add_error("tax_code", ValidationError("Doanh nghiệp phải nhập mã số thuế.", code="tax_required"))
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", ValidationError("Hai lần nhập mật khẩu không khớp.", code="mismatch"))
        elif p1:
            try:
                password_validation.validate_password(p1, User(username=data.get("email") or data.get("phone") or "",
                                                               full_name=data.get("full_name", ""),
                                                               email=data.get("email", "")))
            except ValidationError as exc:
                self.add_error("password1", [
                    ValidationError(PASSWORD_MESSAGES[e.code].format(**(e.params or {})), code=e.code)
                    if e.code in PASSWORD_MESSAGES else e for e in exc.error_list])
        return data

    def pending(self) -> dict:
        """What the account will be made of once the codes are confirmed (kept in the session: the password only
        as its hash)."""
        data = self.cleaned_data
        return {"kind": data["kind"], "full_name": data["full_name"].strip(), "email": data["email"],
                "phone": data["phone"], "id_number": data["id_number"],
                "tax_code": data["tax_code"] if data["kind"] == User.Kind.BUSINESS else "",
                "password": make_password(data["password1"])}


class ConfirmForm(forms.Form):
    """The one-time codes sent to the contacts given at registration, one field per channel."""

    def __init__(self, *args, channels=(), **kwargs):
        super().__init__(*args, **kwargs)
        for channel, label in channels:
            self.fields[f"code_{channel}"] = forms.CharField(
                label=label, required=False, max_length=12,
                widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code",
                                              "pattern": "[0-9 ]*", "maxlength": "7"}))
