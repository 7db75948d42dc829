"""Browser tests sign in through the pages, second factor included (motcua/accounts/second_factor.py).

After the password, an account with an authenticator app gets the code page: the code is computed from its device's
key (`motcua.accounts.device_codes.code`, a step the device has not used yet); an admin or leader without one gets
the enrolment page: the key is read from the page, as a person would type it into an app, and its code confirms it.
"""

import base64
from urllib.parse import urlsplit

from django_otp.oath import TOTP

from motcua.accounts.device_codes import code

CODE_PAGE = "/dang-nhap/ma-xac-thuc/"
SETUP_PAGE = "/tai-khoan/xac-thuc-hai-buoc/"


def code_of_secret(secret: str) -> str:
    """The current code of an app given `secret` (base 32, spaces allowed), as the app shows it."""
    text = secret.replace(" ", "").upper()
    return f"{TOTP(base64.b32decode(text + '=' * (-len(text) % 8))).token():06d}"


def _left(path: str):
    return lambda url: urlsplit(url).path != path


def pass_second_step(page, username: str) -> None:
    """Call right after the password was sent: waits for the next page and, if it asks for a code, gives it."""
    page.wait_for_url(_left("/dang-nhap/"))
    path = urlsplit(page.url).path
    if path == SETUP_PAGE:
        page.fill("#id_code", code_of_secret(page.inner_text("#totp-secret")))
        page.click("#second-factor-setup button[type=submit]")
        page.wait_for_url(_left(SETUP_PAGE))
    elif path == CODE_PAGE:
        page.fill("#id_code", code(username)[0])
        page.click("#second-factor button[type=submit]")
        page.wait_for_url(_left(CODE_PAGE))
