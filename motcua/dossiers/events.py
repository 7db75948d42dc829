"""Append-only, hash-chained dossier events and the walk that verifies them (`motcua events verify`).

The chain (canonical JSON, SHA-256 over it and the previous hash, the walk) is motcua.records.chain, shared with PAKN
history; this module says what of a dossier event is hashed and walks every dossier's chain a batch at a time.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from motcua.records import chain

from .models import Dossier, Event


def content(event: Event, dossier_code: str) -> dict:
    """What of an event its hash covers. The stored format: every chain already written is hashed over exactly these
    keys and values, so a change here breaks them all."""
    return {
        "dossier": dossier_code,
        "seq": event.seq,
        "kind": event.kind,
        "at": chain.moment(event.at),
        "actor": event.actor_id,
        "actor_name": event.actor_name,
        "from_agency": event.from_agency_id,
        "to_agency": event.to_agency_id,
        "from_state": event.from_state,
        "to_state": event.to_state,
        "note": event.note,
        "data": event.data,
        "step_deadline": chain.moment(event.step_deadline),
        "step_outcome": event.step_outcome,
        "prev": event.prev_hash,
    }


def link(
    dossier: Dossier,
    *,
    kind: str,
    at: datetime,
    actor=None,
    from_state: str = "",
    to_state: str = "",
    from_agency=None,
    to_agency=None,
    note: str = "",
    data: dict | None = None,
    step_deadline=None,
    step_outcome: str = "",
) -> Event:
    """The next link of the dossier's chain, unsaved, the dossier's head moved to it (records.chain.link): the caller
    saves the dossier, then inserts the event. The caller holds the dossier's row lock (lifecycle does)."""
    event = Event(
        dossier=dossier,
        kind=kind,
        at=at,
        actor=actor,
        actor_name=chain.actor_name(actor),
        from_agency=from_agency,
        to_agency=to_agency,
        from_state=from_state,
        to_state=to_state,
        note=note,
        data=chain.plain(data),
        step_deadline=step_deadline,
        step_outcome=step_outcome,
    )
    return chain.link(dossier, event, lambda linked: content(linked, dossier.code))


@dataclass
class Broken:
    dossier_code: str
    seq: int
    reason: str

    def __str__(self) -> str:
        return f"Hồ sơ {self.dossier_code}, sự kiện số {self.seq}: {self.reason}"


def verify(batch: int = 2000) -> tuple[int, Broken | None]:
    """Walk every chain in order, a batch of dossiers at a time (memory stays flat at millions of dossiers);
    return (events checked, the first broken link or None)."""
    checked = 0
    for events, broken in _walk(batch):
        if broken:
            return checked, broken
        checked += events
    return checked, None


def broken_chains(batch: int = 2000) -> Iterator[Broken]:
    """The first broken link of every broken chain, walking them all (a restored backup's check names each one)."""
    return (broken for _, broken in _walk(batch) if broken)


def _walk(batch: int) -> Iterator[tuple[int, Broken | None]]:
    """(events in the chain, its first broken link or None) for each dossier in order, `batch` dossiers a query."""
    last_pk = 0
    while True:
        dossiers = list(
            Dossier.objects.filter(pk__gt=last_pk)
            .order_by("pk")
            .values_list("pk", "code", "last_event_hash", "event_count")[:batch]
        )
        if not dossiers:
            return
        last_pk = dossiers[-1][0]
        chains: dict[int, list[Event]] = {pk: [] for pk, *_ in dossiers}
        for event in Event.objects.filter(dossier_id__in=chains).order_by("dossier_id", "seq"):
            chains[event.dossier_id].append(event)
        for pk, code, head, count in dossiers:
            yield len(chains[pk]), _verify_chain(code, chains[pk], head, count)


def _verify_chain(code: str, events: list[Event], head: str, count: int) -> Broken | None:
    broken = chain.first_break(events, head, count, lambda event: content(event, code))
    return Broken(code, broken.seq, broken.reason) if broken else None
