"""Password login by username, e-mail or phone number, with a per-account lockout kept in the database.

After MOTCUA_LOGIN_MAX_FAILURES wrong passwords in a row the account refuses every password login (even the right
one) for MOTCUA_LOGIN_LOCK_MINUTES; a successful login resets the count. The state lives on the user row, so a
restart does not unlock anyone. Every `authenticate()` call goes through here (login page, admin, test client).
"""
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from motcua.dossiers.validators import normalize_phone


def max_failures() -> int:
    return getattr(settings, "MOTCUA_LOGIN_MAX_FAILURES", 5)


def lock_minutes() -> int:
    return getattr(settings, "MOTCUA_LOGIN_LOCK_MINUTES", 15)


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


def is_locked(user) -> bool:
    return bool(user.locked_until and user.locked_until > timezone.now())


def minutes_left(user) -> int:
    if not is_locked(user):
        return 0
    return max(1, -(-int((user.locked_until - timezone.now()).total_seconds()) // 60))


def record_failure(user) -> None:
    """Count one wrong password; the count reaching the limit locks the account (row-locked, so races count)."""
    with transaction.atomic():
        row = type(user).objects.select_for_update().get(pk=user.pk)
        if is_locked(row):
            return
        row.failed_logins += 1
        if row.failed_logins >= max_failures():
            row.failed_logins = 0
            row.locked_until = timezone.now() + timedelta(minutes=lock_minutes())
        row.save(update_fields=["failed_logins", "locked_until"])
    user.failed_logins, user.locked_until = row.failed_logins, row.locked_until


def record_success(user) -> None:
    if user.failed_logins or user.locked_until:
        type(user).objects.filter(pk=user.pk).update(failed_logins=0, locked_until=None)
        user.failed_logins, user.locked_until = 0, None


class IdentifierBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        user = find_user(username)
        if user is None:
            get_user_model()().set_password(password)  # same cost as a real check: no timing oracle on names
            return None
        if is_locked(user):
            return None
        if not user.check_password(password):
            record_failure(user)
            return None
        if not self.user_can_authenticate(user):
            return None
        record_success(user)
        return user
