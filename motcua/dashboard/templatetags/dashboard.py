from django import template

from motcua.dossiers import permissions
from motcua.vntext import formats

register = template.Library()


@register.filter
def sees_dashboard(user) -> bool:
    """Heads and province monitors (and superusers) have a dashboard."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or bool(permissions.agencies_with(user, {permissions.HEAD, permissions.MONITOR}))


@register.filter
def percent(ratio) -> str:
    return formats.percent(ratio)


@register.filter
def number(value) -> str:
    return formats.count(value)


@register.filter
def points(value) -> str:
    return formats.decimal(value)
