"""Login, logout, the account page, and single sign-on and linking through the national identity provider
(VNeID / DVCQG); registration is in registration.py."""

import functools
import logging
import time

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from motcua.vntext.validators import normalize_phone, validate_id_number, validate_phone

from . import oidc, second_factor
from .forms import LoginForm
from .landing import home_for, safe_next
from .models import User

log = logging.getLogger(__name__)
BACKEND = "motcua.accounts.backends.IdentifierBackend"
FLOW_KEY = "oidc_flows"
FLOW_MAX_AGE = 600  # seconds from the button to the callback
FLOW_MAX_OPEN = 5


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "registration/login.html"

    def get_default_redirect_url(self):
        return home_for(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(sso_enabled=oidc.enabled(), **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        if second_factor.code_owed(self.request):  # the password was right; the code comes next, then the page
            return redirect(second_factor.step_url(response.url))
        return response

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, "throttled"):
            response.status_code = 429  # Too Many Requests: the page still says, in Vietnamese, how long to wait
        return response


class LogoutView(auth_views.LogoutView):
    next_page = "/"


def callback_uri(request) -> str:
    return oidc.config()["redirect_uri"] or request.build_absolute_uri(reverse("vneid_callback"))


def sso_error(
    request, message: str, status: int = 400, *, title: str = "Không đăng nhập được", signed_in: bool = False
):
    return render(
        request, "accounts/sso_error.html", {"message": message, "title": title, "signed_in": signed_in}, status=status
    )


@require_GET
def vneid_start(request):
    """Đăng nhập bằng VNeID: opens the account of the person the e-ID vouches for (never links one)."""
    return _start_flow(request, link_user=None, next_page=safe_next(request, request.GET.get("next")))


@login_required
@require_POST
def vneid_link_start(request):
    """Liên kết VNeID: the signed-in owner of a password account proves who they are with the e-ID."""
    refusal = link_refusal(request.user)
    if refusal:
        messages.error(request, refusal)
        return redirect("account")
    return _start_flow(request, link_user=request.user.pk, next_page=reverse("account"))


def _start_flow(request, *, link_user: int | None, next_page: str):
    if not oidc.enabled():
        return sso_error(request, "Đăng nhập bằng VNeID chưa được cấu hình trên hệ thống này.", 404)
    flow = oidc.new_flow()
    flow["next"] = next_page
    if link_user is not None:
        flow["link_user"] = link_user  # the callback links only if this same user is still signed in
    try:
        url = oidc.authorization_url(flow, callback_uri(request))
    except oidc.OIDCError as exc:
        log.warning("OIDC start failed: %s", exc.detail)
        return sso_error(request, exc.message, 502)
    now = time.time()
    flows = {s: f for s, f in request.session.get(FLOW_KEY, {}).items() if now - f["created"] < FLOW_MAX_AGE}
    flows[flow["state"]] = flow
    request.session[FLOW_KEY] = dict(sorted(flows.items(), key=lambda kv: kv[1]["created"])[-FLOW_MAX_OPEN:])
    return redirect(url)


@require_GET
def vneid_callback(request):
    flows = request.session.get(FLOW_KEY, {})
    flow = flows.pop(request.GET.get("state", ""), None)
    request.session[FLOW_KEY] = flows
    if flow is None or time.time() - flow["created"] > FLOW_MAX_AGE:
        log.warning("OIDC callback with an unknown or stale state")
        return sso_error(request, "Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.")
    linking = flow.get("link_user") is not None
    if linking and not (request.user.is_authenticated and request.user.pk == flow["link_user"]):
        log.warning(
            "OIDC link flow of user %s came back to user %s",
            flow["link_user"],
            request.user.pk if request.user.is_authenticated else None,
        )
        return sso_error(
            request,
            "Phiên liên kết VNeID không còn hợp lệ (bạn đã đăng xuất hoặc đổi tài khoản). "
            "Vui lòng đăng nhập lại rồi liên kết lại.",
        )
    if linking:  # the owner stays signed in, unchanged, whatever goes wrong from here
        fail = functools.partial(sso_error, title="Không liên kết được VNeID", signed_in=True)
    else:
        fail = sso_error
    if request.GET.get("error"):
        log.warning("OIDC provider error: %s %s", request.GET.get("error"), request.GET.get("error_description", ""))
        if request.GET["error"] == "access_denied":
            return fail(request, "Bạn đã từ chối hoặc hủy đăng nhập bằng VNeID.")
        return fail(request, "Máy chủ xác thực báo lỗi, chưa đăng nhập được. Vui lòng thử lại.")
    code = request.GET.get("code")
    if not code or not oidc.enabled():
        return fail(request, "Phản hồi của máy chủ xác thực không hợp lệ.")
    try:
        tokens = oidc.exchange_code(code, flow["verifier"], callback_uri(request))
        claims = oidc.verify_id_token(tokens["id_token"], flow["nonce"])
        claims = {**claims, **oidc.userinfo(tokens["access_token"], claims["sub"])}
        user = link_account(claims, link_user=request.user if linking else None)
    except oidc.OIDCError as exc:
        log.warning("OIDC %s refused: %s", "link" if linking else "sign-in", exc.detail)
        return fail(request, exc.message)
    login(request, user, backend=BACKEND)  # a new session key after the change of identity or assurance
    if linking:
        messages.success(
            request,
            "Đã liên kết tài khoản định danh điện tử (VNeID). Số định danh cá nhân của tài khoản đã được xác thực.",
        )
    return redirect(flow.get("next") or home_for(user))


def _claim(claims: dict, *names: str) -> str:
    for name in names:
        if claims.get(name):
            return str(claims[name]).strip()
    return ""


def is_staff_account(user: User) -> bool:
    return user.kind == User.Kind.STAFF or user.is_staff or user.is_superuser


def link_refusal(user: User) -> str:
    """Why this signed-in account may not be linked to an e-ID (empty: it may)."""
    if is_staff_account(user):
        return "Tài khoản cán bộ không liên kết và không đăng nhập bằng VNeID; hãy dùng tài khoản của cơ quan."
    if user.id_verified:
        return "Tài khoản này đã được xác thực bằng VNeID."
    return ""


def link_account(claims: dict, link_user: User | None = None) -> User:
    """The account the e-ID opens (docs/accounts.md, "Linking").

    With `link_user` (its owner, signed in with the password, started "Liên kết VNeID" in this session): that
    account takes the e-ID's subject and verified number, unless another account already holds either. Without:
    the account with this subject, else the verified account with this number, else a new citizen account. An
    account whose number was only typed is never picked, merged or changed here.
    """
    subject = str(claims.get("sub") or "").strip()
    id_number = oidc.identity_number(claims)
    try:
        validate_id_number(id_number)
    except ValidationError:
        raise oidc.OIDCError(
            "Máy chủ xác thực không cung cấp số định danh cá nhân hợp lệ.", f"id claim {id_number!r}"
        ) from None
    if not subject or len(subject) > 255:
        raise oidc.OIDCError("Phản hồi của máy chủ xác thực không hợp lệ.", f"sub {subject[:40]!r}")
    try:
        with transaction.atomic():
            holders = list(
                User.objects.select_for_update()
                .filter(Q(vneid_subject=subject) | Q(id_verified=True, id_number=id_number))
                .order_by("pk")
            )
            if link_user is not None:
                user = _link(User.objects.select_for_update().get(pk=link_user.pk), holders, subject, id_number)
            else:
                user = _open(holders, subject, id_number, claims)
            user.vneid_verified_at = timezone.now()
            if not user.full_name:
                user.full_name = _claim(claims, "name", "ho_va_ten", "ho_ten")[:200]
            user.save()
    except IntegrityError as exc:  # two sign-ins of one new person at once: the other one made the account
        raise oidc.OIDCError(
            "Chưa hoàn tất được đăng nhập bằng VNeID. Vui lòng thử lại.", f"integrity: {exc}"
        ) from None
    return user


def _link(user: User, holders: list[User], subject: str, id_number: str) -> User:
    refusal = "" if user.is_active else "Tài khoản này đã bị vô hiệu hóa."
    refusal = refusal or link_refusal(user)
    if refusal:
        raise oidc.OIDCError(refusal, f"link to {user.pk} refused: {refusal}")
    if any(other.pk != user.pk for other in holders):
        raise oidc.OIDCError(
            "Tài khoản định danh điện tử này đã gắn với một tài khoản khác trên Cổng. Hãy đăng xuất rồi bấm "
            "“Đăng nhập bằng VNeID” để vào tài khoản đó, hoặc liên hệ Bộ phận Một cửa.",
            f"link {user.pk}: sub or number {id_number} held by {[o.pk for o in holders]}",
        )
    user.id_number, user.id_verified, user.vneid_subject = id_number, True, subject
    return user


def _open(holders: list[User], subject: str, id_number: str, claims: dict) -> User:
    by_subject = next((u for u in holders if u.vneid_subject == subject), None)
    by_number = next((u for u in holders if u.id_verified and u.id_number == id_number), None)
    user = by_subject or by_number
    if user is None:
        return new_citizen(id_number, subject, claims)
    if by_subject and by_number and by_subject.pk != by_number.pk:
        raise oidc.OIDCError(
            "Số định danh này đã được xác thực trên một tài khoản khác. Vui lòng liên hệ Bộ phận Một cửa.",
            f"sub on {by_subject.pk}, number {id_number} verified on {by_number.pk}",
        )
    if user.vneid_subject not in (None, "", subject):
        raise oidc.OIDCError(
            "Số định danh này đã được xác thực bằng một tài khoản VNeID khác. Vui lòng liên hệ Bộ phận Một cửa.",
            f"{user.pk} holds sub {user.vneid_subject!r}, e-ID says {subject!r}",
        )
    if not user.is_active:
        raise oidc.OIDCError("Tài khoản này đã bị vô hiệu hóa.", f"{user.pk} inactive")
    # Citizen SSO vouches for a person, not for an official's role: staff sign in with their own account.
    if is_staff_account(user):
        raise oidc.OIDCError(
            "Tài khoản cán bộ không đăng nhập bằng VNeID; hãy dùng tài khoản của cơ quan.", f"{user.pk} is staff"
        )
    user.vneid_subject, user.id_number, user.id_verified = subject, id_number, True
    return user


def new_citizen(id_number: str, subject: str, claims: dict) -> User:
    username = f"vneid_{id_number}"
    taken = set(User.objects.filter(username__startswith=username).values_list("username", flat=True))
    suffix = 2
    while username in taken:  # a typed-number account never blocks the person: the name just moves on
        username, suffix = f"vneid_{id_number}_{suffix}", suffix + 1
    user = User(
        username=username,
        kind=User.Kind.CITIZEN,
        id_number=id_number,
        id_verified=True,
        vneid_subject=subject,
        full_name=_claim(claims, "name", "ho_va_ten", "ho_ten")[:200],
    )
    email = _claim(claims, "email").lower()
    if email and not User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists():
        user.email = email[:254]  # one account per e-mail for login
    phone = normalize_phone(_claim(claims, "phone_number", "so_dien_thoai"))
    try:
        validate_phone(phone)
        if not User.objects.filter(Q(phone=phone) | Q(username=phone)).exists():
            user.phone = phone
    except ValidationError:
        pass
    user.set_unusable_password()
    return user


@login_required
def account(request):
    """Tài khoản: who the account says it is, what of that is verified, and the button to link VNeID."""
    user = request.user
    staff = is_staff_account(user)
    return render(
        request,
        "accounts/account.html",
        {
            "account": user,
            "sso_enabled": oidc.enabled(),
            "can_link": not link_refusal(user),
            "is_staff_account": staff,
            "device": second_factor.confirmed_device(user) if staff else None,
            "device_required": staff and second_factor.must_have_device(user),
        },
    )
