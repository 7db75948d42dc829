"""PAKN history: what of a FeedbackEvent its hash covers, the next link, and the walk of one PAKN's chain. The chain
itself (canonical JSON, linking, the walk) is motcua.records.chain, shared with dossier events."""

from motcua.records import chain

from .models import Feedback, FeedbackEvent


def content(event: FeedbackEvent, code: str) -> dict:
    """What of an event its hash covers. The stored format: every chain already written is hashed over exactly these
    keys and values, so a change here breaks them all."""
    return {
        "feedback": code,
        "seq": event.seq,
        "kind": event.kind,
        "at": chain.moment(event.at),
        "actor": event.actor_id,
        "actor_name": event.actor_name,
        "agency": event.agency_id,
        "from": event.from_status,
        "to": event.to_status,
        "note": event.note,
        "data": event.data,
        "prev": event.prev_hash,
    }


def append(
    fb: Feedback, kind: str, at, actor=None, *, from_status="", agency=None, note="", data=None
) -> FeedbackEvent:
    """The next link of the PAKN's chain, to its current status. The caller holds the PAKN's row lock."""
    event = FeedbackEvent(
        feedback=fb,
        kind=kind,
        at=at,
        actor=actor,
        actor_name=chain.actor_name(actor),
        agency=agency,
        from_status=from_status,
        to_status=fb.status,
        note=note,
        data=chain.plain(data),
    )
    return chain.append(fb, event, lambda linked: content(linked, fb.code))


def verify(fb: Feedback) -> int | None:
    """The seq of the first broken link of this PAKN's history, or None when the chain is intact."""
    broken = chain.first_break(
        fb.events.order_by("seq"), fb.last_event_hash, fb.event_count, lambda event: content(event, fb.code)
    )
    return broken.seq if broken else None
