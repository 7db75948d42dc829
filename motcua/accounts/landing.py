"""Where a person goes once signed in: their home page by kind of account, or the page they came from when it is
on this site. Used by the login views, the second-factor step, registration and recovery."""

from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .models import User


def home_for(user) -> str:
    return reverse("office:home") if user.kind == User.Kind.STAFF else reverse("portal:my_dossiers")


def safe_next(request, value: str | None) -> str:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return ""
