"""Catalogue search: ignores accents and đ/Đ, reads a citizen's question, ranks the closest name first, tolerates
a typo, and answers alike on SQLite and PostgreSQL.

The ranking runs in Python over the folded names held in memory (name_index.NameIndex; the question's filler and
everyday words: everyday_words). The SQL pass it replaces required every word of the question in the name, so
"làm giấy khai sinh cho con" found nothing and fell to a trigram pass over the whole catalogue: about 100-300 ms
a question. Now a question costs one small aggregate (is the index still this catalogue?) and the page's own
queries, which filter by the ranked pks.

Each process keeps its index and checks it on every search against a stamp read in one query: the number of
procedures, the highest pk and the sum of the current version pks (publishing points a procedure at a new
version, so the sum moves; names change only then, see versions.publish). Saving or deleting a procedure in this
process also drops the index at once: within a test transaction, or after a rollback, the stamp alone could
repeat with other names.
"""

from __future__ import annotations

from django.db.models import CharField, Count, IntegerField, Max, QuerySet, Sum, Value
from django.db.models.functions import Cast, Concat, StrIndex

from motcua.vntext.normalize import fold

from .models import Procedure
from .name_index import NameIndex

_index: NameIndex | None = None
_stamp: tuple | None = None


def search(queryset: QuerySet, query: str) -> QuerySet:
    """`queryset` (with its filters) narrowed to the procedures that answer `query`, best first."""
    folded = fold(query or "")
    if not folded.strip():
        return queryset
    ids = current_index().rank(folded)
    if not ids:
        return queryset.none()
    # The rank is the pk's place in ",7,3,12,": one expression on both databases (INSTR / STRPOS), where a CASE
    # with one WHEN per pk grows with the answer.
    order = f",{','.join(map(str, ids))},"
    place = StrIndex(
        Value(order), Concat(Value(","), Cast("pk", output_field=CharField()), Value(","), output_field=CharField())
    )
    return queryset.filter(pk__in=ids).order_by(place)


def current_index() -> NameIndex:
    """This process's index of the folded names, rebuilt when the catalogue changed since it was built."""
    global _index, _stamp
    stamp = tuple(
        Procedure.objects.aggregate(
            procedures=Count("pk"), last=Max("pk"), versions=Sum("current_id", output_field=IntegerField())
        ).values()
    )
    if _index is None or stamp != _stamp:
        # Read the stamp before the rows: a publication committed in between shows as a newer stamp next time.
        _index = NameIndex(Procedure.objects.values_list("pk", "code", "name_folded").iterator(chunk_size=2000))
        _stamp = stamp
    return _index


def forget(**kwargs) -> None:
    """Drop this process's index: a procedure was saved or deleted here (connected in apps.py)."""
    global _index
    _index = None
