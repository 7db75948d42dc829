"""Quên mật khẩu: a one-time code to the account's verified e-mail or phone, then a new password.

1. /quen-mat-khau/ (`password_recovery`): the person types an e-mail or a mobile number. Whatever they type, the
   page moves on to the code page, which says "if it has an account, a code was sent to it". A message goes to the
   address in every case, so that neither the answer, nor its timing, nor the sending limits (otp.py: one resend a
   minute, five messages an hour per address) differ between an address with an account and one without:
   - the one account whose *verified* contact it is (proven with a code at registration) gets a code;
   - an address that no active account has, or has only unverified (accounts made before the codes existed,
     contacts taken from the e-ID's claims, contacts typed in the admin), gets a message without a code that says
     so and how to get help: VNeID sign-in or the one-stop desk. A contact nobody proved may be someone else's, and
     a code sent there would hand them the account.
2. /quen-mat-khau/xac-nhan/ (`password_recovery_confirm`): the code and the new password twice (Django's
   validators, Vietnamese messages). With the right code the password is set; every other session of the account
   ends (Django checks each session against the password hash), its API tokens are deleted, the login delays of
   all its names are forgotten (throttle.py), its contacts are told, and the person is signed in here; an account
   with a second factor (or one that must have it) still gives its code, or enrols, before anything opens
   (second_factor.py): a new password proves the e-mail or phone, not the authenticator.

Throttled three ways: per client address (MOTCUA_RECOVERY_PER_HOUR code requests an hour, shared limit), per address
of the code (otp.py), and per code (five wrong tries, then a new code must be sent).
"""

import logging
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.urls import reverse

from motcua.ratelimits import limits

from . import otp, second_factor, throttle
from .forms import NewPasswordForm, RecoveryForm, password_errors
from .landing import home_for
from .models import User
from .views import BACKEND

log = logging.getLogger(__name__)
PURPOSE = "recover"
PENDING_KEY = "password_recovery"
PENDING_MAX_AGE = 30 * 60
CONFIRMS_PER_HOUR = 30
Channel = otp.Channel
LABELS = {Channel.EMAIL: "e-mail", Channel.SMS: "số điện thoại"}


def account_for(channel: str, value: str) -> User | None:
    """The one active account whose verified contact `value` is; None if none (or, against the rules, several)."""
    if channel == Channel.EMAIL:
        accounts = User.objects.filter(email__iexact=value, email_verified_at__isnull=False)
    else:
        accounts = User.objects.filter(phone=value, phone_verified_at__isnull=False)
    found = list(accounts.filter(is_active=True)[:2])
    if len(found) > 1:
        log.warning(
            "Password recovery: %s %s is the verified contact of several accounts", channel, otp.hint(channel, value)
        )
    return found[0] if len(found) == 1 else None


def composer(channel: str, destination: str):
    """The message for `destination`, decided when it is sent: a code, or "no account has this address"."""
    login_url = otp.public_url(reverse("login"))

    def compose(code: str) -> otp.Message:
        minutes = int(otp.CODE_TTL.total_seconds() // 60)
        if account_for(channel, destination) is None:
            if channel == Channel.SMS:
                return otp.Message(
                    "",
                    "Cong dich vu cong: co yeu cau dat lai mat khau bang so nay, nhung so nay "
                    "khong gan voi tai khoan nao (hoac chua duoc xac nhan). Hay dang nhap bang "
                    "VNeID hoac lien he Bo phan Mot cua. Neu khong phai ban, hay bo qua tin nay.",
                )
            return otp.Message(
                "Yêu cầu đặt lại mật khẩu trên Cổng dịch vụ công",
                "\n".join(
                    [
                        "Xin chào,",
                        "",
                        "Vừa có yêu cầu đặt lại mật khẩu bằng địa chỉ e-mail này, nhưng địa chỉ này không gắn với tài "
                        "khoản "
                        "nào trên Cổng dịch vụ công, hoặc chưa được xác nhận, nên không có mã xác nhận nào được gửi.",
                        "",
                        f"Nếu bạn có tài khoản, hãy đăng nhập tại {login_url} bằng VNeID, hoặc liên hệ Bộ phận Một cửa "
                        "để "
                        "được hỗ trợ.",
                        "Nếu bạn không yêu cầu, hãy bỏ qua thư này.",
                        "",
                        "Thư này được gửi tự động; vui lòng không trả lời.",
                    ]
                ),
            )
        if channel == Channel.SMS:
            return otp.Message(
                "",
                f"{code} la ma dat lai mat khau Cong dich vu cong, hieu luc {minutes} phut. "
                f"Khong dua ma nay cho bat ky ai.",
            )
        return otp.Message(
            "Mã xác nhận đặt lại mật khẩu",
            "\n".join(
                [
                    "Xin chào,",
                    "",
                    f"Mã xác nhận để đặt lại mật khẩu tài khoản trên Cổng dịch vụ công của bạn là: {code}",
                    "",
                    f"Mã có hiệu lực trong {minutes} phút và chỉ dùng được một lần. Không đưa mã này cho bất kỳ ai, kể "
                    "cả "
                    "người xưng là cán bộ.",
                    "Nếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu của bạn không bị thay đổi.",
                    "",
                    "Thư này được gửi tự động; vui lòng không trả lời.",
                ]
            ),
        )

    return compose


def recover(request):
    if request.user.is_authenticated:
        return redirect(home_for(request.user))
    form = RecoveryForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        channel, destination = form.channel, form.cleaned_data["contact"]
        if not limits.allow(request, "recover", getattr(settings, "MOTCUA_RECOVERY_PER_HOUR", 10), 3600):
            form.add_error(None, "Có quá nhiều yêu cầu đặt lại mật khẩu từ thiết bị này. Vui lòng thử lại sau một giờ.")
            status = 429
        else:
            try:
                challenge = otp.start(PURPOSE, channel, destination, composer(channel, destination))
            except otp.SendError as exc:  # the same for every address: the limits count messages, not accounts
                form.add_error(None, exc.message)
            else:
                request.session[PENDING_KEY] = {
                    "channel": channel,
                    "destination": destination,
                    "challenge": challenge.pk,
                    "started": time.time(),
                }
                return redirect("password_recovery_confirm")
    elif request.method == "POST":
        status = 400
    return render(request, "accounts/recover.html", {"form": form}, status=status)


def confirm(request):
    """Nhập mã và mật khẩu mới."""
    if request.user.is_authenticated:
        return redirect(home_for(request.user))
    pending = otp.pending(request, PENDING_KEY, PENDING_MAX_AGE)
    if pending is None:
        return render(
            request, "accounts/recover_confirm.html", {"expired": True}, status=400 if request.method == "POST" else 200
        )
    channel, destination, challenge = pending["channel"], pending["destination"], pending["challenge"]
    verified = pending.get("verified")  # the account's pk once its code was right
    form = NewPasswordForm(request.POST or None, code_needed=not verified)
    status = 200
    if request.method == "POST" and request.POST.get("resend") and not verified:
        try:
            otp.resend(challenge, PURPOSE, destination, composer(channel, destination))
            messages.success(request, f"Đã gửi lại tới {otp.hint(channel, destination)}.")
        except otp.SendError as exc:
            messages.error(request, exc.message)
        return redirect("password_recovery_confirm")
    if request.method == "POST":
        status = 400
        if not limits.allow(request, "recover-confirm", CONFIRMS_PER_HOUR, 3600):
            form.add_error(None, "Có quá nhiều lần nhập mã từ thiết bị này. Vui lòng thử lại sau một giờ.")
            status = 429
        elif form.is_valid():  # the passwords are checked first: a weak one costs no try of the code
            user = _account(request, pending, form)
            if user is False:
                return render(request, "accounts/recover_confirm.html", {"failed": True}, status=400)
            if user is not None:
                errors = password_errors(form.cleaned_data["password1"], user)  # the account's rules (staff)
                if errors:
                    form.add_error("password1", errors)
                else:
                    request.session.pop(PENDING_KEY, None)
                    reset_password(user, form.cleaned_data["password1"])
                    login(request, user, backend=BACKEND)  # a new session key; the account's other sessions end
                    messages.success(
                        request, "Đã đặt lại mật khẩu. Các phiên đăng nhập khác của tài khoản đã kết thúc."
                    )
                    if second_factor.code_owed(request):  # a new password is not the second factor
                        return redirect(second_factor.step_url(home_for(user)))
                    return redirect(home_for(user))
    return render(
        request,
        "accounts/recover_confirm.html",
        {
            "form": form,
            "hint": otp.hint(channel, destination),
            "label": LABELS[channel],
            "verified": bool(request.session.get(PENDING_KEY, {}).get("verified")),
            "wait": otp.resend_wait(challenge),
            "minutes": int(otp.CODE_TTL.total_seconds() // 60),
            "max_attempts": otp.MAX_ATTEMPTS,
        },
        status=status,
    )


def _account(request, pending: dict, form) -> User | bool | None:
    """The account being recovered: once its code is right (checked now, or earlier in this session); None while
    the code is wrong (the form says why); False when the account lost the contact meanwhile (start again)."""
    channel, destination = pending["channel"], pending["destination"]
    if not pending.get("verified"):
        check = otp.verify(pending["challenge"], PURPOSE, form.cleaned_data["code"])
        if not check.ok:
            form.add_error("code", check.message)
            return None
    user = account_for(channel, destination)
    if user is None or pending.get("verified") not in (None, user.pk):
        request.session.pop(PENDING_KEY, None)
        return False
    request.session[PENDING_KEY] = {**pending, "verified": user.pk}
    return user


def reset_password(user: User, password: str) -> None:
    """The new password; the sessions and API tokens of the old one end, the login delays are forgotten, and the
    account's verified contacts are told (a reset the owner did not make is how they learn of it)."""
    from rest_framework.authtoken.models import Token

    user.set_password(password)
    user.save(update_fields=["password"])
    Token.objects.filter(user=user).delete()
    throttle.forget(user)
    notice = otp.Message(
        "Mật khẩu tài khoản của bạn đã được đặt lại",
        "\n".join(
            [
                "Xin chào,",
                "",
                "Mật khẩu tài khoản của bạn trên Cổng dịch vụ công vừa được đặt lại bằng mã xác nhận. Các phiên đăng "
                "nhập "
                "khác của tài khoản đã kết thúc.",
                "",
                "Nếu không phải bạn, hãy đặt lại mật khẩu ngay tại trang “Quên mật khẩu” và liên hệ Bộ phận Một cửa.",
                "",
                "Thư này được gửi tự động; vui lòng không trả lời.",
            ]
        ),
    )
    sms_text = (
        "Cong dich vu cong: mat khau tai khoan cua ban vua duoc dat lai. Neu khong phai ban, hay lien he "
        "Bo phan Mot cua."
    )
    contacts = [
        (Channel.EMAIL, user.email, notice) if user.email and user.email_verified_at else None,
        (Channel.SMS, user.phone, otp.Message("", sms_text))
        if user.phone and user.phone_verified_at and otp.can_send(Channel.SMS, user.phone)
        else None,
    ]
    for channel, destination, message in filter(None, contacts):
        try:
            otp.deliver(channel, destination, message)
        except Exception as exc:
            log.warning("Password reset notice to %s %s not sent: %s", channel, otp.hint(channel, destination), exc)
