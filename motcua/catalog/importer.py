"""Load the national portal's procedure pages into the catalogue (`motcua catalog import PATH`).

Each record becomes a published version of its procedure. Re-import is idempotent: a record whose content hash
equals the current version's is skipped; a changed record publishes a new version and retires the old one.
Text is repaired (legacy encodings) and NFC-normalised on the way in.
"""
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from motcua.vntext.legacy import repair

from . import portal_format, versions
from .models import Channel, Field, OnlineLevel, Procedure, ProcedureVersion, RequiredDocument, levels_value

LEVEL_WORDS = {"cấp bộ": "central", "cấp trung ương": "central", "cấp tỉnh": "province", "cấp huyện": "district",
               "cấp xã": "commune"}
BATCH = 200


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: Counter = field(default_factory=Counter)
    problem_examples: dict = field(default_factory=dict)
    parsed: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def record_hash(record: dict) -> str:
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def parse_levels(text: str) -> list[str]:
    levels = []
    for part in text.split(","):
        code = LEVEL_WORDS.get(part.strip().lower(), "other" if part.strip() else None)
        if code and code not in levels:
            levels.append(code)
    return levels


def repaired(record: dict) -> dict:
    return {key: repair(value) if isinstance(value, str) else value for key, value in record.items()}


def import_file(path: Path, progress=None) -> ImportSummary:
    """Import every record of a JSON-lines file; `progress` is called with each processed record's code."""
    summary = ImportSummary()
    records = portal_format.iter_jsonl(Path(path))
    batch = [next(records, None)]  # the file's format is checked before the database is touched
    if batch[0] is None:
        return summary
    fields = {f.name: f for f in Field.objects.all()}
    for record in records:
        batch.append(record)
        if len(batch) >= BATCH:
            _import_batch(batch, fields, summary, progress)
            batch = []
    if batch:
        _import_batch(batch, fields, summary, progress)
    return summary


@transaction.atomic
def _import_batch(records: list[dict], fields: dict, summary: ImportSummary, progress) -> None:
    codes = [r.get("ma_thu_tuc", "").strip() for r in records]
    existing = {p.code: p for p in Procedure.objects.filter(code__in=codes).select_related("current")}
    for record in records:
        digest = record_hash(record)
        parsed = portal_format.parse_record(repaired(record))
        summary.parsed.append(parsed)
        for problem in parsed.problems:
            reason = problem.split(":")[0]
            summary.problems[reason] += 1
            summary.problem_examples.setdefault(reason, f"{parsed.code}: {problem}")
        procedure = existing.get(parsed.code)
        if procedure is not None and procedure.current and procedure.current.source_hash == digest:
            summary.unchanged += 1
        else:
            if procedure is None:
                procedure = Procedure.objects.create(code=parsed.code)
                existing[parsed.code] = procedure
                summary.created += 1
            else:
                summary.updated += 1
            versions.publish(_new_version(procedure, parsed, digest, fields))
        if progress:
            progress(parsed.code)


def _field(name: str, fields: dict) -> Field | None:
    if not name:
        return None
    if name not in fields:
        fields[name], _ = Field.objects.get_or_create(name=name)
    return fields[name]


def _new_version(procedure: Procedure, parsed, digest: str, fields: dict) -> ProcedureVersion:
    number = (procedure.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    has_online = any(row.channel == "online" for row in parsed.channels)
    version = ProcedureVersion.objects.create(
        procedure=procedure, number=number, name=parsed.name, field=_field(parsed.field, fields),
        levels=levels_value(parse_levels(parsed.level)), level_text=parsed.level,
        decision_number=parsed.decision_number, kind=parsed.kind, applicant_types=parsed.applicant_types,
        competent_agency=parsed.competent_agency, implementing_agency=parsed.implementing_agency,
        receiving_address=parsed.receiving_address, coordinating_agency=parsed.coordinating_agency,
        steps=parsed.steps, conditions=parsed.conditions,
        results=[{"name": r.name, "code": r.code} for r in parsed.results],
        legal_basis=[{"title": b.title, "number": b.number} for b in parsed.legal_basis],
        # The crawl says whether an online channel exists, not whether it is full-process: "một phần" until an
        # official marks it "toàn trình" in a new version.
        online_level=OnlineLevel.PARTIAL if has_online else OnlineLevel.NONE,
        source_url=parsed.source_url, source_hash=digest, import_problems=parsed.problems,
    )
    Channel.objects.bulk_create([
        # a number whose unit the source lost is kept only as text: never guessed into a deadline
        Channel(version=version, position=i, kind=row.channel, amount=row.amount if row.unit else None,
                unit=row.unit or "",
                time_text=row.time_text[:255], description=row.description,
                fees=[{"kind": f.kind, "amount": f.amount, "text": f.text} for f in row.fees])
        for i, row in enumerate(parsed.channels)])
    RequiredDocument.objects.bulk_create([
        RequiredDocument(version=version, position=i, group=doc.group[:500], name=doc.name, originals=doc.originals,
                         copies=doc.copies, form_name=doc.form[:500],
                         is_required="nếu có" not in doc.name.lower())
        for i, doc in enumerate(parsed.documents)])
    return version
