"""Mã xác nhận một lần (one-time codes) sent by SMS or e-mail: registration now, password recovery later.

A code proves that the person at the screen receives messages at a phone number or an e-mail address:
- six digits from `secrets`; the row keeps only an HMAC of it (SECRET_KEY, a per-row salt), never the code;
- valid CODE_TTL (10 minutes) from its sending; MAX_ATTEMPTS (5) wrong codes and it is dead until a resend;
- single use: the first right answer marks it used, any later answer is refused;
- a resend (a fresh code, fresh tries) waits RESEND_AFTER (60 s) after the last sending, and a destination gets at
  most MAX_SENDS_PER_HOUR (5) messages in an hour across all purposes and challenges, so the form cannot be used to
  flood someone's phone.

Codes are sent synchronously, in the request that asks for them, not through the notice queue
(`integrations.tasks`): the person is waiting at the screen for a code that dies in ten minutes, so a delivery
retried minutes later is worthless, and the person must be told at once when the gateway refused; a queued Notice
row would also keep the code readable in the database (and Notice is about a dossier or PAKN event only). No
transaction is held open while the gateway is called.

The caller decides what the message says through `compose(code) -> Message`; it may leave the code out (a
registration with an address that already has an account gets "you already have an account" instead), in which
case the challenge behaves exactly like any other and can only fail.
"""

import hmac
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.crypto import salted_hmac

from motcua.gateways import sms
from motcua.vntext.validators import normalize_phone

from .models import OneTimeCode

log = logging.getLogger(__name__)
Channel = OneTimeCode.Channel
CODE_LENGTH = 6
CODE_TTL = timedelta(minutes=10)
MAX_ATTEMPTS = 5
RESEND_AFTER = timedelta(seconds=60)
MAX_SENDS_PER_HOUR = 5
KEY_SALT = "motcua.accounts.otp"


@dataclass(frozen=True)
class Message:
    subject: str  # e-mail only
    text: str


class Outcome(Enum):
    OK = "ok"
    WRONG = "wrong"
    EXPIRED = "expired"
    TOO_MANY = "too_many"
    USED = "used"
    MALFORMED = "malformed"


MESSAGES = {
    Outcome.WRONG: "Mã xác nhận không đúng. Còn {left} lần thử.",
    Outcome.EXPIRED: "Mã xác nhận đã hết hạn. Vui lòng bấm “Gửi lại mã” để nhận mã mới.",
    Outcome.TOO_MANY: "Bạn đã nhập sai mã {max} lần. Vui lòng bấm “Gửi lại mã” để nhận mã mới.",
    Outcome.USED: "Mã xác nhận này đã được dùng. Vui lòng bấm “Gửi lại mã” để nhận mã mới.",
    Outcome.MALFORMED: "Mã xác nhận gồm {length} chữ số.",
}


@dataclass(frozen=True)
class Check:
    outcome: Outcome
    attempts_left: int = 0

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.OK

    @property
    def message(self) -> str:
        return MESSAGES.get(self.outcome, "").format(left=self.attempts_left, max=MAX_ATTEMPTS, length=CODE_LENGTH)


class SendError(Exception):
    """No code went out; `message` is Vietnamese for the person, the technical reason is logged."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class Throttled(SendError):
    """Too soon: the cool-down after the last code (`hourly` False) or the destination's hourly cap (True)."""

    def __init__(self, wait_seconds: float, *, hourly: bool = False):
        self.wait_seconds = max(1, -int(-wait_seconds // 1))
        if hourly:
            message = (
                f"Đã gửi nhiều mã xác nhận tới nơi nhận này trong một giờ qua. Vui lòng thử lại sau "
                f"{_duration(self.wait_seconds)}."
            )
        else:
            message = f"Vui lòng chờ {_duration(self.wait_seconds)} rồi bấm “Gửi lại mã”."
        super().__init__(message)


def _duration(seconds: int) -> str:
    return f"{seconds} giây" if seconds < 120 else f"{-(-seconds // 60)} phút"


def normalise(channel: str, destination: str) -> str:
    return destination.strip().lower() if channel == Channel.EMAIL else normalize_phone(destination)


def digest(channel: str, destination: str) -> str:
    """Who a code went to, without keeping the address: rate limits look rows up by this."""
    return salted_hmac(
        KEY_SALT + ".destination", f"{channel}:{normalise(channel, destination)}", algorithm="sha256"
    ).hexdigest()


def hint(channel: str, destination: str) -> str:
    """'0912345678' → '09******78', 'hoa.le@example.vn' → 'h*****@example.vn': enough to recognise, not to read."""
    value = normalise(channel, destination)
    if channel == Channel.EMAIL:
        local, _, domain = value.partition("@")
        return f"{local[:1]}{'*' * max(1, len(local) - 1)}@{domain}"[:80]
    return f"{value[:2]}{'*' * max(1, len(value) - 4)}{value[-2:]}"


def new_code() -> str:
    return f"{secrets.randbelow(10**CODE_LENGTH):0{CODE_LENGTH}d}"


def _hash(row: OneTimeCode, code: str) -> str:
    return salted_hmac(KEY_SALT, f"{row.salt}:{row.pk}:{code}", algorithm="sha256").hexdigest()


def can_send(channel: str, destination: str) -> bool:
    """Whether this channel can carry a code to this destination at all (SMS needs a gateway and a mobile)."""
    if channel == Channel.SMS:
        return sms.enabled() and sms.is_mobile(destination)
    return bool(destination)


def _hour_wait(destination_digest: str, now) -> float:
    """Seconds until the destination may get another message (0: now)."""
    window = OneTimeCode.objects.filter(
        destination_digest=destination_digest, last_sent_at__gt=now - timedelta(hours=1)
    )
    if (window.aggregate(n=Sum("sends"))["n"] or 0) < MAX_SENDS_PER_HOUR:
        return 0
    oldest = window.order_by("last_sent_at").values_list("last_sent_at", flat=True).first()
    return (oldest + timedelta(hours=1) - now).total_seconds()


def start(purpose: str, channel: str, destination: str, compose: Callable[[str], Message]) -> OneTimeCode:
    """A new challenge for `destination`, its first code sent now. Raises Throttled or SendError."""
    if channel not in Channel.values or not can_send(channel, destination):
        raise SendError("Không gửi được mã xác nhận tới nơi nhận này.")
    now = timezone.now()
    row_digest = digest(channel, destination)
    wait = _hour_wait(row_digest, now)
    if wait:
        raise Throttled(wait, hourly=True)
    row = OneTimeCode.objects.create(
        purpose=purpose,
        channel=channel,
        destination_digest=row_digest,
        destination_hint=hint(channel, destination),
        salt=secrets.token_hex(16),
        code_hash="",
        expires_at=now,
    )
    _send(row, destination, compose, previous_sent_at=None)
    return row


def resend(challenge_id: int, purpose: str, destination: str, compose: Callable[[str], Message]) -> OneTimeCode:
    """A fresh code (and fresh tries) for an open challenge, after the cool-down. Raises Throttled or SendError."""
    now = timezone.now()
    row = OneTimeCode.objects.get(pk=challenge_id, purpose=purpose)
    if row.destination_digest != digest(row.channel, destination):
        raise SendError("Không gửi được mã xác nhận tới nơi nhận này.")
    if row.last_sent_at and now < row.last_sent_at + RESEND_AFTER:
        raise Throttled((row.last_sent_at + RESEND_AFTER - now).total_seconds())
    wait = _hour_wait(row.destination_digest, now)
    if wait:
        raise Throttled(wait, hourly=True)
    _send(row, destination, compose, previous_sent_at=row.last_sent_at)
    row.refresh_from_db()
    return row


def _send(row: OneTimeCode, destination: str, compose, previous_sent_at) -> None:
    """Store the new code's hash and claim the sending under a row lock, then deliver outside any transaction."""
    code = new_code()
    with transaction.atomic():
        locked = OneTimeCode.objects.select_for_update().get(pk=row.pk)
        if locked.last_sent_at != previous_sent_at:  # another request resent meanwhile
            raise Throttled(RESEND_AFTER.total_seconds())
        now = timezone.now()
        locked.code_hash, locked.expires_at = _hash(locked, code), now + CODE_TTL
        locked.failed_attempts, locked.used_at = 0, None
        locked.last_sent_at, locked.sends = now, locked.sends + 1
        locked.save(update_fields=["code_hash", "expires_at", "failed_attempts", "used_at", "last_sent_at", "sends"])
    try:
        message = compose(code)
        deliver(row.channel, destination, message)
    except Exception as exc:
        log.warning("One-time code %s (%s → %s) not sent: %s", row.pk, row.channel, row.destination_hint, exc)
        OneTimeCode.objects.filter(pk=row.pk).update(
            code_hash="", last_sent_at=previous_sent_at, sends=max(0, locked.sends - 1)
        )
        where = "số điện thoại" if row.channel == Channel.SMS else "địa chỉ e-mail"
        raise SendError(
            f"Chưa gửi được mã xác nhận tới {where} {row.destination_hint}. Vui lòng thử lại sau ít phút."
        ) from None


def deliver(channel: str, destination: str, message: Message) -> None:
    if channel == Channel.SMS:
        sms.send(normalise(channel, destination), message.text)
    else:
        EmailMessage(subject=message.subject, body=message.text, to=[normalise(channel, destination)]).send(
            fail_silently=False
        )


def verify(challenge_id: int, purpose: str, code: str) -> Check:
    """Check `code` against the challenge; a right code is used up, a wrong one costs a try."""
    code = "".join((code or "").split())
    if len(code) != CODE_LENGTH or not code.isdigit():
        return Check(Outcome.MALFORMED)
    with transaction.atomic():
        row = OneTimeCode.objects.select_for_update().filter(pk=challenge_id, purpose=purpose).first()
        if row is None or not row.code_hash:
            return Check(Outcome.EXPIRED)
        if row.used_at:
            return Check(Outcome.USED)
        if row.failed_attempts >= MAX_ATTEMPTS:
            return Check(Outcome.TOO_MANY)
        if timezone.now() >= row.expires_at:
            return Check(Outcome.EXPIRED)
        if not hmac.compare_digest(_hash(row, code), row.code_hash):
            row.failed_attempts += 1
            row.save(update_fields=["failed_attempts"])
            if row.failed_attempts >= MAX_ATTEMPTS:
                return Check(Outcome.TOO_MANY)
            return Check(Outcome.WRONG, MAX_ATTEMPTS - row.failed_attempts)
        row.used_at = timezone.now()
        row.save(update_fields=["used_at"])
    return Check(Outcome.OK)


def is_used(challenge_id: int, purpose: str) -> bool:
    return OneTimeCode.objects.filter(pk=challenge_id, purpose=purpose).exclude(used_at=None).exists()


def resend_wait(challenge_id: int) -> int:
    """Seconds before "Gửi lại mã" may be pressed (0: now); for the page's countdown, the server checks again."""
    sent = OneTimeCode.objects.filter(pk=challenge_id).values_list("last_sent_at", flat=True).first()
    left = (sent + RESEND_AFTER - timezone.now()).total_seconds() if sent else 0
    return -int(-left // 1) if left > 0 else 0


def public_url(path: str) -> str:
    return getattr(settings, "MOTCUA_PUBLIC_URL", "").rstrip("/") + path


def pending(request, key: str, max_age: int) -> dict | None:
    """The registration or recovery waiting in the session under `key` for its codes (a dict with its `started`
    time), or None once it is older than `max_age` seconds, when it is dropped."""
    waiting = request.session.get(key)
    if waiting and time.time() - waiting.get("started", 0) < max_age:
        return waiting
    request.session.pop(key, None)
    return None
