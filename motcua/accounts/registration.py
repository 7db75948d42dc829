"""Đăng ký tài khoản: the form, then a one-time code to every contact given, then the account.

The account is made only when each e-mail and phone given at registration has been proven with its code, so no
account ever holds someone else's contact, and nobody can reserve an address they do not receive at. Whether a
contact already has an account is never shown: the form and the code page answer the same; the owner of a contact
in use gets a message saying they already have an account (and how to sign in) instead of a code, so that code
page can only fail and no second account is made. Until the codes are right, what the person typed waits in their
session (the password only as its hash), for PENDING_MAX_AGE at most.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from motcua.ratelimits import limits

from . import oidc, otp
from .forms import ConfirmForm, RegistrationForm
from .landing import home_for, safe_next
from .models import User
from .views import BACKEND

PURPOSE = "register"
PENDING_KEY = "pending_registration"
PENDING_MAX_AGE = 30 * 60
Channel = otp.Channel
# (channel, field of the pending account, what the code page calls it)
CONTACTS = [(Channel.SMS, "phone", "số điện thoại"), (Channel.EMAIL, "email", "e-mail")]


def contact_in_use(channel: str, value: str) -> bool:
    """Any account, verified or not, that logs in with this address or number."""
    if channel == Channel.EMAIL:
        return User.objects.filter(Q(email__iexact=value) | Q(username__iexact=value)).exists()
    return User.objects.filter(Q(phone=value) | Q(username=value)).exists()


def composer(channel: str, destination: str):
    """The message for `destination`, decided when it is sent: a code, or "you already have an account"."""
    login_url = otp.public_url(reverse("login"))

    def compose(code: str) -> otp.Message:
        minutes = int(otp.CODE_TTL.total_seconds() // 60)
        if contact_in_use(channel, destination):
            if channel == Channel.SMS:
                return otp.Message(
                    "",
                    f"Cong dich vu cong: so dien thoai nay da co tai khoan. Dang nhap tai "
                    f"{login_url} . Neu khong phai ban yeu cau, hay bo qua tin nay.",
                )
            return otp.Message(
                "Bạn đã có tài khoản trên Cổng dịch vụ công",
                "\n".join(
                    [
                        "Xin chào,",
                        "",
                        "Vừa có yêu cầu đăng ký tài khoản mới bằng địa chỉ e-mail này, nhưng địa chỉ này đã gắn với "
                        "một "
                        "tài khoản trên Cổng dịch vụ công, nên không có tài khoản mới nào được tạo.",
                        "",
                        f"Nếu đó là bạn, hãy đăng nhập tại {login_url} bằng e-mail này và mật khẩu của bạn. Nếu quên "
                        "mật "
                        "khẩu, vui lòng liên hệ Bộ phận Một cửa.",
                        "Nếu bạn không yêu cầu, hãy bỏ qua thư này; tài khoản của bạn không bị thay đổi.",
                        "",
                        "Thư này được gửi tự động; vui lòng không trả lời.",
                    ]
                ),
            )
        if channel == Channel.SMS:
            # Without diacritics: one 160-character GSM segment instead of three UCS-2 ones, read on any phone.
            return otp.Message(
                "",
                f"{code} la ma xac nhan dang ky tai khoan Cong dich vu cong, hieu luc {minutes} "
                f"phut. Khong dua ma nay cho bat ky ai.",
            )
        return otp.Message(
            "Mã xác nhận đăng ký tài khoản",
            "\n".join(
                [
                    "Xin chào,",
                    "",
                    f"Mã xác nhận đăng ký tài khoản trên Cổng dịch vụ công của bạn là: {code}",
                    "",
                    f"Mã có hiệu lực trong {minutes} phút và chỉ dùng được một lần. Không đưa mã này cho bất kỳ ai, kể "
                    "cả "
                    "người xưng là cán bộ.",
                    "Nếu bạn không yêu cầu, hãy bỏ qua thư này.",
                    "",
                    "Thư này được gửi tự động; vui lòng không trả lời.",
                ]
            ),
        )

    return compose


def client_allowed(request) -> bool:
    """At most MOTCUA_REGISTER_PER_HOUR code-sending registrations an hour from one address (SMS costs money)."""
    return limits.allow(request, "register", getattr(settings, "MOTCUA_REGISTER_PER_HOUR", 20), 3600)


def register(request):
    if request.user.is_authenticated:
        return redirect(home_for(request.user))
    form = RegistrationForm(request.POST or None)
    # A new citizen who came from "Nộp trực tuyến" goes back there, not to an empty "Hồ sơ của tôi".
    next_page = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if request.method == "POST" and form.is_valid():
        account = form.pending()
        if not client_allowed(request):
            form.add_error(None, "Có quá nhiều yêu cầu đăng ký từ thiết bị này. Vui lòng thử lại sau một giờ.")
        else:
            try:
                codes = {
                    channel: otp.start(PURPOSE, channel, account[field], composer(channel, account[field])).pk
                    for channel, field, _ in CONTACTS
                    if account[field]
                }
            except otp.SendError as exc:
                form.add_error(None, exc.message)
            else:
                request.session[PENDING_KEY] = {
                    "account": account,
                    "codes": codes,
                    "next": next_page,
                    "started": time.time(),
                }
                return redirect("account_register_confirm")
    return render(request, "accounts/register.html", {"form": form, "sso_enabled": oidc.enabled(), "next": next_page})


def confirm(request):
    """Nhập mã xác nhận: one field per contact, "Gửi lại mã" after the cool-down; the account once all are right."""
    if request.user.is_authenticated:
        return redirect(home_for(request.user))
    pending = otp.pending(request, PENDING_KEY, PENDING_MAX_AGE)
    if pending is None:
        return render(
            request,
            "accounts/register_confirm.html",
            {"expired": True},
            status=400 if request.method == "POST" else 200,
        )
    account, codes = pending["account"], pending["codes"]
    contacts = [(channel, account[field], label) for channel, field, label in CONTACTS if channel in codes]
    form = ConfirmForm(
        request.POST or None,
        channels=[(channel, f"Mã gửi tới {label} {otp.hint(channel, value)}") for channel, value, label in contacts],
    )
    if request.method == "POST" and request.POST.get("resend") in codes:
        channel = request.POST["resend"]
        value = {c: v for c, v, _ in contacts}[channel]
        try:
            otp.resend(codes[channel], PURPOSE, value, composer(channel, value))
            messages.success(request, f"Đã gửi mã mới tới {otp.hint(channel, value)}.")
        except otp.SendError as exc:
            messages.error(request, exc.message)
        return redirect("account_register_confirm")
    if request.method == "POST":
        for channel, _, _ in contacts:
            if otp.is_used(codes[channel], PURPOSE):
                continue
            typed = request.POST.get(f"code_{channel}", "")
            if not typed.strip():
                form.add_error(f"code_{channel}", "Vui lòng nhập mã xác nhận.")
                continue
            check = otp.verify(codes[channel], PURPOSE, typed)
            if not check.ok:
                form.add_error(f"code_{channel}", check.message)
        if all(otp.is_used(codes[channel], PURPOSE) for channel, _, _ in contacts):
            request.session.pop(PENDING_KEY, None)
            user = create_account(account)
            if user is None:
                return render(request, "accounts/register_confirm.html", {"failed": True}, status=400)
            login(request, user, backend=BACKEND)
            return redirect(pending.get("next") or home_for(user))
    rows = [
        {
            "field": form[f"code_{channel}"],
            "channel": channel,
            "hint": otp.hint(channel, value),
            "label": label,
            "done": otp.is_used(codes[channel], PURPOSE),
            "wait": otp.resend_wait(codes[channel]),
        }
        for channel, value, label in contacts
    ]
    return render(
        request,
        "accounts/register_confirm.html",
        {
            "form": form,
            "rows": rows,
            "minutes": int(otp.CODE_TTL.total_seconds() // 60),
            "max_attempts": otp.MAX_ATTEMPTS,
        },
    )


def create_account(account: dict) -> User | None:
    """The new account, its contacts verified now; None when one of them was taken meanwhile."""
    now = timezone.now()
    try:
        with transaction.atomic():
            if (account["email"] and contact_in_use(Channel.EMAIL, account["email"])) or (
                account["phone"] and contact_in_use(Channel.SMS, account["phone"])
            ):
                return None
            user = User(
                username=account["email"] or account["phone"],
                email=account["email"],
                phone=account["phone"],
                full_name=account["full_name"],
                kind=account["kind"],
                id_number=account["id_number"],
                id_verified=False,
                tax_code=account["tax_code"],
                email_verified_at=now if account["email"] else None,
                phone_verified_at=now if account["phone"] else None,
            )
            user.password = account["password"]
            user.save()
    except IntegrityError:
        return None
    return user
