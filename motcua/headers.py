"""Headers every response gets (issue 12, OWASP ASVS 14.4 and 8.2; docs/security.md, "Headers and sessions").

- Content-Security-Policy, by django-csp from `settings.CONTENT_SECURITY_POLICY`: scripts and styles only from our
  own static files, nothing inline. A page whose form is sent on to another site (the payment start page to the
  gateway, the account page to the identity provider when linking VNeID) adds that site's origin to form-action:
  browsers check form-action on the redirect that follows the POST too. The origins are read from the settings at
  each request, so a gateway or provider configured (or started by a test) later is the one allowed.
  A response that already has its own policy keeps it (stored files: `dossiers.files.FILE_POLICY`). One
  exception is made, for styles only: REST framework's browsable API (the API in a browser, for staff and
  integrators) writes a few style attributes and a <style> element in its own templates, so its HTML pages allow
  inline styles; their scripts are held to 'self' like every page.
- Cache-Control: no-store and Pragma: no-cache on every response except the public pages listed in PUBLIC_VIEWS
  (the procedure catalogue and the public statistics, which hold no personal data and keep their own caching):
  the office, the citizen's pages, tracking results, accounts, the kiosk, the API, the admin, the downloads. A page
  left on a shared counter PC must not come back from the browser's cache after logout, nor be kept by a proxy.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings
from rest_framework.renderers import BrowsableAPIRenderer

# Public pages without personal data; they may be cached (the statistics say for how long: max-age=300).
PUBLIC_VIEWS = frozenset({"portal:home", "catalog:list", "catalog:detail", "dashboard:public"})


def origin(url: str) -> str:
    """ "https://pay.example.vn" of "https://pay.example.vn:443/paymentv2/vpcpay.html?x=1"; "" if not a web URL."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def _gateway() -> list[str]:
    return [getattr(settings, "MOTCUA_VNPAY_URL", "")]


def _identity_provider() -> list[str]:
    return [getattr(settings, "MOTCUA_OIDC_ISSUER", "")]


# The pages (URL names) whose form posts to us and is then sent on to another site, and where to.
FORM_TARGETS = {"payments:start": _gateway, "account": _identity_provider}
# REST framework's browsable API pages: its templates' style attributes (scripts stay 'self').
BROWSABLE_API_STYLES = ["'self'", "'unsafe-inline'"]


def view_name(request) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else ""


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the form-action origins of FORM_TARGETS added on their pages, and inline
    styles allowed on the browsable API's pages."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if isinstance(getattr(response, "accepted_renderer", None), BrowsableAPIRenderer):
            parts.replace = {**(parts.replace or {}), "style-src": BROWSABLE_API_STYLES}
        targets = FORM_TARGETS.get(view_name(request))
        if targets:
            origins = sorted({o for o in map(origin, targets()) if o})
            if origins:
                parts.update = {
                    **(parts.update or {}),
                    "form-action": [*(parts.update or {}).get("form-action", []), *origins],
                }
        return parts


class NoStoreMiddleware:
    """Cache-Control: no-store (and Pragma: no-cache for HTTP/1.0 caches) unless the page is in PUBLIC_VIEWS."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if view_name(request) in PUBLIC_VIEWS:
            return response
        if "no-store" not in response.get("Cache-Control", ""):
            response["Cache-Control"] = "no-store"
        response["Pragma"] = "no-cache"
        return response
