"""Load the national portal's procedure pages into the catalogue (`motcua catalog import PATH [--publish]`).

An import never overwrites a version people rely on. Each new or changed record becomes a DRAFT version of its
procedure, with a report of what it changes against the current version (document lines and their conditions,
processing time and fees per channel), published only on purpose: `--publish`, or an official in the admin. The
draft keeps from the current version what the portal cannot know: the e-form (`form_schema`), the mark that the law
sets no processing time, and the online level an official chose. A pending draft of an earlier import is replaced,
not piled up; a record whose content hash equals the latest version's is skipped (re-import is a no-op), except
that `--publish` publishes the pending draft an earlier import made of that same record.

A side file (`--with FILE`, read by `additions.read_additions`) adds what the portal's format lacks, per
procedure code: the e-form, fees per channel (with the e-form field a fee is counted per), the online level, the tờ
khai line the e-form replaces, the mark that the law sets no time limit, and the agencies that handle it. What it
sets is applied to the versions the import makes and is part of their hash (agencies, which are not versioned, are
set on the procedure at every import); the report lists it under "additions", and a value a side file set counts as
an official's choice, which a later import without the file keeps. The demo's procedures load this way
(motcua/demo/data/).

Document lines are read by `conditions.classify_lines`: a line is required, conditional (with its case) or optional;
lines that are not documents stay out of the checklist and are kept in the version's "Yêu cầu, điều kiện" text.
Text is repaired (legacy encodings) and NFC-normalised on the way in.
"""

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Max, ProtectedError
from django.utils import timezone

from motcua.vntext.legacy import repair
from motcua.vntext.normalize import fold

from . import conditions, declaration_line, portal_format, versions
from .additions import AdditionsError
from .import_report import differences, line_key
from .models import Channel, Field, OnlineLevel, Procedure, ProcedureVersion, RequiredDocument, levels_value

LEVEL_WORDS = {
    "cấp bộ": "central",
    "cấp trung ương": "central",
    "cấp tỉnh": "province",
    "cấp huyện": "district",
    "cấp xã": "commune",
}
BATCH = 200
IMPORT_MARK = "imported_at"  # a version whose import_report has this key was made by an import
ADDITIONS_MARK = "additions"  # ...and this one lists what a side file set on it


@dataclass
class ImportSummary:
    created: int = 0  # procedures new to the catalogue (a first draft)
    updated: int = 0  # records that changed (a new draft)
    unchanged: int = 0
    replaced: int = 0  # pending drafts of an earlier import dropped for a newer one
    drafts: list = field(default_factory=list)  # pks of the versions this import made
    published: int = 0
    without_time_limit: int = 0  # versions made whose channels state no processing time (and not marked as none)
    published_without_time_limit: int = 0  # of the versions published, those that will take no dossier
    documents: Counter = field(default_factory=Counter)  # line kinds over every record read
    problems: Counter = field(default_factory=Counter)
    problem_examples: dict = field(default_factory=dict)
    parsed: list = field(default_factory=list)
    with_additions: int = 0  # versions made with what a side file sets
    additions_unused: list = field(default_factory=list)  # codes of the side file that are not in the file imported

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def record_hash(record: dict, addition: dict | None = None) -> str:
    """The record's content hash; with what a side file sets on its versions (not the agencies) when there is any."""
    versioned = {key: value for key, value in (addition or {}).items() if key != "agencies"}
    payload = {**record, "_additions": versioned} if versioned else record
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _agencies(additions: dict[str, dict]) -> dict:
    """The agencies the side file names, by code; AdditionsError, before anything is written, for a code unknown."""
    codes = {code for entry in additions.values() for code in entry.get("agencies", [])}
    if not codes:
        return {}
    agency = Procedure._meta.get_field("agencies").related_model  # the registry's Agency, not imported from there
    found = {row.code: row for row in agency.objects.filter(code__in=codes)}
    if missing := sorted(codes - set(found)):
        raise AdditionsError(f"Tệp bổ sung: không có cơ quan mã {', '.join(missing)} trong danh mục cơ quan.")
    return found


def _set_by_official(version: ProcedureVersion, key: str = "") -> bool:
    """The version (or its `key`) was chosen by an official: not made by an import, or set by a side file."""
    report = version.import_report or {}
    return IMPORT_MARK not in report or (
        key in report.get(ADDITIONS_MARK, []) if key else bool(report.get(ADDITIONS_MARK))
    )


def parse_levels(text: str) -> list[str]:
    levels = []
    for part in text.split(","):
        code = LEVEL_WORDS.get(part.strip().lower(), "other" if part.strip() else None)
        if code and code not in levels:
            levels.append(code)
    return levels


def repaired(record: dict) -> dict:
    return {key: repair(value) if isinstance(value, str) else value for key, value in record.items()}


def pending_drafts():
    """Drafts made by an import and not yet published (or dropped)."""
    return ProcedureVersion.objects.filter(status=ProcedureVersion.Status.DRAFT, import_report__has_key=IMPORT_MARK)


def import_file(
    path: Path, progress=None, publish: bool = False, additions: dict[str, dict] | None = None
) -> ImportSummary:
    """Import every record of a JSON-lines file as drafts (published too with `publish`); `progress` is called with
    each processed record's code; `additions` (`additions.read_additions`) are applied to the versions made of
    their codes."""
    summary = ImportSummary()
    additions = additions or {}
    records = portal_format.iter_jsonl(Path(path))
    batch = [next(records, None)]  # the file's format is checked before the database is touched
    if batch[0] is None:
        return summary
    agencies = _agencies(additions)
    fields = {f.name: f for f in Field.objects.all()}
    seen: set[str] = set()
    for record in records:
        batch.append(record)
        if len(batch) >= BATCH:
            _import_batch(batch, fields, summary, progress, publish, additions, agencies, seen)
            batch = []
    if batch:
        _import_batch(batch, fields, summary, progress, publish, additions, agencies, seen)
    summary.additions_unused = sorted(set(additions) - seen)
    return summary


def _count_problem(summary: ImportSummary, code: str, problem: str) -> None:
    reason = problem.split(":")[0]
    summary.problems[reason] += 1
    summary.problem_examples.setdefault(reason, f"{code}: {problem}")


@transaction.atomic
def _import_batch(
    records: list[dict],
    fields: dict,
    summary: ImportSummary,
    progress,
    publish: bool,
    additions: dict,
    agencies: dict,
    seen: set,
) -> None:
    codes = [r.get("ma_thu_tuc", "").strip() for r in records]
    existing = {p.code: p for p in Procedure.objects.filter(code__in=codes).select_related("current")}
    latest = {}
    for procedure_id, pk, digest in (
        ProcedureVersion.objects.filter(procedure__code__in=codes)
        .order_by("procedure_id", "number")
        .values_list("procedure_id", "pk", "source_hash")
    ):
        latest[procedure_id] = (pk, digest)  # the highest number wins
    pending: dict[int, list[int]] = {}
    made_with: dict[int, bool] = {}  # pending draft -> made with what a side file sets
    for procedure_id, pk, report in (
        pending_drafts().filter(procedure__code__in=codes).values_list("procedure_id", "pk", "import_report")
    ):
        pending.setdefault(procedure_id, []).append(pk)
        made_with[pk] = bool(report.get(ADDITIONS_MARK))
    for record in records:
        parsed = portal_format.parse_record(repaired(record))
        addition = additions.get(parsed.code) or {}
        with_additions = any(key != "agencies" for key in addition)
        seen.add(parsed.code)
        digest = record_hash(record, addition)
        readings = conditions.classify_lines(parsed.documents)
        summary.parsed.append(parsed)
        summary.documents.update(reading.kind for reading in readings)
        for problem in parsed.problems:
            _count_problem(summary, parsed.code, problem)
        procedure = existing.get(parsed.code)
        last_pk, last_hash = latest.get(procedure.pk, (None, None)) if procedure is not None else (None, None)
        if last_hash == digest:
            summary.unchanged += 1
            if publish and last_pk in pending.get(procedure.pk, []):  # the draft an earlier import made of it
                _publish(ProcedureVersion.objects.get(pk=last_pk), summary)
        elif procedure is not None and procedure.current and procedure.current.source_hash == digest:
            # the page went back to what the current version holds: the draft made in between is dropped, if it came
            # from the same kind of import (re-reading a province's curated file says nothing of the portal's page)
            summary.replaced += _drop([pk for pk in pending.get(procedure.pk, []) if made_with[pk] == with_additions])
            summary.unchanged += 1
        else:
            if procedure is None:
                procedure = Procedure.objects.create(code=parsed.code, name=parsed.name, name_folded=fold(parsed.name))
                existing[parsed.code] = procedure
                summary.created += 1
            else:
                summary.updated += 1
                summary.replaced += _drop(pending.get(procedure.pk, []))
            draft = _new_draft(procedure, parsed, readings, digest, fields, addition)
            summary.drafts.append(draft.pk)
            summary.with_additions += bool(draft.import_report.get(ADDITIONS_MARK))
            for problem in draft.import_problems[len(parsed.problems) :]:
                _count_problem(summary, parsed.code, problem)
            if _without_time_limit(draft):
                summary.without_time_limit += 1
            if publish:
                _publish(draft, summary)
        if "agencies" in addition:  # not versioned: set on the procedure whatever the record's state
            procedure.agencies.set([agencies[code] for code in addition["agencies"]])
        if progress:
            progress(parsed.code)


def _without_time_limit(version: ProcedureVersion) -> bool:
    """No channel states a processing time and the version is not marked as having none by law."""
    return not version.no_time_limit and not version.import_report.get("states_time_limit", True)


def _publish(version: ProcedureVersion, summary: ImportSummary) -> None:
    versions.publish(version)
    summary.published += 1
    if _without_time_limit(version):
        summary.published_without_time_limit += 1


def _drop(pks: list[int]) -> int:
    """Delete pending import drafts; one that something already points at (it should not) is left alone."""
    dropped = 0
    for pk in pks:
        try:
            with transaction.atomic():
                ProcedureVersion.objects.filter(pk=pk, status=ProcedureVersion.Status.DRAFT).delete()
            dropped += 1
        except ProtectedError:
            pass
    return dropped


def _field(name: str, fields: dict) -> Field | None:
    if not name:
        return None
    if name not in fields:
        fields[name], _ = Field.objects.get_or_create(name=name)
    return fields[name]


def _new_draft(
    procedure: Procedure, parsed, readings, digest: str, fields: dict, addition: dict | None = None
) -> ProcedureVersion:
    addition = {key: value for key, value in (addition or {}).items() if key != "agencies"}
    current = procedure.current
    number = (procedure.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    # The crawl says whether an online channel exists, not whether it is full-process: "một phần" unless a side file
    # sets it, or the current version's was chosen by an official (not made by an import, or set by a side file).
    has_online = any(row.channel == "online" for row in parsed.channels)
    derived = OnlineLevel.PARTIAL if has_online else OnlineLevel.NONE
    kept_level = current is not None and _set_by_official(current, "online_level")
    online_level = addition.get("online_level", current.online_level if kept_level else derived)
    fees = addition.get("fees", {})
    channels = [
        # a number whose unit the source lost is kept only as text: never guessed into a deadline; a side file's
        # fee lines for the channel (or for every channel, "*") replace what the page's fee cell was read as
        Channel(
            position=i,
            kind=row.channel,
            amount=row.amount if row.unit else None,
            unit=row.unit or "",
            time_text=row.time_text[:255],
            description=row.description,
            fees=[dict(line) for line in fees.get(row.channel, fees.get("*", []))]
            if row.channel in fees or "*" in fees
            else [{"kind": f.kind, "amount": f.amount, "text": f.text} for f in row.fees],
        )
        for i, row in enumerate(parsed.channels)
    ]
    time_kept = _keep_stated_times(current, channels)
    kept = [(doc, reading) for doc, reading in zip(parsed.documents, readings) if reading.is_document]
    documents = [
        RequiredDocument(
            position=i,
            group=doc.group[:500],
            name=doc.name,
            originals=doc.originals,
            copies=doc.copies,
            form_name=doc.form[:500],
            is_required=reading.is_required,
            condition=reading.condition,
        )
        for i, (doc, reading) in enumerate(kept)
    ]
    notes = [doc.name for doc, reading in zip(parsed.documents, readings) if not reading.is_document]
    inherited = {
        name: value
        for name, value in (
            ("form_schema", current.form_schema if current else None),
            ("no_time_limit", current.no_time_limit if current else False),
        )
        if name not in addition
    }
    values = {**inherited, **{name: addition[name] for name in ("form_schema", "no_time_limit") if name in addition}}
    problems = list(parsed.problems)
    index = None
    if values["form_schema"] and "declaration" in addition:  # the line the side file names, or none
        wanted = addition["declaration"]
        index = next((i for i, doc in enumerate(documents) if wanted and line_key(doc.name) == line_key(wanted)), None)
        if wanted and index is None:
            problems.append(f"additions_declaration_missing: {wanted[:100]}")
    elif values["form_schema"]:  # the e-form replaces the tờ khai line of the new list too
        previous = (
            current.documents.filter(declaration=True).values_list("name", flat=True).first() or "" if current else ""
        )
        index = declaration_line.declaration_index([doc.name for doc in documents], previous)
    if index is not None:
        documents[index].declaration = True
    report = {
        IMPORT_MARK: timezone.now().isoformat(timespec="seconds"),
        "base": {"number": current.number, "curated": _set_by_official(current)} if current else None,
        **differences(current, channels, documents),
        "inherited": [name for name, value in inherited.items() if value]
        + (["online_level"] if "online_level" not in addition and kept_level and online_level != derived else []),
        **({ADDITIONS_MARK: sorted(addition)} if addition else {}),
        "notes": len(notes),
        "time_kept": time_kept,
        "states_time_limit": any(c.unit == Channel.Unit.WITHIN_DAY or (c.unit and c.amount) for c in channels),
    }
    version = ProcedureVersion.objects.create(
        procedure=procedure,
        number=number,
        name=parsed.name,
        field=_field(parsed.field, fields),
        levels=levels_value(parse_levels(parsed.level)),
        level_text=parsed.level,
        decision_number=parsed.decision_number,
        kind=parsed.kind,
        applicant_types=parsed.applicant_types,
        competent_agency=parsed.competent_agency,
        implementing_agency=parsed.implementing_agency,
        receiving_address=parsed.receiving_address,
        coordinating_agency=parsed.coordinating_agency,
        steps=parsed.steps,
        conditions=conditions.with_notes(parsed.conditions, notes),
        results=[{"name": r.name, "code": r.code} for r in parsed.results],
        legal_basis=[{"title": b.title, "number": b.number} for b in parsed.legal_basis],
        online_level=online_level,
        source_url=parsed.source_url,
        source_hash=digest,
        import_problems=problems,
        import_report=report,
        **values,
    )
    for row in channels + documents:
        row.version = version
    Channel.objects.bulk_create(channels)
    RequiredDocument.objects.bulk_create(documents)
    return version


def _keep_stated_times(current: ProcedureVersion | None, channels: list[Channel]) -> list[dict]:
    """Where the source lost a channel's unit ("1" with no unit), keep the processing time the current version
    states for that channel: it is what an official (or an earlier, readable page) set, not a guess. Without it,
    publishing the draft would stop the procedure taking dossiers. Returns what was kept, for the report."""
    if current is None:
        return []
    stated = {c.kind: c for c in current.channels.all() if c.unit == Channel.Unit.WITHIN_DAY or (c.unit and c.amount)}
    kept = []
    for channel in channels:
        source = stated.get(channel.kind)
        if channel.unit or source is None:
            continue
        channel.amount, channel.unit = source.amount, source.unit
        kept.append({"channel": channel.get_kind_display(), "source": channel.time_text, "kept": source.time_display})
    return kept
