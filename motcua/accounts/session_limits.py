"""Sessions end on the server (issue 12; OWASP ASVS 3.3.1 and 3.3.2; docs/security.md, "Headers and sessions").

- Staff (a "staff" account, or anyone with access to the admin): 30 minutes without a request, and 8 hours after
  signing in however busy they are.
- Citizens and businesses: 30 minutes without a request, and 12 hours after signing in: ASVS level 2 asks that an
  active session still re-authenticates at least every 12 hours, and 12 hours never cuts a day of filing short.

The session holds the moment of login and of the last request (epoch seconds; the last-request mark is written at
most once a minute, so an idle limit may come up to a minute early, never late). The cookie's own age
(SESSION_COOKIE_AGE) is only a backstop. The first request after a limit logs the person out and leaves a
Vietnamese message for the login page, which says why:
- a page opened (GET) goes to the login page, which comes back to that page after login;
- a form sent by the browser (POST) goes to the login page too, coming back to the page the form was on (the
  action was not done: it is done again after login);
- anything else (the draft's autosave, an upload, the API) goes on as a signed-out request, answered as any
  signed-out request is (login_required redirects; the draft keeps what was typed in the browser and offers it back
  once the person is signed in again: portal/draft.js). The message waits in the session for the next page the
  browser opens: a fetch that follows the redirect to the login page must not use it up.
Nothing the server holds is lost: a draft is saved as it is typed, and its page opens again after login.
"""

import time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

LOGIN_AT = "motcua_login_at"
SEEN_AT = "motcua_seen_at"
ENDED = "motcua_session_ended"  # why the last session ended, kept until a page is opened
MARK_EVERY = 60  # seconds between two writes of the last-request mark (else every request saves the session)


def now() -> float:
    """The clock of this module (tests set their own)."""
    return time.time()


def is_staff(user) -> bool:
    return getattr(user, "kind", "") == "staff" or user.is_staff or user.is_superuser


def limits(user) -> tuple[int, int]:
    """(idle seconds, seconds from login) after which this user's session ends."""
    idle = settings.MOTCUA_SESSION_IDLE_MINUTES * 60
    hours = settings.MOTCUA_STAFF_SESSION_HOURS if is_staff(user) else settings.MOTCUA_CITIZEN_SESSION_HOURS
    return idle, hours * 3600


def idle_message() -> str:
    return (
        f"Phiên đăng nhập đã kết thúc vì quá {settings.MOTCUA_SESSION_IDLE_MINUTES} phút không thao tác. "
        "Vui lòng đăng nhập lại; những gì đã lưu vẫn được giữ nguyên."
    )


def lifetime_message(user) -> str:
    hours = settings.MOTCUA_STAFF_SESSION_HOURS if is_staff(user) else settings.MOTCUA_CITIZEN_SESSION_HOURS
    return (
        f"Phiên đăng nhập đã kết thúc vì đã quá {hours} giờ kể từ lúc đăng nhập. "
        "Vui lòng đăng nhập lại; những gì đã lưu vẫn được giữ nguyên."
    )


@receiver(user_logged_in, dispatch_uid="motcua-session-limits")
def mark_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT] = request.session[SEEN_AT] = now()


def why_ended(session, user, moment: float) -> str:
    """The message saying why this session has ended, or "" while it lasts."""
    login_at, seen_at = session.get(LOGIN_AT), session.get(SEEN_AT)
    if login_at is None or seen_at is None:
        return ""
    idle, lifetime = limits(user)
    if moment - login_at >= lifetime:
        return lifetime_message(user)
    if moment - seen_at >= idle:
        return idle_message()
    return ""


def _page_of_the_form(request) -> str:
    """The path of the page a form was sent from (the Referer), when it is a page of this site; else ""."""
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        parts = urlsplit(referer)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return ""


def is_navigation(request) -> bool:
    """A page opened or a form sent by the browser, rather than a script's fetch (no header: an old browser)."""
    return request.headers.get("Sec-Fetch-Mode") in (None, "navigate")


class SessionLimitMiddleware:
    """After AuthenticationMiddleware and MessageMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        ended = False
        if user is not None and user.is_authenticated:
            moment = now()
            session = request.session
            reason = why_ended(session, user, moment)
            if reason:
                logout(request)
                request.session[ENDED] = reason  # said on the next page the browser opens (not to a fetch)
                ended = True
            elif session.get(LOGIN_AT) is None or session.get(SEEN_AT) is None:
                session[LOGIN_AT] = session.get(LOGIN_AT) or moment  # a session older than these limits
                session[SEEN_AT] = moment
            elif moment - session[SEEN_AT] >= MARK_EVERY:
                session[SEEN_AT] = moment
        if hasattr(request, "session") and ENDED in request.session and is_navigation(request):
            messages.warning(request, request.session.pop(ENDED))
            if ended and request.path != reverse("login"):
                return self.to_login(request)
        return self.get_response(request)

    @staticmethod
    def to_login(request):
        """The login page, coming back to the page opened, or to the page a form was sent from."""
        if request.method in ("GET", "HEAD"):
            return redirect_to_login(request.get_full_path())
        back = _page_of_the_form(request)
        answer = redirect_to_login(back) if back else redirect_to_login("", redirect_field_name=None)
        answer.status_code = 303  # the form is not sent again: the login page is fetched
        return answer
