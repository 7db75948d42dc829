"""Where a dossier's rows live. On Citus (MOTCUA_CITUS=1) the dossier side is distributed on the receiving agency:
a statement that locks rows (SELECT … FOR UPDATE) must name it, and one that names it for every distributed table
it reads runs on one shard instead of all (docs/scaling.md). The base models below carry the agency and name it in
their updates and reverse look-ups on every database; the helpers after them add a statement or a join only on
Citus."""

from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.db.models.fields.related_descriptors import ReverseManyToOneDescriptor
from django.utils.functional import cached_property


class _OnTheDossiersShard(ReverseManyToOneDescriptor):
    """`dossier.events`, `dossier.documents`, …: the rows of the dossier, found by its id and its receiving agency,
    so that on Citus the statement runs on the dossier's shard instead of asking every one."""

    @cached_property
    def related_manager_cls(self):
        class Manager(super().related_manager_cls):
            def _apply_rel_filters(self, queryset):
                return (
                    super()._apply_rel_filters(queryset).filter(receiving_agency_id=self.instance.receiving_agency_id)
                )

            def get_prefetch_querysets(self, instances, querysets=None):
                # prefetch_related("events"): the dossiers' rows by their ids and their agencies
                rows = querysets[0] if querysets else self.model._default_manager.get_queryset()
                agencies = {instance.receiving_agency_id for instance in instances}
                return super().get_prefetch_querysets(instances, [rows.filter(receiving_agency_id__in=agencies)])

        return Manager


class DossierLink(models.ForeignKey):
    """A row's link to its dossier (the row is an `OfDossier`): a foreign key whose reverse manager narrows to the
    dossier's receiving agency. To migrations it is a plain ForeignKey: nothing in the database differs."""

    related_accessor_class = _OnTheDossiersShard

    def deconstruct(self):
        name, _, args, kwargs = super().deconstruct()
        return name, "django.db.models.ForeignKey", args, kwargs


class OnShard(models.Model):
    """A row of the dossier side: it carries a receiving agency (the dossier's own field says more) and is updated
    by its primary key and that agency. On Citus the agency is the distribution column, so save() updates one shard
    instead of asking every one (docs/scaling.md)."""

    receiving_agency = models.ForeignKey(
        "agencies.Agency",
        models.PROTECT,
        related_name="+",
        db_index=False,
        editable=False,
        verbose_name="nơi tiếp nhận",
    )

    class Meta:
        abstract = True

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        base_qs = base_qs.filter(receiving_agency_id=self.receiving_agency_id)
        return super()._do_update(base_qs, using, pk_val, values, update_fields, forced_update)


class OfDossier(OnShard):
    """A row that belongs to one dossier and carries the dossier's receiving agency, which never changes in the
    dossier's life. On Citus that column is the distribution column: the row lives on its dossier's shard, its
    primary key is (receiving_agency_id, id) and its link to the dossier is a composite foreign key
    (`motcua citus distribute`, docs/scaling.md). Filled from the dossier when the row is saved; code that makes
    rows with bulk_create() fills it itself."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.receiving_agency_id is None:
            self.receiving_agency_id = self.dossier.receiving_agency_id
        super().save(*args, **kwargs)


def narrowed(rows: QuerySet, agency_id: int | None = None, *, joined: tuple[str, ...] = ()) -> QuerySet:
    """`rows` (one row, found by a key unique on its own: an id, a payment reference) on its receiving agency's
    shard: filtered by the agency when the caller knows it, or on Citus after one look-up of it (nothing found:
    no rows). On Citus the relations in `joined` ("dossier") are narrowed to the same agency, so that the join
    runs on that shard too."""
    if agency_id is None and settings.MOTCUA_CITUS:
        agency_id = next(iter(rows.order_by().values_list("receiving_agency_id", flat=True)[:1]), None)
        if agency_id is None:
            return rows.none()
    if agency_id is None:
        return rows
    if settings.MOTCUA_CITUS:
        rows = rows.filter(**{f"{relation}__receiving_agency_id": agency_id for relation in joined})
    return rows.filter(receiving_agency_id=agency_id)


def agency_of_code(code: str) -> int | None:
    """On Citus, the receiving agency a dossier code begins with (`<agency e-ID>-YYMMDD-NNNN`), read from the
    agencies' reference table (0: no such agency); off Citus None, and nothing is read."""
    if not settings.MOTCUA_CITUS:
        return None
    from motcua.agencies.models import Agency

    return Agency.objects.filter(code=code.rsplit("-", 2)[0]).values_list("pk", flat=True).first() or 0


def by_code(rows: QuerySet, code: str, agency_id: int | None = None) -> QuerySet:
    """`rows` (of dossiers) filtered by the dossier code and, on Citus, by the receiving agency the code begins with
    (`agency_of_code`), so that the statement runs on one shard. A code whose agency does not exist finds nothing,
    as it would without the look-up."""
    agency_id = agency_of_code(code) if agency_id is None else agency_id
    rows = rows.filter(code=code)
    return rows if agency_id is None else rows.filter(receiving_agency_id=agency_id)


def row(instance) -> QuerySet:
    """The row of `instance` (a dossier-side model: dossiers.models.OnShard) by its key and its receiving agency,
    for an update() that Citus then runs on one shard, as OnShard's save() does."""
    return type(instance)._default_manager.filter(pk=instance.pk, receiving_agency_id=instance.receiving_agency_id)
