"""The code an account's authenticator app shows now, computed from the key its confirmed device holds.

For `motcua demo otp NAME` (the demo accounts' published keys) and for the tests that sign in through the pages;
the login never uses it. It lives here, beside the devices it reads, so that the tests of the registry and every
layer above can sign a leader in without importing the demo.
"""

import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


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
