"""OpenID Connect relying party for the national identity providers (DVCQG SSO, VNeID), see docs/accounts.md.

Authorization-code flow with PKCE (S256), state and nonce; the token endpoint is called with client_secret_post;
the ID token must be RS256-signed by a key of the provider's JWKS and carry our client id, the provider's issuer,
a current exp/iat and our nonce. Server-to-server calls use urllib (no extra HTTP dependency).
"""

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import jwt
from django.conf import settings

DISCOVERY_PATH = "/.well-known/openid-configuration"
DISCOVERY_TTL = 3600
_cache: dict[str, tuple[float, dict]] = {}
_cache_lock = threading.Lock()


class OIDCError(Exception):
    """A failed sign-in; `message` is Vietnamese and shown to the user, `detail` is technical and only logged."""

    def __init__(self, message: str, detail: str = ""):
        super().__init__(detail or message)
        self.message, self.detail = message, detail


def config() -> dict:
    return {
        "issuer": (getattr(settings, "MOTCUA_OIDC_ISSUER", "") or "").rstrip("/"),
        "client_id": getattr(settings, "MOTCUA_OIDC_CLIENT_ID", ""),
        "client_secret": getattr(settings, "MOTCUA_OIDC_CLIENT_SECRET", ""),
        "scope": getattr(settings, "MOTCUA_OIDC_SCOPE", "openid"),
        "acr_values": getattr(settings, "MOTCUA_OIDC_ACR_VALUES", ""),
        "id_claim": getattr(settings, "MOTCUA_OIDC_ID_CLAIM", "so_dinh_danh"),
        "timeout": getattr(settings, "MOTCUA_OIDC_TIMEOUT", 10),
        "redirect_uri": getattr(settings, "MOTCUA_OIDC_REDIRECT_URI", ""),
    }


def enabled() -> bool:
    cfg = config()
    return bool(cfg["issuer"] and cfg["client_id"] and cfg["client_secret"])


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def pkce_challenge(verifier: str) -> str:
    return b64url(hashlib.sha256(verifier.encode("ascii")).digest())


def _http(url: str, *, data: dict | None = None, headers: dict | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers={"Accept": "application/json", **(headers or {})})
    if body is not None:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with urllib.request.urlopen(request, timeout=config()["timeout"]) as response:
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        try:
            payload = json.loads(exc.read().decode("utf-8"))
        except ValueError:
            payload = {}
        raise OIDCError(
            "Máy chủ xác thực từ chối yêu cầu.",
            f"{url}: HTTP {exc.code} {payload.get('error', '')} {payload.get('error_description', '')}",
        ) from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise OIDCError("Không kết nối được với máy chủ xác thực. Vui lòng thử lại sau.", f"{url}: {exc}") from exc


def discovery(force: bool = False) -> dict:
    issuer = config()["issuer"]
    with _cache_lock:
        hit = _cache.get(issuer)
    if hit and not force and time.monotonic() - hit[0] < DISCOVERY_TTL:
        return hit[1]
    meta = _http(issuer + DISCOVERY_PATH)
    if (meta.get("issuer") or "").rstrip("/") != issuer:
        raise OIDCError("Cấu hình máy chủ xác thực không hợp lệ.", f"discovery issuer {meta.get('issuer')!r}")
    for key in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        if not meta.get(key):
            raise OIDCError("Cấu hình máy chủ xác thực không hợp lệ.", f"discovery lacks {key}")
    with _cache_lock:
        _cache[issuer] = (time.monotonic(), meta)
    return meta


def new_flow() -> dict:
    """Fresh secrets for one sign-in: kept in the session until the callback."""
    verifier = secrets.token_urlsafe(64)
    return {
        "state": secrets.token_urlsafe(32),
        "nonce": secrets.token_urlsafe(32),
        "verifier": verifier,
        "created": time.time(),
    }


def authorization_url(flow: dict, redirect_uri: str) -> str:
    cfg = config()
    params = {
        "response_type": "code",
        "client_id": cfg["client_id"],
        "redirect_uri": redirect_uri,
        "scope": cfg["scope"],
        "state": flow["state"],
        "nonce": flow["nonce"],
        "code_challenge": pkce_challenge(flow["verifier"]),
        "code_challenge_method": "S256",
    }
    if cfg["acr_values"]:
        params["acr_values"] = cfg["acr_values"]
    endpoint = discovery()["authorization_endpoint"]
    return endpoint + ("&" if "?" in endpoint else "?") + urllib.parse.urlencode(params)


def exchange_code(code: str, verifier: str, redirect_uri: str) -> dict:
    cfg = config()
    tokens = _http(
        discovery()["token_endpoint"],
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "client_id": cfg["client_id"],
            "client_secret": cfg["client_secret"],
            "code_verifier": verifier,
        },
    )
    if not tokens.get("id_token") or not tokens.get("access_token"):
        raise OIDCError("Máy chủ xác thực trả lời không đầy đủ.", "token response lacks id_token/access_token")
    return tokens


def _signing_key(kid: str | None):
    issuer = config()["issuer"]
    for attempt in (0, 1):  # a key we do not know yet: the provider may have rotated, fetch the set once more
        jwks = _jwks_cache.get(issuer) if not attempt else None
        if jwks is None:
            jwks = _jwks_cache[issuer] = _http(discovery()["jwks_uri"])
        try:
            keys = jwt.PyJWKSet.from_dict(jwks).keys
        except jwt.PyJWTError as exc:
            raise OIDCError("Cấu hình máy chủ xác thực không hợp lệ.", f"jwks: {exc}") from exc
        for key in keys:
            if kid is None or key.key_id == kid:
                return key.key
    raise OIDCError("Chữ ký của mã xác thực không hợp lệ.", f"no JWKS key {kid!r}")


_jwks_cache: dict[str, dict] = {}


def verify_id_token(id_token: str, nonce: str) -> dict:
    cfg = config()
    try:
        header = jwt.get_unverified_header(id_token)
    except jwt.PyJWTError as exc:
        raise OIDCError("Mã xác thực không hợp lệ.", f"id_token header: {exc}") from exc
    if header.get("alg") != "RS256":
        raise OIDCError("Mã xác thực không hợp lệ.", f"id_token alg {header.get('alg')!r}")
    try:
        claims = jwt.decode(
            id_token,
            _signing_key(header.get("kid")),
            algorithms=["RS256"],
            audience=cfg["client_id"],
            issuer=cfg["issuer"],
            leeway=60,
            options={"require": ["iss", "aud", "exp", "iat", "sub", "nonce"]},
        )
    except jwt.ExpiredSignatureError:
        raise OIDCError("Phiên xác thực đã hết hạn. Vui lòng đăng nhập lại.", "id_token expired") from None
    except jwt.InvalidSignatureError:
        raise OIDCError("Chữ ký của mã xác thực không hợp lệ.", "id_token signature") from None
    except jwt.PyJWTError as exc:
        raise OIDCError("Mã xác thực không hợp lệ.", f"id_token: {type(exc).__name__}: {exc}") from exc
    if isinstance(claims["aud"], list) and len(claims["aud"]) > 1 and claims.get("azp") != cfg["client_id"]:
        raise OIDCError("Mã xác thực không hợp lệ.", "id_token azp")
    if not hmac.compare_digest(str(claims["nonce"]), nonce):
        raise OIDCError("Mã xác thực không hợp lệ.", "id_token nonce mismatch")
    return claims


def userinfo(access_token: str, subject: str) -> dict:
    endpoint = discovery().get("userinfo_endpoint")
    if not endpoint:
        return {}
    info = _http(endpoint, headers={"Authorization": f"Bearer {access_token}"})
    if str(info.get("sub")) != str(subject):  # OIDC Core 5.3.2: userinfo must be about the ID token's subject
        raise OIDCError("Thông tin tài khoản không khớp với mã xác thực.", "userinfo sub mismatch")
    return info


def identity_number(claims: dict) -> str:
    for name in dict.fromkeys((config()["id_claim"], "so_dinh_danh", "citizen_id")):
        value = claims.get(name)
        if value:
            return str(value).strip()
    return ""
