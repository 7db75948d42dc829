"""The demo's authenticator apps: fixed, published keys for the demo accounts that must use a second factor.

The demo admin and leaders (admin, lanhdao, giamsat) must give a TOTP code after the password, like every admin and
leader (motcua/accounts/second_factor.py). So that `make run` stays usable without a phone, `motcua demo load` gives
each of them a confirmed device whose key is derived from the username and printed in the demo banner; either add
that key to an authenticator app, or run `motcua demo otp lanhdao` for the code of the moment (computed by
motcua/accounts/device_codes.py). The keys are public: demo data only, like the demo password.
"""

import base64
import hashlib

from django_otp.plugins.otp_totp.models import TOTPDevice

from motcua.accounts import second_factor
from motcua.accounts.models import User

from .agencies import USERS

DEVICE_NAME = "Ứng dụng xác thực (dữ liệu mẫu)"


def key(username: str) -> str:
    """The demo key of `username`, hex (20 bytes, as django-otp keeps it)."""
    return hashlib.sha1(f"motcua-demo-totp:{username}".encode()).hexdigest()


def secret(username: str) -> str:
    """The same key as an authenticator app takes it by hand (base 32)."""
    return base64.b32encode(bytes.fromhex(key(username))).decode().rstrip("=")


def give_devices() -> list[str]:
    """A confirmed device with the demo key for every demo account that must have one; the usernames."""
    given = []
    demo = {"admin", *(username for username, *_ in USERS)}
    for user in User.objects.filter(username__in=demo, is_active=True).order_by("username"):
        if not second_factor.must_have_device(user):
            continue
        device = TOTPDevice.objects.filter(user=user, name=DEVICE_NAME).first()
        if device is None or device.key != key(user.username) or not device.confirmed:
            TOTPDevice.objects.filter(user=user).delete()
            TOTPDevice.objects.create(user=user, name=DEVICE_NAME, key=key(user.username), confirmed=True)
        given.append(user.username)
    return given
