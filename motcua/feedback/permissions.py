"""Who may see and act on a PAKN: a role at the handling agency (the agency it was transferred to, else the receiving
agency), checked with motcua.dossiers.permissions' roles and scopes; monitors see all and act on none."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from motcua.dossiers import permissions as perms

from . import transitions

INTAKE = {perms.COUNTER, perms.SPECIALIST, perms.HEAD}
HANDLERS = {perms.SPECIALIST, perms.HEAD}
ROLES = {
    "classify": INTAKE,
    "refuse": INTAKE,
    "request_supplement": INTAKE,
    "transfer": HANDLERS,
    "answer": HANDLERS,
    "publish": {perms.HEAD, perms.ADMIN},
}


def visible(queryset, user):
    """PAKN a user may see: monitors all; staff those received by or transferred to their agencies."""
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    if user.is_superuser or perms.is_monitor(user):
        return queryset
    agencies = {agency for agency, role in perms.roles_of(user) if role != perms.MONITOR}
    return queryset.filter(Q(receiving_agency__in=agencies) | Q(transferred_to__in=agencies))


def can(user, action: str, fb) -> bool:
    return transitions.allowed(action, fb.status) and fb.handling_agency_id in perms.agencies_with(user, ROLES[action])


def available_actions(user, fb) -> list[str]:
    return [action for action in transitions.TABLE if can(user, action, fb)]


def require(user, action: str, fb) -> None:
    if fb.handling_agency_id not in perms.agencies_with(user, ROLES[action]):
        raise PermissionDenied("Bạn không có quyền thực hiện thao tác này với PAKN của cơ quan khác.")
