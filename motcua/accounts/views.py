"""Login, logout, registration and single sign-on through the national identity provider (VNeID / DVCQG)."""
import logging
import time

from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from motcua.dossiers.validators import validate_id_number, validate_phone

from . import oidc
from .backends import normalize_phone
from .forms import LoginForm, RegistrationForm
from .models import User

log = logging.getLogger(__name__)
BACKEND = "motcua.accounts.backends.IdentifierBackend"
FLOW_KEY = "oidc_flows"
FLOW_MAX_AGE = 600  # seconds from the button to the callback
FLOW_MAX_OPEN = 5


def home_for(user) -> str:
    return reverse("office:home") if user.kind == User.Kind.STAFF else reverse("portal:my_dossiers")


def safe_next(request, value: str | None) -> str:
    if value and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()},
                                                 require_https=request.is_secure()):
        return value
    return ""


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "registration/login.html"

    def get_default_redirect_url(self):
        return home_for(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(sso_enabled=oidc.enabled(), **kwargs)


class LogoutView(auth_views.LogoutView):
    next_page = "/"


def register(request):
    if request.user.is_authenticated:
        return redirect(home_for(request.user))
    form = RegistrationForm(request.POST or None)
    # A new citizen who came from "Nộp trực tuyến" goes back there, not to an empty "Hồ sơ của tôi".
    next_page = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend=BACKEND)
        return redirect(next_page or home_for(user))
    return render(request, "accounts/register.html", {"form": form, "sso_enabled": oidc.enabled(),
                                                      "next": next_page})


def callback_uri(request) -> str:
    return oidc.config()["redirect_uri"] or request.build_absolute_uri(reverse("vneid_callback"))


def sso_error(request, message: str, status: int = 400):
    return render(request, "accounts/sso_error.html", {"message": message}, status=status)


@require_GET
def vneid_start(request):
    if not oidc.enabled():
        return sso_error(request, "Đăng nhập bằng VNeID chưa được cấu hình trên hệ thống này.", 404)
    flow = oidc.new_flow()
    flow["next"] = safe_next(request, request.GET.get("next"))
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
    if request.GET.get("error"):
        log.warning("OIDC provider error: %s %s", request.GET.get("error"), request.GET.get("error_description", ""))
        if request.GET["error"] == "access_denied":
            return sso_error(request, "Bạn đã từ chối hoặc hủy đăng nhập bằng VNeID.")
        return sso_error(request, "Máy chủ xác thực báo lỗi, chưa đăng nhập được. Vui lòng thử lại.")
    code = request.GET.get("code")
    if not code or not oidc.enabled():
        return sso_error(request, "Phản hồi của máy chủ xác thực không hợp lệ.")
    try:
        tokens = oidc.exchange_code(code, flow["verifier"], callback_uri(request))
        claims = oidc.verify_id_token(tokens["id_token"], flow["nonce"])
        claims = {**claims, **oidc.userinfo(tokens["access_token"], claims["sub"])}
        user = link_account(claims)
    except oidc.OIDCError as exc:
        log.warning("OIDC sign-in refused: %s", exc.detail)
        return sso_error(request, exc.message)
    login(request, user, backend=BACKEND)
    return redirect(flow.get("next") or home_for(user))


def _claim(claims: dict, *names: str) -> str:
    for name in names:
        if claims.get(name):
            return str(claims[name]).strip()
    return ""


def link_account(claims: dict) -> User:
    """The account of the person the provider vouches for, found by ID number; a new citizen account if none."""
    id_number = oidc.identity_number(claims)
    try:
        validate_id_number(id_number)
    except ValidationError:
        raise oidc.OIDCError("Máy chủ xác thực không cung cấp số định danh cá nhân hợp lệ.",
                             f"id claim {id_number!r}") from None
    with transaction.atomic():
        matches = list(User.objects.select_for_update().filter(id_number=id_number)[:2])
        if len(matches) > 1:
            raise oidc.OIDCError("Số định danh này gắn với nhiều tài khoản. Vui lòng liên hệ Bộ phận Một cửa.",
                                 f"{id_number} matches several accounts")
        if matches:
            user = matches[0]
            if not user.is_active:
                raise oidc.OIDCError("Tài khoản này đã bị vô hiệu hóa.", f"{user.pk} inactive")
            # Citizen SSO vouches for a person, not for an official's role: staff sign in with their own account.
            if user.kind == User.Kind.STAFF or user.is_staff or user.is_superuser:
                raise oidc.OIDCError("Tài khoản cán bộ không đăng nhập bằng VNeID; hãy dùng tài khoản của cơ quan.",
                                     f"{user.pk} is staff")
        else:
            user = new_citizen(id_number, claims)
        user.vneid_verified_at = timezone.now()
        if not user.full_name:
            user.full_name = _claim(claims, "name", "ho_va_ten", "ho_ten")[:200]
        user.save()
    return user


def new_citizen(id_number: str, claims: dict) -> User:
    user = User(username=f"vneid_{id_number}", kind=User.Kind.CITIZEN, id_number=id_number,
                full_name=_claim(claims, "name", "ho_va_ten", "ho_ten")[:200])
    email = _claim(claims, "email").lower()
    if email and not User.objects.filter(email__iexact=email).exists():  # one account per e-mail for login
        user.email = email[:254]
    phone = normalize_phone(_claim(claims, "phone_number", "so_dien_thoai"))
    try:
        validate_phone(phone)
        if not User.objects.filter(phone=phone).exists():
            user.phone = phone
    except ValidationError:
        pass
    user.set_unusable_password()
    return user

