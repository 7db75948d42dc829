"""The append-only hash chain: each entry's hash is SHA-256 over a canonical JSON of its content, which includes the
previous entry's hash; the owner (a dossier, a PAKN) keeps the head and the count, so a changed, removed or inserted
entry breaks the walk at a named link.

What an entry's content is stays with its app (`dossiers.events.content`, `feedback.events.content`): the keys and
values hashed are the stored format, and changing them would break every chain already stored. This module holds the
rest, which both share: the canonical form, the linking and the walk.

The owner has `event_count` and `last_event_hash`; an entry has `seq`, `prev_hash` and `hash`.
"""

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

GENESIS = "0" * 64


def moment(value: datetime | None) -> str | None:
    """A moment as the chain stores it: UTC, ISO 8601 (the same instant hashes the same in any zone)."""
    return value.astimezone(UTC).isoformat() if value else None


def plain(data: dict | None) -> dict:
    """`data` as its JSON column gives it back (moments and decimals as text), so the hash taken before saving is the
    hash of what is read later."""
    return json.loads(json.dumps(data or {}, default=str))


def actor_name(actor) -> str:
    """The name kept with an entry, so the history reads the same after the account is renamed or removed."""
    return (getattr(actor, "full_name", "") or getattr(actor, "username", "")) if actor else ""


def digest(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def link(owner, entry, content: Callable[[object], dict]):
    """Link `entry` (unsaved, its own fields set) after the head of `owner`'s chain, hash it and move the head,
    without writing anything: the caller saves the owner, then inserts the entry, in one transaction. So a new owner
    is inserted with its head already set, instead of inserted and then updated (issue 15)."""
    entry.seq = owner.event_count + 1
    entry.prev_hash = owner.last_event_hash or GENESIS
    entry.hash = digest(content(entry))
    owner.event_count, owner.last_event_hash = entry.seq, entry.hash
    return entry


def append(owner, entry, content: Callable[[object], dict]):
    """`link`, then insert the entry. The caller holds the owner's row lock and saves the owner afterwards, in the
    same transaction."""
    link(owner, entry, content)
    entry.save(force_insert=True)
    return entry


@dataclass(frozen=True)
class Break:
    """The first broken link of a chain: its number and, in Vietnamese, what is wrong with it."""

    seq: int
    reason: str


def first_break(entries: Iterable, head: str, count: int, content: Callable[[object], dict]) -> Break | None:
    """Walk `entries` in order of seq against the owner's stored `head` and `count`; None when the chain is intact."""
    previous, walked = GENESIS, 0
    for expected, entry in enumerate(entries, start=1):
        walked = expected
        if entry.seq != expected:
            return Break(expected, f"thiếu hoặc thừa sự kiện (gặp số {entry.seq})")
        if entry.prev_hash != previous:
            return Break(expected, "liên kết tới sự kiện trước bị thay đổi")
        if digest(content(entry)) != entry.hash:
            return Break(expected, "nội dung sự kiện đã bị sửa (mã băm không khớp)")
        previous = entry.hash
    if walked != count or previous != (head or GENESIS):
        return Break(walked + 1, "thiếu sự kiện ở cuối chuỗi (đầu chuỗi đã lưu không khớp)")
    return None
