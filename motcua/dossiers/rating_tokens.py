"""Mã đánh giá: one-time tokens that let the applicant rate a returned dossier without an account.

The dossier code plus four digits of the applicant's phone is no proof: the code is printed on papers many hands
touch and four digits are quickly tried. A token is 12 characters of Crockford's base 32 (60 bits from `secrets`),
shown as `ABCD-EFGH-JKMN` and read back in any case, with spaces or dashes, O as 0 and I or L as 1.
- `issue(dossier, channel)` makes one and returns it; the database keeps only an HMAC of it (key from SECRET_KEY),
  looked up directly. It is handed out on the "Phiếu mời đánh giá" printed at the desk (QR code and the token,
  `Channel.PRINTED`; a new print revokes the earlier printed ones) and in the notice sent when the result is ready
  (`Channel.NOTICE`, SMS and e-mail).
- It is valid for VALID_DAYS from its issue, until it is used or revoked. `find(text)` returns the valid token row;
  the rating service (dossiers.ratings) marks it used in the transaction that records the rating, and one rating per
  dossier leaves every other token of that dossier worthless.
"""

import secrets
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import RatingToken

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32: no I, L, O, U
LENGTH = 12
VALID_DAYS = 90
KEY_SALT = "motcua.dossiers.rating_tokens"
RATING_PATH = "/danh-gia/"
Channel = RatingToken.Channel
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_token() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(text: str) -> str | None:
    """'abcd efgh-jkmn' → 'ABCDEFGHJKMN'; None if it cannot be a token."""
    value = "".join(ch for ch in (text or "").upper() if ch not in " -.").translate(_READ_AS)
    if len(value) != LENGTH or any(ch not in ALPHABET for ch in value):
        return None
    return value


def display(token: str) -> str:
    return "-".join(token[i : i + 4] for i in range(0, LENGTH, 4))


def digest(token: str) -> str:
    return salted_hmac(KEY_SALT, token, algorithm="sha256").hexdigest()


def rating_url(token: str, base_url: str | None = None) -> str:
    """The public rating page with the token: what the QR code and the SMS link open."""
    base = (settings.MOTCUA_PUBLIC_URL if base_url is None else base_url).rstrip("/")
    return f"{base}{RATING_PATH}?{urlencode({'ma': display(token)})}"


@transaction.atomic
def issue(dossier, channel: str, *, by=None) -> str:
    """A new token for `dossier`, handed out through `channel` (printed `by` an official); a new printed one revokes
    the earlier printed ones."""
    now = timezone.now()
    if channel == Channel.PRINTED:
        dossier.rating_tokens.filter(channel=Channel.PRINTED, used_at=None, revoked_at=None).update(revoked_at=now)
    token = new_token()
    RatingToken.objects.create(
        dossier=dossier,
        digest=digest(token),
        channel=channel,
        issued_by=by,
        expires_at=now + timedelta(days=VALID_DAYS),
    )
    return token


def find(text: str) -> RatingToken | None:
    """The valid (unused, unrevoked, unexpired) token typed or scanned as `text`, with its dossier; else None."""
    token = normalise(text)
    if token is None:
        return None
    return (
        RatingToken.objects.select_related("dossier__procedure_version")
        .filter(digest=digest(token), used_at=None, revoked_at=None, expires_at__gt=timezone.now())
        .first()
    )


def is_valid(row: RatingToken) -> bool:
    return row.used_at is None and row.revoked_at is None and row.expires_at > timezone.now()
