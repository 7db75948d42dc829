"""Append-only, hash-chained dossier events and the walk that verifies them (`motcua events verify`).

Each event's hash is SHA-256 over a canonical JSON of its content and the previous event's hash; the dossier keeps
the head of its chain, so a changed, removed or inserted event breaks the walk at a named link.
"""
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from .models import Dossier, Event

GENESIS = "0" * 64


def _moment(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


def digest(event: Event, dossier_code: str) -> str:
    content = {
        "dossier": dossier_code, "seq": event.seq, "kind": event.kind, "at": _moment(event.at),
        "actor": event.actor_id, "actor_name": event.actor_name, "from_agency": event.from_agency_id,
        "to_agency": event.to_agency_id, "from_state": event.from_state, "to_state": event.to_state,
        "note": event.note, "data": event.data, "step_deadline": _moment(event.step_deadline),
        "step_outcome": event.step_outcome, "prev": event.prev_hash,
    }
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def append(dossier: Dossier, *, kind: str, at: datetime, actor=None, from_state: str = "", to_state: str = "",
           from_agency=None, to_agency=None, note: str = "", data: dict | None = None, step_deadline=None,
           step_outcome: str = "") -> Event:
    """Add the next link of the dossier's chain. The caller holds the dossier's row lock (lifecycle does)."""
    event = Event(
        dossier=dossier, seq=dossier.event_count + 1, kind=kind, at=at, actor=actor,
        actor_name=(getattr(actor, "full_name", "") or getattr(actor, "username", "")) if actor else "",
        from_agency=from_agency, to_agency=to_agency, from_state=from_state, to_state=to_state, note=note,
        data=json.loads(json.dumps(data or {}, default=str)), step_deadline=step_deadline,
        step_outcome=step_outcome, prev_hash=dossier.last_event_hash or GENESIS,
    )
    event.hash = digest(event, dossier.code)
    event.save(force_insert=True)
    dossier.event_count = event.seq
    dossier.last_event_hash = event.hash
    return event


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
        dossiers = list(Dossier.objects.filter(pk__gt=last_pk).order_by("pk")
                        .values_list("pk", "code", "last_event_hash", "event_count")[:batch])
        if not dossiers:
            return
        last_pk = dossiers[-1][0]
        chains: dict[int, list[Event]] = {pk: [] for pk, *_ in dossiers}
        for event in Event.objects.filter(dossier_id__in=chains).order_by("dossier_id", "seq"):
            chains[event.dossier_id].append(event)
        for pk, code, head, count in dossiers:
            yield len(chains[pk]), _verify_chain(code, chains[pk], head, count)


def _verify_chain(code: str, events: list[Event], head: str, count: int) -> Broken | None:
    previous = GENESIS
    for expected_seq, event in enumerate(events, start=1):
        if event.seq != expected_seq:
            return Broken(code, expected_seq, f"thiếu hoặc thừa sự kiện (gặp số {event.seq})")
        if event.prev_hash != previous:
            return Broken(code, event.seq, "liên kết tới sự kiện trước bị thay đổi")
        if digest(event, code) != event.hash:
            return Broken(code, event.seq, "nội dung sự kiện đã bị sửa (mã băm không khớp)")
        previous = event.hash
    if len(events) != count or previous != (head or GENESIS):
        return Broken(code, len(events) + 1, "thiếu sự kiện ở cuối chuỗi (đầu chuỗi lưu ở hồ sơ không khớp)")
    return None
