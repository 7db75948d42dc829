"""A published version's document lines and channels, read once per process.

A version stops being a draft when it is published, and from then on its lines never change (`refuse_if_frozen`
refuses every save; an edit makes a new draft). Every registration and every receipt reads them (the completeness
check, the fee, the time limit): two statements an action, on the busiest path there is (issue 15). So a process
keeps them, keyed by the version's id and creation moment (a database restored or rebuilt under a running process,
or a test database reused, cannot hand one version's lines to another that got the same id), and puts them in the
version's prefetch cache, where `version.documents.all()` and `version.channels.all()` find them.

Drafts are never kept: they are still being edited. The cache is bounded; the rows kept are shared between the
requests of one process and are only ever read.
"""

from collections import OrderedDict
from threading import Lock

from django.db.models import prefetch_related_objects

from .models import ProcedureVersion

RELATIONS = ("documents", "channels")
LIMIT = 4096  # versions: a province's whole catalogue with its past versions, a few MB

_kept: OrderedDict[tuple, dict[str, list]] = OrderedDict()
_lock = Lock()


def _key(version: ProcedureVersion) -> tuple:
    return (version.pk, version.created_at)


def prefetch(versions) -> None:
    """Give each version its document lines and channels: from this process's memory when it is frozen and was
    read before, else in one statement per relation for all the others together."""
    missing = []
    for version in versions:
        rows = _kept.get(_key(version)) if version.is_frozen else None
        if rows is None:
            missing.append(version)
            continue
        cache = getattr(version, "_prefetched_objects_cache", None)
        if cache is None:
            cache = version._prefetched_objects_cache = {}
        for relation in RELATIONS:
            if relation not in cache:
                queryset = getattr(version, relation).all()
                queryset._result_cache = list(rows[relation])
                queryset._prefetch_done = True
                cache[relation] = queryset
    if not missing:
        return
    prefetch_related_objects(missing, *RELATIONS)
    with _lock:
        for version in missing:
            if version.is_frozen:
                _kept[_key(version)] = {relation: list(getattr(version, relation).all()) for relation in RELATIONS}
                _kept.move_to_end(_key(version))
        while len(_kept) > LIMIT:
            _kept.popitem(last=False)


def forget() -> None:
    """Drop everything kept (tests that rewrite versions in place, bypassing the freeze)."""
    with _lock:
        _kept.clear()
