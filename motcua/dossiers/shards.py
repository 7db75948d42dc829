"""Where a dossier's rows live. On Citus (MOTCUA_CITUS=1) the dossier side is distributed on the receiving agency:
a statement that locks rows (SELECT … FOR UPDATE) must name it, and one that names it for every distributed table
it reads runs on one shard instead of all (docs/scaling.md). On one PostgreSQL server or SQLite no statement and
no join is added."""

from django.conf import settings
from django.db.models import QuerySet


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
