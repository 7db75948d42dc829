"""Publishing and editing procedure versions: a published version is frozen, an edit makes a new draft."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from motcua.vntext.normalize import fold

from . import version_flags
from .models import Channel, Procedure, ProcedureVersion, RequiredDocument

NOT_COPIED = ("id", "procedure", "number", "status", "published_at", "created_at", "import_report")
COPIED_FIELDS = [
    f.name
    for f in ProcedureVersion._meta.concrete_fields
    if f.name not in NOT_COPIED and f.name not in version_flags.FLAGS
]


@transaction.atomic
def new_draft(procedure: Procedure) -> ProcedureVersion:
    """A new draft copying the current version (its channels and documents too), ready to be edited."""
    source = procedure.current or procedure.versions.order_by("-number").first()
    number = (procedure.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    draft = ProcedureVersion(procedure=procedure, number=number)
    if source is not None:
        for name in COPIED_FIELDS:
            setattr(draft, name, getattr(source, name))
    draft.save()
    if source is not None:
        Channel.objects.bulk_create(
            [
                Channel(
                    version=draft,
                    position=c.position,
                    kind=c.kind,
                    amount=c.amount,
                    unit=c.unit,
                    time_text=c.time_text,
                    fees=c.fees,
                    description=c.description,
                )
                for c in source.channels.all()
            ]
        )
        RequiredDocument.objects.bulk_create(
            [
                RequiredDocument(
                    version=draft,
                    position=d.position,
                    group=d.group,
                    name=d.name,
                    originals=d.originals,
                    copies=d.copies,
                    is_required=d.is_required,
                    form_name=d.form_name,
                    condition=d.condition,
                    declaration=d.declaration,
                )
                for d in source.documents.all()
            ]
        )
    return draft


@transaction.atomic
def publish(version: ProcedureVersion) -> ProcedureVersion:
    """Công bố: freeze the version with its scorecard flags (decided now, once: it never changes after), retire the
    one it replaces and refresh the procedure's list columns."""
    procedure = Procedure.objects.select_for_update().get(pk=version.procedure_id)
    if version.status != ProcedureVersion.Status.DRAFT:
        return version
    ProcedureVersion.objects.filter(procedure=procedure, status=ProcedureVersion.Status.PUBLISHED).update(
        status=ProcedureVersion.Status.RETIRED
    )
    version.refresh_from_db()  # what is published is what the database holds
    frozen = {
        "status": ProcedureVersion.Status.PUBLISHED,
        "published_at": timezone.now(),
        **version_flags.flags(version),
    }
    ProcedureVersion.objects.filter(pk=version.pk).update(**frozen)
    for name, value in frozen.items():
        setattr(version, name, value)
    procedure.current = version
    procedure.name = version.name
    procedure.name_folded = fold(version.name)
    procedure.field_id = version.field_id
    procedure.levels = version.levels
    procedure.online_level = version.online_level
    procedure.is_published = True
    procedure.save()
    return version
