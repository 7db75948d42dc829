"""Đăng nhập sai: growing delays, per login name and per client address, instead of a lock (docs/security.md).

- Per login name: MOTCUA_LOGIN_FREE_FAILURES (3) wrong passwords in a row cost nothing; each one after that doubles
  the wait before the next try, 1 s, 2 s, 4 s … up to MOTCUA_LOGIN_MAX_DELAY (900 s). The name is counted as it was
  typed (folded: an e-mail in lower case, a phone as 0xxxxxxxxx), whether or not an account has it, so neither the
  answer nor the delay says whether an account exists. An attempt is counted before the password is checked, so
  parallel requests cannot all slip through one free moment.
- Per client address: the same after MOTCUA_LOGIN_FREE_FAILURES_PER_ADDRESS (20) wrong passwords, for someone
  trying one password on many names (an office behind one address has room for its typos).
- A successful login forgets the name's failures; so does a password recovery, for every name of the account
  (username, e-mail, phone). Nobody can hold an account shut: the wait ends by itself, and the owner can always
  recover the account with a one-time code sent to their verified e-mail or phone (recovery.py), which signs them in.

Failures are counted in the shared database cache (motcua.ratelimits.backoff), so every server process sees them.
"""

from django.conf import settings

from motcua.ratelimits import backoff
from motcua.ratelimits.clients import client_network
from motcua.vntext.validators import normalize_phone

WAIT_MESSAGE = (
    "Có nhiều lần đăng nhập không thành công. Vui lòng chờ {duration} rồi thử lại, hoặc bấm "
    "“Quên mật khẩu?” để đặt lại mật khẩu bằng mã xác nhận."
)


def name_policy() -> backoff.Policy:
    return backoff.Policy("login-name", free=settings.MOTCUA_LOGIN_FREE_FAILURES, cap=settings.MOTCUA_LOGIN_MAX_DELAY)


def address_policy() -> backoff.Policy:
    return backoff.Policy(
        "login-address", free=settings.MOTCUA_LOGIN_FREE_FAILURES_PER_ADDRESS, cap=settings.MOTCUA_LOGIN_MAX_DELAY
    )


def login_name(identifier: str) -> str:
    """The login name as counted: 'Hoa@Example.vn' → 'hoa@example.vn', '+84 912 000 111' → '0912000111'."""
    value = (identifier or "").strip()
    if "@" not in value:
        phone = normalize_phone(value)
        if phone.isdigit():
            return phone
    return value.lower()


def duration(seconds: int) -> str:
    return f"{seconds} giây" if seconds < 120 else f"{-(-seconds // 60)} phút"


def before(request, identifier: str) -> int:
    """Seconds the person must wait before this attempt (0: it goes on, and is counted against the name)."""
    if request is not None:
        wait = backoff.wait(address_policy(), client_network(request))
        if wait:
            return wait
    return backoff.claim(name_policy(), login_name(identifier))


def failed(request, identifier: str) -> None:
    """A wrong password (or an unknown name): the address's count goes up; the name's went up in `before`."""
    if request is not None:
        backoff.fail(address_policy(), client_network(request))


def succeeded(identifier: str) -> None:
    backoff.clear(name_policy(), login_name(identifier))


def forget(user) -> None:
    """After a password recovery: every name the account logs in with starts afresh."""
    for name in {user.username, user.email, user.phone} - {"", None}:
        succeeded(name)
