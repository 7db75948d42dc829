"""Xác thực hai bước: a TOTP code (django-otp) after the password, for staff (issue 12, item 3; docs/accounts.md).

Who:
- Any staff account may enrol an authenticator app from its account page (/tai-khoan/xac-thuc-hai-buoc/): a QR code
  and the secret as text, active only once a first code from the app is right.
- Admins (access to the Django admin: is_staff or superuser) and leaders (role "head" or "monitor" at any agency)
  must: their login without a confirmed device goes to that page, and nothing else opens until it is confirmed.
- Once an account has a confirmed device, every login of it asks for a code, whoever it is.

How a login goes: the password (any way in: the login page, the admin's login page, a password recovery) logs the
person in as Django does, and a `user_logged_in` receiver marks the session "second step owed" (PENDING) when the
account has a device or must have one. While the mark is there, the middleware opens only the code page, the
enrolment page and logout (and the login page); every other request goes to the code page, which comes back to it
afterwards. The right code removes the mark and gives the session a new key. The mark is in the session, so a
request costs no query; a login made by any path is held, since every path goes through `login()`.

Codes: django-otp's TOTPDevice (RFC 6238, SHA-1, 6 digits, 30 s): the code of the step before and after is
accepted too (one step of drift each way, about 30 s), and a code, or one of an earlier step, is never accepted
twice (the device keeps the step last used; the row is locked while it is checked). Wrong codes cost the same
growing delays as wrong passwords (motcua.ratelimits.backoff): per account after the free failures, and per client
address counted together with the wrong passwords; django-otp's own per-device throttle is off (one rule, one
place). A try made during its wait is not checked.

Recovery: a password recovery ends like a login (the receiver marks it): the code is still asked, and an account
that must have a device and has none enrols as at its first login. A lost device is reset only by an admin (the
user admin's action, written in the user's history), never by the person: otherwise the e-mail of a leader would
be all that stands between an attacker and the account.
"""

import base64
import logging
import re
import time
from urllib.parse import urlencode

import django_otp
import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import receiver
from django.shortcuts import redirect, render
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from motcua.agencies.models import StaffRole
from motcua.ratelimits import backoff
from motcua.ratelimits.clients import client_network

from . import throttle
from .landing import home_for, safe_next

log = logging.getLogger(__name__)
PENDING = "motcua_second_factor"  # {"since": epoch seconds}: the password was right, the code is still owed
LEADER_ROLES = (StaffRole.Role.HEAD, StaffRole.Role.PROVINCE_MONITOR)
DEVICE_NAME = "Ứng dụng xác thực"
# While the code is owed, these pages open; everything else goes to the code page.
OPEN_WHILE_OWED = frozenset({"second_factor", "second_factor_setup", "logout", "login"})
WRONG = "Mã xác thực không đúng hoặc đã được dùng. Hãy nhập mã đang hiện trên ứng dụng xác thực."
WAIT_MESSAGE = "Có nhiều lần nhập mã không đúng. Vui lòng chờ {duration} rồi thử lại."


# --- Who needs what ---------------------------------------------------------------------------------------------


def is_staff_account(user) -> bool:
    return getattr(user, "kind", "") == "staff" or user.is_staff or user.is_superuser


def must_have_device(user) -> bool:
    """Admins and leaders: a stolen password of theirs opens the admin, or a whole agency's or province's files."""
    if user.is_staff or user.is_superuser:
        return True
    return StaffRole.objects.filter(user=user, role__in=LEADER_ROLES).exists()


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def code_owed(request) -> bool:
    session = getattr(request, "session", None)
    return session is not None and PENDING in session


@receiver(user_logged_in, dispatch_uid="motcua-second-factor")
def hold_until_the_code(sender, request, user, **kwargs):
    """Every login() (login page, admin, recovery, the test client) is held until the code, when the account has a
    device or must have one."""
    if request is None or not hasattr(request, "session"):
        return
    request.session.pop(django_otp.DEVICE_ID_SESSION_KEY, None)
    if confirmed_device(user) is not None or must_have_device(user):
        request.session[PENDING] = {"since": time.time()}
    else:
        request.session.pop(PENDING, None)


def finish(request, device: TOTPDevice) -> None:
    """The code was right: the session counts as signed in, under a new key (the privilege changed)."""
    request.session.pop(PENDING, None)
    django_otp.login(request, device)  # notes which device verified this session (django-otp's session key)
    request.session.cycle_key()


def step_url(next_url: str = "") -> str:
    return reverse("second_factor") + (f"?{urlencode({'next': next_url})}" if next_url else "")


def owed_too_long(request) -> bool:
    since = request.session.get(PENDING, {}).get("since", 0)
    return time.time() - since > settings.MOTCUA_SECOND_FACTOR_MINUTES * 60


class SecondFactorMiddleware:
    """After AuthenticationMiddleware, MessageMiddleware and SessionLimitMiddleware: a session that still owes its
    code opens only OPEN_WHILE_OWED; no query is made for any request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not code_owed(request):
            return None
        if owed_too_long(request):
            logout(request)
            messages.warning(
                request,
                f"Quá {settings.MOTCUA_SECOND_FACTOR_MINUTES} phút chưa nhập mã xác thực. Vui lòng đăng nhập lại.",
            )
            if request.method in ("GET", "HEAD"):
                return redirect_to_login(request.get_full_path())
            return redirect_to_login("", redirect_field_name=None)
        if request.resolver_match and request.resolver_match.view_name in OPEN_WHILE_OWED:
            return None
        if request.method in ("GET", "HEAD"):
            return redirect(step_url(request.get_full_path()))
        answer = redirect(step_url())
        answer.status_code = 303  # a form sent before the code: nothing was done
        return answer


# --- Throttling: the login's growing delays ---------------------------------------------------------------------


def account_policy() -> backoff.Policy:
    return backoff.Policy(
        "second-factor", free=settings.MOTCUA_LOGIN_FREE_FAILURES, cap=settings.MOTCUA_LOGIN_MAX_DELAY
    )


def wait_before(request, user) -> int:
    """Seconds to wait before this code may be checked (0: it is checked, and counted against the account)."""
    wait = backoff.wait(throttle.address_policy(), client_network(request))
    return wait or backoff.claim(account_policy(), str(user.pk))


def check(request, user, code: str, *, confirmed: bool) -> TOTPDevice | None:
    """The device of `user` (confirmed, or the one being enrolled) that accepts `code` now; None if none does.

    The row is locked while the code is checked, so that two requests cannot both use one code."""
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=confirmed)
            .order_by("-pk" if not confirmed else "pk")
            .first()
        )
        accepted = device is not None and device.verify_token(code)
    if accepted:
        backoff.clear(account_policy(), str(user.pk))
        return device
    backoff.fail(throttle.address_policy(), client_network(request))
    return None


# --- Enrolment ----------------------------------------------------------------------------------------------------


def enrolling_device(user) -> TOTPDevice:
    """The device being enrolled: the same one (the same QR code) until a code confirms it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The key as authenticator apps take it by hand: base 32 in groups of four ("ABCD EFGH …")."""
    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// address as a QR code, an SVG in a data: address (the policy allows img-src data:)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=4)


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Mã xác thực (6 chữ số)",
        max_length=12,
        error_messages={"required": "Vui lòng nhập mã xác thực."},
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "pattern": "[0-9 ]*",
                "maxlength": "7",
                "autofocus": True,
            }
        ),
    )

    def clean_code(self):
        code = re.sub(r"\s", "", self.cleaned_data["code"])
        if not re.fullmatch(r"\d{6}", code):  # costs no try: a code is six digits
            raise ValidationError("Mã xác thực gồm 6 chữ số.", code="format")
        return code


def _next(request) -> str:
    return safe_next(request, request.POST.get("next") or request.GET.get("next")) or home_for(request.user)


def _throttled(form, wait: int) -> None:
    form.add_error("code", ValidationError(WAIT_MESSAGE.format(duration=throttle.duration(wait)), code="throttled"))


def _posted_code(request, user, form, *, confirmed: bool) -> tuple[TOTPDevice | None, int]:
    """The device (confirmed, or the one being enrolled) the posted code is right for, and the page's status: 400
    for a malformed or wrong code and 429 while the delays hold, the form then saying why (None for the device)."""
    if not form.is_valid():
        return None, 400
    wait = wait_before(request, user)
    if wait:
        _throttled(form, wait)
        return None, 429
    device = check(request, user, form.cleaned_data["code"], confirmed=confirmed)
    if device is None:
        form.add_error("code", ValidationError(WRONG, code="wrong"))
        return None, 400
    return device, 200


@login_required
def second_step(request):
    """/dang-nhap/ma-xac-thuc/: the code after the password."""
    if not code_owed(request):
        return redirect(_next(request))
    user = request.user
    if confirmed_device(user) is None:
        if not must_have_device(user):  # an admin removed the device meanwhile: no code is owed any more
            request.session.pop(PENDING, None)
            return redirect(_next(request))
        return redirect(reverse("second_factor_setup") + (f"?{urlencode({'next': _next(request)})}"))
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        device, status = _posted_code(request, user, form, confirmed=True)
        if device is not None:
            finish(request, device)
            return redirect(_next(request))
    return render(request, "accounts/second_factor.html", {"form": form, "next": _next(request)}, status=status)


@login_required
def setup(request):
    """/tai-khoan/xac-thuc-hai-buoc/: enrol an authenticator app (staff), or see that one is enrolled."""
    user = request.user
    owed = code_owed(request)
    if not is_staff_account(user):
        messages.error(request, "Xác thực hai bước bằng ứng dụng dành cho tài khoản cán bộ.")
        return redirect("account")
    device = confirmed_device(user)
    if device is not None:
        if owed:  # a device is enrolled: only its code signs in; a new one is the admin's to allow
            return redirect(step_url(_next(request)))
        return render(request, "accounts/second_factor_setup.html", {"device": device, "forced": False})
    enrolling = enrolling_device(user)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        device, status = _posted_code(request, user, form, confirmed=False)
        if device is not None:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            log.info("Second factor enrolled for user %s", user.pk)
            messages.success(
                request,
                "Đã bật xác thực hai bước. Từ nay mỗi lần đăng nhập cần thêm mã trên ứng dụng xác thực.",
            )
            if owed:
                finish(request, device)
                return redirect(_next(request))
            django_otp.login(request, device)
            return redirect("account")
    return render(
        request,
        "accounts/second_factor_setup.html",
        {
            "form": form,
            "forced": owed,
            "qr": qr_data_uri(enrolling),
            "secret": secret_text(enrolling),
            "issuer": settings.OTP_TOTP_ISSUER,
            "username": user.get_username(),
            "next": _next(request) if owed else "",
        },
        status=status,
    )


def reset(user, *, by) -> int:
    """An admin resets a lost device: every device of `user` is removed; the next login enrols again (admins and
    leaders) or goes on with the password alone (others). Returns how many devices were removed."""
    count, _ = TOTPDevice.objects.filter(user=user).delete()
    log.warning("Second factor of user %s reset by %s (%d device(s) removed)", user.pk, by.pk, count)
    return count
