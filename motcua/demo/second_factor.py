"""The demo's authenticator apps: fixed, published keys for the demo accounts that must use a second factor.

The demo admin and leaders (admin, lanhdao, giamsat) must give a TOTP code after the password, like every admin and
leader (motcua/accounts/second_factor.py). So that `make run` stays usable without a phone, `motcua demo load` gives
each of them a confirmed device whose key is derived from the username and printed in the demo banner; either add
that key to an authenticator app, or run `motcua demo otp lanhdao` for the code of the moment. The keys are public:
demo data only, like the demo password.
"""
import base64
import hashlib
import time

from django_otp.oath import TOTP
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


def code(username: str, *, unused: bool = True, wait: bool = True) -> tuple[str, int]:
    """(a code of `username`'s device that the server accepts now, seconds it stays the current one).

    With `unused`, the code of a step the device has not used yet: the current step, else the next one (accepted as
    one step of drift); when both were used (a third login within 30 s), wait for the next step (or, without
    `wait`, return ("", seconds to wait))."""
    device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    now = time.time()
    totp.time = now
    step = totp.t()
    left = device.step - int(now - device.t0) % device.step
    if unused and device.last_t >= step:
        if device.last_t >= step + 1:
            if not wait:
                return "", left
            time.sleep(left + 0.2)
            return code(username, unused=unused, wait=wait)
        totp.drift += 1  # the next step's code: within the tolerance
        left += device.step
    return f"{totp.token():0{device.digits}d}", left
