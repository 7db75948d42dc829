"""The querysets behind the API: what a caller may see, loaded with everything its serializer reads (no N+1)."""

from django.db.models import Prefetch
from rest_framework.exceptions import NotFound

from .. import permissions
from ..models import Document, Dossier, Step
from .errors import NOT_FOUND

SUMMARY_RELATED = ("procedure", "receiving_agency", "processing_agency", "lead_agency", "assignee")
# What a list row shows (serializers.DossierSummary) and its order's keys, nothing more: a dossier's row also holds
# its e-form data, the applicant's particulars and a dozen moments, and reading and building them for fifty rows and
# their five related rows each was most of the list's time under load (issue 15, `motcua bench run --profile`).
SUMMARY_COLUMNS = (
    *("code", "summary", "channel", "state", "national_status", "payment_status", "delivery_status"),
    *("applicant_kind", "applicant_name", "submitted_at", "received_at", "due_at", "finished_at", "returned_at"),
    *("outcome", "created_at"),
    *(f"{agency_or_procedure}__code" for agency_or_procedure in SUMMARY_RELATED[:4]),
    "assignee__username",
)


def summaries(user):
    """The dossiers `user` may see, newest first, with what a list row shows."""
    return (
        permissions.visible_dossiers(Dossier.objects.all(), user)
        .select_related(*SUMMARY_RELATED)
        .only(*SUMMARY_COLUMNS)
        .order_by("-created_at", "-pk")
    )


def shown_documents(dossier, user):
    """The dossier's documents `user` may read: an applicant never sees a result still waiting for its signatures."""
    documents = dossier.documents.all()
    return documents if permissions.roles_of(user) else documents.exclude(kind=Document.Kind.DRAFT)


def details(user=None):
    """The dossiers with what the detail shows. An applicant never sees a result still waiting for its signatures."""
    documents = Document.objects.order_by("kind", "id")
    if user is not None and not permissions.roles_of(user):
        documents = documents.exclude(kind=Document.Kind.DRAFT)
    return Dossier.objects.select_related(*SUMMARY_RELATED, "procedure_version").prefetch_related(
        Prefetch("documents", queryset=documents),
        Prefetch("steps", queryset=Step.objects.select_related("agency", "assignee").order_by("started_at", "id")),
    )


def visible(user, code: str, queryset=None) -> Dossier:
    """The dossier `code` if `user` may see it; otherwise 404, worded as for a code that does not exist, so a
    foreign agency cannot even learn that the code exists."""
    queryset = Dossier.objects.all() if queryset is None else queryset
    if "\x00" in code:  # no code holds one, and PostgreSQL refuses it in a query (a 500 before this check)
        raise NotFound(NOT_FOUND)
    try:
        return permissions.visible_by_code(queryset, user, code).get()
    except Dossier.DoesNotExist:
        raise NotFound(NOT_FOUND) from None
