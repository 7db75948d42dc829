"""The difference report of an imported draft against the version in force: document lines added, removed and
changed (matched by their folded names), processing time and fees per channel, old → new. The importer stores it
in the draft's `import_report`; the admin shows it on the version page."""

from motcua.vntext.normalize import fold, nfc

from .models import Channel, ProcedureVersion, RequiredDocument


def _line(doc: RequiredDocument) -> dict:
    return {
        "name": doc.name,
        "condition": doc.condition,
        "required": doc.is_required,
        "originals": doc.originals,
        "copies": doc.copies,
    }


def line_key(name: str) -> str:
    """How two document lines are matched: the name folded, spaces collapsed."""
    return " ".join(fold(nfc(name)).split())


def differences(current: ProcedureVersion | None, channels: list[Channel], documents: list[RequiredDocument]) -> dict:
    """Document lines added / removed / changed, processing time and fees per channel, old → new."""
    old_documents = list(current.documents.all()) if current else []
    old_channels = list(current.channels.all()) if current else []
    old_by_key: dict[str, list[RequiredDocument]] = {}
    for doc in old_documents:
        old_by_key.setdefault(line_key(doc.name), []).append(doc)
    added, changed = [], []
    for doc in documents:
        matches = old_by_key.get(line_key(doc.name))
        if not matches:
            added.append(_line(doc))
            continue
        before, after = _line(matches.pop(0)), _line(doc)
        if before != after:
            changed.append({"name": doc.name, "before": before, "after": after})
    removed = [_line(doc) for docs in old_by_key.values() for doc in docs]
    time, fees = [], []
    for kind, label in Channel.Kind.choices:
        old = [c for c in old_channels if c.kind == kind]
        new = [c for c in channels if c.kind == kind]
        old_time, new_time = "; ".join(c.time_display for c in old), "; ".join(c.time_display for c in new)
        if old_time != new_time:
            time.append({"channel": label, "before": old_time, "after": new_time})
        old_fees = [f.get("text", "") for c in old for f in c.fees]
        new_fees = [f.get("text", "") for c in new for f in c.fees]
        if old_fees != new_fees and (old or new):
            fees.append({"channel": label, "before": old_fees, "after": new_fees})
    return {"documents": {"added": added, "removed": removed, "changed": changed}, "time": time, "fees": fees}
