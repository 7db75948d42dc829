"""Password login by username, e-mail or phone number, with growing delays after wrong passwords (throttle.py).

No account is ever locked: a wrong password makes the next try of that login name (and, after many, of that client
address) wait longer, the same whether or not the name belongs to an account. Every `authenticate()` call goes
through here (login page, admin, test client); a try made before its wait is over raises PermissionDenied, so no
other backend is asked and the password is not even checked, and `request.login_wait` tells the login form how long.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.db.models import Q

from motcua.vntext.validators import normalize_phone

from . import throttle


def find_user(identifier: str):
    """The one account a login name designates: username first, then e-mail, then phone; None if none or ambiguous."""
    identifier = (identifier or "").strip()
    if not identifier:
        return None
    users = get_user_model().objects
    found = users.filter(username=identifier).first()
    if found:
        return found
    if "@" in identifier:
        matches = list(users.filter(email__iexact=identifier)[:2])
    else:
        phone = normalize_phone(identifier)
        matches = list(users.filter(Q(phone=phone))[:2]) if phone.isdigit() else []
    return matches[0] if len(matches) == 1 else None


class IdentifierBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        wait = throttle.before(request, username)
        if wait:
            if request is not None:
                request.login_wait = wait
            raise PermissionDenied("login throttled")
        user = find_user(username)
        if user is None:
            get_user_model()().set_password(password)  # same cost as a real check: no timing oracle on names
            matched = False
        else:
            matched = user.check_password(password)
        if matched and self.user_can_authenticate(user):
            throttle.succeeded(username)
            return user
        if matched and request is not None:
            request.login_inactive = True  # the right password of a disabled account: the form may say so
        throttle.failed(request, username)
        return None
