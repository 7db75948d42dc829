"""Who may do what to which dossier: a role at the right agency (DESIGN.md principle 1, issue 3's security rules).

Staff act only for agencies they hold a role at; a province monitor sees every dossier and changes none; a citizen
sees and acts on their own dossiers only.
"""

import functools

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q

from . import shards, transitions
from .models import Step

COUNTER, SPECIALIST, HEAD, CLERK, ADMIN, MONITOR = "counter", "specialist", "head", "clerk", "agency_admin", "monitor"

# action → (roles, which agency of the dossier the role must be held at)
RULES = {
    "receive": ({COUNTER}, "receiving"),
    "desk_supplement": ({COUNTER}, "receiving"),
    "desk_refuse": ({COUNTER}, "receiving"),
    "answer_desk_supplement": ({COUNTER}, "receiving"),
    "resubmit": ({COUNTER}, "receiving"),
    "assign": ({HEAD}, "processing"),
    "request_supplement": ({SPECIALIST, HEAD}, "processing"),
    "forward": ({SPECIALIST, HEAD}, "processing"),
    "complete_step": ({SPECIALIST, HEAD}, "lien_thong_step"),
    "consult": ({SPECIALIST, HEAD}, "processing"),
    "answer_consultation": ({SPECIALIST, HEAD}, "consult_step"),
    "request_payment": ({SPECIALIST, HEAD}, "processing"),
    "confirm_payment": ({COUNTER, SPECIALIST, HEAD}, "receiving_or_processing"),
    "submit_for_approval": ({SPECIALIST, HEAD}, "processing"),
    "approve": ({HEAD}, "processing"),
    "return_for_rework": ({HEAD}, "processing"),
    "refuse": ({HEAD}, "processing"),
    "issue_result": ({HEAD, CLERK, SPECIALIST}, "processing"),
    "send_for_signing": ({HEAD, CLERK, SPECIALIST}, "processing"),
    "sign": ({HEAD}, "processing"),
    "seal": ({CLERK}, "processing"),
    "extend": ({HEAD}, "processing"),
    "return_result": ({COUNTER}, "receiving"),
    "stop": ({COUNTER}, "receiving"),
    "withdraw": ({COUNTER}, "receiving"),
}
APPLICANT_ACTIONS = {"withdraw", "resubmit", "answer_desk_supplement"}
STEP_KINDS = {"lien_thong_step": "lien_thong", "consult_step": "consult"}


def roles_of(user) -> set[tuple[int, str]]:
    """(agency id, role) pairs of a user, read once per user object."""
    if not getattr(user, "is_authenticated", False):
        return set()
    if not hasattr(user, "_motcua_roles"):
        user._motcua_roles = set(user.staff_roles.values_list("agency_id", "role"))
    return user._motcua_roles


def agencies_with(user, roles: set[str]) -> set[int]:
    return {agency for agency, role in roles_of(user) if role in roles}


def is_monitor(user) -> bool:
    return any(role == MONITOR for _, role in roles_of(user))


def staff_required(view):
    """A page for officials only: a role at some agency (dossiers, PAKN, registers, the head's view)."""

    @login_required
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not roles_of(request.user):
            raise PermissionDenied("Trang này dành cho cán bộ, công chức.")
        return view(request, *args, **kwargs)

    return wrapped


def _agencies_for(dossier, where: str) -> set[int]:
    if where == "receiving":
        return {dossier.receiving_agency_id}
    if where == "processing":
        return {dossier.processing_agency_id}
    if where in STEP_KINDS:  # an agency asked to take part: its own open liên thông or consultation step
        # filtered in Python so that prefetched steps (API detail) cost no query
        return {
            step.agency_id
            for step in dossier.steps.all()
            if step.finished_at is None and step.kind == STEP_KINDS[where]
        }
    return {dossier.receiving_agency_id, dossier.processing_agency_id}


def can(user, action: str, dossier) -> bool:
    if action in APPLICANT_ACTIONS and dossier.applicant_user_id and dossier.applicant_user_id == user.pk:
        return True
    roles, where = RULES[action]
    return bool(agencies_with(user, roles) & _agencies_for(dossier, where))


def require(user, action: str, dossier) -> None:
    if not can(user, action, dossier):
        raise PermissionDenied("Bạn không có quyền thực hiện thao tác này với hồ sơ của cơ quan khác.")


BETWEEN_AGENCIES = [Step.Kind.LIEN_THONG, Step.Kind.CONSULT]


def visible_dossiers(queryset, user, on_shard: int | None = None):
    """What a user may see of `queryset`: staff their agencies' dossiers, a province monitor all, a citizen their
    own. `on_shard`: the receiving agency `queryset` is narrowed to, if it is (shards.by_code)."""
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    if is_monitor(user) or user.is_superuser:
        return queryset
    agencies = {agency for agency, role in roles_of(user) if role != MONITOR}
    if not agencies:
        return queryset.filter(applicant_user=user)
    return queryset.filter(
        Q(receiving_agency__in=agencies)
        | Q(processing_agency__in=agencies)
        | Q(lead_agency__in=agencies)
        | _took_part(agencies, on_shard)
    )


def visible_by_code(queryset, user, code: str):
    """`visible_dossiers` of the dossier `code` (at most one row), on its shard on Citus (shards.by_code)."""
    agency_id = shards.agency_of_code(code)
    return visible_dossiers(shards.by_code(queryset, code, agency_id), user, agency_id)


def _took_part(agencies, on_shard: int | None = None) -> Q:
    """The dossiers one of `agencies` took part in (below). On Citus the step is looked for beside each dossier, on
    its shard (the subquery names the dossier and its receiving agency, by value when the query is narrowed to one:
    Citus then runs the whole statement on that shard). On one server the steps' ids are read once (`IN`), which
    suits the long lists (issue 15)."""
    if settings.MOTCUA_CITUS:
        agency = on_shard if on_shard is not None else OuterRef("receiving_agency_id")
        on_the_shard = {"dossier": OuterRef("pk"), "receiving_agency_id": agency}
        return Q(Exists(Step.objects.filter(agency__in=agencies, kind__in=BETWEEN_AGENCIES, **on_the_shard)))
    return Q(pk__in=_step_dossiers(agencies))


def _step_dossiers(agencies):
    """Dossiers an agency took part in through liên thông or a consultation. Only those two kinds of step can put
    an agency outside the dossier's receiving, processing and lead agencies: a desk's steps (receive, return) are
    the receiving agency's, and processing and approval happen at the lead agency or at one holding a liên thông
    step (lifecycle.processing). Reading every step of the agency instead made the API list and "Tất cả" read all
    the steps an agency ever had, ~33,000 at 100,000 dossiers and growing (issue 15)."""
    return Step.objects.filter(agency__in=agencies, kind__in=BETWEEN_AGENCIES).values("dossier_id")


def can_act_at(user, agency, roles: set[str]) -> bool:
    return agency is not None and agency.pk in agencies_with(user, roles)


def available_actions(user, dossier) -> list[str]:
    """The actions this user may take on this dossier now: the state allows it, they hold the role at the right
    agency, (extension) it has not been used up, and (signing) the result was sent to them: another leader of the
    agency is not offered a signature only the approving one may give (lifecycle.signing)."""
    return [
        action
        for action in transitions.TABLE
        if transitions.allowed(action, dossier.state)
        and can(user, action, dossier)
        and not (action == "extend" and dossier.extended)
        and not (action == "sign" and dossier.assignee_id not in (None, user.pk))
    ]
